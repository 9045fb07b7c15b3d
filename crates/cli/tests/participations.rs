//! `saleguard participation …` and sale archiving against a temporary data directory.

use crate::common;

use common::{DataDir, add_sale};

#[test]
fn a_participation_is_started_moved_shown_and_keeps_its_sale_from_deletion() {
    let dir = DataDir(tempfile::tempdir().expect("temp dir"));
    add_sale(&dir);
    let started = dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--at",
        "2026-01-02 10:00",
        "--note",
        "looks solid",
    ]);
    assert_eq!(started["state"], "researching");
    let moved = dir.json(&[
        "participation",
        "move",
        "1",
        "--to",
        "kyc_pending",
        "--at",
        "2026-01-03 10:00",
    ]);
    assert_eq!(moved["history"].as_array().expect("history").len(), 2);
    assert_eq!(
        dir.error_code(&["participation", "move", "1", "--to", "contributed"]),
        (1, "illegal_transition".to_owned())
    );
    assert_eq!(
        dir.error_code(&[
            "participation",
            "move",
            "1",
            "--to",
            "kyc_approved",
            "--at",
            "2026-01-01 00:00"
        ]),
        (1, "before_previous_step".to_owned())
    );
    assert_eq!(
        dir.error_code(&["participation", "move", "1", "--to", "bribed"]),
        (2, "invalid_arguments".to_owned())
    );
    let shown = dir.json(&["participation", "show", "1"]);
    assert_eq!(shown["history"][0]["note"], "looks solid");
    assert_eq!(
        shown["nextStates"],
        serde_json::json!(["kyc_approved", "kyc_rejected", "withdrawn", "abandoned"])
    );
    assert_eq!(
        dir.json(&["participation", "list"])
            .as_array()
            .expect("list")
            .len(),
        1
    );

    assert_eq!(
        dir.error_code(&["sale", "rm", "1", "--yes"]),
        (1, "sale_has_participations".to_owned())
    );
    let archived = dir.json(&["sale", "archive", "1"]);
    assert!(archived["archivedAt"].is_string());
    assert!(dir.json(&["sale", "unarchive", "1"])["archivedAt"].is_null());
}

#[test]
fn a_vesting_plan_shows_up_in_the_calendar() {
    let dir = DataDir(tempfile::tempdir().expect("temp dir"));
    dir.json(&[
        "sale",
        "add",
        "--name",
        "Borealis",
        "--symbol",
        "BOR",
        "--decimals",
        "6",
        "--chain-id",
        "1",
        "--address",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "--start",
        "2026-01-01 00:00",
        "--end",
        "2026-02-01 00:00",
    ]);
    dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--state",
        "contributed",
        "--at",
        "2026-01-05 00:00",
    ]);
    let planned = dir.json(&[
        "participation",
        "vesting",
        "1",
        "--tokens",
        "1000",
        "--tge",
        "2026-03-31 00:00",
        "--tranche",
        "0:25",
        "--tranche",
        "1:25",
        "--tranche",
        "3:50",
    ]);
    let unlocks = planned["vesting"]["unlocks"]
        .as_array()
        .expect("unlocks")
        .clone();
    let dates: Vec<&str> = unlocks
        .iter()
        .map(|u| u["at"].as_str().expect("at"))
        .collect();
    assert_eq!(
        dates,
        vec![
            "2026-03-31T00:00:00Z",
            "2026-04-30T00:00:00Z",
            "2026-06-30T00:00:00Z"
        ]
    );
    assert_eq!(unlocks[2]["amount"]["baseUnits"], "500000000");

    let calendar = dir.json(&[
        "calendar",
        "--from",
        "2026-01-01 00:00",
        "--to",
        "2026-12-31 00:00",
    ]);
    let kinds: Vec<&str> = calendar
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        vec!["sale_opens", "sale_closes", "unlock", "unlock", "unlock"]
    );
    assert_eq!(
        dir.error_code(&[
            "participation",
            "vesting",
            "1",
            "--tokens",
            "1000",
            "--tge",
            "2026-03-31 00:00",
            "--tranche",
            "0:60",
            "--tranche",
            "1:60",
        ]),
        (1, "invalid_vesting_plan".to_owned())
    );
}

