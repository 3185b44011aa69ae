//! Attribution: which stretches of text are quotes, with which cue and speaker phrase.
//!
//! Four passes, each claiming tokens so that every token belongs to at most one quote:
//! 1. quotations with a cue beside them (`X said: "…"`, `"…," X said`, `"…," said X`,
//!    `"…" – X`), with a quote of several paragraphs kept together (a row per paragraph) and
//!    a quote interrupted by its tag (`"…," X said. "…"`, `"…" – X – "…"`) taken as one row
//!    whose content runs over the tag ([`Found::interruption`]), unless the tag is longer than
//!    the quoted words around it;
//! 2. the frames of `frames`: a headline that names its speaker (`Sanders: …`), a question
//!    put to someone (`Asked whether …, Ryan said`), appearance and expectation without a
//!    source (`X appears to …`, `X is expected to …`);
//! 3. reported speech from the remaining cues (`X said (that) …`, `…, X said`,
//!    `according to X, …`), mixed when it holds quoted words, partial when a naming verb takes
//!    a quoted fragment (`called it "a sham"`); sentence-final tags (`…, he said.`) go first,
//!    so that the words before them are theirs whatever cues they hold, and a cue whose subject
//!    cannot be read still reports speech when a clause follows it;
//! 4. quotations without a cue that continue the quote of the paragraph before.
//!
//! Quoted titles and scare quotes with no cue are left alone.

mod evaluations;
mod frames;

use super::context::Context;
use super::cues::{self, Cue};
use super::lexicon::{CueClass, Tense, class};
use super::speakers::{self, Form, Np};
use crate::extraction::QuoteKind;
use crate::nlp::text::TokenKind;
use std::ops::Range;

/// One quote found in the text, before its speaker is resolved.
#[derive(Debug, Clone)]
pub struct Found {
    /// The content tokens.
    pub content: Range<usize>,
    /// What kind of quote it is.
    pub kind: QuoteKind,
    /// The cue tokens.
    pub cue: Option<Range<usize>>,
    /// The speaker phrase.
    pub speaker: Option<Np>,
    /// Index of the quote whose speaker and cue this one takes (a continuation paragraph).
    pub inherit: Option<usize>,
    /// The tokens inside `content` that are not what was said: the closing mark, speech tag
    /// and opening mark of a quotation interrupted by its own tag (`," X said. "`).
    pub interruption: Option<Range<usize>>,
}

impl Found {
    /// The stretches of tokens that were said: `content`, or the two parts around its
    /// interruption.
    pub fn parts(&self) -> [Range<usize>; 2] {
        match &self.interruption {
            Some(gap) => [self.content.start..gap.start, gap.end..self.content.end],
            None => [self.content.clone(), self.content.end..self.content.end],
        }
    }
}

/// Words that join a second clause; one followed by a cue starts another quote.
const CLAUSE_JOINERS: &[&str] = &["and", "but", "then", "while"];
/// How far from a quotation its cue may be, in tokens.
const CUE_REACH: usize = 12;
/// The longest stretch of reported speech, in tokens: the bound that keeps the cost per cue
/// constant in a sentence of any length.
const MAX_CLAUSE: usize = 300;
/// The fewest words of reported speech.
const MIN_CONTENT_WORDS: usize = 2;

const BE_FORMS: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "'s", "’s",
];
/// Auxiliary verbs that go on with a clause interrupted by `, according to X,`.
const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did",
    "does", "do",
];
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "you", "it"];
const ADVERBIAL_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "to", "with", "from", "over", "via", "through", "before", "after",
    "late", "early", "last", "this", "earlier", "later", "aboard",
];

struct Attributor<'c, 'a> {
    cx: &'c Context<'a>,
    cues: Vec<Cue>,
    /// 1 + index into `cues` of the cue covering each token.
    cue_at: Vec<u32>,
    /// Tokens claimed by a quote (content, marks or cue).
    used: Vec<bool>,
    found: Vec<Found>,
}

/// Finds the quotes of the text.
pub fn attribute(cx: &Context) -> Vec<Found> {
    let cues = cues::find(cx);
    let mut cue_at = vec![0u32; cx.len()];
    for (ci, c) in cues.iter().enumerate() {
        for t in c.tokens.clone() {
            cue_at[t] = ci as u32 + 1;
        }
    }
    let mut a = Attributor {
        cx,
        cues,
        cue_at,
        used: vec![false; cx.len()],
        found: Vec::new(),
    };
    a.transcript_lines();
    a.direct_quotes();
    a.headline();
    a.title_case_headline();
    a.questions();
    a.appearances();
    a.reported_speech();
    a.fragments_of_speakers();
    a.evaluations();
    a.noun_complements();
    a.continuations();
    let mut found = a.found;
    // Keep text order; `inherit` indices must follow the sort.
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].content.start);
    let mut new_index = vec![0; found.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    for f in found.iter_mut() {
        f.inherit = f.inherit.map(|i| new_index[i]);
    }
    let mut sorted: Vec<Found> = order.iter().map(|&i| found[i].clone()).collect();
    // A quote must come after the one it inherits from, or carry its own speaker.
    for i in 0..sorted.len() {
        if let Some(h) = sorted[i].inherit
            && h >= i
        {
            sorted[i].speaker = sorted[h].speaker.clone();
            sorted[i].cue = sorted[h].cue.clone();
            sorted[i].inherit = None;
        }
    }
    found.clear();
    sorted
}

impl Attributor<'_, '_> {
    fn cue(&self, i: usize) -> Option<&Cue> {
        match self.cue_at.get(i) {
            Some(&c) if c > 0 => self.cues.get(c as usize - 1),
            _ => None,
        }
    }

    fn claim(&mut self, r: Range<usize>) {
        for t in r {
            if let Some(u) = self.used.get_mut(t) {
                *u = true;
            }
        }
    }

    fn any_used(&self, r: Range<usize>) -> bool {
        r.into_iter()
            .any(|t| self.used.get(t).copied().unwrap_or(true))
    }

    // ---- pass 1: quotations with a cue ----

    fn direct_quotes(&mut self) {
        let cx = self.cx;
        let top: Vec<usize> = (0..cx.quoted.len())
            .filter(|&q| cx.quoted[q].depth == 0)
            .collect();
        let mut k = 0;
        while k < top.len() {
            // A chain of paragraphs of one quote.
            let mut chain = vec![top[k]];
            while k + 1 < top.len()
                && cx.quoted[top[k + 1]].continues == Some(*chain.last().unwrap_or(&0))
            {
                k += 1;
                chain.push(top[k]);
            }
            k += 1;
            let first = chain[0];
            let last = *chain.last().unwrap_or(&first);
            if self.any_used(cx.quoted[first].outer()) {
                continue;
            }
            // A cue at the end of the paragraph before (`What they said:`) gives way to a tag
            // beside the quotation itself (`"…" – Joana Pires`).
            let open = cx.quoted[first].open;
            let cue_in_paragraph_before =
                open > 0 && cx.paragraph_of(open - 1) != cx.paragraph_of(open);
            let attribution = if cue_in_paragraph_before {
                self.tag_after_quote(last)
                    .or_else(|| self.cue_before_quote(first))
            } else {
                self.cue_before_quote(first)
                    .or_else(|| self.tag_after_quote(last))
            };
            let Some((cue, speaker, tag_end)) = attribution else {
                continue;
            };
            let kind = if cue.as_ref().is_some_and(|c| {
                self.cue(c.start)
                    .is_some_and(|c| c.class(cx) == CueClass::Call)
            }) {
                QuoteKind::Partial
            } else {
                QuoteKind::Direct
            };
            let head = self.found.len();
            for (n, &q) in chain.iter().enumerate() {
                let quoted = &cx.quoted[q];
                self.found.push(Found {
                    content: quoted.tokens.clone(),
                    kind,
                    cue: if n == 0 { cue.clone() } else { None },
                    speaker: if n == 0 { speaker.clone() } else { None },
                    inherit: (n > 0).then_some(head),
                    interruption: None,
                });
                self.claim(quoted.outer());
            }
            if let Some(c) = &cue {
                self.claim(c.clone());
            }
            // `"…," X said. "…"`: the quotation after the tag is the same quote, one row
            // whose content runs over the tag that interrupts it.
            if chain.len() == 1
                && let Some(after_cue) = tag_end
                && let Some(next) = self.interrupted_continuation(last, after_cue)
            {
                let q = &cx.quoted[next];
                if self.tag_is_short(last, next) {
                    let f = &mut self.found[head];
                    f.interruption = Some(f.content.end..q.tokens.start);
                    f.content.end = q.tokens.end;
                } else {
                    self.found.push(Found {
                        content: q.tokens.clone(),
                        kind,
                        cue: None,
                        speaker: None,
                        inherit: Some(head),
                        interruption: None,
                    });
                }
                self.claim(q.outer());
                while k < top.len() && top[k] <= next {
                    k += 1;
                }
            }
        }
    }

    /// A cue before the quotation `q`: `X said: "…"`, `X told reporters, "…"`,
    /// `X said that "…"`. Returns the cue, the speaker and no tag end.
    #[allow(clippy::type_complexity)]
    fn cue_before_quote(
        &self,
        q: usize,
    ) -> Option<(Option<Range<usize>>, Option<Np>, Option<usize>)> {
        let cx = self.cx;
        let quoted = &cx.quoted[q];
        let open = quoted.open;
        let mut j = open.checked_sub(1)?;
        // The cue may end the paragraph before: `He said:` ¶ `"…"`.
        if cx.paragraph_of(j) != cx.paragraph_of(open) && !cx.is(j, ":") {
            return None;
        }
        let introduced = cx.is(j, ":") || cx.is(j, ",") || cx.lower(j) == "that";
        if introduced {
            j = j.checked_sub(1)?;
        }
        let Some(cue) = self.cue_ending_near(j, introduced) else {
            return if cx.is(open - 1, ":") {
                self.colon_clause(open - 1)
            } else {
                None
            };
        };
        if !matches!(
            cue.class(cx),
            CueClass::Say | CueClass::Tell | CueClass::Tag | CueClass::Think | CueClass::Call
        ) {
            return None;
        }
        if matches!(cue.class(cx), CueClass::Think | CueClass::Tag) && !introduced {
            return None;
        }
        // `Kasich says he'd sit Putin down and tell him "no more nonsense"`: a quotation
        // inside another cue's reported speech is part of it (the second pass).
        if !introduced {
            let sentence = cx.sentence_tokens(cue.tokens.start);
            if (sentence.start..cue.tokens.start).any(|k| {
                self.cue(k).is_some_and(|c| {
                    c.tokens.start == k
                        && matches!(
                            c.class(cx),
                            CueClass::Say | CueClass::Tell | CueClass::Think
                        )
                        && cx.quote_at(k).is_none()
                        && !self.any_used(c.tokens.clone())
                })
            }) {
                return None;
            }
        }
        // Without `:` or `,`, a quotation that does not finish the sentence is part of reported
        // speech (`said the plan was "a disaster" for them`): the second pass takes it.
        let own_stop =
            quoted.close.is_some() && matches!(cx.text(quoted.tokens.end - 1), "!" | "?" | ".");
        if !(cx.is(open - 1, ":") || self.ends_sentence(q) || cx.is(open - 1, ",") && own_stop) {
            return None;
        }
        if self.any_used(cue.tokens.clone()) || cx.quote_at(cue.tokens.start).is_some() {
            return None;
        }
        let Some(speaker) = self.speaker_of(cue) else {
            // `a voice over saying: "…"`: a quotation introduced by a verb of saying is a
            // quote even when its subject cannot be read.
            if introduced && matches!(cue.class(cx), CueClass::Say | CueClass::Tell) {
                return Some((Some(cue.tokens.clone()), self.fallback_speaker(cue), None));
            }
            return None;
        };
        if self.is_reduced_relative(cue, &speaker) {
            return None;
        }
        Some((Some(cue.tokens.clone()), Some(speaker), None))
    }

