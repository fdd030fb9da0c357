//! The JSON report. Its schema is documented in `docs/json-schema.md`; `schema_version` follows
//! the policy described there (additive changes bump the minor version).

use serde_json::{Map, Value, json};

use super::{Region, ScanReport, count_by_layer, count_by_severity, error_count};
use crate::finding::{Diagnostic, Finding};
use crate::source::Location;

/// The version of the JSON document's schema.
pub const SCHEMA_VERSION: &str = "1.1";

/// Renders the JSON report: pretty-printed with two-space indentation and a trailing newline.
pub fn render(report: &ScanReport) -> String {
    let doc = document(report);
    let mut s = serde_json::to_string_pretty(&doc).expect("a JSON value always serializes");
    s.push('\n');
    s
}

/// The JSON report as a value.
pub fn document(report: &ScanReport) -> Value {
    let by_severity: Map<String, Value> =
        count_by_severity(&report.findings).into_iter().map(|(s, n)| (s.as_str().to_string(), json!(n))).collect();
    let by_layer: Map<String, Value> =
        count_by_layer(&report.findings).into_iter().map(|(l, n)| (l.as_str().to_string(), json!(n))).collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "tool": { "name": "palisade", "version": crate::VERSION },
        "summary": {
            "files_scanned": report.files_scanned,
            "findings": report.findings.len(),
            "by_severity": by_severity,
            "by_layer": by_layer,
            "errors": error_count(report),
        },
        "findings": report.findings.iter().map(finding).collect::<Vec<_>>(),
        "diagnostics": report.diagnostics.iter().map(diagnostic).collect::<Vec<_>>(),
    })
}

pub(crate) fn finding(f: &Finding) -> Value {
    let r = Region::of(f.location.span);
    json!({
        "rule_id": &f.rule.id,
        "slug": &f.rule.slug,
        "title": &f.rule.title,
        "severity": f.severity,
        "layer": f.rule.layer,
        "service": &f.rule.service,
        "well_architected": f.rule.well_architected,
        "controls": f.rule.controls,
        "message": f.full_message(),
        "when": f.when,
        "file": &*f.location.file,
        "line": r.line,
        "column": r.col,
        "end_line": r.end_line,
        "end_column": r.end_col,
        "resource": f.resource.as_ref().map(|r| json!({ "id": r.id, "type": r.kind })),
        "related": f.related.iter().map(|r| related(&r.location, &r.message)).collect::<Vec<_>>(),
        "remediation": f.rule.remediation.trim(),
        "fingerprint": f.fingerprint(),
    })
}

fn related(location: &Location, message: &str) -> Value {
    let r = Region::of(location.span);
    json!({
        "file": &*location.file,
        "line": r.line,
        "column": r.col,
        "end_line": r.end_line,
        "end_column": r.end_col,
        "message": message,
    })
}

fn diagnostic(d: &Diagnostic) -> Value {
    let (line, column) = if d.line > 0 { (json!(d.line), json!(d.col.max(1))) } else { (Value::Null, Value::Null) };
    json!({
        "kind": d.kind,
        "file": &*d.file,
        "line": line,
        "column": column,
        "message": d.message,
    })
}
