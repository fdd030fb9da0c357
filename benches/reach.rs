//! Times the reachability analysis on templates given as arguments (make them with
//! `scripts/gen-network-template.py`): parse, lower and analysis separately, best of 5.
//!
//! cargo bench --bench reach -- /tmp/net-quarter.yaml /tmp/net-half.yaml /tmp/net-full.yaml

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use palisade::analyze::reach;
use palisade::lower::cfn::{self, Evaluator, Template};
use palisade::parse::{self, Limits};
use palisade::source::SourceFile;

fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    (best, out.expect("ran"))
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    if paths.is_empty() {
        eprintln!("usage: cargo bench --bench reach -- TEMPLATE...");
        return;
    }
    println!(
        "{:<28} {:>9} {:>9} {:>9} {:>9} {:>10} {:>7}",
        "template", "resources", "parse", "lower", "analysis", "per-res", "rows"
    );
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("readable template");
        let src = SourceFile::new(p.clone(), text);
        let limits = Limits::default();
        let (tp, docs) = best(|| parse::parse_yaml(&src, &limits).expect("parses"));
        let root = &docs[0].root;
        let overrides = Default::default();
        let tpl = Template::new(root, &overrides);
        let ev = Evaluator::new(&tpl, &overrides, BTreeMap::new());
        let (tl, model) = best(|| cfn::lower(&tpl, &ev, Arc::from(p.as_str())));
        let (ta, result) = best(|| reach::analyze(&model));
        let n = model.resources.len();
        println!(
            "{:<28} {:>9} {:>8.1}ms {:>8.1}ms {:>8.1}ms {:>8.2}µs {:>7}",
            p,
            n,
            tp.as_secs_f64() * 1e3,
            tl.as_secs_f64() * 1e3,
            ta.as_secs_f64() * 1e3,
            ta.as_secs_f64() * 1e6 / n as f64,
            result.exposures.len()
        );
    }
}
