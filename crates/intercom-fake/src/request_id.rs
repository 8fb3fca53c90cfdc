//! Request ids shaped like Intercom's (UUID text), deterministic under the seed.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::rng::mix;

/// The id of the request being served, put in the request's extensions by the pipeline.
#[derive(Debug, Clone)]
pub(crate) struct RequestId(pub(crate) String);

/// Hands out request ids: the n-th id of a fake depends only on its seed and n.
#[derive(Debug)]
pub(crate) struct RequestIds {
    seed: u64,
    counter: AtomicU64,
}

impl RequestIds {
    /// A generator for a fake started with `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            seed,
            counter: AtomicU64::new(0),
        }
    }

    /// The next id, as `xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx`.
    pub(crate) fn next(&self) -> RequestId {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let hi = mix(self.seed ^ mix(n));
        let lo = mix(hi ^ n);
        RequestId(format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xffff,
            hi & 0xfff,
            (lo >> 48) & 0xfff,
            lo & 0xffff_ffff_ffff
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_shaped_and_deterministic() {
        let a = RequestIds::new(9);
        let b = RequestIds::new(9);
        let first = a.next().0;
        assert_eq!(first, b.next().0);
        assert_eq!(first.len(), 36);
        assert_eq!(first.as_bytes()[14], b'4');
        assert_ne!(first, a.next().0);
    }
}
