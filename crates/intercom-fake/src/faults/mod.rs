//! Faults on demand: per route, a scripted sequence or a random rate of 500s, HTML 502s, 503s,
//! 429s, dropped connections and slow answers, deterministic under the fake's seed.
//!
//! A fault is decided before anything else happens to a request, so a faulted request changes
//! no state and uses no rate-limit budget; a `slow` fault only delays the normal answer.
//!
//! # Syntax
//!
//! The same text is accepted by [`FaultRule`]'s `FromStr` and by the binary's `--fault` flag:
//!
//! ```text
//! RULE   := ROUTE "=" SCRIPT | ROUTE "=" "rate:" PROBABILITY ":" KINDS
//! ROUTE  := "all" | METHOD " " PATH      METHOD: GET, POST, PUT, DELETE, … or "*" for any
//!                                         PATH: segments; "{name}" or "*" matches one segment
//! SCRIPT := STEP ("," STEP)*              STEP: "ok" or a KIND; one step per matching request,
//!                                         then every later request passes
//! KINDS  := KIND ("," KIND)*              one is drawn uniformly when the rate fires
//! KIND   := "500" | "502" | "503"         (502 has an HTML body, as a proxy sends; "502_html" too)
//!         | "429" [":" SECS]              429 with Retry-After: SECS (default 1) and X-RateLimit-*
//!         | "429_reset" [":" SECS]        429 with only X-RateLimit-Reset, SECS from now (default 1)
//!         | "429_bare"                    429 with no rate-limit header at all
//!         | "drop"                        close the connection without answering
//!         | "slow:" MILLIS                wait, then answer normally
//! ```
//!
//! ```
//! use intercom_fake::faults::{FaultAction, FaultKind, FaultRule, Route, Step};
//!
//! let rule: FaultRule = "POST /ai/external_pages=500,502,ok,drop".parse()?;
//! assert_eq!(rule.route, Route::exact("POST", "/ai/external_pages"));
//! assert_eq!(
//!     rule.action,
//!     FaultAction::Script(vec![
//!         Step::Fault(FaultKind::ServerError),
//!         Step::Fault(FaultKind::BadGateway),
//!         Step::Pass,
//!         Step::Fault(FaultKind::Drop),
//!     ])
//! );
//! let random: FaultRule = "all=rate:0.2:500,503".parse()?;
//! assert_eq!(random.to_string(), "all=rate:0.2:500,503");
//! # Ok::<(), intercom_fake::faults::FaultParseError>(())
//! ```
//!
//! Rules are tried in order for each request. A rule whose route matches either faults (and
//! the request goes no further) or lets the request on to the next rule; a script rule uses up
//! one step each time it is tried.

mod engine;
mod parse;
mod rules;

pub(crate) use engine::FaultEngine;
pub use parse::FaultParseError;
pub use rules::{FaultAction, FaultConfig, FaultKind, FaultRule, Route, Step, Throttle};
