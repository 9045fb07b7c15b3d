//! Saleguard's desktop shell: the commands the window calls (one line each over the app
//! layer, in [`commands`]), the generated TypeScript bindings, and the app's start.
//! This crate holds no rules of its own.

use std::path::PathBuf;
use std::sync::Arc;

use clap::Parser;
use saleguard_app::chain::devices::{LedgerConnection, TrezorConnection};
use saleguard_app::chain::transactions::FOLLOW_INTERVAL;
use saleguard_app::instance;
use saleguard_app::{DATA_DIR_ENV, DataPaths, NATIVE_COIN_SYMBOLS, Saleguard, SystemClock};
use specta_typescript::Typescript;
use tauri::Manager;
use tauri_plugin_window_state::StateFlags;

mod commands;
mod dialogs;
pub use commands::COMMAND_NAMES;

/// Picks up the watch of every transaction signed but not settled (after a crash or a
/// closed window), in the background.
fn resume_watches(handle: &tauri::AppHandle) {
    let ids = handle
        .state::<Saleguard>()
        .transactions_in_flight()
        .unwrap_or_default();
    for id in ids {
        let handle = handle.clone();
        tauri::async_runtime::spawn(async move {
            let app = handle.state::<Saleguard>();
            if let Err(error) = app
                .follow_transaction(&id, FOLLOW_INTERVAL, &|_| {}, std::future::pending())
                .await
            {
                tracing::warn!(code = ?error.code, "a resumed watch stopped");
            }
        });
    }
}

/// The commands and types the UI sees; the TypeScript bindings are generated from this.
///
/// Row ids and chain ids are `number` in TypeScript: the core keeps chain ids below
/// 2^53 and row ids are small counters, so no precision is lost. Amounts never travel
/// as numbers (they are decimal strings), so this cast cannot touch money.
pub fn ipc() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(commands::collect())
        // A command's error is thrown as the backend's `AppError` object, so the UI needs
        // no unwrapping per command.
        .error_handling(tauri_specta::ErrorHandlingMode::Throw)
        // The form defaults the native coin's symbol from the chain id with the core's table.
        .constant("NATIVE_COIN_SYMBOLS", native_coin_symbols())
        // The override dialog says how long a reason must be before it is sent.
        .constant(
            "OVERRIDE_REASON_MIN",
            saleguard_app::review::overrides::OVERRIDE_REASON_MIN,
        )
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
}

/// Chain id (as a string, the form's type) → symbol.
fn native_coin_symbols() -> std::collections::BTreeMap<String, &'static str> {
    NATIVE_COIN_SYMBOLS
        .iter()
        .map(|(id, symbol)| (id.to_string(), *symbol))
        .collect()
}

/// How the bindings are written.
pub fn typescript() -> Typescript {
    Typescript::default()
        .header("// Generated from the Rust commands by tauri-specta: do not edit.\n// Regenerate with: UPDATE_BINDINGS=1 cargo test -p saleguard-desktop --test bindings")
}

/// The committed bindings file, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/bindings.ts";

#[derive(Debug, Parser)]
#[command(name = "saleguard-desktop", version, about = "Saleguard desktop app")]
struct DesktopArgs {
    /// Where Saleguard keeps its data (default: the OS application-data directory).
    #[arg(long, env = DATA_DIR_ENV, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Talk to a Speculos Ledger emulator's APDU port instead of a Ledger on USB.
    #[arg(long, env = saleguard_app::chain::devices::SPECULOS_ENV, value_name = "HOST:PORT")]
    ledger_emulator: Option<String>,
    /// Talk to a Trezor emulator's UDP port (the emulator's own is 127.0.0.1:21324).
    #[arg(long, env = saleguard_app::chain::devices::TREZOR_EMULATOR_ENV, value_name = "HOST:PORT")]
    trezor_emulator: Option<String>,
}

