//! Who the CLI talks to: a client for Intercom (token, region or base URL, version), or, with
//! `--fake`, a fake Intercom started in this process with its state in a file.
//!
//! [`Settings::from_args`] checks everything and sends nothing; [`Context::connect`] starts
//! the fake if there is one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use intercom_client::{ApiVersion, Client};
use intercom_fake::FakeIntercom;

use crate::args::Global;
use crate::exit::CliError;

/// The token the fake accepts, and the only one `--fake` sends.
pub const FAKE_TOKEN: &str = intercom_fake::DEFAULT_TOKEN;

/// Connecting to the in-process fake (the client's default for Intercom is the same 10 s).
const FAKE_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The fake's state file under the state directory.
const FAKE_STATE_FILE: &str = "intercom/fake-state.json";

/// Checked settings: a ready client, or what the fake needs.
pub enum Settings {
    /// Talk to Intercom (or whatever `--base-url` names).
    Remote(Client),
    /// Start a fake and talk to it.
    Fake {
        token: String,
        state: PathBuf,
        version: Option<ApiVersion>,
    },
}

impl Settings {
    /// Checks the global options; sends nothing.
    pub fn from_args(global: &Global) -> Result<Settings, CliError> {
        let version = global.api_version.as_deref().map(api_version).transpose()?;
        // clap's `requires` lets this through when --base-url is given (which conflicts with
        // --fake), so it is checked here.
        if global.fake_state.is_some() && !global.fake {
            return Err(CliError::usage(
                "--fake-state is the fake's state file: it needs --fake",
            ));
        }
        if global.fake {
            let state = match &global.fake_state {
                Some(path) => path.clone(),
                None => default_fake_state()?,
            };
            // The fake's own token, whatever INTERCOM_TOKEN holds: the user's token is never
            // sent anywhere by --fake (clap refuses --token and --token-file beside it).
            return Ok(Settings::Fake {
                token: FAKE_TOKEN.to_owned(),
                state,
                version,
            });
        }
        let token = user_token(global)?;
        let mut builder = Client::builder()
            .token(token)
            .on_rate_limit_wait(crate::progress::rate_limit_wait);
        if let Some(url) = &global.base_url {
            builder = builder.base_url(url);
        } else if let Some(region) = global.region {
            builder = builder.region(region.into());
        }
        if let Some(version) = version {
            builder = builder.api_version(version);
        }
        let client = builder
            .build()
            .map_err(CliError::client("invalid configuration"))?;
        Ok(Settings::Remote(client))
    }
}

/// The most a token file may hold: a token is well under 1 KiB, and a limit means `--token-file
/// /dev/zero` (or a wrong, huge file) fails at once instead of filling the memory.
const MAX_TOKEN_FILE_BYTES: u64 = 64 * 1024;

/// `--token`, else `--token-file`, else `INTERCOM_TOKEN`: trimmed, never empty.
fn user_token(global: &Global) -> Result<String, CliError> {
    let non_empty = |t: &str| Some(t.trim().to_owned()).filter(|t| !t.is_empty());
    if let Some(path) = &global.token_file {
        return read_token_file(path);
    }
    let given = match &global.token {
        Some(token) => Some(token.clone()),
        // Not UTF-8: as good as unset (a token is ASCII).
        None => std::env::var("INTERCOM_TOKEN").ok(),
    };
    given.as_deref().and_then(non_empty).ok_or_else(|| {
        CliError::usage(
            "no token: set INTERCOM_TOKEN or pass --token-file PATH or --token (or use --fake to try a fake Intercom)",
        )
    })
}

