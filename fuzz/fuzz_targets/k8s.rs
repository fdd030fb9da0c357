//! Arbitrary bytes after a Kubernetes manifest's header, scanned through the loader and every
//! rule. A panic (which the scan would turn into an internal-error diagnostic) aborts.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("{info}");
            std::process::abort();
        }))
    });
    let Ok(body) = std::str::from_utf8(data) else { return };
    let text = format!("apiVersion: apps/v1\nkind: Deployment\n{body}");
    let Ok(report) = scan_source(SourceFile::new("fuzz.yaml", text), &ScanOptions::default()) else { return };
    for d in &report.diagnostics {
        assert!(!d.to_string().contains("internal error"), "{d}");
    }
});
