//! `cargo xtask fidelity`: what the sync sends from each generator's sample sources against
//! what the real generator published from them (`crates/intercom-sync/tests/fidelity.rs`),
//! printed as tables: one per generator, page by page, then one line per generator.

use std::process::Command;

use anyhow::{Context, Result};

/// Runs the fidelity test with its output shown; false when it found a difference.
pub fn run() -> Result<bool> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(crate::spec::workspace_root())
        .args([
            "test",
            "--quiet",
            "-p",
            "intercom-sync",
            "--test",
            "fidelity",
            "--",
            "--nocapture",
        ])
        .status()
        .context("cannot run cargo test")?;
    Ok(status.success())
}
