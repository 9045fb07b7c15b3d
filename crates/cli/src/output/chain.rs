//! Networks, transactions and allowances.

use saleguard_app::chain::allowances::AllowanceView;
use saleguard_app::chain::networks::{NetworkCheck, NetworkView};
use saleguard_app::chain::plans::TransactionPlan;
use saleguard_app::chain::transactions::{TransactionView, TxProgress, TxPurpose, TxStatus};

use super::{ListShape, Output, print_json, print_table};
use crate::out;

impl Output {
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

    pub fn allowances(&self, allowances: &[AllowanceView]) {
        if self.json {
            return print_json(&allowances);
        }
        if allowances.is_empty() {
            return out!(
                "No allowance: no contract of your token-paid sales may take anything from your accounts."
            );
        }
        let rows: Vec<Vec<String>> = allowances
            .iter()
            .map(|a| {
                vec![
                    a.participation_id.to_string(),
                    a.project_name.clone(),
                    format!("{} ({})", a.account_label, a.account_id),
                    a.spender.clone(),
                    if a.unlimited {
                        format!("unlimited {}", a.amount.symbol)
                    } else {
                        format!("{} {}", a.amount.decimal, a.amount.symbol)
                    },
                ]
            })
            .collect();
        print_table(
            &["PARTICIPATION", "SALE", "ACCOUNT", "SPENDER", "ALLOWED"],
            &rows,
            &[0],
        );
        out!(
            "Revoke one: saleguard allowance revoke --participation N --from ACCOUNT --spender ADDRESS"
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

    pub fn transaction_plan(&self, plan: &TransactionPlan) {
        if self.json {
            return print_json(plan);
        }
        if let Some(payment) = &plan.payment {
            out!(
                "The sale takes the payment from the account (transferFrom by {}); it may take {} now.",
                payment.spender,
                payment.allowance
            );
            if let Some(approval) = &payment.approval {
                out!(
                    "First, the approval; the contribution is planned again once it is confirmed."
                );
                out!("");
                self.plan_details(approval);
                out!("");
                out!("Then, the contribution:");
            }
        }
        self.plan_details(plan);
    }

    /// A plan's review and its unsigned transaction.
    fn plan_details(&self, plan: &TransactionPlan) {
        self.review(&plan.review);
        if let Some(preview) = &plan.preview {
            out!("What it would move (your node ran it without sending it):");
            if preview.is_empty() {
                out!("  nothing: no coin leaves the account, no token moves, no allowance changes");
            }
            for line in preview {
                out!("  {}", line.words);
            }
        }
        let tx = &plan.transaction;
        out!("Unsigned transaction (nothing is signed or sent yet):");
        out!("  network:      {} (chain {})", tx.network, tx.chain_id);
        out!("  from:         {}", tx.from);
        out!("  to:           {}", tx.to);
        if tx.to != tx.sale_address {
            out!("  sale:         {}", tx.sale_address);
        }
        out!("  action:       {} (a {})", tx.action, plan.purpose.words());
        if plan.purpose == TxPurpose::Contribution {
            out!("  contribution: {}", tx.amount);
        }
        out!("  value:        {} ({} wei)", tx.value, tx.value_wei);
        out!(
            "  call:         {}",
            tx.decoded_call
                .as_deref()
                .unwrap_or("none (a plain transfer)")
        );
        for argument in &tx.arguments {
            let name = if argument.name.is_empty() {
                String::new()
            } else {
                format!("{} ", argument.name)
            };
            out!("    {name}({}): {}", argument.ty, argument.value);
        }
        out!("  data:         {}", tx.data);
        out!("  nonce:        {}", tx.nonce);
        let waits_for_approval = plan.payment.as_ref().is_some_and(|p| p.approval.is_some());
        if waits_for_approval {
            out!("  gas limit:    known once the approval is confirmed");
            out!("  fees:         known once the approval is confirmed");
        } else if tx.gas_limit == 0 {
            // Nothing to sign: no gas limit, so no fee and no signing hash worth reading.
            out!("  gas limit:    unknown: the node says the call fails (see the review above)");
            out!("  fees:         unknown until the call can go through");
        } else {
            out!("  gas limit:    {}", tx.gas_limit);
            out!(
                "  fees:         at most {} ({} wei per gas, tip {})",
                tx.max_fee,
                tx.max_fee_per_gas,
                tx.max_priority_fee_per_gas
            );
            out!("  signing hash: {}", tx.signing_hash);
            out!("  unsigned:     {}", tx.unsigned);
        }
        if let Some(prompt) = &tx.device_prompt {
            out!(
                "Your {} will show (compare before you confirm), as {}{}:",
                prompt.wallet,
                prompt.screens_of,
                prompt
                    .software
                    .as_deref()
                    .map(|software| format!("; it has {software}"))
                    .unwrap_or_default()
            );
            for (number, screen) in prompt.screens.iter().enumerate() {
                if screen.value.is_empty() {
                    out!("  {:>2}. {}", number + 1, screen.label);
                } else {
                    out!("  {:>2}. {}: {}", number + 1, screen.label, screen.value);
                }
            }
            if let Some(why) = &prompt.may_differ {
                out!("  Warning: {why}");
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
            for note in &prompt.notes {
                out!("  {note}");
            }
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
            "Transaction {} ({}: {}, {}): {}",
            view.id,
            view.action,
            view.purpose.words(),
            view.status,
            view.hash.as_deref().unwrap_or("not signed")
        );
        if let Some(replaced) = &view.replaces {
            out!("  replaces: {replaced} (same nonce; whichever is mined counts)");
        }
        if let Some(block) = view.block_number {
            out!("  block:   {block}");
        }
        if !view.failure.is_empty() {
            out!("  failure: {}", view.failure);
        }
        if let Some(effects) = &view.effects {
            for effect in &effects.moved {
                let log = effect
                    .log_index
                    .map_or_else(String::new, |index| format!(" (log {index})"));
                out!("  effect:  {}{log}", effect.words);
            }
            if !effects.remark.is_empty() {
                out!("  note:    {}", effects.remark);
            }
        }
        if view.status == TxStatus::Sent {
            out!(
                "  stuck? saleguard tx speed-up {0} (higher fees) or saleguard tx cancel {0}",
                view.id
            );
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
            out!("  {} {}{detail}", event.happened_at, event.status);
        }
    }
}

/// `tx list`: a participation's transactions, in the order they were planned.
pub(crate) const TRANSACTION_LIST: ListShape<'static, TransactionView> = ListShape {
    header: &["DRAFT", "ACTION", "PURPOSE", "STATUS", "HASH"],
    right: &[],
    cells: transaction_cells,
    empty: "No transactions for this participation yet.",
};

fn transaction_cells(view: &TransactionView) -> Vec<String> {
    vec![
        view.id.clone(),
        view.action.clone(),
        view.purpose.to_string(),
        view.status.to_string(),
        view.hash.clone().unwrap_or_else(|| "—".to_owned()),
    ]
}
