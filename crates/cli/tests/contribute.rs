//! `saleguard network`, `sale contract`, `hw` and `contribute` against a real local chain
//! (Anvil with the sale contract compiled from tests/contracts) and a simulated Ledger.

use crate::common;

use assert_cmd::Command;
use common::{DataDir, import_anvil_key, now_seconds, plan_and_result, signing_run};
use saleguard_testkit::{ANVIL_ACCOUNTS, Anvil};

const ETH: u128 = 1_000_000_000_000_000_000;

/// `contribute --participation 1 --from FROM --amount AMOUNT` and `extra`.
fn contribute_args<'a>(from: &'a str, amount: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "contribute",
        "--participation",
        "1",
        "--from",
        from,
        "--amount",
        amount,
    ];
    args.extend_from_slice(extra);
    args
}

/// A data folder with a sale at a freshly deployed contract (caps 5 and 10 ETH), its
/// network pointing at `anvil`, its contract terms, a participation and an account.
fn prepared(anvil: &Anvil) -> DataDir {
    let sale = anvil.deploy_token_sale(
        (5 * ETH).try_into().expect("fits"),
        (10 * ETH).try_into().expect("fits"),
        now_seconds() + 10 * 86_400,
    );
    let dir = DataDir::new();
    let sale = sale.to_checksum(None);
    dir.json(&[
        "sale",
        "add",
        "--name",
        "Chain Sale",
        "--symbol",
        "SALE",
        "--decimals",
        "18",
        "--chain-id",
        "31337",
        "--address",
        &sale,
        "--start",
        "2020-01-01 00:00",
        "--end",
        "2099-01-01 00:00",
        "--kyc",
        "no",
    ]);
    let networks = dir.json(&["network", "list"]);
    assert_eq!(networks[2]["chainId"], 31_337);
    assert_eq!(
        networks[2]["rpcUrl"],
        serde_json::Value::Null,
        "a preset has no node"
    );
    let (status, code) = dir.error_code(&[
        "network",
        "set",
        "--chain-id",
        "1",
        "--rpc-url",
        &anvil.url(),
    ]);
    assert_eq!(
        (status, code.as_str()),
        (1, "wrong_chain"),
        "Anvil serves chain 31337, not Ethereum's"
    );
    assert_eq!(
        dir.json(&["network", "list"])[0]["configured"],
        false,
        "nothing was saved"
    );
    let saved = dir.json(&[
        "network",
        "set",
        "--chain-id",
        "31337",
        "--rpc-url",
        &anvil.url(),
    ]);
    assert_eq!(
        saved[0]["name"], "Local development chain",
        "the preset gives the rest"
    );
    let check = dir.json(&["network", "check", "31337"]);
    assert_eq!(check["chainId"], 31_337);
    let actions = dir.json(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "Contribute",
        "--purpose",
        "contribute",
        "--call",
        "contribute()",
    ]);
    assert_eq!(actions[0]["signature"], "contribute()");
    dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--state",
        "registered",
    ]);
    dir.json(&[
        "account",
        "import",
        "--label",
        "Anvil",
        "--watch",
        ANVIL_ACCOUNTS[1].0,
    ]);
    dir
}

#[test]
fn a_dry_run_prints_the_review_and_the_unsigned_transaction() {
    let anvil = Anvil::start();
    let dir = prepared(&anvil);
    let args = contribute_args("1", "1.5", &["--dry-run"]);
    let plan = dir.json(&args);
    assert_eq!(plan["transaction"]["decodedCall"], "contribute()");
    assert_eq!(plan["transaction"]["amount"], "1.5 ETH");
    assert_eq!(plan["transaction"]["nonce"], 0);
    assert_ne!(plan["review"]["verdict"], "blocked");

    let text = Command::cargo_bin("saleguard")
        .expect("binary")
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.0.path())
        .args(&args)
        .output()
        .expect("runs");
    assert!(text.status.success());
    let printed = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(
        printed.contains("Unsigned transaction (nothing is signed or sent yet):"),
        "{printed}"
    );
    assert!(printed.contains("call:         contribute()"), "{printed}");
}

#[test]
fn a_contribution_past_the_hard_cap_exits_1_with_the_revert_reason() {
    let anvil = Anvil::start();
    let dir = prepared(&anvil);
    let output = dir.run(&contribute_args("1", "11", &["--dry-run"]));
    assert_eq!(output.status.code(), Some(1));
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let findings = plan["review"]["findings"].as_array().expect("findings");
    let revert = findings
        .iter()
        .find(|f| f["code"] == "would_revert")
        .expect("the revert is a finding");
    assert!(
        revert["message"]
            .as_str()
            .expect("text")
            .contains("hard cap")
    );
}

