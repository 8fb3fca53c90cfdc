//! Pacing bulk work at the rate limit: as fast as the window allows, and never into a 429.
//!
//! Intercom counts calls per 10-second window and says, in every response, how many are left
//! (`X-RateLimit-Remaining`) and when the window resets (`X-RateLimit-Reset`, whole Unix
//! seconds). Paced calls use the window's calls while there are any and, when they are gone,
//! wait for the reset: bulk work finishes as early as the limit allows.
//!
//! What the headers do not say is worked out here:
//! - **calls in flight**: a response's `remaining` does not count the calls sent after it, so
//!   those still unanswered are deducted;
//! - **responses out of order**: within one window (one reset value) `remaining` only goes
//!   down, so the lowest seen is the latest; a response from an earlier window is ignored;
//! - **the server's clock**: the reset is a time on the server's clock, so the wait is worked
//!   out from the server's `Date` header, not from ours. Each response bounds the offset
//!   between the clocks (the server stamped `Date` between our send and our receive, in whole
//!   seconds); our clock is used where it agrees with those bounds, the lower bound where it
//!   does not (a skewed local clock), which never waits too short;
//! - **the reset's whole seconds**: `X-RateLimit-Reset` is rounded, so on its own it can be up
//!   to a second late, and a window that starts just after a whole second would cost a second
//!   in ten. A window lasts [`DEFAULT_WINDOW`] (Intercom's documented 10 seconds; see
//!   [`ClientBuilder::rate_limit_window`](crate::ClientBuilder::rate_limit_window)) and began
//!   no later than the first answer from it arrived, so it resets no later than that arrival
//!   plus the window: where the header is within a second of that, the wait ends then;
//! - **a new window**: once the reset has passed, the full limit is assumed until a response
//!   from the new window says otherwise;
//! - **windows end by time too**: a window assumed after a reset that no answer came from
//!   (the server is down, or a proxy answers without the headers) ends a window's length
//!   later like any other, so the calls held back for it go then;
//! - **attempts nobody counted**: an attempt that got no answer, or one without
//!   `X-RateLimit-*`, did not reach the rate limit (a refused connection, a proxy's 502), so
//!   it gives back its share of the window assumed after a reset.
//!
//! The rule is [`decide`], a pure function tested as a table; [`Pacer`] holds the state and
//! does the waiting.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::DateTime;
use reqwest::header::HeaderMap;
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::rate_limit::{MAX_RESET_WAIT, RateLimit};

/// How long a rate-limit window lasts unless told otherwise: Intercom's 10 seconds.
pub const DEFAULT_WINDOW: Duration = Duration::from_secs(10);

/// Waits longer than this are announced (logged at info, and told to
/// [`ClientBuilder::on_rate_limit_wait`](crate::ClientBuilder::on_rate_limit_wait)).
pub const ANNOUNCED_WAIT: Duration = Duration::from_secs(1);

/// A wait for the rate limit, as told to
/// [`ClientBuilder::on_rate_limit_wait`](crate::ClientBuilder::on_rate_limit_wait).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimitWait {
    /// How long the wait is.
    pub wait: Duration,
    /// The window's limit, if the server said.
    pub limit: Option<u64>,
}

impl RateLimitWait {
    /// A wait of `wait` in a window of `limit` calls (for tests of code that shows waits).
    pub fn new(wait: Duration, limit: Option<u64>) -> Self {
        RateLimitWait { wait, limit }
    }
}

/// Called when bulk work starts a wait longer than [`ANNOUNCED_WAIT`] for the rate limit.
pub type RateLimitWaitFn = Arc<dyn Fn(RateLimitWait) + Send + Sync>;

/// The window the pacer believes in: its reset on our (monotonic) clock and its calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// `X-RateLimit-Reset` as sent: identifies the window.
    pub(crate) reset: i64,
    /// When it resets, on our clock (tokio's, so a paused clock moves it).
    pub(crate) resets_at: Instant,
    /// `X-RateLimit-Limit`.
    pub(crate) limit: Option<u64>,
    /// The lowest `X-RateLimit-Remaining` seen for this window.
    pub(crate) remaining: u64,
}

