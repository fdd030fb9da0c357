//! Builds CloudFormation templates from CloudFormation's constructs (see `cfn_gen.rs`) and
//! scans them through the library: evaluation, lowering and every rule. An internal error
//! (a panic, which the scan would turn into a diagnostic) aborts, so libFuzzer reports it;
//! a stack overflow or a hang is reported by libFuzzer itself.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;

#[path = "../cfn_gen.rs"]
mod cfn_gen;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("{info}");
            std::process::abort();
        }))
    });
    let text = cfn_gen::template(data);
    let report = scan_source(SourceFile::new("fuzz.json", text), &ScanOptions::default()).unwrap();
    for d in &report.diagnostics {
        let msg = d.to_string();
        assert!(!msg.contains("internal error") && !msg.contains("cannot parse"), "{msg}");
    }
});
