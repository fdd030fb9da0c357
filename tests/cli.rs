//! The real binary: discovery, exit codes, options, errors.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn palisade(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(dir).env("NO_COLOR", "1").output().unwrap()
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

fn rule_ids(v: &Value) -> Vec<String> {
    v["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap().to_string()).collect()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const PUBLIC_BUCKET: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
";

const PARAM_BUCKET: &str = "Parameters:
  Acl:
    Type: String
    Default: Private
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !Ref Acl
";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn insecure_example_fails_secure_example_passes() {
    let (code, v) = json_scan(&["examples/insecure-stack.yaml"], root());
    assert_eq!(code, 1);
    assert!(rule_ids(&v).len() >= 10, "{v}");
    let (code, v) = json_scan(&["examples/secure-stack.yaml"], root());
    assert_eq!(v["findings"], Value::Array(vec![]), "{v:#}");
    assert_eq!(code, 0);
}

#[test]
fn text_output_has_locations_snippets_and_fixes() {
    let out = palisade(&["scan", "examples/insecure-stack.yaml"], root());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("examples/insecure-stack.yaml:149:22: PAL-S3-008"), "{text}");
    assert!(text.contains("AccessControl: PublicRead"), "{text}");
    assert!(text.contains("fix:"), "{text}");
    assert!(!text.contains('\u{1b}'), "no color when not on a terminal");
}

#[test]
fn fail_on_threshold() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", PUBLIC_BUCKET);
    let (code, _) = json_scan(&["--select", "PAL-S3-008"], dir.path());
    assert_eq!(code, 1);
    let (code, v) = json_scan(&["--select", "PAL-S3-008", "--fail-on", "critical"], dir.path());
    assert_eq!(code, 0);
    assert_eq!(rule_ids(&v), ["PAL-S3-008"]);
}

#[test]
fn select_and_ignore_by_id_slug_and_prefix() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", PUBLIC_BUCKET);
    let (_, v) = json_scan(&["--select", "s3-public-acl"], dir.path());
    assert_eq!(rule_ids(&v), ["PAL-S3-008"]);
    let (_, v) = json_scan(&["--select", "PAL-S3", "--ignore", "PAL-S3-008,s3-versioning"], dir.path());
    let ids = rule_ids(&v);
    assert!(
        !ids.is_empty() && ids.iter().all(|i| i.starts_with("PAL-S3-") && i != "PAL-S3-008" && i != "PAL-S3-004"),
        "{ids:?}"
    );
    let out = palisade(&["scan", "--select", "PAL-NOPE-1"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule `PAL-NOPE-1`"));
}

#[test]
fn parse_errors_exit_2_and_other_files_are_still_scanned() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a-broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: [unclosed\n");
    write(
        dir.path(),
        "b-dup.json",
        "{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"}, \"A\": {\"Type\": \"AWS::S3::Bucket\"}}}",
    );
    write(dir.path(), "c.yaml", PUBLIC_BUCKET);
    let (code, v) = json_scan(&["--select", "PAL-S3-008"], dir.path());
    assert_eq!(code, 2);
    assert_eq!(rule_ids(&v), ["PAL-S3-008"]);
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert_eq!(diags[0]["file"], "a-broken.yaml");
    assert!(diags[0]["line"].as_u64().unwrap() >= 3);
    assert_eq!(diags[1]["file"], "b-dup.json");
    assert!(diags[1]["message"].as_str().unwrap().contains("duplicate key"), "{diags:?}");
}

#[test]
fn non_templates_are_skipped_silently() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ci.yml", "on:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    write(dir.path(), "odd.yaml", "Resources:\n  A:\n    Type: [not, a, string]\n");
    write(dir.path(), "package.json", "{\"name\": \"x\"}");
    write(dir.path(), "notes.yaml", "just: [broken\n");
    write(dir.path(), "bin.json", "\u{0}\u{1}\u{2}");
    let (code, v) = json_scan(&[], dir.path());
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["diagnostics"], Value::Array(vec![]));
    assert_eq!(v["summary"]["files_scanned"], 0);
}

#[test]
fn invalid_utf8_template_is_an_error_with_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"AWSTemplateFormatVersion: '2010-09-09'\nDescription: caf".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, b'\n']);
    std::fs::write(dir.path().join("t.yaml"), bytes).unwrap();
    let (code, v) = json_scan(&[], dir.path());
    assert_eq!(code, 2);
    assert_eq!(v["diagnostics"][0]["line"], 2, "{v:#}");
}

