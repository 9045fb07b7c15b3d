-- Prices come from three sources: the user's price book ('manual'), imported price
-- history ('csv') and the online price API the user enabled ('api'). An imported or
-- fetched price is kept once per pair, moment and source, so importing a file again
-- or fetching twice replaces instead of doubling.
ALTER TABLE prices ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'
    CHECK (source IN ('manual', 'csv', 'api'));
CREATE UNIQUE INDEX prices_once_per_source ON prices (asset, currency, observed_at, source)
    WHERE source != 'manual';

-- The coin id the price API knows an asset by (CoinGecko's `ethereum` for ETH).
CREATE TABLE price_api_coins (
    asset   TEXT PRIMARY KEY CHECK (length(asset) BETWEEN 1 AND 16),
    coin_id TEXT NOT NULL CHECK (length(coin_id) BETWEEN 1 AND 100)
) STRICT;

-- The settings gain the price sources: their order, whether the online API is on, its
-- base URL, the keyring entry holding its API key (a reference, never the key), and
-- when it last answered or failed.
CREATE TABLE settings_next (
    key   TEXT PRIMARY KEY CHECK (key IN ('residence_country', 'currency', 'last_backup_at',
        'price_source_order', 'price_api_enabled', 'price_api_base_url', 'price_api_key',
        'price_api_fetched_at', 'price_api_failure')),
    value TEXT NOT NULL
) STRICT;
INSERT INTO settings_next (key, value) SELECT key, value FROM settings;
DROP TABLE settings;
ALTER TABLE settings_next RENAME TO settings;
