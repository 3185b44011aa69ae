//! Quotation marks: which mark opens or closes a quotation, and the quoted stretches they
//! enclose.
//!
//! Marks are paired within a paragraph, never across the article, so one stray mark cannot
//! swallow the rest of the text. Straight marks (`"`, `'`, `''`) open or close by what is
//! beside them; curly marks by their shape. Single quotes nest inside double ones (a single
//! quote never closed ends with its double quote) and stand alone only when they are paired in
//! their paragraph, so apostrophes (`the voters' view`, `'til`) are not quotes. A double quote
//! left open at the end of a paragraph whose next paragraph opens with a mark of the same kind
//! continues there (the newspaper convention for a quote of several paragraphs); one left open
//! otherwise ends with its paragraph.

use crate::nlp::text::{Doc, TokenKind};
use std::ops::Range;

/// The kind of a quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `"` `“` `”` `„` `` `` `` `''`.
    Double,
    /// `'` `‘` `’` `‚` `‹` `›`.
    Single,
    /// `«` `»`.
    Angle,
}

/// Whether a mark opens or closes, as far as its shape and neighbours tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// A stretch of text between quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark; `None` when the quotation is left open.
    pub close: Option<usize>,
    /// The content tokens, between the marks.
    pub tokens: Range<usize>,
    /// Byte offset where the content starts.
    pub start: usize,
    /// Byte offset where the content ends.
    pub end: usize,
    /// The kind of its marks.
    pub family: Family,
    /// Index of its paragraph in `Doc::paragraphs`.
    pub paragraph: usize,
    /// 0 for a quotation in running text, 1 for one inside another.
    pub depth: u8,
    /// Index (in the returned list) of the quotation of the previous paragraph that this one
    /// continues.
    pub continues: Option<usize>,
}

impl Quoted {
    /// The token range from the opening mark to the closing mark (or the content end).
    pub fn outer(&self) -> Range<usize> {
        self.open..self.close.map_or(self.tokens.end, |c| c + 1)
    }
}

/// Finds the quoted stretches of `doc`, in text order of their opening marks.
pub fn find(doc: &Doc) -> Vec<Quoted> {
    let mut out: Vec<Quoted> = Vec::new();
    // Index in `out` of a top-level double quotation left open at the previous paragraph's end.
    let mut left_open: Option<usize> = None;
    for (p, para) in doc.paragraphs.iter().enumerate() {
        let Some(tokens) = paragraph_tokens(doc, para.sentences.clone()) else {
            continue;
        };
        let first_out = out.len();
        let carried = left_open.take();
        let leftover = pair_paragraph(doc, p, tokens.clone(), &mut out);
        if let Some(prev) = carried {
            let (prev_open, prev_family) = (out[prev].open, out[prev].family);
            if let Some(first) = out[first_out..]
                .iter_mut()
                .find(|q| q.open == tokens.start && q.depth == 0 && q.family == prev_family)
            {
                // Held as the opening token until the list is sorted.
                first.continues = Some(prev_open);
            }
        }
        left_open = leftover;
    }
    out.sort_by_key(|q| (q.open, q.depth));
    let by_open: std::collections::HashMap<usize, usize> = out
        .iter()
        .enumerate()
        .filter(|(_, q)| q.depth == 0)
        .map(|(i, q)| (q.open, i))
        .collect();
    for q in out.iter_mut() {
        q.continues = q.continues.and_then(|open| by_open.get(&open).copied());
    }
    out
}

fn paragraph_tokens(doc: &Doc, sentences: Range<usize>) -> Option<Range<usize>> {
    let first = doc.sentences.get(sentences.start)?;
    let last = doc.sentences.get(sentences.end.checked_sub(1)?)?;
    Some(first.tokens.start..last.tokens.end)
}

