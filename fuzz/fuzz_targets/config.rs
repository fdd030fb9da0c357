//! Arbitrary text as `palisade.toml`: parsing it, and building the policy it describes, end
//! in a value or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use palisade::config::Config;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(config) = Config::parse(text, std::path::Path::new("palisade.toml")) {
        let _ = config.policy();
        let _ = config.to_toml();
    }
});
