//! An export as a file could say it: any text is checked as an import checks it (the
//! document, then a scratch database with every read run over it) and is either
//! restorable or refused with every problem; never a panic.
#![no_main]

mod data_folder;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = data_folder::saleguard().check_export(text);
});
