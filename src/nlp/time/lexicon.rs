//! The words of the time grammar, read once from `data/time-words.txt`.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The word classes of the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// January..December, value 1..12.
    Month,
    /// Monday..Sunday, value 1..7.
    Weekday,
    /// Cardinal numbers, value the number or `X`.
    Number,
    /// Ordinals, value the number.
    Ordinal,
    /// Units of time, value the TIMEX3 letter.
    Unit,
    /// Seasons, value SP SU FA WI.
    Season,
    /// Parts of the day, value MO AF EV NI MI DT.
    Part,
    /// Holidays, value `MM-DD` or the name of a movable feast.
    Holiday,
    /// Recurrence words, value the TIMEX3 period.
    Set,
    /// Vague references, value PRESENT_REF, PAST_REF or FUTURE_REF.
    Ref,
    /// Words that soften an amount.
    Approx,
    /// early, mid, late and their phrases, value START, MID or END.
    Mod,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "month" => Class::Month,
            "weekday" => Class::Weekday,
            "number" => Class::Number,
            "ordinal" => Class::Ordinal,
            "unit" => Class::Unit,
            "season" => Class::Season,
            "part" => Class::Part,
            "holiday" => Class::Holiday,
            "set" => Class::Set,
            "ref" => Class::Ref,
            "approx" => Class::Approx,
            "mod" => Class::Mod,
            _ => return None,
        })
    }
}

/// One form of one entry: its words and what it means.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The class.
    pub class: Class,
    /// The value (see [`Class`]).
    pub value: &'static str,
    /// The words of the form.
    pub words: Vec<&'static str>,
}

/// Every form, indexed by its first word.
#[derive(Debug, Default)]
pub struct Lexicon {
    by_first: FxHashMap<&'static str, Vec<Entry>>,
    /// The words that mark a time expression nearby: every word of every form except the
    /// function words, and the grammar's own (`today`, `ago`, `quarter`…).
    time_words: FxHashSet<&'static str>,
}

/// Function words of the forms, which alone say nothing of time.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "at",
    "on",
    "to",
    "by",
    "for",
    "some",
    "about",
    "around",
    "over",
    "under",
    "only",
    "just",
    "no",
    "more",
    "less",
    "than",
    "up",
    "close",
    "upwards",
    "well",
    "another",
    "further",
    "this",
    "that",
    "these",
    "so",
    "far",
    "full",
    "additional",
    "most",
    "least",
    "fewer",
    "and",
    "or",
];

/// Words the grammar knows that the data file does not list.
const GRAMMAR_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "overnight",
    "noon",
    "midnight",
    "midday",
    "ago",
    "earlier",
    "later",
    "recent",
    "coming",
    "past",
    "last",
    "next",
    "previous",
    "following",
    "quarter",
    "quarters",
    "half",
    "period",
    "fiscal",
    "weekend",
    "century",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
    "q1",
    "q2",
    "q3",
    "q4",
    "1q",
    "2q",
    "3q",
    "4q",
    "once",
    "twice",
    "thrice",
    "times",
    "every",
    "each",
    "end",
    "am",
    "pm",
    "o'clock",
    "year",
    "week",
    "month",
    "hourlong",
    "daylong",
    "weeklong",
    "monthlong",
    "yearlong",
];

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

impl Lexicon {
    /// The lexicon built from the embedded data file.
    pub fn get() -> &'static Lexicon {
        LEXICON.get_or_init(|| Lexicon::parse(include_str!("../../../data/time-words.txt")))
    }

    fn parse(text: &'static str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((head, forms)) = line.split_once(':') else {
                continue;
            };
            let mut head = head.split_whitespace();
            let Some(class) = head.next().and_then(Class::parse) else {
                continue;
            };
            let value = head.next().unwrap_or("");
            for form in forms.split('|') {
                let words: Vec<&'static str> = form.split_whitespace().collect();
                if let Some(first) = words.first() {
                    lex.by_first.entry(first).or_default().push(Entry {
                        class,
                        value,
                        words,
                    });
                }
            }
        }
        for entries in lex.by_first.values() {
            for e in entries {
                for w in &e.words {
                    if !FUNCTION_WORDS.contains(w) {
                        lex.time_words.insert(w);
                    }
                }
            }
        }
        lex.time_words.extend(GRAMMAR_WORDS.iter().copied());
        for entries in lex.by_first.values_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        }
        lex
    }

    /// The longest form of `class` that `words` starts with: its length in words and its entry.
    pub fn longest(&self, words: &[&str], class: Class) -> Option<(usize, &Entry)> {
        let first = words.first()?;
        self.by_first
            .get(*first)?
            .iter()
            .filter(|e| e.class == class)
            .find(|e| {
                e.words.len() <= words.len() && e.words.iter().zip(words).all(|(a, b)| a == b)
            })
            .map(|e| (e.words.len(), e))
    }

    /// True if `word` marks a time expression nearby (see `time_words`); numbers are checked
    /// by the caller.
    pub fn is_time_word(&self, word: &str) -> bool {
        self.time_words.contains(word)
            || word.starts_with('\'') && word[1..].starts_with(|c: char| c.is_ascii_digit())
    }

    /// True if the word is a one-word form of `class`.
    pub fn is(&self, word: &str, class: Class) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|v| v.iter().any(|e| e.class == class && e.words.len() == 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_data_file() {
        let lex = Lexicon::get();
        assert_eq!(
            lex.longest(&["sept"], Class::Month).map(|e| e.1.value),
            Some("9")
        );
        let (n, e) = lex
            .longest(&["a", "couple", "of", "days"], Class::Number)
            .unwrap();
        assert_eq!((n, e.value), (3, "2"));
        assert!(lex.is("weeks", Class::Unit));
        assert_eq!(
            lex.longest(&["the", "near", "future"], Class::Ref)
                .map(|e| e.1.value),
            Some("FUTURE_REF")
        );
    }
}
