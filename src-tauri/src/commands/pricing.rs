//! The price book, the price sources and the online price API.

use saleguard_app::dto::{Page, PageInput};
use saleguard_app::pricing::api::{PriceApiInput, PriceRefresh};
use saleguard_app::pricing::book::{PriceInput, PriceQuery, PriceView};
use saleguard_app::pricing::{PriceSource, PriceSourcesView};
use saleguard_app::{AppError, Saleguard};
use tauri::State;

/// One page of the price book (at most 500 prices), filtered and ordered as asked.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_prices(
    app: State<'_, Saleguard>,
    query: PriceQuery,
    page: PageInput,
) -> Result<Page<PriceView>, AppError> {
    app.prices(&query, page)
}

/// The assets the price book has prices of, in order.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_price_assets(app: State<'_, Saleguard>) -> Result<Vec<String>, AppError> {
    app.price_assets()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn add_price(
    app: State<'_, Saleguard>,
    input: PriceInput,
) -> Result<PriceView, AppError> {
    app.add_price(&input)
}

/// The price sources: their order, the online price API and its coin ids.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_price_sources(app: State<'_, Saleguard>) -> Result<PriceSourcesView, AppError> {
    app.price_sources()
}

/// Sets the order the price sources are asked in.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_price_source_order(
    app: State<'_, Saleguard>,
    order: Vec<PriceSource>,
) -> Result<PriceSourcesView, AppError> {
    app.set_price_source_order(&order)
}

/// Turns the online price API on or off, with its base URL and key (kept in the keyring).
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_price_api(
    app: State<'_, Saleguard>,
    input: PriceApiInput,
) -> Result<PriceSourcesView, AppError> {
    app.set_price_api(&input)
}

/// Sets the price API's coin id for an asset; an empty id goes back to the default.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_price_api_coin(
    app: State<'_, Saleguard>,
    asset: String,
    coin_id: String,
) -> Result<PriceSourcesView, AppError> {
    app.set_price_api_coin(&asset, &coin_id)
}

/// Asks the online price API for the latest prices (bounded: timeouts, back-off).
#[tauri::command]
#[specta::specta]
pub(crate) async fn refresh_prices(app: State<'_, Saleguard>) -> Result<PriceRefresh, AppError> {
    app.refresh_prices().await
}
