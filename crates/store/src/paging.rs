//! Long lists read a page at a time. The price book and the trades grow to a million
//! rows: a window shows a page of them and fetches the next as the user scrolls, the
//! CLI streams them row by row, and nothing holds the whole list. Filters and the order
//! are SQL, each order read from an index without sorting (migration 0025), so a first
//! page costs little at a million rows.

use rusqlite::Row;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use crate::{Store, StoreError};

/// The most rows one page holds.
pub const MAX_PAGE_ROWS: u32 = 500;

/// Which rows of a list to read: `limit` rows (at most [`MAX_PAGE_ROWS`]) after the
/// first `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub offset: u32,
    pub limit: u32,
}

/// One page of a list and how many rows the whole list (as filtered) holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: u32,
}

/// The order of a list of dated rows; rows of the same moment keep the order they
/// were written in (newest first: the last written first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimeOrder {
    #[default]
    NewestFirst,
    OldestFirst,
}

impl TimeOrder {
    /// The SQL direction.
    pub(crate) fn sql(self) -> &'static str {
        match self {
            Self::NewestFirst => "DESC",
            Self::OldestFirst => "ASC",
        }
    }
}

/// A list query as SQL: the table, the conditions with their values, the order.
pub(crate) struct ListQuery<'a> {
    pub columns: &'a str,
    pub table: &'a str,
    pub conditions: Vec<&'a str>,
    pub values: Vec<Value>,
    /// `ORDER BY` clause, without the keywords.
    pub order_by: String,
}

impl ListQuery<'_> {
    fn where_clause(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conditions.join(" AND "))
        }
    }

    fn rows_sql(&self) -> String {
        format!(
            "SELECT {} FROM {}{} ORDER BY {}",
            self.columns,
            self.table,
            self.where_clause(),
            self.order_by
        )
    }
}

impl Store {
    /// One page of a list query, each row read by `read`, with the list's total.
    pub(crate) fn page<T>(
        &self,
        query: &ListQuery<'_>,
        request: PageRequest,
        read: impl Fn(&Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Page<T>, StoreError> {
        let limit = request.limit.min(MAX_PAGE_ROWS);
        let total: u32 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM {}{}",
                query.table,
                query.where_clause()
            ))?
            .query_row(params_from_iter(&query.values), |row| row.get(0))?;
        let mut values = query.values.clone();
        values.push(Value::Integer(limit.into()));
        values.push(Value::Integer(request.offset.into()));
        let mut statement = self
            .conn
            .prepare_cached(&format!("{} LIMIT ? OFFSET ?", query.rows_sql()))?;
        let rows = statement
            .query_map(params_from_iter(&values), |row| Ok(read(row)))?
            .map(|row| row?)
            .collect::<Result<_, _>>()?;
        Ok(Page { rows, total })
    }

    /// Every row of a list query in order, handed to `each` as it is read; the first
    /// error (of the store or of `each`) stops the walk.
    pub(crate) fn walk<T, E: From<StoreError>>(
        &self,
        query: &ListQuery<'_>,
        read: impl Fn(&Row<'_>) -> Result<T, StoreError>,
        mut each: impl FnMut(T) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut statement = self
            .conn
            .prepare_cached(&query.rows_sql())
            .map_err(StoreError::from)?;
        let mut rows = statement
            .query(params_from_iter(&query.values))
            .map_err(StoreError::from)?;
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            each(read(row)?)?;
        }
        Ok(())
    }

    /// The distinct values of a column that leads an index, in order: one index seek per
    /// value (not a scan of the table), so a million rows of ten assets cost ten seeks.
    pub(crate) fn distinct(&self, table: &str, column: &str) -> Result<Vec<String>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "WITH RECURSIVE seen(value) AS ( \
                 SELECT min({column}) FROM {table} \
                 UNION ALL \
                 SELECT (SELECT min({column}) FROM {table} WHERE {column} > seen.value) \
                 FROM seen WHERE seen.value IS NOT NULL) \
             SELECT value FROM seen WHERE value IS NOT NULL"
        ))?;
        let values = statement
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntryFilter, ParticipationId, PriceFilter, TradeFilter};
    use saleguard_core::entry::EntryKind;
    use saleguard_core::portfolio::TradeKind;

    /// SQLite's plan for a query, one line per step.
    fn plan(store: &Store, query: &ListQuery<'_>) -> String {
        let mut statement = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", query.rows_sql()))
            .expect("explained");
        let steps = statement
            .query_map(params_from_iter(&query.values), |row| {
                row.get::<_, String>(3)
            })
            .expect("plan")
            .collect::<Result<Vec<_>, _>>()
            .expect("steps");
        steps.join("\n")
    }

    #[test]
    fn every_filter_and_order_a_list_offers_reads_an_index_in_order_without_sorting() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("plans.sqlite3")).expect("open");
        let some = |text: &str| Some(text.to_owned());
        let prices = [
            (None, None),
            (some("ETH"), None),
            (some("ETH"), some("USD")),
        ];
        let trades = [
            (None, None),
            (some("ETH"), None),
            (None, Some(TradeKind::Buy)),
            (some("ETH"), Some(TradeKind::Sell)),
        ];
        for order in [TimeOrder::NewestFirst, TimeOrder::OldestFirst] {
            let mut queries: Vec<ListQuery<'_>> = prices
                .iter()
                .map(|(asset, currency)| {
                    PriceFilter {
                        asset: asset.clone(),
                        currency: currency.clone(),
                    }
                    .query(order)
                })
                .collect();
            queries.extend(trades.iter().map(|(asset, kind)| {
                TradeFilter {
                    asset: asset.clone(),
                    kind: *kind,
                }
                .query(order)
            }));
            queries.extend([None, Some(EntryKind::Refund)].map(|kind| {
                EntryFilter {
                    participation: ParticipationId(1),
                    kind,
                }
                .query(order)
            }));
            queries.push(crate::transactions::participation_query(
                ParticipationId(1),
                order,
            ));
            for query in &queries {
                let plan = plan(&store, query);
                assert!(plan.contains("USING INDEX"), "{plan}");
                assert!(!plan.contains("TEMP B-TREE"), "a sort: {plan}");
            }
        }
    }
}