#[test]
fn gitignore_exclude_and_no_ignore() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".gitignore", "generated/\n");
    write(dir.path(), "generated/t.yaml", PUBLIC_BUCKET);
    write(dir.path(), "vendor/t.yaml", PUBLIC_BUCKET);
    write(dir.path(), "src/t.yaml", PUBLIC_BUCKET);
    let files = |v: &Value| -> Vec<String> {
        let mut f: Vec<String> =
            v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap().to_string()).collect();
        f.dedup();
        f
    };
    let (_, v) = json_scan(&["--select", "PAL-S3-008", "--exclude", "vendor/**"], dir.path());
    assert_eq!(files(&v), ["src/t.yaml"]);
    let (_, v) = json_scan(&["--select", "PAL-S3-008", "--no-ignore"], dir.path());
    assert_eq!(files(&v), ["generated/t.yaml", "src/t.yaml", "vendor/t.yaml"]);
}

#[test]
fn hidden_folders_are_scanned_tool_and_vcs_folders_are_not() {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        ".deploy/stack.yaml",
        ".stack.yaml",
        ".git/stack.yaml",
        "sub/.git/stack.yaml",
        "node_modules/pkg/stack.yaml",
        ".aws-sam/build/template.yaml",
        ".hidden-ignored/stack.yaml",
        "src/stack.yaml",
    ] {
        write(dir.path(), f, PUBLIC_BUCKET);
    }
    write(
        dir.path(),
        "cdk.out/App.template.json",
        r#"{"Resources": {"Site": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicRead"}}}}"#,
    );
    write(dir.path(), ".gitignore", ".hidden-ignored/\n");
    let files = |v: &Value| -> Vec<String> {
        let mut f: Vec<String> =
            v["findings"].as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap().to_string()).collect();
        f.dedup();
        f
    };
    let (_, v) = json_scan(&["--select", "PAL-S3-008"], dir.path());
    assert_eq!(files(&v), [".deploy/stack.yaml", ".stack.yaml", "cdk.out/App.template.json", "src/stack.yaml"]);
    let (_, v) = json_scan(&["--select", "PAL-S3-008", "--no-ignore"], dir.path());
    assert_eq!(
        files(&v),
        [
            ".aws-sam/build/template.yaml",
            ".deploy/stack.yaml",
            ".hidden-ignored/stack.yaml",
            ".stack.yaml",
            "cdk.out/App.template.json",
            "node_modules/pkg/stack.yaml",
            "src/stack.yaml"
        ]
    );
    // A tool folder named on the command line is walked.
    let (_, v) = json_scan(&["--select", "PAL-S3-008", ".aws-sam"], dir.path());
    assert_eq!(files(&v), [".aws-sam/build/template.yaml"]);
    let (_, v) = json_scan(&["--select", "PAL-S3-008", "--exclude", ".deploy/"], dir.path());
    assert!(!files(&v).contains(&".deploy/stack.yaml".to_string()));
}

#[test]
fn parameters_file_overrides_defaults() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", PARAM_BUCKET);
    write(dir.path(), "params.json", r#"[{"ParameterKey": "Acl", "ParameterValue": "PublicReadWrite"}]"#);
    let (code, v) = json_scan(&["t.yaml", "--select", "PAL-S3-008"], dir.path());
    assert_eq!((code, rule_ids(&v).len()), (0, 0));
    let (code, v) = json_scan(&["t.yaml", "--select", "PAL-S3-008", "--parameters", "params.json"], dir.path());
    assert_eq!(code, 1);
    let f = &v["findings"][0];
    assert_eq!(f["line"], 9);
    assert!(f["related"][0]["message"].as_str().unwrap().contains("Acl"), "{f:#}");
    write(dir.path(), "bad.json", "{");
    let out = palisade(&["scan", "t.yaml", "--parameters", "bad.json"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json"));
}

#[test]
fn parameter_default_is_a_related_location() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", &PARAM_BUCKET.replace("Default: Private", "Default: PublicRead"));
    let (_, v) = json_scan(&["--select", "PAL-S3-008"], dir.path());
    let f = &v["findings"][0];
    assert_eq!(f["line"], 9);
    assert_eq!(f["related"][0]["line"], 4);
}

#[test]
fn undecidable_conditions_qualify_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.yaml",
        "Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: !If [IsProd, Private, PublicRead]
  Only:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties:
      AccessControl: AuthenticatedRead
",
    );
    let (_, v) = json_scan(&["--select", "PAL-S3-008"], dir.path());
    let f = v["findings"].as_array().unwrap();
    assert_eq!(f.len(), 2, "{v:#}");
    assert_eq!(f[0]["when"], "IsProd is false");
    assert!(f[0]["message"].as_str().unwrap().ends_with("(when IsProd is false)"));
    assert_eq!(f[1]["when"], "IsProd is true");
}

