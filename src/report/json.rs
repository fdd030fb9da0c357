//! The JSON report. Its schema is documented in `docs/json-schema.md`; `schema_version` follows
//! the policy described there (additive changes bump the minor version).

use std::io::{self, Write};

use super::jsonw::JsonWriter;
use super::{Region, ScanReport, count_by_layer, count_by_severity, error_count, fingerprint_hex};
use crate::filter::Suppressed;
use crate::finding::{Diagnostic, DiagnosticKind, Finding};
use crate::fix::FileFix;
use crate::source::Location;

/// The version of the JSON document's schema.
pub const SCHEMA_VERSION: &str = "1.2";

/// Renders the JSON report: pretty-printed with two-space indentation and a trailing newline.
pub fn render(report: &ScanReport) -> String {
    render_with(report, None)
}

/// What the report of a scan adds to [`render`]: the suppressed findings and, when asked,
/// the fixes.
pub(crate) struct Extras<'a> {
    pub suppressed: &'a [Suppressed],
    pub fixes: Option<&'a [FileFix]>,
}

/// Renders the JSON report, with `summary.suppressed`, `suppressed` and `fixes` when `extras`
/// is given.
pub(crate) fn render_with(report: &ScanReport, extras: Option<Extras<'_>>) -> String {
    let mut out = String::with_capacity(1024 + 1100 * report.findings.len());
    let mut w = JsonWriter::new(&mut out);
    document(&mut w, report, extras);
    // Nothing to write to but the string.
    let _ = w.finish();
    out
}

/// Writes the JSON report of [`render_with`] to `sink` as it is rendered, in bounded memory.
pub(crate) fn write_with(report: &ScanReport, extras: Option<Extras<'_>>, sink: &mut dyn Write) -> io::Result<()> {
    let mut buffer = String::new();
    let mut w = JsonWriter::streaming(&mut buffer, sink);
    document(&mut w, report, extras);
    w.finish()
}

fn document(w: &mut JsonWriter<'_>, report: &ScanReport, extras: Option<Extras<'_>>) {
    w.begin_object();
    w.field_str("schema_version", SCHEMA_VERSION);
    w.key("tool");
    w.begin_object();
    w.field_str("name", "palisade");
    w.field_str("version", crate::VERSION);
    w.field_str("rules_version", crate::rules::ruleset_version());
    w.end_object();
    w.key("summary");
    w.begin_object();
    w.field_u64("files_scanned", report.files_scanned as u64);
    w.field_u64("findings", report.findings.len() as u64);
    w.key("by_severity");
    w.begin_object();
    for (s, n) in count_by_severity(&report.findings) {
        w.field_u64(s.as_str(), n as u64);
    }
    w.end_object();
    w.key("by_layer");
    w.begin_object();
    for (l, n) in count_by_layer(&report.findings) {
        w.field_u64(l.as_str(), n as u64);
    }
    w.end_object();
    w.field_u64("errors", error_count(report) as u64);
    if let Some(x) = &extras {
        w.field_u64("suppressed", x.suppressed.len() as u64);
    }
    w.end_object();
    w.key("findings");
    w.begin_array();
    w.elements(&report.findings, |w, chunk| {
        for f in chunk {
            finding(w, f, None);
        }
    });
    w.end_array();
    w.key("diagnostics");
    w.begin_array();
    for d in &report.diagnostics {
        diagnostic(w, d);
    }
    w.end_array();
    if let Some(x) = &extras {
        w.key("suppressed");
        w.begin_array();
        w.elements(x.suppressed, |w, chunk| {
            for sup in chunk {
                let justification = sup.by.justification();
                finding(w, &sup.finding, Some((super::filtered::kind(&sup.by), &justification)));
            }
        });
        w.end_array();
        if let Some(fixes) = x.fixes {
            w.key("fixes");
            w.begin_array();
            for f in fixes {
                w.begin_object();
                w.field_str("file", &f.file);
                w.key("rules");
                w.strs(f.rules.iter().map(String::as_str));
                w.key("resources");
                w.strs(f.resources.iter().map(|r| &**r));
                w.field_str("diff", &f.diff);
                w.end_object();
            }
            w.end_array();
        }
    }
    w.end_object();
}