/// Everything [`decide`] looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct View {
    pub(crate) window: Option<Window>,
    /// Paced calls sent and not answered yet.
    pub(crate) in_flight: u64,
    /// Paced calls sent since the window's reset passed, before any response from the new
    /// window came back.
    pub(crate) sent_after_reset: u64,
}

/// What a paced call is to do now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Send now.
    Go,
    /// Wait until then (a reset), and ask again.
    WaitUntil(Instant),
    /// The calls assumed for a new window are all on their way: wait for a response.
    WaitForResponse,
}

/// The pacing rule.
pub(crate) fn decide(view: &View, now: Instant) -> Decision {
    let Some(window) = view.window else {
        return Decision::Go;
    };
    if now >= window.resets_at {
        // A new window: its limit, less what was sent into it already.
        return match window.limit {
            Some(limit) if view.sent_after_reset >= limit => Decision::WaitForResponse,
            _ => Decision::Go,
        };
    }
    if window.remaining > view.in_flight {
        Decision::Go
    } else {
        Decision::WaitUntil(window.resets_at)
    }
}

/// What we know of the server's clock: bounds on `server − local`, in seconds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct ClockOffset {
    low: Option<f64>,
    high: Option<f64>,
}

impl ClockOffset {
    /// Narrows the bounds with one response: the server stamped `date` (whole seconds)
    /// between `sent` and `received` (local Unix seconds).
    pub(crate) fn observe(&mut self, date: i64, sent: f64, received: f64) {
        let low = date as f64 - received;
        let high = date as f64 + 1.0 - sent;
        self.low = Some(self.low.map_or(low, |l| l.max(low)));
        self.high = Some(self.high.map_or(high, |h| h.min(high)));
    }

    /// The best estimate of `server − local`: 0 (our clock, to the millisecond) where the
    /// bounds allow it, else the lower bound, which puts the server earliest in its second
    /// and so waits the longest for its reset: never too short.
    pub(crate) fn estimate(&self) -> f64 {
        match (self.low, self.high) {
            (Some(low), Some(high)) if low <= 0.0 && 0.0 <= high => 0.0,
            (Some(low), _) => low,
            _ => 0.0,
        }
    }
}

/// Local Unix time in seconds.
pub(crate) fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// The `Date` header, as Unix seconds.
fn date_header(headers: &HeaderMap) -> Option<i64> {
    let text = headers.get("date")?.to_str().ok()?;
    DateTime::parse_from_rfc2822(text.trim())
        .ok()
        .map(|d| d.timestamp())
}

#[derive(Debug, Default)]
struct State {
    view: View,
    /// Which window `sent_after_reset` counts for: a permit gives its share back only to the
    /// window it was counted in.
    generation: u64,
    clock: ClockOffset,
    last: Option<RateLimit>,
    /// The reset last announced, so a wait is told once, not once per waiting task.
    announced: Option<i64>,
}

/// The client's shared pacing state.
pub(crate) struct Pacer {
    state: Mutex<State>,
    responses: Notify,
    /// The longest a window lasts.
    window: Duration,
    on_wait: Option<RateLimitWaitFn>,
}

impl Default for Pacer {
    fn default() -> Self {
        Pacer::new(DEFAULT_WINDOW, None)
    }
}

impl std::fmt::Debug for Pacer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pacer")
            .field("window", &self.window)
            .finish_non_exhaustive()
    }
}

/// A paced call on its way: counted in flight until it is answered or dropped.
#[derive(Debug)]
pub(crate) struct Permit<'a> {
    pacer: &'a Pacer,
    /// The window generation it was counted in, if it went after a reset.
    after_reset: Option<u64>,
}

impl Permit<'_> {
    /// The attempt was answered with `X-RateLimit-*`: the server counted it, so it keeps
    /// its place in the window.
    pub(crate) fn counted(&mut self) {
        self.after_reset = None;
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut state = self.pacer.lock();
        state.view.in_flight = state.view.in_flight.saturating_sub(1);
        if self.after_reset == Some(state.generation) {
            state.view.sent_after_reset = state.view.sent_after_reset.saturating_sub(1);
        }
    }
}

