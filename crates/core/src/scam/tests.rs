use super::*;

/// The top 500 domains of the web (the `top-sites` npm package).
const TOP_SITES: &str = include_str!("top-sites.txt");

/// Real domains of well-known token projects, exchanges, wallets and explorers.
const CRYPTO_SITES: &[&str] = &[
    "ethereum.org",
    "uniswap.org",
    "app.uniswap.org",
    "aave.com",
    "makerdao.com",
    "compound.finance",
    "chain.link",
    "lido.fi",
    "curve.fi",
    "1inch.io",
    "arbitrum.io",
    "optimism.io",
    "polygon.technology",
    "solana.com",
    "filecoin.io",
    "tezos.com",
    "eos.io",
    "polkadot.network",
    "cosmos.network",
    "coinbase.com",
    "binance.com",
    "kraken.com",
    "bitstamp.net",
    "gemini.com",
    "okx.com",
    "kucoin.com",
    "bitfinex.com",
    "crypto.com",
    "coinlist.co",
    "metamask.io",
    "myetherwallet.com",
    "ledger.com",
    "trezor.io",
    "etherscan.io",
    "bscscan.com",
    "coingecko.com",
    "coinmarketcap.com",
    "opensea.io",
    "safe.global",
    "walletconnect.com",
];

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|line| !line.starts_with('#'))
}

fn snapshot_domains(kind: &str) -> Vec<&'static str> {
    SHIPPED_LIST
        .lines()
        .filter_map(|line| line.strip_prefix(kind)?.strip_prefix(' '))
        .collect()
}

/// A test URL's domain, as written.
fn url_domain(url: &str) -> &str {
    let rest = url.strip_prefix("https://").expect("https");
    let host = rest.split('/').next().expect("a host");
    host.strip_prefix("www.").unwrap_or(host)
}

fn check(own_site: Option<&str>, url: &str) -> Vec<DomainHit> {
    let own_sites: Vec<&str> = own_site.into_iter().collect();
    check_urls(&[shipped_domain_list()], &own_sites, [url])
}

#[test]
fn the_shipped_list_is_the_packages_whole_list() {
    let list = shipped_domain_list();
    assert_eq!(list.name, "eth-phishing-detect 1.2.0");
    assert!(list.len() > 13_000, "{}", list.len());
    assert_eq!(list.tolerance, 2);
    assert_eq!(list.targets.len(), snapshot_domains("target").len());
}

#[test]
fn every_phishing_domain_of_the_snapshot_is_caught_with_its_entry() {
    let allowed: HashSet<String> = snapshot_domains("allow")
        .into_iter()
        .filter_map(normalized)
        .collect();
    let mut caught = 0;
    for domain in snapshot_domains("block") {
        let Some(expected) = normalized(domain) else {
            continue;
        };
        if suffixes(&expected).any(|suffix| allowed.contains(suffix)) {
            // The package allows what it also blocks (its allow list wins): so does this.
            assert_eq!(check(None, &format!("https://{domain}/")), [], "{domain}");
            continue;
        }
        caught += 1;
        let url = format!("https://{domain}/claim?token=1");
        let hits = check(None, &url);
        assert_eq!(hits.len(), 1, "{url}");
        let hit = &hits[0];
        assert_eq!(hit.list, "eth-phishing-detect 1.2.0");
        // An entry under another entry is caught by whichever is met first; both are
        // on the list.
        assert!(
            expected == hit.entry || expected.ends_with(&format!(".{}", hit.entry)),
            "{url}: {hit:?}"
        );
        assert_eq!(hit.kind, DomainHitKind::Listed);
    }
    assert!(caught > 13_000, "{caught}");
    // A subdomain of a listed domain is caught by the listed one.
    let hits = check(None, "https://app.moonbirds.tv/mint");
    assert_eq!(hits[0].entry, "moonbirds.tv");
}

