//! Peak memory of this process: `VmHWM` ("high water mark" of the resident set) from
//! `/proc/self/status`. Linux only.

use anyhow::{Context, Result, bail};

/// The peak resident set size of this process so far, in KiB.
pub fn peak_kib() -> Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")
        .context("cannot read /proc/self/status (peak memory is measured on Linux only)")?;
    field_kib(&status, "VmHWM")
}

/// The value of a `Name:   1234 kB` line of a `/proc` status file.
fn field_kib(status: &str, name: &str) -> Result<u64> {
    for line in status.lines() {
        if let Some(rest) = line.strip_prefix(name).and_then(|r| r.strip_prefix(':')) {
            let number = rest.trim().trim_end_matches("kB").trim();
            return number
                .parse()
                .with_context(|| format!("{name} is not a number of kB: {rest:?}"));
        }
    }
    bail!("/proc/self/status has no {name} line")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_status_field() {
        let status = "Name:\tbench\nVmPeak:\t  20000 kB\nVmHWM:\t   12345 kB\nVmRSS:\t 1 kB\n";
        assert_eq!(field_kib(status, "VmHWM").unwrap(), 12_345);
        assert!(field_kib(status, "VmSwap").is_err());
    }
}
