//! Events: triggers, status, dates, places and participants, and merging of mentions.

use chrono::NaiveDate;
use newsmine::extraction::{Entity, EntityType, Event, EventStatus, Mention, Span};
use newsmine::nlp::events;
use newsmine::nlp::text::Doc;
use newsmine::nlp::time;
use proptest::prelude::*;

fn tuesday() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2017, 6, 6)
}

/// Hand-built entities: every occurrence of each (name, type) becomes a mention.
fn entities(doc: &Doc, names: &[(&str, EntityType)]) -> (Vec<Entity>, Vec<Mention>) {
    let mut ents = Vec::new();
    let mut mentions = Vec::new();
    for (k, (name, kind)) in names.iter().enumerate() {
        ents.push(Entity {
            id: k + 1,
            kind: *kind,
            canonical: name.to_string(),
            mention_count: 0,
            surface_forms: vec![name.to_string()],
            first_start: 0,
        });
        for (at, _) in doc.text.match_indices(name) {
            let tok = doc.token_at_or_after(at);
            mentions.push(Mention {
                entity_id: k + 1,
                kind: *kind,
                text: name.to_string(),
                span: Span::new(at, at + name.len()),
                sentence: doc.sentence_of(tok),
            });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    (ents, mentions)
}

fn run(text: &str, names: &[(&str, EntityType)]) -> Vec<Event> {
    let doc = Doc::new(text);
    let times = time::extract(&doc, tuesday());
    let (ents, mentions) = entities(&doc, names);
    let out = events::extract(&doc, &ents, &mentions, &times);
    for e in &out {
        assert_eq!(&text[e.trigger_span.start..e.trigger_span.end], e.trigger);
    }
    out
}

fn find<'a>(events: &'a [Event], kind: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} in {events:#?}"))
}

/// Fails when `events` hold one of `kind`.
fn assert_none(events: &[Event], kind: &str) {
    assert!(
        events.iter().all(|e| e.kind != kind),
        "a {kind} in {events:#?}"
    );
}

fn seed_names() -> Vec<(&'static str, EntityType)> {
    vec![
        ("Sadiq Khan", EntityType::Person),
        ("Donald Trump", EntityType::Person),
        ("Theresa May", EntityType::Person),
        ("Sarah Huckabee Sanders", EntityType::Person),
        ("Channel 4 News", EntityType::Org),
        ("White House", EntityType::Org),
        ("UK", EntityType::Loc),
        ("London Bridge", EntityType::Loc),
        ("Borough Market", EntityType::Loc),
    ]
}

#[test]
fn seed_article_events() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/000_7333f7b512f5e450.txt"
    );
    let Ok(seed) = std::fs::read_to_string(path) else {
        eprintln!("note: ../shared/seed absent, skipped");
        return;
    };
    let ev = run(&seed, &seed_names());
    let attack = find(&ev, "attack");
    assert_eq!(attack.date, "2017-06-03");
    assert_eq!(attack.status, EventStatus::Occurred);
    assert!(attack.mentions >= 4, "{attack:#?}");
    assert!(
        matches!(
            attack.place.as_str(),
            "London Bridge" | "Borough Market" | "London"
        ),
        "{attack:#?}"
    );
    let visit = find(&ev, "visit");
    assert_eq!(visit.status, EventStatus::Planned);
    assert_eq!(visit.date, "2017-10");
    assert_eq!(visit.place, "UK");
    assert_eq!(
        visit.participants.first().map(String::as_str),
        Some("Donald Trump")
    );
    let pcs: Vec<&Event> = ev.iter().filter(|e| e.kind == "press_conference").collect();
    assert_eq!(pcs.len(), 2, "{pcs:#?}");
    assert_eq!(pcs[0].date, "2017-06-05");
    assert_eq!(
        pcs[0].participants.first().map(String::as_str),
        Some("Theresa May")
    );
    assert_eq!(pcs[1].date, "2017-06-05");
    assert_eq!(pcs[1].place, "White House");
    assert!(
        pcs[1]
            .participants
            .iter()
            .any(|p| p == "Sarah Huckabee Sanders")
    );
    for kind in ["protest", "statement", "killing"] {
        find(&ev, kind);
    }
    // ids in text order, 0-based sentences inside the library
    assert_eq!(
        ev.iter().map(|e| e.id).collect::<Vec<_>>(),
        (1..=ev.len()).collect::<Vec<_>>()
    );
    assert!(
        ev.windows(2)
            .all(|w| w[0].trigger_span.start < w[1].trigger_span.start)
    );
}

