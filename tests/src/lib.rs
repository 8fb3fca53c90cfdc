//! Support for the workspace tests: reads the documented examples out of
//! `openapi/intercom.yaml` at test time, so that adding an example to the spec adds a test
//! case with no code change.

pub mod examples;
pub mod json;
pub mod replay;
