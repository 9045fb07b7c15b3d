//! Participations and the calendar.

use saleguard_app::chain::deliveries::{ScanProgress, ScanSummary, TransferFromOtherView};
use saleguard_app::chain::repair::LedgerRepair;
use saleguard_app::participations::calendar::{CalendarEvent, CalendarEventKind};
use saleguard_app::participations::entries::{EntryQuery, EntryView};
use saleguard_app::participations::kyc::KycStatus;
use saleguard_app::participations::{Participation, ParticipationSummary};
use saleguard_app::{AppError, Saleguard};
use serde::Serialize;

use super::{Output, amount, print_json, print_table};
use crate::out;

impl Output {
    pub fn ledger_repair(&self, repair: &LedgerRepair) {
        if self.json {
            return print_json(repair);
        }
        out!(
            "Read {} confirmed transaction(s) again from the chain.",
            repair.transactions_read
        );
        if repair.corrections.is_empty() {
            out!("The ledger says what the chain proves: nothing to correct.");
        }
        for c in &repair.corrections {
            let show = |a: &Option<saleguard_app::dto::Amount>| {
                a.as_ref().map_or("nothing".to_owned(), amount)
            };
            out!(
                "  {} {}: {} → {}  ({}{}) — {}",
                c.action,
                c.kind,
                show(&c.recorded),
                show(&c.proved),
                c.reference,
                c.log_index
                    .map_or_else(String::new, |index| format!(", log {index}")),
                c.why
            );
        }
        for what in &repair.left_alone {
            out!("  left as it is: {what}");
        }
    }

    pub fn scan_progress(&self, step: &ScanProgress) {
        self.note(&format!(
            "Read blocks {} to {} of {} ({} at a time); {} found so far…",
            step.first_block, step.scanned_to, step.last_block, step.range, step.found
        ));
    }

    pub fn scan_summary(&self, summary: &ScanSummary) {
        if self.json {
            return print_json(summary);
        }
        out!(
            "Checked blocks {} to {}: the participation is {}.",
            summary.first_block,
            summary.scanned_to,
            summary.state.as_str().replace('_', " ")
        );
        if summary.distributions.is_empty() {
            out!("No new delivery from the sale.");
        }
        for delivery in &summary.distributions {
            out!("  delivered by the sale: {}", amount(delivery));
        }
        if !summary.from_others.is_empty() {
            out!("Transfers from others (not counted as this sale's tokens):");
            self.transfers_from_others(&summary.from_others);
        }
    }

    pub fn transfers_from_others(&self, transfers: &[TransferFromOtherView]) {
        if self.json {
            return print_json(&transfers);
        }
        if transfers.is_empty() {
            out!(
                "No transfers from others found. Check for tokens with: saleguard participation scan ID"
            );
            return;
        }
        let rows: Vec<Vec<String>> = transfers
            .iter()
            .map(|t| {
                vec![
                    t.id.to_string(),
                    t.happened_at.clone(),
                    amount(&t.amount),
                    t.from.clone(),
                    format!("{} (log {})", t.transaction, t.log_index),
                    if t.counted { "yes" } else { "no" }.to_owned(),
                ]
            })
            .collect();
        print_table(
            &[
                "ID",
                "WHEN (UTC)",
                "AMOUNT",
                "FROM",
                "TRANSACTION",
                "COUNTED",
            ],
            &rows,
            &[0],
        );
        out!("Count one as this sale's tokens with: saleguard participation count-transfer ID");
    }

    pub fn participations(&self, participations: &[ParticipationSummary]) {
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
                vec![
                    p.id.to_string(),
                    p.project_name.clone(),
                    p.token_symbol.clone(),
                    p.state.as_str().to_owned(),
                    p.last_step_at.clone(),
                ]
            })
            .collect();
        print_table(
            &["ID", "PROJECT", "TOKEN", "STATE", "SINCE (UTC)"],
            &rows,
            &[0],
        );
    }

    /// A participation with its entries, oldest first, read from `app` as they are
    /// printed (in `--json`, under `entries`, as the participation always had them).
    pub fn participation(
        &self,
        app: &Saleguard,
        participation: &Participation,
        verb: &str,
    ) -> Result<(), AppError> {
        if self.json {
            #[derive(Serialize)]
            struct Shown<'a> {
                #[serde(flatten)]
                participation: &'a Participation,
                entries: Vec<EntryView>,
            }
            let mut entries = Vec::new();
            app.each_entry(participation.id, &EntryQuery::LEDGER, |entry| {
                entries.push(entry);
                Ok(())
            })?;
            print_json(&Shown {
                participation,
                entries,
            });
            return Ok(());
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
        if !participation.offered_actions.is_empty() {
            let offered: Vec<String> = participation
                .offered_actions
                .iter()
                .map(|a| format!("{} ({})", a.name, a.purpose))
                .collect();
            out!("  {:<22}{}", "Actions now", offered.join(", "));
        }
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
        if participation.entry_count > 0 {
            out!("  Entries (UTC):");
            app.each_entry(participation.id, &EntryQuery::LEDGER, |entry| {
                let parties = match (entry.from.is_empty(), entry.to.is_empty()) {
                    (true, true) => String::new(),
                    _ => format!("  {} \u{2192} {}", entry.from, entry.to),
                };
                let proof = match (entry.source.as_str(), entry.log_index) {
                    ("manual", _) => String::new(),
                    (source, Some(index)) => {
                        format!("  [{source}: log {index} of {}]", entry.reference)
                    }
                    (source, None) => format!("  [{source}: {}]", entry.reference),
                };
                out!(
                    "    {}  {} {}{parties}{proof}",
                    entry.happened_at,
                    entry.kind,
                    amount(&entry.amount)
                );
                Ok(())
            })?;
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
        Ok(())
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
}
