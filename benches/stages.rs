//! Times the stages of a scan of real directories, in process, against the parsing floor:
//! discover; read and parse every file (on the thread pool, as the scan does); the whole scan
//! (discover → parse → lower → rules → filter); rendering as JSON; freeing the results.
//! Medians of several runs.
//!
//! cargo bench --bench stages -- ../shared/corpus/cfn ../shared/corpus/k8s
//!
//! `RUNS` sets the number of runs (default 15). Run it with `RAYON_NUM_THREADS=1` too: the
//! ratio of the two is how well each stage uses the cores.

use std::path::PathBuf;
use std::time::{Duration, Instant};

// The same allocator as the command line.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use palisade::discover::{self, DiscoverOptions};
use palisade::parse::{self, Limits};
use palisade::report::{Format, RenderOptions, filtered};
use palisade::scan::{self, ScanOptions};
use palisade::source::SourceFile;
use rayon::prelude::*;

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1e3
}

/// Times `f` `runs` times; returns the median in milliseconds and the last result.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        drop(last.take());
        let t = Instant::now();
        let v = f();
        times.push(t.elapsed());
        last = Some(v);
    }
    (median(times), last.expect("ran at least once"))
}

fn is_json(src: &SourceFile) -> bool {
    match src.path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("json") => true,
        Some("yaml" | "yml") => false,
        _ => src.text.trim_start().starts_with('{'),
    }
}

fn main() {
    let mut dirs: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if dirs.is_empty() {
        dirs = vec!["../shared/corpus/cfn".into(), "../shared/corpus/k8s".into()];
    }
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(15).max(1);
    println!("{} threads, median of {runs} runs, milliseconds", rayon::current_num_threads());
    println!(
        "{:<10} {:>6} {:>9} {:>6} {:>11} {:>9} {:>6} {:>9} {:>6}",
        "corpus", "files", "discover", "read", "read+parse", "scan", "json", "free", "total"
    );
    let limits = Limits::default();
    for dir in dirs {
        if !std::path::Path::new(&dir).exists() {
            eprintln!("skipping {dir}: not found");
            continue;
        }
        let paths = vec![PathBuf::from(&dir)];
        let (t_discover, (files, _)) = time(runs, || discover::discover(&paths, &DiscoverOptions::default()));
        let (t_read, _) = time(runs, || {
            files.par_iter().filter_map(|f| parse::read_source(&f.path, f.path.clone(), &limits).ok()).count()
        });
        let (t_parse, _) = time(runs, || {
            files
                .par_iter()
                .filter_map(|f| parse::read_source(&f.path, f.path.clone(), &limits).ok())
                .map(|src| {
                    if is_json(&src) {
                        usize::from(parse::parse_json(&src, &limits).is_ok())
                    } else {
                        parse::parse_yaml(&src, &limits).map_or(0, |d| d.len())
                    }
                })
                .sum::<usize>()
        });
        let opts = ScanOptions { paths: paths.clone(), ..ScanOptions::default() };
        let mut scans = Vec::with_capacity(runs);
        let mut renders = Vec::with_capacity(runs);
        let mut frees = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let scanned = scan::scan_detailed(&opts).expect("the scan runs");
            scans.push(t.elapsed());
            let t = Instant::now();
            let out = filtered::render(&scanned, None, Format::Json, &RenderOptions::default());
            renders.push(t.elapsed());
            let t = Instant::now();
            drop(scanned);
            drop(out);
            frees.push(t.elapsed());
        }
        let (t_scan, t_json, t_free) = (median(scans), median(renders), median(frees));
        let name = dir.trim_end_matches('/').rsplit('/').next().unwrap_or(&dir).to_string();
        println!(
            "{:<10} {:>6} {:>9.1} {:>6.1} {:>11.1} {:>9.1} {:>6.1} {:>9.1} {:>6.1}",
            name,
            files.len(),
            t_discover,
            t_read,
            t_parse,
            t_scan,
            t_json,
            t_free,
            t_scan + t_json + t_free
        );
    }
    println!("(scan includes discover, read and parse; read+parse includes read)");
}
