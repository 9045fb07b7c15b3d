//! `saleguard participation …`.

use saleguard_app::chain::deliveries::{ScanInput, ScanProgress};
use saleguard_app::participations::entries::EntryInput;
use saleguard_app::participations::kyc::KycInput;
use saleguard_app::participations::vesting::{TrancheInput, VestingInput};
use saleguard_app::participations::{MoveParticipation, Participation, StartParticipation};
use saleguard_app::{AppError, Saleguard};

use crate::args::ParticipationCommand;
use crate::output::Output;

pub fn run(
    app: &Saleguard,
    command: ParticipationCommand,
    output: &Output,
) -> Result<(), AppError> {
    match command {
        ParticipationCommand::Start { sale, state, step } => {
            let started = app.start_participation(&StartParticipation {
                sale_id: sale,
                state,
                happened_at: step.at.clone(),
                note: step.note,
            })?;
            output.participation(app, &started, "Started")?;
            recorded_step(output, &step.at, &started);
        }
        ParticipationCommand::List => output.participations(&app.list_participations()?),
        ParticipationCommand::Show { id } => {
            output.participation(app, &app.participation(id)?, "")?
        }
        ParticipationCommand::Vesting {
            id,
            tokens,
            tge,
            at_tge,
            cliff,
            months,
            every,
            tranche,
        } => {
            let input = if tranche.is_empty() {
                VestingInput {
                    total_tokens: tokens,
                    tge_at: tge,
                    kind: "linear".to_owned(),
                    at_tge_percent: at_tge,
                    cliff_months: cliff,
                    months: months.unwrap_or_default(),
                    frequency: every,
                    tranches: Vec::new(),
                }
            } else {
                VestingInput {
                    total_tokens: tokens,
                    tge_at: tge,
                    kind: "tranches".to_owned(),
                    tranches: tranche
                        .iter()
                        .map(|text| {
                            let (months, percent) = text.split_once(':').unwrap_or((text, ""));
                            TrancheInput {
                                months_after_tge: months.to_owned(),
                                percent: percent.to_owned(),
                            }
                        })
                        .collect(),
                    ..VestingInput::default()
                }
            };
            output.participation(app, &app.set_vesting(id, &input)?, "Vesting set for")?;
        }
        ParticipationCommand::Record {
            id,
            kind,
            at,
            asset,
            decimals,
            amount,
            reference,
            from,
            to,
            note,
        } => {
            let input = EntryInput {
                kind,
                happened_at: at,
                asset,
                decimals,
                amount,
                reference,
                from,
                to,
                note,
            };
            output.participation(app, &app.record_entry(id, &input)?, "Recorded for")?;
        }
        ParticipationCommand::Kyc {
            id,
            provider,
            submitted,
            reference,
            notes,
        } => {
            let kept = app.participation(id)?.kyc.details;
            let input = KycInput {
                provider: provider.unwrap_or(kept.provider),
                submitted_at: submitted.unwrap_or(kept.submitted_at),
                reference: reference.unwrap_or(kept.reference),
                notes: notes.unwrap_or(kept.notes),
            };
            output.participation(app, &app.set_kyc(id, &input)?, "KYC details kept for")?;
        }
        ParticipationCommand::RefundDeadline { id, at } => {
            output.participation(
                app,
                &app.set_refund_deadline(id, &at)?,
                "Refund deadline set for",
            )?;
        }
        ParticipationCommand::Move { id, to, step } => {
            let moved = app.move_participation(
                id,
                &MoveParticipation {
                    to,
                    happened_at: step.at.clone(),
                    note: step.note,
                },
            )?;
            output.participation(app, &moved, "Moved")?;
            recorded_step(output, &step.at, &moved);
        }
        ParticipationCommand::Scan { id, from_block } => {
            let input = ScanInput {
                participation_id: id,
                from_block,
            };
            let progress = |step: ScanProgress| output.scan_progress(&step);
            let summary = crate::chain::block_on(async {
                // Ctrl-C ends the process: what was read is kept after every range, so
                // the next scan resumes there.
                app.scan_deliveries(&input, &progress, std::future::pending())
                    .await
            })??;
            output.scan_summary(&summary);
        }
        ParticipationCommand::Repair { id, dry_run, yes } => {
            let repair = crate::chain::block_on(app.plan_repair(id))??;
            output.ledger_repair(&repair);
            if dry_run || repair.corrections.is_empty() {
                return Ok(());
            }
            if !yes {
                crate::confirm(
                    &format!("Correct the ledger of participation {id} as shown? [y/N] "),
                    "correcting the ledger",
                    "nothing was corrected",
                )?;
            }
            let repaired = crate::chain::block_on(app.apply_repair(id, &repair.corrections))??;
            output.participation(app, &repaired, "Corrected the ledger of")?;
        }
        ParticipationCommand::Transfers { id } => {
            output.transfers_from_others(&app.transfers_from_others(id)?);
        }
        ParticipationCommand::CountTransfer { transfer } => {
            output.transfers_from_others(&[app.count_transfer(transfer)?]);
        }
    }
    Ok(())
}

/// The moment of the step just recorded, when `--at` was left out.
fn recorded_step(output: &Output, at: &str, participation: &Participation) {
    if let Some(step) = participation.history.last() {
        output.recorded_now("--at", at, &step.happened_at);
    }
}
