//! The Participations page of a user who followed sales for years: 10,000
//! participations, each with its sale, a KYC record, two ledger entries, a vesting plan
//! and a sale action, listed as the Participations page asks for them
//! (`list_participations`: summaries; a participation is read whole when opened).
//! Run with `cargo bench -p saleguard-app --bench participations`; results are recorded
//! in docs/performance.md.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use saleguard_app::participations::entries::EntryInput;
use saleguard_app::participations::kyc::KycInput;
use saleguard_app::participations::vesting::VestingInput;
use saleguard_app::participations::{ParticipationState, StartParticipation};
use saleguard_app::sales::ActionPurpose;
use saleguard_app::sales::actions::ActionInput;
use saleguard_app::{DataPaths, FixedClock, SaleDraft, Saleguard, UtcTimestamp};
use saleguard_core::fixtures::native_sale_draft;

const PARTICIPATIONS: usize = 10_000;

fn entry(at: &str, amount: &str) -> EntryInput {
    EntryInput {
        kind: "contribution".into(),
        happened_at: at.into(),
        asset: "ETH".into(),
        decimals: "18".into(),
        amount: amount.into(),
        reference: String::new(),
        from: String::new(),
        to: String::new(),
        note: String::new(),
    }
}

fn seeded(app: &Saleguard) {
    let plan = VestingInput {
        total_tokens: "1200".into(),
        tge_at: "2026-12-01 00:00".into(),
        kind: "linear".into(),
        at_tge_percent: "10".into(),
        cliff_months: "0".into(),
        months: "12".into(),
        frequency: "monthly".into(),
        tranches: Vec::new(),
    };
    let refund = ActionInput {
        name: "Claim refund".into(),
        purpose: ActionPurpose::ClaimRefund,
        contract: String::new(),
        contract_source: String::new(),
        signature: "claimRefund()".into(),
        arguments: Vec::new(),
        claimable: String::new(),
    };
    let kyc = KycInput {
        provider: "Synaps".into(),
        submitted_at: "2026-11-20 09:30".into(),
        reference: "A-17".into(),
        notes: String::new(),
    };
    for index in 0..PARTICIPATIONS {
        let sale = app
            .create_sale(SaleDraft {
                kyc_required: false,
                ..native_sale_draft(&format!("Project {index}"))
            })
            .expect("sale")
            .id;
        app.add_action(sale, &refund).expect("action");
        let id = app
            .start_participation(&StartParticipation {
                sale_id: sale,
                state: ParticipationState::Contributed,
                happened_at: "2026-11-30 10:00".into(),
                note: String::new(),
            })
            .expect("started")
            .id;
        app.set_kyc(id, &kyc).expect("kyc");
        app.record_entry(id, &entry("2026-12-01 10:00", "0.5"))
            .expect("entry");
        app.record_entry(id, &entry("2026-12-02 10:00", "0.25"))
            .expect("entry");
        app.set_vesting(id, &plan).expect("plan");
    }
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = UtcTimestamp::parse("2026-12-10 12:00").expect("literal");
    let app = Saleguard::start(DataPaths::at(dir.path()), Arc::new(FixedClock(now)));
    seeded(&app);
    let mut group = c.benchmark_group("participations");
    group.sample_size(20);
    group.bench_function("list 10,000 participations", |b| {
        b.iter(|| {
            let listed = app.list_participations().expect("list");
            assert_eq!(listed.len(), PARTICIPATIONS);
            listed
        })
    });
    // What the list read before it was a summary: each participation whole (the
    // readable export still reads them so), for comparison in the same run.
    group.bench_function("10,000 participations in full", |b| {
        b.iter(|| {
            let whole = app.participations_in_full().expect("in full");
            assert_eq!(whole.len(), PARTICIPATIONS);
            whole
        })
    });
    group.finish();
}

criterion_group!(participations, benches);
criterion_main!(participations);
