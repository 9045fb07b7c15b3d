//! CSV: trades, contributions, refunds and distributions out and in, and holdings out
//! (docs/csv-format.md). One set of columns for both directions, so an export imports
//! back as it was. An import is checked and added at once — one thread reads and checks,
//! another inserts, in one transaction — and commits only if every row was good; a bad
//! file adds nothing and every bad row is reported with its row number and column.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, SyncSender};

use saleguard_core::U256;
use saleguard_core::amount::format_amount;
use saleguard_core::entry::{Entry, EntryDraft, EntryKind};
use saleguard_core::portfolio::{Money, Trade, TradeDraft, TradeKind};
use saleguard_core::price_book::PriceBook;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{ImportedRow, ParticipationId, Store};
use serde::{Deserialize, Serialize};

use super::csv_reader::{
    CsvRowError, CsvRows, RowProblems, SAMPLE_ROWS, count_rows, escaped_cell, read_csv,
};
use super::files::write_replacing;
use crate::dto::{Amount, count};
use crate::money::{portfolio_currency, rounded_text};
use crate::participations::entries::problem_code;
use crate::pricing::book::PriceData;
use crate::{AppError, ErrorCode, Saleguard};

/// The columns of a transactions CSV, in order (docs/csv-format.md). `fiat_value` and
/// `fiat_currency` are written for tax tools and ignored on import.
pub const TRANSACTION_COLUMNS: [&str; 16] = [
    "date_utc",
    "type",
    "asset",
    "decimals",
    "amount",
    "counter_asset",
    "counter_amount",
    "fee_asset",
    "fee_amount",
    "account",
    "to_account",
    "reference",
    "note",
    "sale",
    "fiat_value",
    "fiat_currency",
];

/// The columns an import cannot do without.
const REQUIRED_COLUMNS: [&str; 4] = ["date_utc", "type", "asset", "amount"];

/// The columns of a holdings CSV.
pub const HOLDING_COLUMNS: [&str; 10] = [
    "asset",
    "quantity",
    "place",
    "price",
    "price_time_utc",
    "value",
    "cost",
    "unrealized",
    "realized",
    "currency",
];

/// A row as it will be added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvRowView {
    pub row: u32,
    /// `buy`, `sell`, `transfer`, `contribution`, `refund` or `distribution`.
    pub kind: String,
    pub happened_at: String,
    pub amount: Amount,
    pub counter: Option<Amount>,
    /// The sale a contribution, refund or distribution belongs to.
    pub sale: String,
    pub account: String,
}

/// What an import would add, and every problem that stops it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvPreview {
    /// Data rows read (the header not counted).
    pub rows: u32,
    pub trades: u32,
    pub entries: u32,
    /// The first rows as they will be added.
    pub sample: Vec<CsvRowView>,
    /// The first problems, in file order; an import with any adds nothing.
    pub errors: Vec<CsvRowError>,
    pub error_count: u32,
}

/// How far an import is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvProgress {
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvImportSummary {
    pub trades: u32,
    pub entries: u32,
}

/// Which CSV to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "lowercase")]
pub enum CsvExportKind {
    /// Contributions, refunds, distributions and trades, oldest first.
    Transactions,
    /// What is held now, per asset and place, with its value.
    Holdings,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CsvExportSummary {
    pub path: String,
    pub rows: u32,
}

/// An import, checked whole; while an import runs, its good rows go on to be inserted.
struct Parsed<'a> {
    context: &'a ImportContext,
    now: UtcTimestamp,
    trades: usize,
    entries: usize,
    sample: Vec<CsvRowView>,
    rows: usize,
    problems: RowProblems,
    sink: Option<RowSink>,
}

/// Rows an import reads per batch handed to the thread that inserts them.
const IMPORT_BATCH: usize = 1_000;

/// Where an import's checked rows go as it reads: batches to the inserting thread,
/// until the first problem (nothing of a file with one is kept) or until that thread
/// stops taking them (cancelled, or a write failed).
struct RowSink {
    sender: SyncSender<Vec<ImportedRow>>,
    batch: Vec<ImportedRow>,
    closed: bool,
}

impl Parsed<'_> {
    fn keep(&mut self, row: ImportedRow) {
        match row {
            ImportedRow::Trade(_) => self.trades += 1,
            ImportedRow::Entry(..) => self.entries += 1,
        }
        let Some(sink) = self.sink.as_mut().filter(|sink| !sink.closed) else {
            return;
        };
        if self.problems.count > 0 {
            sink.batch.clear();
            return;
        }
        sink.batch.push(row);
        if sink.batch.len() == IMPORT_BATCH {
            sink.send();
        }
    }
}

