// SPDX-License-Identifier: MIT
// An ERC-20 whose whole supply is minted once, to one holder: the stablecoin-like token a
// sale paid in a token accepts (TUSD, 6 decimals), or a project's token that a vesting
// contract or a Merkle distributor pays out. Saleguard's chain tests deploy it on a local
// Anvil node. Not for production use.
pragma solidity 0.8.37;

contract FixedSupplyToken {
    string public name;
    string public symbol;
    uint8 public immutable decimals;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// Mints `amount` base units to `holder`, once.
    constructor(string memory name_, string memory symbol_, uint8 decimals_, address holder, uint256 amount) {
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
        totalSupply = amount;
        balanceOf[holder] = amount;
        emit Transfer(address(0), holder, amount);
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

    function _move(address from, address to, uint256 value) private {
        require(to != address(0), "transfer to the zero address");
        require(balanceOf[from] >= value, "transfer amount exceeds balance");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
