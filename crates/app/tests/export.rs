//! Export and import over real SQLite files: a data folder filled through the use
//! cases round-trips byte for byte, the document follows its committed JSON Schema, and
//! every kind of broken file is refused with its JSON paths, changing nothing.

use crate::common;

use common::{DESIGNATED, OWN, app, prepared};
use saleguard_app::dto::PageInput;
use saleguard_app::io::csv::CsvExportKind;
use saleguard_app::participations::kyc::KycInput;
use saleguard_app::participations::vesting::VestingInput;
use saleguard_app::participations::{MoveParticipation, ParticipationState, StartParticipation};
use saleguard_app::portfolio::trades::TradeQuery;
use saleguard_app::pricing::book::PriceQuery;
use saleguard_app::review::ReviewInput;
use saleguard_app::review::contacts::ContactInput;
use saleguard_app::review::overrides::OverrideInput;
use saleguard_app::review::policy::PolicyInput;
use saleguard_app::{AppError, ErrorCode, Saleguard};
use saleguard_core::fixtures::native_sale_draft;
use saleguard_store::DATA_TABLES;
use serde_json::{Value, json};

const SCHEMA_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/export-format.schema.json"
);

/// Every table holds at least one row: the review's data, plus a vesting plan, KYC
/// details, a whitepaper, a refund deadline, a policy, a contact, an override, networks,
/// contract terms, a planned transaction and a hardware account.
fn filled(dir: &std::path::Path) -> Saleguard {
    let (app, sale, account) = prepared(dir);
    let aurora = app.list_participations().expect("list")[0].id;
    app.set_vesting(
        aurora,
        &VestingInput {
            total_tokens: "1200".into(),
            tge_at: "2026-12-01 00:00".into(),
            kind: "linear".into(),
            at_tge_percent: "10".into(),
            cliff_months: "0".into(),
            months: "12".into(),
            frequency: "monthly".into(),
            tranches: Vec::new(),
        },
    )
    .expect("vesting");
    app.set_kyc(
        aurora,
        &KycInput {
            provider: "Synaps".into(),
            submitted_at: "2026-11-20 09:30".into(),
            reference: "SYN-42".into(),
            notes: "passport\n\u{e9}t\u{e9}".into(),
        },
    )
    .expect("kyc");
    app.record_whitepaper(
        sale,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "aurora.pdf",
        3,
    )
    .expect("whitepaper");
    let borealis = app
        .create_sale(native_sale_draft("Borealis"))
        .expect("sale")
        .id;
    let refund = app
        .start_participation(&StartParticipation {
            sale_id: borealis,
            state: ParticipationState::KycApproved,
            happened_at: "2026-11-21 10:00".into(),
            note: String::new(),
        })
        .expect("started")
        .id;
    for to in [
        ParticipationState::Contributed,
        ParticipationState::SoftCapMissed,
        ParticipationState::RefundDue,
    ] {
        app.move_participation(
            refund,
            &MoveParticipation {
                to,
                happened_at: "2026-11-25 10:00".into(),
                note: String::new(),
            },
        )
        .expect("moved");
    }
    app.set_refund_deadline(refund, "2027-01-31 00:00")
        .expect("deadline");
    app.set_review_policy(&PolicyInput {
        minimum_grade: "C".into(),
        blocking_flags: vec!["no_third_party_audit".into()],
        max_price_age: "14".into(),
        max_price_age_unit: saleguard_app::review::policy::PriceAgeUnit::Days,
        official_source_required: true,
    })
    .expect("policy");
    app.record_trade(&saleguard_app::portfolio::trades::TradeInput {
        kind: "buy".into(),
        happened_at: "2026-12-04 10:00".into(),
        asset: "AUR".into(),
        decimals: "18".into(),
        amount: "250".into(),
        counter_asset: "USD".into(),
        counter_amount: "1000.50".into(),
        fee_asset: "USD".into(),
        fee_amount: "2".into(),
        account: "Kraken".into(),
        ..Default::default()
    })
    .expect("trade");
    app.set_portfolio_currency("EUR").expect("currency");
    app.add_contact(&ContactInput {
        label: "Cold storage".into(),
        address: "0x52908400098527886E0F7030069857D2E4169EE7".into(),
        note: "the \"big\" one".into(),
    })
    .expect("contact");
    app.override_review(&OverrideInput {
        review: ReviewInput {
            sale_id: sale,
            from: account.to_string(),
            to: DESIGNATED.into(),
            amount: "2.5".into(),
            chain_id: String::new(),
            at: String::new(),
        },
        reason: "the team raised the cap for early backers".into(),
    })
    .expect("override");
    app.save_network(&saleguard_app::chain::networks::NetworkInput {
        rpc_url: "https://node.example".into(),
        ..saleguard_core::network::NETWORK_PRESETS[0].to_draft()
    })
    .expect("network");
    app.set_contract_terms(
        sale,
        &saleguard_app::sales::contract_terms::ContractTermsInput {
            token_address: "0x52908400098527886E0F7030069857D2E4169EE7".into(),
        },
    )
    .expect("contract terms");
    common::contribute_and_refund_actions(&app, sale, "buyTokens(address)", "claimRefund()");
    // A planned contribution (transactions and their history) needs a node: Anvil,
    // serving chain 1 for the sale, with coins for the account.
    let anvil = saleguard_testkit::Anvil::start_with_chain_id(1);
    anvil.rpc(
        "anvil_setBalance",
        json!([OWN, "0x56bc75e2d63100000"]), // 100 ETH
    );
    app.save_network(&saleguard_app::chain::networks::NetworkInput {
        rpc_url: anvil.url(),
        ..saleguard_core::network::NETWORK_PRESETS[0].to_draft()
    })
    .expect("network");
    let aurora = app.list_participations().expect("list")[0].id;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let plan = runtime
        .block_on(
            app.prepare_contribution(&saleguard_app::chain::plans::ContributionInput {
                participation_id: aurora,
                account_id: account,
                amount: "0.5".into(),
                fee_speed: Default::default(),
            }),
        )
        .expect("planned");
    assert!(plan.draft_id.is_some(), "{:?}", plan.review.findings);
    // A hardware account, from a simulated Ledger.
    let ledger = saleguard_testkit::LedgerSimulator::start(saleguard_testkit::LedgerMode::Approve);
    let path = "m/44'/60'/0'/0/0";
    let app = app.with_ledger_connection(
        saleguard_app::chain::devices::LedgerConnection::Speculos(ledger.address().to_owned()),
    );
    runtime
        .block_on(app.add_hardware_account(
            &saleguard_app::accounts::hardware::AddHardwareAccount {
                label: "Ledger".into(),
                wallet: "ledger".into(),
                path: path.into(),
                address: saleguard_testkit::LedgerSimulator::address_at(path).to_checksum(None),
            },
        ))
        .expect("hardware account");
    app.set_price_api_coin("AUR", "aurora-network")
        .expect("coin id");
    app.set_price_source_order(&[
        saleguard_app::pricing::PriceSource::Csv,
        saleguard_app::pricing::PriceSource::Manual,
        saleguard_app::pricing::PriceSource::Api,
    ])
    .expect("order");
    app.import_price_history(b"date_utc,asset,currency,price\n2026-12-03,AUR,USD,1.25\n")
        .expect("history");
    app.import_scam_list(
        "drainers",
        "drainers.csv",
        b"entry,note\nfree-aurora.example,fake claim page\n0x00000000000000000000000000000000000dead1,drainer\n",
    )
    .expect("scam list");
    app
}

