//! The text layer: tokens, sentences and paragraphs with offsets into one text.
//!
//! Every later stage reads a [`Doc`]. Offsets here are byte offsets into the article body (cheap
//! to slice); [`CharMap`] turns them into the Unicode-scalar offsets the tables publish.
//! Tokenisation follows Penn Treebank habits that the entity model was trained on: possessive
//! `'s` and `n't` are split off, abbreviations (`Mr.`, `U.S.`, `Sept.`) and initials keep their
//! period, numbers keep their decimal point and thousands separators, and quotation marks are
//! tokens of their own. Pure code, no I/O, linear in the length of the text.

use std::ops::Range;

/// What kind of thing a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, inner periods or apostrophes.
    Word,
    /// Starts with a digit: 3.5, 1,000, 10:30, 2013-03-22, 1990s, '90s.
    Number,
    /// A mark that can open or close a quotation: `"` `“` `”` `‘` `’` `'` `«` `»` `` `` `` `''`.
    Quote,
    /// Punctuation: `.` `,` `;` `:` `!` `?` `...` `--` `—` `(` `)` and the like.
    Punct,
    /// Currency, percent and other symbols.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// `@handle` or `#hashtag`.
    Tag,
    /// Anything else (emoji, pictographs).
    Other,
}

/// One token: a half-open byte range into the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
}

impl Token {
    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One sentence: its byte range, its tokens and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first token.
    pub start: usize,
    /// Byte offset one past the last token.
    pub end: usize,
    /// Indices into [`Doc::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Doc::paragraphs`].
    pub paragraph: usize,
}

/// One paragraph: a run of text between blank lines (or line breaks, when the text is not
/// hard-wrapped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the first token.
    pub start: usize,
    /// Byte offset one past the last token.
    pub end: usize,
    /// Indices into [`Doc::sentences`].
    pub sentences: Range<usize>,
}

/// A tokenised text: the one object every NLP stage reads.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The text, exactly as given.
    pub text: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order; they cover every token.
    pub sentences: Vec<Sentence>,
    /// Paragraphs in text order; they cover every sentence.
    pub paragraphs: Vec<Paragraph>,
    /// For each token, the index of its sentence.
    pub token_sentence: Vec<u32>,
}

impl<'a> Doc<'a> {
    /// Tokenises `text` and splits it into sentences and paragraphs.
    pub fn new(text: &'a str) -> Doc<'a> {
        let tokens = tokenize(text);
        let wrapped = is_hard_wrapped(text);
        let (sentences, paragraphs) = split_sentences(text, &tokens, wrapped);
        let mut token_sentence = vec![0u32; tokens.len()];
        for (i, s) in sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                token_sentence[t] = i as u32;
            }
        }
        Doc {
            text,
            tokens,
            sentences,
            paragraphs,
            token_sentence,
        }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The text of tokens `range` (from the first token's start to the last one's end).
    pub fn span_text(&self, range: Range<usize>) -> &'a str {
        if range.is_empty() {
            return "";
        }
        &self.text[self.tokens[range.start].start..self.tokens[range.end - 1].end]
    }

    /// The sentence index of the token at `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.token_sentence[i] as usize
    }

    /// The index of the first token that ends after byte offset `byte` (binary search).
    pub fn token_at_or_after(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= byte)
    }

    /// The number of word and number tokens.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }
}

/// Maps byte offsets of a text to offsets in Unicode scalar values.
///
/// Stores one checkpoint per multi-byte character, so pure ASCII costs nothing.
#[derive(Debug, Clone)]
pub struct CharMap {
    /// (byte offset just after a multi-byte character, extra bytes seen so far)
    checkpoints: Vec<(usize, usize)>,
}

impl CharMap {
    /// Builds the map for `text`.
    pub fn new(text: &str) -> CharMap {
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                let len = c.len_utf8();
                if len > 1 {
                    extra += len - 1;
                    checkpoints.push((i + len, extra));
                }
            }
        }
        CharMap { checkpoints }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let n = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        if n == 0 {
            byte
        } else {
            byte - self.checkpoints[n - 1].1
        }
    }
}

