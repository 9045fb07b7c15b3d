-- Money and tokens that moved for a participation: contributions, refunds and
-- distributions. `source` is 'manual' for a payment recorded by hand (e.g. in BTC or on
-- an exchange) and 'signed' for one Saleguard signs (a later issue): one table for both.
CREATE TABLE ledger_entries (
    id                INTEGER PRIMARY KEY,
    participation_id  INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL CHECK (kind IN ('contribution', 'refund', 'distribution')),
    source            TEXT    NOT NULL CHECK (source IN ('manual', 'signed')),
    happened_at       INTEGER NOT NULL,
    asset             TEXT    NOT NULL CHECK (length(asset) BETWEEN 1 AND 16),
    decimals          INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 36),
    amount_base_units TEXT    NOT NULL CHECK (amount_base_units NOT GLOB '*[^0-9]*' AND amount_base_units != ''),
    reference         TEXT    NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
    from_party        TEXT    NOT NULL DEFAULT '' CHECK (length(from_party) <= 120),
    to_party          TEXT    NOT NULL DEFAULT '' CHECK (length(to_party) <= 120),
    note              TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_at       INTEGER NOT NULL
) STRICT;

CREATE INDEX ledger_entries_by_participation ON ledger_entries (participation_id, happened_at);
