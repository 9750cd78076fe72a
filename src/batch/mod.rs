//! HR batch runs: folders of profiles and rosters in, one workbook per employee out,
//! in parallel, with anonymous peer feedback merged in, per-item failures reported and
//! counted (never stopping the rest), shards for spreading a run over machines, and an
//! overview for HR.
pub mod feedback;
mod inputs;
pub mod overview;
pub mod roster;
mod run;
mod shard;
pub mod tally;

pub use inputs::{count, employees_of, locale_of, name_and_id, walk, Failure, Source};
pub use run::{run, BatchOptions, Report, Summary};
pub use shard::Shard;
