//! The chains a user sends contributions on: each with the RPC endpoint the user chose.
//!
//! Saleguard contacts no node the user did not configure, so the presets carry no RPC
//! URL: they only save typing the chain's name, coin and explorer.

use url::Url;

use crate::sale::MAX_CHAIN_ID;
use crate::text::{TextProblem, checked_text};

/// Most characters in a network's name.
pub const MAX_NETWORK_NAME: usize = 60;
/// Most characters in a coin symbol.
pub const MAX_NATIVE_SYMBOL: usize = 16;
/// Most characters in an RPC or explorer URL.
pub const MAX_NETWORK_URL: usize = 2048;
/// Most confirmations a network may ask to wait for.
pub const MAX_CONFIRMATIONS: u32 = 1000;

/// A network as typed (every field a string, as a form or a command line gives it). Its
/// `Debug` shows the RPC URL's scheme, host and port only.
#[derive(Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct NetworkDraft {
    pub chain_id: String,
    pub name: String,
    pub native_symbol: String,
    pub native_decimals: String,
    /// Empty until the user names their node: nothing is contacted without one.
    pub rpc_url: String,
    pub explorer_url: String,
    pub confirmations: String,
}

/// A checked network. Its `Debug` names the node by scheme, host and port only: an RPC
/// URL may carry an API key.
#[derive(Clone, PartialEq, Eq)]
pub struct Network {
    pub chain_id: u64,
    pub name: String,
    pub native_symbol: String,
    pub native_decimals: u8,
    pub rpc_url: Option<Url>,
    pub explorer_url: Option<Url>,
    pub confirmations: u32,
}

/// A preset: what Saleguard knows of a well-known chain, without any endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkPreset {
    pub chain_id: u64,
    pub name: &'static str,
    pub native_symbol: &'static str,
    pub native_decimals: u8,
    pub explorer_url: &'static str,
    pub confirmations: u32,
}

/// Ethereum mainnet, Sepolia and a local development chain (Anvil, Hardhat).
pub const NETWORK_PRESETS: [NetworkPreset; 3] = [
    NetworkPreset {
        chain_id: 1,
        name: "Ethereum",
        native_symbol: "ETH",
        native_decimals: 18,
        explorer_url: "https://etherscan.io",
        confirmations: 12,
    },
    NetworkPreset {
        chain_id: 11_155_111,
        name: "Sepolia",
        native_symbol: "ETH",
        native_decimals: 18,
        explorer_url: "https://sepolia.etherscan.io",
        confirmations: 3,
    },
    NetworkPreset {
        chain_id: 31_337,
        name: "Local development chain",
        native_symbol: "ETH",
        native_decimals: 18,
        explorer_url: "",
        confirmations: 1,
    },
];

impl NetworkPreset {
    /// The preset as a draft to complete: the RPC URL is left for the user.
    pub fn to_draft(&self) -> NetworkDraft {
        NetworkDraft {
            chain_id: self.chain_id.to_string(),
            name: self.name.to_owned(),
            native_symbol: self.native_symbol.to_owned(),
            native_decimals: self.native_decimals.to_string(),
            rpc_url: String::new(),
            explorer_url: self.explorer_url.to_owned(),
            confirmations: self.confirmations.to_string(),
        }
    }
}

/// Which field of a network was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkField {
    ChainId,
    Name,
    NativeSymbol,
    NativeDecimals,
    RpcUrl,
    ExplorerUrl,
    Confirmations,
}

impl NetworkField {
    /// The field's name in a draft (`chainId`, `rpcUrl`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ChainId => "chainId",
            Self::Name => "name",
            Self::NativeSymbol => "nativeSymbol",
            Self::NativeDecimals => "nativeDecimals",
            Self::RpcUrl => "rpcUrl",
            Self::ExplorerUrl => "explorerUrl",
            Self::Confirmations => "confirmations",
        }
    }
}

/// What was wrong with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkProblemKind {
    Required,
    NotANumber,
    OutOfRange,
    TooLong,
    InvalidText,
    InvalidUrl,
}

/// One refused field, with a message that says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetworkProblem {
    pub field: NetworkField,
    pub kind: NetworkProblemKind,
    pub message: String,
}

