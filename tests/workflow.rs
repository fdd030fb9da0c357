//! Living with Palisade: suppressions, baselines, the configuration file, `--diff`, standard
//! input and `--show-fixes`, through the library and the real binary.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use palisade::config::Config;
use palisade::filter::SuppressedBy;
use palisade::finding::DiagnosticKind;
use palisade::scan::{ScanOptions, Scanned, scan_source_detailed};
use palisade::source::SourceFile;
use serde_json::Value;

fn palisade(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
}

fn palisade_stdin(args: &[&str], dir: &Path, input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn json_scan(args: &[&str], dir: &Path) -> (i32, Value) {
    let mut all = vec!["scan", "--format", "json"];
    all.extend_from_slice(args);
    let out = palisade(&all, dir);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    });
    (out.status.code().unwrap(), v)
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// (rule, resource) of every reported finding.
fn reported(v: &Value) -> Vec<(String, String)> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule_id"].as_str().unwrap().to_string(), f["resource"]["id"].as_str().unwrap_or("").to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn scan_text(text: &str, select: &[&str]) -> Scanned {
    let opts = ScanOptions { select: select.iter().map(|s| s.to_string()).collect(), ..ScanOptions::default() };
    scan_source_detailed(SourceFile::new("t.yaml", text.to_string()), &opts).unwrap()
}

fn found(s: &Scanned) -> Vec<(String, String)> {
    s.report
        .findings
        .iter()
        .map(|f| (f.rule.id.to_string(), f.resource.as_ref().map(|r| r.id.to_string()).unwrap_or_default()))
        .collect()
}

/// Two buckets, each without versioning (PAL-S3-004) and without logging (PAL-S3-005).
const TWO_BUCKETS: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alpha:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: alpha
  Beta:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: beta
";

const BOTH: &[&str] = &["PAL-S3-004", "PAL-S3-005"];

#[test]
fn without_suppressions_both_rules_report_on_both_buckets() {
    let s = scan_text(TWO_BUCKETS, BOTH);
    assert_eq!(
        found(&s),
        pairs(&[("PAL-S3-004", "Alpha"), ("PAL-S3-005", "Alpha"), ("PAL-S3-004", "Beta"), ("PAL-S3-005", "Beta")])
    );
    assert!(s.suppressed.is_empty());
}

#[test]
fn comment_on_the_line_suppresses_its_rule_on_its_resource_only() {
    let text = TWO_BUCKETS.replace("  Alpha:\n", "  Alpha: # palisade:ignore PAL-S3-004 rebuilt from source nightly\n");
    let s = scan_text(&text, BOTH);
    assert_eq!(found(&s), pairs(&[("PAL-S3-005", "Alpha"), ("PAL-S3-004", "Beta"), ("PAL-S3-005", "Beta")]));
    assert_eq!(s.suppressed.len(), 1);
    assert_eq!(s.suppressed[0].finding.rule.id, "PAL-S3-004");
    match &s.suppressed[0].by {
        SuppressedBy::Inline { reason, at, .. } => {
            assert_eq!(reason.as_deref(), Some("rebuilt from source nightly"));
            assert_eq!(at.span.line, 3);
        }
        other => panic!("{other:?}"),
    }
    assert!(s.report.diagnostics.is_empty(), "{:?}", s.report.diagnostics);
}

#[test]
fn comment_on_the_line_above_suppresses_the_next_line() {
    let text =
        TWO_BUCKETS.replace("  Beta:\n", "  # palisade:ignore s3-access-logging: logs go to CloudTrail\n  Beta:\n");
    let s = scan_text(&text, BOTH);
    assert_eq!(found(&s), pairs(&[("PAL-S3-004", "Alpha"), ("PAL-S3-005", "Alpha"), ("PAL-S3-004", "Beta")]));
}

#[test]
fn metadata_suppresses_its_rule_on_its_resource_only() {
    let text = TWO_BUCKETS.replace(
        "  Beta:\n    Type: AWS::S3::Bucket\n",
        "  Beta:\n    Type: AWS::S3::Bucket\n    Metadata:\n      palisade:\n        ignore:\n          - id: PAL-S3-004\n            reason: scratch space\n",
    );
    let s = scan_text(&text, BOTH);
    assert_eq!(found(&s), pairs(&[("PAL-S3-004", "Alpha"), ("PAL-S3-005", "Alpha"), ("PAL-S3-005", "Beta")]));
    assert!(s.report.diagnostics.is_empty(), "{:?}", s.report.diagnostics);
}

#[test]
fn metadata_in_json_templates() {
    let text = r#"{"Resources": {
  "A": {"Type": "AWS::S3::Bucket", "Metadata": {"palisade": {"ignore": [{"id": "s3-versioning", "reason": "r"}]}}},
  "B": {"Type": "AWS::S3::Bucket"}}}"#;
    let opts = ScanOptions { select: vec!["PAL-S3-004".into()], ..ScanOptions::default() };
    let s = scan_source_detailed(SourceFile::new("t.json", text.to_string()), &opts).unwrap();
    assert_eq!(found(&s), pairs(&[("PAL-S3-004", "B")]));
}

