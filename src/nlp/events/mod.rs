//! Events: what happened, when, where and who (issue 5).
//!
//! Triggers from `data/event-triggers.txt` ([`triggers`]) find the mentions of events of the
//! taxonomy in each sentence; [`context`] reads each mention's status, date, place and
//! participants from its sentence; [`anchor`] decides which events the article reports as
//! happening now (dated by the publication date when nothing else dates them); mentions of one
//! event are then merged into one row (the London terror attack, the attack, rammed into
//! pedestrians, stabbing). Linear in the length of the article: every rule looks at a bounded
//! window of words.

pub mod anchor;
pub mod context;
pub mod pos;
pub mod triggers;

use crate::extraction::{Entity, EntityType, Event, EventStatus, Mention, Span, TimeExpr};
use crate::nlp::text::Doc;
use crate::nlp::time::calendar::Cal;
use crate::nlp::time::pieces;
use chrono::NaiveDate;
use context::{SentenceContext, Status};
use rustc_hash::{FxHashMap, FxHashSet};
use triggers::{Trigger, Triggers};

/// Types whose mentions in one article are one happening, whatever words they use: an article
/// reports one attack in many ways, but its statements, meetings and deals are many.
const INCIDENT_TYPES: &[&str] = &[
    "attack",
    "killing",
    "accident",
    "disaster",
    "protest",
    "strike",
    "military_action",
    "election",
];

/// Types whose participants include named things (products, aircraft): what was launched,
/// delivered, flown, bought or recalled.
const THING_TYPES: &[&str] = &[
    "launch",
    "delivery",
    "flight",
    "deal",
    "accident",
    "recall",
    "announcement",
    "delay",
];

/// The longest evidence, in bytes, before the sentence is cut around the trigger.
const EVIDENCE_MAX: usize = 300;

/// One mention of an event, before merging.
#[derive(Debug, Clone)]
struct EventMention {
    kind: &'static str,
    lemma: String,
    span: Span,
    sentence: usize,
    status: Status,
    time: Option<usize>,
    place: Option<String>,
    participants: Vec<String>,
    anaphoric: bool,
    noun: bool,
    /// Reported as happening at the time of reporting (see [`anchor`]).
    now: bool,
}

/// Finds the events of `doc`. Spans are byte offsets and sentences 0-based, like every input.
pub fn extract(
    doc: &Doc,
    entities: &[Entity],
    mentions: &[Mention],
    times: &[TimeExpr],
) -> Vec<Event> {
    extract_with_reference(doc, entities, mentions, times, None)
}

/// Finds the events of `doc`; an event dated after `reference` (the article's date, else the
/// date of a date line at its top) that the text does not mark otherwise is planned, and an
/// event with no time expression of its own that the article reports as happening now is dated
/// `reference` (see [`anchor`]).
pub fn extract_with_reference(
    doc: &Doc,
    entities: &[Entity],
    mentions: &[Mention],
    times: &[TimeExpr],
    reference: Option<NaiveDate>,
) -> Vec<Event> {
    // without a publication date, the article's own date line tells when it was written
    let reference = reference.or_else(|| anchor::date_line(doc, times));
    let triggers = Triggers::get();
    let lead_end = anchor::lead_end(doc, times);
    let sports = triggers.is_sports_report(doc.tokens.iter().map(|t| &doc.text[t.start..t.end]));
    let place_names = place_names(entities);
    let mut found: Vec<EventMention> = Vec::new();
    let mut m_at = 0; // entity mentions and times are in text order: walk them along
    let mut t_at = 0;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        while m_at < mentions.len() && mentions[m_at].sentence < si {
            m_at += 1;
        }
        let m_end = m_at
            + mentions[m_at..]
                .iter()
                .take_while(|m| m.sentence == si)
                .count();
        while t_at < times.len() && times[t_at].sentence < si {
            t_at += 1;
        }
        let t_end = t_at
            + times[t_at..]
                .iter()
                .take_while(|t| t.sentence == si)
                .count();
        let p = pieces::pieces(doc, sentence.tokens.clone());
        let ctx = SentenceContext {
            pieces: &p,
            entities,
            place_names: &place_names,
            mentions: &mentions[m_at..m_end],
            times: &times[t_at..t_end],
            time_offset: t_at,
            breaks_before: context::count_breaks(&p),
            in_lead: si < lead_end,
            sports_report: sports,
        };
        scan_sentence(&ctx, triggers, si, &mut found);
    }
    let reference_value = reference.map(|r| r.format("%Y-%m-%d").to_string());
    let merged = merge(
        found,
        times,
        reference_value.as_deref(),
        anchor::has_headline(doc),
    );
    merged
        .into_iter()
        .enumerate()
        .map(|(i, e)| to_row(doc, times, reference, i + 1, e))
        .collect()
}

