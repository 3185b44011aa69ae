//! Publication-date anchoring: which events the article reports as happening at the time of
//! reporting. An event that its clause dates with no time expression takes the article's own
//! date when the article reports it as news (TimeML's convention of relating events to the
//! document creation time); its `date_text` then says `(publication date)`.
//!
//! The lead is where news reports what just happened: the headline and the first paragraph,
//! or the first three body sentences when that paragraph is shorter (web articles often give
//! each sentence its own paragraph), never more than five body sentences. Date lines
//! (`March 01, 2008`) are not body sentences.

use crate::extraction::TimeExpr;
use crate::nlp::text::Doc;
use crate::nlp::time::pieces::Piece;
use chrono::NaiveDate;

/// The marker put in `date_text` when the date is the article's publication date.
pub const PUBLICATION_DATE: &str = "(publication date)";

/// How many body sentences the lead holds at least, and at most.
const LEAD_MIN: usize = 3;
const LEAD_MAX: usize = 5;

/// The index one past the last sentence of the article's lead.
pub fn lead_end(doc: &Doc, times: &[TimeExpr]) -> usize {
    let mut body = 0usize;
    let mut first_paragraph: Option<usize> = None;
    let mut t_at = 0;
    for (si, s) in doc.sentences.iter().enumerate() {
        while t_at < times.len() && times[t_at].span.end <= s.start {
            t_at += 1;
        }
        if si == 0 && is_headline(doc, si) {
            continue;
        }
        if is_date_line(doc, si, &times[t_at..]) {
            continue;
        }
        let paragraph = *first_paragraph.get_or_insert(s.paragraph);
        let in_paragraph = s.paragraph == paragraph && doc.paragraphs.len() > 1;
        if body >= LEAD_MAX || body >= LEAD_MIN && !in_paragraph {
            return si;
        }
        body += 1;
    }
    doc.sentences.len()
}

/// The date of the article's date line (`March 01 , 2008` on a line of its own among its
/// first three sentences), when it gives a full calendar date: the article's own date when no
/// publication date came with it.
pub fn date_line(doc: &Doc, times: &[TimeExpr]) -> Option<NaiveDate> {
    (0..doc.sentences.len().min(3))
        .filter(|&si| is_date_line(doc, si, times))
        .flat_map(|si| times.iter().filter(move |t| t.sentence == si))
        .find_map(|t| NaiveDate::parse_from_str(&t.value, "%Y-%m-%d").ok())
}

/// Whether the article opens with a headline: a first sentence that is a paragraph of its own
/// with no closing punctuation.
pub fn has_headline(doc: &Doc) -> bool {
    is_headline(doc, 0)
}

fn is_headline(doc: &Doc, si: usize) -> bool {
    let Some(s) = doc.sentences.get(si) else {
        return false;
    };
    let alone = doc
        .paragraphs
        .get(s.paragraph)
        .is_some_and(|p| p.sentences.len() == 1);
    let text = doc.text[s.start..s.end].trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    alone && !text.ends_with(['.', '!', '?', ':'])
}

/// A sentence whose words all belong to time expressions (a date line: `March 01 , 2008`).
fn is_date_line(doc: &Doc, si: usize, times: &[TimeExpr]) -> bool {
    let Some(s) = doc.sentences.get(si) else {
        return false;
    };
    let inside = |at: usize| times.iter().any(|t| t.span.start <= at && at < t.span.end);
    let mut words = 0;
    for tok in &doc.tokens[s.tokens.clone()] {
        let text = &doc.text[tok.start..tok.end];
        if !text.chars().any(char::is_alphanumeric) {
            continue;
        }
        words += 1;
        if !inside(tok.start) {
            return false;
        }
    }
    words > 0
}

/// The tense of an event mention, as far as its verb form and auxiliaries tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Simple past, or a participle clause (`Boeing saying that …`).
    Past,
    /// Simple present (a headline's `Apple launches …`).
    Present,
    /// Present perfect (`has announced`, `have been delayed`) or present progressive.
    Perfect,
    /// Past perfect: before some other past event, not at the time of reporting.
    PastPerfect,
    /// Infinitive, after a modal, or an adjective (`to buy`, `the recently announced`).
    NonFinite,
    /// A noun with an article or possessive (`the launch`, `Apple's launch`).
    Noun,
    /// A plural or bare noun: several events or a kind of event (`protests`).
    GenericNoun,
}

/// Adverbs that may stand between an auxiliary and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "now",
    "just",
    "recently",
    "already",
    "officially",
    "formally",
    "finally",
    "unexpectedly",
    "ultimately",
    "reportedly",
    "today",
    "yesterday",
    "again",
    "jointly",
    "quietly",
    "publicly",
    "previously",
    "originally",
    "initially",
    "first",
    "still",
    "not",
    "n't",
    "never",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "'s", "s", "whose",
    "first", "latest", "new", "last", "recent", "maiden",
];

/// Words of a clause that make its event habitual or generic rather than one happening.
const GENERIC: &[&str] = &[
    "often",
    "usually",
    "regularly",
    "always",
    "every",
    "each",
    "wherever",
    "whenever",
    "typically",
    "generally",
    "frequently",
    "sometimes",
    "routinely",
    "rarely",
    "regular",
    "annually",
    "traditionally",
];

