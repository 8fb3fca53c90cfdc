//! `Client` and its builder: token, region or base URL, version pin, timeouts, retries.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use intercom_openapi::operation::Operation;
use reqwest::header::HeaderValue;

use crate::body::DEFAULT_MAX_RESPONSE_BYTES;
use crate::call::Call;
use crate::error::{Error, Result};
use crate::pacer::{DEFAULT_WINDOW, Pacer, RateLimitWait, RateLimitWaitFn};
use crate::rate_limit::RateLimit;
use crate::reachability::{DEFAULT_UNREACHABLE_AFTER, Reachability};
use crate::region::{BaseUrl, Region};
use crate::retry::RetryPolicy;
use crate::token::{REDACTED, Token};
use crate::transport::{Outgoing, Transport, USER_AGENT, version_header};
use crate::version::{ApiVersion, DEFAULT_API_VERSION};

/// The environment variable [`Client::from_env`] reads the token from.
pub const TOKEN_ENV_VAR: &str = "INTERCOM_TOKEN";

/// Default time to establish a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Default time for one attempt of one request, body included.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// An Intercom API client. Cheap to clone: clones share one connection pool, one rate-limit
/// budget and one configuration.
///
/// Every request carries `Authorization`, `Intercom-Version`, `Accept: application/json` and
/// `User-Agent`, and goes only to the configured base URL.
///
/// ```no_run
/// # async fn run() -> intercom_client::Result<()> {
/// use intercom_client::{Client, Region};
///
/// let client = Client::builder()
///     .token("dG9rOmFiYw==")
///     .region(Region::Eu)
///     .build()?;
/// let source = client.content_import_sources().ensure("https://help.example.com").await?;
/// println!("source {}", source.id);
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Arc<Transport>,
}

impl Client {
    /// A builder with the defaults: US region, [`DEFAULT_API_VERSION`], 10 s to connect,
    /// 30 s per attempt, [`RetryPolicy::default`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client with the defaults and this token.
    pub fn new(token: impl Into<Token>) -> Result<Client> {
        Client::builder().token(token).build()
    }

    /// A client with the defaults and the token in the `INTERCOM_TOKEN` environment variable.
    pub fn from_env() -> Result<Client> {
        Client::builder().token_from_env()?.build()
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        self.transport.base.as_str()
    }

    /// The `Intercom-Version` sent when a call does not ask for another.
    pub fn api_version(&self) -> &ApiVersion {
        &self.transport.version
    }

    /// The `User-Agent` every request carries: [`USER_AGENT`](crate::USER_AGENT), then the
    /// [`app_name`](ClientBuilder::app_name) if one was given.
    pub fn user_agent(&self) -> &str {
        // Built from checked ASCII in `build`.
        self.transport.user_agent.to_str().unwrap_or(USER_AGENT)
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.transport.retry
    }

    /// The `X-RateLimit-*` values of the last response that carried them.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.transport.pacer.last()
    }

    /// Sends any operation of the spec, with everything this client adds: the pinned
    /// `Intercom-Version`, the origin check, retries when the spec marks the operation
    /// idempotent, the deadline and typed errors.
    ///
    /// The resource handles ([`Client::external_pages`], …) call this too, and add what the
    /// spec cannot say (upserts, list streams, pacing). An operation the handles do not wrap
    /// is still one call away:
    ///
    /// ```no_run
    /// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
    /// use intercom_client::ExternalPageId;
    /// use intercom_client::operations::GetExternalPage;
    ///
    /// let page = client
    ///     .execute(&GetExternalPage { id: ExternalPageId::new("23") })
    ///     .await?;
    /// println!("{}", page.title);
    /// # Ok(())
    /// # }
    /// ```
    pub fn execute<O: Operation>(&self, operation: &O) -> Call<O::Output> {
        let request = self.transport.request_for(operation, None);
        Call::new(self.transport.clone(), request, O::decode)
    }

    /// [`execute`](Self::execute) with this `Intercom-Version` instead of the client's.
    pub fn execute_with_version<O: Operation>(
        &self,
        operation: &O,
        version: ApiVersion,
    ) -> Call<O::Output> {
        let request = self.transport.request_for(operation, Some(version));
        Call::new(self.transport.clone(), request, O::decode)
    }

    /// A call of a resource handle: `operation` (or why it could not be built), paced as bulk
    /// work if `paced`.
    pub(crate) fn call<O: Operation>(
        &self,
        operation: Result<O>,
        version: Option<ApiVersion>,
        paced: bool,
    ) -> Call<O::Output> {
        let request = operation
            .and_then(|operation| self.transport.request_for(&operation, version))
            .map(|request| Outgoing { paced, ..request });
        Call::new(self.transport.clone(), request, O::decode)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.transport.base.as_str())
            .field("api_version", &self.transport.version.as_str())
            .field("user_agent", &self.user_agent())
            .field("token", &REDACTED)
            .field("request_timeout", &self.transport.request_timeout)
            .field("retry", &self.transport.retry)
            .finish_non_exhaustive()
    }
}

