//! Amounts as typed: any text at any decimals parses to exact base units or a typed
//! error, and what parses formats back to the same base units.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saleguard_core::amount::{
    MAX_DECIMALS, format_amount, parse_amount, parse_base_units, plain_number,
};
use saleguard_core::vesting::BasisPoints;

fuzz_target!(|input: (u8, &str)| {
    let (decimals, text) = input;
    let decimals = decimals % (MAX_DECIMALS + 1);
    if let Ok(value) = parse_amount(text, decimals) {
        assert!(
            plain_number(text).is_ok(),
            "{text:?} parsed outside the grammar"
        );
        let shown = format_amount(value, decimals);
        assert_eq!(
            parse_amount(&shown, decimals),
            Ok(value),
            "{text:?} → {shown:?}"
        );
    }
    if let Ok(value) = parse_base_units(text) {
        assert_eq!(parse_base_units(&value.to_string()), Ok(value));
    }
    if let Ok(share) = BasisPoints::parse_percent(text) {
        assert!(share.get() <= 10_000, "{text:?} is more than 100 %");
    }
});
