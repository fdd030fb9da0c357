//! Generates, from the files under `src/rules/`:
//!
//! * the table of every rule's example files, `src/rules/<area>/fixtures/<slug>.<fail|pass>[.N].<ext>`,
//!   embedded in the program so that `palisade rule ID` can show them and the tests can run them;
//! * each area's list of rules: every module `src/rules/<area>/<name>.rs` that declares a rule
//!   with `rule!(RULE, ...)`. An area's `mod.rs` declares the module (`pub mod <name>;`), which
//!   is all it takes to add a rule;
//! * the message catalogues (`src/rules/<area>/*.ftl`, `src/i18n/*.ftl`), embedded so that
//!   reports can be rendered in every language;
//! * the embedded data (`data/*.txt.gz`), decompressed, so that the program does not spend its
//!   first scan decompressing it.

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
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("examples.rs"), out).expect("write the examples table");
    area_lists(root, Path::new(&out_dir));
    catalogues(root, &manifest, Path::new(&out_dir));
    for name in ["iam-catalog.txt", "aws-managed-policies.txt"] {
        decompress(&Path::new("data").join(format!("{name}.gz")), &Path::new(&out_dir).join(name));
    }
    decompress(Path::new("data/compliance/catalogues.tsv.gz"), &Path::new(&out_dir).join("compliance-catalogues.tsv"));
}

/// Writes the decompressed contents of a gzip file.
fn decompress(from: &Path, to: &Path) {
    use std::io::Read as _;
    println!("cargo:rerun-if-changed={}", from.display());
    let bytes = std::fs::read(from).expect("read embedded data");
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut text).expect("embedded data is valid gzip");
    std::fs::write(to, text).expect("write decompressed data");
}

/// Writes `rules_<area>.rs` for every area: `pub static RULES` with the `RULE` of each of the
/// area's modules that declares one.
fn area_lists(root: &Path, out_dir: &Path) {
    let Ok(areas) = std::fs::read_dir(root) else { return };
    let mut areas: Vec<_> = areas.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    areas.sort();
    for area in areas {
        let name = area.file_name().and_then(|n| n.to_str()).expect("area names are UTF-8").to_string();
        let mut modules = Vec::new();
        for e in std::fs::read_dir(&area).expect("read an area").flatten() {
            let p = e.path();
            let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else { continue };
            if p.extension().is_none_or(|x| x != "rs") || stem == "mod" {
                continue;
            }
            println!("cargo:rerun-if-changed={}", p.display());
            let text = std::fs::read_to_string(&p).expect("read a rule module");
            if text.contains("\nrule!(") || text.starts_with("rule!(") {
                modules.push(stem.to_string());
            }
        }
        modules.sort();
        let mut out = String::from("/// The rules of this area.\npub static RULES: &[&crate::rules::Builtin] = &[");
        for m in &modules {
            write!(out, "&{m}::RULE, ").expect("write to a String");
        }
        out.push_str("];\n");
        std::fs::write(out_dir.join(format!("rules_{name}.rs")), out).expect("write an area's list");
    }
}

/// Writes `ftl.rs`: `pub static FTL`, every `.ftl` file of an area folder and of `src/i18n`,
/// as (path under the crate root, text), in path order.
fn catalogues(root: &Path, manifest: &str, out_dir: &Path) {
    let mut dirs: Vec<_> = std::fs::read_dir(root).into_iter().flatten().flatten().map(|e| e.path()).collect();
    dirs.push(Path::new("src/i18n").to_path_buf());
    println!("cargo:rerun-if-changed=src/i18n");
    let mut files = Vec::new();
    for d in dirs.iter().filter(|p| p.is_dir()) {
        println!("cargo:rerun-if-changed={}", d.display());
        for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "ftl") {
                println!("cargo:rerun-if-changed={}", p.display());
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = String::from("/// Every message catalogue: (path, text).\npub static FTL: &[(&str, &str)] = &[\n");
    for f in &files {
        let abs = Path::new(manifest).join(f);
        let rel = f.display().to_string();
        writeln!(out, "    ({rel:?}, include_str!({:?})),", abs.display().to_string()).expect("write to a String");
    }
    out.push_str("];\n");
    std::fs::write(out_dir.join("ftl.rs"), out).expect("write the catalogue table");
}