#[test]
fn for_each_that_cannot_expand_is_reported_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.yaml",
        "Transform: AWS::LanguageExtensions
Parameters:
  Names:
    Type: CommaDelimitedList
Resources:
  Fn::ForEach::Buckets:
    - Name
    - !Ref Names
    - Bucket${Name}:
        Type: AWS::S3::Bucket
  Fn::ForEach::Known:
    - Name
    - [A, B]
    - Site${Name}:
        Type: AWS::S3::Bucket
        Properties:
          AccessControl: PublicRead
",
    );
    let (code, v) = json_scan(&["--select", "PAL-S3-008"], dir.path());
    assert_eq!(code, 1);
    let ids: Vec<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["resource"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["SiteA", "SiteB"]);
    let d = &v["diagnostics"][0];
    assert_eq!(d["line"], 6);
    assert!(d["message"].as_str().unwrap().contains("Fn::ForEach::Buckets"), "{d}");
}

#[test]
fn output_file_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.yaml", PUBLIC_BUCKET);
    let out = palisade(&["scan", "--format", "sarif", "--output", "out.sarif"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let out = palisade(&["scan", "--format", "yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_listing_and_rule_docs() {
    let out = palisade(&["rules", "--format", "json"], root());
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = v.as_array().unwrap();
    assert!(rules.len() >= 9);
    for r in rules {
        assert!(!r["controls"].as_array().unwrap().is_empty(), "{r}");
        assert!(r["id"].as_str().unwrap().starts_with("PAL-"));
    }
    let out = palisade(&["rules"], root());
    assert!(String::from_utf8_lossy(&out.stdout).contains("PAL-S3-001"));
    let out = palisade(&["rule", "s3-public-access-block"], root());
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(doc.contains("# PAL-S3-001") && doc.contains("## Failing example") && doc.contains("DATA-01"), "{doc}");
    assert!(!doc.contains("# expect:"), "fixture markers are not documentation: {doc}");
    let out = palisade(&["rule", "nope"], root());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, v) = json_scan(&["does-not-exist"], dir.path());
    assert_eq!(code, 2);
    assert_eq!(v["diagnostics"][0]["file"], "does-not-exist");
}

#[test]
fn undefined_references_are_errors_at_their_place_and_silence_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "t.yaml",
        "Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.0.0.0/16}
  Logged:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.1.0.0/16}
  Log:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceIds: [!Ref Logged, !Ref Missing]
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::logs
Outputs:
  Name:
    Value: !Sub ['${Vpc}-${Var}-${!Text}-${Gone.Arn}', {Var: x}]
",
    );
    let (code, v) = json_scan(&["--select", "PAL-EC2-008"], dir.path());
    assert_eq!(code, 2, "an undefined reference is an error in the input");
    let findings = v["findings"].as_array().unwrap();
    let lines: Vec<u64> = findings.iter().map(|f| f["line"].as_u64().unwrap_or(0)).collect();
    assert_eq!(rule_ids(&v), ["PAL-EC2-008"], "{findings:?}");
    assert_eq!(lines, [2], "the VPC no flow log refers to, and only it: {findings:?}");
    let diags: Vec<(String, u64, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["kind"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap(), d["message"].to_string()))
        .collect();
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(diags.iter().all(|(k, _, _)| k == "invalid"), "{diags:?}");
    assert_eq!((diags[0].1, diags[1].1), (11, 18), "{diags:?}");
    assert!(diags[0].2.contains("`Missing`") && diags[1].2.contains("`Gone`"), "{diags:?}");
    // Defined names, pseudo parameters and SAM templates (whose transform defines names) are no error.
    write(
        dir.path(),
        "t.yaml",
        "Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Role: !GetAtt FnRole.Arn, Handler: !Sub '${AWS::Region}-x'}
",
    );
    let (_, v) = json_scan(&[], dir.path());
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["kind"] != "invalid"), "{v}");
}
