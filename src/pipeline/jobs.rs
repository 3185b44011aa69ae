//! The discoverer: turns the inputs into numbered jobs, paired with the previous run's manifest.

use super::{InputMeta, Job, StageClock};
use crate::config::RunConfig;
use crate::corpus::discover::{DiscoverOptions, Discovered, Found, discover_units};
use crate::corpus::read::mtime_ns;
use crate::incremental::{Plan, Planner};
use crossbeam_channel::{Receiver, Sender};
use std::time::Instant;

/// The discoverer: walks the inputs, keeps this run's shard, pairs each input with the
/// previous run's manifest, and hands the inputs out in order as permits allow.
pub(super) fn discover_jobs(
    config: &RunConfig,
    mut planner: Option<Planner>,
    permits: Receiver<()>,
    jobs: Sender<Job>,
    stages: &StageClock,
) {
    let options = discover_options(config);
    let mut units = discover_units(&config.inputs, &options);
    let mut seq = 0u64;
    loop {
        let t = Instant::now();
        let Some(d) = units.next() else { break };
        if config.shard.is_some_and(|s| !s.contains(&d.shard_key)) {
            StageClock::add(&stages.discover, t);
            continue;
        }
        let job = plan_job(seq, d, planner.as_mut());
        StageClock::add(&stages.discover, t);
        if permits.recv().is_err() || jobs.send(job).is_err() {
            return; // the writer stopped
        }
        seq += 1;
    }
}

fn plan_job(seq: u64, d: Discovered, planner: Option<&mut Planner>) -> Job {
    let (path, is_file, stat) = match &d.found {
        Found::File(f) => {
            let stat = planner.is_some().then(|| {
                std::fs::metadata(&f.path)
                    .map(|m| (m.len(), mtime_ns(&m)))
                    .unwrap_or((0, 0))
            });
            (f.display_path.clone(), true, stat)
        }
        Found::Error(e) => (e.path.clone(), false, None),
    };
    let plan = match planner {
        Some(p) => p.plan(d.root, d.order_key(), stat),
        None => Plan::default(),
    };
    Job {
        seq,
        meta: Box::new(InputMeta {
            root: d.root,
            rel: d.rel,
            rel_raw: d.rel_raw,
            path,
            is_file,
            plan,
            size: 0,
            mtime_ns: 0,
            hash: String::new(),
            carried: false,
        }),
        found: d.found,
    }
}

pub(super) fn discover_options(config: &RunConfig) -> DiscoverOptions {
    DiscoverOptions {
        extensions: config.extensions.clone(),
        hidden: config.hidden,
        follow_links: config.follow_links,
        exclude: std::fs::canonicalize(&config.output).ok(),
    }
}
