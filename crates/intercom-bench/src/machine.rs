//! The machine the figures were taken on: cores, CPU model, memory, kernel (Linux `/proc`).

use std::fmt;

/// The 1-, 5- and 15-minute load averages (`/proc/loadavg`): other work on the machine
/// skews timings, so the report says how busy it was.
pub fn load_average() -> String {
    let loadavg = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let fields: Vec<&str> = loadavg.split_whitespace().take(3).collect();
    if fields.len() == 3 {
        fields.join(" ")
    } else {
        "unknown".to_owned()
    }
}

/// What the report says about the machine.
#[derive(Debug, Clone)]
pub struct Machine {
    /// Cores this process may use.
    pub cores: usize,
    /// `model name` of the first CPU in `/proc/cpuinfo`.
    pub cpu: String,
    /// `MemTotal` of `/proc/meminfo`, in KiB.
    pub memory_kib: Option<u64>,
    /// The kernel release.
    pub kernel: String,
}

impl Machine {
    /// Reads what it can; unknown values are said to be unknown.
    pub fn detect() -> Machine {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        let cpu = read("/proc/cpuinfo")
            .lines()
            .find_map(|line| {
                let (key, value) = line.split_once(':')?;
                (key.trim() == "model name").then(|| value.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown CPU".to_owned());
        let memory_kib = read("/proc/meminfo").lines().find_map(|line| {
            let rest = line.strip_prefix("MemTotal:")?;
            rest.trim().trim_end_matches("kB").trim().parse().ok()
        });
        let kernel = read("/proc/sys/kernel/osrelease").trim().to_owned();
        Machine {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu,
            memory_kib,
            kernel: if kernel.is_empty() {
                "unknown kernel".to_owned()
            } else {
                kernel
            },
        }
    }
}

impl fmt::Display for Machine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let memory = match self.memory_kib {
            Some(kib) => format!("{:.1} GiB", kib as f64 / (1024.0 * 1024.0)),
            None => "unknown memory".to_owned(),
        };
        write!(
            f,
            "{} cores, {}, {memory}, Linux {}",
            self.cores, self.cpu, self.kernel
        )
    }
}
