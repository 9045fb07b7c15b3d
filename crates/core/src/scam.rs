//! Known scams, checked offline: lists of phishing domains — the shipped snapshot of
//! MetaMask's `eth-phishing-detect` list ([`shipped_domain_list`]) and lists the user
//! brings — and look-alikes of a sale's own domain (confusable characters, punycode,
//! one-edit typos such as `0pensea.io` for `opensea.io`).
//!
//! A domain is on a list when it or a domain it is under is (`app.scam.example` is under
//! `scam.example`), unless the list allows it. A list may also name targets of
//! impersonation: a domain within the list's tolerance of one (in edits, its last label
//! aside, as `eth-phishing-detect` measures) is a hit too. Lookups walk the domain's
//! suffixes through hash sets, so a list of hundreds of thousands of domains costs a
//! handful of hash lookups per URL.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use alloy_primitives::Address;
use url::Url;

/// A list of phishing domains.
#[derive(Debug, Clone, Default)]
pub struct DomainList {
    /// What the user sees the list called ("eth-phishing-detect 1.2.0").
    pub name: String,
    blocked: HashSet<String>,
    allowed: HashSet<String>,
    /// Impersonated domains, in the form compared (the last label dropped).
    targets: Vec<(String, String)>,
    tolerance: usize,
}

impl DomainList {
    /// A list of `blocked` domains (each blocks its subdomains too).
    pub fn new(name: impl Into<String>, blocked: impl IntoIterator<Item = String>) -> Self {
        Self {
            name: name.into(),
            blocked: blocked.into_iter().filter_map(|d| normalized(&d)).collect(),
            ..Self::default()
        }
    }

    /// Domains never blocked (nor taken for look-alikes), with their subdomains.
    #[must_use]
    pub fn allowing(mut self, allowed: impl IntoIterator<Item = String>) -> Self {
        self.allowed = allowed.into_iter().filter_map(|d| normalized(&d)).collect();
        self
    }

    /// Domains impersonated: one within `tolerance` edits of one is a hit.
    #[must_use]
    pub fn impersonations_of(
        mut self,
        targets: impl IntoIterator<Item = String>,
        tolerance: usize,
    ) -> Self {
        self.targets = targets
            .into_iter()
            .filter_map(|d| normalized(&d))
            .map(|domain| (fuzzy_form(&domain), domain))
            .collect();
        self.tolerance = tolerance;
        self
    }

    /// How many domains it blocks.
    pub fn len(&self) -> usize {
        self.blocked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.blocked.is_empty()
    }

    /// The entry that catches `domain` (normalized), and how.
    fn catches(&self, domain: &str) -> Option<(DomainHitKind, String)> {
        if is_ipv4(domain) {
            return self
                .blocked
                .contains(domain)
                .then(|| (DomainHitKind::Listed, domain.to_owned()));
        }
        if suffixes(domain).any(|suffix| self.allowed.contains(suffix)) {
            return None;
        }
        if let Some(entry) = suffixes(domain).find(|suffix| self.blocked.contains(*suffix)) {
            return Some((DomainHitKind::Listed, entry.to_owned()));
        }
        if self.tolerance == 0 || self.targets.is_empty() {
            return None;
        }
        let form = fuzzy_form(domain.strip_prefix("www.").unwrap_or(domain));
        self.targets
            .iter()
            .find(|(target, _)| strsim::levenshtein(&form, target) <= self.tolerance)
            .map(|(_, entry)| (DomainHitKind::Impersonates, entry.clone()))
    }
}

/// How a domain was caught.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainHitKind {
    /// It (or a domain it is under) is on the list.
    Listed,
    /// It is within the list's tolerance of a domain scammers impersonate.
    Impersonates,
    /// It looks like the sale's own domain without being it.
    LooksLikeOwnSite,
}

/// A URL caught by a list or as a look-alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainHit {
    /// The URL as given.
    pub url: String,
    /// Its domain (Unicode when it was written in punycode).
    pub domain: String,
    pub kind: DomainHitKind,
    /// The list's name; for a look-alike, "look-alikes of the sale's own domain".
    pub list: String,
    /// The entry that caught it: the listed or impersonated domain, or the sale's own.
    pub entry: String,
}

