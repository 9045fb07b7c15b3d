/// Every command the UI may call. `build.rs` generates one permission per name from
/// this list, `capabilities/main.json` grants them, and `tests/bindings.rs` checks that
/// it matches the commands registered in `ipc()`.
pub const COMMAND_NAMES: &[&str] = &[
    "app_info",
    "list_sales",
    "get_sale",
    "get_sale_draft",
    "create_sale",
    "update_sale",
    "delete_sale",
];
