// SPDX-License-Identifier: MIT
// A sale paid in an ERC-20 token through `transferFrom`: the buyer first approves the
// sale to take the payment, then calls `buyTokens(amount)`, which pulls exactly that
// amount and owes `rate` sale tokens per base unit paid; once the sale has ended the
// buyer claims them with `claim()`. Saleguard's chain tests deploy it on a local Anvil
// node. Not for production use.
pragma solidity 0.8.37;

import {SaleToken} from "./TokenSale.sol";

interface PaymentCurrency {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

contract TokenPaidSale {
    PaymentCurrency public immutable payment;
    SaleToken public immutable token;
    uint256 public immutable rate;
    uint256 public immutable deadline;
    uint256 public totalRaised;
    mapping(address => uint256) public contributions;
    mapping(address => uint256) public owed;

    event Contributed(address indexed contributor, uint256 paid, uint256 tokens);
    event Claimed(address indexed contributor, uint256 tokens);

    constructor(PaymentCurrency payment_, uint256 rate_, uint256 deadline_) {
        require(rate_ > 0, "rate");
        payment = payment_;
        token = new SaleToken("Paid Token", "PAID");
        rate = rate_;
        deadline = deadline_;
    }

    function buyTokens(uint256 amount) external {
        require(block.timestamp < deadline, "sale ended");
        require(amount > 0, "no amount");
        require(payment.transferFrom(msg.sender, address(this), amount), "payment");
        totalRaised += amount;
        contributions[msg.sender] += amount;
        owed[msg.sender] += amount * rate;
        emit Contributed(msg.sender, amount, amount * rate);
    }

    function claim() external {
        require(block.timestamp >= deadline, "sale not ended");
        uint256 tokens = owed[msg.sender];
        require(tokens > 0, "nothing to claim");
        owed[msg.sender] = 0;
        token.mint(msg.sender, tokens);
        emit Claimed(msg.sender, tokens);
    }
}
