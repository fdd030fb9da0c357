//! Arbitrary text as a `--parameters` file: a set of values or a located error, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade::lower::cfn::params::parse_parameters;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = parse_parameters(text)
        && let Some(at) = e.strip_prefix("line ").and_then(|rest| rest.split_once(':'))
    {
        // A syntax error: `line L, column C: message`, both 1-based.
        let (line, col) = at.0.split_once(", column ").expect(&e);
        assert!(line.parse::<u32>().is_ok_and(|l| l >= 1) && col.parse::<u32>().is_ok_and(|c| c >= 1), "{e}");
    }
});