#[test]
fn football_attacks_are_not_terror_attacks() {
    let ev = run(
        "The striker led the attack as United scored twice in the league match on Saturday.",
        &[],
    );
    assert_none(&ev, "attack");
    let ev = run("He suffered a heart attack on Monday.", &[]);
    assert_none(&ev, "attack");
}

#[test]
fn statuses() {
    let status = |text: &str, kind: &str| find(&run(text, &[]), kind).status;
    assert_eq!(
        status("The summit was cancelled on Monday.", "meeting"),
        EventStatus::Cancelled
    );
    assert_eq!(
        status(
            "Passengers faced another day of cancelled trains on Monday as a strike by drivers \
             entered its third week.",
            "strike"
        ),
        EventStatus::Occurred
    );
    assert_eq!(
        status("The union called off the strike on Monday.", "strike"),
        EventStatus::Cancelled
    );
    assert_eq!(
        status("The summit will take place next week.", "meeting"),
        EventStatus::Planned
    );
    assert_eq!(
        status("There was no protest on Monday.", "protest"),
        EventStatus::Negated
    );
    assert_eq!(
        status(
            "If talks fail, a strike by the union could follow.",
            "strike"
        ),
        EventStatus::Hypothetical
    );
    assert_eq!(
        status("Police arrested two men in court on Monday.", "arrest"),
        EventStatus::Occurred
    );
}

#[test]
fn participants_agent_first_and_place_after_in() {
    let ev = run(
        "Angela Merkel met Emmanuel Macron in Paris on Monday.",
        &[
            ("Angela Merkel", EntityType::Person),
            ("Emmanuel Macron", EntityType::Person),
            ("Paris", EntityType::Loc),
        ],
    );
    let m = find(&ev, "meeting");
    assert_eq!(m.participants, vec!["Angela Merkel", "Emmanuel Macron"]);
    assert_eq!(m.place, "Paris");
    assert_eq!(m.date, "2017-06-05");
    assert_eq!(m.date_text, "Monday");
}

#[test]
fn an_undated_event_has_no_date() {
    let ev = run("Rebels attacked the convoy near the border.", &[]);
    let a = find(&ev, "attack");
    assert_eq!(a.date, "");
    assert_eq!(a.date_text, "");
}

#[test]
fn reported_speech_is_an_event_only_when_dated_or_in_the_lead() {
    // after the lead, an undated "said" is background
    let lead = "Rebels attacked a convoy. Two soldiers were hurt. The army sent troops. ";
    let ev = run(&format!("{lead}The minister said the plan was sound."), &[]);
    assert_none(&ev, "statement");
    let ev = run(
        &format!("{lead}The minister said on Monday that the plan was sound."),
        &[],
    );
    assert_eq!(find(&ev, "statement").date, "2017-06-05");
    // in the lead, whoever says it: "police said"
    let ev = run_dated("Police said the convoy was attacked near the border.", &[]);
    assert_eq!(find(&ev, "statement").date_text, "(publication date)");
    // a passive reports no one's statement
    let ev = run_dated("The city has been told that trams are a dream.", &[]);
    assert_none(&ev, "statement");
}

