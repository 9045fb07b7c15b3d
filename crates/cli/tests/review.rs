//! `saleguard review`, `budget`, `price`, `address` and `policy` against a temporary
//! data directory.

use crate::common;

use common::{DataDir, add_sale};
use serde_json::Value;

const DESIGNATED: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const OWN: &str = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
const OTHER: &str = "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";

fn prepared() -> DataDir {
    let dir = DataDir::new();
    add_sale(&dir);
    for factor in [
        "whitepaper",
        "roadmap",
        "team",
        "market_potential",
        "token_economics",
    ] {
        dir.json(&[
            "diligence",
            "score",
            "1",
            "--factor",
            factor,
            "--score",
            "4",
        ]);
    }
    dir.json(&["diligence", "jurisdictions", "1", "--excluded", "US"]);
    dir.json(&["settings", "--country", "DE"]);
    dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--state",
        "kyc_approved",
        "--at",
        "2025-12-20 10:00",
    ]);
    dir.json(&[
        "address",
        "add",
        "--sale",
        "1",
        "--address",
        DESIGNATED,
        "--kind",
        "website",
        "--source",
        "the project's site",
        "--seen",
        "2025-12-01 00:00",
    ]);
    dir.json(&[
        "budget",
        "add",
        "--currency",
        "usd",
        "--year",
        "2026",
        "--total",
        "20000",
        "--cap",
        "8000",
        "--max-share",
        "40",
    ]);
    dir.json(&[
        "price",
        "add",
        "--asset",
        "ETH",
        "--currency",
        "USD",
        "--price",
        "3000",
        "--at",
        "2026-01-09 00:00",
    ]);
    dir
}

/// `review` of `amount` from the user's address to the designated one, then `extra`.
fn review_args<'a>(amount: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "review",
        "--sale",
        "1",
        "--from",
        OWN,
        "--to",
        DESIGNATED,
        "--amount",
        amount,
        "--at",
        "2026-01-10 10:00",
    ];
    args.extend_from_slice(extra);
    args
}

fn review(dir: &DataDir, amount: &str) -> (i32, Value) {
    let output = dir.run(&review_args(amount, &[]));
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), json)
}

/// `review` of 1 ETH to `to`: its exit status and JSON.
fn review_to(dir: &DataDir, to: &str) -> (i32, Value) {
    let mut args = review_args("1", &[]);
    args[6] = to;
    let output = dir.run(&args);
    let json = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    (output.status.code().unwrap_or(-1), json)
}

