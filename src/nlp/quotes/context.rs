//! What every part of the quote stage reads: the tokens with their lower-case forms, the word
//! lists, and which quotation each token sits in.

use super::lexicon::{Gender, Lexicon, WordEntry, class};
use super::marks::{self, Quoted};
use crate::nlp::text::{Doc, TokenKind};
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
    /// Lower-case text of all tokens, one after another.
    lower_text: String,
    /// Each token's range in `lower_text`.
    lower_at: Vec<(u32, u32)>,
    /// Each token's word-list entry.
    entry: Vec<Option<u32>>,
}

/// The entry of a word no list knows.
static NO_ENTRY: WordEntry = WordEntry {
    flags: 0,
    gender: None,
    forms: Vec::new(),
};

impl<'a> Context<'a> {
    /// Prepares `doc` for the quote stage.
    pub fn new(doc: &'a Doc<'a>) -> Context<'a> {
        let lx = Lexicon::get();
        let mut lower_text = String::with_capacity(doc.text.len());
        let mut lower_at = Vec::with_capacity(doc.tokens.len());
        let mut entry = Vec::with_capacity(doc.tokens.len());
        for i in 0..doc.tokens.len() {
            let t = doc.token_text(i);
            let from = lower_text.len();
            if t.is_ascii() {
                lower_text.extend(t.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lower_text.extend(t.chars().flat_map(char::to_lowercase));
            }
            let to = lower_text.len();
            lower_at.push((from as u32, to as u32));
            entry.push(if doc.tokens[i].kind == TokenKind::Word {
                lx.lookup(&lower_text[from..to])
            } else {
                None
            });
        }
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
            lx,
            quoted,
            quote_of,
            lower_text,
            lower_at,
            entry,
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
        let (from, to) = self.lower_at[i];
        &self.lower_text[from as usize..to as usize]
    }

    /// What the word lists say about token `i`.
    pub fn entry(&self, i: usize) -> &WordEntry {
        match self.entry.get(i) {
            Some(Some(id)) => self.lx.entry(*id),
            _ => &NO_ENTRY,
        }
    }

    /// The gender of token `i` as a first name.
    pub fn first_name(&self, i: usize) -> Option<Gender> {
        self.entry(i).gender
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
        self.entry(i).flags & flag != 0
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
