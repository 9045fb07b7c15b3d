-- A token or vested claim may name the contract's view of what the account can claim
-- now (`releasable(address)`, each `address` the account's), so that the review blocks
-- a claim with nothing to claim before it is signed; empty: none.
ALTER TABLE sale_actions ADD COLUMN claimable TEXT NOT NULL DEFAULT ''
    CHECK (length(claimable) <= 200);
