//! The SARIF 2.1.0 report, for GitHub code scanning and other SARIF consumers.
//!
//! One run; one reporting descriptor per rule (with the severity the configuration gives it);
//! one result per finding. File paths are URIs relative to `%SRCROOT%`: the top folder of the
//! git work tree holding the scanned files, whatever folder the scan ran from, or else the
//! working directory; the run's `originalUriBaseIds` says where that is. A file outside it gets
//! an absolute `file:` URI. Columns count Unicode code points, and every region is well formed
//! (lines and columns at least 1).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::source::normalise;

use super::jsonw::JsonWriter;
use super::{Region, ScanReport, fingerprint_hex};
use crate::filter::{Suppressed, SuppressedBy};
use crate::finding::{Diagnostic, Finding, Severity};
use crate::results::SourceRoot;
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
    let mut out = String::with_capacity(4096 + 1300 * (report.findings.len() + suppressed.len()));
    let mut w = JsonWriter::new(&mut out);
    log(&mut w, report, suppressed);
    // Nothing to write to but the string.
    let _ = w.finish();
    out
}

/// Writes the SARIF log of [`render_with`] to `sink` as it is rendered, in bounded memory.
pub(crate) fn write_with(
    report: &ScanReport,
    suppressed: &[Suppressed],
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut buffer = String::new();
    let mut w = JsonWriter::streaming(&mut buffer, sink);
    log(&mut w, report, suppressed);
    w.finish()
}

