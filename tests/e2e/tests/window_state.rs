//! The window opens at the size the user left it (Tauri's window-state plugin): the
//! real app resized, ended and started again.

use saleguard_e2e::AppSession;

#[tokio::test(flavor = "current_thread")]
async fn the_window_opens_at_the_size_it_was_closed_at() {
    let folder = tempfile::tempdir().expect("temp data dir");
    let app = AppSession::launch(folder.path()).await;
    let (_, _, width, height) = app.client.get_window_rect().await.expect("the window");
    let original = (width, height);
    app.client
        .set_window_size(1100, 700)
        .await
        .expect("resized");
    // Resizing is asynchronous in GTK: wait until the window reports the new size.
    for _ in 0..50 {
        let (_, _, width, height) = app.client.get_window_rect().await.expect("the window");
        if (width, height) == (1100, 700) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Ending the WebDriver session kills the app (no normal exit): the state is the one
    // written once the window stayed put for a second.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    app.quit().await;

    let app = AppSession::launch(folder.path()).await;
    let (_, _, width, height) = app.client.get_window_rect().await.expect("the window");
    // Put it back before asserting, so the next test's window is the usual size.
    app.client
        .set_window_size(original.0 as u32, original.1 as u32)
        .await
        .expect("resized back");
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    app.quit().await;
    assert_eq!(
        (width, height),
        (1100, 700),
        "restored from the last session"
    );
}
