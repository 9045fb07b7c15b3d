//! Known scams, offline: a sale's links — its whitepaper, the evidence of its research,
//! the sources of its official addresses — checked against the lists of phishing
//! domains and for look-alikes of the sale's own site (the website sources of its
//! official addresses); the review and the due-diligence page both show the hits.

use saleguard_core::Address;
use saleguard_core::official::SourceKind;
use saleguard_core::research::Research;
use saleguard_core::sale::Sale;
use saleguard_core::scam::{
    AddressList, DomainHit, DomainHitKind, DomainList, check_urls, shipped_domain_list,
};
use saleguard_store::{OfficialAddressRecord, ScamEntryKind, Store};
use serde::Serialize;

use crate::AppError;

/// One of the sale's links a list catches, or that looks like the sale's own site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkHitView {
    /// The finding it raises in the review: `scam_domain` or `look_alike_domain`.
    pub code: String,
    pub url: String,
    /// Its domain, in Unicode when it was written in punycode.
    pub domain: String,
    /// The list that caught it ("eth-phishing-detect 1.2.0"), or "look-alikes of the
    /// sale's own domain".
    pub list: String,
    /// The entry that caught it: the listed or impersonated domain, or the sale's own.
    pub entry: String,
    /// All of it in a sentence.
    pub message: String,
}

impl From<&DomainHit> for LinkHitView {
    fn from(hit: &DomainHit) -> Self {
        let code = match hit.kind {
            DomainHitKind::Listed | DomainHitKind::Impersonates => "scam_domain",
            DomainHitKind::LooksLikeOwnSite => "look_alike_domain",
        };
        Self {
            code: code.to_owned(),
            url: hit.url.clone(),
            domain: hit.domain.clone(),
            list: hit.list.clone(),
            entry: hit.entry.clone(),
            message: hit.describe(),
        }
    }
}

/// The sale's links that a list of phishing domains catches or that look like its own
/// site, in the order: whitepaper, research evidence, sources (of the addresses not
/// retired).
pub(crate) fn sale_link_hits(
    sale: &Sale,
    research: Option<&Research>,
    official: &[OfficialAddressRecord],
    imported: &[DomainList],
) -> Vec<DomainHit> {
    // A retired address vouches for nothing: the user dealt with where it came from.
    let sources = || {
        official
            .iter()
            .filter(|record| record.retired.is_none())
            .flat_map(|record| record.sources.iter())
    };
    let own_sites: Vec<&str> = sources()
        .filter(|source| source.kind == SourceKind::Website)
        .map(|source| source.location.as_str())
        .collect();
    let mut links: Vec<&str> = Vec::new();
    links.extend(
        sale.terms
            .whitepaper_url
            .as_ref()
            .map(saleguard_core::Url::as_str),
    );
    links.extend(
        research
            .iter()
            .flat_map(|research| research.factors.iter())
            .flat_map(|factor| factor.evidence.iter())
            .map(saleguard_core::Url::as_str),
    );
    links.extend(sources().map(|source| source.location.as_str()));
    // The same link in several places is one hit.
    let mut seen = std::collections::HashSet::new();
    links.retain(|link| seen.insert(*link));
    let mut lists = vec![shipped_domain_list()];
    lists.extend(imported);
    check_urls(&lists, &own_sites, links)
}

/// The imported lists, loaded for the checks.
#[derive(Debug, Default)]
pub(crate) struct LoadedScamLists {
    pub(crate) domains: Vec<DomainList>,
    pub(crate) addresses: Vec<AddressList>,
}

/// The imported lists, ready for the checks.
pub(crate) fn load_scam_lists(store: &Store) -> Result<LoadedScamLists, AppError> {
    let mut loaded = LoadedScamLists::default();
    for list in store.scam_lists()? {
        let entries = store.scam_list_entries(list.id)?;
        let of = |kind: ScamEntryKind| {
            entries
                .iter()
                .filter(move |entry| entry.kind == kind)
                .map(|entry| entry.entry.clone())
        };
        loaded.domains.push(
            DomainList::new(list.name.clone(), of(ScamEntryKind::Block))
                .allowing(of(ScamEntryKind::Allow))
                .impersonations_of(of(ScamEntryKind::Target), usize::from(list.tolerance)),
        );
        let addresses = entries
            .iter()
            .filter(|entry| entry.kind == ScamEntryKind::Address)
            .filter_map(|entry| {
                let address: Address = entry.entry.parse().ok()?;
                Some((address, entry.note.clone()))
            });
        loaded
            .addresses
            .push(AddressList::new(list.name.clone(), addresses));
    }
    Ok(loaded)
}
