//! What a successful call returns besides its value: [`ResponseMeta`] (status, Intercom's
//! request id, the rate limit), reached through [`Call::with_meta`].

use std::fmt;
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::TryFutureExt;
use futures::future::BoxFuture;
use reqwest::header::HeaderMap;

use crate::client::Client;
use crate::error::{Result, header_request_id};
use crate::rate_limit::RateLimit;

/// What a successful response said besides its body: for support tickets (the request id
/// Intercom asks for), and for pacing your own work (the rate limit).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ResponseMeta {
    status: u16,
    request_id: Option<String>,
    rate_limit: Option<RateLimit>,
}

impl ResponseMeta {
    pub(crate) fn new(status: u16, headers: &HeaderMap, client: &Client) -> ResponseMeta {
        ResponseMeta {
            status,
            request_id: header_request_id(headers, &client.inner.token),
            rate_limit: RateLimit::from_headers(headers),
        }
    }

    /// The HTTP status (a success: 200, 204, …).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Intercom's `x-request-id`, if the response had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The response's `X-RateLimit-*` headers, if it had any.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit
    }
}

/// A call's value with its [`ResponseMeta`]; derefs to the value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Response<T> {
    value: T,
    meta: ResponseMeta,
}

impl<T> Response<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// The value and the metadata.
    pub fn into_parts(self) -> (T, ResponseMeta) {
        (self.value, self.meta)
    }

    /// The metadata.
    pub fn meta(&self) -> &ResponseMeta {
        &self.meta
    }

    /// Intercom's request id, if the response had one.
    pub fn request_id(&self) -> Option<&str> {
        self.meta.request_id()
    }
}

impl<T> Deref for Response<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// What the transport hands back: the value and the headers it came with. The metadata is
/// read from the headers only when someone asks for it.
pub(crate) struct Answer<T> {
    pub(crate) value: T,
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
}

impl<T> Answer<T> {
    fn value(self) -> T {
        self.value
    }
}

/// One call of a resource handle (or [`Client::execute`]): a future of the value, or, through
/// [`with_meta`](Call::with_meta), of the value with its [`ResponseMeta`].
///
/// ```no_run
/// # async fn run(client: intercom_client::Client) -> intercom_client::Result<()> {
/// use intercom_client::ExternalPageId;
///
/// let pages = client.external_pages();
/// let page = pages.get(&ExternalPageId::new("23")).await?;
///
/// let answer = pages.get(&page.id).with_meta().await?;
/// println!("{} (request {:?})", answer.title, answer.request_id());
/// # Ok(())
/// # }
/// ```
#[must_use = "a call sends nothing until it is awaited"]
pub struct Call<'a, T> {
    client: &'a Client,
    answer: BoxFuture<'a, Result<Answer<T>>>,
}

impl<'a, T: Send + 'a> Call<'a, T> {
    pub(crate) fn new(
        client: &'a Client,
        answer: impl Future<Output = Result<Answer<T>>> + Send + 'a,
    ) -> Self {
        Call {
            client,
            answer: Box::pin(answer),
        }
    }

    /// The value with the response's metadata (status, request id, rate limit).
    pub fn with_meta(self) -> impl Future<Output = Result<Response<T>>> + Send + 'a {
        let client = self.client;
        self.answer.map_ok(move |answer| Response {
            meta: ResponseMeta::new(answer.status, &answer.headers, client),
            value: answer.value,
        })
    }
}

/// Awaited as is, a call gives its value.
impl<T> Future for Call<'_, T> {
    type Output = Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        self.answer.as_mut().poll(cx).map_ok(Answer::value)
    }
}

impl<T> fmt::Debug for Call<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call").finish_non_exhaustive()
    }
}