#[test]
fn refusals_exit_2_with_their_code() {
    let mut anvil = Anvil::start();
    let dir = prepared(&anvil);
    let (status, code) = dir.error_code(&contribute_args("1", "1", &[]));
    assert_eq!(
        (status, code.as_str()),
        (2, "confirmation_required"),
        "signing without --dry-run asks first, and there is no terminal here"
    );
    let (status, code) = dir.error_code(&contribute_args("1", "-1", &["--dry-run"]));
    assert_eq!((status, code.as_str()), (2, "invalid_amount"));
    anvil.stop();
    let (status, code) = dir.error_code(&contribute_args("1", "1", &["--dry-run"]));
    assert_eq!((status, code.as_str()), (2, "node_unreachable"));
    let (status, code) = dir.error_code(&[
        "network",
        "set",
        "--chain-id",
        "31337",
        "--rpc-url",
        "ftp://x",
    ]);
    assert_eq!((status, code.as_str()), (1, "invalid_url"));
    let (status, code) = dir.error_code(&[
        "network",
        "set",
        "--chain-id",
        "31337",
        "--confirmations",
        "2",
    ]);
    assert_eq!(
        (status, code.as_str()),
        (1, "node_unreachable"),
        "a node that does not answer is not saved as checked"
    );
    let saved = dir.json(&[
        "network",
        "set",
        "--chain-id",
        "31337",
        "--confirmations",
        "2",
        "--no-check",
    ]);
    assert_eq!(saved[0]["confirmations"], 2, "--no-check saves it anyway");
    let (status, code) = dir.error_code(&["sale", "contract", "1", "--token", "0xnot"]);
    assert_eq!((status, code.as_str()), (1, "invalid_address"));
    dir.json(&["network", "rm", "31337"]);
    let (status, code) = dir.error_code(&["network", "check", "31337"]);
    assert_eq!((status, code.as_str()), (1, "network_not_found"));
}

/// What `contribute --json` printed: the plan, then the settled transaction.
/// `saleguard` with a device emulator's flag before every command's arguments.
struct WithDevice<'a> {
    dir: &'a DataDir,
    flag: &'static str,
    address: String,
}

impl<'a> WithDevice<'a> {
    fn new(dir: &'a DataDir, flag: &'static str, address: &str) -> Self {
        Self {
            dir,
            flag,
            address: address.to_owned(),
        }
    }

    fn args(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec![self.flag.to_owned(), self.address.clone()];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        all
    }

    /// `saleguard --json` with the flag.
    fn run(&self, args: &[&str]) -> std::process::Output {
        let args = self.args(args);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.dir.run(&args)
    }

    /// [`run`](Self::run), which must succeed, and its JSON.
    fn json(&self, args: &[&str]) -> serde_json::Value {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("JSON")
    }
}