/// Abbreviations that keep their period (lower case, without the final period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "reps", "gov", "lt", "col",
    "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt", "st", "jr", "sr", "rev", "hon", "pres",
    "supt", "det", "insp", "fr", "inc", "corp", "ltd", "co", "bros", "plc", "llc", "no", "nos",
    "vs", "v", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ft", "mt",
    "ave", "blvd", "rd", "dept", "univ", "est", "approx", "fig", "vol", "op", "cf", "al", "e.g",
    "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c", "n.y", "l.a", "calif", "fla", "ariz", "mass",
    "penn", "conn", "wash", "colo", "ill", "mich", "minn", "tenn", "okla", "ore", "ky", "va", "md",
    "del", "ga", "ala", "miss", "nev", "wis", "kan", "neb", "pa", "tex", "gov't", "govt",
];

/// Abbreviations that are also words: they keep their period only before a number.
const AMBIGUOUS_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "sun", "sat", "ill", "miss", "mass", "wash", "ore", "del", "est", "op", "al",
    "fig", "vol", "mar",
];

/// Abbreviations that precede a name and therefore never end a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "reps", "gov", "lt", "col",
    "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt", "st", "rev", "hon", "pres", "supt", "det",
    "insp", "fr", "mt", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "fig", "vol", "op", "cf", "e.g", "i.e",
];

/// Words that usually start a sentence: after an abbreviation such as `Inc.` or `U.S.`, one of
/// these starts a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "a",
    "an",
    "this",
    "that",
    "there",
    "his",
    "her",
    "their",
    "its",
    "on",
    "at",
    "for",
    "as",
    "if",
    "when",
    "while",
    "after",
    "however",
    "meanwhile",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "some",
    "many",
    "most",
    "one",
    "two",
    "officials",
    "yet",
    "so",
    "now",
    "then",
    "still",
    "also",
    "according",
    "last",
    "earlier",
    "later",
    "both",
    "our",
    "you",
    "what",
    "who",
    "why",
    "how",
];

fn is_abbreviation(word_lower: &str) -> bool {
    ABBREVIATIONS.contains(&word_lower)
}

/// True if `token_text` (with its final period) is a title-like abbreviation or an initial.
fn is_title_abbreviation(token_text: &str) -> bool {
    let body = token_text.strip_suffix('.').unwrap_or(token_text);
    let mut chars = body.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A single capital letter with a period is an initial (J. K. Rowling).
        return c.is_uppercase();
    }
    with_lower(body, |lower| TITLE_ABBREVIATIONS.contains(&lower))
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 24];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(b) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '‹' | '›' | '„' | '‟' | '‚' | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '%'
            | '&'
            | '+'
            | '='
            | '<'
            | '>'
            | '|'
            | '~'
            | '^'
            | '°'
            | '§'
            | '©'
            | '®'
            | '™'
            | '#'
            | '@'
            | '*'
            | '\\'
            | '/'
            | '¢'
            | '₹'
            | '₽'
    ) || unicode_general_symbol(c)
}

fn unicode_general_symbol(c: char) -> bool {
    // Currency block and letterlike symbols; cheap range checks.
    ('\u{20A0}'..='\u{20CF}').contains(&c) || ('\u{2100}'..='\u{214F}').contains(&c)
}

/// True for the characters that can continue a word across a connector.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{1AB0}'..='\u{1AFF}').contains(&c)
        || ('\u{20D0}'..='\u{20FF}').contains(&c)
        || ('\u{FE20}'..='\u{FE2F}').contains(&c)
        || c == '\u{200D}'
}

/// A cursor over the characters of a text with byte positions.
struct Cursor<'a> {
    text: &'a str,
}

impl<'a> Cursor<'a> {
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        match self.text.as_bytes().get(i) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => self.text.get(i..).and_then(|s| s.chars().next()),
            None => None,
        }
    }

    #[inline]
    fn char_before(&self, i: usize) -> Option<char> {
        match i.checked_sub(1).and_then(|j| self.text.as_bytes().get(j)) {
            Some(&b) if b.is_ascii() && self.text.is_char_boundary(i) => Some(char::from(b)),
            _ => self.text.get(..i).and_then(|s| s.chars().next_back()),
        }
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let cur = Cursor { text };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = cur.char_at(i) else { break };
        if c.is_whitespace() || c.is_control() || c == '\u{FEFF}' || c == '\u{200B}' {
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = scan_token(&cur, bytes, i, c);
        debug_assert!(end > i);
        let end = end.max(i + c.len_utf8());
        push_token(&mut tokens, text, i, end, kind);
        i = end;
    }
    tokens
}