fn codes(review: &Value) -> Vec<&str> {
    review["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["code"].as_str().expect("code"))
        .collect()
}

#[test]
fn the_exit_status_says_whether_anything_blocks() {
    let dir = prepared();
    let (status, clear) = review(&dir, "1");
    assert_eq!(status, 0, "{clear}");
    assert_eq!(clear["verdict"], "clear");
    assert_eq!(codes(&clear), vec!["first_time_recipient"]);
    assert_eq!(clear["budget"]["usesPercent"], "15");

    let (status, blocked) = review(&dir, "12");
    assert_eq!(status, 1, "{blocked}");
    assert_eq!(blocked["verdict"], "blocked");
    for code in [
        "period_budget_exceeded",
        "sale_cap_exceeded",
        "diversification_exceeded",
    ] {
        assert!(
            codes(&blocked).contains(&code),
            "{code} in {:?}",
            codes(&blocked)
        );
    }

    let text = std::process::Command::new(assert_cmd::cargo::cargo_bin("saleguard"))
        .env_remove("SALEGUARD_DATA_DIR")
        .args(["--data-dir"])
        .arg(dir.0.path())
        .args([
            "review",
            "--sale",
            "1",
            "--from",
            OWN,
            "--to",
            DESIGNATED,
            "--amount",
            "12",
            "--at",
            "2026-01-10 10:00",
        ])
        .output()
        .expect("runs");
    let printed = String::from_utf8_lossy(&text.stdout);
    assert!(
        printed.contains("blocked: it cannot be signed as it is"),
        "{printed}"
    );
    assert!(
        printed.contains("[block] period_budget_exceeded"),
        "{printed}"
    );
}

#[test]
fn input_that_is_no_contribution_exits_2() {
    let dir = prepared();
    for (args, code) in [
        (
            vec![
                "review", "--sale", "1", "--from", OWN, "--to", DESIGNATED, "--amount", "abc",
            ],
            "invalid_amount",
        ),
        (
            vec![
                "review", "--sale", "9", "--from", OWN, "--to", DESIGNATED, "--amount", "1",
            ],
            "sale_not_found",
        ),
        (
            vec![
                "review", "--sale", "1", "--from", "7", "--to", DESIGNATED, "--amount", "1",
            ],
            "account_not_found",
        ),
        (
            vec![
                "review", "--sale", "1", "--from", OWN, "--to", DESIGNATED, "--amount", "1",
                "--at", "later",
            ],
            "invalid_datetime",
        ),
        (
            vec!["review", "--sale", "1", "--to", DESIGNATED, "--amount", "1"],
            "invalid_arguments",
        ),
    ] {
        assert_eq!(dir.error_code(&args), (2, code.to_owned()), "{args:?}");
    }
}

#[test]
fn budgets_prices_addresses_and_the_policy_from_the_command_line() {
    let dir = prepared();
    let budgets = dir.json(&["budget", "list"]);
    assert_eq!(budgets[0]["period"], "2026");
    assert_eq!(budgets[0]["currency"], "USD");
    assert_eq!(budgets[0]["maxSharePercent"], "40");
    assert_eq!(dir.json(&["price", "list"])[0]["price"], "3000");
    assert_eq!(
        dir.json(&["address", "list", "--sale", "1"])[0]["address"],
        DESIGNATED
    );
    let month = dir.json(&[
        "budget",
        "add",
        "--currency",
        "EUR",
        "--year",
        "2026",
        "--month",
        "2",
        "--total",
        "1000",
    ]);
    assert_eq!(month[0]["period"], "2026-02");
    assert_eq!(dir.json(&["budget", "rm", "2"])["removed"], 2);

    for (args, code) in [
        (
            vec![
                "budget",
                "add",
                "--currency",
                "XYZ",
                "--year",
                "2026",
                "--total",
                "10",
            ],
            "unknown_currency",
        ),
        (
            vec![
                "budget",
                "add",
                "--currency",
                "USD",
                "--year",
                "2026",
                "--total",
                "-10",
            ],
            "invalid_amount",
        ),
        (
            vec![
                "budget",
                "add",
                "--currency",
                "USD",
                "--year",
                "2026",
                "--month",
                "13",
                "--total",
                "10",
            ],
            "invalid_period",
        ),
        (
            vec![
                "budget",
                "add",
                "--currency",
                "USD",
                "--year",
                "2026",
                "--total",
                "10",
                "--max-share",
                "120",
            ],
            "invalid_percent",
        ),
        (vec!["budget", "rm", "42"], "budget_not_found"),
        (
            vec![
                "price",
                "add",
                "--asset",
                "ETH",
                "--currency",
                "USD",
                "--price",
                "0",
                "--at",
                "2026-01-01 00:00",
            ],
            "invalid_amount",
        ),
        (
            vec![
                "price",
                "add",
                "--asset",
                "ETH",
                "--currency",
                "USD",
                "--price",
                "1",
                "--at",
                "2999-01-01 00:00",
            ],
            "in_the_future",
        ),
        (
            vec![
                "address",
                "add",
                "--sale",
                "1",
                "--address",
                "0x12",
                "--kind",
                "website",
                "--source",
                "x",
            ],
            "invalid_address",
        ),
        (
            vec![
                "address",
                "add",
                "--sale",
                "9",
                "--address",
                DESIGNATED,
                "--kind",
                "website",
                "--source",
                "x",
            ],
            "sale_not_found",
        ),
        (vec!["policy", "--minimum-grade", "Z"], "invalid_choice"),
        (vec!["policy", "--block", "moon"], "invalid_choice"),
    ] {
        assert_eq!(dir.error_code(&args), (1, code.to_owned()), "{args:?}");
    }
    assert_eq!(
        dir.json(&["budget", "list"]).as_array().map(Vec::len),
        Some(1),
        "nothing added by a refusal"
    );

    let policy = dir.json(&[
        "policy",
        "--minimum-grade",
        "b",
        "--block",
        "no_third_party_audit",
    ]);
    assert_eq!(policy["minimumGrade"], "B");
    let kept = dir.json(&["policy", "--max-price-age-days", "3"]);
    assert_eq!(
        (
            kept["minimumGrade"].as_str(),
            kept["maxPriceAge"].as_str(),
            kept["maxPriceAgeUnit"].as_str()
        ),
        (Some("B"), Some("3"), Some("days"))
    );
    let hours = dir.json(&["policy", "--max-price-age-hours", "36"]);
    assert_eq!(
        (
            hours["maxPriceAge"].as_str(),
            hours["maxPriceAgeUnit"].as_str()
        ),
        (Some("36"), Some("hours"))
    );
    let shown = dir.run_plain(&["policy"]);
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains("Prices stay fresh     36 hours"),
        "{}",
        String::from_utf8_lossy(&shown.stdout)
    );
    let refused = dir.run_plain(&["policy", "--max-price-age-hours", "87601"]);
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("--max-price-age-hours: a whole number of hours from 0 to 87600"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(
        dir.json(&["policy", "--minimum-grade", "none"])["minimumGrade"],
        ""
    );
}

fn review_with_override(
    dir: &DataDir,
    amount: &str,
    chain: &str,
    reason: &str,
) -> std::process::Output {
    dir.run(&review_args(
        amount,
        &["--chain-id", chain, "--override", reason],
    ))
}

fn error_code_of(output: &std::process::Output) -> String {
    let error: Value = serde_json::from_slice(&output.stderr).expect("a JSON error");
    error["code"].as_str().expect("code").to_owned()
}

#[test]
fn an_override_with_a_reason_is_kept_and_listed_and_never_for_what_cannot_be_overridden() {
    let dir = prepared();
    let reason = "the team doubled the cap for early backers";

    let nothing = review_with_override(&dir, "1", "", reason);
    assert_eq!(nothing.status.code(), Some(2));
    assert_eq!(error_code_of(&nothing), "nothing_to_override");

    let short = review_with_override(&dir, "12", "", "why not");
    assert_eq!(short.status.code(), Some(2));
    assert_eq!(error_code_of(&short), "too_short");

    let never = review_with_override(&dir, "12", "137", reason);
    assert_eq!(never.status.code(), Some(1));
    assert_eq!(error_code_of(&never), "not_overridable");
    assert_eq!(dir.json(&["overrides"]), serde_json::json!([]));

    let kept = review_with_override(&dir, "12", "", reason);
    assert_eq!(
        kept.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&kept.stderr)
    );
    let history = dir.json(&["overrides", "--sale", "1"]);
    assert_eq!(history.as_array().map(Vec::len), Some(1), "{history}");
    assert_eq!(history[0]["reason"], reason);
    assert_eq!(history[0]["amount"], "12");
    assert!(
        codes(&history[0]).contains(&"period_budget_exceeded"),
        "{history}"
    );
}