#[test]
fn a_suppression_without_a_reason_applies_and_warns() {
    let text = TWO_BUCKETS.replace("  Alpha:\n", "  Alpha: # palisade:ignore PAL-S3-004\n");
    let s = scan_text(&text, BOTH);
    assert_eq!(s.suppressed.len(), 1);
    let d = &s.report.diagnostics;
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].kind, d[0].line), (DiagnosticKind::Suppression, 3));
    assert!(d[0].message.en().contains("no reason"), "{}", d[0].message.en());
    assert!(!d[0].is_error());
    let text = TWO_BUCKETS.replace(
        "  Beta:\n    Type: AWS::S3::Bucket\n",
        "  Beta:\n    Type: AWS::S3::Bucket\n    Metadata:\n      palisade:\n        ignore: [PAL-S3-005]\n",
    );
    let s = scan_text(&text, BOTH);
    assert_eq!(s.suppressed.len(), 1);
    assert_eq!(s.report.diagnostics.len(), 1);
    assert_eq!(s.report.diagnostics[0].line, 11);
}

#[test]
fn unknown_rules_and_malformed_metadata_warn() {
    let text = TWO_BUCKETS.replace("  Alpha:\n", "  Alpha: # palisade:ignore PAL-NOPE-001 typo\n").replace(
        "  Beta:\n    Type: AWS::S3::Bucket\n",
        "  Beta:\n    Type: AWS::S3::Bucket\n    Metadata:\n      palisade:\n        ignore:\n          - reason: forgot the id\n",
    );
    let s = scan_text(&text, BOTH);
    assert_eq!(found(&s).len(), 4);
    let msgs: Vec<String> = s.report.diagnostics.iter().map(|d| d.message.en()).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("unknown rule `PAL-NOPE-001`")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("needs an `id`")), "{msgs:?}");
}

#[test]
fn unused_suppressions_are_reported_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let text = TWO_BUCKETS
        .replace("  Alpha:\n", "  Alpha: # palisade:ignore PAL-S3-008 no public ACL here anyway\n")
        .replace("  Beta:\n", "  Beta: # palisade:ignore PAL-S3-004 used\n");
    write(dir.path(), "t.yaml", &text);
    let (_, v) = json_scan(&["--select", "PAL-S3-004,PAL-S3-008"], dir.path());
    assert_eq!(v["diagnostics"], Value::Array(vec![]), "{v:#}");
    let (code, v) = json_scan(&["--select", "PAL-S3-004,PAL-S3-008", "--report-unused-suppressions"], dir.path());
    assert_eq!(code, 1);
    let d = v["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["kind"], "suppression");
    assert_eq!(d[0]["line"], 3);
    assert!(d[0]["message"].as_str().unwrap().contains("unused suppression: `PAL-S3-008`"));
    // A suppression of a rule that did not run is not "unused".
    let (_, v) = json_scan(&["--select", "PAL-S3-004", "--report-unused-suppressions"], dir.path());
    assert_eq!(v["diagnostics"], Value::Array(vec![]), "{v:#}");
}