#[test]
fn impersonations_of_a_target_are_caught_and_the_target_is_not() {
    for (url, entry) in [
        ("https://metamassk.io", "metamask.io"),
        ("https://www.myetherwalet.org/access", "myetherwallet.com"),
        ("https://0pensea.io/collection/x", "opensea.io"),
        ("https://etherscam.io/address/0x1", "etherscan.io"),
    ] {
        assert!(
            !snapshot_domains("block").contains(&url_domain(url)),
            "{url}"
        );
        let hits = check(None, url);
        assert_eq!(hits.len(), 1, "{url}");
        assert_eq!(hits[0].kind, DomainHitKind::Impersonates, "{url}");
        assert_eq!(hits[0].entry, entry, "{url}");
    }
    // The impersonated themselves are not caught (but for one the list also blocks).
    let blocked = snapshot_domains("block");
    for target in snapshot_domains("target") {
        let hits = check(None, &format!("https://{target}/"));
        if blocked.contains(&target) {
            assert_eq!(hits[0].kind, DomainHitKind::Listed, "{target}");
        } else {
            assert_eq!(hits, [], "{target}");
        }
    }
}

#[test]
fn no_legitimate_domain_is_caught() {
    let legitimate: Vec<&str> = lines(TOP_SITES)
        .chain(CRYPTO_SITES.iter().copied())
        .collect();
    assert!(legitimate.len() >= 540);
    for domain in legitimate {
        let url = format!("https://{domain}/");
        assert_eq!(check(None, &url), [], "{url}");
        // Nor as the sale's own site, nor under it.
        assert_eq!(check(Some(&url), &url), [], "{url}");
        assert_eq!(
            check(Some(&url), &format!("https://docs.{domain}/whitepaper.pdf")),
            [],
            "{url}"
        );
    }
}

/// Every one-edit typo of `domain`'s first label: each letter dropped, doubled,
/// replaced by its neighbour in the alphabet, and each pair swapped.
fn typos(domain: &str) -> Vec<String> {
    let (label, rest) = domain.split_once('.').expect("a dot");
    let chars: Vec<char> = label.chars().collect();
    let mut typos = Vec::new();
    for i in 0..chars.len() {
        let mut dropped = chars.clone();
        dropped.remove(i);
        typos.push(dropped);
        let mut doubled = chars.clone();
        doubled.insert(i, chars[i]);
        typos.push(doubled);
        let mut replaced = chars.clone();
        replaced[i] = if chars[i] == 'z' {
            'y'
        } else {
            char::from(chars[i] as u8 + 1)
        };
        typos.push(replaced);
        if i + 1 < chars.len() && chars[i] != chars[i + 1] {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            typos.push(swapped);
        }
    }
    typos
        .into_iter()
        .map(|label| format!("{}.{rest}", label.into_iter().collect::<String>()))
        .filter(|typo| typo != domain)
        .collect()
}

#[test]
fn look_alikes_of_the_sales_own_domain_are_caught() {
    let own = "https://www.aurorasale.io/";
    let mut look_alikes = typos("aurorasale.io");
    look_alikes.extend([
        // Confusable characters: Cyrillic а and о, a zero for an o, rn for m.
        "аurorasale.io".to_owned(),
        "aurоrasale.io".to_owned(),
        "aur0rasale.io".to_owned(),
        "auroraṡale.io".to_owned(),
    ]);
    assert!(look_alikes.len() > 40);
    for look_alike in &look_alikes {
        for url in [
            format!("https://{look_alike}/whitepaper.pdf"),
            format!("https://{}/", domain_of(look_alike).expect("a domain")),
        ] {
            let hits = check_urls(&[], &[own], [url.as_str()]);
            assert_eq!(hits.len(), 1, "{url}");
            assert_eq!(hits[0].kind, DomainHitKind::LooksLikeOwnSite, "{url}");
            assert_eq!(hits[0].list, LOOK_ALIKE_LIST);
            assert_eq!(hits[0].entry, "aurorasale.io");
        }
    }
    // rn for m, in punycode as a link would carry it.
    let hits = check_urls(&[], &["https://minaswap.org"], ["https://rninaswap.org"]);
    assert_eq!(hits.len(), 1);
    let punycode = idna::domain_to_ascii("mіnaswap.org").expect("ascii");
    assert!(punycode.starts_with("xn--"), "{punycode}");
    let hits = check_urls(
        &[],
        &["https://minaswap.org"],
        [format!("https://{punycode}/app").as_str()],
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].domain, "mіnaswap.org",
        "shown as the user would read it"
    );
    assert!(
        hits[0]
            .describe()
            .starts_with(&format!("mіnaswap.org ({punycode}) looks like")),
        "and as it is spelled: {}",
        hits[0].describe()
    );

    // The site itself, its subdomains and other domains are not look-alikes.
    for url in [
        "https://aurorasale.io/terms",
        "https://docs.aurorasale.io/",
        "https://aurorasale.gitbook.io/",
        "https://github.com/aurora",
        "https://etherscan.io/address/0x1",
    ] {
        assert_eq!(check_urls(&[], &[own], [url]), [], "{url}");
    }
}

