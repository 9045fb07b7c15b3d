//! The sale's actions on chain — a contribution, a refund claim, a token or vested claim,
//! a call the user named — planned: the review (a contribution's whole review; the
//! network's checks for every action) and the unsigned transaction the user would sign,
//! kept as a draft with an id so that it is signed and sent at most once.

use alloy_consensus::{SignableTransaction, TxEip1559};
use saleguard_chain::Node;
use saleguard_core::account::{Account, AccountId, HardwareWallet};
use saleguard_core::action::{ActionPurpose, ActionValueError, ActionValues, SaleAction};
use saleguard_core::address::checksummed;
use saleguard_core::amount::format_amount;
use saleguard_core::approval::{ApprovalFacts, approval_findings, approval_in, is_unlimited};
use saleguard_core::network::Network;
use saleguard_core::preview::{Expected, preview_findings, preview_unavailable};
use saleguard_core::receipt::{CoinsReturned, Effects};
use saleguard_core::review::guards::{GuardInput, LedgerFact, action_guards};
use saleguard_core::review::{Finding, FindingCode, Review, Verdict};
use saleguard_core::sale::{AcceptedCurrency, Sale};
use saleguard_core::timestamp::UtcTimestamp;
use saleguard_core::transaction::{
    CallRequest, Fees, PlannedCall, TxPurpose, TxStatus, gas_limit_for, max_fee_cost,
    network_findings, unsigned_transaction,
};
use saleguard_core::{Address, Bytes, U256};
use saleguard_hardware::{DeviceSoftware, Signing, device_prompt};
use saleguard_store::{ActionRecord, EntrySource, ParticipationId, TakenAction, TransactionRecord};
use serde::{Deserialize, Serialize};

pub use saleguard_core::action::ArgumentValue;
pub use saleguard_core::transaction::FeeSpeed;
pub use saleguard_hardware::{DevicePrompt, DeviceScreen};

use super::effects::{EffectView, expected_lines};
use crate::money::typed_amount;
use crate::review::{ReviewInput, ReviewView, review_view};
use crate::sales::actions::action_refused;
use crate::{AppError, ErrorCode, Saleguard};

/// A contribution to plan, as chosen in the wizard or on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ContributionInput {
    pub participation_id: i64,
    pub account_id: i64,
    /// Whole units of the sale's accepted currency ("0.5").
    pub amount: String,
    #[serde(default)]
    pub fee_speed: FeeSpeed,
}

/// A refund claim to plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RefundInput {
    pub participation_id: i64,
    pub account_id: i64,
    #[serde(default)]
    pub fee_speed: FeeSpeed,
}

/// One of the sale's actions to take for a participation, as chosen in the wizard or on
/// the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActInput {
    pub participation_id: i64,
    /// The sale's action; none for the sale's contribution (its "contribute" action, or
    /// a plain or ERC-20 transfer when it has none).
    pub action_id: Option<i64>,
    pub account_id: i64,
    /// Whole units of the sale's currency ("0.5"), for a contribution or an action that
    /// passes `{amount}`; empty otherwise.
    #[serde(default)]
    pub amount: String,
    /// Whole units of the sale's token, for an action that passes `{token_amount}`.
    #[serde(default)]
    pub token_amount: String,
    /// Values for this transaction only, in place of the action's own arguments.
    #[serde(default)]
    pub arguments: Vec<ArgumentValue>,
    /// The approval of the sale's payment token instead of `action_id`: the sale's
    /// "approve payment" action, or ERC-20 `approve` of the contract that takes the
    /// contribution for `amount`.
    #[serde(default)]
    pub approval: bool,
    #[serde(default)]
    pub fee_speed: FeeSpeed,
}

impl From<&ContributionInput> for ActInput {
    fn from(input: &ContributionInput) -> Self {
        Self {
            participation_id: input.participation_id,
            action_id: None,
            account_id: input.account_id,
            amount: input.amount.clone(),
            fee_speed: input.fee_speed,
            ..Self::default()
        }
    }
}

/// One argument of the call, decoded from the calldata to be signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CallArgumentView {
    /// The parameter's name in the signature; empty when it has none.
    pub name: String,
    /// Its ABI type (`bytes32[]`).
    #[serde(rename = "type")]
    pub ty: String,
    /// The value, as people read it: addresses checksummed, numbers in decimal.
    pub value: String,
}

