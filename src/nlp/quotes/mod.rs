//! Quotes and their speakers (issue 4): direct quotes in quotation marks, reported speech,
//! mixed and partial quotes, each with its cue and its speaker resolved to a name.
//!
//! The stage reads the text itself and does not need the entity tagger to find a speaker: the
//! speaker phrase comes from around the cue ([`speakers`]), and is then linked to an entity
//! when one is named there, or resolved through the article's names ([`names`]).
//!
//! - [`marks`] pairs quotation marks into quoted stretches, paragraph by paragraph;
//! - [`cues`] finds the cue words of `data/quote-cues.txt`;
//! - [`attribute`] decides what is a quote, with which cue and speaker phrase;
//! - [`names`] turns speaker phrases into names.

pub mod attribute;
pub mod context;
pub mod cues;
pub mod lexicon;
pub mod marks;
pub mod names;
pub mod speakers;

use crate::extraction::{Entity, Mention, Quote, QuoteKind, Span};
use crate::nlp::text::Doc;
use attribute::Found;
use context::Context;
use names::{NameIndex, Resolved};

/// Finds the quotes of `doc` and resolves their speakers. Spans are byte offsets, sentences
/// 0-based, ids 1-based in text order.
pub fn extract(doc: &Doc, entities: &[Entity], mentions: &[Mention]) -> Vec<Quote> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let cx = Context::new(doc);
    let found = attribute::attribute(&cx);
    if found.is_empty() {
        return Vec::new();
    }
    let mut names = NameIndex::build(&cx, entities, mentions);
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let head = f.inherit.and_then(|h| quotes.get(h));
        let quote = match head {
            Some(h) => Quote {
                id: i + 1,
                kind: f.kind,
                text: String::new(),
                span: Span::default(),
                sentence: 0,
                ..h.clone()
            },
            None => speaker_fields(&cx, &mut names, f, i + 1),
        };
        quotes.push(with_content(&cx, f, quote));
    }
    quotes
}

/// A quote with the speaker and cue of `f`, content still empty.
fn speaker_fields(cx: &Context, names: &mut NameIndex, f: &Found, id: usize) -> Quote {
    let (cue, cue_span) = match &f.cue {
        Some(c) if !c.is_empty() => {
            let b = cx.bytes(c.clone());
            (
                cx.doc.text[b.clone()].to_string(),
                Some(Span::new(b.start, b.end)),
            )
        }
        _ => (String::new(), None),
    };
    let (resolved, speaker_text, speaker_span) = match &f.speaker {
        Some(np) => {
            let at = f.cue.as_ref().map_or(np.head.start, |c| c.start);
            let b = cx.bytes(np.head.clone());
            (
                names.resolve(cx, np, at, f.kind == QuoteKind::Direct),
                cx.doc.text[b.clone()].to_string(),
                Some(Span::new(b.start, b.end)),
            )
        }
        None => (Resolved::default(), String::new(), None),
    };
    Quote {
        id,
        kind: f.kind,
        speaker: resolved.name,
        speaker_entity_id: resolved.entity,
        speaker_text,
        speaker_span,
        cue,
        cue_span,
        text: String::new(),
        span: Span::default(),
        sentence: 0,
    }
}

/// What joins the parts of a quotation interrupted by its tag in the `text` column.
pub const PART_SEPARATOR: &str = " … ";

