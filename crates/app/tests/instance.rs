#![cfg(unix)]
//! One app per data folder: the second start on a folder finds it taken and brings the
//! first one's window forward; another folder is free; a lock goes with its holder.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use saleguard_app::instance::{self, Claim, InstanceLock};
use saleguard_app::{DataPaths, ErrorCode};

fn first(paths: &DataPaths) -> InstanceLock {
    match instance::claim(paths).expect("claim") {
        Claim::First(lock) => lock,
        Claim::AlreadyOpen => panic!("{} is taken", paths.data_dir.display()),
    }
}

fn taken(paths: &DataPaths) -> bool {
    matches!(instance::claim(paths).expect("claim"), Claim::AlreadyOpen)
}

/// The app of `lock` serving second starts, and how many it has brought forward.
fn serve_counting(lock: InstanceLock) -> (tokio::task::JoinHandle<()>, Arc<AtomicUsize>) {
    let raised = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&raised);
    let server = tokio::spawn(async move {
        let served = lock.serve(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        served.await.expect("listening");
    });
    (server, raised)
}

/// A second start once the first listens (until then it is told nobody answered).
async fn raise_when_listening(paths: &DataPaths) {
    for _ in 0..100 {
        if instance::raise(paths).await.is_ok() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("{} never answered", paths.data_dir.display());
}

#[tokio::test]
async fn a_second_start_on_a_folder_brings_the_first_forward_and_another_folder_is_free() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = DataPaths::at(dir.path().join("a"));
    let other = DataPaths::at(dir.path().join("b"));

    let lock = first(&folder);
    assert!(taken(&folder), "a second claim on the same folder");
    let other_lock = first(&other);

    let (server, raised) = serve_counting(lock);
    raise_when_listening(&folder).await;
    assert_eq!(raised.load(Ordering::SeqCst), 1);
    instance::raise(&folder).await.expect("raised again");
    assert_eq!(raised.load(Ordering::SeqCst), 2);

    // Nobody listens on the other folder: a typed error, not a hang.
    let unanswered = instance::raise(&other).await.expect_err("nobody serves b");
    assert_eq!(unanswered.code, ErrorCode::AppAlreadyOpen);
    assert!(
        unanswered.message.contains("switch to its window"),
        "{}",
        unanswered.message
    );

    // The app gone (its task and lock dropped): the folder is free again, and the
    // socket it left is taken over by the next app.
    server.abort();
    let _ = server.await;
    drop(other_lock);
    let again = first(&folder);
    first(&other);
    let (server, raised_again) = serve_counting(again);
    raise_when_listening(&folder).await;
    assert_eq!(raised_again.load(Ordering::SeqCst), 1);
    server.abort();
}

#[tokio::test]
async fn a_folder_too_deep_for_a_socket_path_still_brings_the_first_forward() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = DataPaths::at(dir.path().join("d".repeat(60)).join("e".repeat(60)));
    let lock = first(&deep);
    assert!(taken(&deep));
    let (server, raised) = serve_counting(lock);
    raise_when_listening(&deep).await;
    assert_eq!(raised.load(Ordering::SeqCst), 1);
    server.abort();
}

#[test]
fn whatever_answers_on_the_socket_cannot_take_the_folder() {
    // Another program listening where the app would: the lock still decides.
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = DataPaths::at(dir.path().join("a"));
    folder.ensure_exists().expect("folder");
    let _squatter =
        std::os::unix::net::UnixListener::bind(folder.data_dir.join("app.sock")).expect("bind");
    let _lock = first(&folder);
    assert!(taken(&folder));
}

#[tokio::test]
async fn a_second_start_while_the_first_is_still_starting_waits_for_it() {
    // A double-click: the second start asks before the first listens.
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = DataPaths::at(dir.path().join("a"));
    let lock = first(&folder);
    let asking = {
        let folder = folder.clone();
        tokio::spawn(async move { instance::raise(&folder).await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let (server, raised) = serve_counting(lock);
    asking
        .await
        .expect("the second start")
        .expect("answered once listening");
    assert_eq!(raised.load(Ordering::SeqCst), 1);
    server.abort();
}
