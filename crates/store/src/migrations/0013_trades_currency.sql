-- Trades the user records or imports: buys, sells and transfers between their own
-- places. Amounts are base units as digit TEXT with their decimals beside them; a
-- price or fee as typed keeps the places it was written with.
CREATE TABLE trades (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT    NOT NULL CHECK (kind IN ('buy', 'sell', 'transfer')),
    happened_at        INTEGER NOT NULL,
    asset              TEXT    NOT NULL CHECK (length(asset) BETWEEN 1 AND 16),
    decimals           INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 36),
    amount_base_units  TEXT    NOT NULL CHECK (amount_base_units NOT GLOB '*[^0-9]*' AND amount_base_units != ''),
    counter_asset      TEXT    CHECK (length(counter_asset) BETWEEN 1 AND 16),
    counter_decimals   INTEGER CHECK (counter_decimals BETWEEN 0 AND 36),
    counter_base_units TEXT    CHECK (counter_base_units NOT GLOB '*[^0-9]*' AND counter_base_units != ''),
    fee_asset          TEXT    CHECK (length(fee_asset) BETWEEN 1 AND 16),
    fee_decimals       INTEGER CHECK (fee_decimals BETWEEN 0 AND 36),
    fee_base_units     TEXT    CHECK (fee_base_units NOT GLOB '*[^0-9]*' AND fee_base_units != ''),
    account            TEXT    NOT NULL DEFAULT '' CHECK (length(account) <= 120),
    to_account         TEXT    NOT NULL DEFAULT '' CHECK (length(to_account) <= 120),
    reference          TEXT    NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
    note               TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_at        INTEGER NOT NULL,
    CHECK ((counter_asset IS NULL) = (counter_base_units IS NULL)
       AND (counter_asset IS NULL) = (counter_decimals IS NULL)),
    CHECK ((fee_asset IS NULL) = (fee_base_units IS NULL)
       AND (fee_asset IS NULL) = (fee_decimals IS NULL)),
    CHECK ((kind = 'transfer') = (counter_asset IS NULL)),
    CHECK ((kind = 'transfer') = (to_account != ''))
) STRICT;
CREATE INDEX trades_in_order ON trades (happened_at, id);

-- The settings gain the currency the portfolio is valued in (`currency`) and when the
-- last encrypted backup was made (`last_backup_at`, Unix seconds).
CREATE TABLE settings_next (
    key   TEXT PRIMARY KEY CHECK (key IN ('residence_country', 'currency', 'last_backup_at')),
    value TEXT NOT NULL
) STRICT;
INSERT INTO settings_next (key, value) SELECT key, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_next RENAME TO settings;
