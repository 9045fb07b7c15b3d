// SPDX-License-Identifier: MIT
// A vesting contract of the kind projects deploy beside their sale: it holds a buyer's
// tokens and releases them linearly between `start` and `start + duration`, to the
// beneficiary only, when `release(address)` is called. Saleguard's chain tests deploy
// it on a local Anvil node. Not for production use.
pragma solidity 0.8.37;

interface VestedToken {
    function balanceOf(address owner) external view returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
}

contract TokenVesting {
    VestedToken public immutable token;
    address public immutable beneficiary;
    uint256 public immutable start;
    uint256 public immutable duration;
    uint256 public released;

    event Released(address indexed beneficiary, uint256 amount);

    constructor(VestedToken token_, address beneficiary_, uint256 start_, uint256 duration_) {
        require(duration_ > 0, "duration");
        token = token_;
        beneficiary = beneficiary_;
        start = start_;
        duration = duration_;
    }

    /// What has vested by `timestamp`, released or not.
    function vestedAmount(uint256 timestamp) public view returns (uint256) {
        uint256 total = token.balanceOf(address(this)) + released;
        if (timestamp < start) return 0;
        if (timestamp >= start + duration) return total;
        return (total * (timestamp - start)) / duration;
    }

    /// What `release` would pay now.
    function releasable(address who) public view returns (uint256) {
        if (who != beneficiary) return 0;
        return vestedAmount(block.timestamp) - released;
    }

    function release(address who) external {
        require(who == beneficiary, "not the beneficiary");
        uint256 amount = releasable(who);
        require(amount > 0, "nothing to release");
        released += amount;
        require(token.transfer(who, amount), "transfer");
        emit Released(who, amount);
    }
}
