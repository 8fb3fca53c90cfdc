//! The eight figures, one module each, and the sync a child process runs for three of them.

pub mod built_site;
pub mod cold_sync;
pub mod fake_state;
pub mod node_peer;
pub mod overhead;
pub mod plain_reqwest;
pub mod rate_limited;
pub mod stream_list;
pub mod sync_job;
pub mod warm_sync;
