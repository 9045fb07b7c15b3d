//! A node that limits what it serves like a public one: an HTTP JSON-RPC proxy on
//! 127.0.0.1 in front of an [`Anvil`](crate::Anvil) that refuses a log query over more
//! than `max_blocks` blocks and the methods it is told it lacks (a tracer, say) with the
//! errors public nodes give, and passes every other request through unchanged.

use std::io::BufReader;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use alloy_provider::{Provider, RootProvider};
use serde_json::{Value, json};

use crate::chain::on_own_thread;
use crate::http::{read_request, write_reply};

/// The proxy; it stops accepting when dropped (its thread ends with the test).
#[derive(Debug)]
pub struct RangeLimitedNode {
    address: SocketAddr,
    counts: Arc<Counts>,
}

#[derive(Debug, Default)]
struct Counts {
    refused: AtomicU64,
    served: AtomicU64,
    widest: AtomicU64,
}

impl RangeLimitedNode {
    /// Starts in front of the node at `upstream` (an Anvil's URL), refusing log queries
    /// over more than `max_blocks` blocks.
    pub fn start(upstream: &str, max_blocks: u64) -> Self {
        Self::start_without(upstream, max_blocks, &[])
    }

    /// The same, answering each of `missing` as a method it does not have.
    pub fn start_without(upstream: &str, max_blocks: u64, missing: &[&str]) -> Self {
        let missing: Arc<Vec<String>> = Arc::new(missing.iter().map(|m| (*m).to_owned()).collect());
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let address = listener.local_addr().expect("its address");
        let counts = Arc::new(Counts::default());
        let shared = Arc::clone(&counts);
        let upstream = upstream.to_owned();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (counts, upstream) = (Arc::clone(&shared), upstream.clone());
                let missing = Arc::clone(&missing);
                let limits = Limits {
                    max_blocks,
                    missing,
                };
                thread::spawn(move || serve(stream, &upstream, &limits, &counts));
            }
        });
        Self { address, counts }
    }

    /// The URL a user would configure as the RPC URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// How many log queries it refused as too large.
    pub fn refused(&self) -> u64 {
        self.counts.refused.load(Ordering::SeqCst)
    }

    /// How many log queries it answered.
    pub fn served(&self) -> u64 {
        self.counts.served.load(Ordering::SeqCst)
    }

    /// The widest log query it answered, in blocks.
    pub fn widest_served(&self) -> u64 {
        self.counts.widest.load(Ordering::SeqCst)
    }
}

/// What the node refuses.
struct Limits {
    max_blocks: u64,
    missing: Arc<Vec<String>>,
}

fn serve(stream: TcpStream, upstream: &str, limits: &Limits, counts: &Counts) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(stream) => stream,
        Err(_) => return,
    });
    let mut writer = stream;
    while let Some(request) = read_request(&mut reader) {
        let body = match serde_json::from_slice::<Value>(&request.body) {
            Ok(Value::Array(calls)) => Value::Array(
                calls
                    .into_iter()
                    .map(|call| answer(call, upstream, limits, counts))
                    .collect(),
            ),
            Ok(call) => answer(call, upstream, limits, counts),
            Err(_) => {
                json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32700, "message": "parse error"}})
            }
        };
        let headers = [("content-type".to_owned(), "application/json".to_owned())];
        if !write_reply(&mut writer, 200, &headers, &body.to_string()) {
            return;
        }
    }
}

/// A block number of a log filter (`"0x1f"`); none for a tag such as `"latest"`.
fn block_of(value: &Value) -> Option<u64> {
    u64::from_str_radix(value.as_str()?.strip_prefix("0x")?, 16).ok()
}

fn answer(call: Value, upstream: &str, limits: &Limits, counts: &Counts) -> Value {
    let max_blocks = limits.max_blocks;
    let id = call.get("id").cloned().unwrap_or(Value::Null);
    let method = call
        .get("method")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let params = call
        .get("params")
        .cloned()
        .unwrap_or(Value::Array(Vec::new()));
    if limits.missing.contains(&method) {
        return json!({"jsonrpc": "2.0", "id": id, "error": {
            "code": -32601,
            "message": format!("the method {method} does not exist/is not available")
        }});
    }
    if method == "eth_getLogs" {
        let filter = &params[0];
        let blocks = match (block_of(&filter["fromBlock"]), block_of(&filter["toBlock"])) {
            (Some(from), Some(to)) => to.saturating_sub(from).saturating_add(1),
            _ => u64::MAX,
        };
        if blocks > max_blocks {
            counts.refused.fetch_add(1, Ordering::SeqCst);
            return json!({"jsonrpc": "2.0", "id": id, "error": {
                "code": -32005,
                "message": format!("query exceeds max block range {max_blocks}")
            }});
        }
        counts.served.fetch_add(1, Ordering::SeqCst);
        counts.widest.fetch_max(blocks, Ordering::SeqCst);
    }
    let url = upstream.to_owned();
    let result = on_own_thread(async move {
        let provider: RootProvider = RootProvider::new_http(url.parse().expect("url"));
        provider
            .raw_request::<_, Value>(method.into(), params)
            .await
            .map_err(|error| match error.as_error_resp() {
                Some(payload) => {
                    json!({"code": payload.code, "message": payload.message, "data": payload.data})
                }
                None => json!({"code": -32603, "message": error.to_string()}),
            })
    });
    match result {
        Ok(result) => json!({"jsonrpc": "2.0", "id": id, "result": result}),
        Err(error) => json!({"jsonrpc": "2.0", "id": id, "error": error}),
    }
}