#[test]
fn suppressed_findings_appear_in_json_and_sarif() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", &TWO_BUCKETS.replace("  Alpha:\n", "  Alpha: # palisade:ignore PAL-S3-004 accepted\n"));
    let (_, v) = json_scan(&["--select", "PAL-S3-004"], dir.path());
    assert_eq!(v["summary"]["suppressed"], 1);
    assert_eq!(v["suppressed"][0]["rule_id"], "PAL-S3-004");
    assert_eq!(v["suppressed"][0]["suppression"]["kind"], "inline");
    assert!(v["suppressed"][0]["suppression"]["justification"].as_str().unwrap().contains("accepted"));
    let out = palisade(&["scan", "--format", "sarif", "--select", "PAL-S3-004"], dir.path());
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = s["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let sup: Vec<&Value> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(sup.len(), 1);
    assert_eq!(sup[0]["suppressions"][0]["kind"], "inSource");
    let out = palisade(&["scan", "--select", "PAL-S3-004"], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 finding suppressed: 1 inline."));
}

#[test]
fn baseline_survives_edits_above_and_catches_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "stacks/app.yaml", TWO_BUCKETS);
    let out = palisade(&["scan", "--select", "PAL-S3", "--write-baseline", ".palisade-baseline.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join(".palisade-baseline.json")).unwrap()).unwrap();
    assert_eq!(baseline["version"], 2);
    let entries = baseline["findings"].as_array().unwrap();
    assert!(entries.len() >= 4);
    assert!(entries.iter().all(|e| e["file"] == "stacks/app.yaml" && e.get("line").is_none()), "{entries:?}");

    let (code, v) = json_scan(&["--select", "PAL-S3", "--baseline", ".palisade-baseline.json"], dir.path());
    assert_eq!((code, reported(&v)), (0, vec![]), "{v:#}");
    assert_eq!(v["summary"]["suppressed"].as_u64().unwrap() as usize, entries.len());

    // Lines inserted above every finding: nothing new.
    let shifted = TWO_BUCKETS.replace(
        "Resources:\n",
        "Description: now with a description\n# and a comment\nParameters:\n  Env:\n    Type: String\n    Default: dev\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n",
    );
    write(dir.path(), "stacks/app.yaml", &shifted);
    let (code, v) = json_scan(&["--select", "PAL-S3", "--baseline", ".palisade-baseline.json"], dir.path());
    assert_eq!((code, reported(&v)), (0, vec![]), "{v:#}");

    // A new bucket and a new problem on an old one are reported; the old ones are not.
    let grown = shifted.replace(
        "      BucketName: beta\n",
        "      BucketName: beta\n      AccessControl: PublicRead\n  Gamma:\n    Type: AWS::S3::Bucket\n",
    );
    write(dir.path(), "stacks/app.yaml", &grown);
    let (code, v) = json_scan(&["--select", "PAL-S3", "--baseline", ".palisade-baseline.json"], dir.path());
    assert_eq!(code, 1);
    let got = reported(&v);
    assert!(got.contains(&("PAL-S3-008".into(), "Beta".into())), "{got:?}");
    assert!(got.iter().filter(|(_, r)| r == "Gamma").count() >= 4, "{got:?}");
    assert!(got.iter().all(|(rule, r)| r == "Gamma" || rule == "PAL-S3-008"), "{got:?}");

    // From another directory the same baseline still matches (paths are relative to it).
    let (code, v) = json_scan(
        &["--select", "PAL-S3", "--baseline", "../.palisade-baseline.json", "app.yaml"],
        &dir.path().join("stacks"),
    );
    assert_eq!(code, 1);
    assert_eq!(reported(&v), got);

    // Removing a bucket makes its entries stale: reported as warnings, exit unchanged.
    let without_alpha =
        TWO_BUCKETS.replace("  Alpha:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: alpha\n", "");
    write(dir.path(), "stacks/app.yaml", &without_alpha);
    let (code, v) = json_scan(&["--select", "PAL-S3", "--baseline", ".palisade-baseline.json"], dir.path());
    assert_eq!(code, 0, "{v:#}");
    let d = v["diagnostics"].as_array().unwrap();
    assert!(!d.is_empty());
    assert!(d.iter().all(|d| d["kind"] == "baseline" && d["message"].as_str().unwrap().contains("(Alpha)")), "{d:?}");
}

/// The insecure example template, rewritten in JSON (short-form tags in their long form).
fn insecure_stack_as_json() -> String {
    let src = SourceFile::new("insecure-stack.yaml", std::fs::read_to_string("examples/insecure-stack.yaml").unwrap());
    let docs = palisade::parse::parse_yaml(&src, &palisade::parse::Limits::default()).unwrap();
    serde_json::to_string_pretty(&docs[0].root.to_json()).unwrap()
}

#[test]
fn subjects_are_the_same_whatever_the_input_language() {
    let yaml = std::fs::read_to_string("examples/insecure-stack.yaml").unwrap();
    let subjects = |path: &str, text: String| {
        let s = palisade::scan::scan_source(SourceFile::new(path, text), &ScanOptions::default()).unwrap();
        let mut v: Vec<(String, String, Option<String>)> = s
            .findings
            .iter()
            .map(|f| (f.rule.id.to_string(), f.resource_id().to_string(), f.subject.as_deref().map(str::to_string)))
            .collect();
        v.sort();
        v
    };
    let from_yaml = subjects("stack.yaml", yaml);
    assert!(from_yaml.len() > 20 && from_yaml.iter().all(|(_, _, s)| s.is_some()), "{from_yaml:#?}");
    assert!(from_yaml.iter().any(|(rule, _, s)| rule == "PAL-S3-004"
        && s.as_deref() == Some("Resources.DataBucket.Properties.VersioningConfiguration.Status=Suspended")));
    assert_eq!(subjects("stack.json", insecure_stack_as_json()), from_yaml);
}

#[test]
fn baseline_survives_a_change_of_input_language() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "stack.template", &std::fs::read_to_string("examples/insecure-stack.yaml").unwrap());
    let out = palisade(&["scan", "--write-baseline", "b.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    write(dir.path(), "stack.template", &insecure_stack_as_json());
    let (code, v) = json_scan(&["--baseline", "b.json"], dir.path());
    assert_eq!((code, reported(&v)), (0, vec![]), "{v:#}");
    assert_eq!(v["diagnostics"], Value::Array(vec![]), "{v:#}");
}

#[test]
fn baseline_of_the_first_format_still_applies() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "stacks/app.yaml", TWO_BUCKETS);
    palisade(&["scan", "--select", "PAL-S3", "--write-baseline", "b.json"], dir.path());
    // The same entries as the first format wrote them: fingerprints over the message.
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("b.json")).unwrap()).unwrap();
    doc["version"] = 1.into();
    for e in doc["findings"].as_array_mut().unwrap() {
        let field = |k: &str| e[k].as_str().unwrap_or("").to_string();
        let old = palisade::finding::legacy_fingerprint_of(
            &field("rule_id"),
            &field("file"),
            &field("resource"),
            &field("message"),
        );
        assert_ne!(e["fingerprint"], old);
        e["fingerprint"] = old.into();
    }
    write(dir.path(), "v1.json", &serde_json::to_string_pretty(&doc).unwrap());
    let (code, v) = json_scan(&["--select", "PAL-S3", "--baseline", "v1.json"], dir.path());
    assert_eq!((code, reported(&v)), (0, vec![]), "{v:#}");
    assert_eq!(v["summary"]["suppressed"].as_u64().unwrap() as usize, doc["findings"].as_array().unwrap().len());
    assert_eq!(v["diagnostics"], Value::Array(vec![]), "{v:#}");
    // A new finding is still new; so is the missing public access block, now that the ACL makes
    // the bucket public (its message, which these fingerprints hash, says so).
    write(dir.path(), "stacks/app.yaml", &TWO_BUCKETS.replace("beta\n", "beta\n      AccessControl: PublicRead\n"));
    let (code, v) = json_scan(&["--select", "PAL-S3", "--baseline", "v1.json"], dir.path());
    assert_eq!((code, reported(&v)), (1, pairs(&[("PAL-S3-001", "Beta"), ("PAL-S3-008", "Beta")])), "{v:#}");
}

