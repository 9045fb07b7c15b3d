-- How a participation's tokens unlock. Shares are basis points (10 000 = 100 %); the
-- amount is base units of the sale's token; tranches are "months:basis points" pairs
-- separated by commas, in time order.
CREATE TABLE vesting_plans (
    participation_id INTEGER PRIMARY KEY REFERENCES participations (id) ON DELETE CASCADE,
    total_base_units TEXT    NOT NULL CHECK (total_base_units NOT GLOB '*[^0-9]*' AND total_base_units != ''),
    tge_at           INTEGER NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('linear', 'tranches')),
    at_tge_bps       INTEGER CHECK (at_tge_bps BETWEEN 0 AND 10000),
    cliff_months     INTEGER CHECK (cliff_months BETWEEN 0 AND 600),
    months           INTEGER CHECK (months BETWEEN 0 AND 600),
    frequency        TEXT    CHECK (frequency IN ('daily', 'monthly', 'quarterly')),
    tranches         TEXT,
    updated_at       INTEGER NOT NULL,
    CHECK ((kind = 'linear') = (frequency IS NOT NULL AND months IS NOT NULL)),
    CHECK ((kind = 'tranches') = (tranches IS NOT NULL))
) STRICT;
