//! Workspace tasks, run as `cargo xtask <task>`.
//!
//! - `regen`: regenerate the low-level client and its httpmock helpers from
//!   `openapi/intercom.yaml` and write them into the workspace.
//! - `check`: lint the spec, regenerate in memory, and fail with a unified diff when
//!   a committed generated file differs from what the spec produces.
//! - `bench`: build and run the benchmarks (`crates/intercom-bench`) in release mode.
//! - `mutants`: mutation testing of the files that decide deletes, retries and pacing.
//! - `fidelity`: the docs sync's output against what each generator published (issue 24).

mod bench;
mod codegen;
mod drift;
mod fidelity;
mod httpmock_extras;
mod lint;
mod mutants;
mod open_enums;
mod operations;
mod requests;
mod schema;
mod spec;

use std::process::ExitCode;

use anyhow::Result;

const USAGE: &str = "usage: cargo xtask <regen|check|bench|mutants|fidelity>

  regen   regenerate the generated files (crates/intercom-openapi*/src, the client's request values) from openapi/intercom.yaml
  check   lint the spec and fail if any committed generated file drifted from it
  bench   build in release mode and run the benchmarks (BENCHMARKS.md); `bench -- --help` for options
  mutants [FILE…]  cargo-mutants on the files that decide deletes, retries and pacing (MUTANTS.md)
  fidelity  what the docs sync sends from each sample site's sources against what its generator published";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["regen"] => regen(),
        ["check"] => check(),
        ["bench", args @ ..] => bench::run(args),
        ["mutants", files @ ..] => mutants::run(files),
        ["fidelity"] => fidelity::run(),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            Ok(true)
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn regen() -> Result<bool> {
    let spec = spec::Spec::load()?;
    for file in codegen::generate(&spec)? {
        let path = spec::workspace_root().join(file.path);
        std::fs::write(&path, &file.contents)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
        println!("wrote {}", file.path);
    }
    Ok(true)
}

fn check() -> Result<bool> {
    let spec = spec::Spec::load()?;
    let problems = lint::lint(&spec);
    for problem in &problems {
        eprintln!("spec: {problem}");
    }
    let drifted = drift::report(&codegen::generate(&spec)?)?;
    if problems.is_empty() && !drifted {
        println!(
            "ok: {} is lint-clean and every generated file matches it",
            spec::SPEC_PATH
        );
        Ok(true)
    } else {
        if drifted {
            eprintln!(
                "generated code differs from the spec: run `cargo xtask regen` (never edit generated files by hand)"
            );
        }
        Ok(false)
    }
}