/// Like [`run`], with the article's reference (publication) date.
fn run_dated(text: &str, names: &[(&str, EntityType)]) -> Vec<Event> {
    let doc = Doc::new(text);
    let times = time::extract(&doc, tuesday());
    let (ents, mentions) = entities(&doc, names);
    events::extract_with_reference(&doc, &ents, &mentions, &times, tuesday())
}

#[test]
fn events_reported_as_news_take_the_publication_date() {
    let airbus = [("Airbus", EntityType::Org)];
    let ev = run_dated("Airbus has announced 10,000 job cuts.", &airbus);
    let a = find(&ev, "announcement");
    assert_eq!(a.date, "2017-06-06");
    assert_eq!(a.date_text, "(publication date)");
    // a stated date wins
    let ev = run_dated("Airbus announced job cuts on Monday.", &airbus);
    assert_eq!(find(&ev, "announcement").date, "2017-06-05");
    // without a reference date nothing is anchored
    let ev = run("Airbus has announced 10,000 job cuts.", &airbus);
    assert_eq!(find(&ev, "announcement").date, "");
}

#[test]
fn planned_negated_generic_and_background_events_are_not_anchored() {
    let airbus = [("Airbus", EntityType::Org), ("Trump", EntityType::Person)];
    for text in [
        "Airbus will announce job cuts.",
        "Airbus did not announce job cuts.",
        "Airbus could announce job cuts.",
        "Protests have been a regular feature wherever Trump has visited.",
        "Airbus had announced job cuts.",
    ] {
        for e in run_dated(text, &airbus) {
            assert_eq!(e.date, "", "{text}: {e:#?}");
        }
    }
    // the simple past tells a background story after the lead
    let lead = "Airbus has opened a new plant. It employs 300 people. Workers cheered. ";
    let text =
        format!("{lead}Shares rose. Analysts were pleased. In the past Airbus announced job cuts.");
    let ev = run_dated(&text, &airbus);
    assert_eq!(find(&ev, "announcement").date, "", "{ev:#?}");
}

#[test]
fn said_in_the_lead_is_a_statement_of_a_named_speaker() {
    let boeing = [("Boeing", EntityType::Org)];
    let ev = run_dated("Boeing said it would cut 500 jobs.", &boeing);
    let s = find(&ev, "statement");
    assert_eq!(s.date, "2017-06-06");
    assert_eq!(s.participants.first().map(String::as_str), Some("Boeing"));
    // one row per speaker, not one per quote
    let ev = run_dated(
        "Boeing said on Monday it would cut jobs. Boeing also said on Monday it would sell a plant.",
        &boeing,
    );
    assert_eq!(
        ev.iter().filter(|e| e.kind == "statement").count(),
        1,
        "{ev:#?}"
    );
}

#[test]
fn business_events() {
    let names = [("Boeing", EntityType::Org), ("Apple", EntityType::Org)];
    let kinds = |text: &str| -> Vec<String> {
        run_dated(text, &names)
            .into_iter()
            .map(|e| e.kind)
            .collect()
    };
    assert!(kinds("Apple launched the new iPhone.").contains(&"launch".to_string()));
    assert!(
        kinds("Boeing delivered the first 787 aircraft to ANA.").contains(&"delivery".to_string())
    );
    assert!(
        kinds("Apple Corps sued Apple over the trademark in court.")
            .contains(&"legal_action".to_string())
    );
    assert!(kinds("Boeing shares fell 5 percent.").contains(&"market_movement".to_string()));
    assert!(kinds("The 787 made its maiden flight from Everett.").contains(&"flight".to_string()));
    // "space launch contracts": a launch that modifies another noun is no launch
    assert!(!kinds("Boeing may bid for space launch contracts.").contains(&"launch".to_string()));
}

fn kinds_of(text: &str, names: &[(&str, EntityType)]) -> Vec<String> {
    run_dated(text, names).into_iter().map(|e| e.kind).collect()
}

