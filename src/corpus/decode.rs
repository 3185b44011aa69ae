//! Decoding: bytes to text.
//!
//! In order: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; otherwise valid UTF-8 is taken as
//! it is; UTF-16 without a mark is recognised by its zero bytes; anything else is guessed among
//! the legacy single-byte encodings (Windows-1252 and friends, by chardetng). Files with NUL bytes
//! or mostly control characters are binary and fail, rather than become rows of garbage.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The bytes are not text.
    #[error("binary data: {0}")]
    Binary(String),
}

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (without any byte-order mark).
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `windows-1252`, `UTF-16LE`).
    pub encoding: &'static str,
}

/// Decodes `bytes` into text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let (text, _) = encoding.decode_without_bom_handling(body);
        return checked(text.into_owned(), encoding);
    }
    if bytes.contains(&0) {
        if let Some(encoding) = utf16_without_bom(bytes) {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return checked(text.into_owned(), encoding);
        }
        return Err(DecodeError::Binary("contains NUL bytes".into()));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(text.to_string(), UTF_8);
    }
    if mostly_utf8(bytes) {
        // A UTF-8 file with a few broken bytes: keep the good text, mark the rest.
        let text = String::from_utf8_lossy(bytes).into_owned();
        return checked(text, UTF_8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = encoding.decode(bytes);
    checked(text.into_owned(), encoding)
}

/// Rejects text that is not text: NULs or a high share of control characters.
fn checked(text: String, encoding: &'static Encoding) -> Result<Decoded, DecodeError> {
    let (total, control) = control_share(&text)?;
    if total > 0 && control * 10 > total {
        return Err(DecodeError::Binary(format!(
            "{control} of the first {total} characters are control or invalid characters"
        )));
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// The characters looked at (the first [`CHECKED_CHARS`]) and how many of them are control
/// characters other than line breaks, tabs and form feeds, or U+FFFD; an error at a NUL.
/// `(0, 0)`, without counting, when no byte could begin one.
///
/// Reads bytes rather than characters because every file goes through here: a control
/// character is a byte below 0x20, 0x7F, or C2 80–C2 9F (U+0080–U+009F); U+FFFD is EF BF BD.
fn control_share(text: &str) -> Result<(usize, usize), DecodeError> {
    let bytes = text.as_bytes();
    if !has_suspect_byte(&bytes[..bytes.len().min(4 * CHECKED_CHARS)]) {
        return Ok((0, 0));
    }
    let (mut total, mut control) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b & 0xC0 == 0x80 {
            continue; // inside a character
        }
        if total == CHECKED_CHARS {
            break;
        }
        total += 1;
        match b {
            0 => return Err(DecodeError::Binary("contains NUL characters".into())),
            b'\n' | b'\r' | b'\t' | 0x0C => {}
            0x01..=0x1F | 0x7F => control += 1,
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => control += 1,
            0xEF if bytes.get(i + 1..i + 3) == Some(&[0xBF, 0xBD]) => control += 1,
            _ => {}
        }
    }
    Ok((total, control))
}

/// Whether `bytes` holds a byte that may begin a control character, U+FFFD or a NUL: the quick
/// test that lets most texts skip the count (it runs over blocks, without early exits, so the
/// compiler can vectorise it).
fn has_suspect_byte(bytes: &[u8]) -> bool {
    let suspect = |b: u8| {
        (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)) || matches!(b, 0x7F | 0xC2 | 0xEF)
    };
    bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |found, &b| found | suspect(b)))
}

/// How many characters of a text [`checked`] looks at.
const CHECKED_CHARS: usize = 65_536;

/// UTF-16 without a byte-order mark: zero bytes in every other position.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_zero * 10 >= pairs * 7 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 7 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when valid multi-byte UTF-8 sequences outnumber the invalid bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                // SAFETY-free: `good` is valid UTF-8 by construction of valid_up_to.
                valid_multibyte += std::str::from_utf8(good)
                    .map(|s| s.chars().filter(|c| !c.is_ascii()).count())
                    .unwrap_or(0);
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                invalid += skip;
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    valid_multibyte > invalid * 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition [`control_share`] implements on bytes.
    fn control_share_by_chars(text: &str) -> Result<(usize, usize), DecodeError> {
        let (mut total, mut control) = (0, 0);
        for c in text.chars().take(CHECKED_CHARS) {
            total += 1;
            if c == '\0' {
                return Err(DecodeError::Binary("contains NUL characters".into()));
            }
            if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}' {
                control += 1;
            }
        }
        Ok((total, control))
    }

    /// Whether [`control_share`] agrees with the definition (its `(0, 0)` meaning none).
    fn same_share(text: &str) -> bool {
        match (control_share(text), control_share_by_chars(text)) {
            (Ok((0, 0)), Ok((_, 0))) => true,
            (fast, slow) => fast == slow,
        }
    }

    proptest! {
        #[test]
        fn control_share_counts_characters(text in "[\\x00-\\x{A0}\\x{FFFD}\\x{FFFE}a-zé😀]{0,200}") {
            prop_assert!(same_share(&text));
        }
    }

    #[test]
    fn control_share_stops_at_the_limit() {
        let text = format!("{}{}", "é".repeat(CHECKED_CHARS), "\u{1}".repeat(10));
        assert_eq!(control_share(&text), Ok((CHECKED_CHARS, 0)));
        assert!(same_share(&text));
        let text = format!("{}{}", "\u{85}".repeat(CHECKED_CHARS), "\u{1}".repeat(10));
        assert_eq!(control_share(&text), Ok((CHECKED_CHARS, CHECKED_CHARS)));
        let text = format!("{}{}", "£".repeat(CHECKED_CHARS), "\u{1}".repeat(10));
        assert_eq!(control_share(&text), Ok((CHECKED_CHARS, 0)));
        assert!(same_share("plain text\n") && same_share("a\u{1}b") && same_share("x\u{FFFD}"));
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("café".as_bytes()).unwrap().text, "café");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("café".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, "café");
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom_and_without() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Hé said".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Hé said");
        let mut be = vec![0xFE, 0xFF];
        for u in "Hé said".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Hé said");
        let bare: Vec<u8> = "Plain words here"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&bare).unwrap().text, "Plain words here");
    }

    #[test]
    fn windows_1252() {
        // “Café” in Windows-1252 with curly quotes
        let b = b"\x93Caf\xe9 society\x94 said the mayor of the town on Monday.";
        let d = decode(b).unwrap();
        assert_eq!(
            d.text,
            "“Café society” said the mayor of the town on Monday."
        );
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn binary_fails() {
        assert!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00").is_err());
        let noise: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(decode(&noise).is_err());
        assert!(decode(b"\x01\x02\x03\x04\x05\x06abc").is_err());
    }

    #[test]
    fn mostly_utf8_keeps_text() {
        let mut b = "Zürich und Genève — naïve café".as_bytes().to_vec();
        b.push(0xFF);
        let d = decode(&b).unwrap();
        assert!(d.text.starts_with("Zürich"));
    }
}