impl View {
    /// Moves a window assumed after a reset on by whole windows once it has ended by time
    /// with no answer from it, so calls held back for that answer do not wait forever.
    /// Whether it moved.
    fn roll(&mut self, now: Instant, length: Duration) -> bool {
        let Some(window) = self.window.as_mut() else {
            return false;
        };
        if length.is_zero() {
            return false;
        }
        let Some(ends) = window.resets_at.checked_add(length) else {
            return false;
        };
        if now < ends {
            return false;
        }
        let windows = (now - window.resets_at).as_nanos() / length.as_nanos();
        let step = u32::try_from(windows)
            .ok()
            .and_then(|n| length.checked_mul(n));
        window.resets_at = step
            .and_then(|step| window.resets_at.checked_add(step))
            .unwrap_or(now);
        self.sent_after_reset = 0;
        true
    }
}

impl Pacer {
    pub(crate) fn new(window: Duration, on_wait: Option<RateLimitWaitFn>) -> Self {
        Pacer {
            state: Mutex::default(),
            responses: Notify::new(),
            window,
            on_wait,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The `X-RateLimit-*` values of the last response that had them.
    pub(crate) fn last(&self) -> Option<RateLimit> {
        self.lock().last
    }

    /// Takes in the headers of a response to a request sent at `started`, and returns what
    /// they say of the rate limit.
    pub(crate) fn record_since(&self, headers: &HeaderMap, started: Instant) -> Option<RateLimit> {
        self.record(headers, unix_now() - started.elapsed().as_secs_f64())
    }

    /// Takes in a response's headers; `sent` is when its request left (local Unix seconds).
    fn record(&self, headers: &HeaderMap, sent: f64) -> Option<RateLimit> {
        let rate = RateLimit::from_headers(headers)?;
        let mut state = self.lock();
        state.last = Some(rate);
        let (Some(reset), Some(remaining)) = (rate.reset, rate.remaining) else {
            return Some(rate);
        };
        let reset = reset.timestamp();
        let current = state.view.window.map(|w| w.reset);
        if current.is_some_and(|current| reset <= current) {
            // An answer from the window already known, or from an earlier one arriving late.
            if current == Some(reset)
                && let Some(window) = state.view.window.as_mut()
            {
                window.remaining = window.remaining.min(remaining);
                window.limit = rate.limit.or(window.limit);
            }
            return Some(rate);
        }
        let received = unix_now();
        if let Some(date) = date_header(headers) {
            state.clock.observe(date, sent, received);
        }
        let server_now = received + state.clock.estimate();
        let said = Duration::try_from_secs_f64(reset as f64 - server_now).unwrap_or(Duration::ZERO);
        // The first answer from a new window: it began no later than now, so it ends
        // within one window from now. Only the rounding is corrected: a reset further
        // than a second past that means something else, and is waited for.
        let left = if said <= self.window + Duration::from_secs(1) {
            said.min(self.window)
        } else {
            said
        }
        .min(MAX_RESET_WAIT);
        state.view.window = Some(Window {
            reset,
            resets_at: Instant::now() + left,
            limit: rate.limit,
            remaining,
        });
        state.view.sent_after_reset = 0;
        state.generation += 1;
        drop(state);
        // Calls waiting for the new window's first answer may go.
        self.responses.notify_waiters();
        Some(rate)
    }

    /// Waits until a paced call may go, and counts it in flight until the permit is dropped.
    /// Gives up at `deadline` (returning `None`), if there is one.
    pub(crate) async fn permit(&self, deadline: Option<Instant>) -> Option<Permit<'_>> {
        loop {
            let now = Instant::now();
            let (decision, announce) = {
                let mut state = self.lock();
                if state.view.roll(now, self.window) {
                    state.generation += 1;
                }
                let decision = decide(&state.view, now);
                let mut announce = None;
                match decision {
                    Decision::Go => {
                        state.view.in_flight += 1;
                        let mut after_reset = None;
                        if state.view.window.is_some_and(|w| now >= w.resets_at) {
                            state.view.sent_after_reset += 1;
                            after_reset = Some(state.generation);
                        }
                        return Some(Permit {
                            pacer: self,
                            after_reset,
                        });
                    }
                    Decision::WaitUntil(until) if until - now > ANNOUNCED_WAIT => {
                        let window = state.view.window;
                        if let Some(window) = window
                            && state.announced != Some(window.reset)
                        {
                            state.announced = Some(window.reset);
                            announce = Some(RateLimitWait {
                                wait: until - now,
                                limit: window.limit,
                            });
                        }
                    }
                    _ => {}
                }
                (decision, announce)
            };
            if let Some(wait) = announce {
                tracing::info!(
                    wait_ms = wait.wait.as_millis() as u64,
                    limit = wait.limit,
                    "rate limit: the window's calls are used; waiting for it to reset"
                );
                if let Some(on_wait) = &self.on_wait {
                    on_wait(wait);
                }
            }
            match decision {
                Decision::Go => unreachable!("returned above"),
                Decision::WaitUntil(until) => {
                    if deadline.is_some_and(|d| d < until) {
                        return None;
                    }
                    tracing::debug!(
                        wait_ms = (until - now).as_millis() as u64,
                        "pacing to stay under the rate limit"
                    );
                    tokio::time::sleep_until(until).await;
                }
                Decision::WaitForResponse => {
                    // A response may have come in meanwhile: a short sleep bounds the wait.
                    let notified = self.responses.notified();
                    let short = now + Duration::from_millis(50);
                    if deadline.is_some_and(|d| d < short) {
                        return None;
                    }
                    tokio::select! {
                        () = notified => {}
                        () = tokio::time::sleep_until(short) => {}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(remaining: u64, resets_in: Duration, now: Instant) -> Option<Window> {
        Some(Window {
            reset: 1_700_000_010,
            resets_at: now + resets_in,
            limit: Some(100),
            remaining,
        })
    }

    #[test]
    fn a_window_nobody_answered_rolls_to_the_start_of_the_current_one() {
        let now = Instant::now();
        let secs = Duration::from_secs;
        let mut view = View {
            window: window(0, secs(0), now),
            sent_after_reset: 7,
            ..View::default()
        };
        // 25 s past the reset, with 10 s windows: the current window began 20 s after it.
        assert!(view.roll(now + secs(25), secs(10)));
        assert_eq!(view.window.unwrap().resets_at, now + secs(20));
        assert_eq!(view.sent_after_reset, 0);
        // Within that window: nothing moves.
        assert!(!view.roll(now + secs(29), secs(10)));
        assert_eq!(view.window.unwrap().resets_at, now + secs(20));
    }

    #[test]
    fn pacing_table() {
        let now = Instant::now();
        let secs = Duration::from_secs;
        let view = |window, in_flight, sent_after_reset| View {
            window,
            in_flight,
            sent_after_reset,
        };
        #[rustfmt::skip]
        let table: &[(View, Decision, &str)] = &[
            (view(None, 0, 0), Decision::Go, "nothing known: go"),
            (view(window(50, secs(5), now), 16, 0), Decision::Go, "calls left beyond those in flight"),
            (view(window(17, secs(5), now), 16, 0), Decision::Go, "one call left beyond those in flight"),
            (view(window(16, secs(5), now), 16, 0), Decision::WaitUntil(now + secs(5)), "in-flight calls take the rest"),
            (view(window(0, secs(9), now), 0, 0), Decision::WaitUntil(now + secs(9)), "window used: wait for the reset"),
            (view(window(0, Duration::ZERO, now), 0, 0), Decision::Go, "reset passed: a new window"),
            (view(window(0, Duration::ZERO, now), 5, 99), Decision::Go, "new window: 99 of 100 sent"),
            (view(window(0, Duration::ZERO, now), 5, 100), Decision::WaitForResponse, "new window: all 100 sent"),
        ];
        for (view, expected, what) in table {
            assert_eq!(decide(view, now), *expected, "{what}");
        }
    }

    #[test]
    fn clock_offset_uses_our_clock_where_the_server_agrees() {
        let mut clock = ClockOffset::default();
        assert_eq!(clock.estimate(), 0.0);
        // Our clock says 100.4 when the server stamped 100: consistent.
        clock.observe(100, 100.3, 100.4);
        assert_eq!(clock.estimate(), 0.0);
        // Our clock is 30 s behind: the server stamped 130 while we read 100.
        let mut skewed = ClockOffset::default();
        skewed.observe(130, 100.3, 100.4);
        assert!(
            (skewed.estimate() - 29.6).abs() < 1e-9,
            "{}",
            skewed.estimate()
        );
        // Our clock is ahead: still the lower bound (the server early in its second).
        let mut ahead = ClockOffset::default();
        ahead.observe(70, 100.3, 100.4);
        assert!(
            (ahead.estimate() + 30.4).abs() < 1e-9,
            "{}",
            ahead.estimate()
        );
        // A later response narrows it: the server's second ticked just before 101.2.
        skewed.observe(131, 101.1, 101.2);
        assert!(
            (skewed.estimate() - 29.8).abs() < 1e-9,
            "{}",
            skewed.estimate()
        );
    }

    /// Pacing on tokio's paused clock, fed with the headers responses would carry. Dates are
    /// those of a server whose clock is far from ours (a skewed local clock), so the waits are
    /// worked out from its `Date` alone and come out exact; one test has a server that agrees
    /// with us.
    mod paused {
        use super::super::*;
        use reqwest::header::HeaderValue;
        use std::sync::atomic::{AtomicUsize, Ordering};

        /// A server second, far from our clock.
        const DATE: i64 = 1_700_000_000;

        fn headers(limit: u64, remaining: u64, reset: i64, date: i64) -> HeaderMap {
            let mut headers = HeaderMap::new();
            let value = |v: String| HeaderValue::from_str(&v).unwrap();
            headers.insert("x-ratelimit-limit", value(limit.to_string()));
            headers.insert("x-ratelimit-remaining", value(remaining.to_string()));
            headers.insert("x-ratelimit-reset", value(reset.to_string()));
            let date = DateTime::from_timestamp(date, 0).unwrap().to_rfc2822();
            headers.insert("date", value(date.replace("+0000", "GMT")));
            headers
        }

        /// One paced call: waits for its permit, then is answered with `answer`.
        async fn call(pacer: &Pacer, answer: &HeaderMap) -> Duration {
            let started = Instant::now();
            let mut permit = pacer.permit(None).await.expect("no deadline");
            let waited = started.elapsed();
            if pacer.record_since(answer, Instant::now()).is_some() {
                permit.counted();
            }
            drop(permit);
            waited
        }

        fn close_to(got: Duration, want: Duration) -> bool {
            got.abs_diff(want) < Duration::from_millis(50)
        }

        #[tokio::test(start_paused = true)]
        async fn a_full_window_is_used_at_once_then_the_reset_is_waited_for() {
            let pacer = Pacer::default();
            for remaining in (0..10).rev() {
                let waited = call(&pacer, &headers(10, remaining, DATE + 10, DATE)).await;
                assert_eq!(waited, Duration::ZERO, "the window's calls go at once");
            }
            let waited = call(&pacer, &headers(10, 9, DATE + 20, DATE + 10)).await;
            assert!(close_to(waited, Duration::from_secs(10)), "{waited:?}");
        }

        #[tokio::test(start_paused = true)]
        async fn calls_in_flight_are_deducted_when_the_window_runs_out_mid_batch() {
            let pacer = Pacer::default();
            pacer.record(&headers(100, 20, DATE + 8, DATE), unix_now());
            // 16 calls on their way, not counted in `remaining: 20` yet.
            let mut in_flight = Vec::new();
            for _ in 0..16 {
                in_flight.push(pacer.permit(None).await.unwrap());
            }
            let started = Instant::now();
            let mut more = Vec::new();
            for _ in 0..4 {
                more.push(pacer.permit(None).await.unwrap());
            }
            assert_eq!(started.elapsed(), Duration::ZERO, "20 calls left, 20 sent");
            let next = pacer.permit(None).await.unwrap();
            assert!(
                close_to(started.elapsed(), Duration::from_secs(8)),
                "{:?}",
                started.elapsed()
            );
            drop((in_flight, more, next));
        }

        #[tokio::test(start_paused = true)]
        async fn responses_out_of_order_never_raise_the_calls_left() {
            let pacer = Pacer::default();
            pacer.record(&headers(100, 1, DATE + 5, DATE), unix_now());
            // An older answer of the same window, arriving late, said more was left.
            pacer.record(&headers(100, 60, DATE + 5, DATE), unix_now());
            // And one from the window before.
            pacer.record(&headers(100, 99, DATE - 5, DATE - 10), unix_now());
            assert_eq!(
                call(&pacer, &headers(100, 0, DATE + 5, DATE)).await,
                Duration::ZERO
            );
            let waited = call(&pacer, &headers(100, 99, DATE + 15, DATE + 5)).await;
            assert!(close_to(waited, Duration::from_secs(5)), "{waited:?}");
        }

        #[tokio::test(start_paused = true)]
        async fn after_the_reset_the_new_window_is_used_before_any_answer_from_it() {
            let pacer = Pacer::default();
            pacer.record(&headers(3, 0, DATE + 2, DATE), unix_now());
            let mut sent = Vec::new();
            let started = Instant::now();
            for _ in 0..3 {
                sent.push(pacer.permit(None).await.unwrap());
            }
            assert!(close_to(started.elapsed(), Duration::from_secs(2)));
            // All 3 of the new window are out: the fourth waits for an answer.
            let answered = AtomicUsize::new(0);
            let fourth = async {
                let permit = pacer.permit(None).await.unwrap();
                assert_eq!(answered.load(Ordering::SeqCst), 1, "went after the answer");
                permit
            };
            let answer = async {
                tokio::time::sleep(Duration::from_millis(500)).await;
                answered.store(1, Ordering::SeqCst);
                pacer.record(&headers(3, 1, DATE + 12, DATE + 2), unix_now());
                drop(sent.pop());
            };
            let (permit, ()) = tokio::join!(fourth, answer);
            drop((permit, sent));
        }

        #[tokio::test(start_paused = true)]
        async fn a_reset_rounded_up_to_the_second_is_not_waited_for_past_the_window() {
            // The window began with its first answer, 0.9 s into a second: it ends 10 s
            // later, though `X-RateLimit-Reset` says 10.1 s further, rounded up to 11.
            let pacer = Pacer::default();
            pacer.record(&headers(10, 0, DATE + 11, DATE), unix_now());
            let waited = call(&pacer, &headers(10, 9, DATE + 21, DATE + 10)).await;
            assert!(close_to(waited, DEFAULT_WINDOW), "{waited:?}");
            // A window said to be longer is waited for in full.
            let pacer = Pacer::new(Duration::from_secs(60), None);
            pacer.record(&headers(10, 0, DATE + 11, DATE), unix_now());
            let waited = call(&pacer, &headers(10, 9, DATE + 21, DATE + 11)).await;
            assert!(close_to(waited, Duration::from_secs(11)), "{waited:?}");
        }

        #[tokio::test(start_paused = true)]
        async fn a_reset_in_the_past_is_no_wait() {
            let pacer = Pacer::default();
            pacer.record(&headers(10, 0, DATE - 3, DATE), unix_now());
            assert_eq!(
                call(&pacer, &headers(10, 9, DATE + 10, DATE)).await,
                Duration::ZERO
            );
        }

        #[tokio::test(start_paused = true)]
        async fn a_reset_far_away_is_capped_and_announced_once() {
            let told = Arc::new(Mutex::new(Vec::new()));
            let sink = told.clone();
            let pacer = Pacer::new(
                DEFAULT_WINDOW,
                Some(Arc::new(move |wait: RateLimitWait| {
                    sink.lock().unwrap().push(wait)
                })),
            );
            pacer.record(&headers(10, 0, DATE + 3_600, DATE), unix_now());
            let (a, b) = tokio::join!(pacer.permit(None), pacer.permit(None));
            drop((a, b));
            let told = told.lock().unwrap();
            assert_eq!(
                told.len(),
                1,
                "one announcement for both waiting calls: {told:?}"
            );
            assert!(close_to(told[0].wait, MAX_RESET_WAIT), "{told:?}");
            assert_eq!(told[0].limit, Some(10));
        }

        #[tokio::test(start_paused = true)]
        async fn the_wait_follows_the_servers_clock_not_ours() {
            // The server is an hour ahead of us: its reset is 4 s away on its clock.
            let ahead = unix_now().floor() as i64 + 3_600;
            let pacer = Pacer::default();
            pacer.record(&headers(10, 0, ahead + 4, ahead), unix_now());
            let waited = call(&pacer, &headers(10, 9, ahead + 14, ahead + 4)).await;
            assert!(close_to(waited, Duration::from_secs(4)), "{waited:?}");

            // A server that agrees with us: our clock places the reset within its second.
            let now = unix_now();
            let date = now.floor() as i64;
            let pacer = Pacer::default();
            pacer.record(&headers(10, 0, date + 4, date), now);
            let waited = call(&pacer, &headers(10, 9, date + 14, date + 4)).await;
            let expected = Duration::from_secs_f64(date as f64 + 4.0 - now);
            assert!(close_to(waited, expected), "{waited:?} for {expected:?}");
        }

        #[tokio::test(start_paused = true)]
        async fn waiting_for_a_new_windows_answer_ends_at_the_deadline() {
            let pacer = Pacer::default();
            let started = Instant::now();
            pacer.record_since(&headers(3, 0, DATE + 2, DATE), started);
            let mut permits = Vec::new();
            for _ in 0..3 {
                permits.push(pacer.permit(None).await.unwrap());
            }
            let waiting = Instant::now();
            // Not on a step of the wait's polling, which the paused clock would hit exactly.
            let deadline = waiting + Duration::from_millis(1_007);
            let permit =
                tokio::time::timeout(Duration::from_secs(60), pacer.permit(Some(deadline)))
                    .await
                    .expect("the deadline was ignored");
            assert!(permit.is_none(), "no answer came: the call gives up");
            assert!(
                waiting.elapsed() <= Duration::from_millis(1_007),
                "{:?}",
                waiting.elapsed()
            );
            for permit in &mut permits {
                permit.counted();
            }
        }

        #[tokio::test(start_paused = true)]
        async fn calls_of_an_earlier_window_give_no_place_back_in_the_next() {
            let pacer = Pacer::default();
            pacer.record_since(&headers(3, 0, DATE + 2, DATE), Instant::now());
            // The new window's three calls go; nobody answers.
            let mut first = Vec::new();
            for _ in 0..3 {
                first.push(pacer.permit(None).await.unwrap());
            }
            // That window ends by time: the next one has its three calls too.
            tokio::time::advance(Duration::from_secs(11)).await;
            let mut second = Vec::new();
            for _ in 0..3 {
                second.push(pacer.permit(None).await.unwrap());
            }
            // The first window's calls end without an answer: their places were in that
            // window, not in this one, which is still full.
            drop(first);
            let deadline = Instant::now() + Duration::from_millis(1_007);
            let fourth =
                tokio::time::timeout(Duration::from_secs(60), pacer.permit(Some(deadline)))
                    .await
                    .expect("the deadline was ignored");
            assert!(fourth.is_none(), "the window's limit is already sent");
            for permit in &mut second {
                permit.counted();
            }
        }

        #[tokio::test(start_paused = true)]
        async fn calls_of_an_earlier_window_give_no_place_back_after_an_answer_either() {
            let pacer = Pacer::default();
            pacer.record_since(&headers(3, 0, DATE + 2, DATE), Instant::now());
            let mut first = Vec::new();
            for _ in 0..3 {
                first.push(pacer.permit(None).await.unwrap());
            }
            // An answer tells of the next window (none left, reset in 2 s); its three calls
            // go once it resets.
            pacer.record_since(&headers(3, 0, DATE + 4, DATE + 2), Instant::now());
            let mut second = Vec::new();
            for _ in 0..3 {
                second.push(pacer.permit(None).await.unwrap());
            }
            drop(first);
            let deadline = Instant::now() + Duration::from_millis(1_007);
            let fourth =
                tokio::time::timeout(Duration::from_secs(60), pacer.permit(Some(deadline)))
                    .await
                    .expect("the deadline was ignored");
            assert!(fourth.is_none(), "the window's limit is already sent");
            for permit in &mut second {
                permit.counted();
            }
        }

        #[tokio::test(start_paused = true)]
        async fn a_later_deadline_lets_a_call_wait_for_the_new_windows_answer() {
            let pacer = Pacer::default();
            let started = Instant::now();
            pacer.record_since(&headers(3, 0, DATE + 2, DATE), started);
            let mut sent = Vec::new();
            for _ in 0..3 {
                sent.push(pacer.permit(None).await.unwrap());
            }
            let deadline = Instant::now() + Duration::from_secs(60);
            let fourth = pacer.permit(Some(deadline));
            let answer = async {
                tokio::time::sleep(Duration::from_millis(500)).await;
                let sent_at = Instant::now() - Duration::from_millis(100);
                pacer.record_since(&headers(3, 1, DATE + 12, DATE + 2), sent_at);
            };
            let (permit, ()) = tokio::join!(fourth, answer);
            assert!(permit.is_some(), "the answer came well before the deadline");
        }

        #[tokio::test(start_paused = true)]
        async fn a_window_nobody_answers_from_ends_by_time() {
            let pacer = Pacer::default();
            let started = Instant::now();
            pacer.record_since(&headers(3, 0, DATE + 2, DATE), started);
            // Three calls into the new window, still unanswered (a server that hangs).
            let mut sent = Vec::new();
            for _ in 0..3 {
                sent.push(pacer.permit(None).await.unwrap());
            }
            let reset = Instant::now();
            let fourth = tokio::time::timeout(Duration::from_secs(600), pacer.permit(None))
                .await
                .expect("held back for good");
            assert!(fourth.is_some());
            assert!(
                close_to(reset.elapsed(), DEFAULT_WINDOW),
                "{:?}",
                reset.elapsed()
            );
            drop((sent, fourth));
        }

        #[tokio::test(start_paused = true)]
        async fn attempts_without_rate_limit_headers_give_their_place_back() {
            let pacer = Pacer::default();
            pacer.record_since(&headers(3, 0, DATE + 2, DATE), Instant::now());
            let mut sent = Vec::new();
            for _ in 0..3 {
                sent.push(pacer.permit(None).await.unwrap());
            }
            // Refused connections or a proxy's 502s: nothing the server counted.
            drop(sent);
            let now = Instant::now();
            let mut again = Vec::new();
            for _ in 0..3 {
                let permit = tokio::time::timeout(Duration::from_secs(1), pacer.permit(None));
                again.push(permit.await.expect("held back").unwrap());
            }
            assert_eq!(
                now.elapsed(),
                Duration::ZERO,
                "the window's 3 calls are free again"
            );
            // Answered with the headers (of the window before, late): they keep their place.
            for permit in &mut again {
                pacer.record_since(&headers(3, 0, DATE + 2, DATE), Instant::now());
                permit.counted();
            }
            drop(again);
            let fourth = pacer
                .permit(Some(Instant::now() + Duration::from_secs(1)))
                .await;
            assert!(
                fourth.is_none(),
                "3 of 3 counted: wait for the window's answer"
            );
        }

        /// `record_since` works out when the request left from how long it took: a request
        /// that took 5 s, answered by a server whose `Date` is 3 s before the answer came,
        /// agrees with our clock (the server stamped it while the request was out).
        #[tokio::test(start_paused = true)]
        async fn record_since_bounds_the_servers_clock_by_when_the_request_left() {
            let now = unix_now();
            let date = now.floor() as i64 - 3;
            let started = Instant::now();
            tokio::time::advance(Duration::from_secs(5)).await;
            let pacer = Pacer::default();
            let rate = pacer.record_since(&headers(10, 0, date + 5, date), started);
            assert_eq!(rate.and_then(|r| r.remaining), Some(0));
            let waited = call(&pacer, &headers(10, 9, date + 15, date + 5)).await;
            // Our clock: the reset is 2 s (less our second's fraction) away, not 5.
            let expected = Duration::from_secs_f64(date as f64 + 5.0 - now);
            assert!(
                waited.abs_diff(expected) < Duration::from_millis(300),
                "{waited:?} for {expected:?}"
            );
        }

        /// A server 10 s behind us, answering a request that took 5 s: it stamped `Date`
        /// before the request left by our clock, so ours is wrong and its clock is used.
        #[tokio::test(start_paused = true)]
        async fn record_since_uses_the_servers_clock_when_ours_cannot_be_right() {
            let date = unix_now().floor() as i64 - 10;
            let started = Instant::now();
            tokio::time::advance(Duration::from_secs(5)).await;
            let pacer = Pacer::default();
            pacer.record_since(&headers(10, 0, date + 3, date), started);
            let waited = call(&pacer, &headers(10, 9, date + 13, date + 3)).await;
            assert!(close_to(waited, Duration::from_secs(3)), "{waited:?}");
        }

        #[tokio::test(start_paused = true)]
        async fn a_deadline_before_the_reset_gives_up_at_once() {
            let pacer = Pacer::default();
            pacer.record(&headers(10, 0, DATE + 9, DATE), unix_now());
            let deadline = Instant::now() + Duration::from_secs(2);
            assert!(pacer.permit(Some(deadline)).await.is_none());
            assert_eq!(pacer.lock().view.in_flight, 0);
        }
    }
}
