// SPDX-License-Identifier: MIT
// A Merkle distributor, as airdrops and many sales pay out their tokens: the project
// publishes the root of a tree of (index, account, amount) and each buyer claims with the
// proof of their leaf, pasted from the project's site. Leaves are
// keccak256(abi.encodePacked(index, account, amount)); pairs are hashed in sorted order.
// Saleguard's chain tests deploy it on a local Anvil node. Not for production use.
pragma solidity 0.8.37;

interface DistributedToken {
    function transfer(address to, uint256 value) external returns (bool);
}

contract MerkleDistributor {
    DistributedToken public immutable token;
    bytes32 public immutable merkleRoot;
    mapping(uint256 => bool) public isClaimed;

    event Claimed(uint256 index, address account, uint256 amount);

    constructor(DistributedToken token_, bytes32 merkleRoot_) {
        token = token_;
        merkleRoot = merkleRoot_;
    }

    function claim(uint256 index, address account, uint256 amount, bytes32[] calldata merkleProof) external {
        require(!isClaimed[index], "already claimed");
        bytes32 node = keccak256(abi.encodePacked(index, account, amount));
        for (uint256 i = 0; i < merkleProof.length; i++) {
            bytes32 sibling = merkleProof[i];
            node = node < sibling ? keccak256(abi.encodePacked(node, sibling)) : keccak256(abi.encodePacked(sibling, node));
        }
        require(node == merkleRoot, "invalid proof");
        isClaimed[index] = true;
        require(token.transfer(account, amount), "transfer");
        emit Claimed(index, account, amount);
    }
}
