//! The report's figures, counted while the tables stream past: nothing holds a whole table.
//!
//! Memory is bounded whatever the corpus size:
//! - names (people, organisations, places, speakers) go through a [`SpaceSaving`] summary of a
//!   fixed number of counters each ([`NAME_COUNTERS`], [`SPEAKER_COUNTERS`]); below that many
//!   distinct names every count is exact, above it the top counts are upper bounds with a known
//!   error that the report marks with "≈";
//! - small vocabularies (event types, statuses, languages, error kinds) are exact, capped;
//! - dates are counted per day in a map capped at [`MAX_DAYS`] distinct days; the events
//!   timeline counts by day and type only inside its window of [`TIMELINE_DAYS`] days, which
//!   is known before `events.csv` is read (it follows the published dates of `articles.csv`);
//!   only when no article is dated does it keep up to [`MAX_DAYS`] days and pick the busiest
//!   window at the end;
//! - the headline list and the examples per error kind keep a fixed few rows;
//! - the tables are read in three threads (articles then events; entities; quotes then
//!   errors), each streaming one row at a time through a reused record.
//!
//! `entities.csv` holds one row per distinct entity per article, so "articles mentioning X" is
//! the number of its rows, de-duplicated within an article in case one article lists a name
//! twice (rows of one article are consecutive, as every run writes them). `mentions.csv` and
//! `times.csv` are not read: their row counts come from the per-article counts in
//! `articles.csv`.

use super::read::{TableNote, TableReader};
use super::topk::{OTHER, SmallCounter, SpaceSaving};
use crate::corpus::metadata::parse_date;
use chrono::{Days, NaiveDate};
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::Path;

/// Counters per entity type: names beyond this many distinct ones are approximate.
pub const NAME_COUNTERS: usize = 20_000;
/// Counters for speakers (each keeps one sample quote).
pub const SPEAKER_COUNTERS: usize = 10_000;
/// Distinct days kept in a date histogram; dates beyond are counted as dropped.
pub const MAX_DAYS: usize = 50_000;
/// Days on the events timeline.
pub const TIMELINE_DAYS: u64 = 90;
/// Days the timeline reaches past the last published date (events planned ahead).
pub const TIMELINE_AHEAD: u64 = 14;
/// Articles listed under "articles with the most to tell".
pub const HEADLINES: usize = 10;
/// Example paths kept per error kind.
pub const ERROR_EXAMPLES: usize = 5;
/// The longest sample quote kept, in characters.
pub const SAMPLE_QUOTE_CHARS: usize = 280;

/// The entity types the report ranks, in `entities.csv` spelling.
pub const ENTITY_TYPES: [&str; 4] = ["PERSON", "ORG", "LOC", "MISC"];

/// Every figure of the report.
#[derive(Debug, Default)]
pub struct Aggregates {
    /// From `articles.csv`.
    pub articles: ArticleStats,
    /// From `entities.csv`.
    pub entities: EntityStats,
    /// From `quotes.csv`.
    pub quotes: QuoteStats,
    /// From `events.csv`.
    pub events: EventStats,
    /// From `errors.csv`.
    pub errors: ErrorStats,
    /// The tables that were found, by name.
    pub tables_found: Vec<&'static str>,
    /// Problems met while reading, for the reader of the report.
    pub notes: Vec<String>,
}

/// Counts per day with a cap on distinct days.
#[derive(Debug, Default, Clone)]
pub struct DateHistogram {
    /// Count per day.
    pub days: BTreeMap<NaiveDate, u64>,
    /// Values with no readable date.
    pub undated: u64,
    /// Dated values dropped because [`MAX_DAYS`] distinct days were already kept.
    pub dropped: u64,
}

impl DateHistogram {
    /// Counts one value on `day`.
    pub fn add(&mut self, day: NaiveDate) {
        if let Some(n) = self.days.get_mut(&day) {
            *n += 1;
        } else if self.days.len() < MAX_DAYS {
            self.days.insert(day, 1);
        } else {
            self.dropped += 1;
        }
    }