    /// `Kasich resisted: "…"`, `Sanders delivered a snappy retort: "…"`, `Trump: "…"`: a
    /// short clause ending in a colon before a quotation names its speaker in its subject;
    /// its verb (or the colon) is the cue.
    #[allow(clippy::type_complexity)]
    fn colon_clause(
        &self,
        colon: usize,
    ) -> Option<(Option<Range<usize>>, Option<Np>, Option<usize>)> {
        let cx = self.cx;
        let sentence = cx.sentence_tokens(colon);
        if colon - sentence.start > CUE_REACH || (sentence.start..colon).any(|t| self.used[t]) {
            return None;
        }
        let np = speakers::clause_subject(cx, colon)?;
        if np.form == Form::Pronoun && matches!(cx.lower(np.head.start), "it" | "i" | "we" | "you")
        {
            return None;
        }
        let mut v = np.head.end;
        while v < colon && cx.has_class(v, class::SKIP) {
            v += 1;
        }
        let cue = if v == colon {
            colon..colon + 1
        } else if cx.is_lower_word(v) {
            v..v + 1
        } else {
            return None;
        };
        Some((Some(cue), Some(np), None))
    }

    /// The cue that ends at token `j` or a few adverbial tokens before it (`said Monday`,
    /// `told Channel 4 News`, `said in a statement`).
    fn cue_ending_near(&self, j: usize, introduced: bool) -> Option<&Cue> {
        let cx = self.cx;
        let lo = j.saturating_sub(CUE_REACH);
        let mut k = j;
        loop {
            if let Some(c) = self.cue(k)
                && c.class(cx) != CueClass::Noun
                && c.class(cx) != CueClass::Accord
            {
                // Between the cue and the mark only an object or adverbials.
                return (introduced || c.tokens.end == j + 1).then_some(c);
            }
            if k <= lo || cx.is_terminal(k) || cx.kind(k) == TokenKind::Quote {
                return None;
            }
            if !introduced {
                return None;
            }
            let colon = cx.is(j + 1, ":");
            if !(self.is_adverbial_token(k) || colon && cx.is_lower_word(k)) {
                return None;
            }
            k -= 1;
        }
    }

    /// A token that can sit between a cue and its quotation: an object, a time or place.
    fn is_adverbial_token(&self, k: usize) -> bool {
        let cx = self.cx;
        cx.is_capitalised(k)
            || cx.kind(k) == TokenKind::Number
            || cx.has_class(k, class::TIME | class::HEARER | class::SKIP)
            || ADVERBIAL_PREPOSITIONS.contains(&cx.lower(k))
            || matches!(
                cx.lower(k),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "of"
                    | "for"
                    | "and"
                    | "'s"
                    | "’s"
                    | ","
            )
            || OBJECT_PRONOUNS.contains(&cx.lower(k))
            || cues::match_at(cx, k)
                .is_some_and(|(f, _)| cx.lx.forms[f as usize].class == CueClass::Noun)
            || cx.is_lower_word(k)
                && k > 0
                && matches!(
                    cx.lower(k - 1),
                    "a" | "an" | "the" | "his" | "her" | "their" | "'s" | "’s"
                )
    }

    /// True when the quotation `q` runs to the end of its sentence (only punctuation after it).
    fn ends_sentence(&self, q: usize) -> bool {
        let cx = self.cx;
        let quoted = &cx.quoted[q];
        let Some(close) = quoted.close else {
            return true;
        };
        let sentence = cx.sentence_tokens(close);
        // A few stops and marks at most (bounded, so a sentence of marks stays linear).
        sentence.end - close <= 8
            && (close + 1..sentence.end)
                .all(|t| cx.kind(t) == TokenKind::Punct || cx.kind(t) == TokenKind::Quote)
    }

    /// A tag after the quotation `q`: `"…," X said`, `"…," said X`, `"…" – X`,
    /// `"…," according to X`. Returns the cue, the speaker and the token after the tag.
    #[allow(clippy::type_complexity)]
    fn tag_after_quote(
        &self,
        q: usize,
    ) -> Option<(Option<Range<usize>>, Option<Np>, Option<usize>)> {
        let cx = self.cx;
        let quoted = &cx.quoted[q];
        let close = quoted.close?;
        // A quotation after other words of its sentence is part of reported speech
        // (`he "made a strategic mistake," Lichtman said`): the second pass takes it.
        let opened_in = cx.sentence_tokens(quoted.open);
        let after_colon = quoted.open > 0 && matches!(cx.text(quoted.open - 1), ":" | "—" | "–");
        if !after_colon
            && (opened_in.start..quoted.open)
                .any(|t| matches!(cx.kind(t), TokenKind::Word | TokenKind::Number))
        {
            return None;
        }
        let mut i = close + 1;
        if i >= cx.len() {
            return None;
        }
        if cx.paragraph_of(i) != cx.paragraph_of(close) {
            // `"…"` ¶ `- Clinton`: a signature line after the quotation.
            let next = cx.paragraph_tokens(i);
            if next.start == i && next.len() <= 6 && cx.is_dash(i) && i + 1 < next.end {
                let np = speakers::np_starting_at(cx, i + 1, next.end)?;
                if np.form == Form::Name {
                    let end = np.head.end;
                    return Some((Some(i..i + 1), Some(np), Some(end)));
                }
            }
            return None;
        }
        if cx.is(i, ",") {
            i += 1;
        }
        if i >= cx.len() {
            return None;
        }
        let paragraph = cx.paragraph_tokens(i);
        let sentence = cx.sentence_tokens(i);
        // `"…" – Sadiq Khan`
        if cx.is_dash(i) && i + 1 < paragraph.end {
            let np = speakers::np_starting_at(cx, i + 1, sentence.end)?;
            if np.form == Form::Name {
                let end = np.head.end;
                return Some((Some(i..i + 1), Some(np), Some(end)));
            }
            return None;
        }
        // `"…," said X` and `"…," according to X`
        if let Some(c) = self.cue(i)
            && c.tokens.start == i
        {
            let class = c.class(cx);
            if matches!(
                class,
                CueClass::Say | CueClass::Tell | CueClass::Tag | CueClass::Accord
            ) && !c.form(cx).participle
            {
                let np = speakers::subject_after(cx, c.tokens.end, sentence.end).or_else(|| {
                    (class != CueClass::Accord)
                        .then(|| self.phrase_to_comma(c.tokens.end, sentence.end))
                        .flatten()
                });
                let np = match np {
                    Some(np) if np.form != Form::Pronoun || class != CueClass::Accord => np,
                    _ => return None,
                };
                return Some((Some(c.tokens.clone()), Some(np), Some(c.tokens.end)));
            }
            return None;
        }
        // `"…," X said` / `"…." He added.` (further with an apposition: `"…," Deborah
        // Tamargo, the chairwoman of the county party, recalled`)
        // A quotation closed by a comma has its tag in the rest of the sentence, however long
        // the speaker's description (`"…," Scott Pruitt, the attorney general of Oklahoma,
        // one of the states suing the EPA, said`).
        let comma_closed = cx.is(i - 1, ",") || close > 0 && cx.is(close - 1, ",");
        let reach = if comma_closed {
            4 * CUE_REACH
        } else {
            2 * CUE_REACH
        };
        let limit = (i + reach).min(paragraph.end);
        let mut k = i;
        while k < limit {
            // `Rep. John Mica (R-Fla.) said`: a party and state in parentheses.
            if cx.is(k, "(")
                && let Some(close) = (k + 1..(k + 8).min(limit)).find(|&t| cx.is(t, ")"))
            {
                k = close + 1;
                continue;
            }
            // `R-Ky.`, `Jr.`: a stop that does not end the sentence is part of the tag.
            let ends_sentence = cx.is_terminal(k) && cx.sentence_tokens(k).end == k + 1;
            if cx.kind(k) == TokenKind::Quote || (ends_sentence && k > i) {
                return None;
            }
            if let Some(c) = self.cue(k) {
                if !matches!(c.class(cx), CueClass::Say | CueClass::Tell | CueClass::Tag)
                    || c.form(cx).participle
                {
                    return None;
                }
                if k - i <= 2 * CUE_REACH
                    && let Some(tag) = self.subject_tag(c, i, close, paragraph.end)
                {
                    return Some(tag);
                }
                return comma_closed
                    .then(|| self.described_subject_tag(c, i, close))
                    .flatten();
            }
            k += 1;
        }
        None
    }

    /// The tag `X said` after a quotation that closes at `close`, with the speaker phrase
    /// starting at token `i`, right after the quotation (`"…," Fox's Chris Wallace said`).
    #[allow(clippy::type_complexity)]
    fn subject_tag(
        &self,
        c: &Cue,
        i: usize,
        close: usize,
        paragraph_end: usize,
    ) -> Option<(Option<Range<usize>>, Option<Np>, Option<usize>)> {
        let cx = self.cx;
        let k = c.tokens.start;
        {
            {
                let np = speakers::subject_before(cx, c.tokens.start, i)?;
                // The speaker phrase follows the quotation directly (`"…," Fox's Chris
                // Wallace said`), not after more words of the sentence.
                let lead = np.start.max(i) - i;
                // Up to four words before the phrase, or a longer run of names and title
                // words (`the Post's senior politics editor Steven Ginsberg`).
                let lead_ok = lead <= 4
                    || lead <= 10
                        && (i..np.start.max(i)).all(|t| {
                            cx.is_capitalised(t)
                                || cx.has_class(t, class::TITLE)
                                || matches!(cx.lower(t), "the" | "and" | "'s" | "’s" | "of")
                                || cx.is_lower_word(t)
                                    && self.cue(t).is_none()
                                    && !cx.has_class(t, class::FUNCTION)
                        });
                if np.head.start < i
                    || !lead_ok
                    || (i..np.start.max(i)).any(|t| cx.kind(t) == TokenKind::Punct)
                {
                    return None;
                }
                if k - i > CUE_REACH && !(i..k).any(|t| cx.is(t, ",")) {
                    return None;
                }
                // A new sentence after the quotation must be a short tag.
                let crossed = cx.doc.sentence_of(k) != cx.doc.sentence_of(close);
                let end = self.tag_end(c.tokens.end, paragraph_end);
                if crossed && end < paragraph_end && !cx.is_terminal(end) {
                    return None;
                }
                Some((Some(c.tokens.clone()), Some(np), Some(c.tokens.end)))
            }
        }
    }

