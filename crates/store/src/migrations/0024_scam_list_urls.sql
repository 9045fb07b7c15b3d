-- A list imported from a web address keeps it, so the user can refresh the list from
-- there (only when they ask: Saleguard fetches nothing by itself). A list imported from
-- a file has none.
ALTER TABLE scam_lists ADD COLUMN url TEXT CHECK (url IS NULL OR length(url) BETWEEN 1 AND 2000);
