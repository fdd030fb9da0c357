//! OCSF Compliance Finding events (class 2003), one per finding, as a JSON array, for
//! Security Lake and other OCSF consumers.

use serde_json::{Value, json};

use super::{ScanReport, timestamp};
use crate::finding::{Finding, Severity};

/// OCSF schema version the events follow.
pub const OCSF_VERSION: &str = "1.1.0";
/// Compliance Finding.
pub const CLASS_UID: u32 = 2003;
/// Findings.
pub const CATEGORY_UID: u32 = 2;
/// Create.
pub const ACTIVITY_ID: u32 = 1;

/// OCSF `severity_id`: 1 Informational … 5 Critical.
pub fn severity_id(s: Severity) -> u32 {
    match s {
        Severity::Info => 1,
        Severity::Low => 2,
        Severity::Medium => 3,
        Severity::High => 4,
        Severity::Critical => 5,
    }
}

fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Info => "Informational",
        Severity::Low => "Low",
        Severity::Medium => "Medium",
        Severity::High => "High",
        Severity::Critical => "Critical",
    }
}

fn event(f: &Finding, time_ms: u64) -> Value {
    let uid = format!("palisade/{}/{}", f.rule.id, f.fingerprint());
    let mut requirements: Vec<&str> = f.rule.controls.iter().map(|c| &**c).collect();
    requirements.extend(f.rule.well_architected.iter().map(|w| &**w));
    let resources: Vec<Value> = f
        .resource
        .iter()
        .map(|r| {
            json!({
                "uid": format!("{}#{}", f.location.file, r.id),
                "name": r.id,
                "type": r.kind,
                "cloud_partition": "aws",
            })
        })
        .collect();
    json!({
        "activity_id": ACTIVITY_ID,
        "activity_name": "Create",
        "category_uid": CATEGORY_UID,
        "category_name": "Findings",
        "class_uid": CLASS_UID,
        "class_name": "Compliance Finding",
        "type_uid": CLASS_UID * 100 + ACTIVITY_ID,
        "type_name": "Compliance Finding: Create",
        "severity_id": severity_id(f.severity),
        "severity": severity_name(f.severity),
        "status_id": 1,
        "status": "New",
        "time": time_ms,
        "message": f.full_message(),
        "metadata": {
            "version": OCSF_VERSION,
            "uid": uid,
            "product": {"name": "Palisade", "vendor_name": "Palisade", "version": crate::VERSION},
        },
        "finding_info": {
            "uid": uid,
            "title": &f.rule.title,
            "desc": f.full_message(),
            "types": [format!("{} layer", f.rule.layer.as_str())],
            "created_time": time_ms,
            "src_url": format!("palisade rule {}", &f.rule.id),
        },
        "compliance": {
            "standards": ["AWS Well-Architected Framework Security Pillar", "Palisade controls"],
            "requirements": requirements,
            "control": &f.rule.id,
            "status_id": 3,
            "status": "Fail",
        },
        "remediation": {"desc": f.rule.remediation},
        "resources": resources,
        "unmapped": {
            "file": f.location.file.to_string(),
            "line": f.location.span.line,
            "column": f.location.span.col,
            "rule_slug": &f.rule.slug,
            "service": &f.rule.service,
        },
    })
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    let time_ms = timestamp::now_epoch() * 1000;
    let events: Vec<Value> = report.findings.iter().map(|f| event(f, time_ms)).collect();
    let mut s = serde_json::to_string_pretty(&events).unwrap_or_default();
    s.push('\n');
    s
}