fn export_of(app: &Saleguard) -> String {
    app.export_json().expect("export")
}

fn refused(error: &AppError) -> Vec<(&str, ErrorCode)> {
    error
        .invalid_fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect()
}

#[test]
fn export_import_export_is_byte_identical_and_covers_every_table() {
    let source = tempfile::tempdir().expect("temp dir");
    let first = export_of(&filled(source.path()));
    let document: Value = serde_json::from_str(&first).expect("JSON");
    assert_eq!(document["format_version"], 11);
    // An RPC URL kept in the keyring needs one: tests/signing.rs exports and imports it.
    for table in DATA_TABLES.iter().filter(|t| **t != "network_rpc_secrets") {
        let rows = document["tables"][table].as_array().map(Vec::len);
        assert!(
            rows.unwrap_or(0) > 0,
            "{table} has no rows in the test data"
        );
    }
    assert!(first.contains(OWN), "public data is exported");

    let target = tempfile::tempdir().expect("temp dir");
    let file = target.path().join("export.json");
    std::fs::write(&file, &first).expect("write");
    let restored = app(&target.path().join("data"));
    let summary = restored.import_from(&file).expect("imported");
    assert_eq!(
        summary.tables.len(),
        DATA_TABLES.len() - 1,
        "every table but the empty network_rpc_secrets"
    );
    assert_eq!(export_of(&restored), first, "export → import → export");

    // What the app shows comes back too, not only the rows.
    let original = app(source.path());
    assert_eq!(
        restored.participations_in_full().expect("list"),
        original.participations_in_full().expect("list")
    );
    assert_eq!(
        restored.review_overrides(None).expect("history"),
        original.review_overrides(None).expect("history")
    );
    assert_eq!(
        restored.budgets().expect("budgets"),
        original.budgets().expect("budgets")
    );
}

