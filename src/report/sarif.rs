//! The SARIF 2.1.0 report, for GitHub code scanning and other SARIF consumers.
//!
//! One run; one reporting descriptor per rule; one result per finding. File paths are relative
//! URIs against `%SRCROOT%`, columns count Unicode code points, and every region is well formed
//! (lines and columns at least 1).

use serde_json::{Value, json};

use super::{Region, ScanReport};
use crate::finding::{Diagnostic, Finding, Severity};
use crate::rules::RuleMeta;
use crate::source::Span;

/// Where the SARIF schema lives.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The project's home, as the tool's `informationUri`.
pub const INFORMATION_URI: &str = "https://github.com/palisade-sec/palisade";
/// The base id file URIs are relative to.
pub const SRCROOT: &str = "%SRCROOT%";

/// Renders the SARIF log: pretty-printed with two-space indentation and a trailing newline.
pub fn render(report: &ScanReport) -> String {
    let mut s = serde_json::to_string_pretty(&document(report)).expect("a JSON value always serializes");
    s.push('\n');
    s
}

/// The SARIF log as a value.
pub fn document(report: &ScanReport) -> Value {
    // The rules that ran, plus any rule a finding names that is missing from that list, so that
    // every result's `ruleIndex` points at its descriptor.
    let mut rules: Vec<&RuleMeta> = report.rules.iter().map(|r| &**r).collect();
    for f in &report.findings {
        if !rules.iter().any(|r| r.id == f.rule.id) {
            rules.push(&f.rule);
        }
    }
    let results: Vec<Value> =
        report.findings.iter().map(|f| result(f, rules.iter().position(|r| r.id == f.rule.id).unwrap_or(0))).collect();
    let notifications: Vec<Value> = report.diagnostics.iter().map(notification).collect();
    let successful = !report.diagnostics.iter().any(Diagnostic::is_error);

    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "palisade",
                    "version": crate::VERSION,
                    "informationUri": INFORMATION_URI,
                    "rules": rules.iter().map(|r| descriptor(r)).collect::<Vec<_>>(),
                }
            },
            "invocations": [{
                "executionSuccessful": successful,
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// SARIF level for a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// GitHub's numeric `security-severity` for a severity.
pub fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

fn descriptor(rule: &RuleMeta) -> Value {
    let mut tags: Vec<&str> = vec!["security", rule.layer.as_str(), &rule.service];
    for c in rule.controls.iter() {
        if !tags.contains(&&**c) {
            tags.push(c);
        }
    }
    let documentation = rule.documentation();
    json!({
        "id": rule.id,
        "name": rule.slug,
        "shortDescription": { "text": rule.title },
        "fullDescription": { "text": rule.description.trim() },
        "help": { "text": documentation, "markdown": documentation },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": {
            "security-severity": security_severity(rule.severity),
            "severity": rule.severity,
            "layer": rule.layer,
            "service": rule.service,
            "well-architected": rule.well_architected,
            "controls": rule.controls,
            "tags": tags,
        }
    })
}

pub(crate) fn result(f: &Finding, rule_index: usize) -> Value {
    let mut v = json!({
        "ruleId": &f.rule.id,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": { "text": f.full_message() },
        "locations": [{ "physicalLocation": physical_location(&f.location.file, f.location.span) }],
    });
    let obj = v.as_object_mut().expect("result is an object");
    if !f.related.is_empty() {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "id": i + 1,
                    "physicalLocation": physical_location(&r.location.file, r.location.span),
                    "message": { "text": r.message },
                })
            })
            .collect();
        obj.insert("relatedLocations".into(), json!(related));
    }
    obj.insert("partialFingerprints".into(), json!({ "palisade/v2": f.fingerprint() }));
    let mut props = json!({ "severity": f.severity });
    if let Some(r) = &f.resource {
        props["resource"] = json!(r.id);
        props["resourceType"] = json!(r.kind);
    }
    obj.insert("properties".into(), props);
    v
}

fn notification(d: &Diagnostic) -> Value {
    let mut physical = json!({ "artifactLocation": artifact_location(&d.file) });
    if d.line > 0 {
        // A diagnostic is a point, not a range.
        physical["region"] = json!({ "startLine": d.line, "startColumn": d.col.max(1) });
    }
    json!({
        "level": if d.is_error() { "error" } else { "warning" },
        "message": { "text": d.message },
        "locations": [{ "physicalLocation": physical }],
        "properties": { "kind": d.kind },
    })
}

fn physical_location(file: &str, span: Span) -> Value {
    let r = Region::of(span);
    json!({
        "artifactLocation": artifact_location(file),
        "region": {
            "startLine": r.line,
            "startColumn": r.col,
            "endLine": r.end_line,
            "endColumn": r.end_col,
        },
    })
}
fn artifact_location(file: &str) -> Value {
    let path = file.replace('\\', "/");
    if path.starts_with('/') {
        json!({ "uri": format!("file://{}", encode_uri_path(&path)) })
    } else {
        json!({ "uri": encode_uri_path(&path), "uriBaseId": SRCROOT })
    }
}

/// Percent-encodes a path for use as a URI reference, keeping `/` and the characters RFC 3986
/// allows unencoded in a path segment. `:` is encoded too, so that a relative reference never
/// looks like it starts with a scheme.
fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(encode_uri_path("a b/c#d.yaml"), "a%20b/c%23d.yaml");
        assert_eq!(encode_uri_path("C:/x/é.yaml"), "C%3A/x/%C3%A9.yaml");
        assert_eq!(encode_uri_path("templates/app.yaml"), "templates/app.yaml");
    }

    #[test]
    fn windows_paths_use_forward_slashes() {
        assert_eq!(artifact_location("t\\a.yaml")["uri"], "t/a.yaml");
        assert_eq!(artifact_location("/abs/a.yaml")["uri"], "file:///abs/a.yaml");
    }
}
