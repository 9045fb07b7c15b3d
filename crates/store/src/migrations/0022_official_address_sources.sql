-- An official address is what a sale published for one purpose on one chain (its
-- contribution address, a claim or vesting contract…), and any number of sources vouch
-- for it: each of a kind (the project's website, its official social account, the
-- whitepaper, its announcement channel, a launchpad's page, a block explorer's
-- verified-contract page, a third party, a private message), where it was seen (a URL
-- or words), when, and a note. Until now an address had one source, and recording it
-- again replaced that source: each becomes the address's first source, of a kind not
-- recorded ('unknown'). An address the user no longer trusts is retired, with why,
-- rather than deleted, so that the review can tell two published addresses apart.
CREATE TABLE official_addresses_next (
    id             INTEGER PRIMARY KEY,
    sale_id        INTEGER NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    address        TEXT    NOT NULL CHECK (length(address) = 42),
    purpose        TEXT    NOT NULL CHECK (purpose IN ('contribution', 'claim', 'vesting', 'refund', 'token', 'other')),
    chain_id       INTEGER NOT NULL CHECK (chain_id BETWEEN 1 AND 9007199254740991),
    retired_at     INTEGER,
    retired_reason TEXT    NOT NULL DEFAULT '' CHECK (length(retired_reason) <= 1000),
    recorded_at    INTEGER NOT NULL,
    CHECK ((retired_at IS NULL) = (retired_reason = '')),
    UNIQUE (sale_id, address, purpose, chain_id)
) STRICT;

INSERT INTO official_addresses_next (id, sale_id, address, purpose, chain_id, recorded_at)
SELECT official_addresses.id, sale_id, address, 'contribution', sales.chain_id,
       official_addresses.recorded_at
FROM official_addresses JOIN sales ON sales.id = official_addresses.sale_id;

CREATE TABLE official_address_sources (
    id                  INTEGER PRIMARY KEY,
    official_address_id INTEGER NOT NULL REFERENCES official_addresses_next (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('website', 'official_social', 'whitepaper',
                            'announcement', 'launchpad', 'explorer', 'third_party',
                            'private_message', 'unknown')),
    location            TEXT    NOT NULL CHECK (length(location) BETWEEN 1 AND 2000),
    seen_at             INTEGER NOT NULL,
    note                TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    recorded_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX official_address_sources_by_address ON official_address_sources (official_address_id);

INSERT INTO official_address_sources (official_address_id, kind, location, seen_at, recorded_at)
SELECT id, 'unknown', source, seen_at, recorded_at FROM official_addresses ORDER BY id;

DROP TABLE official_addresses;
ALTER TABLE official_addresses_next RENAME TO official_addresses;

-- The review warns when no source of an official kind vouches for a destination; the
-- user may make that a block.
ALTER TABLE review_policy ADD COLUMN official_source_required INTEGER NOT NULL DEFAULT 0
    CHECK (official_source_required IN (0, 1));
