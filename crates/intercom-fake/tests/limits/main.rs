//! Rate limits and injected faults over real HTTP.

#[path = "../common/mod.rs"]
mod common;

mod faults;
mod rate_limit;