#[test]
fn subjects_never_hold_secret_values() {
    let text = "Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: admin
      MasterUserPassword: hunter2hunter2
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          API_TOKEN: tok
          ACCESS_KEY: AKIA2OGYBAH6STMMNXNN
";
    let s = palisade::scan::scan_source(SourceFile::new("t.yaml", text.into()), &ScanOptions::default()).unwrap();
    let subjects: Vec<&str> = s.findings.iter().filter_map(|f| f.subject.as_deref()).collect();
    assert!(subjects.contains(&"Resources.Db.Properties.MasterUserPassword"), "{subjects:#?}");
    assert!(
        subjects.iter().any(|s| s.starts_with("Resources.Fn.Properties.Environment.Variables.ACCESS_KEY")),
        "{subjects:#?}"
    );
    assert!(
        subjects.iter().all(|s| !s.contains("hunter2") && !s.contains("AKIA") && !s.ends_with("=tok")),
        "{subjects:#?}"
    );
}

#[test]
fn baseline_counts_identical_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", TWO_BUCKETS);
    palisade(&["scan", "--select", "PAL-S3-004", "--write-baseline", "b.json"], dir.path());
    let (code, _) = json_scan(&["--select", "PAL-S3-004", "--baseline", "b.json"], dir.path());
    assert_eq!(code, 0);
    // A second file with the same findings is new.
    write(dir.path(), "u.yaml", TWO_BUCKETS);
    let (code, v) = json_scan(&["--select", "PAL-S3-004", "--baseline", "b.json"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(reported(&v).len(), 2);
    // A missing or broken baseline is an error.
    let out = palisade(&["scan", "--baseline", "missing.json"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--write-baseline"));
    write(dir.path(), "bad.json", "{\"version\": 1,\n \"findings\": 3}");
    let out = palisade(&["scan", "--baseline", "bad.json"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json:2:"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn config_file_is_found_above_the_scanned_path_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "palisade.toml",
        r#"select = ["PAL-S3"]
ignore = ["s3-encryption-sse-kms"]
fail-on = "high"
exclude = ["generated"]

[severity]
PAL-S3-004 = "critical"

[per-path-ignores]
"legacy/**" = ["PAL-S3-005"]
"#,
    );
    write(dir.path(), "app/t.yaml", TWO_BUCKETS);
    write(dir.path(), "legacy/t.yaml", TWO_BUCKETS);
    write(dir.path(), "generated/t.yaml", TWO_BUCKETS);
    let (code, v) = json_scan(&["."], &dir.path().join("app"));
    assert_eq!(code, 1, "critical PAL-S3-004 is at or above fail-on = high");
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().all(|f| f["file"] == "t.yaml"));
    let v4: Vec<&Value> = findings.iter().filter(|f| f["rule_id"] == "PAL-S3-004").collect();
    assert!(!v4.is_empty() && v4.iter().all(|f| f["severity"] == "critical"));

    let (_, v) = json_scan(&[], dir.path());
    let files: std::collections::BTreeSet<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(files.into_iter().collect::<Vec<_>>(), ["app/t.yaml", "legacy/t.yaml"]);
    let legacy: Vec<(String, String)> = reported(&v).into_iter().filter(|(r, _)| r == "PAL-S3-005").collect();
    assert_eq!(legacy.len(), 2, "only app/t.yaml reports PAL-S3-005: {legacy:?}");
    assert!(
        v["suppressed"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["file"] == "legacy/t.yaml" && s["suppression"]["kind"] == "config")
    );

    // The command line wins: --fail-on replaces fail-on, --select replaces select.
    let (code, _) = json_scan(&["--fail-on", "critical", "--select", "PAL-S3-005"], dir.path());
    assert_eq!(code, 0);
    // --no-config reads nothing.
    let (_, v) = json_scan(&["--no-config", "--select", "PAL-S3-004"], dir.path());
    assert_eq!(v["findings"].as_array().unwrap().len(), 6);
}

#[test]
fn config_parameters_per_glob_feed_the_evaluator() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = "Parameters:\n  Acl:\n    Type: String\n    Default: Private\nResources:\n  Site:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: !Ref Acl\n";
    write(dir.path(), "stacks/prod.yaml", tpl);
    write(dir.path(), "stacks/dev.yaml", tpl);
    write(dir.path(), "palisade.toml", "[parameters.\"stacks/prod*.yaml\"]\nAcl = \"PublicRead\"\n");
    let (code, v) = json_scan(&["--select", "PAL-S3-008"], dir.path());
    assert_eq!(code, 1);
    let files: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["stacks/prod.yaml"]);
    // --parameters wins over the configuration.
    write(dir.path(), "p.json", r#"{"Acl": "Private"}"#);
    let (code, _) = json_scan(&["--select", "PAL-S3-008", "--parameters", "p.json"], dir.path());
    assert_eq!(code, 0);
}

#[test]
fn config_errors_point_at_the_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", TWO_BUCKETS);
    write(dir.path(), "palisade.toml", "fail-on = \"high\"\n\n[severity]\nPAL-S3-004 = \"loud\"\n");
    let out = palisade(&["scan"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("palisade.toml:4:14: unknown severity `loud`"), "{err}");
    write(dir.path(), "palisade.toml", "fail-on = \"high\"\nselct = [\"PAL-S3\"]\n");
    let out = palisade(&["scan"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("palisade.toml:2:1:") && err.contains("selct"), "{err}");
    let out = palisade(&["config", "--show"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn config_show_prints_the_effective_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let out = palisade(&["config", "--show"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("no palisade.toml found") && text.contains("fail-on = \"low\""), "{text}");
    write(dir.path(), "palisade.toml", "fail-on = \"medium\"\n[per-path-ignores]\n\"old/**\" = [\"PAL-S3-005\"]\n");
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    let out = palisade(&["config", "--show", "sub"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("fail-on = \"medium\""), "{text}");
    assert!(text.contains("\"old/**\" = [\"PAL-S3-005\"]"), "{text}");
    // What it prints is itself a valid configuration, with the same effect.
    write(dir.path(), "shown/palisade.toml", &text);
    let out = palisade(&["config", "--show", "--config", "shown/palisade.toml"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let again = String::from_utf8_lossy(&out.stdout);
    let body = |t: &str| t.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again), body(&text));
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

#[test]
fn diff_scans_only_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "a.yaml", TWO_BUCKETS);
    write(d, "b.yaml", TWO_BUCKETS);
    write(d, "c.yaml", TWO_BUCKETS);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "start"]);
    let (_, v) = json_scan(&["--select", "PAL-S3-004", "--diff", "HEAD"], d);
    assert_eq!(v["summary"]["files_scanned"], 0, "{v:#}");
    write(d, "b.yaml", &TWO_BUCKETS.replace("alpha", "alpha2"));
    write(d, "new/d.yaml", TWO_BUCKETS);
    let (code, v) = json_scan(&["--select", "PAL-S3-004", "--diff", "HEAD"], d);
    assert_eq!(code, 1);
    let files: std::collections::BTreeSet<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(files.into_iter().collect::<Vec<_>>(), ["b.yaml", "new/d.yaml"]);
    // Committed changes count too; the paths may be a subdirectory.
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "more"]);
    let (_, v) = json_scan(&["--select", "PAL-S3-004", "--diff", "HEAD~1", "new"], d);
    assert_eq!(v["summary"]["files_scanned"], 1, "{v:#}");
    let out = palisade(&["scan", "--diff", "no-such-rev"], d);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown git revision `no-such-rev`"));
}

#[test]
fn diff_outside_a_repository_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", TWO_BUCKETS);
    let out = palisade(&["scan", "--diff", "HEAD"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = palisade_stdin(&["scan", "-", "--select", "PAL-S3-004", "--format", "json"], dir.path(), TWO_BUCKETS);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["file"], "<stdin>");
    assert_eq!(v["findings"].as_array().unwrap().len(), 2);
    let json = r#"{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}"#;
    let out = palisade_stdin(
        &["scan", "-", "--stdin-filename", "stacks/a.template", "--select", "PAL-S3-004", "--format", "json"],
        dir.path(),
        json,
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["file"], "stacks/a.template");
    assert_eq!(v["findings"][0]["line"], 1);
    // Suppression comments work on standard input too.
    let text = TWO_BUCKETS.replace("  Alpha:\n", "  Alpha: # palisade:ignore PAL-S3-004 ok\n");
    let out = palisade_stdin(&["scan", "-", "--select", "PAL-S3-004", "--format", "json"], dir.path(), &text);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    let out = palisade_stdin(&["scan", "-", "t.yaml"], dir.path(), "");
    assert_eq!(out.status.code(), Some(2));
    let out = palisade_stdin(&["scan", "-"], dir.path(), "AWSTemplateFormatVersion: x\nResources: [\n");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn show_fixes_diff_applies_and_the_rescan_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    let text = "AWSTemplateFormatVersion: '2010-09-09'
# Buckets of the app.
Resources:
  Alpha:
    Type: AWS::S3::Bucket # no properties at all
  Beta:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: beta  # keep this comment
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: false
      VersioningConfiguration:
        Status: Suspended

  Gamma:
    Type: AWS::S3::Bucket
    Properties: {BucketName: gamma}
";
    write(d, "stack.yaml", text);
    git(d, &["add", "."]);
    let rules = "PAL-S3-001,PAL-S3-004";
    let out = palisade(&["scan", "--select", rules], d);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("of these findings have a mechanical fix: `--show-fixes`"), "{text}");
    let (code, v) = json_scan(&["--select", rules, "--show-fixes"], d);
    assert_eq!(code, 1);
    let fixes = v["fixes"].as_array().unwrap();
    assert_eq!(fixes.len(), 1, "{v:#}");
    assert_eq!(fixes[0]["resources"], serde_json::json!(["Alpha", "Beta"]));
    let diff = fixes[0]["diff"].as_str().unwrap();
    write(d, "fix.patch", diff);
    git(d, &["apply", "--check", "fix.patch"]);
    git(d, &["apply", "fix.patch"]);
    std::fs::remove_file(d.join("fix.patch")).unwrap();
    let fixed = std::fs::read_to_string(d.join("stack.yaml")).unwrap();
    assert!(
        fixed.contains("# Buckets of the app.") && fixed.contains("BucketName: beta  # keep this comment"),
        "{fixed}"
    );
    assert!(fixed.contains("Type: AWS::S3::Bucket # no properties at all\n    Properties:\n"), "{fixed}");
    let (code, v) = json_scan(&["--select", rules], d);
    // Gamma's flow-style map is not fixed mechanically; everything else is.
    assert_eq!(code, 1);
    let left = reported(&v);
    assert!(!left.is_empty() && left.iter().all(|(_, r)| r == "Gamma"), "{left:?}");
    // What is left has no mechanical fix.
    let out = palisade(&["scan", "--select", rules, "--show-fixes"], d);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("No mechanical fix"), "{text}");
    let out = palisade(&["scan", "--select", rules], d);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("--show-fixes"));
}

