use alloy_primitives::{address, hex};

use super::*;
use crate::fixtures::{erc20_sale_draft, native_sale_draft};

const FROM: Address = address!("0x1111111111111111111111111111111111111111");

fn native_sale() -> SaleTerms {
    SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("valid")
}

fn erc20_sale() -> SaleTerms {
    SaleTerms::from_draft(&erc20_sale_draft("Aurora")).expect("valid")
}

/// The sale's contribute action calling `signature`, each address the contributor.
fn contract(signature: &str) -> SaleAction {
    let arguments = if signature.contains("address") {
        vec!["{account}".to_owned()]
    } else {
        Vec::new()
    };
    let draft = crate::action::ActionDraft {
        name: "Contribute".to_owned(),
        purpose: crate::action::ActionPurpose::Contribute,
        contract: String::new(),
        contract_source: String::new(),
        signature: signature.to_owned(),
        arguments,
        claimable: String::new(),
    };
    SaleAction::from_draft(&draft, &native_sale()).expect("valid")
}

fn eth(whole: u64) -> U256 {
    U256::from(whole) * U256::from(10u64).pow(U256::from(18))
}

#[test]
fn the_token_address_is_checked_and_round_trips() {
    let draft = ContractTermsDraft {
        token_address: "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed".to_owned(),
    };
    let problems = ContractTerms::from_draft(&draft).expect_err("refused");
    let fields: Vec<_> = problems.iter().map(ContractTermsProblem::field).collect();
    assert_eq!(fields, ["tokenAddress"]);
    assert!(problems[0].message().contains("checksum"));
    let draft = ContractTermsDraft {
        token_address: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".to_owned(),
    };
    let terms = ContractTerms::from_draft(&draft).expect("valid");
    assert_eq!(terms.to_draft(), draft);
    assert_eq!(
        ContractTerms::from_draft(&ContractTermsDraft::default()),
        Ok(ContractTerms::default())
    );
}

#[test]
fn a_claim_calls_its_contract_with_no_coins_and_names_each_argument() {
    let sale = native_sale();
    let vesting = address!("0x2222222222222222222222222222222222222222");
    let draft = crate::action::ActionDraft {
        name: "Release".to_owned(),
        purpose: crate::action::ActionPurpose::ClaimVested,
        contract: checksummed(&vesting),
        contract_source: "the project's vesting page".to_owned(),
        signature: "release(address beneficiary)".to_owned(),
        arguments: vec!["{account}".to_owned()],
        claimable: String::new(),
    };
    let action = SaleAction::from_draft(&draft, &sale).expect("valid");
    let values = ActionValues {
        account: FROM,
        amount: None,
        token_amount: None,
    };
    let call = PlannedCall::action(&sale, &action, values).expect("planned");
    assert_eq!((call.to, call.value), (vesting, U256::ZERO));
    assert_eq!(
        call.decoded(18, "ETH").as_deref(),
        Some("release(0x1111111111111111111111111111111111111111)")
    );
    let arguments = call.arguments();
    assert_eq!(
        (arguments[0].name.as_str(), arguments[0].ty.as_str()),
        ("beneficiary", "address")
    );
    assert!(call.calldata_matches(&call.input));
    let for_someone_else = PlannedCall::action(
        &sale,
        &action,
        ActionValues {
            account: address!("0x3333333333333333333333333333333333333333"),
            ..values
        },
    )
    .expect("planned");
    assert!(!call.calldata_matches(&for_someone_else.input));
}

#[test]
fn a_plain_transfer_sends_the_coins_with_no_data() {
    let sale = native_sale();
    let call = PlannedCall::contribution(&sale, None, FROM, eth(2), None).expect("filled");
    assert_eq!(call.to, sale.contribution_address);
    assert_eq!(call.value, eth(2));
    assert!(call.input.is_empty());
    assert!(!call.expects_code());
    assert_eq!(call.decoded(18, "ETH"), None);
}

