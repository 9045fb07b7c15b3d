//! How long each stored text may be: what the app's forms allow for what people type,
//! and a bound for what Saleguard writes itself. An import refuses longer text, so a
//! file cannot put into the database what no form could (a 70,000-character contact
//! note, a 10 MB asset name); the export's JSON Schema states the same numbers
//! (`maxLength`).

use saleguard_core::{account, action, contact, entry, kyc, network, participation, research};
use saleguard_core::{official, review, sale};

/// Codes, kinds, states, amounts in base units (78 digits hold any 256-bit number),
/// hashes, ids and names of settings: short machine-written text.
const SHORT: usize = 200;
/// JSON and hex Saleguard writes itself: calldata, signed transactions, a receipt's
/// effects, the findings an override kept, lists of flags and links.
const MACHINE: usize = 1_000_000;

/// The most characters `table.column` may hold.
pub(crate) fn max_chars(table: &str, column: &str) -> usize {
    match (table, column) {
        ("accounts", "label") => account::MAX_LABEL_CHARS,
        ("contacts", "label") => contact::MAX_CONTACT_LABEL,
        ("contacts", "note") => contact::MAX_CONTACT_NOTE,
        ("kyc_records", "provider") => kyc::MAX_PROVIDER_CHARS,
        ("kyc_records", "reference") => kyc::MAX_KYC_REFERENCE_CHARS,
        ("kyc_records", "notes") => kyc::MAX_KYC_NOTE_CHARS,
        ("ledger_entries" | "trades", "reference") => entry::MAX_REFERENCE_CHARS,
        ("ledger_entries", "from_party" | "to_party") | ("trades", "account" | "to_account") => {
            entry::MAX_PARTY_CHARS
        }
        ("ledger_entries" | "trades", "note") => entry::MAX_ENTRY_NOTE_CHARS,
        (
            "ledger_entries" | "trades" | "prices" | "price_api_coins",
            "asset" | "counter_asset" | "fee_asset",
        ) => entry::MAX_ASSET_CHARS,
        ("prices" | "budgets", "currency") => entry::MAX_ASSET_CHARS,
        ("networks", "name") => network::MAX_NETWORK_NAME,
        ("networks", "native_symbol") => network::MAX_NATIVE_SYMBOL,
        ("networks", "rpc_url" | "explorer_url") => network::MAX_NETWORK_URL,
        ("official_address_sources", "location") => official::MAX_SOURCE_LOCATION_CHARS,
        ("official_address_sources", "note") => official::MAX_SOURCE_NOTE_CHARS,
        ("official_addresses", "retired_reason") => official::MAX_RETIRED_REASON_CHARS,
        ("participation_events", "note") => participation::MAX_NOTE_CHARS,
        ("research_factors", "notes") => research::MAX_FACTOR_NOTE_CHARS,
        ("whitepaper_fingerprints", "file_name") => research::MAX_FILE_NAME_CHARS,
        ("review_overrides", "reason") => review::OVERRIDE_REASON_MAX,
        ("sale_actions" | "transactions", "name" | "action_name") => action::MAX_ACTION_NAME_CHARS,
        ("sale_actions", "signature" | "claimable") => action::MAX_SIGNATURE_CHARS,
        ("sale_actions", "contract_source") => action::MAX_SOURCE_CHARS,
        ("sales", "project_name") => sale::MAX_PROJECT_NAME_CHARS,
        ("sales", "token_symbol" | "currency_symbol") => sale::MAX_SYMBOL_CHARS,
        ("sales", "whitepaper_url") => sale::MAX_URL_CHARS,
        ("sales", "notes") => sale::MAX_NOTES_CHARS,
        ("research", _)
        | ("research_factors", "evidence")
        | ("review_overrides", "findings")
        | ("review_policy", "blocking_flags")
        | ("sale_actions", "arguments")
        | ("settings", "value")
        | ("transaction_events", "detail")
        | ("transactions", "argument_values" | "effects" | "failure" | "input" | "raw")
        | ("vesting_plans", "tranches") => MACHINE,
        _ => SHORT,
    }
}
