//! The HCL fuzz target's generator (`fuzz/hcl_gen.rs`) over fixed seeds: every configuration
//! it writes parses and is evaluated without an internal error and in bounded time.

use std::path::Path;
use std::time::{Duration, Instant};

use palisade::diagnostic::DiagnosticKind;
use palisade::lower::tf::hcl::{Evaluated, Options, evaluate_root};

#[path = "../fuzz/hcl_gen.rs"]
mod hcl_gen;

/// Writes the files of a generated configuration under `dir` (emptied first).
fn write(dir: &Path, files: &[(String, String)]) {
    let _ = std::fs::remove_dir_all(dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
}

fn bytes(seed: u64, len: usize) -> Vec<u8> {
    // xorshift64*.
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

fn evaluate(dir: &Path, text: &str) -> Evaluated {
    let start = Instant::now();
    let ev = evaluate_root(dir, dir, &Options::default());
    assert!(start.elapsed() < Duration::from_secs(5), "took {:?}:\n{text}", start.elapsed());
    for d in &ev.diagnostics {
        assert!(d.kind != DiagnosticKind::Parse, "{d}\n{text}");
        assert!(!d.message.en().contains("could not be evaluated"), "{d}\n{text}");
    }
    ev
}

#[test]
fn generated_configurations() {
    let seeds: u64 = std::env::var("PALISADE_GEN_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("root");
    let (mut resources, mut cycles, mut modules, mut unsupported) = (0, 0, 0, 0);
    for seed in 0..seeds {
        let files = hcl_gen::configuration(&bytes(seed, 768));
        write(&dir, &files);
        let text: String = files.iter().map(|(p, t)| format!("# {p}\n{t}")).collect();
        let ev = evaluate(&dir, &text);
        resources += ev.resources.len();
        modules += ev.resources.iter().filter(|r| r.address.starts_with("module.")).count();
        let said = |part: &str| ev.diagnostics.iter().filter(|d| d.message.en().contains(part)).count();
        cycles += said("depends on itself") + said("calls itself");
        unsupported += said("is not supported");
    }
    // The generator reaches resources (in called modules too), cycles and unsupported calls.
    assert!(
        resources > 0 && modules > 0 && cycles > 0 && unsupported > 0,
        "{resources} resources, {modules} in modules, {cycles} cycles, {unsupported} unsupported"
    );
}