#[test]
fn a_payable_call_encodes_the_function_with_the_contributor() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("buyTokens(address)")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    // keccak("buyTokens(address)")[..4] = 0xec8ac4d8, then the address padded to 32 bytes.
    assert_eq!(
        call.input.as_ref(),
        hex!("ec8ac4d80000000000000000000000001111111111111111111111111111111111111111")
    );
    assert!(call.expects_code());
    assert_eq!(
        call.decoded(18, "ETH").as_deref(),
        Some("buyTokens(0x1111111111111111111111111111111111111111)")
    );
    let no_arguments = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("contribute()")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    assert_eq!(no_arguments.input.as_ref(), hex!("d7bb99ba"));
}

#[test]
fn a_token_sale_is_an_erc20_transfer_to_the_sale() {
    let sale = erc20_sale();
    let amount = U256::from(1_500_000u64);
    let call = PlannedCall::contribution(&sale, None, FROM, amount, None).expect("filled");
    assert_eq!(
        call.to,
        address!("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48")
    );
    assert_eq!(call.value, U256::ZERO);
    assert_eq!(&call.input[..4], hex!("a9059cbb"));
    assert_eq!(
        call.decoded(6, "USDC").as_deref(),
        Some("transfer(0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, 1.5 USDC)")
    );
}

#[test]
fn calldata_that_is_not_the_expected_call_is_caught() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("buyTokens(address)")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    assert!(call.calldata_matches(&call.input));
    let mut other_beneficiary = call.input.to_vec();
    other_beneficiary[35] = 0x22;
    assert!(!call.calldata_matches(&other_beneficiary));
    assert!(!call.calldata_matches(&call.input[..20]));
    let tampered = PlannedCall {
        input: Bytes::from(other_beneficiary),
        ..call
    };
    let codes: Vec<_> = network_findings(&tampered, &ample(), ("ETH", 18), ("ETH", 18))
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, [FindingCode::CalldataMismatch]);

    let token = PlannedCall::contribution(&erc20_sale(), None, FROM, U256::from(5u64), None)
        .expect("filled");
    let other_amount = PlannedCall::contribution(&erc20_sale(), None, FROM, U256::from(6u64), None)
        .expect("filled");
    assert!(!token.calldata_matches(&other_amount.input));
    let transfer =
        PlannedCall::contribution(&native_sale(), None, FROM, eth(1), None).expect("filled");
    assert!(!transfer.calldata_matches(&hex!("d7bb99ba")));
}

fn history() -> FeeHistory {
    FeeHistory {
        base_fees: vec![10, 30, 20, 40, 25],
        rewards: vec![[1, 2, 9], [1, 3, 8], [2, 4, 7], [1, 2, 6]],
    }
}

#[test]
fn fees_follow_recent_blocks() {
    let history = history();
    assert_eq!(history.next_base_fee(), 25);
    assert_eq!(history.median_base_fee(), 30);
    assert_eq!(
        history.suggest(FeeSpeed::Slow),
        Fees {
            max_fee_per_gas: 51,
            max_priority_fee_per_gas: 1
        }
    );
    assert_eq!(
        history.suggest(FeeSpeed::Normal),
        Fees {
            max_fee_per_gas: 53,
            max_priority_fee_per_gas: 3
        }
    );
    assert_eq!(
        history.suggest(FeeSpeed::Fast),
        Fees {
            max_fee_per_gas: 58,
            max_priority_fee_per_gas: 8
        }
    );
    assert_eq!(
        FeeHistory::default()
            .suggest(FeeSpeed::Fast)
            .max_fee_per_gas,
        0
    );
    assert_eq!(gas_limit_for(100_000), 120_000);
}

fn ample() -> NetworkFacts {
    let history = history();
    NetworkFacts {
        balance: eth(100),
        token_balance: None,
        destination_has_code: true,
        estimate: Ok(60_000),
        fees: history.suggest(FeeSpeed::Normal),
        history,
    }
}

