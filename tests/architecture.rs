//! Dependencies run one way: discover → parse → lower → model ← analyze ← rules → filter →
//! report, with the commands on top. Every `crate::` path in a module's code (not its tests,
//! not its comments) must name a module of the same or an earlier stage.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The stages, earliest first; modules of one stage may use each other.
const STAGES: &[&[&str]] = &[
    // Vocabulary every stage shares: files and spans, located trees, input problems,
    // suppressions as the inputs write them; the compliance frameworks' catalogues; the texts of
    // every language.
    &["source", "diagnostic", "value", "suppress", "paths", "compliance", "i18n"],
    &["parse", "discover"],
    &["model"],
    // Frontends: each input language, lowered into the model.
    &["lower", "frontend"],
    &["analyze"],
    // Rules, built-in and custom (Rego).
    &["rules", "finding", "custom"],
    &["fix", "filter"],
    &["results"],
    &["posture"],
    &["report"],
    &["scan", "config", "gitdiff", "collect"],
    &["cli"],
];

fn stage_of(module: &str) -> Option<usize> {
    STAGES.iter().position(|s| s.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a file without comments, string literals and `#[cfg(test)]` items.
fn code_of(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            i += 2;
            while i < b.len() && !b[i..].starts_with(b"*/") {
                i += 1;
            }
            i += 2;
        } else if b[i] == b'"' && !(i > 0 && b[i - 1] == b'\'') {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i..].starts_with(b"#[cfg(test)]") {
            // Skip the attribute and the item it guards: up to the end of its first `{ ... }`
            // block, or its `;`.
            i += "#[cfg(test)]".len();
            let mut depth = 0usize;
            while i < b.len() {
                match b[i] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    b';' if depth == 0 => {
                        i += 1;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
        } else {
            let ch = text[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Top-level modules named by `crate::` paths, and by `use crate::{a, b::c}` groups.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        if i > 0 {
            let prev = code[..i].chars().next_back().unwrap();
            if prev.is_alphanumeric() || prev == '_' || prev == '$' {
                continue;
            }
        }
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

#[test]
fn modules_use_only_their_own_and_earlier_stages() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(stage) = stage_of(&module) else {
            problems.entry(rel.display().to_string()).or_default().push(format!("module `{module}` has no stage"));
            continue;
        };
        let code = code_of(&std::fs::read_to_string(f).unwrap());
        for used in crate_paths(&code) {
            if used == "VERSION" {
                continue;
            }
            match stage_of(&used) {
                Some(s) if s <= stage => {}
                Some(_) => problems
                    .entry(rel.display().to_string())
                    .or_default()
                    .push(format!("`{module}` uses `crate::{used}`, a later stage")),
                None => problems
                    .entry(rel.display().to_string())
                    .or_default()
                    .push(format!("`crate::{used}` is no module with a stage")),
            }
        }
    }
    let report: Vec<String> = problems.iter().map(|(f, p)| format!("{f}: {}", p.join("; "))).collect();
    assert!(report.is_empty(), "dependencies against the pipeline's direction:\n{}", report.join("\n"));
}

#[test]
fn the_checker_sees_paths_and_skips_tests_and_comments() {
    let code = code_of(
        "use crate::model::Model;\n// crate::report\nfn f() { crate::rules::all(); let s = \"crate::cli\"; }\n\
         #[cfg(test)]\nmod tests { use crate::scan; }\nuse crate::{source::Span, value};\n",
    );
    let paths = crate_paths(&code);
    assert_eq!(paths, ["model", "rules", "source", "value"]);
}
