//! Scorer for the events stage, with the semantics of `score.py events`.
//!
//! MEANTIME: each document is analysed with its creation time (`dct`) as the published date. A
//! predicted event matches a gold event mention when its trigger span overlaps it. Trigger
//! precision is the share of predicted events that match some mention; dated recall is the share
//! of gold mentions linked to a dated time expression (a value starting with a year) that some
//! prediction matches; date accuracy is the share of those whose matching predictions include
//! one with a linked value; participant accuracy is, over matched mentions with an Arg0/Arg1
//! participant of an entity type, the share where a predicted participant shares a content word
//! with one of them.
//!
//! ECB+ has no dates: its score is trigger recall against the mentions of category `event`
//! (over all of them, and over the annotated sentences), and precision within the annotated
//! sentences (mentions elsewhere may be unannotated).

use super::{EvalError, EvalReport, prf, read_jsonl};
use crate::article::Article;
use crate::corpus::metadata::parse_date;
use crate::extraction::{Event, Extraction};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::path::Path;

const STOP: &[&str] = &[
    "the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "s", "'s", "said", "says", "he", "she",
    "they", "it", "we", "i", "you", "his", "her", "their", "its", "him", "them",
];

/// The content words of `s` as `score.py` counts them.
fn words(s: &str) -> HashSet<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| w.len() > 1 && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

fn analyse(text: &str, dct: Option<&str>) -> Extraction {
    let article = Article {
        id: "gold".into(),
        body: text.to_string(),
        published: dct.map(str::to_string),
        reference_date: dct.and_then(parse_date),
        ..Article::default()
    };
    crate::analyse(&article)
}

fn overlaps(a0: usize, a1: usize, b0: usize, b1: usize) -> bool {
    a0.max(b0) < a1.min(b1)
}

fn span_of(v: &Value) -> Option<(usize, usize)> {
    Some((
        v.get("start")?.as_u64()? as usize,
        v.get("end")?.as_u64()? as usize,
    ))
}

/// The counts of `score.py events` for one document or their sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventCounts {
    /// Predicted events.
    pub pred: usize,
    /// Predicted events whose trigger overlaps a gold event mention.
    pub pred_matched: usize,
    /// Gold mentions linked to a dated time expression.
    pub dated_gold: usize,
    /// Of those, the ones some prediction overlaps.
    pub dated_found: usize,
    /// Of those, the ones with a prediction dated as the gold link.
    pub date_ok: usize,
    /// Matched gold mentions with an Arg0/Arg1 entity participant.
    pub part_n: usize,
    /// Of those, the ones where a predicted participant shares a word with one.
    pub part_ok: usize,
    /// Predicted events in the sentences MEANTIME annotates in full (headline and the first
    /// five sentences of the body: lines 0 to 5 of the gold text).
    pub pred_annotated: usize,
    /// Of those, the ones that match a gold mention.
    pub pred_annotated_matched: usize,
    /// Found dated mentions whose link goes to a time written in the text (not the creation
    /// time alone).
    pub stated_found: usize,
    /// Of those, the ones dated right.
    pub stated_ok: usize,
}

impl EventCounts {
    fn add(&mut self, o: &EventCounts) {
        self.pred += o.pred;
        self.pred_matched += o.pred_matched;
        self.dated_gold += o.dated_gold;
        self.dated_found += o.dated_found;
        self.date_ok += o.date_ok;
        self.part_n += o.part_n;
        self.part_ok += o.part_ok;
        self.pred_annotated += o.pred_annotated;
        self.pred_annotated_matched += o.pred_annotated_matched;
        self.stated_found += o.stated_found;
        self.stated_ok += o.stated_ok;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        (10000.0 * a as f64 / b as f64).round() / 100.0
    }
}