/// Where the base URL comes from.
#[derive(Clone, Debug)]
enum Target {
    Region(Region),
    Url(String),
}

/// Builds a [`Client`]; see [`Client::builder`]. Nothing is checked until
/// [`build`](ClientBuilder::build), which names the setting at fault.
///
/// ```
/// # use intercom_fake::FakeIntercom;
/// use std::time::Duration;
/// use intercom_client::futures::TryStreamExt;
/// use intercom_client::{ApiVersion, Client, Error, RetryPolicy};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let fake = FakeIntercom::builder().token("tok").start().await?;
/// let client = Client::builder()
///     .token("tok")
///     .base_url(fake.base_url()) // or .region(Region::Eu)
///     .api_version(ApiVersion::V2_14)
///     .request_timeout(Duration::from_secs(20))
///     .retry_policy(RetryPolicy::default().with_max_attempts(6))
///     .app_name("help-center-sync/1.4")
///     .build()?;
/// let sources = client.content_import_sources().list().items();
/// assert_eq!(sources.try_collect::<Vec<_>>().await?.len(), 0);
///
/// // A setting that cannot work fails the build, named.
/// let err = Client::builder().token("tok").base_url("http://example.com").build();
/// assert!(matches!(err, Err(Error::InvalidInput { field: "base_url", .. })));
/// # fake.shutdown().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct ClientBuilder {
    token: Option<Token>,
    target: Target,
    version: ApiVersion,
    connect_timeout: Option<Duration>,
    /// Whether the caller chose the connect timeout: one chosen cannot go with a caller's
    /// reqwest client, the default can.
    connect_timeout_set: bool,
    request_timeout: Option<Duration>,
    retry: RetryPolicy,
    http: Option<reqwest::Client>,
    app_name: Option<String>,
    log_bodies: bool,
    rate_limit_window: Duration,
    on_rate_limit_wait: Option<RateLimitWaitFn>,
    unreachable_after: Option<Duration>,
    max_response_bytes: u64,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            token: None,
            target: Target::Region(Region::default()),
            version: DEFAULT_API_VERSION,
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            connect_timeout_set: false,
            request_timeout: Some(DEFAULT_REQUEST_TIMEOUT),
            retry: RetryPolicy::default(),
            http: None,
            app_name: None,
            log_bodies: false,
            rate_limit_window: DEFAULT_WINDOW,
            on_rate_limit_wait: None,
            unreachable_after: Some(DEFAULT_UNREACHABLE_AFTER),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }
}

impl ClientBuilder {
    /// The access token (a leading `Bearer ` is dropped).
    pub fn token(mut self, token: impl Into<Token>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The token from the `INTERCOM_TOKEN` environment variable; an error naming it if it is
    /// unset or empty.
    pub fn token_from_env(self) -> Result<Self> {
        match std::env::var(TOKEN_ENV_VAR) {
            Ok(token) if !token.trim().is_empty() => Ok(self.token(token)),
            Ok(_) => Err(Error::invalid(TOKEN_ENV_VAR, "is empty")),
            Err(std::env::VarError::NotPresent) => Err(Error::invalid(TOKEN_ENV_VAR, "is not set")),
            Err(std::env::VarError::NotUnicode(_)) => {
                Err(Error::invalid(TOKEN_ENV_VAR, "is not valid UTF-8"))
            }
        }
    }

    /// The region whose host to use (US by default). Replaces a base URL set before.
    pub fn region(mut self, region: Region) -> Self {
        self.target = Target::Region(region);
        self
    }

    /// An explicit base URL instead of a region: `https://…`, or `http://` to a loopback host
    /// (for tests and the fake). A path stem is kept (`https://proxy.example.com/intercom`).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.target = Target::Url(url.into());
        self
    }

