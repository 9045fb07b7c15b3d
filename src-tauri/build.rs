//! Declares one permission per command of `src/commands/list.rs` and writes the main
//! window's capability, granting exactly those, so neither is kept by hand.

/// From the list: [`COMMAND_NAMES`].
macro_rules! commands {
    ($($module:ident: [$($command:ident),* $(,)?]),* $(,)? ) => {
        const COMMAND_NAMES: &[&str] = &[$($(stringify!($command)),*),*];
    };
}

include!("src/commands/list.rs");

fn main() {
    println!("cargo:rerun-if-changed=src/commands/list.rs");
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let capabilities = out_dir.join("capabilities");
    std::fs::create_dir_all(&capabilities).expect("capabilities folder");
    std::fs::write(capabilities.join("main.json"), main_window_capability())
        .expect("main window capability");
    // A glob pattern Tauri keeps for the whole build.
    let pattern: &'static str =
        Box::leak(format!("{}/*.json", capabilities.display()).into_boxed_str());
    // Declaring the commands generates one permission per command (`allow-list-sales`, …).
    let manifest = tauri_build::AppManifest::new().commands(COMMAND_NAMES);
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(manifest)
            .capabilities_path_pattern(pattern),
    )
    .expect("tauri build script failed");
}

/// What the main window may call: Saleguard's own commands, nothing else.
fn main_window_capability() -> String {
    let permissions: Vec<String> = COMMAND_NAMES
        .iter()
        .map(|name| format!("    \"allow-{}\"", name.replace('_', "-")))
        .collect();
    format!(
        "{{\n  \"identifier\": \"main-window\",\n  \"description\": \"What the main window may call: Saleguard's own commands, nothing else.\",\n  \"windows\": [\"main\"],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}
