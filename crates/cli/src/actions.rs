//! `saleguard action`: a sale's actions on chain, each checked whole by the app; and the
//! values `saleguard act` gives one of them for one transaction.

use saleguard_app::chain::plans::ArgumentValue;
use saleguard_app::sales::actions::ActionInput;
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::{ActionCommand, ActionFields};
use crate::output::Output;

/// `fields` over `draft`: the options given replace what they name; arguments given
/// replace them all.
fn apply(fields: ActionFields, draft: &mut ActionInput) {
    if let Some(name) = fields.name {
        draft.name = name;
    }
    if let Some(purpose) = fields.purpose {
        draft.purpose = purpose;
    }
    if let Some(contract) = fields.contract {
        draft.contract = contract;
    }
    if let Some(source) = fields.source {
        draft.contract_source = source;
    }
    if let Some(call) = fields.call {
        draft.signature = call;
    }
    if !fields.arguments.is_empty() {
        draft.arguments = fields.arguments;
    }
    if let Some(claimable) = fields.claimable {
        draft.claimable = claimable;
    }
}

pub fn action(app: &Saleguard, command: ActionCommand, output: &Output) -> Result<(), AppError> {
    match command {
        ActionCommand::List { sale } => output.actions(&app.sale_actions(sale)?),
        ActionCommand::Add { sale, fields } => {
            let mut draft = ActionInput {
                name: String::new(),
                purpose: fields
                    .purpose
                    .unwrap_or(saleguard_app::sales::ActionPurpose::Other),
                contract: String::new(),
                contract_source: String::new(),
                signature: String::new(),
                arguments: Vec::new(),
                claimable: String::new(),
            };
            apply(fields, &mut draft);
            output.actions(&[app.add_action(sale, &draft)?]);
        }
        ActionCommand::Edit { id, fields } => {
            let mut draft = app.action_draft(id)?;
            apply(fields, &mut draft);
            output.actions(&[app.update_action(id, &draft)?]);
        }
        ActionCommand::Rm { id, yes } => {
            if !yes {
                let draft = app.action_draft(id)?;
                crate::confirm(
                    &format!("Remove action {id} ({})? [y/N] ", draft.name),
                    "removing",
                    "not removed",
                )?;
            }
            app.remove_action(id)?;
            output.removed("action", id);
        }
    }
    Ok(())
}

/// `--arg NAME=VALUE` options as values given for one transaction.
pub fn argument_values(options: &[String]) -> Result<Vec<ArgumentValue>, AppError> {
    options
        .iter()
        .map(|option| {
            let (parameter, value) = option.split_once('=').ok_or_else(|| {
                AppError::at_field(
                    "arguments",
                    ErrorCode::InvalidArgument,
                    format!("write --arg as NAME=VALUE (e.g. --arg proof=[0x…]), not {option:?}"),
                )
            })?;
            Ok(ArgumentValue {
                parameter: parameter.trim().to_owned(),
                value: value.to_owned(),
            })
        })
        .collect()
}
