//! A stand-in for a CoinGecko-compatible price API on 127.0.0.1: an HTTP/1.1 server
//! that answers each request with the next scripted reply (recorded bodies from
//! `recordings/coingecko/`, statuses, headers, delays) and keeps what it was asked.

use std::collections::VecDeque;
use std::io::BufReader;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crate::http::{read_request, write_reply};

/// A recorded body, by file name under `recordings/coingecko/`.
pub fn recorded(name: &str) -> String {
    let path = format!("{}/recordings/coingecko/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// One scripted reply.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Wait this long before answering (a slow or hanging API).
    pub delay: Duration,
}

impl Reply {
    /// `200 OK` with a JSON body.
    pub fn ok(body: impl Into<String>) -> Self {
        Self::status(200, body)
    }

    pub fn status(status: u16, body: impl Into<String>) -> Self {
        Self {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    /// CoinGecko's `429 Too Many Requests`, with `Retry-After` when given.
    pub fn rate_limited(retry_after: Option<u64>) -> Self {
        let mut reply = Self::status(429, recorded("rate_limited.json"));
        if let Some(seconds) = retry_after {
            reply
                .headers
                .push(("retry-after".into(), seconds.to_string()));
        }
        reply
    }

    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// What the server was asked: the request line's target and the headers, lower-cased
/// names.
#[derive(Debug, Clone)]
pub struct Request {
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

#[derive(Debug, Default)]
struct Script {
    replies: VecDeque<Reply>,
    requests: Vec<Request>,
}

/// The server; it stops accepting when dropped (its thread ends with the test).
#[derive(Debug)]
pub struct PriceApiServer {
    address: SocketAddr,
    script: Arc<Mutex<Script>>,
}

impl PriceApiServer {
    /// Starts on a free port of 127.0.0.1 with these replies, in order; once they are
    /// used up, every request gets `503`.
    pub fn start(replies: impl IntoIterator<Item = Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let address = listener.local_addr().expect("its address");
        let script = Arc::new(Mutex::new(Script {
            replies: replies.into_iter().collect(),
            requests: Vec::new(),
        }));
        let shared = Arc::clone(&script);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&shared);
                thread::spawn(move || serve(stream, &shared));
            }
        });
        Self { address, script }
    }

    /// The base URL, as a user would type it: `http://127.0.0.1:PORT/api/v3`.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/v3", self.address)
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Request> {
        self.script
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .requests
            .clone()
    }

    /// Adds replies to the end of the script.
    pub fn then(&self, replies: impl IntoIterator<Item = Reply>) {
        self.script
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .replies
            .extend(replies);
    }
}

fn serve(stream: TcpStream, script: &Mutex<Script>) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(stream) => stream,
        Err(_) => return,
    });
    let mut writer = stream;
    while let Some(request) = read_request(&mut reader) {
        let reply = {
            let mut script = script.lock().unwrap_or_else(PoisonError::into_inner);
            script.requests.push(Request {
                target: request.target,
                headers: request.headers,
            });
            script.replies.pop_front()
        }
        .unwrap_or_else(|| Reply::status(503, "{\"error\":\"no reply scripted\"}"));
        thread::sleep(reply.delay);
        if !write_reply(&mut writer, reply.status, &reply.headers, &reply.body) {
            return;
        }
    }
}
