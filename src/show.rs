//! `newsmine show`: one file's extraction, as text for a person or as JSON.

use crate::article::Article;
use crate::config::{DEFAULT_MAX_DECOMPRESSED_SIZE, DEFAULT_MAX_FILE_SIZE};
use crate::corpus::discover::{InputFile, matching_extension, to_slash};
use crate::corpus::formats::{self, Format};
use crate::corpus::read::read_input;
use crate::corpus::{InputError, Stage, decode};
use crate::extraction::Extraction;
use chrono::NaiveDate;
use std::fmt::Write;
use std::path::Path;

/// Reads `path`, analyses every article in it and renders the result.
pub fn show(
    path: &Path,
    reference_date: Option<NaiveDate>,
    options: &crate::nlp::AnalysisOptions,
    json: bool,
) -> Result<String, InputError> {
    let display = to_slash(path);
    let bytes = read_input(
        path,
        &display,
        DEFAULT_MAX_FILE_SIZE * 50,
        DEFAULT_MAX_DECOMPRESSED_SIZE * 10,
    )?;
    let text = decode::decode(&bytes)
        .map_err(|e| InputError::failed(&display, Stage::Decode, "binary", e.to_string()))?
        .text;
    let all: Vec<String> = [
        "txt", "md", "json", "jsonl", "ndjson", "html", "htm", "xhtml",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let extension = path
        .file_name()
        .and_then(|n| matching_extension(n, &all))
        .unwrap_or_else(|| "txt".to_string());
    let file = InputFile {
        path: path.to_path_buf(),
        display_path: display.clone(),
        id: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| display.clone()),
        extension: extension.clone(),
    };
    let format = Format::for_extension(&extension);
    let mut results = Vec::new();
    for item in formats::parse(&file, format, &text, reference_date) {
        match item {
            Ok(article) => {
                let x = crate::nlp::analyse_with(&article, options);
                results.push(Ok((article, x)));
            }
            Err(e) => results.push(Err(e)),
        }
    }
    Ok(if json {
        render_json(&results)
    } else {
        results
            .iter()
            .map(render_text)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

type Shown = Result<(Article, Extraction), InputError>;

fn render_json(results: &[Shown]) -> String {
    let values: Vec<serde_json::Value> = results
        .iter()
        .map(|r| match r {
            Ok((a, x)) => serde_json::json!({
                "article_id": a.id,
                "title": a.title,
                "published": a.published,
                "reference_date": a.reference_date.map(|d| d.to_string()),
                "extraction": x,
            }),
            Err(e) => serde_json::json!({
                "path": e.path, "record": e.record, "stage": e.stage.as_str(),
                "kind": e.kind, "message": e.message,
            }),
        })
        .collect();
    let value = if values.len() == 1 {
        values.into_iter().next().unwrap_or_default()
    } else {
        serde_json::Value::Array(values)
    };
    format!(
        "{}\n",
        serde_json::to_string_pretty(&value).unwrap_or_default()
    )
}

fn render_text(result: &Shown) -> String {
    let mut s = String::new();
    let (a, x) = match result {
        Ok(pair) => pair,
        Err(e) => return format!("{e}\n"),
    };
    let _ = writeln!(s, "{}", a.id);
    if let Some(t) = &a.title {
        let _ = writeln!(s, "  title:     {t}");
    }
    if let Some(p) = &a.published {
        let _ = writeln!(s, "  published: {p}");
    }
    let _ = writeln!(
        s,
        "  language:  {}   status: {}   {} words, {} sentences",
        x.language,
        x.status.as_str(),
        x.stats.words,
        x.stats.sentences
    );
    let _ = writeln!(s, "\nEntities ({})", x.entities.len());
    for e in &x.entities {
        let forms = if e.surface_forms.len() > 1 {
            format!("  [{}]", e.surface_forms.join(", "))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "  {:<7} {} ×{}{forms}",
            e.kind.as_str(),
            e.canonical,
            e.mention_count
        );
    }
    let _ = writeln!(s, "\nQuotes ({})", x.quotes.len());
    for q in &x.quotes {
        let who = if q.speaker.is_empty() {
            "(unknown)"
        } else {
            &q.speaker
        };
        let cue = if q.cue.is_empty() {
            String::new()
        } else {
            format!(" ({})", q.cue)
        };
        let _ = writeln!(s, "  {who}{cue}, {}: “{}”", q.kind.as_str(), q.text);
    }
    let _ = writeln!(s, "\nTimes ({})", x.times.len());
    for t in &x.times {
        let _ = writeln!(s, "  {:<20} {:<8} {}", t.text, t.kind.as_str(), t.value);
    }
    let _ = writeln!(s, "\nEvents ({})", x.events.len());
    for e in &x.events {
        let mut parts = vec![format!(
            "{} [{}] “{}”",
            e.kind,
            e.status.as_str(),
            e.trigger
        )];
        if !e.date.is_empty() {
            parts.push(format!("when {} ({})", e.date, e.date_text));
        }
        if !e.place.is_empty() {
            parts.push(format!("where {}", e.place));
        }
        if !e.participants.is_empty() {
            parts.push(format!("who {}", e.participants.join(", ")));
        }
        let _ = writeln!(s, "  {}", parts.join("; "));
    }
    s
}
