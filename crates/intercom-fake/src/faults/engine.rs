//! Deciding, request by request, whether a fault fires.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::rules::{FaultAction, FaultConfig, FaultKind, FaultRule, Step};
use crate::rng::SplitMix64;

struct Armed {
    rule: FaultRule,
    /// The next script step.
    cursor: usize,
}

struct EngineState {
    rules: Vec<Armed>,
    rng: SplitMix64,
}

/// The fault rules of a running fake, with their script positions and the seeded generator.
pub(crate) struct FaultEngine {
    /// Lets requests skip the lock when there is no rule at all.
    active: AtomicBool,
    state: Mutex<EngineState>,
}

impl FaultEngine {
    /// An engine for `config`, drawing from a generator seeded with `seed`.
    pub(crate) fn new(config: FaultConfig, seed: u64) -> Self {
        let engine = Self {
            active: AtomicBool::new(false),
            state: Mutex::new(EngineState {
                rules: Vec::new(),
                rng: SplitMix64::new(seed),
            }),
        };
        engine.replace(config);
        engine
    }

    /// Replaces the rules (scripts start over; the generator goes on).
    pub(crate) fn replace(&self, config: FaultConfig) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        self.active.store(!config.is_empty(), Ordering::Release);
        state.rules = config
            .rules
            .into_iter()
            .map(|rule| Armed { rule, cursor: 0 })
            .collect();
    }

    /// The fault for this request, if any.
    pub(crate) fn decide(&self, method: &str, path: &str) -> Option<FaultKind> {
        if !self.active.load(Ordering::Acquire) {
            return None;
        }
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let EngineState { rules, rng } = &mut *state;
        for armed in rules.iter_mut() {
            if !armed.rule.route.matches(method, path) {
                continue;
            }
            let fault = match &armed.rule.action {
                FaultAction::Script(steps) => {
                    let step = steps.get(armed.cursor).copied();
                    if step.is_some() {
                        armed.cursor += 1;
                    }
                    match step {
                        Some(Step::Fault(kind)) => Some(kind),
                        _ => None,
                    }
                }
                FaultAction::Rate { probability, kinds } => {
                    if !kinds.is_empty() && rng.next_f64() < *probability {
                        Some(kinds[rng.below(kinds.len())])
                    } else {
                        None
                    }
                }
            };
            if fault.is_some() {
                return fault;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::Route;

    #[test]
    fn scripts_run_in_order_then_pass() {
        let rule: FaultRule = "POST /ai/external_pages=500,ok,503".parse().unwrap();
        let engine = FaultEngine::new(FaultConfig::new().rule(rule), 0);
        let mut seen = Vec::new();
        for _ in 0..5 {
            seen.push(engine.decide("POST", "/ai/external_pages"));
            assert_eq!(engine.decide("GET", "/ai/external_pages"), None);
        }
        assert_eq!(
            seen,
            [
                Some(FaultKind::ServerError),
                None,
                Some(FaultKind::ServiceUnavailable),
                None,
                None
            ]
        );
    }

    #[test]
    fn rates_are_deterministic_under_a_seed() {
        let draw = |seed| {
            let config = FaultConfig::new().rule(FaultRule::rate(
                Route::All,
                0.5,
                [FaultKind::ServerError, FaultKind::Drop],
            ));
            let engine = FaultEngine::new(config, seed);
            (0..64)
                .map(|_| engine.decide("GET", "/x"))
                .collect::<Vec<_>>()
        };
        let a = draw(7);
        assert_eq!(a, draw(7));
        assert_ne!(a, draw(8));
        let fired = a.iter().filter(|f| f.is_some()).count();
        assert!((10..54).contains(&fired), "{fired}");
    }

    #[test]
    fn later_rules_see_requests_the_earlier_ones_let_through() {
        let config: FaultConfig = ["GET /x=ok,500", "all=503"]
            .iter()
            .map(|r| r.parse().unwrap())
            .collect();
        let engine = FaultEngine::new(config, 0);
        assert_eq!(
            engine.decide("GET", "/x"),
            Some(FaultKind::ServiceUnavailable)
        );
        assert_eq!(engine.decide("GET", "/x"), Some(FaultKind::ServerError));
    }
}
