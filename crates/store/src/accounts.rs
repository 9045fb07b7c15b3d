//! The `accounts` table: public data only (never a secret).

use std::str::FromStr;

use rusqlite::{OptionalExtension, Row};
use saleguard_core::Address;
use saleguard_core::account::{
    Account, AccountId, AccountKind, DerivationPath, HardwareWallet, NewAccount,
};
use saleguard_core::timestamp::UtcTimestamp;

use crate::{Store, StoreError};

const COLUMNS: &str = "id, label, kind, address, derivation_path, secret_ref, created_at";

impl Store {
    /// Every account, in the order they were added.
    pub fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let mut statement = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM accounts ORDER BY id"))?;
        let rows = statement.query_map([], |row| Ok(read_account(row)))?;
        rows.map(|row| row?).collect()
    }

    pub fn account(&self, id: AccountId) -> Result<Account, StoreError> {
        self.find_account("id = ?1", &id.0)?
            .ok_or(StoreError::AccountNotFound(id))
    }

    pub fn account_with_address(&self, address: &Address) -> Result<Option<Account>, StoreError> {
        self.find_account("address = ?1", &address.to_checksum(None))
    }

    /// The account with this label, compared without regard to ASCII case.
    pub fn account_with_label(&self, label: &str) -> Result<Option<Account>, StoreError> {
        self.find_account("label = ?1", &label)
    }

    /// The accounts whose secret is the keyring entry `secret_reference`.
    pub fn accounts_sharing_secret(
        &self,
        secret_reference: &str,
    ) -> Result<Vec<Account>, StoreError> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM accounts WHERE secret_ref = ?1 ORDER BY id"
        ))?;
        let rows = statement.query_map([secret_reference], |row| Ok(read_account(row)))?;
        rows.map(|row| row?).collect()
    }

    pub fn insert_account(
        &mut self,
        account: &NewAccount,
        now: UtcTimestamp,
    ) -> Result<Account, StoreError> {
        self.conn.execute(
            "INSERT INTO accounts (label, kind, address, derivation_path, secret_ref, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            rusqlite::params![
                account.label,
                account.kind.as_str(),
                account.address.to_checksum(None),
                account.derivation_path.as_ref().map(ToString::to_string),
                account.secret_reference,
                now.unix_seconds(),
            ],
        )?;
        self.account(AccountId(self.conn.last_insert_rowid()))
    }

    /// Records a hardware account and the wallet that holds its key, together.
    pub fn insert_hardware_account(
        &mut self,
        account: &NewAccount,
        wallet: HardwareWallet,
        now: UtcTimestamp,
    ) -> Result<Account, StoreError> {
        let transaction = self.conn.transaction()?;
        transaction.execute(
            "INSERT INTO accounts (label, kind, address, derivation_path, secret_ref, created_at, updated_at) \
             VALUES (?1, 'hardware', ?2, ?3, NULL, ?4, ?4)",
            rusqlite::params![
                account.label,
                account.address.to_checksum(None),
                account.derivation_path.as_ref().map(ToString::to_string),
                now.unix_seconds(),
            ],
        )?;
        let id = transaction.last_insert_rowid();
        transaction.execute(
            "INSERT INTO hardware_accounts (account_id, wallet) VALUES (?1, ?2)",
            rusqlite::params![id, wallet.as_str()],
        )?;
        transaction.commit()?;
        self.account(AccountId(id))
    }

    /// The wallet holding a hardware account's key; none for other accounts.
    pub fn hardware_wallet(&self, id: AccountId) -> Result<Option<HardwareWallet>, StoreError> {
        let name: Option<String> = self
            .conn
            .query_row(
                "SELECT wallet FROM hardware_accounts WHERE account_id = ?1",
                [id.0],
                |row| row.get(0),
            )
            .optional()?;
        match name {
            None => Ok(None),
            Some(name) => {
                HardwareWallet::parse(&name)
                    .map(Some)
                    .ok_or_else(|| StoreError::InvalidRow {
                        what: "hardware wallet".to_owned(),
                    })
            }
        }
    }

    /// The wallet of every hardware account, by account.
    pub fn hardware_wallets(
        &self,
    ) -> Result<std::collections::HashMap<AccountId, HardwareWallet>, StoreError> {
        let mut statement = self
            .conn
            .prepare("SELECT account_id, wallet FROM hardware_accounts")?;
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut wallets = std::collections::HashMap::new();
        for row in rows {
            let (id, name) = row?;
            let wallet = HardwareWallet::parse(&name).ok_or_else(|| StoreError::InvalidRow {
                what: "hardware wallet".to_owned(),
            })?;
            wallets.insert(AccountId(id), wallet);
        }
        Ok(wallets)
    }

    pub fn rename_account(
        &mut self,
        id: AccountId,
        label: &str,
        now: UtcTimestamp,
    ) -> Result<Account, StoreError> {
        let changed = self.conn.execute(
            "UPDATE accounts SET label = ?1, updated_at = ?2 WHERE id = ?3",
            rusqlite::params![label, now.unix_seconds(), id.0],
        )?;
        if changed == 0 {
            return Err(StoreError::AccountNotFound(id));
        }
        self.account(id)
    }

    pub fn delete_account(&mut self, id: AccountId) -> Result<(), StoreError> {
        match self
            .conn
            .execute("DELETE FROM accounts WHERE id = ?1", [id.0])?
        {
            0 => Err(StoreError::AccountNotFound(id)),
            _ => Ok(()),
        }
    }

    fn find_account(
        &self,
        condition: &str,
        value: &dyn rusqlite::ToSql,
    ) -> Result<Option<Account>, StoreError> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM accounts WHERE {condition}"))?
            .query_row([value], |row| Ok(read_account(row)))
            .optional()?
            .transpose()
    }
}

fn read_account(row: &Row<'_>) -> Result<Account, StoreError> {
    let invalid = |what: &str| StoreError::InvalidRow {
        what: what.to_owned(),
    };
    let kind = AccountKind::parse(&row.get::<_, String>("kind")?)
        .ok_or_else(|| invalid("account kind"))?;
    let address = Address::from_str(&row.get::<_, String>("address")?)
        .map_err(|_| invalid("account address"))?;
    let derivation_path = row
        .get::<_, Option<String>>("derivation_path")?
        .map(|text| DerivationPath::parse(&text).map_err(|_| invalid("derivation path")))
        .transpose()?;
    let created_at = UtcTimestamp::from_unix_seconds(row.get("created_at")?)
        .map_err(|_| invalid("account created time"))?;
    Ok(Account {
        id: AccountId(row.get("id")?),
        label: row.get("label")?,
        kind,
        address,
        derivation_path,
        secret_reference: row.get("secret_ref")?,
        created_at,
    })
}
