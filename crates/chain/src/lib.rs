//! Saleguard's client for the user's Ethereum node: the only code that talks to a
//! chain, and only to the RPC endpoint the user configured for it.
//!
//! Invariants: connecting checks that the node serves the configured chain before any
//! other call; every call runs under a timeout; errors name the node by scheme, host and
//! port only (RPC providers put API keys in the path), never the full URL.

use std::future::Future;
use std::time::Duration;

pub mod signer;

use alloy_json_rpc::RpcError;
use alloy_primitives::{Address, B256, Bytes, TxKind, U256};
use alloy_provider::{Provider, RootProvider};
use alloy_rpc_types_eth::{BlockNumberOrTag, Filter, TransactionInput, TransactionRequest};
use alloy_rpc_types_trace::geth::{
    CallConfig, CallFrame, CallLogFrame, GethDebugTracingCallOptions, GethDebugTracingOptions,
};
use alloy_sol_types::SolEvent;
use alloy_transport::TransportErrorKind;
use saleguard_core::approval::allowance_call;
use saleguard_core::network::Network;
use saleguard_core::receipt::{
    CoinsReturned, ReceiptLog, TokenTransfer, Transfer, coins_returned, token_transfers,
};
use saleguard_core::transaction::{
    CallRequest, FeeHistory, FeeSpeed, NetworkFacts, PlannedCall, balance_of_call,
};

/// How long one call to the node may take before Saleguard gives up on it.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(20);
/// How many recent blocks the fee suggestion looks at.
pub const FEE_HISTORY_BLOCKS: u64 = 20;

/// Why the node could not answer, in words that say what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    #[error(
        "no RPC URL is set for chain {chain_id}: add your node's address in Settings → Networks"
    )]
    NotConfigured { chain_id: u64 },
    #[error("could not reach the node at {host}: check the RPC URL and that the node is running")]
    Unreachable { host: String },
    #[error(
        "the node at {host} serves chain {reported}, not chain {expected} as configured: nothing was signed or sent"
    )]
    WrongChain {
        host: String,
        expected: u64,
        reported: u64,
    },
    #[error("the node at {host} did not answer within {} seconds", CALL_TIMEOUT.as_secs())]
    Timeout { host: String },
    #[error("the node at {host} refused the request: {message}")]
    Refused { host: String, message: String },
}

/// A connection to the node of one configured network, checked to serve its chain. Its
/// `Debug` names the node by its host: the provider's would print the whole URL.
#[derive(Clone)]
pub struct Node {
    provider: RootProvider,
    host: String,
    chain_id: u64,
}

impl std::fmt::Debug for Node {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Node")
            .field("host", &self.host)
            .field("chain_id", &self.chain_id)
            .finish_non_exhaustive()
    }
}

/// An ERC-20 transfer found in the chain's logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundTransfer {
    /// The transaction whose log it is.
    pub transaction: B256,
    pub block: u64,
    /// Its block's time (Unix seconds), when the node gives it with the log.
    pub block_time: Option<u64>,
    pub transfer: TokenTransfer,
}

/// A transaction's fate as the node reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inclusion {
    /// Not in a block (yet).
    Pending,
    /// In block `block`, with `confirmations` blocks on top of it counting its own.
    Mined {
        block: u64,
        confirmations: u64,
        succeeded: bool,
        gas_used: u64,
        /// What the sender paid the network: gas used × the effective gas price, in wei.
        fee_wei: U256,
        /// The receipt's logs: what the transaction's effects are read from.
        logs: Vec<ReceiptLog>,
    },
    /// The node no longer knows it and the account's nonce moved past it: another
    /// transaction with the same nonce was mined instead.
    Replaced,
    /// The node no longer knows it and the nonce is still free.
    Dropped,
}

impl Node {
    /// Connects to `network`'s node and checks the chain it serves.
    pub async fn connect(network: &Network) -> Result<Self, ChainError> {
        let url = network.rpc_url.clone().ok_or(ChainError::NotConfigured {
            chain_id: network.chain_id,
        })?;
        let host = network.rpc_host().unwrap_or_default();
        let node = Self {
            provider: RootProvider::new_http(url),
            host,
            chain_id: network.chain_id,
        };
        let reported = node.ask(node.provider.get_chain_id()).await?;
        if reported != network.chain_id {
            tracing::warn!(
                expected = network.chain_id,
                reported,
                "the node serves another chain"
            );
            return Err(ChainError::WrongChain {
                host: node.host,
                expected: network.chain_id,
                reported,
            });
        }
        tracing::debug!(node = ?node, "connected to the node");
        Ok(node)
    }

