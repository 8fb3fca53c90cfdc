//! Helpers shared by the test binaries: start a fake, talk to it with reqwest.
#![allow(dead_code)]

use intercom_fake::{FakeIntercom, FakeIntercomBuilder};
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

/// The token the tests' fakes accept.
pub const TOKEN: &str = "test-token-5f3c";

/// A builder with [`TOKEN`].
pub fn builder() -> FakeIntercomBuilder {
    FakeIntercom::builder().token(TOKEN)
}

/// A fake with [`TOKEN`] and the defaults.
pub async fn start() -> FakeIntercom {
    builder().start().await.unwrap()
}

/// One answer, read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub text: String,
    /// The body as JSON (`Null` when empty or not JSON).
    pub json: Value,
}

impl Reply {
    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `field` of each error of an `error.list`.
    pub fn error_fields(&self) -> Vec<String> {
        self.errors()
            .iter()
            .filter_map(|e| e["field"].as_str().map(str::to_owned))
            .collect()
    }

    /// The `code` of each error of an `error.list`.
    pub fn error_codes(&self) -> Vec<String> {
        self.errors()
            .iter()
            .filter_map(|e| e["code"].as_str().map(str::to_owned))
            .collect()
    }

    fn errors(&self) -> Vec<Value> {
        assert_eq!(
            self.json["type"], "error.list",
            "not an error.list: {}",
            self.text
        );
        self.json["errors"].as_array().cloned().unwrap_or_default()
    }
}

/// A client for one fake.
#[derive(Clone)]
pub struct Api {
    pub client: reqwest::Client,
    pub base: String,
    pub token: Option<String>,
    pub version: Option<String>,
}

impl Api {
    /// Sends [`TOKEN`] and `Intercom-Version: 2.14`.
    pub fn new(fake: &FakeIntercom) -> Self {
        Self::at(fake.base_url())
    }

    /// The same for a base URL.
    pub fn at(base: &str) -> Self {
        Self {
            client: reqwest::Client::new(),
            base: base.to_owned(),
            token: Some(TOKEN.to_owned()),
            version: Some("2.14".to_owned()),
        }
    }

    /// The same client with another token (or none).
    pub fn with_token(&self, token: Option<&str>) -> Self {
        Self {
            token: token.map(str::to_owned),
            ..self.clone()
        }
    }

    /// Sends a request; a URL starting with `http` is used as is (for `pages.next`).
    pub async fn try_send(
        &self,
        method: Method,
        path: &str,
        body: Option<String>,
    ) -> Result<Reply, reqwest::Error> {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        };
        let mut request = self.client.request(method, url);
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        if let Some(version) = &self.version {
            request = request.header("Intercom-Version", version);
        }
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body);
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await?;
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Reply {
            status,
            headers,
            text,
            json,
        })
    }

    pub async fn send(&self, method: Method, path: &str, body: Option<String>) -> Reply {
        self.try_send(method, path, body).await.unwrap()
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(Method::POST, path, Some(body.to_string())).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Reply {
        self.send(Method::PUT, path, Some(body.to_string())).await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.send(Method::DELETE, path, None).await
    }

    /// Creates an `api` source and returns its id.
    pub async fn create_source(&self, url: &str) -> i64 {
        let reply = self
            .post(
                "/ai/content_import_sources",
                json!({"sync_behavior": "api", "url": url}),
            )
            .await;
        assert_eq!(reply.status, 200, "{}", reply.text);
        reply.json["id"].as_i64().unwrap()
    }

    /// Upserts a page and returns the answer.
    pub async fn upsert_page(&self, source_id: i64, external_id: &str, title: &str) -> Reply {
        self.post(
            "/ai/external_pages",
            page_body(source_id, external_id, title),
        )
        .await
    }
}

/// A valid page body.
pub fn page_body(source_id: i64, external_id: &str, title: &str) -> Value {
    json!({
        "title": title,
        "html": format!("<p>{title}</p>"),
        "locale": "en",
        "source_id": source_id,
        "external_id": external_id,
        "url": format!("https://help.example.com/{external_id}"),
    })
}
