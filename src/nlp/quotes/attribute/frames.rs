//! Attributions that do not follow the pattern of a cue verb and its subject:
//! - a question put to someone (`Asked whether he would run, Ryan said …`, `When asked about
//!   the wall, …`): the question is the content, its asker (`asked by a reporter`) the source;
//! - a noun of saying with a `that` clause (`Trump's claim that …`);
//! - the lines of a transcript (`TAPPER: Do you think …`);
//! - a headline that names its speaker before a colon (`Sanders: Brexit's message could draw
//!   Trump support`), or in title case around its verb (`Trump Says He Never Pledged …`);
//! - appearance and expectation without a source (`The donors appear to have ties to …`,
//!   `The court is expected to rule …`, `it seems that …`): the subject and what follows.

use super::{Attributor, Found};
use crate::extraction::QuoteKind;
use crate::nlp::quotes::cues;
use crate::nlp::quotes::lexicon::{CueClass, class};
use crate::nlp::quotes::speakers::{self, Form};
use crate::nlp::text::{Doc, TokenKind};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// Words that open a question after `asked`.
const QUESTION_WORDS: &[&str] = &[
    "if", "whether", "about", "what", "why", "how", "who", "which", "when", "where",
];
/// Words before a passive `asked`: `was asked`, `when asked`, `if asked`.
const BEFORE_PASSIVE_ASK: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "when", "if", "after", "once", "while",
    "before", "and", "but", ",",
];
/// The last word of a headline label that is a rubric, not a speaker (`The Latest:`).
const RUBRICS: &[&str] = &[
    "latest",
    "update",
    "updates",
    "daily",
    "email",
    "notice",
    "exclusive",
    "live",
    "analysis",
    "review",
    "opinion",
    "editorial",
    "check",
    "watch",
    "briefing",
    "digest",
    "report",
    "explainer",
    "column",
    "commentary",
    "interview",
    "video",
    "photos",
    "quiz",
    "timeline",
];

/// Nouns of saying or believing that take a `that` clause as their content.
const NOUNS_WITH_THAT: &[&str] = &[
    "claim",
    "claims",
    "statement",
    "suggestion",
    "concern",
    "belief",
    "assertion",
    "warning",
    "fear",
    "fears",
    "insistence",
    "allegation",
    "allegations",
    "assurance",
    "assurances",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "charge",
    "criticism",
    "admission",
    "speculation",
    "promise",
    "vow",
    "pledge",
    "accusation",
    "contention",
];

/// A paragraph of a transcript that opens with its speaker's label.
struct TranscriptLine {
    tokens: Range<usize>,
    label: Range<usize>,
    colon: usize,
    paragraph: usize,
}

/// The tokens of paragraph `p`.
fn paragraph_range(cx: &crate::nlp::quotes::context::Context, p: usize) -> Option<Range<usize>> {
    let para = cx.doc.paragraphs.get(p)?;
    let first = cx.doc.sentences.get(para.sentences.start)?;
    let last = cx.doc.sentences.get(para.sentences.end.checked_sub(1)?)?;
    Some(first.tokens.start..last.tokens.end)
}

/// The most paragraphs a turn of a transcript takes after its labelled one.
const MAX_TURN_PARAGRAPHS: usize = 8;

/// Capitalised labels before a colon that are not speakers in a transcript.
const NOT_SPEAKERS: &[&str] = &[
    "correction",
    "corrections",
    "update",
    "updated",
    "previously",
    "note",
    "editor",
    "editors",
    "source",
    "sources",
    "photo",
    "credit",
    "read",
    "more",
    "related",
    "see",
    "also",
    "q",
    "a",
    "warning",
    "disclaimer",
    "bio",
    "contact",
    "follow",
    "tags",
    "share",
    "audio",
    "transcript",
    "crosstalk",
    "applause",
    "laughter",
    "end",
    "begin",
    "breaking",
];