#[test]
fn user_lists_block_their_domains_unless_they_allow_them() {
    let list = DomainList::new(
        "my list",
        ["Scam.Example.".to_owned(), "not a domain".to_owned()],
    )
    .allowing(["safe.scam.example".to_owned()]);
    assert_eq!(list.len(), 1, "the entry that is not a domain is left out");
    let hits = check_urls(
        &[&list],
        &[],
        [
            "https://app.scam.example/",
            "https://safe.scam.example/",
            "https://example.org",
        ],
    );
    assert_eq!(hits.len(), 1);
    assert_eq!(
        (hits[0].list.as_str(), hits[0].entry.as_str()),
        ("my list", "scam.example")
    );
}

#[test]
fn text_without_a_domain_is_skipped() {
    for text in ["", "not a url", "http://[::1]/", "localhost"] {
        assert_eq!(domain_of(text), None, "{text}");
    }
    // Lists name IPv4 addresses too: those match exactly.
    assert_eq!(
        domain_of("https://46.226.108.171/claim").as_deref(),
        Some("46.226.108.171")
    );
    let list = DomainList::new("ips", ["46.226.108.171".to_owned()]);
    let list = &[&list];
    assert_eq!(
        check_urls(list, &[], ["http://46.226.108.171:8080/"]).len(),
        1
    );
    assert_eq!(
        check_urls(list, &[], ["http://1.46.226.108.171.example/"]),
        []
    );
    assert_eq!(check_urls(list, &[], ["http://6.226.108.171/"]), []);
    assert_eq!(
        domain_of("Example.ORG/path").as_deref(),
        Some("example.org")
    );
    assert_eq!(
        domain_of("https://bücher.example/").as_deref(),
        Some("xn--bcher-kva.example")
    );
}

#[test]
fn the_sales_own_site_is_its_registrable_domain() {
    // Two subdomains of the sale's domain are one edit apart: neither is a look-alike.
    let own = ["https://app.aurorasale.io/"];
    assert_eq!(
        check_urls(
            &[],
            &own,
            ["https://api.aurorasale.io/docs", "https://aurorasale.io"]
        ),
        []
    );
    // Under a public suffix with two labels.
    let own = ["https://www.aurorasale.co.uk/"];
    assert_eq!(
        check_urls(&[], &own, ["https://docs.aurorasale.co.uk/"]),
        []
    );
    assert_eq!(
        check_urls(&[], &own, ["https://aurorasa1e.co.uk/"])[0].entry,
        "aurorasale.co.uk"
    );
    // A look-alike on a subdomain of its own is caught by its registrable domain.
    assert_eq!(
        check_urls(&[], &own, ["https://claim.aur0rasale.co.uk/"]).len(),
        1
    );
}

#[test]
fn a_sale_with_two_sites_takes_neither_for_a_look_alike_of_the_other() {
    let own = ["https://aurorasale.io", "https://aurorasale.com"];
    assert_eq!(
        check_urls(
            &[],
            &own,
            ["https://aurorasale.com/terms", "https://www.aurorasale.io/"]
        ),
        []
    );
    let hits = check_urls(&[], &own, ["https://aurorasa1e.com/"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].entry, "aurorasale.com",
        "the own site it looks like"
    );
}

#[test]
fn address_lists_say_their_note_on_an_address() {
    let scam: Address = "0x00000000000000000000000000000000000000aa"
        .parse()
        .expect("address");
    let other: Address = "0x00000000000000000000000000000000000000bb"
        .parse()
        .expect("address");
    let list = AddressList::new("drainers", [(scam, "Inferno drainer".to_owned())]);
    assert_eq!(list.note_on(&scam), Some("Inferno drainer"));
    assert_eq!(list.note_on(&other), None);
    assert_eq!(list.len(), 1);
}
