//! OCSF Compliance Finding events (class 2003), one per finding, as a JSON array, for
//! Security Lake and other OCSF consumers.

use super::jsonw::JsonWriter;
use super::{ScanReport, fingerprint_hex, timestamp};
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

fn event(w: &mut JsonWriter<'_>, f: &Finding, time_ms: u64) {
    let fingerprint = fingerprint_hex(f);
    let uid: [&str; 4] = ["palisade/", &f.rule.id, "/", fingerprint.as_str()];
    let when = f.when.as_ref().map(|c| c.en());
    let text = f.message();
    let message: &[&str] = match &when {
        Some(when) => &[&text, " (when ", when, ")"],
        None => &[&text],
    };
    w.begin_object();
    w.field_u64("activity_id", ACTIVITY_ID.into());
    w.field_str("activity_name", "Create");
    w.field_u64("category_uid", CATEGORY_UID.into());
    w.field_str("category_name", "Findings");
    w.field_u64("class_uid", CLASS_UID.into());
    w.field_str("class_name", "Compliance Finding");
    w.field_u64("type_uid", (CLASS_UID * 100 + ACTIVITY_ID).into());
    w.field_str("type_name", "Compliance Finding: Create");
    w.field_u64("severity_id", severity_id(f.severity).into());
    w.field_str("severity", severity_name(f.severity));
    w.field_u64("status_id", 1);
    w.field_str("status", "New");
    w.field_u64("time", time_ms);
    w.key("message");
    w.str_parts(message);
    w.key("metadata");
    w.begin_object();
    w.field_str("version", OCSF_VERSION);
    w.key("uid");
    w.str_parts(&uid);
    w.key("product");
    w.begin_object();
    w.field_str("name", "Palisade");
    w.field_str("vendor_name", "Palisade");
    w.field_str("version", crate::VERSION);
    w.end_object();
    w.end_object();
    w.key("finding_info");
    w.begin_object();
    w.key("uid");
    w.str_parts(&uid);
    w.field_str("title", &f.rule.title);
    w.key("desc");
    w.str_parts(message);
    w.key("types");
    w.begin_array();
    w.str_parts(&[f.rule.layer.as_str(), " layer"]);
    w.end_array();
    w.field_u64("created_time", time_ms);
    w.key("src_url");
    w.str_parts(&["palisade rule ", &f.rule.id]);
    w.end_object();
    w.key("compliance");
    w.begin_object();
    w.key("standards");
    let frameworks = crate::compliance::by_framework(f.rule.compliance.iter().map(|c| &**c));
    w.strs(
        ["AWS Well-Architected Framework Security Pillar", "Palisade controls"]
            .into_iter()
            .chain(frameworks.iter().map(|(fw, _)| fw.name())),
    );
    w.key("requirements");
    w.strs(f.rule.controls.iter().chain(f.rule.well_architected.iter()).chain(f.rule.compliance.iter()).map(|s| &**s));
    w.field_str("control", &f.rule.id);
    w.field_u64("status_id", 3);
    w.field_str("status", "Fail");
    w.end_object();
    w.key("remediation");
    w.begin_object();
    w.field_str("desc", &f.rule.remediation);
    w.end_object();
    w.key("resources");
    w.begin_array();
    if let Some(r) = &f.resource {
        w.begin_object();
        w.key("uid");
        w.str_parts(&[&f.location.file, "#", &r.id]);
        w.field_str("name", &r.id);
        w.field_str("type", &r.kind);
        w.field_str("cloud_partition", "aws");
        w.end_object();
    }
    w.end_array();
    w.key("unmapped");
    w.begin_object();
    w.field_str("file", &f.location.file);
    w.field_u64("line", f.location.span.line.into());
    w.field_u64("column", f.location.span.col.into());
    w.field_str("rule_slug", &f.rule.slug);
    w.field_str("service", &f.rule.service);
    w.end_object();
    w.end_object();
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    let time_ms = timestamp::now_epoch() * 1000;
    let mut out = String::with_capacity(1024 + 2200 * report.findings.len());
    let mut w = JsonWriter::new(&mut out);
    w.begin_array();
    w.elements(&report.findings, |w, chunk| {
        for f in chunk {
            event(w, f, time_ms);
        }
    });
    w.end_array();
    out.push('\n');
    out
}
