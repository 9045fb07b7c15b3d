//! A bare Tauri 2 app, the baseline of `scripts/measure-startup.sh`: one window, one
//! line of text, nothing else.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare Tauri app runs");
}