/// The transaction as the user will sign it, in words and in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransactionSummary {
    pub from: String,
    /// The transaction's destination: the sale, or the token's contract for a sale paid
    /// in a token.
    pub to: String,
    /// The sale's address, where the contribution ends up.
    pub sale_address: String,
    /// The contribution, with its currency ("0.5 ETH"); "0 ETH" for a refund claim.
    pub amount: String,
    /// Coins the transaction carries, in wei and in words.
    pub value_wei: String,
    pub value: String,
    pub chain_id: u64,
    pub network: String,
    /// The sale's action taken ("Withdraw tokens"); "Contribute" for a contribution by
    /// transfer.
    pub action: String,
    /// The call in words (`contribute()`), none for a plain transfer.
    pub decoded_call: Option<String>,
    /// Each argument of the call, decoded again from the calldata about to be signed.
    pub arguments: Vec<CallArgumentView>,
    /// The calldata, 0x-hex.
    pub data: String,
    pub nonce: u64,
    /// 0 when the node could not estimate (the call reverts).
    pub gas_limit: u64,
    pub fee_speed: FeeSpeed,
    pub max_fee_per_gas: String,
    pub max_priority_fee_per_gas: String,
    /// The most the fees can cost, with the coin ("0.00042 ETH").
    pub max_fee: String,
    /// What the signer signs: the EIP-1559 signing hash of this exact transaction.
    pub signing_hash: String,
    /// The unsigned transaction, EIP-2718 encoded for signing, 0x-hex.
    pub unsigned: String,
    /// For an account on a hardware wallet: what its screen will show, to compare.
    pub device_prompt: Option<DevicePrompt>,
}

/// The review of a transaction with the network's checks, and the transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TransactionPlan {
    /// The draft to sign: none for a dry run, when the node says the call fails, or
    /// while the approval it waits for is not confirmed.
    pub draft_id: Option<String>,
    pub purpose: TxPurpose,
    pub review: ReviewView,
    pub transaction: TransactionSummary,
    /// For a contribution the sale takes from the account's token balance
    /// (`transferFrom`): what it may take now, and the approval to sign first.
    pub payment: Option<PaymentView>,
    /// What the node's simulation of this exact transaction says it would move, in
    /// words; none when the node cannot simulate (the review says so) or the call fails.
    pub preview: Option<Vec<EffectView>>,
}

/// A contribution the sale pulls from the account's balance of its payment token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PaymentView {
    /// The payment token's contract.
    pub token: String,
    /// The contract that takes the payment.
    pub spender: String,
    /// What the spender may take from the account now ("0 USDC").
    pub allowance: String,
    /// The approval to sign and see confirmed first, when the allowance is short of the
    /// contribution: the contribution is then planned again, with its own fees and
    /// signing hash, since the node cannot check it before.
    pub approval: Option<Box<TransactionPlan>>,
}

/// What the guards before an action are told about it besides the participation.
struct Guarded {
    purpose: ActionPurpose,
    /// It takes back an allowance.
    revokes: bool,
    /// What the contract's view says can be claimed now, if the action names one.
    claimable: Option<U256>,
    /// The contract it calls, on chain `chain_id`.
    contract: Address,
    chain_id: u64,
}

/// A planned transaction before it is kept: everything signing needs.
pub(crate) struct Planned {
    pub(crate) purpose: TxPurpose,
    /// The action taken and the values given for it.
    pub(crate) taken: TakenAction,
    pub(crate) participation: ParticipationId,
    pub(crate) sale: Sale,
    pub(crate) account: Account,
    /// The hardware wallet holding the account's key, if one does.
    pub(crate) wallet: Option<HardwareWallet>,
    pub(crate) network: Network,
    pub(crate) call: PlannedCall,
    pub(crate) amount: U256,
    pub(crate) review: Review,
    pub(crate) reviewed_at: UtcTimestamp,
    pub(crate) tx: TxEip1559,
    pub(crate) fee_speed: FeeSpeed,
    /// For a contribution the sale pulls in its payment token.
    pub(crate) payment: Option<Payment>,
    /// What the node's simulation says it would move; none when it could not run.
    pub(crate) preview: Option<Vec<EffectView>>,
}