impl Network {
    /// Checks every field; all problems at once.
    pub fn from_draft(draft: &NetworkDraft) -> Result<Self, Vec<NetworkProblem>> {
        let mut problems = Vec::new();
        let mut refuse = |field, kind, message: String| {
            problems.push(NetworkProblem {
                field,
                kind,
                message,
            });
        };
        let chain_id = number(&draft.chain_id, 1, MAX_CHAIN_ID, "a chain id")
            .map_err(|(kind, message)| refuse(NetworkField::ChainId, kind, message))
            .ok();
        let name = text(&draft.name, MAX_NETWORK_NAME, "give the network a name")
            .map_err(|(kind, message)| refuse(NetworkField::Name, kind, message))
            .ok();
        let native_symbol = text(
            &draft.native_symbol,
            MAX_NATIVE_SYMBOL,
            "give the coin's symbol, such as ETH",
        )
        .map_err(|(kind, message)| refuse(NetworkField::NativeSymbol, kind, message))
        .ok();
        let native_decimals = number(&draft.native_decimals, 0, 36, "the coin's decimals")
            .map_err(|(kind, message)| refuse(NetworkField::NativeDecimals, kind, message))
            .ok();
        let rpc_url = optional_url(&draft.rpc_url, true)
            .map_err(|(kind, message)| refuse(NetworkField::RpcUrl, kind, message))
            .ok();
        let explorer_url = optional_url(&draft.explorer_url, false)
            .map_err(|(kind, message)| refuse(NetworkField::ExplorerUrl, kind, message))
            .ok();
        let confirmations = number(
            &draft.confirmations,
            1,
            u64::from(MAX_CONFIRMATIONS),
            "how many confirmations to wait for",
        )
        .map_err(|(kind, message)| refuse(NetworkField::Confirmations, kind, message))
        .ok();
        match (
            chain_id,
            name,
            native_symbol,
            native_decimals,
            rpc_url,
            explorer_url,
            confirmations,
        ) {
            (
                Some(chain_id),
                Some(name),
                Some(native_symbol),
                Some(native_decimals),
                Some(rpc_url),
                Some(explorer_url),
                Some(confirmations),
            ) if problems.is_empty() => Ok(Self {
                chain_id,
                name,
                native_symbol,
                native_decimals: u8::try_from(native_decimals).unwrap_or(u8::MAX),
                rpc_url,
                explorer_url,
                confirmations: u32::try_from(confirmations).unwrap_or(MAX_CONFIRMATIONS),
            }),
            _ => Err(problems),
        }
    }

    /// The network written as a user would type it, for an edit form to start from.
    pub fn to_draft(&self) -> NetworkDraft {
        NetworkDraft {
            chain_id: self.chain_id.to_string(),
            name: self.name.clone(),
            native_symbol: self.native_symbol.clone(),
            native_decimals: self.native_decimals.to_string(),
            rpc_url: self
                .rpc_url
                .as_ref()
                .map(Url::to_string)
                .unwrap_or_default(),
            explorer_url: self
                .explorer_url
                .as_ref()
                .map(Url::to_string)
                .unwrap_or_default(),
            confirmations: self.confirmations.to_string(),
        }
    }

    /// Where the node is, for messages: scheme, host and port, never the path or query
    /// (RPC providers put API keys there).
    pub fn rpc_host(&self) -> Option<String> {
        self.rpc_url.as_ref().map(redacted_url)
    }

    /// The explorer's page for a transaction, if an explorer is configured.
    pub fn transaction_link(&self, hash: &str) -> Option<String> {
        self.explorer_url
            .as_ref()
            .map(|base| format!("{}/tx/{hash}", base.as_str().trim_end_matches('/')))
    }
}

impl std::fmt::Debug for NetworkDraft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rpc_url = match Url::parse(self.rpc_url.trim()) {
            Ok(url) => redacted_url(&url),
            Err(_) if self.rpc_url.trim().is_empty() => String::new(),
            Err(_) => "<not a URL: not shown>".to_owned(),
        };
        f.debug_struct("NetworkDraft")
            .field("chain_id", &self.chain_id)
            .field("name", &self.name)
            .field("native_symbol", &self.native_symbol)
            .field("native_decimals", &self.native_decimals)
            .field("rpc_url", &rpc_url)
            .field("explorer_url", &self.explorer_url)
            .field("confirmations", &self.confirmations)
            .finish()
    }
}