/// Pushes a token, splitting off possessive `'s` and `n't` from words.
fn push_token(tokens: &mut Vec<Token>, text: &str, start: usize, end: usize, kind: TokenKind) {
    if kind == TokenKind::Word {
        let s = &text[start..end];
        if let Some(split) = clitic_split(s)
            && split > 0
        {
            tokens.push(Token {
                start,
                end: start + split,
                kind: TokenKind::Word,
            });
            tokens.push(Token {
                start: start + split,
                end,
                kind: TokenKind::Word,
            });
            return;
        }
    }
    tokens.push(Token { start, end, kind });
}

/// Where a clitic (`'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`) begins in a word, if any.
fn clitic_split(word: &str) -> Option<usize> {
    // Byte offsets of the last three characters. Only ASCII letters and the two apostrophes
    // can match below, and no other character lower-cases to one of them, so comparing while
    // ignoring ASCII case is the same as comparing lower-cased text.
    let mut starts = [None; 3];
    for (k, (idx, _)) in word.char_indices().rev().take(3).enumerate() {
        starts[k] = Some(idx);
    }
    if let Some(idx) = starts[2]
        && (word[idx..].eq_ignore_ascii_case("n't") || word[idx..].eq_ignore_ascii_case("n’t"))
    {
        return (idx > 0).then_some(idx);
    }
    for idx in [starts[1], starts[2]].into_iter().flatten() {
        let tail = &word[idx..];
        let rest = tail.strip_prefix('\'').or_else(|| tail.strip_prefix('’'));
        if let Some(rest) = rest
            && ["s", "re", "ve", "ll", "d", "m"]
                .iter()
                .any(|c| rest.eq_ignore_ascii_case(c))
            && idx > 0
        {
            return Some(idx);
        }
    }
    None
}

/// The end of a clitic written apart from its word, as in pre-tokenised text (`England 's`,
/// `I 'm`, `they 've`): an apostrophe after a space that follows a word, then `s`, `m`, `d`,
/// `ve`, `ll` or `re`, then no further letter.
fn detached_clitic(cur: &Cursor, i: usize, apostrophe: char) -> Option<usize> {
    let text = cur.text;
    let before = text[..i].strip_suffix(' ')?;
    if !before.chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let after = i + apostrophe.len_utf8();
    let rest = &text[after..];
    let len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let clitic = rest[..len].to_ascii_lowercase();
    matches!(clitic.as_str(), "s" | "m" | "d" | "ve" | "ll" | "re").then_some(after + len)
}

