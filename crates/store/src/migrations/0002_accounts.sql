-- Accounts keep public data only: the secret of a software account lives in the OS
-- keyring under `secret_ref` (shared by the accounts derived from one recovery phrase).
CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY,
    label           TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(label) BETWEEN 1 AND 64),
    kind            TEXT    NOT NULL CHECK (kind IN ('generated_mnemonic', 'imported_mnemonic',
                                                     'private_key', 'watch_only', 'hardware')),
    address         TEXT    NOT NULL UNIQUE CHECK (length(address) = 42 AND address GLOB '0x*'),
    derivation_path TEXT    CHECK (derivation_path IS NULL OR derivation_path GLOB 'm/*'),
    secret_ref      TEXT    CHECK (secret_ref IS NULL OR secret_ref GLOB 'account-secret-*'),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK ((kind IN ('watch_only', 'hardware')) = (secret_ref IS NULL)),
    -- Phrase accounts have a path; keys and watched addresses have none; hardware
    -- accounts (a later issue) have one, on the device.
    CHECK (kind NOT IN ('generated_mnemonic', 'imported_mnemonic') OR derivation_path IS NOT NULL),
    CHECK (kind NOT IN ('private_key', 'watch_only') OR derivation_path IS NULL)
) STRICT;

CREATE INDEX accounts_by_secret_ref ON accounts (secret_ref);