    /// The tag after a quotation closed by a comma whose speaker is described at length
    /// before the cue: the phrase right after the quotation is the speaker, and the cue must
    /// end the sentence (`"…," Scott Pruitt, the attorney general of Oklahoma, one of the
    /// states suing the EPA, said at an event.`).
    #[allow(clippy::type_complexity)]
    fn described_subject_tag(
        &self,
        c: &Cue,
        i: usize,
        close: usize,
    ) -> Option<(Option<Range<usize>>, Option<Np>, Option<usize>)> {
        let cx = self.cx;
        let k = c.tokens.start;
        let sentence = cx.sentence_tokens(k);
        if cx.doc.sentence_of(k) != cx.doc.sentence_of(close)
            || !(i..k).any(|t| cx.is(t, ","))
            || (i..k).any(|t| cx.kind(t) == TokenKind::Quote)
        {
            return None;
        }
        let after = if c.class(cx) == CueClass::Tell {
            self.skip_object(c.tokens.end, sentence.end)
        } else {
            c.tokens.end
        };
        if !self.tag_reaches_end(after, sentence.end) {
            return None;
        }
        let np = speakers::np_starting_at(cx, i, k)?;
        if np.start != i || np.form == Form::Pronoun || !cx.is(np.head.end, ",") {
            return None;
        }
        Some((Some(c.tokens.clone()), Some(np), Some(c.tokens.end)))
    }

    /// True when the tag between the quotation `a` and its continuation `b` is no longer than
    /// the quoted words around it (with the marks beside the tag), counted in characters: then
    /// the two are one row, whose span is mostly quoted words; a longer tag (`"…," said X, a
    /// lawyer who has … for years. "…"`) leaves the second part a row of its own.
    fn tag_is_short(&self, a: usize, b: usize) -> bool {
        let cx = self.cx;
        let a = &cx.quoted[a];
        let a_end = a.close.map_or(a.end, |c| cx.bytes(c..c + 1).end);
        self.short_between(a.start..a_end, b)
    }

    /// [`Self::tag_is_short`] for words said at bytes `said` (up to the tag) and the
    /// quotation `b` after the tag.
    fn short_between(&self, said: Range<usize>, b: usize) -> bool {
        let cx = self.cx;
        let b = &cx.quoted[b];
        let chars = |r: Range<usize>| cx.doc.text.get(r).map_or(0, |s| s.chars().count());
        let b_start = cx.bytes(b.open..b.open + 1).start;
        let tag = chars(said.end..b_start);
        tag <= chars(said) + chars(b_start..b.end)
    }

    /// `"…," said the 46-year-old.`, `"…," said one of those advisers, who …`: a phrase of
    /// words that [`speakers::subject_after`] cannot read, from `from` to the next comma or
    /// stop, taken as the speaker of an inverted tag.
    fn phrase_to_comma(&self, from: usize, end: usize) -> Option<Np> {
        let cx = self.cx;
        let limit = (from + 8).min(end);
        let stop = (from..limit).find(|&t| cx.is(t, ",") || cx.is_terminal(t))?;
        let ok = stop > from
            && (from..stop).all(|t| {
                (cx.is_word(t) || cx.kind(t) == TokenKind::Number || cx.is_dash(t))
                    && self.cue(t).is_none()
            })
            && matches!(
                cx.lower(from),
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "two"
                    | "some"
                    | "many"
                    | "another"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
            );
        ok.then_some(Np {
            head: from..stop,
            start: from,
            form: Form::Nominal,
        })
    }

    /// The end of a tag: the next clause-ending punctuation or quotation mark.
    fn tag_end(&self, from: usize, limit: usize) -> usize {
        let cx = self.cx;
        let mut e = from;
        while e < limit
            && e - from < CUE_REACH
            && !cx.is_terminal(e)
            && !cx.is(e, ",")
            && cx.kind(e) != TokenKind::Quote
        {
            e += 1;
        }
        e
    }

    /// The quotation that goes on after the tag whose cue ends at `after_cue`: in the same
    /// paragraph, with no other quotation or cue between, opening a sentence or after
    /// punctuation, and without a cue of its own (`"…," Cruz told reporters after a forum in
    /// Fort Mill, S.C. "…"`).
    fn interrupted_continuation(&self, q: usize, after_cue: usize) -> Option<usize> {
        let cx = self.cx;
        let next_top = |from: usize| {
            cx.quoted
                .get(from + 1..)
                .and_then(|rest| rest.iter().position(|n| n.depth == 0))
                .map(|p| from + 1 + p)
        };
        let mut next = next_top(q)?;
        // `…," Flynn said on Fox News's "Fox and Friends." "…"`: a title quoted in the tag.
        let mut title = 0..0;
        if self.is_title_in_tag(next, after_cue) {
            title = cx.quoted[next].outer();
            next = next_top(next)?;
        }
        let n = &cx.quoted[next];
        if n.continues.is_some() || n.open < after_cue {
            return None;
        }
        // A longer tag must be one sentence (`…," Spencer said, as a few young fighters
        // worked out inside the gym. "…"`).
        let gap = n.open - after_cue;
        let one_sentence =
            after_cue > 0 && cx.doc.sentence_of(after_cue - 1) == cx.doc.sentence_of(n.open - 1);
        if gap > 2 * CUE_REACH && !(gap <= 4 * CUE_REACH && one_sentence) {
            return None;
        }
        if cx.paragraph_of(n.open) != cx.paragraph_of(after_cue.min(cx.len() - 1)) {
            return None;
        }
        let opens_sentence = cx.sentence_tokens(n.open).start == n.open;
        let after_punct =
            n.open > 0 && matches!(cx.text(n.open - 1), "." | "," | ":" | ";" | "—" | "–");
        // `"…," Trump said "…"`: a stop left out after the tag.
        let right_after_tag = n.open == after_cue && cx.is_capitalised(n.tokens.start);
        if !(opens_sentence || after_punct || right_after_tag) {
            return None;
        }
        if (after_cue..n.open).any(|t| cx.kind(t) == TokenKind::Quote && !title.contains(&t)) {
            return None;
        }
        // `"…," Obama said. And perhaps, he said, it could help officers who, "…"`: after the
        // tag's sentence the quotation must open the next one.
        let crossed = after_cue > 0 && !one_sentence;
        if crossed && !opens_sentence {
            return None;
        }
        // `"…," he said, adding: "…"`: a cue of its own right before it.
        let mut b = n.open;
        while b > after_cue && matches!(cx.text(b - 1), ":" | ",") {
            b -= 1;
        }
        if b > after_cue && self.cue(b - 1).is_some() {
            return None;
        }
        // `"…," Rubio said. "You can't … until you prove to people" that border security is
        // working, he said.`: a quotation inside a sentence of its own is another quote.
        if !self.ends_sentence(next) {
            return None;
        }
        // Words between may hold verbs (`when asked if he had met Trump`); a quotation with a
        // cue of its own is another quote.
        if self.any_used(n.outer())
            || self.tag_after_quote(next).is_some()
            || self.cue_before_quote(next).is_some()
        {
            return None;
        }
        Some(next)
    }

    /// True when the quotation `q` is a short title inside the tag that ends at `after_cue`
    /// (`said on "Meet the Press."`): capitalised, in the tag's sentence.
    fn is_title_in_tag(&self, q: usize, after_cue: usize) -> bool {
        let cx = self.cx;
        let t = &cx.quoted[q];
        after_cue > 0
            && t.open >= after_cue
            && t.tokens.len() <= 8
            && !t.tokens.is_empty()
            && cx.is_capitalised(t.tokens.start)
            && cx.doc.sentence_of(t.open) == cx.doc.sentence_of(after_cue - 1)
            && t.tokens
                .clone()
                .all(|k| !cx.is_word(k) || cx.is_capitalised(k) || cx.has_class(k, class::FUNCTION))
    }

    /// The speaker phrase of a cue: its subject, the phrase after it when inverted, or the
    /// subject of the clause for a participle.
    fn speaker_of(&self, cue: &Cue) -> Option<Np> {
        let cx = self.cx;
        let form = cue.form(cx);
        let start = cue.tokens.start;
        let sentence = cx.sentence_tokens(start);
        let lo = self.clause_floor(start, sentence.start);
        if form.class == CueClass::Accord {
            return speakers::subject_after(cx, cue.tokens.end, sentence.end)
                .filter(|np| np.form != Form::Pronoun || cx.lower(np.head.start) != "it");
        }
        if form.participle {
            // `"…," he said, adding: …`: the subject of the tag before.
            if start >= sentence.start + 2
                && cx.is(start - 1, ",")
                && let Some(tag) = self.cue(start - 2)
                && matches!(tag.class(cx), CueClass::Say | CueClass::Tell)
                && !tag.form(cx).participle
            {
                let before = speakers::subject_before(cx, tag.tokens.start, sentence.start);
                let after = speakers::subject_after(cx, tag.tokens.end, start - 1);
                if let Some(np) = before
                    .filter(|np| np.head.end <= tag.tokens.start)
                    .or(after)
                {
                    return Some(np);
                }
            }
            if start >= sentence.start + 3
                && cx.is(start - 1, ",")
                && let Some(np) = speakers::np_ending_at(cx, start - 2, sentence.start)
                && np.start > sentence.start
                && self.cue(np.start - 1).is_some_and(|c| {
                    matches!(c.class(cx), CueClass::Say | CueClass::Tell) && !c.form(cx).participle
                })
            {
                // `"…," said Smith, adding …`
                return Some(np);
            }
            // `Since announcing in October that …, Mr. Biden has …`: the subject follows the
            // opening clause.
            let opens = (sentence.start..start).all(|t| {
                !cx.is_word(t)
                    || matches!(
                        cx.lower(t),
                        "since"
                            | "after"
                            | "before"
                            | "while"
                            | "when"
                            | "by"
                            | "in"
                            | "upon"
                            | "despite"
                            | "without"
                    )
            });
            if opens
                && let Some(comma) =
                    (start..(start + 3 * CUE_REACH).min(sentence.end)).find(|&t| cx.is(t, ","))
                && let Some(np) = speakers::np_starting_at(cx, comma + 1, sentence.end)
                && np.form != Form::Nominal
            {
                return Some(np);
            }
            let before = speakers::subject_before(cx, start, lo);
            if start > 0
                && !cx.is(start - 1, ",")
                && let Some(np) = &before
                && np.head.start > 0
                && cx.lower(np.head.start - 1) == "with"
            {
                return before;
            }
            return speakers::clause_subject(cx, start).or(before);
        }
        // `declined to say`, `went on to say`: the subject of the verb group before `to`.
        if start > lo + 1 && cx.lower(start - 1) == "to" {
            let mut j = start - 1;
            let mut steps = 0;
            // (`took to Twitter overnight to accuse`: a name after `to` belongs to the group.)
            loop {
                if j > lo + 3 && steps < 4 && cx.is_name_word(j - 1) && cx.lower(j - 2) == "to" {
                    j -= 2;
                    steps += 1;
                    continue;
                }
                if !(j > lo
                    && steps < 4
                    && cx.is_lower_word(j - 1)
                    && !matches!(
                        cx.lower(j - 1),
                        "that"
                            | "who"
                            | "which"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "i"
                            | "you"
                            | "the"
                            | "a"
                            | "an"
                            | "and"
                            | "but"
                    ))
                {
                    break;
                }
                j -= 1;
                steps += 1;
            }
            if j < start - 1
                && let Some(np) = speakers::subject_before(cx, j, lo)
            {
                return Some(np);
            }
            return None;
        }
        if let Some(np) = speakers::subject_before(cx, start, lo) {
            return Some(np);
        }
        // `He suggested her cycle was to blame, called her "third-rate" and …`: a second verb
        // of a list, right after the reported words of the first, shares its subject.
        // (`the name of Mr. Pinchuk, described as …`, `…, requested by Sanders`: a participle
        // describing the noun before.)
        if start >= sentence.start + 2
            && cx.is(start - 1, ",")
            && !(cue.tokens.end < sentence.end
                && matches!(cx.lower(cue.tokens.end), "as" | "by" | "in"))
            && let Some(before) = self.found.iter().rev().take(16).find(|f| {
                f.content.end == start - 1
                    && f.cue.as_ref().is_some_and(|c| c.end <= f.content.start)
                    && f.speaker.is_some()
            })
        {
            return before.speaker.clone();
        }
        // `and said`, `but added`: the subject of the clause.
        let mut j = start;
        while j > sentence.start && j > lo && cx.has_class(j - 1, class::SKIP) {
            j -= 1;
        }
        if j > sentence.start && matches!(cx.lower(j - 1), "and" | "but" | "then") {
            // The subject of the verb before: `Trump denounced … and pledged …`.
            let earlier = (sentence.start..j - 1).rev().find_map(|k| {
                self.cue(k).filter(|c| {
                    c.tokens.start == k && c.class(cx) != CueClass::Noun && c.tokens.end < j
                })
            });
            if let Some(c) = earlier
                && !c.form(cx).participle
                && let Some(np) = speakers::subject_before(
                    cx,
                    c.tokens.start,
                    self.clause_floor(c.tokens.start, sentence.start),
                )
            {
                return Some(np);
            }
            return speakers::clause_subject(cx, start).filter(|np| np.head.end <= start);
        }
        None
    }