#[test]
fn a_contribution_is_signed_sent_confirmed_and_a_killed_watch_resumes() {
    let keyring = saleguard_testkit::KeyringSession::start();
    let anvil = Anvil::start();
    let dir = prepared(&anvil);
    // The key replaces the watch-only account of the same address.
    dir.json(&["account", "rm", "1", "--confirm", "Anvil"]);
    let signer = import_anvil_key(&dir, &keyring, "Signer");

    // Without a terminal and without --yes nothing is signed.
    let asked = signing_run(&dir, &keyring, &contribute_args(&signer, "1", &[]), "");
    assert_eq!(asked.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&asked.stderr);
    assert!(stderr.contains("confirmation_required"), "{stderr}");
    assert_eq!(anvil.nonce(ANVIL_ACCOUNTS[1].0), 0);

    let done = signing_run(
        &dir,
        &keyring,
        &contribute_args(&signer, "1", &["--yes"]),
        "",
    );
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let (plan, settled) = plan_and_result(&done.stdout);
    assert_eq!(plan["transaction"]["decodedCall"], "contribute()");
    assert_eq!(settled["status"], "confirmed");
    assert_eq!(anvil.nonce(ANVIL_ACCOUNTS[1].0), 1);
    let id = settled["id"].as_str().expect("id").to_owned();
    let status = dir.json(&["tx", "status", &id]);
    assert_eq!(status["hash"], settled["hash"]);
    let listed = dir.json(&["tx", "list", "--participation", "1"]);
    let statuses: Vec<&str> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|t| t["status"].as_str().expect("status"))
        .collect();
    assert_eq!(
        statuses,
        ["abandoned", "confirmed"],
        "the unconfirmed plan is kept, abandoned"
    );

    // A second contribution waits for three confirmations; the process is killed while
    // it waits, the blocks arrive, and `tx watch` records the rest.
    dir.json(&[
        "network",
        "set",
        "--chain-id",
        "31337",
        "--confirmations",
        "3",
    ]);
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_saleguard"));
    keyring.apply(&mut command);
    let mut waiting = command
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.0.path())
        .arg("--json")
        .args([
            "contribute",
            "--participation",
            "1",
            "--from",
            &signer,
            "--amount",
            "2",
            "--yes",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let second = loop {
        let listed = dir.json(&["tx", "list", "--participation", "1"]);
        let mined = listed
            .as_array()
            .expect("a list")
            .iter()
            .find(|t| t["status"] == "mined")
            .and_then(|t| t["id"].as_str().map(str::to_owned));
        if let Some(id) = mined {
            break id;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "never mined: {listed}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    waiting.kill().expect("killed");
    waiting.wait().expect("reaped");
    anvil.mine(3);
    let watched = signing_run(&dir, &keyring, &["tx", "watch", &second], "");
    assert!(
        watched.status.success(),
        "{}",
        String::from_utf8_lossy(&watched.stderr)
    );
    let watched: serde_json::Value = serde_json::from_slice(&watched.stdout).expect("JSON");
    assert_eq!(watched["status"], "confirmed");
    let statuses: Vec<&str> = watched["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["status"].as_str().expect("status"))
        .collect();
    assert_eq!(
        statuses,
        ["planned", "signed", "sent", "mined", "confirmed"]
    );
    assert_eq!(anvil.nonce(ANVIL_ACCOUNTS[1].0), 2);
}

#[test]
fn hw_lists_checks_and_adds_a_ledger_and_contribute_signs_on_it() {
    use saleguard_testkit::{LedgerMode, LedgerSimulator};
    let ledger = LedgerSimulator::start(LedgerMode::Approve);
    let anvil = Anvil::start();
    let dir = prepared(&anvil);
    let device = WithDevice::new(&dir, "--ledger-emulator", ledger.address());
    let (run, json) = (
        |args: &[&str]| device.run(args),
        |args: &[&str]| device.json(args),
    );

    let devices = json(&["hw", "list"]);
    assert_eq!(devices[0]["state"], "ready");
    assert_eq!(devices[0]["appVersion"], "1.22.0");
    let addresses = json(&["hw", "addresses", "--count", "3"]);
    let paths: Vec<&str> = addresses
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| a["path"].as_str().expect("path"))
        .collect();
    assert_eq!(
        paths,
        ["m/44'/60'/0'/0/0", "m/44'/60'/1'/0/0", "m/44'/60'/2'/0/0"]
    );
    let path = "m/44'/60'/0'/0/0";
    let address = LedgerSimulator::address_at(path).to_checksum(None);
    assert_eq!(addresses[0]["address"], address.as_str());
    assert_eq!(
        addresses[0]["balances"][0]["balance"], "0 ETH",
        "the local network of `prepared` has a node"
    );
    let refused = run(&["hw", "addresses", "--scheme", "electrum"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("invalid_choice"));

    let verified = json(&["hw", "verify", path]);
    assert_eq!(verified["address"], address.as_str());
    ledger.set_mode(LedgerMode::Reject);
    let rejected = run(&["hw", "verify", path]);
    assert_eq!(rejected.status.code(), Some(1), "rejected on the device");
    let said = String::from_utf8_lossy(&rejected.stderr);
    assert!(said.contains("device_rejected"), "{said}");
    assert!(
        !said.contains("signed"),
        "an address was being compared, not signed: {said}"
    );
    ledger.set_mode(LedgerMode::Approve);

    let account = json(&[
        "hw",
        "add",
        path,
        "--address",
        &address,
        "--label",
        "Ledger",
    ]);
    assert_eq!(account["kind"], "hardware");
    let account = account["id"].to_string();
    anvil.rpc(
        "anvil_setBalance",
        serde_json::json!([address, "0x8ac7230489e80000"]),
    );

    // Rejected on the device: nothing sent, exit 1 with the code, as `hw verify`.
    ledger.set_mode(LedgerMode::Reject);
    let args = contribute_args(&account, "1", &["--yes"]);
    let refused = run(&args);
    assert_eq!(refused.status.code(), Some(1), "rejected on the device");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("device_rejected"), "{said}");
    assert!(said.contains("nothing was signed"), "{said}");
    assert_eq!(anvil.nonce(&address), 0);

    ledger.set_mode(LedgerMode::Approve);
    let done = run(&args);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let (plan, settled) = plan_and_result(&done.stdout);
    assert_eq!(plan["transaction"]["devicePrompt"]["blindSigning"], true);
    assert_eq!(settled["status"], "confirmed");
    assert_eq!(anvil.nonce(&address), 1);
}

#[test]
fn hw_finds_a_trezor_and_contribute_signs_on_it_after_its_pin() {
    use saleguard_testkit::{TrezorMode, TrezorSimulator};
    let trezor = TrezorSimulator::start(TrezorMode::Approve);
    let anvil = Anvil::start();
    let dir = prepared(&anvil);
    let device = WithDevice::new(&dir, "--trezor-emulator", trezor.address());
    let (run, json) = (
        |args: &[&str]| device.run(args),
        |args: &[&str]| device.json(args),
    );

    let devices = json(&["hw", "list"]);
    let trezors: Vec<&serde_json::Value> = devices
        .as_array()
        .expect("a list")
        .iter()
        .filter(|d| d["wallet"] == "trezor")
        .collect();
    assert_eq!(trezors.len(), 1, "{devices}");
    assert_eq!(trezors[0]["model"], "Trezor Model T");
    assert_eq!(trezors[0]["firmware"], "2.8.1");
    // Without --wallet, the one connected device (no Ledger answers here).
    let addresses = json(&["hw", "addresses", "--scheme", "bip44", "--count", "2"]);
    let path = "m/44'/60'/0'/0/0";
    let address = TrezorSimulator::address_at(path).to_checksum(None);
    assert_eq!(addresses[0]["path"], path);
    assert_eq!(addresses[0]["address"], address.as_str());
    let verified = json(&["hw", "verify", path, "--wallet", "trezor"]);
    assert_eq!(verified["address"], address.as_str());
    assert_eq!(trezor.shown().len(), 1);
    let refused = run(&["hw", "verify", path, "--wallet", "keepkey"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("invalid_choice"));

    let account = json(&[
        "hw",
        "add",
        path,
        "--address",
        &address,
        "--label",
        "Trezor",
        "--wallet",
        "trezor",
    ]);
    let account = account["id"].to_string();
    anvil.rpc(
        "anvil_setBalance",
        serde_json::json!([address, "0x8ac7230489e80000"]),
    );

    // Text mode: the prompt's screens first, then each state of the device as it comes.
    trezor.set_mode(TrezorMode::Pin);
    let done = assert_cmd::Command::cargo_bin("saleguard")
        .expect("binary")
        .env_remove("SALEGUARD_DATA_DIR")
        .args(["--data-dir", dir.0.path().to_str().expect("a path")])
        .args(device.args(&contribute_args(&account, "1", &["--yes"])))
        .output()
        .expect("ran");
    let said = String::from_utf8_lossy(&done.stderr);
    let shown = String::from_utf8_lossy(&done.stdout);
    assert!(done.status.success(), "{said}\n{shown}");
    assert!(shown.contains("Your Trezor will show"), "{shown}");
    assert!(shown.contains("shows its raw data"), "{shown}");
    let pin = said
        .find("Enter your PIN on the device")
        .expect("the PIN state");
    let confirm = said
        .find("confirm it there")
        .expect("the confirmation state");
    assert!(pin < confirm, "{said}");
    assert!(said.contains("Confirmed in block"), "{said}");
    assert_eq!(anvil.nonce(&address), 1);
}

/// One simulated device for the two-process test: its emulator flag, its wallet, and
/// how the test holds, watches and releases its prompt.
struct HeldDevice<'a> {
    flag: &'static str,
    address: &'a str,
    wallet: &'static str,
    pause: &'a dyn Fn(),
    wait_for_prompt: &'a dyn Fn(),
    received: &'a dyn Fn() -> usize,
    resume: &'a dyn Fn(),
}

#[test]
fn a_device_answers_one_process_and_another_is_told_at_once_who_has_it() {
    use saleguard_testkit::{LedgerMode, LedgerSimulator, TrezorMode, TrezorSimulator};
    let ledger = LedgerSimulator::start(LedgerMode::Approve);
    let trezor = TrezorSimulator::start(TrezorMode::Approve);
    let devices = [
        HeldDevice {
            flag: "--ledger-emulator",
            address: ledger.address(),
            wallet: "ledger",
            pause: &|| ledger.pause_at_prompts(),
            wait_for_prompt: &|| ledger.wait_for_prompt(),
            received: &|| ledger.requests(),
            resume: &|| ledger.resume(),
        },
        HeldDevice {
            flag: "--trezor-emulator",
            address: trezor.address(),
            wallet: "trezor",
            pause: &|| trezor.pause_at_prompts(),
            wait_for_prompt: &|| trezor.wait_for_prompt(),
            received: &|| trezor.messages(),
            resume: &|| trezor.resume(),
        },
    ];
    let dir = DataDir::new();
    let path = "m/44'/60'/0'/0/0";
    for device in devices {
        let with = WithDevice::new(&dir, device.flag, device.address);
        let verify = ["hw", "verify", path, "--wallet", device.wallet];
        (device.pause)();
        // The first process: the address on the device's screen, the user looking at it.
        let first = std::process::Command::new(assert_cmd::cargo::cargo_bin("saleguard"))
            .env_remove("SALEGUARD_DATA_DIR")
            .args([
                "--data-dir",
                dir.0.path().to_str().expect("a path"),
                "--json",
            ])
            .args(with.args(&verify))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("started");
        (device.wait_for_prompt)();
        let received = (device.received)();
        let holder = format!("busy: in use by Saleguard (pid {})", first.id());

        let second = with.run(&verify);
        assert_eq!(second.status.code(), Some(2), "{}", device.wallet);
        let refusal: serde_json::Value = serde_json::from_slice(&second.stderr).expect("JSON");
        assert_eq!(refusal["code"], "device_busy");
        let message = refusal["message"].as_str().expect("message");
        assert!(message.starts_with(&holder), "{message}");
        let listed = with.json(&["hw", "list"]);
        let listed = listed
            .as_array()
            .expect("a list")
            .iter()
            .find(|d| d["wallet"] == device.wallet)
            .unwrap_or_else(|| panic!("{listed}"));
        assert_eq!(listed["state"], "busy");
        assert!(
            listed["message"]
                .as_str()
                .is_some_and(|m| m.starts_with(&holder)),
            "{listed}"
        );
        assert_eq!(
            (device.received)(),
            received,
            "nothing of the second process reached the {}",
            device.wallet
        );

        // The user confirms: the answer reaches the process that asked.
        (device.resume)();
        let first = first.wait_with_output().expect("finished");
        assert!(
            first.status.success(),
            "{}",
            String::from_utf8_lossy(&first.stderr)
        );
        let verified: serde_json::Value = serde_json::from_slice(&first.stdout).expect("JSON");
        assert!(verified["address"].is_string(), "{verified}");
        // And the device is free again.
        assert_eq!(with.json(&verify)["address"], verified["address"]);
    }
}

/// Waits (at most half a minute) until the participation's transactions say `expected`
/// (`(purpose, status)` in the order planned).
fn wait_for_transactions(dir: &DataDir, expected: &[(&str, &str)]) -> serde_json::Value {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let listed = dir.json(&["tx", "list", "--participation", "1"]);
        let seen: Vec<(String, String)> = listed
            .as_array()
            .expect("list")
            .iter()
            .map(|t| {
                (
                    t["purpose"].as_str().unwrap_or_default().to_owned(),
                    t["status"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        if seen
            .iter()
            .map(|(p, s)| (p.as_str(), s.as_str()))
            .eq(expected.iter().copied())
        {
            return listed;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "expected {expected:?}, the list says {seen:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn a_stuck_contribution_is_sped_up_from_the_cli_and_counts_once() {
    let keyring = saleguard_testkit::KeyringSession::start();
    let anvil = Anvil::start();
    let dir = prepared(&anvil);
    dir.json(&["account", "rm", "1", "--confirm", "Anvil"]);
    let signer = import_anvil_key(&dir, &keyring, "Signer");
    anvil.rpc("evm_setAutomine", serde_json::json!([false]));

    // The contribution is sent, and followed in vain: nothing is mined.
    let stuck_watch = common::signing_spawn(
        &dir,
        &keyring,
        &contribute_args(&signer, "1", &["--yes"]),
        "",
    );
    let listed = wait_for_transactions(&dir, &[("contribution", "sent")]);
    let stuck = listed[0]["id"].as_str().expect("id").to_owned();
    let (status, code) = dir.error_code(&["tx", "speed-up", "0123", "--dry-run"]);
    assert_eq!((status, code.as_str()), (2, "transaction_not_found"));
    let dry = dir.run(&["tx", "speed-up", &stuck, "--fee", "fast", "--dry-run"]);
    assert_eq!(
        dry.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    let plan: serde_json::Value = serde_json::from_slice(&dry.stdout).expect("JSON");
    assert_eq!(plan["transaction"]["nonce"], 0);
    assert_eq!(plan["transaction"]["action"], "Speed up: Contribute");
    let cancel = dir.run(&["tx", "cancel", &stuck, "--dry-run"]);
    assert_eq!(cancel.status.code(), Some(0));
    let plan: serde_json::Value = serde_json::from_slice(&cancel.stdout).expect("JSON");
    assert_eq!(plan["purpose"], "cancellation");
    assert_eq!(
        (&plan["transaction"]["to"], &plan["transaction"]["valueWei"]),
        (
            &serde_json::json!(ANVIL_ACCOUNTS[1].0),
            &serde_json::json!("0")
        ),
        "nothing, to the sender"
    );

    // Sped up: signed and sent; one block mined; it is the one that counts.
    let speed_up = common::signing_spawn(&dir, &keyring, &["tx", "speed-up", &stuck, "--yes"], "");
    wait_for_transactions(&dir, &[("contribution", "sent"), ("contribution", "sent")]);
    anvil.mine(1);
    let sped = speed_up.wait_with_output().expect("finished");
    assert!(
        sped.status.success(),
        "{}",
        String::from_utf8_lossy(&sped.stderr)
    );
    let first = stuck_watch.wait_with_output().expect("finished");
    assert_eq!(
        first.status.code(),
        Some(1),
        "the first watch ends: replaced — {}",
        String::from_utf8_lossy(&first.stderr)
    );
    let listed = wait_for_transactions(
        &dir,
        &[("contribution", "replaced"), ("contribution", "confirmed")],
    );
    assert_eq!(listed[1]["replaces"], stuck.as_str());
    assert_eq!(anvil.nonce(ANVIL_ACCOUNTS[1].0), 1);
    let shown = dir.json(&["participation", "show", "1"]);
    let entries = shown["entries"].as_array().expect("entries");
    let contributions = entries
        .iter()
        .filter(|e| e["kind"] == "contribution")
        .count();
    assert_eq!(contributions, 1, "counted once: {shown}");
    let (status, code) = dir.error_code(&["tx", "cancel", &stuck, "--dry-run"]);
    assert_eq!((status, code.as_str()), (2, "not_replaceable"));
}

#[test]
fn an_rpc_url_with_a_key_is_read_from_standard_input_never_the_command_line() {
    let keyring = saleguard_testkit::KeyringSession::start();
    let anvil = Anvil::start();
    // A provider's node: it answers on the path that carries the API key.
    let node = saleguard_testkit::RangeLimitedNode::start(&anvil.url(), u64::MAX);
    let dir = DataDir::new();
    let with_key = format!("{}/v3/canary-key-4f1e", node.url());
    let saved = signing_run(
        &dir,
        &keyring,
        &["network", "set", "--chain-id", "31337", "--rpc-url-stdin"],
        &format!("{with_key}\n"),
    );
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );
    let shown = String::from_utf8_lossy(&saved.stdout).into_owned();
    assert!(
        !shown.contains("canary-key"),
        "the key is never shown: {shown}"
    );
    let listed: serde_json::Value = serde_json::from_slice(&saved.stdout).expect("JSON");
    assert_eq!(listed[0]["rpcHost"], node.url(), "saved, named by its host");
    // Kept in the keyring, not in the data file.
    let stored = keyring.secret_tool(&[
        "search",
        "--all",
        "service",
        "com.saleguard.desktop.development",
    ]);
    assert!(
        String::from_utf8_lossy(&stored.stdout).contains("canary-key-4f1e")
            || String::from_utf8_lossy(&stored.stderr).contains("canary-key-4f1e"),
        "the URL is in the keyring"
    );
    for file in ["saleguard.sqlite3", "saleguard.sqlite3-wal"] {
        let bytes = std::fs::read(dir.0.path().join(file)).unwrap_or_default();
        assert!(
            !bytes.windows(10).any(|w| w == b"canary-key"),
            "the key is not in {file}"
        );
    }
    let both = dir.run(&[
        "network",
        "set",
        "--chain-id",
        "31337",
        "--rpc-url",
        "http://127.0.0.1:1",
        "--rpc-url-stdin",
    ]);
    assert_eq!(both.status.code(), Some(2), "one or the other");
}