/// Scans one token starting at byte `i` with first char `c`; returns its end and kind.
fn scan_token(cur: &Cursor, bytes: &[u8], i: usize, c: char) -> (usize, TokenKind) {
    let text = cur.text;
    // Web addresses.
    if (c == 'h' || c == 'w' || c == 'H' || c == 'W') && starts_url(&text[i..]) {
        return (scan_url(text, i), TokenKind::Url);
    }
    // PTB-style quotes `` and ''.
    if bytes[i] == b'`' && bytes.get(i + 1) == Some(&b'`') {
        return (i + 2, TokenKind::Quote);
    }
    if bytes[i] == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
        return (i + 2, TokenKind::Quote);
    }
    if is_word_char(c) {
        let end = scan_word(cur, i);
        if let Some(email_end) = scan_email(text, i, end) {
            return (email_end, TokenKind::Email);
        }
        // currency signs with a country prefix: C$, A$, US$, HK$
        let word = &text[i..end];
        if bytes.get(end) == Some(&b'$')
            && word.len() <= 3
            && word.bytes().all(|b| b.is_ascii_uppercase())
        {
            return (end + 1, TokenKind::Symbol);
        }
        let kind = if c.is_ascii_digit() || c.is_numeric() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        return (end, kind);
    }
    if is_apostrophe(c) {
        // '90s, '05 and rock 'n' roll: an apostrophe that is part of a word.
        let next = cur.char_at(i + c.len_utf8());
        let prev = cur.char_before(i);
        let prev_is_word = prev.is_some_and(is_word_char);
        if !prev_is_word && next.is_some_and(|n| n.is_ascii_digit()) {
            let after = i + c.len_utf8();
            let end = scan_word(cur, after);
            let digits = text[after..end]
                .chars()
                .take_while(|d| d.is_ascii_digit())
                .count();
            if digits == 2 {
                return (end, TokenKind::Number);
            }
        }
        if !prev_is_word && matches!(next, Some('n') | Some('N')) {
            let after_n = i + c.len_utf8() + 1;
            if let Some(close) = cur.char_at(after_n)
                && is_apostrophe(close)
                && !cur
                    .char_at(after_n + close.len_utf8())
                    .is_some_and(is_word_char)
            {
                return (after_n + close.len_utf8(), TokenKind::Word);
            }
        }
        if let Some(end) = detached_clitic(cur, i, c) {
            return (end, TokenKind::Word);
        }
        return (i + c.len_utf8(), TokenKind::Quote);
    }
    if is_quote_char(c) {
        return (i + c.len_utf8(), TokenKind::Quote);
    }
    if (c == '@' || c == '#')
        && cur
            .char_at(i + 1)
            .is_some_and(|n| n.is_alphanumeric() || n == '_')
    {
        let prev = cur.char_before(i);
        if !prev.is_some_and(is_word_char) {
            let mut end = i + 1;
            while let Some(n) = cur.char_at(end) {
                if n.is_alphanumeric() || n == '_' {
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
            return (end, TokenKind::Tag);
        }
    }
    if c == '.' {
        let run = text[i..].bytes().take_while(|&b| b == b'.').count();
        if run >= 2 {
            return (i + run, TokenKind::Punct);
        }
        // .5 and .NET
        if let Some(n) = cur.char_at(i + 1)
            && n.is_ascii_digit()
            && !cur.char_before(i).is_some_and(is_word_char)
        {
            return (scan_word(cur, i + 1), TokenKind::Number);
        }
        return (i + 1, TokenKind::Punct);
    }
    if c == '-' {
        let run = text[i..].bytes().take_while(|&b| b == b'-').count();
        return (i + run, TokenKind::Punct);
    }
    if is_symbol(c) {
        return (i + c.len_utf8(), TokenKind::Symbol);
    }
    if c.is_ascii_punctuation() || is_unicode_punct(c) {
        return (i + c.len_utf8(), TokenKind::Punct);
    }
    // Emoji and other pictographs, with any joiners and variation selectors that follow.
    let mut end = i + c.len_utf8();
    while let Some(n) = cur.char_at(end) {
        if n == '\u{200D}' || ('\u{FE00}'..='\u{FE0F}').contains(&n) || is_combining_mark(n) {
            end += n.len_utf8();
            if n == '\u{200D}'
                && let Some(m) = cur.char_at(end)
                && !m.is_whitespace()
            {
                end += m.len_utf8();
            }
        } else if ('\u{1F3FB}'..='\u{1F3FF}').contains(&n) {
            end += n.len_utf8();
        } else {
            break;
        }
    }
    (end, TokenKind::Other)
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '–' | '—'
            | '…'
            | '•'
            | '·'
            | '¡'
            | '¿'
            | '‐'
            | '‑'
            | '‒'
            | '―'
            | '†'
            | '‡'
            | '′'
            | '″'
            | '‹'
            | '›'
            | '、'
            | '。'
            | '，'
            | '：'
            | '；'
            | '！'
            | '？'
            | '（'
            | '）'
            | '【'
            | '】'
            | '「'
            | '」'
            | '『'
            | '』'
    ) || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
}

fn starts_url(s: &str) -> bool {
    let starts = |p: &str| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    starts("http://")
        || starts("https://")
        || (starts("www.") && s[4..].chars().next().is_some_and(|c| c.is_alphanumeric()))
}

