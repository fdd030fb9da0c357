//! The `palisade iam` examples of the README, run as written from the repository root: each
//! `$ palisade iam ...` line of a code block is run, and its output must be the lines that
//! follow it (up to the next command or the end of the block; a `...` line elides the rest).

use std::path::Path;
use std::process::Command;

struct Example {
    args: Vec<String>,
    output: Vec<String>,
    elided: bool,
}

fn readme_examples(prefix: &str) -> Vec<Example> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut out: Vec<Example> = Vec::new();
    let mut in_block = false;
    let mut current: Option<Example> = None;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            out.extend(current.take());
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            out.extend(current.take());
            if cmd.starts_with(prefix) {
                let args = cmd.split_whitespace().skip(1).map(String::from).collect();
                current = Some(Example { args, output: Vec::new(), elided: false });
            }
        } else if let Some(e) = &mut current {
            if line == "..." {
                e.elided = true;
            } else if !e.elided {
                e.output.push(line.to_string());
            }
        }
    }
    out
}

#[test]
fn readme_iam_commands_work_as_written() {
    let examples = readme_examples("palisade iam ");
    assert!(examples.iter().filter(|e| e.args[1] == "can").count() >= 3, "the README shows `iam can`");
    assert!(examples.iter().any(|e| e.args[1] == "explain"), "the README shows `iam explain`");
    for e in &examples {
        let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
            .args(&e.args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let cmd = e.args.join(" ");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.code().is_some_and(|c| c != 2), "`palisade {cmd}` failed: {stderr}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let got: Vec<&str> = stdout.lines().collect();
        let want: Vec<&str> = e.output.iter().map(String::as_str).collect();
        if e.elided {
            assert!(got.len() > want.len() && got[..want.len()] == want[..], "`palisade {cmd}`:\n{stdout}");
        } else {
            assert_eq!(got, want, "`palisade {cmd}`");
        }
    }
}
