//! A hand-built scan report shared by the report tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Arc;

use palisade::finding::{Diagnostic, DiagnosticKind, Finding, Layer, Related, ResourceRef, Severity};
use palisade::report::ScanReport;
use palisade::rules::{RuleMeta, StaticMeta};

/// The metadata of a test rule, as findings carry it.
pub fn meta(m: &StaticMeta) -> std::sync::Arc<RuleMeta> {
    std::sync::Arc::new(m.to_meta())
}
use palisade::source::{Location, SourceFile, Span};

pub const APP_YAML: &str = "\
Parameters:
  Public:
    Type: String
    Default: \"false\"
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicPolicy: !Ref Public
      VersioningConfiguration:
        Status: Enabled
";

pub const IAM_YAML: &str = "\
Resources:
  Admin:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: \"*\"
            Resource: \"*\"
";

pub static S3_PUBLIC: StaticMeta = StaticMeta {
    id: "PAL-S3-001",
    slug: "s3-public-access-block",
    title: "S3 buckets block public access",
    severity: Severity::High,
    layer: Layer::Data,
    service: "s3",
    well_architected: &["SEC08-BP04"],
    controls: &["DATA-01"],
    compliance: &["isms-p:2.10.2", "cis-6.0:3.1.4", "pci-4.0:1.4.4", "fsbp:S3.1"],
    resource_types: &["AWS::S3::Bucket"],
    remediation: "Set all four PublicAccessBlockConfiguration settings to true.",
    description: "A bucket without a public access block can be made public by a bucket policy or an ACL.",
};

pub static S3_LOGGING: StaticMeta = StaticMeta {
    id: "PAL-S3-004",
    slug: "s3-access-logging",
    title: "S3 buckets log server access",
    severity: Severity::Medium,
    layer: Layer::Monitoring,
    service: "s3",
    well_architected: &["SEC04-BP01"],
    controls: &["MON-02", "DATA-01"],
    compliance: &["isms-p:2.9.4", "fsbp:S3.9"],
    resource_types: &["AWS::S3::Bucket"],
    remediation: "Add a LoggingConfiguration\nthat names a log bucket.",
    description: "Without access logs, reads of sensitive objects leave no trace.",
};

pub static IAM_ADMIN: StaticMeta = StaticMeta {
    id: "PAL-IAM-001",
    slug: "iam-no-admin-policy",
    title: "IAM policies do not grant every action on every resource",
    severity: Severity::Critical,
    layer: Layer::Identity,
    service: "iam",
    well_architected: &["SEC03-BP02"],
    controls: &["IAM-01"],
    compliance: &[],
    resource_types: &["AWS::IAM::Policy"],
    remediation: "Grant only the actions and resources the principal needs.",
    description: "`Action: \"*\"` on `Resource: \"*\"` makes the principal an administrator.",
};

/// The span of the `nth` (0-based) occurrence of `needle` in `file`.
pub fn span_of(file: &SourceFile, needle: &str, nth: usize) -> Span {
    let start = file.text.match_indices(needle).nth(nth).expect("needle in fixture").0;
    file.span(start as u32, (start + needle.len()) as u32)
}

pub fn loc(file: &SourceFile, span: Span) -> Location {
    Location::new(Arc::from(file.display_path()), span)
}

