//! The analysis workers: each article through the NLP core, a panic caught as an error row,
//! and its rows formatted as CSV here, on every core, rather than in the one writer.

use super::{Done, Item, StageClock, Unit};
use crate::article::Article;
use crate::config::TableStyle;
use crate::corpus::{InputError, Stage};
use crate::extraction::{ArticleStatus, Extraction};
use crate::nlp::AnalysisOptions;
use crate::output::tables::RowRenderer;
use crossbeam_channel::{Receiver, Sender};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

/// The loop of one analysis worker.
pub(super) fn analyse_units(
    units: Receiver<Unit>,
    done: Sender<Done>,
    stages: &StageClock,
    options: &AnalysisOptions,
    style: TableStyle,
) {
    let mut renderer = RowRenderer::new(style);
    for unit in units.iter() {
        let item = match unit.item {
            Item::Work(article) => {
                let t = Instant::now();
                let result = analyse_one(article, options);
                StageClock::add(&stages.analyse, t);
                match result {
                    Ok((article, x)) => Item::Work(renderer.render(&article, &x)),
                    Err(e) => Item::Error(e),
                }
            }
            Item::Error(e) => Item::Error(e),
            Item::Carried => Item::Carried,
        };
        let d = Done {
            seq: unit.seq,
            index: unit.index,
            total: unit.total,
            meta: unit.meta,
            item,
        };
        if done.send(d).is_err() {
            return;
        }
    }
}

/// Analyses one article; a panic becomes an error row instead of ending the run.
fn analyse_one(
    article: Article,
    options: &AnalysisOptions,
) -> Result<(Article, Extraction), InputError> {
    match catch_unwind(AssertUnwindSafe(|| {
        crate::nlp::analyse_with(&article, options)
    })) {
        Ok(x) if x.status == ArticleStatus::Empty => {
            let e = InputError::skipped(
                &article.path,
                Stage::Analyse,
                "empty",
                "no words in the text",
            );
            Err(match article.record {
                Some(r) => e.with_record(r),
                None => e,
            })
        }
        Ok(x) => Ok((article, x)),
        Err(_) => {
            let e = InputError::failed(
                &article.path,
                Stage::Analyse,
                "internal-error",
                "the extractor failed on this article (a bug: please report it with the article)",
            );
            Err(match article.record {
                Some(r) => e.with_record(r),
                None => e,
            })
        }
    }
}
