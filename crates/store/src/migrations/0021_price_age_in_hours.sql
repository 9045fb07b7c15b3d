-- How old a price may be before the review calls it stale, in hours rather than days,
-- so that a user who trades on fast-moving prices can say 6 hours. Every limit kept in
-- days is the same number of hours times 24.
CREATE TABLE review_policy_next (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    minimum_grade       TEXT    CHECK (minimum_grade IN ('A', 'B', 'C', 'D', 'F')),
    blocking_flags      TEXT    NOT NULL,
    max_price_age_hours INTEGER NOT NULL CHECK (max_price_age_hours BETWEEN 0 AND 87600)
) STRICT;
INSERT INTO review_policy_next (id, minimum_grade, blocking_flags, max_price_age_hours)
SELECT id, minimum_grade, blocking_flags, max_price_age_days * 24 FROM review_policy;
DROP TABLE review_policy;
ALTER TABLE review_policy_next RENAME TO review_policy;
