//! `saleguard action`: a sale's actions, checked whole, against a real data folder.

use crate::common;

use common::{DataDir, add_sale};

#[test]
fn a_sales_actions_are_added_edited_listed_and_removed() {
    let dir = DataDir::new();
    add_sale(&dir);
    assert_eq!(
        dir.json(&["action", "list", "--sale", "1"]),
        serde_json::json!([])
    );
    let proof = "[0x1111111111111111111111111111111111111111111111111111111111111111]";
    let added = dir.json(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "Claim from the distributor",
        "--purpose",
        "claim_tokens",
        "--contract",
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "--source",
        "the project's claim page",
        "--call",
        "claim(uint256 index, address account, uint256 amount, bytes32[] proof)",
        "--arg",
        "4",
        "--arg",
        "{account}",
        "--arg",
        "{token_amount}",
        "--arg",
        proof,
    ]);
    assert_eq!(
        added[0]["canonicalSignature"],
        "claim(uint256,address,uint256,bytes32[])"
    );
    assert_eq!(added[0]["arguments"][3]["type"], "bytes32[]");
    assert_eq!(added[0]["needsTokenAmount"], true);
    let id = added[0]["id"].as_i64().expect("id").to_string();

    // A literal of the wrong type is refused at its argument, naming it; nothing changes.
    let output = dir.run(&[
        "action",
        "edit",
        &id,
        "--arg",
        "four",
        "--arg",
        "{account}",
        "--arg",
        "{token_amount}",
        "--arg",
        proof,
    ]);
    assert_eq!(output.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&output.stderr).expect("JSON");
    assert_eq!(error["code"], "invalid_argument");
    assert_eq!(error["field"], "arguments.0");
    assert!(
        error["message"]
            .as_str()
            .expect("text")
            .contains("index (uint256)"),
        "{error}"
    );
    let edited = dir.json(&["action", "edit", &id, "--name", "Claim tokens"]);
    assert_eq!(edited[0]["name"], "Claim tokens");
    assert_eq!(edited[0]["arguments"][0]["value"], "4", "the rest stays");

    let (status, code) = dir.error_code(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "Claim again",
        "--purpose",
        "claim_tokens",
        "--call",
        "claim()",
    ]);
    assert_eq!((status, code.as_str()), (1, "action_exists"));
    let (status, code) = dir.error_code(&[
        "action",
        "add",
        "--sale",
        "1",
        "--name",
        "X",
        "--purpose",
        "sell",
    ]);
    assert_eq!((status, code.as_str()), (2, "invalid_arguments"));

    let text = std::process::Command::new(env!("CARGO_BIN_EXE_saleguard"))
        .env_remove("SALEGUARD_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.0.path())
        .args(["action", "list", "--sale", "1"])
        .output()
        .expect("runs");
    let printed = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(printed.contains("Claim tokens"), "{printed}");
    assert!(
        printed.contains("as published on the project's claim page"),
        "{printed}"
    );

    let (status, code) = dir.error_code(&["action", "rm", &id]);
    assert_eq!(
        (status, code.as_str()),
        (1, "confirmation_required"),
        "no terminal here, no --yes"
    );
    dir.json(&["action", "rm", &id, "--yes"]);
    assert_eq!(
        dir.json(&["action", "list", "--sale", "1"]),
        serde_json::json!([])
    );
}
