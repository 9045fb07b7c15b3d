//! The udev rules the Linux packages install (packaging/linux) give the person at the
//! computer access to every device Saleguard opens, both as a USB device (libusb: a
//! Trezor over WebUSB) and as a hidraw node (HID: a Ledger, a Trezor Model One), and are
//! written the way udev reads them.

use std::collections::BTreeMap;

const RULES: &str = include_str!("../../../packaging/linux/70-saleguard-hardware-wallets.rules");

/// One rule: its `KEY` (with the operator) → value pairs.
type Rule = BTreeMap<String, String>;

/// Parses the rules as udev does for what they use: `KEY=="v"`, `KEY="v"`, `KEY+="v"`,
/// separated by commas; every other line empty or a comment. A line udev would not
/// read fails here with its number.
fn rules() -> Vec<Rule> {
    let mut rules = Vec::new();
    for (number, line) in RULES.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut rule = Rule::new();
        for pair in line.split(", ") {
            let (key, value) = ["==", "+=", "="]
                .iter()
                .find_map(|operator| {
                    let (key, value) = pair.split_once(operator)?;
                    Some((format!("{key}{operator}"), value))
                })
                .unwrap_or_else(|| panic!("line {}: no operator in {pair:?}", number + 1));
            assert!(
                key.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "{}+=".contains(c)),
                "line {}: key {key:?}",
                number + 1
            );
            let value = value
                .strip_prefix('"')
                .and_then(|value| value.strip_suffix('"'))
                .filter(|value| !value.contains('"'))
                .unwrap_or_else(|| panic!("line {}: unquoted value {value:?}", number + 1));
            assert!(
                rule.insert(key.clone(), value.to_owned()).is_none(),
                "line {}: {key} twice",
                number + 1
            );
        }
        rules.push(rule);
    }
    rules
}

fn id(value: u16) -> String {
    format!("{value:04x}")
}

/// The rules matching `vendor` (and `product`, when given) on the USB device or its
/// hidraw node: `usb` or `hidraw`.
fn granting(rules: &[Rule], node: &str, vendor: u16, product: Option<u16>) -> usize {
    rules
        .iter()
        .filter(|rule| match node {
            "usb" => rule.get("SUBSYSTEM==").map(String::as_str) == Some("usb"),
            _ => rule.get("KERNEL==").map(String::as_str) == Some("hidraw*"),
        })
        .filter(|rule| {
            // On the USB device its own attributes; on a hidraw node, a parent's.
            let attr = if node == "usb" { "ATTR" } else { "ATTRS" };
            rule.get(&format!("{attr}{{idVendor}}==")) == Some(&id(vendor))
                && product.is_none_or(|product| {
                    rule.get(&format!("{attr}{{idProduct}}==")) == Some(&id(product))
                })
        })
        .filter(|rule| {
            rule.get("TAG+=").map(String::as_str) == Some("uaccess")
                && rule.get("MODE=").map(String::as_str) == Some("0660")
        })
        .count()
}

#[test]
fn every_device_saleguard_opens_is_granted_to_the_user_at_the_computer() {
    let rules = rules();
    let (trezor_vendor, trezor_product) = saleguard_hardware::trezor::USB_ID;
    let devices = [
        (
            "Ledger, every model",
            saleguard_hardware::ledger::USB_VENDOR,
            None,
        ),
        ("Trezor over WebUSB", trezor_vendor, Some(trezor_product)),
        ("Trezor bootloader", 0x1209, Some(0x53c0)),
        ("Trezor Model One", 0x534c, Some(0x0001)),
    ];
    for (device, vendor, product) in devices {
        for node in ["usb", "hidraw"] {
            assert_eq!(
                granting(&rules, node, vendor, product),
                1,
                "{device} ({}:{}) as {node}: one rule with uaccess and mode 0660",
                id(vendor),
                product.map(id).unwrap_or_else(|| "*".into())
            );
        }
    }
    // Nothing else: the rules grant these devices and no other.
    assert_eq!(rules.len(), devices.len() * 2, "{rules:#?}");
}

#[test]
fn the_rules_run_before_logind_applies_uaccess() {
    // 73-seat-late.rules turns the uaccess tag into an ACL: a later file's tag is lost.
    let installed = "70-saleguard-hardware-wallets.rules";
    assert!(installed < "73-seat-late.rules");
    let config = include_str!("../../../src-tauri/tauri.conf.json");
    let destination = format!("\"/usr/lib/udev/rules.d/{installed}\"");
    assert_eq!(
        config.matches(&destination).count(),
        2,
        "the .deb and the .rpm each install {installed}"
    );
}
