//! Trades recorded by hand: buys, sells and transfers made outside Saleguard.

use saleguard_core::portfolio::{Trade, TradeDraft, TradeProblem};
use saleguard_store::TradeRecord;
use serde::{Deserialize, Serialize};

use crate::dto::Amount;
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

    /// Every trade, newest first.
    pub fn trades(&self) -> Result<Vec<TradeView>, AppError> {
        Ok(self
            .store()?
            .trades()?
            .iter()
            .rev()
            .map(TradeView::from)
            .collect())
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
