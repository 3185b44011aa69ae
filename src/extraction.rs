//! What the analysis finds in one article: the rows of every table for it.
//!
//! Spans are half-open `start..end` offsets in Unicode scalar values into the article body once
//! [`crate::analyse`] returns them (the stages work in byte offsets and convert at the end).
//! Ids (`entity_id`, `quote_id`, …) and sentence numbers are 1-based, for people reading tables.

use serde::Serialize;

/// A half-open range of offsets into the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First offset.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// How the analysis of an article ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleStatus {
    /// Every stage ran.
    Ok,
    /// The article is not in a language the extractor supports; only metadata is listed.
    UnsupportedLanguage,
    /// The body holds no words.
    Empty,
}

impl ArticleStatus {
    /// The value written to the `status` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            ArticleStatus::Ok => "ok",
            ArticleStatus::UnsupportedLanguage => "unsupported-language",
            ArticleStatus::Empty => "empty",
        }
    }
}

/// The four entity types of the CoNLL-2003 scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    /// People.
    #[serde(rename = "PERSON")]
    Person,
    /// Companies, institutions, teams, parties, media.
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, regions, landmarks.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, events, works and other names.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    /// The value written to the `type` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// All types, in a fixed order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];
}

/// One distinct entity of an article (a row of `entities.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// 1-based id within the article.
    pub id: usize,
    /// Its type.
    pub kind: EntityType,
    /// The fullest name the article gives it.
    pub canonical: String,
    /// How many mentions refer to it.
    pub mention_count: usize,
    /// The distinct ways the article writes it, in order of first appearance.
    pub surface_forms: Vec<String>,
    /// Offset of its first mention.
    pub first_start: usize,
}

/// One mention of an entity (a row of `mentions.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The entity it refers to.
    pub entity_id: usize,
    /// The mention's type (the entity's type).
    pub kind: EntityType,
    /// The text as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// 1-based sentence number.
    pub sentence: usize,
}

/// The kinds of quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words in quotation marks with a cue.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech and quoted words in one attribution.
    Mixed,
    /// A quote inside a quote.
    Embedded,
}

impl QuoteKind {
    /// The value written to the `kind` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Partial => "partial",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Embedded => "embedded",
        }
    }
}

/// One quotation or reported statement (a row of `quotes.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// 1-based id within the article.
    pub id: usize,
    /// Direct, indirect, partial, mixed or embedded.
    pub kind: QuoteKind,
    /// The speaker's canonical name (from the entities), or what the article wrote, or empty.
    pub speaker: String,
    /// The speaker's entity, if resolved to one.
    pub speaker_entity_id: Option<usize>,
    /// The speaker as written at the cue (a name, a title, a pronoun).
    pub speaker_text: String,
    /// Where `speaker_text` is.
    pub speaker_span: Option<Span>,
    /// The cue word or phrase (said, told, according to).
    pub cue: String,
    /// Where the cue is.
    pub cue_span: Option<Span>,
    /// What was said, without the outer quotation marks: the text of `span`, except for a
    /// quotation interrupted by its own tag (`"I would," she said. "I would, Donald."`), whose
    /// parts are joined by ` … ` (`I would, … I would, Donald.`).
    pub text: String,
    /// Where `text` is: from the first word said to the last (over the tag that interrupts
    /// a quotation).
    pub span: Span,
    /// 1-based sentence number of the quote's start.
    pub sentence: usize,
}

/// The TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TimeType {
    /// A calendar date or period: 2017-06-05, 2017-06, 2017-W22-WE.
    #[serde(rename = "DATE")]
    Date,
    /// A time of day: 2017-06-05T14:30.
    #[serde(rename = "TIME")]
    Time,
    /// A length of time: P3D.
    #[serde(rename = "DURATION")]
    Duration,
    /// A recurrence: every Monday.
    #[serde(rename = "SET")]
    Set,
}

impl TimeType {
    /// The value written to the `type` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// One time expression (a row of `times.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimeExpr {
    /// 1-based id within the article.
    pub id: usize,
    /// The text as written.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    pub kind: TimeType,
    /// The TIMEX3 value (`2017-06-05`, `XXXX-WXX-1`, `P3D`, `PRESENT_REF`).
    pub value: String,
    /// Where it is.
    pub span: Span,
    /// 1-based sentence number.
    pub sentence: usize,
}

/// Whether an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// It happened (or is happening).
    Occurred,
    /// It is planned, scheduled or expected.
    Planned,
    /// It was called off.
    Cancelled,
    /// The text says it did not happen.
    Negated,
    /// It might happen (if, could, would).
    Hypothetical,
}

impl EventStatus {
    /// The value written to the `status` column.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventStatus::Occurred => "occurred",
            EventStatus::Planned => "planned",
            EventStatus::Cancelled => "cancelled",
            EventStatus::Negated => "negated",
            EventStatus::Hypothetical => "hypothetical",
        }
    }
}

/// One event (a row of `events.csv`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// 1-based id within the article.
    pub id: usize,
    /// The event type from the taxonomy (attack, visit, election, …).
    pub kind: String,
    /// Occurred, planned, cancelled, negated or hypothetical.
    pub status: EventStatus,
    /// The trigger word or phrase of its first mention.
    pub trigger: String,
    /// Where the trigger is.
    pub trigger_span: Span,
    /// The time expression that dates it, as written.
    pub date_text: String,
    /// The normalised date (TIMEX3 value), empty when unknown.
    pub date: String,
    /// Where it happened (a location's canonical name), empty when unknown.
    pub place: String,
    /// Canonical names of the people and organisations involved, agent first.
    pub participants: Vec<String>,
    /// 1-based sentence number of its first mention.
    pub sentence: usize,
    /// The sentence that shows it, trimmed to a readable length.
    pub evidence: String,
    /// How many times the article refers to it.
    pub mentions: usize,
}

/// Sizes of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct TextStats {
    /// Unicode scalar values in the body.
    pub chars: usize,
    /// Word and number tokens.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extraction {
    /// ISO 639-1 code of the detected language (`en`), or `und` when unknown.
    pub language: String,
    /// How the analysis ended.
    pub status: ArticleStatus,
    /// Sizes.
    pub stats: TextStats,
    /// A hash of the body (hex), to find duplicates and changes.
    pub content_hash: String,
    /// Distinct entities.
    pub entities: Vec<Entity>,
    /// Entity mentions.
    pub mentions: Vec<Mention>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Events.
    pub events: Vec<Event>,
}
