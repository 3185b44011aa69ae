//! Who a speaker phrase refers to: the names of the article (from the entity tagger when it
//! found them, else from capitalised words), grouped so that `Khan` is `Sadiq Khan`, and
//! pronouns resolved to the most recent compatible person or organisation.

use super::context::Context;
use super::cues;
use super::lexicon::{CueClass, Gender, class};
use super::speakers::{Form, Np, name_part, name_run_starting};
use crate::extraction::{Entity, EntityType, Mention};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place, or a name of unknown kind.
    Other,
}

/// One person or organisation of the article.
#[derive(Debug, Clone)]
struct Referent {
    /// Its fullest name.
    name: String,
    kind: Kind,
    gender: Option<Gender>,
    /// The entity it is, when the tagger found it.
    entity: Option<usize>,
}

/// One place in the text where a referent is named.
#[derive(Debug, Clone)]
struct NameMention {
    tokens: Range<usize>,
    referent: usize,
    in_quote: bool,
}

/// A speaker resolved to a name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The canonical name, the phrase as written, or empty for an unresolved pronoun.
    pub name: String,
    /// The entity, when linked to one.
    pub entity: Option<usize>,
}

/// How many mentions back a pronoun may look.
const PRONOUN_WINDOW: usize = 40;
/// How many mentions past a person of unknown gender a pronoun looks for one whose gender
/// is known.
const GENDER_PREFERENCE: usize = 8;
/// How many sentences back `it` and `they` may look for an organisation.
const ORG_SENTENCES: usize = 3;

/// The names of one article.
pub struct NameIndex {
    referents: Vec<Referent>,
    /// In text order.
    mentions: Vec<NameMention>,
    /// Referent of each mention by its first token.
    by_start: HashMap<usize, usize>,
}

impl NameIndex {
    /// Collects the names of the article: the tagger's mentions first, then capitalised runs
    /// that no mention covers.
    pub fn build(cx: &Context, entities: &[Entity], mentions: &[Mention]) -> NameIndex {
        let mut index = NameIndex {
            referents: Vec::new(),
            mentions: Vec::new(),
            by_start: HashMap::default(),
        };
        let mut covered = vec![false; cx.len()];
        let mut entity_referent: HashMap<usize, usize> = HashMap::default();
        for m in mentions {
            let first = cx.doc.token_at_or_after(m.span.start);
            let mut last = first;
            while last < cx.len() && cx.doc.tokens[last].start < m.span.end {
                last += 1;
            }
            if first >= last {
                continue;
            }
            let referent = *entity_referent.entry(m.entity_id).or_insert_with(|| {
                let e = entities.iter().find(|e| e.id == m.entity_id);
                let name = e.map_or_else(|| m.text.clone(), |e| e.canonical.clone());
                let kind = match m.kind {
                    EntityType::Person => Kind::Person,
                    EntityType::Org => Kind::Org,
                    _ => Kind::Other,
                };
                // `Ms Jones`, `Mr. Smith`: a title in the name or right before the mention,
                // else the first name.
                let first_word = name.split_whitespace().next().unwrap_or_default();
                let before = if first > 0 { cx.lower(first - 1) } else { "" };
                let gender = title_gender(&first_word.to_lowercase())
                    .or_else(|| title_gender(before))
                    .or_else(|| cx.lx.first_name(&first_word.to_lowercase()));
                index.referents.push(Referent {
                    name,
                    kind,
                    gender,
                    entity: Some(m.entity_id),
                });
                index.referents.len() - 1
            });
            for c in covered.iter_mut().take(last).skip(first) {
                *c = true;
            }
            index.push_mention(cx, first..last, referent);
        }
        index.add_runs(cx, &covered);
        index.mentions.sort_by_key(|m| m.tokens.start);
        index.by_start = index
            .mentions
            .iter()
            .map(|m| (m.tokens.start, m.referent))
            .collect();
        index
    }

    fn push_mention(&mut self, cx: &Context, tokens: Range<usize>, referent: usize) {
        let in_quote = cx.quote_at(tokens.start).is_some();
        self.mentions.push(NameMention {
            tokens,
            referent,
            in_quote,
        });
    }

