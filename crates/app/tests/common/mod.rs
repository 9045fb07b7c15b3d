//! A data folder filled through the use cases, shared by the review and export tests.

use std::sync::Arc;

use saleguard_app::accounts::dto::AddWatchOnly;
use saleguard_app::budgets::BudgetInput;
use saleguard_app::participations::entries::EntryInput;
use saleguard_app::participations::{MoveParticipation, ParticipationState, StartParticipation};
use saleguard_app::pricing::book::PriceInput;
use saleguard_app::research::{FactorInput, ResearchInput};
use saleguard_app::review::official_addresses::{AddressSourceInput, OfficialAddressInput};
use saleguard_app::{DataPaths, FixedClock, Saleguard, UtcTimestamp};
use saleguard_core::fixtures::native_sale_draft;
use saleguard_core::official::{AddressPurpose, SourceKind};

pub const DESIGNATED: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
pub const OWN: &str = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";

pub fn app(dir: &std::path::Path) -> Saleguard {
    let now = UtcTimestamp::parse("2026-12-05 10:00").expect("time");
    Saleguard::start(DataPaths::at(dir), Arc::new(FixedClock(now)))
}

/// The sale's contribution address on its chain, seen at `location` (`seen_at` UTC).
pub fn official_input(
    address: &str,
    kind: SourceKind,
    location: &str,
    seen_at: &str,
) -> OfficialAddressInput {
    OfficialAddressInput {
        address: address.into(),
        purpose: AddressPurpose::Contribution,
        chain_id: String::new(),
        source: AddressSourceInput {
            kind,
            location: location.into(),
            seen_at: seen_at.into(),
            note: String::new(),
        },
    }
}

pub fn budget_input() -> BudgetInput {
    BudgetInput {
        currency: "USD".into(),
        period: "year".into(),
        year: "2026".into(),
        total: "20000".into(),
        per_sale_cap: "8000".into(),
        max_share_percent: "40".into(),
        ..BudgetInput::default()
    }
}

/// A sale researched (grade A), KYC approved, its address official, a budget, a price,
/// and one earlier payment of 1 ETH from the user's account to the sale.
pub fn prepared(dir: &std::path::Path) -> (Saleguard, i64, i64) {
    let app = app(dir);
    let sale = app
        .create_sale(native_sale_draft("Aurora"))
        .expect("sale")
        .id;
    let account = app
        .add_watch_only_account(&AddWatchOnly {
            label: "Main".into(),
            address: OWN.into(),
        })
        .expect("account")
        .id;
    let factor = |name: &str| FactorInput {
        factor: name.into(),
        score: "4".into(),
        notes: String::new(),
        evidence: Vec::new(),
    };
    app.set_research(
        sale,
        &ResearchInput {
            factors: [
                "whitepaper",
                "roadmap",
                "team",
                "market_potential",
                "token_economics",
            ]
            .map(factor)
            .to_vec(),
            red_flags: Vec::new(),
            eligible_jurisdictions: String::new(),
            excluded_jurisdictions: "US".into(),
        },
    )
    .expect("research");
    app.set_residence_country("DE").expect("country");
    let participation = app
        .start_participation(&StartParticipation {
            sale_id: sale,
            state: ParticipationState::KycPending,
            happened_at: "2026-11-20 10:00".into(),
            note: String::new(),
        })
        .expect("started")
        .id;
    app.move_participation(
        participation,
        &MoveParticipation {
            to: ParticipationState::KycApproved,
            happened_at: "2026-11-22 10:00".into(),
            note: String::new(),
        },
    )
    .expect("approved");
    app.record_entry(
        participation,
        &EntryInput {
            kind: "contribution".into(),
            happened_at: "2026-12-02 10:00".into(),
            asset: "ETH".into(),
            decimals: "18".into(),
            amount: "1".into(),
            reference: String::new(),
            from: OWN.into(),
            to: DESIGNATED.into(),
            note: String::new(),
        },
    )
    .expect("earlier payment");
    app.add_official_address(
        sale,
        &official_input(
            &DESIGNATED.to_lowercase(),
            SourceKind::Website,
            "https://aurora.example/sale",
            "2026-11-15 10:00",
        ),
    )
    .expect("official");
    app.add_budget(&budget_input()).expect("budget");
    app.add_price(&PriceInput {
        asset: "ETH".into(),
        currency: "USD".into(),
        price: "3000".into(),
        observed_at: "2026-12-01 09:00".into(),
    })
    .expect("price");
    (app, sale, account)
}

