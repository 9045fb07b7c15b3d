include!("src/command_names.rs");

fn main() {
    // Declaring the commands generates one permission per command
    // (`allow-list-sales`, …); capabilities/main.json grants exactly those the window uses.
    let manifest = tauri_build::AppManifest::new().commands(COMMAND_NAMES);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script failed");
}