    /// Adds the capitalised runs of the text that the tagger's mentions do not cover.
    fn add_runs(&mut self, cx: &Context, covered: &[bool]) {
        // Referent by full name and by last word of persons.
        let mut by_name: HashMap<String, usize> = HashMap::default();
        let mut by_last: HashMap<String, usize> = HashMap::default();
        for (i, r) in self.referents.iter().enumerate() {
            by_name.insert(r.name.to_lowercase(), i);
            if r.kind == Kind::Person
                && let Some(last) = r.name.split_whitespace().last()
            {
                by_last.insert(last.to_lowercase(), i);
            }
        }
        let mut i = 0;
        while i < cx.len() {
            if covered[i] || !cx.is_name_word(i) {
                i += 1;
                continue;
            }
            let sentence = cx.sentence_tokens(i);
            let run = name_run_starting(cx, i, sentence.end);
            // A title-case headline runs names into their verb (`Lindsey Graham Says`).
            let run = run.start
                ..(run.start..run.end)
                    .find(|&t| {
                        covered[t]
                            || t > run.start
                                && cues::match_at(cx, t).is_some_and(|(f, _)| {
                                    matches!(
                                        cx.lx.forms[f as usize].class,
                                        CueClass::Say | CueClass::Tell
                                    )
                                })
                    })
                    .unwrap_or(run.end);
            let next = run.end.max(i + 1);
            let name = name_part(cx, run.clone());
            let text = cx.doc.span_text(name.clone());
            let lower = text.to_lowercase();
            let words = name.len();
            let titled = name.start > run.start
                || name.start > 0 && cx.has_class(name.start - 1, class::TITLE);
            let title_gender = if name.start > 0 {
                title_gender(cx.lower(name.start - 1))
            } else {
                None
            };
            let first_gender = cx.first_name(name.start);
            let at_sentence_start = name.start == sentence.start;
            let is_org = (name.clone()).any(|t| cx.has_class(t, class::ORG))
                || words == 1 && is_acronym(cx.text(name.start));
            let referent = if let Some(&r) = by_name.get(&lower) {
                Some(r)
            } else if words == 1 && !is_org {
                by_last.get(&lower).copied()
            } else {
                None
            };
            let referent = match referent {
                Some(r) => {
                    if self.referents[r].gender.is_none() {
                        self.referents[r].gender = title_gender;
                    }
                    Some(r)
                }
                None => {
                    let kind = if is_org {
                        Kind::Org
                    } else if titled
                        || title_gender.is_some()
                        || first_gender.is_some() && words > 1
                    {
                        Kind::Person
                    } else {
                        Kind::Other
                    };
                    if kind == Kind::Other && at_sentence_start && words == 1 {
                        None
                    } else {
                        let gender = title_gender.or(if words > 1 || kind == Kind::Person {
                            first_gender
                        } else {
                            None
                        });
                        self.referents.push(Referent {
                            name: text.to_string(),
                            kind,
                            gender,
                            entity: None,
                        });
                        let r = self.referents.len() - 1;
                        by_name.insert(lower.clone(), r);
                        if kind == Kind::Person && words > 1 {
                            by_last.insert(cx.lower(name.end - 1).to_string(), r);
                        }
                        Some(r)
                    }
                }
            };
            if let Some(r) = referent {
                self.push_mention(cx, name, r);
            }
            i = next;
        }
    }