#[test]
fn the_export_follows_the_committed_json_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = filled(dir.path());
    let generated = app.export_schema().expect("schema");
    let mut text = serde_json::to_string_pretty(&generated).expect("schema text");
    text.push('\n');
    if std::env::var_os("UPDATE_EXPORT_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &text).expect("write the schema");
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).expect("docs/export-format.schema.json");
    assert_eq!(
        committed, text,
        "the database changed: rerun with UPDATE_EXPORT_SCHEMA=1, bump format_version if \
         old exports no longer fit, and update docs/export-format.md"
    );

    let schema: Value = serde_json::from_str(&committed).expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let document: Value = serde_json::from_str(&export_of(&app)).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert_eq!(errors, Vec::<String>::new());

    // The schema is not vacuous: a wrong type and an unknown column break it.
    let mut broken = document.clone();
    broken["tables"]["sales"][0]["chain_id"] = json!("1");
    broken["tables"]["contacts"][0]["nickname"] = json!("x");
    assert_eq!(validator.iter_errors(&broken).count(), 2);
}

#[test]
fn a_version_2_export_without_hardware_wallets_still_imports() {
    let source = tempfile::tempdir().expect("temp dir");
    let mut document: Value =
        serde_json::from_str(&export_of(&filled(source.path()))).expect("JSON");
    document["format_version"] = json!(2);
    let tables = document["tables"].as_object_mut().expect("tables");
    tables.remove("hardware_accounts");
    let accounts = tables["accounts"].as_array_mut().expect("rows");
    accounts.retain(|row| row["kind"] != "hardware");
    let target = tempfile::tempdir().expect("temp dir");
    app(target.path())
        .import_json(&serde_json::to_string(&document).expect("text"))
        .expect("a version-2 file imports");

    // A version-3 file must have the table.
    document["format_version"] = json!(3);
    assert_refused(
        &serde_json::to_string(&document).expect("text"),
        &[("$.tables.hardware_accounts", ErrorCode::Required)],
    );
}

#[test]
fn a_version_4_export_without_price_sources_still_imports_its_prices_as_the_price_book() {
    let source = tempfile::tempdir().expect("temp dir");
    let mut document: Value =
        serde_json::from_str(&export_of(&filled(source.path()))).expect("JSON");
    document["format_version"] = json!(4);
    let tables = document["tables"].as_object_mut().expect("tables");
    tables.remove("price_api_coins");
    for row in tables["prices"].as_array_mut().expect("rows") {
        row.as_object_mut().expect("row").remove("source");
    }
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    restored
        .import_json(&serde_json::to_string(&document).expect("text"))
        .expect("a version-4 file imports");
    let prices = restored
        .prices(&PriceQuery::default(), PageInput::FIRST)
        .expect("prices")
        .rows;
    assert!(!prices.is_empty());
    assert!(
        prices
            .iter()
            .all(|p| p.source == saleguard_app::pricing::PriceSource::Manual)
    );

    // A version-5 file must have both.
    document["format_version"] = json!(5);
    assert_refused(
        &serde_json::to_string(&document).expect("text"),
        &[
            ("$.tables.prices[0].source", ErrorCode::Required),
            ("$.tables.prices[1].source", ErrorCode::Required),
            ("$.tables.price_api_coins", ErrorCode::Required),
        ],
    );
}

#[test]
fn a_version_5_export_keeps_its_contribution_and_refund_functions_as_actions() {
    let source = tempfile::tempdir().expect("temp dir");
    let original = filled(source.path());
    let mut document: Value = serde_json::from_str(&export_of(&original)).expect("JSON");
    // As version 5 wrote it: the functions in the contract terms, no actions.
    document["format_version"] = json!(5);
    let tables = document["tables"].as_object_mut().expect("tables");
    tables.remove("sale_actions");
    let terms = tables["contract_terms"][0].as_object_mut().expect("a row");
    terms.insert("contribution_call".into(), json!("buyTokens(address)"));
    terms.insert("refund_call".into(), json!("claimRefund()"));
    let sale = terms["sale_id"].as_i64().expect("sale id");
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    restored
        .import_json(&serde_json::to_string(&document).expect("text"))
        .expect("a version-5 file imports");
    let kept: Vec<(String, String, Vec<String>)> = restored
        .sale_actions(sale)
        .expect("actions")
        .into_iter()
        .map(|a| {
            (
                a.purpose.as_str().to_owned(),
                a.signature,
                a.arguments.into_iter().map(|arg| arg.value).collect(),
            )
        })
        .collect();
    assert_eq!(
        kept,
        [
            (
                "contribute".to_owned(),
                "buyTokens(address)".to_owned(),
                vec!["{account}".to_owned()]
            ),
            (
                "claim_refund".to_owned(),
                "claimRefund()".to_owned(),
                vec![]
            ),
        ]
    );
    assert_eq!(
        restored.sale_actions(sale).expect("actions"),
        original.sale_actions(sale).expect("actions"),
        "the same actions as the data they were exported from"
    );
}