/// `--token-file PATH` (`-`: stdin): its text, whitespace around it dropped.
fn read_token_file(path: &Path) -> Result<String, CliError> {
    use std::io::Read;

    let name = path.display();
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_TOKEN_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_TOKEN_FILE_BYTES + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| CliError::usage(format!("--token-file {name}: cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_TOKEN_FILE_BYTES {
        return Err(CliError::usage(format!(
            "--token-file {name}: is over {} KiB, too large for a token",
            MAX_TOKEN_FILE_BYTES / 1024
        )));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| CliError::usage(format!("--token-file {name}: is not UTF-8 text")))?;
    let token = text.trim();
    if token.is_empty() {
        return Err(CliError::usage(format!(
            "--token-file {name}: is empty (no token in it)"
        )));
    }
    // A token is one line: anything after a line break would end up in a header.
    if token.contains(['\n', '\r']) {
        return Err(CliError::usage(format!(
            "--token-file {name}: holds several lines; a token file holds the token alone"
        )));
    }
    Ok(token.to_owned())
}

/// `--api-version`: any version Intercom may name (`2.14`, `Preview`, one released later),
/// but something that can be sent in a header.
fn api_version(text: &str) -> Result<ApiVersion, CliError> {
    let text = text.trim();
    let ok = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !ok {
        return Err(CliError::usage(format!(
            "--api-version: {text:?} is not an API version (e.g. 2.14, Preview)"
        )));
    }
    Ok(ApiVersion::from(text))
}

/// `$XDG_STATE_HOME/intercom/fake-state.json`, else `$HOME/.local/state/intercom/fake-state.json`.
pub fn default_fake_state() -> Result<PathBuf, CliError> {
    fake_state_under(
        std::env::var_os("XDG_STATE_HOME").map(PathBuf::from),
        std::env::var_os("HOME").map(PathBuf::from),
    )
    .ok_or_else(|| {
        CliError::usage(
            "no place for the fake's state: set XDG_STATE_HOME or HOME, or pass --fake-state PATH",
        )
    })
}

/// The XDG rule: a relative `XDG_STATE_HOME` is ignored.
fn fake_state_under(xdg_state_home: Option<PathBuf>, home: Option<PathBuf>) -> Option<PathBuf> {
    let state_dir = xdg_state_home.filter(|p| p.is_absolute()).or_else(|| {
        home.filter(|p| p.is_absolute())
            .map(|h| h.join(".local/state"))
    })?;
    Some(state_dir.join(FAKE_STATE_FILE))
}

/// A client, and the fake it talks to if there is one.
pub struct Context {
    pub client: Client,
    /// The fake and its state file.
    fake: Option<(FakeIntercom, PathBuf)>,
}

impl Context {
    /// The client; with a fake, starts it first (loading its state file) and says so on stderr.
    pub async fn connect(settings: Settings) -> Result<Context, CliError> {
        let (token, state, version) = match settings {
            Settings::Remote(client) => return Ok(Context { client, fake: None }),
            Settings::Fake {
                token,
                state,
                version,
            } => (token, state, version),
        };
        create_parent(&state)?;
        // Another run on the same state file holds its lock until it has saved: wait for it
        // (runs take turns instead of overwriting each other), and say why nothing happens.
        let fake = FakeIntercom::builder()
            .token(token.clone())
            .state_file(&state)
            .on_lock_wait(|path| {
                let _ = writeln!(
                    std::io::stderr(),
                    "intercom: waiting for another run using the fake state {} to finish",
                    path.display()
                );
            })
            .start()
            .await?;
        // A notice, not an error: if stderr is gone, the run goes on.
        let _ = writeln!(
            std::io::stderr(),
            "intercom: using an in-process fake Intercom at {} (state: {}) — nothing is sent to Intercom",
            fake.base_url(),
            state.display()
        );
        // The fake is on 127.0.0.1 in this process: reached directly, never through a proxy
        // from the environment (HTTP_PROXY, ALL_PROXY…), which would see its requests. No
        // redirects, as the client's own default.
        let http = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(FAKE_CONNECT_TIMEOUT)
            .build()
            .map_err(|e| {
                CliError::usage(format!("cannot build the HTTP client for the fake: {e}"))
            })?;
        let mut builder = Client::builder()
            .token(token)
            .base_url(fake.base_url())
            .http_client(http)
            .on_rate_limit_wait(crate::progress::rate_limit_wait);
        if let Some(version) = version {
            builder = builder.api_version(version);
        }
        let client = builder
            .build()
            .map_err(CliError::client("cannot reach the fake Intercom"))?;
        Ok(Context {
            client,
            fake: Some((fake, state)),
        })
    }

    /// The fake's state file, with `--fake`.
    pub fn fake_state(&self) -> Option<&Path> {
        self.fake.as_ref().map(|(_, state)| state.as_path())
    }

    /// Stops the fake, if any: its final save, then its lock released. A failed save is an
    /// error (`FakeError::Save`, exit code 1) even when the command succeeded: the state file
    /// does not hold what the run reported.
    pub async fn close(self) -> Result<(), CliError> {
        match self.fake {
            Some((fake, _)) => Ok(fake.shutdown().await?),
            None => Ok(()),
        }
    }
}

fn create_parent(path: &Path) -> Result<(), CliError> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir).map_err(|e| {
            CliError::usage(format!(
                "--fake-state: cannot create the folder {}: {e}",
                dir.display()
            ))
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fake_state_follows_xdg() {
        let p = |s: &str| Some(PathBuf::from(s));
        assert_eq!(
            fake_state_under(p("/x/state"), p("/home/me")),
            p("/x/state/intercom/fake-state.json")
        );
        assert_eq!(
            fake_state_under(p("relative"), p("/home/me")),
            p("/home/me/.local/state/intercom/fake-state.json")
        );
        assert_eq!(fake_state_under(None, None), None);
    }

    #[test]
    fn api_versions_are_header_safe() {
        assert_eq!(api_version("2.14").ok(), Some(ApiVersion::V2_14));
        assert_eq!(api_version("Preview").ok(), Some(ApiVersion::Preview));
        assert!(api_version("2.14\r\nX: y").is_err());
        assert!(api_version(" ").is_err());
    }
}
