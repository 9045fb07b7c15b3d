-- A scan for token deliveries reads the sale token's transfers to the user's accounts
-- from the chain's logs, range by range: how far it read is kept so that it resumes
-- there (`delivery_scans`, one per participation), and what it found that did not come
-- from the sale — a DEX, an exchange, another person — is kept to show as such
-- (`transfers_from_others`), not as a distribution; the user may count one, which then
-- becomes a ledger entry with the same transaction and log. Both are what the chain
-- says and a scan reads again: they are not part of an export.
CREATE TABLE delivery_scans (
    participation_id INTEGER PRIMARY KEY REFERENCES participations (id) ON DELETE CASCADE,
    token            TEXT    NOT NULL CHECK (length(token) = 42),
    first_block      INTEGER NOT NULL CHECK (first_block >= 0),
    -- The last block read; first_block - 1 before any was.
    scanned_to       INTEGER NOT NULL CHECK (scanned_to >= first_block - 1),
    updated_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE transfers_from_others (
    id               INTEGER PRIMARY KEY,
    participation_id INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    tx_hash          TEXT    NOT NULL CHECK (length(tx_hash) = 66),
    log_index        INTEGER NOT NULL CHECK (log_index >= 0),
    block_number     INTEGER NOT NULL CHECK (block_number >= 0),
    happened_at      INTEGER NOT NULL,
    token            TEXT    NOT NULL CHECK (length(token) = 42),
    from_address     TEXT    NOT NULL CHECK (length(from_address) = 42),
    to_address       TEXT    NOT NULL CHECK (length(to_address) = 42),
    amount           TEXT    NOT NULL CHECK (amount NOT GLOB '*[^0-9]*' AND amount != ''),
    found_at         INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX transfers_from_others_by_log ON transfers_from_others (lower(tx_hash), log_index);
