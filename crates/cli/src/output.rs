//! How results and errors are written: text for people, JSON for scripts.

use saleguard_app::accounts::dto::{Account, AccountKind, NewMnemonic, RevealedSecret};
use saleguard_app::accounts::hardware::{DeviceState, HardwareAddressView, HardwareDeviceView};
use saleguard_app::budgets::BudgetView;
use saleguard_app::chain::networks::{NetworkCheck, NetworkView};
use saleguard_app::chain::plans::TransactionPlan;
use saleguard_app::chain::transactions::{TransactionView, TxProgress};
use saleguard_app::dto::Amount;
use saleguard_app::io::export::{ExportSummary, ImportSummary, TableCount};
use saleguard_app::io::price_history::PriceHistoryPreview;
use saleguard_app::participations::Participation;
use saleguard_app::participations::calendar::{CalendarEvent, CalendarEventKind};
use saleguard_app::participations::kyc::KycStatus;
use saleguard_app::pricing::{PriceRefresh, PriceSource, PriceSourcesView, PriceView};
use saleguard_app::research::{SaleResearch, Settings};
use saleguard_app::review::ContactView;
use saleguard_app::review::{OfficialAddressView, OverrideView, PolicyInput, ReviewView, Verdict};
use saleguard_app::sales::contract_terms::ContractTermsInput;
use saleguard_app::sales::{Pricing, PricingUnit, Sale};
use saleguard_app::{AppError, ErrorCode, FieldError};
use serde::Serialize;

/// Writes a line to standard output. A closed pipe (`saleguard sale list | head -1`)
/// is not an error worth a panic: the reader has what it wanted.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

pub struct Output {
    pub json: bool,
}

impl Output {
    pub fn sales(&self, sales: &[Sale]) {
        if self.json {
            return print_json(&sales);
        }
        if sales.is_empty() {
            out!("No sales yet. Add one with: saleguard sale add --help");
            return;
        }
        let rows: Vec<Vec<String>> = sales
            .iter()
            .map(|s| {
                [
                    s.id.to_string(),
                    s.project_name.clone(),
                    s.token_symbol.clone(),
                    s.chain_id.to_string(),
                    format!("{:?}", s.status).to_lowercase(),
                    s.starts_at.clone(),
                    s.hard_cap
                        .as_ref()
                        .map(amount)
                        .unwrap_or_else(|| "—".to_owned()),
                ]
                .into()
            })
            .collect();
        print_table(
            &[
                "ID",
                "PROJECT",
                "TOKEN",
                "CHAIN",
                "STATUS",
                "STARTS (UTC)",
                "HARD CAP",
            ],
            &rows,
            &[0, 3, 6],
        );
    }

    pub fn sale(&self, sale: &Sale, verb: &str) {
        if self.json {
            return print_json(sale);
        }
        if !verb.is_empty() {
            out!("{verb} sale {}.", sale.id);
        }
        let optional = |value: &Option<Amount>| {
            value
                .as_ref()
                .map(amount)
                .unwrap_or_else(|| "not set".to_owned())
        };
        let currency = match &sale.currency.address {
            None => format!("{} (native coin)", sale.currency.symbol),
            Some(address) => format!(
                "{} (ERC-20 {address}, {} decimals)",
                sale.currency.symbol, sale.currency.decimals
            ),
        };
        let rows = [
            ("Project", sale.project_name.clone()),
            (
                "Token",
                format!("{} ({} decimals)", sale.token_symbol, sale.token_decimals),
            ),
            ("Chain id", sale.chain_id.to_string()),
            ("Status", format!("{:?}", sale.status).to_lowercase()),
            ("Contribution address", sale.contribution_address.clone()),
            ("Accepted currency", currency),
            (
                "Pricing",
                sale.pricing
                    .as_ref()
                    .map(pricing)
                    .unwrap_or_else(|| "not set".to_owned()),
            ),
            ("Soft cap", optional(&sale.soft_cap)),
            ("Hard cap", optional(&sale.hard_cap)),
            ("Minimum contribution", optional(&sale.min_contribution)),
            ("Maximum contribution", optional(&sale.max_contribution)),
            ("Starts (UTC)", sale.starts_at.clone()),
            ("Ends (UTC)", sale.ends_at.clone()),
            (
                "KYC required",
                if sale.kyc_required { "yes" } else { "no" }.to_owned(),
            ),
            (
                "Whitepaper",
                sale.whitepaper_url
                    .clone()
                    .unwrap_or_else(|| "not set".to_owned()),
            ),
            ("Notes", sale.notes.clone()),
            (
                "Archived (UTC)",
                sale.archived_at.clone().unwrap_or_else(|| "no".to_owned()),
            ),
        ];
        out!("Sale {}", sale.id);
        for (label, value) in rows {
            out!("  {label:<22}{value}");
        }
    }

