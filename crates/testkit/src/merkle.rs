//! A Merkle distributor's tree, as `tests/contracts/MerkleDistributor.sol` checks it:
//! each leaf `keccak256(abi.encodePacked(index, account, amount))`, each node the hash of
//! its two children in sorted order. What a project's site gives a buyer as a proof.

use alloy_primitives::{Address, B256, U256, keccak256};

/// A leaf: keccak256 of the index and amount as 32-byte words around the account's 20
/// bytes.
pub fn leaf(index: u64, account: Address, amount: U256) -> B256 {
    keccak256(
        [
            U256::from(index).to_be_bytes::<32>().as_slice(),
            account.as_slice(),
            amount.to_be_bytes::<32>().as_slice(),
        ]
        .concat(),
    )
}

/// A node: keccak256 of two nodes in sorted order.
pub fn pair(a: B256, b: B256) -> B256 {
    let (low, high) = if a < b { (a, b) } else { (b, a) };
    keccak256([low.as_slice(), high.as_slice()].concat())
}

/// A proof as a user pastes it: `[0x…, 0x…]`.
pub fn proof_text(nodes: &[B256]) -> String {
    let nodes: Vec<String> = nodes.iter().map(ToString::to_string).collect();
    format!("[{}]", nodes.join(", "))
}
