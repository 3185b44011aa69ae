//! End-to-end tests: the real binary on small corpora that each test builds.

mod cases;
mod util;
