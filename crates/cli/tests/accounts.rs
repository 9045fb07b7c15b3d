//! `saleguard account …` against a real GNOME Keyring on a private session bus, and a
//! real SQLite file. Every test starts its own keyring, so none touches the user's.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use saleguard_testkit::{KeyringLock, KeyringSession, NO_SESSION_BUS};
use serde_json::Value;

const TEST_PHRASE: &str = "test test test test test test test test test test test junk";
const TEST_ADDRESS_0: &str = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const TEST_ADDRESS_1: &str = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
/// Anvil's third key and its address.
const KEY_2: &str = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
const KEY_2_ADDRESS: &str = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
/// The keyring service of debug builds (tests run debug builds).
const SERVICE: &str = "com.saleguard.desktop.development";

/// A data directory, a keyring session and every output the CLI produced.
struct Harness {
    data: tempfile::TempDir,
    /// Held open so SQLite keeps the write-ahead log file for the canary scan.
    _reader: Option<rusqlite::Connection>,
    keyring: KeyringSession,
    bus_override: Option<&'static str>,
    transcript: Vec<u8>,
}

/// What one run produced.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn json(&self) -> Value {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
        serde_json::from_str(&self.stdout).expect("stdout is JSON")
    }

    /// The `code` of the JSON error on standard error.
    fn error_code(&self) -> String {
        assert_ne!(self.code, 0, "expected a failure, got: {}", self.stdout);
        let error: Value = serde_json::from_str(self.stderr.trim()).unwrap_or_else(|_| {
            panic!("stderr is a JSON error: {}", self.stderr);
        });
        error["code"].as_str().expect("code").to_owned()
    }
}