/// Three findings over two files, one with a related location and a condition, one with a
/// multi-line span and an overridden severity; one parse error diagnostic.
pub fn sample_report() -> ScanReport {
    let app = Arc::new(SourceFile::new("templates/app.yaml", APP_YAML.to_string()));
    let iam = Arc::new(SourceFile::new("templates/iam.yaml", IAM_YAML.to_string()));

    let logs = ResourceRef { id: "Logs".into(), kind: "AWS::S3::Bucket".into() };
    let public = Finding {
        rule: meta(&S3_PUBLIC),
        severity: Severity::High,
        template: "Bucket `Logs` does not block public access: BlockPublicPolicy is false".into(),
        location: loc(&app, span_of(&app, "!Ref Public", 0)),
        resource: Some(logs.clone()),
        related: vec![Related::new(loc(&app, span_of(&app, "\"false\"", 0)), "default of parameter `Public`")].into(),
        when: Some(Box::new("IsProd is false".into())),
        subject: None,
    };
    // The whole `Logs` resource, from its key to the end of its body.
    let logs_start = APP_YAML.find("Logs:").unwrap() as u32;
    let logging = Finding {
        rule: meta(&S3_LOGGING),
        severity: Severity::Low,
        template: "Bucket `Logs` does not log server access".into(),
        location: loc(&app, app.span(logs_start, APP_YAML.trim_end().len() as u32)),
        resource: Some(logs),
        related: Default::default(),
        when: None,
        subject: None,
    };
    let admin = Finding {
        rule: meta(&IAM_ADMIN),
        severity: Severity::Critical,
        template: "Policy `Admin` allows every action on every resource".into(),
        location: loc(&iam, span_of(&iam, "\"*\"", 0)),
        resource: Some(ResourceRef { id: "Admin".into(), kind: "AWS::IAM::Policy".into() }),
        related: vec![Related::new(loc(&iam, span_of(&iam, "\"*\"", 1)), "every resource")].into(),
        when: None,
        subject: None,
    };

    let mut files = BTreeMap::new();
    files.insert(Arc::from(app.display_path()), app);
    files.insert(Arc::from(iam.display_path()), iam);

    ScanReport {
        findings: vec![logging, public, admin],
        diagnostics: vec![
            Diagnostic {
                kind: DiagnosticKind::Parse,
                file: Arc::from("templates/broken.yaml"),
                line: 3,
                col: 5,
                message: "mapping values are not allowed here".into(),
            },
            Diagnostic {
                kind: DiagnosticKind::NotAnalysed,
                file: Arc::from("templates/iam.yaml"),
                line: 0,
                col: 0,
                message: "Fn::Transform is not expanded".into(),
            },
        ],
        files,
        files_scanned: 3,
        rules: vec![meta(&IAM_ADMIN), meta(&S3_PUBLIC), meta(&S3_LOGGING)],
        evidence: Vec::new(),
        root: None,
    }
}

/// A report with nothing in it.
pub fn empty_report() -> ScanReport {
    ScanReport { files_scanned: 2, rules: vec![meta(&S3_PUBLIC)], ..ScanReport::default() }
}

/// Replaces the crate version so snapshots survive releases, and the rule-set version (see
/// [`redact_rules_version`]).
pub fn redact_version(s: &str) -> String {
    redact_rules_version(&s.replace(&format!("\"{}\"", palisade::VERSION), "\"[VERSION]\""))
}

/// Replaces the `file:` URI SARIF gives `%SRCROOT%` (the checkout's folder, which differs from
/// machine to machine) with `[SRCROOT]`.
pub fn redact_srcroot(s: &str) -> String {
    let Some(at) = s.find("\"originalUriBaseIds\"") else { return s.to_string() };
    let key = "\"uri\": \"";
    let start = at + s[at..].find(key).expect("a base URI") + key.len();
    let end = start + s[start..].find('"').expect("the end of the base URI");
    assert!(s[start..end].starts_with("file:///"), "{}", &s[start..end]);
    format!("{}[SRCROOT]{}", &s[..start], &s[end..])
}

/// Replaces the rule-set version, which any change of any rule's metadata changes, so that
/// snapshots of reports change only with what they show of their findings.
pub fn redact_rules_version(s: &str) -> String {
    s.replace(&format!("\"{}\"", palisade::rules::ruleset_version()), "\"[RULES_VERSION]\"")
}

/// The `language` pattern of the official schema (on `run` and `toolComponent`) has a stray `]`
/// that the draft-07 meta-schema's `regex` format rejects, so the schema would not compile. It is
/// replaced, in memory only, by what it evidently means. Palisade never emits `language`.
const BROKEN_PATTERN: &str = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
const FIXED_PATTERN: &str = r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#;

pub fn sarif_validator() -> jsonschema::Validator {
    let text = include_str!("../data/sarif-schema-2.1.0.json");
    assert_eq!(text.matches(BROKEN_PATTERN).count(), 2, "the schema copy changed");
    let schema: serde_json::Value = serde_json::from_str(&text.replace(BROKEN_PATTERN, FIXED_PATTERN)).unwrap();
    // The schema declares draft-07, whose meta-schema is bundled: no network access is needed.
    // Formats (`uri`, `uri-reference`, ...) are checked too.
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}
