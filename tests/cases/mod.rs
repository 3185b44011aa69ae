//! Test modules, one per feature.

mod cli;
mod hostile;
mod ordering;
mod safety;
mod tables;
