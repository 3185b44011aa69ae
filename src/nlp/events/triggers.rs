//! The event triggers, read once from `data/event-triggers.txt`: every surface form of every
//! trigger (inflections generated), with the context checks that keep `attack` in a football
//! report from being a terror attack.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// One trigger: a form (one word or several) of an event type, with its checks.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The event type (`attack`, `visit`, …).
    pub kind: &'static str,
    /// The lemma it was generated from (mentions of one lemma merge more readily).
    pub lemma: String,
    /// The words of the form, lower case.
    pub words: Vec<String>,
    /// The sentence must contain one of these words (empty: no requirement).
    pub needs: Vec<String>,
    /// The sentence must contain none of these words.
    pub excludes: Vec<String>,
    /// Not in a sports report (the option `-@sports`).
    pub not_in_sports: bool,
    /// Only when a time expression dates it in the same sentence.
    pub dated_only: bool,
    /// A reporting verb (`said`): an event only when a time expression dates it, or in the
    /// article's lead.
    pub reported: bool,
    /// Not right after one of these words.
    pub not_after: Vec<String>,
    /// Not right before one of these words.
    pub not_before: Vec<String>,
    /// Not when one of these words is its object: among the next four words, before any
    /// punctuation ("meet the demand", "meet Wall Street earnings projections").
    pub not_objects: Vec<String>,
    /// Whether the trigger is a noun (nouns need no subject to be an event).
    pub noun: bool,
    /// The position in `words` of the inflected verb and its lemma, when there is one (the
    /// tense of the mention is read from it).
    pub verb: Option<(usize, String)>,
    /// The positions in `words` of the parts that a hyphen joins to the word before
    /// (`take-off` is the words `take off`, the second joined): the text's pieces split
    /// hyphenated words the same way.
    pub hyphenated: Vec<usize>,
}

impl Trigger {
    /// Whether it is a reporting verb (`announced`, `said`): what follows it is what was
    /// reported, with its own dates and status.
    pub fn reporting(&self) -> bool {
        !self.noun && matches!(self.kind, "statement" | "announcement")
    }
}

/// Every trigger, indexed by its first word.
#[derive(Debug, Default)]
pub struct Triggers {
    by_first: FxHashMap<String, Vec<Trigger>>,
    sports: FxHashSet<String>,
}

static TRIGGERS: OnceLock<Triggers> = OnceLock::new();

