// SPDX-License-Identifier: MIT
// A sale whose contributions are held by a separate escrow contract, as some sales do to
// show the money cannot be taken before the soft cap is reached: each contribution in
// the chain's coin is deposited in the escrow for its buyer; once the sale has ended
// below its soft cap anyone may finalise it, which opens refunds, and then the escrow
// (not the sale) pays each buyer back with `withdraw(address)`, less a fee it keeps (in
// basis points, possibly none), and pays nothing — without reverting, as OpenZeppelin's
// escrow does — to a buyer already paid. Saleguard's chain tests deploy it on a local
// Anvil node. Not for production use.
pragma solidity 0.8.37;

contract RefundEscrow {
    address public immutable sale;
    /// What the escrow keeps of each refund, in basis points.
    uint256 public immutable feeBasisPoints;
    bool public refunding;
    /// What each buyer deposited and has not been refunded, in wei.
    mapping(address => uint256) public depositsOf;

    event Deposited(address indexed payee, uint256 value);
    event Refunded(address indexed payee, uint256 value);

    constructor(uint256 feeBasisPoints_) {
        require(feeBasisPoints_ <= 10000, "fee above 100%");
        sale = msg.sender;
        feeBasisPoints = feeBasisPoints_;
    }

    function deposit(address payee) external payable {
        require(msg.sender == sale, "only the sale deposits");
        depositsOf[payee] += msg.value;
        emit Deposited(payee, msg.value);
    }

    function enableRefunds() external {
        require(msg.sender == sale, "only the sale opens refunds");
        refunding = true;
    }

    function withdraw(address payable payee) external {
        require(refunding, "refunds not open");
        uint256 value = depositsOf[payee] - (depositsOf[payee] * feeBasisPoints) / 10000;
        depositsOf[payee] = 0;
        (bool paid, ) = payee.call{value: value}("");
        require(paid, "refund not paid");
        emit Refunded(payee, value);
    }
}

contract EscrowedSale {
    RefundEscrow public immutable escrow;
    uint256 public immutable softCap;
    uint256 public immutable deadline;
    uint256 public totalRaised;

    event Contributed(address indexed contributor, uint256 value);

    constructor(uint256 softCap_, uint256 deadline_, uint256 refundFeeBasisPoints) {
        escrow = new RefundEscrow(refundFeeBasisPoints);
        softCap = softCap_;
        deadline = deadline_;
    }

    function contribute() external payable {
        require(block.timestamp < deadline, "sale ended");
        require(msg.value > 0, "no value");
        totalRaised += msg.value;
        escrow.deposit{value: msg.value}(msg.sender);
        emit Contributed(msg.sender, msg.value);
    }

    function finalize() external {
        require(block.timestamp >= deadline, "sale not ended");
        require(totalRaised < softCap, "soft cap reached");
        escrow.enableRefunds();
    }
}
