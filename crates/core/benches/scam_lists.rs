//! Known-scam lookups at the scale issue 21 names: every URL of a sale (its website,
//! whitepaper, evidence links and the sources of its official addresses) checked
//! against a list of 200,000 phishing domains (besides the shipped list, with its
//! impersonation targets) and against look-alikes of the sale's own domain. The goal:
//! under 1 ms for all of a sale's URLs.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_core::scam::{DomainList, check_urls, shipped_domain_list};

const DOMAINS: usize = 200_000;

/// A sale's URLs: twelve, two of them caught.
const SALE_URLS: [&str; 12] = [
    "https://aurorasale.io/",
    "https://docs.aurorasale.io/whitepaper.pdf",
    "https://github.com/aurora-sale/contracts",
    "https://etherscan.io/address/0x5aeda56215b167893e80b4fe645ba6d5bab767de#code",
    "https://medium.com/@aurora/token-sale-announcement",
    "https://x.com/aurorasale/status/1",
    "https://t.me/aurorasale",
    "https://coinlist.co/aurora",
    "https://www.coingecko.com/en/coins/aurora",
    "https://app.aurorasale.io/contribute",
    "https://aurorasa1e.io/claim",
    "https://claim-tokens-1234.example/aurora",
];

fn user_list() -> DomainList {
    let domains = (0..DOMAINS).map(|i| format!("claim-tokens-{i}.example"));
    DomainList::new("imported", domains)
}

fn lookups(c: &mut Criterion) {
    let imported = user_list();
    let lists = [shipped_domain_list(), &imported];
    assert_eq!(lists[1].len(), DOMAINS);
    let hits = check_urls(&lists, &SALE_URLS[..1], SALE_URLS);
    assert_eq!(hits.len(), 2, "{hits:?}");
    c.bench_function(
        "a sale's 12 URLs against 200,000 domains and look-alikes",
        |b| {
            b.iter(|| check_urls(black_box(&lists), &SALE_URLS[..1], SALE_URLS));
        },
    );
}

criterion_group!(benches, lookups);
criterion_main!(benches);