/// Starts the desktop app.
pub fn run() {
    let args = DesktopArgs::parse();
    let paths = DataPaths::resolve(args.data_dir).unwrap_or_else(|error| {
        eprintln!("saleguard: {error}");
        std::process::exit(1);
    });
    let folder_lock = take_folder_or_raise_its_window(&paths);
    if let Err(error) = saleguard_app::init_file_logging(&paths) {
        eprintln!("saleguard: logging is off: {error}");
    }
    let app = Saleguard::start(paths, Arc::new(SystemClock));
    let app = match args.ledger_emulator {
        Some(address) => app.with_ledger_connection(LedgerConnection::Speculos(address)),
        None => app,
    };
    let app = match args.trezor_emulator {
        Some(address) => app.with_trezor_connection(TrezorConnection::Emulator(address)),
        None => app,
    };
    let ipc = ipc();
    let window_state = tauri_plugin_window_state::Builder::default()
        .with_state_flags(WINDOW_STATE)
        .build();
    let result = tauri::Builder::default()
        .plugin(window_state)
        .plugin(tauri_plugin_dialog::init())
        .manage(app)
        .manage(commands::Signings::default())
        .manage(commands::CsvImports::default())
        .manage(dialogs::ChosenFiles::default())
        .invoke_handler(ipc.invoke_handler())
        .setup(move |app| {
            serve_second_starts(app.handle(), folder_lock);
            save_window_state_when_it_settles(app.handle());
            resume_watches(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("saleguard: the window could not be started: {error}");
        std::process::exit(1);
    }
}

/// Takes the data folder for this app; when another app already has it, asks that one to
/// bring its window to the front and exits (0 once it did).
fn take_folder_or_raise_its_window(paths: &DataPaths) -> instance::InstanceLock {
    match instance::claim(paths) {
        Ok(instance::Claim::First(lock)) => lock,
        Ok(instance::Claim::AlreadyOpen) => {
            match tauri::async_runtime::block_on(instance::raise(paths)) {
                Ok(()) => {
                    eprintln!(
                        "saleguard: already open on {}: its window was brought to the front",
                        paths.data_dir.display()
                    );
                    std::process::exit(0);
                }
                Err(error) => {
                    eprintln!("saleguard: {error}");
                    std::process::exit(1);
                }
            }
        }
        Err(error) => {
            eprintln!("saleguard: {error}");
            std::process::exit(1);
        }
    }
}

/// Keeps the folder's lock for as long as the app runs, bringing the main window to the
/// front at each second start on the same folder.
fn serve_second_starts(handle: &tauri::AppHandle, lock: instance::InstanceLock) {
    let handle = handle.clone();
    tauri::async_runtime::spawn(async move {
        let raise = || {
            if let Some(window) = handle.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        };
        if let Err(error) = lock.serve(raise).await {
            tracing::warn!(%error, "a second start will not bring this window forward");
        }
        // The folder stays this app's (the lock lives in this task) until it exits.
        std::future::pending::<()>().await;
    });
}

/// What the window-state plugin keeps of the window: its size, position and whether it
/// is maximised — not whether it is visible or decorated, which are the app's to decide.
const WINDOW_STATE: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// The plugin writes the window's state when the app exits normally; an app that is
/// killed (a session ending, a crash) would lose it. So it is also written once the window
/// has stayed put for a second after being moved or resized.
fn save_window_state_when_it_settles(handle: &tauri::AppHandle) {
    use std::sync::atomic::{AtomicU64, Ordering};
    use tauri_plugin_window_state::AppHandleExt;
    let Some(window) = handle.get_webview_window("main") else {
        return;
    };
    let changes = Arc::new(AtomicU64::new(0));
    let handle = handle.clone();
    window.on_window_event(move |event| {
        if !matches!(
            event,
            tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_)
        ) {
            return;
        }
        let change = changes.fetch_add(1, Ordering::SeqCst) + 1;
        let (changes, handle) = (Arc::clone(&changes), handle.clone());
        tauri::async_runtime::spawn(async move {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            if changes.load(Ordering::SeqCst) != change {
                return;
            }
            // On the main thread: the plugin holds its lock while it asks the window for
            // its geometry, and its own event handlers take that lock on the main thread.
            let saver = handle.clone();
            let scheduled = handle.run_on_main_thread(move || {
                if let Err(error) = saver.save_window_state(WINDOW_STATE) {
                    tracing::warn!(%error, "the window's size and position were not saved");
                }
            });
            if let Err(error) = scheduled {
                tracing::warn!(%error, "the window's size and position were not saved");
            }
        });
    });
}
