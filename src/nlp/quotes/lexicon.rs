//! The word lists of the quote stage, embedded from `data/` and parsed once: cue words
//! (`quote-cues.txt`), speaker words (`speaker-words.txt`) and gendered first names
//! (`first-names.txt`).

use std::collections::HashMap;
use std::sync::OnceLock;

const CUES: &str = include_str!("../../../data/quote-cues.txt");
const SPEAKER_WORDS: &str = include_str!("../../../data/speaker-words.txt");
const FIRST_NAMES: &str = include_str!("../../../data/first-names.txt");

/// How a cue word attributes what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Verbs of saying or writing (said, added, wrote).
    Say,
    /// Verbs of saying with a hearer before the content (told, assured).
    Tell,
    /// Verbs of thought and stance (believes, criticized); never inverted after a quote.
    Think,
    /// Naming verbs (called, described); a quoted fragment after them is a partial quote.
    Call,
    /// Nouns of speech in `in a statement`, `in a tweet`.
    Noun,
    /// `according to`.
    Accord,
    /// Verbs of saying that count only beside a quotation (`"…," he continues`).
    Tag,
}

/// One form of a cue: the lower-case words it matches.
#[derive(Debug, Clone)]
pub struct CueForm {
    /// Lower-case words, matched against consecutive tokens.
    pub words: Vec<String>,
    /// What kind of cue it is.
    pub class: CueClass,
    /// Index into [`Lexicon::lemmas`].
    pub lemma: u16,
    /// An -ing participle (`saying`): its subject is the clause's subject.
    pub participle: bool,
    /// The verb form, which tells whether a noun may be meant (`tweets`, `attack`).
    pub tense: Tense,
}

/// The form of a cue verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// The first form of its line (`say`, `attack`): a verb only after a plural subject, a
    /// modal or `to`.
    Base,
    /// Third person singular (`says`, `tweets`): a noun after a determiner or number.
    Third,
    /// Past tense or participle (`said`, `told`).
    Past,
    /// The -ing participle (`saying`).
    Ing,
}

/// Gender of a first name or a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// He, him, Mr.
    Male,
    /// She, her, Mrs., Ms.
    Female,
}

/// Word classes from `speaker-words.txt`, as bit flags.
pub mod class {
    /// A title or role before a name.
    pub const TITLE: u8 = 1;
    /// Makes a name an organisation.
    pub const ORG: u8 = 2;
    /// A function word that is never part of a name.
    pub const FUNCTION: u8 = 4;
    /// May sit between a subject and its cue.
    pub const SKIP: u8 = 8;
    /// A time word.
    pub const TIME: u8 = 16;
    /// A hearer (`reporters`).
    pub const HEARER: u8 = 32;
}

/// All word lists of the quote stage.
#[derive(Debug)]
pub struct Lexicon {
    /// Every cue form.
    pub forms: Vec<CueForm>,
    /// Cue forms by their first word, longest first.
    by_first: HashMap<String, Vec<u32>>,
    /// Lemma names (the first form of each line).
    pub lemmas: Vec<String>,
    /// Word classes by lower-case word.
    words: HashMap<String, u8>,
    /// Gendered first names by lower-case name.
    first_names: HashMap<String, Gender>,
}

