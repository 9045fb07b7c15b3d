//! The CLI runs beside the desktop app on one data folder (only a second app is turned
//! away): 500 writes through the app layer, in this process, and 500 `saleguard`
//! processes writing at the same time. SQLite keeps them apart: none is lost, and one
//! that cannot wait for the other any longer is refused with a typed error, never
//! half-written.

use crate::common;

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use saleguard_app::{DataPaths, SaleDraft, Saleguard, SystemClock};

const EACH: usize = 500;

fn draft(name: &str) -> SaleDraft {
    SaleDraft {
        project_name: name.to_owned(),
        token_symbol: "CON".into(),
        token_decimals: "18".into(),
        chain_id: "1".into(),
        contribution_address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
        currency_symbol: "ETH".into(),
        pricing_amount: "1000".into(),
        starts_at: "2026-01-01 00:00".into(),
        ends_at: "2026-02-01 00:00".into(),
        ..SaleDraft::default()
    }
}

#[test]
fn the_app_and_the_cli_write_at_once_and_nothing_is_lost() {
    let dir = common::DataDir::new();
    let app = Arc::new(Saleguard::start(
        DataPaths::at(dir.0.path()),
        Arc::new(SystemClock),
    ));
    assert!(app.startup_error().is_none(), "{:?}", app.startup_error());

    // The app keeps pace with the CLI (its nth write once the CLI has started its nth),
    // so the two write side by side from the first to the last, not one after the other.
    let cli_started = Arc::new(AtomicUsize::new(0));
    let writer = Arc::clone(&app);
    let pace = Arc::clone(&cli_started);
    let app_writes = std::thread::spawn(move || {
        let mut refused = Vec::new();
        for n in 0..EACH {
            while pace.load(Ordering::SeqCst) <= n {
                std::thread::sleep(std::time::Duration::from_micros(500));
            }
            if let Err(error) = writer.create_sale(draft(&format!("App {n}"))) {
                refused.push(error.code);
            }
        }
        refused
    });

    let mut cli_refused = Vec::new();
    for n in 0..EACH {
        let name = format!("CLI {n}");
        cli_started.store(n + 1, Ordering::SeqCst);
        let output = dir.run(&common::sale_add_args(&name));
        if !output.status.success() {
            // Refused: with a code the user can act on, never a crash or a bare message.
            let error: serde_json::Value =
                serde_json::from_slice(&output.stderr).unwrap_or_else(|_| {
                    panic!(
                        "{name}: refused without a typed error: {}",
                        String::from_utf8_lossy(&output.stderr)
                    )
                });
            cli_refused.push(error["code"].as_str().expect("a code").to_owned());
        }
    }
    let app_refused = app_writes.join().expect("the app's writer");
    assert!(
        app_refused.is_empty() && cli_refused.is_empty(),
        "refused (typed): app {app_refused:?}, CLI {cli_refused:?}"
    );

    // Every write is there, once, whichever side made it; both sides see all of them.
    let expected: BTreeSet<String> = (0..EACH)
        .flat_map(|n| [format!("App {n}"), format!("CLI {n}")])
        .collect();
    let in_app: Vec<String> = app
        .list_sales()
        .expect("sales")
        .into_iter()
        .map(|sale| sale.project_name)
        .collect();
    assert_eq!(in_app.len(), 2 * EACH, "no duplicates, nothing missing");
    assert_eq!(in_app.iter().cloned().collect::<BTreeSet<_>>(), expected);
    let listed = dir.json(&["sale", "list"]);
    assert_eq!(listed.as_array().expect("a list").len(), 2 * EACH);
}