impl RowSink {
    fn send(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(IMPORT_BATCH));
        self.closed = self.sender.send(batch).is_err();
    }
}

/// What rows are checked against: the user's sales (by name or id) and the decimals of
/// the coins and tokens they use.
struct ImportContext {
    participations: HashMap<String, (ParticipationId, String)>,
    sales_without_participation: HashMap<String, String>,
    decimals: HashMap<String, u8>,
}

impl ImportContext {
    fn load(store: &Store) -> Result<Self, AppError> {
        let sales = store.sales()?;
        let participation_of: HashMap<i64, ParticipationId> = store
            .participations()?
            .into_iter()
            .map(|participation| (participation.sale_id.0, participation.id))
            .collect();
        let mut context = Self {
            participations: HashMap::new(),
            sales_without_participation: HashMap::new(),
            decimals: HashMap::new(),
        };
        for sale in &sales {
            let name = sale.terms.project_name.clone();
            let keys = [name.trim().to_lowercase(), sale.id.0.to_string()];
            for key in keys {
                match participation_of.get(&sale.id.0) {
                    Some(participation) => {
                        context
                            .participations
                            .insert(key, (*participation, name.clone()));
                    }
                    None => {
                        context
                            .sales_without_participation
                            .insert(key, name.clone());
                    }
                }
            }
            context
                .decimals
                .entry(sale.terms.token_symbol.to_ascii_uppercase())
                .or_insert(sale.terms.token_decimals);
            context
                .decimals
                .entry(sale.terms.currency.symbol().to_ascii_uppercase())
                .or_insert(sale.terms.currency.decimals());
        }
        Ok(context)
    }
}

/// The CSV column a form field's problem belongs to.
fn column_of(field: &str) -> &str {
    match field {
        "happenedAt" => "date_utc",
        "kind" => "type",
        "counterAsset" => "counter_asset",
        "counterAmount" => "counter_amount",
        "feeAsset" => "fee_asset",
        "feeAmount" => "fee_amount",
        "from" | "account" => "account",
        "to" | "toAccount" => "to_account",
        other => other,
    }
}

impl CsvRows for Parsed<'_> {
    fn problems(&mut self) -> &mut RowProblems {
        &mut self.problems
    }

    fn row(&mut self, row: u32, values: &[String]) {
        parse_row(row, values, self);
    }
}

/// Checks every row of `bytes`. With a `sender`, the good rows go to it in batches as
/// they are read, and `refused` is set, before the sender is let go, when the file
/// cannot be imported (unreadable, or a problem in any row).
fn parse<'a>(
    bytes: &[u8],
    context: &'a ImportContext,
    now: UtcTimestamp,
    sender: Option<(SyncSender<Vec<ImportedRow>>, &AtomicBool)>,
) -> Result<Parsed<'a>, AppError> {
    let (sink, refused) = match sender {
        Some((sender, refused)) => (
            Some(RowSink {
                sender,
                batch: Vec::with_capacity(IMPORT_BATCH),
                closed: false,
            }),
            Some(refused),
        ),
        None => (None, None),
    };
    let mut parsed = Parsed {
        trades: 0,
        entries: 0,
        sample: Vec::new(),
        rows: 0,
        problems: RowProblems::default(),
        sink,
        context,
        now,
    };
    let read = read_csv(bytes, &TRANSACTION_COLUMNS, &REQUIRED_COLUMNS, &mut parsed);
    let importable = read.is_ok() && parsed.problems.count == 0;
    if let Some(refused) = refused {
        refused.store(!importable, Ordering::Release);
    }
    if let Some(mut sink) = parsed.sink.take()
        && importable
        && !sink.closed
        && !sink.batch.is_empty()
    {
        sink.send();
    }
    parsed.rows = read?;
    Ok(parsed)
}

fn value<'a>(values: &'a [String], column: &str) -> &'a str {
    TRANSACTION_COLUMNS
        .iter()
        .position(|known| *known == column)
        .map_or("", |index| values[index].as_str())
}