/// What a token-paid sale may take from the account, and the approval it needs first.
pub(crate) struct Payment {
    pub(crate) token: Address,
    pub(crate) spender: Address,
    pub(crate) allowance: U256,
    pub(crate) approval: Option<Box<Planned>>,
}

/// The contract that takes a token-paid sale's payment with `transferFrom`: its
/// contribute action's, when that calls a function. None when the sale is paid in coins
/// or takes the payment by an ERC-20 transfer: then nothing is approved.
pub(crate) fn payment_spender(sale: &Sale, actions: &[ActionRecord]) -> Option<Address> {
    if !matches!(sale.terms.currency, AcceptedCurrency::Erc20 { .. }) {
        return None;
    }
    actions
        .iter()
        .find(|record| {
            record.action.purpose == ActionPurpose::Contribute && record.action.function.is_some()
        })
        .map(|record| record.action.target(&sale.terms))
}

/// The unsigned transaction a stored draft describes: exactly the reviewed fields.
pub(crate) fn draft_transaction(record: &TransactionRecord) -> TxEip1559 {
    unsigned_transaction(
        &request_of_record(record),
        record.chain_id,
        record.nonce,
        record.gas_limit,
        Fees {
            max_fee_per_gas: record.max_fee_per_gas,
            max_priority_fee_per_gas: record.max_priority_fee_per_gas,
        },
    )
}

/// The call a stored transaction makes, as it goes on the wire.
pub(crate) fn request_of_record(record: &TransactionRecord) -> CallRequest {
    CallRequest {
        from: record.from,
        to: record.to,
        value: record.value,
        input: record.input.clone(),
    }
}

/// A template the action passes whose value was not given, at its field.
fn value_refused(error: ActionValueError) -> AppError {
    let field = match error {
        ActionValueError::AmountMissing => "amount",
        ActionValueError::TokenAmountMissing => "tokenAmount",
    };
    AppError::at_field(field, ErrorCode::Required, error.to_string())
}

/// A fresh draft id: 32 hex characters from the system's random source.
pub(crate) fn new_draft_id() -> Result<String, AppError> {
    saleguard_vault::random_id("").map_err(|error| {
        AppError::new(
            ErrorCode::Internal,
            format!("the system's random source failed: {error}"),
        )
    })
}

fn hex(bytes: &[u8]) -> String {
    Bytes::copy_from_slice(bytes).to_string()
}

impl Saleguard {
    /// Plans a contribution: the review of the sale's rules, the budget and the
    /// network's checks (balance, code, gas estimate or revert reason, fees, calldata),
    /// and the unsigned EIP-1559 transaction with the node's pending nonce. Nothing is
    /// signed, sent or kept: a dry run.
    pub async fn plan_contribution(
        &self,
        input: &ContributionInput,
    ) -> Result<TransactionPlan, AppError> {
        self.plan_action(&input.into()).await
    }

    /// Plans a contribution and keeps it as a draft to sign ([`Saleguard::send_transaction`]).
    /// A plan whose call the node says fails is not kept.
    pub async fn prepare_contribution(
        &self,
        input: &ContributionInput,
    ) -> Result<TransactionPlan, AppError> {
        self.prepare_action(&input.into()).await
    }

    /// Plans a refund claim without keeping it: a dry run.
    pub async fn plan_refund(&self, input: &RefundInput) -> Result<TransactionPlan, AppError> {
        self.plan_action(&self.refund_act(input)?).await
    }

    /// Plans a refund claim (the sale's "claim refund" action) and keeps it as a draft.
    pub async fn prepare_refund(&self, input: &RefundInput) -> Result<TransactionPlan, AppError> {
        self.prepare_action(&self.refund_act(input)?).await
    }

    /// Plans one of the sale's actions without keeping it: a dry run. A contribution
    /// gets the whole review; every action gets the network's checks and its call
    /// decoded again from the calldata.
    pub async fn plan_action(&self, input: &ActInput) -> Result<TransactionPlan, AppError> {
        let planned = self.planned_action(input).await?;
        let software = self.device_software(planned.wallet).await;
        Ok(self.plan_view(&planned, software.as_ref(), None, None))
    }

