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
