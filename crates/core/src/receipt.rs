//! What a mined transaction's receipt proves: the ERC-20 transfers and approvals its
//! logs record, each with the index of the log that proves it, and — measured from the
//! account's balance around the block — the coins that came back to it. Logs of other
//! shapes (an ERC-721 transfer has the same event name with a fourth topic) are not
//! transfers of fungible tokens and are left out, never guessed at.

use alloy_primitives::{Address, B256, Bytes, U256};
use alloy_sol_types::{SolEvent, sol};

sol! {
    /// ERC-20's transfer event.
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// ERC-20's approval event.
    event Approval(address indexed owner, address indexed spender, uint256 value);
}

/// One log of a receipt, as the node gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptLog {
    /// The contract that emitted it.
    pub address: Address,
    pub topics: Vec<B256>,
    pub data: Bytes,
    /// Its position in the block: with the transaction's hash, what names it.
    pub log_index: u64,
}

/// An ERC-20 transfer a receipt's log records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenTransfer {
    pub token: Address,
    pub from: Address,
    pub to: Address,
    /// Base units of `token`.
    pub amount: U256,
    pub log_index: u64,
}

/// Every ERC-20 transfer in `logs`, in their order.
pub fn token_transfers(logs: &[ReceiptLog]) -> Vec<TokenTransfer> {
    logs.iter()
        .filter_map(|log| {
            let event = Transfer::decode_raw_log(log.topics.iter().copied(), &log.data).ok()?;
            Some(TokenTransfer {
                token: log.address,
                from: event.from,
                to: event.to,
                amount: event.value,
                log_index: log.log_index,
            })
        })
        .collect()
}

/// An ERC-20 allowance a receipt's log records: what `spender` may now take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenApproval {
    pub token: Address,
    pub owner: Address,
    pub spender: Address,
    /// Base units of `token`: the allowance from now on (not a change).
    pub amount: U256,
    pub log_index: u64,
}

/// Every ERC-20 approval in `logs`, in their order.
pub fn token_approvals(logs: &[ReceiptLog]) -> Vec<TokenApproval> {
    logs.iter()
        .filter_map(|log| {
            let event = Approval::decode_raw_log(log.topics.iter().copied(), &log.data).ok()?;
            Some(TokenApproval {
                token: log.address,
                owner: event.owner,
                spender: event.spender,
                amount: event.value,
                log_index: log.log_index,
            })
        })
        .collect()
}

/// The coins that came back to an account in a block it sent one transaction in: a
/// refund paid by a contract is an internal transfer, which no log records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CoinsReturned {
    /// Wei, measured: the balance after the block, less the balance before it, plus
    /// what the transaction sent and its fee.
    Measured(U256),
    /// Why it could not be measured (the account sent more in that block, the node
    /// keeps no state that old, the balances do not add up).
    Unknown(String),
}

/// What the balances around a block say came back, when the account's own transaction
/// was the only one it sent in that block (`sent_in_block`, from its nonce before and
/// after): `after - before + value + fee`.
pub fn coins_returned(
    before: U256,
    after: U256,
    value: U256,
    fee: U256,
    sent_in_block: u64,
) -> CoinsReturned {
    if sent_in_block != 1 {
        return CoinsReturned::Unknown(format!(
            "the account sent {sent_in_block} transactions in that block, so its balance does not say what this one returned"
        ));
    }
    let spent = value.saturating_add(fee);
    match after.saturating_add(spent).checked_sub(before) {
        Some(returned) => CoinsReturned::Measured(returned),
        None => CoinsReturned::Unknown(
            "the account's balance fell by more than the transaction spent (something else moved it)".to_owned(),
        ),
    }
}

/// What a confirmed transaction did for the account that signed it, as its receipt and
/// the balances around its block prove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Effects {
    /// Tokens that left the account (any token), by log.
    pub sent: Vec<TokenTransfer>,
    /// Tokens that reached the account (any token), by log.
    pub received: Vec<TokenTransfer>,
    /// Allowances the account gave, by log.
    pub approvals: Vec<TokenApproval>,
    /// Coins that came back to it.
    pub coins_returned: CoinsReturned,
}

impl Effects {
    /// Reads what `logs` record for `account`; `coins_returned` as measured.
    pub fn read(logs: &[ReceiptLog], account: Address, coins_returned: CoinsReturned) -> Self {
        let transfers = token_transfers(logs);
        let moving = |t: &&TokenTransfer| !t.amount.is_zero() && t.from != t.to;
        Self {
            sent: transfers
                .iter()
                .filter(moving)
                .filter(|t| t.from == account)
                .copied()
                .collect(),
            received: transfers
                .iter()
                .filter(moving)
                .filter(|t| t.to == account)
                .copied()
                .collect(),
            approvals: token_approvals(logs)
                .into_iter()
                .filter(|a| a.owner == account)
                .collect(),
            coins_returned,
        }
    }