    /// The first token a subject may use: the sentence start, or after a quotation or quote
    /// already claimed.
    fn clause_floor(&self, at: usize, sentence_start: usize) -> usize {
        let mut lo = at;
        let bound = at.saturating_sub(MAX_CLAUSE).max(sentence_start);
        while lo > bound && !self.used[lo - 1] {
            lo -= 1;
        }
        lo
    }

    // ---- pass 2: reported speech ----

    fn reported_speech(&mut self) {
        let cx = self.cx;
        // `according to` first: its source is explicit, and a stance verb inside its content
        // (`59 percent of voters view her unfavorably, according to a poll`) is part of it.
        // Then a tag that ends its sentence (`…, said Larry Sabato, a director.`, `…, he
        // said.`): the words before it are its own, whatever cues they hold.
        let final_tag: Vec<bool> = self.cues.iter().map(|c| self.is_final_tag(c)).collect();
        let order: Vec<usize> = (0..self.cues.len())
            .filter(|&ci| self.cues[ci].class(cx) == CueClass::Accord)
            .chain((0..self.cues.len()).filter(|&ci| final_tag[ci]))
            .chain(
                (0..self.cues.len())
                    .filter(|&ci| self.cues[ci].class(cx) != CueClass::Accord && !final_tag[ci]),
            )
            .collect();
        for ci in order {
            let cue = self.cues[ci].clone();
            let class = cue.class(cx);
            // `The Post reports that …`, `the memo states that …`: a verb that attributes only
            // beside a quotation does so before `that` too.
            let tag_that = class == CueClass::Tag
                && !cue.form(cx).participle
                && cue.tokens.end < cx.len()
                && cx.lower(cue.tokens.end) == "that";
            if matches!(class, CueClass::Noun | CueClass::Seem)
                || class == CueClass::Tag && !tag_that
                || self.any_used(cue.tokens.clone())
                || cx.quote_at(cue.tokens.start).is_some()
                || self.is_passive(&cue)
            {
                continue;
            }
            if let Some(found) = self.reported(&cue) {
                self.claim(found.content.clone());
                self.claim(cue.tokens.clone());
                let content = found.content.clone();
                let kind = found.kind;
                self.found.push(found);
                self.quotation_after_tag(content, kind, &cue);
            }
        }
    }

    /// `Biden "has a lot of good roles to play," said Doyle, whose home state is a target.
    /// "He deservedly has that appeal."`: reported words ending in a quotation, then their
    /// tag, then a quotation with no cue of its own: the same quote goes on.
    fn quotation_after_tag(&mut self, content: Range<usize>, kind: QuoteKind, cue: &Cue) {
        let cx = self.cx;
        if kind != QuoteKind::Mixed || content.is_empty() || cue.tokens.start < content.end {
            return;
        }
        let Some(q) = cx.quote_at(content.end - 1) else {
            return;
        };
        let quoted = &cx.quoted[q];
        if quoted
            .close
            .is_none_or(|c| c + 1 < content.end || c > content.end + 1)
        {
            return;
        }
        let Some(next) = self.interrupted_continuation(q, cue.tokens.end) else {
            return;
        };
        let head = self.found.len() - 1;
        let n = &cx.quoted[next];
        if self.short_between(cx.bytes(content.clone()), next) {
            let f = &mut self.found[head];
            f.interruption = Some(f.content.end..n.tokens.start);
            f.content.end = n.tokens.end;
        } else {
            self.found.push(Found {
                content: n.tokens.clone(),
                kind: QuoteKind::Direct,
                cue: None,
                speaker: None,
                inherit: Some(head),
                interruption: None,
            });
        }
        self.claim(n.outer());
    }

    /// True for a verb of saying that ends its sentence after a comma and a short subject
    /// (`…, he said.`, `…, said Smith, a professor.`).
    fn is_final_tag(&self, cue: &Cue) -> bool {
        let cx = self.cx;
        if !matches!(cue.class(cx), CueClass::Say | CueClass::Tell) || cue.form(cx).participle {
            return false;
        }
        let s = cue.tokens.start;
        let sentence = cx.sentence_tokens(s);
        let lo = s.saturating_sub(8).max(sentence.start);
        let Some(comma) = (lo..s).rev().find(|&k| cx.is(k, ",")) else {
            return false;
        };
        // Only a subject between the comma and the cue (or nothing: `…, said X`).
        if (comma + 1..s).any(|k| !cx.is_word(k) || self.cue(k).is_some()) {
            return false;
        }
        let after = if comma + 1 == s {
            speakers::subject_after(cx, cue.tokens.end, sentence.end)
                .map_or(cue.tokens.end, |np| np.head.end)
        } else {
            cue.tokens.end
        };
        self.tag_reaches_end(after, sentence.end)
    }

    /// `was told`, `is said to`: a passive cue has no speaker in the subject.
    fn is_passive(&self, cue: &Cue) -> bool {
        let cx = self.cx;
        let s = cue.tokens.start;
        let form = cue.form(cx);
        let w = &form.words[0];
        let past = form.tense == Tense::Past;
        let mut j = s;
        let mut steps = 0;
        // `was only recalled`, `is reportedly said`: adverbs between the auxiliary and the cue.
        while j > 0
            && steps < 3
            && cx.is_lower_word(j - 1)
            && (speakers::is_ly_adverb(cx.lower(j - 1)) || cx.lower(j - 1) == "only")
        {
            j -= 1;
            steps += 1;
        }
        past && j > 0 && BE_FORMS.contains(&cx.lower(j - 1)) && form.class != CueClass::Accord
            || (w == "said" || w == "says")
                && cx.lower(cue.tokens.end.min(cx.len() - 1)) == "to"
                && form.words.len() == 1
    }

    /// Reported speech around `cue`.
    fn reported(&self, cue: &Cue) -> Option<Found> {
        let cx = self.cx;
        let class = cue.class(cx);
        let sentence = cx.sentence_tokens(cue.tokens.start);
        let floor = self.clause_floor(cue.tokens.start, sentence.start);
        if class == CueClass::Accord {
            return self.according(cue, floor, sentence.clone());
        }
        let comma_before = cue.tokens.start > floor && {
            let k = cue.tokens.start - 1;
            cx.is(k, ",") || cx.kind(k) == TokenKind::Quote && k > 0 && cx.is(k - 1, ",")
        };
        // `…, said X.`
        if comma_before
            && matches!(class, CueClass::Say | CueClass::Tell)
            && let Some(np) = speakers::subject_after(cx, cue.tokens.end, sentence.end)
            && self.tag_reaches_end(np.head.end, sentence.end)
        {
            let end = if cx.is(cue.tokens.start - 1, ",") {
                cue.tokens.start - 1
            } else {
                cue.tokens.start
            };
            let content = self.trim(floor..end);
            return self.make(content, cue, Some(np));
        }
        let Some(speaker) = self.speaker_of(cue) else {
            return self.unnamed_subject(cue, floor, sentence.end);
        };
        if self.is_reduced_relative(cue, &speaker) {
            return None;
        }
        // `…, X said.` / `…, X said, …`
        let subject_start = self.phrase_start(speaker.head.start, floor);
        let comma_or_close = |k: usize| {
            cx.is(k, ",") || cx.kind(k) == TokenKind::Quote && k > 0 && cx.is(k - 1, ",")
        };
        if subject_start > floor
            && comma_or_close(subject_start - 1)
            && speaker.head.end <= cue.tokens.start
        {
            let after = self.skip_adverbials(cue.tokens.end, sentence.end);
            let after_cue = if cue.class(cx) == CueClass::Tell {
                self.skip_object(cue.tokens.end, sentence.end)
            } else {
                cue.tokens.end
            };
            if self.tag_reaches_end(after_cue, sentence.end) {
                let end = if cx.is(subject_start - 1, ",") {
                    subject_start - 1
                } else {
                    subject_start
                };
                let content = self.trim(floor..end);
                // `Her nearest rival, Peter Lund, conceded`: a bare phrase before the comma is
                // the subject, not reported words.
                let words = content.clone().filter(|&t| cx.is_word(t)).count();
                let quoted = content.clone().any(|t| cx.quote_at(t).is_some());
                // `This campaign, he says, is different.`: a short phrase before the tag and
                // a clause after it are one statement (the branch below).
                let medial = after + 1 < sentence.end
                    && cx.is(after, ",")
                    && cx.kind(after + 1) != TokenKind::Quote;
                if words >= 4 || quoted {
                    return self.make(content, cue, Some(speaker));
                }
                if !medial {
                    return None;
                }
            }
            // `"…," Lewandowski added, saying …`: the tag ends the reported words.
            if after + 1 < sentence.end
                && cx.is(after, ",")
                && self
                    .cue(after + 1)
                    .is_some_and(|c| c.tokens.start == after + 1 && c.form(cx).participle)
            {
                let end = if cx.is(subject_start - 1, ",") {
                    subject_start - 1
                } else {
                    subject_start
                };
                let content = self.trim(floor..end);
                return self.make(content, cue, Some(speaker));
            }
            if after + 1 < sentence.end
                && cx.is(after, ",")
                && cx.kind(after + 1) != TokenKind::Quote
            {
                // `The plan, he said, is dead.`
                let end = self.clause_end(after + 1, sentence.end, false);
                let content = self.trim(floor..end);
                return self.make(content, cue, Some(speaker));
            }
        }
        // `X said (that) …`
        if speaker.head.start >= cue.tokens.end {
            return None;
        }
        let mut start = self.content_start(cue, sentence.end);
        // `said Friday as he entered the talks`: the occasion of the saying; the content, if
        // any, follows its comma (`said as he introduced his wife, "…"`).
        if start + 1 < sentence.end
            && cx.lower(start) == "as"
            && matches!(cx.lower(start + 1), "he" | "she" | "they" | "we" | "i")
        {
            let comma = (start + 2..sentence.end).find(|&t| cx.is(t, ","))?;
            start = comma + 1;
            if start + 1 >= sentence.end {
                return None;
            }
        }
        // Stance and naming verbs take a phrase (`criticized the plan`), unless a clause
        // follows (`believes that …`, `thinks he will win`).
        let clause = start > cue.tokens.end && cx.lower(start - 1) == "that"
            || start < sentence.end
                && matches!(
                    cx.lower(start),
                    "he" | "she" | "they" | "we" | "i" | "it" | "you"
                );
        let phrase_only = matches!(cue.class(cx), CueClass::Think | CueClass::Call) && !clause;
        let mut end = self.clause_end(start, sentence.end, phrase_only);
        // Words said inside a relative clause (`The bill, which lawmakers said would keep the
        // government open, passed`) or an opening subordinate one (`Although he acknowledged
        // that …, he maintained …`) end at its comma.
        if start == cue.tokens.end
            && start < sentence.end
            && matches!(
                cx.lower(start),
                "would"
                    | "will"
                    | "could"
                    | "can"
                    | "should"
                    | "might"
                    | "may"
                    | "was"
                    | "is"
                    | "were"
                    | "are"
                    | "had"
                    | "has"
            )
            && speaker.start > 0
            && matches!(cx.lower(speaker.start - 1), "which" | "who" | "that")
            || self.opens_subordinate_clause(speaker.start, floor)
        {
            end = self.first_comma(start, end);
        }
        if phrase_only {
            end = self.through_apposition(end, sentence.end);
            end = self.through_as_fragment(end, sentence.end);
        }
        // `after what she called a "rant,"`: the name and the clause that gives it are one
        // phrase of the sentence; the content starts at `what`.
        if cue.class(cx) == CueClass::Call
            && speaker.start > sentence.start
            && speaker.head.end <= cue.tokens.start
            && cx.lower(speaker.start - 1) == "what"
            && !self.used[speaker.start - 1]
        {
            let content = self.trim(start..end);
            if content.is_empty() {
                return None;
            }
            return self.make(speaker.start - 1..content.end, cue, Some(speaker));
        }
        let content = self.trim(start..end);
        self.make(content, cue, Some(speaker))
    }