fn parse_row(row: u32, values: &[String], parsed: &mut Parsed<'_>) {
    let (context, now) = (parsed.context, parsed.now);
    let get = |column: &str| value(values, column).to_owned();
    let kind = get("type").to_ascii_lowercase();
    let mut decimals = get("decimals");
    if decimals.is_empty() {
        match context.decimals.get(&get("asset").to_ascii_uppercase()) {
            Some(known) => decimals = known.to_string(),
            None if !get("asset").is_empty() => {
                parsed.fail(
                    row,
                    "decimals",
                    ErrorCode::Required,
                    format!(
                        "how many decimals {} has: none of your sales uses it",
                        get("asset")
                    ),
                );
                return;
            }
            None => {}
        }
    }
    if TradeKind::parse(&kind).is_some() {
        let draft = TradeDraft {
            kind,
            happened_at: get("date_utc"),
            asset: get("asset"),
            decimals,
            amount: get("amount"),
            counter_asset: get("counter_asset"),
            counter_amount: get("counter_amount"),
            fee_asset: get("fee_asset"),
            fee_amount: get("fee_amount"),
            account: get("account"),
            to_account: get("to_account"),
            reference: get("reference"),
            note: get("note"),
        };
        if !get("sale").is_empty() {
            parsed.fail(
                row,
                "sale",
                ErrorCode::InvalidChoice,
                "a trade belongs to no sale: leave it empty",
            );
            return;
        }
        match Trade::from_draft(&draft, now) {
            Ok(trade) => {
                if parsed.sample.len() < SAMPLE_ROWS {
                    parsed.sample.push(CsvRowView {
                        row,
                        kind: trade.kind.as_str().to_owned(),
                        happened_at: trade.happened_at.to_rfc3339(),
                        amount: Amount::new(trade.amount, trade.decimals, &trade.asset),
                        counter: trade.counter.as_ref().map(Amount::from),
                        sale: String::new(),
                        account: trade.account.clone(),
                    });
                }
                parsed.keep(ImportedRow::Trade(trade));
            }
            Err(problems) => {
                for problem in problems {
                    parsed.fail(
                        row,
                        column_of(problem.field),
                        problem_code(&problem.kind),
                        problem.message,
                    );
                }
            }
        }
        return;
    }
    if EntryKind::parse(&kind).is_none() {
        parsed.fail(
            row,
            "type",
            if kind.is_empty() {
                ErrorCode::Required
            } else {
                ErrorCode::InvalidChoice
            },
            "one of buy, sell, transfer, contribution, refund, distribution",
        );
        return;
    }
    for column in ["counter_asset", "counter_amount", "fee_asset", "fee_amount"] {
        if !get(column).is_empty() {
            parsed.fail(
                row,
                column,
                ErrorCode::InvalidChoice,
                format!(
                    "a {kind} has no {}: leave it empty (the sale's terms say what it is worth)",
                    column.replace('_', " ")
                ),
            );
            return;
        }
    }
    let sale = get("sale");
    let participation = match context.participations.get(&sale.to_lowercase()) {
        Some(found) => Some(found.clone()),
        None => {
            let message = match context
                .sales_without_participation
                .get(&sale.to_lowercase())
            {
                _ if sale.is_empty() => "which sale: its name (or id) as in Saleguard".to_owned(),
                Some(name) => format!("you have no participation in {name}: start one first"),
                None => format!("no sale is named {sale}"),
            };
            parsed.fail(
                row,
                "sale",
                if sale.is_empty() {
                    ErrorCode::Required
                } else {
                    ErrorCode::SaleNotFound
                },
                message,
            );
            None
        }
    };
    let draft = EntryDraft {
        kind,
        happened_at: get("date_utc"),
        asset: get("asset"),
        decimals,
        amount: get("amount"),
        reference: get("reference"),
        from: get("account"),
        to: get("to_account"),
        note: get("note"),
    };
    match Entry::from_draft(&draft, now) {
        Ok(entry) => {
            if let Some((participation, name)) = participation {
                if parsed.sample.len() < SAMPLE_ROWS {
                    parsed.sample.push(CsvRowView {
                        row,
                        kind: entry.kind.as_str().to_owned(),
                        happened_at: entry.happened_at.to_rfc3339(),
                        amount: Amount::new(entry.amount, entry.decimals, &entry.asset),
                        counter: None,
                        sale: name,
                        account: entry.from.clone(),
                    });
                }
                parsed.keep(ImportedRow::Entry(participation, entry));
            }
        }
        Err(problems) => {
            for problem in problems {
                parsed.fail(
                    row,
                    column_of(problem.field.as_str()),
                    problem_code(&problem.kind),
                    problem.message,
                );
            }
        }
    }
}