#[test]
fn trigger_words_used_as_other_parts_of_speech_are_no_events() {
    let none = |text: &str, kind: &str| {
        let k = kinds_of(text, &[("Nordlys", EntityType::Org)]);
        assert!(!k.contains(&kind.to_string()), "{text}: {k:?}");
    };
    // a noun modifying the noun after it
    none("The roof of a primary school collapsed.", "election");
    none(
        "Turnout was 61 per cent, according to the election office.",
        "election",
    );
    // a verb's form after a preposition, and an -ing form inside a noun phrase
    none(
        "Nordlys will offer a phone service for ships and remote cabins.",
        "delivery",
    );
    none(
        "Nordlys, the container shipping group, has agreed to buy a rival.",
        "delivery",
    );
    none(
        "The chief executive resigned after a profit warning that wiped out a third of its value.",
        "statement",
    );
    // a noun's form after a subject: a verb
    none("We finally have a director who talks to us.", "meeting");
    // an opinion shared is no agreement made
    none(
        "The board and I agree that the company needs new leadership.",
        "deal",
    );
    // but the events themselves still are
    let k = kinds_of(
        "Nordlys has agreed to buy its rival for $4.8 billion.",
        &[("Nordlys", EntityType::Org)],
    );
    assert!(k.contains(&"deal".to_string()), "{k:?}");
    let k = kinds_of(
        "Nordlys shipped 2,000 phones to customers on Monday.",
        &[("Nordlys", EntityType::Org)],
    );
    assert!(k.contains(&"delivery".to_string()), "{k:?}");
    let k = kinds_of("The attack killed three people.", &[]);
    assert!(k.contains(&"attack".to_string()), "{k:?}");
    // "loss" is singular: a reported loss is a result
    let k = kinds_of(
        "On Monday Nordlys reported a net loss of $212 million.",
        &[("Nordlys", EntityType::Org)],
    );
    assert!(k.contains(&"financial_result".to_string()), "{k:?}");
}

#[test]
fn a_conference_call_is_a_press_conference_without_the_names_quoted() {
    let names = [("Cork", EntityType::Org), ("Myhre", EntityType::Person)];
    let ev = run_dated(
        "Myhre told analysts on a conference call: \"Get Cork running again.\"",
        &names,
    );
    let c = find(&ev, "press_conference");
    assert_eq!(c.trigger, "conference call");
    assert!(!c.participants.contains(&"Cork".to_string()), "{c:#?}");
    // a phrase quoted whole is no break
    let names = [("NordBus", EntityType::Org)];
    let ev = run("NordBus said it was \"shocked\" by the accident.", &names);
    assert_eq!(find(&ev, "accident").participants, vec!["NordBus"]);
}

#[test]
fn an_organisation_named_like_a_place_of_the_article_is_no_participant() {
    let doc = Doc::new("A fire hit the plant in Cork. Workers at Cork went on strike on Monday.");
    let times = time::extract(&doc, tuesday());
    let (mut ents, mut mentions) = entities(&doc, &[("Cork", EntityType::Loc)]);
    // the recogniser read the second Cork as an organisation
    ents.push(Entity {
        id: 2,
        kind: EntityType::Org,
        canonical: "Cork".into(),
        mention_count: 1,
        surface_forms: vec!["Cork".into()],
        first_start: 41,
    });
    ents[0].mention_count = 1;
    mentions[1].entity_id = 2;
    mentions[1].kind = EntityType::Org;
    let ev = events::extract(&doc, &ents, &mentions, &times);
    assert!(find(&ev, "strike").participants.is_empty(), "{ev:#?}");
}