#[test]
fn a_version_6_export_links_its_transactions_to_their_actions() {
    let source = tempfile::tempdir().expect("temp dir");
    let exported = export_of(&filled(source.path()));
    let mut document: Value = serde_json::from_str(&exported).expect("JSON");
    let contribute = document["tables"]["sale_actions"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["purpose"] == "contribute")
        .expect("a contribute action")["id"]
        .clone();
    let transaction = &document["tables"]["transactions"][0];
    assert_eq!(transaction["action_id"], contribute, "{transaction}");
    assert_eq!(transaction["action_name"], "Contribute");
    // As version 6 wrote it: transactions did not say which action they took.
    document["format_version"] = json!(6);
    for row in document["tables"]["transactions"]
        .as_array_mut()
        .expect("transactions")
    {
        let row = row.as_object_mut().expect("a row");
        for column in [
            "action_id",
            "action_name",
            "token_amount",
            "argument_values",
        ] {
            row.remove(column);
        }
    }
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    restored
        .import_json(&serde_json::to_string(&document).expect("text"))
        .expect("a version-6 file imports");
    assert_eq!(
        export_of(&restored),
        exported,
        "linked to the same action, with no token amount and no values given"
    );
}

#[test]
fn a_version_10_exports_scam_lists_import_without_a_web_address() {
    let source = tempfile::tempdir().expect("temp dir");
    let exported = export_of(&filled(source.path()));
    let mut document: Value = serde_json::from_str(&exported).expect("JSON");
    let list = document["tables"]["scam_lists"][0]
        .as_object_mut()
        .expect("a list");
    assert_eq!(
        list.remove("url"),
        Some(Value::Null),
        "imported from a file"
    );
    document["format_version"] = json!(10);
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    restored
        .import_json(&serde_json::to_string(&document).expect("text"))
        .expect("a version-10 file imports");
    assert_eq!(export_of(&restored), exported);
    let lists = restored.scam_lists().expect("lists");
    assert_eq!(lists.len(), 1);
    assert_eq!(lists[0].url, None);
}

#[test]
fn a_version_8_export_keeps_its_staleness_limit_in_days_as_hours() {
    let source = tempfile::tempdir().expect("temp dir");
    let exported = export_of(&filled(source.path()));
    let mut document: Value = serde_json::from_str(&exported).expect("JSON");
    assert_eq!(
        document["tables"]["review_policy"][0]["max_price_age_hours"],
        14 * 24
    );
    // As version 8 wrote it: the limit in days.
    document["format_version"] = json!(8);
    let policy = document["tables"]["review_policy"][0]
        .as_object_mut()
        .expect("a row");
    policy.remove("max_price_age_hours");
    policy.insert("max_price_age_days".into(), json!(14));
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    restored
        .import_json(&serde_json::to_string(&document).expect("text"))
        .expect("a version-8 file imports");
    assert_eq!(export_of(&restored), exported, "14 days are 336 hours");
    let kept = restored.review_policy().expect("policy");
    assert_eq!(
        (
            kept.max_price_age.as_str(),
            kept.max_price_age_unit.as_str()
        ),
        ("14", "days")
    );

    // As version 8 wrote it: an official address kept its one source in its row, and the
    // policy had no official_source_required.
    let mut older = document.clone();
    let tables = older["tables"].as_object_mut().expect("tables");
    let sources = tables.remove("official_address_sources").expect("sources");
    tables["review_policy"][0]
        .as_object_mut()
        .expect("a row")
        .remove("official_source_required");
    let first_source = &sources[0];
    let address = tables["official_addresses"][0]
        .as_object_mut()
        .expect("a row");
    for column in ["purpose", "chain_id", "retired_at", "retired_reason"] {
        address.remove(column);
    }
    address.insert("source".into(), first_source["location"].clone());
    address.insert("seen_at".into(), first_source["seen_at"].clone());
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    restored
        .import_json(&serde_json::to_string(&older).expect("text"))
        .expect("a version-8 file imports");
    let addresses = restored.official_addresses(None).expect("addresses");
    assert_eq!(addresses.len(), 1);
    assert_eq!(
        (
            addresses[0].purpose,
            addresses[0].chain_id,
            addresses[0].sources.len()
        ),
        (saleguard_core::official::AddressPurpose::Contribution, 1, 1)
    );
    let source = &addresses[0].sources[0];
    assert_eq!(source.kind, saleguard_core::official::SourceKind::Unknown);
    assert_eq!(
        Some(source.location.as_str()),
        first_source["location"].as_str()
    );
    assert!(
        !restored
            .review_policy()
            .expect("policy")
            .official_source_required
    );

    // A limit in days that is not a whole number is refused where it now lives.
    document["tables"]["review_policy"][0]["max_price_age_days"] = json!("two weeks");
    assert_refused(
        &serde_json::to_string(&document).expect("text"),
        &[(
            "$.tables.review_policy[0].max_price_age_hours",
            ErrorCode::InvalidValue,
        )],
    );
}

