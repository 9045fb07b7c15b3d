-- Every amount the chain can prove is read from it and keeps what proves it: a ledger
-- entry read from a log keeps the log's index beside its transaction hash (in
-- `reference`), and is recorded once — a second reading of the same log, by a claim's
-- receipt or a scan for deliveries, finds it there. An entry may now also be `found`:
-- a token delivery the scan found in the chain's logs that Saleguard did not sign (an
-- airdrop, a claim made elsewhere). A transaction keeps the effects read from its
-- receipt (JSON, as the app wrote it). SQLite cannot widen a CHECK in place: the
-- ledger is rebuilt, its rows copied as they are; the index of a claim's transfer log,
-- until now only in its note, moves to its column.
CREATE TABLE ledger_entries_next (
    id                INTEGER PRIMARY KEY,
    participation_id  INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL CHECK (kind IN ('contribution', 'refund', 'distribution')),
    source            TEXT    NOT NULL CHECK (source IN ('manual', 'signed', 'found')),
    happened_at       INTEGER NOT NULL,
    asset             TEXT    NOT NULL CHECK (length(asset) BETWEEN 1 AND 16),
    decimals          INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 36),
    amount_base_units TEXT    NOT NULL CHECK (amount_base_units NOT GLOB '*[^0-9]*' AND amount_base_units != ''),
    reference         TEXT    NOT NULL DEFAULT '' CHECK (length(reference) <= 200),
    from_party        TEXT    NOT NULL DEFAULT '' CHECK (length(from_party) <= 120),
    to_party          TEXT    NOT NULL DEFAULT '' CHECK (length(to_party) <= 120),
    note              TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_at       INTEGER NOT NULL,
    -- The log that proves the amount, in the block of the transaction `reference`
    -- names; NULL for an entry typed by hand or an amount proved otherwise (a
    -- transaction's value, a balance measured around its block).
    log_index         INTEGER CHECK (log_index IS NULL OR (log_index >= 0 AND length(reference) = 66))
) STRICT;

INSERT INTO ledger_entries_next (id, participation_id, kind, source, happened_at, asset,
        decimals, amount_base_units, reference, from_party, to_party, note, recorded_at,
        log_index)
SELECT id, participation_id, kind, source, happened_at, asset, decimals,
       amount_base_units, reference, from_party, to_party, note, recorded_at,
       CASE WHEN source = 'signed' AND length(reference) = 66
                 AND note GLOB 'Read from the transaction''s receipt: transfer log [0-9]*'
            THEN CAST(substr(note, 51) AS INTEGER) END
  FROM ledger_entries;

DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_next RENAME TO ledger_entries;
CREATE INDEX ledger_entries_by_participation ON ledger_entries (participation_id, happened_at);
CREATE UNIQUE INDEX ledger_entries_by_log ON ledger_entries (lower(reference), log_index)
    WHERE log_index IS NOT NULL;

ALTER TABLE transactions ADD COLUMN effects TEXT
    CHECK (effects IS NULL OR (json_valid(effects) AND json_type(effects) = 'object'));
