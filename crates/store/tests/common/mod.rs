//! Data files as earlier versions of Saleguard wrote them, for the migrations' tests.

use rusqlite::Connection;

/// Every migration's SQL, in order; the file of version N ran the first N.
const MIGRATIONS: [&str; 25] = [
    include_str!("../../src/migrations/0001_sales.sql"),
    include_str!("../../src/migrations/0002_accounts.sql"),
    include_str!("../../src/migrations/0003_participations.sql"),
    include_str!("../../src/migrations/0004_vesting.sql"),
    include_str!("../../src/migrations/0005_ledger.sql"),
    include_str!("../../src/migrations/0006_research_kyc_settings.sql"),
    include_str!("../../src/migrations/0007_budgets_prices_addresses.sql"),
    include_str!("../../src/migrations/0008_contacts_overrides.sql"),
    include_str!("../../src/migrations/0009_networks_contract_terms.sql"),
    include_str!("../../src/migrations/0010_transactions.sql"),
    include_str!("../../src/migrations/0011_hardware_accounts.sql"),
    include_str!("../../src/migrations/0012_network_rpc_secrets.sql"),
    include_str!("../../src/migrations/0013_trades_currency.sql"),
    include_str!("../../src/migrations/0014_price_sources.sql"),
    include_str!("../../src/migrations/0015_transaction_fees.sql"),
    include_str!("../../src/migrations/0016_sale_actions.sql"),
    include_str!("../../src/migrations/0017_transaction_actions.sql"),
    include_str!("../../src/migrations/0018_entries_from_chain.sql"),
    include_str!("../../src/migrations/0019_delivery_scans.sql"),
    include_str!("../../src/migrations/0020_claimable_views.sql"),
    include_str!("../../src/migrations/0021_price_age_in_hours.sql"),
    include_str!("../../src/migrations/0022_official_address_sources.sql"),
    include_str!("../../src/migrations/0023_scam_lists.sql"),
    include_str!("../../src/migrations/0024_scam_list_urls.sql"),
    include_str!("../../src/migrations/0025_list_indexes.sql"),
];

/// A data file as the version whose schema was `version` left it: its migrations run,
/// recorded, and the file marked Saleguard's, as the store does (with foreign keys on,
/// as that version ran with them).
pub fn file_at_version(path: &std::path::Path, version: usize) -> Connection {
    let connection = Connection::open(path).expect("file");
    connection
        .execute_batch("PRAGMA foreign_keys = ON;")
        .expect("foreign keys");
    for sql in &MIGRATIONS[..version] {
        connection.execute_batch(sql).expect("migration");
    }
    connection
        .execute_batch(&format!(
            "PRAGMA application_id = 1397183044; PRAGMA user_version = {version};"
        ))
        .expect("the version");
    for number in 1..=version {
        connection
            .execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, 'earlier', 0)",
                [i64::try_from(number).expect("small")],
            )
            .expect("recorded");
    }
    connection
}