#[test]
fn times_of_other_clauses_do_not_date_an_event() {
    let names = [
        ("Fitzgerald", EntityType::Person),
        ("Brightwater", EntityType::Org),
    ];
    // a relative clause closed by a comma before the trigger
    let ev = run(
        "Fitzgerald, who had led Brightwater since 2019, said in a letter that he was stepping down.",
        &names,
    );
    assert!(ev.iter().all(|e| e.date != "2019"), "{ev:#?}");
    assert_eq!(
        find(&ev, "resignation")
            .participants
            .first()
            .map(String::as_str),
        Some("Fitzgerald")
    );
    // a time after a "that" that does not follow the trigger
    let ev = run(
        "Myhre told a press conference in Oslo that the company had added customers in the third quarter.",
        &[],
    );
    assert_eq!(find(&ev, "press_conference").date, "");
    // but the attack that killed three on Monday was on Monday
    let ev = run(
        "The attack that killed three on Monday shocked the town.",
        &[],
    );
    assert_eq!(find(&ev, "attack").date, "2017-06-05");
    // an adjectival time ("full-year profit") dates its noun only
    let ev = run(
        "Brightwater warned that full-year profit would fall after a fire at its plant.",
        &names,
    );
    assert_eq!(find(&ev, "disaster").date, "", "{ev:#?}");
}

#[test]
fn hyphenated_triggers_match_hyphenated_words_only() {
    let k = kinds_of("Thousands joined a sit-in outside parliament.", &[]);
    assert!(k.contains(&"protest".to_string()), "{k:?}");
    let k = kinds_of("Thousands sit in the square every day.", &[]);
    assert!(!k.contains(&"protest".to_string()), "{k:?}");
    let k = kinds_of("The take-off of the aircraft was normal.", &[]);
    assert!(k.contains(&"flight".to_string()), "{k:?}");
}

#[test]
fn a_time_modifying_a_noun_dates_that_noun_only() {
    let apple = [("Apple", EntityType::Org)];
    // "Monday's email announcement": the possessive time dates its own noun
    let ev = run("Monday's email announcement shocked investors.", &apple);
    assert_eq!(find(&ev, "announcement").date, "2017-06-05");
    // "the 1991 agreement" dates the agreement, not what it said
    let ev = run(
        "The 1991 agreement was that Apple would not sell music in shops.",
        &apple,
    );
    assert_eq!(find(&ev, "deal").date, "1991");
    assert!(
        ev.iter().filter(|e| e.date == "1991").count() == 1,
        "{ev:#?}"
    );
}

#[test]
fn a_headline_noun_with_its_own_determiner_is_news() {
    let ev = run_dated(
        "Airliner makes first flight\n\nThe plane took off from Toulouse.",
        &[],
    );
    assert_eq!(find(&ev, "flight").date, "2017-06-06", "{ev:#?}");
}

#[test]
fn an_event_of_now_is_not_merged_with_one_of_another_date() {
    let apple = [("Apple", EntityType::Org)];
    let ev = run_dated(
        "Apple released a new phone. Its new phone system is to be released in 2018.",
        &apple,
    );
    let launches: Vec<&Event> = ev.iter().filter(|e| e.kind == "launch").collect();
    assert_eq!(launches.len(), 2, "{ev:#?}");
    assert_eq!(launches[0].date_text, "(publication date)");
    assert_eq!(launches[1].date, "2018");
}

#[test]
fn legal_and_political_verbs_with_their_objects() {
    let names = [("Apple", EntityType::Org), ("Apple Corps", EntityType::Org)];
    let has = |text: &str, kind: &str| {
        let k = kinds_of(text, &names);
        assert!(k.contains(&kind.to_string()), "{text}: {k:?}");
    };
    has(
        "Apple Corps lost its court case against Apple today.",
        "trial",
    );
    has(
        "A class-action lawsuit was filed against Apple in January.",
        "legal_action",
    );
    has(
        "Apple has settled its trademark dispute with Apple Corps.",
        "deal",
    );
    has("Lawmakers rejected the proposal in October.", "legislation");
    has("He underwent a liver transplant in 2009.", "health");
    has(
        "Apple Corps argued that the store broke the agreement.",
        "statement",
    );
    // without their objects they are no events
    let k = kinds_of("The team lost the match on Saturday.", &names);
    assert!(!k.contains(&"trial".to_string()), "{k:?}");
    let k = kinds_of("Apple rejected the idea of a smaller phone.", &names);
    assert!(!k.contains(&"legislation".to_string()), "{k:?}");
}

