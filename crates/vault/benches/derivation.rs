//! Recovery phrase → address: what importing or deriving an account costs.

use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_core::account::DerivationPath;
use saleguard_vault::{AccountSecret, SecretString};

const PHRASE: &str = "test test test test test test test test test test test junk";

fn derivation(c: &mut Criterion) {
    let path = DerivationPath::ethereum_first();
    c.bench_function("mnemonic_to_address", |b| {
        b.iter(|| {
            let secret =
                AccountSecret::mnemonic(&SecretString::from(PHRASE), SecretString::from(""))
                    .expect("valid phrase");
            secret.address(&path).expect("derives")
        })
    });
    let secret = AccountSecret::mnemonic(&SecretString::from(PHRASE), SecretString::from(""))
        .expect("valid phrase");
    c.bench_function("parse_mnemonic", |b| {
        b.iter(|| {
            saleguard_vault::RecoveryPhrase::parse(&SecretString::from(PHRASE)).expect("valid")
        })
    });
    drop(secret);
}

criterion_group!(benches, derivation);
criterion_main!(benches);
