//! File formats: from decoded text to articles with their metadata.
//!
//! Plain text and Markdown ([`text`]), JSON and JSON Lines as news scrapers write them
//! ([`json`]), and HTML pages ([`html`]). A format yields one article per file, or one per
//! record for files that hold many; a bad record fails alone and the others go on.

pub mod html;
pub mod json;
pub mod text;

use super::InputError;
use super::discover::InputFile;
use super::metadata::parse_date;
use crate::article::Article;
use chrono::NaiveDate;

/// The formats newsmine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown, with optional front matter.
    Text,
    /// One JSON object, or an array of objects.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format of a file with extension `ext` (already stripped of `.gz` / `.zst`).
    pub fn for_extension(ext: &str) -> Format {
        match ext {
            "json" => Format::Json,
            "jsonl" | "ndjson" | "jsonlines" => Format::JsonLines,
            "html" | "htm" | "xhtml" | "shtml" => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Metadata and body of one article, before ids are given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The record's own id.
    pub source_id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date or time as written.
    pub published: Option<String>,
    /// Web address.
    pub url: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// The body text.
    pub body: String,
}

/// Turns the decoded text of `file` into articles (or the errors of the records that failed).
///
/// `reference_date` is the run's fallback date for articles that carry none.
pub fn parse(
    file: &InputFile,
    format: Format,
    text: &str,
    reference_date: Option<NaiveDate>,
) -> Vec<Result<Article, InputError>> {
    let path = file.display_path.as_str();
    let build = |parsed: Parsed, record: Option<usize>| -> Article {
        let id = match record {
            Some(n) => format!("{}#{}", file.id, n),
            None => file.id.clone(),
        };
        let own_date = parsed.published.as_deref().and_then(parse_date);
        Article {
            id,
            source_id: parsed.source_id,
            path: path.to_string(),
            record,
            title: parsed.title,
            published: parsed.published,
            url: parsed.url,
            authors: parsed.authors,
            body: parsed.body,
            reference_date: own_date.or(reference_date),
        }
    };
    match format {
        Format::Text => vec![Ok(build(text::parse(text), None))],
        Format::Html => vec![html::parse(text, path).map(|p| build(p, None))],
        Format::Json | Format::JsonLines => {
            let records = if format == Format::Json {
                json::parse_json(text, path)
            } else {
                json::parse_json_lines(text, path)
            };
            records
                .into_iter()
                .map(|r| r.map(|(parsed, record)| build(parsed, record)))
                .collect()
        }
    }
}