#[test]
fn contacts_from_the_command_line() {
    let dir = DataDir::new();
    let friend = "0x52908400098527886E0F7030069857D2E4169EE7";
    let added = dir.json(&[
        "contact",
        "add",
        "--label",
        "Friend",
        "--address",
        friend,
        "--note",
        "shared",
    ]);
    assert_eq!(added[0]["label"], "Friend");
    assert_eq!(
        dir.error_code(&[
            "contact",
            "add",
            "--label",
            "friend",
            "--address",
            DESIGNATED
        ]),
        (1, "label_taken".to_owned())
    );
    assert_eq!(
        dir.error_code(&["contact", "add", "--label", "Other", "--address", "0x12"]),
        (1, "invalid_address".to_owned())
    );
    assert_eq!(dir.json(&["contact", "list"]), added);
    dir.json(&["contact", "rm", "1"]);
    assert_eq!(dir.json(&["contact", "list"]), serde_json::json!([]));
    assert_eq!(
        dir.error_code(&["contact", "rm", "1"]),
        (1, "contact_not_found".to_owned())
    );
}

#[test]
fn export_to_a_file_and_import_into_an_empty_folder_and_nothing_else() {
    let source = prepared();
    let printed = source.run(&["export"]);
    assert!(printed.status.success());
    let file = source.0.path().join("saleguard-export.json");
    let summary = source.json(&["export", "--output", file.to_str().expect("path")]);
    assert_eq!(
        std::fs::read(&file).expect("written"),
        printed.stdout,
        "the file and standard output hold the same document"
    );
    assert!(summary["tables"].as_array().is_some_and(|t| !t.is_empty()));

    let target = DataDir::new();
    let imported = target.json(&["import", file.to_str().expect("path")]);
    assert_eq!(imported["tables"], summary["tables"]);
    assert_eq!(target.run(&["export"]).stdout, printed.stdout);
    assert_eq!(
        target.error_code(&["import", file.to_str().expect("path")]),
        (1, "data_not_empty".to_owned())
    );

    let broken = source.0.path().join("broken.json");
    let text = String::from_utf8(printed.stdout).expect("UTF-8");
    std::fs::write(
        &broken,
        text.replace("\"chain_id\": 1,", "\"chain_id\": \"one\","),
    )
    .expect("write");
    let empty = DataDir::new();
    let refused = empty.run(&["import", broken.to_str().expect("path")]);
    assert_eq!(refused.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&refused.stderr).expect("JSON error");
    assert_eq!(error["code"], "import_refused");
    assert_eq!(
        error["invalidFields"][0]["field"],
        "$.tables.sales[0].chain_id"
    );
    assert_eq!(empty.json(&["sale", "list"]), serde_json::json!([]));
}

