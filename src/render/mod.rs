//! Renderers: every output reads the same [`crate::workbook::Workbook`].

pub mod engine;
pub mod form;
pub mod html;
pub mod ics;
pub mod json;
pub mod pdf;
pub mod sheets;
