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
    // The floor under the first: the seed's PBKDF2 alone, as the vault computes it.
    c.bench_function("pbkdf2_hmac_sha512_2048_rounds", |b| {
        b.iter(|| {
            let mut seed = [0u8; 64];
            pbkdf2::pbkdf2_hmac::<sha2::Sha512>(PHRASE.as_bytes(), b"mnemonic", 2048, &mut seed);
            seed
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
