-- Every action of a sale is signed, not just contributions and refund claims: a
-- transaction says which action it took (kept by name too, should the action be
-- removed later) and the values given when it was taken, so that the draft can be
-- checked again, field by field, before it is signed. `purpose` widens to every kind,
-- and a transaction may replace another of the same nonce (sped up, or cancelled by a
-- transfer of nothing to the sender): of those, the one mined counts. SQLite
-- cannot widen a CHECK in place: the table is rebuilt, its rows copied as they are,
-- with foreign keys off while the migration runs (the store's migration procedure).
CREATE TABLE transactions_next (
    id                       TEXT    PRIMARY KEY CHECK (length(id) = 32),
    participation_id         INTEGER NOT NULL REFERENCES participations (id) ON DELETE RESTRICT,
    purpose                  TEXT    NOT NULL CHECK (purpose IN ('contribution', 'refund',
                                 'token_claim', 'vested_claim', 'call', 'approval', 'cancellation')),
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
    updated_at               INTEGER NOT NULL,
    fee_wei                  TEXT    CHECK (fee_wei IS NULL OR (fee_wei NOT GLOB '*[^0-9]*' AND fee_wei != '')),
    -- The sale's action taken; NULL for a contribution by plain or ERC-20 transfer, or
    -- once the action was removed (its name stays).
    action_id                INTEGER REFERENCES sale_actions (id) ON DELETE SET NULL,
    action_name              TEXT    NOT NULL DEFAULT '' CHECK (length(action_name) <= 60),
    -- An amount of the sale's token the action passed ({token_amount}), base units.
    token_amount             TEXT    CHECK (token_amount IS NULL OR (token_amount NOT GLOB '*[^0-9]*' AND token_amount != '')),
    -- Values given for this transaction only, by parameter: a JSON array of
    -- {"parameter": …, "value": …}, as typed.
    argument_values          TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(argument_values) AND json_type(argument_values) = 'array'),
    -- The transaction this one replaces (same account, chain and nonce), if it does.
    replaces                 TEXT    CHECK (replaces IS NULL OR length(replaces) = 32)
) STRICT;

INSERT INTO transactions_next (id, participation_id, purpose, account_id, chain_id,
        from_address, to_address, value_wei, amount, input, nonce, gas_limit,
        max_fee_per_gas, max_priority_fee_per_gas, signing_hash, hash, raw, status,
        block_number, failure, created_at, updated_at, fee_wei, action_id, action_name)
SELECT t.id, t.participation_id, t.purpose, t.account_id, t.chain_id, t.from_address,
       t.to_address, t.value_wei, t.amount, t.input, t.nonce, t.gas_limit,
       t.max_fee_per_gas, t.max_priority_fee_per_gas, t.signing_hash, t.hash, t.raw,
       t.status, t.block_number, t.failure, t.created_at, t.updated_at, t.fee_wei,
       a.id, COALESCE(a.name, CASE t.purpose WHEN 'contribution' THEN 'Contribute' ELSE 'Claim refund' END)
  FROM transactions t
  JOIN participations p ON p.id = t.participation_id
  LEFT JOIN sale_actions a ON a.sale_id = p.sale_id
       AND a.purpose = CASE t.purpose WHEN 'contribution' THEN 'contribute' ELSE 'claim_refund' END;

DROP TABLE transactions;
ALTER TABLE transactions_next RENAME TO transactions;

-- The first transaction signed with a nonce holds it; its replacements share it.
CREATE UNIQUE INDEX transactions_reserve_their_nonce ON transactions (chain_id, from_address, nonce)
    WHERE status IN ('signed', 'sent', 'mined', 'confirmed') AND replaces IS NULL;
CREATE INDEX transactions_by_replaced ON transactions (replaces) WHERE replaces IS NOT NULL;
CREATE UNIQUE INDEX transactions_live_hash ON transactions (hash)
    WHERE status IN ('signed', 'sent', 'mined', 'confirmed');
CREATE INDEX transactions_by_participation ON transactions (participation_id, created_at);
CREATE INDEX transactions_by_action ON transactions (action_id);