    /// Resolves the speaker phrase `np` of a quote whose cue is at token `at`.
    /// A name that speaks in quotation marks (`quoted`) and is no organisation is taken for a
    /// person from then on, so that a later `he` or `she` can refer to it.
    pub fn resolve(&mut self, cx: &Context, np: &Np, at: usize, quoted: bool) -> Resolved {
        let written = || cx.doc.span_text(np.head.clone()).to_string();
        // `Supporters of` ¶ `Holm`: a capitalised run cut short by the tagger's mention names
        // no one; the phrase as written does.
        let cut_short = |r: usize| {
            self.referents[r]
                .name
                .rsplit(' ')
                .next()
                .is_some_and(|w| matches!(w, "of" | "and" | "for" | "the" | "&"))
        };
        match np.form {
            Form::Name => match self.referent_at(np.head.clone()).filter(|&r| !cut_short(r)) {
                Some(r) => {
                    if quoted
                        && self.referents[r].kind == Kind::Other
                        && self.referents[r].entity.is_none()
                    {
                        self.referents[r].kind = Kind::Person;
                    }
                    self.resolved(r)
                }
                None => Resolved {
                    name: written(),
                    entity: None,
                },
            },
            Form::Nominal => {
                // `the White House`: a phrase that is a name with its article.
                match self.referent_at(np.head.clone()) {
                    Some(r)
                        if self.mention_covers(np.head.clone(), r)
                            && self.referents[r].kind != Kind::Person =>
                    {
                        self.resolved(r)
                    }
                    _ => Resolved {
                        name: written(),
                        entity: None,
                    },
                }
            }
            Form::Pronoun => {
                let pronoun = cx.lower(np.head.start);
                let found = match pronoun {
                    "he" => self.antecedent(cx, np.head.start.min(at), |r| {
                        r.kind == Kind::Person && r.gender != Some(Gender::Female)
                    }),
                    "she" => self.antecedent(cx, np.head.start.min(at), |r| {
                        r.kind == Kind::Person && r.gender != Some(Gender::Male)
                    }),
                    "it" | "they" => self.organisation(cx, np.head.start.min(at)),
                    _ => None,
                };
                // A person referred to as `she` is a woman from then on.
                if let Some(r) = found
                    && self.referents[r].gender.is_none()
                {
                    self.referents[r].gender = match pronoun {
                        "he" => Some(Gender::Male),
                        "she" => Some(Gender::Female),
                        _ => None,
                    };
                }
                found.map(|r| self.resolved(r)).unwrap_or_default()
            }
        }
    }

    fn resolved(&self, r: usize) -> Resolved {
        let referent = &self.referents[r];
        Resolved {
            name: referent.name.clone(),
            entity: referent.entity,
        }
    }

    /// The referent named at the tokens `head`: a mention starting there or inside it.
    fn referent_at(&self, head: Range<usize>) -> Option<usize> {
        if let Some(&r) = self.by_start.get(&head.start) {
            return Some(r);
        }
        let i = self
            .mentions
            .partition_point(|m| m.tokens.end <= head.start);
        self.mentions
            .get(i)
            .filter(|m| m.tokens.start < head.end)
            .map(|m| m.referent)
    }

    fn mention_covers(&self, head: Range<usize>, r: usize) -> bool {
        let i = self
            .mentions
            .partition_point(|m| m.tokens.end <= head.start);
        self.mentions.get(i).is_some_and(|m| {
            m.referent == r && m.tokens.end == head.end && m.tokens.len() * 2 >= head.len()
        })
    }

    /// The most recent referent before token `at`, outside quotations, that `fits`.
    /// A referent whose gender is known and fits is preferred to a more recent one whose
    /// gender is unknown, if it was named a few mentions before.
    fn antecedent(
        &self,
        _cx: &Context,
        at: usize,
        fits: impl Fn(&Referent) -> bool,
    ) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.tokens.start < at);
        let mut unknown: Option<(usize, usize)> = None;
        for (n, r) in self.mentions[..end]
            .iter()
            .rev()
            .take(PRONOUN_WINDOW)
            .filter(|m| !m.in_quote)
            .map(|m| m.referent)
            .enumerate()
        {
            if !fits(&self.referents[r]) {
                continue;
            }
            if self.referents[r].gender.is_some() {
                return Some(r);
            }
            match unknown {
                None => unknown = Some((n, r)),
                Some((first, _)) if n - first > GENDER_PREFERENCE => break,
                _ => {}
            }
        }
        unknown.map(|(_, r)| r)
    }

    /// The most recent organisation named before token `at` within a few sentences.
    fn organisation(&self, cx: &Context, at: usize) -> Option<usize> {
        let sentence = cx.doc.sentence_of(at.min(cx.len().saturating_sub(1)));
        let end = self.mentions.partition_point(|m| m.tokens.start < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take(PRONOUN_WINDOW)
            .take_while(|m| sentence - cx.doc.sentence_of(m.tokens.start) <= ORG_SENTENCES)
            .filter(|m| !m.in_quote)
            .map(|m| m.referent)
            .find(|&r| self.referents[r].kind == Kind::Org)
    }
}

/// True for an all-capitals word of two or more letters (`FBI`, `CNN`).
fn is_acronym(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && s.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
}

/// The gender a title gives the name after it (`Mr`, `Mrs.`, `Dame`), if any.
fn title_gender(title: &str) -> Option<Gender> {
    match title.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => Some(Gender::Female),
        _ => None,
    }
}