    /// Whether nothing moved: no token either way, no approval, no coin back.
    pub fn is_empty(&self) -> bool {
        self.sent.is_empty()
            && self.received.is_empty()
            && self.approvals.is_empty()
            && matches!(self.coins_returned, CoinsReturned::Measured(wei) if wei.is_zero())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::address;
    use alloy_sol_types::SolValue;

    const TOKEN: Address = address!("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    const SALE: Address = address!("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    const BUYER: Address = address!("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    fn transfer_log(
        token: Address,
        from: Address,
        to: Address,
        amount: u64,
        log_index: u64,
    ) -> ReceiptLog {
        ReceiptLog {
            address: token,
            topics: vec![Transfer::SIGNATURE_HASH, from.into_word(), to.into_word()],
            data: U256::from(amount).abi_encode().into(),
            log_index,
        }
    }

    fn approval_log(
        token: Address,
        owner: Address,
        spender: Address,
        amount: u64,
        log_index: u64,
    ) -> ReceiptLog {
        ReceiptLog {
            address: token,
            topics: vec![
                Approval::SIGNATURE_HASH,
                owner.into_word(),
                spender.into_word(),
            ],
            data: U256::from(amount).abi_encode().into(),
            log_index,
        }
    }

    #[test]
    fn effects_name_what_left_and_reached_the_account_and_what_it_approved() {
        let usdc = address!("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
        let logs = [
            approval_log(usdc, BUYER, SALE, 0, 0),
            transfer_log(usdc, BUYER, SALE, 500, 1),
            transfer_log(TOKEN, SALE, BUYER, 1_000, 2),
            transfer_log(TOKEN, SALE, SALE, 7, 3),
            approval_log(usdc, SALE, BUYER, 9, 4),
            transfer_log(TOKEN, BUYER, BUYER, 3, 5),
        ];
        let effects = Effects::read(&logs, BUYER, CoinsReturned::Measured(U256::ZERO));
        assert_eq!(effects.sent.len(), 1);
        assert_eq!(
            (
                effects.sent[0].token,
                effects.sent[0].amount,
                effects.sent[0].log_index
            ),
            (usdc, U256::from(500), 1)
        );
        assert_eq!(
            effects.received.len(),
            1,
            "a transfer to oneself moves nothing"
        );
        assert_eq!(
            (effects.received[0].token, effects.received[0].amount),
            (TOKEN, U256::from(1_000))
        );
        assert_eq!(
            effects.approvals.len(),
            1,
            "only the account's own approvals"
        );
        assert_eq!(
            (effects.approvals[0].spender, effects.approvals[0].amount),
            (SALE, U256::ZERO)
        );
        assert!(!effects.is_empty());
        assert!(Effects::read(&[], BUYER, CoinsReturned::Measured(U256::ZERO)).is_empty());
        assert!(!Effects::read(&[], BUYER, CoinsReturned::Measured(U256::from(1))).is_empty());
        assert!(
            !Effects::read(&[], BUYER, CoinsReturned::Unknown("archive".into())).is_empty(),
            "what could not be measured is not said to be nothing"
        );
    }

    #[test]
    fn coins_returned_are_the_balance_change_plus_what_the_transaction_spent() {
        let wei = U256::from;
        // 10 before; sent 0, paid a fee of 1; 17 after: 8 came back.
        assert_eq!(
            coins_returned(wei(10), wei(17), wei(0), wei(1), 1),
            CoinsReturned::Measured(wei(8))
        );
        // A contribution of 5 with a fee of 1 and nothing back.
        assert_eq!(
            coins_returned(wei(10), wei(4), wei(5), wei(1), 1),
            CoinsReturned::Measured(wei(0))
        );
        assert!(
            matches!(coins_returned(wei(10), wei(17), wei(0), wei(1), 2), CoinsReturned::Unknown(why) if why.contains("2 transactions"))
        );
        assert!(matches!(
            coins_returned(wei(10), wei(3), wei(5), wei(1), 1),
            CoinsReturned::Unknown(_)
        ));
    }

    #[test]
    fn reads_each_erc20_transfer_with_its_log_index() {
        let logs = [
            transfer_log(TOKEN, SALE, BUYER, 1_000, 3),
            transfer_log(TOKEN, BUYER, SALE, 5, 4),
        ];
        assert_eq!(
            token_transfers(&logs),
            [
                TokenTransfer {
                    token: TOKEN,
                    from: SALE,
                    to: BUYER,
                    amount: U256::from(1_000),
                    log_index: 3
                },
                TokenTransfer {
                    token: TOKEN,
                    from: BUYER,
                    to: SALE,
                    amount: U256::from(5),
                    log_index: 4
                },
            ]
        );
        let effects = Effects::read(&logs, BUYER, CoinsReturned::Measured(U256::ZERO));
        assert_eq!(effects.received.len(), 1);
        assert_eq!(effects.received[0].amount, U256::from(1_000));
    }

    #[test]
    fn leaves_out_other_tokens_other_receivers_and_logs_of_other_shapes() {
        let other_token = address!("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
        let mut nft = transfer_log(TOKEN, SALE, BUYER, 0, 1);
        // ERC-721: the token id is a fourth topic and there is no data.
        nft.topics.push(B256::with_last_byte(7));
        nft.data = Bytes::new();
        let unrelated = ReceiptLog {
            address: TOKEN,
            topics: vec![B256::repeat_byte(1)],
            data: Bytes::new(),
            log_index: 2,
        };
        let logs = [
            nft,
            unrelated,
            transfer_log(other_token, SALE, BUYER, 9, 5),
            transfer_log(TOKEN, SALE, SALE, 9, 6),
            transfer_log(TOKEN, SALE, BUYER, 0, 7),
        ];
        assert_eq!(
            token_transfers(&logs).len(),
            3,
            "only the three ERC-20 transfers"
        );
        assert!(
            Effects::read(&logs, BUYER, CoinsReturned::Measured(U256::ZERO))
                .received
                .iter()
                .all(|t| t.token != TOKEN),
            "nothing of this token, to the buyer, above zero"
        );
    }
}
