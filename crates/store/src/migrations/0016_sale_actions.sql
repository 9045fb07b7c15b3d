-- A sale's actions: each step of the sale on chain the user signs — contribute, approve
-- the payment, claim the refund, claim tokens, claim vested tokens, or a call the user
-- names — with its contract (NULL: the sale's own address, or its payment token's for an
-- approval; else where its address was published), its function ('' for a contribution
-- by plain transfer) and its arguments as typed (a JSON list of strings: templates such
-- as {account}, or literals of each parameter's type).
CREATE TABLE sale_actions (
    id              INTEGER PRIMARY KEY,
    sale_id         INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    purpose         TEXT    NOT NULL
        CHECK (purpose IN ('contribute', 'approve_payment', 'claim_refund', 'claim_tokens',
                           'claim_vested', 'other')),
    contract        TEXT    CHECK (contract IS NULL OR length(contract) = 42),
    contract_source TEXT    NOT NULL,
    signature       TEXT    NOT NULL,
    arguments       TEXT    NOT NULL CHECK (json_valid(arguments) AND json_type(arguments) = 'array'),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (sale_id, name)
) STRICT;

-- One action of each purpose per sale, but for the calls the user names.
CREATE UNIQUE INDEX sale_actions_one_per_purpose ON sale_actions (sale_id, purpose)
    WHERE purpose != 'other';

-- The contribution and refund functions of the contract terms become actions. They
-- took only `address` parameters, each the contributing account, and were kept in
-- their canonical form (`buyTokens(address)`): each `address` becomes "{account}".
INSERT INTO sale_actions (sale_id, name, purpose, contract, contract_source, signature,
                          arguments, created_at, updated_at)
SELECT sale_id, 'Contribute', 'contribute', NULL, '', contribution_call,
       '[' || replace(substr(contribution_call, instr(contribution_call, '(') + 1,
                             length(contribution_call) - instr(contribution_call, '(') - 1),
                      'address', '"{account}"') || ']',
       updated_at, updated_at
FROM contract_terms WHERE contribution_call IS NOT NULL;

INSERT INTO sale_actions (sale_id, name, purpose, contract, contract_source, signature,
                          arguments, created_at, updated_at)
SELECT sale_id, 'Claim refund', 'claim_refund', NULL, '', refund_call,
       '[' || replace(substr(refund_call, instr(refund_call, '(') + 1,
                             length(refund_call) - instr(refund_call, '(') - 1),
                      'address', '"{account}"') || ']',
       updated_at, updated_at
FROM contract_terms WHERE refund_call IS NOT NULL;

-- What is left of the contract terms: the sale's token.
ALTER TABLE contract_terms DROP COLUMN contribution_call;
ALTER TABLE contract_terms DROP COLUMN refund_call;
