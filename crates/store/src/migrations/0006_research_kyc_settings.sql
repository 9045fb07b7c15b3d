-- Research on a sale: red flags (names separated by commas), jurisdictions (ISO 3166-1
-- alpha-2 codes separated by commas), and one row per judged factor with its notes and
-- evidence links (one per line).
CREATE TABLE research (
    sale_id                INTEGER PRIMARY KEY REFERENCES sales (id) ON DELETE CASCADE,
    red_flags              TEXT    NOT NULL,
    eligible_jurisdictions TEXT    NOT NULL,
    excluded_jurisdictions TEXT    NOT NULL,
    updated_at             INTEGER NOT NULL
) STRICT;

CREATE TABLE research_factors (
    sale_id  INTEGER NOT NULL REFERENCES research (sale_id) ON DELETE CASCADE,
    factor   TEXT    NOT NULL CHECK (factor IN ('whitepaper', 'roadmap', 'team',
                 'market_potential', 'token_economics', 'community', 'audits',
                 'exchange_involvement', 'legal_status')),
    score    INTEGER CHECK (score BETWEEN 0 AND 5),
    notes    TEXT    NOT NULL,
    evidence TEXT    NOT NULL,
    PRIMARY KEY (sale_id, factor)
) STRICT;

-- Every whitepaper file the user fingerprinted, oldest first; never rewritten.
CREATE TABLE whitepaper_fingerprints (
    id          INTEGER PRIMARY KEY,
    sale_id     INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    sha256      TEXT    NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    file_name   TEXT    NOT NULL CHECK (file_name != ''),
    byte_count  INTEGER NOT NULL CHECK (byte_count > 0),
    recorded_at INTEGER NOT NULL
) STRICT;
CREATE INDEX whitepaper_fingerprints_by_sale ON whitepaper_fingerprints (sale_id, id);

CREATE TRIGGER whitepaper_fingerprints_are_kept BEFORE UPDATE ON whitepaper_fingerprints
BEGIN
    SELECT RAISE(ABORT, 'whitepaper fingerprints are never rewritten');
END;

-- KYC details of a participation; its status is in the participation's history.
CREATE TABLE kyc_records (
    participation_id INTEGER PRIMARY KEY REFERENCES participations (id) ON DELETE CASCADE,
    provider         TEXT    NOT NULL,
    submitted_at     INTEGER,
    reference        TEXT    NOT NULL,
    notes            TEXT    NOT NULL,
    updated_at       INTEGER NOT NULL
) STRICT;

-- The last day to claim a refund, for participations whose refund is due.
CREATE TABLE refund_deadlines (
    participation_id INTEGER PRIMARY KEY REFERENCES participations (id) ON DELETE CASCADE,
    due_at           INTEGER NOT NULL
) STRICT;

-- The user's settings, one row each.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY CHECK (key IN ('residence_country')),
    value TEXT NOT NULL
) STRICT;
