-- Which hardware wallet holds a hardware account's key. The account row keeps the
-- address and the derivation path on the device; no secret is ever stored.
CREATE TABLE hardware_accounts (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    wallet     TEXT    NOT NULL CHECK (wallet IN ('ledger', 'trezor'))
) STRICT;

-- Only hardware accounts have a wallet.
CREATE TRIGGER hardware_accounts_are_hardware
BEFORE INSERT ON hardware_accounts
WHEN (SELECT kind FROM accounts WHERE id = NEW.account_id) IS NOT 'hardware'
BEGIN
    SELECT RAISE(ABORT, 'only a hardware account has a hardware wallet');
END;