impl Attributor<'_, '_> {
    /// `Asked whether …, X said`, `X was asked about …`: the question is a quote of its own.
    pub(super) fn questions(&mut self) {
        let cx = self.cx;
        for ci in 0..self.cues.len() {
            let cue = self.cues[ci].clone();
            let form = cue.form(cx);
            if form.words.len() != 1
                || form.words[0] != "asked"
                || self.any_used(cue.tokens.clone())
                || cx.quote_at(cue.tokens.start).is_some()
            {
                continue;
            }
            let s = cue.tokens.start;
            let sentence = cx.sentence_tokens(s);
            // Past adverbs: `was repeatedly asked`.
            let mut j = s;
            while j > sentence.start
                && cx.is_lower_word(j - 1)
                && cx.has_class(j - 1, class::SKIP)
                && !BEFORE_PASSIVE_ASK.contains(&cx.lower(j - 1))
            {
                j -= 1;
            }
            let passive = j == sentence.start
                || BEFORE_PASSIVE_ASK.contains(&cx.lower(j - 1))
                || cx.kind(j - 1) == TokenKind::Quote;
            if !passive {
                continue;
            }
            // `asked by a reporter`: the asker is the source.
            let mut i = cue.tokens.end;
            let mut speaker = None;
            if i + 1 < sentence.end && cx.lower(i) == "by" {
                let hi = (i + 10).min(sentence.end);
                if let Some(np) = speakers::np_starting_at(cx, i + 1, hi) {
                    i = np.head.end.max(i + 2);
                    speaker = Some(np);
                }
            }
            let start = self.skip_adverbials(i, sentence.end);
            let mut start = start;
            while start < sentence.end
                && cx.is_lower_word(start)
                && speakers::is_ly_adverb(cx.lower(start))
            {
                start += 1;
            }
            if start >= sentence.end || !QUESTION_WORDS.contains(&cx.lower(start)) {
                continue;
            }
            let end = self.clause_end(start, sentence.end, true);
            let content = self.trim(start..end);
            if let Some(found) = self.make(content, &cue, speaker) {
                self.claim(found.content.clone());
                self.claim(cue.tokens.clone());
                self.found.push(found);
            }
        }
    }

    /// `Sanders: Brexit's message could draw Trump support`: a headline (the first line) whose
    /// label before a colon is a name.
    pub(super) fn headline(&mut self) {
        let cx = self.cx;
        let Some(line) = first_paragraph_tokens(cx.doc) else {
            return;
        };
        let Some(colon) = (line.start..line.end.min(line.start + 8)).find(|&t| cx.is(t, ":"))
        else {
            return;
        };
        let label = line.start..colon;
        if label.is_empty()
            || label.len() > 5
            || !label
                .clone()
                .all(|t| cx.is_name_word(t) && !is_all_capitals(cx.text(t)))
            || RUBRICS.contains(&cx.lower(colon - 1))
            || self.any_used(line.clone())
        {
            return;
        }
        let Some(np) = speakers::np_starting_at(cx, label.start, colon) else {
            return;
        };
        if np.form != Form::Name || np.head.end != colon {
            return;
        }
        let content = self.trim(colon + 1..line.end);
        let words = content.clone().filter(|&t| cx.is_word(t)).count();
        if words < 3 {
            return;
        }
        let quoted = cx.quote_at(content.start).is_some_and(|q| {
            cx.quoted[q].outer().start == content.start && cx.quoted[q].outer().end >= content.end
        });
        self.claim(colon..content.end);
        self.found.push(Found {
            content,
            kind: if quoted {
                QuoteKind::Direct
            } else {
                QuoteKind::Indirect
            },
            cue: Some(colon..colon + 1),
            speaker: Some(np),
            inherit: None,
            interruption: None,
        });
    }

