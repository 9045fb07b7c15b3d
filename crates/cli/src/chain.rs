//! `saleguard network`, `sale contract` and `contribute`: what reaches a chain.

use std::process::ExitCode;

use saleguard_app::contribute::ContributionInput;
use saleguard_app::networks::{ContractTermsInput, NetworkInput};
use saleguard_app::review::VerdictName;
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::{NetworkCommand, NetworkFields};
use crate::output::Output;

/// Runs `future` to completion on a runtime of its own: the node is the only thing the
/// CLI waits on.
fn block_on<T>(future: impl std::future::Future<Output = T>) -> Result<T, AppError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| {
            AppError::new(ErrorCode::Internal, format!("no async runtime: {error}"))
        })?;
    Ok(runtime.block_on(future))
}

pub fn network(app: &Saleguard, command: NetworkCommand, output: &Output) -> Result<(), AppError> {
    match command {
        NetworkCommand::List => output.networks(&app.networks()?),
        NetworkCommand::Set(fields) => {
            let chain_id = fields.chain_id;
            let start = match app.network_draft(chain_id) {
                Err(error) if error.code == ErrorCode::NetworkNotFound => NetworkInput {
                    chain_id: chain_id.to_string(),
                    native_decimals: "18".to_owned(),
                    confirmations: "1".to_owned(),
                    ..NetworkInput::default()
                },
                other => other?,
            };
            let draft = fields.apply(start);
            output.networks(&[app.save_network(&draft)?]);
        }
        NetworkCommand::Rm { chain_id } => {
            app.remove_network(chain_id)?;
            output.removed("network", i64::try_from(chain_id).unwrap_or(i64::MAX));
        }
        NetworkCommand::Check { chain_id } => {
            output.network_check(&block_on(app.check_network(chain_id))??);
        }
    }
    Ok(())
}

impl NetworkFields {
    /// The draft with the options given replacing its fields.
    fn apply(self, mut draft: NetworkInput) -> NetworkInput {
        let set = |field: &mut String, value: Option<String>| {
            if let Some(value) = value {
                *field = value;
            }
        };
        set(&mut draft.name, self.name);
        set(&mut draft.native_symbol, self.symbol);
        set(&mut draft.native_decimals, self.decimals);
        set(&mut draft.rpc_url, self.rpc_url);
        set(&mut draft.explorer_url, self.explorer_url);
        set(&mut draft.confirmations, self.confirmations);
        draft
    }
}

/// Shows a sale's contract terms, or changes the ones given.
pub fn contract(
    app: &Saleguard,
    sale: i64,
    call: Option<String>,
    refund_call: Option<String>,
    token: Option<String>,
    output: &Output,
) -> Result<(), AppError> {
    let current = app.contract_terms(sale)?;
    if call.is_none() && refund_call.is_none() && token.is_none() {
        output.contract_terms(sale, &current, "");
        return Ok(());
    }
    let input = ContractTermsInput {
        contribution_call: call.unwrap_or(current.contribution_call),
        refund_call: refund_call.unwrap_or(current.refund_call),
        token_address: token.unwrap_or(current.token_address),
    };
    output.contract_terms(sale, &app.set_contract_terms(sale, &input)?, "Saved");
    Ok(())
}

/// Plans a contribution and prints the review and the unsigned transaction; exits 1
/// when something blocks, 2 when the input is refused or the node cannot be used.
pub fn contribute(app: &Saleguard, input: &ContributionInput, output: &Output) -> ExitCode {
    match block_on(app.plan_contribution(input)).and_then(|plan| plan) {
        Ok(plan) => {
            output.contribution_plan(&plan);
            if plan.review.verdict == VerdictName::Blocked {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            output.error(&error);
            ExitCode::from(2)
        }
    }
}