/// Fills the content fields of `quote` from `f`: the span runs from the first word said to the
/// last; the text is what was said, the parts of an interrupted quotation joined by
/// [`PART_SEPARATOR`] (`"I would," Melanie said. "I would, Donald."` gives
/// `I would, … I would, Donald.`).
fn with_content(cx: &Context, f: &Found, mut quote: Quote) -> Quote {
    let b = cx.bytes(f.content.clone());
    quote.text = match f.interruption {
        Some(_) => {
            let parts: Vec<&str> = f
                .parts()
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|p| &cx.doc.text[cx.bytes(p)])
                .collect();
            parts.join(PART_SEPARATOR)
        }
        None => cx.doc.text[b.clone()].to_string(),
    };
    quote.span = Span::new(b.start, b.end);
    quote.sentence = cx.doc.sentence_of(f.content.start.min(cx.len() - 1));
    quote
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::QuoteKind;
    use proptest::prelude::*;

    fn quotes(text: &str) -> Vec<Quote> {
        extract(&Doc::new(text), &[], &[])
    }

    /// The quotes of `text`, checked against the invariants every quote keeps.
    fn checked_quotes(text: &str) -> Vec<Quote> {
        let qs = quotes(text);
        check_invariants(text, &qs);
        qs
    }

    /// Each quote's text and speaker as written.
    fn texts_and_speakers(qs: &[Quote]) -> Vec<(&str, &str)> {
        qs.iter()
            .map(|q| (q.text.as_str(), q.speaker_text.as_str()))
            .collect()
    }

    /// Tagger output for persons: `(entity id, surface, canonical name)`, each mention at the
    /// first place its surface is written.
    fn person_tags(
        text: &str,
        tags: &[(usize, &str, &str)],
    ) -> (
        Vec<crate::extraction::Entity>,
        Vec<crate::extraction::Mention>,
    ) {
        use crate::extraction::{Entity, EntityType, Mention, Span};
        let mut entities: Vec<Entity> = Vec::new();
        let mut mentions = Vec::new();
        for &(id, surface, canonical) in tags {
            let at = text.find(surface).unwrap_or(0);
            if !entities.iter().any(|e| e.id == id) {
                entities.push(Entity {
                    id,
                    kind: EntityType::Person,
                    canonical: canonical.into(),
                    mention_count: 1,
                    surface_forms: vec![surface.into()],
                    first_start: at,
                });
            }
            mentions.push(Mention {
                entity_id: id,
                kind: EntityType::Person,
                text: surface.into(),
                span: Span::new(at, at + surface.len()),
                sentence: 0,
            });
        }
        (entities, mentions)
    }

    /// Each quote's text, cue and speaker as written.
    fn texts_cues_and_speakers(qs: &[Quote]) -> Vec<(&str, &str, &str)> {
        qs.iter()
            .map(|q| (q.text.as_str(), q.cue.as_str(), q.speaker_text.as_str()))
            .collect()
    }

    fn check_invariants(text: &str, qs: &[Quote]) {
        let doc = Doc::new(text);
        for (i, q) in qs.iter().enumerate() {
            assert_eq!(q.id, i + 1);
            let slice = text
                .get(q.span.start..q.span.end)
                .expect("span on char boundaries");
            if slice != q.text {
                // An interrupted quotation: its parts, in order, first and last at the ends.
                let parts: Vec<&str> = q.text.split(PART_SEPARATOR).collect();
                assert!(parts.len() >= 2, "{q:?}");
                assert!(slice.starts_with(parts[0]) && slice.ends_with(parts[parts.len() - 1]));
                let mut at = 0;
                for p in parts {
                    let found = slice[at..].find(p).expect("part inside the span");
                    at += found + p.len();
                }
            }
            if let Some(s) = q.speaker_span {
                assert_eq!(text.get(s.start..s.end), Some(q.speaker_text.as_str()));
            }
            if let Some(c) = q.cue_span {
                assert_eq!(text.get(c.start..c.end), Some(q.cue.as_str()));
            }
            assert!(q.sentence < doc.sentences.len());
            if i > 0 {
                assert!(qs[i - 1].span.start <= q.span.start);
            }
        }
    }

    #[test]
    fn seed_like_article() {
        let text = "London mayor Sadiq Khan has called for a visit to be cancelled.\n\n\
            Speaking to Channel 4 News, Khan said: \"I don't think we should roll out the red carpet.\n\n\
            \"When you have a special relationship it is no different. There are many things about which Donald Trump is wrong.\"\n\n\
            At the briefing, the deputy press secretary, Sarah Huckabee Sanders said: \"I don't see that the president is picking a fight\", she then went on to blame confusion on \"media spin.\"\n\n\
            Theresa May defended Khan saying that he was doing a \"good job\" following the attack.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let find = |start: &str| qs.iter().find(|q| q.text.starts_with(start));
        let khan1 = find("I don't think").expect("first paragraph");
        let khan2 = find("When you have").expect("second paragraph");
        assert_eq!(khan1.speaker, "Sadiq Khan");
        assert_eq!(khan2.speaker, "Sadiq Khan");
        assert_eq!(khan1.kind, QuoteKind::Direct);
        let spin = qs
            .iter()
            .find(|q| q.text.contains("media spin"))
            .expect("partial");
        assert_eq!(spin.speaker, "Sarah Huckabee Sanders");
        assert_eq!(spin.speaker_text, "she");
        let may = find("he was doing").expect("reported speech");
        assert_eq!(may.speaker, "Theresa May");
        assert_eq!(may.kind, QuoteKind::Mixed);
    }

    #[test]
    fn inverted_and_dash_tags() {
        let text = "\"We lost,\" said Mark Jones, a political scientist.\n\n\
            \"I just try to be in the right place.\" – Ellis Pryce\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[0].speaker, "Mark Jones");
        assert_eq!(qs[1].speaker, "Ellis Pryce");
    }

    #[test]
    fn interrupted_quote_is_one() {
        let text = "\"It's fine,\" Trump said. \"And much tougher than that is fine.\"\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 1);
        assert_eq!(
            qs[0].text,
            "It's fine, … And much tougher than that is fine."
        );
        assert_eq!(
            (qs[0].cue.as_str(), qs[0].speaker.as_str()),
            ("said", "Trump")
        );
        // The span runs from the first word said to the last, over the tag.
        let start = text.find("It's").unwrap_or(0);
        let end = text.find("fine.\"").map_or(0, |i| i + "fine.".len());
        assert_eq!((qs[0].span.start, qs[0].span.end), (start, end));
    }

    #[test]
    fn interrupted_quotes_of_every_shape_are_one_row() {
        let text = "Officials met on Monday.\n\n\
            “I would,” Melanie said to the TV. “I would, Donald.”\n\n\
            \"We will win,\" said Mark Jones, a farmer. \"And we will win big.\"\n\n\
            \"We lost\" — Ellis Pryce — \"but we will be back next year.\"\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let rows: Vec<(&str, &str, &str)> = qs
            .iter()
            .map(|q| (q.text.as_str(), q.cue.as_str(), q.speaker.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("I would, … I would, Donald.", "said to", "Melanie"),
                ("We will win, … And we will win big.", "said", "Mark Jones"),
                (
                    "We lost … but we will be back next year.",
                    "—",
                    "Ellis Pryce"
                ),
            ]
        );
    }

    #[test]
    fn a_quotation_with_its_own_cue_after_a_tag_is_another_quote() {
        let text = "\"We lost,\" Trump said. Clinton said: \"We won the vote.\"\n\n\
            \"We lost,\" Trump said. \"Clinton won,\" his son said.\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                ("We lost,", "Trump"),
                ("We won the vote.", "Clinton"),
                ("We lost,", "Trump"),
                ("Clinton won,", "his son"),
            ]
        );
    }

    #[test]
    fn a_tag_longer_than_the_words_around_it_leaves_two_rows() {
        let text = "\"It's finished,\" she said of the election, in which she was sure that \
            Trump would triumph and that people across the country would at last see the \
            truth. \"In my head, anyway.\"\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert_eq!(
            rows,
            [("It's finished,", "she"), ("In my head, anyway.", "she")]
        );
    }

    #[test]
    fn a_short_phrase_before_a_medial_tag_is_one_statement_with_the_clause_after() {
        let text = "Officials met on Monday.\n\nThis campaign, he says, is different.\n\n\
            Now, she said, the Christians and Muslims don't mix much.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "This campaign, he says, is different",
                "Now, she said, the Christians and Muslims don't mix much"
            ]
        );
    }

    #[test]
    fn inverted_tags_with_speakers_hard_to_read() {
        let text = "Officials met on Monday.\n\n\
            \"Donald is an amazing leader,\" said the 46-year-old.\n\n\
            \"I leave that to others,\" he says during a car ride. \"I do my day job.\"\n\n\
            Cruz will be re-evaluating his approach, a source close to him said.\n\n\
            Using the tax \"is a misguided approach,\" said Mr. Burman (a view shared by many).\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                ("Donald is an amazing leader,", "the 46-year-old"),
                ("I leave that to others, … I do my day job.", "he"),
                ("Cruz will be re-evaluating his approach", "a source"),
                ("Using the tax \"is a misguided approach,\"", "Burman"),
            ]
        );
    }

    #[test]
    fn a_speaker_described_at_length_before_the_cue() {
        let text = "Officials met on Monday.\n\n\
            \"It is an invasion of the state's domain,\" Scott Pruitt, the attorney general of \
            Oklahoma, one of the states suing the EPA, said at an event this month.\n\n\
            \"We are ready,\" the committee, which meets in the Capitol, one floor above the \
            press room, announced.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [
                ("It is an invasion of the state's domain,", "Scott Pruitt"),
                ("We are ready,", "the committee"),
            ]
        );
    }

    #[test]
    fn the_occasion_of_saying_is_not_its_content() {
        let text = "Officials met on Monday.\n\n\
            Mark Jones said Friday as he entered the talks.\n\n\
            Clinton said as he introduced his wife, \"Finally, we are free\" to talk.\n\n\
            Ryan said the shootings and protests fear that Americans stopped listening.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [
                ("\"Finally, we are free\" to talk", "Clinton"),
                (
                    "the shootings and protests fear that Americans stopped listening",
                    "Ryan"
                ),
            ]
        );
    }

    #[test]
    fn hearers_and_occasions_end_where_the_content_starts() {
        let text = "Officials met on Monday.\n\n\
            Trump told the forum he was \"totally against the war\".\n\n\
            Oz is \"smart as hell,\" Steve Mosko wrote in an email to the NFL Network's Rich \
            Eisen, and \"full of it.\"\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [
                ("he was \"totally against the war\"", "Trump"),
                (
                    "Oz is \"smart as hell,\" Steve Mosko wrote in an email to the NFL \
                     Network's Rich Eisen, and \"full of it.\"",
                    "Steve Mosko"
                ),
            ]
        );
    }

    #[test]
    fn a_hearer_with_its_programme() {
        let text = "Officials met on Monday.\n\n\
            Sanders told MSNBC's \"Morning Joe\" that nobody would question her record.\n\n\
            Cruz told CNN's State of the Union that the plan was dead.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [
                ("nobody would question her record", "Sanders"),
                ("the plan was dead", "Cruz"),
            ]
        );
    }

    #[test]
    fn a_quotation_inside_the_next_sentence_is_not_the_tags_continuation() {
        let text = "Officials met on Monday.\n\n\
            \"Perhaps they can help a visitor,\" Mr. Obama said. And perhaps, he said, it \
            could help officers who, \"in fits and starts, are trying.\"\n";
        let qs = checked_quotes(text);
        assert_eq!(qs[0].text, "Perhaps they can help a visitor,");
        assert!(
            qs.iter().all(|q| !q.text.contains(PART_SEPARATOR)),
            "{qs:?}"
        );
    }

    #[test]
    fn a_stance_phrase_ends_before_the_writers_next_clause() {
        let text = "Officials met on Monday.\n\n\
            While he praised the rising seas to thrill young voters, he did not have a long \
            record and a base.\n";
        let qs = checked_quotes(text);
        assert!(qs.iter().all(|q| !q.text.contains("long record")), "{qs:?}");
    }

    #[test]
    fn a_second_attribution_after_a_comma_ends_the_first() {
        let text = "The survey came out on Friday.\n\n\
            Sixty percent of farmers said the harvest was poor, but 40 percent of all growers say \
            it was fine.\n\n\
            Most nurses say they feel tired, compared with 30 percent who say they feel rested.\n\n\
            Hansen said the port would reopen, but not until the council admits the risk.\n\n\
            Ortiz said he disliked the plays, and songs that the critic said were crude.\n";
        let qs = checked_quotes(text);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert!(texts.contains(&"the harvest was poor"), "{texts:?}");
        assert!(texts.contains(&"it was fine"), "{texts:?}");
        assert!(texts.contains(&"they feel tired"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.contains("not until the council admits")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_final_according_to_vouches_for_the_figures_after_with() {
        let text = "The market grew again last year.\n\n\
            Cafes are spreading across the north, with 400 new outlets opening in 2023, according \
            to a trade survey.\n";
        let qs = checked_quotes(text);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["400 new outlets opening in 2023"], "{qs:?}");
    }

    #[test]
    fn reported_words_in_an_opening_subordinate_clause_end_at_its_comma() {
        let text = "The council met on Tuesday.\n\n\
            Although the mayor acknowledged that the delay was costly, the works will go on.\n\n\
            But while the union says its members are ready, talks have stalled.\n\n\
            As the Gazette reported, the bridge will close in May.\n\n\
            But if the old plan seemed to fail its tenants, the new one fared better.\n";
        let qs = checked_quotes(text);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert!(texts.contains(&"the delay was costly"), "{texts:?}");
        assert!(texts.contains(&"its members are ready"), "{texts:?}");
        assert!(
            texts.contains(&"the old plan seemed to fail its tenants"),
            "{texts:?}"
        );
        // `As X reported, …`: the main clause is what was reported.
        assert!(texts.contains(&"the bridge will close in May"), "{texts:?}");
    }

    #[test]
    fn a_preposition_is_never_a_speaker() {
        let text = "Officials met on Monday.\n\n\
            The minister was speaking amid claims that the party is part of a campaign.\n";
        let qs = checked_quotes(text);
        assert!(qs.iter().all(|q| q.speaker_text != "amid"), "{qs:?}");
    }

    #[test]
    fn titles_and_rulings_out_are_not_sayings() {
        let text = "Officials met on Monday.\n\n\
            Lindsay Davenport and French Open champion Anastasia Myskina will also compete.\n\n\
            Disney ruled out a rival format. A hip injury ruled him out of the final.\n\n\
            A court ruled that doctors could withdraw feeding.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [("doctors could withdraw feeding", "A court")]
        );
    }

    #[test]
    fn a_report_or_a_statement_can_be_the_speaker_of_an_inverted_tag() {
        let text = "Officials met on Monday.\n\n\
            Consumers want music rather than movies on the move, says a report.\n\n\
            Prices will rise, said the statement.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [
                (
                    "Consumers want music rather than movies on the move",
                    "a report"
                ),
                ("Prices will rise", "the statement"),
            ]
        );
    }

    #[test]
    fn a_noun_in_ly_before_the_cue_is_its_subject() {
        let text = "Officials met on Monday.\n\n\
            The family called on police to release the videos.\n\n\
            The rally has urged voters to stay home.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [
                ("police to release the videos", "The family"),
                ("to stay home", "The rally"),
            ]
        );
    }

    #[test]
    fn a_base_form_after_a_plural_and_an_organisation_is_a_verb() {
        let text = "Officials met on Monday.\n\n\
            Economists at Barclays Capital predict growth of 2.5% next year.\n\n\
            The report by the European Commission warned of a slowdown.\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert!(
            rows.contains(&("growth of 2.5% next year", "Economists")),
            "{rows:?}"
        );
    }

    #[test]
    fn a_stop_inside_the_speakers_description_does_not_end_the_tag() {
        let text = "Officials met on Monday.\n\n\
            \"This is a good day,\" Senate Majority Leader Mitch McConnell, R-Ky., said on the \
            Senate floor.\n";
        let qs = checked_quotes(text);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].kind, QuoteKind::Direct);
        assert_eq!(qs[0].text, "This is a good day,");
    }

    #[test]
    fn words_said_inside_a_relative_clause_end_with_it() {
        let text = "Officials met on Monday.\n\n\
            The bill, which lawmakers said would keep the government open through September, \
            passed 65-32.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [(
                "would keep the government open through September",
                "lawmakers"
            )]
        );
    }

    #[test]
    fn a_group_named_after_a_person_is_the_speaker_as_written() {
        let text = "Officials met on Monday.\n\nSupporters of Holm argue that he was pushed out.\n";
        let (entities, mentions) = person_tags(text, &[(1, "Holm", "Holm")]);
        let qs = extract(&Doc::new(text), &entities, &mentions);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].speaker, "Supporters of Holm");
    }

    #[test]
    fn a_time_that_owns_the_subject_is_part_of_what_was_said() {
        let text = "Officials met on Monday.\n\n\
            Mark Oaten said Tuesday's vote showed the government had lost the House.\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [(
                "Tuesday's vote showed the government had lost the House",
                "Mark Oaten"
            )]
        );
    }

    #[test]
    fn finding_oneself_and_seeing_whether_are_no_sayings() {
        let text = "Officials met on Monday.\n\n\
            Many customers found themselves unable to swap their phones.\n\n\
            Officials will test the cards to see if they could be used online.\n\n\
            Carlsberg saw annual profits fall to 3.4bn kroner.\n";
        let qs = checked_quotes(text);
        assert!(qs.is_empty(), "{qs:?}");
        let seen = checked_quotes("Officials met.\n\nVoters saw him as a strong leader.\n");
        assert_eq!(
            texts_and_speakers(&seen),
            [("him as a strong leader", "Voters")]
        );
    }

    #[test]
    fn a_passive_with_an_adverb_has_no_speaker_in_its_subject() {
        let text = "Officials met on Monday.\n\n\
            The Gloucester prop was only recalled after White suffered a neck injury.\n";
        let qs = checked_quotes(text);
        assert!(qs.is_empty(), "{qs:?}");
    }

    #[test]
    fn a_quotation_goes_on_after_a_tag_missing_its_stop() {
        let text = "Officials met on Monday.\n\n\
            \"We will build it,\" Trump said \"Others sent people back.\"\n";
        let qs = checked_quotes(text);
        assert_eq!(
            texts_and_speakers(&qs),
            [("We will build it, … Others sent people back.", "Trump")]
        );
    }

    #[test]
    fn occasions_with_possessives_particles_and_contrasting_speakers() {
        let text = "Officials met on Monday.\n\n\
            Tony Blair is damaging the country, Michael Howard has claimed in a heated prime \
            minister's questions.\n\n\
            People tell their friends about it, and show off the cool stuff they can do.\n\n\
            Businesses say more rises could hurt, but critics fear a £6 rate.\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert_eq!(
            rows[0],
            ("Tony Blair is damaging the country", "Michael Howard")
        );
        assert!(qs.iter().all(|q| q.cue != "show"), "{rows:?}");
        assert!(
            rows.contains(&("more rises could hurt", "Businesses")),
            "{rows:?}"
        );
        assert!(rows.contains(&("a £6 rate", "critics")), "{rows:?}");
    }

    #[test]
    fn reported_speech_ends_where_a_quoted_fragment_closes_before_a_new_clause() {
        let text = "Officials met on Monday.\n\n\
            The mayor likened the plan to \"burning the harbour\" - a charge that stung.\n\n\
            She repeatedly says, \"Stay in the car,\" until the sirens are heard.\n\n\
            The senator called the vote \"a clear betrayal\" of three earlier promises.\n\n\
            The union called the offer \"an insult\", a word its rivals later repeated.\n\n\
            Vik said the law made the port \"the obvious place,\" and that she would visit.\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                ("the plan to \"burning the harbour\"", "The mayor"),
                ("\"Stay in the car,\"", "She"),
                (
                    "the vote \"a clear betrayal\" of three earlier promises",
                    "The senator"
                ),
                ("the offer \"an insult\"", "The union"),
                (
                    "the law made the port \"the obvious place,\" and that she would visit",
                    "Vik"
                ),
            ]
        );
    }

    #[test]
    fn a_participle_after_a_noun_of_speech_reports_what_the_subject_said() {
        let text = "Officials met on Monday.\n\n\
            The harbour board issued a statement calling the new toll \"an outright tax\" on fishermen.\n\n\
            The firm sent a letter saying the mill would close.\n\n\
            The bank put out a profit warning that rattled investors.\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                (
                    "the new toll \"an outright tax\" on fishermen",
                    "The harbour board"
                ),
                ("the mill would close", "The firm"),
            ]
        );
    }

    #[test]
    fn a_naming_verb_takes_its_object_through_a_quoted_fragment_after_as() {
        let text = "Officials met on Monday.\n\n\
            The mayor described the board during a Tuesday interview as \"a rubber stamp.\"\n\n\
            Halvorsen praised the skipper, who retired in May, as \"a tireless servant\" and \"a friend.\"\n";
        let qs = checked_quotes(text);
        let rows = texts_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                (
                    "the board during a Tuesday interview as \"a rubber stamp.\"",
                    "The mayor"
                ),
                (
                    "the skipper, who retired in May, as \"a tireless servant\" and \"a friend.\"",
                    "Halvorsen"
                ),
            ]
        );
    }

    #[test]
    fn a_verb_after_two_joined_names_or_a_pronoun_and_s_is_a_cue() {
        let text = "Officials met on Monday.\n\n\
            In the war, Obama and Clinton call them \"lone wolves\" and walked out.\n\n\
            He's claiming that fraud is \"a big problem.\"\n";
        let qs = checked_quotes(text);
        let rows: Vec<(&str, &str)> = qs
            .iter()
            .map(|q| (q.text.as_str(), q.cue.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("them \"lone wolves\"", "call"),
                ("fraud is \"a big problem.\"", "claiming"),
            ]
        );
    }

    #[test]
    fn any_verb_with_an_object_as_a_quoted_fragment_judges_it_in_the_subjects_words() {
        let text = "Officials met on Monday.\n\n\
            Reid has gone after Trump as a \"human leech\" and a \"spoiled brat.\"\n\n\
            Harry Reid, in particular, has been steadily pounding Trump as a \"con artist\" this year.\n\n\
            They searched for words such as \"attack\" and \"Libya.\"\n\n\
            He served the party as a \"fixer\" for years.\n";
        let qs = checked_quotes(text);
        let rows = texts_cues_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                (
                    "Trump as a \"human leech\" and a \"spoiled brat.\"",
                    "gone after",
                    "Reid"
                ),
                ("Trump as a \"con artist\"", "pounding", "Harry Reid"),
            ]
        );
    }

    #[test]
    fn a_second_verb_of_a_list_after_reported_words_shares_their_speaker() {
        let text = "Officials met on Monday.\n\n\
            Trump suggested her cycle was behind her tone, called her \"third-rate\" and boycotted a debate.\n\n\
            Officials said the list included Mr. Pinchuk, described as a \"titan.\"\n";
        let qs = checked_quotes(text);
        let rows = texts_cues_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                ("her cycle was behind her tone", "suggested", "Trump"),
                ("her \"third-rate\"", "called", "Trump"),
                ("the list included Mr. Pinchuk", "said", "Officials"),
            ]
        );
    }

    #[test]
    fn a_stance_verb_takes_its_object_over_an_apposition_before_of_for_or_as() {
        let text = "Officials met on Monday.\n\n\
            Seoul accused the North's leader, Kim Jong Un, of \"fanatic recklessness.\"\n\n\
            Christie refers to the candidate, who is his friend, as \"Mr. Trump,\" while Trump refers to the governor as \"Chris.\"\n\n\
            Kaine opposed the plan, in 2009, as governor of Virginia.\n\n\
            The board named Aoife Brennan, the finance director, as interim chief while it searches.\n";
        let qs = checked_quotes(text);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the North's leader, Kim Jong Un, of \"fanatic recklessness.\"",
                "the candidate, who is his friend, as \"Mr. Trump,\"",
                "the governor as \"Chris.\"",
                "the plan",
                "Aoife Brennan, the finance director, as interim chief",
            ]
        );
    }

    #[test]
    fn rulings_and_lauding_attribute_speech() {
        let text = "Officials met on Monday.\n\n\
            Politifact then ruled that the statement is \"true.\"\n\n\
            Gov. Tomblin lauded Mr. Clarke for helping develop \"new ideas.\"\n";
        let qs = checked_quotes(text);
        let rows: Vec<(&str, &str)> = qs
            .iter()
            .map(|q| (q.text.as_str(), q.cue.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("the statement is \"true.\"", "ruled"),
                ("Mr. Clarke for helping develop \"new ideas.\"", "lauded"),
            ]
        );
    }

    #[test]
    fn a_cue_form_after_a_short_quoted_fragment_is_the_noun_it_modifies() {
        let text = "Officials met on Monday.\n\n\
            Clinton stated that his \"mean-spirited\" comments do not \"fit with what I knew.\"\n\n\
            \"We will win,\" says Smith.\n";
        let qs = checked_quotes(text);
        let rows: Vec<(&str, &str)> = qs
            .iter()
            .map(|q| (q.text.as_str(), q.cue.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "his \"mean-spirited\" comments do not \"fit with what I knew.\"",
                    "stated"
                ),
                ("We will win,", "says"),
            ]
        );
    }

    #[test]
    fn reported_words_end_before_a_clause_with_its_own_verb_of_stance_or_naming() {
        let text = "Officials met on Monday.\n\n\
            When Trump announced his candidacy in June, he infamously referred to immigrants as \"criminals.\"\n";
        let qs = checked_quotes(text);
        let rows: Vec<(&str, &str)> = qs
            .iter()
            .map(|q| (q.text.as_str(), q.cue.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("his candidacy in June", "announced"),
                ("immigrants as \"criminals.\"", "referred to"),
            ]
        );
    }

    #[test]
    fn this_before_a_determiner_is_an_object_not_a_time() {
        let text = "Officials met on Monday.\n\n\
            Politicos call this the \"expectations game\" - setting expectations low.\n";
        let qs = checked_quotes(text);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["this the \"expectations game\""]);
    }

    #[test]
    fn a_participle_judging_its_object_takes_the_speaker_of_its_tag_or_of_the_clause_after() {
        let text = "Officials met on Monday.\n\n\
            \"She fights hard,\" Biden said introducing Clinton as a \"global leader.\"\n\n\
            In declaring his statements as \"not Christian,\" the pope won praise.\n";
        let qs = checked_quotes(text);
        let rows = texts_cues_and_speakers(&qs);
        assert_eq!(
            rows,
            [
                ("She fights hard,", "said", "Biden"),
                ("Clinton as a \"global leader.\"", "introducing", "Biden"),
                (
                    "his statements as \"not Christian,\"",
                    "declaring",
                    "the pope"
                ),
            ]
        );
    }

    #[test]
    fn a_name_given_in_a_what_clause_is_quoted_with_the_clause() {
        let text = "Officials met on Monday.\n\n\
            She was hospitalized after what she called a \"rant,\" a series of online postings.\n";
        let qs = checked_quotes(text);
        let rows = texts_cues_and_speakers(&qs);
        assert_eq!(rows, [("what she called a \"rant,\"", "called", "she")]);
    }

    #[test]
    fn a_cue_after_took_to_twitter_to_has_the_subject_of_took() {
        let text = "Officials met on Monday.\n\n\
            Trump took to Twitter overnight to accuse her campaign of being \"duped.\"\n";
        let qs = checked_quotes(text);
        let rows = texts_cues_and_speakers(&qs);
        assert_eq!(
            rows,
            [("her campaign of being \"duped.\"", "accuse", "Trump")]
        );
    }

    #[test]
    fn one_modifier_may_sit_between_as_a_and_the_quoted_fragment() {
        let text = "Officials met on Monday.\n\n\
            Reid has been pounding the plan as a mere \"gimmick.\"\n\n\
            The mayor described the board as a mere \"rubber stamp\" during a hearing.\n";
        let qs = checked_quotes(text);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the plan as a mere \"gimmick.\"",
                "the board as a mere \"rubber stamp\""
            ]
        );
    }

    #[test]
    fn an_apposition_ending_in_a_quoted_title_leaves_the_subject_before_it() {
        let text = "Officials met on Monday.\n\n\
            Washington, star of television's \"Scandal,\" thanked Obama for \"taking these steps.\"\n";
        let qs = checked_quotes(text);
        let rows = texts_cues_and_speakers(&qs);
        assert_eq!(
            rows,
            [("Obama for \"taking these steps.\"", "thanked", "Washington")]
        );
    }

    #[test]
    fn extent_of_the_phrase_after_a_stance_verb() {
        let text = "Officials met on Monday.\n\n\
            He has championed gay rights and extended benefits to gay couples.\n\n\
            The company blamed several factors, including budget cuts and a fire.\n\n\
            The union endorsed her in a statement on its website.\n\n\
            Analysts said Mr. Obama would have a hard time convincing the public.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "gay rights",
                "several factors, including budget cuts and a fire",
                "her",
                "Mr. Obama would have a hard time convincing the public"
            ]
        );
    }

    #[test]
    fn paragraphs_of_one_quotation_stay_one_row_each() {
        let text = "Khan said: \"I don't think we should roll out the red carpet.\n\n\
            \"When you have a special relationship it is no different.\"\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert!(qs.iter().all(|q| q.speaker_text == "Khan"), "{qs:?}");
        assert!(!qs[0].text.contains(PART_SEPARATOR));
    }

    #[test]
    fn tags_with_a_party_in_parentheses_or_a_quoted_title() {
        let text = "\"We cannot have that. They may not answer,\" Rep. John Mica (R-Fla.) said. \
            \"If you continue, you destroy the basis of our government.\"\n\n\
            “They would just go get them,” Rep. Jim Jordan (R-Ohio), a panel member, said. \
            “It’s the strangest stuff I have ever seen.”\n\n\
            “He is absolutely right about the generals and the White House,” Flynn said on Fox \
            News’s “Fox and Friends.” “I mean, there is a lot of frustration within the ranks.”\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 3, "{qs:?}");
        assert_eq!(qs[0].speaker, "John Mica");
        assert!(qs[0].text.ends_with("our government."));
        assert_eq!(qs[1].speaker, "Jim Jordan");
        assert!(qs[1].text.ends_with("ever seen."));
        assert_eq!(qs[2].speaker, "Flynn");
        assert!(qs[2].text.ends_with("the ranks."));
    }

    #[test]
    fn a_quotation_after_the_tag_of_mixed_speech_goes_on_with_it() {
        let text = "Biden \"has a lot of really good roles to play, but I think that is a very \
            significant one,\" said Doyle, whose home state is a target for Trump. \"He \
            deservedly has that appeal with the voters of the Midwest.\"\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].speaker, "Doyle");
        assert!(qs[0].text.starts_with("Biden"));
        assert!(qs[0].text.ends_with("the Midwest."));
        assert!(
            qs[0].text.contains("significant one,\" … He deservedly"),
            "{qs:?}"
        );
    }

    #[test]
    fn nouns_of_saying_with_a_that_clause() {
        let text = "Politifact checked Trump’s claim that there have been \"thousands of \
            shootings\" in Chicago this year. The claim that was made on Monday stands. \
            The Post reports that the plan was delayed.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let claim = qs.iter().find(|q| q.cue == "claim").expect("the claim");
        assert!(claim.text.starts_with("there have been"), "{}", claim.text);
        assert_eq!(claim.speaker_text, "Trump");
        assert!(qs.iter().all(|q| !q.text.contains("was made")), "{qs:?}");
        assert!(
            qs.iter()
                .any(|q| q.text == "the plan was delayed" && q.cue == "reports"),
            "{qs:?}"
        );
    }

    #[test]
    fn speakers_after_modifiers_and_possessives() {
        let text = "“They are 100 percent wrong about the veto and the families,” said 9/11 widow \
            Terry Strada.\n\nDebates are not likely to alter the campaign, noted NBC’s Dante \
            Chinni.\n\nClinton \"is the only candidate to keep America safe,\" retired Air Force \
            general Lloyd Newton said.\n\n“It’s an invasion of the state regulatory domain,” Scott \
            Pruitt, the attorney general of Oklahoma, one of the states, said at a hearing.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let speakers: Vec<&str> = qs.iter().map(|q| q.speaker.as_str()).collect();
        assert_eq!(
            speakers,
            [
                "Terry Strada",
                "Dante Chinni",
                "Lloyd Newton",
                "Scott Pruitt"
            ],
            "{qs:?}"
        );
    }

    #[test]
    fn headline_names_its_speaker() {
        let text = "Sanders: Brexit's message could draw Trump support\n\n\
            The Latest: Cruz to give away a shotgun\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].text, "Brexit's message could draw Trump support");
        assert_eq!(qs[0].speaker, "Sanders");
        assert_eq!(qs[0].cue, ":");
        // A rubric is no speaker.
        let text = "The Latest: Cruz to give away a shotgun\n\nMore.\n";
        assert!(quotes(text).is_empty());
    }

    #[test]
    fn title_case_headlines_with_a_verb_of_saying() {
        let text = "Clinton Hid Past Health Problems From Public, Former White House Doctor Says.\n\n\
            The doctor spoke on Monday.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(qs[0].text, "Clinton Hid Past Health Problems From Public");
        assert_eq!(qs[0].speaker_text, "White House Doctor");
        let text = "Bernie Sanders Says He’s Already Started Writing His Inaugural Address.\n\n\
            Sanders was in a good mood.\n";
        let qs = quotes(text);
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(
            qs[0].text,
            "He’s Already Started Writing His Inaugural Address"
        );
        assert_eq!(qs[0].speaker, "Bernie Sanders");
        // A title with no verb of saying is no quote.
        assert!(quotes("Star Leaves The Stage Early After A Long Show.\n\nMore.\n").is_empty());
    }

    #[test]
    fn transcript_lines_with_their_speakers() {
        let text = "Partial transcript as follows:\n\n\
            TAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\n\
            FALLIN: I think he is trying to campaign as a racial healer.\n\n\
            And I think the nation needs to work together.\n\n\
            TAPPER: Thank you, Governor.\n\n\
            CORRECTION: An earlier version misspelled a name.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 3, "{qs:?}");
        assert_eq!(qs[0].speaker, "TAPPER");
        assert_eq!(qs[1].speaker, "FALLIN");
        assert!(
            qs[1].text.ends_with("needs to work together"),
            "{}",
            qs[1].text
        );
        assert_eq!(qs[2].text, "Thank you, Governor");
    }

    #[test]
    fn questions_put_to_someone() {
        let text = "Ryan spoke on Monday. Asked whether the comments had rattled them, Ryan said \
            they had.\n\nHe was asked by a reporter about the wall.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let question = qs
            .iter()
            .find(|q| q.text.starts_with("whether"))
            .expect("question");
        assert_eq!(question.text, "whether the comments had rattled them");
        assert_eq!(question.speaker, "");
        let asked = qs
            .iter()
            .find(|q| q.text.starts_with("about"))
            .expect("asked by");
        assert_eq!(asked.speaker_text, "a reporter");
    }

    #[test]
    fn appearance_and_expectation_without_a_source() {
        let text = "The donors appear to have ties to the movement. The court is expected to \
            rule on Friday. It seems the plan has failed.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert!(
            texts.contains(&"The donors appear to have ties to the movement"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"The court is expected to rule on Friday"),
            "{texts:?}"
        );
        assert!(texts.contains(&"the plan has failed"), "{texts:?}");
        assert!(qs.iter().all(|q| q.speaker.is_empty()));
    }

    #[test]
    fn a_second_quotation_after_adding_keeps_the_speaker() {
        let text = "\"We lost the state,\" Lewandowski said, adding: \"They are going to help \
            everybody.\"\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[1].text, "They are going to help everybody.");
        assert_eq!(qs[1].cue, "adding");
        assert_eq!(qs[1].speaker, "Lewandowski");
    }

    #[test]
    fn subjects_that_cannot_be_read_still_report_speech() {
        let text = "The memo was leaked. A redacted copy of the memo seen by Reuters said \
            investigators were unable to find the files.\n\n\
            Sources close to her campaign say she stands behind the plan.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert!(
            texts.contains(&"investigators were unable to find the files"),
            "{texts:?}"
        );
        assert!(texts.contains(&"she stands behind the plan"), "{texts:?}");
    }

    #[test]
    fn sentence_final_tags_keep_their_words() {
        let text = "Cruz also lacks support from his colleagues, said Larry Sabato, a director.\n\n\
            Many of the closures, he said, have involved public courses.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs[0].text, "Cruz also lacks support from his colleagues");
        assert_eq!(qs[0].speaker, "Larry Sabato");
        assert_eq!(
            qs[1].text,
            "Many of the closures, he said, have involved public courses"
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        let text = "The so-called \"deal\" was signed. She read \"War and Peace\" twice.\n";
        assert!(quotes(text).is_empty());
    }

    #[test]
    fn according_to_and_pronouns() {
        let text = "Officials met on Monday. According to the White House, the talks failed.\n\n\
            Angela Merkel arrived late. She said the plan was dead.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs[0].text, "the talks failed");
        assert_eq!(qs[0].speaker, "White House");
        assert_eq!(qs[1].speaker, "Angela Merkel");
        assert_eq!(qs[1].speaker_text, "She");
    }

    #[test]
    fn according_to_after_a_short_opening_takes_the_whole_sentence() {
        let text = "Officials met on Monday. Over the long term, according to the budget office, \
            the deficit will rise.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(
            qs[0].text,
            "Over the long term, according to the budget office, the deficit will rise"
        );
        assert_eq!(qs[0].speaker, "the budget office");
    }

    #[test]
    fn the_occasion_of_the_saying_ends_reported_speech() {
        let text =
            "Officials met on Monday. Smith said the plan was dead during the first debate.\n";
        let qs = quotes(text);
        check_invariants(text, &qs);
        assert_eq!(qs[0].text, "the plan was dead");
        let text = "Officials met on Monday. Smith said the plan was dead on his radio show.\n";
        assert_eq!(quotes(text)[0].text, "the plan was dead");
        // Without a determiner the phrase is part of the content.
        let text = "Officials met on Monday. Smith said he would take part in media interviews.\n";
        let qs = quotes(text);
        assert_eq!(qs[0].text, "he would take part in media interviews");
    }

    #[test]
    fn a_title_in_a_tagged_name_gives_the_pronoun_its_gender() {
        let text = "Officials met on Monday.\n\n\"It is a great day,\" said Mr Smith.\n\n\
            Ms Jones added that the deal was good.\n\n\
            He told reporters: \"I have no plans to resign.\"\n\nShe denied any wrongdoing.\n";
        let (entities, mentions) = person_tags(
            text,
            &[(1, "Mr Smith", "Mr Smith"), (2, "Ms Jones", "Ms Jones")],
        );
        let qs = extract(&Doc::new(text), &entities, &mentions);
        check_invariants(text, &qs);
        let speaker_of = |t: &str| {
            qs.iter()
                .find(|q| q.text.contains(t))
                .map(|q| q.speaker.as_str())
        };
        assert_eq!(speaker_of("no plans to resign"), Some("Mr Smith"));
        assert_eq!(speaker_of("any wrongdoing"), Some("Ms Jones"));
    }

    #[test]
    fn speakers_link_to_the_tagger_entities() {
        use crate::extraction::{Entity, EntityType, Mention, Span};
        let text = "London mayor Sadiq Khan spoke on Monday. \"We stand together,\" Khan said.\n\n\
            The White House said it disagreed. Trump said: \"He is wrong.\" He added that the visit would go ahead.\n";
        let at = |s: &str, nth: usize| text.match_indices(s).nth(nth).map_or(0, |(i, _)| i);
        let mention = |id: usize, kind, s: &str, nth: usize| Mention {
            entity_id: id,
            kind,
            text: s.to_string(),
            span: Span::new(at(s, nth), at(s, nth) + s.len()),
            sentence: 0,
        };
        let entity = |id: usize, kind, name: &str| Entity {
            id,
            kind,
            canonical: name.to_string(),
            mention_count: 1,
            surface_forms: vec![name.to_string()],
            first_start: 0,
        };
        let entities = vec![
            entity(1, EntityType::Person, "Sadiq Khan"),
            entity(2, EntityType::Org, "White House"),
            entity(3, EntityType::Person, "Donald J. Trump"),
        ];
        let mentions = vec![
            mention(1, EntityType::Person, "Sadiq Khan", 0),
            mention(1, EntityType::Person, "Khan", 1),
            mention(2, EntityType::Org, "White House", 0),
            mention(3, EntityType::Person, "Trump", 0),
        ];
        let doc = Doc::new(text);
        let qs = extract(&doc, &entities, &mentions);
        check_invariants(text, &qs);
        let by_text = |t: &str| qs.iter().find(|q| q.text.contains(t)).expect(t);
        let khan = by_text("We stand together");
        assert_eq!(
            (khan.speaker.as_str(), khan.speaker_entity_id),
            ("Sadiq Khan", Some(1))
        );
        assert_eq!(khan.speaker_text, "Khan");
        let house = by_text("disagreed");
        assert_eq!(
            (house.speaker.as_str(), house.speaker_entity_id),
            ("White House", Some(2))
        );
        let trump = by_text("He is wrong");
        assert_eq!(
            (trump.speaker.as_str(), trump.speaker_entity_id),
            ("Donald J. Trump", Some(3))
        );
        let added = by_text("the visit would go ahead");
        assert_eq!(
            (added.speaker.as_str(), added.speaker_entity_id),
            ("Donald J. Trump", Some(3))
        );
        assert_eq!(added.speaker_text, "He");
    }

    #[test]
    fn unresolved_pronoun_leaves_speaker_empty() {
        let qs = quotes("\"We will win,\" he said.");
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].speaker, "");
        assert_eq!(qs[0].speaker_text, "he");
    }

    #[test]
    fn hostile_inputs() {
        let long =
            "Khan said \"we will , \" Sanders told reporters that , according to officials , "
                .repeat(1300);
        let transcript =
            "TRUMP: We will win big.\n\nAnd then more.\n\nCLINTON: No.\n\n".repeat(2000);
        let headline = "Trump Says ".repeat(3000);
        let inputs = [
            long.as_str(),
            transcript.as_str(),
            headline.as_str(),
            "\"\"\"\"''''``''«»“”‘’",
            "HE SAID: \"ALL CAPITALS.\" SHE SAID SO.",
            "he said that she said that they said",
            "שלום \"עולם\" אמר הוא. قال \"مرحبا\" 👍🏽 said 👨‍👩‍👧",
            "\"unclosed at the end",
            "said",
            ", said",
            "according to",
        ];
        for text in inputs {
            let qs = quotes(text);
            check_invariants(text, &qs);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_spans_slice_the_text(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("said".to_string()), Just("told".to_string()), Just("according to".to_string()),
                    Just("\"".to_string()), Just("“".to_string()), Just("”".to_string()),
                    Just("'".to_string()), Just("’".to_string()), Just("''".to_string()), Just("``".to_string()),
                    Just(",".to_string()), Just(".".to_string()), Just(":".to_string()), Just("—".to_string()),
                    Just("\n\n".to_string()), Just("he".to_string()), Just("She".to_string()),
                    Just("Sadiq Khan".to_string()), Just("the White House".to_string()), Just("Mr.".to_string()),
                    Just("that".to_string()), Just("«".to_string()), Just("»".to_string()),
                    Just("asked".to_string()), Just("whether".to_string()), Just("by".to_string()),
                    Just("although".to_string()), Just("compared with".to_string()), Just("percent".to_string()),
                    Just("appears to".to_string()), Just("is expected to".to_string()), Just("it seems".to_string()),
                    Just("adding".to_string()), Just("Asked".to_string()), Just("Trump:".to_string()),
                    Just("TRUMP:".to_string()), Just("Says".to_string()), Just("(R-Fla.)".to_string()),
                    Just("claim that".to_string()), Just("reports that".to_string()),
                    Just("as a".to_string()), Just("gone after".to_string()), Just("called".to_string()),
                    Just("what".to_string()), Just("of".to_string()), Just("to Twitter to".to_string()),
                    Just("'s".to_string()), Just("and".to_string()), Just("accused".to_string()),
                    "[a-zA-Z]{1,8}", "\\PC{1,3}",
                ],
                0..80,
            ),
            glue in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("\n")], 80),
        ) {
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                text.push_str(w);
                text.push_str(glue[i % glue.len()]);
            }
            let qs = quotes(&text);
            check_invariants(&text, &qs);
        }
    }
}
