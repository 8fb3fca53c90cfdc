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
use crate::log::RequestLog;
use crate::model::StateSnapshot;
use crate::persist::{self, PersistedState, StateFile, WaitHook};
use crate::rate_limit::{RateLimit, RateLimiter};
use crate::request_id::RequestIds;
use crate::routes::router;
use crate::server::serve;
use crate::shared::Shared;
use crate::spec;
use crate::state::Store;
use intercom_openapi::types::{ContentImportSource, ExternalPage, Note};

/// The token a fake accepts unless told otherwise.
pub const DEFAULT_TOKEN: &str = "fake-token";

/// Records kept in the request log unless told otherwise.
const DEFAULT_LOG_LIMIT: usize = 100_000;

/// Bytes of each request body kept in the request log unless told otherwise (64 KiB).
pub const DEFAULT_LOG_BODY_LIMIT: usize = 64 * 1024;

/// The largest request body the fake takes unless told otherwise: 64 MiB.
///
/// It must admit any page a client may send. The sync's largest input is a 2 MiB file
/// (`intercom_sync::folder::DEFAULT_MAX_FILE_BYTES`) or an 8 MiB JSON Lines line; rendered and
/// sent as JSON, a page's HTML can grow to about 6 times its input (`"` in Markdown text becomes
/// `&quot;`, a control character `\u00XX`), so 48 MiB plus a title and a URL. 64 MiB admits
/// that with room for links made absolute, and still bounds what a runaway client can make
/// the fake hold. axum's own default, 2 MB, refused pages the sync sends.
pub const DEFAULT_REQUEST_BODY_LIMIT: usize = 64 * 1024 * 1024;

