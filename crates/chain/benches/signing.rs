//! Sign-and-encode throughput of a contribution transaction: alloy's bare local signer
//! against Saleguard's signing path (the `Signer` abstraction, cancellable and reporting
//! progress, with the signature made sure to be the account's before anything may be
//! sent) in the same run. Run with `cargo bench -p saleguard-chain --bench signing`;
//! results are recorded in docs/performance.md.
//!
//! The key is in memory here for all of them: reading it from the OS keyring (a D-Bus
//! round trip, once per signature) is the same for any wallet and is not what is
//! compared, nor is making the key from the secret (its public key and address), which
//! any wallet does when it loads a key: measured on its own below, since Saleguard's
//! software signer reads and makes its key anew for each signature. A software key signs
//! with libsecp256k1 and its signature is verified against that key; a hardware wallet's
//! is recovered instead, measured here with alloy's k256 signer standing for the device.
use alloy_consensus::{SignableTransaction, TxEip1559, TxEnvelope};
use alloy_eips::Encodable2718;
use alloy_primitives::{Address, Bytes, TxKind, U256, address};
use alloy_signer::SignerSync;
use alloy_signer_local::PrivateKeySigner;
use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_chain::signer::{
    Progress, SignError, SignFuture, Signed, Signer, SoftwareKey, sign_transaction,
};

/// Anvil's second development key: a test key, never for real funds.
const KEY: &str = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const SALE: Address = address!("0x5FbDB2315678afecb367f032d93F642f64180aa3");

fn contribution(nonce: u64) -> TxEip1559 {
    TxEip1559 {
        chain_id: 1,
        nonce,
        gas_limit: 120_000,
        max_fee_per_gas: 40_000_000_000,
        max_priority_fee_per_gas: 1_500_000_000,
        to: TxKind::Call(SALE),
        value: U256::from(1_500_000_000_000_000_000u128),
        access_list: Default::default(),
        // contribute()
        input: Bytes::from_static(&[0xd7, 0xbb, 0x99, 0xba]),
    }
}

/// A signer with its key in memory, behind Saleguard's `Signer` trait. `Software` signs
/// as the keyring signer does once it has read its key (libsecp256k1, naming the key, and
/// `sign_transaction` verifies the signature against it); `Device` stands for a hardware
/// wallet, whose signature comes without its key and is recovered.
enum InMemory {
    Software(SoftwareKey),
    Device(PrivateKeySigner),
}

impl Signer for InMemory {
    fn address(&self) -> Address {
        match self {
            Self::Software(key) => key.address(),
            Self::Device(key) => key.address(),
        }
    }

    fn sign<'a>(&'a self, tx: &'a TxEip1559, _progress: Progress<'a>) -> SignFuture<'a> {
        Box::pin(async move {
            match self {
                Self::Software(key) => Ok(key.sign(tx)),
                Self::Device(key) => key
                    .sign_hash_sync(&tx.signature_hash())
                    .map(Signed::by_device)
                    .map_err(|error| SignError::Failed(error.to_string())),
            }
        })
    }
}

fn benches(c: &mut Criterion) {
    let key: PrivateKeySigner = KEY.parse().expect("a key");
    let mut group = c.benchmark_group("sign and encode a contribution");

    group.bench_function("alloy local signer", |b| {
        let mut nonce = 0;
        b.iter(|| {
            nonce += 1;
            let tx = contribution(nonce);
            let signature = key.sign_hash_sync(&tx.signature_hash()).expect("signed");
            TxEnvelope::Eip1559(tx.into_signed(signature)).encoded_2718()
        })
    });

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let software = InMemory::Software(SoftwareKey::from_secret(&key.to_bytes().0).expect("a key"));
    let recovered = InMemory::Device(key.clone());
    for (name, signer) in [
        (
            "Saleguard signer (software key, verified against it)",
            &software,
        ),
        (
            "Saleguard signer, sender recovered (as for a hardware wallet)",
            &recovered,
        ),
    ] {
        group.bench_function(name, |b| {
            let mut nonce = 0;
            b.iter(|| {
                nonce += 1;
                let signed = runtime
                    .block_on(sign_transaction(
                        signer,
                        contribution(nonce),
                        &|_| {},
                        std::future::pending(),
                    ))
                    .expect("signed");
                signed.encoded_2718()
            })
        });
    }
    group.finish();

    // As the keyring signer does: the vault's key (k256, which derives keys from recovery
    // phrases), then the signing key from its secret.
    let secret = key.to_bytes();
    c.bench_function("make a key from its secret (public key and address)", |b| {
        b.iter(|| {
            let vaults = PrivateKeySigner::from_bytes(&secret).expect("a key");
            SoftwareKey::from_secret(&vaults.to_bytes().0).expect("a key")
        })
    });
}

criterion_group!(signing, benches);
criterion_main!(signing);