    pub fn accounts(&self, accounts: &[Account]) {
        if self.json {
            return print_json(&accounts);
        }
        if accounts.is_empty() {
            out!("No accounts yet. Create one with: saleguard account new --label NAME");
            return;
        }
        let rows: Vec<Vec<String>> = accounts
            .iter()
            .map(|a| {
                vec![
                    a.id.to_string(),
                    a.label.clone(),
                    kind_words(a.kind).to_owned(),
                    a.address.clone(),
                    a.derivation_path.clone().unwrap_or_else(|| "—".to_owned()),
                ]
            })
            .collect();
        print_table(&["ID", "NAME", "KIND", "ADDRESS", "PATH"], &rows, &[0]);
    }

    pub fn account(&self, account: &Account, verb: &str) {
        if self.json {
            return print_json(account);
        }
        if !verb.is_empty() {
            out!("{verb} account {}.", account.id);
        }
        for (label, value) in [
            ("Name", account.label.clone()),
            ("Address", account.address.clone()),
            ("Kind", kind_words(account.kind).to_owned()),
            (
                "Derivation path",
                account
                    .derivation_path
                    .clone()
                    .unwrap_or_else(|| "—".to_owned()),
            ),
            (
                "Secret",
                if account.has_secret {
                    "in the OS keyring"
                } else {
                    "none"
                }
                .to_owned(),
            ),
            ("Added (UTC)", account.created_at.clone()),
        ] {
            out!("  {label:<22}{value}");
        }
    }