    /// The `Intercom-Version` to send (default [`DEFAULT_API_VERSION`]).
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.version = version;
        self
    }

    /// Time allowed to connect (default 10 s); `None` for no limit.
    ///
    /// A connect timeout belongs to the reqwest client, so it cannot be applied to one you
    /// give with [`http_client`](Self::http_client): setting both (`None` included) makes
    /// [`build`](Self::build) fail with [`Error::InvalidInput`] naming `connect_timeout`. Set
    /// it on your client with `reqwest::ClientBuilder::connect_timeout` instead.
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.connect_timeout = timeout.into();
        self.connect_timeout_set = true;
        self
    }

    /// Time allowed for one attempt of a request, body included (default 30 s); `None` for no
    /// limit. The retry policy's total deadline bounds a whole call.
    pub fn request_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.request_timeout = timeout.into();
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Sends through this `reqwest::Client` (for its proxy, TLS roots, pool settings).
    ///
    /// What still applies and what does not:
    /// - This crate's headers are set on every request and replace the client's default
    ///   headers of the same name: `Authorization`, `Intercom-Version`, `Accept`, and
    ///   `User-Agent`, so a `user_agent` set on your client is not sent. Name your
    ///   application with [`app_name`](Self::app_name) instead, which works with either client.
    /// - [`request_timeout`](Self::request_timeout) still applies (it is set per request).
    /// - [`connect_timeout`](Self::connect_timeout) cannot: setting it as well is an error at
    ///   [`build`](Self::build). Your client's own connect timeout rules.
    /// - The client built by default follows no redirects; if this one does, reqwest drops
    ///   the `Authorization` header on a redirect to another host.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Names your application in the `User-Agent` of every request, after this crate's:
    /// `intercom-client/<version> my-sync/2.3` for `app_name("my-sync/2.3")`. It lets Intercom
    /// (and your proxy's logs) tell your application's traffic from another's.
    ///
    /// `name` is an HTTP product token (RFC 9110, section 10.1.5): a name, optionally `/` and
    /// a version, each of letters, digits and ``!#$%&'*+-.^_`|~``. Anything else (empty,
    /// spaces, a second `/`, non-ASCII) makes [`build`](Self::build) fail with
    /// [`Error::InvalidInput`] naming `app_name`. The same `User-Agent` is sent with a client
    /// given with [`http_client`](Self::http_client).
    ///
    /// ```
    /// use intercom_client::{Client, USER_AGENT};
    ///
    /// let client = Client::builder().token("t").app_name("my-sync/2.3").build()?;
    /// assert_eq!(client.user_agent(), format!("{USER_AGENT} my-sync/2.3"));
    ///
    /// let bad = Client::builder().token("t").app_name("my sync").build();
    /// assert!(bad.unwrap_err().to_string().contains("`app_name`"));
    /// # Ok::<(), intercom_client::Error>(())
    /// ```
    pub fn app_name(mut self, name: impl Into<String>) -> Self {
        self.app_name = Some(name.into());
        self
    }

    /// Logs response bodies (their first 2,000 characters, token redacted) at `TRACE` level.
    /// Off by default: bodies hold customer content.
    pub fn log_bodies(mut self, enabled: bool) -> Self {
        self.log_bodies = enabled;
        self
    }

    /// How long a rate-limit window lasts at most (default [`DEFAULT_WINDOW`], Intercom's
    /// 10 seconds). The pacer ends a wait no later than this after the window's first answer,
    /// rather than at the whole second `X-RateLimit-Reset` rounds up to; give the longer
    /// window if a server's windows are longer.
    pub fn rate_limit_window(mut self, window: Duration) -> Self {
        self.rate_limit_window = window;
        self
    }

    /// Calls `f` when bulk work starts a wait for the rate limit longer than a second (the
    /// window's calls are used), e.g. to show it on a progress line. Such waits are also
    /// logged at `INFO`.
    pub fn on_rate_limit_wait(mut self, f: impl Fn(RateLimitWait) + Send + Sync + 'static) -> Self {
        self.on_rate_limit_wait = Some(Arc::new(f));
        self
    }

    /// How long attempts may go without any answer from the host (connection refused or
    /// reset, DNS or TLS failure, timeout) before the host is taken for unreachable (default
    /// [`DEFAULT_UNREACHABLE_AFTER`](crate::DEFAULT_UNREACHABLE_AFTER), a minute); `None`
    /// never to give up on it. From then on calls fail at once with
    /// [`Error::Unreachable`], except one attempt every
    /// [`UNREACHABLE_PROBE_INTERVAL`](crate::UNREACHABLE_PROBE_INTERVAL); once one is
    /// answered, calls go through again. So bulk work against a host that stays down ends
    /// about this long after it went down, instead of spending every call's retries.
    pub fn unreachable_after(mut self, after: impl Into<Option<Duration>>) -> Self {
        self.unreachable_after = after.into();
        self
    }

    /// The longest response body read, in bytes (default
    /// [`DEFAULT_MAX_RESPONSE_BYTES`](crate::DEFAULT_MAX_RESPONSE_BYTES), room for a list
    /// page of 150 pages of 2 MiB of HTML each). A longer one is
    /// [`Error::ResponseTooLarge`]: refused at once when `Content-Length` says so, otherwise
    /// no longer read once past the limit, so a response never takes more memory than this.
    /// Raise it if you upsert pages with more HTML than that.
    pub fn max_response_bytes(mut self, bytes: u64) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// Checks every setting and builds the client.
    pub fn build(self) -> Result<Client> {
        let token = self.token.ok_or_else(|| {
            Error::invalid(
                "token",
                "is required: pass one, or use Client::from_env() to read INTERCOM_TOKEN",
            )
        })?;
        let authorization = token
            .authorization()
            .map_err(|reason| Error::invalid("token", reason))?;
        let base = match &self.target {
            Target::Region(region) => BaseUrl::parse(region.base_url())?,
            Target::Url(url) => BaseUrl::parse(url)?,
        };
        // Without a TLS feature reqwest cannot speak https; say so now, not on the first call.
        const HAS_TLS: bool = cfg!(any(
            feature = "rustls",
            feature = "rustls-no-provider",
            feature = "native-tls"
        ));
        if !HAS_TLS && self.http.is_none() && base.as_str().starts_with("https:") {
            return Err(Error::invalid(
                "base_url",
                "is https, but intercom-client was built without TLS: enable its `rustls` (default), `rustls-no-provider` or `native-tls` feature",
            ));
        }
        // Fail now, not on the first request, if the version cannot be a header.
        version_header(&self.version)?;
        let user_agent = user_agent(self.app_name.as_deref())?;
        let http = match self.http {
            Some(_) if self.connect_timeout_set => {
                return Err(Error::invalid(
                    "connect_timeout",
                    "cannot be applied to a reqwest client you built (ClientBuilder::http_client): set it on that client with reqwest::ClientBuilder::connect_timeout",
                ));
            }
            Some(http) => http,
            None => {
                // Intercom does not redirect API calls; following none means the token cannot
                // be carried to a host it was not meant for.
                let mut builder =
                    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
                if let Some(timeout) = self.connect_timeout {
                    builder = builder.connect_timeout(timeout);
                }
                builder
                    .build()
                    .map_err(|e| Error::from_reqwest(e, Duration::ZERO))?
            }
        };
        let reachability = Reachability::new(base.authority(), self.unreachable_after);
        Ok(Client {
            transport: Arc::new(Transport {
                http,
                base,
                token,
                authorization,
                user_agent,
                version: self.version,
                request_timeout: self.request_timeout,
                retry: self.retry,
                pacer: Pacer::new(self.rate_limit_window, self.on_rate_limit_wait),
                reachability,
                max_response_bytes: self.max_response_bytes,
                log_bodies: self.log_bodies,
            }),
        })
    }
}

