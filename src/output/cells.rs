//! Cells that are safe to open in a spreadsheet.
//!
//! A spreadsheet treats a cell that begins with `=`, `+`, `-` or `@` as a formula, and a
//! leading tab or carriage return can smuggle one in; an article is outside data, so such a
//! cell is prefixed with an apostrophe (the OWASP advice on CSV injection). Spreadsheets show the
//! text without the apostrophe. `--no-formula-guard` turns this off for loading into databases.

use std::borrow::Cow;

/// Returns `text` with an apostrophe in front if a spreadsheet could read it as a formula.
pub fn guard(text: &str) -> Cow<'_, str> {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guards_formula_starts_only() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("+1"), "'+1");
        assert_eq!(guard("-2"), "'-2");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("\tx"), "'\tx");
        assert_eq!(guard("\rx"), "'\rx");
        assert_eq!(guard("Khan said"), "Khan said");
        assert_eq!(guard(""), "");
        assert_eq!(guard("a=b"), "a=b");
    }
}
