//! `saleguard participation …`.

use saleguard_app::participations::{MoveParticipation, StartParticipation};
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
                happened_at: step.at,
                note: step.note,
            })?;
            output.participation(&started, "Started");
        }
        ParticipationCommand::List => output.participations(&app.list_participations()?),
        ParticipationCommand::Show { id } => output.participation(&app.participation(id)?, ""),
        ParticipationCommand::Move { id, to, step } => {
            let moved = app.move_participation(
                id,
                &MoveParticipation {
                    to,
                    happened_at: step.at,
                    note: step.note,
                },
            )?;
            output.participation(&moved, "Moved");
        }
    }
    Ok(())
}