fn preview_of(parsed: Parsed<'_>) -> CsvPreview {
    CsvPreview {
        rows: count(parsed.rows),
        trades: count(parsed.trades),
        entries: count(parsed.entries),
        sample: parsed.sample,
        errors: parsed.problems.listed,
        error_count: count(parsed.problems.count),
    }
}

/// One exported row.
struct Line {
    at: UtcTimestamp,
    cells: [String; 16],
}

fn valued(
    book: &PriceBook<'_>,
    currency: &str,
    amount: U256,
    decimals: u8,
    asset: &str,
    at: UtcTimestamp,
) -> (String, String) {
    match book.value(amount, decimals, asset, currency, at).value {
        Some(value) => (rounded_text(value, currency), currency.to_owned()),
        None => (String::new(), String::new()),
    }
}

impl Saleguard {
    /// Checks a CSV import whole and says what it would add; nothing is written.
    pub fn preview_csv(&self, bytes: &[u8]) -> Result<CsvPreview, AppError> {
        let context = ImportContext::load(&*self.store()?)?;
        Ok(preview_of(parse(bytes, &context, self.clock.now(), None)?))
    }

    /// Imports a CSV, all or nothing: a file with any bad row adds nothing
    /// (`import_refused`, each problem as `row N: column`); `progress` hears how far it is
    /// every 1,000 rows and stops it by answering `false` (`import_cancelled`, nothing
    /// added).
    pub fn import_csv(
        &self,
        bytes: &[u8],
        mut progress: impl FnMut(CsvProgress) -> bool,
    ) -> Result<CsvImportSummary, AppError> {
        let now = self.clock.now();
        let mut store = self.store()?;
        let context = ImportContext::load(&store)?;
        let total = count(count_rows(bytes));
        // One thread reads and checks the file while this one inserts what it has checked,
        // in one transaction that commits only if the whole file was good: the rows are
        // never all in memory at once, and nothing of a bad file is kept.
        let refused = AtomicBool::new(false);
        let (sender, receiver) = mpsc::sync_channel::<Vec<ImportedRow>>(4);
        let (added, parsed) = std::thread::scope(|scope| {
            let reader = scope.spawn(|| parse(bytes, &context, now, Some((sender, &refused))));
            let added = store.insert_imported(receiver.into_iter().flatten(), now, |done| {
                let going = progress(CsvProgress {
                    done: count(done),
                    total,
                });
                going && !refused.load(Ordering::Acquire)
            });
            let parsed = reader
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (added, parsed)
        });
        let parsed = parsed?;
        if parsed.problems.count > 0 {
            return Err(parsed.problems.refusal());
        }
        match added? {
            Some(_) => {
                tracing::info!(
                    trades = parsed.trades,
                    entries = parsed.entries,
                    "CSV imported"
                );
                Ok(CsvImportSummary {
                    trades: count(parsed.trades),
                    entries: count(parsed.entries),
                })
            }
            None => Err(AppError::new(
                ErrorCode::ImportCancelled,
                "the import was cancelled: nothing was added",
            )),
        }
    }

    /// A CSV of every contribution, refund, distribution and trade (oldest first), or of
    /// the holdings; its bytes and how many rows it has.
    pub fn export_csv(&self, kind: CsvExportKind) -> Result<(Vec<u8>, usize), AppError> {
        match kind {
            CsvExportKind::Transactions => self.transactions_csv(),
            CsvExportKind::Holdings => self.holdings_csv(),
        }
    }

    /// Writes a CSV to `path`, replacing it.
    pub fn export_csv_to(
        &self,
        kind: CsvExportKind,
        path: &std::path::Path,
    ) -> Result<CsvExportSummary, AppError> {
        let (bytes, rows) = self.export_csv(kind)?;
        write_replacing(path, &bytes)?;
        tracing::info!(rows, "CSV exported");
        Ok(CsvExportSummary {
            path: path.display().to_string(),
            rows: count(rows),
        })
    }