impl FakeIntercom {
    /// A builder with the defaults: token [`crate::DEFAULT_TOKEN`], seed 0, Intercom's rate
    /// limit, no fault, empty, no state file, listening on `127.0.0.1:0`.
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
    /// Read at start, before `initial`.
    initial_state_file: Option<PathBuf>,
    initial: StateSnapshot,
    addr: SocketAddr,
    log_limit: usize,
    log_body_limit: usize,
    body_limit: usize,
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
            initial_state_file: None,
            initial: StateSnapshot::default(),
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            log_limit: DEFAULT_LOG_LIMIT,
            log_body_limit: DEFAULT_LOG_BODY_LIMIT,
            body_limit: DEFAULT_REQUEST_BODY_LIMIT,
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
            .field("initial_state_file", &self.initial_state_file)
            .field(
                "initial_state",
                &format_args!(
                    "{} sources, {} pages, {} notes",
                    self.initial.sources.len(),
                    self.initial.pages.len(),
                    self.initial.notes.len()
                ),
            )
            .field("addr", &self.addr)
            .field("log_limit", &self.log_limit)
            .field("log_body_limit", &self.log_body_limit)
            .field("body_limit", &self.body_limit)
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
    /// then rename) in the background as it changes (at a cost linear in the changes) and
    /// always at shutdown or drop.
    ///
    /// While the fake runs it holds an exclusive lock on `<path>.lock`: a second fake started
    /// on the same file waits in [`start`](Self::start) until the first one is stopped, then
    /// loads what it saved. A lock file that cannot be created is an error at start.
    #[must_use]
    pub fn state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.state_file = Some(path.into());
        self
    }

    /// Starts the fake holding these records, replacing the ones given so far with
    /// `initial_state`, [`source`](Self::source), [`page`](Self::page) and
    /// [`note`](Self::note). Each record is the spec's type, as the API serves it, and is
    /// served exactly as given.
    ///
    /// The fake's rules hold for them as for records it creates: ids at most once each, page
    /// and note ids digits (`"7"`), every page in a source given, no two pages with the same
    /// (`source_id`, `external_id`); [`start`](Self::start) fails with
    /// [`FakeError::InitialState`] otherwise. Ids the fake gives afterwards come after the
    /// highest one given, so a record created later never takes a seeded id.
    ///
    /// With a [`state_file`](Self::state_file), the initial state is used only when that file
    /// does not exist yet (the first run); afterwards the file's state is loaded instead.
    #[must_use]
    pub fn initial_state(mut self, state: StateSnapshot) -> Self {
        self.initial = state;
        self
    }

    /// Adds a content import source to the initial state (see
    /// [`initial_state`](Self::initial_state)).
    #[must_use]
    pub fn source(mut self, source: ContentImportSource) -> Self {
        self.initial.sources.push(source);
        self
    }

    /// Adds an external page to the initial state; its source must be in it too (see
    /// [`initial_state`](Self::initial_state)).
    #[must_use]
    pub fn page(mut self, page: ExternalPage) -> Self {
        self.initial.pages.push(page);
        self
    }

    /// Adds a note to the initial state (see [`initial_state`](Self::initial_state)).
    #[must_use]
    pub fn note(mut self, note: Note) -> Self {
        self.initial.notes.push(note);
        self
    }

    /// Reads the initial state from a JSON file at [`start`](Self::start), then adds the
    /// records given with [`initial_state`](Self::initial_state), [`source`](Self::source),
    /// [`page`](Self::page) and [`note`](Self::note). The file is only read, never written.
    ///
    /// It takes what a state file holds (`{"format": 2, "next_source_id": …, "sources": […],
    /// …}`, whose id counters are kept) or just the records, as [`StateSnapshot`]'s JSON and
    /// `GET /__fake/state` have them: `{"sources": […], "pages": […], "notes": […]}`, any
    /// of them left out. A file that cannot be read or parsed is a
    /// [`FakeError::InitialState`] at start.
    #[must_use]
    pub fn initial_state_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.initial_state_file = Some(path.into());
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

    /// How many bytes of each request body the request log keeps (default
    /// [`DEFAULT_LOG_BODY_LIMIT`], 64 KiB): a longer body is logged as
    /// [`LoggedBody::Truncated`](crate::LoggedBody::Truncated); 0 keeps no body. The handler
    /// always gets the whole body.
    #[must_use]
    pub fn request_log_body_limit(mut self, bytes: usize) -> Self {
        self.log_body_limit = bytes;
        self
    }

    /// The largest request body taken, in bytes (default [`DEFAULT_REQUEST_BODY_LIMIT`],
    /// 64 MiB): a longer one is answered 413 with an `error.list` naming the limit.
    #[must_use]
    pub fn request_body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// Locks and loads the state file (if any; waiting while another fake holds it), binds
    /// the socket and starts serving on the current tokio runtime.
    pub async fn start(self) -> Result<FakeIntercom, FakeError> {
        // The spec's schemas, compiled once for the process, before the first request.
        spec::load();
        let (store, state_file) = match &self.state_file {
            Some(path) => {
                let (store, file) = self.open_state(path).await?;
                (store, Some(Arc::new(file)))
            }
            None => (self.initial_store()?, None),
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
            state_file,
            limiter: RateLimiter::new(self.rate_limit),
            faults: FaultEngine::new(self.faults, self.seed),
            log: RequestLog::new(self.log_limit, self.log_body_limit),
            request_ids: RequestIds::new(self.seed),
            body_limit: self.body_limit,
        });
        let (stop, stopped) = watch::channel(false);
        let saver = match &shared.state_file {
            Some(file) => tokio::spawn(persist::run(
                shared.store.clone(),
                file.clone(),
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

impl FakeIntercomBuilder {
    /// The store the initial state makes: the initial-state file's, then the records given.
    fn initial_store(&self) -> Result<Store, FakeError> {
        let error = |message: String| FakeError::InitialState {
            path: self.initial_state_file.clone(),
            message,
        };
        let mut initial = match &self.initial_state_file {
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|e| error(format!("cannot read: {e}")))?;
                PersistedState::from_slice(&bytes)
                    .map_err(|e| error(format!("cannot parse: {e}")))?
            }
            None => PersistedState::of(StateSnapshot::default()),
        };
        let given = self.initial.clone();
        initial.state.sources.extend(given.sources);
        initial.state.pages.extend(given.pages);
        initial.state.notes.extend(given.notes);
        initial.state.page_audiences.extend(given.page_audiences);
        Store::from_persisted(initial).map_err(error)
    }

    /// Takes the state file's lock, then loads it: the lock comes first, so what is loaded is
    /// what the previous holder saved last. A file that does not exist yet starts as the
    /// initial state.
    async fn open_state(&self, path: &Path) -> Result<(Store, StateFile), FakeError> {
        let (file, saved) = StateFile::open(path, self.on_lock_wait.as_ref()).await?;
        let Some(saved) = saved else {
            return Ok((self.initial_store()?, file));
        };
        if self.initial_state_file.is_some() || self.initial != StateSnapshot::default() {
            tracing::info!(
                "the state file {} exists: its state is loaded, not the initial state",
                path.display()
            );
        }
        let store = Store::from_persisted(saved).map_err(|message| FakeError::StateFile {
            path: path.to_owned(),
            message,
        })?;
        file.holds(&store);
        Ok((store, file))
    }
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