#[test]
fn show_fixes_for_rds_encryption_and_kms_rotation() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    let text = "Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      StorageEncrypted: 'false'   # was turned off for a test
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-mysql
  Key:
    Type: AWS::KMS::Key
    Properties:
      Description: app key
";
    write(d, "db.yaml", text);
    let rules = "PAL-RDS-001,PAL-KMS-001";
    let (code, v) = json_scan(&["--select", rules], d);
    assert_eq!(code, 1);
    let before = reported(&v);
    assert_eq!(before.len(), 3, "{before:?}");
    let (_, v) = json_scan(&["--select", rules, "--show-fixes"], d);
    write(d, "fix.patch", v["fixes"][0]["diff"].as_str().unwrap());
    git(d, &["apply", "fix.patch"]);
    std::fs::remove_file(d.join("fix.patch")).unwrap();
    let fixed = std::fs::read_to_string(d.join("db.yaml")).unwrap();
    assert!(fixed.contains("StorageEncrypted: true   # was turned off for a test"), "{fixed}");
    assert!(fixed.contains("      Engine: aurora-mysql\n      StorageEncrypted: true\n"), "{fixed}");
    assert!(fixed.contains("      Description: app key\n      EnableKeyRotation: true\n"), "{fixed}");
    let (code, v) = json_scan(&["--select", rules], d);
    assert_eq!((code, reported(&v)), (0, vec![]), "{fixed}");
}