#[test]
fn a_date_line_dates_news_when_no_publication_date_came() {
    let text =
        "Airbus wins contract\nMarch 01 , 2008\nAirbus has won a contract to supply tankers .";
    let ev = run(text, &[("Airbus", EntityType::Org)]);
    let d = find(&ev, "deal");
    assert_eq!(d.date, "2008-03-01", "{ev:#?}");
    assert_eq!(d.date_text, "(publication date)");
}

#[test]
fn two_nouns_a_verb_apart_are_two_events() {
    let ev = run(
        "This new settlement replaces the 1991 agreement between the two companies.",
        &[],
    );
    let deals: Vec<&Event> = ev.iter().filter(|e| e.kind == "deal").collect();
    assert_eq!(deals.len(), 2, "{ev:#?}");
    assert_eq!(deals[1].date, "1991");
}

#[test]
fn a_contrasting_clause_has_its_own_actors() {
    let ev = run(
        "Lawmakers rejected the bill in October, although experts say the deal had been killed by the Pentagon.",
        &[("Pentagon", EntityType::Org)],
    );
    assert!(find(&ev, "legislation").participants.is_empty(), "{ev:#?}");
}

#[test]
fn long_sentences_are_trimmed_in_the_evidence() {
    let filler = "and the crowd grew ".repeat(40);
    let text = format!("Thousands joined the protest in the square {filler}until night fell.");
    let ev = run(&text, &[]);
    let p = find(&ev, "protest");
    assert!(p.evidence.chars().count() <= 310, "{}", p.evidence.len());
    assert!(p.evidence.contains("protest"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_spans_slice_the_text(text in "\\PC{0,400}") {
        let doc = Doc::new(&text);
        let times = time::extract(&doc, tuesday());
        for e in events::extract(&doc, &[], &[], &times) {
            prop_assert_eq!(&text[e.trigger_span.start..e.trigger_span.end], e.trigger.as_str());
        }
    }

    #[test]
    fn trigger_words_in_any_order_never_panic(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "the", "attack", "attacked", "on", "Monday", "in", "Paris", "by", "Khan", "said",
            "will", "not", "cancelled", "press", "conference", "state", "visit", "\"", ",", ".",
            "rammed", "into", "strike", "union", "protest", "could", "the", "weekend", "deal",
            "million", "shot", "dead", "election", "(", ")", "5", "June",
        ]), 0..80)) {
        let text = words.join(" ");
        let names = [("Paris", EntityType::Loc), ("Khan", EntityType::Person)];
        let ev = run(&text, &names);
        prop_assert!(ev.iter().all(|e| e.mentions >= 1));
    }
}

#[test]
fn names_with_trigger_words_are_no_events() {
    let names = [("Charlie Hodgson", EntityType::Person)];
    let ev = run(
        "Sale's Charlie Hodgson took over the number 10 shirt against Canada.",
        &names,
    );
    assert!(ev.iter().all(|e| e.trigger != "Sale"), "{ev:#?}");
    let ev = run(
        "The government opted out of part of the European Convention on Human Rights.",
        &[],
    );
    assert_none(&ev, "meeting");
    let ev = run("Meet The Fockers opens in the UK on Friday.", &[]);
    assert_none(&ev, "meeting");
    // a named conference is still an event
    let ev = run("Leaders gathered at the Davos Summit on Monday.", &[]);
    assert!(ev.iter().any(|e| e.kind == "meeting"), "{ev:#?}");
}

