//! A hand-rolled HTTP server on 127.0.0.1 that can be stopped (its port then refuses
//! connections) and started again on the same port, and counts the requests it answered.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;

/// The whole response to the n-th request (from 0, counted across restarts).
pub type Replies = Arc<dyn Fn(usize) -> String + Send + Sync>;

/// A raw HTTP/1.1 response that closes its connection.
pub fn http(status: u16, headers: &[(&str, String)], body: &str) -> String {
    let mut text = format!(
        "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    text
}

pub struct Stub {
    pub addr: SocketAddr,
    /// Requests answered, across restarts.
    pub hits: Arc<AtomicUsize>,
    replies: Replies,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Stub {
    pub fn start(replies: Replies) -> Stub {
        Stub::on("127.0.0.1:0".parse().unwrap(), Arc::default(), replies)
    }

    fn on(addr: SocketAddr, hits: Arc<AtomicUsize>, replies: Replies) -> Stub {
        let listener = TcpListener::bind(addr).unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (hits, replies, stop) = (hits.clone(), replies.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { break };
                    let (hits, replies) = (hits.clone(), replies.clone());
                    std::thread::spawn(move || serve(stream, &hits, &replies));
                }
            })
        };
        Stub {
            addr,
            hits,
            replies,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// Closes the listener: connections to the port are refused from now on.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
    }

    /// Listens on the same port again.
    pub fn restart(&mut self) {
        *self = Stub::on(self.addr, self.hits.clone(), self.replies.clone());
    }
}

impl Drop for Stub {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Reads one request (headers and a `content-length` body) and answers it.
fn serve(stream: TcpStream, hits: &AtomicUsize, replies: &Replies) {
    let mut reader = BufReader::new(stream);
    let mut length = 0;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let n = hits.fetch_add(1, Ordering::SeqCst);
    let mut stream = reader.into_inner();
    let _ = stream.write_all(replies(n).as_bytes());
}
