//! A sale's actions: each step of a sale on chain that the user signs — contribute,
//! claim a refund, claim the tokens a post-delivery sale keeps, claim vested tokens, or
//! a call the user names — with its contract, its function and its arguments.
//!
//! An argument is a template filled when the action is taken — `{account}` (the signing
//! account), `{amount}` (the contribution in base units of the sale's currency),
//! `{token_amount}` (base units of the sale's token) — or a literal the user typed, parsed
//! against its ABI type (alloy's `DynSolType`): never guessed.

use alloy_dyn_abi::{DynSolType, DynSolValue, JsonAbiExt, Specifier};
use alloy_json_abi::Function;
use alloy_primitives::{Address, Bytes, U256};

use crate::address::{AddressError, checksummed, parse_address};
use crate::participation::ParticipationState;
use crate::sale::{AcceptedCurrency, SaleTerms};
use crate::text::{TextProblem, checked_text};

/// Most characters in an action's name.
pub const MAX_ACTION_NAME_CHARS: usize = 60;
/// Most characters in a function signature.
pub const MAX_SIGNATURE_CHARS: usize = 200;
/// Most characters in one argument as typed (a Merkle proof of a few dozen hashes fits).
pub const MAX_ARGUMENT_CHARS: usize = 10_000;
/// Most characters in where a contract's address was seen.
pub const MAX_SOURCE_CHARS: usize = 200;

/// What an action is for. The set is closed: what each purpose means decides when it is
/// offered and what its transaction proves.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ActionPurpose {
    /// Pays into the sale: the sale's payable function (or a plain transfer, without one).
    Contribute,
    /// Lets a sale paid in an ERC-20 token take the contribution: `approve(spender,
    /// amount)` on the token, for exactly the contribution.
    ApprovePayment,
    /// Asks the sale for the contribution back after it missed its soft cap.
    ClaimRefund,
    /// Takes the tokens a post-delivery sale keeps until the buyer withdraws them.
    ClaimTokens,
    /// Takes the tokens a vesting or release contract has unlocked.
    ClaimVested,
    /// A call the user names, such as an owner-less `finalize()` anyone may call.
    Other,
}

impl ActionPurpose {
    pub const ALL: [ActionPurpose; 6] = [
        Self::Contribute,
        Self::ApprovePayment,
        Self::ClaimRefund,
        Self::ClaimTokens,
        Self::ClaimVested,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Contribute => "contribute",
            Self::ApprovePayment => "approve_payment",
            Self::ClaimRefund => "claim_refund",
            Self::ClaimTokens => "claim_tokens",
            Self::ClaimVested => "claim_vested",
            Self::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == text.trim())
    }

    /// Whether a sale holds at most one action of this purpose (every purpose but
    /// `other`, so that "contribute" or "claim the refund" is never ambiguous).
    pub fn is_unique(self) -> bool {
        self != Self::Other
    }

    /// Whether the action makes sense for a participation in `state`, its sale having
    /// ended or not: contributing (and approving the payment) while the sale can still
    /// take money, a refund claim once money went in and until it came back, token
    /// claims after the sale ended — or once the user recorded that it succeeded,
    /// whatever the dates said (a sale that closed early on its hard cap).
    pub fn offered(self, state: ParticipationState, sale_ended: bool) -> bool {
        use ParticipationState as S;
        match self {
            Self::Contribute | Self::ApprovePayment => {
                !sale_ended
                    && matches!(
                        state,
                        S::Researching
                            | S::Registered
                            | S::KycPending
                            | S::KycApproved
                            | S::KycRejected
                            | S::Contributed
                    )
            }
            Self::ClaimRefund => matches!(state, S::Contributed | S::SoftCapMissed | S::RefundDue),
            Self::ClaimTokens => {
                matches!(state, S::Succeeded | S::TokensDistributed | S::Vesting)
                    || (sale_ended && state == S::Contributed)
            }
            Self::ClaimVested => matches!(state, S::Succeeded | S::TokensDistributed | S::Vesting),
            Self::Other => true,
        }
    }
}

