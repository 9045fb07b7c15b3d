use alloy_primitives::{address, b256};

use super::*;
use crate::fixtures::{erc20_sale_draft, native_sale_draft};

fn native() -> SaleTerms {
    SaleTerms::from_draft(&native_sale_draft("Aurora")).expect("a valid sale")
}

fn token_paid() -> SaleTerms {
    SaleTerms::from_draft(&erc20_sale_draft("Borealis")).expect("a valid sale")
}

fn draft(purpose: ActionPurpose, signature: &str, arguments: &[&str]) -> ActionDraft {
    ActionDraft {
        name: "Claim".into(),
        purpose,
        contract: String::new(),
        contract_source: String::new(),
        signature: signature.into(),
        arguments: arguments.iter().map(|a| (*a).to_owned()).collect(),
        claimable: String::new(),
    }
}

fn fields(draft: &ActionDraft, sale: &SaleTerms) -> Vec<(String, ActionProblemKind)> {
    SaleAction::from_draft(draft, sale)
        .expect_err("refused")
        .into_iter()
        .map(|p| (p.field, p.kind))
        .collect()
}

const ACCOUNT: Address = address!("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");

#[test]
fn a_merkle_claim_takes_literals_of_every_kind_and_encodes_them_exactly() {
    let proof = "[0x1111111111111111111111111111111111111111111111111111111111111111, 0x2222222222222222222222222222222222222222222222222222222222222222]";
    let action = SaleAction::from_draft(
        &draft(
            ActionPurpose::ClaimTokens,
            "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
            &["7", "{account}", "{token_amount}", proof],
        ),
        &native(),
    )
    .expect("valid");
    assert_eq!(
        action.signature(),
        "claim(uint256,address,uint256,bytes32[])"
    );
    assert!(action.needs_token_amount() && !action.needs_amount());
    let values = ActionValues {
        account: ACCOUNT,
        amount: None,
        token_amount: Some(U256::from(1_500u64)),
    };
    let input = action.encode(&values).expect("encoded");
    // The selector, then the head (index, account, amount, the array's offset) and the
    // array (its length and two words): what Solidity's ABI says, by hand.
    let mut expected =
        alloy_primitives::keccak256("claim(uint256,address,uint256,bytes32[])")[..4].to_vec();
    expected.extend(U256::from(7u64).to_be_bytes::<32>());
    expected.extend([0u8; 12]);
    expected.extend(ACCOUNT.as_slice());
    expected.extend(U256::from(1_500u64).to_be_bytes::<32>());
    expected.extend(U256::from(128u64).to_be_bytes::<32>());
    expected.extend(U256::from(2u64).to_be_bytes::<32>());
    expected.extend(b256!(
        "0x1111111111111111111111111111111111111111111111111111111111111111"
    ));
    expected.extend(b256!(
        "0x2222222222222222222222222222222222222222222222222222222222222222"
    ));
    assert_eq!(input.to_vec(), expected);
    let decoded = action.decode(&input).expect("a call of this function");
    let shown: Vec<(&str, &str, &str)> = decoded
        .iter()
        .map(|a| (a.name.as_str(), a.ty.as_str(), a.value.as_str()))
        .collect();
    let account = checksummed(&ACCOUNT);
    assert_eq!(
        shown,
        [
            ("index", "uint256", "7"),
            ("account", "address", account.as_str()),
            ("amount", "uint256", "1500"),
            (
                "proof",
                "bytes32[]",
                "[0x1111111111111111111111111111111111111111111111111111111111111111, 0x2222222222222222222222222222222222222222222222222222222222222222]"
            ),
        ]
    );
    assert_eq!(
        action.encode(&ActionValues {
            token_amount: None,
            ..values
        }),
        Err(ActionValueError::TokenAmountMissing)
    );
    assert_eq!(action.decode(&input[..3]), None, "not a call at all");
    assert_eq!(action.to_draft().arguments[3], proof, "kept as typed");
    assert_eq!(
        action.to_draft().signature,
        "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
        "kept with its names"
    );
}