    /// True when a subordinator opening the sentence or clause stands right before the subject
    /// starting at `subject` (`Although he acknowledged that …, he maintained …`, `But while
    /// the RNC says …, they are …`): the reported words end with the subordinate clause.
    fn opens_subordinate_clause(&self, subject: usize, floor: usize) -> bool {
        let cx = self.cx;
        if subject <= floor
            || !matches!(
                cx.lower(subject - 1),
                "while" | "although" | "though" | "whereas" | "if" | "when" | "because"
            )
        {
            return false;
        }
        (floor..subject - 1).all(|k| {
            cx.kind(k) == TokenKind::Punct
                || matches!(
                    cx.lower(k),
                    "but" | "and" | "so" | "yet" | "however" | "even"
                )
        })
    }

    /// The first comma outside a quotation in `start..end`, else `end`.
    fn first_comma(&self, start: usize, end: usize) -> usize {
        let cx = self.cx;
        let mut i = start;
        while i < end {
            if let Some(q) = cx.quote_at(i) {
                i = cx.quoted[q].outer().end.max(i + 1);
                continue;
            }
            if cx.is(i, ",") {
                return i;
            }
            i += 1;
        }
        end
    }

    /// Where the phrase of a stance or naming verb ends when it stopped at the comma of an
    /// apposition or relative clause that `of`, `for` or `as` follows: `accused the North's
    /// leader, Kim Jong Un, of "fanatic recklessness"`, `accused the audience, which is
    /// selected by the party, of …`: the phrase goes on after the second comma. Otherwise `end`.
    fn through_apposition(&self, end: usize, sentence_end: usize) -> usize {
        let cx = self.cx;
        // An apposition or relative clause, not an adverbial (`, in 2009, as governor`).
        if end + 1 >= sentence_end
            || !cx.is(end, ",")
            || !(cx.is_name_word(end + 1)
                || matches!(
                    cx.lower(end + 1),
                    "who"
                        | "which"
                        | "whose"
                        | "a"
                        | "an"
                        | "the"
                        | "then"
                        | "his"
                        | "her"
                        | "their"
                ))
        {
            return end;
        }
        let limit = (end + 16).min(sentence_end);
        let Some(comma) = (end + 1..limit)
            .take_while(|&k| {
                cx.kind(k) != TokenKind::Quote
                    && !cx.is_terminal(k)
                    && !cx.is(k, ";")
                    && !self.used[k]
                    && self.cue(k).is_none()
            })
            .find(|&k| cx.is(k, ","))
        else {
            return end;
        };
        if comma == end + 1
            || comma + 2 >= sentence_end
            || !matches!(cx.lower(comma + 1), "of" | "for" | "as")
        {
            return end;
        }
        // `refers to the candidate, who is his friend, as "Mr. Trump," while …`: the phrase
        // ends with its fragment.
        let through = self.through_as_fragment(comma + 1, sentence_end);
        if through > comma + 1 {
            return through;
        }
        // `named Aoife Brennan, the finance director, as interim chief while it searches …`:
        // a subordinate clause after the phrase is the writer's.
        let stop = self.clause_end(comma + 1, sentence_end, true);
        (comma + 2..stop)
            .find(|&k| {
                matches!(
                    cx.lower(k),
                    "while" | "because" | "although" | "though" | "whereas" | "until" | "unless"
                )
            })
            .unwrap_or(stop)
    }

    /// Where the phrase of a stance or naming verb ends when a quoted fragment after `as`
    /// follows it: `described the board during a hearing as "a rubber stamp"`, `praised
    /// Smith, who retired in May, as "a tireless servant" and "a friend"`: past the closing
    /// mark of the fragment (and of fragments joined to it by `and` / `or`). Otherwise `end`.
    fn through_as_fragment(&self, end: usize, sentence_end: usize) -> usize {
        let cx = self.cx;
        let limit = (end + 12).min(sentence_end);
        let Some(as_at) = (end..limit)
            .take_while(|&k| {
                cx.kind(k) != TokenKind::Quote
                    && !cx.is_terminal(k)
                    && !cx.is(k, ";")
                    && self.cue(k).is_none()
            })
            .find(|&k| cx.lower(k) == "as")
        else {
            return end;
        };
        let closing_of = |k: usize| -> Option<usize> {
            let mut k = k;
            if k < sentence_end && matches!(cx.lower(k), "a" | "an" | "the") {
                k += 1;
                // `as a mere "moan"`: one modifier between the article and the fragment.
                if k + 1 < sentence_end
                    && cx.is_lower_word(k)
                    && !cx.has_class(k, class::FUNCTION)
                    && cx.kind(k + 1) == TokenKind::Quote
                {
                    k += 1;
                }
            }
            if k >= sentence_end || cx.kind(k) != TokenKind::Quote {
                return None;
            }
            let q = cx.quote_at(k)?;
            let quoted = &cx.quoted[q];
            if quoted.open != k || quoted.depth != 0 {
                return None;
            }
            quoted.close.filter(|&c| c < sentence_end)
        };
        let Some(mut close) = closing_of(as_at + 1) else {
            return end;
        };
        while close + 2 < sentence_end && matches!(cx.lower(close + 1), "and" | "or") {
            match closing_of(close + 2) {
                Some(c) => close = c,
                None => break,
            }
        }
        close + 1
    }

    /// Reported speech whose subject is too long or too odd to read (`A redacted copy of the
    /// memo seen by Reuters said …`, `45% of Republicans, 28% of independents and 12% of
    /// Democrats say that …`): a finite cue followed by `that` or a clause still reports
    /// speech; the speaker is the phrase just before the cue, when there is one.
    fn unnamed_subject(&self, cue: &Cue, floor: usize, end: usize) -> Option<Found> {
        let cx = self.cx;
        let form = cue.form(cx);
        if form.participle
            || !matches!(form.class, CueClass::Say | CueClass::Tell | CueClass::Think)
        {
            return None;
        }
        let start = self.content_start(cue, end);
        let that = start > cue.tokens.end && cx.lower(start - 1) == "that";
        if !that && form.class == CueClass::Think {
            return None;
        }
        if cue.tokens.start <= floor {
            return None;
        }
        // `"…," said the second official`: an inverted tag, not reported speech after it.
        let k = cue.tokens.start - 1;
        if cx.kind(k) == TokenKind::Quote
            || cx.is(k, ",") && k > 0 && cx.kind(k - 1) == TokenKind::Quote
        {
            return None;
        }
        // `The deal, announced this morning in Oslo, values Cobalt at …`: a participle
        // between commas describes its noun.
        if cx.is(cue.tokens.start - 1, ",") && (cue.tokens.end..start).any(|t| cx.is(t, ",")) {
            return None;
        }
        let speaker = self.fallback_speaker(cue);
        let stop = self.clause_end(start, end, false);
        let content = self.trim(start..stop);
        self.make(content, cue, speaker)
    }

    /// A best guess at the speaker of a cue whose subject [`Self::speaker_of`] cannot read:
    /// the subject before it over quotes already found (`Gov. John Kasich, a Republican who
    /// has refused to endorse Mr. Trump, said`), the phrase right before it, or the phrase
    /// that opens its clause.
    fn fallback_speaker(&self, cue: &Cue) -> Option<Np> {
        let cx = self.cx;
        let sentence = cx.sentence_tokens(cue.tokens.start);
        let floor = self.clause_floor(cue.tokens.start, sentence.start);
        if let Some(np) = speakers::subject_before(cx, cue.tokens.start, sentence.start) {
            return Some(np);
        }
        if cue.tokens.start <= floor {
            return None;
        }
        let mut j = cue.tokens.start - 1;
        while j > floor
            && (cx.has_class(j, class::SKIP)
                || speakers::is_ly_adverb(cx.lower(j)) && cx.is_lower_word(j))
        {
            j -= 1;
        }
        if let Some(np) = speakers::np_ending_at(cx, j, floor) {
            return Some(np);
        }
        let open = (floor..cue.tokens.start)
            .rev()
            .find(|&k| matches!(cx.text(k), ":" | ";" | "—" | "–"))
            .map_or(floor, |k| k + 1);
        speakers::subject_from(cx, open, cue.tokens.start)
    }

    /// `a short film called "…"`: a naming participle after an indefinite phrase names a
    /// thing; nobody speaks.
    fn is_reduced_relative(&self, cue: &Cue, speaker: &Np) -> bool {
        let cx = self.cx;
        cue.class(cx) == CueClass::Call
            && !cue.form(cx).participle
            && speaker.form == Form::Nominal
            && matches!(cx.lower(speaker.start), "a" | "an")
            && speaker.head.end == cue.tokens.start
    }