/// Now, from the system clock: a chain's blocks are stamped with real time.
pub fn wall_clock_now() -> UtcTimestamp {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    UtcTimestamp::from_unix_seconds(i64::try_from(seconds).expect("fits")).expect("a time")
}

/// `whole` ETH in wei.
pub fn eth(whole: u64) -> saleguard_core::U256 {
    saleguard_core::U256::from(whole) * saleguard_core::U256::from(1_000_000_000_000_000_000u64)
}

/// A sale on the local chain as the user types it: open since yesterday, ten days to
/// go, soft cap 5 ETH, hard cap 10 ETH, no KYC, no limits per person.
pub fn chain_sale_draft(contribution_address: saleguard_core::Address) -> saleguard_app::SaleDraft {
    let yesterday =
        UtcTimestamp::from_unix_seconds(wall_clock_now().unix_seconds() - 86_400).expect("a time");
    saleguard_app::SaleDraft {
        chain_id: "31337".into(),
        contribution_address: contribution_address.to_checksum(None),
        kyc_required: false,
        min_contribution: String::new(),
        max_contribution: String::new(),
        soft_cap: "5".into(),
        hard_cap: "10".into(),
        token_symbol: "SALE".into(),
        starts_at: yesterday.to_form_text(),
        ends_at: wall_clock_now()
            .add_days(10)
            .expect("a time")
            .to_form_text(),
        ..native_sale_draft("Chain Sale")
    }
}

/// The sale made of `draft`, the local network with its node at `rpc_url` and
/// `confirmations`, and a registered participation: `(sale, participation)`.
pub fn start_on_chain(
    app: &Saleguard,
    rpc_url: &str,
    draft: saleguard_app::SaleDraft,
    confirmations: u32,
) -> (i64, i64) {
    let sale = app.create_sale(draft).expect("sale").id;
    app.save_network(&saleguard_app::chain::networks::NetworkInput {
        rpc_url: rpc_url.to_owned(),
        confirmations: confirmations.to_string(),
        ..saleguard_core::network::NETWORK_PRESETS[2].to_draft()
    })
    .expect("network");
    let participation = app
        .start_participation(&StartParticipation {
            sale_id: sale,
            state: ParticipationState::Registered,
            happened_at: String::new(),
            note: String::new(),
        })
        .expect("participation")
        .id;
    (sale, participation)
}

/// The sale's "Contribute" action calling `contribute` and its "Claim refund" action
/// calling `refund`, each `address` parameter the contributing account.
pub fn contribute_and_refund_actions(app: &Saleguard, sale: i64, contribute: &str, refund: &str) {
    for (name, purpose, signature) in [
        (
            "Contribute",
            saleguard_app::sales::ActionPurpose::Contribute,
            contribute,
        ),
        (
            "Claim refund",
            saleguard_app::sales::ActionPurpose::ClaimRefund,
            refund,
        ),
    ] {
        let arguments = signature
            .split(['(', ',', ')'])
            .filter(|part| part.trim_start().starts_with("address"))
            .map(|_| "{account}".to_owned())
            .collect();
        app.add_action(
            sale,
            &saleguard_app::sales::actions::ActionInput {
                name: name.into(),
                purpose,
                contract: String::new(),
                contract_source: String::new(),
                signature: signature.into(),
                arguments,
                claimable: String::new(),
            },
        )
        .expect("action");
    }
}

