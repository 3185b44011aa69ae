//! The page: one self-contained HTML file with inline CSS and inline SVG, and the escaping
//! that keeps article text as text.
//!
//! Nothing is fetched and nothing runs: there is no script, the styles are inline, and a
//! Content-Security-Policy of `default-src 'none'` tells the browser to refuse anything else, so
//! even a mistake in escaping could not load or run code. Every string from the tables goes
//! through [`escape`]. Key figures carry `data-metric` / `data-value` attributes so that tests
//! and scripts can read them without parsing prose.

use super::aggregate::{Aggregates, ENTITY_TYPES, NAME_COUNTERS, TIMELINE_DAYS, truncate};
use super::format::{bytes, decimal, duration, percent, thousands, time};
use super::runinfo::RunInfo;
use super::svg::{self, Column, OTHER_COLOUR, PALETTE, Series};
use super::topk::Slot;
use chrono::{Datelike, Days, NaiveDate};
use std::fmt::Write;

/// Rows in each "most mentioned" and "most quoted" list.
pub const TOP_NAMES: usize = 15;
/// Bars in the event-type chart.
pub const TOP_EVENT_TYPES: usize = 20;

/// Everything the page shows.
#[derive(Debug)]
pub struct ReportData {
    /// The output folder's name, for the title.
    pub folder: String,
    /// `run.json`, if the folder has a readable one.
    pub run: Option<RunInfo>,
    /// The figures from the tables.
    pub agg: Aggregates,
    /// Notes for the footer (missing tables, a broken `run.json`, mismatches).
    pub notes: Vec<String>,
}

