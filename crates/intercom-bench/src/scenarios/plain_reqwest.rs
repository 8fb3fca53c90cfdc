//! The baseline of figure 1: plain reqwest sending the same requests as `intercom-client`
//! (method, path, the same four headers) and decoding the bodies into the same types, as a
//! careful hand-written caller would.

use anyhow::{Context, Result, ensure};
use intercom_client::{DEFAULT_API_VERSION, ExternalPage, USER_AGENT};
use reqwest::header::{self, HeaderMap, HeaderValue};

use crate::client::TOKEN;

/// Plain reqwest: one client with `intercom-client`'s four headers as defaults.
pub struct Plain {
    http: reqwest::Client,
    page_url: String,
    list_url: String,
}

/// A list body, decoded into the spec's generated list type, as a careful caller would.
pub type PlainList = intercom_client::types::ExternalPagesList;

impl Plain {
    /// A client for the fake at `base_url`, with reqwest's own per-request `timeout` if
    /// given (figure 1's baseline sets none; the profiling mode's `plain-timeout` does).
    pub fn with_timeout(base_url: &str, timeout: Option<std::time::Duration>) -> Result<Plain> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Bearer {TOKEN}"))?,
        );
        headers.insert(
            "Intercom-Version",
            HeaderValue::from_str(DEFAULT_API_VERSION.as_str())?,
        );
        headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(header::USER_AGENT, HeaderValue::from_static(USER_AGENT));
        let mut builder = reqwest::Client::builder()
            .default_headers(headers)
            .redirect(reqwest::redirect::Policy::none());
        if let Some(timeout) = timeout {
            builder = builder.timeout(timeout);
        }
        let http = builder.build().context("cannot build the reqwest client")?;
        Ok(Plain {
            http,
            page_url: format!("{base_url}/ai/external_pages/1"),
            list_url: format!("{base_url}/ai/external_pages"),
        })
    }

    /// `GET /ai/external_pages/1`.
    pub async fn get_page(&self) -> Result<ExternalPage> {
        self.get(&self.page_url).await
    }

    /// `GET /ai/external_pages`: the first page of the list, at the server's default size.
    pub async fn list_first_page(&self) -> Result<PlainList> {
        self.get(&self.list_url).await
    }

    /// `GET url`, the whole body read and decoded as `T`; any other status is an error.
    async fn get<T: serde::de::DeserializeOwned>(&self, url: &str) -> Result<T> {
        let response = self.http.get(url).send().await?;
        let status = response.status();
        let body = response.bytes().await?;
        ensure!(status.is_success(), "GET {url}: status {status}");
        Ok(serde_json::from_slice(&body)?)
    }
}
