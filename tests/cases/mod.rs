//! Test modules, one per feature.

mod cli;
mod compressed;
mod events_stage;
mod golden;
mod hostile;
mod incremental;
mod ner_stage;
mod ordering;
mod quotes_stage;
mod report;
mod runjson;
mod safety;
mod shard;
mod tables;
mod time_stage;