/// The names the article uses more as places than as organisations: an organisation of such
/// a name (NER's reading of "get Cork running again" after "the plant in Cork") is the place.
fn place_names(entities: &[Entity]) -> FxHashSet<&str> {
    let mut count: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for e in entities {
        let c = count.entry(e.canonical.as_str()).or_default();
        match e.kind {
            EntityType::Loc => c.0 += e.mention_count,
            EntityType::Org => c.1 += e.mention_count,
            _ => {}
        }
    }
    count
        .into_iter()
        .filter(|(_, (loc, org))| *loc > 0 && loc >= org)
        .map(|(name, _)| name)
        .collect()
}

fn scan_sentence(
    ctx: &SentenceContext,
    triggers: &Triggers,
    sentence: usize,
    out: &mut Vec<EventMention>,
) {
    let p = ctx.pieces;
    let words: Vec<&str> = p.iter().map(|x| x.norm.as_str()).collect();
    let present: FxHashSet<&str> = words.iter().copied().collect();
    let cased = p
        .iter()
        .any(|x| !x.capital && x.norm.starts_with(char::is_alphabetic));
    let mut hits: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < p.len() {
        if p[i].punct || p[i].joined {
            i += 1;
            continue;
        }
        let window = &words[i..(i + 6).min(words.len())];
        let hit = triggers
            .starting(window)
            .find(|t| accepts(ctx, t, &words, &present, i, cased));
        let Some(t) = hit else {
            i += 1;
            continue;
        };
        let mut end = i + t.words.len();
        // "an election press conference": a noun before another trigger noun modifies it
        if t.noun
            && end < p.len()
            && !p[end].punct
            && triggers
                .starting(&words[end..(end + 6).min(words.len())])
                .any(|n| n.noun)
        {
            i += 1;
            continue;
        }
        while end < p.len() && p[end].joined {
            end += 1;
        }
        // "has agreed to buy", "reported a net loss", "won a £13 billion contract": two words of
        // one event (a noun after the verb is its object)
        // but "this settlement replaces the 1991 agreement": two nouns a verb apart are two
        if let Some(&(last_start, last_end, _)) = hits.last()
            && out.last().is_some_and(|m| m.kind == t.kind)
            && (i <= last_end + 3
                && !(t.noun && out.last().is_some_and(|m| m.noun) && i > last_end)
                || t.noun
                    && out.last().is_some_and(|m| !m.noun)
                    && i <= last_end + 10
                    && !ctx.crosses(last_start, i)
                    && !words[last_end..i]
                        .iter()
                        .any(|w| OBJECT_BLOCKERS.contains(w)))
        {
            i = end;
            continue;
        }
        let span = Span::new(p[i].start, p[end - 1].end);
        let anaphoric =
            i > 0 && matches!(words[i - 1], "the" | "this" | "that" | "these" | "those");
        hits.push((i, end, anaphoric));
        let reporting = t.reporting();
        let status = context::status_of(p, i, end, t.noun, reporting);
        let form = anchor::form(
            p,
            i,
            end,
            t.verb.as_ref().map(|(at, base)| (*at, base.as_str())),
        );
        let now = status == Status::Occurred
            && anchor::reported_now(form, ctx.in_lead, anchor::generic(p, i, end));
        out.push(EventMention {
            kind: t.kind,
            lemma: t.lemma.clone(),
            span,
            sentence,
            status,
            time: ctx.attached_time_of(i, end, reporting),
            place: ctx.place(i, end),
            participants: ctx.participants_of(
                i,
                end,
                t.noun,
                THING_TYPES.contains(&t.kind),
                INCIDENT_TYPES.contains(&t.kind),
            ),
            anaphoric,
            noun: t.noun,
            now,
        });
        i = end;
    }
    // "At a press conference on Monday, May defended him following the attack": a mention that
    // refers back ("the attack") leaves the sentence's date to a nearer event. The nearest other
    // mention to a date is next to it in text order, so only the neighbours are compared.
    let first = out.len() - hits.len();
    for (k, &(i, end, anaphoric)) in hits.iter().enumerate() {
        let Some(t) = out[first + k].time else {
            continue;
        };
        if !anaphoric {
            continue;
        }
        let own = ctx.distance_to_time(t, i, end);
        let time_start = ctx.times[t - ctx.time_offset].span.start;
        let j = hits.partition_point(|&(a, _, _)| p[a].start < time_start);
        // only a neighbour the date attaches to: "said fourth quarter sales rose after the
        // launch" leaves the quarter to the launch, since a saying takes no time of what it says
        let nearer = [j.checked_sub(1), Some(j)]
            .into_iter()
            .flatten()
            .filter(|&j| j != k && out.get(first + j).is_some_and(|m| m.time == Some(t)))
            .filter_map(|j| hits.get(j))
            .any(|&(a, b, _)| ctx.distance_to_time(t, a, b) < own);
        if nearer {
            out[first + k].time = None;
        }
    }
}

