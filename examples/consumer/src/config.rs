//! The client as the service configures it.

use std::time::Duration;

use intercom_client::{ApiVersion, Client, Region, RetryPolicy, Token, reqwest};

/// What the service's own configuration file says.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The app's access token.
    pub token: Token,
    /// `us`, `eu` or `au`.
    pub region: Region,
    /// A base URL instead of the region's (the fake, a recording proxy).
    pub base_url: Option<String>,
    /// An outbound HTTPS proxy, if the service's network needs one.
    pub proxy: Option<String>,
    /// How long one attempt may take.
    pub request_timeout: Duration,
    /// Attempts per idempotent call.
    pub attempts: u32,
    /// The `Intercom-Version` the service was written against.
    pub api_version: ApiVersion,
    /// Log response bodies at TRACE (off in production: they hold customer content).
    pub log_bodies: bool,
}

impl Settings {
    /// The service's defaults, with a token.
    pub fn new(token: impl Into<Token>) -> Settings {
        Settings {
            token: token.into(),
            region: Region::Us,
            base_url: None,
            proxy: None,
            request_timeout: Duration::from_secs(20),
            attempts: 5,
            api_version: ApiVersion::V2_14,
            log_bodies: false,
        }
    }
}

/// Why the client could not be configured.
#[derive(Debug)]
pub enum ConfigError {
    /// The proxy setting is not a proxy URL.
    Proxy(reqwest::Error),
    /// A client setting is wrong; the error names it.
    Client(intercom_client::Error),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::Proxy(e) => write!(f, "proxy: {e}"),
            ConfigError::Client(e) => write!(f, "intercom: {e}"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// The client for `settings`; an error names the setting at fault. The client logs every
/// attempt as a `tracing` span `intercom.request` (method, path, attempt, status,
/// request_id): the service's subscriber decides where it goes.
pub fn client(settings: &Settings) -> Result<Client, ConfigError> {
    let mut builder = Client::builder()
        .token(settings.token.clone())
        .region(settings.region)
        .api_version(settings.api_version.clone())
        .request_timeout(settings.request_timeout)
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(settings.attempts)
                .with_total_deadline(Some(Duration::from_secs(90))),
        )
        .log_bodies(settings.log_bodies);
    if let Some(url) = &settings.base_url {
        builder = builder.base_url(url.clone());
    }
    if let Some(proxy) = &settings.proxy {
        // The re-exported reqwest: no version of our own to keep in step.
        let http = reqwest::Proxy::https(proxy.as_str())
            .and_then(|proxy| {
                reqwest::Client::builder()
                    .proxy(proxy)
                    .connect_timeout(Duration::from_secs(5))
                    .build()
            })
            .map_err(ConfigError::Proxy)?;
        builder = builder.http_client(http);
    } else {
        // Only for the client the builder makes: a client of our own has its own (above).
        builder = builder.connect_timeout(Duration::from_secs(5));
    }
    builder.build().map_err(ConfigError::Client)
}
