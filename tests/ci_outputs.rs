//! The real binary in CI: several reports from one scan, the compact, GitHub and GitLab
//! formats, exit control, settings from the environment and colors; and what a newcomer meets
//! first: misspelt rule names, selections the ignores cancel, `palisade config`, baselines,
//! errors on standard error, fixture markers kept out of documentation.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs the binary in `dir` with `env` set, every other PALISADE_* and color variable unset.
fn run(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_palisade"));
    cmd.args(args).current_dir(dir);
    for (k, _) in std::env::vars_os() {
        let k = k.to_string_lossy().into_owned();
        if k.starts_with("PALISADE_") || ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"].contains(&k.as_str()) {
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

/// The severities of the findings of a JSON report.
fn severities(v: &Value) -> Vec<String> {
    v["findings"].as_array().unwrap().iter().map(|f| f["severity"].as_str().unwrap().to_string()).collect()
}

#[test]
fn several_reports_from_one_scan() {
    let dir = fixture();
    let o = run(
        &[
            "scan",
            ".",
            "--format",
            "text",
            "--format",
            "sarif=out.sarif",
            "-f",
            "html=report.html",
            "-f",
            "gitlab=gl.json",
        ],
        dir.path(),
        &[],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("stack.yaml:"), "the text report on standard output");
    let sarif: Value = serde_json::from_slice(&std::fs::read(dir.path().join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let gl: Value = serde_json::from_slice(&std::fs::read(dir.path().join("gl.json")).unwrap()).unwrap();
    assert_eq!(gl["scan"]["type"], "sast");
    assert_eq!(
        gl["vulnerabilities"].as_array().unwrap().len(),
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        "the same findings in every report"
    );
    // Comma-separated too; nothing on standard output when every report has a file.
    let o = run(&["scan", ".", "--format", "json=a.json,compact=a.txt"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(std::fs::read_to_string(dir.path().join("a.txt")).unwrap().contains("stack.yaml:"));
}

#[test]
fn output_and_destinations() {
    let dir = fixture();
    // --output keeps working for one format, and for the one without a destination.
    let o = run(&["scan", ".", "--format", "json", "--output", "r.json"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let _: Value = serde_json::from_slice(&std::fs::read(dir.path().join("r.json")).unwrap()).unwrap();
    let o = run(&["scan", ".", "-f", "compact", "-f", "sarif=s.sarif", "-o", "c.txt"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(std::fs::read_to_string(dir.path().join("c.txt")).unwrap().contains("stack.yaml:"));
    // Errors, said clearly.
    let o = run(&["scan", ".", "-f", "text", "-f", "json", "-o", "x"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output names one file, but several formats have no destination"), "{}", stderr(&o));
    assert!(stderr(&o).contains("FORMAT=PATH"));
    let o = run(&["scan", ".", "-f", "text", "-f", "json"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("only one can go to standard output"), "{}", stderr(&o));
    let o = run(&["scan", ".", "-f", "json=a.json", "-o", "x"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output has no report to receive"), "{}", stderr(&o));
    let o = run(&["scan", ".", "-f", "json=a", "-f", "sarif=a"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["scan", ".", "-f", "yaml"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown format `yaml`"), "{}", stderr(&o));
    assert!(!dir.path().join("x").exists(), "nothing written after a usage error");
}

#[test]
fn compact_github_and_gitlab_from_the_binary() {
    let dir = fixture();
    let o = run(&["scan", ".", "-f", "compact"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(!text.is_empty());
    for l in text.lines() {
        assert!(l.starts_with("stack.yaml:"), "{l}");
        assert!(l.contains(" PAL-") && l.contains(" ["), "{l}");
    }
    let o = run(&["scan", ".", "-f", "github"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    for l in stdout(&o).lines() {
        assert!(["::error file=", "::warning file=", "::notice file="].iter().any(|p| l.starts_with(p)), "{l}");
        assert!(l.contains(",line=") && l.contains(",endColumn=") && l.contains(",title=PAL-"), "{l}");
    }
    let o = run(&["scan", ".", "-f", "gitlab"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["vulnerabilities"][0]["location"]["file"], "stack.yaml");
}

#[test]
fn fail_on_none_and_soft_fail_report_without_failing() {
    let dir = fixture();
    for args in [&["--fail-on", "none"][..], &["--soft-fail"], &["--fail-on", "low", "--soft-fail"]] {
        let mut all = vec!["scan", ".", "-f", "compact"];
        all.extend_from_slice(args);
        let o = run(&all, dir.path(), &[]);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(!o.stdout.is_empty(), "{args:?}: the findings are still reported");
    }
    // Files that cannot be read or parsed still fail the scan.
    std::fs::write(dir.path().join("broken.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: {\n")
        .unwrap();
    let o = run(&["scan", ".", "--soft-fail"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn min_severity_filters_every_report_and_the_exit_status() {
    let dir = fixture();
    let o = run(&["scan", ".", "-f", "json"], dir.path(), &[]);
    let all: Value = serde_json::from_slice(&o.stdout).unwrap();
    let sevs = severities(&all);
    assert!(!sevs.is_empty());
    let order = ["info", "low", "medium", "high", "critical"];
    let rank = |s: &str| order.iter().position(|o| *o == s).unwrap();
    let top = sevs.iter().map(|s| rank(s)).max().unwrap();
    // Above the most severe finding: nothing shown, nothing fails.
    if top < 4 {
        let above = order[top + 1];
        let o = run(&["scan", ".", "-f", "json", "-f", "compact=c.txt", "--min-severity", above], dir.path(), &[]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(severities(&v).is_empty());
        assert_eq!(v["summary"]["findings"], 0);
        assert_eq!(std::fs::read_to_string(dir.path().join("c.txt")).unwrap(), "");
    }
    // At the most severe: only those, and --fail-on still decides over them.
    let at = order[top];
    let o = run(&["scan", ".", "-f", "json", "--min-severity", at], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(severities(&v).len(), sevs.iter().filter(|s| rank(s) >= top).count());
    let o = run(&["scan", ".", "-f", "json", "--min-severity", at, "--fail-on", "none"], dir.path(), &[]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn options_from_the_environment() {
    let dir = fixture();
    let o = run(&["scan", "."], dir.path(), &[("PALISADE_FORMAT", "compact"), ("PALISADE_FAIL_ON", "none")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).lines().all(|l| l.starts_with("stack.yaml:")), "{}", stdout(&o));
    let o =
        run(&["scan", "."], dir.path(), &[("PALISADE_FORMAT", "json=e.json,compact"), ("PALISADE_SOFT_FAIL", "true")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(dir.path().join("e.json").exists());
    // The command line wins over the environment.
    let o = run(&["scan", ".", "-f", "json"], dir.path(), &[("PALISADE_FORMAT", "compact")]);
    let first: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = first["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap()).collect();
    // Comma-separated rule lists.
    let o = run(&["scan", ".", "-f", "json"], dir.path(), &[("PALISADE_IGNORE", &ids.join(","))]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["findings"], 0);
    let o = run(&["scan", ".", "-f", "json"], dir.path(), &[("PALISADE_SELECT", &format!("{},{}", ids[0], ids[1]))]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["rule_id"] == ids[0] || f["rule_id"] == ids[1]));
    let o = run(
        &["scan", ".", "-f", "json"],
        dir.path(),
        &[("PALISADE_MIN_SEVERITY", "critical"), ("PALISADE_OUTPUT", "m.json")],
    );
    assert!(o.stdout.is_empty());
    let v: Value = serde_json::from_slice(&std::fs::read(dir.path().join("m.json")).unwrap()).unwrap();
    assert!(severities(&v).iter().all(|s| s == "critical"));
    let o = run(&["scan", "."], dir.path(), &[("PALISADE_FAIL_ON", "sometimes")]);
    assert_eq!(o.status.code(), Some(2));
    // --help names the variables.
    let help = stdout(&run(&["scan", "--help"], dir.path(), &[]));
    for var in [
        "PALISADE_FORMAT",
        "PALISADE_FAIL_ON",
        "PALISADE_MIN_SEVERITY",
        "PALISADE_OUTPUT",
        "PALISADE_SELECT",
        "PALISADE_IGNORE",
        "PALISADE_CONFIG",
        "PALISADE_BASELINE",
        "PALISADE_COLOR",
        "PALISADE_SOFT_FAIL",
    ] {
        assert!(help.contains(&format!("[env: {var}=")), "{var} in --help");
    }
}

#[test]
fn colors_follow_the_flag_and_the_environment() {
    let dir = fixture();
    let colored = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["scan", "."];
        all.extend_from_slice(args);
        let o = run(&all, dir.path(), env);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        o.stdout.contains(&0x1b)
    };
    // Standard output is a pipe here.
    assert!(!colored(&[], &[]));
    assert!(colored(&[], &[("FORCE_COLOR", "1")]));
    assert!(colored(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!colored(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!colored(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    assert!(colored(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "")]), "an empty NO_COLOR is not set");
    assert!(colored(&["--color", "always"], &[("NO_COLOR", "1")]), "the flag wins");
    assert!(colored(&[], &[("PALISADE_COLOR", "always")]));
    assert!(!colored(&["--color", "never"], &[("FORCE_COLOR", "1")]));
    assert!(!colored(&["--no-color"], &[("FORCE_COLOR", "1")]));
    assert!(!colored(&["--no-color"], &[("PALISADE_COLOR", "always")]));
    // A text report written to a file is colored only with --color always.
    let o = run(&["scan", ".", "-f", "text=t.txt"], dir.path(), &[("FORCE_COLOR", "1")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!std::fs::read(dir.path().join("t.txt")).unwrap().contains(&0x1b));
    // Other formats never are.
    let o = run(&["scan", ".", "-f", "compact", "--color", "always"], dir.path(), &[]);
    assert!(!o.stdout.contains(&0x1b));
}

/// `dir` made a git work tree (only `git init`: nothing is committed).
fn git_init(dir: &Path) {
    let o = Command::new("git").args(["init", "-q"]).current_dir(dir).output().expect("git");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn sarif_uris_are_relative_to_the_work_tree_whatever_the_scan_ran_from() {
    let dir = tempfile::tempdir().unwrap();
    git_init(dir.path());
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("stack.yaml"), PUBLIC_BUCKET).unwrap();
    let o = run(&["scan", ".", "-f", "sarif"], &sub, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let sarif: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let first = &sarif["runs"][0];
    let location = &first["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "sub/stack.yaml");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    let top = dir.path().canonicalize().unwrap();
    let base = first["originalUriBaseIds"]["%SRCROOT%"]["uri"].as_str().unwrap();
    assert!(base.starts_with("file:///") && base.ends_with('/'), "{base}");
    assert_eq!(base.trim_end_matches('/'), format!("file://{}", top.display()).trim_end_matches('/'));

    // A file above the folder the scan ran from, named with `..`, is still under the root.
    std::fs::write(dir.path().join("top.yaml"), PUBLIC_BUCKET).unwrap();
    let o = run(&["scan", "../top.yaml", "-f", "sarif"], &sub, &[]);
    let sarif: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "top.yaml"
    );
}

#[test]
fn a_severity_override_is_the_rule_descriptors_severity() {
    let dir = fixture();
    let sarif_of = |dir: &Path| -> Value {
        let o = run(&["scan", ".", "-f", "sarif"], dir, &[]);
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let before = sarif_of(dir.path());
    let rule = &before["runs"][0]["tool"]["driver"]["rules"][0];
    let id = rule["id"].as_str().unwrap().to_string();
    assert_ne!(rule["properties"]["security-severity"], "1.0");
    std::fs::write(dir.path().join("palisade.toml"), format!("[severity]\n\"{id}\" = \"info\"\n")).unwrap();
    let after = sarif_of(dir.path());
    let rules = after["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let rule = rules.iter().find(|r| r["id"] == *id).unwrap();
    assert_eq!(rule["properties"]["security-severity"], "1.0");
    assert_eq!(rule["properties"]["severity"], "info");
    assert_eq!(rule["defaultConfiguration"]["level"], "note");
    let result = after["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == *id).unwrap();
    assert_eq!(result["level"], "note");
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
