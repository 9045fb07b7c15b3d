// SPDX-License-Identifier: MIT
// A post-delivery sale, as many launchpads run them: contributions in the chain's coin
// are counted while the sale is open, the tokens bought are minted to the sale and kept
// there; once the sale has ended anyone may finalise it, and then each buyer (or anyone
// for them) withdraws their tokens with `withdrawTokens(address)`. Saleguard's chain
// tests deploy it on a local Anvil node. Not for production use.
pragma solidity 0.8.37;

import {SaleToken} from "./TokenSale.sol";

contract PostDeliverySale {
    SaleToken public immutable token;
    uint256 public immutable rate;
    uint256 public immutable deadline;
    bool public finalized;
    /// Tokens bought and not yet withdrawn, in base units, by buyer.
    mapping(address => uint256) public owed;

    event Contributed(address indexed contributor, uint256 value, uint256 tokens);
    event Finalized();
    event Withdrawn(address indexed beneficiary, uint256 tokens);

    constructor(uint256 rate_, uint256 deadline_) {
        require(rate_ > 0, "rate");
        token = new SaleToken("Delivered Token", "DLVR");
        rate = rate_;
        deadline = deadline_;
    }

    function contribute() external payable {
        require(block.timestamp < deadline, "sale ended");
        require(msg.value > 0, "no value");
        uint256 tokens = msg.value * rate;
        owed[msg.sender] += tokens;
        token.mint(address(this), tokens);
        emit Contributed(msg.sender, msg.value, tokens);
    }

    /// Ends the sale once its deadline passed; anyone may call it.
    function finalize() external {
        require(block.timestamp >= deadline, "sale not ended");
        require(!finalized, "already finalized");
        finalized = true;
        emit Finalized();
    }

    /// Sends `beneficiary` the tokens they bought, after the sale was finalised.
    function withdrawTokens(address beneficiary) external {
        require(finalized, "not finalized");
        uint256 tokens = owed[beneficiary];
        require(tokens > 0, "nothing to withdraw");
        owed[beneficiary] = 0;
        require(token.transfer(beneficiary, tokens), "transfer");
        emit Withdrawn(beneficiary, tokens);
    }
}
