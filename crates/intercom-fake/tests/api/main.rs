//! The API operations over real HTTP: sources, pages, notes, errors, pagination, state file,
//! initial state, request log.

#[path = "../common/mod.rs"]
mod common;

mod errors;
mod lifecycle;
mod notes;
mod pages;
mod pagination;
mod request_log;
mod seeding;
mod sources;
mod state_file;
mod state_lock;
mod state_saver;