    /// `TAPPER: Do you think …` ¶ `FALLIN: I think …`: the lines of a transcript, each a
    /// paragraph opening with its speaker's name in capitals and a colon. A transcript has a
    /// speaker who speaks twice, so that a lone rubric (`CORRECTION:`) is left alone; a turn
    /// goes on over the paragraphs after it up to the next label.
    pub(super) fn transcript_lines(&mut self) {
        let cx = self.cx;
        let mut lines: Vec<TranscriptLine> = Vec::new();
        // Paragraph index of each paragraph that opens with a label, a rubric's too.
        let mut labelled: Vec<usize> = Vec::new();
        for pi in 0..cx.doc.paragraphs.len() {
            let Some(para) = paragraph_range(cx, pi) else {
                continue;
            };
            let mut i = para.start;
            if i < para.end && cx.kind(i) == TokenKind::Quote {
                i += 1;
            }
            let Some(colon) = (i..para.end.min(i + 4)).find(|&t| cx.is(t, ":")) else {
                continue;
            };
            let label = i..colon;
            if label.is_empty()
                || !label
                    .clone()
                    .all(|t| cx.is_word(t) && is_all_capitals(cx.text(t)))
            {
                continue;
            }
            labelled.push(pi);
            if colon + 2 < para.end
                && !label
                    .clone()
                    .any(|t| RUBRICS.contains(&cx.lower(t)) || NOT_SPEAKERS.contains(&cx.lower(t)))
            {
                lines.push(TranscriptLine {
                    tokens: para,
                    label,
                    colon,
                    paragraph: pi,
                });
            }
        }
        let key = |label: &Range<usize>| {
            label
                .clone()
                .map(|t| cx.lower(t))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut uses: HashMap<String, usize> = HashMap::default();
        for line in &lines {
            *uses.entry(key(&line.label)).or_insert(0) += 1;
        }
        if !uses.values().any(|&n| n >= 2) {
            return;
        }
        for line in lines {
            if self.any_used(line.tokens.clone()) {
                continue;
            }
            let opens_with_mark = cx.kind(line.tokens.start) == TokenKind::Quote;
            let mut end = line.tokens.end;
            // The paragraphs after it, up to the next label or a stage direction
            // (`(CROSSTALK.)`), in the same style of marks.
            let mut pi = line.paragraph + 1;
            while pi < cx.doc.paragraphs.len()
                && pi - line.paragraph <= MAX_TURN_PARAGRAPHS
                && labelled.binary_search(&pi).is_err()
            {
                let Some(next) = paragraph_range(cx, pi) else {
                    break;
                };
                let first = if cx.kind(next.start) == TokenKind::Quote {
                    next.start + 1
                } else {
                    next.start
                };
                if (cx.kind(next.start) == TokenKind::Quote) != opens_with_mark
                    || first >= next.end
                    || cx.is(first, "(")
                    || self.any_used(next.clone())
                {
                    break;
                }
                end = next.end;
                pi += 1;
            }
            let content = self.trim(line.colon + 1..end);
            let mut last = content.end;
            while last > content.start && cx.kind(last - 1) == TokenKind::Quote {
                last -= 1;
            }
            let content = content.start..last;
            if content.clone().filter(|&t| cx.is_word(t)).count() < 2 {
                continue;
            }
            self.claim(line.tokens.start..end);
            self.found.push(Found {
                content,
                // Verbatim words either way; in quotation marks only when the line opens with one.
                kind: if opens_with_mark {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Indirect
                },
                cue: Some(line.colon..line.colon + 1),
                speaker: Some(speakers::Np {
                    head: line.label.clone(),
                    start: line.label.start,
                    form: Form::Name,
                }),
                inherit: None,
                interruption: None,
            });
        }
    }

    /// `Trump's claim that there have been "thousands of shootings"`, `the warning that …`: a
    /// noun of saying or believing with a `that` clause; the owner of the noun (`Trump's`) is
    /// the source.
    pub(super) fn noun_complements(&mut self) {
        let cx = self.cx;
        for t in 0..cx.len() {
            // `that` first: the cheap test that fails on almost every token.
            if t + 2 >= cx.len()
                || cx.lower(t + 1) != "that"
                || !NOUNS_WITH_THAT.contains(&cx.lower(t))
                || self.used[t]
                || cx.quote_at(t).is_some()
            {
                continue;
            }
            // A clause after `that` (not a relative clause on the noun: `the claim that was
            // made`).
            let first = t + 2;
            let w = cx.lower(first);
            let clause = matches!(
                w,
                "he" | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "you"
                    | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "this"
                    | "there"
                    | "no"
                    | "all"
                    | "some"
            ) || cx.is_name_word(first)
                || cx.kind(first) == TokenKind::Quote
                || cx.kind(first) == TokenKind::Number;
            if !clause {
                continue;
            }
            let sentence = cx.sentence_tokens(t);
            let end = self.clause_end(first, sentence.end, false);
            let content = self.trim(first..end);
            if content.clone().filter(|&k| cx.is_word(k)).count() < 3
                || self.any_used(content.clone())
            {
                continue;
            }
            // `Trump's claim`, `the president's warning`
            let speaker = (t >= 2 && matches!(cx.text(t - 1), "'s" | "’s"))
                .then(|| speakers::np_ending_at(cx, t - 2, sentence.start))
                .flatten()
                .or_else(|| {
                    (t >= 1 && matches!(cx.lower(t - 1), "his" | "her" | "their")).then(|| {
                        speakers::Np {
                            head: t - 1..t,
                            start: t - 1,
                            form: Form::Pronoun,
                        }
                    })
                });
            self.claim(t..content.end);
            self.found.push(Found {
                kind: if content.clone().any(|k| cx.quote_at(k).is_some()) {
                    QuoteKind::Mixed
                } else {
                    QuoteKind::Indirect
                },
                content,
                cue: Some(t..t + 1),
                speaker,
                inherit: None,
                interruption: None,
            });
        }
    }

    /// `Obama Says Museum Will Tell of 'Suffering and Delight'`, `Clinton Hid Health Problems,
    /// Former White House Doctor Says`: a headline in title case, where every word is
    /// capitalised and the subject of its verb of saying cannot be read the usual way.
    pub(super) fn title_case_headline(&mut self) {
        let cx = self.cx;
        let Some(line) = first_paragraph_tokens(cx.doc) else {
            return;
        };
        if line.len() > 30 || self.any_used(line.clone()) {
            return;
        }
        let words = line.clone().filter(|&t| cx.is_word(t)).count();
        let capitalised = line.clone().filter(|&t| cx.is_capitalised(t)).count();
        if words < 5 || capitalised * 4 < words * 3 {
            return;
        }
        // A cue written in capitals is no cue in running text (`Star Asked Actors`), so the
        // lexicon is asked directly.
        let Some((s, e)) = line.clone().find_map(|t| {
            let (form, len) = cues::match_at(cx, t)?;
            (t > line.start
                && cx.is_capitalised(t)
                && !self.any_used(t..t + len)
                && matches!(
                    cx.lx.forms[form as usize].class,
                    CueClass::Say | CueClass::Tell
                ))
            .then_some((t, t + len))
        }) else {
            return;
        };
        let names = |r: std::ops::Range<usize>| {
            !r.is_empty()
                && r.len() <= 6
                && r.clone()
                    .all(|t| cx.is_capitalised(t) || cx.is(t, "’s") || cx.is(t, "'s"))
        };
        let rest_is_punct = (e..line.end).all(|t| !cx.is_word(t));
        let (content, speaker) = if rest_is_punct {
            // `…, Lindsey Graham Says.`
            let Some(comma) = (line.start..s).rev().find(|&t| cx.is(t, ",")) else {
                return;
            };
            (line.start..comma, comma + 1..s)
        } else {
            // `Bernie Sanders Says He’s Already Started …`
            (e..line.end, line.start..s)
        };
        if !names(speaker.clone()) {
            return;
        }
        let content = self.trim(content);
        if content.clone().filter(|&t| cx.is_word(t)).count() < 2 {
            return;
        }
        let head = speakers::name_part(cx, speaker.clone());
        self.claim(line.clone());
        self.found.push(Found {
            kind: if content.clone().any(|t| cx.quote_at(t).is_some()) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            content,
            cue: Some(s..e),
            speaker: Some(speakers::Np {
                head,
                start: speaker.start,
                form: Form::Name,
            }),
            inherit: None,
            interruption: None,
        });
    }

    /// `The donors appear to have ties to …`, `The court is expected to rule …`, `it seems
    /// (that) …`: no source; the content runs from the subject to the end of the clause.
    pub(super) fn appearances(&mut self) {
        let cx = self.cx;
        for ci in 0..self.cues.len() {
            let cue = self.cues[ci].clone();
            if cue.class(cx) != CueClass::Seem
                || self.any_used(cue.tokens.clone())
                || cx.quote_at(cue.tokens.start).is_some()
            {
                continue;
            }
            let s = cue.tokens.start;
            let sentence = cx.sentence_tokens(s);
            let e = cue.tokens.end;
            if e >= sentence.end {
                continue;
            }
            let floor = self.clause_floor(s, sentence.start);
            let it = s > floor && matches!(cx.lower(s - 1), "it");
            let content = if it {
                // `it seems (that) …`, `it appears …`
                let mut start = e;
                if cx.lower(start) == "that" || cx.is(start, ",") {
                    start += 1;
                }
                if start >= sentence.end || cx.lower(start) == "to" {
                    continue;
                }
                let end = self.clause_end(start, sentence.end, false);
                self.trim(start..end)
            } else {
                if cx.lower(e) != "to" {
                    continue;
                }
                let Some(np) = speakers::subject_before(cx, s, floor) else {
                    continue;
                };
                if np.form == Form::Pronoun && matches!(cx.lower(np.head.start), "there" | "it") {
                    continue;
                }
                let mut end = self.clause_end(e, sentence.end, false);
                // `But if she seemed to embody contradictions, they also …`
                if self.opens_subordinate_clause(np.start, floor) {
                    end = self.first_comma(e, end);
                }
                self.trim(np.start..end)
            };
            let words = content.clone().filter(|&t| cx.is_word(t)).count();
            if words < 3 || self.any_used(content.clone()) {
                continue;
            }
            self.claim(content.clone());
            self.claim(cue.tokens.clone());
            self.found.push(Found {
                kind: if content.clone().any(|t| cx.quote_at(t).is_some()) {
                    QuoteKind::Mixed
                } else {
                    QuoteKind::Indirect
                },
                content,
                cue: Some(cue.tokens.clone()),
                speaker: None,
                inherit: None,
                interruption: None,
            });
        }
    }
}

/// True for a word written in capitals throughout (`EXCLUSIVE`, `FIX`), a rubric more often
/// than a name.
fn is_all_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase)
}

/// The tokens of the article's first paragraph (its headline, when it has one).
fn first_paragraph_tokens(doc: &Doc) -> Option<Range<usize>> {
    let first = doc.paragraphs.first()?;
    let a = doc.sentences.get(first.sentences.start)?;
    let b = doc.sentences.get(first.sentences.end.checked_sub(1)?)?;
    Some(a.tokens.start..b.tokens.end)
}
