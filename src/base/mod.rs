//! The ground floor every stage stands on: the user's language ([`lang`]) and the
//! workbook's ([`locale`]), the message catalogue ([`messages`]), diagnostics with file
//! and line ([`diag`]), the terminal ([`term`]), the privacy thresholds ([`privacy`])
//! and the one stable hash ([`hash`]). It imports only [`crate::text`].

pub mod diag;
pub mod hash;
pub mod lang;
pub mod locale;
pub mod messages;
pub mod privacy;
pub mod term;