    /// `according to X, …` and `…, according to X`.
    fn according(&self, cue: &Cue, floor: usize, sentence: Range<usize>) -> Option<Found> {
        let cx = self.cx;
        let np = speakers::np_starting_at(cx, cue.tokens.end, sentence.end)?;
        // Skip the rest of the source phrase (`according to a statement from the campaign`)
        // and an apposition (`according to Tomas Eriksen, a shipping analyst at Fjordbank, …`).
        let mut after = np.head.end;
        if after + 1 < sentence.end
            && cx.is(after, ",")
            && matches!(cx.lower(after + 1), "a" | "an" | "the" | "who" | "which")
            && let Some(second) =
                (after + 2..(after + 2 * CUE_REACH).min(sentence.end)).find(|&t| cx.is(t, ","))
        {
            after = second;
        }
        while after < sentence.end
            && !cx.is(after, ",")
            && !cx.is_terminal(after)
            && cx.kind(after) != TokenKind::Quote
            && after - np.head.end < CUE_REACH
        {
            after += 1;
        }
        let at_start = (floor..cue.tokens.start)
            .all(|t| cx.kind(t) == TokenKind::Punct || speakers_opener(cx.lower(t)));
        let content = if at_start && after < sentence.end && cx.is(after, ",") {
            let end = self.clause_end(after + 1, sentence.end, false);
            self.trim(after + 1..end)
        } else if after + 1 < sentence.end
            && cx.is(after, ",")
            && !cx.is_terminal(after + 1)
            && cue.tokens.start > floor
            && cx.is(cue.tokens.start - 1, ",")
            && (BE_FORMS.contains(&cx.lower(after + 1))
                || AUXILIARIES.contains(&cx.lower(after + 1))
                || cue.tokens.start - floor <= 6)
        {
            // `Notably absent, according to members, was any mention of …`, `Over the long
            // term, according to the budget office, the deficit …`: the source interrupts the
            // content.
            let end = self.clause_end(after + 1, sentence.end, false);
            self.trim(floor..end)
        } else {
            self.trim(self.last_clause_start(floor, cue.tokens.start)..cue.tokens.start)
        };
        self.make(content, cue, Some(np))
    }

    /// Where the words a final `according to …` vouches for start: after the last `, with`
    /// before it (`…, with 56 percent viewing him positively, according to a poll`: the
    /// figures are the source's, the sentence they hang on the writer's), else at `floor`.
    fn last_clause_start(&self, floor: usize, cue_start: usize) -> usize {
        let cx = self.cx;
        (floor + 1..cue_start.saturating_sub(2))
            .rev()
            .find(|&k| cx.is(k, ",") && cx.lower(k + 1) == "with")
            .map_or(floor, |k| k + 2)
    }

    /// True when only adverbials follow token `from` up to the end of the sentence.
    fn tag_reaches_end(&self, from: usize, end: usize) -> bool {
        let cx = self.cx;
        let mut after = self.skip_adverbials(from, end);
        // `told The Wall Street Journal`, `during his campaign speech to supporters`: a short
        // rest without a clause of its own.
        if after < end
            && end - after <= 8
            && matches!(
                cx.lower(after),
                "to" | "in"
                    | "at"
                    | "on"
                    | "during"
                    | "after"
                    | "before"
                    | "with"
                    | "from"
                    | "for"
                    | "about"
                    | "as"
                    | "while"
                    | "outside"
                    | "inside"
                    | "near"
                    | "ahead"
            )
            && (after..end).all(|t| {
                cx.kind(t) != TokenKind::Quote
                    && self.cue(t).is_none()
                    && !matches!(cx.lower(t), "that" | "," | ";" | ":")
            })
        {
            after = end;
        }
        // `said Jeff Smith, a professor at The New School.`: an apposition to the end.
        if after + 1 < end && cx.is(after, ",") && end - after <= 3 * CUE_REACH {
            // A description (`a union that has … endorsed Sanders`) may hold verbs of its own.
            let described = matches!(
                cx.lower(after + 1),
                "a" | "an" | "the" | "who" | "which" | "whose" | "one" | "now" | "then"
            ) || cx.is_name_word(after + 1)
                || cx.kind(after + 1) == TokenKind::Number
                // `said Gary Orfield, education and law professor at …`, `, director of …`
                || (after + 1..(after + 5).min(end)).any(|t| {
                    cx.has_class(t, class::TITLE) && cx.is_lower_word(t)
                        || matches!(cx.lower(t), "of" | "at") && t > after + 1
                }) && (after + 1..(after + 5).min(end)).all(|t| self.cue(t).is_none());
            // Anything else after the comma is the rest of the reported clause (`Many of the
            // closures, he said, have involved …`), unless it is short.
            if (described || end - after <= 4)
                && (after + 1..end).all(|t| {
                    cx.kind(t) != TokenKind::Quote
                        && (described || self.cue(t).is_none())
                        && !cx.is(t, ";")
                })
            {
                after = end;
            }
        }
        // `said Mr. Burman (a view echoed by everyone I interviewed).`: an aside at the end.
        if after < end
            && cx.is(after, "(")
            && let Some(close) = (after + 1..(after + 20).min(end)).find(|&t| cx.is(t, ")"))
        {
            after = close + 1;
        }
        after >= end
            || cx.is_terminal(after)
            || (cx.kind(after) == TokenKind::Quote && after + 1 >= end)
    }

    /// The first token of the phrase whose head starts at `head` (titles and modifiers before
    /// a name).
    fn phrase_start(&self, head: usize, floor: usize) -> usize {
        let cx = self.cx;
        let mut s = head;
        let mut steps = 0;
        while s > floor && steps < 5 {
            let k = s - 1;
            // `retired Air Force general Lloyd Newton`, `9/11 widow Terry Strada`
            if (cx.is_word(k) || cx.kind(k) == TokenKind::Number)
                && !cx.is(k, ",")
                && (cx.is_capitalised(k)
                    || cx.has_class(k, class::TITLE)
                    || cx.kind(k) == TokenKind::Number
                    || matches!(
                        cx.lower(k),
                        "the" | "a" | "an" | "retired" | "longtime" | "veteran" | "top" | "widow"
                    ))
            {
                s = k;
                steps += 1;
            } else {
                break;
            }
        }
        s
    }

    /// Skips an object (for tell-verbs), adverbials and `that` after a cue; returns where the
    /// content starts.
    fn content_start(&self, cue: &Cue, end: usize) -> usize {
        let cx = self.cx;
        let mut i = cue.tokens.end;
        if cue.class(cx) == CueClass::Tell {
            i = self.skip_object(i, end);
        }
        // `said in a statement on Monday that …`: everything before `that` is adverbial.
        let limit = (i + CUE_REACH).min(end);
        if let Some(t) = (i..limit).find(|&t| cx.lower(t) == "that")
            && (i..t).all(|k| self.is_adverbial_token(k))
        {
            return t + 1;
        }
        i = self.skip_adverbials(i, end);
        while i < end && (cx.is(i, ":") || cx.is(i, ",")) {
            i += 1;
        }
        i
    }

    /// Skips the hearer after a tell-verb: `reporters`, `him`, `CNN`, `the crowd`.
    fn skip_object(&self, i: usize, end: usize) -> usize {
        let cx = self.cx;
        if i >= end {
            return i;
        }
        if OBJECT_PRONOUNS.contains(&cx.lower(i)) || cx.has_class(i, class::HEARER) {
            return i + 1;
        }
        if cx.is_name_word(i) {
            let k = speakers::name_run_starting(cx, i, end).end;
            // `told MSNBC's "Morning Joe"`: a programme of the hearer, quoted or named.
            if k + 1 < end && matches!(cx.text(k), "'s" | "’s") {
                if let Some(q) = cx.quote_at(k + 1)
                    && cx.quoted[q].outer().start == k + 1
                    && cx.quoted[q].outer().end <= end
                {
                    return cx.quoted[q].outer().end;
                }
                if cx.is_name_word(k + 1) {
                    return speakers::name_run_starting(cx, k + 1, end).end;
                }
            }
            return k;
        }
        if matches!(cx.lower(i), "the" | "a" | "an" | "his" | "her" | "their") {
            let mut k = i + 1;
            // `told the forum he was …`: the hearer ends before the subject of the content.
            while k < end
                && k - i < 5
                && (cx.is_lower_word(k) || cx.is_name_word(k))
                && !matches!(
                    cx.lower(k),
                    "that" | "the" | "a" | "to" | "he" | "she" | "they" | "we" | "i" | "it"
                )
            {
                k += 1;
            }
            return k;
        }
        i
    }

    /// Skips time words and prepositional adverbials (`Monday`, `on Tuesday`,
    /// `in a statement`, `to reporters`).
    fn skip_adverbials(&self, mut i: usize, end: usize) -> usize {
        let cx = self.cx;
        let mut guard = 0;
        while i < end && guard < 6 {
            guard += 1;
            if cx.has_class(i, class::TIME)
                && !matches!(cx.lower(i), "this" | "last" | "next")
                // `said Tuesday's vote showed …`: a time that owns the subject is content.
                && !(i + 1 < end && matches!(cx.lower(i + 1), "of" | "'s" | "’s"))
            {
                i += 1;
            } else if cx.is_lower_word(i)
                && speakers::is_ly_adverb(cx.lower(i))
                && i + 1 < end
                && matches!(
                    cx.lower(i + 1),
                    "after" | "before" | "afterwards" | "thereafter"
                )
            {
                // `conceded shortly after midnight`
                i += 1;
            } else if matches!(cx.lower(i), "after" | "before")
                && i + 1 < end
                && matches!(cx.lower(i + 1), "midnight" | "noon" | "dawn" | "dark")
            {
                i += 2;
            } else if matches!(
                cx.lower(i),
                "in" | "on"
                    | "at"
                    | "during"
                    | "to"
                    | "via"
                    | "last"
                    | "this"
                    | "late"
                    | "early"
                    | "earlier"
            ) && i + 1 < end
                && (cx.has_class(i + 1, class::TIME | class::HEARER)
                    // (`call this the "expectations game"`: `this` is an object, not a time.)
                    || matches!(cx.lower(i), "in" | "on" | "at" | "during" | "to" | "via")
                        && (cx.is_name_word(i + 1)
                            || matches!(
                                cx.lower(i + 1),
                                "a" | "an" | "the" | "his" | "her" | "their" | "its"
                            )))
            {
                // The group: up to a few words, ending before a determiner or `that`.
                let mut k = i + 1;
                let possessive = |t: usize| matches!(cx.text(t), "'s" | "’s");
                // `in a heated prime minister's questions`: a possessive adds a word.
                let mut cap = 6;
                while k < end
                    && k - i < cap
                    && (k == i + 1 || !matches!(cx.lower(k), "that" | "the" | ","))
                    && (cx.is_word(k) || cx.kind(k) == TokenKind::Number || possessive(k))
                    && (k == i + 1
                        || !cx.has_class(k, class::FUNCTION)
                        || possessive(k)
                        || matches!(cx.lower(k), "of" | "with" | "on"))
                {
                    if possessive(k) {
                        cap += 1;
                    }
                    k += 1;
                    if cues::match_at(cx, k - 1)
                        .is_some_and(|(f, _)| cx.lx.forms[f as usize].class == CueClass::Noun)
                    {
                        // `in a statement` ends at its noun, unless `with X` follows.
                        if k < end
                            && matches!(cx.lower(k), "with" | "to" | "on")
                            && k + 1 < end
                            && cx.is_name_word(k + 1)
                        {
                            k = speakers::name_run_starting(cx, k + 1, end).end;
                        }
                        break;
                    }
                }
                // `to the NFL Network's Rich Eisen`: a name the few words cut short goes on.
                if k > i + 1 && k < end && cx.is_name_word(k) {
                    if cx.is_name_word(k - 1) || possessive(k - 1) {
                        k = speakers::name_run_starting(cx, k, end).end;
                    }
                } else if k > i + 1 && possessive(k - 1) {
                    k -= 1;
                }
                i = k;
            } else {
                break;
            }
            while i < end
                && cx.is(i, ",")
                && i + 1 < end
                && (cx.has_class(i + 1, class::TIME)
                    || matches!(cx.lower(i + 1), "in" | "on" | "at"))
            {
                i += 1;
            }
        }
        i
    }

