//! careerbook: a YAML profile of an employee in, a career-development workbook out
//! (PDF, HTML, JSON, iCalendar, and a form to fill it in).
//!
//! The folders are the stages, in the order data flows; a stage imports only from the
//! stages listed before it:
//!
//! 1. [`text`]: the font and its measures, Chinese typography, line breaking, the
//!    zh-TW conversion. Imports nothing of the crate.
//! 2. [`base`]: languages, the message catalogue, diagnostics, the terminal, the
//!    privacy thresholds, the one hash.
//! 3. [`output`]: output file names, writing all or nothing, the folder lock.
//! 4. [`profile`]: what people write, read and checked — profiles, catalogues,
//!    ladders, last cycle's profiles — into [`profile::model::Profile`].
//! 5. [`tables`]: spreadsheets and delimited text as HR really has them.
//! 6. [`grid`]: ladders from qualification grids in spreadsheets, and back.
//! 7. [`analysis`]: pure functions of a profile: Johari window, ladder position,
//!    track fit, readiness, progress, what changed since the last cycle.
//! 8. [`workbook`]: what the document says, section by section, with its figures.
//! 9. [`render`]: HTML, PDF, JSON, iCalendar, the form; and the [`render::engine::Engine`] that takes
//!    one profile through stages 4 to 9.
//! 10. [`batch`]: HR's runs: inputs, rosters, peer feedback, shards, the tally and
//!     the overview.
//! 11. [`cli`]: the command line.

pub mod analysis;
pub mod base;
pub mod batch;
pub mod cli;
pub mod grid;
pub mod output;
pub mod profile;
pub mod render;
pub mod tables;
pub mod text;
pub mod workbook;
