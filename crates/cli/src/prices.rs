//! `saleguard price`: the price book, price history from CSV, the online price API and
//! the order the sources are asked in.

use saleguard_app::io::chosen::read_user_file;
use saleguard_app::pricing::PriceSource;
use saleguard_app::pricing::api::PriceApiInput;
use saleguard_app::pricing::book::{PriceInput, PriceQuery};
use saleguard_app::{AppError, ErrorCode, Saleguard};

use crate::args::PriceCommand;
use crate::output::{Output, PRICE_LIST, list_order};

pub fn price(app: &Saleguard, command: PriceCommand, output: &Output) -> Result<(), AppError> {
    match command {
        PriceCommand::Add {
            asset,
            currency,
            price,
            at,
        } => {
            let input = PriceInput {
                asset,
                currency,
                price,
                observed_at: at,
            };
            output.price(&app.add_price(&input)?);
        }
        PriceCommand::List {
            asset,
            currency,
            oldest_first,
        } => {
            let query = PriceQuery {
                asset: asset.unwrap_or_default(),
                currency: currency.unwrap_or_default(),
                order: list_order(oldest_first),
            };
            output.stream(&PRICE_LIST, Box::new(|each| app.each_price(&query, each)))?;
        }
        PriceCommand::Import { file, dry_run } => {
            let bytes = read_user_file(&file)?;
            let preview = app.preview_price_history(&bytes)?;
            if dry_run || preview.error_count > 0 {
                output.price_history(&preview);
                if preview.error_count > 0 {
                    return Err(AppError::new(
                        ErrorCode::ImportRefused,
                        format!(
                            "{} problems in the file: nothing was added",
                            preview.error_count
                        ),
                    ));
                }
            } else {
                let added = app.import_price_history(&bytes)?;
                output.note(&format!("Imported {added} prices."));
            }
        }
        PriceCommand::Fetch => {
            let refresh = crate::chain::block_on(app.refresh_prices())??;
            output.price_refresh(&refresh);
        }
        PriceCommand::Sources { order } => {
            let view = if order.is_empty() {
                app.price_sources()?
            } else {
                let names = order
                    .iter()
                    .map(|name| {
                        PriceSource::parse(name).ok_or_else(|| {
                            AppError::new(
                                ErrorCode::InvalidArguments,
                                format!("{name:?} is not a price source: manual, csv or api"),
                            )
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                app.set_price_source_order(&names)?
            };
            output.price_sources(&view);
        }
        PriceCommand::Api {
            enable,
            disable,
            base_url,
            key,
            forget_key,
        } => {
            let current = app.price_sources()?.api;
            let api_key = if key {
                Some(crate::accounts::read_secret("API key: ")?.to_string())
            } else if forget_key {
                Some(String::new())
            } else {
                None
            };
            let base_url = base_url.unwrap_or_else(|| {
                if current.base_url == current.default_base_url {
                    String::new()
                } else {
                    current.base_url.clone()
                }
            });
            let view = app.set_price_api(&PriceApiInput {
                enabled: (current.enabled || enable) && !disable,
                base_url,
                api_key,
            })?;
            output.price_sources(&view);
        }
        PriceCommand::Coin { asset, coin_id } => {
            output.price_sources(&app.set_price_api_coin(&asset, &coin_id)?);
        }
    }
    Ok(())
}
