//! Networks and a sale's contract terms as use cases: what a contribution needs to
//! reach a chain.

use saleguard_chain::Node;
use saleguard_core::address::AddressError;
use saleguard_core::network::{
    NETWORK_PRESETS, Network, NetworkDraft, NetworkProblem, NetworkProblemKind,
};
use saleguard_core::sale::SaleId;
use saleguard_core::transaction::{
    ContractTerms, ContractTermsDraft, ContractTermsProblem, SignatureProblem,
};
use serde::Serialize;

use crate::{AppError, ErrorCode, FieldError, Saleguard};

pub use saleguard_core::network::NetworkDraft as NetworkInput;
pub use saleguard_core::transaction::ContractTermsDraft as ContractTermsInput;

/// A configured network, or a preset not configured yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct NetworkView {
    pub chain_id: u64,
    pub name: String,
    pub native_symbol: String,
    pub native_decimals: u8,
    /// The RPC URL as the user typed it (it may hold an API key: shown only here).
    pub rpc_url: Option<String>,
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

fn view(network: &Network, configured: bool) -> NetworkView {
    NetworkView {
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

fn contract_problem(problem: ContractTermsProblem) -> FieldError {
    let code = match &problem {
        ContractTermsProblem::ContributionCall(SignatureProblem::TooLong)
        | ContractTermsProblem::RefundCall(SignatureProblem::TooLong) => ErrorCode::TooLong,
        ContractTermsProblem::ContributionCall(_)
        | ContractTermsProblem::RefundCall(_)
        | ContractTermsProblem::CallWithTokenCurrency => ErrorCode::InvalidCall,
        ContractTermsProblem::TokenAddress(AddressError::BadChecksum) => ErrorCode::BadChecksum,
        ContractTermsProblem::TokenAddress(_) => ErrorCode::InvalidAddress,
    };
    FieldError {
        field: problem.field().to_owned(),
        code,
        message: problem.message(),
    }
}

impl Saleguard {
    /// The configured networks and, after them, the presets not configured yet.
    pub fn networks(&self) -> Result<Vec<NetworkView>, AppError> {
        let configured = self.store()?.networks()?;
        let mut views: Vec<NetworkView> = configured.iter().map(|n| view(n, true)).collect();
        for preset in NETWORK_PRESETS {
            if !configured.iter().any(|n| n.chain_id == preset.chain_id) {
                let network = Network::from_draft(&preset.to_draft())
                    .map_err(|_| AppError::new(ErrorCode::Internal, "a preset is invalid"))?;
                views.push(view(&network, false));
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

    /// Adds a network or replaces the one of its chain.
    pub fn save_network(&self, input: &NetworkDraft) -> Result<NetworkView, AppError> {
        let network = Network::from_draft(input).map_err(|problems| {
            AppError::refused(problems.into_iter().map(network_problem).collect())
        })?;
        self.store()?.save_network(&network, self.clock.now())?;
        tracing::info!(chain_id = network.chain_id, "network saved");
        Ok(view(&network, true))
    }

    pub fn remove_network(&self, chain_id: u64) -> Result<(), AppError> {
        if self.store()?.delete_network(chain_id)? {
            tracing::info!(chain_id, "network removed");
            Ok(())
        } else {
            Err(not_found(chain_id))
        }
    }

    /// The configured network of `chain_id`.
    pub(crate) fn configured_network(&self, chain_id: u64) -> Result<Network, AppError> {
        self.store()?
            .network(chain_id)?
            .ok_or_else(|| not_found(chain_id))
    }

    /// Connects to the network's node and checks it serves the configured chain.
    pub async fn check_network(&self, chain_id: u64) -> Result<NetworkCheck, AppError> {
        let network = self.configured_network(chain_id)?;
        let node = Node::connect(&network).await?;
        Ok(NetworkCheck {
            chain_id,
            rpc_host: network.rpc_host().unwrap_or_default(),
            latest_block: node.latest_block().await?,
        })
    }

    /// How the sale takes contributions on chain, as an edit form starts from.
    pub fn contract_terms(&self, sale_id: i64) -> Result<ContractTermsDraft, AppError> {
        let store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        Ok(store.contract_terms(sale.id, &sale.terms)?.to_draft())
    }

    pub fn set_contract_terms(
        &self,
        sale_id: i64,
        input: &ContractTermsDraft,
    ) -> Result<ContractTermsDraft, AppError> {
        let mut store = self.store()?;
        let sale = store.sale(SaleId(sale_id))?;
        let terms = ContractTerms::from_draft(input, &sale.terms).map_err(|problems| {
            AppError::refused(problems.into_iter().map(contract_problem).collect())
        })?;
        store.set_contract_terms(sale.id, &terms, self.clock.now())?;
        tracing::info!(sale = sale_id, "contract terms set");
        Ok(terms.to_draft())
    }
}

fn not_found(chain_id: u64) -> AppError {
    AppError::new(
        ErrorCode::NetworkNotFound,
        format!("no network is configured for chain {chain_id}: add it in Settings → Networks"),
    )
}