/// Whether a trigger noun of one word starts `words`: then a verb's form that looks like a noun
/// is left to the noun's own line ("developer releases of each product", "an arson attack").
fn has_noun_line(words: &[&str]) -> bool {
    Triggers::get()
        .starting(&words[..words.len().min(1)])
        .any(|t| t.noun && t.words.len() == 1)
}

/// Whether every content word of the sentence is capitalised (a title-case headline: "Riots
/// Erupt Following Death of Teen").
fn title_case(p: &[pieces::Piece]) -> bool {
    !p.iter().any(|x| {
        !x.capital && x.norm.starts_with(char::is_alphabetic) && !pos::is_function_word(&x.norm)
    })
}

/// Types whose plural nouns are kinds or counts of things rather than events.
const GENERIC_NOUN_TYPES: &[&str] = &[
    "deal",
    "delivery",
    "flight",
    "launch",
    "financial_result",
    "recall",
    // "co-ordinate announcements", "four nominations", "payment delays", "cancelling trips"
    "announcement",
    "delay",
    "visit",
    "appointment",
];

/// Nouns that name an event when capitalised after another capitalised word.
const NAMED_EVENTS: &[&str] = &["conference", "summit", "expo", "convention", "forum"];

/// Words after which a verb's bare form is a verb, not a noun modifier ("to sign contracts").
const MODIFIER_BLOCKERS: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "must", "should", "shall", "did", "do",
    "does", "not", "n't", "they", "we", "i", "you", "also", "and", "or", "'ll", "who", "which",
    "that", "never",
];

/// Words between a verb and a later noun of its type that show the noun is no object of the
/// verb ("set to land … after a test flight").
const OBJECT_BLOCKERS: &[&str] = &[
    "after",
    "before",
    "when",
    "while",
    "during",
    "following",
    "since",
    "until",
    "on",
    "in",
    "at",
    "from",
    "by",
    "as",
    "and",
    "or",
    "but",
    "which",
    "that",
    "who",
    "because",
    "than",
];