#[test]
fn meeting_a_target_or_criticism_is_no_meeting() {
    let ev = run(
        "The firm held a boardroom shake-out on Monday to meet criticism of its board.",
        &[],
    );
    assert_none(&ev, "meeting");
    let ev = run(
        "Qantas sought a tie-up on Monday to meet the challenge posed by low cost carriers.",
        &[],
    );
    assert_none(&ev, "meeting");
    let ev = run("Blair met the French president in Paris on Monday.", &[]);
    find(&ev, "meeting");
}

#[test]
fn attacking_without_violence_is_criticism() {
    let ev = run(
        "Ronnie Corbett attacked the declining standards of British television on Monday.",
        &[],
    );
    assert_none(&ev, "attack");
    let ev = run(
        "Gunmen attacked a police convoy on Monday, killing three.",
        &[],
    );
    find(&ev, "attack");
}

#[test]
fn market_sessions_and_rallies_are_no_meetings_or_protests() {
    let ev = run(
        "Shares fell during Friday's trading session and the dollar failed to extend its rally.",
        &[],
    );
    assert_none(&ev, "meeting");
    assert_none(&ev, "protest");
    let ev = run(
        "Thousands joined a rally in Trafalgar Square on Monday.",
        &[],
    );
    find(&ev, "protest");
}

#[test]
fn award_nominations_are_awards_and_shop_promotions_no_appointments() {
    let ev = run(
        "Stars Leonardo DiCaprio and Cate Blanchett were nominated for acting Oscars on Monday.",
        &[],
    );
    assert_none(&ev, "appointment");
    find(&ev, "award");
    let ev = run(
        "Extending some promotions and discounts on Monday could not tempt customers.",
        &[],
    );
    assert_none(&ev, "appointment");
}

#[test]
fn sports_debuts_and_titles_claimed_are_no_launches_or_statements() {
    let ev = run(
        "The winger made his England debut on Saturday against Wales in the rugby international.",
        &[],
    );
    assert_none(&ev, "launch");
    let ev = run("Federer claimed the Dubai title on Sunday.", &[]);
    assert_none(&ev, "statement");
    let ev = run(
        "The firm claimed on Monday that its rival had copied the design.",
        &[],
    );
    find(&ev, "statement");
}

#[test]
fn signs_of_is_no_signing() {
    let ev = run(
        "The survey on Monday found continuing signs of a slowdown in the housing market, with shares down.",
        &[],
    );
    assert_none(&ev, "deal");
}

#[test]
fn a_time_in_the_reported_words_does_not_date_the_reporting_verb() {
    let names = [("Bank of England", EntityType::Org)];
    let ev = run(
        "Interest rates were held at the lowest rate since September 1995, the Bank of England said.",
        &names,
    );
    assert!(
        ev.iter()
            .all(|e| e.kind != "statement" || !e.date.starts_with("1995")),
        "{ev:#?}"
    );
    let names = [("Louis Schweitzer", EntityType::Person)];
    let ev = run(
        "Chairman Louis Schweitzer said 2004 had been a great year for the firm.",
        &names,
    );
    assert!(
        ev.iter().all(|e| e.kind != "statement" || e.date != "2004"),
        "{ev:#?}"
    );
    // a time that opens the sentence dates the verb
    let names = [("Lord Goldsmith", EntityType::Person)];
    let ev = run(
        "On Thursday, Lord Goldsmith said his statement had not been written by Number 10.",
        &names,
    );
    assert_eq!(find(&ev, "statement").date, "2017-06-01");
}