impl Harness {
    fn new() -> Self {
        Self {
            data: tempfile::tempdir().expect("temp dir"),
            _reader: None,
            keyring: KeyringSession::start(),
            bus_override: None,
            transcript: Vec::new(),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_saleguard"));
        self.keyring.apply(&mut command);
        if let Some(bus) = self.bus_override {
            command.env("DBUS_SESSION_BUS_ADDRESS", bus);
        }
        command
            .env_remove("SALEGUARD_DATA_DIR")
            .env("SALEGUARD_LOG", "debug")
            .arg("--data-dir")
            .arg(self.data.path())
            .arg("--json")
            .args(args);
        command
    }

    /// Runs with `stdin` as standard input; records the outputs for the canary scan.
    fn run(&mut self, args: &[&str], stdin: &str) -> Run {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("saleguard runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("write stdin");
        let output = child.wait_with_output().expect("finishes");
        self.record(&output);
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    fn record(&mut self, output: &Output) {
        self.transcript.extend_from_slice(&output.stdout);
        self.transcript.extend_from_slice(&output.stderr);
    }

    fn import_phrase(&mut self, label: &str, phrase: &str) -> Run {
        self.run(
            &["account", "import", "--label", label, "--mnemonic"],
            &format!("{phrase}\n"),
        )
    }

    fn import_key(&mut self, label: &str, key: &str) -> Run {
        self.run(
            &["account", "import", "--label", label, "--private-key"],
            &format!("{key}\n"),
        )
    }

    fn accounts(&mut self) -> Vec<Value> {
        self.run(&["account", "list"], "")
            .json()
            .as_array()
            .expect("a list")
            .clone()
    }

    /// The items Saleguard's debug builds keep in this keyring, as secret-tool sees them.
    fn keyring_items(&self) -> String {
        let output = self
            .keyring
            .secret_tool(&["search", "--all", "--unlock", "service", SERVICE]);
        format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    }

    fn database_files(&self) -> Vec<PathBuf> {
        files_under(self.data.path())
    }

    /// The bytes of every file in the data directory (database, WAL, logs).
    fn data_snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        self.database_files()
            .into_iter()
            .filter(|path| !path.to_string_lossy().contains("logs"))
            .map(|path| {
                let bytes = std::fs::read(&path).expect("read");
                (path, bytes)
            })
            .collect()
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    !needle.is_empty()
        && haystack
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

#[test]
fn the_test_phrase_imports_as_the_well_known_address_and_persists() {
    let mut h = Harness::new();
    let imported = h
        .import_phrase("Anvil", &format!("  {}  ", TEST_PHRASE.to_uppercase()))
        .json();
    assert_eq!(imported["address"], TEST_ADDRESS_0);
    assert_eq!(imported["kind"], "imported_mnemonic");
    assert_eq!(imported["derivationPath"], "m/44'/60'/0'/0/0");
    assert_eq!(imported["hasSecret"], true);

    // A fresh process reads it back, and the keyring really holds an entry for it.
    let listed = h.accounts();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["address"], TEST_ADDRESS_0);
    assert!(
        h.keyring_items().contains("account-secret-"),
        "{}",
        h.keyring_items()
    );

    // Derive the next address, in yet another process.
    let derived = h.run(&["account", "derive", "1"], "").json();
    assert_eq!(derived["address"], TEST_ADDRESS_1);
    assert_eq!(derived["derivationPath"], "m/44'/60'/0'/0/1");
    assert_eq!(derived["label"], "Anvil · 1");
    assert_eq!(derived["otherAccountsWithSameSecret"], 1);
    assert_eq!(
        h.run(&["account", "show", "1"], "").json()["otherAccountsWithSameSecret"],
        1
    );

    // The reveal (confirmed by the name) gives the normalised phrase back.
    let revealed = h
        .run(&["account", "reveal", "2", "--confirm", "Anvil · 1"], "")
        .json();
    assert_eq!(revealed["kind"], "mnemonic");
    let words: Vec<&str> = revealed["words"]
        .as_array()
        .expect("words")
        .iter()
        .map(|w| w.as_str().expect("word"))
        .collect();
    assert_eq!(words.join(" "), TEST_PHRASE);
    assert_eq!(revealed["derivationPath"], "m/44'/60'/0'/0/1");
}

#[test]
fn nothing_secret_reaches_the_database_the_log_or_any_output_but_a_reveal() {
    let mut h = Harness::new();
    h.accounts();
    let reader =
        rusqlite::Connection::open(h.data.path().join("saleguard.sqlite3")).expect("reader");
    reader
        .query_row("SELECT count(*) FROM accounts", [], |row| {
            row.get::<_, i64>(0)
        })
        .expect("the reader attaches to the WAL");
    h._reader = Some(reader);
    // An official BIP-39 vector, a passphrase and a key that appear nowhere else.
    let phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    let passphrase = "correct horse battery staple";
    let phrase_account = h
        .run(
            &[
                "account",
                "import",
                "--label",
                "Canary",
                "--mnemonic",
                "--with-passphrase",
            ],
            &format!("{phrase}\n{passphrase}\n"),
        )
        .json();
    h.import_key("Key canary", KEY_2).json();
    h.run(&["account", "derive", "Canary"], "");
    h.run(
        &["account", "derive", &phrase_account["id"].to_string()],
        "",
    )
    .json();
    h.run(&["account", "rename", "2", "--label", "Renamed key"], "")
        .json();
    h.run(&["account", "show", KEY_2_ADDRESS], "").json();
    h.accounts();
    // Errors about secrets must not quote them either.
    h.import_phrase("Broken", &phrase.replace("thank", "thnak"));
    h.import_key("Broken", &KEY_2.replace('5', "g"));
    h.import_key("Duplicate", KEY_2);
    // And the reveals, whose output is excluded from the scan.
    let outputs_before_reveal = h.transcript.len();
    let revealed_key = h
        .run(&["account", "reveal", "2", "--confirm", "Renamed key"], "")
        .json();
    assert_eq!(revealed_key["privateKey"], KEY_2);
    h.transcript.truncate(outputs_before_reveal);

    let key_hex = KEY_2.trim_start_matches("0x");
    let canaries = [
        phrase.to_owned(),
        phrase.replace(' ', ""),
        phrase.replace(' ', ","),
        phrase.replace(' ', "\",\""),
        "legal winner thank".to_owned(),
        passphrase.to_owned(),
        key_hex.to_owned(),
        key_hex[..32].to_owned(),
    ];
    let mut scanned = vec![("CLI outputs".to_owned(), h.transcript.clone())];
    for path in h.database_files() {
        scanned.push((
            path.display().to_string(),
            std::fs::read(&path).expect("read"),
        ));
    }
    assert!(
        scanned
            .iter()
            .any(|(name, _)| name.ends_with("saleguard.sqlite3-wal")),
        "the WAL is scanned too: {:?}",
        scanned.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    assert!(
        scanned
            .iter()
            .any(|(name, bytes)| name.ends_with(".log") && !bytes.is_empty()),
        "the log is scanned and not empty"
    );
    for (name, bytes) in &scanned {
        for canary in &canaries {
            assert!(
                !contains(bytes, canary),
                "{name} contains a secret ({} chars)",
                canary.len()
            );
        }
    }
    // The scan is able to find things: the public address is there.
    assert!(contains(&h.transcript, KEY_2_ADDRESS));
}

#[test]
fn a_new_phrase_is_kept_only_after_the_challenged_words_are_re_entered() {
    let mut h = Harness::new();
    let answer_wrong = |new: &Value| -> Vec<String> {
        new["challenge"]
            .as_array()
            .expect("challenge")
            .iter()
            .map(|_| "zoo".to_owned())
            .collect()
    };
    let (code, _) = new_account(&h, "Fresh", answer_wrong);
    assert_eq!(code.error_code(), "mnemonic_confirmation_mismatch");
    assert!(h.accounts().is_empty());
    assert!(!h.keyring_items().contains("account-secret-"));

    let answer_right = |new: &Value| -> Vec<String> {
        let words = new["words"].as_array().expect("words");
        new["challenge"]
            .as_array()
            .expect("challenge")
            .iter()
            .map(|p| {
                words[p.as_u64().expect("position") as usize - 1]
                    .as_str()
                    .expect("word")
                    .to_owned()
            })
            .collect()
    };
    let (run, new) = new_account(&h, "Fresh", answer_right);
    let account = run.json();
    assert_eq!(account["kind"], "generated_mnemonic");
    assert_eq!(account["address"], new["address"]);
    assert_eq!(new["words"].as_array().expect("words").len(), 24);
    let revealed = h
        .run(&["account", "reveal", "1", "--confirm", "Fresh"], "")
        .json();
    assert_eq!(revealed["words"], new["words"]);
}

/// Runs `account new`, reads the phrase it shows, answers with `answers(shown)`.
fn new_account(h: &Harness, label: &str, answers: impl Fn(&Value) -> Vec<String>) -> (Run, Value) {
    let mut child = h
        .command(&["account", "new", "--label", label])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut shown = String::new();
    loop {
        let mut line = String::new();
        assert!(
            stdout.read_line(&mut line).expect("read") > 0,
            "the phrase is shown"
        );
        shown.push_str(&line);
        if line == "}\n" {
            break;
        }
    }
    let new: Value = serde_json::from_str(&shown).expect("JSON phrase");
    let mut stdin = child.stdin.take().expect("stdin");
    for word in answers(&new) {
        writeln!(stdin, "{word}").expect("answer");
    }
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).expect("rest");
    let output = child.wait_with_output().expect("finishes");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: rest,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    (run, new)
}

#[test]
fn a_keyring_never_unlocked_since_its_daemon_started_is_locked_not_a_failure() {
    let mut h = Harness::new();
    // A login without the keyring's password: the daemon runs, its collection was
    // never created nor unlocked, and nothing can be stored until it is.
    h.keyring = KeyringSession::start_with(KeyringLock::Locked);
    let import = h.import_key("Never unlocked", KEY_2);
    assert_eq!(import.error_code(), "keyring_locked", "{}", import.stderr);
    assert!(
        import.stderr.contains("nlock"),
        "guidance: {}",
        import.stderr
    );
    assert!(
        h.run(&["account", "list"], "")
            .json()
            .as_array()
            .expect("list")
            .is_empty()
    );
}

#[test]
fn a_locked_keyring_is_reported_and_changes_nothing() {
    let mut h = Harness::new();
    h.import_key("Before", KEY_2).json();
    h.keyring.restart_daemon(KeyringLock::Locked);
    let before = h.data_snapshot();

    let import = h.import_phrase("While locked", TEST_PHRASE);
    assert_eq!(import.error_code(), "keyring_locked");
    assert!(
        import.stderr.contains("nlock"),
        "guidance: {}",
        import.stderr
    );
    assert_eq!(
        h.run(&["account", "reveal", "1", "--confirm", "Before"], "")
            .error_code(),
        "keyring_locked"
    );
    assert_eq!(
        h.run(&["account", "rm", "1", "--confirm", "Before"], "")
            .error_code(),
        "keyring_locked"
    );
    // No new phrase is shown while it could not be kept.
    let new = h.run(&["account", "new", "--label", "While locked"], "");
    assert_eq!(new.error_code(), "keyring_locked");
    assert!(new.stdout.is_empty(), "no words shown: {}", new.stdout);
    assert_eq!(h.data_snapshot(), before, "the data files are unchanged");

    // Tracking keeps working without the keyring.
    assert_eq!(h.accounts().len(), 1);
    h.run(
        &[
            "account",
            "import",
            "--label",
            "Watched",
            "--watch",
            TEST_ADDRESS_0,
        ],
        "",
    )
    .json();
    h.run(&["sale", "list"], "").json();
}

#[test]
fn no_keyring_at_all_is_reported_and_changes_nothing() {
    let mut h = Harness::new();
    h.bus_override = Some(NO_SESSION_BUS);
    h.run(&["account", "list"], "").json();
    let before = h.data_snapshot();
    let import = h.import_key("Nowhere", KEY_2);
    assert_eq!(import.error_code(), "keyring_unavailable");
    assert_eq!(
        h.import_phrase("Nowhere", TEST_PHRASE).error_code(),
        "keyring_unavailable"
    );
    assert_eq!(
        h.run(&["account", "new", "--label", "Nowhere"], "")
            .error_code(),
        "keyring_unavailable"
    );
    assert_eq!(h.data_snapshot(), before);
    assert!(h.accounts().is_empty());
    // Watch-only accounts need no keyring.
    let watched = h
        .run(
            &[
                "account",
                "import",
                "--label",
                "Watched",
                "--watch",
                TEST_ADDRESS_1,
            ],
            "",
        )
        .json();
    assert_eq!(watched["kind"], "watch_only");

    // A bus with no Secret Service on it is the same situation.
    h.bus_override = None;
    h.keyring.stop_daemon();
    assert_eq!(
        h.import_key("Nowhere", KEY_2).error_code(),
        "keyring_unavailable"
    );
}

#[test]
fn an_entry_deleted_behind_the_apps_back_is_reported_and_the_account_can_go() {
    let mut h = Harness::new();
    h.import_key("Hot", KEY_2).json();
    let cleared = h.keyring.secret_tool(&["clear", "service", SERVICE]);
    assert!(cleared.status.success());
    assert_eq!(
        h.run(&["account", "reveal", "1", "--confirm", "Hot"], "")
            .error_code(),
        "keyring_entry_missing"
    );
    assert_eq!(
        h.run(&["account", "rm", "1", "--confirm", "Hot"], "")
            .json()["removed"],
        1
    );
    assert!(h.accounts().is_empty());
}

#[test]
fn removing_needs_the_name_and_takes_the_keyring_entry_with_the_last_account() {
    let mut h = Harness::new();
    h.import_phrase("Main", TEST_PHRASE).json();
    h.run(&["account", "derive", "1"], "").json();
    assert_eq!(
        h.run(&["account", "rm", "1", "--confirm", "main"], "")
            .error_code(),
        "confirmation_mismatch"
    );
    assert_eq!(
        h.run(&["account", "rm", "1"], "").error_code(),
        "confirmation_required"
    );
    assert_eq!(h.accounts().len(), 2);

    h.run(&["account", "rm", "1", "--confirm", "Main"], "")
        .json();
    assert!(
        h.keyring_items().contains("account-secret-"),
        "the derived account still uses it"
    );
    h.run(
        &["account", "rm", TEST_ADDRESS_1, "--confirm", "Main · 1"],
        "",
    )
    .json();
    assert!(h.accounts().is_empty());
    assert!(
        !h.keyring_items().contains("account-secret-"),
        "{}",
        h.keyring_items()
    );
}

#[test]
fn bad_input_gets_a_typed_error_and_stores_nothing() {
    let mut h = Harness::new();
    let eleven = TEST_PHRASE.rsplit_once(' ').expect("words").0.to_owned();
    let twenty_five = format!("{TEST_PHRASE} {TEST_PHRASE} test");
    let phrase_cases = [
        (TEST_PHRASE.replace("junk", "junq"), "mnemonic_unknown_word"),
        (TEST_PHRASE.replace("junk", "test"), "mnemonic_checksum"),
        (eleven, "mnemonic_word_count"),
        (twenty_five, "mnemonic_word_count"),
        (String::new(), "required"),
    ];
    for (phrase, code) in &phrase_cases {
        assert_eq!(
            &h.import_phrase("Bad", phrase).error_code(),
            code,
            "{phrase:?}"
        );
    }
    let path_cases = ["m/44'/60'/0'/0/x", "44'/60'", "m/2147483648", ""];
    for path in path_cases {
        let run = h.run(
            &[
                "account",
                "import",
                "--label",
                "Bad",
                "--mnemonic",
                "--path",
                path,
            ],
            &format!("{TEST_PHRASE}\n"),
        );
        assert_eq!(run.error_code(), "invalid_derivation_path", "{path:?}");
    }
    let key_cases = [
        (&KEY_2[..40], "invalid_private_key"),
        ("0xzz", "invalid_private_key"),
        (&"0".repeat(64)[..], "private_key_out_of_range"),
        (
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
            "private_key_out_of_range",
        ),
    ];
    for (key, code) in key_cases {
        assert_eq!(h.import_key("Bad", key).error_code(), code, "{key}");
    }
    let bad_checksum = TEST_ADDRESS_0.replace('f', "F").replacen("0XF", "0xf", 1);
    for (address, code) in [
        (bad_checksum.as_str(), "bad_checksum"),
        ("0x1234", "invalid_address"),
        (
            "0x0000000000000000000000000000000000000000",
            "invalid_address",
        ),
    ] {
        let run = h.run(
            &["account", "import", "--label", "Bad", "--watch", address],
            "",
        );
        assert_eq!(run.error_code(), code, "{address}");
    }
    for label in ["", "   ", &"x".repeat(65)] {
        let run = h.run(
            &[
                "account",
                "import",
                "--label",
                label,
                "--watch",
                TEST_ADDRESS_0,
            ],
            "",
        );
        assert!(
            ["required", "too_long"].contains(&run.error_code().as_str()),
            "{label:?}"
        );
    }
    assert!(h.accounts().is_empty());
    assert!(!h.keyring_items().contains("account-secret-"));

    // Duplicates: the same address again, under any kind; the same name again.
    h.import_phrase("Main", TEST_PHRASE).json();
    assert_eq!(
        h.import_phrase("Again", TEST_PHRASE).error_code(),
        "account_exists"
    );
    let watch_same = h.run(
        &[
            "account",
            "import",
            "--label",
            "Again",
            "--watch",
            TEST_ADDRESS_0,
        ],
        "",
    );
    assert_eq!(watch_same.error_code(), "account_exists");
    assert_eq!(h.import_key("main", KEY_2).error_code(), "label_taken");
    assert_eq!(h.accounts().len(), 1);

    // Secrets are never taken from the command line.
    let inline = h.run(
        &[
            "account",
            "import",
            "--label",
            "X",
            "--mnemonic",
            TEST_PHRASE,
        ],
        "",
    );
    assert_eq!(inline.code, 2);
    let inline_key = h.run(
        &["account", "import", "--label", "X", "--private-key", KEY_2],
        "",
    );
    assert_eq!(inline_key.code, 2);
    // Deriving from an account without a phrase, or an unknown one.
    let key = h.import_key("Key", KEY_2).json();
    assert_eq!(
        h.run(&["account", "derive", &key["id"].to_string()], "")
            .error_code(),
        "not_derivable"
    );
    assert_eq!(
        h.run(&["account", "show", "99"], "").error_code(),
        "account_not_found"
    );
}
