//! careerbook: a YAML profile of an employee in, a career-development workbook out
//! (PDF, HTML, JSON).
//!
//! Data flows one way: [`profile`] (as written, checked) → [`model::Profile`] →
//! [`analysis`] (pure) → [`workbook::Workbook`] (what the document says) →
//! [`render`] (HTML, PDF, JSON).

/// Prints a line to standard output; a closed pipe (`careerbook … | head`) is not
/// an error, so the run goes on and finishes its files and summary.
#[macro_export]
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($t)*);
        let _ = writeln!(std::io::stdout(), "{}", $crate::base::term::safe(&text));
    }};
}

/// Prints a line to standard error, ignoring a closed pipe; diagnostics are painted
/// when colour is on (see [`term`]).
#[macro_export]
macro_rules! errln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let text = $crate::base::term::paint(&$crate::base::term::safe(&format!($($t)*)));
        let _ = writeln!(std::io::stderr(), "{text}");
    }};
}

/// Prints to standard output without a newline, ignoring a closed pipe.
#[macro_export]
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

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

pub use render::engine::{Engine, Format, Rendered};