    /// Plans one of the sale's actions and keeps it as a draft to sign; for a
    /// contribution that waits for an approval, the approval is the draft kept.
    pub async fn prepare_action(&self, input: &ActInput) -> Result<TransactionPlan, AppError> {
        let planned = self.planned_action(input).await?;
        let approval_draft = match planned.payment.as_ref().and_then(|p| p.approval.as_deref()) {
            Some(approval) => self.keep_draft(approval)?,
            None => None,
        };
        let draft = self.keep_draft(&planned)?;
        let software = self.device_software(planned.wallet).await;
        Ok(self.plan_view(&planned, software.as_ref(), draft, approval_draft))
    }

    /// The action of `participation_id`'s sale named `name` (case aside), as `input`'s
    /// `action_id` and `approval`: "Contribute" on a sale that contributes by transfer
    /// and "Approve payment" on a token-paid sale without an action of its own for it
    /// name the actions every such sale has.
    pub fn choose_action(
        &self,
        participation_id: i64,
        name: &str,
        input: ActInput,
    ) -> Result<ActInput, AppError> {
        let store = self.store()?;
        let participation = store.participation(ParticipationId(participation_id))?;
        let sale = store.sale(participation.sale_id)?;
        let actions = store.actions(sale.id)?;
        let wanted = name.trim().to_lowercase();
        if let Some(record) = actions
            .iter()
            .find(|record| record.action.name.to_lowercase() == wanted)
        {
            return Ok(ActInput {
                action_id: Some(record.id),
                approval: record.action.purpose == ActionPurpose::ApprovePayment,
                ..input
            });
        }
        let has = |purpose: ActionPurpose| actions.iter().any(|r| r.action.purpose == purpose);
        let contributes_by_transfer = !has(ActionPurpose::Contribute);
        let approves_by_default =
            payment_spender(&sale, &actions).is_some() && !has(ActionPurpose::ApprovePayment);
        if contributes_by_transfer && wanted == "contribute" {
            return Ok(ActInput {
                action_id: None,
                approval: false,
                ..input
            });
        }
        if approves_by_default && wanted == "approve payment" {
            return Ok(ActInput {
                action_id: None,
                approval: true,
                ..input
            });
        }
        let mut names: Vec<String> = actions
            .iter()
            .map(|record| format!("“{}”", record.action.name))
            .collect();
        if approves_by_default {
            names.insert(0, "“Approve payment”".to_owned());
        }
        if contributes_by_transfer {
            names.insert(0, "“Contribute”".to_owned());
        }
        Err(AppError::new(
            ErrorCode::ActionNotFound,
            format!(
                "this sale has no action named “{}”; it has {}",
                name.trim(),
                names.join(", ")
            ),
        ))
    }

