//! What a mined transaction's receipt proves: the ERC-20 transfers its logs record, each
//! with the index of the log that proves it. Logs of other shapes (an ERC-721 transfer
//! has the same event name with a fourth topic) are not transfers of fungible tokens and
//! are left out, never guessed at.

use alloy_primitives::{Address, B256, Bytes, U256};
use alloy_sol_types::{SolEvent, sol};

sol! {
    /// ERC-20's transfer event.
    event Transfer(address indexed from, address indexed to, uint256 value);
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

/// The transfers of `token` that reached `account`.
pub fn received(logs: &[ReceiptLog], token: Address, account: Address) -> Vec<TokenTransfer> {
    token_transfers(logs)
        .into_iter()
        .filter(|transfer| {
            transfer.token == token && transfer.to == account && !transfer.amount.is_zero()
        })
        .collect()
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
        assert_eq!(received(&logs, TOKEN, BUYER).len(), 1);
        assert_eq!(received(&logs, TOKEN, BUYER)[0].amount, U256::from(1_000));
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
            received(&logs, TOKEN, BUYER).is_empty(),
            "nothing of this token, to the buyer, above zero"
        );
    }
}
