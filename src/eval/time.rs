//! Scorer for the time stage: TempEval-3 extent F1 (strict and relaxed) and value F1, with the
//! semantics of `score.py time`.
//!
//! Each document is analysed with its creation time (`dct.value`) as the published date;
//! CREATION_TIME timexes are not counted as gold. A prediction is a strict hit when its span
//! equals a gold span, a relaxed hit when it overlaps a gold span not matched yet (gold in file
//! order, the first one wins), and a value hit when it is a relaxed hit with the same value.

use super::{EvalError, EvalReport, prf, read_jsonl};
use crate::article::Article;
use crate::corpus::metadata::parse_date;
use rayon::prelude::*;
use serde_json::{Value, json};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// Counts of one scored file (or their sum).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeCounts {
    /// Gold timexes (without the document creation time).
    pub gold: usize,
    /// Predicted timexes.
    pub pred: usize,
    /// Predictions whose span equals a gold span.
    pub strict: usize,
    /// Predictions that overlap a gold timex not matched yet.
    pub relaxed: usize,
    /// Relaxed hits with the gold value.
    pub value: usize,
}

impl TimeCounts {
    fn add(&mut self, o: &TimeCounts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.value += o.value;
    }

    fn json(&self) -> Value {
        let f = |n| round2(prf(n, self.pred, n, self.gold).2);
        json!({
            "strict_f1": f(self.strict),
            "relaxed_f1": f(self.relaxed),
            "value_f1": f(self.value),
            "strict_p": round2(prf(self.strict, self.pred, self.strict, self.gold).0),
            "strict_r": round2(prf(self.strict, self.pred, self.strict, self.gold).1),
            "relaxed_p": round2(prf(self.relaxed, self.pred, self.relaxed, self.gold).0),
            "relaxed_r": round2(prf(self.relaxed, self.pred, self.relaxed, self.gold).1),
            "value_acc_on_matched": if self.relaxed > 0 { round2(100.0 * self.value as f64 / self.relaxed as f64) } else { 0.0 },
            "gold": self.gold,
            "pred": self.pred,
        })
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Scores against a TempEval-3 JSON Lines file; a folder scores each `.jsonl` in it and all of
/// them together.
pub fn tempeval(gold: &Path) -> Result<EvalReport, EvalError> {
    let files: Vec<PathBuf> = if gold.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(gold)
            .map_err(|source| EvalError::Read {
                path: gold.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        v.sort();
        v
    } else {
        vec![gold.to_path_buf()]
    };
    let mut text = String::from(
        "file                      gold  pred  strict-F1 relaxed-F1 value-F1 value-acc\n",
    );
    let mut per_file = serde_json::Map::new();
    let mut total = TimeCounts::default();
    for f in &files {
        let c = score_file(f)?;
        total.add(&c);
        let name = f.file_name().map_or_else(
            || f.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        push_line(&mut text, &name, &c);
        per_file.insert(name, c.json());
    }
    if files.len() > 1 {
        push_line(&mut text, "combined", &total);
    }
    let mut j = total.json();
    if let Value::Object(o) = &mut j {
        o.insert("task".into(), json!("time"));
        o.insert(
            "f1".into(),
            o.get("value_f1").cloned().unwrap_or(json!(0.0)),
        );
        if files.len() > 1 {
            o.insert("files".into(), Value::Object(per_file));
        }
    }
    Ok(EvalReport { text, json: j })
}

fn push_line(text: &mut String, name: &str, c: &TimeCounts) {
    let f = |n| prf(n, c.pred, n, c.gold).2;
    let acc = if c.relaxed > 0 {
        100.0 * c.value as f64 / c.relaxed as f64
    } else {
        0.0
    };
    let _ = writeln!(
        text,
        "{name:<24} {:>5} {:>5} {:>10.2} {:>10.2} {:>8.2} {:>9.2}",
        c.gold,
        c.pred,
        f(c.strict),
        f(c.relaxed),
        f(c.value),
        acc
    );
}

/// Scores one TempEval-3 JSON Lines file.
pub fn score_file(path: &Path) -> Result<TimeCounts, EvalError> {
    let docs = read_jsonl(path)?;
    let counts: Vec<TimeCounts> = docs.par_iter().map(score_doc).collect();
    let mut total = TimeCounts::default();
    for c in &counts {
        total.add(c);
    }
    Ok(total)
}

fn score_doc(d: &Value) -> TimeCounts {
    let text = d.get("text").and_then(Value::as_str).unwrap_or("");
    let dct = match d.get("dct") {
        Some(Value::Object(o)) => o.get("value").and_then(Value::as_str),
        Some(Value::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let article = Article {
        id: "gold".into(),
        body: text.to_string(),
        published: dct.map(str::to_string),
        reference_date: dct.and_then(parse_date),
        ..Article::default()
    };
    let x = crate::analyse(&article);
    let gold: Vec<(usize, usize, String)> = d
        .get("timex3")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter(|t| {
                    t.get("functionInDocument").and_then(Value::as_str) != Some("CREATION_TIME")
                })
                .filter_map(|t| {
                    let s = t.get("start")?.as_u64()? as usize;
                    let e = t.get("end")?.as_u64()? as usize;
                    let v = match t.get("value") {
                        Some(Value::String(s)) => s.trim().to_string(),
                        Some(other) => other.to_string(),
                        None => String::new(),
                    };
                    Some((s, e, v))
                })
                .collect()
        })
        .unwrap_or_default();
    let mut c = TimeCounts {
        gold: gold.len(),
        pred: x.times.len(),
        ..TimeCounts::default()
    };
    let mut used = vec![false; gold.len()];
    for t in &x.times {
        let (s, e) = (t.span.start, t.span.end);
        if gold.iter().any(|g| g.0 == s && g.1 == e) {
            c.strict += 1;
        }
        for (gi, g) in gold.iter().enumerate() {
            if !used[gi] && s.max(g.0) < e.min(g.1) {
                used[gi] = true;
                c.relaxed += 1;
                if t.value.trim() == g.2 {
                    c.value += 1;
                }
                break;
            }
        }
    }
    c
}