#[test]
fn a_version_1_export_without_networks_and_contract_terms_still_imports() {
    let source = tempfile::tempdir().expect("temp dir");
    let mut document: Value =
        serde_json::from_str(&export_of(&filled(source.path()))).expect("JSON");
    document["format_version"] = json!(1);
    let tables = document["tables"].as_object_mut().expect("tables");
    tables.remove("networks");
    tables.remove("contract_terms");
    let target = tempfile::tempdir().expect("temp dir");
    let restored = app(target.path());
    restored
        .import_json(&serde_json::to_string(&document).expect("text"))
        .expect("a version-1 file imports");
    assert_eq!(restored.list_sales().expect("sales").len(), 2);
    assert!(
        restored
            .networks()
            .expect("networks")
            .iter()
            .all(|n| !n.configured)
    );

    // A version-2 file must have them.
    document["format_version"] = json!(2);
    assert_refused(
        &serde_json::to_string(&document).expect("text"),
        &[
            ("$.tables.networks", ErrorCode::Required),
            ("$.tables.contract_terms", ErrorCode::Required),
        ],
    );
}

#[test]
fn an_empty_data_folder_exports_exactly_these_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut expected = String::from(
        "{\n  \"format\": \"saleguard-export\",\n  \"format_version\": 11,\n  \"tables\": {\n",
    );
    let mut names = DATA_TABLES.to_vec();
    names.sort_unstable();
    let lines: Vec<String> = names
        .iter()
        .map(|name| format!("    \"{name}\": []"))
        .collect();
    expected.push_str(&lines.join(",\n"));
    expected.push_str("\n  }\n}\n");
    assert_eq!(export_of(&app(dir.path())), expected);
}

/// A fresh data folder, a broken document, and the problems it must report; the
/// folder stays empty.
fn assert_refused(document: &str, expected: &[(&str, ErrorCode)]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    let empty = export_of(&app);
    let error = app.import_json(document).expect_err("refused");
    assert_eq!(error.code, ErrorCode::ImportRefused, "{}", error.message);
    assert_eq!(refused(&error), expected, "{}", error.message);
    assert!(
        error.message.starts_with("nothing was imported"),
        "{}",
        error.message
    );
    assert_eq!(export_of(&app), empty, "nothing changed");
}

