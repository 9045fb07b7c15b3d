//! CSV files as the user picks them: trades and a participation's entries, and price
//! history. Any bytes are previewed (every row checked as an import checks it) or
//! refused with a typed error; never a panic.
#![no_main]

mod data_folder;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let app = data_folder::saleguard();
    let _ = app.preview_csv(bytes);
    let _ = app.preview_price_history(bytes);
});