/// Pairs the marks of one paragraph, pushing quotations to `out`. Returns the index in `out`
/// of a top-level quotation left open at the paragraph's end, if any.
fn pair_paragraph(
    doc: &Doc,
    paragraph: usize,
    tokens: Range<usize>,
    out: &mut Vec<Quoted>,
) -> Option<usize> {
    // Open marks: (token, family); at most a double-level and a single-level one.
    let mut stack: Vec<(usize, Family)> = Vec::new();
    let mut left_open = None;
    for t in tokens.clone() {
        if doc.tokens[t].kind != TokenKind::Quote {
            continue;
        }
        let Some((family, role)) = classify(doc, t) else {
            continue;
        };
        let primary = family != Family::Single;
        let open_at = stack.iter().rposition(|&(_, f)| f == family);
        match (open_at, role) {
            (Some(i), Role::Close | Role::Either) => {
                // Close it, and anything opened inside it.
                while stack.len() > i + 1 {
                    if let Some((o, f)) = stack.pop() {
                        push(doc, out, paragraph, o, None, t, f, stack.len() as u8);
                    }
                }
                if let Some((o, f)) = stack.pop() {
                    push(doc, out, paragraph, o, Some(t), t, f, stack.len() as u8);
                }
            }
            (Some(i), Role::Open) => {
                // `"The issue is partisan: “As you know, …?” Forty-three, yes.` — a curly
                // quotation opened inside a straight one (an excerpt marked with `"`) nests.
                let nests = primary
                    && i + 1 == stack.len()
                    && stack.len() < 3
                    && is_straight(doc, stack[i].0) != is_straight(doc, t)
                    && is_straight(doc, stack[i].0);
                if nests {
                    stack.push((t, family));
                } else if primary {
                    // The previous one was never closed: it ends where this one opens.
                    while stack.len() > i {
                        if let Some((o, f)) = stack.pop() {
                            push(doc, out, paragraph, o, None, t, f, stack.len() as u8);
                        }
                    }
                    stack.push((t, family));
                } else if stack.len() < 3 {
                    stack.push((t, family));
                }
            }
            (None, Role::Open | Role::Either) => {
                if stack.len() < 3 && (primary || role == Role::Open || !stack.is_empty()) {
                    stack.push((t, family));
                }
            }
            (None, Role::Close) => {}
        }
    }
    // Whatever is still open ends with the paragraph.
    while let Some((o, f)) = stack.pop() {
        let depth = stack.len() as u8;
        if f == Family::Single && depth == 0 {
            // A lone opening single quote is an apostrophe ('til, 'em), not a quotation.
            continue;
        }
        let idx = push(doc, out, paragraph, o, None, tokens.end, f, depth);
        if depth == 0 && f != Family::Single && next_paragraph_opens(doc, paragraph, o, f) {
            left_open = idx;
        }
    }
    left_open
}

/// Pushes the quotation opened at token `open` and closed at `close` (or ending before token
/// `end` when left open). Returns its index, or `None` when it holds no words.
#[allow(clippy::too_many_arguments)]
fn push(
    doc: &Doc,
    out: &mut Vec<Quoted>,
    paragraph: usize,
    open: usize,
    close: Option<usize>,
    end: usize,
    family: Family,
    depth: u8,
) -> Option<usize> {
    let content_end = close.unwrap_or(end);
    let first = open + 1;
    if first >= content_end {
        return None;
    }
    // A quotation left open does not take in marks that end it at the paragraph's end.
    let mut last = content_end;
    while last > first && close.is_none() && doc.tokens[last - 1].kind == TokenKind::Quote {
        last -= 1;
    }
    if last <= first {
        return None;
    }
    out.push(Quoted {
        open,
        close,
        tokens: first..last,
        start: doc.tokens[first].start,
        end: doc.tokens[last - 1].end,
        family,
        paragraph,
        depth,
        continues: None,
    });
    Some(out.len() - 1)
}

/// True when the paragraph after `paragraph` starts with a mark that can open a quotation of
/// `family`, written in the same style (straight or curly) as the mark `open` that was left
/// open: an excerpt that marks each paragraph with a straight `"` does not continue into a
/// curly quotation.
fn next_paragraph_opens(doc: &Doc, paragraph: usize, open: usize, family: Family) -> bool {
    let Some(next) = doc.paragraphs.get(paragraph + 1) else {
        return false;
    };
    let Some(tokens) = paragraph_tokens(doc, next.sentences.clone()) else {
        return false;
    };
    let t = tokens.start;
    doc.tokens[t].kind == TokenKind::Quote
        && is_straight(doc, t) == is_straight(doc, open)
        && classify(doc, t).is_some_and(|(f, r)| f == family && r != Role::Close)
}

/// True for a straight (ASCII) quotation mark: `"`, `''`, ``` `` ```.
fn is_straight(doc: &Doc, t: usize) -> bool {
    let tok = doc.tokens[t];
    doc.text[tok.start..tok.end].is_ascii()
}

