//! Evaluations in someone else's words after any verb: `Reid has gone after Trump as a "human
//! leech"`, `has been steadily pounding Trump as a "con artist"`, `heralded the deal as a
//! "breakthrough."`. A verb, its object and `as` before a quoted fragment judge the object in
//! the subject's words, whatever the verb; the object, `as` and the fragment are the content
//! and the verb is the cue.

use super::{Attributor, Found};
use crate::extraction::QuoteKind;
use crate::nlp::quotes::lexicon::class;
use crate::nlp::quotes::speakers::{self, Form};
use crate::nlp::text::TokenKind;
use std::ops::Range;

/// The most tokens of an object between its verb and `as`.
const MAX_OBJECT: usize = 8;
/// Particles that make one verb with the word before them (`gone after`, `shrugging off`).
const PARTICLES: &[&str] = &["after", "off", "out", "up", "down"];
/// Verbs whose `X as Y` gives a role or a use, not a judgement (`served him as an adviser`,
/// `used it as a "weapon"`).
const NOT_JUDGING: &[&str] = &[
    "serve",
    "serves",
    "served",
    "serving",
    "work",
    "works",
    "worked",
    "working",
    "act",
    "acts",
    "acted",
    "acting",
    "use",
    "uses",
    "used",
    "using",
    "known",
    "joined",
    "joining",
    "elected",
    "appointed",
    "nominated",
    "hired",
    "sworn",
    "listed",
    "registered",
    "classified",
    "ranked",
    "rated",
    "cast",
    "played",
    "playing",
    "began",
    "started",
    "starting",
    "returned",
];
/// Words that end a sentence's verb group going backwards: auxiliaries and `to`.
const BEFORE_VERB: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did",
    "does", "do", "to", "been", "is", "was", "are", "were", "'s", "’s",
];
const DETERMINERS: &[&str] = &["a", "an", "the"];

impl Attributor<'_, '_> {
    /// Finds `VERB OBJECT as (a) "…"` around quotations no other pass has taken.
    pub(super) fn evaluations(&mut self) {
        let cx = self.cx;
        for q in 0..cx.quoted.len() {
            let quoted = &cx.quoted[q];
            if quoted.depth != 0 || quoted.close.is_none() || self.any_used(quoted.outer()) {
                continue;
            }
            let Some(found) = self.evaluation_before(quoted.open) else {
                continue;
            };
            self.claim(found.content.clone());
            if let Some(c) = &found.cue {
                self.claim(c.clone());
            }
            self.found.push(found);
        }
    }

    /// The evaluation whose quoted fragment opens at token `open`.
    fn evaluation_before(&self, open: usize) -> Option<Found> {
        let cx = self.cx;
        let sentence = cx.sentence_tokens(open);
        let mut as_at = open.checked_sub(1)?;
        // `as a mere "moan"`: one modifier after the article.
        if as_at >= 2
            && cx.is_lower_word(as_at)
            && !cx.has_class(as_at, class::FUNCTION)
            && DETERMINERS.contains(&cx.lower(as_at - 1))
        {
            as_at -= 1;
        }
        if DETERMINERS.contains(&cx.lower(as_at)) {
            as_at = as_at.checked_sub(1)?;
        }
        // `such as`, `as well as`, `just as`: a comparison or an example, not a judgement.
        if cx.lower(as_at) != "as"
            || as_at < sentence.start + 2
            || matches!(
                cx.lower(as_at - 1),
                "such" | "so" | "well" | "just" | "same" | "much" | "long" | "soon"
            )
        {
            return None;
        }
        let floor = self.clause_floor(as_at, sentence.start);
        let verb = self.judging_verb(as_at, floor)?;
        let object = verb.end..as_at;
        if object.is_empty() || self.any_used(verb.start..as_at) {
            return None;
        }
        let end = self.through_as_fragment(as_at, sentence.end);
        if end <= open {
            return None;
        }
        let speaker = if cx.lower(verb.start).ends_with("ing") {
            speakers::clause_subject(cx, verb.start)
                .filter(|np| np.head.end <= verb.start && cx.quote_at(np.head.start).is_none())
                .or_else(|| self.participle_speaker(verb.start, end, sentence.clone()))
        } else {
            let mut j = verb.start;
            while j > floor && BEFORE_VERB.contains(&cx.lower(j - 1)) {
                j -= 1;
            }
            speakers::subject_before(cx, j, floor)
        }?;
        if speaker.form == Form::Pronoun && matches!(cx.lower(speaker.head.start), "it" | "that") {
            return None;
        }
        let content = object.start..end;
        if self.any_used(content.clone()) {
            return None;
        }
        let outside = content
            .clone()
            .filter(|&t| cx.is_word(t) && cx.quote_at(t).is_none())
            .count();
        Some(Found {
            content,
            kind: if outside <= 3 {
                QuoteKind::Partial
            } else {
                QuoteKind::Mixed
            },
            cue: Some(verb),
            speaker: Some(speaker),
            inherit: None,
            interruption: None,
        })
    }

