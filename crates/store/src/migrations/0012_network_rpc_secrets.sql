-- An RPC URL that may carry a provider's API key (a path, a query, a user) is a
-- secret: the OS keyring keeps it under `secret_ref`, and `networks.rpc_url` holds only
-- its scheme, host and port.
CREATE TABLE network_rpc_secrets (
    chain_id   INTEGER PRIMARY KEY REFERENCES networks (chain_id) ON DELETE CASCADE,
    secret_ref TEXT    NOT NULL UNIQUE CHECK (secret_ref GLOB 'rpc-url-*')
) STRICT;
