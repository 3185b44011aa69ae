//! Test modules, one per feature.

mod cli;
mod compressed;
mod golden;
mod hostile;
mod incremental;
mod ordering;
mod report;
mod runjson;
mod safety;
mod shard;
mod tables;
