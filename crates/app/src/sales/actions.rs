//! A sale's actions as use cases: list, add, edit and remove the steps of the sale on
//! chain the user signs, each checked whole by the core against the sale's terms (every
//! argument parsed against its parameter's type) and unique by name and, but for calls
//! the user names, by purpose.

use saleguard_core::action::{
    ActionDraft, ActionProblem, ActionProblemKind, ActionPurpose, Argument, SaleAction,
};
use saleguard_core::address::checksummed;
use saleguard_core::sale::{Sale, SaleId};
use saleguard_store::{ActionRecord, Store};
use serde::Serialize;

use crate::{AppError, ErrorCode, FieldError, Saleguard};

pub use saleguard_core::action::ActionDraft as ActionInput;

/// One parameter of an action and what is passed for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActionArgumentView {
    /// The parameter's name in the signature; empty when it has none.
    pub name: String,
    /// Its ABI type (`bytes32[]`).
    #[serde(rename = "type")]
    pub ty: String,
    /// As typed: `{account}`, `{amount}`, `{token_amount}` or a literal.
    pub value: String,
    /// Whether the value is filled when the action is taken (a template).
    pub template: bool,
}

/// A sale's action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ActionView {
    pub id: i64,
    pub sale_id: i64,
    pub name: String,
    pub purpose: ActionPurpose,
    /// The contract the action calls, as given; empty for the sale's own address.
    pub contract: String,
    pub contract_source: String,
    /// The address called, EIP-55: the contract, or the sale's address.
    pub target: String,
    /// As written, with the parameters' names; empty for a plain transfer.
    pub signature: String,
    /// The canonical form the selector is the hash of (`withdrawTokens(address)`).
    pub canonical_signature: String,
    pub arguments: Vec<ActionArgumentView>,
    /// Taking it asks for an amount of the sale's currency, or of its token.
    pub needs_amount: bool,
    pub needs_token_amount: bool,
    /// A claim's view of what the account can claim now (`releasable(address)`); empty:
    /// none.
    pub claimable: String,
}

pub(crate) fn action_view(record: &ActionRecord, sale: &Sale) -> ActionView {
    let action = &record.action;
    let draft = action.to_draft();
    ActionView {
        id: record.id,
        sale_id: record.sale_id.0,
        name: action.name.clone(),
        purpose: action.purpose,
        contract: draft.contract,
        contract_source: draft.contract_source,
        target: checksummed(&action.target(&sale.terms)),
        signature: draft.signature,
        canonical_signature: action.signature(),
        arguments: action
            .parameters
            .iter()
            .zip(draft.arguments)
            .map(|(parameter, value)| ActionArgumentView {
                name: parameter.name.clone(),
                ty: parameter.ty.sol_type_name().into_owned(),
                value,
                template: !matches!(parameter.argument, Argument::Literal { .. }),
            })
            .collect(),
        needs_amount: action.needs_amount(),
        needs_token_amount: action.needs_token_amount(),
        claimable: draft.claimable,
    }
}

fn problem_code(kind: ActionProblemKind) -> ErrorCode {
    match kind {
        ActionProblemKind::Required => ErrorCode::Required,
        ActionProblemKind::TooLong => ErrorCode::TooLong,
        ActionProblemKind::InvalidText => ErrorCode::InvalidText,
        ActionProblemKind::InvalidAddress => ErrorCode::InvalidAddress,
        ActionProblemKind::BadChecksum => ErrorCode::BadChecksum,
        ActionProblemKind::InvalidCall | ActionProblemKind::NotForThisSale => {
            ErrorCode::InvalidCall
        }
        ActionProblemKind::InvalidArgument | ActionProblemKind::ArgumentCount => {
            ErrorCode::InvalidArgument
        }
    }
}

pub(crate) fn action_refused(problems: Vec<ActionProblem>) -> AppError {
    AppError::refused(
        problems
            .into_iter()
            .map(|problem| FieldError {
                field: problem.field,
                code: problem_code(problem.kind),
                message: problem.message,
            })
            .collect(),
    )
}

/// Refuses `action` when another action of the sale (not `except`) has its name, or
/// its purpose where a sale has one action of each.
fn refuse_duplicates(
    store: &Store,
    sale: SaleId,
    action: &SaleAction,
    except: Option<i64>,
) -> Result<(), AppError> {
    let others: Vec<ActionRecord> = store
        .actions(sale)?
        .into_iter()
        .filter(|record| Some(record.id) != except)
        .collect();
    if let Some(same) = others
        .iter()
        .find(|record| record.action.name.to_lowercase() == action.name.to_lowercase())
    {
        return Err(AppError::at_field(
            "name",
            ErrorCode::ActionExists,
            format!(
                "this sale already has an action named “{}”",
                same.action.name
            ),
        ));
    }
    if action.purpose.is_unique()
        && let Some(same) = others
            .iter()
            .find(|record| record.action.purpose == action.purpose)
    {
        return Err(AppError::at_field(
            "purpose",
            ErrorCode::ActionExists,
            format!(
                "this sale already has a {} action (“{}”): edit that one",
                action.purpose.as_str().replace('_', " "),
                same.action.name
            ),
        ));
    }
    Ok(())
}

impl Saleguard {
    /// The sale's actions, in the order they were added.
    pub fn sale_actions(&self, sale_id: i64) -> Result<Vec<ActionView>, AppError> {
        let store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        Ok(store
            .actions(sale.id)?
            .iter()
            .map(|record| action_view(record, &sale))
            .collect())
    }

    /// The action as typed, which an edit form starts from.
    pub fn action_draft(&self, id: i64) -> Result<ActionDraft, AppError> {
        Ok(self.store()?.action(id)?.action.to_draft())
    }

    /// Adds an action to the sale, checked whole.
    pub fn add_action(&self, sale_id: i64, input: &ActionDraft) -> Result<ActionView, AppError> {
        let mut store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        let action = SaleAction::from_draft(input, &sale.terms).map_err(action_refused)?;
        refuse_duplicates(&store, sale.id, &action, None)?;
        let record = store.insert_action(sale.id, &action, self.clock.now())?;
        tracing::info!(
            sale = sale_id,
            id = record.id,
            purpose = action.purpose.as_str(),
            "action added"
        );
        Ok(action_view(&record, &sale))
    }

    /// Replaces what an action is, checked whole; it stays with its sale.
    pub fn update_action(&self, id: i64, input: &ActionDraft) -> Result<ActionView, AppError> {
        let mut store = self.store()?;
        let kept = store.action(id)?;
        let sale = store.sale(kept.sale_id)?;
        let action = SaleAction::from_draft(input, &sale.terms).map_err(action_refused)?;
        refuse_duplicates(&store, sale.id, &action, Some(id))?;
        let record = store.update_action(id, &action, self.clock.now())?;
        tracing::info!(id, purpose = action.purpose.as_str(), "action changed");
        Ok(action_view(&record, &sale))
    }

    pub fn remove_action(&self, id: i64) -> Result<(), AppError> {
        if self.store()?.delete_action(id)? {
            tracing::info!(id, "action removed");
            Ok(())
        } else {
            Err(AppError::new(
                ErrorCode::ActionNotFound,
                format!("no action with id {id}"),
            ))
        }
    }
}
