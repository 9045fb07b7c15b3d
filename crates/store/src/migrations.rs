//! Schema migrations, as data. Each entry runs once, in order, inside the same
//! transaction that records it; `PRAGMA user_version` holds the number applied.

/// One schema step. Never edit a released step: add a new one.
pub(crate) struct Migration {
    pub name: &'static str,
    pub sql: &'static str,
}

pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        name: "sales",
        sql: include_str!("migrations/0001_sales.sql"),
    },
    Migration {
        name: "accounts",
        sql: include_str!("migrations/0002_accounts.sql"),
    },
    Migration {
        name: "participations",
        sql: include_str!("migrations/0003_participations.sql"),
    },
    Migration {
        name: "vesting",
        sql: include_str!("migrations/0004_vesting.sql"),
    },
    Migration {
        name: "ledger",
        sql: include_str!("migrations/0005_ledger.sql"),
    },
    Migration {
        name: "research, KYC, refund deadlines and settings",
        sql: include_str!("migrations/0006_research_kyc_settings.sql"),
    },
    Migration {
        name: "budgets, prices, official addresses and the review policy",
        sql: include_str!("migrations/0007_budgets_prices_addresses.sql"),
    },
    Migration {
        name: "contacts and review overrides",
        sql: include_str!("migrations/0008_contacts_overrides.sql"),
    },
    Migration {
        name: "networks and contract terms",
        sql: include_str!("migrations/0009_networks_contract_terms.sql"),
    },
    Migration {
        name: "transactions",
        sql: include_str!("migrations/0010_transactions.sql"),
    },
    Migration {
        name: "hardware accounts",
        sql: include_str!("migrations/0011_hardware_accounts.sql"),
    },
    Migration {
        name: "RPC URLs kept in the keyring",
        sql: include_str!("migrations/0012_network_rpc_secrets.sql"),
    },
    Migration {
        name: "trades and the portfolio's currency",
        sql: include_str!("migrations/0013_trades_currency.sql"),
    },
    Migration {
        name: "price sources: history, the online API and their order",
        sql: include_str!("migrations/0014_price_sources.sql"),
    },
    Migration {
        name: "network fees of mined transactions",
        sql: include_str!("migrations/0015_transaction_fees.sql"),
    },
    Migration {
        name: "a sale's actions, with the contribution and refund calls moved into them",
        sql: include_str!("migrations/0016_sale_actions.sql"),
    },
    Migration {
        name: "transactions of every action, with the action and the values given",
        sql: include_str!("migrations/0017_transaction_actions.sql"),
    },
    Migration {
        name: "ledger entries proved by a log keep its index; found deliveries; effects",
        sql: include_str!("migrations/0018_entries_from_chain.sql"),
    },
    Migration {
        name: "scans for token deliveries: how far each read, transfers from others",
        sql: include_str!("migrations/0019_delivery_scans.sql"),
    },
    Migration {
        name: "a claim's view of what can be claimed",
        sql: include_str!("migrations/0020_claimable_views.sql"),
    },
    Migration {
        name: "the price staleness limit in hours",
        sql: include_str!("migrations/0021_price_age_in_hours.sql"),
    },
    Migration {
        name: "official addresses by purpose and chain, with their sources",
        sql: include_str!("migrations/0022_official_address_sources.sql"),
    },
    Migration {
        name: "lists of known scams the user imported",
        sql: include_str!("migrations/0023_scam_lists.sql"),
    },
    Migration {
        name: "the web address a list of known scams is refreshed from",
        sql: include_str!("migrations/0024_scam_list_urls.sql"),
    },
    Migration {
        name: "indexes for the price book and trades read a page at a time",
        sql: include_str!("migrations/0025_list_indexes.sql"),
    },
];

/// The schema version this build writes and understands.
pub const LATEST_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
