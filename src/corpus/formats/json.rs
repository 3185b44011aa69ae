//! JSON and JSON Lines as news scrapers write them (news-please, newspaper, trafilatura,
//! NewsAPI dumps): one object, an array of objects, an object holding such an array, or one
//! object per line.
//!
//! The body comes from `text`, `maintext`, `body`, `content` (or `article`, `full_text`), the
//! date from `published`, `date_publish`, `date`, `publication_date` (or `publishedAt`,
//! `datePublished`, `pubDate`), and `title`, `url`, `authors` (or `author`) and `id` are kept.

use super::Parsed;
use super::text::split_authors;
use crate::corpus::{InputError, Stage};
use serde_json::{Map, Value};

const BODY_KEYS: &[&str] = &[
    "text",
    "maintext",
    "body",
    "content",
    "article",
    "full_text",
];
const DATE_KEYS: &[&str] = &[
    "published",
    "date_publish",
    "date",
    "publication_date",
    "publishedAt",
    "published_at",
    "datePublished",
    "pubDate",
    "dct",
];
const LIST_KEYS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "documents",
    "records",
    "entries",
    "docs",
];

/// A record's parsed fields and its 1-based record number (none for a single-object file).
pub type Record = (Parsed, Option<usize>);

/// Parses a `.json` file: one article object, or an array of them.
pub fn parse_json(text: &str, path: &str) -> Vec<Result<Record, InputError>> {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // Some scrapers write JSON Lines into .json files.
            if text.lines().filter(|l| !l.trim().is_empty()).count() > 1
                && text
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|l| serde_json::from_str::<Value>(l).is_ok())
            {
                return parse_json_lines(text, path);
            }
            return vec![Err(InputError::failed(
                path,
                Stage::Parse,
                "malformed-json",
                format!(
                    "line {}, column {}: {}",
                    e.line(),
                    e.column(),
                    json_reason(&e)
                ),
            ))];
        }
    };
    match value {
        Value::Array(items) => records(items, path),
        Value::Object(map) => {
            if find_body(&map).is_none()
                && let Some(items) = LIST_KEYS.iter().find_map(|k| match map.get(*k) {
                    Some(Value::Array(a)) if a.iter().any(|v| v.is_object()) => Some(a.clone()),
                    _ => None,
                })
            {
                return records(items, path);
            }
            vec![record(&map, path, None).map(|p| (p, None))]
        }
        _ => vec![Err(InputError::failed(
            path,
            Stage::Parse,
            "malformed-record",
            "the file holds neither an article object nor an array of articles",
        ))],
    }
}

fn records(items: Vec<Value>, path: &str) -> Vec<Result<Record, InputError>> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let n = i + 1;
            match item {
                Value::Object(map) => record(&map, path, Some(n))
                    .map(|p| (p, Some(n)))
                    .map_err(|e| e.with_record(n)),
                other => Err(InputError::failed(
                    path,
                    Stage::Parse,
                    "malformed-record",
                    format!("record {n} is {}, not an object", kind_of(&other)),
                )
                .with_record(n)),
            }
        })
        .collect()
}

/// Parses a `.jsonl` file: one article object per non-blank line.
pub fn parse_json_lines(text: &str, path: &str) -> Vec<Result<Record, InputError>> {
    let mut out = Vec::new();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let result = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(map)) => record(&map, path, Some(n)),
            Ok(other) => Err(InputError::failed(
                path,
                Stage::Parse,
                "malformed-record",
                format!("line {line_no}: {}, not an object", kind_of(&other)),
            )),
            Err(e) => Err(InputError::failed(
                path,
                Stage::Parse,
                "malformed-json",
                format!("line {line_no}, column {}: {}", e.column(), json_reason(&e)),
            )),
        };
        out.push(result.map(|p| (p, Some(n))).map_err(|e| e.with_record(n)));
    }
    out
}

/// serde_json's message without its own " at line L column C" (we give the file's line).
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn find_body(map: &Map<String, Value>) -> Option<String> {
    BODY_KEYS.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) => Some(s.clone()),
        // paragraphs as a list of strings
        Some(Value::Array(parts)) if !parts.is_empty() && parts.iter().all(Value::is_string) => {
            Some(
                parts
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            )
        }
        _ => None,
    })
}

fn string_field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        // {"value": "..."} as in TimeML-style dumps
        Some(Value::Object(o)) => o
            .get("value")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    })
}

fn authors(map: &Map<String, Value>) -> Vec<String> {
    let value = map.get("authors").or_else(|| map.get("author"));
    match value {
        Some(Value::String(s)) => split_authors(s),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
                _ => None,
            })
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::Object(o)) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

fn record(map: &Map<String, Value>, path: &str, n: Option<usize>) -> Result<Parsed, InputError> {
    let Some(body) = find_body(map) else {
        let what = match n {
            Some(n) => format!("record {n} has no text"),
            None => "the object has no text".to_string(),
        };
        return Err(InputError::failed(
            path,
            Stage::Parse,
            "no-text",
            format!("{what} (expected a text, maintext, body or content field)"),
        ));
    };
    Ok(Parsed {
        source_id: string_field(map, &["id", "doc_id", "_id", "uuid"]),
        title: string_field(map, &["title", "headline"]),
        published: string_field(map, DATE_KEYS),
        url: string_field(map, &["url", "link", "source_url"]),
        authors: authors(map),
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_object_and_arrays() {
        let r = parse_json(
            r#"{"title":"T","maintext":"Body.","date_publish":"2020-01-02 10:00:00","authors":["A B"]}"#,
            "f.json",
        );
        assert_eq!(r.len(), 1);
        let (p, n) = r[0].as_ref().unwrap();
        assert_eq!(n, &None);
        assert_eq!(p.body, "Body.");
        assert_eq!(p.published.as_deref(), Some("2020-01-02 10:00:00"));
        assert_eq!(p.authors, vec!["A B"]);
        let r = parse_json(r#"[{"text":"a"}, 5, {"nobody":1}]"#, "f.json");
        assert!(r[0].is_ok());
        assert_eq!(r[1].as_ref().unwrap_err().kind, "malformed-record");
        assert_eq!(r[2].as_ref().unwrap_err().kind, "no-text");
        assert_eq!(r[2].as_ref().unwrap_err().record, Some(3));
        let r = parse_json(
            r#"{"status":"ok","articles":[{"content":"x","publishedAt":"2021-05-05"}]}"#,
            "f.json",
        );
        assert_eq!(r[0].as_ref().unwrap().1, Some(1));
    }

    #[test]
    fn jsonl_bad_line_fails_alone() {
        let text = "{\"id\":\"a\",\"text\":\"one\"}\n\n{broken\n{\"id\":7,\"text\":\"three\"}\n";
        let r = parse_json_lines(text, "f.jsonl");
        assert_eq!(r.len(), 3);
        let e = r[1].as_ref().unwrap_err();
        assert_eq!(e.record, Some(2));
        assert!(e.message.starts_with("line 3"), "{}", e.message);
        let (p, n) = r[2].as_ref().unwrap();
        assert_eq!((p.source_id.as_deref(), *n), (Some("7"), Some(3)));
    }

    #[test]
    fn malformed_file() {
        let r = parse_json("{\"text\": ", "f.json");
        assert_eq!(r[0].as_ref().unwrap_err().kind, "malformed-json");
    }
}