/// Escapes text for HTML content and quoted attribute values, and replaces control characters
/// (which HTML does not allow) with spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root{--bg:#fff;--fg:#1d2329;--muted:#5f6b76;--line:#dfe3e8;--card:#f5f7f9;--bar:#0072B2;
--ok:#e5f4ea;--okb:#2e7d46;--warn:#fdf1dc;--warnb:#b26a00;--unk:#eef0f3;--unkb:#5f6b76}
@media (prefers-color-scheme:dark){:root{--bg:#15191d;--fg:#e6e9ec;--muted:#9aa5b1;--line:#2f363d;
--card:#1e2328;--bar:#56B4E9;--ok:#173323;--okb:#6cc58a;--warn:#3a2c12;--warnb:#f0b44c;--unk:#23282d;--unkb:#9aa5b1}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:1120px;margin:0 auto;padding:20px 16px 40px}
h1{font-size:1.6rem;margin:0 0 2px}h2{font-size:1.2rem;margin:30px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:0 0 6px}
.sub,.muted,figcaption,.note{color:var(--muted)}.sub{margin:0 0 14px}
.status{padding:10px 14px;border-radius:8px;border-left:5px solid;margin:10px 0 4px;font-weight:600}
.status.ok{background:var(--ok);border-color:var(--okb)}.status.warn{background:var(--warn);border-color:var(--warnb)}
.status.unknown{background:var(--unk);border-color:var(--unkb)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:12px 0}
.card{background:var(--card);border-radius:8px;padding:10px 12px}
.card .v{font-size:1.25rem;font-weight:650;font-variant-numeric:tabular-nums;white-space:nowrap}.card .k{color:var(--muted);font-size:.85rem}
dl.details{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}
dl.details dt{color:var(--muted)}dl.details dd{margin:0;overflow-wrap:anywhere}
table{width:100%;border-collapse:collapse;font-size:.92rem}
th,td{text-align:left;padding:5px 6px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}
th{color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.rank{color:var(--muted);width:2.4em;white-space:nowrap}
td.share{width:22%}.bar{display:block;height:10px;margin-top:5px;border-radius:2px;background:var(--bar)}
.grid4{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:18px 24px}.grid4>div{min-width:0;overflow-x:auto}
.examples{margin:0;padding-left:1.1em;font-size:.85rem}.examples li{overflow-wrap:anywhere}
q{quotes:"\201C" "\201D"}
.kind{font-size:.78rem;color:var(--muted);margin-left:4px;white-space:nowrap}th.who{width:28%}td.quote,.id{overflow-wrap:anywhere}
figure{margin:0}.chartbox{overflow-x:auto}svg.chart{width:100%;min-width:480px;height:auto;display:block}
svg.chart.bars{min-width:0;max-width:760px}
svg.chart text{fill:var(--fg);font-size:12px;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
svg.chart .ylab{text-anchor:end;fill:var(--muted)}svg.chart .xlab{text-anchor:middle;fill:var(--muted)}
svg.chart .blab{text-anchor:end;font-size:13px}svg.chart .bval{font-size:12px;fill:var(--muted)}
svg.chart .grid{stroke:var(--line);stroke-width:1}svg.chart .axis,svg.chart .tick{stroke:var(--muted);stroke-width:1}
ul.legend{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:.88rem}
.sw{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
footer{margin-top:34px;font-size:.85rem;color:var(--muted)}footer ul{padding-left:1.2em}
@media (max-width:600px){body{font-size:14px}main{padding:12px 10px 30px}.card .v{font-size:1.2rem}
svg.chart text,svg.chart .blab{font-size:19px}svg.chart .xlab,svg.chart .ylab,svg.chart .bval{font-size:16px}
dl.details{gap:3px 10px}}
"#;

/// The whole page.
pub fn page(d: &ReportData) -> String {
    let mut p = String::with_capacity(64 * 1024);
    let title = format!("newsmine report · {}", d.folder);
    let _ = write!(
        p,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"referrer\" content=\"no-referrer\">\
         <meta name=\"generator\" content=\"newsmine {}\">\
         <title>{}</title><style>{CSS}</style></head>\n<body><main>\n",
        escape(crate::VERSION),
        escape(&title)
    );
    header(&mut p, d);
    run_section(&mut p, d);
    failures_section(&mut p, d);
    news_section(&mut p, d);
    entities_section(&mut p, d);
    speakers_section(&mut p, d);
    timeline_section(&mut p, d);
    event_types_section(&mut p, d);
    published_section(&mut p, d);
    headlines_section(&mut p, d);
    footer(&mut p, d);
    p.push_str("</main></body></html>\n");
    p
}

/// A figure card with a machine-readable value.
fn card(p: &mut String, metric: &str, value: &str, shown: &str, label: &str) {
    let _ = write!(
        p,
        r#"<div class="card" data-metric="{metric}" data-value="{}"><div class="v">{}</div><div class="k">{}</div></div>"#,
        escape(value),
        escape(shown),
        escape(label)
    );
}

fn count_card(p: &mut String, metric: &str, n: u64, label: &str) {
    card(p, metric, &n.to_string(), &thousands(n), label);
}

fn header(p: &mut String, d: &ReportData) {
    let _ = write!(
        p,
        "<header><h1>newsmine report</h1><p class=\"sub\">Output folder <b>{}</b>",
        escape(&d.folder)
    );
    if let Some(f) = d.run.as_ref().and_then(|r| r.finished.as_ref()) {
        let _ = write!(p, " · run finished {}", escape(&time(f)));
    }
    p.push_str("</p></header>\n");
    let (class, text) = match &d.run {
        None => (
            "unknown",
            "Run details unavailable: this folder has no run.json, so the figures below come from \
             the tables alone."
                .to_string(),
        ),
        Some(run) => {
            let failed = run.failed.unwrap_or(0);
            if failed > 0 || run.exit_status == Some(3) {
                (
                    "warn",
                    format!(
                        "The run completed, but {} input{} failed: see “Inputs not analysed”.",
                        thousands(failed),
                        if failed == 1 { "" } else { "s" }
                    ),
                )
            } else {
                let processed = run.processed.unwrap_or(d.agg.articles.rows);
                let carried = match run.carried_over {
                    Some(n) if n > 0 => format!(", {} carried over", thousands(n)),
                    _ => String::new(),
                };
                (
                    "ok",
                    format!(
                        "The run completed: {} article{} analysed{carried}, nothing failed.",
                        thousands(processed),
                        if processed == 1 { "" } else { "s" }
                    ),
                )
            }
        }
    };
    let _ = writeln!(
        p,
        r#"<div class="status {class}" data-metric="status" data-value="{class}">{}</div>"#,
        escape(&text)
    );
}

fn run_section(p: &mut String, d: &ReportData) {
    p.push_str("<section id=\"run\"><h2>The run</h2><div class=\"cards\">");
    let a = &d.agg;
    let mut details: Vec<(&str, String)> = Vec::new();
    match &d.run {
        Some(run) => {
            let opt = |p: &mut String, metric: &str, n: Option<u64>, label: &str| {
                if let Some(n) = n {
                    count_card(p, metric, n, label);
                }
            };
            opt(p, "seen", run.seen, "inputs seen");
            opt(p, "processed", run.processed, "processed");
            opt(p, "carried_over", run.carried_over, "carried over");
            opt(p, "skipped", run.skipped, "skipped");
            opt(p, "failed", run.failed, "failed");
            if let Some(s) = run.seconds {
                card(p, "seconds", &format!("{s}"), &duration(s), "duration");
            }
            let per_s = run
                .articles_per_s
                .or_else(|| match (run.processed, run.seconds) {
                    (Some(n), Some(s)) if s > 0.0 => Some(n as f64 / s),
                    _ => None,
                });
            if let Some(x) = per_s {
                card(
                    p,
                    "articles_per_s",
                    &format!("{x}"),
                    &decimal(x),
                    "articles/s",
                );
            }
            if let Some(x) = run.mb_per_s {
                card(p, "mb_per_s", &format!("{x}"), &decimal(x), "MB/s read");
            }
            if let Some(t) = &run.started {
                details.push(("Started", escape(&time(t))));
            }
            if let Some(t) = &run.finished {
                details.push(("Finished", escape(&time(t))));
            }
            if let Some(c) = &run.command {
                details.push(("Command", escape(c)));
            }
            if let Some(v) = &run.newsmine_version {
                details.push(("newsmine version", escape(v)));
            }
            if let Some(v) = &run.extractor_version {
                details.push(("Extractor version", escape(v)));
            }
            details.push((
                "Reference date",
                match &run.reference_date {
                    Some(r) => escape(r),
                    None => "none (each article's own date)".to_string(),
                },
            ));
            if let Some(n) = run.threads {
                details.push(("Threads", thousands(n)));
            }
            if let Some(i) = run.incremental {
                details.push(("Incremental", if i { "yes" } else { "no" }.to_string()));
            }
            if let Some(s) = &run.shard {
                details.push(("Shard", escape(s)));
            }
            if let Some(e) = run.exit_status {
                details.push(("Exit status", e.to_string()));
            }
            if !run.inputs.is_empty() {
                let list: Vec<String> = run.inputs.iter().take(20).map(|i| escape(i)).collect();
                let more = run.inputs.len().saturating_sub(20);
                let mut s = list.join("<br>");
                if more > 0 {
                    let _ = write!(s, "<br>… and {} more", thousands(more as u64));
                }
                details.push(("Inputs", s));
            }
            if let Some(b) = run.bytes_read {
                let files = run
                    .files_read
                    .map(|f| format!(" from {} files", thousands(f)))
                    .unwrap_or_default();
                details.push(("Bytes read", format!("{}{files}", bytes(b))));
            }
            if !run.merged_from.is_empty() {
                let list: Vec<String> =
                    run.merged_from.iter().take(50).map(|m| escape(m)).collect();
                details.push(("Merged from", list.join("<br>")));
            }
            if let Some(why) = &run.full_run_reason {
                details.push(("Full run because", escape(why)));
            }
            if !run.warnings.is_empty() {
                let list: Vec<String> = run.warnings.iter().take(20).map(|w| escape(w)).collect();
                details.push(("Warnings", list.join("<br>")));
            }
            if !run.stage_seconds.is_empty() {
                let s: Vec<String> = run
                    .stage_seconds
                    .iter()
                    .map(|(k, v)| format!("{} {}", escape(k), duration(*v)))
                    .collect();
                details.push(("Time per stage", s.join(" · ")));
            }
        }
        None => {
            count_card(p, "seen", a.articles.rows + a.errors.rows, "inputs seen");
            count_card(p, "processed", a.articles.rows, "articles listed");
            count_card(p, "not_analysed", a.errors.rows, "not analysed");
            details.push((
                "Run details",
                "unavailable (no run.json): duration, versions and the reference date are not known"
                    .to_string(),
            ));
        }
    }
    p.push_str("</div>");
    let rows: Vec<String> = [
        ("articles", a.articles.rows),
        ("entities", a.entities.rows.max(a.articles.entities)),
        ("mentions", a.articles.mentions),
        ("quotes", a.quotes.rows.max(a.articles.quotes)),
        ("times", a.articles.times),
        ("events", a.events.rows.max(a.articles.events)),
        ("errors", a.errors.rows),
    ]
    .iter()
    .map(|(t, n)| {
        let n = d.run.as_ref().and_then(|r| r.rows_of(t)).unwrap_or(*n);
        format!("{t} {}", thousands(n))
    })
    .collect();
    details.push(("Table rows", rows.join(" · ")));
    p.push_str("<dl class=\"details\">");
    for (k, v) in details {
        let _ = write!(p, "<dt>{k}</dt><dd>{v}</dd>");
    }
    p.push_str("</dl></section>\n");
}

fn failures_section(p: &mut String, d: &ReportData) {
    p.push_str("<section id=\"failures\"><h2>Inputs not analysed</h2>");
    let kinds = d.agg.errors.sorted();
    // Kinds that run.json lists but errors.csv does not (a missing or hand-edited table).
    let missing: Vec<_> = d
        .run
        .as_ref()
        .map(|r| {
            r.failures_by_kind
                .iter()
                .filter(|k| k.count > 0 && !d.agg.errors.kinds.contains_key(&k.kind))
                .collect()
        })
        .unwrap_or_default();
    if kinds.is_empty() && missing.is_empty() {
        p.push_str(
            "<p data-metric=\"not_analysed_kinds\" data-value=\"0\">Every input was analysed.</p>\
             </section>\n",
        );
        return;
    }
    let examples = super::aggregate::ERROR_EXAMPLES;
    let lead = match &d.run {
        Some(r) if r.skipped.is_some() || r.failed.is_some() => format!(
            "{} skipped and {} failed. Each is a row of errors.csv; by kind, with the first {examples} \
             paths of each:",
            thousands(r.skipped.unwrap_or(0)),
            thousands(r.failed.unwrap_or(0))
        ),
        _ => format!(
            "{} inputs were skipped or failed (errors.csv alone does not tell which); by kind, \
             with the first {examples} paths of each:",
            thousands(d.agg.errors.rows)
        ),
    };
    let _ = write!(
        p,
        "<p class=\"muted\">{}</p><table><thead><tr><th>Kind and stage</th>\
         <th class=\"num\">Inputs</th><th>First paths and message</th></tr></thead><tbody>",
        escape(&lead)
    );
    for (kind, e) in &kinds {
        let _ = write!(
            p,
            r#"<tr data-error-kind="{}" data-count="{}"><td><b>{}</b><br><span class="muted">{}</span></td><td class="num">{}</td><td><ul class="examples">"#,
            escape(kind),
            e.count,
            escape(kind),
            escape(&e.stage),
            thousands(e.count)
        );
        for ex in &e.examples {
            let _ = write!(p, "<li><bdi>{}</bdi></li>", escape(ex));
        }
        let _ = write!(
            p,
            "</ul><span class=\"muted\">{}</span></td></tr>",
            escape(&e.message)
        );
    }
    for k in missing {
        let _ = write!(
            p,
            r#"<tr data-error-kind="{}" data-count="{}"><td><b>{}</b><br><span class="muted">run.json</span></td><td class="num">{}</td><td><ul class="examples">"#,
            escape(&k.kind),
            k.count,
            escape(&k.kind),
            thousands(k.count)
        );
        for ex in k.examples.iter().take(examples) {
            let _ = write!(p, "<li><bdi>{}</bdi></li>", escape(ex));
        }
        p.push_str("</ul></td></tr>");
    }
    p.push_str("</tbody></table></section>\n");
}

fn news_section(p: &mut String, d: &ReportData) {
    let a = &d.agg;
    p.push_str("<section id=\"news\"><h2>The news</h2><div class=\"cards\">");
    count_card(p, "articles", a.articles.rows, "articles");
    count_card(p, "words", a.articles.words, "words");
    count_card(
        p,
        "entities",
        a.entities.rows.max(a.articles.entities),
        "entities",
    );
    count_card(p, "quotes", a.quotes.rows.max(a.articles.quotes), "quotes");
    count_card(p, "times", a.articles.times, "time expressions");
    count_card(p, "events", a.events.rows.max(a.articles.events), "events");
    count_card(
        p,
        "dated_events",
        a.events.full_dates,
        "events dated to a day",
    );
    p.push_str("</div>");
    let list = |c: &super::topk::SmallCounter| -> String {
        c.sorted()
            .iter()
            .take(12)
            .map(|(k, n)| {
                format!(
                    "{} {}",
                    escape(if k.is_empty() { "(none)" } else { k }),
                    thousands(*n)
                )
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let _ = writeln!(
        p,
        "<dl class=\"details\"><dt>Languages</dt><dd>{}</dd><dt>Status</dt><dd>{}</dd></dl></section>",
        list(&a.articles.languages),
        list(&a.articles.status)
    );
}

/// The count of a Space-Saving slot for people: exact, or "≈" with the certain minimum.
fn slot_count(p: &mut String, slot: &Slot<impl Sized>) {
    if slot.error == 0 {
        let _ = write!(p, r#"<td class="num">{}</td>"#, thousands(slot.count));
    } else {
        let _ = write!(
            p,
            r#"<td class="num" title="approximate: between {} and {}">≈{}</td>"#,
            thousands(slot.guaranteed()),
            thousands(slot.count),
            thousands(slot.count)
        );
    }
}

fn entities_section(p: &mut String, d: &ReportData) {
    const TITLES: [&str; 4] = ["People", "Organisations", "Places", "Other names"];
    let a = &d.agg;
    p.push_str(
        "<section id=\"entities\"><h2>Most mentioned</h2><p class=\"muted\">By the number of \
         articles that mention each name (its canonical form).</p><div class=\"grid4\">",
    );
    for (i, ty) in ENTITY_TYPES.iter().enumerate() {
        let Some(summary) = a.entities.by_type.get(i) else {
            continue;
        };
        let top = summary.top(TOP_NAMES);
        let _ = write!(p, "<div data-entity-type=\"{ty}\"><h3>{}</h3>", TITLES[i]);
        if top.is_empty() {
            p.push_str("<p class=\"muted\">None found.</p></div>");
            continue;
        }
        let max = top[0].count.max(1);
        p.push_str("<table><tbody>");
        for (rank, slot) in top.iter().enumerate() {
            let _ = write!(
                p,
                r#"<tr data-entity="{ty}" data-name="{}" data-count="{}"><td class="rank">{}</td><td><bdi>{}</bdi></td>"#,
                escape(&slot.key),
                slot.count,
                rank + 1,
                escape(&truncate(&slot.key, 80))
            );
            slot_count(p, slot);
            let _ = write!(
                p,
                r#"<td class="share" title="{} of articles"><span class="bar" style="width:{:.1}%"></span></td></tr>"#,
                percent(slot.count, a.articles.rows),
                slot.count as f64 * 100.0 / max as f64
            );
        }
        p.push_str("</tbody></table></div>");
    }
    p.push_str("</div></section>\n");
}

fn speakers_section(p: &mut String, d: &ReportData) {
    let q = &d.agg.quotes;
    p.push_str("<section id=\"speakers\"><h2>Most quoted</h2>");
    let top = q.speakers.top(TOP_NAMES);
    if top.is_empty() {
        let _ = writeln!(
            p,
            "<p class=\"muted\">No quote with a speaker{}.</p></section>",
            if q.unattributed > 0 {
                format!(" ({} without one)", thousands(q.unattributed))
            } else {
                String::new()
            }
        );
        return;
    }
    let _ = write!(
        p,
        "<p class=\"muted\">By the number of quotes, with one of them. {} of {} quotes have no \
         speaker.</p><table><thead><tr><th></th><th class=\"num\">Quotes</th>\
         <th>Speaker and a sample quote</th></tr></thead><tbody>",
        thousands(q.unattributed),
        thousands(q.rows)
    );
    for (rank, slot) in top.iter().enumerate() {
        let _ = write!(
            p,
            r#"<tr data-speaker="{}" data-count="{}"><td class="rank">{}</td>"#,
            escape(&slot.key),
            slot.count,
            rank + 1,
        );
        slot_count(p, slot);
        let _ = write!(
            p,
            "<td><b><bdi>{}</bdi></b>",
            escape(&truncate(&slot.key, 80))
        );
        if let Some(s) = &slot.payload {
            let _ = write!(
                p,
                r#"<div class="quote"><q>{}</q><span class="kind">{}</span></div>"#,
                escape(&s.text),
                escape(&s.kind)
            );
        }
        p.push_str("</td></tr>");
    }
    p.push_str("</tbody></table></section>\n");
}

/// Labels for a run of consecutive days: the 1st and 15th of each month on long runs, every
/// few days on short ones, so about seven labels fit.
fn day_label(day: NaiveDate, index: usize, total: usize) -> String {
    let show = if total <= 31 {
        index.is_multiple_of(total.div_ceil(7).max(1))
    } else {
        day.day() == 1 || day.day() == 15
    };
    if show {
        day.format("%Y-%m-%d").to_string()
    } else {
        String::new()
    }
}

fn days_between(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = start;
    while d <= end && out.len() <= 400 {
        out.push(d);
        match d.checked_add_days(Days::new(1)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

fn legend(p: &mut String, series: &[Series], totals: &[u64]) {
    p.push_str("<ul class=\"legend\">");
    for (s, n) in series.iter().zip(totals) {
        let _ = write!(
            p,
            r#"<li><span class="sw" style="background:{}"></span>{} <span class="muted">{}</span></li>"#,
            s.colour,
            escape(&s.name),
            thousands(*n)
        );
    }
    p.push_str("</ul>");
}

fn timeline_section(p: &mut String, d: &ReportData) {
    let e = &d.agg.events;
    let t = &e.timeline;
    p.push_str("<section id=\"timeline\"><h2>Events per day</h2>");
    let (Some((start, end)), true) = (t.window(), t.shown() > 0) else {
        let _ = writeln!(
            p,
            "<p class=\"muted\" data-metric=\"timeline_events\" data-value=\"0\">No event is dated \
             to a day{}.</p></section>",
            if e.full_dates > 0 {
                " inside the chart's window"
            } else {
                ""
            }
        );
        return;
    };
    let types = t.types();
    let keep = PALETTE.len().min(types.len());
    let crowded = types.len() > PALETTE.len();
    let shown_types = if crowded { keep - 1 } else { keep };
    let mut series: Vec<Series> = types[..shown_types]
        .iter()
        .enumerate()
        .map(|(i, (name, _))| Series {
            name: name.clone(),
            colour: PALETTE[i],
        })
        .collect();
    let mut totals: Vec<u64> = types[..shown_types].iter().map(|x| x.1).collect();
    if crowded {
        series.push(Series {
            name: "other types".into(),
            colour: OTHER_COLOUR,
        });
        totals.push(types[shown_types..].iter().map(|x| x.1).sum());
    }
    let days = days_between(start, end);
    let cols: Vec<Column> = days
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let mut values = vec![0u64; series.len()];
            if let Some(row) = t.day(*day) {
                for (kind, n) in row {
                    let j = types[..shown_types]
                        .iter()
                        .position(|(k, _)| k == kind)
                        .unwrap_or(series.len() - 1);
                    values[j] += n;
                }
            }
            Column {
                label: day_label(*day, i, days.len()),
                name: day.format("%Y-%m-%d").to_string(),
                values,
            }
        })
        .collect();
    let _ = write!(
        p,
        "<figure><div class=\"chartbox\">{}</div>",
        svg::columns(&cols, &series, "Events per day, stacked by type")
    );
    legend(p, &series, &totals);
    let _ = writeln!(
        p,
        "<figcaption data-metric=\"timeline_events\" data-value=\"{}\">{} events dated to a day \
         from {} to {} (at most {} days, around the articles' published dates){}. {} more are \
         dated less precisely (a year, a month, a week or a day without its year) and {} have no \
         date.</figcaption></figure></section>",
        t.shown(),
        thousands(t.shown()),
        start.format("%Y-%m-%d"),
        end.format("%Y-%m-%d"),
        TIMELINE_DAYS,
        if t.before + t.after + t.dropped > 0 {
            format!(
                "; {} dated earlier and {} later are outside the chart",
                thousands(t.before),
                thousands(t.after + t.dropped)
            )
        } else {
            String::new()
        },
        thousands(e.partial_dates),
        thousands(e.undated)
    );
}

fn event_types_section(p: &mut String, d: &ReportData) {
    let e = &d.agg.events;
    p.push_str("<section id=\"event-types\"><h2>Event types</h2>");
    let types = e.types.sorted();
    if types.is_empty() {
        p.push_str("<p class=\"muted\">No events found.</p></section>\n");
        return;
    }
    let items: Vec<(String, u64)> = types
        .iter()
        .take(TOP_EVENT_TYPES)
        .map(|(k, n)| (k.to_string(), *n))
        .collect();
    let _ = write!(
        p,
        "<figure><div class=\"chartbox\">{}</div>",
        svg::bars(&items, "#0072B2", "Events by type")
    );
    p.push_str("<figcaption>");
    if types.len() > TOP_EVENT_TYPES {
        let rest: u64 = types[TOP_EVENT_TYPES..].iter().map(|x| x.1).sum();
        let _ = write!(
            p,
            "And {} more types with {} events. ",
            thousands((types.len() - TOP_EVENT_TYPES) as u64),
            thousands(rest)
        );
    }
    let status: Vec<String> = e
        .status
        .sorted()
        .iter()
        .map(|(k, n)| format!("{} {}", escape(k), thousands(*n)))
        .collect();
    let _ = write!(
        p,
        "By status: {}.</figcaption></figure>",
        status.join(" · ")
    );
    // The counts as a table too, for screen readers and copying.
    p.push_str("<table hidden><tbody>");
    for (k, n) in &types {
        let _ = write!(
            p,
            r#"<tr data-event-type="{}" data-count="{n}"><td>{}</td><td>{n}</td></tr>"#,
            escape(k),
            escape(k)
        );
    }
    p.push_str("</tbody></table></section>\n");
}

/// How published dates are grouped on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bucket {
    Day,
    Month,
    Year,
}

fn bucket_of(day: NaiveDate, b: Bucket) -> (i32, u32, u32) {
    match b {
        Bucket::Day => (day.year(), day.month(), day.day()),
        Bucket::Month => (day.year(), day.month(), 1),
        Bucket::Year => (day.year(), 1, 1),
    }
}

fn published_section(p: &mut String, d: &ReportData) {
    let h = &d.agg.articles.published;
    p.push_str("<section id=\"published\"><h2>Articles per published date</h2>");
    let (Some(lo), Some(hi)) = (h.quantile(0.01), h.quantile(0.99)) else {
        let _ = writeln!(
            p,
            "<p class=\"muted\" data-metric=\"dated_articles\" data-value=\"0\">No article has a \
             readable published date ({} without one).</p></section>",
            thousands(h.undated)
        );
        return;
    };
    let span = (hi - lo).num_days();
    let bucket = if span <= 92 {
        Bucket::Day
    } else if (hi.year() - lo.year()) * 12 + hi.month() as i32 - lo.month() as i32 <= 48 {
        Bucket::Month
    } else {
        Bucket::Year
    };
    // Every bucket from lo to hi, so that gaps show.
    let mut keys: Vec<(i32, u32, u32)> = Vec::new();
    match bucket {
        Bucket::Day => keys.extend(days_between(lo, hi).iter().map(|d| bucket_of(*d, bucket))),
        Bucket::Month => {
            let (mut y, mut m) = (lo.year(), lo.month());
            while (y, m) <= (hi.year(), hi.month()) {
                keys.push((y, m, 1));
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
        }
        // At most a century of years, the latest.
        Bucket::Year => keys.extend((lo.year().max(hi.year() - 99)..=hi.year()).map(|y| (y, 1, 1))),
    }
    let mut counts = vec![0u64; keys.len()];
    let (mut earlier, mut later) = (0u64, 0u64);
    let (first, last) = match (keys.first(), keys.last()) {
        (Some(f), Some(l)) => (*f, *l),
        _ => {
            p.push_str("</section>\n");
            return;
        }
    };
    for (day, n) in &h.days {
        let key = bucket_of(*day, bucket);
        if *day < lo || key < first {
            earlier += n;
        } else if *day > hi || key > last {
            later += n;
        } else if let Ok(i) = keys.binary_search(&key) {
            counts[i] += n;
        }
    }
    let name = |k: &(i32, u32, u32)| match bucket {
        Bucket::Day => format!("{:04}-{:02}-{:02}", k.0, k.1, k.2),
        Bucket::Month => format!("{:04}-{:02}", k.0, k.1),
        Bucket::Year => format!("{:04}", k.0),
    };
    let stride = match bucket {
        Bucket::Day => 0,
        Bucket::Month => keys.len().div_ceil(12).max(1),
        Bucket::Year => keys.len().div_ceil(14).max(1),
    };
    let cols: Vec<Column> = keys
        .iter()
        .zip(&counts)
        .enumerate()
        .map(|(i, (k, n))| Column {
            label: match bucket {
                Bucket::Day => NaiveDate::from_ymd_opt(k.0, k.1, k.2)
                    .map(|d| day_label(d, i, keys.len()))
                    .unwrap_or_default(),
                _ if i % stride == 0 => name(k),
                _ => String::new(),
            },
            name: name(k),
            values: vec![*n],
        })
        .collect();
    let series = [Series {
        name: String::new(),
        colour: "#0072B2",
    }];
    let per = match bucket {
        Bucket::Day => "day",
        Bucket::Month => "month",
        Bucket::Year => "year",
    };
    let shown: u64 = counts.iter().sum();
    let _ = writeln!(
        p,
        "<figure><div class=\"chartbox\">{}</div><figcaption data-metric=\"dated_articles\" \
         data-value=\"{}\">{} articles published from {} to {}, per {per}{}; {} without a \
         readable date.</figcaption></figure></section>",
        svg::columns(&cols, &series, "Articles per published date"),
        h.dated(),
        thousands(shown),
        if bucket_of(lo, bucket) < first {
            format!("{:04}-01-01", first.0)
        } else {
            lo.format("%Y-%m-%d").to_string()
        },
        hi.format("%Y-%m-%d"),
        if earlier + later + h.dropped > 0 {
            format!(
                " ({} dated earlier and {} later are left out as outliers)",
                thousands(earlier),
                thousands(later + h.dropped)
            )
        } else {
            String::new()
        },
        thousands(h.undated)
    );
}

fn headlines_section(p: &mut String, d: &ReportData) {
    let hs = &d.agg.articles.headlines;
    p.push_str("<section id=\"headlines\"><h2>Articles with the most to tell</h2>");
    if hs.is_empty() {
        p.push_str("<p class=\"muted\">No articles.</p></section>\n");
        return;
    }
    p.push_str(
        "<p class=\"muted\">Ranked by quotes and events, then entities, then length.</p>\
         <table><thead><tr><th>Title</th><th>Published</th><th class=\"num\">Quotes</th>\
         <th class=\"num\">Events</th><th class=\"num\">Entities</th></tr></thead><tbody>",
    );
    for h in hs {
        let title = if h.title.is_empty() { &h.id } else { &h.title };
        let _ = write!(
            p,
            r#"<tr data-article="{}"><td><bdi>{}</bdi><br><span class="muted id">{}</span></td><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            escape(&h.id),
            escape(title),
            escape(&truncate(&h.id, 120)),
            escape(&h.published),
            thousands(h.quotes),
            thousands(h.events),
            thousands(h.entities)
        );
    }
    p.push_str("</tbody></table></section>\n");
}

fn footer(p: &mut String, d: &ReportData) {
    let exact =
        d.agg.entities.by_type.iter().all(|s| s.is_exact()) && d.agg.quotes.speakers.is_exact();
    let _ = write!(
        p,
        "<footer><p>Built by newsmine {} from the tables in this folder (rebuild with \
         <code>newsmine report FOLDER</code>). Names are counted with the Space-Saving algorithm, \
         {} counters per entity type: {}</p>",
        escape(crate::VERSION),
        thousands(NAME_COUNTERS as u64),
        if exact {
            "every count here is exact."
        } else {
            "there were more distinct names than counters, so counts marked ≈ are upper bounds \
             (hover for the certain minimum)."
        }
    );
    if !d.notes.is_empty() {
        p.push_str("<p>Notes:</p><ul>");
        for n in &d.notes {
            let _ = write!(p, "<li class=\"note\">{}</li>", escape(n));
        }
        p.push_str("</ul>");
    }
    p.push_str("</footer>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_controls() {
        assert_eq!(
            escape(r#"<script>alert('x')</script>"><img onerror=y>&"#),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img onerror=y&gt;&amp;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\nd"), "a b c\nd");
        assert_eq!(escape("Zürich مرحبا"), "Zürich مرحبا");
    }
}