/// Whether trigger `t`, found at piece `i`, is an event here.
fn accepts(
    ctx: &SentenceContext,
    t: &Trigger,
    words: &[&str],
    present: &FxHashSet<&str>,
    i: usize,
    cased: bool,
) -> bool {
    let p = ctx.pieces;
    let end = i + t.words.len();
    // a capitalised trigger inside a sentence is a name: the Battle of Britain, Vote Leave; but
    // a named conference or summit is an event (the Worldwide Developers Conference), unless
    // it names a body or a treaty (the European Convention on Human Rights; "the Davos Summit
    // on Monday" is still the summit)
    let names_a_body = || {
        pos::names_a_body(p, i, end) && !p.get(end + 1).is_some_and(|x| ctx.inside_time(x.start))
    };
    if cased
        && i > 0
        && p[i].capital
        && !matches!(words[i - 1], "\"" | "“" | "(" | "'" | "‘")
        && !(t.kind == "meeting"
            && NAMED_EVENTS.contains(&words[i])
            && p[i - 1].capital
            && !names_a_body())
    {
        return false;
    }
    // "Sale's Charlie Hodgson", "Meet The Fockers opens": a capitalised trigger that begins a
    // sentence and runs on into capitalised words is a name too; a verb only before a
    // capitalised function word, as a title has ("Named Maurice Cheeks coach" is a verb)
    if cased
        && i == 0
        && !title_case(p)
        && pos::capitalised_in_name(p, i, end)
        && (t.noun || p.get(end).is_some_and(|x| pos::is_function_word(&x.norm)))
    {
        return false;
    }
    // the first part of a compound: open-source, state-owned; and a hyphenated trigger
    // (take-off, sit-in) only where the text joins its parts with a hyphen
    if end < p.len() && p[end].joined
        || (i + 1..end).any(|k| p[k].joined != t.hyphenated.contains(&(k - i)))
    {
        return false;
    }
    // "the name", "its flying ban": a verb's form after an article is a noun; the nouns that
    // are events have lines of their own
    if !t.noun
        && i > 0
        && matches!(
            words[i - 1],
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "our"
        )
    {
        return false;
    }
    // part-of-speech cues: "primary school" (a noun modifying a noun), "for ships" (a verb's
    // form after a preposition), "the container shipping group" and "a profit warning" (an
    // -ing form inside a noun phrase), "no immediate reports" (an -s form after a quantifier: a
    // plural noun), "who talks" (a noun's form after a subject: a verb)
    if t.noun && (pos::noun_modifies_next(p, end) || pos::noun_after_subject(p, i)) {
        return false;
    }
    if let Some((at, base)) = &t.verb
        && (pos::verb_after_preposition(p, i + at, base)
            || pos::ing_in_noun_phrase(p, i + at, base)
            || pos::plural_after_quantifier(p, i + at, base)
            || pos::bare_verb_after_article_and_noun(p, i + at, base)
                && has_noun_line(&words[i + at..])
            || pos::plural_before_of(p, i + at, base) && !has_noun_line(&words[i + at..]))
    {
        return false;
    }
    // part of a time expression: Election Day, the Easter Rising's anniversary
    if ctx.inside_time(p[i].start) {
        return false;
    }
    let outside = |w: &str| !t.words.iter().any(|x| x == w);
    if !t.needs.is_empty()
        && !t
            .needs
            .iter()
            .any(|w| present.contains(w.as_str()) && outside(w))
    {
        return false;
    }
    if t.not_in_sports && ctx.sports_report {
        return false;
    }
    if t.excludes
        .iter()
        .any(|w| present.contains(w.as_str()) && outside(w))
    {
        return false;
    }
    if i > 0 && t.not_after.iter().any(|w| w == words[i - 1]) {
        return false;
    }
    if end < words.len() && t.not_before.iter().any(|w| w == words[end]) {
        return false;
    }
    if !t.not_objects.is_empty()
        && p[end..(end + 4).min(p.len())]
            .iter()
            .take_while(|x| !x.punct)
            .any(|x| t.not_objects.contains(&x.norm))
    {
        return false;
    }
    let time = || ctx.attached_time_of(i, end, t.reporting());
    if t.dated_only && time().is_none() {
        return false;
    }
    // "to report": a purpose, not a statement made; "industry reports": a noun
    if t.reported {
        let verb = t.verb.as_ref().map(|(at, base)| (*at, base.as_str()));
        let finite = t.noun
            || matches!(
                anchor::form(p, i, end, verb),
                anchor::Form::Past | anchor::Form::Present | anchor::Form::Perfect
            );
        // "this city has been told", "is said to be": a passive reports no one's statement
        let passive = !t.noun
            && i > 0
            && matches!(
                words[i - 1],
                "been" | "be" | "being" | "was" | "were" | "is" | "are"
            );
        if !finite
            || passive
            || ctx.time_near_statement(i, end, t.reporting()).is_none() && !ctx.in_lead
        {
            return false;
        }
    }
    // "offers flights to New York", "orders for 2,200 more": a plural or bare noun of a
    // business type names a kind of thing or a count, not one event
    // (but "a 43% rise in net profits" is one rise: its head is the first word)
    if t.noun
        && GENERIC_NOUN_TYPES.contains(&t.kind)
        && anchor::form(p, i, end, None) == anchor::Form::GenericNoun
        && !pos::singular(words[end - 1])
        && !t.words.iter().any(|w| w == "in")
    {
        return false;
    }
    // "space launch contracts": a verb's form before a trigger noun modifies it
    if !t.noun
        && t.verb.as_ref().is_some_and(|(_, base)| base == words[i])
        && i > 0
        && !p[i - 1].punct
        && !p[i - 1].capital
        && !MODIFIER_BLOCKERS.contains(&words[i - 1])
        && end < words.len()
        && Triggers::get()
            .starting(&words[end..(end + 6).min(words.len())])
            .any(|n| n.noun)
    {
        return false;
    }
    true
}

