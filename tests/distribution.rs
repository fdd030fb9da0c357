//! What ships around the scanner: `--version` with the rule-set version, the shell completions,
//! the manual page, the rule-set version in the reports, and `scan --staged` as the pre-commit
//! hooks run it.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn palisade(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn version_names_the_rule_set() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = palisade::rules::ruleset_version();
    let want = format!("palisade {} (rules {rules})\n", env!("CARGO_PKG_VERSION"));
    for flag in ["--version", "-V"] {
        let out = palisade(&[flag], here);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(stdout(&out), want);
    }
    let count = palisade::rules::all().len();
    assert!(rules.starts_with(&format!("{count}-")), "{rules}");
}

#[test]
fn every_shell_gets_a_completion_script() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts = Vec::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = palisade(&["completions", shell], here);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
        let script = stdout(&out);
        for word in ["palisade", "scan", "posture", "--fail-on", "completions"] {
            assert!(script.contains(word), "the {shell} completions do not mention `{word}`");
        }
        scripts.push(script);
    }
    // Each shell has its own syntax.
    assert!(scripts[0].contains("complete -F"), "bash");
    assert!(scripts[1].starts_with("#compdef palisade"), "zsh");
    assert!(scripts[2].contains("complete -c palisade"), "fish");
    assert!(scripts[3].contains("Register-ArgumentCompleter"), "powershell");
    assert!(scripts[4].contains("set edit:completion:arg-completer[palisade]"), "elvish");
    let out = palisade(&["completions", "tcsh"], here);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_roff_with_the_usual_sections() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = palisade(&["man"], here);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let page = stdout(&out);
    let th = page.lines().find(|l| l.starts_with(".TH ")).expect("a .TH title line");
    assert!(th.starts_with(".TH palisade 1"), "{th}");
    assert!(th.contains(palisade::rules::ruleset_version()), "{th}");
    let sections: Vec<&str> = page.lines().filter_map(|l| l.strip_prefix(".SH ")).collect();
    for s in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS"] {
        assert!(sections.contains(&s), "no {s} section in {sections:?}");
    }
    let name = page.split(".SH NAME\n").nth(1).unwrap().lines().next().unwrap();
    assert!(name.starts_with("palisade \\- Audit AWS infrastructure as code"), "{name}");
    // The SUBCOMMANDS section refers to the commands' own pages, which `man COMMAND` prints.
    assert!(page.contains("\npalisade\\-scan(1)\n"), "{page}");
    for (args, title) in
        [(&["man", "scan"][..], "palisade\\-scan"), (&["man", "net", "exposure"][..], "palisade\\-net\\-exposure")]
    {
        let out = palisade(args, here);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let page = stdout(&out);
        assert!(page.contains(".SH NAME\n") && page.contains(".SH OPTIONS\n"), "{args:?}");
        let name = page.split(".SH NAME\n").nth(1).unwrap().lines().next().unwrap();
        assert!(name.starts_with(&format!("{title} \\- ")), "{args:?}: {name}");
    }
    assert!(stdout(&palisade(&["man", "scan"], here)).contains("\\-\\-staged"));
    let out = palisade(&["man", "nope"], here);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no command `nope`; expected one of scan, rules"));
}

const PUBLIC_BUCKET: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Data:
    Type: AWS::S3::Bucket
";

#[test]
fn reports_carry_the_rule_set_version() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", PUBLIC_BUCKET);
    let rules = palisade::rules::ruleset_version();
    let out = palisade(&["scan", "--format", "json"], dir.path());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema_version"], "1.2");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["tool"]["rules_version"], rules);
    let out = palisade(&["scan", "--format", "sarif"], dir.path());
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["properties"]["rulesVersion"], rules);
    // The same build always says the same.
    let again: Value = serde_json::from_slice(&palisade(&["scan", "--format", "json"], dir.path()).stdout).unwrap();
    assert_eq!(again["tool"], json["tool"]);
}

/// The files of the findings of a JSON scan with `args`, and its exit status.
fn scanned_files(args: &[&str], dir: &Path) -> (i32, Vec<String>) {
    let mut all = vec!["scan", "--format", "json"];
    all.extend_from_slice(args);
    let out = palisade(&all, dir);
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let mut files: Vec<String> =
        v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap().to_string()).collect();
    files.dedup();
    (out.status.code().unwrap(), files)
}