/// How the test sale contract takes contributions and refunds, with its token, and a
/// budget of 20 ETH for this year.
pub fn sale_contract_and_budget(
    app: &Saleguard,
    anvil: &saleguard_testkit::Anvil,
    sale: i64,
    sale_address: saleguard_core::Address,
) {
    let token = anvil.call_word(sale_address, "token()", None);
    let token = saleguard_core::Address::from_word(token.to_be_bytes::<32>().into());
    app.set_contract_terms(
        sale,
        &saleguard_app::sales::contract_terms::ContractTermsInput {
            token_address: token.to_checksum(None),
        },
    )
    .expect("contract terms");
    contribute_and_refund_actions(app, sale, "contribute()", "claimRefund()");
    app.add_budget(&BudgetInput {
        currency: "ETH".into(),
        period: "year".into(),
        year: wall_clock_now().to_rfc3339()[..4].to_owned(),
        total: "20".into(),
        ..BudgetInput::default()
    })
    .expect("budget");
}

/// What a contribution from a hardware wallet starts from: a sale on `anvil` (caps 5 and
/// 10 ETH, ten days to go) with its contract terms and a budget, a participation in it,
/// and the device's address holding 10 ETH: `(sale address, participation)`.
pub fn hardware_sale(
    app: &Saleguard,
    anvil: &saleguard_testkit::Anvil,
    device_address: saleguard_core::Address,
) -> (saleguard_core::Address, i64) {
    let deadline =
        u64::try_from(wall_clock_now().unix_seconds()).expect("after 1970") + 10 * 86_400;
    let sale_address = anvil.deploy_token_sale(eth(5), eth(10), deadline);
    let (sale, participation) =
        start_on_chain(app, &anvil.url(), chain_sale_draft(sale_address), 1);
    sale_contract_and_budget(app, anvil, sale, sale_address);
    anvil.rpc(
        "anvil_setBalance",
        serde_json::json!([device_address, "0x8ac7230489e80000"]),
    );
    (sale_address, participation)
}

/// Records a price: `price` units of `currency` for one `asset`, seen `at` (UTC).
pub fn add_price(app: &Saleguard, asset: &str, currency: &str, price: &str, at: &str) {
    app.add_price(&PriceInput {
        asset: asset.into(),
        currency: currency.into(),
        price: price.into(),
        observed_at: at.into(),
    })
    .expect("price");
}

/// Set in a child test process that runs inside a private keyring session.
pub const IN_KEYRING_SESSION: &str = "SALEGUARD_TEST_IN_KEYRING_SESSION";

/// Runs this test binary's ignored tests named by `filter` (`--exact` names, or a part
/// of a name such as the module's `signing::`; the binary holds every module's tests) one at a time in a child process inside `keyring`'s
/// session, and checks exactly `expected` passed. The keyring is chosen through the
/// process environment (the session bus), hence the child. A child that hangs is killed
/// after ten minutes instead of holding up the whole run.
pub fn run_ignored_in(
    keyring: &saleguard_testkit::KeyringSession,
    filter: &[&str],
    expected: usize,
) {
    let logs = tempfile::tempdir().expect("temp dir");
    let (out, err) = (logs.path().join("out"), logs.path().join("err"));
    let mut child = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["--ignored", "--test-threads=1"])
        .args(filter)
        .envs(keyring.envs())
        .env(IN_KEYRING_SESSION, "1")
        .stdout(std::fs::File::create(&out).expect("log"))
        .stderr(std::fs::File::create(&err).expect("log"))
        .spawn()
        .expect("the child tests run");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waitable") {
            break Some(status);
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let stdout = std::fs::read_to_string(&out).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err).unwrap_or_default();
    assert!(
        status.is_some_and(|s| s.success()) && stdout.contains(&format!("{expected} passed")),
        "{}{stdout}{stderr}",
        if status.is_none() {
            "timed out after 10 minutes\n"
        } else {
            ""
        }
    );
}

/// Refuses to run a scenario outside the keyring session `parent` starts.
pub fn require_keyring_session(parent: &str) {
    assert!(
        std::env::var_os(IN_KEYRING_SESSION).is_some(),
        "run through {parent}"
    );
}

/// A participation's whole ledger, oldest first, as `list_entries` reads it page by page.
pub fn entries_of(
    app: &Saleguard,
    participation: i64,
) -> Vec<saleguard_app::participations::entries::EntryView> {
    use saleguard_app::participations::entries::EntryQuery;
    let mut entries = Vec::new();
    app.each_entry(participation, &EntryQuery::LEDGER, |entry| {
        entries.push(entry);
        Ok(())
    })
    .expect("entries");
    entries
}
