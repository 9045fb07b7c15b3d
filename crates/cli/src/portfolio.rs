//! `saleguard portfolio`, `saleguard trade` and `saleguard csv`.

use saleguard_app::ErrorCode;
use saleguard_app::io::chosen::read_user_file;
use saleguard_app::io::csv::CsvExportKind;
use saleguard_app::portfolio::trades::{TradeInput, TradeQuery};
use saleguard_app::{AppError, Saleguard};

use crate::args::{CsvCommand, TradeCommand};
use crate::output::{Output, TRADE_LIST, list_order, print_json};

pub fn show(app: &Saleguard, currency: Option<String>, output: &Output) -> Result<(), AppError> {
    if let Some(currency) = currency {
        app.set_portfolio_currency(&currency)?;
    }
    output.portfolio(&app.portfolio()?);
    Ok(())
}

pub fn trade(app: &Saleguard, command: TradeCommand, output: &Output) -> Result<(), AppError> {
    match command {
        TradeCommand::Add {
            kind,
            at,
            asset,
            decimals,
            amount,
            price,
            currency,
            fee,
            fee_currency,
            account,
            to_account,
            reference,
            note,
        } => {
            let input = TradeInput {
                kind,
                happened_at: at,
                asset,
                decimals,
                amount,
                counter_asset: currency,
                counter_amount: price,
                fee_asset: fee_currency,
                fee_amount: fee,
                account,
                to_account,
                reference,
                note,
            };
            output.trade(&app.record_trade(&input)?);
        }
        TradeCommand::List {
            asset,
            kind,
            oldest_first,
        } => {
            let query = TradeQuery {
                asset: asset.unwrap_or_default(),
                kind: kind.unwrap_or_default(),
                order: list_order(oldest_first),
            };
            output.stream(&TRADE_LIST, Box::new(|each| app.each_trade(&query, each)))?;
        }
        TradeCommand::Rm { id } => {
            app.remove_trade(id)?;
            output.removed("trade", id);
        }
    }
    Ok(())
}

pub fn csv(app: &Saleguard, command: CsvCommand, output: &Output) -> Result<(), AppError> {
    match command {
        CsvCommand::Export {
            holdings,
            output: file,
        } => {
            let kind = if holdings {
                CsvExportKind::Holdings
            } else {
                CsvExportKind::Transactions
            };
            match file {
                Some(path) => {
                    let written = app.export_csv_to(kind, &path)?;
                    output.note(&format!(
                        "{} rows written to {}",
                        written.rows, written.path
                    ));
                    if output.json {
                        print_json(&written);
                    }
                }
                None => {
                    use std::io::Write as _;
                    let (bytes, _) = app.export_csv(kind)?;
                    let _ = std::io::stdout().lock().write_all(&bytes);
                }
            }
        }
        CsvCommand::Import { file, dry_run } => {
            let bytes = read_user_file(&file)?;
            if dry_run {
                let preview = app.preview_csv(&bytes)?;
                output.csv_preview(&preview);
                if preview.error_count > 0 {
                    return Err(AppError::new(
                        ErrorCode::ImportRefused,
                        format!(
                            "{} problems in the file: an import would add nothing",
                            preview.error_count
                        ),
                    ));
                }
            } else {
                let summary = app.import_csv(&bytes, |progress| {
                    if progress.done > 0 && progress.done.is_multiple_of(10_000) {
                        output.note(&format!(
                            "{} of {} rows added…",
                            progress.done, progress.total
                        ));
                    }
                    true
                })?;
                output.csv_imported(&summary);
            }
        }
    }
    Ok(())
}