/// An action as typed: every field a string, the arguments one per parameter.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ActionDraft {
    /// What the user calls it ("Withdraw tokens"); unique within the sale.
    pub name: String,
    pub purpose: ActionPurpose,
    /// The contract called; empty for the sale's own address.
    pub contract: String,
    /// Where that other contract's address was published (required with one).
    pub contract_source: String,
    /// The function, such as `withdrawTokens(address)`; empty for a plain transfer (a
    /// contribution only).
    pub signature: String,
    /// One per parameter, in order: `{account}`, `{amount}`, `{token_amount}` or a
    /// literal of the parameter's type.
    pub arguments: Vec<String>,
    /// For a token or vested claim: the contract's view of what the account can claim
    /// now, such as `releasable(address)` (each `address` is the account; it answers a
    /// number); empty: none.
    #[serde(default)]
    pub claimable: String,
}

/// A value given for one parameter when the action is taken, for that once: it replaces
/// what the action says (a Merkle proof that differs by claim, say).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ArgumentValue {
    /// The parameter's name in the signature, or its position from 1 (`2`).
    pub parameter: String,
    /// A template or a literal of the parameter's type, as in the action.
    pub value: String,
}

/// What an argument is when the action is taken.
#[derive(Debug, Clone, PartialEq)]
pub enum Argument {
    /// The signing account's address.
    Account,
    /// The contribution, in base units of the sale's currency.
    Amount,
    /// An amount of the sale's token, in base units.
    TokenAmount,
    /// A value the user typed, as typed and as parsed.
    Literal { text: String, value: DynSolValue },
}

/// One parameter of an action's function and what is passed for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionParameter {
    /// The parameter's name in the signature (`proof`), if it has one.
    pub name: String,
    pub ty: DynSolType,
    pub argument: Argument,
}

/// A checked action: its function parses, every argument fits its parameter's type.
#[derive(Debug, Clone, PartialEq)]
pub struct SaleAction {
    pub name: String,
    pub purpose: ActionPurpose,
    /// `None`: the sale's own address (the payment token's, for an approval).
    pub contract: Option<Address>,
    pub contract_source: String,
    /// `None`: a plain transfer of the contribution (a contribution only).
    pub function: Option<Function>,
    pub parameters: Vec<ActionParameter>,
    /// The contract's view of what the account can claim now (a claim only): each of
    /// its parameters is an `address`, the account's.
    pub claimable: Option<Function>,
}

/// The values an action's templates take when it is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionValues {
    pub account: Address,
    pub amount: Option<U256>,
    pub token_amount: Option<U256>,
}

/// One argument of a call, decoded for people: `proof` (`bytes32[]`) = `[0x…, 0x…]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedArgument {
    pub name: String,
    pub ty: String,
    pub value: String,
}

/// What is wrong with an action as typed, at the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionProblem {
    /// `name`, `contract`, `contractSource`, `signature`, `arguments` or `arguments.N`.
    pub field: String,
    pub kind: ActionProblemKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionProblemKind {
    Required,
    TooLong,
    InvalidText,
    InvalidAddress,
    BadChecksum,
    InvalidCall,
    /// An argument does not parse as its parameter's type, or a template does not fit it.
    InvalidArgument,
    /// The arguments do not match the parameters in number.
    ArgumentCount,
    /// The purpose does not fit this sale (a plain transfer claims nothing).
    NotForThisSale,
}

/// Why an action cannot be taken with the values given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ActionValueError {
    #[error("this action passes the amount: give one")]
    AmountMissing,
    #[error("this action passes an amount of tokens: give one")]
    TokenAmountMissing,
}