/// Scores one MEANTIME document.
fn meantime_doc(d: &Value) -> EventCounts {
    let text = d.get("text").and_then(Value::as_str).unwrap_or("");
    let dct = d.get("dct").and_then(Value::as_str);
    let x = analyse(text, dct);
    let pred: Vec<&Event> = x.events.iter().collect();
    let gold: Vec<&Value> = d
        .get("event_mentions")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter(|m| span_of(m).is_some()).collect())
        .unwrap_or_default();
    let mut c = EventCounts {
        pred: pred.len(),
        ..EventCounts::default()
    };
    let line_of = |offset: usize| text.chars().take(offset).filter(|&ch| ch == '\n').count();
    for e in &pred {
        let (s, t) = (e.trigger_span.start, e.trigger_span.end);
        let matched = gold
            .iter()
            .filter_map(|m| span_of(m))
            .any(|(a, b)| overlaps(s, t, a, b));
        c.pred_matched += usize::from(matched);
        if line_of(s) <= 5 {
            c.pred_annotated += 1;
            c.pred_annotated_matched += usize::from(matched);
        }
    }
    for m in gold {
        let Some((a, b)) = span_of(m) else { continue };
        let vals: Vec<String> = m
            .get("tlinks")
            .and_then(Value::as_array)
            .map(|tl| {
                tl.iter()
                    .filter_map(|t| match t.get("timex_value") {
                        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
                        Some(Value::Number(n)) => Some(n.to_string()),
                        _ => None,
                    })
                    .filter(|v| v.len() >= 4 && v.as_bytes()[..4].iter().all(u8::is_ascii_digit))
                    .collect()
            })
            .unwrap_or_default();
        let hit: Vec<&&Event> = pred
            .iter()
            .filter(|e| overlaps(e.trigger_span.start, e.trigger_span.end, a, b))
            .collect();
        if !vals.is_empty() {
            c.dated_gold += 1;
            if !hit.is_empty() {
                c.dated_found += 1;
                let ok = hit.iter().any(|h| vals.contains(&h.date));
                c.date_ok += usize::from(ok);
                if vals.iter().any(|v| Some(v.as_str()) != dct) {
                    c.stated_found += 1;
                    c.stated_ok += usize::from(ok);
                }
            }
        }
        let parts: Vec<&Value> = m
            .get("participants")
            .and_then(Value::as_array)
            .map(|ps| {
                ps.iter()
                    .filter(|p| {
                        matches!(
                            p.get("sem_role").and_then(Value::as_str),
                            Some("Arg0" | "Arg1")
                        ) && p
                            .get("ent_type")
                            .and_then(Value::as_str)
                            .is_some_and(|t| !t.is_empty())
                            && p.get("text")
                                .and_then(Value::as_str)
                                .is_some_and(|t| !words(t).is_empty())
                    })
                    .collect()
            })
            .unwrap_or_default();
        if !hit.is_empty() && !parts.is_empty() {
            c.part_n += 1;
            let predicted: HashSet<String> = hit
                .iter()
                .flat_map(|h| words(&h.participants.join("; ")))
                .collect();
            if parts.iter().any(|p| {
                words(p.get("text").and_then(Value::as_str).unwrap_or(""))
                    .iter()
                    .any(|w| predicted.contains(w))
            }) {
                c.part_ok += 1;
            }
        }
    }
    c
}

/// Scores against a MEANTIME JSON Lines file.
pub fn meantime(gold: &Path) -> Result<EvalReport, EvalError> {
    let docs = read_jsonl(gold)?;
    let counts: Vec<EventCounts> = docs.par_iter().map(meantime_doc).collect();
    let mut c = EventCounts::default();
    for x in &counts {
        c.add(x);
    }
    let precision = pct(c.pred_matched, c.pred);
    let dated_recall = pct(c.dated_found, c.dated_gold);
    let date_acc = pct(c.date_ok, c.dated_found);
    let part_acc = pct(c.part_ok, c.part_n);
    let f1 = prf(c.pred_matched, c.pred, c.dated_found, c.dated_gold).2;
    let text = format!(
        "MEANTIME events ({} documents)\n\
         trigger precision     {precision:>6.2}  ({} of {} predicted events)\n\
         dated recall          {dated_recall:>6.2}  ({} of {} dated gold mentions)\n\
         date accuracy         {date_acc:>6.2}  (on the {} found)\n\
         participant accuracy  {part_acc:>6.2}  ({} of {})\n\
         F1 (precision, dated recall) {f1:.2}\n\
         diagnostics (not in score.py):\n\
         trigger precision in the fully annotated sentences (headline, first five) {:.2}  ({} of {})\n\
         date accuracy where the gold date is written in the text (not the creation time alone) {:.2}  ({} of {})\n",
        docs.len(),
        c.pred_matched,
        c.pred,
        c.dated_found,
        c.dated_gold,
        c.dated_found,
        c.part_ok,
        c.part_n,
        pct(c.pred_annotated_matched, c.pred_annotated),
        c.pred_annotated_matched,
        c.pred_annotated,
        pct(c.stated_ok, c.stated_found),
        c.stated_ok,
        c.stated_found,
    );
    let json = json!({
        "task": "events",
        "trigger_precision": precision,
        "pred": c.pred,
        "dated_recall": dated_recall,
        "dated_gold": c.dated_gold,
        "date_acc_on_found": date_acc,
        "participant_acc": part_acc,
        "participant_n": c.part_n,
        "trigger_precision_annotated_sentences": pct(c.pred_annotated_matched, c.pred_annotated),
        "date_acc_on_stated_dates": pct(c.stated_ok, c.stated_found),
        "f1": (f1 * 100.0).round() / 100.0,
    });
    Ok(EvalReport { text, json })
}