    pub fn chain_id(&self) -> u64 {
        self.chain_id
    }

    /// Runs one call under the timeout, turning its failure into a [`ChainError`].
    async fn ask<T>(
        &self,
        call: impl Future<Output = Result<T, RpcError<TransportErrorKind>>>,
    ) -> Result<T, ChainError> {
        match tokio::time::timeout(CALL_TIMEOUT, call).await {
            Err(_) => Err(ChainError::Timeout {
                host: self.host.clone(),
            }),
            Ok(Ok(value)) => Ok(value),
            Ok(Err(error)) => Err(self.classify(&error)),
        }
    }

    fn classify(&self, error: &RpcError<TransportErrorKind>) -> ChainError {
        match error {
            RpcError::ErrorResp(payload) => ChainError::Refused {
                host: self.host.clone(),
                message: payload.message.to_string(),
            },
            // Transport errors carry the full URL in their text: keep them out.
            other => {
                tracing::warn!(kind = error_kind(other), "the node could not be reached");
                ChainError::Unreachable {
                    host: self.host.clone(),
                }
            }
        }
    }

    /// Recent blocks' base fees and the tips paid at the three speeds' percentiles.
    pub async fn fee_history(&self) -> Result<FeeHistory, ChainError> {
        let percentiles = FeeSpeed::ALL.map(|speed| f64::from(speed.percentile()));
        let history = self
            .ask(self.provider.get_fee_history(
                FEE_HISTORY_BLOCKS,
                BlockNumberOrTag::Latest,
                &percentiles,
            ))
            .await?;
        let rewards = history
            .reward
            .unwrap_or_default()
            .into_iter()
            .map(|tips| [0, 1, 2].map(|i| tips.get(i).copied().unwrap_or_default()))
            .collect();
        Ok(FeeHistory {
            base_fees: history.base_fee_per_gas,
            rewards,
        })
    }

    /// The next nonce of `address`, counting its transactions still pending.
    pub async fn pending_nonce(&self, address: Address) -> Result<u64, ChainError> {
        self.ask(async { self.provider.get_transaction_count(address).pending().await })
            .await
    }

    /// The coins `address` holds now (latest block).
    pub async fn balance(&self, address: Address) -> Result<U256, ChainError> {
        self.ask(async { self.provider.get_balance(address).await })
            .await
    }

    /// The number of the latest block.
    pub async fn latest_block(&self) -> Result<u64, ChainError> {
        self.ask(async { self.provider.get_block_number().await })
            .await
    }

    /// The nonce of `address` counting only mined transactions.
    pub async fn mined_nonce(&self, address: Address) -> Result<u64, ChainError> {
        self.ask(async { self.provider.get_transaction_count(address).latest().await })
            .await
    }

    /// The coins that came back to `account` in `block`, where its transaction sent
    /// `value` and paid `fee`: its balance after the block less its balance before,
    /// plus what it spent, when that transaction was the only one it sent in the block
    /// (its nonce moved by one). What the node cannot say (no state that old) is
    /// unknown, never zero.
    pub async fn coins_returned(
        &self,
        account: Address,
        block: u64,
        value: U256,
        fee: U256,
    ) -> CoinsReturned {
        let Some(before_block) = block.checked_sub(1) else {
            return CoinsReturned::Unknown("the genesis block has no block before it".to_owned());
        };
        let measured = async {
            let balance = |at: u64| async move {
                self.ask(async { self.provider.get_balance(account).number(at).await })
                    .await
            };
            let nonce = |at: u64| async move {
                self.ask(async {
                    self.provider
                        .get_transaction_count(account)
                        .number(at)
                        .await
                })
                .await
            };
            let (before, after) = (balance(before_block).await?, balance(block).await?);
            let sent = nonce(block)
                .await?
                .saturating_sub(nonce(before_block).await?);
            Ok::<_, ChainError>(coins_returned(before, after, value, fee, sent))
        };
        match measured.await {
            Ok(returned) => returned,
            Err(error) => CoinsReturned::Unknown(format!(
                "the node could not give the account's balance around block {block}: {error}"
            )),
        }
    }

