//! What a figure reads off its process and off the fake: peak memory, CPU time, the requests
//! the fake logged, and the rate limit's floor.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use intercom_fake::RequestRecord;

/// The peak resident set of this process so far, in KiB (`VmHWM`; Linux only).
pub fn peak_kib() -> Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")
        .context("cannot read /proc/self/status (peak memory is measured on Linux only)")?;
    let Some(line) = status.lines().find_map(|l| l.strip_prefix("VmHWM:")) else {
        bail!("/proc/self/status has no VmHWM line");
    };
    let kib = line.trim().trim_end_matches("kB").trim();
    kib.parse()
        .with_context(|| format!("VmHWM is not a number of kB: {line:?}"))
}

/// CPU time (user and system, every thread) this process has used so far, to the nanosecond:
/// `/proc` only counts 10 ms ticks.
pub fn cpu_time() -> Result<Duration> {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid, writable timespec for the duration of the call.
    if unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) } != 0 {
        bail!("clock_gettime: {}", std::io::Error::last_os_error());
    }
    Ok(Duration::new(
        u64::try_from(now.tv_sec).unwrap_or(0),
        u32::try_from(now.tv_nsec).unwrap_or(0),
    ))
}

/// KiB as MiB, for the tables.
pub fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// What a run sent, from the fake's request log.
#[derive(Debug, Clone, Copy, Default)]
pub struct Logged {
    /// Every request the fake saw.
    pub requests: usize,
    /// Answered 429.
    pub rate_limited: usize,
    /// From the first request to the last, in seconds.
    pub span: f64,
    /// The earliest the last request could have been admitted, counted from the first.
    pub floor: f64,
}

impl Logged {
    /// Reads a log of a fake that started with the run and admits `limit` requests a window.
    /// The fake's first window starts with it, so request `k` (from 1) can be admitted no
    /// earlier than `window × ⌊(k − 1) / limit⌋` after the start; a 429 takes no place.
    pub fn of(records: &[RequestRecord], limit: u32, window: Duration) -> Logged {
        let (Some(first), Some(last)) = (records.first(), records.last()) else {
            return Logged::default();
        };
        let admitted = records.iter().filter(|r| r.status != Some(429)).count() as u64;
        let windows_before_last = admitted.saturating_sub(1) / u64::from(limit.max(1));
        let earliest_last_ms =
            (windows_before_last * window.as_millis() as u64).max(first.received_ms);
        Logged {
            requests: records.len(),
            rate_limited: records.len() - admitted as usize,
            span: last.received_ms.saturating_sub(first.received_ms) as f64 / 1000.0,
            floor: (earliest_last_ms - first.received_ms) as f64 / 1000.0,
        }
    }
}

/// Prints a Markdown table.
pub fn print_table(head: &[&str], rows: &[Vec<String>]) {
    println!("| {} |", head.join(" | "));
    println!("|{}", " --- |".repeat(head.len()));
    for row in rows {
        println!("| {} |", row.join(" | "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(received_ms: u64, status: u16) -> RequestRecord {
        serde_json::from_value(serde_json::json!({
            "request_id": "r", "method": "POST", "path": "/ai/external_pages", "authorized": true,
            "received_ms": received_ms, "status": status,
        }))
        .unwrap()
    }

    #[test]
    fn the_floor_counts_admitted_requests_by_window() {
        // Five admitted at a limit of two: the fifth waits for the third window (20 s).
        let log: Vec<_> = [
            (100, 201),
            (200, 200),
            (300, 429),
            (10_000, 200),
            (10_100, 200),
        ]
        .into_iter()
        .chain([(20_000, 200)])
        .map(|(ms, status)| record(ms, status))
        .collect();
        let logged = Logged::of(&log, 2, Duration::from_secs(10));
        assert_eq!((logged.requests, logged.rate_limited), (6, 1));
        assert_eq!(logged.span, 19.9);
        assert_eq!(logged.floor, 19.9);
    }
}
