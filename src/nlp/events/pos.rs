//! Part-of-speech cues for triggers: whether a trigger word is used as the noun or verb its
//! line says, or as a modifier of another noun ("primary school", "container shipping group",
//! "for ships"). No tagger: the neighbouring words, their endings and a list of function words
//! tell enough for the few cases where a trigger word is no event.

use crate::nlp::time::pieces::Piece;

/// Determiners, pronouns, prepositions, conjunctions, auxiliaries and common adverbs: words
/// that are never the head noun of a compound.
const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "some",
    "any",
    "no",
    "every",
    "each",
    "all",
    "both",
    "either",
    "neither",
    "another",
    "other",
    "such",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "why",
    "how",
    "whether",
    "i",
    "you",
    "he",
    "she",
    "it",
    "we",
    "they",
    "me",
    "him",
    "us",
    "them",
    "itself",
    "himself",
    "herself",
    "themselves",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "to",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "during",
    "since",
    "until",
    "till",
    "about",
    "against",
    "between",
    "among",
    "amid",
    "through",
    "across",
    "around",
    "near",
    "off",
    "out",
    "up",
    "down",
    "per",
    "via",
    "than",
    "like",
    "as",
    "without",
    "within",
    "toward",
    "towards",
    "despite",
    "following",
    "including",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "because",
    "while",
    "although",
    "though",
    "unless",
    "whereas",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "not",
    "n't",
    "'s",
    "s",
    "'",
    "also",
    "then",
    "still",
    "now",
    "here",
    "there",
    "again",
    "too",
    "already",
    "just",
    "even",
    "only",
    "alone",
    "itself",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "soon",
    "later",
    "last",
    "next",
    "first",
    "once",
    "ago",
    "worth",
    "more",
    "most",
    "less",
    "least",
    "very",
    "much",
    "many",
    "few",
    "own",
    "outside",
    "inside",
    "behind",
    "beyond",
    "along",
    "above",
    "below",
    "beneath",
    "beside",
    "besides",
    "upon",
    "ahead",
    "instead",
    "away",
    "back",
    "home",
    "abroad",
    "overnight",
    "together",
    "whatever",
    "whichever",
    "however",
    "otherwise",
    "meanwhile",
    "nearly",
    "almost",
];

/// Past forms of common irregular verbs, which follow a subject noun without an ending of
/// their own ("the quake hit", "the attack left").
const IRREGULAR_PAST: &[&str] = &[
    "hit", "put", "set", "cut", "cost", "hurt", "let", "spread", "shut", "quit", "split", "cast",
    "burst", "beat", "read", "led", "left", "lost", "won", "went", "came", "became", "began",
    "took", "gave", "got", "made", "saw", "fell", "rose", "held", "ran", "drew", "broke", "built",
    "sent", "spent", "shook", "tore", "kept", "found", "brought", "bought", "sold", "struck",
    "stood", "meant", "told", "said", "paid", "met", "saw", "caught", "drove", "wrote", "grew",
    "threw", "knew", "forced", "killed", "sparked", "drew", "hurt", "ended", "thought", "felt",
    "seemed", "took", "shed", "slid", "sank", "sunk", "swept", "wiped", "dealt", "won",
];

/// Prepositions after which a verb's bare or third-person form is a noun ("for ships").
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "over", "under", "about",
    "against", "between", "among", "amid", "through", "across", "around", "near", "per", "via",
    "than", "like", "without", "within", "despite",
];

/// Determiners that begin a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
    "your", "'s",
];

/// Whether the word is a function word (never the head of a compound noun).
pub fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}

/// Whether the word is a preposition.
pub fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

/// Whether piece `x` looks like a lower-case content word: no name, number, punctuation or
/// function word.
fn content_word(x: &Piece) -> bool {
    !x.punct
        && !x.number
        && !x.capital
        && x.norm.chars().all(|c| c.is_alphabetic() || c == '-')
        && x.norm.chars().any(char::is_alphabetic)
        && !is_function_word(&x.norm)
}

