//! `saleguard budget`: budgets per year, month or range.

use saleguard_app::budgets::BudgetInput;
use saleguard_app::{AppError, Saleguard};

use crate::args::BudgetCommand;
use crate::output::Output;

pub fn budget(app: &Saleguard, command: BudgetCommand, output: &Output) -> Result<(), AppError> {
    match command {
        BudgetCommand::Add {
            currency,
            year,
            month,
            from,
            until,
            total,
            cap,
            max_share,
        } => {
            let period = if !from.is_empty() || !until.is_empty() {
                "custom"
            } else if !month.is_empty() {
                "month"
            } else {
                "year"
            };
            let input = BudgetInput {
                currency,
                period: period.to_owned(),
                year,
                month,
                from,
                until,
                total,
                per_sale_cap: cap,
                max_share_percent: max_share,
            };
            output.budgets(&[app.add_budget(&input)?]);
        }
        BudgetCommand::List => output.budgets(&app.budgets()?),
        BudgetCommand::Rm { id } => {
            app.remove_budget(id)?;
            output.removed("budget", id);
        }
    }
    Ok(())
}
