//! Templates with more undecidable conditions than are explored in every combination: each
//! finding is still reported, and says exactly when it holds; a resource that depends on
//! more conditions than are explored together is reported as not analysed.

use palisade::finding::DiagnosticKind;
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;
use serde_json::{Value, json};

/// A template whose parameters `P1`..`Pn` have no default, so that conditions `C1`..`Cn`
/// (`Pi` equals `x`) cannot be decided.
fn template(n: usize, resources: Value) -> String {
    let mut params = serde_json::Map::new();
    let mut conds = serde_json::Map::new();
    for i in 1..=n {
        params.insert(format!("P{i}"), json!({"Type": "String"}));
        conds.insert(format!("C{i}"), json!({"Fn::Equals": [{"Ref": format!("P{i}")}, "x"]}));
    }
    serde_json::to_string_pretty(&json!({
        "AWSTemplateFormatVersion": "2010-09-09",
        "Parameters": params,
        "Conditions": conds,
        "Resources": resources,
    }))
    .unwrap()
}

fn scan(text: String) -> palisade::report::ScanReport {
    let opts = ScanOptions { select: vec!["PAL-S3-008".into()], ..ScanOptions::default() };
    scan_source(SourceFile::new("t.json", text), &opts).unwrap()
}

/// `when` of the public-ACL finding about `id`, or `None` when there is none.
fn when_of(report: &palisade::report::ScanReport, id: &str) -> Option<Option<String>> {
    report
        .findings
        .iter()
        .find(|f| f.resource.as_ref().is_some_and(|r| &*r.id == id))
        .map(|f| f.when.as_ref().map(|w| w.en()))
}

fn acl_if(cond: &str, then: &str, other: &str) -> Value {
    json!({"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": {"Fn::If": [cond, then, other]}}})
}

#[test]
fn a_finding_that_depends_on_the_sixth_condition_is_reported() {
    let mut resources = serde_json::Map::new();
    for i in 1..=5 {
        resources.insert(format!("Bucket{i}"), acl_if(&format!("C{i}"), "PublicRead", "Private"));
    }
    resources.insert("Bucket6".into(), acl_if("C6", "Private", "PublicRead"));
    let report = scan(template(6, Value::Object(resources)));
    for i in 1..=5 {
        assert_eq!(
            when_of(&report, &format!("Bucket{i}")),
            Some(Some(format!("C{i} is true"))),
            "{:#?}",
            report.findings
        );
    }
    assert_eq!(when_of(&report, "Bucket6"), Some(Some("C6 is false".into())), "{:#?}", report.findings);
    assert!(report.diagnostics.iter().all(|d| d.kind != DiagnosticKind::NotAnalysed), "{:?}", report.diagnostics);
}

#[test]
fn a_resource_sees_every_combination_of_its_conditions() {
    // `Both` exists when C6 holds and is public when C5 does; C5 also matters to `Bucket5`.
    let mut resources = serde_json::Map::new();
    for i in 1..=5 {
        resources.insert(format!("Bucket{i}"), acl_if(&format!("C{i}"), "PublicRead", "Private"));
    }
    resources.insert(
        "Both".into(),
        json!({"Type": "AWS::S3::Bucket", "Condition": "C6",
               "Properties": {"AccessControl": {"Fn::If": ["C5", "PublicReadWrite", "Private"]}}}),
    );
    let report = scan(template(6, Value::Object(resources)));
    assert_eq!(when_of(&report, "Both"), Some(Some("C5 is true and C6 is true".into())), "{:#?}", report.findings);
    assert_eq!(when_of(&report, "Bucket5"), Some(Some("C5 is true".into())));
}