    /// The ERC-20 transfers of `token` to any of `accounts` in the blocks `from` to `to`
    /// (both included), in the chain's order, each with its transaction, block, log
    /// index and — when the node gives it — its block's time. A node that limits
    /// `eth_getLogs` refuses a range it finds too large: the caller asks again for less.
    pub async fn token_transfers_to(
        &self,
        token: Address,
        accounts: &[Address],
        from: u64,
        to: u64,
    ) -> Result<Vec<FoundTransfer>, ChainError> {
        let receivers: Vec<B256> = accounts.iter().map(|a| a.into_word()).collect();
        let filter = Filter::new()
            .address(token)
            .event_signature(Transfer::SIGNATURE_HASH)
            .topic2(receivers)
            .from_block(from)
            .to_block(to);
        let logs = self
            .ask(async { self.provider.get_logs(&filter).await })
            .await?;
        Ok(logs
            .iter()
            .filter_map(|log| {
                let read = ReceiptLog {
                    address: log.address(),
                    topics: log.topics().to_vec(),
                    data: log.data().data.clone(),
                    log_index: log.log_index?,
                };
                let transfer = token_transfers(std::slice::from_ref(&read)).pop()?;
                Some(FoundTransfer {
                    transaction: log.transaction_hash?,
                    block: log.block_number?,
                    block_time: log.block_timestamp,
                    transfer,
                })
            })
            .collect())
    }

    /// When block `number` was made, in Unix seconds.
    pub async fn block_time(&self, number: u64) -> Result<u64, ChainError> {
        let block = self
            .ask(async { self.provider.get_block_by_number(number.into()).await })
            .await?;
        block
            .map(|block| block.header.timestamp)
            .ok_or_else(|| ChainError::Refused {
                host: self.host.clone(),
                message: format!("the node does not know block {number}"),
            })
    }

    /// A contract's view answering a number (what `account` can claim now, say), asked
    /// as `account` would ask it.
    pub async fn view_number(
        &self,
        contract: Address,
        input: Bytes,
        account: Address,
    ) -> Result<U256, ChainError> {
        let request = TransactionRequest {
            from: Some(account),
            to: Some(TxKind::Call(contract)),
            input: TransactionInput::new(input),
            ..TransactionRequest::default()
        };
        let answer: Bytes = self
            .ask(async { self.provider.call(request).await })
            .await?;
        let word = answer.get(..32).ok_or_else(|| ChainError::Refused {
            host: self.host.clone(),
            message: format!("{contract} did not answer the view with a number"),
        })?;
        Ok(U256::from_be_slice(word))
    }

    /// The ERC-20 balance of `owner` at `token`.
    pub async fn token_balance(&self, token: Address, owner: Address) -> Result<U256, ChainError> {
        self.token_number(token, balance_of_call(owner), "balanceOf")
            .await
    }

    /// What `spender` may take from `owner` at `token` now (ERC-20 `allowance`).
    pub async fn allowance(
        &self,
        token: Address,
        owner: Address,
        spender: Address,
    ) -> Result<U256, ChainError> {
        self.token_number(token, allowance_call(owner, spender), "allowance")
            .await
    }

    /// A number a token's view function answers with `input`, at the latest block.
    async fn token_number(
        &self,
        token: Address,
        input: Bytes,
        function: &str,
    ) -> Result<U256, ChainError> {
        let request = TransactionRequest {
            to: Some(TxKind::Call(token)),
            input: TransactionInput::new(input),
            ..TransactionRequest::default()
        };
        let answer: Bytes = self
            .ask(async { self.provider.call(request).await })
            .await?;
        alloy_sol_types::SolValue::abi_decode(&answer).map_err(|_| ChainError::Refused {
            host: self.host.clone(),
            message: format!("{token} did not answer {function} as an ERC-20 token does"),
        })
    }