impl DomainHit {
    /// The hit in a sentence: the domain, the list and the entry that caught it. A domain
    /// written in punycode is shown as it reads and as it is spelled (`mіnaswap.org
    /// (xn--mnaswap-…)`): read alone, a look-alike in another script is indistinguishable.
    pub fn describe(&self) -> String {
        let ascii = idna::domain_to_ascii(&self.domain).unwrap_or_else(|_| self.domain.clone());
        let named = if ascii == self.domain {
            self.domain.clone()
        } else {
            format!("{} ({ascii})", self.domain)
        };
        match self.kind {
            DomainHitKind::Listed if ascii == self.entry => format!(
                "{named} is on the list of phishing domains “{}”: the sale's records may come from a scam site.",
                self.list
            ),
            DomainHitKind::Listed => format!(
                "{named} is on the list of phishing domains “{}” (as {}): the sale's records may come from a scam site.",
                self.list, self.entry
            ),
            DomainHitKind::Impersonates => format!(
                "{named} imitates {}, a domain the list “{}” knows scammers impersonate: the sale's records may come from a scam site.",
                self.entry, self.list
            ),
            DomainHitKind::LooksLikeOwnSite => format!(
                "{named} looks like the sale's own site {} without being it: a classic phishing trick.",
                self.entry
            ),
        }
    }
}

/// The name look-alike hits go by.
pub const LOOK_ALIKE_LIST: &str = "look-alikes of the sale's own domain";

/// Checks `urls` against `lists` and against look-alikes of the sale's own sites (its
/// website as its sources give it; none, no look-alike check). Text that is not a URL
/// with a domain is skipped (the forms that take URLs refuse it).
pub fn check_urls<'a>(
    lists: &[&DomainList],
    own_sites: &[&str],
    urls: impl IntoIterator<Item = &'a str>,
) -> Vec<DomainHit> {
    let own: Vec<OwnDomain> = own_sites
        .iter()
        .filter_map(|site| domain_of(site))
        .filter(|domain| !is_ipv4(domain))
        .map(|domain| OwnDomain::new(&domain))
        .collect();
    let mut hits = Vec::new();
    for url in urls {
        let Some(domain) = domain_of(url) else {
            continue;
        };
        let hit = |kind, list: &str, entry: String| DomainHit {
            url: url.to_owned(),
            domain: unicode_form(&domain),
            kind,
            list: list.to_owned(),
            entry,
        };
        if let Some((list, (kind, entry))) = lists
            .iter()
            .find_map(|list| list.catches(&domain).map(|caught| (list, caught)))
        {
            hits.push(hit(kind, &list.name, entry));
        } else if !is_ipv4(&domain)
            && !own.iter().any(|own| own.is(&domain))
            && let Some(own) = own.iter().find(|own| own.looked_like_by(&domain))
        {
            hits.push(hit(
                DomainHitKind::LooksLikeOwnSite,
                LOOK_ALIKE_LIST,
                unicode_form(&own.domain),
            ));
        }
    }
    hits
}

/// The sale's own site, by its registrable domain (`app.aurorasale.io` → `aurorasale.io`,
/// by the Public Suffix List), with what look-alikes are compared on.
struct OwnDomain {
    domain: String,
    skeleton: String,
}

/// A domain's registrable part by the Public Suffix List (`docs.x.co.uk` → `x.co.uk`;
/// a subdomain of a hosting platform on the list, `x.github.io`, is its own); the domain
/// itself when the list has no answer.
fn registrable(domain: &str) -> &str {
    let domain = domain.strip_prefix("www.").unwrap_or(domain);
    psl::domain_str(domain).unwrap_or(domain)
}

impl OwnDomain {
    fn new(domain: &str) -> Self {
        let domain = registrable(domain).to_owned();
        Self {
            skeleton: skeleton(&domain),
            domain,
        }
    }

    /// Whether `domain` is the site or under its registrable domain (`api.x.io` is `x.io`'s).
    fn is(&self, domain: &str) -> bool {
        registrable(domain) == self.domain
    }

    /// Whether `domain` looks like this one without being it or under it: its registrable
    /// domain the same once confusable characters are taken for what they imitate (a
    /// Cyrillic `а`, a `0` for an `o`, `rn` for `m`), or one edit away (a letter added,
    /// dropped, changed, or two swapped).
    fn looked_like_by(&self, domain: &str) -> bool {
        if self.is(domain) {
            return false;
        }
        let domain = registrable(domain);
        skeleton(domain) == self.skeleton
            || strsim::damerau_levenshtein(&unicode_form(domain), &unicode_form(&self.domain)) == 1
    }
}

