//! The `Content-Type` of every JSON answer, apart from the modules that answer (so that
//! `errors.rs` needs nothing from `routes`).

/// The `Content-Type` of every JSON answer.
pub(crate) const JSON: &str = "application/json; charset=utf-8";
