//! `saleguard diligence …`: research on a sale, one change at a time (each change
//! starts from what is saved, so the rest of the scorecard is kept).

use saleguard_app::research::FactorInput;
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::DiligenceCommand;
use crate::output::Output;

pub fn run(app: &Saleguard, command: DiligenceCommand, output: &Output) -> Result<(), AppError> {
    match command {
        DiligenceCommand::Show { sale } => output.research(&app.research(sale)?, ""),
        DiligenceCommand::Score {
            sale,
            factor,
            score,
            notes,
            evidence,
        } => {
            let mut input = app.research(sale)?.input;
            let Some(kept) = input.factors.iter_mut().find(|f| f.factor == factor.trim()) else {
                return Err(AppError::at_field(
                    "factor",
                    ErrorCode::InvalidChoice,
                    format!("{factor:?} is not one of the scorecard's factors"),
                ));
            };
            let FactorInput {
                score: kept_score,
                notes: kept_notes,
                evidence: kept_evidence,
                ..
            } = kept.clone();
            kept.score = score.unwrap_or(kept_score);
            kept.notes = notes.unwrap_or(kept_notes);
            kept.evidence = if evidence.is_empty() {
                kept_evidence
            } else {
                evidence
            };
            output.research(&app.set_research(sale, &input)?, "Scored");
        }
        DiligenceCommand::Flag { sale, flag, clear } => {
            let research = app.research(sale)?;
            // Checked here too: lowering an unknown flag would otherwise "succeed".
            if !research
                .red_flags
                .iter()
                .any(|known| known.flag == flag.trim())
            {
                return Err(AppError::at_field(
                    "flag",
                    ErrorCode::InvalidChoice,
                    format!("{flag:?} is not one of the red flags"),
                ));
            }
            let mut input = research.input;
            input.red_flags.retain(|raised| *raised != flag.trim());
            if !clear {
                input.red_flags.push(flag);
            }
            let verb = if clear {
                "Lowered a red flag on"
            } else {
                "Raised a red flag on"
            };
            output.research(&app.set_research(sale, &input)?, verb);
        }
        DiligenceCommand::Jurisdictions {
            sale,
            eligible,
            excluded,
        } => {
            let mut input = app.research(sale)?.input;
            if let Some(eligible) = eligible {
                input.eligible_jurisdictions = eligible;
            }
            if let Some(excluded) = excluded {
                input.excluded_jurisdictions = excluded;
            }
            output.research(&app.set_research(sale, &input)?, "Jurisdictions set on");
        }
        DiligenceCommand::Whitepaper { sale, file } => {
            output.research(
                &app.record_whitepaper_file(sale, &file)?,
                "Whitepaper fingerprinted for",
            );
        }
    }
    Ok(())
}