    /// The speaker of a participle whose clause has no subject before it: the speaker of the
    /// tag it follows (`"…," he said introducing Clinton as a "global leader"`), or the subject
    /// after an opening phrase (`In declaring his statements as "not Christian," the pope …`).
    fn participle_speaker(
        &self,
        verb: usize,
        end: usize,
        sentence: Range<usize>,
    ) -> Option<crate::nlp::quotes::speakers::Np> {
        let cx = self.cx;
        let tag = self.found.iter().rev().take(16).find(|f| {
            f.cue
                .as_ref()
                .is_some_and(|c| c.end <= verb && verb <= c.end + 2 && c.start >= sentence.start)
        });
        if let Some(f) = tag {
            return f.speaker.clone();
        }
        let opens = verb - sentence.start <= 8
            && (sentence.start..verb).all(|t| {
                !cx.is_word(t) || matches!(cx.lower(t), "in" | "by" | "after" | "while" | "since")
            });
        let after = if end < sentence.end && cx.is(end, ",") {
            end + 1
        } else {
            end
        };
        // The comma that ends the opening phrase, after the fragment or inside its marks.
        let comma =
            after > end || end >= 2 && cx.kind(end - 1) == TokenKind::Quote && cx.is(end - 2, ",");
        if opens && comma {
            return speakers::np_starting_at(cx, after, sentence.end)
                .filter(|np| np.form != Form::Nominal || np.start == after);
        }
        None
    }

    /// The verb before the object that ends before `as_at`: the nearest lower-case word that
    /// reads as a verb (`-ed`, `-ing`, after an auxiliary or `to`, before a particle), with
    /// only an object between it and `as`.
    fn judging_verb(&self, as_at: usize, floor: usize) -> Option<Range<usize>> {
        let cx = self.cx;
        let lo = as_at.saturating_sub(MAX_OBJECT + 1).max(floor);
        let mut k = as_at;
        while k > lo {
            k -= 1;
            if cx.kind(k) == TokenKind::Quote
                || cx.is_terminal(k)
                || matches!(cx.text(k), "," | ";" | ":" | "(" | ")")
                || cx.is_dash(k)
            {
                return None;
            }
            if !cx.is_lower_word(k) || k + 1 == as_at {
                continue;
            }
            let w = cx.lower(k);
            if PARTICLES.contains(&w) && k > lo && self.reads_as_verb(k - 1) {
                return self.judging(k - 1..k + 1);
            }
            if self.reads_as_verb(k) {
                return self.judging(k..k + 1);
            }
            if !self.object_word(k) {
                return None;
            }
        }
        None
    }

    fn judging(&self, verb: Range<usize>) -> Option<Range<usize>> {
        (!NOT_JUDGING.contains(&self.cx.lower(verb.start))).then_some(verb)
    }

    /// A lower-case word of an object phrase: a determiner, an adjective or noun, `of`.
    fn object_word(&self, k: usize) -> bool {
        let cx = self.cx;
        !cx.has_class(k, class::FUNCTION)
            || matches!(
                cx.lower(k),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "of"
                    | "with"
                    | "him"
                    | "them"
            )
    }

    /// True when the lower-case word `k` reads as a verb: `-ed` or `-ing` not after a
    /// determiner, or any word after an auxiliary or `to`.
    fn reads_as_verb(&self, k: usize) -> bool {
        let cx = self.cx;
        if !cx.is_lower_word(k) || cx.has_class(k, class::FUNCTION) {
            return false;
        }
        let w = cx.lower(k);
        let prev = if k > 0 { cx.lower(k - 1) } else { "" };
        if matches!(
            prev,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "'s" | "’s"
        ) && !(matches!(prev, "'s" | "’s") && k >= 2 && cx.lower(k - 2) == "he")
        {
            return false;
        }
        w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
            || BEFORE_VERB.contains(&prev)
            || speakers::is_ly_adverb(prev) && k >= 2 && {
                let before = cx.lower(k - 2);
                BEFORE_VERB.contains(&before) || cx.is_name_word(k - 2)
            }
    }
}
