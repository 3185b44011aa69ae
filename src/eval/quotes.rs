//! Scorer for the quotes stage against PolNeAR attributions, with exactly the semantics of
//! `score.py quotes`, plus cue accuracy.
//!
//! Each article is analysed with its publication date as reference date. A predicted quote
//! matches the gold attribution it overlaps most when the overlap covers at least half of the
//! gold content and half of the prediction; each gold attribution is matched at most once, in
//! the order of the predictions. Figures are given for all attributions and for those whose
//! content carries quotation marks ("direct"): there, a prediction counts when its text carries
//! a quotation mark within two characters (`"` `“` `”` `«` `»`) or its kind is `direct`.
//! Speaker accuracy is over matched attributions whose source has a content word: the
//! predicted speaker span overlaps a source span, or the speaker's name shares a word with it.
//! Cue accuracy is over matched attributions with a gold cue: the predicted cue span overlaps it.
//! A third line, not in `score.py`, also counts as quoted the gold contents written with the PTB
//! marks `''` of the NYT texts, which the corpus flag `content_has_quotation_marks` leaves out.
//! A fourth, also not in `score.py`, counts a prediction as quoted by the same test as the
//! corpus flag (a mark `"` `“` `”` `«` `»` within two characters), without the `direct` kind:
//! the two sides then agree on what "with quotation marks" means, so a correct quote in `''`
//! marks, or a transcript line whose mark opens the paragraph, is neither gold nor prediction.

use super::{EvalError, EvalReport, prf, read_jsonl};
use crate::article::Article;
use crate::corpus::metadata::parse_date;
use crate::extraction::{Quote, QuoteKind};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;

/// A character span of the gold data.
#[derive(Debug, Clone)]
struct GoldSpan {
    start: usize,
    end: usize,
    text: String,
}

/// One gold attribution with content.
#[derive(Debug, Clone)]
struct Attribution {
    content: Vec<GoldSpan>,
    source: Vec<GoldSpan>,
    cue: Vec<GoldSpan>,
    speaker_name: String,
    quoted: bool,
    /// `quoted`, or the content holds the PTB marks `''` / ``` `` ``` (NYT texts), which the
    /// corpus's own flag does not count.
    quoted_ptb: bool,
}

/// One gold article.
#[derive(Debug, Clone)]
struct GoldDoc {
    id: String,
    text: String,
    date: Option<String>,
    attributions: Vec<Attribution>,
}

/// Counts for one of the two selections (all, direct).
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    tp: usize,
    n_pred: usize,
    n_gold: usize,
    speaker_ok: usize,
    speaker_n: usize,
    cue_ok: usize,
    cue_n: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.n_pred += o.n_pred;
        self.n_gold += o.n_gold;
        self.speaker_ok += o.speaker_ok;
        self.speaker_n += o.speaker_n;
        self.cue_ok += o.cue_ok;
        self.cue_n += o.cue_n;
    }
}