/// Words that may stand between a reporting verb and the time that dates it: its hearers and
/// channels ("told reporters on Monday", "said in a statement on Friday", "said late on
/// Tuesday"), and parts of the day after a date ("said Tuesday night").
const REPORTING_ADJUNCTS: &[&str] = &[
    "reporters",
    "journalists",
    "analysts",
    "investors",
    "shareholders",
    "staff",
    "employees",
    "workers",
    "members",
    "supporters",
    "delegates",
    "lawmakers",
    "mps",
    "senators",
    "voters",
    "crowd",
    "audience",
    "viewers",
    "listeners",
    "guests",
    "statement",
    "interview",
    "conference",
    "news",
    "press",
    "briefing",
    "call",
    "email",
    "e-mail",
    "letter",
    "website",
    "blog",
    "post",
    "radio",
    "television",
    "tv",
    "newspaper",
    "magazine",
    "programme",
    "program",
    "hearing",
    "committee",
    "parliament",
    "meeting",
    "late",
    "early",
    "earlier",
    "later",
    "again",
    "also",
    "night",
    "morning",
    "afternoon",
    "evening",
];

/// Whether piece `x`, after a reporting verb and before or right after a time expression,
/// begins the reported words rather than the verb's own adjuncts: a lower-case content word
/// that is no preposition, adverb, hearer or channel ("said fourth quarter sales rose", "said
/// sales in the fourth quarter rose"; but "told reporters on Monday", "said late on Friday").
pub fn opens_reported_clause(x: &Piece) -> bool {
    let w = x.norm.as_str();
    content_word(x)
        && !x.joined
        && !PREPOSITIONS.contains(&w)
        && !w.ends_with("ly")
        && !matches!(w, "and" | "or" | "but" | "as" | "then" | "there" | "to")
        && !REPORTING_ADJUNCTS.contains(&w)
}

/// Whether piece `x` looks like a singular noun heading a compound after a modifier
/// ("school" after "primary", "group" after "shipping"): a lower-case content word with no
/// verb or plural ending and no adverb ending, not a known irregular past.
pub fn head_noun(x: &Piece) -> bool {
    let w = x.norm.as_str();
    let plural_or_third =
        w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
    content_word(x)
        && !x.joined
        && !plural_or_third
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && !IRREGULAR_PAST.contains(&w)
}

