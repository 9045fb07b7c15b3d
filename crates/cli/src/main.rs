//! `saleguard`: Saleguard's use cases from a terminal or a script.
//!
//! Output is for people by default and JSON with `--json`. On failure the exit status
//! is 1 (2 for a command line that does not parse) and standard error carries
//! `error[CODE]: MESSAGE` (or the JSON error).

mod accounts;
mod actions;
mod args;
mod backup;
mod budgets;
mod chain;
mod contacts;
mod diligence;
mod options;
mod output;
mod participations;
mod policy;
mod portfolio;
mod prices;
mod review;
mod scam_lists;

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches};
use saleguard_app::chain::devices::{LedgerConnection, TrezorConnection};
use saleguard_app::chain::plans::{ContributionInput, RefundInput};
use saleguard_app::review::ReviewInput;
use saleguard_app::review::policy::PriceAgeUnit;
use saleguard_app::{AppError, DataPaths, ErrorCode, Saleguard, SystemClock};

use crate::args::{Cli, Command, SaleCommand};
use crate::options::TypedCommand;
use crate::output::Output;

fn main() -> ExitCode {
    // The subcommand names are read before the derive takes the values out.
    let parsed = Cli::command().try_get_matches().and_then(|mut matches| {
        let typed = TypedCommand::of(&matches);
        Ok((Cli::from_arg_matches_mut(&mut matches)?, typed))
    });
    let (cli, typed) = match parsed {
        Ok(parsed) => parsed,
        Err(error) => return refuse_arguments(error),
    };
    let output = Output {
        json: cli.json,
        command: typed,
    };
    match run(cli, &output) {
        Ok(code) => code,
        Err(error) => {
            output.error(&error);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, output: &Output) -> Result<ExitCode, AppError> {
    let paths = DataPaths::resolve(cli.data_dir)?;
    if let Err(error) = saleguard_app::init_file_logging(&paths) {
        eprintln!("warning: logging is off: {}", error.message);
    }
    let app = Saleguard::start(paths, Arc::new(SystemClock));
    let app = match cli.ledger_emulator {
        Some(address) => app.with_ledger_connection(LedgerConnection::Speculos(address)),
        None => app,
    };
    let app = match cli.trezor_emulator {
        Some(address) => app.with_trezor_connection(TrezorConnection::Emulator(address)),
        None => app,
    };
    match cli.command {
        Command::Account(command) => accounts::run(&app, command, output)?,
        Command::Participation(command) => participations::run(&app, command, output)?,
        Command::Diligence(command) => diligence::run(&app, command, output)?,
        Command::Review {
            sale,
            from,
            to,
            amount,
            chain_id,
            at,
            override_reason,
        } => {
            let input = ReviewInput {
                sale_id: sale,
                from,
                to,
                amount,
                chain_id,
                at,
            };
            return Ok(match override_reason {
                Some(reason) => review::override_review(&app, input, reason, output),
                None => review::review(&app, &input, output),
            });
        }
        Command::Overrides { sale } => output.overrides(&app.review_overrides(sale)?),
        Command::Contact(command) => contacts::contact(&app, command, output)?,
        Command::ScamList(command) => scam_lists::scam_list(&app, command, output)?,
        Command::Budget(command) => budgets::budget(&app, command, output)?,
        Command::Price(command) => prices::price(&app, command, output)?,
        Command::Address(command) => review::address(&app, command, output)?,
        Command::Portfolio { currency } => portfolio::show(&app, currency, output)?,
        Command::Trade(command) => portfolio::trade(&app, command, output)?,
        Command::Csv(command) => portfolio::csv(&app, command, output)?,
        Command::Backup(command) => backup::run(&app, command, output)?,
        Command::Policy {
            minimum_grade,
            blocking_flags,
            max_price_age_days,
            max_price_age_hours,
            require_official_source,
        } => {
            let max_price_age = match (max_price_age_days, max_price_age_hours) {
                (Some(days), _) => Some((days, PriceAgeUnit::Days)),
                (None, Some(hours)) => Some((hours, PriceAgeUnit::Hours)),
                (None, None) => None,
            };
            let change = policy::PolicyChange {
                minimum_grade,
                blocking_flags,
                max_price_age,
                require_official_source,
            };
            policy::policy(&app, change, output)?
        }
        Command::Settings { country } => match country {
            Some(code) => output.settings(&app.set_residence_country(&code)?, "Saved"),
            None => output.settings(&app.settings()?, ""),
        },
        Command::Export { output: None } => output.document(&app.export_json()?),
        Command::Export { output: Some(path) } => output.exported(&app.export_to(&path)?),
        Command::Import {
            file,
            dry_run: true,
        } => output.import_checked(&app.check_export_file(&file)?),
        Command::Import {
            file,
            dry_run: false,
        } => output.imported(&app.import_from(&file)?),
        Command::Network(command) => chain::network(&app, command, output)?,
        Command::Hw(command) => return chain::hardware(&app, command, output),
        Command::Contribute {
            participation,
            from,
            amount,
            signing,
        } => {
            let input = ContributionInput {
                participation_id: participation,
                account_id: from,
                amount,
                fee_speed: signing.fee.into(),
            };
            return Ok(chain::contribute(&app, &input, &signing, output));
        }
        Command::Refund {
            participation,
            from,
            signing,
        } => {
            let input = RefundInput {
                participation_id: participation,
                account_id: from,
                fee_speed: signing.fee.into(),
            };
            return Ok(chain::refund(&app, &input, &signing, output));
        }
        Command::Act(act) => return Ok(chain::act(&app, &act, output)),
        Command::Tx(command) => return Ok(chain::tx(&app, command, output)),
        Command::Allowance(command) => return Ok(chain::allowance(&app, command, output)),
        Command::Sale(SaleCommand::Contract { sale, token }) => {
            chain::contract(&app, sale, token, output)?
        }
        Command::Action(command) => actions::action(&app, command, output)?,
        Command::Calendar { from, to } => output.calendar(&app.calendar_between(&from, &to)?),
        Command::Sale(SaleCommand::Archive { id }) => {
            output.sale(&app.set_sale_archived(id, true)?, "Archived");
        }
        Command::Sale(SaleCommand::Unarchive { id }) => {
            output.sale(&app.set_sale_archived(id, false)?, "Unarchived");
        }
        Command::Sale(SaleCommand::Add(fields)) => {
            let sale = app.create_sale(fields.into_draft(Default::default()))?;
            output.sale(&sale, "Added");
        }
        Command::Sale(SaleCommand::List) => output.sales(&app.list_sales()?),
        Command::Sale(SaleCommand::Show { id }) => output.sale(&app.sale(id)?, ""),
        Command::Sale(SaleCommand::Edit { id, fields }) => {
            let draft = fields.into_draft(app.sale_draft(id)?);
            output.sale(&app.update_sale(id, draft)?, "Updated");
        }
        Command::Sale(SaleCommand::Rm { id, yes }) => {
            let sale = app.sale(id)?;
            if !yes {
                confirm(
                    &format!("Delete sale {} ({})? [y/N] ", sale.id, sale.project_name),
                    "deleting",
                    "not deleted",
                )?;
            }
            app.delete_sale(id)?;
            output.deleted(&sale);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--help` and `--version` print and succeed; anything else is an `invalid_arguments`
/// error in the usual shape, followed by clap's explanation.
fn refuse_arguments(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let json = std::env::args().any(|arg| arg == "--json");
    let message = error
        .kind()
        .as_str()
        .unwrap_or("the command line could not be understood")
        .to_owned();
    let app_error = AppError::new(ErrorCode::InvalidArguments, message);
    Output {
        json,
        command: TypedCommand::default(),
    }
    .error(&app_error);
    if !json {
        eprint!("{}", error.render());
    }
    ExitCode::from(2)
}

/// Asks on the terminal; without one, refuses rather than guessing.
pub(crate) fn confirm(question: &str, action: &str, refused: &str) -> Result<(), AppError> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(AppError::new(
            ErrorCode::ConfirmationRequired,
            format!("{action} needs confirmation: run it in a terminal, or pass --yes"),
        ));
    }
    eprint!("{question}");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = stdin.lock().read_line(&mut answer);
    if matches!(answer.trim(), "y" | "Y" | "yes" | "Yes") {
        Ok(())
    } else {
        Err(AppError::new(
            ErrorCode::ConfirmationRequired,
            format!("{refused}: it was not confirmed"),
        ))
    }
}