    /// Values with a kept date.
    pub fn dated(&self) -> u64 {
        self.days.values().sum()
    }

    /// The first day by which at least `q` (0..=1) of the dated values have occurred.
    pub fn quantile(&self, q: f64) -> Option<NaiveDate> {
        let n = self.dated();
        if n == 0 {
            return None;
        }
        let want = ((q * n as f64).ceil() as u64).clamp(1, n);
        let mut cum = 0;
        for (day, c) in &self.days {
            cum += c;
            if cum >= want {
                return Some(*day);
            }
        }
        self.days.keys().next_back().copied()
    }
}

/// One article in the "most to tell" list.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// `article_id`.
    pub id: String,
    /// Title (may be empty).
    pub title: String,
    /// Published date (ISO when readable, else as written).
    pub published: String,
    /// Distinct entities.
    pub entities: u64,
    /// Quotes.
    pub quotes: u64,
    /// Events.
    pub events: u64,
    /// Words.
    pub words: u64,
    seq: u64,
}

impl Headline {
    fn rank(&self) -> (u64, u64, u64) {
        rank(self.quotes, self.events, self.entities, self.words)
    }
}

fn rank(quotes: u64, events: u64, entities: u64, words: u64) -> (u64, u64, u64) {
    (quotes + events, entities, words)
}

/// Figures from `articles.csv`.
#[derive(Debug, Default)]
pub struct ArticleStats {
    /// Rows.
    pub rows: u64,
    /// By `status`.
    pub status: SmallCounter,
    /// By `language`.
    pub languages: SmallCounter,
    /// Sums of the per-article count columns, which are the row counts of the other tables.
    pub entities: u64,
    /// Sum of `mentions`.
    pub mentions: u64,
    /// Sum of `quotes`.
    pub quotes: u64,
    /// Sum of `times`.
    pub times: u64,
    /// Sum of `events`.
    pub events: u64,
    /// Sum of `words`.
    pub words: u64,
    /// Articles per published date.
    pub published: DateHistogram,
    /// The articles with the most quotes and events, best first.
    pub headlines: Vec<Headline>,
}

/// Figures from `entities.csv`.
#[derive(Debug)]
pub struct EntityStats {
    /// Rows.
    pub rows: u64,
    /// Per type in [`ENTITY_TYPES`] order: articles per canonical name.
    pub by_type: Vec<SpaceSaving<()>>,
    /// Rows of a type not in [`ENTITY_TYPES`].
    pub other_type: u64,
}

impl Default for EntityStats {
    fn default() -> Self {
        EntityStats {
            rows: 0,
            by_type: ENTITY_TYPES
                .iter()
                .map(|_| SpaceSaving::new(NAME_COUNTERS))
                .collect(),
            other_type: 0,
        }
    }
}

/// A quote shown beside its speaker.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SampleQuote {
    /// The words (trimmed to [`SAMPLE_QUOTE_CHARS`]).
    pub text: String,
    /// Its kind.
    pub kind: String,
    /// The article it is from.
    pub article_id: String,
    good: bool,
}

/// Figures from `quotes.csv`.
#[derive(Debug)]
pub struct QuoteStats {
    /// Rows.
    pub rows: u64,
    /// Quotes with no speaker.
    pub unattributed: u64,
    /// By `kind`.
    pub kinds: SmallCounter,
    /// Quotes per speaker, each with a sample.
    pub speakers: SpaceSaving<Option<SampleQuote>>,
}

impl Default for QuoteStats {
    fn default() -> Self {
        QuoteStats {
            rows: 0,
            unattributed: 0,
            kinds: SmallCounter::new(50),
            speakers: SpaceSaving::new(SPEAKER_COUNTERS),
        }
    }
}