impl std::fmt::Debug for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Network")
            .field("chain_id", &self.chain_id)
            .field("name", &self.name)
            .field("native_symbol", &self.native_symbol)
            .field("native_decimals", &self.native_decimals)
            .field("rpc_url", &self.rpc_host())
            .field("explorer_url", &self.explorer_url.as_ref().map(Url::as_str))
            .field("confirmations", &self.confirmations)
            .finish()
    }
}

/// Whether an RPC URL may carry a credential: a user or password, a path, a query or a
/// fragment (providers put API keys there). Such a URL is a secret: it is kept in the OS
/// keyring, and the database holds only [`redacted_url`].
pub fn rpc_url_is_secret(url: &Url) -> bool {
    !url.username().is_empty()
        || url.password().is_some()
        || !matches!(url.path(), "" | "/")
        || url.query().is_some()
        || url.fragment().is_some()
}

/// `https://host:port` of a URL, without user, path or query.
pub fn redacted_url(url: &Url) -> String {
    let host = url.host_str().unwrap_or("?");
    match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    }
}

type Refusal = (NetworkProblemKind, String);

fn number(input: &str, min: u64, max: u64, what: &str) -> Result<u64, Refusal> {
    let input = input.trim();
    if input.is_empty() {
        return Err((NetworkProblemKind::Required, format!("give {what}")));
    }
    let value: u64 = input.parse().map_err(|_| {
        (
            NetworkProblemKind::NotANumber,
            format!("{what} is a whole number, such as {min}"),
        )
    })?;
    if !(min..=max).contains(&value) {
        return Err((
            NetworkProblemKind::OutOfRange,
            format!("{what} is between {min} and {max}"),
        ));
    }
    Ok(value)
}

fn text(input: &str, max: usize, when_empty: &str) -> Result<String, Refusal> {
    match checked_text(input, max, false) {
        Ok(value) if value.is_empty() => Err((NetworkProblemKind::Required, when_empty.to_owned())),
        Ok(value) => Ok(value),
        Err(problem @ TextProblem::TooLong { .. }) => {
            Err((NetworkProblemKind::TooLong, problem.message()))
        }
        Err(problem @ TextProblem::Invalid) => {
            Err((NetworkProblemKind::InvalidText, problem.message()))
        }
    }
}

