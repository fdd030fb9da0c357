//! Feeds arbitrary bytes through reading and both parsers: none of them may panic, loop or
//! overflow the stack, whatever the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade::parse::{Limits, parse_json, parse_yaml, source_from_bytes};

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_alias_nodes: 10_000, ..Limits::default() };
    if let Ok(file) = source_from_bytes("fuzz".into(), data.to_vec(), &limits) {
        let _ = parse_yaml(&file, &limits);
        let _ = parse_json(&file, &limits);
    }
});