#[test]
fn secret_allow_list_applies_to_the_offending_text() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = "Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: admin
      MasterUserPassword: ExampleOnly-Passw0rd
  Other:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      MasterUsername: admin
      MasterUserPassword: Adm1nPassw0rd
";
    write(dir.path(), "t.yaml", tpl);
    let (_, v) = json_scan(&["--select", "PAL-SEC"], dir.path());
    let before = reported(&v);
    assert!(before.contains(&("PAL-SEC-001".into(), "Db".into())), "{before:?}");
    assert!(before.contains(&("PAL-SEC-001".into(), "Other".into())), "{before:?}");
    write(dir.path(), "palisade.toml", "[secrets]\nallow = [\"^ExampleOnly-\"]\n");
    let (_, v) = json_scan(&["--select", "PAL-SEC"], dir.path());
    let after = reported(&v);
    assert!(!after.contains(&("PAL-SEC-001".into(), "Db".into())), "{after:?}");
    assert!(after.contains(&("PAL-SEC-001".into(), "Other".into())), "{after:?}");
    assert_eq!(v["suppressed"][0]["suppression"]["kind"], "config");
}

#[test]
fn sarif_with_suppressed_results_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let text = TWO_BUCKETS
        .replace("  Alpha:\n", "  Alpha: # palisade:ignore PAL-S3-004 accepted\n")
        .replace("  Beta:\n", "  Beta: # palisade:ignore PAL-S3-005\n");
    write(dir.path(), "t.yaml", &text);
    write(dir.path(), "palisade.toml", "[per-path-ignores]\n\"t.yaml\" = [\"PAL-S3-002\"]\n");
    let out = palisade(&["scan", "--format", "sarif"], dir.path());
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = common::sarif_validator();
    let errors: Vec<String> = validator.iter_errors(&sarif).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let kinds: Vec<&str> = results.iter().filter_map(|r| r["suppressions"][0]["kind"].as_str()).collect::<Vec<_>>();
    assert_eq!(kinds.iter().filter(|k| **k == "inSource").count(), 2, "{kinds:?}");
    assert_eq!(kinds.iter().filter(|k| **k == "external").count(), 2, "{kinds:?}");
    // The reason-less suppression is a tool notification.
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
}

