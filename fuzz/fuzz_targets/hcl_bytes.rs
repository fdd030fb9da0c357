//! Arbitrary bytes as the files of one Terraform module (HCL, or Terraform's JSON syntax when
//! the first byte is odd), through the module loader and the evaluator. Whatever the input, no
//! panic and a finished evaluation.
#![no_main]

use std::sync::{Arc, Once};

use libfuzzer_sys::fuzz_target;
use palisade::lower::tf::hcl::{Options, evaluate_source};
use palisade::source::SourceFile;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("{info}");
            std::process::abort();
        }))
    });
    let Some((&first, rest)) = data.split_first() else { return };
    let name = if first % 2 == 1 { "fuzz/main.tf.json" } else { "fuzz/main.tf" };
    let src = Arc::new(SourceFile::new(name, String::from_utf8_lossy(rest).into_owned()));
    let ev = evaluate_source(src, &Options::default());
    for d in &ev.diagnostics {
        assert!(!d.message.contains("could not be evaluated"), "{d}");
    }
});
