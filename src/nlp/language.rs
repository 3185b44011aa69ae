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
                || (info.script() == whatlang::Script::Latin && !info.is_reliable());
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
    }
}
