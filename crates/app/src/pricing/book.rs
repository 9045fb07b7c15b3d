//! The price book: every price the user has (entered by hand, imported, fetched), the
//! coins a price may be counted in, and what values an amount at a moment.

use saleguard_core::price_book::{Price, PriceBook, PriceDraft, PriceSource, SourceOrder};
use saleguard_store::{PriceFilter, Store};
use serde::{Deserialize, Serialize};

use crate::dto::{ListOrder, Page, PageInput, both, symbol_filter};
use crate::money::refused;
use crate::{AppError, Saleguard};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceInput {
    pub asset: String,
    pub currency: String,
    pub price: String,
    pub observed_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceView {
    pub id: i64,
    pub asset: String,
    pub currency: String,
    pub price: String,
    pub observed_at: String,
    pub source: PriceSource,
}

/// Which prices a list shows, and in which order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PriceQuery {
    /// The prices of this asset; blank: of every asset.
    pub asset: String,
    /// The prices in this currency; blank: in every currency.
    pub currency: String,
    pub order: ListOrder,
}

impl PriceQuery {
    fn filter(&self) -> Result<PriceFilter, AppError> {
        let (asset, currency) = both(
            symbol_filter("asset", &self.asset),
            symbol_filter("currency", &self.currency),
        )?;
        Ok(PriceFilter { asset, currency })
    }
}

pub(crate) fn price_view(id: i64, price: &Price) -> PriceView {
    PriceView {
        id,
        asset: price.asset.clone(),
        currency: price.currency.clone(),
        price: price.price.to_string(),
        observed_at: price.observed_at.to_rfc3339(),
        source: price.source,
    }
}

/// The coins a budget or a price may be counted in besides ISO currencies: every
/// sale's accepted currency and token.
pub(crate) fn known_coins(store: &Store) -> Result<Vec<String>, AppError> {
    let mut coins = Vec::new();
    for sale in store.sales()? {
        coins.push(sale.terms.currency.symbol().to_owned());
        coins.push(sale.terms.token_symbol.clone());
    }
    Ok(coins)
}

pub(crate) fn coin_refs(coins: &[String]) -> Vec<&str> {
    coins.iter().map(String::as_str).collect()
}

/// Every price the user has, with what decides which one values an amount: the
/// review policy's staleness limit and the order of the price sources.
pub(crate) struct PriceData {
    prices: Vec<Price>,
    max_age_seconds: i64,
    order: SourceOrder,
}

impl PriceData {
    pub(crate) fn load(store: &Store) -> Result<Self, AppError> {
        Ok(Self {
            prices: store.prices()?.into_iter().map(|r| r.price).collect(),
            max_age_seconds: i64::from(store.review_policy()?.max_price_age_hours) * 3_600,
            order: store.price_source_order()?,
        })
    }

    pub(crate) fn book(&self) -> PriceBook<'_> {
        PriceBook::new(&self.prices, self.max_age_seconds, self.order)
    }
}

impl Saleguard {
    /// One page of the price book as `query` filters and orders it.
    pub fn prices(&self, query: &PriceQuery, page: PageInput) -> Result<Page<PriceView>, AppError> {
        let request = page.checked()?;
        let rows = self
            .store()?
            .prices_page(&query.filter()?, query.order.into(), request)?;
        Ok(Page::of(rows, request.offset, |record| {
            price_view(record.id, &record.price)
        }))
    }

    /// Every price `query` keeps, handed to `each` as it is read (the CLI streams them).
    pub fn each_price(
        &self,
        query: &PriceQuery,
        mut each: impl FnMut(PriceView) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        let filter = query.filter()?;
        self.store()?
            .each_price(&filter, query.order.into(), |record| {
                each(price_view(record.id, &record.price))
            })
    }

    /// The assets the price book has prices of, in order (what a list may be filtered by).
    pub fn price_assets(&self) -> Result<Vec<String>, AppError> {
        Ok(self.store()?.price_assets()?)
    }

    pub fn add_price(&self, input: &PriceInput) -> Result<PriceView, AppError> {
        let mut store = self.store()?;
        let coins = known_coins(&store)?;
        let draft = PriceDraft {
            asset: input.asset.clone(),
            currency: input.currency.clone(),
            price: input.price.clone(),
            observed_at: input.observed_at.clone(),
        };
        let now = self.clock.now();
        let price = Price::from_draft(&draft, &coin_refs(&coins), now).map_err(refused)?;
        let record = store.insert_price(&price, now)?;
        tracing::info!(id = record.id, "price added");
        Ok(price_view(record.id, &price))
    }
}
