-- Budgets: one row per period. Money is decimal TEXT (rust_decimal's exact form).
CREATE TABLE budgets (
    id            INTEGER PRIMARY KEY,
    currency      TEXT    NOT NULL CHECK (currency != '' AND currency = upper(currency)),
    period_kind   TEXT    NOT NULL CHECK (period_kind IN ('year', 'month', 'custom')),
    year          INTEGER,
    month         INTEGER CHECK (month BETWEEN 1 AND 12),
    from_at       INTEGER,
    until_at      INTEGER,
    total         TEXT    NOT NULL,
    per_sale_cap  TEXT,
    max_share_bps INTEGER CHECK (max_share_bps BETWEEN 1 AND 10000),
    created_at    INTEGER NOT NULL,
    CHECK ((period_kind = 'custom') = (from_at IS NOT NULL AND until_at IS NOT NULL AND year IS NULL)),
    CHECK ((period_kind = 'month') = (month IS NOT NULL)),
    CHECK (period_kind = 'custom' OR year IS NOT NULL)
) STRICT;

-- The manual price book: `price` units of `currency` for one `asset`.
CREATE TABLE prices (
    id          INTEGER PRIMARY KEY,
    asset       TEXT    NOT NULL CHECK (asset != ''),
    currency    TEXT    NOT NULL CHECK (currency != ''),
    price       TEXT    NOT NULL,
    observed_at INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX prices_by_pair ON prices (asset, currency, observed_at);

-- A sale's official addresses, with where and when each was seen.
CREATE TABLE official_addresses (
    id          INTEGER PRIMARY KEY,
    sale_id     INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    address     TEXT    NOT NULL CHECK (length(address) = 42),
    source      TEXT    NOT NULL CHECK (source != ''),
    seen_at     INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (sale_id, address)
) STRICT;

-- The user's rules for the review: one row.
CREATE TABLE review_policy (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    minimum_grade      TEXT    CHECK (minimum_grade IN ('A', 'B', 'C', 'D', 'F')),
    blocking_flags     TEXT    NOT NULL,
    max_price_age_days INTEGER NOT NULL CHECK (max_price_age_days BETWEEN 0 AND 3650)
) STRICT;
