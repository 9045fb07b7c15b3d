-- Lists of known scams the user imported (the shipped list of phishing domains is not
-- stored: each version ships its own). An entry is a phishing domain (it blocks its
-- subdomains too), a domain its list never catches, a domain scammers
-- impersonate (a domain within the list's tolerance of it, in edits, is caught), or a
-- scam address with the list's note on it.
CREATE TABLE scam_lists (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    source      TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 2000),
    tolerance   INTEGER NOT NULL DEFAULT 0 CHECK (tolerance BETWEEN 0 AND 3),
    imported_at INTEGER NOT NULL
) STRICT;

CREATE TABLE scam_list_entries (
    list_id INTEGER NOT NULL REFERENCES scam_lists (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL CHECK (kind IN ('block', 'allow', 'target', 'address')),
    entry   TEXT    NOT NULL CHECK (length(entry) BETWEEN 1 AND 253),
    note    TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    PRIMARY KEY (list_id, kind, entry)
) STRICT, WITHOUT ROWID;