#[test]
fn show_fixes_in_json_templates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    let text = r#"{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Uploads": {
      "Type": "AWS::S3::Bucket",
      "Properties": {
        "VersioningConfiguration": {
          "Status": "Suspended"
        }
      }
    }
  }
}
"#;
    write(d, "stack.json", text);
    let rules = "PAL-S3-001,PAL-S3-004";
    let (code, v) = json_scan(&["--select", rules, "--show-fixes"], d);
    assert_eq!(code, 1);
    write(d, "fix.patch", v["fixes"][0]["diff"].as_str().unwrap());
    git(d, &["apply", "fix.patch"]);
    std::fs::remove_file(d.join("fix.patch")).unwrap();
    let fixed = std::fs::read_to_string(d.join("stack.json")).unwrap();
    assert!(
        fixed
            .contains("          \"Status\": \"Enabled\"\n        },\n        \"PublicAccessBlockConfiguration\": {\n"),
        "{fixed}"
    );
    let (code, v) = json_scan(&["--select", rules], d);
    assert_eq!((code, reported(&v)), (0, vec![]), "{fixed}");
}

#[test]
fn pre_commit_hook_definition() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    let src = SourceFile::new(".pre-commit-hooks.yaml", text);
    let docs = palisade::parse::parse_yaml(&src, &Default::default()).unwrap();
    let hooks = docs[0].root.to_json();
    let hooks = hooks.as_array().unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["palisade", "palisade-system"]);
    for (hook, language) in hooks.iter().zip(["rust", "system"]) {
        assert_eq!(hook["language"], language);
        // The whole repository, the staged files reported: see scripts/test-pre-commit.sh.
        assert_eq!(hook["entry"], "palisade scan --staged");
        assert_eq!(hook["pass_filenames"], false);
        let description = hook["description"].as_str().unwrap();
        for language in ["CloudFormation", "Terraform", "Kubernetes", "IAM"] {
            assert!(description.contains(language), "{description}");
        }
        let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
        for name in
            ["a.yaml", "b/c.yml", "d.json", "e.template", "main.tf", "main.tf.json", "prod.tfvars", "x.tfvars.json"]
        {
            assert!(files.is_match(name), "{name}");
        }
        for name in ["f.toml", "main.tf.bak", "README.md"] {
            assert!(!files.is_match(name), "{name}");
        }
    }
}

#[test]
fn files_named_explicitly_still_honour_config_excludes() {
    // pre-commit passes file names; excluded files must stay excluded.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "palisade.toml", "exclude = [\"vendor/**\"]\n");
    write(dir.path(), "vendor/t.yaml", TWO_BUCKETS);
    write(dir.path(), "app/t.yaml", TWO_BUCKETS);
    let (code, v) = json_scan(&["--select", "PAL-S3-004", "vendor/t.yaml", "app/t.yaml"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(v["summary"]["files_scanned"], 1);
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["file"] == "app/t.yaml"));
}

const DEPLOYMENT: &str = "apiVersion: apps/v1
kind: Deployment
metadata:
  name: NAME
  namespace: shop
spec:
  selector:
    matchLabels: {app: NAME}
  template:
    metadata:
      labels: {app: NAME}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.0
          securityContext:
            privileged: true
";

const DEFAULT_DENY: &str = "apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
";

fn deployment(name: &str) -> String {
    DEPLOYMENT.replace("NAME", name)
}

