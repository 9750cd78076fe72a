//! Text, before any page: the compiled-in font and its measures, Chinese typography
//! (clreq), line breaking, and the Traditional Chinese conversion. The ground floor of
//! the house: it imports nothing of the crate, and profile checks, figures, the PDF
//! layout and the HTML all measure and convert text through it.

pub mod clreq;
pub mod font;
pub mod linebreak;
pub mod zhtw;