#[test]
fn a_payment_made_elsewhere_is_recorded_from_the_command_line() {
    let dir = DataDir(tempfile::tempdir().expect("temp dir"));
    dir.json(&common::sale_add_args("Cygnus"));
    dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--state",
        "contributed",
        "--at",
        "2026-01-05 00:00",
    ]);
    let recorded = dir.json(&[
        "participation",
        "record",
        "1",
        "--kind",
        "contribution",
        "--at",
        "2026-01-05 00:00",
        "--asset",
        "BTC",
        "--decimals",
        "8",
        "--amount",
        "0.015",
        "--from",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "--to",
        "Exchange",
    ]);
    assert_eq!(recorded["entries"][0]["amount"]["baseUnits"], "1500000");
    assert_eq!(
        dir.error_code(&[
            "participation",
            "record",
            "1",
            "--kind",
            "contribution",
            "--at",
            "2026-01-05 00:00",
            "--asset",
            "BTC",
            "--decimals",
            "8",
            "--amount",
            "-1",
        ]),
        (1, "invalid_amount".to_owned())
    );
    assert_eq!(
        dir.json(&["participation", "show", "1"])["entries"]
            .as_array()
            .expect("entries")
            .len(),
        1
    );
    // The list is a summary (steps, the last one's time); `show` has the rest and lists
    // the entries (a ledger can be long).
    let listed = &dir.json(&["participation", "list"])[0];
    assert_eq!(listed["steps"], 1);
    assert_eq!(listed["lastStepAt"], "2026-01-05T00:00:00Z");
    assert!(
        listed.get("entries").is_none() && listed.get("history").is_none(),
        "{listed}"
    );
    assert_eq!(dir.json(&["participation", "show", "1"])["entryCount"], 1);
}

