//! Real services for tests, started privately per test and stopped on drop.
//!
//! [`KeyringSession`] runs a D-Bus session bus and a GNOME Keyring daemon (the Secret
//! Service a Linux desktop user has) in a temporary home, so tests exercise the real
//! keyring without touching the developer's own. Processes under test get the session
//! through [`KeyringSession::envs`]. [`Anvil`] is a local Ethereum node with the test
//! contracts, and [`RangeLimitedNode`] one that limits log queries like a public node;
//! [`LedgerSimulator`] a Ledger with its Ethereum app, on a TCP port; [`TrezorSimulator`] a
//! Trezor on a UDP port.

mod chain;
pub mod device_screens;
mod http;
mod ledger;
pub mod merkle;
mod node_proxy;
mod price_api;
mod trezor;

pub use chain::{
    ANVIL_ACCOUNTS, ANVIL_CHAIN_ID, Anvil, CompiledContract, TOKEN_PAID_SALE_RATE,
    compiled_contract,
};
pub use ledger::{LedgerMode, LedgerSimulator};
pub use node_proxy::RangeLimitedNode;
pub use price_api::{PriceApiServer, Reply, Request, recorded};
pub use trezor::{TrezorMode, TrezorSimulator};

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A derivation path's indexes (`m/44'/60'/0'/0/0`, hardened ones with the top bit set),
/// for the device simulators.
fn path_indexes(path: &str) -> Vec<u32> {
    path.trim_start_matches("m/")
        .split('/')
        .map(|part| match part.strip_suffix('\'') {
            Some(index) => index.parse::<u32>().expect("an index") | 0x8000_0000,
            None => part.parse::<u32>().expect("an index"),
        })
        .collect()
}

/// Whether the keyring is unlocked when the daemon starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyringLock {
    Unlocked,
    Locked,
}

const KEYRING_PASSWORD: &str = "saleguard-test-keyring";

/// A private session bus with GNOME Keyring on it.
#[derive(Debug)]
pub struct KeyringSession {
    home: TempDir,
    bus_address: String,
    bus: Child,
    daemon: Option<Child>,
}

impl KeyringSession {
    /// Starts a bus and an unlocked keyring.
    pub fn start() -> Self {
        Self::start_with(KeyringLock::Unlocked)
    }

    pub fn start_with(lock: KeyringLock) -> Self {
        let home = tempfile::tempdir().expect("temporary home for the keyring");
        // A bus of our own that activates no services: a stopped keyring daemon must
        // stay stopped, not be restarted by D-Bus with the developer's real home.
        let config = home.path().join("bus.conf");
        std::fs::write(&config, BUS_CONFIG).expect("bus configuration");
        let mut bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (install the dbus package; scripts/setup.sh does)");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().expect("piped stdout"))
            .read_line(&mut address)
            .expect("dbus-daemon prints its address");
        let mut session = Self {
            home,
            bus_address: address.trim().to_owned(),
            bus,
            daemon: None,
        };
        session.start_daemon(lock);
        session
    }

    /// Stops the keyring daemon and starts it again on the same keyring files: with
    /// [`KeyringLock::Locked`] this is a login keyring that was not unlocked.
    pub fn restart_daemon(&mut self, lock: KeyringLock) {
        self.stop_daemon();
        self.start_daemon(lock);
    }

    /// Stops the keyring daemon; the bus stays, so clients find no Secret Service.
    pub fn stop_daemon(&mut self) {
        if let Some(mut daemon) = self.daemon.take() {
            let _ = daemon.kill();
            let _ = daemon.wait();
        }
    }

    /// Environment a process needs to use this session's keyring.
    pub fn envs(&self) -> Vec<(String, String)> {
        vec![
            (
                "DBUS_SESSION_BUS_ADDRESS".to_owned(),
                self.bus_address.clone(),
            ),
            ("HOME".to_owned(), path_text(self.home.path())),
            ("XDG_DATA_HOME".to_owned(), path_text(&self.data_home())),
            ("XDG_RUNTIME_DIR".to_owned(), path_text(&self.runtime_dir())),
        ]
    }

    /// Applies [`Self::envs`] to a command.
    pub fn apply(&self, command: &mut Command) {
        command.envs(self.envs());
    }

    /// Runs `secret-tool` (libsecret's CLI) against this keyring: an independent
    /// client, to see what is really stored or to change it behind the app's back.
    pub fn secret_tool(&self, args: &[&str]) -> std::process::Output {
        let mut command = Command::new("secret-tool");
        self.apply(&mut command);
        command
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("secret-tool (install libsecret-tools; scripts/setup.sh does)")
    }

    fn data_home(&self) -> PathBuf {
        self.home.path().join("data")
    }

    fn runtime_dir(&self) -> PathBuf {
        self.home.path().join("runtime")
    }

    fn start_daemon(&mut self, lock: KeyringLock) {
        let runtime_dir = self.runtime_dir();
        std::fs::create_dir_all(&runtime_dir).expect("runtime dir");
        std::fs::create_dir_all(self.data_home()).expect("data home");
        let mut command = Command::new("gnome-keyring-daemon");
        self.apply(&mut command);
        command
            .args(["--foreground", "--components=secrets"])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if lock == KeyringLock::Unlocked {
            command.arg("--unlock").stdin(Stdio::piped());
        } else {
            command.stdin(Stdio::null());
        }
        let mut daemon = command
            .spawn()
            .expect("gnome-keyring-daemon (install gnome-keyring; scripts/setup.sh does)");
        if let Some(mut stdin) = daemon.stdin.take() {
            stdin
                .write_all(KEYRING_PASSWORD.as_bytes())
                .expect("password to the keyring daemon");
        }
        self.daemon = Some(daemon);
        self.wait_for_secret_service();
    }

    /// Waits until the daemon owns its bus name, so the first client finds it.
    fn wait_for_secret_service(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let output = Command::new("dbus-send")
                .env("DBUS_SESSION_BUS_ADDRESS", &self.bus_address)
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.secrets",
                ])
                .output()
                .expect("dbus-send");
            if String::from_utf8_lossy(&output.stdout).contains("boolean true") {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("gnome-keyring-daemon did not come up on the test bus within 10 s");
    }
}

impl Drop for KeyringSession {
    fn drop(&mut self) {
        self.stop_daemon();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// A session bus address where nothing listens: a machine with no Secret Service.
pub const NO_SESSION_BUS: &str = "unix:path=/nonexistent/saleguard-test-bus";