/// One finding, with its suppression (kind and justification) when it was suppressed.
fn finding(w: &mut JsonWriter<'_>, f: &Finding, suppression: Option<(&str, &str)>) {
    let r = Region::of(f.location.span);
    w.begin_object();
    w.field_str("rule_id", &f.rule.id);
    w.field_str("slug", &f.rule.slug);
    w.field_str("title", &f.rule.title);
    w.field_str("severity", f.severity.as_str());
    w.field_str("layer", f.rule.layer.as_str());
    w.field_str("service", &f.rule.service);
    w.key("well_architected");
    w.strs(f.rule.well_architected.iter().map(|s| &**s));
    w.key("controls");
    w.strs(f.rule.controls.iter().map(|s| &**s));
    w.key("compliance");
    w.strs(f.rule.compliance.iter().map(|s| &**s));
    w.key("message");
    match &f.when {
        Some(when) => w.str_parts(&[&f.message(), " (when ", &when.en(), ")"]),
        None => w.str(&f.message()),
    }
    w.key("when");
    w.opt_str(f.when.as_ref().map(|c| c.en()).as_deref());
    w.field_str("file", &f.location.file);
    w.field_u64("line", r.line.into());
    w.field_u64("column", r.col.into());
    w.field_u64("end_line", r.end_line.into());
    w.field_u64("end_column", r.end_col.into());
    w.key("resource");
    match &f.resource {
        Some(res) => {
            w.begin_object();
            w.field_str("id", &res.id);
            w.field_str("type", &res.kind);
            w.end_object();
        }
        None => w.null(),
    }
    w.key("related");
    w.begin_array();
    for rel in &f.related {
        related(w, &rel.location, &rel.message);
    }
    w.end_array();
    w.field_str("remediation", f.rule.remediation.trim());
    w.field_str("fingerprint", fingerprint_hex(f).as_str());
    if let Some((kind, justification)) = suppression {
        w.key("suppression");
        w.begin_object();
        w.field_str("kind", kind);
        w.field_str("justification", justification);
        w.end_object();
    }
    w.end_object();
}

fn related(w: &mut JsonWriter<'_>, location: &Location, message: &str) {
    let r = Region::of(location.span);
    w.begin_object();
    w.field_str("file", &location.file);
    w.field_u64("line", r.line.into());
    w.field_u64("column", r.col.into());
    w.field_u64("end_line", r.end_line.into());
    w.field_u64("end_column", r.end_col.into());
    w.field_str("message", message);
    w.end_object();
}

/// The name of a diagnostic kind in reports.
pub(crate) fn kind_name(kind: DiagnosticKind) -> &'static str {
    match kind {
        DiagnosticKind::Read => "read",
        DiagnosticKind::Parse => "parse",
        DiagnosticKind::Invalid => "invalid",
        DiagnosticKind::NotAnalysed => "not-analysed",
        DiagnosticKind::Suppression => "suppression",
        DiagnosticKind::Baseline => "baseline",
    }
}

fn diagnostic(w: &mut JsonWriter<'_>, d: &Diagnostic) {
    w.begin_object();
    w.field_str("kind", kind_name(d.kind));
    w.field_str("file", &d.file);
    if d.line > 0 {
        w.field_u64("line", d.line.into());
        w.field_u64("column", d.col.max(1).into());
    } else {
        w.key("line");
        w.null();
        w.key("column");
        w.null();
    }
    w.field_str("message", &d.message.en());
    w.end_object();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostic_kinds_are_named_as_serde_names_them() {
        for k in [
            DiagnosticKind::Read,
            DiagnosticKind::Parse,
            DiagnosticKind::Invalid,
            DiagnosticKind::NotAnalysed,
            DiagnosticKind::Suppression,
            DiagnosticKind::Baseline,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), kind_name(k));
        }
    }
}