    /// A refund claim as an action: the sale's "claim refund" action, which it must have.
    fn refund_act(&self, input: &RefundInput) -> Result<ActInput, AppError> {
        let store = self.store()?;
        let participation = store.participation(ParticipationId(input.participation_id))?;
        let refund = store
            .actions(participation.sale_id)?
            .into_iter()
            .find(|record| record.action.purpose == ActionPurpose::ClaimRefund)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::NoRefundCall,
                    "this sale has no “claim refund” action: add one (e.g. claimRefund()) under the sale's actions on chain",
                )
            })?;
        Ok(ActInput {
            participation_id: input.participation_id,
            action_id: Some(refund.id),
            account_id: input.account_id,
            fee_speed: input.fee_speed,
            ..ActInput::default()
        })
    }

    /// Plans `input`: the action must be the sale's and offered in the participation's
    /// state, its values must fit their types, and then the review and the node decide.
    pub(crate) async fn planned_action(&self, input: &ActInput) -> Result<Planned, AppError> {
        let (participation, sale, account, wallet, record, spender) = {
            let store = self.store()?;
            let participation = store.participation(ParticipationId(input.participation_id))?;
            let sale = store.sale(participation.sale_id)?;
            let account = store.account(AccountId(input.account_id))?;
            let wallet = store.hardware_wallet(account.id)?;
            let actions = store.actions(sale.id)?;
            let of_purpose = |purpose: ActionPurpose| {
                actions
                    .iter()
                    .find(|record| record.action.purpose == purpose)
                    .cloned()
            };
            let record = match input.action_id {
                _ if input.approval => of_purpose(ActionPurpose::ApprovePayment),
                Some(id) => Some(store.action(id)?).filter(|record| record.sale_id == sale.id),
                None => of_purpose(ActionPurpose::Contribute),
            };
            if input.action_id.is_some() && !input.approval && record.is_none() {
                return Err(AppError::new(
                    ErrorCode::ActionNotFound,
                    "this action is not one of the participation's sale",
                ));
            }
            let spender = payment_spender(&sale, &actions);
            (participation, sale, account, wallet, record, spender)
        };
        let purpose = match &record {
            _ if input.approval => ActionPurpose::ApprovePayment,
            Some(record) => record.action.purpose,
            None => ActionPurpose::Contribute,
        };
        let action = match (&record, spender) {
            (Some(record), _) => Some(
                record
                    .action
                    .with_values(&input.arguments, &sale.terms)
                    .map_err(action_refused)?,
            ),
            (None, Some(spender)) if purpose == ActionPurpose::ApprovePayment => Some(
                SaleAction::default_approval(spender)
                    .with_values(&input.arguments, &sale.terms)
                    .map_err(action_refused)?,
            ),
            (None, None) if purpose == ActionPurpose::ApprovePayment => {
                return Err(AppError::new(
                    ErrorCode::ActionNotOffered,
                    "this sale takes no payment with transferFrom (it is paid in coins, or by an ERC-20 transfer): there is nothing to approve",
                ));
            }
            (None, _) if !input.arguments.is_empty() => {
                return Err(AppError::at_field(
                    "arguments",
                    ErrorCode::InvalidArgument,
                    "a contribution by plain transfer takes no arguments",
                ));
            }
            (None, _) => None,
        };
        let sale_ended = self.clock.now() >= sale.terms.window.ends_at();
        // Taking back an allowance is always possible, whatever the sale's state.
        let revokes = action.as_ref().is_some_and(SaleAction::approves_nothing);
        // A closed participation is the review's to block (`participation_closed`).
        let closed = participation.state.is_final();
        if !revokes && !closed && !purpose.offered(participation.state, sale_ended) {
            let name = action
                .as_ref()
                .map_or("Contribute", |action| action.name.as_str());
            return Err(AppError::new(
                ErrorCode::ActionNotOffered,
                format!(
                    "“{name}” is not offered while the participation is {}{}: nothing was planned",
                    participation.state.as_str().replace('_', " "),
                    if sale_ended {
                        " and the sale has ended"
                    } else {
                        " and the sale has not ended"
                    }
                ),
            ));
        }
        let network = self.configured_network(sale.terms.chain_id).await?;
        let node = Node::connect(&network).await?;
        let currency = &sale.terms.currency;
        let needs = |needed: bool, field: &str, text: &str, decimals: u8| {
            if needed {
                typed_amount(field, text, decimals).map(Some)
            } else {
                Ok(None)
            }
        };
        let passes_amount = action.as_ref().is_some_and(SaleAction::needs_amount);
        let token_amount = needs(
            action.as_ref().is_some_and(SaleAction::needs_token_amount),
            "tokenAmount",
            &input.token_amount,
            sale.terms.token_decimals,
        )?;
        let (call, review, reviewed_at, amount) = if purpose == ActionPurpose::Contribute {
            let reviewed = self.reviewed(&ReviewInput {
                sale_id: sale.id.0,
                from: input.account_id.to_string(),
                to: checksummed(&sale.terms.contribution_address),
                amount: input.amount.clone(),
                chain_id: network.chain_id.to_string(),
                at: String::new(),
            })?;
            let amount = reviewed.draft.amount;
            let call = PlannedCall::contribution(
                &sale.terms,
                action.as_ref(),
                account.address,
                amount,
                token_amount,
            )
            .map_err(value_refused)?;
            (call, reviewed.outcome, reviewed.at, amount)
        } else {
            let amount = needs(passes_amount, "amount", &input.amount, currency.decimals())?;
            let action = action
                .as_ref()
                .expect("every action but a contribution has a record");
            let values = ActionValues {
                account: account.address,
                amount,
                token_amount,
            };
            let call = PlannedCall::action(&sale.terms, action, values).map_err(value_refused)?;
            let amount = amount.unwrap_or_default();
            let findings = match purpose {
                ActionPurpose::ApprovePayment => {
                    self.approval_review(&node, &call, amount, &sale).await?
                }
                _ => Vec::new(),
            };
            let clear = Review {
                findings: Vec::new(),
                verdict: Verdict::Clear,
                budget: None,
            };
            (call, clear.with(findings), self.clock.now(), amount)
        };
        let claimable = match action.as_ref().and_then(|action| {
            let input = action.claimable_call(account.address)?;
            Some((action.target(&sale.terms), input))
        }) {
            Some((contract, input)) => {
                match node.view_number(contract, input, account.address).await {
                    Ok(amount) => Some(amount),
                    Err(error) => {
                        // A view that fails says nothing either way: the node's checks
                        // of the claim itself still run.
                        tracing::warn!(%error, "the claim's view of what can be claimed failed");
                        None
                    }
                }
            }
            None => None,
        };
        let guarded = Guarded {
            purpose,
            revokes,
            claimable,
            contract: call.to,
            chain_id: network.chain_id,
        };
        let review = review.with(self.guard_findings(&participation, &sale, &guarded)?);
        let token = match (purpose, currency) {
            (ActionPurpose::Contribute, AcceptedCurrency::Erc20 { address, .. }) => Some(*address),
            _ => None,
        };
        // A contribution the sale pulls: what it may take now, and the approval first
        // when that is short (then the node cannot check the contribution yet).
        let payment = match (token, spender) {
            (Some(token), Some(spender)) if call.to == spender && call.value.is_zero() => {
                let allowance = node.allowance(token, account.address, spender).await?;
                let approval = if allowance < amount {
                    let approval = Box::pin(self.planned_action(&ActInput {
                        approval: true,
                        action_id: None,
                        token_amount: String::new(),
                        arguments: Vec::new(),
                        ..input.clone()
                    }))
                    .await?;
                    Some(Box::new(approval))
                } else {
                    None
                };
                Some(Payment {
                    token,
                    spender,
                    allowance,
                    approval,
                })
            }
            _ => None,
        };
        let waits_for_approval = payment.as_ref().is_some_and(|p| p.approval.is_some());
        let (mut tx, mut findings) = self
            .ask_node(&node, &call, &network, &sale, input.fee_speed, token)
            .await?;
        if waits_for_approval {
            // It fails now for want of the allowance: it is checked, with its fees and
            // signing hash, when it is planned again after the approval.
            findings.retain(|finding| finding.code != FindingCode::WouldRevert);
            tx.gas_limit = 0;
        }
        let reverts = findings.iter().any(|f| f.code == FindingCode::WouldRevert);
        let preview = if waits_for_approval || reverts {
            None
        } else {
            let purpose = TxPurpose::of_action(purpose);
            let (lines, more) = self
                .preview_of(&node, &call, purpose, amount, spender, &sale, &network)
                .await?;
            findings.extend(more);
            lines
        };
        Ok(Planned {
            purpose: TxPurpose::of_action(purpose),
            taken: TakenAction {
                action_id: record.as_ref().map(|record| record.id),
                action_name: action
                    .as_ref()
                    .map_or_else(|| "Contribute".to_owned(), |action| action.name.clone()),
                token_amount,
                arguments: input.arguments.clone(),
            },
            participation: participation.id,
            tx,
            review: review.with(findings),
            reviewed_at,
            sale,
            account,
            wallet,
            network,
            call,
            amount,
            fee_speed: input.fee_speed,
            payment,
            preview,
        })
    }

    /// What the node's simulation of `call` says it would move, in words, and the
    /// findings on it: what the action's purpose does not explain blocks; a node that
    /// cannot simulate is said once, as information.
    #[allow(clippy::too_many_arguments)]
    async fn preview_of(
        &self,
        node: &Node,
        call: &PlannedCall,
        purpose: TxPurpose,
        amount: U256,
        spender: Option<Address>,
        sale: &Sale,
        network: &Network,
    ) -> Result<(Option<Vec<EffectView>>, Vec<Finding>), AppError> {
        let simulation = match node.simulate(&call.request()).await {
            Ok(simulation) if simulation.failure.is_none() => simulation,
            // The node's estimate already says why it fails.
            Ok(_) => return Ok((None, Vec::new())),
            Err(reason) => return Ok((None, vec![preview_unavailable(&reason)])),
        };
        let account = call.from;
        let effects = Effects::read(
            &simulation.logs,
            account,
            CoinsReturned::Measured(simulation.coins_to(account)),
        );
        let token = self.store()?.contract_terms(sale.id)?.token_address;
        let terms = &sale.terms;
        let payment_token = match &terms.currency {
            AcceptedCurrency::Erc20 { address, .. } => Some(*address),
            AcceptedCurrency::Native { .. } => None,
        };
        let mut known = vec![];
        if let Some(address) = payment_token {
            known.push((address, terms.currency.symbol(), terms.currency.decimals()));
        }
        if let Some(address) = token {
            known.push((address, terms.token_symbol.as_str(), terms.token_decimals));
        }
        let expected = Expected {
            purpose,
            amount,
            payment_token,
            payment_spender: spender,
            approval: (purpose == TxPurpose::Approval)
                .then(|| approval_in(&call.input).map(|(to, approved)| (call.to, to, approved)))
                .flatten(),
            sale_token: token,
            known: &known,
        };
        let findings = preview_findings(&effects, &expected);
        let native = (network.native_symbol.as_str(), network.native_decimals);
        let mut lines = Vec::new();
        if !call.value.is_zero() {
            lines.push(EffectView {
                words: format!(
                    "Would send {} {} to {} (the transaction's value)",
                    format_amount(call.value, native.1),
                    native.0,
                    checksummed(&call.to)
                ),
                log_index: None,
            });
        }
        lines.extend(expected_lines(&effects, sale, token, native));
        Ok((Some(lines), findings))
    }

    /// The guards before any action: a closed participation, a refund the ledger's
    /// amounts read from the chain say was paid, a claim the contract says is empty, a
    /// claim calling another contract than the one published for it.
    fn guard_findings(
        &self,
        participation: &saleguard_store::ParticipationRecord,
        sale: &Sale,
        guarded: &Guarded,
    ) -> Result<Vec<Finding>, AppError> {
        let store = self.store()?;
        let official = crate::review::vouching(store.official_addresses(Some(sale.id))?);
        let ledger: Vec<LedgerFact> = store
            .entries(participation.id)?
            .into_iter()
            .map(|record| LedgerFact {
                kind: record.entry.kind,
                from_chain: record.source != EntrySource::Manual,
                amount: record.entry.amount,
                reference: record.entry.reference,
            })
            .collect();
        let currency = &sale.terms.currency;
        Ok(action_guards(&GuardInput {
            purpose: guarded.purpose,
            state: participation.state,
            revokes: guarded.revokes,
            ledger: &ledger,
            currency: (currency.symbol(), currency.decimals()),
            claimable: guarded.claimable,
            contract: guarded.contract,
            chain_id: guarded.chain_id,
            official: &official,
        }))
    }

    /// The review of an approval: what its spender may take now, read from the token,
    /// and whether it approves exactly `contribution`.
    async fn approval_review(
        &self,
        node: &Node,
        call: &PlannedCall,
        contribution: U256,
        sale: &Sale,
    ) -> Result<Vec<Finding>, AppError> {
        let Some((spender, approved)) = approval_in(&call.input) else {
            return Ok(Vec::new());
        };
        let current = node.allowance(call.to, call.from, spender).await?;
        let facts = ApprovalFacts {
            spender,
            approved,
            contribution,
            current,
        };
        let currency = &sale.terms.currency;
        Ok(approval_findings(
            &facts,
            (currency.symbol(), currency.decimals()),
        ))
    }

    /// Asks the node about `call` (balance, code, gas estimate or revert reason, fees
    /// at `speed`, the pending nonce): the unsigned transaction, and the network's
    /// findings on it.
    async fn ask_node(
        &self,
        node: &Node,
        call: &PlannedCall,
        network: &Network,
        sale: &Sale,
        speed: FeeSpeed,
        token: Option<Address>,
    ) -> Result<(TxEip1559, Vec<Finding>), AppError> {
        let facts = node.facts(call, speed, token).await?;
        let nonce = node.pending_nonce(call.from).await?;
        let findings = network_findings(
            call,
            &facts,
            (network.native_symbol.as_str(), network.native_decimals),
            (sale.terms.currency.symbol(), sale.terms.currency.decimals()),
        );
        let gas_limit = facts.estimate.as_ref().map_or(0, |gas| gas_limit_for(*gas));
        let tx = unsigned_transaction(
            &call.request(),
            network.chain_id,
            nonce,
            gas_limit,
            facts.fees,
        );
        Ok((tx, findings))
    }

    /// Keeps a plan as a draft with a fresh id; none when the call fails anyway.
    fn keep_draft(&self, planned: &Planned) -> Result<Option<String>, AppError> {
        if planned.tx.gas_limit == 0 {
            return Ok(None);
        }
        let id = new_draft_id()?;
        let now = self.clock.now();
        self.store()?.insert_transaction(&TransactionRecord {
            id: id.clone(),
            participation_id: planned.participation,
            purpose: planned.purpose,
            account_id: Some(planned.account.id),
            chain_id: planned.network.chain_id,
            from: planned.account.address,
            to: planned.call.to,
            value: planned.call.value,
            amount: planned.amount,
            input: planned.call.input.clone(),
            nonce: planned.tx.nonce,
            gas_limit: planned.tx.gas_limit,
            max_fee_per_gas: planned.tx.max_fee_per_gas,
            max_priority_fee_per_gas: planned.tx.max_priority_fee_per_gas,
            signing_hash: planned.tx.signature_hash().to_string(),
            hash: None,
            raw: None,
            status: TxStatus::Planned,
            block_number: None,
            failure: String::new(),
            created_at: now,
            updated_at: now,
            fee_wei: None,
            taken: planned.taken.clone(),
            replaces: None,
        })?;
        tracing::info!(draft = %id, purpose = planned.purpose.as_str(), "transaction planned");
        Ok(Some(id))
    }

    fn plan_view(
        &self,
        planned: &Planned,
        software: Option<&DeviceSoftware>,
        draft_id: Option<String>,
        approval_draft: Option<String>,
    ) -> TransactionPlan {
        let network = &planned.network;
        let terms = &planned.sale.terms;
        let coin = (network.native_symbol.as_str(), network.native_decimals);
        let currency = (terms.currency.symbol(), terms.currency.decimals());
        let show = |amount: U256, (symbol, decimals): (&str, u8)| {
            format!("{} {symbol}", format_amount(amount, decimals))
        };
        let tx = &planned.tx;
        let fees = Fees {
            max_fee_per_gas: tx.max_fee_per_gas,
            max_priority_fee_per_gas: tx.max_priority_fee_per_gas,
        };
        let value = show(planned.call.value, coin);
        let max_fee_wei = max_fee_cost(tx.gas_limit, &fees);
        let max_fee = show(max_fee_wei, coin);
        let device_prompt = planned.wallet.map(|wallet| {
            let signing = Signing {
                tx,
                from: planned.account.address,
                max_fee_wei,
                coin: &network.native_symbol,
            };
            device_prompt(wallet, software, signing)
        });
        let payment = planned.payment.as_ref().map(|payment| PaymentView {
            token: checksummed(&payment.token),
            spender: checksummed(&payment.spender),
            allowance: if is_unlimited(payment.allowance) {
                format!("any amount of {}", currency.0)
            } else {
                show(payment.allowance, currency)
            },
            approval: payment.approval.as_deref().map(|approval| {
                Box::new(self.plan_view(approval, software, approval_draft.clone(), None))
            }),
        });
        TransactionPlan {
            draft_id,
            payment,
            preview: planned.preview.clone(),
            purpose: planned.purpose,
            review: review_view(planned.review.clone(), planned.reviewed_at),
            transaction: TransactionSummary {
                from: checksummed(&planned.account.address),
                to: checksummed(&planned.call.to),
                sale_address: checksummed(&terms.contribution_address),
                amount: show(planned.amount, currency),
                value_wei: planned.call.value.to_string(),
                value,
                chain_id: network.chain_id,
                network: network.name.clone(),
                action: planned.taken.action_name.clone(),
                decoded_call: planned.call.decoded(currency.1, currency.0),
                arguments: planned
                    .call
                    .arguments()
                    .into_iter()
                    .map(|argument| CallArgumentView {
                        name: argument.name,
                        ty: argument.ty,
                        value: argument.value,
                    })
                    .collect(),
                data: planned.call.input.to_string(),
                nonce: tx.nonce,
                gas_limit: tx.gas_limit,
                fee_speed: planned.fee_speed,
                max_fee_per_gas: tx.max_fee_per_gas.to_string(),
                max_priority_fee_per_gas: tx.max_priority_fee_per_gas.to_string(),
                max_fee,
                signing_hash: tx.signature_hash().to_string(),
                unsigned: hex(&tx.encoded_for_signing()),
                device_prompt,
            },
        }
    }
}