/// The domain of a URL (or of a bare domain), lower case, in its ASCII (punycode) form,
/// or its IPv4 address; none for text without either.
pub fn domain_of(url: &str) -> Option<String> {
    let text = url.trim();
    let parsed = Url::parse(text)
        .ok()
        .filter(|u| u.host_str().is_some())
        .or_else(|| Url::parse(&format!("https://{text}")).ok())?;
    match parsed.host()? {
        url::Host::Domain(domain) => normalized(domain),
        url::Host::Ipv4(address) => Some(address.to_string()),
        url::Host::Ipv6(_) => None,
    }
}

/// Whether `host` is an IPv4 address (lists name some; they match only exactly).
fn is_ipv4(host: &str) -> bool {
    host.parse::<std::net::Ipv4Addr>().is_ok()
}

/// A domain as lists hold it: lower case, ASCII (punycode), no trailing dot; none when it
/// is not a domain with at least two labels.
fn normalized(domain: &str) -> Option<String> {
    let domain = domain.trim().trim_end_matches('.');
    let ascii = idna::domain_to_ascii(domain).ok()?;
    (ascii.contains('.') && !ascii.starts_with('.') && !ascii.contains("..")).then_some(ascii)
}

/// The domain as the user should read it: Unicode when written in punycode.
fn unicode_form(domain: &str) -> String {
    let (unicode, result) = idna::domain_to_unicode(domain);
    if result.is_ok() {
        unicode
    } else {
        domain.to_owned()
    }
}

/// UTS #39's skeleton of the domain's Unicode form, lower case, with the two-letter
/// look-alikes UTS #39 leaves out (it maps single characters) taken for what they
/// imitate: `rn` for `m`, `vv` for `w`. Two domains with the same skeleton are
/// confusable.
fn skeleton(domain: &str) -> String {
    unicode_security::confusable_detection::skeleton(&unicode_form(domain))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace("rn", "m")
        .replace("vv", "w")
}

/// `eth-phishing-detect`'s form for edit distances: the domain without its last label.
fn fuzzy_form(domain: &str) -> String {
    domain
        .rsplit_once('.')
        .map_or(domain, |(rest, _)| rest)
        .to_owned()
}

/// `a.b.c` → `a.b.c`, `b.c`, `c`.
fn suffixes(domain: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(domain), |rest| {
        rest.split_once('.').map(|(_, after)| after)
    })
}

/// A list of scam addresses (drainers, fake sale contracts), each with the list's note.
#[derive(Debug, Clone, Default)]
pub struct AddressList {
    pub name: String,
    entries: HashMap<Address, String>,
}

impl AddressList {
    pub fn new(
        name: impl Into<String>,
        entries: impl IntoIterator<Item = (Address, String)>,
    ) -> Self {
        Self {
            name: name.into(),
            entries: entries.into_iter().collect(),
        }
    }

    /// The list's note on `address`, when it is on the list.
    pub fn note_on(&self, address: &Address) -> Option<&str> {
        self.entries.get(address).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The version of `eth-phishing-detect` whose list ships with Saleguard.
pub const SHIPPED_LIST_VERSION: &str = "1.2.0";

/// The snapshot, one `kind domain` a line (`block`, `allow`, `target`; `tolerance N`),
/// written by `scripts/refresh-scam-list.sh` from the npm package.
const SHIPPED_LIST: &str = include_str!("../data/eth-phishing-detect.txt");

static SHIPPED: LazyLock<DomainList> = LazyLock::new(|| parse_shipped(SHIPPED_LIST));

/// MetaMask's list of phishing domains that target Ethereum users, as shipped.
pub fn shipped_domain_list() -> &'static DomainList {
    &SHIPPED
}

fn parse_shipped(text: &str) -> DomainList {
    let (mut blocked, mut allowed, mut targets, mut tolerance) =
        (Vec::new(), Vec::new(), Vec::new(), 0);
    for line in text.lines() {
        match line.split_once(' ') {
            Some(("block", domain)) => blocked.push(domain.to_owned()),
            Some(("allow", domain)) => allowed.push(domain.to_owned()),
            Some(("target", domain)) => targets.push(domain.to_owned()),
            Some(("tolerance", n)) => tolerance = n.parse().unwrap_or(0),
            _ => {}
        }
    }
    DomainList::new(
        format!("eth-phishing-detect {SHIPPED_LIST_VERSION}"),
        blocked,
    )
    .allowing(allowed)
    .impersonations_of(targets, tolerance)
}

#[cfg(test)]
mod tests;