fn log(w: &mut JsonWriter<'_>, report: &ScanReport, suppressed: &[Suppressed]) {
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
    let base = report.root.as_ref().map(Base::of);
    let base = base.as_ref();

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
    if let Some(b) = base {
        w.key("originalUriBaseIds");
        w.begin_object();
        w.key(SRCROOT);
        w.begin_object();
        w.field_str("uri", &b.uri);
        w.end_object();
        w.end_object();
    }
    w.key("invocations");
    w.begin_array();
    w.begin_object();
    w.key("executionSuccessful");
    w.bool(successful);
    w.key("toolExecutionNotifications");
    w.begin_array();
    let mut uris = Uris::new(base);
    for d in &report.diagnostics {
        notification(w, d, &mut uris);
    }
    w.end_array();
    w.end_object();
    w.end_array();
    w.field_str("columnKind", "unicodeCodePoints");
    w.key("results");
    w.begin_array();
    let index = &index;
    w.elements(&report.findings, |w, chunk| {
        let mut uris = Uris::new(base);
        for f in chunk {
            result(w, f, index.get(&*f.rule.id).copied().unwrap_or(0), None, &mut uris);
        }
    });
    let suppressed: Vec<(&Suppressed, usize)> =
        suppressed.iter().filter_map(|s| Some((s, *index.get(&*s.finding.rule.id)?))).collect();
    w.elements(&suppressed, |w, chunk| {
        let mut uris = Uris::new(base);
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
    for c in rule.controls.iter().chain(rule.compliance.iter()) {
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
    w.key("compliance");
    w.strs(rule.compliance.iter().map(|s| &**s));
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
        Some(when) => w.str_parts(&[&f.message(), " (when ", &when.en(), ")"]),
        None => w.str(&f.message()),
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
    text(w, &d.message.en());
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

/// What `%SRCROOT%` stands for: the top folder of the git work tree, or else the working
/// directory.
struct Base {
    /// The working directory as the process sees it, and with symbolic links resolved.
    cwd: PathBuf,
    cwd_real: PathBuf,
    /// The folder `%SRCROOT%` is, with symbolic links resolved.
    root: PathBuf,
    /// Its `file:` URI, ending with `/`.
    uri: String,
}

impl Base {
    fn of(root: &SourceRoot) -> Base {
        let dir = root.work_tree.clone().unwrap_or_else(|| root.cwd_real.clone());
        let mut uri = file_uri(&dir);
        if !uri.ends_with('/') {
            uri.push('/');
        }
        Base { cwd: root.cwd.clone(), cwd_real: root.cwd_real.clone(), root: dir, uri }
    }

    /// The URI of a display path, and whether it is relative to `%SRCROOT%`.
    fn uri(&self, file: &str) -> (String, bool) {
        let path = Path::new(file);
        let absolute = if path.is_absolute() {
            let path = normalise(path);
            // A path written through the working directory's symbolic links.
            match path.strip_prefix(&self.cwd) {
                Ok(rest) if !path.starts_with(&self.root) => self.cwd_real.join(rest),
                _ => path,
            }
        } else {
            normalise(&self.cwd_real.join(path))
        };
        match absolute.strip_prefix(&self.root) {
            Ok(rest) if rest.components().all(|c| matches!(c, Component::Normal(_))) => {
                let parts: Vec<String> =
                    rest.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
                (encode_uri_path(&parts.join("/"), false), true)
            }
            _ => (file_uri(&absolute), false),
        }
    }
}

/// The `file:` URI of an absolute path (`file:///C:/x` for a Windows drive path).
fn file_uri(path: &Path) -> String {
    let mut s = path.to_string_lossy().replace('\\', "/");
    if let Some(rest) = s.strip_prefix("//?/") {
        s = rest.to_string();
    }
    if !s.starts_with('/') {
        s.insert(0, '/');
    }
    format!("file://{}", encode_uri_path(&s, true))
}

/// The artifact location of the last file asked for (findings come grouped by file).
struct Uris<'a> {
    base: Option<&'a Base>,
    file: String,
    uri: String,
    relative: bool,
}

impl<'a> Uris<'a> {
    fn new(base: Option<&'a Base>) -> Uris<'a> {
        Uris { base, file: String::new(), uri: String::new(), relative: false }
    }

    fn artifact_location(&mut self, w: &mut JsonWriter<'_>, file: &str) {
        if self.file != file || self.uri.is_empty() {
            self.file.clear();
            self.file.push_str(file);
            (self.uri, self.relative) = match self.base {
                Some(base) => base.uri(file),
                None => {
                    let path = file.replace('\\', "/");
                    if path.starts_with('/') {
                        (format!("file://{}", encode_uri_path(&path, true)), false)
                    } else {
                        (encode_uri_path(&path, false), true)
                    }
                }
            };
        }
        w.begin_object();
        w.field_str("uri", &self.uri);
        if self.relative {
            w.field_str("uriBaseId", SRCROOT);
        }
        w.end_object();
    }
}

/// Percent-encodes a path (UTF-8 bytes) for use in a URI, keeping `/` and the characters RFC 3986
/// allows unencoded in a path segment. `:` is kept only in the path of an absolute URI
/// (`absolute`), so that a relative reference never looks like it starts with a scheme.
fn encode_uri_path(path: &str, absolute: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) || (absolute && b == b':');
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
        assert_eq!(encode_uri_path("a b/c#d.yaml", false), "a%20b/c%23d.yaml");
        assert_eq!(encode_uri_path("C:/x/é.yaml", false), "C%3A/x/%C3%A9.yaml");
        assert_eq!(encode_uri_path("/C:/x/é.yaml", true), "/C:/x/%C3%A9.yaml");
        assert_eq!(encode_uri_path("templates/app.yaml", false), "templates/app.yaml");
    }

    fn artifact_location(file: &str) -> serde_json::Value {
        let mut s = String::new();
        let mut w = JsonWriter::new(&mut s);
        Uris::new(None).artifact_location(&mut w, file);
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
        let mut uris = Uris::new(None);
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

    #[cfg(unix)]
    fn base(cwd: &str, work_tree: Option<&str>) -> Base {
        Base::of(&SourceRoot { cwd: cwd.into(), cwd_real: cwd.into(), work_tree: work_tree.map(PathBuf::from) })
    }

    #[cfg(unix)]
    #[test]
    fn paths_are_relative_to_the_work_tree() {
        let b = base("/repo/infra", Some("/repo"));
        assert_eq!(b.uri, "file:///repo/");
        assert_eq!(b.uri("stack.yaml"), ("infra/stack.yaml".to_string(), true));
        assert_eq!(b.uri("./a b/é.yaml"), ("infra/a%20b/%C3%A9.yaml".to_string(), true));
        assert_eq!(b.uri("../other/x.yaml"), ("other/x.yaml".to_string(), true));
        assert_eq!(b.uri("/repo/infra/stack.yaml"), ("infra/stack.yaml".to_string(), true));
        assert_eq!(b.uri("../../elsewhere/x.yaml"), ("file:///elsewhere/x.yaml".to_string(), false));
    }

    #[cfg(unix)]
    #[test]
    fn outside_a_work_tree_paths_are_relative_to_the_working_directory() {
        let b = base("/home/me/my stacks", None);
        assert_eq!(b.uri, "file:///home/me/my%20stacks/");
        assert_eq!(b.uri("s/app.yaml"), ("s/app.yaml".to_string(), true));
        assert_eq!(b.uri("../app.yaml"), ("file:///home/me/app.yaml".to_string(), false));
        assert_eq!(b.uri("/tmp/x:y.yaml"), ("file:///tmp/x:y.yaml".to_string(), false));
    }

    #[cfg(unix)]
    #[test]
    fn a_working_directory_reached_through_a_link_maps_onto_the_real_one() {
        let b = Base::of(&SourceRoot {
            cwd: "/link/infra".into(),
            cwd_real: "/real/repo/infra".into(),
            work_tree: Some("/real/repo".into()),
        });
        assert_eq!(b.uri("/link/infra/a.yaml"), ("infra/a.yaml".to_string(), true));
        assert_eq!(b.uri("a.yaml"), ("infra/a.yaml".to_string(), true));
    }
}
