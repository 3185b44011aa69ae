//! What every part of the quote stage reads: the tokens with their lower-case forms, the word
//! lists, and which quotation each token sits in.

use super::lexicon::{Lexicon, class};
use super::marks::{self, Quoted};
use crate::nlp::text::{Doc, TokenKind};
use std::borrow::Cow;
use std::ops::Range;

/// The document as the quote stage sees it.
pub struct Context<'a> {
    /// The tokenised article.
    pub doc: &'a Doc<'a>,
    /// The word lists.
    pub lx: &'static Lexicon,
    /// Every quoted stretch, in text order.
    pub quoted: Vec<Quoted>,
    /// For each token, 1 + the index in `quoted` of the top-level quotation whose marks
    /// enclose it (marks included), or 0.
    quote_of: Vec<u32>,
    /// Lower-case text of each token.
    lower: Vec<Cow<'a, str>>,
}

impl<'a> Context<'a> {
    /// Prepares `doc` for the quote stage.
    pub fn new(doc: &'a Doc<'a>) -> Context<'a> {
        let lower = (0..doc.tokens.len())
            .map(|i| {
                let t = doc.token_text(i);
                if t.chars().any(char::is_uppercase) {
                    Cow::Owned(t.to_lowercase())
                } else {
                    Cow::Borrowed(t)
                }
            })
            .collect();
        let quoted = marks::find(doc);
        let mut quote_of = vec![0u32; doc.tokens.len()];
        for (qi, q) in quoted.iter().enumerate() {
            if q.depth == 0 {
                for t in q.outer() {
                    quote_of[t] = qi as u32 + 1;
                }
            }
        }
        Context {
            doc,
            lx: Lexicon::get(),
            quoted,
            quote_of,
            lower,
        }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// True when the text has no tokens.
    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.doc.token_text(i)
    }

    /// The lower-case text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }

    /// True if token `i` is the punctuation `p`.
    pub fn is(&self, i: usize, p: &str) -> bool {
        i < self.len() && self.text(i) == p
    }

    /// True if token `i` is a word of the class `flag` (see [`class`]).
    pub fn has_class(&self, i: usize, flag: u8) -> bool {
        self.lx.is(self.lower(i), flag)
    }

    /// True if token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word
    }

    /// True if token `i` is a word starting with a capital letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True if token `i` is a lower-case word.
    pub fn is_lower_word(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// True if token `i` can be part of a name: a capitalised word that is not a function word
    /// or a day (`The`, `But`, `Monday`).
    pub fn is_name_word(&self, i: usize) -> bool {
        self.is_capitalised(i) && !self.has_class(i, class::FUNCTION | class::TIME)
    }

    /// The top-level quotation whose marks enclose token `i`.
    pub fn quote_at(&self, i: usize) -> Option<usize> {
        match self.quote_of.get(i) {
            Some(&q) if q > 0 => Some(q as usize - 1),
            _ => None,
        }
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence_tokens(&self, i: usize) -> Range<usize> {
        let s = self.doc.sentence_of(i);
        self.doc.sentences[s].tokens.clone()
    }

    /// The token range of the paragraph holding token `i`.
    pub fn paragraph_tokens(&self, i: usize) -> Range<usize> {
        let s = &self.doc.sentences[self.doc.sentence_of(i)];
        let p = &self.doc.paragraphs[s.paragraph];
        let first = self.doc.sentences[p.sentences.start].tokens.start;
        let last = self.doc.sentences[p.sentences.end - 1].tokens.end;
        first..last
    }

    /// The paragraph index of token `i`.
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.doc.sentences[self.doc.sentence_of(i)].paragraph
    }

    /// Byte range of tokens `r` (empty range → empty span at the start).
    pub fn bytes(&self, r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = self
                .doc
                .tokens
                .get(r.start)
                .map_or(self.doc.text.len(), |t| t.start);
            return at..at;
        }
        self.doc.tokens[r.start].start..self.doc.tokens[r.end - 1].end
    }

    /// True if token `i` ends a clause: `.`, `!`, `?`, `;` or the like.
    pub fn is_terminal(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Punct
            && matches!(
                self.text(i),
                "." | "!" | "?" | ";" | "..." | "…" | "?!" | "!!"
            )
    }

    /// True if token `i` is a dash.
    pub fn is_dash(&self, i: usize) -> bool {
        matches!(self.text(i), "—" | "–" | "--" | "-" | "―")
    }
}
