//! The `sale_actions` table: each sale's actions, read back through the core's own
//! checks against the sale's terms, so a row this version cannot use is reported, never
//! guessed at.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, params};
use saleguard_core::action::{ActionDraft, ActionPurpose, SaleAction};
use saleguard_core::sale::{Sale, SaleId, SaleTerms};
use saleguard_core::timestamp::UtcTimestamp;

use crate::rows::invalid;
use crate::{Store, StoreError};

const ACTION_COLUMNS: &str = "id, sale_id, name, purpose, contract, contract_source, signature, arguments, created_at, updated_at, claimable";

/// A kept action.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRecord {
    pub id: i64,
    pub sale_id: SaleId,
    pub action: SaleAction,
    pub created_at: UtcTimestamp,
    pub updated_at: UtcTimestamp,
}

/// A row as stored, before its checks.
struct ActionRow {
    id: i64,
    sale_id: SaleId,
    draft: Option<ActionDraft>,
    created_at: i64,
    updated_at: i64,
}

fn read_action(row: &Row<'_>) -> rusqlite::Result<ActionRow> {
    let purpose: String = row.get(3)?;
    let arguments: String = row.get(7)?;
    let draft = ActionPurpose::parse(&purpose)
        .zip(serde_json::from_str::<Vec<String>>(&arguments).ok())
        .map(|(purpose, arguments)| {
            Ok::<_, rusqlite::Error>(ActionDraft {
                name: row.get(2)?,
                purpose,
                contract: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
                contract_source: row.get(5)?,
                signature: row.get(6)?,
                arguments,
                claimable: row.get(10)?,
            })
        })
        .transpose()?;
    Ok(ActionRow {
        id: row.get(0)?,
        sale_id: SaleId(row.get(1)?),
        draft,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

fn action_of(row: ActionRow, sale: &SaleTerms) -> Result<ActionRecord, StoreError> {
    let what = || invalid(&format!("action {}", row.id));
    let draft = row.draft.ok_or_else(what)?;
    let action = SaleAction::from_draft(&draft, sale).map_err(|_| what())?;
    Ok(ActionRecord {
        id: row.id,
        sale_id: row.sale_id,
        action,
        created_at: UtcTimestamp::from_unix_seconds(row.created_at).map_err(|_| what())?,
        updated_at: UtcTimestamp::from_unix_seconds(row.updated_at).map_err(|_| what())?,
    })
}

/// The columns an action is written with, as stored.
struct Stored {
    name: String,
    purpose: &'static str,
    contract: Option<String>,
    source: String,
    signature: String,
    arguments: String,
    claimable: String,
}

fn stored(action: &SaleAction) -> Stored {
    let draft = action.to_draft();
    Stored {
        arguments: serde_json::Value::from(draft.arguments).to_string(),
        name: draft.name,
        purpose: draft.purpose.as_str(),
        contract: (!draft.contract.is_empty()).then_some(draft.contract),
        source: draft.contract_source,
        signature: draft.signature,
        claimable: draft.claimable,
    }
}

impl Store {
    /// The actions of `sale`, in the order they were added.
    pub fn actions(&self, sale: SaleId) -> Result<Vec<ActionRecord>, StoreError> {
        let terms = self.sale(sale)?.terms;
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {ACTION_COLUMNS} FROM sale_actions WHERE sale_id = ?1 ORDER BY id"
        ))?;
        let rows = statement.query_map([sale.0], read_action)?;
        rows.map(|row| action_of(row?, &terms)).collect()
    }

    /// Every sale's actions, each sale's in the order they were added; `sales` are the
    /// sales they are read against (every sale with an action must be among them).
    pub fn all_actions(&self, sales: &[Sale]) -> Result<Vec<ActionRecord>, StoreError> {
        let terms: HashMap<SaleId, &SaleTerms> =
            sales.iter().map(|sale| (sale.id, &sale.terms)).collect();
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {ACTION_COLUMNS} FROM sale_actions ORDER BY sale_id, id"
        ))?;
        let rows = statement.query_map([], read_action)?;
        rows.map(|row| {
            let row = row?;
            let sale = *terms
                .get(&row.sale_id)
                .ok_or(StoreError::SaleNotFound(row.sale_id))?;
            action_of(row, sale)
        })
        .collect()
    }

    /// The action with this id, whichever sale it is of.
    pub fn action(&self, id: i64) -> Result<ActionRecord, StoreError> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {ACTION_COLUMNS} FROM sale_actions WHERE id = ?1"),
                [id],
                read_action,
            )
            .optional()?
            .ok_or(StoreError::ActionNotFound(id))?;
        let terms = self.sale(row.sale_id)?.terms;
        action_of(row, &terms)
    }

    /// Adds an action to `sale` (which must exist).
    pub fn insert_action(
        &mut self,
        sale: SaleId,
        action: &SaleAction,
        now: UtcTimestamp,
    ) -> Result<ActionRecord, StoreError> {
        self.sale(sale)?;
        let row = stored(action);
        self.conn.execute(
            "INSERT INTO sale_actions (sale_id, name, purpose, contract, contract_source,
                 signature, arguments, created_at, updated_at, claimable)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
            params![
                sale.0,
                row.name,
                row.purpose,
                row.contract,
                row.source,
                row.signature,
                row.arguments,
                now.unix_seconds(),
                row.claimable,
            ],
        )?;
        self.action(self.conn.last_insert_rowid())
    }

    /// Replaces what action `id` is; its sale stays.
    pub fn update_action(
        &mut self,
        id: i64,
        action: &SaleAction,
        now: UtcTimestamp,
    ) -> Result<ActionRecord, StoreError> {
        let row = stored(action);
        let changed = self.conn.execute(
            "UPDATE sale_actions SET name = ?2, purpose = ?3, contract = ?4,
                 contract_source = ?5, signature = ?6, arguments = ?7, updated_at = ?8,
                 claimable = ?9
             WHERE id = ?1",
            params![
                id,
                row.name,
                row.purpose,
                row.contract,
                row.source,
                row.signature,
                row.arguments,
                now.unix_seconds(),
                row.claimable,
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::ActionNotFound(id));
        }
        self.action(id)
    }

    /// Removes action `id`; whether there was one.
    pub fn delete_action(&mut self, id: i64) -> Result<bool, StoreError> {
        let removed = self
            .conn
            .execute("DELETE FROM sale_actions WHERE id = ?1", [id])?;
        Ok(removed > 0)
    }
}
