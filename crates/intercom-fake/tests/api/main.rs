//! The API operations over real HTTP: sources, pages, notes, errors, pagination, state file.

#[path = "../common/mod.rs"]
mod common;

mod errors;
mod lifecycle;
mod notes;
mod pages;
mod pagination;
mod sources;
mod state_file;
mod state_lock;
mod state_saver;
