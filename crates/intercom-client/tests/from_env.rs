//! `Client::from_env()` reads INTERCOM_TOKEN. Its own test binary with one test: changing the
//! environment is only sound while no other thread reads it.

use intercom_client::{Client, Error, TOKEN_ENV_VAR};

#[test]
fn reads_the_token_from_intercom_token() {
    // SAFETY: this binary has a single test, so no other thread touches the environment.
    unsafe { std::env::remove_var(TOKEN_ENV_VAR) };
    let err = Client::from_env().unwrap_err();
    assert!(
        matches!(
            err,
            Error::InvalidInput {
                field: "INTERCOM_TOKEN",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "invalid input: `INTERCOM_TOKEN` is not set"
    );

    // SAFETY: as above.
    unsafe { std::env::set_var(TOKEN_ENV_VAR, "") };
    assert!(Client::from_env().is_err());

    // SAFETY: as above.
    unsafe { std::env::set_var(TOKEN_ENV_VAR, "env_SECRET_token_1234") };
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), "https://api.intercom.io");
    assert!(!format!("{client:?}").contains("env_SECRET"));
}
