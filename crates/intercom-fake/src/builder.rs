//! Configuring and starting a fake.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::auth::Token;
use crate::fake_error::FakeError;
use crate::faults::{FaultConfig, FaultEngine, FaultRule};
use crate::handle::FakeIntercom;
use crate::lock::{StateLock, WaitHook};
use crate::log::RequestLog;
use crate::persist::Persister;
use crate::rate_limit::{RateLimit, RateLimiter};
use crate::request_id::RequestIds;
use crate::routes::router;
use crate::saver::{self, Saver};
use crate::server::serve;
use crate::shared::Shared;
use crate::spec;
use crate::state::Store;

/// The token a fake accepts unless told otherwise.
pub const DEFAULT_TOKEN: &str = "fake-token";

/// Records kept in the request log unless told otherwise.
const DEFAULT_LOG_LIMIT: usize = 100_000;

impl FakeIntercom {
    /// A builder with the defaults: token [`crate::DEFAULT_TOKEN`], seed 0, Intercom's rate
    /// limit, no fault, no state file, listening on `127.0.0.1:0`.
    pub fn builder() -> FakeIntercomBuilder {
        FakeIntercomBuilder::default()
    }
}

/// Configures a [`FakeIntercom`]; see [`FakeIntercom::builder`].
#[derive(Clone)]
pub struct FakeIntercomBuilder {
    token: String,
    seed: u64,
    rate_limit: RateLimit,
    faults: FaultConfig,
    state_file: Option<PathBuf>,
    addr: SocketAddr,
    log_limit: usize,
    on_lock_wait: Option<WaitHook>,
}

impl Default for FakeIntercomBuilder {
    fn default() -> Self {
        Self {
            token: DEFAULT_TOKEN.into(),
            seed: 0,
            rate_limit: RateLimit::default(),
            faults: FaultConfig::new(),
            state_file: None,
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            log_limit: DEFAULT_LOG_LIMIT,
            on_lock_wait: None,
        }
    }
}

impl fmt::Debug for FakeIntercomBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeIntercomBuilder")
            .field("token", &"<redacted>")
            .field("seed", &self.seed)
            .field("rate_limit", &self.rate_limit)
            .field("faults", &self.faults)
            .field("state_file", &self.state_file)
            .field("addr", &self.addr)
            .field("log_limit", &self.log_limit)
            .field("on_lock_wait", &self.on_lock_wait.as_ref().map(|_| ".."))
            .finish()
    }
}

impl FakeIntercomBuilder {
    /// The bearer token to accept (default [`DEFAULT_TOKEN`]).
    #[must_use]
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = token.into();
        self
    }

    /// The seed of fault draws and request ids (default 0).
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Requests per window and window length (default 1,666 per 10 s, Intercom's 10,000 a
    /// minute).
    #[must_use]
    pub fn rate_limit(mut self, rate_limit: RateLimit) -> Self {
        self.rate_limit = rate_limit;
        self
    }

    /// Replaces the fault rules.
    #[must_use]
    pub fn faults(mut self, faults: FaultConfig) -> Self {
        self.faults = faults;
        self
    }

    /// Adds one fault rule after the others.
    #[must_use]
    pub fn fault(mut self, rule: FaultRule) -> Self {
        self.faults.push(rule);
        self
    }

    /// Keeps the state in `path`: loaded at start if the file exists, saved (temporary file,
    /// then rename) in the background a while after changes (at most every 100 ms, less often
    /// when saving is slow) and always at shutdown or drop.
    ///
    /// While the fake runs it holds an exclusive lock on `<path>.lock`: a second fake started
    /// on the same file waits in [`start`](Self::start) until the first one is stopped, then
    /// loads what it saved. A lock file that cannot be created is an error at start.
    #[must_use]
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }

    /// Called with the state file's path when [`start`](Self::start) has to wait for another
    /// fake to release the state file's lock (it is also logged at `info`).
    #[must_use]
    pub fn on_lock_wait(mut self, on_wait: impl Fn(&Path) + Send + Sync + 'static) -> Self {
        self.on_lock_wait = Some(Arc::new(on_wait));
        self
    }

    /// The address to listen on (default `127.0.0.1:0`, a free port).
    #[must_use]
    pub fn addr(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// How many records the request log keeps, the oldest dropped first (default 100,000).
    #[must_use]
    pub fn request_log_limit(mut self, limit: usize) -> Self {
        self.log_limit = limit;
        self
    }

    /// Locks and loads the state file (if any; waiting while another fake holds it), binds
    /// the socket and starts serving on the current tokio runtime.
    pub async fn start(self) -> Result<FakeIntercom, FakeError> {
        // The spec's schemas, compiled once for the process, before the first request.
        spec::load();
        let (store, persister) = match &self.state_file {
            Some(path) => {
                let (store, persister) = open_state(path, self.on_lock_wait.as_ref()).await?;
                (store, Some(persister))
            }
            None => (Store::default(), None),
        };
        let listener = TcpListener::bind(self.addr)
            .await
            .map_err(|source| FakeError::Bind {
                addr: self.addr,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| FakeError::Bind {
            addr: self.addr,
            source,
        })?;
        let shared = Arc::new(Shared {
            token: Token::new(self.token),
            base_url: base_url(addr),
            store: Arc::new(Mutex::new(store)),
            saver: persister.map(|p| Arc::new(Saver::new(p))),
            limiter: RateLimiter::new(self.rate_limit),
            faults: FaultEngine::new(self.faults, self.seed),
            log: RequestLog::new(self.log_limit),
            request_ids: RequestIds::new(self.seed),
        });
        let (stop, stopped) = watch::channel(false);
        let saver = match &shared.saver {
            Some(saver) => tokio::spawn(saver::run(
                shared.store.clone(),
                saver.clone(),
                stopped.clone(),
            )),
            None => tokio::spawn(async {}),
        };
        let task = tokio::spawn(serve(listener, router(shared.clone()), stopped));
        tracing::info!("intercom-fake listening on {}", shared.base_url);
        Ok(FakeIntercom {
            addr,
            shared,
            stop,
            task: Some(task),
            saver: Some(saver),
        })
    }
}

/// Takes the state file's lock, then loads it: the lock comes first, so what is loaded is
/// what the previous holder saved last.
async fn open_state(
    path: &Path,
    on_wait: Option<&WaitHook>,
) -> Result<(Store, Persister), FakeError> {
    let lock = StateLock::acquire(path, on_wait).await?;
    let persister = Persister::new(path.to_owned(), lock);
    let Some(saved) = persister.load()? else {
        return Ok((Store::default(), persister));
    };
    let store = Store::from_persisted(saved).map_err(|message| FakeError::StateFile {
        path: path.to_owned(),
        message,
    })?;
    persister.loaded(store.generation());
    Ok((store, persister))
}

/// `http://ADDR`, with an unspecified address (0.0.0.0, ::) replaced by loopback so the URL
/// can be used as is.
fn base_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}", SocketAddr::new(ip, addr.port()))
}