fn scan_url(text: &str, i: usize) -> usize {
    let mut end = i;
    for (j, c) in text[i..].char_indices() {
        if c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”' | '«' | '»') {
            break;
        }
        end = i + j + c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence, not the address.
    while end > i {
        let last = text[..end].chars().next_back().unwrap_or(' ');
        if matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '\'' | '’'
        ) {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn scan_email(text: &str, start: usize, word_end: usize) -> Option<usize> {
    let rest = &text[word_end..];
    let mut chars = rest.chars();
    if chars.next() != Some('@') {
        return None;
    }
    // local part may contain . _ + -
    let _ = start;
    let mut end = word_end + 1;
    let mut dots = 0;
    let mut last_alnum = end;
    for c in text[end..].chars() {
        if c.is_alphanumeric() || c == '-' {
            end += c.len_utf8();
            last_alnum = end;
        } else if c == '.' {
            end += 1;
            dots += 1;
        } else {
            break;
        }
    }
    (dots > 0 && last_alnum > word_end + 1).then_some(last_alnum)
}

/// Scans a run of word characters joined by connectors; `i` points at a word character.
fn scan_word(cur: &Cursor, i: usize) -> usize {
    let text = cur.text;
    let mut end = i;
    let mut last_was_digit = false;
    let mut has_inner_period = false;
    let mut segment_start = i;
    loop {
        // consume a run of word characters
        let mut any = false;
        let bytes = text.as_bytes();
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii_alphanumeric() {
                last_was_digit = b.is_ascii_digit();
                end += 1;
                any = true;
            } else if b.is_ascii() {
                break;
            } else if let Some(c) = cur.char_at(end)
                && is_word_char(c)
            {
                last_was_digit = false;
                end += c.len_utf8();
                any = true;
            } else {
                break;
            }
        }
        if !any {
            break;
        }
        // a connector followed by a word character continues the token
        let Some(conn) = cur.char_at(end) else { break };
        let after = end + conn.len_utf8();
        let Some(next) = cur.char_at(after) else {
            break;
        };
        if !is_word_char(next) {
            break;
        }
        let join = match conn {
            '-' | '‐' | '‑' => true,
            '.' => {
                // U.S.A, 3.5, e.g, bbc.co.uk: but not "end.Next" (a missing space) unless short.
                let seg_len = text[segment_start..end].chars().count();
                let ok = last_was_digit && next.is_ascii_digit()
                    || seg_len <= 2
                    || next.is_lowercase()
                        && !text[segment_start..end].starts_with(char::is_uppercase);
                if ok {
                    has_inner_period = true;
                }
                ok
            }
            ',' => {
                // thousands separators: 1,000 but not "1,2"
                last_was_digit
                    && text[after..]
                        .chars()
                        .take_while(|d| d.is_ascii_digit())
                        .count()
                        == 3
                    && !cur.char_at(after + 3).is_some_and(|d| d.is_alphanumeric())
            }
            ':' | '/' => last_was_digit && next.is_ascii_digit(),
            '&' => {
                text[segment_start..end].chars().all(|c| c.is_uppercase()) && next.is_uppercase()
            }
            '\'' | '’' => true,
            _ => false,
        };
        if !join {
            break;
        }
        end = after;
        segment_start = after;
    }
    // A final period belongs to abbreviations, initials and dotted acronyms.
    if cur.char_at(end) == Some('.') && cur.char_at(end + 1) != Some('.') {
        let word = &text[i..end];
        let single_letter = word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic());
        let dotted = has_inner_period
            && word
                .split('.')
                .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
        let abbreviation = with_lower(word, |lower| {
            if AMBIGUOUS_ABBREVIATIONS.contains(&lower) {
                // "No. 10" but "said no." and "the sun."
                text[end + 1..]
                    .trim_start_matches([' ', '\u{a0}'])
                    .starts_with(|c: char| c.is_ascii_digit())
            } else {
                is_abbreviation(lower)
            }
        });
        if abbreviation || single_letter || dotted {
            end += 1;
        }
    }
    end
}

/// True when single line breaks in `text` are mostly soft wraps inside sentences.
fn is_hard_wrapped(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut singles = 0usize;
    let mut continuing = 0usize;
    // Wrapped lines are short; a line of hundreds of characters is a paragraph.
    let mut long_lines = 0usize;
    let mut line_start = 0usize;
    let mut i = 0;
    while let Some(off) = memchr_newline(&bytes[i..]) {
        let nl = i + off;
        i = nl + 1;
        let this_line = line_start;
        line_start = nl + 1;
        // skip \r before and whitespace after
        let next_line_start = nl + 1;
        let rest = &text[next_line_start..];
        let trimmed = rest.trim_start_matches([' ', '\t', '\r']);
        if trimmed.starts_with('\n') || trimmed.is_empty() {
            continue; // blank line
        }
        let before = text[..nl].trim_end_matches([' ', '\t', '\r']);
        if before.ends_with('\n') || before.is_empty() {
            continue; // the newline after a blank line
        }
        singles += 1;
        let line = &before[this_line.min(before.len())..];
        if line.len() > 160 && line.chars().count() > 160 {
            long_lines += 1;
        }
        let last = before.chars().next_back().unwrap_or('.');
        let first = trimmed.chars().next().unwrap_or('A');
        if !matches!(last, '.' | '!' | '?' | ':' | '"' | '”' | '’' | '\'' | ')')
            && (first.is_lowercase() || last == ',' || last.is_lowercase())
        {
            continuing += 1;
        }
    }
    singles >= 3 && continuing * 2 >= singles && long_lines * 2 < singles
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == b'\n')
}