/// Whether the word is singular as a noun: not a regular plural (`loss` and `crisis` are
/// singular; `deals` is not).
pub fn singular(w: &str) -> bool {
    !(w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// Whether a capitalised trigger at pieces `start..end` begins or continues a name: another
/// capitalised word follows, after a possessive or not ("Sale Sharks", "Sale's Charlie
/// Hodgson", "Meet The Fockers opens").
pub fn capitalised_in_name(p: &[Piece], start: usize, end: usize) -> bool {
    if !p.get(start).is_some_and(|x| x.capital && !x.upper) {
        return false;
    }
    let next = if p.get(end).is_some_and(|x| x.norm == "'s") {
        end + 1
    } else {
        end
    };
    p.get(next)
        .is_some_and(|x| x.capital && !x.punct && !x.upper && x.norm != "i")
}

/// Whether a capitalised noun at pieces `start..end` names an institution or a treaty: `of`,
/// `on` or `for` and a capitalised word follow ("the European Conference of Postal and
/// Telecommunications Administrations", "the European Convention on Human Rights").
pub fn names_a_body(p: &[Piece], start: usize, end: usize) -> bool {
    p.get(start).is_some_and(|x| x.capital)
        && p.get(end)
            .is_some_and(|x| matches!(x.norm.as_str(), "of" | "on" | "for"))
        && p.get(end + 1).is_some_and(|x| x.capital && !x.punct)
}

/// Whether a verb's `-s` form at piece `at` is followed by `of` and so is a plural noun
/// ("continuing signs of a slowdown").
pub fn plural_before_of(p: &[Piece], at: usize, base: &str) -> bool {
    let Some(w) = p.get(at).map(|x| x.norm.as_str()) else {
        return false;
    };
    w != base
        && w.ends_with('s')
        && !w.ends_with("ss")
        && p.get(at + 1).is_some_and(|x| x.norm == "of")
}

/// Whether a verb's bare form at piece `at` ends a noun phrase that an article or possessive
/// opens, with one singular content word between ("an arson attack", "the price rise"): a noun.
/// Not after an `-ing` word, whose own line decides ("the flying ban").
pub fn bare_verb_after_article_and_noun(p: &[Piece], at: usize, base: &str) -> bool {
    at >= 2
        && p[at].norm == base
        && content_word(&p[at - 1])
        && singular(&p[at - 1].norm)
        && !p[at - 1].norm.ends_with("ing")
        && matches!(
            p[at - 2].norm.as_str(),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "our"
        )
}

/// Whether a singular noun trigger ending at piece `end` modifies the noun after it
/// ("primary school", "election office", "assembly plant").
pub fn noun_modifies_next(p: &[Piece], end: usize) -> bool {
    let Some(last) = end.checked_sub(1).and_then(|k| p.get(k)) else {
        return false;
    };
    singular(&last.norm) && p.get(end).is_some_and(head_noun)
}

/// Whether a verb's bare or third-person form at piece `at` follows a preposition and so is a
/// noun ("service for ships").
pub fn verb_after_preposition(p: &[Piece], at: usize, base: &str) -> bool {
    let Some(w) = p.get(at).map(|x| x.norm.as_str()) else {
        return false;
    };
    let finite_looking = w == base || w.ends_with('s') && !w.ends_with("ss");
    finite_looking
        && at > 0
        && !p[at - 1].capital
        && PREPOSITIONS.contains(&p[at - 1].norm.as_str())
}

/// Whether a verb's `-s` form at piece `at` follows a quantifier, alone or with one content
/// word between, and so is a plural noun ("no immediate reports of deaths", "several orders").
pub fn plural_after_quantifier(p: &[Piece], at: usize, base: &str) -> bool {
    let Some(w) = p.get(at).map(|x| x.norm.as_str()) else {
        return false;
    };
    let quantifier = |k: usize| {
        matches!(
            p[k].norm.as_str(),
            "no" | "any" | "some" | "many" | "several" | "few" | "more" | "most" | "such" | "other"
        )
    };
    w != base
        && w.ends_with('s')
        && !w.ends_with("ss")
        && (at >= 1 && quantifier(at - 1)
            || at >= 2 && content_word(&p[at - 1]) && quantifier(at - 2))
}

/// Whether the `-ing` form of a verb at piece `at` is part of a noun phrase: between a content
/// word and a head noun ("the container shipping group"), or after a determiner and a content
/// word ("a profit warning").
pub fn ing_in_noun_phrase(p: &[Piece], at: usize, base: &str) -> bool {
    let Some(w) = p.get(at).map(|x| x.norm.as_str()) else {
        return false;
    };
    if !(w.ends_with("ing") && w != base) || at == 0 || !content_word(&p[at - 1]) {
        return false;
    }
    let before_head = p.get(at + 1).is_some_and(head_noun);
    let after_determiner = at >= 2 && DETERMINERS.contains(&p[at - 2].norm.as_str());
    before_head || after_determiner
}

/// Whether a noun trigger at piece `at` follows a subject pronoun and so is a verb ("a
/// director who talks to us").
pub fn noun_after_subject(p: &[Piece], at: usize) -> bool {
    at > 0
        && matches!(
            p[at - 1].norm.as_str(),
            "who" | "he" | "she" | "it" | "we" | "they" | "i" | "you"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::text::Doc;
    use crate::nlp::time::pieces::pieces;

    fn split(text: &str) -> Vec<Piece> {
        let doc = Doc::new(text);
        pieces(&doc, 0..doc.tokens.len())
    }

    fn at(p: &[Piece], word: &str) -> usize {
        p.iter().position(|x| x.norm == word).unwrap_or(usize::MAX)
    }

    #[test]
    fn a_capitalised_trigger_running_into_capitals_is_a_name() {
        let p = split("Sale's Charlie Hodgson took the shirt");
        assert!(capitalised_in_name(&p, 0, 1));
        let p = split("Meet The Fockers opens on Friday");
        assert!(capitalised_in_name(&p, 0, 1));
        let p = split("Talks between the unions resumed");
        assert!(!capitalised_in_name(&p, 0, 1));
        let p = split("Talks in London resumed");
        assert!(!capitalised_in_name(&p, 0, 1));
    }

    #[test]
    fn a_capitalised_noun_before_of_and_a_capital_names_a_body() {
        let p = split("the European Convention on Human Rights");
        let k = at(&p, "convention");
        assert!(names_a_body(&p, k, k + 1));
        let p = split("the European Conference of Postal Administrations");
        let k = at(&p, "conference");
        assert!(names_a_body(&p, k, k + 1));
        let p = split("the Worldwide Developers Conference opened");
        let k = at(&p, "conference");
        assert!(!names_a_body(&p, k, k + 1));
    }

    #[test]
    fn a_verbs_s_form_before_of_is_a_plural_noun() {
        let p = split("continuing signs of a genuine slowdown");
        assert!(plural_before_of(&p, at(&p, "signs"), "sign"));
        let p = split("the firm signs a deal");
        assert!(!plural_before_of(&p, at(&p, "signs"), "sign"));
        let p = split("they sign of their own accord");
        assert!(!plural_before_of(&p, at(&p, "sign"), "sign"));
    }

    #[test]
    fn a_bare_verb_after_an_article_and_a_noun_is_a_noun() {
        let p = split("jailed for an arson attack on a depot");
        assert!(bare_verb_after_article_and_noun(
            &p,
            at(&p, "attack"),
            "attack"
        ));
        let p = split("the rebels attack the town");
        assert!(!bare_verb_after_article_and_noun(
            &p,
            at(&p, "attack"),
            "attack"
        ));
        let p = split("they will attack the town");
        assert!(!bare_verb_after_article_and_noun(
            &p,
            at(&p, "attack"),
            "attack"
        ));
    }

    #[test]
    fn a_noun_before_a_head_noun_modifies_it() {
        let p = split("the roof of a primary school collapsed");
        assert!(noun_modifies_next(&p, at(&p, "primary") + 1));
        let p = split("the quake hit at dawn");
        assert!(!noun_modifies_next(&p, at(&p, "quake") + 1));
        let p = split("the attack killed three");
        assert!(!noun_modifies_next(&p, at(&p, "attack") + 1));
        let p = split("talks collapse");
        assert!(!noun_modifies_next(&p, at(&p, "talks") + 1));
        let p = split("the election on Monday");
        assert!(!noun_modifies_next(&p, at(&p, "election") + 1));
    }

    #[test]
    fn a_verb_after_a_preposition_is_a_noun() {
        let p = split("a service for ships and cabins");
        assert!(verb_after_preposition(&p, at(&p, "ships"), "ship"));
        let p = split("Boeing ships the plane");
        assert!(!verb_after_preposition(&p, at(&p, "ships"), "ship"));
        let p = split("after delivering the plane");
        assert!(!verb_after_preposition(&p, at(&p, "delivering"), "deliver"));
    }

    #[test]
    fn an_ing_form_inside_a_noun_phrase_is_no_verb() {
        let p = split("the Norwegian container shipping group");
        assert!(ing_in_noun_phrase(&p, at(&p, "shipping"), "ship"));
        let p = split("resigned after a profit warning that wiped");
        assert!(ing_in_noun_phrase(&p, at(&p, "warning"), "warn"));
        let p = split("the gunman fled, killing three people");
        assert!(!ing_in_noun_phrase(&p, at(&p, "killing"), "kill"));
        let p = split("Boeing is shipping planes");
        assert!(!ing_in_noun_phrase(&p, at(&p, "shipping"), "ship"));
    }

    #[test]
    fn a_verb_form_after_a_quantifier_is_a_plural_noun() {
        let p = split("There were no immediate reports of deaths");
        assert!(plural_after_quantifier(&p, at(&p, "reports"), "report"));
        let p = split("The company reports its results");
        assert!(!plural_after_quantifier(&p, at(&p, "reports"), "report"));
    }

    #[test]
    fn a_noun_after_a_subject_pronoun_is_a_verb() {
        let p = split("a director who talks to us");
        assert!(noun_after_subject(&p, at(&p, "talks")));
        let p = split("the talks to end the strike");
        assert!(!noun_after_subject(&p, at(&p, "talks")));
    }
}
