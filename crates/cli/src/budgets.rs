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
        BudgetCommand::Edit {
            id,
            currency,
            year,
            month,
            from,
            until,
            total,
            cap,
            max_share,
        } => {
            let mut input = app.budget_input(id)?;
            input.period = if from.is_some() || until.is_some() {
                "custom".to_owned()
            } else if month.is_some() {
                "month".to_owned()
            } else if year.is_some() && input.period == "custom" {
                "year".to_owned()
            } else {
                input.period
            };
            let replace = |value: &mut String, given: Option<String>| {
                if let Some(given) = given {
                    *value = given;
                }
            };
            replace(&mut input.currency, currency);
            replace(&mut input.year, year);
            replace(&mut input.month, month);
            replace(&mut input.from, from);
            replace(&mut input.until, until);
            replace(&mut input.total, total);
            replace(&mut input.per_sale_cap, cap);
            replace(&mut input.max_share_percent, max_share);
            output.budgets(&[app.update_budget(id, &input)?]);
        }
        BudgetCommand::List => output.budgets(&app.budgets()?),
        BudgetCommand::Rm { id } => {
            app.remove_budget(id)?;
            output.removed("budget", id);
        }
    }
    Ok(())
}
