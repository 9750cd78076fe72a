//! Renderers: every output reads the same [`crate::workbook::Workbook`].

pub mod html;
pub mod json;
pub mod pdf;
