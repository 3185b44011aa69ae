//! Plain text and Markdown, with optional front matter.
//!
//! Front matter is a block of `Key: value` lines at the very top, either fenced by `---` lines
//! or bare and followed by a blank line; known keys are Title, Date (or Published), Author (or
//! Authors, By), URL (or Link) and Id. The body is everything after the block, unchanged. Without
//! a Title key, the title is a Markdown `# heading` on the first line, or a first line that looks
//! like a headline (at most 300 characters, not ending in a full stop) followed by a blank line.
//! The title line stays in the body: offsets always count into the text as written.

use super::Parsed;

/// Reads front matter and title from `text`; the body is the text after any front matter.
pub fn parse(text: &str) -> Parsed {
    let (mut parsed, body_start) = front_matter(text).unwrap_or_default();
    let body = &text[body_start..];
    if parsed.title.is_none() {
        parsed.title = title_line(body);
    }
    parsed.body = body.to_string();
    parsed
}

/// Splits `text` into lines with the byte offset just past each line's end (newline included).
fn lines_with_ends(text: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |raw| {
        pos += raw.len();
        (raw.trim_end_matches(['\n', '\r']), pos)
    })
}

fn front_matter(text: &str) -> Option<(Parsed, usize)> {
    let mut lines = lines_with_ends(text).peekable();
    let (first, first_end) = *lines.peek()?;
    let mut parsed = Parsed::default();
    let mut any = false;
    if first.trim() == "---" {
        lines.next();
        for (line, end) in lines {
            let t = line.trim();
            if t == "---" || t == "..." {
                return any.then_some((parsed, end));
            }
            if t.is_empty() {
                continue;
            }
            let (key, value) = t.split_once(':')?;
            any |= apply_key(&mut parsed, key, value);
        }
        let _ = first_end;
        None
    } else {
        for (line, end) in lines {
            if line.trim().is_empty() {
                return any.then_some((parsed, end));
            }
            let (key, value) = line.split_once(':')?;
            if !apply_key(&mut parsed, key, value) {
                return None;
            }
            any = true;
        }
        None
    }
}

/// Stores a known key; returns false for keys that are not front matter.
fn apply_key(parsed: &mut Parsed, key: &str, value: &str) -> bool {
    let value = value.trim().trim_matches('"').trim();
    let value_opt = (!value.is_empty()).then(|| value.to_string());
    match key.trim().to_ascii_lowercase().as_str() {
        "title" | "headline" => parsed.title = value_opt,
        "date" | "published" | "publication date" | "pubdate" | "date published"
        | "published_at" | "publication_date" => parsed.published = value_opt,
        "author" | "authors" | "by" | "byline" => {
            parsed.authors = split_authors(value);
        }
        "url" | "link" | "source url" | "canonical" => parsed.url = value_opt,
        "id" => parsed.source_id = value_opt,
        _ => return false,
    }
    true
}

/// Splits an author line (`Jane Doe, John Roe and Ann Poe`) into names.
pub fn split_authors(value: &str) -> Vec<String> {
    let value = value.trim();
    let value = value
        .strip_prefix("By ")
        .or_else(|| value.strip_prefix("by "))
        .unwrap_or(value);
    value
        .split([',', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_matches(['[', ']', '"']).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn title_line(body: &str) -> Option<String> {
    let mut lines = lines_with_ends(body).skip_while(|(l, _)| l.trim().is_empty());
    let (first, _) = lines.next()?;
    let first = first.trim();
    if let Some(heading) = first.strip_prefix("# ") {
        let h = heading.trim().trim_end_matches('#').trim();
        return (!h.is_empty()).then(|| h.to_string());
    }
    let followed_by_blank = lines.next().is_some_and(|(l, _)| l.trim().is_empty());
    let looks_like_headline =
        first.chars().count() <= 300 && !first.ends_with('.') && !first.is_empty();
    (followed_by_blank && looks_like_headline).then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_front_matter() {
        let t =
            "Title: Floods hit town\nDate: 2024-03-01\nAuthor: Ann Poe and Bo Li\n\nBody here.\n";
        let p = parse(t);
        assert_eq!(p.title.as_deref(), Some("Floods hit town"));
        assert_eq!(p.published.as_deref(), Some("2024-03-01"));
        assert_eq!(p.authors, vec!["Ann Poe", "Bo Li"]);
        assert_eq!(p.body, "Body here.\n");
    }

    #[test]
    fn fenced_front_matter_and_markdown() {
        let t = "---\ntitle: \"Vote count\"\nurl: https://x.org/a\n---\n# Heading\n\nText.";
        let p = parse(t);
        assert_eq!(p.title.as_deref(), Some("Vote count"));
        assert_eq!(p.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(p.body, "# Heading\n\nText.");
    }

    #[test]
    fn headline_first_line() {
        let p = parse("Ad sales boost Time Warner profit\n\nQuarterly profits rose.\n");
        assert_eq!(
            p.title.as_deref(),
            Some("Ad sales boost Time Warner profit")
        );
        assert_eq!(
            p.body,
            "Ad sales boost Time Warner profit\n\nQuarterly profits rose.\n"
        );
        // a first paragraph is not a title
        assert_eq!(parse("He said it was fine.\n\nMore.").title, None);
        // ordinary text with a colon is not front matter
        let p = parse("Washington: the vote is on.\n\nMore.");
        assert_eq!(p.body, "Washington: the vote is on.\n\nMore.");
    }
}
