//! `cargo xtask bench`: builds the benchmark (`crates/intercom-bench`) and the fake's binary in
//! release mode, runs the per-request overhead (`cargo bench --bench overhead`, divan), then the
//! figures over whole runs, passing any further arguments to them (`cargo xtask bench --
//! --help` lists them; `--only sync,stream,built` leaves the overhead out unless it names it).

use std::ffi::OsString;
use std::process::Command;

use anyhow::{Context, Result};

use crate::spec;

/// The release build: the benchmark and the fake it starts.
const BUILD: [&str; 6] = [
    "build",
    "--release",
    "-p",
    "intercom-bench",
    "-p",
    "intercom-fake",
];

/// The per-request overhead, a divan benchmark.
const OVERHEAD: [&str; 5] = ["bench", "-p", "intercom-bench", "--bench", "overhead"];

/// The cargo steps of `cargo xtask bench ARGS`, in order.
fn steps(args: &[&str]) -> Vec<Vec<String>> {
    // `cargo xtask bench -- --flag` passes `--` through: drop it.
    let args = match args {
        ["--", rest @ ..] => rest,
        _ => args,
    };
    let owned = |a: &[&str]| a.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    let mut steps = vec![owned(&BUILD)];
    let only = args.iter().any(|a| a.starts_with("--only"));
    if !only || args.iter().any(|a| a.contains("overhead")) {
        steps.push(owned(&OVERHEAD));
    }
    let mut run = owned(&["run", "--release", "--quiet", "-p", "intercom-bench", "--"]);
    run.extend(owned(args));
    steps.push(run);
    steps
}

/// Builds, then runs the benchmarks; `false` if a step failed.
pub fn run(args: &[&str]) -> Result<bool> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let root = spec::workspace_root();
    for step in steps(args) {
        let status = Command::new(&cargo)
            .args(&step)
            .current_dir(&root)
            .status()
            .with_context(|| format!("cannot run cargo {}", step.join(" ")))?;
        if !status.success() {
            eprintln!("cargo {} failed", step.join(" "));
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_arguments_to_the_figures_and_runs_the_overhead_unless_left_out() {
        let all = steps(&[]);
        assert_eq!(all.len(), 3);
        assert_eq!(all[1], OVERHEAD);
        assert_eq!(all[2][6..], [] as [String; 0]);
        let some = steps(&["--", "--only", "sync"]);
        assert_eq!(some.len(), 2, "no overhead");
        assert_eq!(some[1][6..], ["--only", "sync"]);
        assert_eq!(steps(&["--only", "overhead,sync"]).len(), 3);
    }
}
