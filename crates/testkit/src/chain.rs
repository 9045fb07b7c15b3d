//! A local Ethereum node (Anvil, from `tests/contracts/node_modules`) on 127.0.0.1 and
//! the test contracts compiled from Solidity (`tests/contracts/*.sol`: sales of the kinds
//! users meet, tokens, a vesting contract, a Merkle distributor) by solcjs. `scripts/setup.sh --for-tests` installs both from
//! npm.

use alloy_primitives::{Address, B256, Bytes, TxKind, U256};
use alloy_provider::{Provider, RootProvider};
use alloy_rpc_types_eth::{TransactionInput, TransactionRequest};
use alloy_sol_types::SolValue;
use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Anvil's chain id.
pub const ANVIL_CHAIN_ID: u64 = 31_337;

/// Anvil's funded development accounts (from its well-known test mnemonic), each with
/// 10 000 ETH: `(address, private key)`. Test keys only: never hold real funds.
pub const ANVIL_ACCOUNTS: [(&str, &str); 3] = [
    (
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
    ),
    (
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
    ),
    (
        "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
    ),
];

fn contracts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/contracts")
}

fn tool(relative: &str) -> PathBuf {
    let path = contracts_dir().join("node_modules").join(relative);
    assert!(
        path.exists(),
        "{} is missing: run scripts/setup.sh --for-tests (it installs tests/contracts' npm packages)",
        path.display()
    );
    path
}

/// The sale tokens a `TokenPaidSale` owes per base unit paid.
pub const TOKEN_PAID_SALE_RATE: u64 = 1_000_000_000_000_000;

/// An Anvil node on a free port of 127.0.0.1, killed on drop.
#[derive(Debug)]
pub struct Anvil {
    child: Child,
    port: u16,
}

impl Anvil {
    /// Starts Anvil with chain id 31337 and waits until it accepts connections.
    pub fn start() -> Self {
        Self::start_with_chain_id(ANVIL_CHAIN_ID)
    }