#[test]
fn staged_scans_what_the_next_commit_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    // Before the first commit every staged file is new.
    write(d, "stacks/a.yaml", PUBLIC_BUCKET);
    write(d, "scratch.yaml", PUBLIC_BUCKET);
    git(d, &["add", "stacks/a.yaml"]);
    let (code, files) = scanned_files(&["--staged", "--select", "PAL-S3-001"], d);
    assert_eq!((code, files), (1, vec!["stacks/a.yaml".to_string()]), "untracked scratch.yaml is not judged");
    git(d, &["commit", "-q", "-m", "start"]);
    // Nothing staged: nothing judged, and no error.
    let (code, files) = scanned_files(&["--staged", "--select", "PAL-S3-001"], d);
    assert_eq!((code, files.len()), (0, 0));
    // A staged change is judged; an unstaged one is not.
    write(d, "stacks/b.yaml", PUBLIC_BUCKET);
    git(d, &["add", "stacks/b.yaml"]);
    write(d, "stacks/a.yaml", &format!("{PUBLIC_BUCKET}  Logs:\n    Type: AWS::S3::Bucket\n"));
    let (code, files) = scanned_files(&["--staged", "--select", "PAL-S3-001"], d);
    assert_eq!((code, files), (1, vec!["stacks/b.yaml".to_string()]));
    // `--diff HEAD` also takes unstaged and untracked files.
    let (_, files) = scanned_files(&["--diff", "HEAD", "--select", "PAL-S3-001"], d);
    assert_eq!(files, ["scratch.yaml", "stacks/a.yaml", "stacks/b.yaml"]);

    let out = palisade(&["scan", "--staged", "--diff", "HEAD"], d);
    assert_eq!(out.status.code(), Some(2), "--staged and --diff exclude each other");
    let out = palisade(&["scan", "--staged", "-"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--staged cannot be used with standard input"));
}

#[test]
fn staged_outside_a_repository_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", PUBLIC_BUCKET);
    let out = palisade(&["scan", "--staged"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn staged_manifests_are_judged_with_the_policies_of_unchanged_files() {
    let secure =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/secure-kubernetes.yaml")).unwrap();
    // The namespace and its network policies in one file, the workload in another.
    let (policies, workload) = secure.split_at(secure.find("kind: ServiceAccount").unwrap());
    let workload = format!("apiVersion: v1\n{workload}");
    let policies = policies.trim_end().trim_end_matches("apiVersion: v1").trim_end().trim_end_matches("---");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "k8s/policies.yaml", policies);
    write(d, "k8s/app.yaml", &workload);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "start"]);
    // Judged alone, the workload seems to have no network policy.
    let (code, _) = scanned_files(&["k8s/app.yaml"], d);
    assert_eq!(code, 1, "the workload file alone is reported on");
    // Staged, it is judged with the policies of the unchanged file.
    write(d, "k8s/app.yaml", &workload.replace("replicas: 2", "replicas: 3"));
    git(d, &["add", "k8s/app.yaml"]);
    let (code, files) = scanned_files(&["--staged"], d);
    assert_eq!((code, files.len()), (0, 0), "{files:?}");
    // A staged insecure change to it is still reported.
    write(d, "k8s/app.yaml", &workload.replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"));
    git(d, &["add", "k8s/app.yaml"]);
    let (code, files) = scanned_files(&["--staged"], d);
    assert_eq!((code, files), (1, vec!["k8s/app.yaml".to_string()]));
}

/// The repository named by the package, the action's default, the container image's label,
/// SARIF's `informationUri` and the README's pre-commit example is one and the same.
#[test]
fn the_repository_is_named_the_same_everywhere() {
    let url = env!("CARGO_PKG_REPOSITORY");
    let slug = url.strip_prefix("https://github.com/").expect("a GitHub repository");
    let read = |p: &str| std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(p)).unwrap();
    let action = read("action.yml");
    let default = action.split("  repository:").nth(1).and_then(|s| s.lines().find(|l| l.contains("default:")));
    assert_eq!(default.map(|l| l.trim()), Some(format!("default: {slug}").as_str()));
    assert!(read("Dockerfile").contains(&format!("org.opencontainers.image.source=\"{url}\"")));
    assert_eq!(palisade::report::sarif::INFORMATION_URI, url);
    assert!(read("README.md").contains(&format!("repo: {url}")));
    assert!(read("docs/github-actions.md").contains(&format!("| `repository` | `{slug}` |")));
}