/// One event while mentions are merged into it.
#[derive(Debug, Clone)]
struct Merged {
    first: EventMention,
    /// The mention the row shows: the first, or the first in the body when the first is in
    /// the headline (the body's sentence tells more: its date, place and participants).
    shown: (Span, usize),
    mentions: usize,
    status: Status,
    time: Option<usize>,
    place: Option<String>,
    /// Every place its mentions name.
    places: Vec<String>,
    /// The sentence of its latest mention.
    last_sentence: usize,
    participants: Vec<String>,
    lemmas: Vec<String>,
    now: bool,
}

fn merge(
    found: Vec<EventMention>,
    times: &[TimeExpr],
    reference: Option<&str>,
    headline: bool,
) -> Vec<Merged> {
    let mut events: Vec<Merged> = Vec::new();
    let mut by_kind: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
    for m in found {
        // the last few events of the type are enough: an article refers back to recent news
        let seen = by_kind.entry(m.kind).or_default();
        let target = seen
            .iter()
            .rev()
            .take(32)
            .copied()
            .find(|&k| same_event(&events[k], &m, times, reference));
        match target {
            Some(k) => {
                let e = &mut events[k];
                e.mentions += 1;
                e.status = e.status.combine(m.status);
                // the mention that tells when tells where most precisely
                if e.time.is_none() && m.time.is_some() {
                    e.time = m.time;
                    if m.place.is_some() {
                        e.place = m.place.clone();
                    }
                }
                if e.place.is_none() {
                    e.place = m.place.clone();
                }
                if let Some(p) = &m.place
                    && !e.places.contains(p)
                    && e.places.len() < 8
                {
                    e.places.push(p.clone());
                }
                e.last_sentence = m.sentence;
                for p in &m.participants {
                    if !e.participants.contains(p) && e.participants.len() < 8 {
                        e.participants.push(p.clone());
                    }
                }
                if !e.lemmas.contains(&m.lemma) {
                    e.lemmas.push(m.lemma.clone());
                }
                e.now |= m.now;
                if headline && e.shown.1 == 0 && m.sentence > 0 {
                    e.shown = (m.span, m.sentence);
                }
            }
            None => {
                seen.push(events.len());
                events.push(Merged {
                    status: m.status,
                    time: m.time,
                    place: m.place.clone(),
                    places: m.place.iter().cloned().collect(),
                    last_sentence: m.sentence,
                    participants: m.participants.clone(),
                    lemmas: vec![m.lemma.clone()],
                    now: m.now,
                    shown: (m.span, m.sentence),
                    first: m,
                    mentions: 1,
                });
            }
        }
    }
    events
}