    /// Starts Anvil serving another chain id (a node that is not the one configured).
    pub fn start_with_chain_id(chain_id: u64) -> Self {
        let port = free_port();
        let binary = tool("@foundry-rs/anvil-linux-amd64/bin/anvil");
        let child = Command::new(binary)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["--chain-id", &chain_id.to_string(), "--silent"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("anvil starts");
        let address = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_err() {
            assert!(
                Instant::now() < deadline,
                "anvil did not start on {address}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, port }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Deploys `TokenSale(rate 1000 token units per wei, soft cap, hard cap, deadline)`
    /// from Anvil's first (unlocked) account and returns its address. Blocking: it runs
    /// on a thread of its own, so it may be called from async tests too.
    pub fn deploy_token_sale(&self, soft_cap: U256, hard_cap: U256, deadline: u64) -> Address {
        let arguments = (
            U256::from(1000u64),
            soft_cap,
            hard_cap,
            U256::from(deadline),
        );
        self.deploy("TokenSale", arguments.abi_encode_params())
    }

    /// Deploys a `FixedSupplyToken` named "Test Dollar" (TUSD, 6 decimals), as a sale
    /// paid in a token accepts, with `amount` base units minted to `holder`, and returns
    /// its address.
    pub fn deploy_payment_token(&self, holder: Address, amount: U256) -> Address {
        self.deploy_token("Test Dollar", "TUSD", 6, holder, amount)
    }

    /// Deploys a `FixedSupplyToken` with its whole supply, `amount` base units, minted to
    /// `holder`.
    pub fn deploy_token(
        &self,
        name: &str,
        symbol: &str,
        decimals: u8,
        holder: Address,
        amount: U256,
    ) -> Address {
        let arguments = (
            name.to_owned(),
            symbol.to_owned(),
            U256::from(decimals),
            holder,
            amount,
        );
        self.deploy("FixedSupplyToken", arguments.abi_encode_params())
    }

    /// Deploys a `PostDeliverySale` (1000 token units per wei) that takes contributions
    /// until `deadline`, keeps the tokens bought until it is finalised, then lets each
    /// buyer `withdrawTokens(address)`.
    pub fn deploy_post_delivery_sale(&self, deadline: u64) -> Address {
        let arguments = (U256::from(1000u64), U256::from(deadline));
        self.deploy("PostDeliverySale", arguments.abi_encode_params())
    }

    /// Moves `amount` base units of the ERC-20 `token` from Anvil's first account (the
    /// deployer, who holds a token's whole supply) to `to`: funding a vesting contract
    /// or a distributor.
    pub fn transfer_token(&self, token: Address, to: Address, amount: U256) {
        let deployer: Address = ANVIL_ACCOUNTS[0].0.parse().expect("address");
        let mut input = alloy_primitives::keccak256("transfer(address,uint256)")[..4].to_vec();
        input.extend((to, amount).abi_encode_params());
        self.send(deployer, token, U256::ZERO, input);
    }

    /// Deploys an `EscrowedSale` open until `deadline` whose contributions a separate
    /// `RefundEscrow` (its `escrow()`) holds; finalised below `soft_cap`, the escrow pays
    /// each buyer back with `withdraw(address)`, keeping `fee_basis_points` of it (and
    /// pays nothing, without reverting, to a buyer already paid).
    pub fn deploy_escrowed_sale(
        &self,
        soft_cap: U256,
        deadline: u64,
        fee_basis_points: u64,
    ) -> Address {
        let arguments = (soft_cap, U256::from(deadline), U256::from(fee_basis_points));
        self.deploy("EscrowedSale", arguments.abi_encode_params())
    }

    /// Deploys a `TokenVesting` that releases what it holds of `token` to `beneficiary`
    /// linearly over `duration` seconds from `start`.
    pub fn deploy_vesting(
        &self,
        token: Address,
        beneficiary: Address,
        start: u64,
        duration: u64,
    ) -> Address {
        let arguments = (token, beneficiary, U256::from(start), U256::from(duration));
        self.deploy("TokenVesting", arguments.abi_encode_params())
    }

    /// Deploys a `MerkleDistributor` paying `token` to the leaves of `root`.
    pub fn deploy_merkle_distributor(&self, token: Address, root: B256) -> Address {
        self.deploy("MerkleDistributor", (token, root).abi_encode_params())
    }

    /// Deploys a `TokenPaidSale` paid in `payment` through `transferFrom` after an
    /// approval (`buyTokens(uint256)`), open until `deadline`, its tokens claimed after
    /// it (`claim()`): [`TOKEN_PAID_SALE_RATE`] token base units per payment base unit,
    /// 1000 tokens (18 decimals) per whole unit of a 6-decimal payment token.
    pub fn deploy_token_paid_sale(&self, payment: Address, deadline: u64) -> Address {
        let arguments = (
            payment,
            U256::from(TOKEN_PAID_SALE_RATE),
            U256::from(deadline),
        );
        self.deploy("TokenPaidSale", arguments.abi_encode_params())
    }

    /// Deploys a `GreedySale` paid in `payment`: its `buyTokens(amount)` pulls twice the
    /// amount through an earlier approval (a malicious sale, for the review's preview).
    pub fn deploy_greedy_sale(&self, payment: Address) -> Address {
        self.deploy("GreedySale", payment.abi_encode())
    }

    /// Sends `value` wei and `input` to `to` from `from`, one of Anvil's (unlocked)
    /// development accounts, and waits until it is mined and succeeded: funding a
    /// contract with the deployer's tokens, or a buyer acting outside Saleguard.
    pub fn send(&self, from: Address, to: Address, value: U256, input: Vec<u8>) {
        on_own_thread(send_unlocked(
            self.url(),
            from,
            TxKind::Call(to),
            value,
            input,
        ));
    }

    fn deploy(&self, contract: &str, constructor_arguments: Vec<u8>) -> Address {
        let mut code =
            alloy_primitives::hex::decode(&compiled_contract(contract).bytecode).expect("hex");
        code.extend(constructor_arguments);
        let deployer: Address = ANVIL_ACCOUNTS[0].0.parse().expect("address");
        on_own_thread(send_unlocked(
            self.url(),
            deployer,
            TxKind::Create,
            U256::ZERO,
            code,
        ))
        .expect("a contract")
    }

    /// Calls a JSON-RPC method of the node (`evm_increaseTime`, `evm_mine`,
    /// `eth_getTransactionCount`…) and returns its result.
    pub fn rpc(&self, method: &'static str, params: serde_json::Value) -> serde_json::Value {
        let url = self.url();
        on_own_thread(async move {
            let provider: RootProvider = RootProvider::new_http(url.parse().expect("url"));
            provider
                .raw_request::<_, serde_json::Value>(method.into(), params)
                .await
                .unwrap_or_else(|error| panic!("{method}: {error}"))
        })
    }

    /// Moves the chain's clock `seconds` ahead and mines a block at the new time.
    pub fn advance_time(&self, seconds: u64) {
        self.rpc("evm_increaseTime", serde_json::json!([seconds]));
        self.mine(1);
    }

    /// Mines `blocks` empty blocks.
    pub fn mine(&self, blocks: u64) {
        for _ in 0..blocks {
            self.rpc("evm_mine", serde_json::json!([]));
        }
    }

    /// Mines `blocks` empty blocks at once (Anvil's `anvil_mine`): a long chain quickly.
    pub fn mine_many(&self, blocks: u64) {
        self.rpc("anvil_mine", serde_json::json!([format!("{blocks:#x}")]));
    }

    /// How many transactions `address` has had mined.
    pub fn nonce(&self, address: &str) -> u64 {
        let count = self.rpc(
            "eth_getTransactionCount",
            serde_json::json!([address, "latest"]),
        );
        u64::from_str_radix(count.as_str().expect("hex").trim_start_matches("0x"), 16)
            .expect("a number")
    }

    /// Calls a view function of `contract` that takes no arguments, such as `token()`
    /// or `totalRaised()`, or one address argument, and returns the 32-byte word.
    pub fn call_word(&self, contract: Address, signature: &str, argument: Option<Address>) -> U256 {
        let selector = &alloy_primitives::keccak256(signature.as_bytes())[..4];
        let mut data = selector.to_vec();
        if let Some(argument) = argument {
            data.extend(argument.abi_encode());
        }
        let answer = self.rpc(
            "eth_call",
            serde_json::json!([{ "to": contract, "data": Bytes::from(data) }, "latest"]),
        );
        let bytes: Bytes = answer.as_str().expect("hex").parse().expect("bytes");
        U256::abi_decode(&bytes).expect("one word")
    }

    /// Stops the node (a node that went away); idempotent.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Anvil {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Runs `future` on a runtime of its own thread, so tests may call these helpers from
/// inside their own async runtime too.
pub(crate) fn on_own_thread<T: Send + 'static>(
    future: impl std::future::Future<Output = T> + Send + 'static,
) -> T {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(future)
    })
    .join()
    .expect("the helper thread")
}

/// Sends `input` (and `value` wei) to `to` from `from`, an unlocked account of Anvil's,
/// and waits until it is mined and succeeded; the contract created, if it created one.
async fn send_unlocked(
    url: String,
    from: Address,
    to: TxKind,
    value: U256,
    input: Vec<u8>,
) -> Option<Address> {
    let provider: RootProvider = RootProvider::new_http(url.parse().expect("url"));
    let request = TransactionRequest {
        from: Some(from),
        to: Some(to),
        value: Some(value),
        input: TransactionInput::new(Bytes::from(input)),
        ..TransactionRequest::default()
    };
    let receipt = provider
        .send_transaction(request)
        .await
        .expect("sent")
        .get_receipt()
        .await
        .expect("mined");
    assert!(receipt.status(), "the transaction succeeded");
    receipt.contract_address
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// A contract compiled by solc: its creation bytecode (hex, no 0x) and ABI (JSON).
#[derive(Debug, Clone)]
pub struct CompiledContract {
    pub bytecode: String,
    pub abi: String,
}

/// The contracts in `tests/contracts/*.sol`, compiled once per test process, by name.
fn compiled_contracts() -> &'static HashMap<String, CompiledContract> {
    static COMPILED: OnceLock<HashMap<String, CompiledContract>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let out = tempfile::tempdir().expect("output folder");
        let mut sources: Vec<PathBuf> = std::fs::read_dir(contracts_dir())
            .expect("tests/contracts")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "sol"))
            .collect();
        sources.sort();
        let status = Command::new("node")
            .arg(tool("solc/solc.js"))
            .args(["--bin", "--abi", "--optimize", "--base-path"])
            .arg(contracts_dir())
            .arg("-o")
            .arg(out.path())
            .args(&sources)
            .status()
            .expect("solcjs runs (node is installed by scripts/setup.sh)");
        assert!(status.success(), "the test contracts did not compile");
        // solcjs names its output `<path with _>_<Contract>.bin|abi`.
        let mut contracts = HashMap::new();
        for entry in std::fs::read_dir(out.path()).expect("solc output") {
            let path = entry.expect("an output file").path();
            let file = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let Some(stem) = file.strip_suffix(".bin") else {
                continue;
            };
            let name = stem.rsplit('_').next().expect("a contract name").to_owned();
            let read = |path: PathBuf| std::fs::read_to_string(path).expect("readable");
            contracts.insert(
                name,
                CompiledContract {
                    bytecode: read(path.clone()).trim().to_owned(),
                    abi: read(path.with_extension("abi")),
                },
            );
        }
        contracts
    })
}

/// A contract of `tests/contracts`, compiled.
pub fn compiled_contract(name: &str) -> &'static CompiledContract {
    compiled_contracts()
        .get(name)
        .unwrap_or_else(|| panic!("no contract {name} in tests/contracts"))
}