    fn transactions_csv(&self) -> Result<(Vec<u8>, usize), AppError> {
        let store = self.store()?;
        let (currency, _) = portfolio_currency(&store)?;
        let prices = PriceData::load(&store)?;
        let book = prices.book();
        let names: HashMap<i64, String> = store
            .sales()?
            .into_iter()
            .map(|sale| (sale.id.0, sale.terms.project_name))
            .collect();
        let sale_of: HashMap<i64, String> = store
            .participations()?
            .into_iter()
            .map(|p| (p.id.0, names.get(&p.sale_id.0).cloned().unwrap_or_default()))
            .collect();
        let mut lines = Vec::new();
        for record in store.all_entries()? {
            let entry = record.entry;
            let (fiat_value, fiat_currency) = valued(
                &book,
                &currency,
                entry.amount,
                entry.decimals,
                &entry.asset,
                entry.happened_at,
            );
            lines.push(Line {
                at: entry.happened_at,
                cells: [
                    entry.happened_at.to_rfc3339(),
                    entry.kind.as_str().to_owned(),
                    entry.asset.clone(),
                    entry.decimals.to_string(),
                    format_amount(entry.amount, entry.decimals),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    entry.from,
                    entry.to,
                    entry.reference,
                    entry.note,
                    sale_of
                        .get(&record.participation_id.0)
                        .cloned()
                        .unwrap_or_default(),
                    fiat_value,
                    fiat_currency,
                ],
            });
        }
        for record in store.trades()? {
            let trade = record.trade;
            let money = |money: &Option<Money>| {
                money
                    .as_ref()
                    .map_or((String::new(), String::new()), |money| {
                        (
                            money.asset.clone(),
                            format_amount(money.amount, money.decimals),
                        )
                    })
            };
            let (counter_asset, counter_amount) = money(&trade.counter);
            let (fee_asset, fee_amount) = money(&trade.fee);
            let (fiat_value, fiat_currency) = match &trade.counter {
                Some(counter) => valued(
                    &book,
                    &currency,
                    counter.amount,
                    counter.decimals,
                    &counter.asset,
                    trade.happened_at,
                ),
                None => valued(
                    &book,
                    &currency,
                    trade.amount,
                    trade.decimals,
                    &trade.asset,
                    trade.happened_at,
                ),
            };
            lines.push(Line {
                at: trade.happened_at,
                cells: [
                    trade.happened_at.to_rfc3339(),
                    trade.kind.as_str().to_owned(),
                    trade.asset.clone(),
                    trade.decimals.to_string(),
                    format_amount(trade.amount, trade.decimals),
                    counter_asset,
                    counter_amount,
                    fee_asset,
                    fee_amount,
                    trade.account,
                    trade.to_account,
                    trade.reference,
                    trade.note,
                    String::new(),
                    fiat_value,
                    fiat_currency,
                ],
            });
        }
        // Oldest first; what happened at the same moment keeps its order (entries, then trades).
        lines.sort_by_key(|line| line.at);
        let rows = lines.len();
        let bytes = write_csv(
            &TRANSACTION_COLUMNS,
            lines.iter().map(|line| line.cells.as_slice()),
        )?;
        Ok((bytes, rows))
    }

    fn holdings_csv(&self) -> Result<(Vec<u8>, usize), AppError> {
        let portfolio = self.portfolio()?;
        let mut lines: Vec<Vec<String>> = Vec::new();
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        for holding in &portfolio.holdings {
            let (price, price_time) = holding
                .price
                .as_ref()
                .map_or((String::new(), String::new()), |p| {
                    (p.price.clone(), p.observed_at.clone())
                });
            lines.push(vec![
                holding.asset.clone(),
                holding.quantity.decimal.clone(),
                String::new(),
                price.clone(),
                price_time.clone(),
                text(&holding.value),
                text(&holding.cost),
                text(&holding.unrealized),
                text(&holding.realized),
                portfolio.currency.clone(),
            ]);
            for place in &holding.places {
                lines.push(vec![
                    holding.asset.clone(),
                    place.quantity.decimal.clone(),
                    place.place.clone(),
                    price.clone(),
                    price_time.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    portfolio.currency.clone(),
                ]);
            }
        }
        let rows = lines.len();
        let bytes = write_csv(&HOLDING_COLUMNS, lines.iter().map(Vec::as_slice))?;
        Ok((bytes, rows))
    }
}

fn write_csv<'a>(
    header: &[&str],
    rows: impl Iterator<Item = &'a [String]>,
) -> Result<Vec<u8>, AppError> {
    let broken = |error: csv::Error| {
        AppError::new(
            ErrorCode::Internal,
            format!("the CSV could not be written: {error}"),
        )
    };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).map_err(broken)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|cell| escaped_cell(cell).into_owned()))
            .map_err(broken)?;
    }
    writer.into_inner().map_err(|error| {
        AppError::new(
            ErrorCode::Internal,
            format!("the CSV could not be written: {error}"),
        )
    })
}
