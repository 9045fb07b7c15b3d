//! The data folder is the user's alone: created 700 with every file in it 600 (the
//! database, its journal files, the log), and a folder left readable by others — by an
//! older version, or a copy — made private on the next open, with a line in the log.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn run(data_dir: &Path) {
    let output = Command::cargo_bin("saleguard")
        .expect("binary")
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--json", "sale", "list"])
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every file and folder Saleguard keeps, with its mode.
fn modes(data_dir: &Path) -> Vec<(String, u32)> {
    let mut found = vec![(".".to_owned(), mode(data_dir))];
    for entry in walk(data_dir) {
        let name = entry
            .strip_prefix(data_dir)
            .expect("inside")
            .display()
            .to_string();
        found.push((name, mode(&entry)));
    }
    found.sort();
    found
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).expect("listed").flatten() {
        let path = entry.path();
        if path.is_dir() {
            paths.extend(walk(&path));
        }
        paths.push(path);
    }
    paths
}

fn private_ones(data_dir: &Path) {
    for (name, mode) in modes(data_dir) {
        let dir = name == "." || data_dir.join(&name).is_dir();
        let wanted = if dir { 0o700 } else { 0o600 };
        assert_eq!(mode, wanted, "{name} is {mode:o}, not {wanted:o}");
    }
}

#[test]
fn the_data_folder_and_every_file_in_it_are_the_users_alone() {
    let parent = tempfile::tempdir().expect("temp dir");
    // What a user's umask usually gives: readable by everyone.
    std::fs::set_permissions(parent.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data_dir = parent.path().join("saleguard");
    run(&data_dir);
    let names: Vec<String> = modes(&data_dir).into_iter().map(|(name, _)| name).collect();
    assert!(names.contains(&"saleguard.sqlite3".to_owned()), "{names:?}");
    assert!(
        names.contains(&"logs/saleguard.log".to_owned()),
        "{names:?}"
    );
    private_ones(&data_dir);

    // A folder an older version left readable by others.
    for (path, mode) in [
        (data_dir.clone(), 0o755),
        (data_dir.join("saleguard.sqlite3"), 0o644),
        (data_dir.join("logs"), 0o755),
        (data_dir.join("logs/saleguard.log"), 0o644),
    ] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    run(&data_dir);
    private_ones(&data_dir);
    let log = std::fs::read_to_string(data_dir.join("logs/saleguard.log")).expect("the log");
    assert!(log.contains("readable by others"), "{log}");
    assert!(log.contains("saleguard.sqlite3 644 → 600"), "{log}");
}
