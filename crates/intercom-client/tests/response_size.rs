//! The response size limit: a body over it is a typed error naming the limit, refused at once
//! when `Content-Length` says so, and no longer read once past it when it does not.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread::JoinHandle;

use common::*;
use httpmock::MockServer;
use intercom_client::{Client, DEFAULT_MAX_RESPONSE_BYTES, Error, ExternalPageId};

const LIMIT: u64 = 1024 * 1024;

#[tokio::test]
async fn a_body_over_the_limit_with_content_length_is_refused() {
    let server = MockServer::start_async().await;
    let body = format!("\"{}\"", "x".repeat(2 * LIMIT as usize));
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/21");
            then.status(200)
                .header("x-request-id", "req-big")
                .body(body.clone());
        })
        .await;
    let client = builder(&server).max_response_bytes(LIMIT).build().unwrap();

    let err = client
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap_err();

    let Error::ResponseTooLarge {
        limit,
        content_length,
        ..
    } = &err
    else {
        panic!("{:.300}", err.to_string())
    };
    assert_eq!(*limit, LIMIT);
    assert_eq!(*content_length, Some(body.len() as u64));
    assert_eq!(err.status_code(), Some(200));
    assert_eq!(err.request_id(), Some("req-big"));
    assert!(
        err.to_string().contains(&format!("limit of {LIMIT} bytes")),
        "{err}"
    );
    assert!(!err.is_retryable());
    assert_eq!(
        mock.calls_async().await,
        1,
        "the same answer is not asked for again"
    );
}

/// A server that answers with a chunked body of `total` bytes, written as fast as the client
/// reads; returns how many bytes it got written before the client hung up.
fn chunked_server(total: usize) -> (String, JoinHandle<usize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let thread = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while reader.read_line(&mut line).unwrap() > 2 {
            line.clear();
        }
        let mut stream = reader.into_inner();
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-request-id: req-chunked\r\ntransfer-encoding: chunked\r\n\r\n";
        stream.write_all(head.as_bytes()).unwrap();
        let chunk = vec![b' '; 64 * 1024];
        let mut written = 0;
        while written < total {
            let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
            if stream.write_all(&framed).is_err() {
                break;
            }
            written += chunk.len();
        }
        let _ = stream.write_all(b"0\r\n\r\n");
        written
    });
    (url, thread)
}

#[tokio::test]
async fn a_chunked_body_is_read_no_further_than_the_limit() {
    let total = 512 * 1024 * 1024;
    let (url, server) = chunked_server(total);
    let client = Client::builder()
        .token(TOKEN)
        .base_url(&url)
        .max_response_bytes(LIMIT)
        .retry_policy(intercom_client::RetryPolicy::never())
        .build()
        .unwrap();

    let err = client
        .external_pages()
        .get(&ExternalPageId::new("21"))
        .await
        .unwrap_err();
    drop(client);

    let Error::ResponseTooLarge {
        limit,
        content_length,
        ..
    } = &err
    else {
        panic!("{:.300}", err.to_string())
    };
    assert_eq!((*limit, *content_length), (LIMIT, None));
    assert_eq!(err.request_id(), Some("req-chunked"));
    // What the server got written is the limit plus what the sockets' buffers hold: the
    // client stopped reading and hung up, so its memory never held the rest.
    // Joined off the runtime's thread, which must go on to close the connection.
    let written = tokio::task::spawn_blocking(move || server.join().unwrap())
        .await
        .unwrap();
    assert!(written < total / 8, "{written} of {total} bytes written");
}

#[test]
fn the_default_limit_admits_a_full_list_page_of_the_largest_pages() {
    let html = 2 * 1024 * 1024;
    assert!(DEFAULT_MAX_RESPONSE_BYTES >= 150 * 2 * html);
}

/// A body over the limit is an answer: however many, the host is not taken for unreachable.
#[tokio::test]
async fn answers_over_the_limit_do_not_make_the_host_unreachable() {
    let server = MockServer::start_async().await;
    let body = format!("\"{}\"", "x".repeat(2 * LIMIT as usize));
    server
        .mock_async(|when, then| {
            when.method("GET").path("/ai/external_pages/21");
            then.status(200).body(body.clone());
        })
        .await;
    let client = builder(&server)
        .max_response_bytes(LIMIT)
        .unreachable_after(std::time::Duration::from_millis(1))
        .build()
        .unwrap();
    for _ in 0..3 {
        let err = client
            .external_pages()
            .get(&ExternalPageId::new("21"))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:.200}");
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}