/// Figures from `events.csv`.
#[derive(Debug, Default)]
pub struct EventStats {
    /// Rows.
    pub rows: u64,
    /// By `type`.
    pub types: SmallCounter,
    /// By `status`.
    pub status: SmallCounter,
    /// Events dated to a day (`YYYY-MM-DD`, or a time on a day).
    pub full_dates: u64,
    /// Events dated less precisely (`2017`, `2017-10`, `XXXX-06-05`, `2017-W22`).
    pub partial_dates: u64,
    /// Events without a date.
    pub undated: u64,
    /// Events per day and type.
    pub timeline: Timeline,
}

/// Events per day by type, over a window of at most [`TIMELINE_DAYS`] days.
#[derive(Debug, Default)]
pub struct Timeline {
    fixed: Option<(NaiveDate, NaiveDate)>,
    cells: BTreeMap<NaiveDate, HashMap<String, u64>>,
    /// Dated events before the window.
    pub before: u64,
    /// Dated events after the window.
    pub after: u64,
    /// Dated events not kept because [`MAX_DAYS`] days were already kept.
    pub dropped: u64,
}

impl Timeline {
    /// A timeline over a window known in advance, or (`None`) one that keeps every day up to
    /// [`MAX_DAYS`] and picks the busiest window at the end.
    pub fn new(window: Option<(NaiveDate, NaiveDate)>) -> Timeline {
        Timeline {
            fixed: window,
            ..Timeline::default()
        }
    }

    /// Counts one event of `kind` on `day`.
    pub fn add(&mut self, day: NaiveDate, kind: &str) {
        if let Some((start, end)) = self.fixed {
            if day < start {
                self.before += 1;
                return;
            }
            if day > end {
                self.after += 1;
                return;
            }
        }
        if !self.cells.contains_key(&day) && self.cells.len() >= MAX_DAYS {
            self.dropped += 1;
            return;
        }
        let row = self.cells.entry(day).or_default();
        match row.get_mut(kind) {
            Some(n) => *n += 1,
            None => {
                row.insert(kind.to_string(), 1);
            }
        }
    }

    /// The window shown: the fixed one, or the [`TIMELINE_DAYS`] days holding the most events
    /// (the latest such window on ties). Events outside it are moved to `before` / `after`.
    pub fn finish(&mut self) {
        if self.cells.is_empty() {
            return;
        }
        let window = match self.fixed {
            Some(w) => w,
            None => {
                let totals: Vec<(NaiveDate, u64)> = self
                    .cells
                    .iter()
                    .map(|(d, row)| (*d, row.values().sum()))
                    .collect();
                let w = busiest_window(&totals, TIMELINE_DAYS);
                self.fixed = Some(w);
                w
            }
        };
        let (start, end) = window;
        let outside: Vec<NaiveDate> = self
            .cells
            .keys()
            .filter(|d| **d < start || **d > end)
            .copied()
            .collect();
        for d in outside {
            if let Some(row) = self.cells.remove(&d) {
                let n: u64 = row.values().sum();
                if d < start {
                    self.before += n;
                } else {
                    self.after += n;
                }
            }
        }
    }

    /// The window (first and last day), once known.
    pub fn window(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.fixed
    }

    /// Counts per type on `day`.
    pub fn day(&self, day: NaiveDate) -> Option<&HashMap<String, u64>> {
        self.cells.get(&day)
    }

    /// Events inside the window.
    pub fn shown(&self) -> u64 {
        self.cells.values().flat_map(|r| r.values()).sum()
    }