fn codes(call: &PlannedCall, facts: &NetworkFacts) -> Vec<FindingCode> {
    network_findings(call, facts, ("ETH", 18), ("ETH", 18))
        .iter()
        .map(|f| f.code)
        .collect()
}

#[test]
fn a_call_the_node_accepts_raises_nothing() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("contribute()")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    assert_eq!(codes(&call, &ample()), []);
}

#[test]
fn a_reverting_call_blocks_with_its_reason() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("contribute()")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    let facts = NetworkFacts {
        estimate: Err("hard cap".to_owned()),
        ..ample()
    };
    let findings = network_findings(&call, &facts, ("ETH", 18), ("ETH", 18));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].code, FindingCode::WouldRevert);
    assert!(
        findings[0].message.contains("hard cap"),
        "{}",
        findings[0].message
    );
    assert!(!FindingCode::WouldRevert.overridable());
}

#[test]
fn the_balance_must_cover_value_and_the_maximum_fee() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("contribute()")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    let fee = max_fee_cost(gas_limit_for(60_000), &ample().fees);
    let exactly = NetworkFacts {
        balance: eth(1) + fee,
        ..ample()
    };
    assert_eq!(codes(&call, &exactly), []);
    let short = NetworkFacts {
        balance: eth(1) + fee - U256::from(1u64),
        ..ample()
    };
    assert_eq!(codes(&call, &short), [FindingCode::InsufficientFunds]);

    let token = PlannedCall::contribution(&erc20_sale(), None, FROM, U256::from(5u64), None)
        .expect("filled");
    let few_tokens = NetworkFacts {
        token_balance: Some(U256::from(4u64)),
        ..ample()
    };
    assert_eq!(codes(&token, &few_tokens), [FindingCode::InsufficientFunds]);
}

#[test]
fn the_destination_must_be_what_the_terms_describe() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("contribute()")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    let no_code = NetworkFacts {
        destination_has_code: false,
        ..ample()
    };
    assert_eq!(codes(&call, &no_code), [FindingCode::DestinationHasNoCode]);
    let transfer =
        PlannedCall::contribution(&native_sale(), None, FROM, eth(1), None).expect("filled");
    assert_eq!(
        codes(&transfer, &ample()),
        [FindingCode::DestinationIsContract]
    );
    assert!(FindingCode::DestinationIsContract.overridable());
    assert_eq!(codes(&transfer, &no_code), []);
}

#[test]
fn a_fee_far_above_recent_blocks_is_a_warning() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("contribute()")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    let usual = 30 + 3;
    let at_limit = NetworkFacts {
        fees: Fees {
            max_fee_per_gas: usual * 3,
            max_priority_fee_per_gas: 3,
        },
        ..ample()
    };
    assert_eq!(codes(&call, &at_limit), []);
    let above = NetworkFacts {
        fees: Fees {
            max_fee_per_gas: usual * 3 + 1,
            max_priority_fee_per_gas: 3,
        },
        ..ample()
    };
    assert_eq!(codes(&call, &above), [FindingCode::FeeUnusuallyHigh]);
    assert_eq!(
        FindingCode::FeeUnusuallyHigh.severity(),
        crate::review::Severity::Warn
    );
}

#[test]
fn the_unsigned_transaction_is_the_planned_call() {
    let call = PlannedCall::contribution(
        &native_sale(),
        Some(&contract("contribute()")),
        FROM,
        eth(1),
        None,
    )
    .expect("filled");
    let fees = Fees {
        max_fee_per_gas: 53,
        max_priority_fee_per_gas: 3,
    };
    let tx = unsigned_transaction(&call.request(), 31_337, 7, 72_000, fees);
    assert_eq!(
        (
            tx.chain_id,
            tx.nonce,
            tx.gas_limit,
            tx.max_fee_per_gas,
            tx.max_priority_fee_per_gas
        ),
        (31_337, 7, 72_000, 53, 3)
    );
    assert_eq!(tx.to, TxKind::Call(call.to));
    assert_eq!(tx.value, eth(1));
    assert_eq!(tx.input, call.input);
}