#[test]
fn a_budget_is_edited_in_place_and_a_refused_edit_changes_nothing() {
    let dir = prepared();
    let before = dir.json(&["budget", "list"]);
    let refused = dir.run_plain(&["budget", "edit", "1", "--total", "1x", "--cap", "-5"]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    assert!(stderr.contains("--total: not a number"), "{stderr}");
    assert!(stderr.contains("--cap:"), "{stderr}");
    assert_eq!(dir.json(&["budget", "list"]), before, "nothing changed");
    assert_eq!(
        dir.error_code(&["budget", "edit", "9", "--total", "1"]),
        (1, "budget_not_found".to_owned())
    );

    let (_, blocked) = review(&dir, "12");
    assert!(codes(&blocked).contains(&"period_budget_exceeded"));
    let edited = dir.json(&[
        "budget",
        "edit",
        "1",
        "--total",
        "50000",
        "--cap",
        "",
        "--max-share",
        "",
    ]);
    assert_eq!(edited[0]["id"], 1);
    assert_eq!(edited[0]["period"], "2026");
    assert_eq!(edited[0]["total"], "50000");
    assert_eq!(edited[0]["perSaleCap"], Value::Null);
    assert_eq!(edited[0]["maxSharePercent"], Value::Null);
    assert_eq!(edited[0]["input"]["total"], "50000");
    assert_eq!(
        dir.json(&["budget", "list"]).as_array().map(Vec::len),
        Some(1)
    );
    let (status, clear) = review(&dir, "12");
    assert_eq!(status, 0, "{clear}");
    assert_eq!(codes(&clear), vec!["first_time_recipient"]);

    let month = dir.json(&["budget", "edit", "1", "--month", "1"]);
    assert_eq!(month[0]["period"], "2026-01");
    let range = dir.json(&[
        "budget",
        "edit",
        "1",
        "--from",
        "2026-01-05 00:00",
        "--until",
        "2026-02-01 00:00",
        "--currency",
        "EUR",
    ]);
    assert_eq!(range[0]["period"], "2026-01-05 00:00 – 2026-02-01 00:00");
    assert_eq!(range[0]["currency"], "EUR");
    assert_eq!(range[0]["input"]["period"], "custom");
}

/// `address source add|list|rm` and `address retire`, and what the review makes of them.
#[test]
fn sources_are_added_listed_removed_and_an_address_retired_from_the_command_line() {
    let dir = prepared();
    let first = dir.json(&["address", "list", "--sale", "1"]);
    let id = first[0]["id"].as_i64().expect("an id").to_string();
    let added = dir.json(&[
        "address",
        "source",
        "add",
        &id,
        "--kind",
        "announcement",
        "--source",
        "https://t.me/aurora/7",
        "--seen",
        "2025-12-02 00:00",
        "--note",
        "pinned",
    ]);
    assert_eq!(added[0]["sources"].as_array().map(Vec::len), Some(2));
    let sources = dir.json(&["address", "source", "list", &id]);
    let kinds: Vec<&str> = sources
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(kinds, ["website", "announcement"]);
    let shown = dir.run_plain(&["address", "list", "--sale", "1"]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        text.contains("A source of the project's own vouches for it."),
        "{text}"
    );
    assert!(text.contains("https://t.me/aurora/7"), "{text}");

    // Seen only in a private message: the review blocks it (exit 1).
    let dm = dir.json(&[
        "address",
        "add",
        "--sale",
        "1",
        "--address",
        OTHER,
        "--kind",
        "private_message",
        "--source",
        "a DM from an \"admin\"",
    ]);
    let (status, review) = review_to(&dir, OTHER);
    assert_eq!(status, 1, "{review}");
    assert!(codes(&review).contains(&"private_message_only"), "{review}");
    assert!(
        codes(&review).contains(&"conflicting_official_addresses"),
        "{review}"
    );
    let dm_id = dm[0]["id"].as_i64().expect("an id").to_string();
    let refused = dir.run_plain(&["address", "retire", &dm_id, "--reason", "scam"]);
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("--reason:"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let retired = dir.json(&[
        "address",
        "retire",
        &dm_id,
        "--reason",
        "sent by an impostor in a DM",
    ]);
    assert_eq!(retired[0]["retiredReason"], "sent by an impostor in a DM");
    let (status, review) = review_to(&dir, DESIGNATED);
    assert!(
        !codes(&review).contains(&"conflicting_official_addresses"),
        "{review}"
    );
    assert_eq!(status, 0, "{review}");

    let source = added[0]["sources"][1]["id"]
        .as_i64()
        .expect("an id")
        .to_string();
    let left = dir.json(&["address", "source", "rm", &source]);
    assert_eq!(
        left["removed"].as_i64().map(|id| id.to_string()),
        Some(source.clone())
    );
    assert_eq!(
        dir.error_code(&["address", "source", "rm", &source]),
        (1, "source_not_found".to_owned())
    );
    assert_eq!(
        dir.error_code(&["address", "source", "list", "99"]),
        (1, "official_address_not_found".to_owned())
    );
    let policy = dir.json(&["policy", "--require-official-source", "yes"]);
    assert_eq!(policy["officialSourceRequired"], true);
}

#[test]
fn a_source_on_a_phishing_domain_blocks_the_review_and_shows_in_due_diligence() {
    let dir = prepared();
    let shown = dir.run_plain(&["diligence", "show", "1"]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        text.contains("none of the sale's links is on a phishing list"),
        "{text}"
    );
    let first = dir.json(&["address", "list", "--sale", "1"]);
    let id = first[0]["id"].as_i64().expect("an id").to_string();
    dir.json(&[
        "address",
        "source",
        "add",
        &id,
        "--kind",
        "announcement",
        "--source",
        "https://free-azuki.com/sale",
    ]);
    let (status, review) = review_to(&dir, DESIGNATED);
    assert_eq!(status, 1, "{review}");
    assert_eq!(
        codes(&review),
        ["scam_domain", "first_time_recipient"],
        "{review}"
    );
    let research = dir.json(&["diligence", "show", "1"]);
    assert_eq!(research["linkHits"][0]["entry"], "free-azuki.com");
    assert_eq!(research["linkHits"][0]["list"], "eth-phishing-detect 1.2.0");
    let shown = dir.run_plain(&["diligence", "show", "1"]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        text.contains(
            "[block] https://free-azuki.com/sale: free-azuki.com is on the list of phishing domains"
        ),
        "{text}"
    );
}

#[test]
fn scam_lists_are_imported_listed_and_removed_from_the_command_line() {
    let dir = prepared();
    let empty = dir.run_plain(&["scam-list", "list"]);
    assert!(
        String::from_utf8_lossy(&empty.stdout).contains("No lists imported"),
        "{}",
        String::from_utf8_lossy(&empty.stdout)
    );
    let file = dir.0.path().join("drainers.csv");
    std::fs::write(
        &file,
        format!("entry,note\n{OTHER},a drainer\nfree-aurora.example,\n"),
    )
    .expect("written");
    let imported = dir.json(&["scam-list", "import", file.to_str().expect("a path")]);
    assert_eq!(imported[0]["name"], "drainers", "named after the file");
    assert_eq!(imported[0]["addresses"], 1);
    assert_eq!(imported[0]["blockedDomains"], 1);
    let (status, review) = review_to(&dir, OTHER);
    assert_eq!(status, 1, "{review}");
    assert!(codes(&review).contains(&"scam_address"), "{review}");

    let bad = dir.0.path().join("bad.csv");
    std::fs::write(&bad, "entry\nnot a domain\n").expect("written");
    let refused = dir.run(&[
        "scam-list",
        "import",
        bad.to_str().expect("a path"),
        "--name",
        "bad",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&refused.stderr).expect("JSON");
    assert_eq!(error["code"], "import_refused");
    assert_eq!(error["invalidFields"][0]["field"], "row 2: entry");
    assert_eq!(
        dir.json(&["scam-list", "list"]).as_array().map(Vec::len),
        Some(1)
    );

    let id = imported[0]["id"].as_i64().expect("an id").to_string();
    assert_eq!(
        dir.json(&["scam-list", "rm", &id])["removed"],
        imported[0]["id"]
    );
    let (_, review) = review_to(&dir, OTHER);
    assert!(!codes(&review).contains(&"scam_address"), "{review}");
}

#[test]
fn a_list_from_a_web_address_is_imported_and_refreshed_from_the_command_line() {
    use saleguard_testkit::{PriceApiServer, Reply};
    let server = PriceApiServer::start([
        Reply::ok("entry,note\nfree-aurora.example,\n"),
        Reply::ok(format!("entry,note\n{OTHER},a drainer\n")),
        Reply::status(500, "down"),
    ]);
    let url = format!("{}/team/list.csv", server.base_url());
    let dir = prepared();
    let nameless = dir.run(&["scam-list", "import", "--url", &url]);
    assert_eq!(nameless.status.code(), Some(2), "a name is asked for");
    assert!(server.requests().is_empty());

    let imported = dir.json(&["scam-list", "import", "--url", &url, "--name", "Team"]);
    assert_eq!(imported[0]["url"], url.as_str());
    assert_eq!(imported[0]["blockedDomains"], 1);
    let (status, review) = review_to(&dir, OTHER);
    assert!(
        !codes(&review).contains(&"scam_address"),
        "{status} {review}"
    );

    let id = imported[0]["id"].as_i64().expect("an id").to_string();
    let refreshed = dir.json(&["scam-list", "refresh", &id]);
    assert_eq!(
        (
            refreshed[0]["addresses"].as_u64(),
            refreshed[0]["blockedDomains"].as_u64()
        ),
        (Some(1), Some(0))
    );
    let (status, review) = review_to(&dir, OTHER);
    assert_eq!(status, 1, "{review}");
    assert!(codes(&review).contains(&"scam_address"), "{review}");

    let down = dir.run(&["scam-list", "refresh", &id]);
    assert_eq!(down.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&down.stderr).expect("JSON");
    assert_eq!(error["code"], "download_failed");
    assert!(
        error["message"].as_str().is_some_and(|m| m.contains("500")),
        "{error}"
    );
    assert_eq!(dir.json(&["scam-list", "list"])[0]["addresses"], 1, "kept");
    assert_eq!(server.requests().len(), 3);
}