/// The claim's view of what can be claimed, as typed: a function whose parameters are
/// all addresses (each the account), for a token or vested claim only.
fn claimable_view(draft: &ActionDraft, problems: &mut Vec<ActionProblem>) -> Option<Function> {
    let text = draft.claimable.trim();
    if text.is_empty() {
        return None;
    }
    if !matches!(
        draft.purpose,
        ActionPurpose::ClaimTokens | ActionPurpose::ClaimVested
    ) {
        problems.push(problem(
            "claimable",
            ActionProblemKind::NotForThisSale,
            "only a token or vested claim names a view of what can be claimed",
        ));
        return None;
    }
    if text.chars().count() > MAX_SIGNATURE_CHARS {
        problems.push(problem(
            "claimable",
            ActionProblemKind::TooLong,
            format!("at most {MAX_SIGNATURE_CHARS} characters"),
        ));
        return None;
    }
    match Function::parse(text) {
        Ok(view) if view.inputs.iter().all(|p| p.selector_type() == "address") => Some(view),
        Ok(_) => {
            problems.push(problem(
                "claimable",
                ActionProblemKind::InvalidCall,
                "the view takes the account's address or nothing, such as releasable(address) or claimable()",
            ));
            None
        }
        Err(_) => {
            problems.push(problem(
                "claimable",
                ActionProblemKind::InvalidCall,
                "write the view as its name and parameter types, such as releasable(address)",
            ));
            None
        }
    }
}

fn problem(
    field: impl Into<String>,
    kind: ActionProblemKind,
    message: impl Into<String>,
) -> ActionProblem {
    ActionProblem {
        field: field.into(),
        kind,
        message: message.into(),
    }
}

impl SaleAction {
    /// Checks every field of `draft` for `sale`; all problems at once.
    pub fn from_draft(draft: &ActionDraft, sale: &SaleTerms) -> Result<Self, Vec<ActionProblem>> {
        let mut problems = Vec::new();
        let name = match checked_text(&draft.name, MAX_ACTION_NAME_CHARS, false) {
            Ok(name) if name.is_empty() => {
                problems.push(problem(
                    "name",
                    ActionProblemKind::Required,
                    "name the action",
                ));
                String::new()
            }
            Ok(name) => name,
            Err(error) => {
                problems.push(text_problem("name", error));
                String::new()
            }
        };
        let contract = match draft.contract.trim() {
            "" => None,
            text => match parse_address(text) {
                Ok(address) => Some(address),
                Err(error) => {
                    let kind = if error == AddressError::BadChecksum {
                        ActionProblemKind::BadChecksum
                    } else {
                        ActionProblemKind::InvalidAddress
                    };
                    problems.push(problem("contract", kind, error.to_string()));
                    None
                }
            },
        };
        let contract_source = match checked_text(&draft.contract_source, MAX_SOURCE_CHARS, false) {
            Ok(source) => source,
            Err(error) => {
                problems.push(text_problem("contractSource", error));
                String::new()
            }
        };
        if contract.is_some() && contract_source.is_empty() && !draft.contract.trim().is_empty() {
            problems.push(problem(
                "contractSource",
                ActionProblemKind::Required,
                "say where this contract's address was published (the project's site, its announcement…)",
            ));
        }
        let function = match draft.signature.trim() {
            "" => None,
            text if text.chars().count() > MAX_SIGNATURE_CHARS => {
                problems.push(problem(
                    "signature",
                    ActionProblemKind::TooLong,
                    format!("at most {MAX_SIGNATURE_CHARS} characters"),
                ));
                None
            }
            text => match Function::parse(text) {
                Ok(function) => Some(function),
                Err(_) => {
                    problems.push(problem(
                        "signature",
                        ActionProblemKind::InvalidCall,
                        "write the function as its name and parameter types, such as claim() or withdrawTokens(address)",
                    ));
                    None
                }
            },
        };
        let token_paid = matches!(sale.currency, AcceptedCurrency::Erc20 { .. });
        match (draft.purpose, &function) {
            (ActionPurpose::ApprovePayment, _) if !token_paid => problems.push(problem(
                "purpose",
                ActionProblemKind::NotForThisSale,
                "this sale is paid in coins: there is no payment token to approve",
            )),
            (ActionPurpose::ApprovePayment, Some(function)) if !is_erc20_approve(function) => {
                problems.push(problem(
                    "signature",
                    ActionProblemKind::InvalidCall,
                    "an approval is the token's approve(address spender, uint256 amount)",
                ));
            }
            (ActionPurpose::Contribute, None) => {}
            (_, None) if draft.signature.trim().is_empty() => problems.push(problem(
                "signature",
                ActionProblemKind::Required,
                "name the function this action calls",
            )),
            _ => {}
        }
        if draft.purpose == ActionPurpose::Contribute && contract.is_some() {
            problems.push(problem(
                "contract",
                ActionProblemKind::NotForThisSale,
                "a contribution goes to the sale's own address: leave the contract empty",
            ));
        }
        let parameters = match &function {
            Some(function) => parameters_of(function, &draft.arguments, &mut problems),
            None if draft.purpose == ActionPurpose::Contribute
                && !draft.arguments.is_empty()
                && draft.signature.trim().is_empty() =>
            {
                problems.push(problem(
                    "arguments",
                    ActionProblemKind::ArgumentCount,
                    "a plain transfer takes no arguments",
                ));
                Vec::new()
            }
            None => Vec::new(),
        };
        let claimable = claimable_view(draft, &mut problems);
        if problems.is_empty() {
            Ok(Self {
                name,
                purpose: draft.purpose,
                contract,
                contract_source,
                function,
                parameters,
                claimable,
            })
        } else {
            Err(problems)
        }
    }