#[test]
fn broken_files_are_refused_with_every_problem_at_its_json_path() {
    let source = tempfile::tempdir().expect("temp dir");
    let good = export_of(&filled(source.path()));
    let document: Value = serde_json::from_str(&good).expect("JSON");
    let edited = |change: &dyn Fn(&mut Value)| {
        let mut copy = document.clone();
        change(&mut copy);
        serde_json::to_string(&copy).expect("text")
    };

    assert_refused("", &[("$", ErrorCode::InvalidJson)]);
    assert_refused(&good[..good.len() / 2], &[("$", ErrorCode::InvalidJson)]);
    assert_refused(
        "{\"format\": 'single quotes'}",
        &[("$", ErrorCode::InvalidJson)],
    );
    assert_refused("[1, 2]", &[("$", ErrorCode::InvalidJson)]);
    assert_refused(
        &edited(&|d| d["format_version"] = json!(12)),
        &[("$.format_version", ErrorCode::UnsupportedFormat)],
    );
    assert_refused(
        &edited(&|d| {
            d["format"] = json!("other-app");
            d.as_object_mut().expect("object").remove("format_version");
            d["exported_by"] = json!("me");
        }),
        &[
            ("$.format", ErrorCode::UnsupportedFormat),
            ("$.format_version", ErrorCode::Required),
            ("$.exported_by", ErrorCode::InvalidValue),
        ],
    );
    assert_refused(
        &edited(&|d| {
            let tables = d["tables"].as_object_mut().expect("tables");
            tables.remove("prices");
            tables.insert("wallets".into(), json!([]));
        }),
        &[
            ("$.tables.wallets", ErrorCode::InvalidValue),
            ("$.tables.prices", ErrorCode::Required),
        ],
    );
    // Types, missing and unknown columns, all reported together.
    assert_refused(
        &edited(&|d| {
            d["tables"]["sales"][0]["chain_id"] = json!("1");
            d["tables"]["sales"][1]["project_name"] = json!(null);
            d["tables"]["prices"][0]["observed_at"] = json!(1.5);
            d["tables"]["contacts"][0]
                .as_object_mut()
                .expect("row")
                .remove("note");
            d["tables"]["contacts"][0]["nickname"] = json!("x");
            d["tables"]["budgets"] = json!({});
        }),
        &[
            ("$.tables.sales[0].chain_id", ErrorCode::InvalidValue),
            ("$.tables.sales[1].project_name", ErrorCode::InvalidValue),
            ("$.tables.budgets", ErrorCode::InvalidValue),
            ("$.tables.prices[0].observed_at", ErrorCode::InvalidValue),
            ("$.tables.contacts[0].note", ErrorCode::Required),
            ("$.tables.contacts[0].nickname", ErrorCode::InvalidValue),
        ],
    );
    // Duplicate ids and references to rows that are not there.
    assert_refused(
        &edited(&|d| {
            let second = d["tables"]["sales"][1].clone();
            d["tables"]["sales"][0]["id"] = second["id"].clone();
            d["tables"]["participations"][0]["sale_id"] = json!(99);
        }),
        &[
            ("$.tables.sales[1]", ErrorCode::DuplicateId),
            (
                "$.tables.participations[0].sale_id",
                ErrorCode::UnknownReference,
            ),
            ("$.tables.research[0].sale_id", ErrorCode::UnknownReference),
            (
                "$.tables.whitepaper_fingerprints[0].sale_id",
                ErrorCode::UnknownReference,
            ),
            (
                "$.tables.official_addresses[0].sale_id",
                ErrorCode::UnknownReference,
            ),
            (
                "$.tables.review_overrides[0].sale_id",
                ErrorCode::UnknownReference,
            ),
            (
                "$.tables.contract_terms[0].sale_id",
                ErrorCode::UnknownReference,
            ),
            (
                "$.tables.sale_actions[0].sale_id",
                ErrorCode::UnknownReference,
            ),
            (
                "$.tables.sale_actions[1].sale_id",
                ErrorCode::UnknownReference,
            ),
        ],
    );
    // Rows the database's own rules refuse.
    assert_refused(
        &edited(&|d| {
            d["tables"]["contacts"][0]["label"] = json!("");
            d["tables"]["prices"][0]["asset"] = json!("");
        }),
        &[
            ("$.tables.prices[0]", ErrorCode::InvalidValue),
            ("$.tables.contacts[0]", ErrorCode::InvalidValue),
        ],
    );
    // A value the app cannot read, though SQLite accepts it.
    assert_refused(
        &edited(&|d| d["tables"]["budgets"][0]["total"] = json!("lots")),
        &[("$.tables.budgets", ErrorCode::InvalidValue)],
    );
    assert_refused(
        &edited(&|d| d["tables"]["review_overrides"][0]["findings"] = json!("{}")),
        &[("$.tables.review_overrides", ErrorCode::InvalidValue)],
    );
    // Addresses as Saleguard writes them, and no hidden characters in any text.
    assert_refused(
        &edited(&|d| {
            d["tables"]["contacts"][0]["address"] = json!(
                d["tables"]["contacts"][0]["address"]
                    .as_str()
                    .expect("address")
                    .to_lowercase()
            );
            d["tables"]["contacts"][0]["note"] = json!("pay \u{202E}here");
            d["tables"]["sales"][0]["contribution_address"] =
                json!("0x0000000000000000000000000000000000000000");
        }),
        &[
            (
                "$.tables.sales[0].contribution_address",
                ErrorCode::InvalidAddress,
            ),
            ("$.tables.contacts[0].address", ErrorCode::InvalidAddress),
            ("$.tables.contacts[0].note", ErrorCode::InvalidText),
        ],
    );
}

