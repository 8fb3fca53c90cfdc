//! The fault rules as data (see the module's docs for their syntax and meaning).

use std::fmt;
use std::time::Duration;

/// The fault rules of a fake, tried in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultConfig {
    pub(super) rules: Vec<FaultRule>,
}

impl FaultConfig {
    /// No faults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a rule after the existing ones.
    #[must_use]
    pub fn rule(mut self, rule: FaultRule) -> Self {
        self.rules.push(rule);
        self
    }

    /// Adds a rule after the existing ones, in place.
    pub fn push(&mut self, rule: FaultRule) {
        self.rules.push(rule);
    }

    /// The rules, in order.
    pub fn rules(&self) -> &[FaultRule] {
        &self.rules
    }

    /// Whether there is no rule.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

impl FromIterator<FaultRule> for FaultConfig {
    fn from_iter<I: IntoIterator<Item = FaultRule>>(iter: I) -> Self {
        Self {
            rules: iter.into_iter().collect(),
        }
    }
}

/// Which requests a rule applies to, and what it does to them.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRule {
    /// The requests it applies to.
    pub route: Route,
    /// What it does to them.
    pub action: FaultAction,
}

impl FaultRule {
    /// A scripted rule: the n-th matching request gets `steps[n]`, then requests pass.
    pub fn script(route: Route, steps: impl IntoIterator<Item = Step>) -> Self {
        Self {
            route,
            action: FaultAction::Script(steps.into_iter().collect()),
        }
    }

    /// A random rule: each matching request faults with `probability` (clamped to 0..=1), with
    /// a kind drawn uniformly from `kinds` (no kind: never faults).
    pub fn rate(
        route: Route,
        probability: f64,
        kinds: impl IntoIterator<Item = FaultKind>,
    ) -> Self {
        Self {
            route,
            action: FaultAction::Rate {
                probability,
                kinds: kinds.into_iter().collect(),
            },
        }
    }
}

/// The requests a rule applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Every API request (never the `/__fake/*` routes).
    All,
    /// Requests whose method and path match.
    Matching {
        /// Upper-case method, or `None` for any method.
        method: Option<String>,
        /// Path pattern: literal segments, `{name}` or `*` matching any one segment.
        path: String,
    },
}

impl Route {
    /// `method` (upper-cased; `*` for any) and the path pattern `path`.
    pub fn exact(method: &str, path: &str) -> Self {
        let method = method.trim();
        Self::Matching {
            method: (method != "*").then(|| method.to_ascii_uppercase()),
            path: path.trim().to_owned(),
        }
    }

    /// Whether a request with `method` and `path` is covered.
    pub fn matches(&self, method: &str, path: &str) -> bool {
        match self {
            Self::All => true,
            Self::Matching {
                method: wanted,
                path: pattern,
            } => {
                if wanted.as_deref().is_some_and(|m| m != method) {
                    return false;
                }
                let mut want = pattern.trim_matches('/').split('/');
                let mut have = path.trim_matches('/').split('/');
                loop {
                    match (want.next(), have.next()) {
                        (None, None) => return true,
                        (Some(w), Some(h)) => {
                            let wildcard = w == "*" || (w.starts_with('{') && w.ends_with('}'));
                            if !(w == h || (wildcard && !h.is_empty())) {
                                return false;
                            }
                        }
                        _ => return false,
                    }
                }
            }
        }
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::All => f.write_str("all"),
            Self::Matching { method, path } => {
                write!(f, "{} {path}", method.as_deref().unwrap_or("*"))
            }
        }
    }
}

/// What a rule does to the requests it covers.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultAction {
    /// One step per matching request, in order; when the steps run out, requests pass.
    Script(Vec<Step>),
    /// Each matching request faults with `probability`, with a kind drawn from `kinds`.
    Rate {
        /// From 0 (never) to 1 (always).
        probability: f64,
        /// The kinds to draw from, uniformly.
        kinds: Vec<FaultKind>,
    },
}

/// One step of a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Let the request through (to the next rule, then the API).
    Pass,
    /// Fault it.
    Fault(FaultKind),
}

/// What an injected fault looks like on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// 500 with an `error.list` (`server_error`).
    ServerError,
    /// 502 with an HTML body, as a proxy in front of the API sends.
    BadGateway,
    /// 503 with an `error.list` (`service_unavailable`).
    ServiceUnavailable,
    /// 429 with an `error.list` (`rate_limit_exceeded`) and the given headers.
    TooManyRequests(Throttle),
    /// The connection is closed without any answer.
    Drop,
    /// The answer is delayed, then given normally.
    Slow(Duration),
}

/// The headers of an injected 429.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    /// `Retry-After: N` (seconds) plus `X-RateLimit-Limit`, `-Remaining: 0` and `-Reset`.
    RetryAfter(u64),
    /// Only `X-RateLimit-Reset`, N seconds from now.
    ResetOnly(u64),
    /// No rate-limit header at all.
    Bare,
}

impl fmt::Display for FaultKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ServerError => f.write_str("500"),
            Self::BadGateway => f.write_str("502"),
            Self::ServiceUnavailable => f.write_str("503"),
            Self::TooManyRequests(Throttle::RetryAfter(s)) => write!(f, "429:{s}"),
            Self::TooManyRequests(Throttle::ResetOnly(s)) => write!(f, "429_reset:{s}"),
            Self::TooManyRequests(Throttle::Bare) => f.write_str("429_bare"),
            Self::Drop => f.write_str("drop"),
            Self::Slow(d) => write!(f, "slow:{}", d.as_millis()),
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pass => f.write_str("ok"),
            Self::Fault(kind) => kind.fmt(f),
        }
    }
}

impl fmt::Display for FaultRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}=", self.route)?;
        let (prefix, items): (String, Vec<String>) = match &self.action {
            FaultAction::Script(steps) => (
                String::new(),
                steps.iter().map(ToString::to_string).collect(),
            ),
            FaultAction::Rate { probability, kinds } => (
                format!("rate:{probability}:"),
                kinds.iter().map(ToString::to_string).collect(),
            ),
        };
        write!(f, "{prefix}{}", items.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_match_segments() {
        let r = Route::exact("put", "/ai/external_pages/{id}");
        assert!(r.matches("PUT", "/ai/external_pages/12"));
        assert!(!r.matches("GET", "/ai/external_pages/12"));
        assert!(!r.matches("PUT", "/ai/external_pages"));
        assert!(!r.matches("PUT", "/ai/external_pages/12/x"));
        let any = Route::exact("*", "/contacts/*/notes");
        assert!(any.matches("GET", "/contacts/abc/notes"));
        assert!(any.matches("POST", "/contacts/abc/notes/"));
        assert!(Route::All.matches("DELETE", "/anything"));
    }
}
