//! Networks as use cases: the chains the user reaches through their own node (the RPC
//! URL kept in the OS keyring when it may hold an API key), and checking a node.

use saleguard_chain::Node;
use saleguard_core::network::{
    NETWORK_PRESETS, Network, NetworkDraft, NetworkProblem, NetworkProblemKind, redacted_url,
    rpc_url_is_secret,
};
use serde::Serialize;
use url::Url;

use crate::{AppError, ErrorCode, FieldError, Saleguard};

pub use saleguard_core::network::NetworkDraft as NetworkInput;

/// A configured network, or a preset not configured yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
    pub chain_id: u64,
    pub name: String,
    pub native_symbol: String,
    pub native_decimals: u8,
    /// The RPC URL as the user typed it; for one that may hold an API key (a path, a
    /// query, a user), only its scheme, host and port: the full URL is in the keyring.
    pub rpc_url: Option<String>,
    /// Whether the full RPC URL is kept in the OS keyring.
    pub rpc_url_in_keyring: bool,
    /// Scheme, host and port of the RPC URL, for messages.
    pub rpc_host: Option<String>,
    pub explorer_url: Option<String>,
    pub confirmations: u32,
    /// Whether the user saved it (a preset is offered until then).
    pub configured: bool,
}

/// What the node said when its connection was tested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NetworkCheck {
    pub chain_id: u64,
    pub rpc_host: String,
    pub latest_block: u64,
}

fn view(network: &Network, configured: bool, rpc_url_in_keyring: bool) -> NetworkView {
    NetworkView {
        rpc_url_in_keyring,
        chain_id: network.chain_id,
        name: network.name.clone(),
        native_symbol: network.native_symbol.clone(),
        native_decimals: network.native_decimals,
        rpc_url: network.rpc_url.as_ref().map(|url| url.to_string()),
        rpc_host: network.rpc_host(),
        explorer_url: network.explorer_url.as_ref().map(|url| url.to_string()),
        confirmations: network.confirmations,
        configured,
    }
}

fn network_problem(problem: NetworkProblem) -> FieldError {
    let code = match problem.kind {
        NetworkProblemKind::Required => ErrorCode::Required,
        NetworkProblemKind::NotANumber | NetworkProblemKind::OutOfRange => match problem.field {
            saleguard_core::network::NetworkField::ChainId => ErrorCode::InvalidChainId,
            saleguard_core::network::NetworkField::NativeDecimals => ErrorCode::InvalidDecimals,
            _ => ErrorCode::InvalidValue,
        },
        NetworkProblemKind::TooLong => ErrorCode::TooLong,
        NetworkProblemKind::InvalidText => ErrorCode::InvalidText,
        NetworkProblemKind::InvalidUrl => ErrorCode::InvalidUrl,
    };
    FieldError {
        field: problem.field.as_str().to_owned(),
        code,
        message: problem.message,
    }
}

impl Saleguard {
    /// The configured networks and, after them, the presets not configured yet.
    pub fn networks(&self) -> Result<Vec<NetworkView>, AppError> {
        let store = self.store()?;
        let configured = store.networks()?;
        let mut views = Vec::new();
        for network in &configured {
            let in_keyring = store.rpc_secret(network.chain_id)?.is_some();
            views.push(view(network, true, in_keyring));
        }
        drop(store);
        for preset in NETWORK_PRESETS {
            if !configured.iter().any(|n| n.chain_id == preset.chain_id) {
                let network = Network::from_draft(&preset.to_draft())
                    .map_err(|_| AppError::new(ErrorCode::Internal, "a preset is invalid"))?;
                views.push(view(&network, false, false));
            }
        }
        Ok(views)
    }

    /// The network as an edit form starts from: the saved one, else the preset.
    pub fn network_draft(&self, chain_id: u64) -> Result<NetworkDraft, AppError> {
        if let Some(network) = self.store()?.network(chain_id)? {
            return Ok(network.to_draft());
        }
        NETWORK_PRESETS
            .iter()
            .find(|preset| preset.chain_id == chain_id)
            .map(|preset| preset.to_draft())
            .ok_or_else(|| not_found(chain_id))
    }

