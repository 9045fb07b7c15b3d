//! `saleguard contact`: the user's named addresses.

use saleguard_app::review::contacts::ContactInput;
use saleguard_app::{AppError, Saleguard};

use crate::args::ContactCommand;
use crate::output::Output;

pub fn contact(app: &Saleguard, command: ContactCommand, output: &Output) -> Result<(), AppError> {
    match command {
        ContactCommand::Add {
            label,
            address,
            note,
        } => output.contacts(&[app.add_contact(&ContactInput {
            label,
            address,
            note,
        })?]),
        ContactCommand::List => output.contacts(&app.contacts()?),
        ContactCommand::Rm { id } => {
            app.remove_contact(id)?;
            output.removed("contact", id);
        }
    }
    Ok(())
}
