//! Scorers for the entity tagger: CoNLL-2003 column files (conlleval: exact span and type) and
//! MEANTIME (raw text end to end, PER/ORG/LOC, with the overlap rules of
//! `../shared/tools/score.py ner-meantime`).

use super::{EvalError, EvalReport, prf, read_jsonl};
use crate::article::Article;
use crate::extraction::EntityType;
use crate::nlp::ner::{self, conll, labels};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

/// Counts for one type: true positives among predictions and among gold items, and totals.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    tp_pred: usize,
    n_pred: usize,
    tp_gold: usize,
    n_gold: usize,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn report(task: &str, types: &[&str], counts: &BTreeMap<String, Counts>) -> EvalReport {
    let mut text = format!(
        "{task}\n{:<6} {:>7} {:>7} {:>7} {:>6} {:>6}\n",
        "type", "P", "R", "F1", "gold", "pred"
    );
    let mut by_type = serde_json::Map::new();
    let mut overall = 0.0;
    for t in types.iter().copied().chain(["ALL"]) {
        let c = counts.get(t).copied().unwrap_or_default();
        let (p, r, f) = prf(c.tp_pred, c.n_pred, c.tp_gold, c.n_gold);
        text += &format!(
            "{t:<6} {p:>7.2} {r:>7.2} {f:>7.2} {:>6} {:>6}\n",
            c.n_gold, c.n_pred
        );
        by_type.insert(t.to_string(), json!([round2(p), round2(r), round2(f)]));
        if t == "ALL" {
            overall = round2(f);
        }
    }
    EvalReport {
        text,
        json: json!({"task": task, "f1": overall, "prf_by_type": Value::Object(by_type)}),
    }
}

/// Scores the shipped tagger on a pre-tokenised CoNLL file: every name must match a gold name
/// exactly (span and type). Documents are tagged whole (`-DOCSTART-` separates them).
pub fn conll(gold: &Path) -> Result<EvalReport, EvalError> {
    let text = std::fs::read_to_string(gold).map_err(|source| EvalError::Read {
        path: gold.to_path_buf(),
        source,
    })?;
    let docs = conll::parse(&text);
    if ner::shipped_model().is_none() {
        return Err(EvalError::Unsupported(
            "the embedded entity model could not be read".into(),
        ));
    }
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    for doc in &docs {
        let tokens: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let found = ner::tag_document(&tokens);
        for (s, pred) in doc.iter().zip(found) {
            let gold_spans = labels::spans_of_iob(&s.tags);
            for (key, spans, other, is_pred) in [
                ("pred", &pred, &gold_spans, true),
                ("gold", &gold_spans, &pred, false),
            ] {
                let _ = key;
                for span in spans {
                    let hit = other.contains(span);
                    for t in [labels::conll_name(span.1), "ALL"] {
                        let c = counts.entry(t.to_string()).or_default();
                        if is_pred {
                            c.n_pred += 1;
                            c.tp_pred += usize::from(hit);
                        } else {
                            c.n_gold += 1;
                            c.tp_gold += usize::from(hit);
                        }
                    }
                }
            }
        }
    }
    Ok(report("ner-conll", &["PER", "ORG", "LOC", "MISC"], &counts))
}

fn meantime_type(m: &Value) -> Option<&str> {
    m.get("instance")
        .and_then(|i| i.get("ent_type"))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .or_else(|| m.get("ent_type").and_then(Value::as_str))
}

fn short_type(kind: EntityType) -> &'static str {
    labels::conll_name(kind)
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0.max(b.0) < a.1.min(b.1)
}

/// Scores the whole extractor on MEANTIME texts against the PER/ORG/LOC name mentions, as
/// `score.py ner-meantime` does: a predicted PER/ORG/LOC mention is right when it overlaps a
/// gold mention of its type (any syntactic type); recall is over gold names (`NAM`,
/// continuous) overlapped by a prediction of their type. MISC predictions are not counted.
pub fn meantime(gold: &Path) -> Result<EvalReport, EvalError> {
    let docs = read_jsonl(gold)?;
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    for (di, d) in docs.iter().enumerate() {
        let text = d.get("text").and_then(Value::as_str).unwrap_or("");
        let article = Article {
            id: format!("gold.jsonl#{}", di + 1),
            body: text.to_string(),
            published: d.get("dct").and_then(Value::as_str).map(str::to_string),
            ..Article::default()
        };
        let x = crate::analyse(&article);
        let pred: Vec<(usize, usize, &str)> = x
            .mentions
            .iter()
            .map(|m| (m.span.start, m.span.end, short_type(m.kind)))
            .filter(|p| p.2 != "MISC")
            .collect();
        let mut all = Vec::new();
        let mut names = Vec::new();
        let mentions = d
            .get("entity_mentions")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for m in mentions {
            let Some(t) = meantime_type(m).filter(|t| matches!(*t, "PER" | "ORG" | "LOC")) else {
                continue;
            };
            let (Some(s), Some(e)) = (
                m.get("start").and_then(Value::as_u64),
                m.get("end").and_then(Value::as_u64),
            ) else {
                continue;
            };
            let span = (s as usize, e as usize, t);
            all.push(span);
            let nam = m.get("syntactic_type").and_then(Value::as_str) == Some("NAM");
            let discontinuous = m
                .get("discontinuous")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            if nam && !discontinuous && !names.contains(&span) {
                names.push(span);
            }
        }
        let mut distinct_pred = pred.clone();
        distinct_pred.sort_unstable();
        distinct_pred.dedup();
        for t in ["PER", "ORG", "LOC", "ALL"] {
            let c = counts.entry(t.to_string()).or_default();
            for p in distinct_pred.iter().filter(|p| t == "ALL" || p.2 == t) {
                c.n_pred += 1;
                c.tp_pred += usize::from(
                    all.iter()
                        .any(|a| a.2 == p.2 && overlap((p.0, p.1), (a.0, a.1))),
                );
            }
            for g in names.iter().filter(|g| t == "ALL" || g.2 == t) {
                c.n_gold += 1;
                c.tp_gold += usize::from(
                    distinct_pred
                        .iter()
                        .any(|p| p.2 == g.2 && overlap((p.0, p.1), (g.0, g.1))),
                );
            }
        }
    }
    Ok(report("ner-meantime", &["PER", "ORG", "LOC"], &counts))
}
