//! Tauri's build step: the configuration and the page, embedded.

fn main() {
    tauri_build::build();
}
