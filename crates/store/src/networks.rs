//! The user's networks and each sale's token on chain (its contract terms). Both are
//! read back through the core's own checks, so a row this version cannot use is
//! reported, never guessed at.

use rusqlite::{OptionalExtension, Row, params};
use saleguard_core::network::{Network, NetworkDraft};
use saleguard_core::sale::SaleId;
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::transaction::{ContractTerms, ContractTermsDraft};

use crate::rows::invalid;
use crate::{Store, StoreError};

const NETWORK_COLUMNS: &str =
    "chain_id, name, native_symbol, native_decimals, rpc_url, explorer_url, confirmations";

fn read_network(row: &Row<'_>) -> rusqlite::Result<NetworkDraft> {
    Ok(NetworkDraft {
        chain_id: row.get::<_, i64>(0)?.to_string(),
        name: row.get(1)?,
        native_symbol: row.get(2)?,
        native_decimals: row.get::<_, i64>(3)?.to_string(),
        rpc_url: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
        explorer_url: row.get::<_, Option<String>>(5)?.unwrap_or_default(),
        confirmations: row.get::<_, i64>(6)?.to_string(),
    })
}

fn network(draft: NetworkDraft) -> Result<Network, StoreError> {
    Network::from_draft(&draft).map_err(|_| invalid("network"))
}

impl Store {
    /// Adds the network, or replaces the one with its chain id, with the keyring
    /// reference of its full RPC URL when that is a secret (then `network.rpc_url` is
    /// the URL without it).
    pub fn save_network(
        &mut self,
        network: &Network,
        rpc_secret: Option<&str>,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        let chain_id = i64::try_from(network.chain_id).map_err(|_| invalid("chain id"))?;
        let transaction = self.conn.transaction()?;
        transaction.execute(
            &format!(
                "INSERT INTO networks ({NETWORK_COLUMNS}, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (chain_id) DO UPDATE SET name = ?2, native_symbol = ?3,
                     native_decimals = ?4, rpc_url = ?5, explorer_url = ?6,
                     confirmations = ?7, updated_at = ?8"
            ),
            params![
                chain_id,
                network.name,
                network.native_symbol,
                network.native_decimals,
                network.rpc_url.as_ref().map(|url| url.as_str()),
                network.explorer_url.as_ref().map(|url| url.as_str()),
                network.confirmations,
                now.unix_seconds(),
            ],
        )?;
        transaction.execute(
            "DELETE FROM network_rpc_secrets WHERE chain_id = ?1",
            [chain_id],
        )?;
        if let Some(reference) = rpc_secret {
            transaction.execute(
                "INSERT INTO network_rpc_secrets (chain_id, secret_ref) VALUES (?1, ?2)",
                params![chain_id, reference],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// The keyring reference of the network's full RPC URL, when it is a secret.
    pub fn rpc_secret(&self, chain_id: u64) -> Result<Option<String>, StoreError> {
        let Ok(chain_id) = i64::try_from(chain_id) else {
            return Ok(None);
        };
        Ok(self
            .conn
            .query_row(
                "SELECT secret_ref FROM network_rpc_secrets WHERE chain_id = ?1",
                [chain_id],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Every network the user configured, by chain id.
    pub fn networks(&self) -> Result<Vec<Network>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {NETWORK_COLUMNS} FROM networks ORDER BY chain_id"
        ))?;
        let rows = statement.query_map([], read_network)?;
        rows.map(|row| network(row?)).collect()
    }

    /// The network of this chain, if configured.
    pub fn network(&self, chain_id: u64) -> Result<Option<Network>, StoreError> {
        let Ok(chain_id) = i64::try_from(chain_id) else {
            return Ok(None);
        };
        self.conn
            .query_row(
                &format!("SELECT {NETWORK_COLUMNS} FROM networks WHERE chain_id = ?1"),
                [chain_id],
                read_network,
            )
            .optional()?
            .map(network)
            .transpose()
    }

    /// Removes the network of this chain; whether there was one.
    pub fn delete_network(&mut self, chain_id: u64) -> Result<bool, StoreError> {
        let Ok(chain_id) = i64::try_from(chain_id) else {
            return Ok(false);
        };
        let removed = self
            .conn
            .execute("DELETE FROM networks WHERE chain_id = ?1", [chain_id])?;
        Ok(removed > 0)
    }

    /// Sets the sale's token on chain. The sale must exist.
    pub fn set_contract_terms(
        &mut self,
        sale: SaleId,
        terms: &ContractTerms,
        now: UtcTimestamp,
    ) -> Result<(), StoreError> {
        self.sale(sale)?;
        let draft = terms.to_draft();
        let optional = |text: String| (!text.is_empty()).then_some(text);
        self.conn.execute(
            "INSERT INTO contract_terms (sale_id, token_address, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (sale_id) DO UPDATE SET token_address = ?2, updated_at = ?3",
            params![sale.0, optional(draft.token_address), now.unix_seconds()],
        )?;
        Ok(())
    }

    /// The sale's token on chain, if the user named it.
    pub fn contract_terms(&self, sale: SaleId) -> Result<ContractTerms, StoreError> {
        let draft = self
            .conn
            .query_row(
                "SELECT token_address FROM contract_terms WHERE sale_id = ?1",
                [sale.0],
                |row| {
                    Ok(ContractTermsDraft {
                        token_address: row.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    })
                },
            )
            .optional()?;
        match draft {
            None => Ok(ContractTerms::default()),
            Some(draft) => ContractTerms::from_draft(&draft).map_err(|_| invalid("contract terms")),
        }
    }
}