impl Lexicon {
    /// The lexicon, parsed on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(CUES, SPEAKER_WORDS, FIRST_NAMES))
    }

    fn parse(cues: &str, speaker_words: &str, first_names: &str) -> Lexicon {
        let mut forms = Vec::new();
        let mut lemmas: Vec<String> = Vec::new();
        for line in data_lines(cues) {
            let Some((class, rest)) = line.split_once(':') else {
                continue;
            };
            let class = match class.trim() {
                "say" => CueClass::Say,
                "tell" => CueClass::Tell,
                "think" => CueClass::Think,
                "call" => CueClass::Call,
                "noun" => CueClass::Noun,
                "accord" => CueClass::Accord,
                "tag" => CueClass::Tag,
                _ => continue,
            };
            let mut lemma = None;
            for form in rest.split(',') {
                let words: Vec<String> = form.split_whitespace().map(str::to_lowercase).collect();
                if words.is_empty() {
                    continue;
                }
                let id = match (class, lemma) {
                    (CueClass::Noun, _) | (_, None) => {
                        lemmas.push(words.join(" "));
                        let id = (lemmas.len() - 1) as u16;
                        lemma = Some(id);
                        id
                    }
                    (_, Some(id)) => id,
                };
                let participle = words[0].ends_with("ing") && words[0].len() > 4;
                let tense = tense_of(&words[0], participle);
                forms.push(CueForm {
                    words,
                    class,
                    lemma: id,
                    participle,
                    tense,
                });
            }
        }
        let mut by_first: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, f) in forms.iter().enumerate() {
            let entry = by_first.entry(f.words[0].clone()).or_default();
            // The first listing of the same words wins.
            if !entry.iter().any(|&j| forms[j as usize].words == f.words) {
                entry.push(i as u32);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(forms[i as usize].words.len()));
        }
        let mut words: HashMap<String, u8> = HashMap::new();
        let mut section = 0u8;
        for line in data_lines(speaker_words) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "title" => class::TITLE,
                    "org" => class::ORG,
                    "function" => class::FUNCTION,
                    "skip" => class::SKIP,
                    "time" => class::TIME,
                    "hearer" => class::HEARER,
                    _ => 0,
                };
                continue;
            }
            for w in line.split_whitespace() {
                *words.entry(w.to_lowercase()).or_default() |= section;
            }
        }
        let mut names = HashMap::new();
        for line in data_lines(first_names) {
            if let Some((name, g)) = line.split_once('\t') {
                let gender = match g.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => continue,
                };
                names.insert(name.trim().to_lowercase(), gender);
            }
        }
        Lexicon {
            forms,
            by_first,
            lemmas,
            words,
            first_names: names,
        }
    }

    /// Cue forms whose first word is `lower`, longest first.
    pub fn forms_starting(&self, lower: &str) -> &[u32] {
        self.by_first.get(lower).map(Vec::as_slice).unwrap_or(&[])
    }

    /// True if `lower` is in the word class `flag` (see [`class`]).
    pub fn is(&self, lower: &str, flag: u8) -> bool {
        self.words.get(lower).is_some_and(|&c| c & flag != 0)
    }

    /// The gender of a first name, if the list knows it.
    pub fn first_name(&self, lower: &str) -> Option<Gender> {
        self.first_names.get(lower).copied()
    }
}

/// Past forms that do not end in -ed.
const IRREGULAR_PAST: &[&str] = &[
    "said",
    "told",
    "wrote",
    "written",
    "thought",
    "felt",
    "knew",
    "known",
    "saw",
    "seen",
    "sought",
    "found",
    "shown",
    "swore",
    "sworn",
    "shot",
    "hit",
    "went",
    "put",
    "spoke",
    "spoken",
    "cried",
    "understood",
    "forecast",
    "read",
    "cast",
    "led",
    "brought",
    "gave",
    "given",
    "made",
    "took",
    "taken",
    "held",
    "meant",
    "struck",
    "laid",
    "paid",
];

/// The verb form of `word` (the first word of a cue form).
fn tense_of(word: &str, participle: bool) -> Tense {
    if participle {
        Tense::Ing
    } else if word.ends_with("ed") || IRREGULAR_PAST.contains(&word) {
        Tense::Past
    } else if word.ends_with('s') && !word.ends_with("ss") {
        Tense::Third
    } else {
        Tense::Base
    }
}

/// The non-empty, non-comment lines of a data file.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let lx = Lexicon::get();
        assert!(lx.forms.len() > 100);
        assert!(!lx.forms_starting("said").is_empty());
        let according = lx.forms_starting("according");
        assert_eq!(lx.forms[according[0] as usize].class, CueClass::Accord);
        assert!(lx.is("mayor", class::TITLE));
        assert!(lx.is("house", class::ORG));
        assert_eq!(lx.first_name("sarah"), Some(Gender::Female));
        assert_eq!(lx.first_name("donald"), Some(Gender::Male));
    }

    #[test]
    fn longest_form_first() {
        let lx = Lexicon::get();
        let pointed = lx.forms_starting("pointed");
        assert_eq!(lx.forms[pointed[0] as usize].words.len(), 2);
    }
}
