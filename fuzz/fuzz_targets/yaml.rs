//! Arbitrary bytes through reading and the YAML parser, with a small alias budget so that
//! alias expansion is reached: no panic, loop or stack overflow, and every error located.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade::parse::{Limits, parse_yaml, source_from_bytes};

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_alias_nodes: 10_000, max_alias_bytes: 64 * 1024, ..Limits::default() };
    if let Ok(file) = source_from_bytes("fuzz.yaml".into(), data.to_vec(), &limits) {
        if let Err(e) = parse_yaml(&file, &limits) {
            assert!(e.line >= 1 && e.col >= 1, "{e}");
            assert!(e.line as usize <= file.line_count(), "{e}");
        }
    }
});
