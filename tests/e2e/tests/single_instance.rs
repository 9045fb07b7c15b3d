//! One app per data folder, with the real binary: a second start on the folder of the
//! running app brings that app's window forward and exits at once; a start on another
//! folder runs beside it.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use saleguard_e2e::AppSession;

fn app_binary() -> String {
    std::env::var("E2E_APP").expect("E2E_APP must name the built saleguard-desktop binary")
}

#[tokio::test(flavor = "current_thread")]
async fn a_second_start_on_the_same_folder_brings_the_first_forward() {
    let folder = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(folder.path()).await;

    let started = Instant::now();
    let second = Command::new(app_binary())
        .arg("--data-dir")
        .arg(folder.path())
        .env_remove("SALEGUARD_DATA_DIR")
        .output()
        .expect("the second start runs");
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(second.status.success(), "exit {:?}: {said}", second.status);
    assert!(
        said.contains("already open on") && said.contains("brought to the front"),
        "{said}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "it exits at once"
    );

    // The first app heard it, and still works.
    let log = folder.path().join("logs/saleguard.log");
    let logged = std::fs::read_to_string(&log).expect("the app's log");
    assert!(
        logged.contains("a second start on this data folder: the window came to the front"),
        "{logged}"
    );
    app.click("[data-testid='nav-sales']").await;
    app.wait_for_text("Sales").await;

    // Another folder: a second app that stays up beside the first.
    let other = tempfile::tempdir().expect("another data dir");
    let mut beside = Command::new(app_binary())
        .arg("--data-dir")
        .arg(other.path())
        .env_remove("SALEGUARD_DATA_DIR")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("an app on another folder");
    tokio::time::sleep(Duration::from_secs(4)).await;
    let still_running = beside.try_wait().expect("its status").is_none();
    beside.kill().ok();
    beside.wait().ok();
    assert!(
        still_running,
        "an app on another folder runs beside the first"
    );
    assert!(other.path().join("saleguard.sqlite3").exists());

    app.quit().await;
}
