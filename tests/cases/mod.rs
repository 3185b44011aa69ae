//! Test modules, one per feature.

mod cli;
mod golden;
mod hostile;
mod ordering;
mod safety;
mod tables;