/// The form of the mention at pieces `start..end`. `verb` is the index (within the trigger)
/// of its inflected verb and `base` that verb's lemma, or `None` for a noun.
pub fn form(p: &[Piece], start: usize, end: usize, verb: Option<(usize, &str)>) -> Form {
    let before = |k: usize| -> &str {
        (0..start)
            .rev()
            .map(|i| p[i].norm.as_str())
            .filter(|w| !ADVERBS.contains(w))
            .nth(k)
            .unwrap_or("")
    };
    let Some((at, base)) = verb else {
        let last = end
            .checked_sub(1)
            .and_then(|i| p.get(i))
            .map_or("", |x| x.norm.as_str());
        let prev = start
            .checked_sub(1)
            .and_then(|i| p.get(i))
            .map_or("", |x| x.norm.as_str());
        let plural = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("ics");
        let named = start > 0 && p[start - 1].capital && !p[start - 1].punct;
        // "makes first flight": a trigger that starts with its own determiner
        let own = p
            .get(start)
            .is_some_and(|x| DETERMINERS.contains(&x.norm.as_str()));
        return if plural && last != "talks" || !(DETERMINERS.contains(&prev) || named || own) {
            Form::GenericNoun
        } else {
            Form::Noun
        };
    };
    let Some(v) = p.get(start + at).map(|x| x.norm.as_str()) else {
        return Form::NonFinite;
    };
    let ing = v.ends_with("ing") && v != base;
    let bare = v == base;
    let third = !bare && !ing && v.ends_with('s') && !v.ends_with("ss");
    let participle = !bare && !ing && !third;
    let a1 = before(0);
    match a1 {
        "been" => match before(1) {
            "has" | "have" | "'ve" | "'s" => Form::Perfect,
            "had" | "'d" => Form::PastPerfect,
            _ => Form::NonFinite,
        },
        "has" | "have" | "'ve" if participle => Form::Perfect,
        "'s" if participle => Form::Perfect,
        "had" | "'d" if participle => Form::PastPerfect,
        "is" | "are" | "am" | "'re" if ing => Form::Perfect,
        "is" | "are" | "am" | "'re" => Form::Present,
        "was" | "were" => Form::Past,
        "to" | "will" | "would" | "could" | "can" | "may" | "might" | "must" | "should"
        | "shall" | "'ll" | "be" | "being" | "having" => Form::NonFinite,
        "did" => Form::Past,
        "does" | "do" => Form::Present,
        // "the release", "a purchase": the verb's form used as a noun; "the announced plan"
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those" => {
            if participle {
                Form::NonFinite
            } else {
                Form::Noun
            }
        }
        _ if bare || third => Form::Present,
        _ => Form::Past,
    }
}

/// Whether the clause around pieces `start..end` marks the event as habitual or generic.
pub fn generic(p: &[Piece], start: usize, end: usize) -> bool {
    let breaks = |w: &str| {
        matches!(
            w,
            ";" | ":" | "\"" | "“" | "”" | "(" | ")" | "." | "!" | "?"
        )
    };
    let before = (start.saturating_sub(8)..start)
        .rev()
        .map(|i| p[i].norm.as_str())
        .take_while(|w| !breaks(w));
    let after = p
        .iter()
        .skip(end)
        .take(6)
        .map(|x| x.norm.as_str())
        .take_while(|w| !breaks(w));
    before.chain(after).any(|w| GENERIC.contains(&w))
}

/// Whether an event of `form`, which its article reports as having happened, is reported as
/// happening at the time of reporting: a present perfect or progressive anywhere; a simple
/// present or past, or a singular noun, only in the lead (later in an article the simple
/// present is mostly habitual, and the past tells a background story).
pub fn reported_now(form: Form, in_lead: bool, generic: bool) -> bool {
    if generic {
        return false;
    }
    match form {
        Form::Perfect => true,
        Form::Present | Form::Past | Form::Noun => in_lead,
        Form::PastPerfect | Form::NonFinite | Form::GenericNoun => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::time;

    fn lead(text: &str) -> usize {
        let doc = Doc::new(text);
        let times = time::extract(&doc, None);
        lead_end(&doc, &times)
    }

    #[test]
    fn a_date_line_gives_the_article_date() {
        let doc = Doc::new("Airbus wins contract\nMarch 01 , 2008\nOne .\nTwo .");
        let times = time::extract(&doc, None);
        assert_eq!(date_line(&doc, &times), NaiveDate::from_ymd_opt(2008, 3, 1));
        let doc = Doc::new("Airbus won a contract on March 1, 2008. Two.");
        let times = time::extract(&doc, None);
        assert_eq!(date_line(&doc, &times), None);
    }

    #[test]
    fn the_lead_is_the_headline_and_three_body_sentences() {
        // headline, date line, then one sentence a paragraph (as MEANTIME writes it)
        let text = "Airbus wins contract\nMarch 01 , 2008\nOne .\nTwo .\nThree .\nFour .\nFive .";
        assert_eq!(lead(text), 5);
        // a first paragraph of four sentences is the lead
        assert_eq!(lead("One. Two. Three. Four.\n\nFive. Six."), 4);
        // an unbroken text: three sentences
        assert_eq!(lead("One. Two. Three. Four. Five. Six."), 3);
    }
}
