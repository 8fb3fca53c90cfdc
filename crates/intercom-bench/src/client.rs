//! The token the fakes accept and the `intercom-client` every scenario uses.

use anyhow::{Context, Result};
use intercom_client::Client;

/// The bearer token every fake of the benchmark accepts (a fake's, not a secret).
pub const TOKEN: &str = "bench-token";

/// An `intercom-client` with its defaults (version pin, timeouts, retry policy) pointed at
/// the fake at `base_url`.
pub fn intercom(base_url: &str) -> Result<Client> {
    Client::builder()
        .token(TOKEN)
        .base_url(base_url)
        .build()
        .context("cannot build the intercom client")
}