#[test]
fn a_resource_that_depends_on_too_many_conditions_is_reported_as_not_analysed() {
    // Nested `Fn::If`s over C1..C7: public only when all of them hold.
    let mut acl = json!("PublicRead");
    for i in (1..=7).rev() {
        acl = json!({"Fn::If": [format!("C{i}"), acl, "Private"]});
    }
    let resources = json!({"Deep": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": acl}}});
    let text = template(7, resources);
    let line = text.lines().position(|l| l.contains("\"Deep\"")).unwrap() as u32 + 1;
    let report = scan(text);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::NotAnalysed && d.message.en().contains("`C7`"))
        .unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    assert_eq!(d.line, line, "{d:?}");
    assert!(d.message.en().contains("`Deep`") && !d.message.en().contains("`C6`"), "{}", d.message.en());
}

/// Scans a YAML template with the given rules.
fn scan_yaml(text: &str, rules: &[&str]) -> palisade::report::ScanReport {
    let opts = ScanOptions { select: rules.iter().map(|r| r.to_string()).collect(), ..ScanOptions::default() };
    scan_source(SourceFile::new("t.yaml", text.to_string()), &opts).unwrap()
}

#[test]
fn yaml_1_1_booleans_and_integers_read_as_cloudformation_reads_them() {
    let text = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Plain:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: no
      PubliclyAccessible: On
      BackupRetentionPeriod: 0x1
  Quoted:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      StorageEncrypted: 'no'
      PubliclyAccessible: y
      BackupRetentionPeriod: 0o1
";
    let report = scan_yaml(text, &["PAL-RDS-001", "PAL-RDS-003", "PAL-RDS-005"]);
    let lines = |id: &str| -> Vec<u32> {
        report.findings.iter().filter(|f| f.rule.id == id).map(|f| f.location.span.line).collect()
    };
    // `no`, `On` and `0x1` are what YAML 1.1 makes of them: false, true and 1.
    assert_eq!(lines("PAL-RDS-001"), vec![7], "{:#?}", report.findings);
    assert_eq!(lines("PAL-RDS-003"), vec![8], "{:#?}", report.findings);
    // A retention of 1 day is too short; `0o1` is not known.
    assert_eq!(lines("PAL-RDS-005"), vec![9], "{:#?}", report.findings);
    let notes: Vec<(u32, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::NotAnalysed)
        .map(|d| (d.line, d.message.en()))
        .collect();
    assert_eq!(notes.len(), 3, "{notes:#?}");
    assert!(notes.iter().any(|(l, m)| *l == 14 && m.contains("`no`") && m.contains("write `false`")), "{notes:#?}");
    assert!(notes.iter().any(|(l, m)| *l == 15 && m.contains("`y`") && m.contains("write `true`")), "{notes:#?}");
    assert!(notes.iter().any(|(l, m)| *l == 16 && m.contains("`0o1`") && m.contains("write `1`")), "{notes:#?}");
}

#[test]
fn a_large_template_explores_fewer_conditions_and_says_which() {
    // Every variant lowers the whole template: one of 300 kB explores at most 4 conditions
    // together (16 variants), not 6.
    let mut acl = json!("PublicRead");
    for i in (1..=6).rev() {
        acl = json!({"Fn::If": [format!("C{i}"), acl, "Private"]});
    }
    let resources = json!({
        "Deep": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": acl}},
        "One": acl_if("C1", "PublicRead", "Private"),
    });
    let mut doc: Value = serde_json::from_str(&template(6, resources)).unwrap();
    doc["Description"] = json!("d".repeat(300_000));
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let line = text.lines().position(|l| l.contains("\"Deep\"")).unwrap() as u32 + 1;
    let report = scan(text);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.kind == DiagnosticKind::NotAnalysed && d.message.en().contains("`Deep`"))
        .unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    assert_eq!(d.line, line, "{d:?}");
    let message = d.message.en();
    assert!(message.contains("`C5`, `C6`") && !message.contains("`C4`"), "{message}");
    assert!(message.contains("more than 16 combinations"), "{message}");
    // What depends on the explored conditions only is reported as before.
    assert_eq!(when_of(&report, "One"), Some(Some("C1 is true".into())), "{:#?}", report.findings);
    assert_eq!(when_of(&report, "Deep"), None, "{:#?}", report.findings);
}
