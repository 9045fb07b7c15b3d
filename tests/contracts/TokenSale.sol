// SPDX-License-Identifier: MIT
// The token sale Saleguard's chain tests contribute to, compiled by the test set-up
// (solcjs from npm) and deployed on a local Anvil node. Not for production use.
pragma solidity 0.8.37;

/// The sale's token: minted by the sale when a contribution arrives, burned on refund.
contract SaleToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    address public immutable minter;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
        minter = msg.sender;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        require(allowance[from][msg.sender] >= value, "allowance");
        allowance[from][msg.sender] -= value;
        _move(from, to, value);
        return true;
    }

    function mint(address to, uint256 value) external {
        require(msg.sender == minter, "only the sale mints");
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }

    function burn(address from, uint256 value) external {
        require(msg.sender == minter, "only the sale burns");
        require(balanceOf[from] >= value, "balance");
        balanceOf[from] -= value;
        totalSupply -= value;
        emit Transfer(from, address(0), value);
    }

    function _move(address from, address to, uint256 value) private {
        require(balanceOf[from] >= value, "balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}

/// A capped sale paid in the chain's coin: `rate` tokens (base units) per wei, a soft cap
/// under which contributors may claim their coins back after the deadline, a hard cap
/// that no contribution may pass.
contract TokenSale {
    SaleToken public immutable token;
    uint256 public immutable rate;
    uint256 public immutable softCap;
    uint256 public immutable hardCap;
    uint256 public immutable deadline;
    uint256 public totalRaised;
    mapping(address => uint256) public contributions;

    event Contributed(address indexed contributor, address indexed beneficiary, uint256 value, uint256 tokens);
    event Refunded(address indexed contributor, uint256 value);

    constructor(uint256 rate_, uint256 softCap_, uint256 hardCap_, uint256 deadline_) {
        require(rate_ > 0, "rate");
        require(softCap_ <= hardCap_, "caps");
        token = new SaleToken("Sale Token", "SALE");
        rate = rate_;
        softCap = softCap_;
        hardCap = hardCap_;
        deadline = deadline_;
    }

    /// Contributes for the sender.
    function contribute() external payable {
        _contribute(msg.sender);
    }

    /// Contributes for `beneficiary`, who receives the tokens and any refund.
    function buyTokens(address beneficiary) external payable {
        require(beneficiary != address(0), "beneficiary");
        _contribute(beneficiary);
    }

    /// Returns a contribution after a sale that ended under its soft cap.
    function claimRefund() external {
        require(block.timestamp >= deadline, "sale not ended");
        require(totalRaised < softCap, "soft cap reached");
        uint256 amount = contributions[msg.sender];
        require(amount > 0, "nothing to refund");
        contributions[msg.sender] = 0;
        token.burn(msg.sender, amount * rate);
        (bool sent, ) = payable(msg.sender).call{value: amount}("");
        require(sent, "refund failed");
        emit Refunded(msg.sender, amount);
    }

    function _contribute(address beneficiary) private {
        require(block.timestamp < deadline, "sale ended");
        require(msg.value > 0, "no value");
        require(totalRaised + msg.value <= hardCap, "hard cap");
        totalRaised += msg.value;
        contributions[beneficiary] += msg.value;
        token.mint(beneficiary, msg.value * rate);
        emit Contributed(msg.sender, beneficiary, msg.value, msg.value * rate);
    }

    /// Plain transfers are refused: a contribution must say who it is for.
    receive() external payable {
        revert("use contribute()");
    }
}