#[test]
fn a_time_in_the_reported_clause_dates_its_event_not_the_saying() {
    let names = [("Nordbank", EntityType::Org)];
    for text in [
        "Nordbank said fourth quarter sales rose 2% after the launch of its new phone.",
        "Nordbank said sales in the fourth quarter rose 2% after the launch of its new phone.",
    ] {
        let ev = run(text, &names);
        let statement = find(&ev, "statement");
        assert_eq!(statement.date, "", "{text}: {ev:#?}");
        // the quarter dates the event of the reported clause: the sales rising, or the launch
        assert!(
            ev.iter()
                .any(|e| e.kind != "statement" && e.date.ends_with("Q4")),
            "{text}: {ev:#?}"
        );
    }
    // the verb's own time: right after it, after a hearer or before "that"
    for (text, date) in [
        ("Nordbank said on Tuesday that sales rose.", "2017-06-06"),
        ("Nordbank said yesterday that sales rose.", "2017-06-05"),
        (
            "Nordbank told reporters on Monday that sales rose.",
            "2017-06-05",
        ),
        (
            "Nordbank said in a statement on Monday it had sold a plant.",
            "2017-06-05",
        ),
        (
            "Nordbank announced plans on Monday to sell a plant.",
            "2017-06-05",
        ),
    ] {
        let ev = run(text, &names);
        let e = ev
            .iter()
            .find(|e| matches!(e.kind.as_str(), "statement" | "announcement"))
            .unwrap_or_else(|| panic!("{text}: {ev:#?}"));
        assert_eq!(e.date, date, "{text}: {ev:#?}");
    }
}

#[test]
fn a_time_after_a_saying_and_its_adjuncts_dates_it() {
    let names = [("Nordbank", EntityType::Org)];
    for (text, date) in [
        (
            "Nordbank said after the hearing on Tuesday that it would appeal.",
            "2017-06-06",
        ),
        (
            "Nordbank said in a report last month that it would appeal.",
            "2017-05",
        ),
        (
            "Nordbank told local media Monday that it would appeal.",
            "2017-06-05",
        ),
        (
            "Nordbank announced Sunday drastic spending cuts.",
            "2017-06-04",
        ),
    ] {
        let ev = run(text, &names);
        let e = ev
            .iter()
            .find(|e| matches!(e.kind.as_str(), "statement" | "announcement"))
            .unwrap_or_else(|| panic!("{text}: {ev:#?}"));
        assert_eq!(e.date, date, "{text}: {ev:#?}");
    }
    // but a time of what was said does not date the saying
    for text in [
        "Nordbank said the manager died on Saturday.",
        "Nordbank said 2004 profits were the best in its history.",
    ] {
        let ev = run(text, &names);
        assert_eq!(find(&ev, "statement").date, "", "{text}: {ev:#?}");
    }
}

#[test]
fn sales_and_profits_moving_are_financial_results() {
    let names = [("Nordbank", EntityType::Org)];
    for text in [
        "Nordbank said fourth quarter sales rose 2% to $11.1bn.",
        "Nordbank reported a 43% rise in net profits to 2.4bn euros.",
        "Nordbank sold more than 80,000 cars last year.",
    ] {
        let ev = run(text, &names);
        assert!(
            ev.iter().any(|e| e.kind == "financial_result"),
            "{text}: {ev:#?}"
        );
        assert!(ev.iter().all(|e| e.kind != "deal"), "{text}: {ev:#?}");
    }
    let ev = run(
        "Nordbank said fourth quarter sales rose 2% to $11.1bn.",
        &names,
    );
    assert!(
        find(&ev, "financial_result").date.ends_with("Q4"),
        "{ev:#?}"
    );
}

#[test]
fn figurative_and_generic_uses_are_no_events() {
    for text in [
        "The firm said it could not meet demand for its phones.",
        "The euro has shot up against the dollar.",
        "Mr Howard dismissed fears that the plan was too modest.",
        "Ministers proposed house arrest for the suspects.",
        "He said he was in favour of floating exchange rates.",
        "Its mail order division saw profits grow.",
    ] {
        let kinds = kinds_of(text, &[]);
        assert!(
            !kinds.iter().any(|k| matches!(
                k.as_str(),
                "meeting" | "attack" | "resignation" | "arrest" | "deal"
            )),
            "{text}: {kinds:?}"
        );
    }
}
