//! Builds Terraform configurations from the language's constructs (see `hcl_gen.rs`), writes
//! them into a directory of their own and evaluates the root module with the modules it calls.
//! A panic aborts, so libFuzzer reports it; so does a configuration the generator made
//! unparsable, or an evaluation that could not finish (the evaluator's thread failed). A stack
//! overflow or a hang is reported by libFuzzer itself.
#![no_main]

use std::path::PathBuf;
use std::sync::{Once, OnceLock};

use libfuzzer_sys::fuzz_target;
use palisade::diagnostic::DiagnosticKind;
use palisade::lower::tf::hcl::{Options, evaluate_root};

#[path = "../hcl_gen.rs"]
mod hcl_gen;

static HOOK: Once = Once::new();
static DIR: OnceLock<PathBuf> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("{info}");
            std::process::abort();
        }))
    });
    let dir = DIR.get_or_init(|| std::env::temp_dir().join(format!("palisade-fuzz-hcl-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(dir);
    let files = hcl_gen::configuration(data);
    for (rel, text) in &files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let ev = evaluate_root(dir, dir, &Options::default());
    for d in &ev.diagnostics {
        let text: String = files.iter().map(|(p, t)| format!("# {p}\n{t}")).collect();
        assert!(d.kind != DiagnosticKind::Parse, "{d}\n{text}");
        assert!(!d.message.contains("could not be evaluated"), "{d}\n{text}");
    }
});