/// Whether mention `m` refers to the event `e` already found. Their dates must agree; an
/// event reported as happening now has the article's date (`reference`), so "Apple released
/// a new lineup" in the lead is not the release "in mid-2011".
fn same_event(e: &Merged, m: &EventMention, times: &[TimeExpr], reference: Option<&str>) -> bool {
    if e.first.kind != m.kind {
        return false;
    }
    let value = |t: Option<usize>, now: bool| {
        t.and_then(|i| times.get(i))
            .map(|t| t.value.as_str())
            .or(if now { reference } else { None })
    };
    let e_now = e.now && e.status == Status::Occurred;
    let m_now = m.now && m.status == Status::Occurred;
    if let (Some(a), Some(b)) = (value(e.time, e_now), value(m.time, m_now))
        && a != b
    {
        return false;
    }
    let place_ok = match &m.place {
        None => true,
        Some(p) => e.places.is_empty() || e.places.iter().any(|q| share_word(p, q)),
    };
    if INCIDENT_TYPES.contains(&m.kind) {
        // the incident told again: at a place named before (London, London Bridge), in the
        // next sentence of its story, or referred back to ("the attack")
        return place_ok || m.anaphoric || m.sentence <= e.last_sentence + 1;
    }
    if !place_ok {
        return false;
    }
    if matches!(m.kind, "statement" | "announcement") {
        // one row per speaker and date, not one per quote
        return matches!(
            (e.participants.first(), m.participants.first()),
            (Some(a), Some(b)) if a == b
        );
    }
    let disjoint = !e.participants.is_empty()
        && !m.participants.is_empty()
        && !m.participants.iter().any(|p| e.participants.contains(p));
    if disjoint {
        return false;
    }
    // "a state visit in October" after "a planned state visit by Donald Trump"; "the deal"
    e.lemmas.contains(&m.lemma) || m.anaphoric && m.noun && m.time.is_none()
}

/// Whether two names share a word (London and London Bridge).
fn share_word(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .any(|w| w.len() > 2 && b.split_whitespace().any(|v| v == w))
}

fn to_row(
    doc: &Doc,
    times: &[TimeExpr],
    reference: Option<NaiveDate>,
    id: usize,
    e: Merged,
) -> Event {
    let mut status = e.status;
    let (date_text, date) = match (e.time.and_then(|i| times.get(i)), reference) {
        (Some(t), _) => (t.text.clone(), t.value.clone()),
        (None, Some(r)) if e.now && status == Status::Occurred => (
            anchor::PUBLICATION_DATE.to_string(),
            r.format("%Y-%m-%d").to_string(),
        ),
        _ => (String::new(), String::new()),
    };
    let future = reference.is_some_and(|r| {
        Cal::parse(&date)
            .and_then(|c| c.first_day())
            .is_some_and(|d| d > r)
    });
    if future && status == Status::Occurred {
        status = Status::Planned;
    }
    let (span, sentence) = e.shown;
    Event {
        id,
        kind: e.first.kind.to_string(),
        status: status.into(),
        trigger: doc.text[span.start..span.end].to_string(),
        trigger_span: span,
        date_text,
        date,
        place: e.place.unwrap_or_default(),
        participants: e.participants,
        sentence,
        evidence: evidence(doc, sentence, span),
        mentions: e.mentions,
    }
}

/// The sentence of the first mention, cut around the trigger when it is long.
fn evidence(doc: &Doc, sentence: usize, trigger: Span) -> String {
    let Some(s) = doc.sentences.get(sentence) else {
        return String::new();
    };
    let text = &doc.text[s.start..s.end];
    if text.len() <= EVIDENCE_MAX {
        return collapse_space(text);
    }
    // a window around the trigger, on word boundaries
    let half = EVIDENCE_MAX / 2;
    let mut from = trigger.start.saturating_sub(half).max(s.start);
    let mut to = (trigger.end + half).min(s.end);
    while from > s.start && !doc.text.is_char_boundary(from) {
        from -= 1;
    }
    while to < s.end && !doc.text.is_char_boundary(to) {
        to += 1;
    }
    let window = &doc.text[from..to];
    let cut_start = if from > s.start {
        window.find(' ').map_or(0, |k| k + 1)
    } else {
        0
    };
    let cut_end = if to < s.end {
        window.rfind(' ').unwrap_or(window.len())
    } else {
        window.len()
    };
    let core = if cut_start < cut_end {
        &window[cut_start..cut_end]
    } else {
        window
    };
    format!(
        "{}{}{}",
        if from > s.start { "…" } else { "" },
        collapse_space(core),
        if to < s.end { "…" } else { "" }
    )
}

fn collapse_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl From<Status> for EventStatus {
    fn from(s: Status) -> EventStatus {
        match s {
            Status::Occurred => EventStatus::Occurred,
            Status::Planned => EventStatus::Planned,
            Status::Cancelled => EventStatus::Cancelled,
            Status::Negated => EventStatus::Negated,
            Status::Hypothetical => EventStatus::Hypothetical,
        }
    }
}
