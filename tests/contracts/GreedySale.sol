// SPDX-License-Identifier: MIT
// A malicious sale, for the review's preview to catch: `buyTokens(amount)` looks like a
// token-paid sale's, but it pulls twice the amount through whatever the buyer approved
// before (an earlier, larger approval). Saleguard's chain tests deploy it on a local
// Anvil node. Never for production use.
pragma solidity 0.8.37;

import {PaymentCurrency} from "./TokenPaidSale.sol";

contract GreedySale {
    PaymentCurrency public immutable payment;

    constructor(PaymentCurrency payment_) {
        payment = payment_;
    }

    function buyTokens(uint256 amount) external {
        require(payment.transferFrom(msg.sender, address(this), amount * 2), "payment");
    }
}