    /// The approval a sale paid in a token needs when it has no action of its own for
    /// it: ERC-20 `approve(spender, {amount})` on the payment token, `spender` being the
    /// contract that pulls the payment (the contribute action's).
    pub fn default_approval(spender: Address) -> Self {
        let function = Function::parse("approve(address spender, uint256 amount)")
            .expect("ERC-20 approve parses");
        Self {
            name: "Approve payment".to_owned(),
            purpose: ActionPurpose::ApprovePayment,
            contract: None,
            contract_source: String::new(),
            parameters: vec![
                ActionParameter {
                    name: "spender".to_owned(),
                    ty: DynSolType::Address,
                    argument: Argument::Literal {
                        text: checksummed(&spender),
                        value: DynSolValue::Address(spender),
                    },
                },
                ActionParameter {
                    name: "amount".to_owned(),
                    ty: DynSolType::Uint(256),
                    argument: Argument::Amount,
                },
            ],
            function: Some(function),
            claimable: None,
        }
    }

    /// The call of the action's view of what `account` can claim now, when it names
    /// one: its selector and the account for each parameter.
    pub fn claimable_call(&self, account: Address) -> Option<Bytes> {
        let view = self.claimable.as_ref()?;
        let mut input = view.selector().to_vec();
        for _ in &view.inputs {
            input.extend_from_slice(account.into_word().as_slice());
        }
        Some(input.into())
    }

    /// The action written as a user types it: what an edit form starts from.
    pub fn to_draft(&self) -> ActionDraft {
        ActionDraft {
            name: self.name.clone(),
            purpose: self.purpose,
            contract: self.contract.as_ref().map(checksummed).unwrap_or_default(),
            contract_source: self.contract_source.clone(),
            signature: self.written_signature(),
            arguments: self
                .parameters
                .iter()
                .map(|p| match &p.argument {
                    Argument::Account => "{account}".to_owned(),
                    Argument::Amount => "{amount}".to_owned(),
                    Argument::TokenAmount => "{token_amount}".to_owned(),
                    Argument::Literal { text, .. } => text.clone(),
                })
                .collect(),
            claimable: self
                .claimable
                .as_ref()
                .map(|view| {
                    let parameters: Vec<String> = view
                        .inputs
                        .iter()
                        .map(|p| p.selector_type().into_owned())
                        .collect();
                    format!("{}({})", view.name, parameters.join(","))
                })
                .unwrap_or_default(),
        }
    }