#[test]
fn kubernetes_annotations_suppress_their_rule_on_their_object_only() {
    let dir = tempfile::tempdir().unwrap();
    let annotated = deployment("api").replace(
        "  namespace: shop\n",
        "  namespace: shop\n  annotations:\n    palisade.dev/ignore: \"PAL-K8S-003: the node agent needs it; k8s-image-registry\"\n",
    );
    write(dir.path(), "deploy.yaml", &format!("{annotated}---\n{}", deployment("web")));
    let (_, v) = json_scan(&["--select", "PAL-K8S-003,PAL-K8S-027", "--allowed-registry", "ghcr.io/acme"], dir.path());
    assert_eq!(
        reported(&v),
        pairs(&[("PAL-K8S-027", "Deployment/shop/web"), ("PAL-K8S-003", "Deployment/shop/web")]),
        "{v:#}"
    );
    let sup: Vec<&str> = v["suppressed"].as_array().unwrap().iter().map(|s| s["rule_id"].as_str().unwrap()).collect();
    assert_eq!(sup, ["PAL-K8S-027", "PAL-K8S-003"]);
    // `k8s-image-registry` has no reason: a warning at the annotation.
    let d = v["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0]["kind"].as_str(), d[0]["line"].as_u64()), (Some("suppression"), Some(7)));
}

#[test]
fn comments_suppress_in_kubernetes_manifests_too() {
    let dir = tempfile::tempdir().unwrap();
    let text = deployment("web").replace(
        "            privileged: true\n",
        "            privileged: true # palisade:ignore PAL-K8S-003 debugging sidecar, removed in JIRA-12\n",
    );
    write(dir.path(), "deploy.yaml", &text);
    let (code, v) = json_scan(&["--select", "PAL-K8S-003"], dir.path());
    assert_eq!((code, reported(&v)), (0, vec![]), "{v:#}");
}

#[test]
fn config_allowed_registries_feed_the_image_rule() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deploy.yaml", &deployment("web"));
    write(dir.path(), "palisade.toml", "[images]\nallowed-registries = [\"ghcr.io/acme\"]\n");
    let (_, v) = json_scan(&["--select", "PAL-K8S-027"], dir.path());
    assert_eq!(reported(&v), pairs(&[("PAL-K8S-027", "Deployment/shop/web")]));
    write(dir.path(), "palisade.toml", "[images]\nallowed-registries = [\"registry.example.com\"]\n");
    let (code, v) = json_scan(&["--select", "PAL-K8S-027"], dir.path());
    assert_eq!((code, reported(&v)), (0, vec![]));
    // The command line adds to the configuration's list.
    write(dir.path(), "palisade.toml", "[images]\nallowed-registries = [\"ghcr.io/acme\"]\n");
    let (code, _) = json_scan(&["--select", "PAL-K8S-027", "--allowed-registry", "registry.example.com"], dir.path());
    assert_eq!(code, 0);
}

#[test]
fn diff_still_reads_the_manifests_that_govern_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q"]);
    write(d, "deploy.yaml", &deployment("web"));
    write(d, "netpol.yaml", DEFAULT_DENY);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "start"]);
    let rules = "PAL-K8S-030,PAL-K8S-031,PAL-K8S-003";
    // Only the deployment changed: the unchanged default-deny policy still covers it.
    write(d, "deploy.yaml", &deployment("web").replace("web:1.0", "web:1.1"));
    let (_, v) = json_scan(&["--select", rules, "--diff", "HEAD"], d);
    assert_eq!(reported(&v), pairs(&[("PAL-K8S-003", "Deployment/shop/web")]), "{v:#}");
    assert_eq!(v["summary"]["files_scanned"], 1);
    // Only the policy changed: nothing is reported about the unchanged deployment.
    git(d, &["checkout", "-q", "deploy.yaml"]);
    write(d, "netpol.yaml", &DEFAULT_DENY.replace("[Ingress, Egress]", "[Ingress]"));
    let (code, v) = json_scan(&["--select", rules, "--diff", "HEAD"], d);
    assert_eq!((code, reported(&v)), (0, vec![]), "{v:#}");
    // Scanned alone, the deployment has no default-deny policy.
    let (_, v) = json_scan(&["--select", rules, "deploy.yaml"], d);
    assert_eq!(reported(&v).len(), 3, "{v:#}");
}

/// The fenced code blocks of the README in `lang`, in order.
fn readme_blocks(lang: &str) -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut out = Vec::new();
    // The block being read and the indentation of its fence (blocks inside list items).
    let mut current: Option<(String, usize)> = None;
    for line in text.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        match &mut current {
            None if t == format!("```{lang}") => current = Some((String::new(), indent)),
            Some(_) if t == "```" => out.push(current.take().unwrap().0),
            Some((block, fence)) => {
                block.push_str(line.get(*fence..).unwrap_or(""));
                block.push('\n');
            }
            None => {}
        }
    }
    out
}

#[test]
fn readme_configuration_examples_are_valid() {
    let blocks = readme_blocks("toml");
    assert!(blocks.len() >= 2);
    for b in blocks {
        Config::parse(&b, Path::new("README/palisade.toml")).unwrap_or_else(|e| panic!("{e}\n{b}"));
    }
}

#[test]
fn readme_suppression_example_suppresses_what_it_says() {
    let block = readme_blocks("yaml").into_iter().find(|b| b.contains("# palisade:ignore PAL-S3-005")).unwrap();
    let s = scan_text(&block, &["PAL-S3-004", "PAL-S3-005"]);
    assert_eq!(found(&s), vec![], "{block}");
    assert_eq!(s.suppressed.len(), 2);
    assert!(s.report.diagnostics.is_empty());
}