#[test]
fn every_literal_is_parsed_against_its_type_and_refused_at_its_argument() {
    let sale = native();
    let call = |arguments: &[&str]| {
        draft(
            ActionPurpose::Other,
            "f(uint8 small, int256 signed, bool flag, address to, bytes32 word, bytes data, string note, address[] many)",
            arguments,
        )
    };
    let good = [
        "255",
        "-5",
        "true",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0x1111111111111111111111111111111111111111111111111111111111111111",
        "0xdeadbeef",
        "hello",
        "[0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359]",
    ];
    SaleAction::from_draft(&call(&good), &sale).expect("every literal fits");
    for (index, bad, kind) in [
        (0, "256", ActionProblemKind::InvalidArgument),
        (0, "-1", ActionProblemKind::InvalidArgument),
        (1, "ten", ActionProblemKind::InvalidArgument),
        (2, "yes please", ActionProblemKind::InvalidArgument),
        (
            3,
            "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            ActionProblemKind::BadChecksum,
        ),
        (3, "{amount}", ActionProblemKind::InvalidArgument),
        (4, "0x11", ActionProblemKind::InvalidArgument),
        (5, "not hex", ActionProblemKind::InvalidArgument),
        (
            7,
            "[0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BEAED]",
            ActionProblemKind::BadChecksum,
        ),
        (2, "", ActionProblemKind::Required),
        (0, "{wallet}", ActionProblemKind::InvalidArgument),
    ] {
        let mut arguments = good;
        arguments[index] = bad;
        assert_eq!(
            fields(&call(&arguments), &sale),
            [(format!("arguments.{index}"), kind)],
            "{bad:?} as argument {index}"
        );
    }
    let message = SaleAction::from_draft(
        &call(&[
            "300", "-5", "true", good[3], good[4], good[5], good[6], good[7],
        ]),
        &sale,
    )
    .expect_err("refused")[0]
        .message
        .clone();
    assert!(
        message.starts_with("small (uint8)"),
        "names the argument: {message}"
    );
}