impl Triggers {
    /// The triggers built from the embedded data file.
    pub fn get() -> &'static Triggers {
        TRIGGERS.get_or_init(|| Triggers::parse(include_str!("../../../data/event-triggers.txt")))
    }

    /// Parses the data file format (see its header).
    pub fn parse(text: &'static str) -> Triggers {
        let mut sets: FxHashMap<String, Vec<String>> = FxHashMap::default();
        let mut t = Triggers::default();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((head, rest)) = line.split_once(':') else {
                continue;
            };
            if let Some(name) = head.strip_prefix('@') {
                sets.insert(
                    name.trim().to_string(),
                    rest.split_whitespace().map(str::to_string).collect(),
                );
                continue;
            }
            let mut head = head.split_whitespace();
            let (Some(kind), Some(pos)) = (head.next(), head.next()) else {
                continue;
            };
            let kind: &'static str = Box::leak(kind.to_string().into_boxed_str());
            // the options start at the first word starting with + - or !
            let mut list = String::new();
            let mut options: Vec<&str> = Vec::new();
            for (i, tok) in rest.split_whitespace().enumerate() {
                if options.is_empty() && !tok.starts_with(['+', '-', '!']) || i == 0 {
                    list.push(' ');
                    list.push_str(tok);
                } else {
                    options.push(tok);
                }
            }
            let mut needs = Vec::new();
            let mut excludes = Vec::new();
            let mut not_after = Vec::new();
            let mut not_before = Vec::new();
            let mut not_objects = Vec::new();
            let mut dated_only = false;
            let mut reported = false;
            let mut not_in_sports = false;
            let expand = |s: &str, sets: &FxHashMap<String, Vec<String>>| -> Vec<String> {
                s.split('/')
                    .flat_map(|w| match w.strip_prefix('@') {
                        Some(name) => sets.get(name).cloned().unwrap_or_default(),
                        None => vec![w.to_string()],
                    })
                    .collect()
            };
            for o in options {
                if let Some(x) = o.strip_prefix('+') {
                    needs.extend(expand(x, &sets));
                } else if let Some(x) = o.strip_prefix('-') {
                    not_in_sports |= x == "@sports";
                    excludes.extend(expand(x, &sets));
                } else if o == "!dated" {
                    dated_only = true;
                } else if o == "!reported" {
                    reported = true;
                } else if let Some(x) = o.strip_prefix("!before=") {
                    not_after.extend(expand(x, &sets));
                } else if let Some(x) = o.strip_prefix("!after=") {
                    not_before.extend(expand(x, &sets));
                } else if let Some(x) = o.strip_prefix("!object=") {
                    not_objects.extend(expand(x, &sets));
                }
            }
            for form in list.split(',') {
                let form = form.trim();
                if form.is_empty() {
                    continue;
                }
                let (lemma, irregular) = match form.split_once('=') {
                    Some((l, irr)) => (l.trim(), irr.split('/').map(str::trim).collect()),
                    None => (form, Vec::new()),
                };
                let surfaces: Vec<Vec<String>> = match pos {
                    "verb" => inflect_phrase(lemma, &irregular, true),
                    "noun" => inflect_phrase(lemma, &irregular, false),
                    _ => phrase_forms(lemma),
                };
                let verb = match pos {
                    "verb" => lemma.split_whitespace().next().map(|w| (0, w.to_string())),
                    "noun" => None,
                    _ => phrase_verb(lemma),
                };
                for form_words in surfaces {
                    let (words, hyphenated) = split_hyphens(&form_words);
                    if let Some(first) = words.first().cloned() {
                        let noun = pos == "noun" || pos == "phrase" && verb.is_none();
                        let same_first = t.by_first.entry(first).or_default();
                        // a later line for the same form of the same kind replaces the earlier
                        same_first
                            .retain(|x| !(x.kind == kind && x.words == words && x.noun == noun));
                        same_first.push(Trigger {
                            kind,
                            lemma: lemma.trim_start_matches('~').to_string(),
                            words,
                            needs: needs.clone(),
                            excludes: excludes.clone(),
                            not_in_sports,
                            dated_only,
                            reported,
                            not_after: not_after.clone(),
                            not_before: not_before.clone(),
                            not_objects: not_objects.clone(),
                            noun,
                            verb: verb.clone(),
                            hyphenated,
                        });
                    }
                }
            }
        }
        t.sports = sets
            .remove("sports_report")
            .unwrap_or_default()
            .into_iter()
            .collect();
        for v in t.by_first.values_mut() {
            // longest forms first; among equals, those with requirements first (more specific)
            v.sort_by(|a, b| {
                b.words
                    .len()
                    .cmp(&a.words.len())
                    .then(b.needs.is_empty().cmp(&a.needs.is_empty()).reverse())
            });
        }
        t
    }

    /// The triggers whose forms start at `words` (longest first).
    pub fn starting(&self, words: &[&str]) -> impl Iterator<Item = &Trigger> {
        let first = words.first().copied().unwrap_or("");
        self.by_first
            .get(first)
            .into_iter()
            .flatten()
            .filter(move |t| {
                t.words.len() <= words.len() && t.words.iter().zip(words).all(|(a, b)| a == b)
            })
    }

    /// Whether words are those of a sports report: three or more different words of the
    /// `@sports_report` set, in any case.
    pub fn is_sports_report<'a>(&self, words: impl Iterator<Item = &'a str>) -> bool {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let mut lower = String::new();
        for w in words {
            if w.len() > 16 || !w.starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            if let Some(k) = self.sports.get(lower.as_str()) {
                seen.insert(k.as_str());
                if seen.len() >= 3 {
                    return true;
                }
            }
        }
        false
    }

    /// Every event type, sorted.
    pub fn kinds(&self) -> Vec<&'static str> {
        let set: FxHashSet<&'static str> =
            self.by_first.values().flatten().map(|t| t.kind).collect();
        let mut v: Vec<_> = set.into_iter().collect();
        v.sort_unstable();
        v
    }
}