#[test]
fn an_import_never_merges_into_data_and_reads_files_with_care() {
    let source = tempfile::tempdir().expect("temp dir");
    let good = export_of(&filled(source.path()));

    let dir = tempfile::tempdir().expect("temp dir");
    let app = app(dir.path());
    app.add_contact(&ContactInput {
        label: "Mine".into(),
        address: OWN.into(),
        note: String::new(),
    })
    .expect("contact");
    let before = export_of(&app);
    let error = app.import_json(&good).expect_err("not empty");
    assert_eq!(error.code, ErrorCode::DataNotEmpty);
    assert!(error.message.contains("contacts (1)"), "{}", error.message);
    assert_eq!(export_of(&app), before);

    // A byte-order mark is fine; a file that is not UTF-8 or not there is not.
    let fresh = tempfile::tempdir().expect("temp dir");
    let restored = common::app(fresh.path());
    restored
        .import_json(&format!("\u{feff}{good}"))
        .expect("with a BOM");
    assert_eq!(export_of(&restored), good);

    let latin1 = dir.path().join("latin1.json");
    std::fs::write(&latin1, b"{\"format\": \"caf\xe9\"}").expect("write");
    let error = app.import_from(&latin1).expect_err("not UTF-8");
    assert_eq!(refused(&error), vec![("$", ErrorCode::InvalidJson)]);
    let missing = app
        .import_from(&dir.path().join("nope.json"))
        .expect_err("missing");
    assert_eq!(missing.code, ErrorCode::FileUnreadable);
}

#[test]
fn an_export_into_a_folder_never_overwrites_an_earlier_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = filled(&dir.path().join("data"));
    let folder = dir.path().join("Downloads");
    std::fs::create_dir(&folder).expect("folder");
    let first = app.export_into(&folder).expect("first");
    let second = app.export_into(&folder).expect("second");
    assert_eq!(
        (first.path.as_str(), second.path.as_str()),
        (
            folder
                .join("saleguard-export-2026-12-05.json")
                .to_str()
                .expect("path"),
            folder
                .join("saleguard-export-2026-12-05-2.json")
                .to_str()
                .expect("path"),
        )
    );
    assert_eq!(
        std::fs::read_to_string(&second.path).expect("read"),
        export_of(&app)
    );
    assert_eq!(
        usize::try_from(first.bytes).expect("size"),
        export_of(&app).len()
    );
    let unwritable = app
        .export_into(&dir.path().join("missing-folder"))
        .expect_err("no folder");
    assert_eq!(unwritable.code, ErrorCode::FileNotWritten);
}

/// A data folder for one import: in memory-backed `/dev/shm` where there is one, since
/// the generated cases below open hundreds of real database files.
fn scratch_folder() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir() {
        tempfile::tempdir_in(shm).expect("temp dir")
    } else {
        tempfile::tempdir().expect("temp dir")
    }
}

/// What a user reads after an import, each of which must answer: the lists, every
/// sale's and participation's page, the portfolio, the exports.
fn every_read_answers(app: &Saleguard) -> Result<(), String> {
    fn ok<T>(what: &str, result: Result<T, AppError>) -> Result<T, String> {
        result.map_err(|error| format!("{what}: {:?} {}", error.code, error.message))
    }
    for sale in ok("sale list", app.list_sales())? {
        ok("sale show", app.sale(sale.id))?;
        ok("sale edit", app.sale_draft(sale.id))?;
        ok("action list", app.sale_actions(sale.id))?;
        ok("research show", app.research(sale.id))?;
        ok("terms show", app.contract_terms(sale.id))?;
    }
    for participation in ok("participation list", app.list_participations())? {
        ok("participation show", app.participation(participation.id))?;
        ok("tx list", app.transactions_of(participation.id))?;
    }
    ok("account list", app.list_accounts())?;
    ok(
        "trade list",
        app.trades(&TradeQuery::default(), PageInput::FIRST),
    )?;
    ok(
        "price list",
        app.prices(&PriceQuery::default(), PageInput::FIRST),
    )?;
    ok("price sources", app.price_sources())?;
    ok("portfolio", app.portfolio())?;
    ok("portfolio charts", app.portfolio_charts())?;
    ok("budget list", app.budgets())?;
    ok("contact list", app.contacts())?;
    ok("network list", app.networks())?;
    ok("settings", app.settings())?;
    ok("override list", app.review_overrides(None))?;
    ok("policy show", app.review_policy())?;
    ok(
        "calendar",
        app.calendar_between("1970-01-01 00:00", "9999-12-31 00:00"),
    )?;
    ok("csv export", app.export_csv(CsvExportKind::Transactions))?;
    ok(
        "csv export holdings",
        app.export_csv(CsvExportKind::Holdings),
    )?;
    ok("export", app.export_json())?;
    Ok(())
}

