//! Progress on stderr, for people only: a spinner with a count when stderr is a terminal,
//! nothing at all when it is not (a pipe, a file, CI), so logs and tests see clean output.

use std::io::IsTerminal;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use intercom_client::RateLimitWait;

/// The spinner showing now, if any: where a wait for the rate limit is told.
static SHOWING: Mutex<Option<ProgressBar>> = Mutex::new(None);

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
    *SHOWING.lock().unwrap_or_else(PoisonError::into_inner) = Some(bar.clone());
    Some(bar)
}

/// Tells a wait for the rate limit on the spinner, if one is showing (the client also logs
/// it at info, which `-v` shows). Given to the client as its `on_rate_limit_wait`.
pub fn rate_limit_wait(wait: RateLimitWait) {
    let showing = SHOWING.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(bar) = showing.as_ref().filter(|bar| !bar.is_finished()) {
        bar.set_message(wait_message(wait));
    }
}

fn wait_message(wait: RateLimitWait) -> String {
    let window = match wait.limit {
        Some(limit) => format!("its {limit} calls are used"),
        None => "its calls are used".to_owned(),
    };
    format!(
        "waiting {:.1} s for the rate limit window to reset ({window})",
        wait.wait.as_secs_f64()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_says_what_for_and_how_long() {
        let wait = RateLimitWait::new(Duration::from_millis(9_640), Some(1_666));
        assert_eq!(
            wait_message(wait),
            "waiting 9.6 s for the rate limit window to reset (its 1666 calls are used)"
        );
    }
}
