//! The words the time grammar reads: tokens, lower-cased, periods removed and hyphenated words
//! split (`third-quarter` is `third` `quarter`, `mid-1990s` is `mid` `1990s`), each with its
//! byte span so that a match can be turned back into a span of the text.

use crate::nlp::text::{Doc, TokenKind};

/// One word of the grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Lower case, periods removed, curly apostrophes made straight.
    pub norm: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Starts with a digit.
    pub number: bool,
    /// Punctuation or a quotation mark.
    pub punct: bool,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// Has letters, all of them upper case (`WASHINGTON`).
    pub upper: bool,
    /// Joined to the previous piece by a hyphen (the two came from one token).
    pub joined: bool,
}

/// Splits the tokens `range` of `doc` into pieces.
pub fn pieces(doc: &Doc, range: std::ops::Range<usize>) -> Vec<Piece> {
    let mut out = Vec::with_capacity(range.len() + 4);
    for i in range {
        let t = doc.tokens[i];
        let text = &doc.text[t.start..t.end];
        let punct = matches!(t.kind, TokenKind::Punct | TokenKind::Quote);
        let splittable = matches!(t.kind, TokenKind::Word | TokenKind::Number)
            && text.contains(['-', '‐', '‑'])
            && !is_numeric_date(text);
        if !splittable {
            out.push(piece(
                text,
                t.start,
                t.kind == TokenKind::Number,
                punct,
                false,
            ));
            continue;
        }
        let mut offset = t.start;
        let mut first = true;
        for part in text.split(['-', '‐', '‑']) {
            if !part.is_empty() {
                let number = part.starts_with(|c: char| c.is_ascii_digit());
                out.push(piece(part, offset, number, false, !first));
            }
            first = false;
            offset += part.len() + hyphen_len(&doc.text[offset + part.len()..]);
        }
    }
    out
}

fn hyphen_len(rest: &str) -> usize {
    rest.chars().next().map_or(0, char::len_utf8)
}

fn piece(text: &str, start: usize, number: bool, punct: bool, joined: bool) -> Piece {
    let mut norm = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '.' if !number => {}
            '’' | '‘' => norm.push('\''),
            _ => norm.extend(c.to_lowercase()),
        }
    }
    Piece {
        norm,
        start,
        end: start + text.len(),
        number,
        punct,
        capital: text.starts_with(char::is_uppercase),
        upper: text.chars().any(char::is_alphabetic)
            && text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
        joined,
    }
}

/// `2013-03-22`, `1990-91` and other all-digit hyphenated numbers stay whole.
fn is_numeric_date(text: &str) -> bool {
    text.split('-')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_hyphens_and_normalises() {
        let text = "The third-quarter of mid-1990s, Sept. 5 at 10 p.m. on 2013-03-22";
        let doc = Doc::new(text);
        let p = pieces(&doc, 0..doc.tokens.len());
        let norms: Vec<&str> = p.iter().map(|p| p.norm.as_str()).collect();
        assert_eq!(
            norms,
            vec![
                "the",
                "third",
                "quarter",
                "of",
                "mid",
                "1990s",
                ",",
                "sept",
                "5",
                "at",
                "10",
                "pm",
                "on",
                "2013-03-22"
            ]
        );
        for x in &p {
            let raw = &text[x.start..x.end];
            assert!(!raw.is_empty());
        }
        assert_eq!(&text[p[2].start..p[2].end], "quarter");
        assert!(p[2].joined && !p[1].joined);
    }
}
