//! Prices and their sources.

use saleguard_app::io::price_history::PriceHistoryPreview;
use saleguard_app::pricing::PriceSourcesView;
use saleguard_app::pricing::api::PriceRefresh;
use saleguard_app::pricing::book::PriceView;

use super::{ListShape, Output, print_json, print_table};
use crate::out;

/// The price book as a table.
pub(crate) const PRICE_LIST: ListShape<'static, PriceView> = ListShape {
    header: &["ID", "ASSET", "PRICE", "SEEN (UTC)", "SOURCE"],
    right: &[0, 2],
    cells: price_cells,
    empty: "No price: saleguard price add --asset ETH --currency USD --price 3000 --at \"2026-12-01 10:00\"",
};

fn price_cells(p: &PriceView) -> Vec<String> {
    vec![
        p.id.to_string(),
        p.asset.clone(),
        format!("{} {}", p.price, p.currency),
        p.observed_at.clone(),
        p.source.to_string(),
    ]
}

impl Output {
    /// A price just recorded.
    pub fn price(&self, price: &PriceView) {
        if self.json {
            // A list of one, as the list command writes it (scripts read either alike).
            return print_json(&[price]);
        }
        print_table(PRICE_LIST.header, &[price_cells(price)], PRICE_LIST.right);
    }

    pub fn price_history(&self, preview: &PriceHistoryPreview) {
        if self.json {
            return print_json(preview);
        }
        out!(
            "{} rows: {} prices would be kept.",
            preview.rows,
            preview.prices
        );
        super::row_problems(&preview.errors, preview.error_count);
    }

    pub fn price_refresh(&self, refresh: &PriceRefresh) {
        if self.json {
            return print_json(refresh);
        }
        out!(
            "{} prices fetched in {} at {}.",
            refresh.prices,
            refresh.currencies.join(", "),
            refresh.fetched_at
        );
        if !refresh.unknown.is_empty() {
            out!(
                "The API does not know: {} (check their coin ids: saleguard price coin ASSET ID).",
                refresh.unknown.join(", ")
            );
        }
        if !refresh.without_id.is_empty() {
            out!(
                "Not asked, no coin id yet: {} (saleguard price coin ASSET ID).",
                refresh.without_id.join(", ")
            );
        }
    }

    pub fn price_sources(&self, view: &PriceSourcesView) {
        if self.json {
            return print_json(view);
        }
        let order: Vec<String> = view.order.iter().map(ToString::to_string).collect();
        out!(
            "Order: {} (the first with a price that is not stale wins)",
            order.join(" → ")
        );
        let api = &view.api;
        out!(
            "Online price API: {} — {}{}",
            if api.enabled { "on" } else { "off" },
            api.base_url,
            if api.has_key {
                ", API key in the keyring"
            } else {
                ""
            }
        );
        if let Some(at) = &api.fetched_at {
            out!("Last answered: {at}");
        }
        if let Some(failure) = &api.failure {
            out!("Last failure: {failure}");
        }
        let rows: Vec<Vec<String>> = view
            .coins
            .iter()
            .map(|coin| {
                vec![
                    coin.asset.clone(),
                    if coin.coin_id.is_empty() {
                        "(none)".into()
                    } else {
                        coin.coin_id.clone()
                    },
                    if coin.chosen { "yours" } else { "default" }.into(),
                ]
            })
            .collect();
        if !rows.is_empty() {
            print_table(&["ASSET", "COIN ID", "SET BY"], &rows, &[]);
        }
    }
}