    /// Where reported speech starting at `start` ends: the sentence end, a semicolon, a new
    /// attribution (`, adding …`, `, according to …`), or a quote already claimed.
    fn clause_end(&self, start: usize, end: usize, phrase_only: bool) -> usize {
        let cx = self.cx;
        let end = end.min(start + MAX_CLAUSE);
        let mut i = start;
        while i < end {
            if self.used[i] {
                return i;
            }
            if let Some(q) = cx.quote_at(i) {
                // A quotation inside reported speech belongs to it, to its end.
                let quoted = &cx.quoted[q];
                let outer = quoted.outer();
                if outer.start == i && outer.end > end {
                    return outer.end;
                }
                // A quotation that ends with its own punctuation (`"…business,"`, `"You
                // lie!"`) ends the reported speech when more than a stop follows it.
                let last = quoted.tokens.end - 1;
                if quoted.close.is_some()
                    && i > start
                    && matches!(cx.text(last), "," | "!" | "?")
                    && outer.end < end
                    && !cx.is_terminal(outer.end)
                    && !(cx.text(last) == ","
                        && matches!(cx.lower(outer.end), "and" | "but" | "or"))
                    && self.tag_starts_at(outer.end, end)
                {
                    return outer.end;
                }
                i = outer.end.max(i + 1);
                continue;
            }
            if cx.is(i, ";") {
                return i;
            }
            if i > start + 2 && self.speech_occasion_at(i, end) {
                return i;
            }
            if i > start && phrase_only && self.phrase_ends_at(i, end) {
                return i;
            }
            if cx.is(i, ",") && i + 1 < end {
                // `, adding …`, `, according to …`, `, cited …`: another attribution.
                if self.cue(i + 1).is_some_and(|c| c.tokens.start == i + 1) {
                    return i;
                }
                // `…, putting them ahead`, `…, though …`, `…, which …`: the writer's clause.
                if i > start && !phrase_only && {
                    let w = cx.lower(i + 1);
                    cx.is_lower_word(i + 1)
                        && (w.len() > 5
                            && w.ends_with("ing")
                            && !matches!(w, "including" | "according" | "regarding")
                            || matches!(w, "though" | "although" | "whereas" | "whether" | "which"))
                } {
                    return i;
                }
                // `…, compared with 64 percent who say …`: the writer's comparison with another
                // attribution.
                if i > start
                    && !phrase_only
                    && i + 2 < end
                    && cx.lower(i + 1) == "compared"
                    && matches!(cx.lower(i + 2), "with" | "to")
                    && (i + 3..(i + 12).min(end))
                        .take_while(|&k| cx.kind(k) != TokenKind::Punct)
                        .any(|k| {
                            self.cue(k).is_some_and(|c| {
                                c.tokens.start == k
                                    && matches!(c.class(cx), CueClass::Say | CueClass::Think)
                            })
                        })
                {
                    return i;
                }
                // `…, and he left`, `…, but the party …`: a second clause with its own subject
                // is the writer's.
                if i > start && !phrase_only && i + 2 < end && {
                    let (joiner, next) = (cx.lower(i + 1), cx.lower(i + 2));
                    let pronoun = matches!(next, "he" | "she" | "they" | "it" | "we" | "i");
                    joiner == "and" && pronoun
                        || joiner == "but"
                            && (pronoun
                                || cx.is_capitalised(i + 2)
                                || matches!(
                                    next,
                                    "the" | "a" | "an" | "his" | "her" | "their" | "its"
                                ))
                } {
                    return i;
                }
                // `…, he said there is no precedent`: another speaker's clause.
                if let Some(np) = speakers::np_starting_at(cx, i + 1, (i + 6).min(end))
                    && matches!(np.form, Form::Pronoun | Form::Name)
                    && np.start == i + 1
                {
                    let mut v = np.head.end;
                    while v < end
                        && v - np.head.end < 3
                        && (cx.has_class(v, class::SKIP)
                            || cx.is_lower_word(v) && speakers::is_ly_adverb(cx.lower(v)))
                    {
                        v += 1;
                    }
                    // (`…, he infamously referred to …`: a verb of stance or naming too.)
                    if self.cue(v).is_some_and(|c| {
                        c.tokens.start == v
                            && !c.form(cx).participle
                            && matches!(
                                c.class(cx),
                                CueClass::Say | CueClass::Tell | CueClass::Think | CueClass::Call
                            )
                    }) {
                        return i;
                    }
                }
                // Stance and naming verbs take a phrase, not a clause; a list goes on
                // (`supported eliminating caucuses, limiting … and binding …`).
                if phrase_only && !self.list_goes_on(i + 1, end) {
                    // `blamed several factors, including …`: the phrase goes on.
                    let go_on = matches!(
                        cx.lower(i + 1),
                        "including" | "like" | "such" | "especially" | "particularly" | "notably"
                    );
                    if !go_on {
                        return i;
                    }
                }
            }
            // `called her "weak" and said …`: a second verb of saying starts its own quote.
            // (`said that A and that B` goes on.)
            if i > start
                && CLAUSE_JOINERS.contains(&cx.lower(i))
                && i + 1 < end
                && cx.lower(i + 1) != "that"
            {
                // (`…, but 55 percent of all voters say …`: after a comma, and past the
                // opening words, the subject may be a long noun phrase.)
                let reach = if i >= start + 3 && cx.is(i - 1, ",") {
                    9
                } else {
                    5
                };
                let limit = (i + reach).min(end);
                if (i + 1..limit)
                    .take_while(|&k| cx.kind(k) != TokenKind::Punct)
                    .any(|k| {
                        self.cue(k).is_some_and(|c| {
                            c.tokens.start == k
                                && (k < i + 5
                                    || c.class(cx) != CueClass::Call
                                        && self.is_noun_subject(i + 1..k))
                                && (matches!(
                                    c.class(cx),
                                    CueClass::Say | CueClass::Tell | CueClass::Call
                                ) || c.class(cx) == CueClass::Think
                                    // `shootings and protests fear that …`: a stance verb
                                    // after `and` and a noun has its subject inside the
                                    // reported words (but `…, but critics fear …`).
                                    && (cx.lower(i) != "and"
                                        || (i + 1..k).all(|w| {
                                        speakers::is_ly_adverb(cx.lower(w))
                                            || matches!(
                                                cx.lower(w),
                                                "he" | "she"
                                                    | "they"
                                                    | "we"
                                                    | "i"
                                                    | "also"
                                                    | "has"
                                                    | "have"
                                                    | "had"
                                                    | "is"
                                                    | "was"
                                                    | "are"
                                                    | "were"
                                                    | "did"
                                                    | "does"
                                                    | "do"
                                                    | "not"
                                                    | "would"
                                                    | "will"
                                            )
                                    })))
                        })
                    })
                {
                    return i;
                }
            }
            // `defended Khan saying that …`: a participle of saying starts its own quote.
            if i > start
                && let Some(c) = self.cue(i)
                && c.tokens.start == i
                && c.form(cx).participle
                && matches!(c.class(cx), CueClass::Say | CueClass::Tell)
                // `for not answering the question`: a gerund, not a new clause.
                && !matches!(
                    cx.lower(i - 1),
                    "for" | "of" | "by" | "without" | "not" | "about" | "from" | "as"
                )
                // `would have a hard time convincing the public`: after a common noun it is
                // a gerund of the clause; after a name, a pronoun or punctuation, a new verb.
                && (cx.is_capitalised(i - 1)
                    || matches!(cx.lower(i - 1), "him" | "her" | "them" | "it" | "us" | "me")
                    || cx.kind(i - 1) == TokenKind::Quote
                    || cx.kind(i - 1) == TokenKind::Punct)
            {
                return i;
            }
            i += 1;
        }
        end
    }

    /// True when tokens `words` can be the long noun-phrase subject of a verb after them
    /// (`55 percent of all voters`): no pronoun subject, which stands close to its verb, and no
    /// subordinator, relative pronoun or negation (`not until Obama admits`, `songs that the
    /// minister said` are no subject).
    fn is_noun_subject(&self, words: Range<usize>) -> bool {
        let cx = self.cx;
        !words.into_iter().any(|k| {
            matches!(
                cx.lower(k),
                "he" | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "it"
                    | "you"
                    | "not"
                    | "until"
                    | "if"
                    | "when"
                    | "because"
                    | "unless"
                    | "before"
                    | "after"
                    | "that"
                    | "who"
                    | "which"
                    | "whom"
                    | "whose"
            )
        })
    }

    /// True when the phrase taken by a stance or naming verb ends at token `i`: a second verb
    /// of its subject (`championed gay rights and extended benefits`, `criticized the plan
    /// and he left`) or the occasion of the saying (`endorsed her in a statement`).
    fn phrase_ends_at(&self, i: usize, end: usize) -> bool {
        let cx = self.cx;
        if cx.lower(i) == "and" && i + 1 < end {
            let next = cx.lower(i + 1);
            let pronoun = matches!(next, "he" | "she" | "they" | "it" | "we" | "i" | "you");
            let verb = cx.is_lower_word(i + 1)
                && (next.ends_with("ed") && next.len() > 4
                    || matches!(
                        next,
                        "has"
                            | "had"
                            | "was"
                            | "is"
                            | "were"
                            | "did"
                            | "took"
                            | "made"
                            | "gave"
                            | "cast"
                            | "won"
                            | "lost"
                            | "then"
                            | "also"
                            | "later"
                    ));
            if pronoun || verb {
                return true;
            }
        }
        // `invoked the rising seas to thrill them, he did not …`: a new clause after a comma
        // is the writer's.
        if i > 0
            && i + 1 < end
            && cx.is(i - 1, ",")
            && matches!(cx.lower(i), "he" | "she" | "they" | "we" | "i")
        {
            return true;
        }
        self.speech_occasion_at(i, end)
    }

    /// True when token `i` opens the occasion of the saying (`in an interview`, `during the
    /// first debate`, `at a rally`, `on his radio show`): a preposition, a determiner and, within three more words,
    /// a noun of a speaking occasion.
    fn speech_occasion_at(&self, i: usize, end: usize) -> bool {
        let cx = self.cx;
        if !matches!(cx.lower(i), "in" | "during" | "at" | "on") || i + 1 >= end {
            return false;
        }
        if !matches!(
            cx.lower(i + 1),
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that"
        ) {
            return false;
        }
        (i + 2..(i + 5).min(end))
            .take_while(|&k| cx.is_word(k) || matches!(cx.text(k), "'s" | "’s"))
            .any(|k| {
                matches!(
                    cx.lower(k),
                    "statement"
                        | "interview"
                        | "speech"
                        | "debate"
                        | "remarks"
                        | "tweet"
                        | "appearance"
                        | "rally"
                        | "briefing"
                        | "show"
                        | "program"
                )
            })
    }