/// One way to break a cell, from what the export's JSON Schema says of its column.
fn broken_cells(property: &Value) -> Vec<(&'static str, Option<Value>)> {
    let types: Vec<&str> = match &property["type"] {
        Value::String(kind) => vec![kind.as_str()],
        Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mut cases = vec![("missing", None), ("null", Some(Value::Null))];
    if types.contains(&"integer") {
        cases.extend([
            ("wrong type", Some(json!("12"))),
            ("fraction", Some(json!(1.5))),
            ("negative", Some(json!(-1))),
            ("zero", Some(json!(0))),
            ("huge", Some(json!(i64::MAX))),
            ("past i64", Some(json!(u64::MAX))),
        ]);
    }
    if types.contains(&"string") {
        cases.extend([
            ("wrong type", Some(json!(12))),
            ("empty", Some(json!(""))),
            ("80 digits", Some(json!("9".repeat(80)))),
            ("negative", Some(json!("-1"))),
            ("signed", Some(json!("+1"))),
            ("padded", Some(json!(" 1"))),
            ("decimal", Some(json!("1.5"))),
            ("repeated list", Some(json!("csv,csv"))),
            ("JSON of another shape", Some(json!("{\"a\":[1]}"))),
        ]);
    }
    cases
}

/// Every field of every table broken in every way its schema allows (wrong type, out
/// of range, too long, duplicated, missing): each file is refused whole, or everything
/// it brought in can be read.
#[test]
fn every_field_broken_as_the_schema_allows_is_refused_or_readable() {
    let source = tempfile::tempdir().expect("temp dir");
    let original = filled(source.path());
    let document: Value = serde_json::from_str(&export_of(&original)).expect("JSON");
    let schema = original.export_schema().expect("schema");
    let tables = schema["properties"]["tables"]["properties"]
        .as_object()
        .expect("tables")
        .clone();

    let mut folder = scratch_folder();
    let mut target = app(folder.path());
    let empty = export_of(&target);
    let (mut refused, mut accepted) = (0, 0);
    let mut try_import = |case: String, edited: Value, must_refuse: bool| {
        let text = serde_json::to_string(&edited).expect("text");
        match target.import_json(&text) {
            Err(error) => {
                assert_eq!(
                    error.code,
                    ErrorCode::ImportRefused,
                    "{case}: {}",
                    error.message
                );
                assert!(!error.invalid_fields.is_empty(), "{case}: says where");
                assert_eq!(
                    export_of(&target),
                    empty,
                    "{case}: a refusal changes nothing"
                );
                refused += 1;
            }
            Ok(_) => {
                assert!(!must_refuse, "{case}: accepted");
                if let Err(failed) = every_read_answers(&target) {
                    panic!("{case}: imported, then {failed}");
                }
                accepted += 1;
                folder = scratch_folder();
                target = app(folder.path());
            }
        }
    };

    for (table, spec) in &tables {
        let Some(rows) = document["tables"][table].as_array() else {
            continue;
        };
        if rows.is_empty() {
            continue;
        }
        let mut duplicated = document.clone();
        duplicated["tables"][table]
            .as_array_mut()
            .expect("rows")
            .push(rows[0].clone());
        try_import(format!("{table}: a row twice"), duplicated, false);
        let properties = spec["items"]["properties"].as_object().expect("columns");
        for (column, property) in properties {
            let mut cases = broken_cells(property);
            if let Some(max) = property["maxLength"].as_u64() {
                let too_long = "a".repeat(usize::try_from(max).expect("size") + 1);
                let mut edited = document.clone();
                edited["tables"][table][0][column] = json!(too_long);
                try_import(
                    format!("{table}.{column}: {} characters", max + 1),
                    edited,
                    true,
                );
                cases.push(("at the limit", Some(json!("a".repeat(max as usize)))));
            }
            for (how, value) in cases {
                let mut edited = document.clone();
                let row = edited["tables"][table][0].as_object_mut().expect("row");
                match value {
                    Some(value) => row.insert(column.clone(), value),
                    None => row.remove(column),
                };
                try_import(format!("{table}.{column}: {how}"), edited, false);
            }
        }
    }
    // The three files that once left a folder no screen could read.
    for (table, column, value) in [
        ("trades", "happened_at", json!(-1)),
        ("trades", "amount_base_units", json!("9".repeat(80))),
    ] {
        let mut edited = document.clone();
        edited["tables"][table][0][column] = value;
        try_import(format!("{table}.{column}"), edited, false);
    }
    let mut edited = document.clone();
    for row in edited["tables"]["settings"]
        .as_array_mut()
        .expect("settings")
    {
        if row["key"] == "price_source_order" {
            row["value"] = json!("csv,csv");
        }
    }
    try_import("price_source_order csv,csv".to_owned(), edited, false);
    eprintln!("{refused} refused, {accepted} accepted");
    assert!(
        refused > 1_000 && accepted > 100,
        "{refused} refused, {accepted} accepted"
    );
}
