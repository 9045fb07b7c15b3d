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
    "list_accounts",
    "get_account",
    "keyring_status",
    "begin_new_account",
    "confirm_new_account",
    "cancel_new_account",
    "import_mnemonic_account",
    "import_private_key_account",
    "add_watch_only_account",
    "derive_next_account",
    "rename_account",
    "remove_account",
    "reveal_account_secret",
];
