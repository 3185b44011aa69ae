//! The tag set: BILOU tags over the four CoNLL-2003 types, the moves allowed between them,
//! and conversions between tag sequences and spans.

use crate::extraction::EntityType;
use std::ops::Range;

/// The number of tags: `O` and B, I, L, U for each of four types.
pub const N_TAGS: usize = 17;

/// The tag `O` (outside any name).
pub const OUTSIDE: u8 = 0;

/// The position of a token inside a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// First token of a name of several tokens.
    Begin,
    /// Inner token.
    Inside,
    /// Last token of a name of several tokens.
    Last,
    /// A name of one token.
    Unit,
}

/// The index of a type in the tag set.
pub fn type_index(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => 0,
        EntityType::Org => 1,
        EntityType::Loc => 2,
        EntityType::Misc => 3,
    }
}

/// The type with index `i` (0..4).
pub fn type_of_index(i: u8) -> EntityType {
    match i {
        0 => EntityType::Person,
        1 => EntityType::Org,
        2 => EntityType::Loc,
        _ => EntityType::Misc,
    }
}

/// The CoNLL name of a type (`PER`, `ORG`, `LOC`, `MISC`).
pub fn conll_name(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "PER",
        EntityType::Org => "ORG",
        EntityType::Loc => "LOC",
        EntityType::Misc => "MISC",
    }
}

/// Parses a CoNLL type name.
pub fn parse_conll_type(s: &str) -> Option<EntityType> {
    match s {
        "PER" | "PERSON" => Some(EntityType::Person),
        "ORG" => Some(EntityType::Org),
        "LOC" => Some(EntityType::Loc),
        "MISC" => Some(EntityType::Misc),
        _ => None,
    }
}

/// The tag for a type and a part.
pub fn tag(kind: EntityType, part: Part) -> u8 {
    let p = match part {
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    1 + type_index(kind) * 4 + p
}

/// The type and part of a tag, `None` for `O`.
pub fn split(tag: u8) -> Option<(EntityType, Part)> {
    if tag == OUTSIDE || tag as usize >= N_TAGS {
        return None;
    }
    let t = tag - 1;
    let part = match t % 4 {
        0 => Part::Begin,
        1 => Part::Inside,
        2 => Part::Last,
        _ => Part::Unit,
    };
    Some((type_of_index(t / 4), part))
}

/// True if a sentence may start with `tag`.
pub fn can_start(tag: u8) -> bool {
    !matches!(split(tag), Some((_, Part::Inside | Part::Last)))
}

/// True if a sentence may end with `tag`.
pub fn can_end(tag: u8) -> bool {
    !matches!(split(tag), Some((_, Part::Begin | Part::Inside)))
}

/// True if `next` may follow `prev`.
pub fn can_follow(prev: u8, next: u8) -> bool {
    match (split(prev), split(next)) {
        (Some((pk, Part::Begin | Part::Inside)), Some((nk, Part::Inside | Part::Last))) => pk == nk,
        (Some((_, Part::Begin | Part::Inside)), _) => false,
        (_, Some((_, Part::Inside | Part::Last))) => false,
        _ => true,
    }
}

/// The names in a valid tag sequence.
pub fn spans_of_tags(tags: &[u8]) -> Vec<(Range<usize>, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            Some((k, Part::Unit)) => {
                open = None;
                out.push((i..i + 1, k));
            }
            Some((k, Part::Begin)) => open = Some((i, k)),
            Some((k, Part::Last)) => {
                if let Some((s, ok)) = open.take()
                    && ok == k
                {
                    out.push((s..i + 1, k));
                }
            }
            Some((_, Part::Inside)) => {}
            None => open = None,
        }
    }
    out
}

/// The BILOU tags of `n` tokens holding the (non-overlapping) names `spans`.
pub fn tags_of_spans(n: usize, spans: &[(Range<usize>, EntityType)]) -> Vec<u8> {
    let mut tags = vec![OUTSIDE; n];
    for (r, k) in spans {
        if r.is_empty() || r.end > n {
            continue;
        }
        if r.len() == 1 {
            tags[r.start] = tag(*k, Part::Unit);
        } else {
            tags[r.start] = tag(*k, Part::Begin);
            for t in &mut tags[r.start + 1..r.end - 1] {
                *t = tag(*k, Part::Inside);
            }
            tags[r.end - 1] = tag(*k, Part::Last);
        }
    }
    tags
}

/// The names in a column of CoNLL tags (IOB1 or IOB2: `I-X` continues a name of type X,
/// `B-X` always starts one), with conlleval's reading of malformed sequences.
pub fn spans_of_iob<S: AsRef<str>>(tags: &[S]) -> Vec<(Range<usize>, EntityType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let parsed = t
            .split_once('-')
            .and_then(|(p, ty)| parse_conll_type(ty).map(|k| (p, k)));
        match parsed {
            Some((prefix, kind)) => {
                let continues = prefix == "I" && open.is_some_and(|(_, k)| k == kind);
                if !continues {
                    if let Some((s, k)) = open.take() {
                        out.push((s..i, k));
                    }
                    open = Some((i, kind));
                }
            }
            None => {
                if let Some((s, k)) = open.take() {
                    out.push((s..i, k));
                }
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s..tags.len(), k));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for t in 0..N_TAGS as u8 {
            if let Some((k, p)) = split(t) {
                assert_eq!(tag(k, p), t);
            }
        }
        let spans = vec![
            (0..2, EntityType::Person),
            (3..4, EntityType::Loc),
            (4..7, EntityType::Org),
        ];
        let tags = tags_of_spans(8, &spans);
        assert_eq!(spans_of_tags(&tags), spans);
        for w in tags.windows(2) {
            assert!(can_follow(w[0], w[1]));
        }
    }

    #[test]
    fn iob1_like_conlleval() {
        let t = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG"];
        assert_eq!(
            spans_of_iob(&t),
            vec![
                (0..2, EntityType::Person),
                (2..3, EntityType::Person),
                (4..5, EntityType::Loc),
                (5..7, EntityType::Org)
            ]
        );
    }
}
