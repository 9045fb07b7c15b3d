//! A refused input is named by what the user typed: `--at`, not the app's `observedAt`.
//! Every command with options that the app checks is run once with bad values, and each
//! problem on standard error must name the option.

use crate::common;

use common::{DataDir, add_sale};

const ADDRESS: &str = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

/// The names before each problem's message: `error[code]: NAME: message`.
fn named(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("also ").or(Some(line)))
        .filter_map(|line| line.strip_prefix("error["))
        .filter_map(|rest| rest.split_once("]: "))
        .filter_map(|(_, message)| message.split_once(": "))
        .map(|(name, _)| name.to_owned())
        .collect()
}

#[test]
fn every_refused_option_is_named_as_it_was_typed() {
    let dir = DataDir::new();
    add_sale(&dir);
    dir.json(&[
        "participation",
        "start",
        "--sale",
        "1",
        "--state",
        "researching",
    ]);
    dir.json(&["account", "import", "--label", "Main", "--watch", ADDRESS]);
    let cases: &[(&[&str], &[&str])] = &[
        (
            &[
                "price",
                "add",
                "--asset",
                "ETH",
                "--currency",
                "USDX",
                "--price",
                "x",
                "--at",
                "soon",
            ],
            &["--currency", "--price", "--at"],
        ),
        (
            &[
                "budget",
                "add",
                "--currency",
                "USD",
                "--year",
                "2026",
                "--total",
                "1x",
                "--cap",
                "1y",
                "--max-share",
                "200",
            ],
            &["--total", "--cap", "--max-share"],
        ),
        (
            &[
                "budget",
                "add",
                "--currency",
                "XXXX",
                "--year",
                "20x",
                "--total",
                "100",
            ],
            &["--currency", "--year"],
        ),
        (
            &[
                "budget",
                "add",
                "--currency",
                "USD",
                "--year",
                "2026",
                "--month",
                "13",
                "--total",
                "100",
            ],
            &["--month"],
        ),
        (
            &[
                "address",
                "add",
                "--sale",
                "1",
                "--address",
                "0x12",
                "--kind",
                "website",
                "--source",
                "",
                "--seen",
                "x",
            ],
            &["--address", "--source", "--seen"],
        ),
        (
            &["policy", "--max-price-age-days", "x"],
            &["--max-price-age-days"],
        ),
        (
            &["policy", "--max-price-age-hours", "1.5"],
            &["--max-price-age-hours"],
        ),
        (&["policy", "--minimum-grade", "Z"], &["--minimum-grade"]),
        (&["sale", "edit", "1", "--rate", "x"], &["--rate"]),
        (&["policy", "--block", "nope"], &["--block"]),
        (
            &["contact", "add", "--label", "", "--address", "0x1"],
            &["--label", "--address"],
        ),
        (&["settings", "--country", "XX"], &["--country"]),
        (
            &[
                "trade",
                "add",
                "--kind",
                "buy",
                "--at",
                "x",
                "--asset",
                "ETH",
                "--decimals",
                "18",
                "--amount",
                "1",
                "--price",
                "1x",
                "--currency",
                "USD",
                "--fee",
                "x",
                "--fee-currency",
                "USD",
            ],
            &["--at", "--price", "--fee"],
        ),
        (
            &[
                "review",
                "--sale",
                "1",
                "--from",
                ADDRESS,
                "--to",
                ADDRESS,
                "--amount",
                "1",
                "--chain-id",
                "1",
                "--at",
                "x",
            ],
            &["--at"],
        ),
        (
            &[
                "participation",
                "move",
                "1",
                "--to",
                "registered",
                "--at",
                "x",
            ],
            &["--at"],
        ),
        (
            &[
                "participation",
                "record",
                "1",
                "--kind",
                "contribution",
                "--at",
                "x",
                "--asset",
                "ETH",
                "--decimals",
                "18",
                "--amount",
                "x",
            ],
            &["--at", "--amount"],
        ),
        (
            &["participation", "kyc", "1", "--submitted", "x"],
            &["--submitted"],
        ),
        (
            &["participation", "refund-deadline", "1", "--at", "x"],
            &["--at"],
        ),
        (
            &[
                "participation",
                "vesting",
                "1",
                "--tokens",
                "x",
                "--tge",
                "x",
                "--at-tge",
                "200",
                "--cliff",
                "x",
                "--months",
                "x",
            ],
            &["--tokens", "--tge", "--at-tge", "--cliff", "--months"],
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
            &["--score"],
        ),
        (
            &["diligence", "jurisdictions", "1", "--eligible", "XX"],
            &["--eligible"],
        ),
        (
            &[
                "network",
                "set",
                "--chain-id",
                "1",
                "--symbol",
                "",
                "--decimals",
                "x",
                "--rpc-url",
                "ftp://x",
                "--no-check",
            ],
            &["--symbol", "--decimals", "--rpc-url"],
        ),
        (
            &[
                "action",
                "add",
                "--sale",
                "1",
                "--name",
                "",
                "--purpose",
                "other",
                "--contract",
                "0x1",
                "--source",
                "",
                "--call",
                "f(",
            ],
            &["--name", "--contract", "--call"],
        ),
        (
            &[
                "sale",
                "add",
                "--name",
                "",
                "--symbol",
                "A B",
                "--decimals",
                "99",
                "--chain-id",
                "0",
                "--address",
                "0x1",
                "--start",
                "x",
                "--end",
                "y",
                "--min",
                "-1",
            ],
            &[
                "--name",
                "--symbol",
                "--decimals",
                "--chain-id",
                "--address",
                "--currency-symbol",
                "--start",
                "--end",
            ],
        ),
        (&["account", "rename", "1", "--label", ""], &["--label"]),
        (&["calendar", "--from", "x", "--to", "y"], &["--from"]),
    ];
    for (args, expected) in cases {
        let output = dir.run_plain(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} was accepted");
        let names = named(&stderr);
        for option in *expected {
            assert!(
                names.iter().any(|name| name == option),
                "{args:?}: {option} is not named in\n{stderr}"
            );
        }
        for name in names.iter().filter(|name| !name.contains(' ')) {
            assert!(
                name.starts_with("--"),
                "{args:?}: {name:?} is not an option\n{stderr}"
            );
        }
    }
}
