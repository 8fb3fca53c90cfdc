//! The text syntax of fault rules (see the module docs of [`crate::faults`]).

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use super::rules::{FaultAction, FaultKind, FaultRule, Route, Step, Throttle};

/// A fault rule, route, step or kind that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultParseError(String);

impl fmt::Display for FaultParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid fault: {}", self.0)
    }
}

impl std::error::Error for FaultParseError {}

fn err(message: String) -> FaultParseError {
    FaultParseError(message)
}

impl FromStr for Route {
    type Err = FaultParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("all") {
            return Ok(Self::All);
        }
        let mut parts = s.split_whitespace();
        match (parts.next(), parts.next(), parts.next()) {
            (Some(method), Some(path), None)
                if path.starts_with('/')
                    && (method == "*" || method.bytes().all(|b| b.is_ascii_alphabetic())) =>
            {
                Ok(Self::exact(method, path))
            }
            _ => Err(err(format!(
                "route {s:?} is not `all` or `METHOD /path` (e.g. `POST /ai/external_pages`)"
            ))),
        }
    }
}

fn seconds(kind: &str, arg: Option<&str>) -> Result<u64, FaultParseError> {
    match arg {
        None => Ok(1),
        Some(a) => a
            .parse()
            .map_err(|_| err(format!("{kind}: {a:?} is not a whole number of seconds"))),
    }
}

impl FromStr for FaultKind {
    type Err = FaultParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (name, arg) = match s.split_once(':') {
            Some((n, a)) => (n, Some(a)),
            None => (s, None),
        };
        let no_arg = |kind: FaultKind| match arg {
            None => Ok(kind),
            Some(a) => Err(err(format!("{name} takes no argument (got {a:?})"))),
        };
        match name.to_ascii_lowercase().as_str() {
            "500" => no_arg(Self::ServerError),
            "502" | "502_html" => no_arg(Self::BadGateway),
            "503" => no_arg(Self::ServiceUnavailable),
            "429" | "429_retry_after" => Ok(Self::TooManyRequests(Throttle::RetryAfter(seconds(
                name, arg,
            )?))),
            "429_reset" => Ok(Self::TooManyRequests(Throttle::ResetOnly(seconds(
                name, arg,
            )?))),
            "429_bare" => no_arg(Self::TooManyRequests(Throttle::Bare)),
            "drop" => no_arg(Self::Drop),
            "slow" => match arg.map(str::parse::<u64>) {
                Some(Ok(ms)) => Ok(Self::Slow(Duration::from_millis(ms))),
                _ => Err(err(format!(
                    "slow needs milliseconds, e.g. slow:250 (got {s:?})"
                ))),
            },
            _ => Err(err(format!(
                "unknown fault kind {s:?} (expected 500, 502, 503, 429[:SECS], 429_reset[:SECS], 429_bare, drop, slow:MS)"
            ))),
        }
    }
}

impl FromStr for Step {
    type Err = FaultParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("ok") {
            Ok(Self::Pass)
        } else {
            s.parse().map(Self::Fault)
        }
    }
}

/// Parses a comma-separated list of kinds (as `--fault-kinds` takes).
pub(crate) fn kinds(s: &str) -> Result<Vec<FaultKind>, FaultParseError> {
    let kinds = s
        .split(',')
        .map(str::parse)
        .collect::<Result<Vec<FaultKind>, _>>()?;
    if kinds.is_empty() {
        return Err(err("no fault kind given".into()));
    }
    Ok(kinds)
}

/// Parses a probability from 0 to 1.
pub(crate) fn probability(s: &str) -> Result<f64, FaultParseError> {
    match s.trim().parse::<f64>() {
        Ok(p) if (0.0..=1.0).contains(&p) => Ok(p),
        _ => Err(err(format!("rate {s:?} is not a probability from 0 to 1"))),
    }
}

impl FromStr for FaultRule {
    type Err = FaultParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let Some((route, spec)) = s.split_once('=') else {
            return Err(err(format!("{s:?} has no `=` (expected ROUTE=STEPS)")));
        };
        let route: Route = route.parse()?;
        let spec = spec.trim();
        if let Some(rest) = spec.strip_prefix("rate:") {
            let Some((p, list)) = rest.split_once(':') else {
                return Err(err(format!("{spec:?} is not rate:PROBABILITY:KINDS")));
            };
            return Ok(Self {
                route,
                action: FaultAction::Rate {
                    probability: probability(p)?,
                    kinds: kinds(list)?,
                },
            });
        }
        let steps = spec
            .split(',')
            .map(str::parse)
            .collect::<Result<Vec<Step>, _>>()?;
        Ok(Self::script(route, steps))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_parses_and_prints_back() {
        for (text, kind) in [
            ("500", FaultKind::ServerError),
            ("502", FaultKind::BadGateway),
            ("503", FaultKind::ServiceUnavailable),
            ("429:1", FaultKind::TooManyRequests(Throttle::RetryAfter(1))),
            (
                "429_reset:3",
                FaultKind::TooManyRequests(Throttle::ResetOnly(3)),
            ),
            ("429_bare", FaultKind::TooManyRequests(Throttle::Bare)),
            ("drop", FaultKind::Drop),
            ("slow:250", FaultKind::Slow(Duration::from_millis(250))),
        ] {
            assert_eq!(text.parse::<FaultKind>().unwrap(), kind);
            assert_eq!(kind.to_string(), text);
        }
        assert_eq!(
            "502_html".parse::<FaultKind>().unwrap(),
            FaultKind::BadGateway
        );
        assert_eq!(
            "429".parse::<FaultKind>().unwrap(),
            FaultKind::TooManyRequests(Throttle::RetryAfter(1))
        );
    }

    #[test]
    fn rules_round_trip() {
        for text in [
            "POST /ai/external_pages=500,502,ok,drop,slow:10",
            "all=rate:0.25:503,429_bare",
            "* /contacts/{id}/notes=429:2",
        ] {
            assert_eq!(text.parse::<FaultRule>().unwrap().to_string(), text);
        }
    }

    #[test]
    fn bad_rules_say_why() {
        for bad in [
            "POST /x",
            "POST=500",
            "POST x=500",
            "all=600",
            "all=slow",
            "all=rate:2:500",
            "all=rate:0.5",
            "all=500:3",
        ] {
            let e = bad.parse::<FaultRule>().unwrap_err();
            assert!(e.to_string().starts_with("invalid fault: "), "{bad}: {e}");
        }
    }
}
