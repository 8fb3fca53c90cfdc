//! Progress on stderr, for people only: a spinner with a count when stderr is a terminal,
//! nothing at all when it is not (a pipe, a file, CI), so logs and tests see clean output.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often the spinner turns while nothing else happens.
const TICK: Duration = Duration::from_millis(120);

/// A spinner counting `unit` ("pages", "sources" …), or `None` when stderr is not a terminal.
///
/// A spinner rather than a bar with a length: lists and folders are streamed, so their
/// length is not known until they end.
pub fn spinner(unit: &str) -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let template = format!("{{spinner}} {{pos}} {unit} {{elapsed}} {{wide_msg}}");
    // The template is a constant apart from `unit`; a bad one only costs the style.
    let style = ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(style);
    bar.enable_steady_tick(TICK);
    Some(bar)
}