/// ECB+ counts of one document: (predicted, predicted in annotated sentences, of those matched,
/// gold, gold found, gold in annotated sentences, of those found).
fn ecb_doc(d: &Value) -> [usize; 7] {
    let text = d.get("text").and_then(Value::as_str).unwrap_or("");
    let x = analyse(text, None);
    let gold: Vec<(usize, usize, bool)> = d
        .get("mentions")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter(|m| m.get("category").and_then(Value::as_str) == Some("event"))
                .filter_map(|m| {
                    let (s, e) = span_of(m)?;
                    let selected = m
                        .get("in_selected_sentence")
                        .and_then(Value::as_bool)
                        .unwrap_or(true);
                    Some((s, e, selected))
                })
                .collect()
        })
        .unwrap_or_default();
    // the annotated sentences, as character ranges of the gold text (one sentence a line)
    let selected: HashSet<usize> = d
        .get("selected_sentences")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_u64().map(|n| n as usize))
                .collect()
        })
        .unwrap_or_default();
    let mut line_of = Vec::new();
    let mut line = 0usize;
    for ch in text.chars() {
        line_of.push(line);
        if ch == '\n' {
            line += 1;
        }
    }
    let in_selected = |start: usize| {
        selected.is_empty() || line_of.get(start).is_some_and(|l| selected.contains(l))
    };
    let mut c = [0usize; 7];
    c[0] = x.events.len();
    for e in &x.events {
        let (s, t) = (e.trigger_span.start, e.trigger_span.end);
        if in_selected(s) {
            c[1] += 1;
            if gold.iter().any(|g| overlaps(s, t, g.0, g.1)) {
                c[2] += 1;
            }
        }
    }
    for g in &gold {
        let found = x
            .events
            .iter()
            .any(|e| overlaps(e.trigger_span.start, e.trigger_span.end, g.0, g.1));
        c[3] += 1;
        c[4] += usize::from(found);
        if g.2 {
            c[5] += 1;
            c[6] += usize::from(found);
        }
    }
    c
}

/// Scores against an ECB+ JSON Lines file.
pub fn ecbplus(gold: &Path) -> Result<EvalReport, EvalError> {
    let docs = read_jsonl(gold)?;
    let counts: Vec<[usize; 7]> = docs.par_iter().map(ecb_doc).collect();
    let mut c = [0usize; 7];
    for x in &counts {
        for k in 0..7 {
            c[k] += x[k];
        }
    }
    let recall = pct(c[4], c[3]);
    let recall_sel = pct(c[6], c[5]);
    let precision_sel = pct(c[2], c[1]);
    let text = format!(
        "ECB+ events ({} documents)\n\
         trigger recall                    {recall:>6.2}  ({} of {} event mentions)\n\
         trigger recall, annotated sents   {recall_sel:>6.2}  ({} of {})\n\
         trigger precision, annotated sents {precision_sel:>5.2}  ({} of {} predicted there; {} in all)\n",
        docs.len(),
        c[4],
        c[3],
        c[6],
        c[5],
        c[2],
        c[1],
        c[0]
    );
    let json = json!({
        "task": "events-ecbplus",
        "trigger_recall": recall,
        "trigger_recall_selected": recall_sel,
        "trigger_precision_selected": precision_sel,
        "gold": c[3],
        "pred": c[0],
    });
    Ok(EvalReport { text, json })
}
