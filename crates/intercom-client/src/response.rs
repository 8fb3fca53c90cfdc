//! What a successful call returns besides its value: [`ResponseMeta`] (status, Intercom's
//! request id, the rate limit), reached through [`Call::with_meta`].

use std::fmt;
use std::future::Future;
use std::mem;
use std::ops::Deref;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::future::{self, BoxFuture};
use futures::{TryFutureExt, ready};
use reqwest::header::HeaderMap;

use crate::client::Client;
use crate::error::{Result, header_request_id};
use crate::rate_limit::{RateLimit, RawRateLimit};
use crate::transport::{RawResponse, Request};

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
    pub(crate) fn new(
        status: u16,
        headers: &HeaderMap,
        rate_limit: Option<RawRateLimit>,
        client: &Client,
    ) -> ResponseMeta {
        ResponseMeta {
            status,
            request_id: header_request_id(headers, &client.inner.token),
            rate_limit: rate_limit.and_then(RawRateLimit::public),
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

/// What a call answers: the value and the headers it came with. The metadata is read from
/// the headers only when someone asks for it.
struct Answer<T> {
    value: T,
    status: u16,
    headers: HeaderMap,
    rate_limit: Option<RawRateLimit>,
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
    /// The operation's own decoding of a success body.
    decode: fn(&[u8]) -> serde_json::Result<T>,
    state: State<'a>,
}

/// Where a call is. The request is built when the call is made; its attempts are one
/// future type whatever the operation (only the decoding is the operation's), boxed once
/// when the call is first polled.
enum State<'a> {
    /// Not polled yet: the request, or why it could not be built.
    Ready(Result<Request>),
    Sending(BoxFuture<'a, Result<RawResponse>>),
    Done,
}

impl<'a, T> Call<'a, T> {
    pub(crate) fn new(
        client: &'a Client,
        request: Result<Request>,
        decode: fn(&[u8]) -> serde_json::Result<T>,
    ) -> Self {
        Call {
            client,
            decode,
            state: State::Ready(request),
        }
    }

    /// The value with the response's metadata (status, request id, rate limit).
    pub fn with_meta(mut self) -> impl Future<Output = Result<Response<T>>> + Send + 'a
    where
        T: 'a,
    {
        let client = self.client;
        future::poll_fn(move |cx| self.poll_answer(cx)).map_ok(move |answer| Response {
            meta: ResponseMeta::new(answer.status, &answer.headers, answer.rate_limit, client),
            value: answer.value,
        })
    }

    fn poll_answer(&mut self, cx: &mut Context<'_>) -> Poll<Result<Answer<T>>> {
        loop {
            // Matched by reference: the state (~200 bytes while the request is in it) is
            // moved only once, when the request is handed to the attempts.
            match &mut self.state {
                State::Sending(attempts) => {
                    let response = ready!(attempts.as_mut().poll(cx));
                    self.state = State::Done;
                    return Poll::Ready(response.and_then(|response| {
                        let value = self.client.decode_with(&response, self.decode)?;
                        Ok(Answer {
                            value,
                            status: response.status.as_u16(),
                            headers: response.headers,
                            rate_limit: response.rate_limit,
                        })
                    }));
                }
                State::Ready(_) => match mem::replace(&mut self.state, State::Done) {
                    State::Ready(Ok(request)) => {
                        self.state = State::Sending(Box::pin(self.client.send(request)));
                    }
                    State::Ready(Err(error)) => return Poll::Ready(Err(error)),
                    _ => unreachable!("the state was Ready"),
                },
                State::Done => panic!("a `Call` was polled after it completed"),
            }
        }
    }
}

/// Awaited as is, a call gives its value.
impl<T> Future for Call<'_, T> {
    type Output = Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        self.poll_answer(cx).map_ok(|answer| answer.value)
    }
}

impl<T> fmt::Debug for Call<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call").finish_non_exhaustive()
    }
}