#[test]
fn an_action_as_typed_is_checked_whole() {
    let sale = native();
    let other_contract = ActionDraft {
        name: "Release vested".into(),
        contract: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
        contract_source: String::new(),
        ..draft(
            ActionPurpose::ClaimVested,
            "release(address)",
            &["{account}"],
        )
    };
    assert_eq!(
        fields(&other_contract, &sale),
        [("contractSource".to_owned(), ActionProblemKind::Required)]
    );
    let with_source = ActionDraft {
        contract_source: "the project's vesting page".into(),
        ..other_contract.clone()
    };
    let action = SaleAction::from_draft(&with_source, &sale).expect("valid");
    assert_eq!(
        action.target(&sale),
        address!("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    );
    assert_eq!(action.to_draft(), with_source);

    for (change, expected) in [
        (
            ActionDraft {
                name: " ".into(),
                ..with_source.clone()
            },
            vec![("name", ActionProblemKind::Required)],
        ),
        (
            ActionDraft {
                signature: "release(address".into(),
                ..with_source.clone()
            },
            vec![("signature", ActionProblemKind::InvalidCall)],
        ),
        (
            ActionDraft {
                signature: String::new(),
                arguments: vec![],
                ..with_source.clone()
            },
            vec![("signature", ActionProblemKind::Required)],
        ),
        (
            ActionDraft {
                arguments: vec![],
                ..with_source.clone()
            },
            vec![("arguments", ActionProblemKind::ArgumentCount)],
        ),
        (
            ActionDraft {
                contract: "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
                ..with_source.clone()
            },
            vec![("contract", ActionProblemKind::BadChecksum)],
        ),
        (
            ActionDraft {
                name: "x".repeat(61),
                ..with_source.clone()
            },
            vec![("name", ActionProblemKind::TooLong)],
        ),
    ] {
        let expected: Vec<(String, ActionProblemKind)> = expected
            .into_iter()
            .map(|(f, k)| (f.to_owned(), k))
            .collect();
        assert_eq!(fields(&change, &sale), expected, "{change:?}");
    }
}

#[test]
fn a_contribution_is_the_sales_payable_call_or_a_plain_transfer() {
    let transfer = SaleAction::from_draft(&draft(ActionPurpose::Contribute, "", &[]), &native())
        .expect("a plain transfer");
    assert_eq!(transfer.function, None);
    assert!(transfer.needs_amount());
    assert_eq!(
        transfer.encode(&ActionValues {
            account: ACCOUNT,
            amount: None,
            token_amount: None
        }),
        Ok(Bytes::new())
    );
    let call = SaleAction::from_draft(
        &draft(
            ActionPurpose::Contribute,
            "buyTokens(address)",
            &["{account}"],
        ),
        &native(),
    )
    .expect("a payable call");
    assert_eq!(call.signature(), "buyTokens(address)");
    let pulls = SaleAction::from_draft(
        &draft(
            ActionPurpose::Contribute,
            "buyTokens(uint256)",
            &["{amount}"],
        ),
        &token_paid(),
    )
    .expect("a token-paid sale may pull the payment with transferFrom");
    let sale = token_paid();
    let call = crate::transaction::PlannedCall::contribution(
        &sale,
        Some(&pulls),
        ACCOUNT,
        U256::from(250u64),
        None,
    )
    .expect("planned");
    assert_eq!(
        (call.to, call.value),
        (sale.contribution_address, U256::ZERO),
        "the sale is called and no coins go with it"
    );
    assert_eq!(call.token_payment(), Some(U256::from(250u64)));
    assert_eq!(
        fields(
            &ActionDraft {
                contract: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed".into(),
                contract_source: "a launchpad".into(),
                ..draft(ActionPurpose::Contribute, "", &[])
            },
            &native()
        ),
        [("contract".to_owned(), ActionProblemKind::NotForThisSale)]
    );
}

#[test]
fn actions_are_offered_only_where_they_make_sense() {
    use ActionPurpose as P;
    use ParticipationState as S;
    let offered = |purpose: P, ended: bool| -> Vec<S> {
        S::ALL
            .into_iter()
            .filter(|state| purpose.offered(*state, ended))
            .collect()
    };
    assert_eq!(
        offered(P::Contribute, false),
        [
            S::Researching,
            S::Registered,
            S::KycPending,
            S::KycApproved,
            S::KycRejected,
            S::Contributed
        ]
    );
    assert_eq!(
        offered(P::Contribute, true),
        [],
        "not once the sale has ended"
    );
    assert_eq!(
        offered(P::ClaimRefund, true),
        [S::Contributed, S::SoftCapMissed, S::RefundDue],
        "not once refunded"
    );
    assert_eq!(
        offered(P::ClaimTokens, false),
        [S::Succeeded, S::TokensDistributed, S::Vesting],
        "not before the sale has ended, unless the user recorded its success"
    );
    assert_eq!(
        offered(P::ClaimTokens, true),
        [
            S::Contributed,
            S::Succeeded,
            S::TokensDistributed,
            S::Vesting
        ]
    );
    for ended in [false, true] {
        assert_eq!(
            offered(P::ClaimVested, ended),
            [S::Succeeded, S::TokensDistributed, S::Vesting]
        );
    }
    assert_eq!(
        offered(P::ApprovePayment, false),
        offered(P::Contribute, false),
        "an approval goes with a contribution"
    );
    assert_eq!(offered(P::ApprovePayment, true), []);
    assert_eq!(offered(P::Other, false).len(), S::ALL.len());
}

#[test]
fn values_given_when_taking_replace_arguments_by_name_or_position_and_are_checked() {
    let action = SaleAction::from_draft(
        &draft(
            ActionPurpose::ClaimTokens,
            "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
            &["7", "{account}", "{token_amount}", "[]"],
        ),
        &native(),
    )
    .expect("valid");
    let given = |parameter: &str, value: &str| ArgumentValue {
        parameter: parameter.into(),
        value: value.into(),
    };
    let proof = format!("[0x{}]", "ab".repeat(32));
    let taken = action
        .with_values(&[given("proof", &proof), given("1", "9")], &native())
        .expect("both fit");
    assert_eq!(
        taken.to_draft().arguments,
        ["9", "{account}", "{token_amount}", proof.as_str()]
    );
    assert_eq!(
        action.to_draft().arguments[0],
        "7",
        "the action itself is unchanged"
    );

    let wrong_type = action
        .with_values(&[given("proof", "[0x12]")], &native())
        .expect_err("a bytes32 is 32 bytes");
    assert_eq!(
        wrong_type
            .iter()
            .map(|p| (p.field.as_str(), p.kind))
            .collect::<Vec<_>>(),
        [("arguments.3", ActionProblemKind::InvalidArgument)]
    );
    let unknown = action
        .with_values(
            &[given("beneficiary", "{account}"), given("5", "1")],
            &native(),
        )
        .expect_err("no such parameters");
    assert_eq!(unknown.len(), 2);
    assert!(unknown.iter().all(|p| p.field == "arguments"));
    assert!(
        unknown[0]
            .message
            .contains("takes index, account, amount, proof"),
        "{}",
        unknown[0].message
    );
}

#[test]
fn an_approval_is_erc20_approve_on_the_payment_token_of_a_token_paid_sale() {
    let sale = token_paid();
    let AcceptedCurrency::Erc20 { address: usdc, .. } = sale.currency else {
        panic!("paid in a token");
    };
    let spender = sale.contribution_address;
    let approval = SaleAction::default_approval(spender);
    assert_eq!(
        approval.target(&sale),
        usdc,
        "the token is called, not the sale"
    );
    let input = approval
        .encode(&ActionValues {
            account: ACCOUNT,
            amount: Some(U256::from(100u64)),
            token_amount: None,
        })
        .expect("encoded");
    assert_eq!(
        input,
        crate::approval::approve_call(spender, U256::from(100u64)),
        "exactly ERC-20 approve(spender, amount)"
    );
    let typed = SaleAction::from_draft(
        &draft(
            ActionPurpose::ApprovePayment,
            "approve(address who, uint256 howMuch)",
            &["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "{amount}"],
        ),
        &sale,
    )
    .expect("parameter names are the user's");
    assert_eq!(typed.target(&sale), usdc);
    assert_eq!(
        fields(
            &draft(
                ActionPurpose::ApprovePayment,
                "increaseAllowance(address,uint256)",
                &["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "{amount}"],
            ),
            &sale
        ),
        [("signature".to_owned(), ActionProblemKind::InvalidCall)],
        "only approve sets the allowance to an exact amount"
    );
    assert_eq!(
        fields(
            &draft(
                ActionPurpose::ApprovePayment,
                "approve(address,uint256)",
                &["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "{amount}"],
            ),
            &native()
        ),
        [("purpose".to_owned(), ActionProblemKind::NotForThisSale)],
        "a sale paid in coins has nothing to approve"
    );
}

#[test]
fn a_claim_may_name_the_view_of_what_can_be_claimed_and_nothing_else_may() {
    let sale = native();
    let account = address!("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    let vested = ActionDraft {
        claimable: " releasable(address beneficiary) ".into(),
        ..draft(
            ActionPurpose::ClaimVested,
            "release(address)",
            &["{account}"],
        )
    };
    let action = SaleAction::from_draft(&vested, &sale).expect("valid");
    let call = action.claimable_call(account).expect("a view");
    assert_eq!(
        &call[..4],
        &alloy_primitives::keccak256("releasable(address)")[..4]
    );
    assert_eq!(&call[4..], account.into_word().as_slice());
    assert_eq!(action.to_draft().claimable, "releasable(address)");
    let no_arguments = ActionDraft {
        claimable: "claimable()".into(),
        ..vested.clone()
    };
    let action = SaleAction::from_draft(&no_arguments, &sale).expect("valid");
    assert_eq!(action.claimable_call(account).expect("a view").len(), 4);
    assert_eq!(
        SaleAction::from_draft(
            &draft(
                ActionPurpose::ClaimVested,
                "release(address)",
                &["{account}"]
            ),
            &sale
        )
        .expect("valid")
        .claimable_call(account),
        None
    );

    let refused = |claimable: &str, purpose: ActionPurpose| {
        let typed = ActionDraft {
            claimable: claimable.into(),
            ..draft(purpose, "claim()", &[])
        };
        fields(&typed, &sale)
    };
    assert_eq!(
        refused("releasable(uint256)", ActionPurpose::ClaimTokens),
        [("claimable".to_owned(), ActionProblemKind::InvalidCall)]
    );
    assert_eq!(
        refused("releasable(", ActionPurpose::ClaimTokens),
        [("claimable".to_owned(), ActionProblemKind::InvalidCall)]
    );
    assert_eq!(
        refused("releasable(address)", ActionPurpose::ClaimRefund),
        [("claimable".to_owned(), ActionProblemKind::NotForThisSale)]
    );
    assert_eq!(
        refused(
            &format!("a{}()", "b".repeat(300)),
            ActionPurpose::ClaimTokens
        ),
        [("claimable".to_owned(), ActionProblemKind::TooLong)]
    );
}