/// The forms of a lemma (one word or several; a verb inflects its first word, a noun its last).
fn inflect_phrase(lemma: &str, irregular: &[&str], verb: bool) -> Vec<Vec<String>> {
    let words: Vec<&str> = lemma.split_whitespace().collect();
    let Some(&first) = words.first() else {
        return Vec::new();
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut push = |forms: Vec<String>, at: usize| {
        for f in forms {
            let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            w[at] = f;
            if !out.contains(&w) {
                out.push(w);
            }
        }
    };
    if verb {
        let mut forms = verb_forms(first);
        forms.extend(irregular.iter().map(|s| s.to_string()));
        push(forms, 0);
    } else {
        let last = words.len() - 1;
        let mut forms = vec![words[last].to_string(), plural(words[last])];
        forms.extend(irregular.iter().map(|s| s.to_string()));
        push(forms, last);
    }
    out
}

/// A phrase as written, with `~` marking the word to inflect as a verb.
fn phrase_forms(phrase: &str) -> Vec<Vec<String>> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| w.starts_with('~')) else {
        return vec![words.iter().map(|s| s.to_string()).collect()];
    };
    let base = words[at].trim_start_matches('~');
    let mut forms = verb_forms(base);
    forms.extend(irregular_past(base).iter().map(|s| s.to_string()));
    forms
        .into_iter()
        .map(|f| {
            let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            w[at] = f;
            w
        })
        .collect()
}

/// The verb of a phrase: the word marked `~`, else a first word that is a verb form
/// (`stated`, `shot dead`); a phrase of nouns (`terror attack`) has none.
fn phrase_verb(phrase: &str) -> Option<(usize, String)> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if let Some(at) = words.iter().position(|w| w.starts_with('~')) {
        return Some((at, words[at].trim_start_matches('~').to_string()));
    }
    let first = *words.first()?;
    let verbish = first.ends_with("ed")
        || first.ends_with("ing")
        || matches!(
            first,
            "shot" | "sworn" | "laid" | "left" | "held" | "taken" | "found" | "lifted"
        );
    verbish.then(|| (0, String::new()))
}

/// Past forms of the common irregular verbs of the phrases.
fn irregular_past(verb: &str) -> &'static [&'static str] {
    match verb {
        "go" => &["went", "gone", "goes"],
        "take" => &["took", "taken"],
        "shoot" => &["shot"],
        "gun" => &["gunned"],
        "lose" => &["lost"],
        "stand" => &["stood"],
        "strike" => &["struck"],
        "seal" => &["sealed"],
        "plead" => &["pled", "pleaded"],
        "open" => &["opened"],
        "sign" => &["signed"],
        "walk" => &["walked"],
        "pass" => &["passed"],
        "file" => &["filed"],
        "reach" => &["reached"],
        "roll" => &["rolled"],
        "ram" => &["rammed"],
        "step" => &["stepped"],
        "rise" => &["rose", "risen"],
        "fall" => &["fell", "fallen"],
        "bring" => &["brought"],
        "put" => &["put", "putting"],
        "lay" => &["laid"],
        "leave" => &["left"],
        "sell" => &["sold"],
        "hand" => &["handed"],
        "drop" => &["dropped"],
        "grow" => &["grew", "grown"],
        "sink" => &["sank", "sunk"],
        "slip" => &["slipped"],
        "dip" => &["dipped"],
        _ => &[],
    }
}