    /// True when the phrase after a comma at `i - 1` is one more item of a list: an `and` or
    /// `or` comes before the next comma or stop.
    fn list_goes_on(&self, i: usize, end: usize) -> bool {
        let cx = self.cx;
        (i..(i + 10).min(end))
            .take_while(|&k| !cx.is(k, ",") && !cx.is_terminal(k) && cx.kind(k) != TokenKind::Quote)
            .any(|k| matches!(cx.lower(k), "and" | "or"))
    }

    /// True when a tag (`he said`, `said Smith`, `according to`) starts at token `i`.
    fn tag_starts_at(&self, i: usize, end: usize) -> bool {
        let cx = self.cx;
        let is_tag_cue = |k: usize| {
            self.cue(k).is_some_and(|c| {
                c.tokens.start == k
                    && matches!(
                        c.class(cx),
                        CueClass::Say | CueClass::Tell | CueClass::Tag | CueClass::Accord
                    )
            })
        };
        if i >= end {
            return false;
        }
        if is_tag_cue(i) {
            return true;
        }
        let Some(np) = speakers::np_starting_at(cx, i, (i + 8).min(end)) else {
            return false;
        };
        let mut v = np.head.end;
        while v < end && v - np.head.end < 3 && cx.has_class(v, class::SKIP) {
            v += 1;
        }
        v < end && is_tag_cue(v)
    }

    /// Trims punctuation and quotation marks that do not belong to a quotation inside.
    fn trim(&self, r: Range<usize>) -> Range<usize> {
        let cx = self.cx;
        let (mut s, mut e) = (r.start, r.end);
        while s < e
            && (cx.kind(s) == TokenKind::Punct
                || (cx.kind(s) == TokenKind::Quote
                    && cx.quote_at(s).is_none_or(|q| cx.quoted[q].open != s)))
        {
            s += 1;
        }
        while e > s {
            let k = e - 1;
            let closes_inner = cx.kind(k) == TokenKind::Quote
                && cx.quote_at(k).is_some_and(|q| cx.quoted[q].open >= s);
            if cx.kind(k) == TokenKind::Punct && !matches!(cx.text(k), ")" | "]")
                || cx.kind(k) == TokenKind::Quote && !closes_inner
            {
                e -= 1;
            } else {
                break;
            }
        }
        s..e
    }

    /// Builds the quote for reported speech `content`, or `None` when it is too short or
    /// overlaps another quote.
    fn make(&self, content: Range<usize>, cue: &Cue, speaker: Option<Np>) -> Option<Found> {
        let cx = self.cx;
        if content.is_empty() || self.any_used(content.clone()) {
            return None;
        }
        let content = self.end_at_closed_fragment(content);
        let words = content
            .clone()
            .filter(|&t| matches!(cx.kind(t), TokenKind::Word | TokenKind::Number))
            .count();
        let quotes: Vec<usize> =
            content
                .clone()
                .filter_map(|t| cx.quote_at(t))
                .fold(Vec::new(), |mut v, q| {
                    if v.last() != Some(&q) {
                        v.push(q);
                    }
                    v
                });
        let answer = words == 1 && matches!(cx.lower(content.start), "yes" | "no");
        // `endorsed Trump`, `praised her`: a stance takes a single name or pronoun.
        let object = words == 1
            && matches!(cue.class(cx), CueClass::Think | CueClass::Call)
            && (cx.is_name_word(content.start)
                || matches!(
                    cx.lower(content.start),
                    "him" | "her" | "them" | "it" | "us" | "me"
                ));
        if words < MIN_CONTENT_WORDS && quotes.is_empty() && !answer && !object {
            return None;
        }
        let class = cue.class(cx);
        let mut kind = if quotes.is_empty() {
            QuoteKind::Indirect
        } else {
            QuoteKind::Mixed
        };
        if !quotes.is_empty() && matches!(class, CueClass::Call | CueClass::Think) {
            // `called it "a sham"`, `blame confusion on "media spin."`: the fragment is the quote.
            let quoted_words: usize = quotes
                .iter()
                .map(|&q| {
                    cx.quoted[q]
                        .outer()
                        .filter(|&t| content.contains(&t) && cx.is_word(t))
                        .count()
                })
                .sum();
            if words.saturating_sub(quoted_words) <= 3 {
                kind = QuoteKind::Partial;
            }
        }
        Some(Found {
            content,
            kind,
            cue: Some(cue.tokens.clone()),
            speaker: speaker.filter(|np| np.head.end <= cx.len()),
            inherit: None,
            interruption: None,
        })
    }

    /// Ends reported speech at the closing mark of its last quoted fragment when what follows
    /// the fragment is a new clause or an aside, not more of the content: `repeatedly says,
    /// "Don't you do it," until gunshots are heard`, `likened the rules to "burning the
    /// Constitution" - a charge that …`. A fragment closed by its own punctuation (`,"` `?"`)
    /// ends the content; otherwise a dash, a comma, a bracket, `but`, `until`, `when`, `during`
    /// and the like after it do. `called the test "a clear violation" of five resolutions` keeps its tail.
    fn end_at_closed_fragment(&self, content: Range<usize>) -> Range<usize> {
        let cx = self.cx;
        let Some(close) = (content.start..content.end).rev().find(|&t| {
            cx.kind(t) == TokenKind::Quote
                && cx.quote_at(t).is_some_and(|q| {
                    let quoted = &cx.quoted[q];
                    quoted.close == Some(t) && quoted.open >= content.start
                })
        }) else {
            return content;
        };
        let next = close + 1;
        if next >= content.end || close == 0 {
            return content;
        }
        let closed_by_punct = matches!(cx.text(close - 1), "," | "?" | "!" | ".");
        // `made Esbjerg "the obvious place", and …`, `made it "the place," and that …`: the
        // content goes on.
        let comma = cx.is(next, ",");
        let joiner = if comma { next + 1 } else { next };
        let goes_on = joiner < content.end
            && matches!(cx.lower(joiner), "and" | "or")
            && (comma || joiner + 1 < content.end && cx.lower(joiner + 1) == "that");
        let new_clause = matches!(cx.text(next), "—" | "–" | "―" | "-" | "--" | "," | "(")
            || cx.is_word(next)
                && matches!(
                    cx.lower(next),
                    "but"
                        | "until"
                        | "when"
                        | "while"
                        | "whereas"
                        | "because"
                        | "although"
                        | "though"
                        | "during"
                );
        if (closed_by_punct || new_clause) && !goes_on {
            content.start..next
        } else {
            content
        }
    }

    // ---- pass 2b: fragments of someone just quoted ----

    /// A quoted fragment in a clause whose subject was quoted in the same or the sentence
    /// before takes that speaker: `… Sanders said: "…", she then went on to blame confusion on
    /// "media spin."` The verb after the subject is the cue.
    fn fragments_of_speakers(&mut self) {
        let cx = self.cx;
        for q in 0..cx.quoted.len() {
            let quoted = &cx.quoted[q];
            if quoted.depth != 0 || self.any_used(quoted.outer()) {
                continue;
            }
            let sentence = cx.sentence_tokens(quoted.open);
            // A fragment: its sentence has words before it.
            let floor = self.clause_floor(quoted.open, sentence.start);
            let mut i = floor;
            while i < quoted.open
                && (cx.kind(i) != TokenKind::Word
                    || matches!(cx.lower(i), "and" | "but" | "then" | "so"))
            {
                i += 1;
            }
            if i >= quoted.open {
                continue;
            }
            let Some(np) = speakers::np_starting_at(cx, i, quoted.open) else {
                continue;
            };
            let pronoun = np.form == Form::Pronoun
                && matches!(cx.lower(np.head.start), "he" | "she" | "they");
            if !pronoun && np.form != Form::Name {
                continue;
            }
            let this = cx.doc.sentence_of(quoted.open);
            let recent = self.found.iter().rev().take(16).find(|f| {
                let s = cx.doc.sentence_of(f.content.start);
                s + 1 >= this && s <= this && f.speaker.is_some()
            });
            let Some(recent) = recent else { continue };
            let Some(theirs) = &recent.speaker else {
                continue;
            };
            let same = pronoun
                || np.form == Form::Name
                    && cx.lower(np.head.end - 1) == cx.lower(theirs.head.end - 1);
            if !same {
                continue;
            }
            let mut v = np.head.end;
            while v < quoted.open && cx.has_class(v, class::SKIP) {
                v += 1;
            }
            if v >= quoted.open || !cx.is_lower_word(v) {
                continue;
            }
            let cue = match self.cue(v) {
                Some(c) if c.tokens.start == v => c.tokens.clone(),
                _ => v..v + 1,
            };
            let content = quoted.tokens.clone();
            self.claim(quoted.outer());
            self.found.push(Found {
                content,
                kind: QuoteKind::Partial,
                cue: Some(cue),
                speaker: Some(np),
                inherit: None,
                interruption: None,
            });
        }
    }

    // ---- pass 3: continuations ----

    /// A quotation without a cue that fills the start of a paragraph right after a paragraph
    /// whose quote has a speaker continues that speaker's words.
    fn continuations(&mut self) {
        let cx = self.cx;
        // The last direct quote of each paragraph.
        let mut last_direct: std::collections::HashMap<usize, usize> =
            std::collections::HashMap::new();
        for (i, f) in self.found.iter().enumerate() {
            if f.kind == QuoteKind::Direct {
                let p = cx.paragraph_of(f.content.start);
                let e = last_direct.entry(p).or_insert(i);
                if self.found[*e].content.start < f.content.start {
                    *e = i;
                }
            }
        }
        for q in 0..cx.quoted.len() {
            let quoted = &cx.quoted[q];
            if quoted.depth != 0 || self.any_used(quoted.outer()) {
                continue;
            }
            let paragraph = cx.paragraph_tokens(quoted.open);
            if quoted.open != paragraph.start || !self.ends_sentence(q) {
                continue;
            }
            let first = quoted.tokens.start;
            if !cx.is_capitalised(first) && cx.kind(first) != TokenKind::Number {
                continue;
            }
            let Some(prev_last) = paragraph.start.checked_sub(1) else {
                continue;
            };
            let Some(&head) = last_direct.get(&cx.paragraph_of(prev_last)) else {
                continue;
            };
            // Same kind of marks: a single-quoted line after a double-quoted paragraph is a
            // heading, not more of the quote.
            let head_family = cx
                .quote_at(self.found[head].content.start)
                .map(|h| cx.quoted[h].family);
            if head_family != Some(quoted.family) {
                continue;
            }
            let head = self.found[head].inherit.unwrap_or(head);
            self.found.push(Found {
                content: quoted.tokens.clone(),
                kind: QuoteKind::Direct,
                cue: None,
                speaker: None,
                inherit: Some(head),
                interruption: None,
            });
            last_direct.insert(cx.paragraph_of(quoted.open), self.found.len() - 1);
            self.claim(quoted.outer());
        }
    }
}

/// Words that may come before `according to` at the start of a clause.
fn speakers_opener(w: &str) -> bool {
    matches!(
        w,
        "and" | "but" | "so" | "yet" | "also" | "still" | "now" | "again"
    )
}