/// An http(s) URL, or nothing when empty. An RPC URL may be plain http (a node on this
/// computer); an explorer link is opened in the browser, so only https.
fn optional_url(input: &str, rpc: bool) -> Result<Option<Url>, Refusal> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    if input.chars().count() > MAX_NETWORK_URL {
        return Err((
            NetworkProblemKind::TooLong,
            format!("at most {MAX_NETWORK_URL} characters"),
        ));
    }
    let schemes: &[&str] = if rpc { &["http", "https"] } else { &["https"] };
    let expected = if rpc {
        "an http:// or https:// address, such as http://127.0.0.1:8545"
    } else {
        "an https:// address, such as https://etherscan.io"
    };
    match Url::parse(input) {
        Ok(url) if schemes.contains(&url.scheme()) && url.host_str().is_some() => Ok(Some(url)),
        _ => Err((NetworkProblemKind::InvalidUrl, expected.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_what_an_rpc_url_carries() {
        let typed = NetworkDraft {
            chain_id: "1".into(),
            name: "Ethereum".into(),
            native_symbol: "ETH".into(),
            native_decimals: "18".into(),
            rpc_url: "https://usr42:pw99@node.example:8545/v3/KEY123?apikey=Q456#F789".into(),
            explorer_url: String::new(),
            confirmations: "2".into(),
        };
        let network = Network::from_draft(&typed).expect("valid");
        for shown in [
            format!("{typed:?}"),
            format!("{network:?}"),
            format!("{network:#?}"),
        ] {
            for secret in ["KEY123", "Q456", "F789", "pw99", "usr42"] {
                assert!(!shown.contains(secret), "{secret} in {shown}");
            }
            assert!(shown.contains("node.example:8545"), "{shown}");
        }
        let garbled = NetworkDraft {
            rpc_url: "not a url KEY123".into(),
            ..typed
        };
        assert!(!format!("{garbled:?}").contains("KEY123"));
    }

    fn local() -> NetworkDraft {
        NetworkDraft {
            rpc_url: "http://127.0.0.1:8545".to_owned(),
            ..NETWORK_PRESETS[2].to_draft()
        }
    }

    #[test]
    fn presets_have_no_endpoint_and_are_valid() {
        for preset in NETWORK_PRESETS {
            let network = Network::from_draft(&preset.to_draft()).expect("a valid preset");
            assert_eq!(network.rpc_url, None, "{}", preset.name);
            assert_eq!(network.chain_id, preset.chain_id);
        }
    }

    #[test]
    fn a_complete_draft_round_trips() {
        let network = Network::from_draft(&local()).expect("valid");
        assert_eq!(
            network.rpc_url.as_ref().map(Url::as_str),
            Some("http://127.0.0.1:8545/")
        );
        assert_eq!(Network::from_draft(&network.to_draft()), Ok(network));
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let draft = NetworkDraft {
            chain_id: "0".to_owned(),
            name: " ".to_owned(),
            native_symbol: "E\u{202E}TH".to_owned(),
            native_decimals: "40".to_owned(),
            rpc_url: "ftp://node.example".to_owned(),
            explorer_url: "http://etherscan.io".to_owned(),
            confirmations: "many".to_owned(),
        };
        let problems = Network::from_draft(&draft).expect_err("refused");
        let found: Vec<_> = problems.iter().map(|p| (p.field, p.kind)).collect();
        assert_eq!(
            found,
            vec![
                (NetworkField::ChainId, NetworkProblemKind::OutOfRange),
                (NetworkField::Name, NetworkProblemKind::Required),
                (NetworkField::NativeSymbol, NetworkProblemKind::InvalidText),
                (NetworkField::NativeDecimals, NetworkProblemKind::OutOfRange),
                (NetworkField::RpcUrl, NetworkProblemKind::InvalidUrl),
                (NetworkField::ExplorerUrl, NetworkProblemKind::InvalidUrl),
                (NetworkField::Confirmations, NetworkProblemKind::NotANumber),
            ]
        );
    }

    #[test]
    fn messages_show_the_node_without_its_key() {
        let draft = NetworkDraft {
            rpc_url: "https://user:pw@mainnet.example.io:8443/v3/SECRETKEY?x=1".to_owned(),
            ..local()
        };
        let network = Network::from_draft(&draft).expect("valid");
        assert_eq!(
            network.rpc_host().as_deref(),
            Some("https://mainnet.example.io:8443")
        );
    }

    #[test]
    fn explorer_links_join_cleanly() {
        let draft = NetworkDraft {
            explorer_url: "https://etherscan.io/".to_owned(),
            ..local()
        };
        let network = Network::from_draft(&draft).expect("valid");
        assert_eq!(
            network.transaction_link("0xab").as_deref(),
            Some("https://etherscan.io/tx/0xab")
        );
        let without = Network::from_draft(&local()).expect("valid");
        assert_eq!(without.transaction_link("0xab"), None);
    }

    #[test]
    fn urls_that_may_carry_a_key_are_secrets() {
        for (url, secret) in [
            ("http://127.0.0.1:8545", false),
            ("https://node.example/", false),
            ("https://mainnet.infura.io/v3/0123456789abcdef", true),
            ("https://eth.example/?apikey=KEY", true),
            ("https://user:pass@node.example", true),
            ("https://node.example/#KEY", true),
        ] {
            let parsed = Url::parse(url).expect("a URL");
            assert_eq!(rpc_url_is_secret(&parsed), secret, "{url}");
        }
        assert_eq!(
            redacted_url(&Url::parse("https://mainnet.infura.io/v3/KEY").expect("a URL")),
            "https://mainnet.infura.io"
        );
    }
}