/// The words of a form with its hyphenated words split as the text's pieces are, and the
/// positions of the parts joined to the word before (`take-off` → `take off`, `[1]`).
fn split_hyphens(words: &[String]) -> (Vec<String>, Vec<usize>) {
    let mut out = Vec::with_capacity(words.len());
    let mut joined = Vec::new();
    for w in words {
        for (k, part) in w.split('-').filter(|p| !p.is_empty()).enumerate() {
            if k > 0 {
                joined.push(out.len());
            }
            out.push(part.to_string());
        }
    }
    (out, joined)
}

/// The regular forms of a verb: attack, attacks, attacked, attacking.
pub fn verb_forms(v: &str) -> Vec<String> {
    let mut out = vec![v.to_string(), plural(v)];
    let chars: Vec<char> = v.chars().collect();
    let n = chars.len();
    let vowel = |c: char| "aeiou".contains(c);
    if let Some(stem) = v.strip_suffix("ie") {
        out.push(format!("{v}d"));
        out.push(format!("{stem}ying"));
    } else if let Some(stem) = v.strip_suffix('e') {
        out.push(format!("{v}d"));
        out.push(format!("{stem}ing"));
    } else if v.ends_with('y') && n > 1 && !vowel(chars[n - 2]) {
        let stem = &v[..v.len() - 1];
        out.push(format!("{stem}ied"));
        out.push(format!("{v}ing"));
    } else if (3..=4).contains(&n)
        && !vowel(chars[n - 1])
        && !matches!(chars[n - 1], 'w' | 'x' | 'y')
        && vowel(chars[n - 2])
        && !vowel(chars[n - 3])
    {
        // stab → stabbed, ram → rammed
        let last = chars[n - 1];
        out.push(format!("{v}{last}ed"));
        out.push(format!("{v}{last}ing"));
    } else {
        out.push(format!("{v}ed"));
        out.push(format!("{v}ing"));
    }
    out
}

/// The regular plural of a noun (and third person of a verb).
pub fn plural(w: &str) -> String {
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else if w.ends_with('y') && n > 1 && !"aeiou".contains(chars[n - 2]) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(
            verb_forms("attack"),
            ["attack", "attacks", "attacked", "attacking"]
        );
        assert_eq!(verb_forms("stab"), ["stab", "stabs", "stabbed", "stabbing"]);
        assert_eq!(verb_forms("ram"), ["ram", "rams", "rammed", "ramming"]);
        assert_eq!(verb_forms("die"), ["die", "dies", "died", "dying"]);
        assert_eq!(verb_forms("bury"), ["bury", "buries", "buried", "burying"]);
        assert_eq!(plural("crash"), "crashes");
    }

    #[test]
    fn reads_the_data_file() {
        let t = Triggers::get();
        let kinds = t.kinds();
        for k in [
            "attack",
            "visit",
            "press_conference",
            "statement",
            "protest",
            "killing",
        ] {
            assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
        }
        assert!(kinds.len() >= 20);
        let got: Vec<&str> = t
            .starting(&["rammed", "into", "pedestrians"])
            .map(|x| x.kind)
            .collect();
        assert_eq!(got.first(), Some(&"attack"));
        let said: Vec<bool> = t.starting(&["said"]).map(|x| x.reported).collect();
        assert_eq!(said, vec![true]);
        let off: Vec<&str> = t.starting(&["take", "off"]).map(|x| x.kind).collect();
        assert!(off.contains(&"flight"), "{off:?}");
        let sit: Vec<&[usize]> = t
            .starting(&["sit", "in"])
            .map(|x| x.hyphenated.as_slice())
            .collect();
        assert_eq!(sit, vec![&[1][..]]);
        let fell: Vec<&str> = t.starting(&["shares", "fell"]).map(|x| x.kind).collect();
        assert_eq!(fell.first(), Some(&"market_movement"));
    }
}