/// [`USER_AGENT`], then `app_name` if given; an error naming `app_name` if it is not an HTTP
/// product token.
fn user_agent(app_name: Option<&str>) -> Result<HeaderValue> {
    let Some(name) = app_name else {
        return Ok(HeaderValue::from_static(USER_AGENT));
    };
    let is_token = |part: &str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    let valid = match name.split_once('/') {
        Some((product, version)) => is_token(product) && is_token(version),
        None => is_token(name),
    };
    if !valid {
        return Err(Error::invalid(
            "app_name",
            format!(
                "{name:?} is not an HTTP product token: a name, optionally `/` and a version, each of ASCII letters, digits and !#$%&'*+-.^_`|~ (e.g. \"my-sync/2.3\")"
            ),
        ));
    }
    HeaderValue::from_str(&format!("{USER_AGENT} {name}"))
        .map_err(|_| Error::invalid("app_name", "cannot be sent in an HTTP header"))
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("token", &self.token.as_ref().map(|_| REDACTED))
            .field("target", &self.target)
            .field("api_version", &self.version.as_str())
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("retry", &self.retry)
            .field("custom_http_client", &self.http.is_some())
            .field("app_name", &self.app_name)
            .field("log_bodies", &self.log_bodies)
            .field("unreachable_after", &self.unreachable_after)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}
