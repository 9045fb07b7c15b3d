-- The chains the user sends on. `rpc_url` is NULL until the user names their node:
-- Saleguard contacts nothing the user did not configure.
CREATE TABLE networks (
    chain_id        INTEGER PRIMARY KEY CHECK (chain_id > 0),
    name            TEXT    NOT NULL CHECK (name != ''),
    native_symbol   TEXT    NOT NULL CHECK (native_symbol != ''),
    native_decimals INTEGER NOT NULL CHECK (native_decimals BETWEEN 0 AND 36),
    rpc_url         TEXT    CHECK (rpc_url IS NULL OR rpc_url != ''),
    explorer_url    TEXT    CHECK (explorer_url IS NULL OR explorer_url != ''),
    confirmations   INTEGER NOT NULL CHECK (confirmations BETWEEN 1 AND 1000),
    updated_at      INTEGER NOT NULL
) STRICT;

-- How a sale takes contributions on chain: the payable function a contribution calls
-- (NULL: a plain transfer, or an ERC-20 transfer for a sale paid in a token), the
-- function that claims a refund, and the sale's token for reading the distribution.
CREATE TABLE contract_terms (
    sale_id           INTEGER PRIMARY KEY REFERENCES sales (id) ON DELETE CASCADE,
    contribution_call TEXT    CHECK (contribution_call IS NULL OR contribution_call != ''),
    refund_call       TEXT    CHECK (refund_call IS NULL OR refund_call != ''),
    token_address     TEXT    CHECK (token_address IS NULL OR length(token_address) = 42),
    updated_at        INTEGER NOT NULL
) STRICT;
