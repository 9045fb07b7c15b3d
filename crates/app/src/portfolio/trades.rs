//! Trades recorded by hand: buys, sells and transfers made outside Saleguard.

use saleguard_core::portfolio::{Trade, TradeDraft, TradeKind, TradeProblem};
use saleguard_store::{TradeFilter, TradeRecord};
use serde::{Deserialize, Serialize};

use crate::dto::{Amount, ListOrder, Page, PageInput, both, symbol_filter};
use crate::participations::entries::problem_code;
use crate::{AppError, ErrorCode, FieldError, Saleguard};

/// A trade as typed in a form (or read from a CSV row): every field a string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TradeInput {
    /// `buy`, `sell` or `transfer`.
    pub kind: String,
    /// When it happened, UTC.
    pub happened_at: String,
    /// The token, e.g. `XYZ`.
    pub asset: String,
    pub decimals: String,
    /// In whole units, e.g. `1200.5`.
    pub amount: String,
    /// What was paid (buy) or received (sell), e.g. `USD` and `1500.50`; empty for a transfer.
    pub counter_asset: String,
    pub counter_amount: String,
    /// Empty when there was none.
    pub fee_asset: String,
    pub fee_amount: String,
    /// Where the tokens are (an account's label, an exchange); for a transfer, where they left.
    pub account: String,
    /// Where a transfer took them; empty otherwise.
    pub to_account: String,
    pub reference: String,
    pub note: String,
}

impl TradeInput {
    pub(crate) fn draft(&self) -> TradeDraft {
        TradeDraft {
            kind: self.kind.clone(),
            happened_at: self.happened_at.clone(),
            asset: self.asset.clone(),
            decimals: self.decimals.clone(),
            amount: self.amount.clone(),
            counter_asset: self.counter_asset.clone(),
            counter_amount: self.counter_amount.clone(),
            fee_asset: self.fee_asset.clone(),
            fee_amount: self.fee_amount.clone(),
            account: self.account.clone(),
            to_account: self.to_account.clone(),
            reference: self.reference.clone(),
            note: self.note.clone(),
        }
    }
}

/// Which trades a list shows, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TradeQuery {
    /// The trades of this asset; blank: of every asset.
    pub asset: String,
    /// `buy`, `sell` or `transfer`; blank: every kind.
    pub kind: String,
    pub order: ListOrder,
}

impl TradeQuery {
    fn filter(&self) -> Result<TradeFilter, AppError> {
        let kind = match self.kind.trim() {
            "" => Ok(None),
            typed => TradeKind::parse(typed).map(Some).ok_or_else(|| FieldError {
                field: "kind".to_owned(),
                code: ErrorCode::InvalidChoice,
                message: "buy, sell or transfer".to_owned(),
            }),
        };
        let (asset, kind) = both(symbol_filter("asset", &self.asset), kind)?;
        Ok(TradeFilter { asset, kind })
    }
}

/// A recorded trade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TradeView {
    pub id: i64,
    /// `buy`, `sell` or `transfer`.
    pub kind: String,
    pub happened_at: String,
    pub amount: Amount,
    pub counter: Option<Amount>,
    pub fee: Option<Amount>,
    pub account: String,
    pub to_account: String,
    pub reference: String,
    pub note: String,
}

impl From<&TradeRecord> for TradeView {
    fn from(record: &TradeRecord) -> Self {
        let trade = &record.trade;
        Self {
            id: record.id,
            kind: trade.kind.as_str().to_owned(),
            happened_at: trade.happened_at.to_rfc3339(),
            amount: Amount::new(trade.amount, trade.decimals, &trade.asset),
            counter: trade.counter.as_ref().map(Amount::from),
            fee: trade.fee.as_ref().map(Amount::from),
            account: trade.account.clone(),
            to_account: trade.to_account.clone(),
            reference: trade.reference.clone(),
            note: trade.note.clone(),
        }
    }
}

fn trade_refused(problems: Vec<TradeProblem>) -> AppError {
    AppError::refused(
        problems
            .into_iter()
            .map(|problem| FieldError {
                field: problem.field.to_owned(),
                code: problem_code(&problem.kind),
                message: problem.message,
            })
            .collect(),
    )
}

impl Saleguard {
    /// Records a buy, sell or transfer made outside Saleguard.
    pub fn record_trade(&self, input: &TradeInput) -> Result<TradeView, AppError> {
        let now = self.clock.now();
        let trade = Trade::from_draft(&input.draft(), now).map_err(trade_refused)?;
        let record = self.store()?.insert_trade(&trade, now)?;
        tracing::info!(id = record.id, kind = trade.kind.as_str(), "trade recorded");
        Ok(TradeView::from(&record))
    }

    /// One page of the trades as `query` filters and orders them.
    pub fn trades(&self, query: &TradeQuery, page: PageInput) -> Result<Page<TradeView>, AppError> {
        let request = page.checked()?;
        let rows = self
            .store()?
            .trades_page(&query.filter()?, query.order.into(), request)?;
        Ok(Page::of(rows, request.offset, |record| {
            TradeView::from(record)
        }))
    }

    /// Every trade `query` keeps, handed to `each` as it is read (the CLI streams them).
    pub fn each_trade(
        &self,
        query: &TradeQuery,
        mut each: impl FnMut(TradeView) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        let filter = query.filter()?;
        self.store()?
            .each_trade(&filter, query.order.into(), |record| {
                each(TradeView::from(&record))
            })
    }

    /// The assets traded, in order (what the list may be filtered by).
    pub fn trade_assets(&self) -> Result<Vec<String>, AppError> {
        Ok(self.store()?.trade_assets()?)
    }

    pub fn remove_trade(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.delete_trade(id)? {
            tracing::info!(id, "trade removed");
            Ok(())
        } else {
            Err(AppError::new(
                ErrorCode::TradeNotFound,
                format!("no trade with id {id}"),
            ))
        }
    }
}
