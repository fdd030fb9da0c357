//! The real binary on what a newcomer meets first: misspelt rule names, selections the ignores
//! cancel, `palisade config`, baselines, errors on standard error, fixture markers kept out of
//! documentation and settings from the environment.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs the binary in `dir` with `env` set, every other PALISADE_* variable unset.
fn run(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_palisade"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("PALISADE_") {
            cmd.env_remove(k);
        }
    }
    cmd.envs(env.iter().copied());
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const PUBLIC_BUCKET: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
";

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("stack.yaml"), PUBLIC_BUCKET).unwrap();
    dir
}

#[test]
fn misspelt_rule_names_get_a_suggestion_everywhere_they_are_accepted() {
    let dir = fixture();
    for args in [
        &["scan", ".", "--select", "PAL-S3-08"][..],
        &["scan", ".", "--ignore", "PAL-S3-08"],
        &["scan", ".", "--select", "PAL-S3", "--ignore", "PAL-S3-08"],
    ] {
        let o = run(args, dir.path(), &[]);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("unknown rule `PAL-S3-08`; did you mean `PAL-S3-008`?"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = run(&["rule", "s3-public-acls"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `s3-public-acl`?"), "{}", stderr(&o));
    // The configuration file too, with its location.
    std::fs::write(dir.path().join("palisade.toml"), "ignore = [\"s3-versoning\"]\n").unwrap();
    let o = run(&["scan", "."], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("palisade.toml:1:"), "{}", stderr(&o));
    assert!(stderr(&o).contains("did you mean `s3-versioning`?"), "{}", stderr(&o));
    // Nothing close: no suggestion.
    std::fs::remove_file(dir.path().join("palisade.toml")).unwrap();
    let o = run(&["scan", ".", "--select", "nothing-like-any-rule-at-all"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!stderr(&o).contains("did you mean"), "{}", stderr(&o));
}

#[test]
fn a_selection_the_ignores_cancel_is_a_warning() {
    let dir = fixture();
    let o = run(&["scan", ".", "-f", "json", "--select", "PAL-S3-008", "--ignore", "s3-public-acl"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["findings"], 0);
    let err = stderr(&o);
    assert!(err.contains("warning: selected `PAL-S3-008` runs no rule"), "{err}");
    assert!(err.contains("`s3-public-acl`"), "{err}");
    // From the environment as well.
    let o = run(&["scan", "."], dir.path(), &[("PALISADE_SELECT", "PAL-S3"), ("PALISADE_IGNORE", "PAL-S3")]);
    assert!(stderr(&o).contains("warning: selected `PAL-S3` runs no rule"), "{}", stderr(&o));
    // Ignoring part of a selection is what it is for: no warning.
    let o = run(&["scan", ".", "--select", "PAL-S3", "--ignore", "PAL-S3-008"], dir.path(), &[]);
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
}

#[test]
fn config_shows_the_effective_configuration_with_or_without_show() {
    let dir = fixture();
    std::fs::write(dir.path().join("palisade.toml"), "fail-on = \"high\"\n").unwrap();
    let plain = run(&["config"], dir.path(), &[]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    assert!(stdout(&plain).contains("fail-on = \"high\""), "{}", stdout(&plain));
    let show = run(&["config", "--show"], dir.path(), &[]);
    assert_eq!(show.status.code(), Some(0));
    assert_eq!(stdout(&plain), stdout(&show));
    // A configuration file named but missing is an error, not the defaults.
    let empty = tempfile::tempdir().unwrap();
    let o = run(&["config", "--config", "missing.toml"], empty.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rule_listings_and_sarif_help_carry_no_fixture_markers() {
    let dir = fixture();
    let o = run(&["rules", "--format", "json"], dir.path(), &[]);
    let rules: Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(rules.iter().all(|r| !r["fail_example"].as_str().unwrap().is_empty()));
    assert!(!stdout(&o).contains("# expect:"), "`palisade rules --format json` shows fixture markers");
    let o = run(&["scan", ".", "-f", "sarif", "--fail-on", "none"], dir.path(), &[]);
    let sarif = stdout(&o);
    assert!(sarif.contains("\"help\""), "{sarif}");
    assert!(!sarif.contains("# expect:"), "the SARIF help shows fixture markers");
    let o = run(&["rule", "PAL-S3-008"], dir.path(), &[]);
    assert!(stdout(&o).contains("AccessControl") && !stdout(&o).contains("# expect:"));
}

#[test]
fn writing_a_baseline_prints_a_summary_not_the_report() {
    let dir = fixture();
    let o = run(&["scan", ".", "--write-baseline", "b.json"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    let b: Value = serde_json::from_slice(&std::fs::read(dir.path().join("b.json")).unwrap()).unwrap();
    let n = b["entries"].as_array().or(b["findings"].as_array()).map(Vec::len).unwrap_or_default();
    assert!(err.contains(&format!("wrote {n} findings to the baseline b.json")), "{err}: {b}");
    // A report given a destination is still written.
    let o = run(&["scan", ".", "--write-baseline", "c.json", "-f", "json=r.json"], dir.path(), &[]);
    assert!(o.stdout.is_empty());
    let r: Value = serde_json::from_slice(&std::fs::read(dir.path().join("r.json")).unwrap()).unwrap();
    assert!(r["summary"]["findings"].as_u64().unwrap() > 0);
}

#[test]
fn file_errors_go_to_standard_error_in_every_format() {
    let dir = fixture();
    std::fs::write(dir.path().join("bad.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [\n")
        .unwrap();
    for format in ["text", "json", "sarif", "html", "markdown", "junit", "asff", "ocsf", "compact", "github", "gitlab"]
    {
        let o = run(&["scan", ".", "-f", format], dir.path(), &[]);
        assert_eq!(o.status.code(), Some(2), "{format}");
        assert!(stderr(&o).contains("bad.yaml:4:1: error: cannot parse"), "{format}: {}", stderr(&o));
    }
}

#[test]
fn terraform_variables_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        "variable \"acl\" {\n  default = \"private\"\n}\n\nresource \"aws_s3_bucket\" \"site\" {\n  bucket = \"site\"\n}\n\n\
         resource \"aws_s3_bucket_acl\" \"site\" {\n  bucket = aws_s3_bucket.site.id\n  acl    = var.acl\n}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("public.tfvars"), "acl = \"public-read\"\n").unwrap();
    let acl_findings = |env: &[(&str, &str)]| {
        let o = run(&["scan", ".", "-f", "json", "--select", "PAL-S3-008"], dir.path(), env);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)));
        v["summary"]["findings"].as_u64().unwrap()
    };
    assert_eq!(acl_findings(&[]), 0);
    assert_eq!(acl_findings(&[("PALISADE_VAR", "acl=public-read")]), 1);
    assert_eq!(acl_findings(&[("PALISADE_VAR_FILE", "public.tfvars")]), 1);
    let help = stdout(&run(&["scan", "--help"], dir.path(), &[]));
    for var in ["PALISADE_VAR", "PALISADE_VAR_FILE"] {
        assert!(help.contains(&format!("[env: {var}=")), "{var} in --help");
    }
}

#[test]
fn the_package_and_hook_descriptions_name_every_input_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let description = cargo.lines().find(|l| l.starts_with("description")).expect("a package description");
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    let hook_descriptions: Vec<&str> =
        hooks.split("description:").skip(1).map(|d| &d[..d.find("entry:").unwrap()]).collect();
    assert_eq!(hook_descriptions.len(), 2, "{hooks}");
    for text in std::iter::once(description).chain(hook_descriptions) {
        for language in ["CloudFormation", "Terraform", "Kubernetes", "IAM"] {
            assert!(text.contains(language), "`{language}` missing from: {text}");
        }
    }
}