    /// What the node says about `call`: balances, code at the destination, the gas
    /// estimate (or the revert reason) and fees at `speed` from recent blocks.
    pub async fn facts(
        &self,
        call: &PlannedCall,
        speed: FeeSpeed,
        token: Option<Address>,
    ) -> Result<NetworkFacts, ChainError> {
        let balance = self
            .ask(async { self.provider.get_balance(call.from).pending().await })
            .await?;
        let token_balance = match token {
            Some(token) => Some(self.token_balance(token, call.from).await?),
            None => None,
        };
        let code = self
            .ask(async { self.provider.get_code_at(call.to).await })
            .await?;
        let request = request_of(&call.request());
        let estimate =
            match tokio::time::timeout(CALL_TIMEOUT, self.provider.estimate_gas(request)).await {
                Err(_) => {
                    return Err(ChainError::Timeout {
                        host: self.host.clone(),
                    });
                }
                Ok(Ok(gas)) => Ok(gas),
                Ok(Err(RpcError::ErrorResp(payload))) => Err(revert_reason(
                    payload.as_revert_data().as_ref().map(|data| data.as_ref()),
                    &payload.message,
                )),
                Ok(Err(other)) => return Err(self.classify(&other)),
            };
        let history = self.fee_history().await?;
        Ok(NetworkFacts {
            balance,
            token_balance,
            destination_has_code: !code.is_empty(),
            estimate,
            fees: history.suggest(speed),
            history,
        })
    }

    /// Sends a signed transaction, EIP-2718 encoded; its hash.
    pub async fn send_raw(&self, raw: &[u8]) -> Result<B256, ChainError> {
        let pending = self
            .ask(async { self.provider.send_raw_transaction(raw).await })
            .await?;
        Ok(*pending.tx_hash())
    }

    /// Where the transaction `hash` from `from` with `nonce` stands now.
    pub async fn inclusion(
        &self,
        hash: B256,
        from: Address,
        nonce: u64,
    ) -> Result<Inclusion, ChainError> {
        let receipt = self
            .ask(async { self.provider.get_transaction_receipt(hash).await })
            .await?;
        if let Some(receipt) = receipt {
            let block = receipt.block_number.unwrap_or_default();
            let head = self
                .ask(async { self.provider.get_block_number().await })
                .await?;
            return Ok(Inclusion::Mined {
                block,
                confirmations: head.saturating_sub(block).saturating_add(1),
                succeeded: receipt.status(),
                gas_used: receipt.gas_used,
                fee_wei: U256::from(receipt.gas_used)
                    .saturating_mul(U256::from(receipt.effective_gas_price)),
                logs: receipt
                    .inner
                    .logs()
                    .iter()
                    .map(|log| ReceiptLog {
                        address: log.address(),
                        topics: log.topics().to_vec(),
                        data: log.data().data.clone(),
                        log_index: log.log_index.unwrap_or_default(),
                    })
                    .collect(),
            });
        }
        let known = self
            .ask(async { self.provider.get_transaction_by_hash(hash).await })
            .await?;
        if known.is_some() {
            return Ok(Inclusion::Pending);
        }
        if self.mined_nonce(from).await? > nonce {
            Ok(Inclusion::Replaced)
        } else {
            Ok(Inclusion::Dropped)
        }
    }

    /// What `call` would do if it were mined now: the node replays it on the latest
    /// state with geth's call tracer and its logs (`debug_traceCall`), and the logs and
    /// the coins every call frame that did not fail moved are read from the trace. A
    /// node without the tracer (most public ones) says so: the error's words, for the
    /// review to show once.
    pub async fn simulate(&self, call: &CallRequest) -> Result<Simulation, String> {
        let options = GethDebugTracingCallOptions::new(GethDebugTracingOptions::call_tracer(
            CallConfig::default().with_log(),
        ));
        let request = request_of(call);
        let asked = self
            .provider
            .raw_request::<_, CallFrame>("debug_traceCall".into(), (request, "latest", options));
        let frame = match tokio::time::timeout(CALL_TIMEOUT, asked).await {
            Err(_) => return Err("it did not answer in time".to_owned()),
            Ok(Err(RpcError::ErrorResp(payload))) => return Err(payload.message.to_string()),
            Ok(Err(error)) => {
                tracing::warn!(kind = error_kind(&error), "the simulation failed");
                return Err("it gave no answer Saleguard can read".to_owned());
            }
            Ok(Ok(frame)) => frame,
        };
        let mut simulation = Simulation {
            failure: frame.error.clone().map(|error| {
                frame
                    .revert_reason
                    .clone()
                    .map_or(error.clone(), |reason| format!("{error}: {reason}"))
            }),
            ..Simulation::default()
        };
        if simulation.failure.is_none() {
            read_frame(&frame, true, &mut simulation);
        }
        Ok(simulation)
    }