    /// The action with `given` values in place of its own arguments, each checked against
    /// its parameter's type like the action's (problems at `arguments.N`); a parameter
    /// named that the function does not have is a problem at `arguments`.
    pub fn with_values(
        &self,
        given: &[ArgumentValue],
        sale: &SaleTerms,
    ) -> Result<Self, Vec<ActionProblem>> {
        if given.is_empty() {
            return Ok(self.clone());
        }
        let mut draft = self.to_draft();
        let mut problems = Vec::new();
        for value in given {
            let wanted = value.parameter.trim();
            let position = self
                .parameters
                .iter()
                .position(|p| !p.name.is_empty() && p.name == wanted)
                .or_else(|| {
                    wanted
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=self.parameters.len()).contains(n))
                        .map(|n| n - 1)
                });
            match position {
                Some(index) => draft.arguments[index] = value.value.clone(),
                None => {
                    let names: Vec<String> = self
                        .parameters
                        .iter()
                        .enumerate()
                        .map(|(i, p)| match p.name.as_str() {
                            "" => (i + 1).to_string(),
                            name => name.to_owned(),
                        })
                        .collect();
                    let has = if names.is_empty() {
                        "takes no arguments".to_owned()
                    } else {
                        format!("takes {}", names.join(", "))
                    };
                    problems.push(problem(
                        "arguments",
                        ActionProblemKind::InvalidArgument,
                        format!("{} has no parameter {wanted:?}: it {has}", self.name),
                    ));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Self::from_draft(&draft, sale)
    }

    /// `withdrawTokens(address)`: the canonical form, whose hash is the selector; empty
    /// for a plain transfer.
    pub fn signature(&self) -> String {
        self.function
            .as_ref()
            .map(Function::signature)
            .unwrap_or_default()
    }

    /// `withdrawTokens(address beneficiary)`: the function as written, with the names of
    /// its parameters (what the review shows beside each argument); empty for a plain
    /// transfer.
    pub fn written_signature(&self) -> String {
        let Some(function) = &self.function else {
            return String::new();
        };
        let parameters: Vec<String> = function
            .inputs
            .iter()
            .map(|p| match p.name.as_str() {
                "" => p.selector_type().into_owned(),
                name => format!("{} {name}", p.selector_type()),
            })
            .collect();
        format!("{}({})", function.name, parameters.join(", "))
    }

    /// The address called: the action's contract, or the sale's.
    pub fn target(&self, sale: &SaleTerms) -> Address {
        match (self.contract, self.purpose, &sale.currency) {
            (Some(contract), _, _) => contract,
            (None, ActionPurpose::ApprovePayment, AcceptedCurrency::Erc20 { address, .. }) => {
                *address
            }
            (None, _, _) => sale.contribution_address,
        }
    }

    /// Whether the action passes the contribution's amount or an amount of tokens, so
    /// that taking it asks for one.
    pub fn needs_amount(&self) -> bool {
        self.purpose == ActionPurpose::Contribute
            || self
                .parameters
                .iter()
                .any(|p| p.argument == Argument::Amount)
    }

    /// Whether this is an approval of nothing: the revocation of an allowance (its
    /// amount, the second parameter, a literal zero).
    pub fn approves_nothing(&self) -> bool {
        self.purpose == ActionPurpose::ApprovePayment
            && matches!(
                self.parameters.get(1).map(|p| &p.argument),
                Some(Argument::Literal {
                    value: DynSolValue::Uint(amount, _),
                    ..
                }) if amount.is_zero()
            )
    }

    pub fn needs_token_amount(&self) -> bool {
        self.parameters
            .iter()
            .any(|p| p.argument == Argument::TokenAmount)
    }

    /// The calldata taking the action with `values`; empty for a plain transfer.
    pub fn encode(&self, values: &ActionValues) -> Result<Bytes, ActionValueError> {
        let Some(function) = &self.function else {
            return Ok(Bytes::new());
        };
        let arguments = self
            .parameters
            .iter()
            .map(|parameter| {
                Ok(match &parameter.argument {
                    Argument::Account => DynSolValue::Address(values.account),
                    Argument::Amount => uint_of(
                        &parameter.ty,
                        values.amount.ok_or(ActionValueError::AmountMissing)?,
                    ),
                    Argument::TokenAmount => uint_of(
                        &parameter.ty,
                        values
                            .token_amount
                            .ok_or(ActionValueError::TokenAmountMissing)?,
                    ),
                    Argument::Literal { value, .. } => value.clone(),
                })
            })
            .collect::<Result<Vec<_>, ActionValueError>>()?;
        // Every value was checked against its parameter's type: encoding cannot fail.
        Ok(Bytes::from(
            function.abi_encode_input(&arguments).unwrap_or_default(),
        ))
    }

    /// The arguments `input` passes, decoded for people, if it is a call of this
    /// action's function.
    pub fn decode(&self, input: &[u8]) -> Option<Vec<DecodedArgument>> {
        let function = self.function.as_ref()?;
        let (selector, data) = input.split_at_checked(4)?;
        if selector != function.selector().as_slice() {
            return None;
        }
        let values = function.abi_decode_input(data).ok()?;
        Some(
            self.parameters
                .iter()
                .zip(values)
                .map(|(parameter, value)| DecodedArgument {
                    name: parameter.name.clone(),
                    ty: parameter.ty.sol_type_name().into_owned(),
                    value: words(&value),
                })
                .collect(),
        )
    }
}

/// A uint parameter's value (the templates fit only uint parameters).
fn uint_of(ty: &DynSolType, value: U256) -> DynSolValue {
    let bits = match ty {
        DynSolType::Uint(bits) => *bits,
        _ => 256,
    };
    DynSolValue::Uint(value, bits)
}

/// A value as people read it: addresses checksummed, numbers in decimal, bytes in hex,
/// lists in brackets, strings quoted.
pub fn words(value: &DynSolValue) -> String {
    match value {
        DynSolValue::Address(address) => checksummed(address),
        DynSolValue::Bool(flag) => flag.to_string(),
        DynSolValue::Int(number, _) => number.to_string(),
        DynSolValue::Uint(number, _) => number.to_string(),
        DynSolValue::FixedBytes(word, size) => {
            Bytes::copy_from_slice(&word.as_slice()[..*size]).to_string()
        }
        DynSolValue::Bytes(bytes) => Bytes::copy_from_slice(bytes).to_string(),
        DynSolValue::String(text) => format!("{text:?}"),
        DynSolValue::Array(items) | DynSolValue::FixedArray(items) => {
            format!(
                "[{}]",
                items.iter().map(words).collect::<Vec<_>>().join(", ")
            )
        }
        DynSolValue::Tuple(items) => {
            format!(
                "({})",
                items.iter().map(words).collect::<Vec<_>>().join(", ")
            )
        }
        DynSolValue::Function(function) => Bytes::copy_from_slice(function.as_slice()).to_string(),
    }
}

/// Each parameter of `function` with its argument as typed; problems at
/// `arguments.N`.
fn parameters_of(
    function: &Function,
    arguments: &[String],
    problems: &mut Vec<ActionProblem>,
) -> Vec<ActionParameter> {
    if arguments.len() != function.inputs.len() {
        problems.push(problem(
            "arguments",
            ActionProblemKind::ArgumentCount,
            format!(
                "{} takes {} argument{}, {} given",
                function.signature(),
                function.inputs.len(),
                if function.inputs.len() == 1 { "" } else { "s" },
                arguments.len()
            ),
        ));
        return Vec::new();
    }
    let mut parameters = Vec::new();
    for (index, (param, text)) in function.inputs.iter().zip(arguments).enumerate() {
        let field = format!("arguments.{index}");
        let ty = match param.resolve() {
            Ok(ty) => ty,
            Err(_) => {
                problems.push(problem(
                    "signature",
                    ActionProblemKind::InvalidCall,
                    format!("{} is not a type Saleguard can encode", param.ty),
                ));
                continue;
            }
        };
        let named = if param.name.is_empty() {
            format!("argument {} ({})", index + 1, ty.sol_type_name())
        } else {
            format!("{} ({})", param.name, ty.sol_type_name())
        };
        match argument_of(text, &ty) {
            Ok(argument) => parameters.push(ActionParameter {
                name: param.name.clone(),
                ty,
                argument,
            }),
            Err((kind, why)) => problems.push(problem(field, kind, format!("{named}: {why}"))),
        }
    }
    parameters
}

/// One argument as typed, against its parameter's type.
fn argument_of(text: &str, ty: &DynSolType) -> Result<Argument, (ActionProblemKind, String)> {
    let invalid = |why: String| (ActionProblemKind::InvalidArgument, why);
    if text.chars().count() > MAX_ARGUMENT_CHARS {
        return Err((
            ActionProblemKind::TooLong,
            format!("at most {MAX_ARGUMENT_CHARS} characters"),
        ));
    }
    let text = text.trim();
    let is_uint = matches!(ty, DynSolType::Uint(_));
    match text {
        "" => Err((
            ActionProblemKind::Required,
            "give a value, or {account}, {amount} or {token_amount}".to_owned(),
        )),
        "{account}" if *ty == DynSolType::Address => Ok(Argument::Account),
        "{account}" => Err(invalid(
            "{account} is an address: this parameter is not one".to_owned(),
        )),
        "{amount}" if is_uint => Ok(Argument::Amount),
        "{token_amount}" if is_uint => Ok(Argument::TokenAmount),
        "{amount}" | "{token_amount}" => Err(invalid(format!(
            "{text} is an amount: this parameter is not an unsigned integer"
        ))),
        _ if text.starts_with('{') && text.ends_with('}') => Err(invalid(format!(
            "{text} is not a template: {{account}}, {{amount}} or {{token_amount}}"
        ))),
        _ => {
            let value = ty
                .coerce_str(text)
                .map_err(|_| invalid(format!("not a {} value", ty.sol_type_name())))?;
            check_addresses(text, ty).map_err(|error| {
                let kind = if error == AddressError::BadChecksum {
                    ActionProblemKind::BadChecksum
                } else {
                    ActionProblemKind::InvalidArgument
                };
                (kind, error.to_string())
            })?;
            Ok(Argument::Literal {
                text: text.to_owned(),
                value,
            })
        }
    }
}

/// Every address written in a literal of a type that holds addresses passes the
/// EIP-55 check when it is in mixed case (alloy's parser accepts any case).
fn check_addresses(text: &str, ty: &DynSolType) -> Result<(), AddressError> {
    if !ty.sol_type_name().contains("address") {
        return Ok(());
    }
    let bytes = text.as_bytes();
    let mut index = 0;
    while let Some(found) = text[index..].find("0x") {
        let start = index + found;
        let end = start
            + 2
            + bytes[start + 2..]
                .iter()
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
        if end - start == 42 {
            parse_address(&text[start..end])?;
        }
        index = end.max(start + 2);
    }
    Ok(())
}

/// Whether `function` is ERC-20's `approve(address, uint256)`, whatever its parameters
/// are named.
fn is_erc20_approve(function: &Function) -> bool {
    function.name == "approve"
        && function
            .inputs
            .iter()
            .map(|input| input.ty.as_str())
            .eq(["address", "uint256"])
}

fn text_problem(field: &str, error: TextProblem) -> ActionProblem {
    let kind = match error {
        TextProblem::TooLong { .. } => ActionProblemKind::TooLong,
        TextProblem::Invalid => ActionProblemKind::InvalidText,
    };
    problem(field, kind, error.message())
}

#[cfg(test)]
mod tests;