/// The family and role of the quotation mark at token `t`, or `None` if it is not one.
fn classify(doc: &Doc, t: usize) -> Option<(Family, Role)> {
    let tok = doc.tokens[t];
    let s = &doc.text[tok.start..tok.end];
    let before = doc.text[..tok.start].chars().next_back();
    let after = doc.text[tok.end..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || is_opening_punct(c));
    let space_after = after.is_none_or(|c| c.is_whitespace() || is_closing_punct(c));
    let by_context = || match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    };
    Some(match s {
        "\"" | "''" => (Family::Double, by_context()),
        "``" | "„" => (Family::Double, Role::Open),
        "“" => (
            Family::Double,
            // A “ written where a ” belongs (after a word or a stop, before a space) closes.
            if !space_before && space_after {
                Role::Close
            } else {
                Role::Open
            },
        ),
        "”" | "‟" => (
            Family::Double,
            if space_before && !space_after {
                Role::Open
            } else {
                Role::Close
            },
        ),
        "«" => (Family::Angle, Role::Open),
        "»" => (Family::Angle, Role::Close),
        "'" => (Family::Single, by_context()),
        "‘" | "‚" | "‹" => (Family::Single, Role::Open),
        "’" | "›" => (
            Family::Single,
            match by_context() {
                Role::Open => Role::Open,
                _ => Role::Close,
            },
        ),
        _ => return None,
    })
}

fn is_opening_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':')
}

fn is_closing_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/'
    ) || c == '"'
        || c == '”'
        || c == '’'
        || c == '\''
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(String, u8, bool, bool)> {
        let doc = Doc::new(text);
        find(&doc)
            .iter()
            .map(|q| {
                (
                    text[q.start..q.end].to_string(),
                    q.depth,
                    q.close.is_some(),
                    q.continues.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            quoted("He said \"yes, we will\" and left. “No,” she said."),
            vec![
                ("yes, we will".to_string(), 0, true, false),
                ("No,".to_string(), 0, true, false)
            ]
        );
    }

    #[test]
    fn ptb_marks() {
        let q = quoted("`` It is over , '' he said . ''It's anti-reform,'' said Mr. Burman.");
        assert_eq!(q[0].0, "It is over ,");
        assert_eq!(q[1].0, "It's anti-reform,");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("The voters' view of rock 'n' roll in the '90s, 'til then.").is_empty());
    }

    #[test]
    fn unclosed_inner_single_ends_with_the_double() {
        let q = quoted(
            "Trump said: \"At least 7 dead and Mayor says there is 'no reason to be alarmed!\"\n\nNext.",
        );
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[0].0,
            "At least 7 dead and Mayor says there is 'no reason to be alarmed!"
        );
        assert_eq!(
            q[1],
            ("no reason to be alarmed!".to_string(), 1, false, false)
        );
    }

    #[test]
    fn paragraphs_continue() {
        let text = "Khan said: \"First part.\n\n\"Second part.\"\n\nOther.";
        let q = quoted(text);
        assert_eq!(
            q,
            vec![
                ("First part.".to_string(), 0, false, false),
                ("Second part.".to_string(), 0, true, true)
            ]
        );
    }

    #[test]
    fn a_straight_mark_left_open_does_not_continue_into_a_curly_one() {
        let text = "The excerpt:\n\n\"Kevin was snoring.\n\n“Here he is,” she said.\n";
        let q = quoted(text);
        assert_eq!(q[1], ("Here he is,".to_string(), 0, true, false));
    }

    #[test]
    fn a_curly_quotation_inside_a_straight_one_nests() {
        let q = quoted("He went on:\n\n\"The question: “Do you agree?” Forty-three, yes.\n");
        assert_eq!(q[0].0, "The question: “Do you agree?” Forty-three, yes.");
        assert_eq!(q[0].1, 0);
        assert_eq!(q[1], ("Do you agree?".to_string(), 1, true, false));
    }

    #[test]
    fn unclosed_without_continuation_ends_with_paragraph() {
        let q = quoted("He said \"this never closes.\n\nNew paragraph \"here\" ok.");
        assert_eq!(q[0].0, "this never closes.");
        assert!(!q[0].3);
        assert_eq!(q[1].0, "here");
    }

    #[test]
    fn single_quotes_alone_pair_in_paragraph() {
        let q = quoted("'We will win,' he said.");
        assert_eq!(q, vec![("We will win,".to_string(), 0, true, false)]);
    }
}
