//! `-v`: the client's and the sync engine's `tracing` events on stderr, so that stdout stays
//! the command's output. Without `-v` nothing is logged: stderr holds only the one-line error,
//! if any.

use tracing_subscriber::filter::LevelFilter;

/// Installs the stderr logger for `verbose` (the number of `-v`).
pub fn init(verbose: u8) {
    let level = match verbose {
        0 => LevelFilter::OFF,
        1 => LevelFilter::INFO,
        2 => LevelFilter::DEBUG,
        _ => LevelFilter::TRACE,
    };
    // A second init (never the case in the binary) would only keep the first logger.
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
