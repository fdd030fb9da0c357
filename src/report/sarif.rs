//! The SARIF 2.1.0 report, for GitHub code scanning and other SARIF consumers.
//!
//! One run; one reporting descriptor per rule; one result per finding. File paths are relative
//! URIs against `%SRCROOT%`, columns count Unicode code points, and every region is well formed
//! (lines and columns at least 1).

use std::collections::HashMap;

use super::jsonw::JsonWriter;
use super::{Region, ScanReport, fingerprint_hex};
use crate::filter::{Suppressed, SuppressedBy};
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
    render_with(report, &[])
}

/// Renders the SARIF log with `suppressed` findings as results with a `suppressions` entry
/// (`inSource` for inline suppressions, `external` for the others), after the other results.
/// A suppressed finding of a rule that is not among the log's rules is left out.
pub(crate) fn render_with(report: &ScanReport, suppressed: &[Suppressed]) -> String {
    // The rules that ran and have a result (reported or suppressed), plus any rule a finding
    // names that is missing from that list, so that every result's `ruleIndex` points at its
    // descriptor and the log does not carry the documentation of rules it does not use.
    let used: std::collections::HashSet<&str> =
        report.findings.iter().map(|f| &*f.rule.id).chain(suppressed.iter().map(|s| &*s.finding.rule.id)).collect();
    let mut rules: Vec<&RuleMeta> = report.rules.iter().map(|r| &**r).filter(|r| used.contains(&*r.id)).collect();
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(rules.len());
    for (i, r) in rules.iter().enumerate() {
        index.entry(&r.id).or_insert(i);
    }
    for f in &report.findings {
        if !index.contains_key(&*f.rule.id) {
            index.insert(&f.rule.id, rules.len());
            rules.push(&f.rule);
        }
    }
    let successful = !report.diagnostics.iter().any(Diagnostic::is_error);

    let mut out = String::with_capacity(4096 + 1300 * (report.findings.len() + suppressed.len()));
    let mut w = JsonWriter::new(&mut out);
    w.begin_object();
    w.field_str("$schema", SARIF_SCHEMA);
    w.field_str("version", "2.1.0");
    w.key("runs");
    w.begin_array();
    w.begin_object();
    w.key("tool");
    w.begin_object();
    w.key("driver");
    w.begin_object();
    w.field_str("name", "palisade");
    w.field_str("version", crate::VERSION);
    w.field_str("informationUri", INFORMATION_URI);
    w.key("properties");
    w.begin_object();
    w.field_str("rulesVersion", crate::rules::ruleset_version());
    w.end_object();
    w.key("rules");
    w.begin_array();
    w.elements(&rules, |w, chunk| {
        for r in chunk {
            descriptor(w, r);
        }
    });
    w.end_array();
    w.end_object();
    w.end_object();
    w.key("invocations");
    w.begin_array();
    w.begin_object();
    w.key("executionSuccessful");
    w.bool(successful);
    w.key("toolExecutionNotifications");
    w.begin_array();
    let mut uris = Uris::default();
    for d in &report.diagnostics {
        notification(&mut w, d, &mut uris);
    }
    w.end_array();
    w.end_object();
    w.end_array();
    w.field_str("columnKind", "unicodeCodePoints");
    w.key("results");
    w.begin_array();
    let index = &index;
    w.elements(&report.findings, |w, chunk| {
        let mut uris = Uris::default();
        for f in chunk {
            result(w, f, index.get(&*f.rule.id).copied().unwrap_or(0), None, &mut uris);
        }
    });
    let suppressed: Vec<(&Suppressed, usize)> =
        suppressed.iter().filter_map(|s| Some((s, *index.get(&*s.finding.rule.id)?))).collect();
    w.elements(&suppressed, |w, chunk| {
        let mut uris = Uris::default();
        for (sup, i) in chunk {
            let kind = if matches!(sup.by, SuppressedBy::Inline { .. }) { "inSource" } else { "external" };
            let justification = sup.by.justification();
            result(w, &sup.finding, *i, Some((kind, &justification)), &mut uris);
        }
    });
    w.end_array();
    w.end_object();
    w.end_array();
    w.end_object();
    out.push('\n');
    out
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

fn descriptor(w: &mut JsonWriter<'_>, rule: &RuleMeta) {
    let mut tags: Vec<&str> = vec!["security", rule.layer.as_str(), &rule.service];
    for c in rule.controls.iter() {
        if !tags.contains(&&**c) {
            tags.push(c);
        }
    }
    let documentation = rule.documentation();
    w.begin_object();
    w.field_str("id", &rule.id);
    w.field_str("name", &rule.slug);
    w.key("shortDescription");
    text(w, &rule.title);
    w.key("fullDescription");
    text(w, rule.description.trim());
    w.key("help");
    w.begin_object();
    w.field_str("text", &documentation);
    w.field_str("markdown", &documentation);
    w.end_object();
    w.key("defaultConfiguration");
    w.begin_object();
    w.field_str("level", level(rule.severity));
    w.end_object();
    w.key("properties");
    w.begin_object();
    w.field_str("security-severity", security_severity(rule.severity));
    w.field_str("severity", rule.severity.as_str());
    w.field_str("layer", rule.layer.as_str());
    w.field_str("service", &rule.service);
    w.key("well-architected");
    w.strs(rule.well_architected.iter().map(|s| &**s));
    w.key("controls");
    w.strs(rule.controls.iter().map(|s| &**s));
    w.key("tags");
    w.strs(tags);
    w.end_object();
    w.end_object();
}

/// `{"text": ...}`
fn text(w: &mut JsonWriter<'_>, text: &str) {
    w.begin_object();
    w.field_str("text", text);
    w.end_object();
}

/// One result; `suppression` is the kind and justification of a suppressed finding.
fn result(w: &mut JsonWriter<'_>, f: &Finding, rule_index: usize, suppression: Option<(&str, &str)>, uris: &mut Uris) {
    w.begin_object();
    w.field_str("ruleId", &f.rule.id);
    w.field_u64("ruleIndex", rule_index as u64);
    w.field_str("level", level(f.severity));
    w.key("message");
    w.begin_object();
    w.key("text");
    match &f.when {
        Some(when) => w.str_parts(&[&f.message, " (when ", when, ")"]),
        None => w.str(&f.message),
    }
    w.end_object();
    w.key("locations");
    w.begin_array();
    w.begin_object();
    w.key("physicalLocation");
    physical_location(w, &f.location.file, f.location.span, uris);
    w.end_object();
    w.end_array();
    if !f.related.is_empty() {
        w.key("relatedLocations");
        w.begin_array();
        for (i, r) in f.related.iter().enumerate() {
            w.begin_object();
            w.field_u64("id", i as u64 + 1);
            w.key("physicalLocation");
            physical_location(w, &r.location.file, r.location.span, uris);
            w.key("message");
            text(w, &r.message);
            w.end_object();
        }
        w.end_array();
    }
    w.key("partialFingerprints");
    w.begin_object();
    w.field_str("palisade/v2", fingerprint_hex(f).as_str());
    w.end_object();
    w.key("properties");
    w.begin_object();
    w.field_str("severity", f.severity.as_str());
    if let Some(r) = &f.resource {
        w.field_str("resource", &r.id);
        w.field_str("resourceType", &r.kind);
    }
    w.end_object();
    if let Some((kind, justification)) = suppression {
        w.key("suppressions");
        w.begin_array();
        w.begin_object();
        w.field_str("kind", kind);
        w.field_str("status", "accepted");
        w.field_str("justification", justification);
        w.end_object();
        w.end_array();
    }
    w.end_object();
}

fn notification(w: &mut JsonWriter<'_>, d: &Diagnostic, uris: &mut Uris) {
    w.begin_object();
    w.field_str("level", if d.is_error() { "error" } else { "warning" });
    w.key("message");
    text(w, &d.message);
    w.key("locations");
    w.begin_array();
    w.begin_object();
    w.key("physicalLocation");
    w.begin_object();
    w.key("artifactLocation");
    uris.artifact_location(w, &d.file);
    if d.line > 0 {
        // A diagnostic is a point, not a range.
        w.key("region");
        w.begin_object();
        w.field_u64("startLine", d.line.into());
        w.field_u64("startColumn", d.col.max(1).into());
        w.end_object();
    }
    w.end_object();
    w.end_object();
    w.end_array();
    w.key("properties");
    w.begin_object();
    w.field_str("kind", super::json::kind_name(d.kind));
    w.end_object();
    w.end_object();
}

fn physical_location(w: &mut JsonWriter<'_>, file: &str, span: Span, uris: &mut Uris) {
    let r = Region::of(span);
    w.begin_object();
    w.key("artifactLocation");
    uris.artifact_location(w, file);
    w.key("region");
    w.begin_object();
    w.field_u64("startLine", r.line.into());
    w.field_u64("startColumn", r.col.into());
    w.field_u64("endLine", r.end_line.into());
    w.field_u64("endColumn", r.end_col.into());
    w.end_object();
    w.end_object();
}

/// The artifact location of the last file asked for (findings come grouped by file).
#[derive(Default)]
struct Uris {
    file: String,
    uri: String,
    absolute: bool,
}

impl Uris {
    fn artifact_location(&mut self, w: &mut JsonWriter<'_>, file: &str) {
        if self.file != file || self.uri.is_empty() {
            self.file.clear();
            self.file.push_str(file);
            let path = file.replace('\\', "/");
            self.absolute = path.starts_with('/');
            self.uri =
                if self.absolute { format!("file://{}", encode_uri_path(&path)) } else { encode_uri_path(&path) };
        }
        w.begin_object();
        w.field_str("uri", &self.uri);
        if !self.absolute {
            w.field_str("uriBaseId", SRCROOT);
        }
        w.end_object();
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
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
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

    fn artifact_location(file: &str) -> serde_json::Value {
        let mut s = String::new();
        let mut w = JsonWriter::new(&mut s);
        Uris::default().artifact_location(&mut w, file);
        serde_json::from_str(&s).unwrap()
    }

    #[test]
    fn windows_paths_use_forward_slashes() {
        assert_eq!(artifact_location("t\\a.yaml")["uri"], "t/a.yaml");
        assert_eq!(artifact_location("/abs/a.yaml")["uri"], "file:///abs/a.yaml");
        assert_eq!(artifact_location("/abs/a.yaml")["uriBaseId"], serde_json::Value::Null);
        assert_eq!(artifact_location("a b.yaml")["uriBaseId"], SRCROOT);
    }

    #[test]
    fn the_uri_cache_follows_the_file() {
        let mut uris = Uris::default();
        let mut s = String::new();
        let mut w = JsonWriter::new(&mut s);
        w.begin_array();
        for f in ["a.yaml", "a.yaml", "/b.yaml", "c d.yaml"] {
            uris.artifact_location(&mut w, f);
        }
        w.end_array();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v[1]["uri"], "a.yaml");
        assert_eq!(v[2]["uri"], "file:///b.yaml");
        assert_eq!(v[3]["uri"], "c%20d.yaml");
        assert_eq!(v[3]["uriBaseId"], SRCROOT);
    }
}
