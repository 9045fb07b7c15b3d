fn main() {
    // Declaring the commands generates one permission per command
    // (`allow-list-sales`, …); capabilities/main.json grants exactly those the window uses.
    let manifest = tauri_build::AppManifest::new().commands(saleguard_commands());
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script failed");
}

/// Keep in sync with `collect_commands!` in src/lib.rs: a command missing here has no
/// permission and is refused at run time.
fn saleguard_commands() -> &'static [&'static str] {
    &[
        "app_info",
        "list_sales",
        "get_sale",
        "create_sale",
        "update_sale",
        "delete_sale",
    ]
}
