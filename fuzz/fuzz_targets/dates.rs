//! Times as typed: any text is a UTC moment in the years 1970 to 9999 or a typed
//! error, and a moment written back (RFC 3339, and as the forms show it) reads back as
//! itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saleguard_core::timestamp::UtcTimestamp;

fuzz_target!(|text: &str| {
    if let Ok(moment) = UtcTimestamp::parse(text) {
        assert_eq!(
            UtcTimestamp::parse(&moment.to_rfc3339()),
            Ok(moment),
            "{text:?}"
        );
        let _ = moment.to_form_text();
        let _ = moment.add_months(12);
    }
});
