//! [`Call`]: one call of a resource handle or of [`Client::execute`](crate::Client::execute).

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use futures::future::BoxFuture;

use crate::error::Result;
use crate::response::{Response, ResponseMeta};
use crate::transport::{Outgoing, Transport};

/// One call: a future of the value, or, through [`with_meta`](Call::with_meta), of the value
/// with its [`ResponseMeta`].
///
/// A call owns what it needs (a share of the client, the request), so it is `Send` and
/// `'static`: it can be spawned, or stored and awaited later, like reqwest's
/// `RequestBuilder::send`. Nothing is sent until it is first polled.
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
///
/// // Spawned: the task outlives the handle it came from.
/// let task = tokio::spawn(client.external_pages().get(&page.id));
/// let again = task.await.expect("the task ran")?;
/// # Ok(())
/// # }
/// ```
#[must_use = "a call sends nothing until it is awaited"]
pub struct Call<T> {
    response: BoxFuture<'static, Result<Response<T>>>,
}

impl<T: Send + 'static> Call<T> {
    /// Sends `request` (or fails with why it could not be built) and decodes a success with
    /// the operation's `decode`.
    pub(crate) fn new(
        transport: Arc<Transport>,
        request: Result<Outgoing>,
        decode: fn(&[u8]) -> serde_json::Result<T>,
    ) -> Self {
        let response = async move {
            let response = transport.send(request?).await?;
            let value = transport.decode(&response, decode)?;
            Ok(Response::new(
                value,
                ResponseMeta::of(&response, &transport.token),
            ))
        };
        Call {
            response: Box::pin(response),
        }
    }

    /// The value with the response's metadata (status, request id, rate limit).
    pub fn with_meta(self) -> impl Future<Output = Result<Response<T>>> + Send + 'static {
        self.response
    }
}

/// Awaited as is, a call gives its value.
impl<T> Future for Call<T> {
    type Output = Result<T>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<T>> {
        self.response
            .as_mut()
            .poll(cx)
            .map(|response| response.map(Response::into_inner))
    }
}

impl<T> fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call").finish_non_exhaustive()
    }
}
