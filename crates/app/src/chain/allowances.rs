//! What the user's accounts allow the contracts of their token-paid sales to take: read
//! from each payment token's `allowance` now, never from what Saleguard remembers
//! approving, and revoked by an approval of nothing, reviewed and signed like any other.

use std::collections::BTreeSet;

use saleguard_chain::Node;
use saleguard_core::address::{checksummed, parse_address};
use saleguard_core::approval::{approval_in, is_unlimited};
use saleguard_core::sale::AcceptedCurrency;
use saleguard_core::transaction::{FeeSpeed, TxPurpose};
use saleguard_core::{Address, U256};
use saleguard_store::ParticipationId;
use serde::{Deserialize, Serialize};

use super::plans::{ActInput, ArgumentValue, TransactionPlan, payment_spender};
use crate::dto::Amount;
use crate::{AppError, ErrorCode, Saleguard};

/// What one account allows one contract of a sale to take of its payment token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AllowanceView {
    pub participation_id: i64,
    pub project_name: String,
    pub account_id: i64,
    pub account_label: String,
    pub owner: String,
    pub token: String,
    pub spender: String,
    /// What the spender may take now.
    pub amount: Amount,
    /// 2²⁵⁵ base units or more: for all purposes, everything.
    pub unlimited: bool,
}

/// An allowance to revoke: an approval of nothing for `spender`, from the account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RevokeInput {
    pub participation_id: i64,
    pub account_id: i64,
    /// The contract allowed, as listed.
    pub spender: String,
    #[serde(default)]
    pub fee_speed: FeeSpeed,
}

impl Saleguard {
    /// The allowances the user's accounts gave the contracts of token-paid sales (of
    /// one participation's sale, or of every participation's), as the tokens say now;
    /// only those above zero. The contracts asked about: the sale's address, the one
    /// that takes its payment, and every spender an approval recorded here named.
    pub async fn allowances(
        &self,
        participation_id: Option<i64>,
    ) -> Result<Vec<AllowanceView>, AppError> {
        let (asked, accounts) = {
            let store = self.store()?;
            let participations = match participation_id {
                Some(id) => vec![store.participation(ParticipationId(id))?],
                None => store.participations()?,
            };
            let mut asked = Vec::new();
            for participation in participations {
                let sale = store.sale(participation.sale_id)?;
                let AcceptedCurrency::Erc20 {
                    address: token,
                    symbol,
                    decimals,
                } = sale.terms.currency.clone()
                else {
                    continue;
                };
                let actions = store.actions(sale.id)?;
                let mut spenders = BTreeSet::from([sale.terms.contribution_address]);
                spenders.extend(payment_spender(&sale, &actions));
                spenders.extend(
                    store
                        .transactions_of(participation.id)?
                        .iter()
                        .filter(|record| record.purpose == TxPurpose::Approval)
                        .filter_map(|record| approval_in(&record.input))
                        .map(|(spender, _)| spender),
                );
                asked.push(Asked {
                    participation: participation.id.0,
                    project_name: sale.terms.project_name.clone(),
                    chain_id: sale.terms.chain_id,
                    token,
                    symbol,
                    decimals,
                    spenders,
                });
            }
            (asked, store.accounts()?)
        };
        let mut found = Vec::new();
        for sale in asked {
            let network = self.configured_network(sale.chain_id).await?;
            let node = Node::connect(&network).await?;
            for account in &accounts {
                for spender in &sale.spenders {
                    let allowed = node
                        .allowance(sale.token, account.address, *spender)
                        .await?;
                    if allowed.is_zero() {
                        continue;
                    }
                    found.push(AllowanceView {
                        participation_id: sale.participation,
                        project_name: sale.project_name.clone(),
                        account_id: account.id.0,
                        account_label: account.label.clone(),
                        owner: checksummed(&account.address),
                        token: checksummed(&sale.token),
                        spender: checksummed(spender),
                        amount: Amount::new(allowed, sale.decimals, &sale.symbol),
                        unlimited: is_unlimited(allowed),
                    });
                }
            }
        }
        Ok(found)
    }

    /// Plans the revocation of an allowance without keeping it: a dry run.
    pub async fn plan_revoke(&self, input: &RevokeInput) -> Result<TransactionPlan, AppError> {
        self.plan_action(&revocation(input)?).await
    }

    /// Plans the revocation of an allowance (the sale's approval, of nothing) and keeps
    /// it as a draft to sign.
    pub async fn prepare_revoke(&self, input: &RevokeInput) -> Result<TransactionPlan, AppError> {
        self.prepare_action(&revocation(input)?).await
    }
}

/// A token-paid sale's contracts to ask about.
struct Asked {
    participation: i64,
    project_name: String,
    chain_id: u64,
    token: Address,
    symbol: String,
    decimals: u8,
    spenders: BTreeSet<Address>,
}

/// The approval that revokes: the spender (the first parameter of every approval) given
/// nothing (the second).
fn revocation(input: &RevokeInput) -> Result<ActInput, AppError> {
    let spender = parse_address(&input.spender).map_err(|error| {
        AppError::at_field("spender", ErrorCode::InvalidAddress, error.to_string())
    })?;
    let argument = |position: &str, value: String| ArgumentValue {
        parameter: position.to_owned(),
        value,
    };
    Ok(ActInput {
        participation_id: input.participation_id,
        account_id: input.account_id,
        approval: true,
        arguments: vec![
            argument("1", checksummed(&spender)),
            argument("2", U256::ZERO.to_string()),
        ],
        fee_speed: input.fee_speed,
        ..ActInput::default()
    })
}
