//! The portfolio, its charts and the trades recorded by hand.

use saleguard_app::dto::{Page, PageInput};
use saleguard_app::portfolio::PortfolioView;
use saleguard_app::portfolio::charts::PortfolioCharts;
use saleguard_app::portfolio::trades::{TradeInput, TradeQuery, TradeView};
use saleguard_app::{AppError, Saleguard};
use tauri::State;

/// The portfolio, valued now: holdings, cost basis, profit and loss.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_portfolio(app: State<'_, Saleguard>) -> Result<PortfolioView, AppError> {
    app.portfolio()
}

/// The portfolio's charts: value over time, the budget's use, the unlocks by month.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn get_portfolio_charts(app: State<'_, Saleguard>) -> Result<PortfolioCharts, AppError> {
    app.portfolio_charts()
}

/// Chooses the currency the portfolio is valued in.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn set_portfolio_currency(
    app: State<'_, Saleguard>,
    currency: String,
) -> Result<String, AppError> {
    app.set_portfolio_currency(&currency)
}

/// One page of the trades (at most 500), filtered and ordered as asked.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_trades(
    app: State<'_, Saleguard>,
    query: TradeQuery,
    page: PageInput,
) -> Result<Page<TradeView>, AppError> {
    app.trades(&query, page)
}

/// The assets traded, in order.
#[tauri::command(async)]
#[specta::specta]
pub(crate) fn list_trade_assets(app: State<'_, Saleguard>) -> Result<Vec<String>, AppError> {
    app.trade_assets()
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn record_trade(
    app: State<'_, Saleguard>,
    input: TradeInput,
) -> Result<TradeView, AppError> {
    app.record_trade(&input)
}

#[tauri::command(async)]
#[specta::specta]
pub(crate) fn remove_trade(app: State<'_, Saleguard>, id: i64) -> Result<(), AppError> {
    app.remove_trade(id)
}