#[test]
fn a_sale_is_researched_one_change_at_a_time_from_the_command_line() {
    let dir = DataDir(tempfile::tempdir().expect("temp dir"));
    add_sale(&dir);
    for (factor, score) in [
        ("whitepaper", "4"),
        ("roadmap", "3"),
        ("market_potential", "4"),
        ("token_economics", "3"),
    ] {
        dir.json(&[
            "diligence",
            "score",
            "1",
            "--factor",
            factor,
            "--score",
            score,
        ]);
    }
    let scored = dir.json(&[
        "diligence",
        "score",
        "1",
        "--factor",
        "team",
        "--score",
        "2",
        "--notes",
        "Two founders named; no track record.",
        "--evidence",
        "https://aurora.example/team",
    ]);
    assert_eq!(scored["grade"]["letter"], "C", "16 of 25 = 64 points");
    assert_eq!(scored["grade"]["points"], 64);
    let team = &scored["factors"][2];
    assert_eq!(team["factor"], "team");
    assert_eq!(team["evidence"][0], "https://aurora.example/team");

    let notes_kept = dir.json(&[
        "diligence",
        "score",
        "1",
        "--factor",
        "team",
        "--score",
        "3",
    ]);
    assert_eq!(
        notes_kept["factors"][2]["notes"],
        "Two founders named; no track record."
    );
    assert_eq!(
        notes_kept["factors"][2]["evidence"][0],
        "https://aurora.example/team"
    );

    let flagged = dir.json(&["diligence", "flag", "1", "anonymous_or_inexperienced_team"]);
    assert_eq!(flagged["grade"]["points"], 58);
    let lowered = dir.json(&[
        "diligence",
        "flag",
        "1",
        "anonymous_or_inexperienced_team",
        "--clear",
    ]);
    assert_eq!(lowered["grade"]["points"], 68);

    dir.json(&["settings", "--country", "us"]);
    let excluded = dir.json(&["diligence", "jurisdictions", "1", "--excluded", "US, CN"]);
    assert_eq!(excluded["jurisdiction"]["kind"], "excluded");

    let paper = dir.0.path().join("aurora.pdf");
    std::fs::write(&paper, b"abc").expect("write");
    let fingerprinted = dir.json(&[
        "diligence",
        "whitepaper",
        "1",
        paper.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        fingerprinted["whitepapers"][0]["sha256"],
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );

    for (args, code) in [
        (
            &[
                "diligence",
                "score",
                "1",
                "--factor",
                "vibes",
                "--score",
                "3",
            ][..],
            "invalid_choice",
        ),
        (
            &[
                "diligence",
                "score",
                "1",
                "--factor",
                "team",
                "--score",
                "9",
            ],
            "invalid_score",
        ),
        (&["diligence", "flag", "1", "moon_soon"], "invalid_choice"),
        (
            &["diligence", "flag", "1", "moon_soon", "--clear"],
            "invalid_choice",
        ),
        (
            &["diligence", "jurisdictions", "1", "--eligible", "Narnia"],
            "unknown_country",
        ),
        (
            &["diligence", "whitepaper", "1", "/nonexistent/wp.pdf"],
            "file_unreadable",
        ),
        (&["diligence", "show", "9"], "sale_not_found"),
        (&["settings", "--country", "XX"], "unknown_country"),
    ] {
        assert_eq!(dir.error_code(args), (1, code.to_owned()), "{args:?}");
    }
    let unchanged = dir.json(&["diligence", "show", "1"]);
    assert_eq!(
        unchanged["factors"][2]["score"], 3,
        "refusals changed nothing"
    );
    assert_eq!(dir.json(&["settings"])["residenceCountry"]["code"], "US");
}

#[test]
fn kyc_details_and_a_refund_deadline_from_the_command_line() {
    let dir = DataDir(tempfile::tempdir().expect("temp dir"));
    add_sale(&dir);
    dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--at",
        "2025-12-20 10:00",
    ]);
    dir.json(&[
        "participation",
        "move",
        "1",
        "--to",
        "kyc_pending",
        "--at",
        "2025-12-21 10:00",
    ]);
    let kept = dir.json(&[
        "participation",
        "kyc",
        "1",
        "--provider",
        "Fractal ID",
        "--submitted",
        "2025-12-21 10:30",
        "--reference",
        "FRC-1",
    ]);
    assert_eq!(kept["kyc"]["status"], "pending");
    let noted = dir.json(&["participation", "kyc", "1", "--notes", "waiting"]);
    assert_eq!(noted["kyc"]["details"]["provider"], "Fractal ID", "kept");
    assert_eq!(noted["kyc"]["details"]["notes"], "waiting");
    assert_eq!(
        dir.error_code(&["participation", "kyc", "1", "--submitted", "yesterday"]),
        (1, "invalid_datetime".to_owned())
    );
    assert_eq!(
        dir.error_code(&[
            "participation",
            "refund-deadline",
            "1",
            "--at",
            "2027-01-31 23:59"
        ]),
        (1, "illegal_transition".to_owned()),
        "no refund is due"
    );
    for to in [
        "kyc_approved",
        "contributed",
        "soft_cap_missed",
        "refund_due",
    ] {
        dir.json(&[
            "participation",
            "move",
            "1",
            "--to",
            to,
            "--at",
            "2026-01-20 10:00",
        ]);
    }
    let set = dir.json(&[
        "participation",
        "refund-deadline",
        "1",
        "--at",
        "2099-01-31 23:59",
    ]);
    assert_eq!(set["refundDeadline"], "2099-01-31T23:59:00Z");
    let calendar = dir.json(&["calendar", "--to", "2099-12-31 00:00"]);
    assert!(
        calendar
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["kind"] == "refund_deadline" && e["at"] == "2099-01-31T23:59:00Z"),
        "{calendar}"
    );
}

/// A step or an address recorded without its time says which moment it kept.
#[test]
fn a_time_left_out_is_said_with_the_moment_recorded() {
    let dir = DataDir::new();
    add_sale(&dir);
    let said = |args: &[&str]| {
        let output = dir.run_plain(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let started = said(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--at",
        "2026-01-02 10:00",
    ]);
    assert!(!started.contains("given"), "{started}");
    let moved = said(&["participation", "move", "1", "--to", "registered"]);
    let kept = dir.json(&["participation", "show", "1"]);
    let moment = kept["history"][1]["happenedAt"]
        .as_str()
        .expect("a time")
        .replacen('T', " ", 1)
        .replace('Z', " UTC");
    assert_eq!(
        moved.trim(),
        format!("No --at given: recorded at {moment}, when the command ran.")
    );

    let address = said(&[
        "address",
        "add",
        "--sale",
        "1",
        "--address",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "--kind",
        "website",
        "--source",
        "the project's site",
    ]);
    let seen = dir.json(&["address", "list", "--sale", "1"])[0]["sources"][0]["seenAt"]
        .as_str()
        .expect("a time")
        .replacen('T', " ", 1)
        .replace('Z', " UTC");
    assert_eq!(
        address.trim(),
        format!("No --seen given: recorded at {seen}, when the command ran.")
    );
}
