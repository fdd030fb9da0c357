//! Arbitrary bytes through reading and the JSON parser: no panic, loop or stack overflow, and
//! every error located on a line of the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade::parse::{Limits, parse_json, source_from_bytes};

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    if let Ok(file) = source_from_bytes("fuzz.json".into(), data.to_vec(), &limits) {
        if let Err(e) = parse_json(&file, &limits) {
            assert!(e.line >= 1 && e.col >= 1, "{e}");
            assert!(e.line as usize <= file.line_count(), "{e}");
        }
    }
});
