//! A database written by a newer Saleguard: the real app says so plainly and leaves
//! the file exactly as it was.

use saleguard_e2e::AppSession;

#[tokio::test(flavor = "current_thread")]
async fn a_database_from_a_newer_version_is_refused_in_the_ui_and_left_untouched() {
    let data_dir = tempfile::tempdir().expect("temp data dir");
    let database = data_dir.path().join("saleguard.sqlite3");
    {
        let conn = rusqlite::Connection::open(&database).expect("create");
        conn.execute_batch(
            "CREATE TABLE from_the_future (x INTEGER) STRICT; PRAGMA user_version = 99;",
        )
        .expect("setup");
    }
    let before = std::fs::read(&database).expect("read");

    let app = AppSession::launch(data_dir.path()).await;
    app.click("[data-testid='nav-sales']").await;
    app.wait_for("[role='alert']").await;
    app.wait_for_text(
        "The data file was written by a newer Saleguard. Install the newer version; this one will not change the file.",
    )
    .await;
    app.screenshot("09-newer-database-refused").await;
    app.quit().await;

    assert_eq!(
        std::fs::read(&database).expect("read"),
        before,
        "the newer database is byte-for-byte unchanged"
    );
}
