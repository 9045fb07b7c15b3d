-- Transactions Saleguard built for a participation (a contribution or a refund claim),
-- from the plan the user reviewed to their fate on chain. `id` is the draft's id: what a
-- retry or a second click names, so one draft is sent at most once. The fields of the
-- transaction never change after the plan; `status` moves forward, and every move is
-- also kept in `transaction_events`.
CREATE TABLE transactions (
    id                       TEXT    PRIMARY KEY CHECK (length(id) = 32),
    participation_id         INTEGER NOT NULL REFERENCES participations (id) ON DELETE RESTRICT,
    purpose                  TEXT    NOT NULL CHECK (purpose IN ('contribution', 'refund')),
    account_id               INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    chain_id                 INTEGER NOT NULL CHECK (chain_id > 0),
    from_address             TEXT    NOT NULL CHECK (length(from_address) = 42),
    to_address               TEXT    NOT NULL CHECK (length(to_address) = 42),
    value_wei                TEXT    NOT NULL CHECK (value_wei NOT GLOB '*[^0-9]*' AND value_wei != ''),
    amount                   TEXT    NOT NULL CHECK (amount NOT GLOB '*[^0-9]*' AND amount != ''),
    input                    TEXT    NOT NULL CHECK (input GLOB '0x*'),
    nonce                    INTEGER NOT NULL CHECK (nonce >= 0),
    gas_limit                INTEGER NOT NULL CHECK (gas_limit > 0),
    max_fee_per_gas          TEXT    NOT NULL CHECK (max_fee_per_gas NOT GLOB '*[^0-9]*' AND max_fee_per_gas != ''),
    max_priority_fee_per_gas TEXT    NOT NULL CHECK (max_priority_fee_per_gas NOT GLOB '*[^0-9]*' AND max_priority_fee_per_gas != ''),
    signing_hash             TEXT    NOT NULL CHECK (length(signing_hash) = 66),
    hash                     TEXT    CHECK (hash IS NULL OR length(hash) = 66),
    raw                      TEXT    CHECK (raw IS NULL OR raw GLOB '0x*'),
    status                   TEXT    NOT NULL CHECK (status IN ('planned', 'signed', 'sent',
                                 'mined', 'confirmed', 'failed', 'dropped', 'replaced', 'abandoned')),
    block_number             INTEGER,
    failure                  TEXT    NOT NULL DEFAULT '' CHECK (length(failure) <= 500),
    created_at               INTEGER NOT NULL,
    updated_at               INTEGER NOT NULL
) STRICT;
-- A nonce is reserved by the first transaction signed with it: a second signed
-- transaction for the same account, chain and nonce is refused.
CREATE UNIQUE INDEX transactions_reserve_their_nonce ON transactions (chain_id, from_address, nonce)
    WHERE status IN ('signed', 'sent', 'mined', 'confirmed');
-- A dropped transaction may be signed again as it was (the same hash): a hash is unique
-- among live transactions only.
CREATE UNIQUE INDEX transactions_live_hash ON transactions (hash)
    WHERE status IN ('signed', 'sent', 'mined', 'confirmed');
CREATE INDEX transactions_by_participation ON transactions (participation_id, created_at);

CREATE TABLE transaction_events (
    id             INTEGER PRIMARY KEY,
    transaction_id TEXT    NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    status         TEXT    NOT NULL,
    detail         TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 500),
    happened_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX transaction_events_in_order ON transaction_events (transaction_id, id);
CREATE TRIGGER transaction_events_are_kept BEFORE UPDATE ON transaction_events
BEGIN
    SELECT RAISE(ABORT, 'transaction history is append-only');
END;
