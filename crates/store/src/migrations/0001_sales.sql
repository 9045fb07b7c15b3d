CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at INTEGER NOT NULL
) STRICT;

-- Amounts are integers in base units written as decimal digits (they exceed 64 bits);
-- the decimals they are counted in live beside them. Times are Unix seconds, UTC.
CREATE TABLE sales (
    id                   INTEGER PRIMARY KEY,
    project_name         TEXT    NOT NULL CHECK (length(project_name) BETWEEN 1 AND 100),
    token_symbol         TEXT    NOT NULL CHECK (length(token_symbol) BETWEEN 1 AND 16),
    token_decimals       INTEGER NOT NULL CHECK (token_decimals BETWEEN 0 AND 36),
    chain_id             INTEGER NOT NULL CHECK (chain_id BETWEEN 1 AND 9007199254740991),
    contribution_address TEXT    NOT NULL CHECK (length(contribution_address) = 42),
    currency_kind        TEXT    NOT NULL CHECK (currency_kind IN ('native', 'erc20')),
    currency_symbol      TEXT    NOT NULL,
    currency_decimals    INTEGER NOT NULL CHECK (currency_decimals BETWEEN 0 AND 36),
    currency_address     TEXT    CHECK (currency_address IS NULL OR length(currency_address) = 42),
    pricing_kind         TEXT    CHECK (pricing_kind IN ('price', 'rate')),
    pricing_amount       TEXT    CHECK (pricing_amount NOT GLOB '*[^0-9]*'),
    soft_cap             TEXT    CHECK (soft_cap NOT GLOB '*[^0-9]*'),
    hard_cap             TEXT    CHECK (hard_cap NOT GLOB '*[^0-9]*'),
    min_contribution     TEXT    CHECK (min_contribution NOT GLOB '*[^0-9]*'),
    max_contribution     TEXT    CHECK (max_contribution NOT GLOB '*[^0-9]*'),
    starts_at            INTEGER NOT NULL,
    ends_at              INTEGER NOT NULL,
    kyc_required         INTEGER NOT NULL CHECK (kyc_required IN (0, 1)),
    whitepaper_url       TEXT,
    notes                TEXT    NOT NULL DEFAULT '',
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    CHECK (starts_at < ends_at),
    CHECK ((currency_kind = 'native') = (currency_address IS NULL)),
    CHECK ((pricing_kind IS NULL) = (pricing_amount IS NULL))
) STRICT;