    /// Why a mined transaction failed: the call replayed on the state its block left
    /// (where what made it fail — an earlier transaction of the block, say — is in
    /// effect). Nodes without tracing offer nothing more exact; empty when the replay
    /// gives no reason.
    pub async fn failure_reason(&self, call: &CallRequest, block: u64) -> String {
        let request = request_of(call);
        match self.provider.call(request).block(block.into()).await {
            Err(RpcError::ErrorResp(payload)) => revert_reason(
                payload.as_revert_data().as_ref().map(|data| data.as_ref()),
                &payload.message,
            ),
            _ => String::new(),
        }
    }
}

/// What a simulated call would do: its logs in the order they would be emitted (their
/// index is that order), and the coins its inner calls would move.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Simulation {
    pub logs: Vec<ReceiptLog>,
    /// Coins moved by calls the transaction's own call makes: (from, to, wei).
    pub inner_transfers: Vec<(Address, Address, U256)>,
    /// Why the call would fail, when it would.
    pub failure: Option<String>,
}

impl Simulation {
    /// The coins inner calls would send to `account`.
    pub fn coins_to(&self, account: Address) -> U256 {
        self.inner_transfers
            .iter()
            .filter(|(from, to, _)| *to == account && *from != account)
            .fold(U256::ZERO, |total, (.., wei)| total.saturating_add(*wei))
    }
}

/// Reads `frame` and the calls under it that did not fail (what a failed call did is
/// undone) into `simulation`: logs with their own and their children's in the order the
/// tracer gives by `position`.
fn read_frame(frame: &CallFrame, top: bool, simulation: &mut Simulation) {
    if frame.error.is_some() {
        return;
    }
    let moves_coins = !top && frame.typ != "DELEGATECALL" && frame.typ != "STATICCALL";
    if let (true, Some(to), Some(value)) = (moves_coins, frame.to, frame.value)
        && !value.is_zero()
    {
        simulation.inner_transfers.push((frame.from, to, value));
    }
    let mut logs = frame.logs.iter().peekable();
    for (index, child) in frame.calls.iter().enumerate() {
        while let Some(log) = logs.next_if(|log| log.position.is_none_or(|p| p <= index as u64)) {
            push_log(log, simulation);
        }
        read_frame(child, false, simulation);
    }
    for log in logs {
        push_log(log, simulation);
    }
}

fn push_log(log: &CallLogFrame, simulation: &mut Simulation) {
    let (Some(address), Some(topics)) = (log.address, log.topics.clone()) else {
        return;
    };
    let log_index = simulation.logs.len() as u64;
    simulation.logs.push(ReceiptLog {
        address,
        topics,
        data: log.data.clone().unwrap_or_default(),
        log_index,
    });
}

/// The call as a JSON-RPC request (for estimating, or replaying a failure).
fn request_of(call: &CallRequest) -> TransactionRequest {
    TransactionRequest {
        from: Some(call.from),
        to: Some(TxKind::Call(call.to)),
        value: Some(call.value),
        input: TransactionInput::new(call.input.clone()),
        ..TransactionRequest::default()
    }
}

/// The revert reason: decoded from the revert data (`Error(string)`, a panic code or a
/// custom error's selector), else what the node said without its "execution reverted"
/// prefix.
pub fn revert_reason(data: Option<&[u8]>, message: &str) -> String {
    if let Some(reason) = data.and_then(alloy_sol_types::decode_revert_reason) {
        return reason;
    }
    message
        .trim_start_matches("execution reverted")
        .trim_start_matches(':')
        .trim()
        .to_owned()
}

fn error_kind(error: &RpcError<TransportErrorKind>) -> &'static str {
    match error {
        RpcError::Transport(_) => "transport",
        RpcError::DeserError { .. } => "unreadable reply",
        RpcError::SerError(_) => "request encoding",
        RpcError::NullResp => "empty reply",
        _ => "other",
    }
}
