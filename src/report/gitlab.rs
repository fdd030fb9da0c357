//! GitLab SAST report (security report schemas, `sast-report-format.json`), for
//! `artifacts:reports:sast`: a `scan` object (analyzer, scanner, type, start and end time,
//! status) and one vulnerability per finding (id, name, description, severity, location,
//! identifiers).
//!
//! Field names and required fields as in GitLab's security report schemas
//! (https://gitlab.com/gitlab-org/security-products/security-report-schemas, and the example
//! report in https://gitlab.com/gitlab-org/gitlab/-/issues/566566): times are
//! `YYYY-MM-DDTHH:MM:SS` without a zone, severities `Critical`, `High`, `Medium`, `Low`, `Info`.

use super::jsonw::JsonWriter;
use super::{Region, ScanReport, fingerprint_hex, timestamp};
use crate::finding::{Finding, Severity};

/// Version of the security report schemas the report follows.
pub const SCHEMA_VERSION: &str = "15.2.1";
/// The schema the report declares.
pub const SCHEMA_URL: &str = "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.2.1/dist/sast-report-format.json";

/// GitLab's name of a severity.
pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

fn tool(w: &mut JsonWriter<'_>) {
    w.begin_object();
    w.field_str("id", "palisade");
    w.field_str("name", "Palisade");
    w.field_str("version", crate::VERSION);
    w.key("vendor");
    w.begin_object();
    w.field_str("name", "Palisade");
    w.end_object();
    w.end_object();
}

fn vulnerability(w: &mut JsonWriter<'_>, f: &Finding) {
    let r = Region::of(f.location.span);
    let fingerprint = fingerprint_hex(f);
    w.begin_object();
    w.key("id");
    w.str_parts(&[&f.rule.id, "-", fingerprint.as_str()]);
    w.field_str("name", &f.rule.title);
    w.field_str("description", &f.full_message());
    w.field_str("severity", severity_name(f.severity));
    w.field_str("solution", &f.rule.remediation);
    w.key("location");
    w.begin_object();
    w.field_str("file", &f.location.file);
    w.field_u64("start_line", r.line.into());
    w.field_u64("end_line", r.end_line.into());
    w.end_object();
    w.key("identifiers");
    w.begin_array();
    w.begin_object();
    w.field_str("type", "palisade_rule_id");
    w.key("name");
    w.str_parts(&["Palisade ", &f.rule.id]);
    w.field_str("value", &f.rule.id);
    w.end_object();
    w.end_array();
    w.end_object();
}

/// Renders the report; the scan's start and end are the report's time (see
/// [`timestamp::now_epoch`]).
pub fn render(report: &ScanReport) -> String {
    let mut out = String::new();
    let mut w = JsonWriter::new(&mut out);
    document(&mut w, report, &scan_time());
    // Nothing to write to but the string.
    let _ = w.finish();
    out
}

/// Writes the report of [`render`] to `sink` as it is rendered, in bounded memory.
pub fn write(report: &ScanReport, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buffer = String::new();
    let mut w = JsonWriter::streaming(&mut buffer, sink);
    document(&mut w, report, &scan_time());
    w.finish()
}

/// The scan's start and end as GitLab writes times: without a zone.
fn scan_time() -> String {
    let mut time = timestamp::rfc3339(timestamp::now_epoch());
    time.truncate(time.trim_end_matches('Z').len());
    time
}

fn document(w: &mut JsonWriter<'_>, report: &ScanReport, time: &str) {
    w.begin_object();
    w.field_str("schema", SCHEMA_URL);
    w.field_str("version", SCHEMA_VERSION);
    w.key("scan");
    w.begin_object();
    w.key("analyzer");
    tool(w);
    w.key("scanner");
    tool(w);
    w.field_str("type", "sast");
    w.field_str("start_time", time);
    w.field_str("end_time", time);
    w.field_str("status", "success");
    w.end_object();
    w.key("vulnerabilities");
    w.begin_array();
    w.elements(&report.findings, |w, chunk| {
        for f in chunk {
            vulnerability(w, f);
        }
    });
    w.end_array();
    w.end_object();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_in_pieces_as_rendered_whole() {
        let src = crate::source::SourceFile::new("t.yaml", "a: 1\n".to_string());
        let mut report = ScanReport::default();
        let rules = crate::rules::all();
        for i in 0..20_000u32 {
            let file: std::sync::Arc<str> = format!("f{}.yaml", i / 100).into();
            report.findings.push(Finding {
                rule: rules[i as usize % rules.len()].meta.clone(),
                severity: Severity::ALL[i as usize % 5],
                template: format!("m{i}").into(),
                location: crate::source::Location::new(file, src.span(0, 1)),
                resource: None,
                related: crate::finding::RelatedList::new(),
                when: None,
                subject: None,
            });
        }
        let mut whole = String::new();
        let mut w = JsonWriter::new(&mut whole);
        document(&mut w, &report, "2024-05-01T12:00:00");
        w.finish().unwrap();
        let (mut buffer, mut sink) = (String::new(), Vec::new());
        let mut w = JsonWriter::streaming(&mut buffer, &mut sink);
        document(&mut w, &report, "2024-05-01T12:00:00");
        w.finish().unwrap();
        assert_eq!(String::from_utf8(sink).unwrap(), whole);
        assert!(whole.contains("\"start_time\": \"2024-05-01T12:00:00\""), "{}", &whole[..800]);
    }
}
