-- A sale with participations is archived, never deleted.
ALTER TABLE sales ADD COLUMN archived_at INTEGER;

-- The user's involvement in one sale: its current state, and (below) every step that
-- led there. One participation per sale.
CREATE TABLE participations (
    id         INTEGER PRIMARY KEY,
    sale_id    INTEGER NOT NULL UNIQUE REFERENCES sales (id) ON DELETE RESTRICT,
    state      TEXT    NOT NULL CHECK (state IN ('researching', 'registered', 'kyc_pending',
                   'kyc_approved', 'kyc_rejected', 'contributed', 'soft_cap_missed', 'refund_due',
                   'refunded', 'succeeded', 'tokens_distributed', 'vesting', 'fully_claimed',
                   'withdrawn', 'abandoned')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- The history: one row per step, appended, never changed. `from_state` is NULL for the
-- first step; `happened_at` is when the user says it happened, `recorded_at` when it
-- was entered.
CREATE TABLE participation_events (
    id               INTEGER PRIMARY KEY,
    participation_id INTEGER NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    from_state       TEXT,
    to_state         TEXT    NOT NULL,
    happened_at      INTEGER NOT NULL,
    recorded_at      INTEGER NOT NULL,
    note             TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
) STRICT;

CREATE INDEX participation_events_in_order ON participation_events (participation_id, id);

CREATE TRIGGER participation_events_are_never_changed
BEFORE UPDATE ON participation_events
BEGIN
    SELECT RAISE(ABORT, 'participation history is append-only');
END;
