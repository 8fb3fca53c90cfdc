//! The accept loop: hyper's HTTP/1 server over the axum router, with keep-alive, and a way for
//! a fault to close a connection without answering (axum's own `serve` cannot).

use std::convert::Infallible;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::Service;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::pipeline::DropConnection;

/// The error that makes hyper close a connection without writing an answer.
#[derive(Debug)]
struct ConnectionDropped;

impl fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for ConnectionDropped {}

/// The router as a hyper service that turns a [`DropConnection`] answer into an error.
#[derive(Clone)]
struct FakeService {
    inner: TowerToHyperService<Router>,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl Service<hyper::Request<Incoming>> for FakeService {
    type Response = hyper::Response<Body>;
    type Error = ConnectionDropped;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn call(&self, request: hyper::Request<Incoming>) -> Self::Future {
        let answer = self.inner.call(request);
        Box::pin(async move {
            let response = match answer.await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            if response.extensions().get::<DropConnection>().is_some() {
                Err(ConnectionDropped)
            } else {
                Ok(response)
            }
        })
    }
}

// `TowerToHyperService<Router>` answers with `Infallible` errors; keep the match above honest.
const _: fn(Infallible) = |_| {};

/// Resolves when the fake is told to stop, or when its handle is gone.
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|stop| *stop).await;
}

/// Serves `listener` until `shutdown` says so (or its sender is dropped). The final save is
/// the handle's (`shutdown` or drop), not this task's.
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let service = FakeService {
        inner: TowerToHyperService::new(router),
    };
    let for_connections = shutdown.clone();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    let _ = stream.set_nodelay(true);
                    let service = service.clone();
                    let mut stop = for_connections.clone();
                    tokio::spawn(async move {
                        let connection = http1::Builder::new()
                            .keep_alive(true)
                            .serve_connection(TokioIo::new(stream), service);
                        tokio::select! {
                            result = connection => {
                                if let Err(e) = result {
                                    tracing::debug!("connection ended: {e}");
                                }
                            }
                            _ = stopped(&mut stop) => {}
                        }
                    });
                }
                Err(e) => {
                    // E.g. too many open files: wait a little rather than spin.
                    tracing::warn!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
            },
            _ = stopped(&mut shutdown) => break,
        }
    }
}
