//! The committed TypeScript bindings must match the Rust commands and types.

#[test]
fn committed_bindings_match_the_rust_code() {
    let committed_path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(saleguard_desktop::BINDINGS_PATH);
    let dir = tempfile::tempdir().expect("temp dir");
    let generated_path = dir.path().join("bindings.ts");
    saleguard_desktop::ipc()
        .export(saleguard_desktop::typescript(), &generated_path)
        .expect("bindings export");
    let generated = std::fs::read_to_string(&generated_path).expect("generated bindings");

    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed_path, &generated).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/bindings.ts is out of date with the Rust commands; regenerate it with \
         `UPDATE_BINDINGS=1 cargo test -p saleguard-desktop --test bindings`"
    );
}

/// The list of commands (`src/commands/list.rs`), the registered commands (as the
/// generated bindings invoke them) and the main window's capability, which the build
/// script writes from the list, are the same set.
#[test]
fn permissions_capability_and_registered_commands_agree() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bindings =
        std::fs::read_to_string(root.join(saleguard_desktop::BINDINGS_PATH)).expect("bindings");
    // Each command is `__TAURI_INVOKE<Reply>("name", …)`.
    let mut invoked: Vec<String> = bindings
        .split("__TAURI_INVOKE<")
        .skip(1)
        .filter_map(|rest| {
            let name = rest.split_once("(\"")?.1;
            name.split('"').next().map(str::to_owned)
        })
        .collect();
    invoked.sort();
    let mut listed: Vec<String> = saleguard_desktop::COMMAND_NAMES
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    listed.sort();
    assert_eq!(
        invoked, listed,
        "the bindings invoke exactly the commands of src/commands/list.rs"
    );

    let capability: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("OUT_DIR"), "/capabilities/main.json"))
            .expect("the capability build.rs writes"),
    )
    .expect("capability is JSON");
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions list")
        .iter()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    granted.sort();
    let mut expected: Vec<String> = listed
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    expected.sort();
    assert_eq!(
        granted, expected,
        "the main window is granted exactly Saleguard's commands"
    );
}
