//! Language identification: which articles the English extractor can read.

/// The detected language of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 code where one exists (`en`, `de`), else ISO 639-3, or `und` when unknown.
    pub code: &'static str,
    /// True when the extractor supports this language.
    pub supported: bool,
}

/// How much of the text is looked at: enough for a reliable guess, cheap for long articles.
const SAMPLE_BYTES: usize = 2048;

/// Very frequent English function words: a text where they are common is English, which
/// spares the statistical detector (the costliest part of language identification) on most
/// articles.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "he", "as",
    "his", "be", "at", "by", "said", "has", "have", "from", "are", "were", "this", "they", "but",
    "not", "had", "an", "which", "who", "will", "would", "their", "she", "her", "been",
];

/// True when at least a fifth of the first words are English function words.
fn clearly_english(sample: &str) -> bool {
    let mut words = 0usize;
    let mut function = 0usize;
    for w in sample
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
    {
        words += 1;
        if w.len() <= 5
            && ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w))
        {
            function += 1;
        }
    }
    let non_ascii_letters = sample
        .chars()
        .filter(|c| !c.is_ascii() && c.is_alphabetic())
        .count();
    words >= 20 && function * 5 >= words && non_ascii_letters * 20 < words
}

/// Detects the language of `text` from its first couple of thousand characters.
///
/// Short or ambiguous Latin-script texts count as English: news snippets are usually too short
/// for a statistical guess, and labelling a real English article unsupported loses it entirely.
pub fn detect(text: &str) -> Language {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let english = Language {
        code: "en",
        supported: true,
    };
    if clearly_english(sample) {
        return english;
    }
    match whatlang::detect(sample) {
        None => {
            if sample.chars().any(|c| c.is_alphabetic()) {
                english
            } else {
                Language {
                    code: "und",
                    supported: false,
                }
            }
        }
        Some(info) => {
            let english_or_unsure = info.lang() == whatlang::Lang::Eng
                || (info.script() == whatlang::Script::Latin
                    && (!info.is_reliable() || !reads_like_prose_in(info.lang(), sample)));
            if english_or_unsure {
                english
            } else {
                Language {
                    code: iso639_1(info.lang()),
                    supported: false,
                }
            }
        }
    }
}

/// Function words of the Latin-script languages the detector most often reports.
fn function_words(lang: whatlang::Lang) -> Option<&'static [&'static str]> {
    use whatlang::Lang::*;
    Some(match lang {
        Spa => &[
            "de", "la", "que", "el", "en", "y", "los", "del", "se", "las", "por", "un", "para",
            "con", "una", "es", "al", "lo", "como", "su",
        ],
        Fra => &[
            "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "que", "est", "pour",
            "qui", "dans", "par", "sur", "au", "pas", "il",
        ],
        Deu => &[
            "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
            "für", "ist", "im", "dem", "nicht", "ein", "eine", "als",
        ],
        Ita => &[
            "di", "e", "il", "la", "che", "in", "a", "per", "un", "del", "non", "una", "le", "si",
            "della", "con", "sono", "i", "da", "al",
        ],
        Por => &[
            "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os",
            "no", "se", "na", "por", "mais", "as",
        ],
        Nld => &[
            "de", "en", "van", "het", "een", "in", "is", "dat", "op", "te", "zijn", "voor", "met",
            "die", "niet", "aan", "er", "om", "ook", "als",
        ],
        Swe => &[
            "och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den",
            "har", "de", "inte", "om", "ett", "han", "men",
        ],
        Dan => &[
            "og", "i", "at", "det", "en", "den", "til", "er", "som", "på", "de", "med", "af",
            "for", "ikke", "der", "var", "han", "et", "har",
        ],
        Nob => &[
            "og", "i", "det", "som", "på", "er", "en", "til", "at", "av", "for", "med", "har",
            "den", "ikke", "de", "et", "han", "om", "var",
        ],
        Pol => &[
            "i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "a", "co",
            "ale", "po", "od", "za", "przez", "dla",
        ],
        Ces => &[
            "a", "se", "na", "v", "je", "že", "to", "s", "z", "do", "o", "k", "ve", "jsou", "by",
            "ale", "jako", "pro", "za", "po",
        ],
        Ron => &[
            "de", "și", "în", "a", "la", "cu", "care", "din", "pe", "o", "un", "pentru", "nu",
            "mai", "că", "este", "se", "fost", "al", "sa",
        ],
        Hun => &[
            "a", "az", "és", "hogy", "nem", "is", "egy", "meg", "van", "volt", "de", "ez", "csak",
            "már", "mint", "el", "kell", "még", "ki", "fel",
        ],
        Tur => &[
            "ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "en",
            "olan", "ne", "ama", "o", "mi", "sonra", "kadar", "her",
        ],
        Ind => &[
            "yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan",
            "pada", "juga", "ke", "karena", "ada", "oleh", "adalah", "bisa", "mereka",
        ],
        Fin => &[
            "ja", "on", "ei", "se", "että", "oli", "hän", "mutta", "kun", "niin", "ovat", "myös",
            "kuin", "tai", "sen", "jo", "nyt", "vain", "mitä", "sitä",
        ],
        _ => return None,
    })
}

/// True when `sample` reads like running text in `lang`: its function words are common. A
/// results table or a list of names is reported as Spanish or Serbian by letter statistics
/// alone, but it is no prose in those languages, and the English extractor reads names well.
fn reads_like_prose_in(lang: whatlang::Lang, sample: &str) -> bool {
    let Some(words_of_lang) = function_words(lang) else {
        return true;
    };
    let mut words = 0usize;
    let mut function = 0usize;
    for w in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(300)
    {
        words += 1;
        let lower = w.to_lowercase();
        if words_of_lang.contains(&lower.as_str()) {
            function += 1;
        }
    }
    words > 0 && function * 100 >= words * 8
}

fn iso639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Rus => "ru",
        Ukr => "uk",
        Pol => "pl",
        Ces => "cs",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Fin => "fi",
        Tur => "tr",
        Ara => "ar",
        Heb => "he",
        Hin => "hi",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Ell => "el",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Pes => "fa",
        Vie => "vi",
        Ind => "id",
        Tha => "th",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_others() {
        assert_eq!(
            detect("The prime minister said on Monday that the government would act.").code,
            "en"
        );
        let de = detect(
            "Die Bundesregierung hat am Montag beschlossen, die Steuern für alle Bürger zu senken, \
             wie der Sprecher in Berlin mitteilte.",
        );
        assert_eq!(de.code, "de");
        assert!(!de.supported);
        assert!(!detect("12345 !!! ---").supported);
        let spanish = detect(
            "El gobierno de España anunció el lunes que la huelga de los trabajadores del puerto \
             de Valencia se mantendrá hasta que la empresa presente una oferta para todos.",
        );
        assert_eq!(spanish.code, "es");
        // A results table is names and numbers, not prose in another language.
        let table = detect(
            "Hajduk 2 Proleter ( Z ) 0\nZemun 1 Rad ( B ) 0\nBorac 1 Mladost ( L ) 2\n\
             Cukaricki 1 Vojvodina 0\nBuducnost 1 Red Star 3\nPartizan 6 Becej 0\n\
             Red Star 4 4 0 0 9 3 12\nPartizan 4 3 1 0 13 3 10\nMladost ( L ) 4 2 1 1 8 5 7",
        );
        assert!(table.supported, "{table:?}");
    }
}