/// Scores against the PolNeAR gold file at `gold`.
pub fn polnear(gold: &Path) -> Result<EvalReport, EvalError> {
    let docs = read_jsonl(gold)?
        .iter()
        .enumerate()
        .map(|(i, v)| {
            parse_doc(v).map_err(|message| EvalError::Format {
                path: gold.to_path_buf(),
                line: i + 1,
                message,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let per_doc: Vec<[Counts; 4]> = docs
        .par_iter()
        .map(|d| {
            let quotes = predict(d);
            score_doc(d, &quotes)
        })
        .collect();
    let mut all = Counts::default();
    let mut direct = Counts::default();
    let mut direct_ptb = Counts::default();
    let mut direct_marks = Counts::default();
    for [a, d, p, m] in &per_doc {
        all.add(a);
        direct.add(d);
        direct_ptb.add(p);
        direct_marks.add(m);
    }
    Ok(report(
        docs.len(),
        &all,
        &direct,
        &direct_ptb,
        &direct_marks,
    ))
}

fn parse_doc(v: &Value) -> Result<GoldDoc, String> {
    let text = v["text"].as_str().ok_or("no text field")?.to_string();
    let spans = |x: &Value| -> Vec<GoldSpan> {
        x.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| {
                        Some(GoldSpan {
                            start: s["start"].as_u64()? as usize,
                            end: s["end"].as_u64()? as usize,
                            text: s["text"].as_str().unwrap_or_default().to_string(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let attributions = v["attributions"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    let content = spans(&x["content"]);
                    let quoted = x["content_has_quotation_marks"].as_bool().unwrap_or(false);
                    let ptb = content
                        .iter()
                        .any(|c| c.text.contains("''") || c.text.contains("``"));
                    Attribution {
                        content,
                        source: spans(&x["source"]),
                        cue: spans(&x["cue"]),
                        speaker_name: x["speaker_name"].as_str().unwrap_or_default().to_string(),
                        quoted,
                        quoted_ptb: quoted || ptb,
                    }
                })
                .filter(|a| !a.content.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Ok(GoldDoc {
        id: v["doc_id"].as_str().unwrap_or_default().to_string(),
        text,
        date: v["publication_date"].as_str().map(str::to_string),
        attributions,
    })
}

/// Runs the extractor on one gold article.
fn predict(d: &GoldDoc) -> Vec<Quote> {
    let article = Article {
        id: d.id.clone(),
        source_id: Some(d.id.clone()),
        path: d.id.clone(),
        record: None,
        title: None,
        published: d.date.clone(),
        url: None,
        authors: Vec::new(),
        body: d.text.clone(),
        reference_date: d.date.as_deref().and_then(parse_date),
    };
    crate::analyse(&article).quotes
}

fn overlap(a0: usize, a1: usize, b0: usize, b1: usize) -> usize {
    a1.min(b1).saturating_sub(a0.max(b0))
}

/// Scores one article: [all, direct, direct with PTB marks counted in the gold, direct with
/// predictions judged by the gold flag's mark test].
fn score_doc(d: &GoldDoc, quotes: &[Quote]) -> [Counts; 4] {
    let chars: Vec<char> = d.text.chars().collect();
    let golds = &d.attributions;
    let mut out = [Counts::default(); 4];
    for (key, counts) in out.iter_mut().enumerate() {
        let direct = key >= 1;
        let is_quoted = |g: &Attribution| if key == 2 { g.quoted_ptb } else { g.quoted };
        let mut used = HashSet::new();
        let mut tp = 0;
        for q in quotes {
            let (s, e) = (q.span.start, q.span.end);
            let mut best = None;
            let mut best_ov = 0;
            for (gi, g) in golds.iter().enumerate() {
                let glen: usize = g
                    .content
                    .iter()
                    .map(|c| c.end.saturating_sub(c.start))
                    .sum();
                let ov: usize = g
                    .content
                    .iter()
                    .map(|c| overlap(s, e, c.start, c.end))
                    .sum();
                if glen > 0
                    && 2 * ov >= glen
                    && 2 * ov >= (e.saturating_sub(s)).max(1)
                    && ov > best_ov
                {
                    best = Some(gi);
                    best_ov = ov;
                }
            }
            let Some(best) = best else { continue };
            let g = &golds[best];
            if direct && !is_quoted(g) {
                continue;
            }
            if !used.insert(best) {
                continue;
            }
            tp += 1;
            if has_words(&g.speaker_name) || g.source.iter().any(|s| has_words(&s.text)) {
                counts.speaker_n += 1;
                if speaker_correct(q, g) {
                    counts.speaker_ok += 1;
                }
            }
            if !g.cue.is_empty() {
                counts.cue_n += 1;
                if q.cue_span.is_some_and(|c| {
                    g.cue
                        .iter()
                        .any(|gc| overlap(c.start, c.end, gc.start, gc.end) > 0)
                }) {
                    counts.cue_ok += 1;
                }
            }
        }
        let n_pred = if direct {
            let by_kind = key != 3;
            quotes
                .iter()
                .filter(|q| has_quote_mark(&chars, q, by_kind))
                .count()
        } else {
            quotes.len()
        };
        if direct {
            tp = tp.min(n_pred);
        }
        counts.tp = tp;
        counts.n_pred = n_pred;
        counts.n_gold = golds.iter().filter(|g| !direct || is_quoted(g)).count();
    }
    out
}

const QUOTE_MARKS: [char; 5] = ['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}'];

/// `score.py`'s test for a direct prediction: a quotation mark within two characters of its
/// text, or (when `by_kind`) the kind `direct`.
fn has_quote_mark(chars: &[char], q: &Quote, by_kind: bool) -> bool {
    let lo = q.span.start.saturating_sub(2).min(chars.len());
    let hi = (q.span.end + 2).min(chars.len());
    chars[lo..hi.max(lo)]
        .iter()
        .any(|c| QUOTE_MARKS.contains(c))
        || by_kind && q.kind == QuoteKind::Direct
}

const STOP: &[&str] = &[
    "the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "s", "'s", "said", "says", "he", "she",
    "they", "it", "we", "i", "you", "his", "her", "their", "its", "him", "them",
];

/// `score.py`'s content words: lower-case ASCII alphanumeric runs of two or more characters,
/// not stop words.
fn words(s: &str) -> HashSet<String> {
    let lower = s.to_lowercase();
    let mut out = HashSet::new();
    let mut cur = String::new();
    for c in lower.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            cur.push(c);
        } else if !cur.is_empty() {
            if cur.len() > 1 && !STOP.contains(&cur.as_str()) {
                out.insert(std::mem::take(&mut cur));
            } else {
                cur.clear();
            }
        }
    }
    out
}

fn has_words(s: &str) -> bool {
    !words(s).is_empty()
}

fn speaker_correct(q: &Quote, g: &Attribution) -> bool {
    if let Some(sp) = q.speaker_span
        && g.source
            .iter()
            .any(|s| overlap(sp.start, sp.end, s.start, s.end) > 0)
    {
        return true;
    }
    let mut gold_words = words(&g.speaker_name);
    for s in &g.source {
        gold_words.extend(words(&s.text));
    }
    let predicted = words(&q.speaker);
    !gold_words.is_empty() && gold_words.intersection(&predicted).next().is_some()
}

fn pct(ok: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        round2(100.0 * ok as f64 / n as f64)
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn figures(c: &Counts) -> Value {
    let (p, r, f) = prf(c.tp, c.n_pred, c.tp, c.n_gold);
    serde_json::json!({
        "p": round2(p), "r": round2(r), "f1": round2(f),
        "gold": c.n_gold, "pred": c.n_pred, "matched": c.tp,
        "speaker_acc": pct(c.speaker_ok, c.speaker_n), "speaker_n": c.speaker_n,
        "cue_acc": pct(c.cue_ok, c.cue_n), "cue_n": c.cue_n,
    })
}

fn report(
    docs: usize,
    all: &Counts,
    direct: &Counts,
    direct_ptb: &Counts,
    direct_marks: &Counts,
) -> EvalReport {
    let a = figures(all);
    let d = figures(direct);
    let p = figures(direct_ptb);
    let m = figures(direct_marks);
    let mut text = format!("PolNeAR quotes, {docs} articles\n");
    text.push_str("                      P       R      F1   speaker     cue    gold    pred\n");
    for (name, v) in [
        ("all attributions", &a),
        ("with quotation marks", &d),
        ("  same, PTB '' counted", &p),
        ("  same, marks only", &m),
    ] {
        text.push_str(&format!(
            "{name:<20} {:>6.2}  {:>6.2}  {:>6.2}   {:>6.2}%  {:>6.2}%  {:>6}  {:>6}\n",
            v["p"].as_f64().unwrap_or_default(),
            v["r"].as_f64().unwrap_or_default(),
            v["f1"].as_f64().unwrap_or_default(),
            v["speaker_acc"].as_f64().unwrap_or_default(),
            v["cue_acc"].as_f64().unwrap_or_default(),
            v["gold"],
            v["pred"],
        ));
    }
    let json = serde_json::json!({
        "task": "quotes",
        "articles": docs,
        "all": a,
        "direct": d,
        "direct_ptb": p,
        "direct_marks": m,
        "note": "all and direct follow score.py quotes; direct_ptb also counts gold contents with PTB '' or `` marks (NYT texts) as quoted, which the corpus flag does not; direct_marks counts a prediction as quoted by the corpus flag's own test (a mark within two characters), not by its kind",
        "f1": a["f1"],
    });
    EvalReport { text, json }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::Span;

    fn quote(start: usize, end: usize, kind: QuoteKind, speaker: &str) -> Quote {
        Quote {
            id: 1,
            kind,
            speaker: speaker.into(),
            speaker_entity_id: None,
            speaker_text: speaker.into(),
            speaker_span: None,
            cue: String::new(),
            cue_span: None,
            text: String::new(),
            span: Span::new(start, end),
            sentence: 1,
        }
    }

    fn span(start: usize, end: usize, text: &str) -> GoldSpan {
        GoldSpan {
            start,
            end,
            text: text.into(),
        }
    }

    #[test]
    fn words_follow_score_py() {
        let w = words("Mr. Sadiq Khan's aide, the U.S. envoy");
        let mut v: Vec<_> = w.into_iter().collect();
        v.sort();
        assert_eq!(v, vec!["aide", "envoy", "khan", "sadiq"]);
    }

    #[test]
    fn matching_is_one_to_one_and_needs_half_overlap() {
        let text = "Khan said: \"We will win the election.\" Then he left, and more.".to_string();
        let doc = GoldDoc {
            id: "d".into(),
            text,
            date: None,
            attributions: vec![Attribution {
                content: vec![span(11, 38, "")],
                source: vec![span(0, 4, "Khan")],
                cue: vec![span(5, 9, "said")],
                speaker_name: String::new(),
                quoted: true,
                quoted_ptb: true,
            }],
        };
        let preds = vec![
            quote(12, 37, QuoteKind::Direct, "Sadiq Khan"),
            quote(12, 36, QuoteKind::Direct, "Sadiq Khan"),
            quote(40, 60, QuoteKind::Indirect, ""),
        ];
        let [all, direct, _, _] = score_doc(&doc, &preds);
        assert_eq!((all.tp, all.n_pred, all.n_gold), (1, 3, 1));
        assert_eq!((direct.tp, direct.n_pred, direct.n_gold), (1, 2, 1));
        assert_eq!((all.speaker_ok, all.speaker_n), (1, 1));
    }

    #[test]
    fn marks_only_judges_predictions_by_the_flags_test() {
        // A quote in PTB marks: the corpus flag leaves it out of the gold, score.py still
        // counts the `direct` prediction; the marks-only line counts neither.
        let text = "''We will win,'' Khan said.".to_string();
        let doc = GoldDoc {
            id: "d".into(),
            text,
            date: None,
            attributions: vec![Attribution {
                content: vec![span(2, 14, "")],
                source: vec![span(17, 21, "Khan")],
                cue: vec![span(22, 26, "said")],
                speaker_name: String::new(),
                quoted: false,
                quoted_ptb: true,
            }],
        };
        let preds = vec![quote(2, 14, QuoteKind::Direct, "Khan")];
        let [_, direct, ptb, marks] = score_doc(&doc, &preds);
        assert_eq!((direct.tp, direct.n_pred, direct.n_gold), (0, 1, 0));
        assert_eq!((ptb.tp, ptb.n_pred, ptb.n_gold), (1, 1, 1));
        assert_eq!((marks.tp, marks.n_pred, marks.n_gold), (0, 0, 0));
    }
}
