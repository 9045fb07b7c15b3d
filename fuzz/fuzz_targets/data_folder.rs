//! One data folder per fuzzing process, opened once: what the file targets read into.

use std::sync::{Arc, OnceLock};

use saleguard_app::{DataPaths, FixedClock, Saleguard, UtcTimestamp};

struct Folder {
    _dir: tempfile::TempDir,
    app: Saleguard,
}

/// A Saleguard over a new data folder holding one sale, Aurora (a CSV row may name it).
pub fn saleguard() -> &'static Saleguard {
    static FOLDER: OnceLock<Folder> = OnceLock::new();
    &FOLDER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let now = UtcTimestamp::parse("2026-12-05 10:00").expect("time");
            let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now)));
            app.create_sale(saleguard_core::fixtures::native_sale_draft("Aurora"))
                .expect("a sale");
            Folder { _dir: dir, app }
        })
        .app
}
