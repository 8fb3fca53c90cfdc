//! `cargo xtask bench`: builds the benchmark (`crates/intercom-bench`) and the fake's binary
//! in release mode, then runs the benchmark, passing any further arguments to it
//! (`cargo xtask bench -- --help` lists them). The benchmark finds the fake beside itself.

use std::ffi::OsString;
use std::process::Command;

use anyhow::{Context, Result};

use crate::spec;

/// The release build: the benchmark, the fake it starts, and the `intercom` CLI (figure 6).
const BUILD: [&str; 8] = [
    "build",
    "--release",
    "-p",
    "intercom-bench",
    "-p",
    "intercom-fake",
    "-p",
    "intercom-cli",
];

/// Runs the benchmark (built by [`BUILD`]) with `args`.
fn run_args(args: &[&str]) -> Vec<String> {
    let mut all: Vec<String> = ["run", "--release", "--quiet", "-p", "intercom-bench", "--"]
        .map(str::to_owned)
        .to_vec();
    // `cargo xtask bench -- --flag` passes `--` through: drop it.
    let args = match args {
        ["--", rest @ ..] => rest,
        _ => args,
    };
    all.extend(args.iter().map(|a| (*a).to_owned()));
    all
}

/// Builds, then runs the benchmark; `false` if either step failed.
pub fn run(args: &[&str]) -> Result<bool> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let root = spec::workspace_root();
    let cargo_step = |args: &[String]| -> Result<bool> {
        let status = Command::new(&cargo)
            .args(args)
            .current_dir(&root)
            .status()
            .with_context(|| format!("cannot run cargo {}", args.join(" ")))?;
        Ok(status.success())
    };
    if !cargo_step(&BUILD.map(str::to_owned))? {
        eprintln!("the release build failed");
        return Ok(false);
    }
    cargo_step(&run_args(args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_arguments_through() {
        let tail = |args: &[&str]| run_args(args)[6..].to_vec();
        assert!(tail(&[]).is_empty());
        assert_eq!(tail(&["--sync-pages", "100"]), ["--sync-pages", "100"]);
        assert_eq!(tail(&["--", "--help"]), ["--help"]);
    }
}
