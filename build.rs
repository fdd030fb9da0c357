//! Generates the table of every rule's example files: `src/rules/<area>/fixtures/<slug>.<fail|pass>[.N].<ext>`,
//! embedded in the program so that `palisade rule ID` can show them and the tests can run them.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new("src/rules");
    println!("cargo:rerun-if-changed=src/rules");
    let mut files = Vec::new();
    let Ok(areas) = std::fs::read_dir(root) else { return };
    for area in areas.flatten() {
        let dir = area.path().join("fixtures");
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut out =
        String::from("/// Every example file: (file name, text).\npub static EXAMPLES: &[(&str, &str)] = &[\n");
    for f in &files {
        let name = f.file_name().and_then(|n| n.to_str()).expect("fixture names are UTF-8");
        let abs = Path::new(&manifest).join(f);
        writeln!(out, "    ({name:?}, include_str!({:?})),", abs.display().to_string()).expect("write to a String");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("examples.rs");
    std::fs::write(dest, out).expect("write the examples table");
}