    /// Events inside the window per type, highest first.
    pub fn types(&self) -> Vec<(String, u64)> {
        let mut totals: HashMap<&str, u64> = HashMap::new();
        for row in self.cells.values() {
            for (k, n) in row {
                *totals.entry(k.as_str()).or_default() += n;
            }
        }
        let mut v: Vec<(String, u64)> = totals
            .into_iter()
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// The `days`-day window with the largest total (the latest on ties); `totals` sorted by day.
fn busiest_window(totals: &[(NaiveDate, u64)], days: u64) -> (NaiveDate, NaiveDate) {
    let span = days.saturating_sub(1);
    let mut best: Option<(u64, NaiveDate)> = None;
    let mut lo = 0;
    let mut sum = 0u64;
    for &(end, n) in totals {
        sum += n;
        let start = end
            .checked_sub_days(Days::new(span))
            .unwrap_or(NaiveDate::MIN);
        while totals[lo].0 < start {
            sum -= totals[lo].1;
            lo += 1;
        }
        if best.is_none_or(|(b, _)| sum >= b) {
            best = Some((sum, end));
        }
    }
    let end = best.map(|(_, e)| e).unwrap_or(NaiveDate::MIN);
    let start = end
        .checked_sub_days(Days::new(span))
        .unwrap_or(NaiveDate::MIN);
    (start, end)
}

/// One error kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ErrorKind {
    /// How many inputs.
    pub count: u64,
    /// The stage of the first one.
    pub stage: String,
    /// The message of the first one.
    pub message: String,
    /// The first few paths (`path#record` for records).
    pub examples: Vec<String>,
}

/// Figures from `errors.csv`.
#[derive(Debug, Default)]
pub struct ErrorStats {
    /// Rows.
    pub rows: u64,
    /// By kind (capped at 200 kinds; more go to [`OTHER`]).
    pub kinds: HashMap<String, ErrorKind>,
}

impl ErrorStats {
    /// Kinds, most frequent first.
    pub fn sorted(&self) -> Vec<(&str, &ErrorKind)> {
        let mut v: Vec<(&str, &ErrorKind)> =
            self.kinds.iter().map(|(k, e)| (k.as_str(), e)).collect();
        v.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
        v
    }
}

/// Reads every table in `dir` and counts what the report shows. `reference_date` (from
/// `run.json`) anchors the timeline when no article has a published date.
pub fn aggregate(dir: &Path, reference_date: Option<NaiveDate>) -> Aggregates {
    let (articles_events, entities, quotes_errors) = std::thread::scope(|s| {
        let a = s.spawn(|| {
            let mut notes = Vec::new();
            let (articles, found_a) = read_articles(dir, &mut notes);
            let window = news_window(&articles.published, reference_date);
            let (events, found_e) = read_events(dir, window, &mut notes);
            (articles, events, found_a, found_e, notes)
        });
        let b = s.spawn(|| {
            let mut notes = Vec::new();
            let (entities, found) = read_entities(dir, &mut notes);
            (entities, found, notes)
        });
        let mut notes = Vec::new();
        let (quotes, found_q) = read_quotes(dir, &mut notes);
        let (errors, found_r) = read_errors(dir, &mut notes);
        (
            a.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            b.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            (quotes, errors, found_q, found_r, notes),
        )
    });
    let (articles, events, found_a, found_e, notes_a) = articles_events;
    let (entities, found_n, notes_n) = entities;
    let (quotes, errors, found_q, found_r, notes_q) = quotes_errors;
    let mut tables_found = Vec::new();
    for (name, found) in [
        ("articles", found_a),
        ("entities", found_n),
        ("quotes", found_q),
        ("events", found_e),
        ("errors", found_r),
    ] {
        if found {
            tables_found.push(name);
        }
    }
    let mut notes = notes_a;
    notes.extend(notes_n);
    notes.extend(notes_q);
    Aggregates {
        articles,
        entities,
        quotes,
        events,
        errors,
        tables_found,
        notes,
    }
}

/// The window of the events timeline: from a week before the first published dates to two
/// weeks after the last, at most [`TIMELINE_DAYS`] days (the latest ones). The first and last
/// percentile of published dates are used, so one misdated article cannot stretch it. `None`
/// when nothing is dated: the timeline then picks its busiest window itself.
pub fn news_window(
    published: &DateHistogram,
    reference_date: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate)> {
    let (lo, hi) = match (published.quantile(0.01), published.quantile(0.99)) {
        (Some(lo), Some(hi)) => (lo, hi),
        _ => (reference_date?, reference_date?),
    };
    let end = hi
        .checked_add_days(Days::new(TIMELINE_AHEAD))
        .unwrap_or(NaiveDate::MAX);
    let earliest = end
        .checked_sub_days(Days::new(TIMELINE_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let start = lo
        .checked_sub_days(Days::new(7))
        .unwrap_or(NaiveDate::MIN)
        .max(earliest);
    Some((start, end))
}

fn note(notes: &mut Vec<String>, n: TableNote) {
    notes.push(n.0);
}

/// Calls `row` for each row of the table `name` (with the columns `cols`), noting in `notes`
/// why it could not be read to the end. Whether the table is there.
fn each_row(
    dir: &Path,
    name: &str,
    cols: &[&str],
    notes: &mut Vec<String>,
    mut row: impl FnMut(&TableReader),
) -> bool {
    let mut t = match TableReader::open(dir, name, cols) {
        Ok(Some(t)) => t,
        Ok(None) => return false,
        Err(n) => {
            note(notes, n);
            return true;
        }
    };
    loop {
        match t.next_row() {
            Ok(true) => row(&t),
            Ok(false) => break,
            Err(n) => {
                note(notes, n);
                break;
            }
        }
    }
    true
}

fn read_articles(dir: &Path, notes: &mut Vec<String>) -> (ArticleStats, bool) {
    const COLS: [&str; 11] = [
        "article_id",
        "title",
        "published",
        "status",
        "language",
        "entities",
        "mentions",
        "quotes",
        "times",
        "events",
        "words",
    ];
    let mut s = ArticleStats {
        status: SmallCounter::new(50),
        languages: SmallCounter::new(300),
        ..ArticleStats::default()
    };
    let present = each_row(dir, "articles", &COLS, notes, |t| {
        s.rows += 1;
        s.status.add(t.text(3).trim());
        s.languages.add(t.text(4).trim());
        let (entities, quotes, events, words) =
            (t.number(5), t.number(7), t.number(9), t.number(10));
        s.entities += entities;
        s.mentions += t.number(6);
        s.quotes += quotes;
        s.times += t.number(8);
        s.events += events;
        s.words += words;
        let published = t.text(2);
        match parse_date(&published) {
            Some(d) => s.published.add(d),
            None => s.published.undated += 1,
        }
        let r = rank(quotes, events, entities, words);
        let worst = s.headlines.iter().map(Headline::rank).min();
        if s.headlines.len() < HEADLINES || worst.is_some_and(|w| r > w) {
            let h = Headline {
                id: t.text(0).into_owned(),
                title: truncate(t.text(1).trim(), 200),
                published: match parse_date(&published) {
                    Some(d) => d.format("%Y-%m-%d").to_string(),
                    None => truncate(published.trim(), 40),
                },
                entities,
                quotes,
                events,
                words,
                seq: s.rows,
            };
            if s.headlines.len() >= HEADLINES {
                // Drop the lowest rank, the latest row among equals.
                if let Some(i) = (0..s.headlines.len()).min_by(|&a, &b| {
                    let (x, y) = (&s.headlines[a], &s.headlines[b]);
                    x.rank().cmp(&y.rank()).then(y.seq.cmp(&x.seq))
                }) {
                    s.headlines.swap_remove(i);
                }
            }
            s.headlines.push(h);
        }
    });
    if !present {
        return (s, false);
    }
    s.headlines
        .sort_by(|a, b| b.rank().cmp(&a.rank()).then(a.seq.cmp(&b.seq)));
    (s, true)
}

fn read_entities(dir: &Path, notes: &mut Vec<String>) -> (EntityStats, bool) {
    let mut s = EntityStats::default();
    let mut article: Vec<u8> = Vec::new();
    let mut seen: HashSet<u64> = HashSet::new();
    let present = each_row(
        dir,
        "entities",
        &["article_id", "type", "canonical"],
        notes,
        |t| {
            s.rows += 1;
            if t.bytes(0) != article.as_slice() {
                article.clear();
                article.extend_from_slice(t.bytes(0));
                seen.clear();
            }
            let Some(ty) = ENTITY_TYPES
                .iter()
                .position(|k| k.as_bytes() == t.bytes(1).trim_ascii())
            else {
                s.other_type += 1;
                return;
            };
            let name = t.text(2);
            let name = name.trim();
            if name.is_empty() {
                return;
            }
            let mut h = DefaultHasher::new();
            (ty, name).hash(&mut h);
            if seen.insert(h.finish()) {
                s.by_type[ty].add(name, 1);
            }
        },
    );
    (s, present)
}

fn read_quotes(dir: &Path, notes: &mut Vec<String>) -> (QuoteStats, bool) {
    let mut s = QuoteStats::default();
    let present = each_row(
        dir,
        "quotes",
        &["article_id", "kind", "speaker", "text"],
        notes,
        |t| {
            s.rows += 1;
            let kind = t.text(1);
            let kind = kind.trim();
            s.kinds.add(kind);
            let speaker = t.text(2);
            let speaker = speaker.trim();
            if speaker.is_empty() {
                s.unattributed += 1;
                return;
            }
            let (slot, _) = s.speakers.add(speaker, 1);
            let have_good = slot.payload.as_ref().is_some_and(|q| q.good);
            if have_good {
                return;
            }
            let text = t.text(3);
            let text = text.trim();
            let chars = text.chars().count();
            // A direct quote of a readable length is the best sample; otherwise keep the first.
            let good = kind == "direct" && (20..=SAMPLE_QUOTE_CHARS).contains(&chars);
            if slot.payload.is_none() || good {
                slot.payload = Some(SampleQuote {
                    text: truncate(text, SAMPLE_QUOTE_CHARS),
                    kind: kind.to_string(),
                    article_id: t.text(0).into_owned(),
                    good,
                });
            }
        },
    );
    (s, present)
}

/// How precisely an event is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePrecision {
    /// A calendar day (`2017-06-05`, or a time on it: `2017-06-05T14:30`).
    Day(NaiveDate),
    /// Something less than a day (`2017`, `2017-10`, `XXXX-06-05`, `2017-W22`, `PAST_REF`).
    Partial,
    /// No date.
    None,
}

/// Reads an event's normalised date. Only a full `YYYY-MM-DD` (optionally followed by a time)
/// is a day; year-only, month-only, week and year-less TIMEX3 values are partial.
pub fn date_precision(value: &str) -> DatePrecision {
    let v = value.trim();
    if v.is_empty() {
        return DatePrecision::None;
    }
    let b = v.as_bytes();
    let day_shaped = b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (b.len() == 10 || b[10] == b'T');
    if day_shaped && let Ok(d) = NaiveDate::parse_from_str(&v[..10], "%Y-%m-%d") {
        return DatePrecision::Day(d);
    }
    DatePrecision::Partial
}

fn read_events(
    dir: &Path,
    window: Option<(NaiveDate, NaiveDate)>,
    notes: &mut Vec<String>,
) -> (EventStats, bool) {
    let mut s = EventStats {
        types: SmallCounter::new(500),
        status: SmallCounter::new(50),
        timeline: Timeline::new(window),
        ..EventStats::default()
    };
    let present = each_row(dir, "events", &["type", "status", "date"], notes, |t| {
        s.rows += 1;
        let kind = t.text(0);
        let kind = match kind.trim() {
            "" => "(untyped)",
            k => k,
        };
        let counted = s.types.add(kind);
        s.status.add(t.text(1).trim());
        match date_precision(&t.text(2)) {
            DatePrecision::Day(d) => {
                s.full_dates += 1;
                s.timeline.add(d, counted);
            }
            DatePrecision::Partial => s.partial_dates += 1,
            DatePrecision::None => s.undated += 1,
        }
    });
    if !present {
        return (s, false);
    }
    s.timeline.finish();
    (s, true)
}

fn read_errors(dir: &Path, notes: &mut Vec<String>) -> (ErrorStats, bool) {
    const MAX_KINDS: usize = 200;
    let mut s = ErrorStats::default();
    let present = each_row(
        dir,
        "errors",
        &["path", "record", "stage", "kind", "message"],
        notes,
        |t| {
            s.rows += 1;
            let kind = t.text(3);
            let mut kind = match kind.trim() {
                "" => "(unknown)",
                k => k,
            };
            if !s.kinds.contains_key(kind) && s.kinds.len() >= MAX_KINDS {
                kind = OTHER;
            }
            if !s.kinds.contains_key(kind) {
                s.kinds.insert(
                    kind.to_string(),
                    ErrorKind {
                        stage: truncate(t.text(2).trim(), 40),
                        message: truncate(t.text(4).trim(), 300),
                        ..ErrorKind::default()
                    },
                );
            }
            if let Some(e) = s.kinds.get_mut(kind) {
                e.count += 1;
                if e.examples.len() < ERROR_EXAMPLES {
                    let path = t.text(0);
                    let record = t.text(1);
                    let record = record.trim();
                    e.examples.push(if record.is_empty() {
                        truncate(&path, 300)
                    } else {
                        truncate(&format!("{path}#{record}"), 300)
                    });
                }
            }
        },
    );
    (s, present)
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some(_) => {
            let cut = s
                .char_indices()
                .nth(max.saturating_sub(1))
                .map(|(i, _)| i)
                .unwrap_or(s.len());
            format!("{}…", s[..cut].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn only_full_days_are_days() {
        assert_eq!(
            date_precision("2017-06-05"),
            DatePrecision::Day(d("2017-06-05"))
        );
        assert_eq!(
            date_precision("2017-06-05T14:30"),
            DatePrecision::Day(d("2017-06-05"))
        );
        for partial in [
            "2017",
            "2017-10",
            "XXXX-06-05",
            "2017-W22",
            "PAST_REF",
            "2017-02-30",
        ] {
            assert_eq!(date_precision(partial), DatePrecision::Partial, "{partial}");
        }
        assert_eq!(date_precision(" "), DatePrecision::None);
    }

    #[test]
    fn window_follows_the_published_dates_and_ignores_outliers() {
        let mut h = DateHistogram::default();
        for _ in 0..200 {
            h.add(d("2025-03-10"));
        }
        h.add(d("2099-01-01"));
        let (start, end) = news_window(&h, None).unwrap();
        assert_eq!((start, end), (d("2025-03-03"), d("2025-03-24")));
        assert_eq!(
            news_window(&DateHistogram::default(), Some(d("2025-01-01"))),
            Some((d("2024-12-25"), d("2025-01-15")))
        );
        assert_eq!(news_window(&DateHistogram::default(), None), None);
    }

    #[test]
    fn free_timeline_picks_the_busiest_window() {
        let mut t = Timeline::new(None);
        t.add(d("1990-01-01"), "war");
        for _ in 0..3 {
            t.add(d("2025-02-01"), "strike");
        }
        t.add(d("2025-03-01"), "vote");
        t.finish();
        let (start, end) = t.window().unwrap();
        assert!(start <= d("2025-02-01") && end >= d("2025-03-01"));
        assert_eq!((t.before, t.after, t.shown()), (1, 0, 4));
        assert_eq!(t.types()[0], ("strike".to_string(), 3));
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("héllo", 5), "héllo");
        assert_eq!(truncate("héllo wörld", 6), "héllo…");
    }
}