    /// The one showing of a new recovery phrase.
    pub fn new_phrase(&self, new: &NewMnemonic) {
        if self.json {
            print_json(new);
        } else {
            out!(
                "Your new recovery phrase. Write the 24 words down on paper, in order, and keep them safe."
            );
            out!("Anyone with these words controls the account; Saleguard shows them only now.");
            out!("");
            for (row, chunk) in new.words.chunks(4).enumerate() {
                let cells: Vec<String> = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, word)| format!("{:>2}. {word:<10}", row * 4 + i + 1))
                    .collect();
                out!("  {}", cells.join("  ").trim_end());
            }
            out!("");
            out!("Address: {}  ({})", new.address, new.derivation_path);
            out!("To confirm, enter the words asked for below.");
        }
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
    }

    pub fn revealed(&self, secret: &RevealedSecret) {
        if self.json {
            return print_json(secret);
        }
        match secret {
            RevealedSecret::Mnemonic {
                words,
                has_passphrase,
                derivation_path,
            } => {
                out!("{}", words.join(" "));
                out!("Derivation path: {derivation_path}");
                if *has_passphrase {
                    out!("This account also uses a BIP-39 passphrase (not shown).");
                }
            }
            RevealedSecret::PrivateKey { private_key } => out!("{private_key}"),
        }
    }

    pub fn account_removed(&self, account: &Account) {
        if self.json {
            return print_json(&serde_json::json!({ "removed": account.id }));
        }
        out!("Removed account {} ({}).", account.id, account.label);
    }

    pub fn participations(&self, participations: &[Participation]) {
        if self.json {
            return print_json(&participations);
        }
        if participations.is_empty() {
            out!("No participations yet. Start one with: saleguard participation start --sale ID");
            return;
        }
        let rows: Vec<Vec<String>> = participations
            .iter()
            .map(|p| {
                let since = p
                    .history
                    .last()
                    .map(|s| s.happened_at.clone())
                    .unwrap_or_default();
                vec![
                    p.id.to_string(),
                    p.project_name.clone(),
                    p.token_symbol.clone(),
                    p.state.as_str().to_owned(),
                    since,
                ]
            })
            .collect();
        print_table(
            &["ID", "PROJECT", "TOKEN", "STATE", "SINCE (UTC)"],
            &rows,
            &[0],
        );
    }

    pub fn participation(&self, participation: &Participation, verb: &str) {
        if self.json {
            return print_json(participation);
        }
        if !verb.is_empty() {
            out!("{verb} participation {}.", participation.id);
        }
        out!(
            "  {:<22}{} ({}), sale {}",
            "Project",
            participation.project_name,
            participation.token_symbol,
            participation.sale_id
        );
        out!("  {:<22}{}", "State", participation.state.as_str());
        let next: Vec<&str> = participation
            .next_states
            .iter()
            .map(|s| s.as_str())
            .collect();
        out!(
            "  {:<22}{}",
            "Next",
            if next.is_empty() {
                "— (final)".to_owned()
            } else {
                next.join(", ")
            }
        );
        let kyc = &participation.kyc;
        if kyc.required || kyc.status != KycStatus::NotStarted || !kyc.details.provider.is_empty() {
            let mut line = kyc.status.as_str().replace('_', " ");
            for (label, value) in [
                ("provider", &kyc.details.provider),
                ("submitted", &kyc.details.submitted_at),
                ("reference", &kyc.details.reference),
            ] {
                if !value.is_empty() {
                    line.push_str(&format!(", {label} {value}"));
                }
            }
            out!("  {:<22}{line}", "KYC");
        }
        if let Some(deadline) = &participation.refund_deadline {
            out!("  {:<22}{deadline}", "Refund deadline");
        }
        if let Some(vesting) = &participation.vesting {
            out!(
                "  {:<22}{} unlocked of {}",
                "Vesting",
                amount(&vesting.unlocked_now),
                amount(&vesting.total)
            );
            if let Some(next) = &vesting.next_unlock {
                out!(
                    "  {:<22}{} on {}",
                    "Next unlock",
                    amount(&next.amount),
                    next.at
                );
            }
        }
        if !participation.entries.is_empty() {
            out!("  Ledger (UTC):");
            for entry in &participation.entries {
                let parties = match (entry.from.is_empty(), entry.to.is_empty()) {
                    (true, true) => String::new(),
                    _ => format!("  {} \u{2192} {}", entry.from, entry.to),
                };
                out!(
                    "    {}  {} {}{parties}",
                    entry.happened_at,
                    entry.kind,
                    amount(&entry.amount)
                );
            }
        }
        out!("  History (UTC):");
        for step in &participation.history {
            let from = step.from.map_or("start", |s| s.as_str());
            let note = if step.note.is_empty() {
                String::new()
            } else {
                format!("  \u{2014} {}", step.note.replace('\n', " / "))
            };
            out!(
                "    {}  {from} \u{2192} {}{note}",
                step.happened_at,
                step.to.as_str()
            );
        }
    }

    pub fn calendar(&self, events: &[CalendarEvent]) {
        if self.json {
            return print_json(&events);
        }
        if events.is_empty() {
            out!("Nothing in this period.");
            return;
        }
        let rows: Vec<Vec<String>> = events
            .iter()
            .map(|e| {
                let what = match e.kind {
                    CalendarEventKind::SaleOpens => "sale opens".to_owned(),
                    CalendarEventKind::SaleCloses => "sale closes".to_owned(),
                    CalendarEventKind::Unlock => format!(
                        "unlock of {}",
                        e.amount.as_ref().map(amount).unwrap_or_default()
                    ),
                    CalendarEventKind::RefundDeadline => "refund deadline".to_owned(),
                };
                vec![e.at.clone(), e.project_name.clone(), what]
            })
            .collect();
        print_table(&["WHEN (UTC)", "PROJECT", "EVENT"], &rows, &[]);
    }

    pub fn research(&self, research: &SaleResearch, verb: &str) {
        if self.json {
            return print_json(research);
        }
        if !verb.is_empty() {
            out!(
                "{verb} sale {} ({}).",
                research.sale_id,
                research.project_name
            );
        }
        let grade = match (&research.grade.letter, research.grade.points) {
            (Some(letter), Some(points)) => format!("{letter} ({points} points of 100)"),
            _ => format!(
                "none yet: {} of the {} factors needed are scored",
                research.grade.scored, research.grade.needed
            ),
        };
        out!("  {:<22}{grade}", "Grade");
        let raised: Vec<&str> = research
            .red_flags
            .iter()
            .filter(|f| f.raised)
            .map(|f| f.flag.as_str())
            .collect();
        out!(
            "  {:<22}{}",
            "Red flags",
            if raised.is_empty() {
                "none raised".to_owned()
            } else {
                raised.join(", ")
            }
        );
        let codes = |countries: &[saleguard_app::research::Country]| {
            if countries.is_empty() {
                "—".to_owned()
            } else {
                countries
                    .iter()
                    .map(|c| c.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        out!(
            "  {:<22}{}",
            "Eligible",
            codes(&research.eligible_jurisdictions)
        );
        out!(
            "  {:<22}{}",
            "Excluded",
            codes(&research.excluded_jurisdictions)
        );
        out!(
            "  {:<22}[{}] {}",
            "Where you live",
            research.jurisdiction.severity.as_str(),
            research.jurisdiction.message
        );
        let rows: Vec<Vec<String>> = research
            .factors
            .iter()
            .map(|f| {
                vec![
                    f.factor.clone(),
                    f.score
                        .map(|s| format!("{s}/{}", research.grade.max_score))
                        .unwrap_or_else(|| "—".to_owned()),
                    f.evidence.len().to_string(),
                    f.notes
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .chars()
                        .take(60)
                        .collect(),
                ]
            })
            .collect();
        print_table(&["FACTOR", "SCORE", "LINKS", "NOTES"], &rows, &[1, 2]);
        for paper in &research.whitepapers {
            out!(
                "  Whitepaper {}  {} ({} bytes), {}",
                paper.sha256,
                paper.file_name,
                paper.byte_count,
                paper.recorded_at
            );
        }
        if research.whitepaper_changed {
            out!("  The whitepaper changed since you first fingerprinted it.");
        }
    }

    pub fn review(&self, review: &ReviewView) {
        if self.json {
            return print_json(review);
        }
        let verdict = match review.verdict {
            Verdict::Clear => "clear: nothing stands in the way",
            Verdict::Warnings => "warnings: read them before signing",
            Verdict::Blocked => "blocked: this contribution cannot be signed as it is",
        };
        out!("Review ({}): {verdict}", review.reviewed_at);
        for finding in &review.findings {
            let overridable = if finding.severity.as_str() == "block" && !finding.overridable {
                " (cannot be overridden)"
            } else {
                ""
            };
            out!(
                "  [{}] {}{overridable}: {}",
                finding.severity.as_str(),
                finding.code,
                finding.message
            );
        }
        if let Some(budget) = &review.budget {
            let share = |value: &Option<String>| value.clone().unwrap_or_else(|| "?".to_owned());
            out!(
                "  Budget {}: this is {} {} ({} % of {} {}); {} % left after it.",
                budget.period,
                budget.value,
                budget.currency,
                share(&budget.uses_percent),
                budget.total,
                budget.currency,
                share(&budget.left_after_percent)
            );
        }
    }

    pub fn networks(&self, networks: &[NetworkView]) {
        if self.json {
            return print_json(&networks);
        }
        let rows: Vec<Vec<String>> = networks
            .iter()
            .map(|n| {
                vec![
                    n.chain_id.to_string(),
                    n.name.clone(),
                    n.native_symbol.clone(),
                    n.rpc_host
                        .clone()
                        .unwrap_or_else(|| "— (no node yet)".to_owned()),
                    n.confirmations.to_string(),
                    if n.configured { "saved" } else { "preset" }.to_owned(),
                ]
            })
            .collect();
        print_table(
            &["CHAIN", "NAME", "COIN", "NODE", "CONFIRMATIONS", ""],
            &rows,
            &[0, 4],
        );
    }

    pub fn network_check(&self, check: &NetworkCheck) {
        if self.json {
            return print_json(check);
        }
        out!(
            "{} serves chain {}; latest block {}.",
            check.rpc_host,
            check.chain_id,
            check.latest_block
        );
    }

    pub fn hardware_devices(&self, devices: &[HardwareDeviceView]) {
        if self.json {
            return print_json(&devices);
        }
        if devices.is_empty() {
            out!(
                "No hardware wallet found: connect your Ledger (unlocked, Ethereum app open) or your Trezor."
            );
            return;
        }
        let rows: Vec<Vec<String>> = devices
            .iter()
            .map(|d| {
                let state = match d.state {
                    DeviceState::Ready if d.app_version.is_some() => format!(
                        "ready: Ethereum app {}, blind signing {}",
                        d.app_version.as_deref().unwrap_or("?"),
                        if d.blind_signing == Some(true) {
                            "on"
                        } else {
                            "off"
                        }
                    ),
                    DeviceState::Ready => {
                        format!("ready: firmware {}", d.firmware.as_deref().unwrap_or("?"))
                    }
                    _ => d.message.clone(),
                };
                let device = match (&d.model, &d.label) {
                    (Some(model), Some(label)) => format!("{model} \"{label}\""),
                    (Some(model), None) => model.clone(),
                    _ => String::new(),
                };
                vec![d.wallet.clone(), d.connection.clone(), device, state]
            })
            .collect();
        print_table(&["WALLET", "CONNECTION", "DEVICE", "STATE"], &rows, &[]);
    }

    pub fn hardware_addresses(&self, addresses: &[HardwareAddressView]) {
        if self.json {
            return print_json(&addresses);
        }
        let rows: Vec<Vec<String>> = addresses
            .iter()
            .map(|a| {
                let balances: Vec<String> = a
                    .balances
                    .iter()
                    .map(|b| match &b.balance {
                        Some(balance) => format!("{balance} ({})", b.network),
                        None => format!("? ({}: no answer)", b.network),
                    })
                    .collect();
                vec![
                    a.index.to_string(),
                    a.path.clone(),
                    a.address.clone(),
                    balances.join(", "),
                    a.account_id
                        .map(|id| format!("account {id}"))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        print_table(&["INDEX", "PATH", "ADDRESS", "BALANCE", ""], &rows, &[0]);
    }

    pub fn verified_address(&self, address: &str) {
        if self.json {
            return print_json(
                &serde_json::json!({ "address": address, "confirmed_on_device": true }),
            );
        }
        out!("{address}: confirmed on the device.");
    }

    pub fn contract_terms(&self, sale: i64, terms: &ContractTermsInput, verb: &str) {
        if self.json {
            return print_json(terms);
        }
        if !verb.is_empty() {
            out!("{verb}.");
        }
        let or = |value: &str, otherwise: &str| {
            if value.is_empty() {
                otherwise.to_owned()
            } else {
                value.to_owned()
            }
        };
        out!("Sale {sale} on chain:");
        out!(
            "  contribution: {}",
            or(
                &terms.contribution_call,
                "a plain transfer (an ERC-20 transfer for a token sale)"
            )
        );
        out!(
            "  refund:       {}",
            or(&terms.refund_call, "none on chain")
        );
        out!("  token:        {}", or(&terms.token_address, "not known"));
    }

    pub fn transaction_plan(&self, plan: &TransactionPlan) {
        if self.json {
            return print_json(plan);
        }
        self.review(&plan.review);
        let tx = &plan.transaction;
        out!("Unsigned transaction (nothing is signed or sent yet):");
        out!("  network:      {} (chain {})", tx.network, tx.chain_id);
        out!("  from:         {}", tx.from);
        out!("  to:           {}", tx.to);
        if tx.to != tx.sale_address {
            out!("  sale:         {}", tx.sale_address);
        }
        out!("  contribution: {}", tx.amount);
        out!("  value:        {} ({} wei)", tx.value, tx.value_wei);
        out!(
            "  call:         {}",
            tx.decoded_call
                .as_deref()
                .unwrap_or("none (a plain transfer)")
        );
        out!("  data:         {}", tx.data);
        out!("  nonce:        {}", tx.nonce);
        out!("  gas limit:    {}", tx.gas_limit);
        out!(
            "  fees:         at most {} ({} wei per gas, tip {})",
            tx.max_fee,
            tx.max_fee_per_gas,
            tx.max_priority_fee_per_gas
        );
        out!("  signing hash: {}", tx.signing_hash);
        out!("  unsigned:     {}", tx.unsigned);
        if let Some(prompt) = &tx.device_prompt {
            out!(
                "Your {} will show (compare before you confirm):",
                prompt.wallet
            );
            for screen in &prompt.screens {
                out!("  {:<17} {}", format!("{}:", screen.label), screen.value);
            }
            if prompt.blind_signing {
                out!(
                    "  It cannot decode this call: blind signing must be on in the Ethereum app's settings."
                );
            }
            if prompt.shows_raw_data {
                out!(
                    "  It cannot decode this call and shows its raw data: compare every byte with the data above."
                );
            }
        }
    }

    /// A line about what happens, for people (standard error; nothing in JSON mode).
    pub fn note(&self, text: &str) {
        if !self.json {
            eprintln!("{text}");
        }
    }

    /// One step of a submission or a watch, as it happens (standard error).
    pub fn progress(&self, step: &TxProgress) {
        let text = match step {
            TxProgress::Reviewing => "Checking the review again…".to_owned(),
            TxProgress::LoadingKey => "Reading the key from the keyring…".to_owned(),
            TxProgress::ConnectingDevice => "Connecting to the device…".to_owned(),
            TxProgress::WaitingForPin => "Enter your PIN on the device…".to_owned(),
            TxProgress::WaitingForConfirmation => {
                "Check the transaction on the device's screen and confirm it there…".to_owned()
            }
            TxProgress::Signing => "Signing…".to_owned(),
            TxProgress::Signed { hash } => format!("Signed: {hash}"),
            TxProgress::Sending => "Sending to the node…".to_owned(),
            TxProgress::Sent { hash } => format!("Sent: {hash}; waiting for a block…"),
            TxProgress::Mined {
                block,
                confirmations,
                needed,
            } => format!("In block {block}: {confirmations} of {needed} confirmations…"),
            TxProgress::Confirmed { block } => format!("Confirmed in block {block}."),
            TxProgress::Failed { reason } => format!("Failed: {reason}"),
            TxProgress::Dropped => "Dropped: the node no longer knows it.".to_owned(),
            TxProgress::Replaced => {
                "Replaced: another transaction with its nonce was mined.".to_owned()
            }
        };
        self.note(&text);
    }

    pub fn transaction(&self, view: &TransactionView) {
        if self.json {
            return print_json(view);
        }
        out!(
            "Transaction {} ({:?}, {:?}): {}",
            view.id,
            view.purpose,
            view.status,
            view.hash.as_deref().unwrap_or("not signed")
        );
        if let Some(block) = view.block_number {
            out!("  block:   {block}");
        }
        if !view.failure.is_empty() {
            out!("  failure: {}", view.failure);
        }
        if let Some(link) = &view.explorer_link {
            out!("  explorer: {link}");
        }
        for event in &view.events {
            let detail = if event.detail.is_empty() {
                String::new()
            } else {
                format!(" — {}", event.detail)
            };
            out!("  {} {:?}{detail}", event.happened_at, event.status);
        }
    }

    pub fn transactions(&self, views: &[TransactionView]) {
        if self.json {
            return print_json(&views);
        }
        if views.is_empty() {
            out!("No transactions for this participation yet.");
            return;
        }
        let rows: Vec<Vec<String>> = views
            .iter()
            .map(|v| {
                vec![
                    v.id.clone(),
                    format!("{:?}", v.purpose).to_lowercase(),
                    format!("{:?}", v.status).to_lowercase(),
                    v.hash.clone().unwrap_or_else(|| "—".to_owned()),
                ]
            })
            .collect();
        print_table(&["DRAFT", "PURPOSE", "STATUS", "HASH"], &rows, &[]);
    }

    pub fn budgets(&self, budgets: &[BudgetView]) {
        if self.json {
            return print_json(&budgets);
        }
        if budgets.is_empty() {
            out!("No budget yet: saleguard budget add --currency USD --year 2027 --total 5000");
            return;
        }
        let rows: Vec<Vec<String>> = budgets
            .iter()
            .map(|b| {
                vec![
                    b.id.to_string(),
                    b.period.clone(),
                    format!("{} {}", b.committed, b.currency),
                    format!("{} {}", b.total, b.currency),
                    b.per_sale_cap
                        .clone()
                        .map(|c| format!("{c} {}", b.currency))
                        .unwrap_or_else(|| "—".to_owned()),
                    b.max_share_percent
                        .clone()
                        .map(|p| format!("{p} %"))
                        .unwrap_or_else(|| "—".to_owned()),
                ]
            })
            .collect();
        print_table(
            &[
                "ID",
                "PERIOD",
                "COMMITTED",
                "TOTAL",
                "CAP PER SALE",
                "MAX SHARE",
            ],
            &rows,
            &[0, 2, 3, 4, 5],
        );
    }

    pub fn prices(&self, prices: &[PriceView]) {
        if self.json {
            return print_json(&prices);
        }
        let rows: Vec<Vec<String>> = prices
            .iter()
            .map(|p| {
                vec![
                    p.id.to_string(),
                    p.asset.clone(),
                    format!("{} {}", p.price, p.currency),
                    p.observed_at.clone(),
                    source_name(p.source).to_owned(),
                ]
            })
            .collect();
        print_table(
            &["ID", "ASSET", "PRICE", "SEEN (UTC)", "SOURCE"],
            &rows,
            &[0, 2],
        );
    }

    pub fn price_history(&self, preview: &PriceHistoryPreview) {
        if self.json {
            return print_json(preview);
        }
        out!(
            "{} rows: {} prices would be kept.",
            preview.rows,
            preview.prices
        );
        crate::portfolio::row_problems(&preview.errors, preview.error_count);
    }

    pub fn price_refresh(&self, refresh: &PriceRefresh) {
        if self.json {
            return print_json(refresh);
        }
        out!(
            "{} prices fetched in {} at {}.",
            refresh.prices,
            refresh.currencies.join(", "),
            refresh.fetched_at
        );
        if !refresh.unknown.is_empty() {
            out!(
                "The API does not know: {} (check their coin ids: saleguard price coin ASSET ID).",
                refresh.unknown.join(", ")
            );
        }
        if !refresh.without_id.is_empty() {
            out!(
                "Not asked, no coin id yet: {} (saleguard price coin ASSET ID).",
                refresh.without_id.join(", ")
            );
        }
    }

    pub fn price_sources(&self, view: &PriceSourcesView) {
        if self.json {
            return print_json(view);
        }
        let order: Vec<&str> = view.order.iter().map(|s| source_name(*s)).collect();
        out!(
            "Order: {} (the first with a price that is not stale wins)",
            order.join(" → ")
        );
        let api = &view.api;
        out!(
            "Online price API: {} — {}{}",
            if api.enabled { "on" } else { "off" },
            api.base_url,
            if api.has_key {
                ", API key in the keyring"
            } else {
                ""
            }
        );
        if let Some(at) = &api.fetched_at {
            out!("Last answered: {at}");
        }
        if let Some(failure) = &api.failure {
            out!("Last failure: {failure}");
        }
        let rows: Vec<Vec<String>> = view
            .coins
            .iter()
            .map(|coin| {
                vec![
                    coin.asset.clone(),
                    if coin.coin_id.is_empty() {
                        "(none)".into()
                    } else {
                        coin.coin_id.clone()
                    },
                    if coin.chosen { "yours" } else { "default" }.into(),
                ]
            })
            .collect();
        if !rows.is_empty() {
            print_table(&["ASSET", "COIN ID", "SET BY"], &rows, &[]);
        }
    }

    pub fn official_addresses(&self, addresses: &[OfficialAddressView]) {
        if self.json {
            return print_json(&addresses);
        }
        let rows: Vec<Vec<String>> = addresses
            .iter()
            .map(|a| {
                vec![
                    a.sale_id.to_string(),
                    a.address.clone(),
                    a.source.clone(),
                    a.seen_at.clone(),
                ]
            })
            .collect();
        print_table(&["SALE", "ADDRESS", "WHERE", "SEEN (UTC)"], &rows, &[0]);
    }

    pub fn contacts(&self, contacts: &[ContactView]) {
        if self.json {
            return print_json(&contacts);
        }
        if contacts.is_empty() {
            out!(
                "No contacts yet. Add one with `saleguard contact add --label NAME --address 0x…`."
            );
            return;
        }
        let rows: Vec<Vec<String>> = contacts
            .iter()
            .map(|c| {
                vec![
                    c.id.to_string(),
                    c.label.clone(),
                    c.address.clone(),
                    c.note.lines().next().unwrap_or_default().to_owned(),
                ]
            })
            .collect();
        print_table(&["ID", "NAME", "ADDRESS", "NOTE"], &rows, &[0]);
    }

    /// Overridden reviews: what was overridden, why, and the findings as they were.
    pub fn overrides(&self, overrides: &[OverrideView]) {
        if self.json {
            return print_json(&overrides);
        }
        if overrides.is_empty() {
            out!("No overridden reviews.");
            return;
        }
        for kept in overrides {
            out!(
                "Override {} ({}): {} {} to {} for {} (sale {}), reviewed {}",
                kept.id,
                kept.created_at,
                kept.amount,
                kept.currency,
                kept.to,
                kept.project_name,
                kept.sale_id,
                kept.reviewed_at
            );
            out!("  Reason: {}", kept.reason);
            for finding in &kept.findings {
                out!(
                    "  [{}] {}: {}",
                    finding.severity.as_str(),
                    finding.code,
                    finding.message
                );
            }
        }
    }

    pub fn policy(&self, policy: &PolicyInput) {
        if self.json {
            return print_json(policy);
        }
        let or_none = |text: String| {
            if text.is_empty() {
                "none".to_owned()
            } else {
                text
            }
        };
        out!(
            "  {:<22}{}",
            "Minimum grade",
            or_none(policy.minimum_grade.clone())
        );
        out!(
            "  {:<22}{}",
            "Blocking red flags",
            or_none(policy.blocking_flags.join(", "))
        );
        out!(
            "  {:<22}{} days",
            "Prices stay fresh",
            policy.max_price_age_days
        );
    }

    /// The export document itself, whatever `--json` says: it is JSON.
    pub fn document(&self, text: &str) {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        // A closed pipe is the reader's choice, as with `out!`.
        let _ = stdout.write_all(text.as_bytes());
    }

    pub fn exported(&self, summary: &ExportSummary) {
        if self.json {
            return print_json(summary);
        }
        out!("Exported to {} ({} bytes).", summary.path, summary.bytes);
        self.table_counts(&summary.tables);
    }

    pub fn imported(&self, summary: &ImportSummary) {
        if self.json {
            return print_json(summary);
        }
        out!("Imported.");
        self.table_counts(&summary.tables);
    }

    fn table_counts(&self, tables: &[TableCount]) {
        let rows: Vec<Vec<String>> = tables
            .iter()
            .map(|t| vec![t.table.clone(), t.rows.to_string()])
            .collect();
        print_table(&["TABLE", "ROWS"], &rows, &[1]);
    }

    pub fn removed(&self, what: &str, id: i64) {
        if self.json {
            return print_json(&serde_json::json!({ "removed": id }));
        }
        out!("Removed {what} {id}.");
    }

    pub fn settings(&self, settings: &Settings, verb: &str) {
        if self.json {
            return print_json(settings);
        }
        if !verb.is_empty() {
            out!("{verb}.");
        }
        match &settings.residence_country {
            Some(country) => out!(
                "  {:<22}{} ({})",
                "Country of residence",
                country.name,
                country.code
            ),
            None => out!("  {:<22}not set", "Country of residence"),
        }
    }

    pub fn deleted(&self, sale: &Sale) {
        if self.json {
            return print_json(&serde_json::json!({ "deleted": sale.id }));
        }
        out!("Deleted sale {} ({}).", sale.id, sale.project_name);
    }

    pub fn error(&self, error: &AppError) {
        if self.json {
            eprintln!(
                "{}",
                serde_json::to_string(error).unwrap_or_else(|_| error.message.clone())
            );
            return;
        }
        if error.code == ErrorCode::ImportRefused {
            eprintln!("error[{}]: {}", error.code.as_str(), error.message);
            for problem in &error.invalid_fields {
                eprintln!(
                    "  {} [{}]: {}",
                    problem.field,
                    problem.code.as_str(),
                    problem.message
                );
            }
            return;
        }
        match error.invalid_fields.split_first() {
            None => eprintln!("error[{}]: {}", error.code.as_str(), error.message),
            Some((first, others)) => {
                eprintln!("error[{}]: {}", first.code.as_str(), field_message(first));
                for other in others {
                    eprintln!(
                        "  also error[{}]: {}",
                        other.code.as_str(),
                        field_message(other)
                    );
                }
            }
        }
    }
}

/// A field problem named by the option that sets the field.
fn field_message(error: &FieldError) -> String {
    let option = match error.field.as_str() {
        "projectName" => "--name",
        "tokenSymbol" => "--symbol",
        "tokenDecimals" => "--decimals",
        "chainId" => "--chain-id",
        "contributionAddress" => "--address",
        "currencySymbol" => "--currency-symbol",
        "currencyAddress" => "--currency-address",
        "currencyDecimals" => "--currency-decimals",
        "pricingAmount" => "--price/--rate",
        "softCap" => "--soft-cap",
        "hardCap" => "--hard-cap",
        "minContribution" => "--min",
        "maxContribution" => "--max",
        "startsAt" => "--start",
        "endsAt" => "--end",
        "whitepaperUrl" => "--whitepaper",
        "notes" => "--notes",
        "label" => "--label",
        "derivationPath" => "--path",
        "address" => "--watch",
        "confirmation" => "--confirm",
        "phrase" => "recovery phrase",
        "privateKey" => "private key",
        "answers" => "re-entered words",
        "happenedAt" => "--at",
        "note" => "--note",
        "to" => "--to",
        "totalTokens" => "--tokens",
        "tgeAt" => "--tge",
        "atTgePercent" => "--at-tge",
        "cliffMonths" => "--cliff",
        "months" => "--months",
        "frequency" => "--every",
        "tranches" => "--tranche",
        "asset" => "--asset",
        "decimals" => "--decimals",
        "amount" => "--amount",
        "reference" => "--reference",
        "kind" => "--tranche/--months",
        "from" => "--from",
        "reason" => "--override",
        other => other,
    };
    format!("{option}: {}", error.message)
}

fn kind_words(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::GeneratedMnemonic => "new recovery phrase",
        AccountKind::ImportedMnemonic => "imported recovery phrase",
        AccountKind::PrivateKey => "private key",
        AccountKind::WatchOnly => "watch-only",
        AccountKind::Hardware => "hardware wallet",
    }
}

pub(crate) fn amount(amount: &Amount) -> String {
    format!("{} {}", amount.decimal, amount.symbol)
}

fn pricing(pricing: &Pricing) -> String {
    match pricing.kind {
        PricingUnit::Price => format!("{} per token", amount(&pricing.amount)),
        PricingUnit::Rate => format!("{} per unit of currency", amount(&pricing.amount)),
    }
}

/// A table for people: `right` lists the columns of numbers, aligned right.
pub(crate) fn print_table(header: &[&str], rows: &[Vec<String>], right: &[usize]) {
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, w))| {
                if right.contains(&i) {
                    format!("{cell:>w$}")
                } else {
                    format!("{cell:<w$}")
                }
            })
            .collect();
        out!("{}", padded.join("  ").trim_end());
    };
    line(&header.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>());
    for row in rows {
        line(row);
    }
}

pub(crate) fn print_json(value: &impl Serialize) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => out!("{text}"),
        Err(error) => eprintln!("error[internal]: {error}"),
    }
}

fn source_name(source: PriceSource) -> &'static str {
    match source {
        PriceSource::Manual => "manual",
        PriceSource::Csv => "csv",
        PriceSource::Api => "api",
    }
}
