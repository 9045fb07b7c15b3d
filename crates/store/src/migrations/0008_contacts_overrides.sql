-- The user's own contacts: people and places they send to, by name.
CREATE TABLE contacts (
    id         INTEGER PRIMARY KEY,
    label      TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (label != ''),
    address    TEXT    NOT NULL UNIQUE CHECK (length(address) = 42),
    note       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

-- Reviews whose blocking findings the user overrode, with the findings as they were
-- (a JSON array) and the reason typed. Kept as history: never changed.
CREATE TABLE review_overrides (
    id           INTEGER PRIMARY KEY,
    sale_id      INTEGER NOT NULL REFERENCES sales (id) ON DELETE RESTRICT,
    from_address TEXT    NOT NULL CHECK (length(from_address) = 42),
    to_address   TEXT    NOT NULL CHECK (length(to_address) = 42),
    amount       TEXT    NOT NULL CHECK (amount != ''),
    chain_id     INTEGER NOT NULL,
    reviewed_at  INTEGER NOT NULL,
    findings     TEXT    NOT NULL CHECK (json_valid(findings)),
    reason       TEXT    NOT NULL CHECK (reason != ''),
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX review_overrides_by_sale ON review_overrides (sale_id, id);
CREATE TRIGGER review_overrides_are_kept BEFORE UPDATE ON review_overrides
BEGIN
    SELECT RAISE(ABORT, 'review overrides are history and are never changed');
END;
