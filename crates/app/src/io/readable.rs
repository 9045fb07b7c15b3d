//! Whether data can be used: an import is first written into a scratch database in
//! memory and every screen and read command is run over it, so what a file says that
//! the app could not show (a trade at a time before 1970, an amount of 80 digits, the
//! price sources `csv,csv`) is refused before it reaches the user's file — never found
//! later as `database_corrupt` on some screen.

use std::sync::{Arc, Mutex};

use saleguard_core::timestamp::UtcTimestamp;
use saleguard_store::{Store, TableRows};

use super::csv::CsvExportKind;
use crate::portfolio::trades::TradeQuery;
use crate::pricing::book::PriceQuery;
use crate::review::ReviewInput;
use crate::{AppError, ErrorCode, Saleguard};

/// A read that failed over the imported data: what it was and why.
#[derive(Debug)]
pub(crate) struct Unreadable {
    pub what: String,
    pub error: AppError,
}

impl Saleguard {
    /// `tables` written into a scratch database with this Saleguard's clock, checked by
    /// every read there is ([`Saleguard::read_everything`]); nothing of the user's is
    /// touched. `Ok(Err(..))` is data the app cannot use.
    pub(crate) fn try_in_scratch(
        &self,
        tables: &[TableRows],
        write: impl FnOnce(&mut Store, &[TableRows]) -> Result<(), AppError>,
    ) -> Result<Result<(), Unreadable>, AppError> {
        let mut store = Store::open_scratch()?;
        write(&mut store, tables)?;
        let scratch = Saleguard::over(
            self.paths.clone(),
            Arc::clone(&self.clock),
            Ok(Mutex::new(store)),
        );
        Ok(scratch.read_everything())
    }

    /// Every list, page and export the shells offer, over all of the data: each must
    /// answer. A contribution's review may refuse what it is asked, never fail on the
    /// data (`database_corrupt`, `internal`). Reads only: no keyring, no network, no
    /// file.
    pub(crate) fn read_everything(&self) -> Result<(), Unreadable> {
        fn read<T>(what: impl Into<String>, result: Result<T, AppError>) -> Result<T, Unreadable> {
            result.map_err(|error| Unreadable {
                what: what.into(),
                error,
            })
        }
        let accounts = read("the accounts", self.list_accounts())?;
        for account in &accounts {
            read(format!("account {}", account.id), self.account(account.id))?;
        }
        for sale in read("the sales", self.list_sales())? {
            let of_sale = |what: &str| format!("{what} of sale {}", sale.id);
            read(of_sale("the page"), self.sale(sale.id))?;
            read(of_sale("the form"), self.sale_draft(sale.id))?;
            for action in read(of_sale("the actions"), self.sale_actions(sale.id))? {
                read(
                    format!("action {}", action.id),
                    self.action_draft(action.id),
                )?;
            }
            read(of_sale("the contract terms"), self.contract_terms(sale.id))?;
            read(of_sale("the research"), self.research(sale.id))?;
            read(
                of_sale("the official addresses"),
                self.official_addresses(Some(sale.id)),
            )?;
            read(
                of_sale("the overrides"),
                self.review_overrides(Some(sale.id)),
            )?;
            let from = accounts
                .first()
                .map_or_else(|| sale.contribution_address.clone(), |a| a.address.clone());
            let review = self.review_contribution(&ReviewInput {
                sale_id: sale.id,
                from,
                to: sale.contribution_address.clone(),
                amount: "1".to_owned(),
                chain_id: String::new(),
                at: String::new(),
            });
            match review {
                Err(error)
                    if matches!(error.code, ErrorCode::DatabaseCorrupt | ErrorCode::Internal) =>
                {
                    return Err(Unreadable {
                        what: of_sale("a contribution's review"),
                        error,
                    });
                }
                _ => {}
            }
        }
        for participation in read("the participations", self.participations_in_full())? {
            let id = participation.id;
            read(format!("participation {id}"), self.participation(id))?;
            read(
                format!("the tokens from others of participation {id}"),
                self.transfers_from_others(id),
            )?;
            let transactions = read(
                format!("the transactions of participation {id}"),
                self.transactions_of(id),
            )?;
            for transaction in transactions {
                read(
                    format!("transaction {}", transaction.id),
                    self.transaction(&transaction.id),
                )?;
            }
        }
        read("the transactions in flight", self.transactions_in_flight())?;
        for network in read("the networks", self.networks())? {
            read(
                format!("network {}", network.chain_id),
                self.network_draft(network.chain_id),
            )?;
        }
        // Every row, as the lists read them (a page at a time in the window).
        read(
            "the trades",
            self.each_trade(&TradeQuery::default(), |_| Ok(())),
        )?;
        read(
            "the price book",
            self.each_price(&PriceQuery::default(), |_| Ok(())),
        )?;
        read("the price sources", self.price_sources())?;
        read("the settings", self.settings())?;
        read("the budgets", self.budgets())?;
        read("the current budget", self.current_budget())?;
        read("the portfolio", self.portfolio())?;
        read("the portfolio's charts", self.portfolio_charts())?;
        read("the contacts", self.contacts())?;
        read("the review policy", self.review_policy())?;
        // What the backup reminder and the export read (their use cases live beside
        // the import, which must not call back into them).
        read(
            "the backup reminder",
            self.store()
                .and_then(|store| store.last_backup_at().map_err(AppError::from)),
        )?;
        let (earliest, latest) = (
            UtcTimestamp::UNIX_EPOCH,
            UtcTimestamp::parse("9999-12-31 23:59").map_err(|error| Unreadable {
                what: "the calendar".to_owned(),
                error: AppError::new(ErrorCode::Internal, error.to_string()),
            })?,
        );
        read("the calendar", self.calendar(earliest, latest))?;
        for kind in [CsvExportKind::Transactions, CsvExportKind::Holdings] {
            read(format!("the CSV export of {kind:?}"), self.export_csv(kind))?;
        }
        read(
            "the export",
            self.store()
                .and_then(|store| store.export_rows().map_err(AppError::from)),
        )?;
        Ok(())
    }
}
