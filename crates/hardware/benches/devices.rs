//! What a hardware signing costs the host, the user's time on the device aside: a
//! contribution signed through the whole path (`sign_transaction`: readiness check, the
//! device's conversation, the signature checked against the account) on the testkit's
//! simulated Trezor (the wire protocol over UDP loopback) and Ledger (APDUs over
//! Speculos' TCP framing), and addresses listed from each. Run with
//! `cargo bench -p saleguard-hardware --bench devices`; results are recorded in
//! docs/performance.md.

use std::sync::Arc;

use alloy_consensus::TxEip1559;
use alloy_primitives::{Address, Bytes, TxKind, U256};
use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_chain::signer::{Signer, sign_transaction};
use saleguard_core::account::DerivationPath;
use saleguard_hardware::{
    LedgerConnection, LedgerDevice, LedgerSigner, Timeouts, TrezorConnection, TrezorDevice,
    TrezorSigner,
};
use saleguard_testkit::{LedgerMode, LedgerSimulator, TrezorMode, TrezorSimulator};

const PATH: &str = "m/44'/60'/0'/0/0";

fn contribution(data_len: usize) -> TxEip1559 {
    TxEip1559 {
        chain_id: 1,
        nonce: 7,
        gas_limit: 120_000,
        max_fee_per_gas: 40_000_000_000,
        max_priority_fee_per_gas: 1_500_000_000,
        to: TxKind::Call(Address::repeat_byte(0x5a)),
        value: U256::from(1_500_000_000_000_000_000u128),
        access_list: Default::default(),
        input: Bytes::from(vec![0xab; data_len]),
    }
}

fn signs(runtime: &tokio::runtime::Runtime, signer: &dyn Signer, tx: &TxEip1559) {
    runtime
        .block_on(sign_transaction(
            signer,
            tx.clone(),
            &|_| {},
            std::future::pending(),
        ))
        .expect("signed");
}

fn devices(c: &mut Criterion) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let path = DerivationPath::parse(PATH).expect("path");

    let trezor_simulator = TrezorSimulator::start(TrezorMode::Approve);
    let trezor = runtime
        .block_on(TrezorDevice::connect(
            TrezorConnection::Emulator(trezor_simulator.address().to_owned()),
            Timeouts::default(),
        ))
        .map(Arc::new)
        .expect("connected");
    let trezor_signer = TrezorSigner::new(
        Arc::clone(&trezor),
        path.clone(),
        TrezorSimulator::address_at(PATH),
    );

    let ledger_simulator = LedgerSimulator::start(LedgerMode::Approve);
    let ledger = runtime
        .block_on(LedgerDevice::connect(
            LedgerConnection::Speculos(ledger_simulator.address().to_owned()),
            Timeouts::default(),
        ))
        .map(Arc::new)
        .expect("connected");
    let ledger_signer = LedgerSigner::new(
        Arc::clone(&ledger),
        path.clone(),
        LedgerSimulator::address_at(PATH),
    );

    let call = contribution(4);
    let long = contribution(2_500);
    c.bench_function("trezor: sign a contribution() call", |b| {
        b.iter(|| signs(&runtime, &trezor_signer, &call));
    });
    c.bench_function("trezor: sign a call with 2,500 bytes of data", |b| {
        b.iter(|| signs(&runtime, &trezor_signer, &long));
    });
    c.bench_function("ledger: sign a contribution() call", |b| {
        b.iter(|| signs(&runtime, &ledger_signer, &call));
    });
    let five: Vec<DerivationPath> = (0..5)
        .map(|i| DerivationPath::parse(&format!("m/44'/60'/0'/0/{i}")).expect("path"))
        .collect();
    c.bench_function("trezor: read five addresses", |b| {
        b.iter(|| {
            runtime.block_on(async {
                for path in &five {
                    trezor.address(path, false).await.expect("address");
                }
            });
        });
    });
    c.bench_function("ledger: read five addresses", |b| {
        b.iter(|| {
            runtime.block_on(async {
                for path in &five {
                    ledger.address(path, false).await.expect("address");
                }
            });
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = devices
}
criterion_main!(benches);