/// What lies between two tokens: nothing, spaces, a line break or a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    LineBreak,
    BlankLine,
}

fn gap(text: &str, from: usize, to: usize) -> Gap {
    let between = &text[from..to];
    if between.is_empty() {
        return Gap::None;
    }
    if between == " " {
        return Gap::Space;
    }
    let mut newlines = between.bytes().filter(|&b| b == b'\n').count();
    if !between.is_ascii() {
        newlines += between.matches('\u{2029}').count() * 2;
    }
    match newlines {
        0 => Gap::Space,
        1 => Gap::LineBreak,
        _ => Gap::BlankLine,
    }
}

fn is_closing_after_terminator(s: &str) -> bool {
    matches!(
        s,
        "\"" | "”" | "’" | "'" | "''" | "»" | "›" | ")" | "]" | "}"
    )
}

fn is_terminator(s: &str) -> bool {
    matches!(
        s,
        "." | "!" | "?" | "..." | "…" | "!!" | "?!" | "。" | "！" | "？"
    ) || (s.len() > 1 && s.bytes().all(|b| b == b'.'))
}

/// Splits tokens into sentences and paragraphs.
fn split_sentences(text: &str, tokens: &[Token], wrapped: bool) -> (Vec<Sentence>, Vec<Paragraph>) {
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    if tokens.is_empty() {
        return (sentences, paragraphs);
    }
    let mut sent_start = 0usize;
    let mut para_start_sentence = 0usize;
    let close_sentence = |sentences: &mut Vec<Sentence>, from: usize, to: usize, para: usize| {
        sentences.push(Sentence {
            start: tokens[from].start,
            end: tokens[to - 1].end,
            tokens: from..to,
            paragraph: para,
        });
    };
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        let tok_text = &text[tok.start..tok.end];
        let mut end_here = false;
        let mut last = i; // last token of the sentence if it ends here
        if tok.kind == TokenKind::Punct && is_terminator(tok_text)
            || tok.kind == TokenKind::Word && tok_text.ends_with('.') && tok_text.len() > 1
        {
            // absorb directly following closing quotes and brackets
            let mut j = i + 1;
            while j < tokens.len()
                && gap(text, tokens[j - 1].end, tokens[j].start) == Gap::None
                && is_closing_after_terminator(&text[tokens[j].start..tokens[j].end])
            {
                j += 1;
            }
            last = j - 1;
            if j >= tokens.len() {
                end_here = true;
            } else {
                let next = tokens[j];
                let next_text = &text[next.start..next.end];
                let g = gap(text, tokens[last].end, next.start);
                let first = next_text.chars().next().unwrap_or(' ');
                let starts_new = !first.is_lowercase()
                    && !matches!(first, ',' | ';' | ')' | ']' | '%')
                    && g != Gap::None;
                if tok.kind == TokenKind::Word {
                    // an abbreviation: only before a clear sentence start
                    end_here = starts_new
                        && !is_title_abbreviation(tok_text)
                        && (next.kind == TokenKind::Quote
                            || g >= Gap::LineBreak
                            || with_lower(next_text, |l| SENTENCE_STARTERS.contains(&l)));
                } else {
                    end_here = starts_new || (g >= Gap::LineBreak && !first.is_lowercase());
                }
            }
        }
        if !end_here {
            // line structure ends sentences too
            if i + 1 < tokens.len() {
                let g = gap(text, tok.end, tokens[i + 1].start);
                if g == Gap::BlankLine {
                    end_here = true;
                } else if g == Gap::LineBreak && !wrapped {
                    let next_first = text[tokens[i + 1].start..].chars().next().unwrap_or(' ');
                    end_here = !next_first.is_lowercase();
                }
                last = i;
            } else {
                end_here = true;
                last = i;
            }
        }
        if end_here {
            let para = paragraphs.len();
            close_sentence(&mut sentences, sent_start, last + 1, para);
            sent_start = last + 1;
            i = last + 1;
            // paragraph break?
            let para_break = if i >= tokens.len() {
                true
            } else {
                let g = gap(text, tokens[last].end, tokens[i].start);
                g == Gap::BlankLine || (g == Gap::LineBreak && !wrapped)
            };
            if para_break {
                let first = &sentences[para_start_sentence];
                paragraphs.push(Paragraph {
                    start: first.start,
                    end: tokens[last].end,
                    sentences: para_start_sentence..sentences.len(),
                });
                para_start_sentence = sentences.len();
            }
        } else {
            i += 1;
        }
    }
    (sentences, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let d = Doc::new(text);
        (0..d.tokens.len()).map(|i| d.token_text(i)).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        let d = Doc::new(text);
        d.sentences.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn splits_clitics_and_keeps_abbreviations() {
        assert_eq!(
            toks("Mr. Khan's U.S. trip didn't cost $3.5m."),
            vec![
                "Mr.", "Khan", "'s", "U.S.", "trip", "did", "n't", "cost", "$", "3.5m", "."
            ]
        );
    }

    #[test]
    fn numbers_dates_and_decades() {
        assert_eq!(
            toks("On 2013-03-22 at 10:30, 1,000 fans of the '90s paid 5%."),
            vec![
                "On",
                "2013-03-22",
                "at",
                "10:30",
                ",",
                "1,000",
                "fans",
                "of",
                "the",
                "'90s",
                "paid",
                "5",
                "%",
                "."
            ]
        );
    }

    #[test]
    fn quotes_are_tokens_and_apostrophes_are_not() {
        assert_eq!(
            toks("“I don’t,” she said of rock 'n' roll."),
            vec![
                "“", "I", "do", "n’t", ",", "”", "she", "said", "of", "rock", "'n'", "roll", "."
            ]
        );
        assert_eq!(toks("`` Hi '' he"), vec!["``", "Hi", "''", "he"]);
    }

    #[test]
    fn currency_with_country_prefix() {
        assert_eq!(
            toks("fell C$ 0.45 to US$40 and $5"),
            vec!["fell", "C$", "0.45", "to", "US$", "40", "and", "$", "5"]
        );
    }

    #[test]
    fn detached_clitics_stay_whole() {
        assert_eq!(
            toks("England 's side , I 'm sure , THEY 'VE said 'so'"),
            vec![
                "England", "'s", "side", ",", "I", "'m", "sure", ",", "THEY", "'VE", "said", "'",
                "so", "'"
            ]
        );
    }

    #[test]
    fn urls_emails_and_tags() {
        assert_eq!(
            toks("See https://bbc.co.uk/news. Mail a.b@c.com or @bbc #news"),
            vec![
                "See",
                "https://bbc.co.uk/news",
                ".",
                "Mail",
                "a.b@c.com",
                "or",
                "@bbc",
                "#news"
            ]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let s = sents(
            "Mr. J. Smith met Sen. Jones in the U.S. on Sept. 5. He said: \"No.\" Then he left.",
        );
        assert_eq!(
            s,
            vec![
                "Mr. J. Smith met Sen. Jones in the U.S. on Sept. 5.",
                "He said: \"No.\"",
                "Then he left."
            ]
        );
    }

    #[test]
    fn abbreviation_then_sentence_starter_splits() {
        let s = sents("He works for Acme Inc. The firm is big.");
        assert_eq!(s, vec!["He works for Acme Inc.", "The firm is big."]);
    }

    #[test]
    fn exclamation_inside_quote_before_lowercase_does_not_split() {
        let s = sents("his 'no reason to be alarmed!' statement. MSM is here!");
        assert_eq!(
            s,
            vec!["his 'no reason to be alarmed!' statement.", "MSM is here!"]
        );
    }

    #[test]
    fn lines_and_paragraphs() {
        let text = "Headline here\nMarch 01 , 2008\nFirst sentence .\n\nSecond para. Still.";
        let d = Doc::new(text);
        let s: Vec<&str> = d.sentences.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            s,
            vec![
                "Headline here",
                "March 01 , 2008",
                "First sentence .",
                "Second para.",
                "Still."
            ]
        );
        assert_eq!(d.paragraphs.len(), 4);
        assert_eq!(d.sentences[4].paragraph, 3);
    }

    #[test]
    fn hard_wrapped_text_joins_lines() {
        let text = "The minister said on\nMonday that the plan\nwould go ahead and that\nit was good.\n\nNext.";
        let s = sents(text);
        assert_eq!(s.len(), 2);
        assert_eq!(Doc::new(text).paragraphs.len(), 2);
    }

    #[test]
    fn long_lines_are_paragraphs_not_wraps() {
        let line = "“He makes simple blanket statements about people he knows or cares nothing \
            about, and he thinks whatever he says is right, and it never ends with him at all.”";
        let text = format!(
            "{line} ― Pamela Padilla\n{line} ― Jacklyn Ashley\n{line} ― Carla Sanchez\n{line} ― Esther Tapia\n"
        );
        assert_eq!(Doc::new(&text).paragraphs.len(), 4);
    }

    #[test]
    fn char_map_counts_scalars() {
        let text = "é“a”b";
        let m = CharMap::new(text);
        assert_eq!(m.char_offset(0), 0);
        assert_eq!(m.char_offset(2), 1);
        assert_eq!(m.char_offset(5), 2);
        assert_eq!(m.char_offset(6), 3);
        assert_eq!(m.char_offset(text.len()), 5);
    }

    #[test]
    fn emoji_and_rtl() {
        let d = Doc::new("Hello 👍🏽 שלום عالم 👨‍👩‍👧!");
        assert_eq!(d.tokens.len(), 6);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of the pieces that make tokenising hard.
    fn newsy_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Mr.".to_string()),
            Just("U.S.".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("\"".to_string()),
            Just("“".to_string()),
            Just("’".to_string()),
            Just("'".to_string()),
            Just("''".to_string()),
            Just("``".to_string()),
            Just("...".to_string()),
            Just(".".to_string()),
            Just("3.5".to_string()),
            Just("1,000".to_string()),
            Just("don't".to_string()),
            Just("'90s".to_string()),
            Just("@x".to_string()),
            Just("http://a.b/c.".to_string()),
            Just("a@b.c".to_string()),
            Just("👨‍👩‍👧".to_string()),
            Just("שלום".to_string()),
            Just("\u{0301}".to_string()),
            Just("\r\n".to_string()),
            "[A-Za-z]{1,8}",
            "\\PC{1,4}",
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn check_invariants(text: &str) {
        let doc = Doc::new(text);
        let mut last_end = 0;
        for t in &doc.tokens {
            assert!(t.start >= last_end && t.end > t.start && t.end <= text.len());
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(!text[t.start..t.end].trim().is_empty());
            last_end = t.end;
        }
        let mut next_token = 0;
        for s in &doc.sentences {
            assert_eq!(
                s.tokens.start, next_token,
                "sentences cover every token in order"
            );
            assert!(s.tokens.end > s.tokens.start);
            assert_eq!(s.start, doc.tokens[s.tokens.start].start);
            assert_eq!(s.end, doc.tokens[s.tokens.end - 1].end);
            next_token = s.tokens.end;
        }
        assert_eq!(next_token, doc.tokens.len());
        let mut next_sentence = 0;
        for (i, p) in doc.paragraphs.iter().enumerate() {
            assert_eq!(p.sentences.start, next_sentence);
            for s in p.sentences.clone() {
                assert_eq!(doc.sentences[s].paragraph, i);
            }
            next_sentence = p.sentences.end;
        }
        assert_eq!(next_sentence, doc.sentences.len());
        let map = CharMap::new(text);
        for t in &doc.tokens {
            assert_eq!(map.char_offset(t.start), text[..t.start].chars().count());
        }
    }

    proptest! {
        #[test]
        fn tokens_sentences_and_paragraphs_are_consistent(text in newsy_text()) {
            check_invariants(&text);
        }

        #[test]
        fn any_string_is_safe(text in "\\PC{0,200}") {
            check_invariants(&text);
        }
    }

    #[test]
    fn long_and_odd_inputs() {
        check_invariants(&"word ".repeat(10_000));
        check_invariants(&"A".repeat(100_000));
        check_invariants(&".".repeat(10_000));
        check_invariants(&"\"".repeat(10_000));
        check_invariants(&"'a".repeat(10_000));
        check_invariants(&"Mr. ".repeat(5_000));
        check_invariants(&"\n".repeat(10_000));
    }
}