    /// Adds a network or replaces the one of its chain. An RPC URL that may carry an API
    /// key (a path, a query, a user) goes into the OS keyring, and the database keeps its
    /// scheme, host and port; saving the form again with that short URL keeps the one in
    /// the keyring.
    pub fn save_network(&self, input: &NetworkDraft) -> Result<NetworkView, AppError> {
        let network = Network::from_draft(input).map_err(|problems| {
            AppError::refused(problems.into_iter().map(network_problem).collect())
        })?;
        let (saved_url, previous) = {
            let store = self.store()?;
            let saved = store.network(network.chain_id)?;
            (
                saved.and_then(|saved| saved.rpc_url),
                store.rpc_secret(network.chain_id)?,
            )
        };
        let (stored, reference) = match &network.rpc_url {
            Some(url) if rpc_url_is_secret(url) => {
                let reference = self.keep_secret_text(
                    previous.as_deref(),
                    "rpc-url-",
                    &format!("RPC URL of {}", network.name),
                    url.as_str(),
                )?;
                let short = Url::parse(&redacted_url(url)).ok();
                (
                    Network {
                        rpc_url: short,
                        ..network
                    },
                    Some(reference),
                )
            }
            Some(url) if previous.is_some() && saved_url.as_ref() == Some(url) => {
                (network, previous.clone())
            }
            _ => (network, None),
        };
        self.store()?
            .save_network(&stored, reference.as_deref(), self.clock.now())?;
        if let (Some(old), None) = (&previous, &reference) {
            self.forget_rpc_url(old);
        }
        tracing::info!(chain_id = stored.chain_id, "network saved");
        Ok(view(&stored, true, reference.is_some()))
    }

    /// Adds or replaces a network after asking its node which chain it serves: a node
    /// of another chain, or one that does not answer, is refused and nothing is saved.
    /// A network without a node is saved as it is.
    pub async fn save_network_checked(
        &self,
        input: &NetworkDraft,
    ) -> Result<NetworkView, AppError> {
        let network = Network::from_draft(input).map_err(|problems| {
            AppError::refused(problems.into_iter().map(network_problem).collect())
        })?;
        if network.rpc_url.is_some() {
            // The short URL of a node whose full one is in the keyring: ask that one.
            let keeps_secret_url = {
                let store = self.store()?;
                let saved_url = store
                    .network(network.chain_id)?
                    .and_then(|saved| saved.rpc_url);
                saved_url == network.rpc_url && store.rpc_secret(network.chain_id)?.is_some()
            };
            let asked = if keeps_secret_url {
                self.configured_network(network.chain_id).await?
            } else {
                network
            };
            Node::connect(&asked).await?;
        }
        self.save_network(input)
    }

    pub fn remove_network(&self, chain_id: u64) -> Result<(), AppError> {
        let (removed, reference) = {
            let mut store = self.store()?;
            let reference = store.rpc_secret(chain_id)?;
            (store.delete_network(chain_id)?, reference)
        };
        if !removed {
            return Err(not_found(chain_id));
        }
        if let Some(reference) = reference {
            self.forget_rpc_url(&reference);
        }
        tracing::info!(chain_id, "network removed");
        Ok(())
    }

    /// Deletes an RPC URL the database no longer refers to; a keyring that refuses
    /// leaves an orphan entry, which is logged, not an error.
    fn forget_rpc_url(&self, reference: &str) {
        if let Err(error) = self.keyring.delete_secret(reference) {
            tracing::warn!(%error, "an old RPC URL stays in the keyring");
        }
    }

    /// The configured network of `chain_id`, with its full RPC URL (read from the
    /// keyring, on a blocking thread, when it is kept there).
    pub(crate) async fn configured_network(&self, chain_id: u64) -> Result<Network, AppError> {
        let (network, reference) = {
            let store = self.store()?;
            let network = store
                .network(chain_id)?
                .ok_or_else(|| not_found(chain_id))?;
            (network, store.rpc_secret(chain_id)?)
        };
        let Some(reference) = reference else {
            return Ok(network);
        };
        let url = self
            .load_secret_text(reference, || {
                format!(
                    "the RPC URL of {} is not in this computer's keyring (restored from an export?): enter it again in Settings → Networks",
                    network.name
                )
            })
            .await?;
        let url = Url::parse(url.expose()).map_err(|_| {
            AppError::new(
                ErrorCode::KeyringEntryUnreadable,
                format!(
                    "the keyring's RPC URL of {} cannot be read: enter it again in Settings → Networks",
                    network.name
                ),
            )
        })?;
        Ok(Network {
            rpc_url: Some(url),
            ..network
        })
    }

    /// Connects to the network's node and checks it serves the configured chain.
    pub async fn check_network(&self, chain_id: u64) -> Result<NetworkCheck, AppError> {
        let network = self.configured_network(chain_id).await?;
        let node = Node::connect(&network).await?;
        Ok(NetworkCheck {
            chain_id,
            rpc_host: network.rpc_host().unwrap_or_default(),
            latest_block: node.latest_block().await?,
        })
    }
}

fn not_found(chain_id: u64) -> AppError {
    AppError::new(
        ErrorCode::NetworkNotFound,
        format!("no network is configured for chain {chain_id}: add it in Settings → Networks"),
    )
}
