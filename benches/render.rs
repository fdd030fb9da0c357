//! Times each report format on the findings of real scans, in process: the scan runs once per
//! directory, then every format is rendered several times (median shown, per finding too).
//!
//! cargo bench --bench render -- ../shared/corpus/cfn ../shared/corpus/k8s
//!
//! `RUNS` sets the number of renderings per format (default 15); `RAYON_NUM_THREADS=1` measures
//! the renderers on one thread.

use std::path::PathBuf;
use std::time::{Duration, Instant};

// The same allocator as the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::ValueEnum;
use palisade::report::{Format, RenderOptions, filtered};
use palisade::scan::{self, ScanOptions};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let mut dirs: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        dirs = vec!["../shared/corpus/cfn".into(), "../shared/corpus/k8s".into()];
    }
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(15).max(1);
    println!(
        "{:<28} {:>8} {:>9} {:>10} {:>11} {:>10}",
        "corpus / format", "findings", "scan ms", "render ms", "µs/finding", "output KB"
    );
    for dir in dirs {
        if !std::path::Path::new(&dir).exists() {
            eprintln!("skipping {dir}: not found");
            continue;
        }
        let opts = ScanOptions { paths: vec![PathBuf::from(&dir)], ..ScanOptions::default() };
        let t = Instant::now();
        let scanned = scan::scan_detailed(&opts).expect("the scan runs");
        let scan_time = t.elapsed();
        let n = scanned.report.findings.len();
        let name = dir.trim_end_matches('/').rsplit('/').next().unwrap_or(&dir).to_string();
        println!("{:<28} {:>8} {:>9.1}", name, n, scan_time.as_secs_f64() * 1e3);
        for format in Format::value_variants() {
            let label = format.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
            let ropts = RenderOptions::default();
            let mut size = 0;
            let times: Vec<Duration> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let out = filtered::render(&scanned, None, *format, &ropts);
                    let elapsed = t.elapsed();
                    size = out.len();
                    drop(out);
                    elapsed
                })
                .collect();
            let m = median(times);
            println!(
                "{:<28} {:>8} {:>9} {:>10.2} {:>11.2} {:>10}",
                format!("  {label}"),
                "",
                "",
                m.as_secs_f64() * 1e3,
                m.as_secs_f64() * 1e6 / n.max(1) as f64,
                size / 1024
            );
        }
    }
}
