//! A self-contained HTML report: inline CSS, JavaScript and SVG, no network access.
//!
//! The posture (the defense-in-depth scorecard as a chart, the Well-Architected coverage as a
//! heat map, each compliance framework's requirements by domain, collapsed) and the scan's
//! metadata are rendered here. The findings are not: they go into the
//! page as one compact JSON document (`<script type="application/json" id="palisade-data">`),
//! and the page's script (`html/report.js`) draws them grouped by rule, most severe first,
//! opening a rule's findings and a finding's snippet only when asked. A report of thousands
//! of findings thus loads and filters as fast as a small one.
//!
//! Every label goes through one table ([`labels`]), which the script receives too.

mod labels;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use self::labels::Labels;
use super::{ScanMeta, ScanReport, count_by_severity, snippet};
use crate::filter::Suppressed;
use crate::finding::{Finding, Layer, Severity};
use crate::posture::framework::{CoverageSummary, FrameworkCoverage, RequirementCoverage, RequirementStatus};
use crate::posture::{EvidenceItem, Posture, Status};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Appends `s` escaped as [`escape`] does.
fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The escaped bytes are ASCII, so `start..i` lies on character boundaries.
        out.push_str(&s[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// The layer scorecard as an SVG bar chart: one bar per layer, its score, and its findings.
fn layer_chart(p: &Posture, report: &ScanReport, l: &Labels) -> String {
    let (w, row, left) = (520, 46, 110);
    let h = row * p.layers.len() + 30;
    let mut s = format!(
        r#"<svg id="layer-chart" role="img" aria-label="{}" viewBox="0 0 {w} {h}" width="100%" xmlns="http://www.w3.org/2000/svg">"#,
        escape(l.get("layers.chart"))
    );
    let bar_w = w - left - 70;
    for (i, layer) in p.layers.iter().enumerate() {
        let y = 10 + i * row;
        let findings = report.findings.iter().filter(|f| f.rule.layer == layer.layer).count();
        let _ = write!(
            s,
            r##"<text x="0" y="{}" font-size="13" font-weight="600" fill="#1d2430">{}</text>"##,
            y + 16,
            escape(&layer_name(layer.layer, l))
        );
        let _ = write!(s, r##"<rect x="{left}" y="{y}" width="{bar_w}" height="22" rx="4" fill="#eef0f3"/>"##);
        let label = match layer.score {
            Some(v) => {
                let color = if v >= 90 {
                    "#1e8449"
                } else if v >= 60 {
                    "#d68910"
                } else {
                    "#c0392b"
                };
                let bw = (bar_w as u32 * v / 100).max(if v > 0 { 2 } else { 0 });
                let _ = write!(
                    s,
                    r#"<rect class="score-bar" data-layer="{}" x="{left}" y="{y}" width="{bw}" height="22" rx="4" fill="{color}"><title>{}</title></rect>"#,
                    layer.layer.as_str(),
                    escape(&l.fill(
                        "layers.bar_title",
                        &[
                            ("layer", &layer_name(layer.layer, l)),
                            ("score", &v),
                            ("passed", &layer.passed),
                            ("evaluated", &layer.evaluated)
                        ]
                    ))
                );
                format!("{v}%")
            }
            None => escape(l.get("layers.not_applicable")),
        };
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" font-size="13" font-weight="600" fill="#1d2430">{label}</text>"##,
            left + bar_w + 8,
            y + 16
        );
        let _ = write!(
            s,
            r##"<text x="{left}" y="{}" font-size="11" fill="#5b6675">{}</text>"##,
            y + 35,
            escape(&l.fill(
                "layers.bar_caption",
                &[("passed", &layer.passed), ("evaluated", &layer.evaluated), ("findings", &findings)]
            ))
        );
    }
    s.push_str("</svg>");
    s
}

/// The Well-Architected coverage as an SVG heat map: one row per area (SEC01 … SEC11), one
/// cell per best practice.
fn wa_heatmap(p: &Posture, l: &Labels) -> String {
    let mut areas: Vec<(&str, &str)> = Vec::new();
    for w in &p.well_architected {
        let prefix = &w.id[..w.id.find('-').unwrap_or(w.id.len())];
        if !areas.iter().any(|(a, _)| *a == prefix) {
            areas.push((prefix, w.area));
        }
    }
    let (cell, gap, left) = (34, 4, 290);
    let cols = 11;
    let w = left + cols * (cell + gap);
    let h = areas.len() * (cell + gap) + 6;
    let mut s = format!(
        r#"<svg id="wa-heatmap" role="img" aria-label="{}" viewBox="0 0 {w} {h}" width="100%" xmlns="http://www.w3.org/2000/svg">"#,
        escape(l.get("wa.chart"))
    );
    for (row, (prefix, area)) in areas.iter().enumerate() {
        let y = row * (cell + gap);
        let _ = write!(
            s,
            r##"<text x="0" y="{}" font-size="12" fill="#1d2430">{} {}</text>"##,
            y + cell / 2 + 4,
            prefix,
            escape(area)
        );
        for (col, wp) in p.well_architected.iter().filter(|w| w.id.starts_with(prefix)).enumerate() {
            let x = left + col * (cell + gap);
            let fill = match wp.status {
                "pass" => "#1e8449",
                "fail" => "#c0392b",
                "no-evidence" => "#c9ced6",
                _ => "#eef0f3",
            };
            let ink = if matches!(wp.status, "pass" | "fail") { "#fff" } else { "#5b6675" };
            let detail = match wp.status {
                "not-machine-checkable" => l.get("wa.not_checkable").to_string(),
                "no-evidence" => l.get("wa.no_evidence").to_string(),
                _ => l.fill("wa.counts", &[("passed", &wp.passed), ("failed", &wp.failed)]),
            };
            let bp = wp.id.rsplit("BP").next().unwrap_or("");
            let _ = write!(
                s,
                r##"<g class="wa-cell" data-id="{}" data-status="{}"><rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="3" fill="{fill}" stroke="#dde2e8"/><text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{ink}">{bp}</text><title>{} {}: {}</title></g>"##,
                wp.id,
                wp.status,
                x + cell / 2,
                y + cell / 2 + 4,
                wp.id,
                escape(wp.title),
                escape(&detail)
            );
        }
    }
    s.push_str("</svg>");
    s
}

const CSS: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Records script errors into the page, so that a headless browser can report them.
const ERROR_HOOK: &str = r#"window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message));var d=document.getElementById('js-errors');if(d){d.textContent=window.__errors.join('\n');}});"#;

/// Lines shown before and after a finding's lines in its snippet.
const CONTEXT_LINES: u32 = 2;
/// Most lines of a finding marked in its snippet.
const MAX_MARKED_LINES: u32 = 9;

fn severity_index(s: Severity) -> usize {
    Severity::ALL.iter().position(|x| *x == s).unwrap_or(Severity::ALL.len() - 1)
}

fn layer_index(l: Layer) -> usize {
    Layer::ALL.iter().position(|x| *x == l).unwrap_or(0)
}

/// The page's data: the labels and the findings, with their rules, files and snippets each
/// given once and referred to by index.
#[derive(Serialize)]
struct Data<'a> {
    labels: &'a std::collections::BTreeMap<&'static str, &'static str>,
    /// Severities, most severe first: findings refer to them by index.
    severities: Vec<&'static str>,
    layers: Vec<&'static str>,
    rules: Vec<RuleRow<'a>>,
    files: Vec<&'a str>,
    snippets: Vec<SnippetRow<'a>>,
    findings: FindingRows<'a>,
    suppressed: Vec<SuppressedRow<'a>>,
}

/// The findings' rows, each built as it is written (its message rendered then): the rows of
/// hundreds of thousands of findings are never all held. What a row refers to by index (its
/// rule, file and snippet) is numbered beforehand, since those tables come first.
struct FindingRows<'a> {
    findings: &'a [Finding],
    /// Per finding: its rule, its file and its snippet (-1 when none).
    refs: Vec<(u32, u32, i64)>,
    /// Per finding, the files of its related locations, in order.
    related_files: Vec<u32>,
}

impl Serialize for FindingRows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        let mut seq = serializer.serialize_seq(Some(self.findings.len()))?;
        let mut related_files = self.related_files.iter();
        for (f, &(rule, file, snip)) in self.findings.iter().zip(&self.refs) {
            let related: Vec<RelatedRow<'_>> = f
                .related
                .iter()
                .zip(related_files.by_ref())
                .map(|(x, &file)| (file as usize, x.location.span.line, x.location.span.col, x.message.as_str()))
                .collect();
            let (res, kind) = f.resource.as_ref().map_or(("", ""), |r| (r.id.as_ref(), r.kind.as_ref()));
            let row: FindingRow<'_> = (
                rule as usize,
                severity_index(f.severity),
                file as usize,
                f.location.span.line,
                f.location.span.col,
                res,
                kind,
                f.message(),
                // Reports in another language get their findings localized, the condition in the message.
                f.when.as_ref().map(|w| w.en()).unwrap_or_default(),
                snip,
                related,
            );
            seq.serialize_element(&row)?;
        }
        seq.end()
    }
}

/// `[id, title, slug, layer, service, remediation, controls, well-architected]`.
type RuleRow<'a> = (&'a str, &'a str, &'a str, usize, &'a str, &'a str, String, String);
/// `[first line number, first marked line, last marked line, the lines]`: the lines are read
/// from the file as the row is written, so that the snippets of a report are never all held.
struct SnippetRow<'a> {
    src: &'a crate::source::SourceFile,
    shown_from: u32,
    first: u32,
    last: u32,
    /// The start of the window of long lines.
    from: usize,
}

impl SnippetRow<'_> {
    /// The lines shown, long ones cut to a window (`…` marks the cuts).
    fn text(&self) -> String {
        let mut text = String::new();
        for n in self.shown_from..=self.last.saturating_add(CONTEXT_LINES) {
            let Some(line) = self.src.line_text(n) else { continue };
            if !text.is_empty() {
                text.push('\n');
            }
            let window = snippet::from(line, self.from);
            if window.cut_before {
                text.push(snippet::CUT);
            }
            text.push_str(if window.cut_after { window.text } else { window.text.trim_end() });
            if window.cut_after {
                text.push(snippet::CUT);
            }
        }
        text
    }
}

impl Serialize for SnippetRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple as _;
        let mut t = serializer.serialize_tuple(4)?;
        t.serialize_element(&self.shown_from)?;
        t.serialize_element(&self.first)?;
        t.serialize_element(&self.last)?;
        t.serialize_element(&self.text())?;
        t.end()
    }
}
/// `[file, line, column, message]`.
type RelatedRow<'a> = (usize, u32, u32, &'a str);
/// `[rule, severity, file, line, column, resource, resource type, message, condition, snippet
/// (-1 when none), related locations]`.
type FindingRow<'a> = (usize, usize, usize, u32, u32, &'a str, &'a str, Cow<'a, str>, String, i64, Vec<RelatedRow<'a>>);
/// `[rule, severity, file, line, resource, kind, justification, message]`.
type SuppressedRow<'a> = (&'a str, usize, &'a str, u32, &'a str, &'static str, String, Cow<'a, str>);
/// What identifies a snippet of a file: its first and last marked line, its window's start.
type SnippetKey = (u32, u32, usize);

/// Numbers the distinct values of a table as they are first seen.
struct Interner<'a, K> {
    index: HashMap<K, usize>,
    values: Vec<&'a str>,
}

impl<'a, K: std::hash::Hash + Eq> Interner<'a, K> {
    fn new() -> Self {
        Interner { index: HashMap::new(), values: Vec::new() }
    }

    fn get(&mut self, key: K, value: &'a str) -> usize {
        *self.index.entry(key).or_insert_with(|| {
            self.values.push(value);
            self.values.len() - 1
        })
    }
}

fn data<'a>(report: &'a ScanReport, suppressed: &'a [Suppressed], labels: &'a Labels) -> Data<'a> {
    let mut rules = Interner::new();
    let mut rule_rows = Vec::new();
    let mut files = Interner::new();
    // The snippets drawn for the current (file, first line, window), by last line.
    let mut snippets: Vec<(u32, usize)> = Vec::new();
    let mut snippets_of: Option<(usize, u32, usize)> = None;
    let mut snippet_rows = Vec::new();
    let mut refs = Vec::with_capacity(report.findings.len());
    let mut related_files = Vec::new();
    for f in &report.findings {
        let r = &f.rule;
        let rule = rules.get(&*r.id, &r.id);
        if rule == rule_rows.len() {
            rule_rows.push((
                &*r.id,
                &*r.title,
                &*r.slug,
                layer_index(r.layer),
                &*r.service,
                &*r.remediation,
                r.controls.join(", "),
                r.well_architected.join(", "),
            ));
        }
        let file = files.get(&*f.location.file, &f.location.file);
        // A snippet already drawn for another finding is referred to, not drawn again. The
        // findings are in order of file, line and column, and a snippet's window moves only
        // forward along a line: the snippets that can be shared are those of the same file,
        // first line and window, so only theirs are kept at hand.
        let snip = match snippet_key(report, f) {
            Some((first, last, from)) => {
                if snippets_of != Some((file, first, from)) {
                    snippets_of = Some((file, first, from));
                    snippets.clear();
                }
                match snippets.iter().find(|(l, _)| *l == last) {
                    Some(&(_, i)) => i as i64,
                    None => match snippet_of(report, f, (first, last, from)) {
                        Some(row) => {
                            snippets.push((last, snippet_rows.len()));
                            snippet_rows.push(row);
                            snippet_rows.len() as i64 - 1
                        }
                        None => -1,
                    },
                }
            }
            None => -1,
        };
        related_files.extend(f.related.iter().map(|x| files.get(&*x.location.file, &x.location.file) as u32));
        refs.push((rule as u32, file as u32, snip));
    }
    let suppressed = suppressed
        .iter()
        .map(|s| {
            let f = &s.finding;
            (
                &*f.rule.id,
                severity_index(f.severity),
                &*f.location.file,
                f.location.span.line,
                f.resource.as_ref().map_or("", |r| r.id.as_ref()),
                super::filtered::kind(&s.by),
                s.by.justification(),
                f.message(),
            )
        })
        .collect();
    Data {
        labels: labels.map(),
        severities: Severity::ALL.iter().map(|s| s.as_str()).collect(),
        layers: Layer::ALL.iter().map(|l| l.as_str()).collect(),
        rules: rule_rows,
        files: files.values,
        snippets: snippet_rows,
        findings: FindingRows { findings: &report.findings, refs, related_files },
        suppressed,
    }
}

/// What identifies the finding's snippet among those of its file: its first and last marked
/// line and the start of its window (long lines are cut to a window around the span's start).
/// `None` when its file's text is not known.
fn snippet_key(report: &ScanReport, f: &Finding) -> Option<SnippetKey> {
    let src = report.files.get(&f.location.file)?;
    let span = f.location.span;
    let first = span.line.max(1);
    let last = span.end_line.max(first).min(first.saturating_add(MAX_MARKED_LINES - 1));
    let from = snippet::span_line(src, span).map_or(0, |(w, _)| w.from);
    Some((first, last, from))
}

/// The finding's lines, [`CONTEXT_LINES`] before and after, and which of them are marked
/// (`key`, from [`snippet_key`]); `None` when none of them is in the file.
fn snippet_of<'a>(report: &'a ScanReport, f: &Finding, (first, last, from): SnippetKey) -> Option<SnippetRow<'a>> {
    let src = report.files.get(&f.location.file)?;
    let start = first.saturating_sub(CONTEXT_LINES).max(1);
    let shown_from = (start..=last.saturating_add(CONTEXT_LINES)).find(|n| src.line_text(*n).is_some())?;
    Some(SnippetRow { src, shown_from, first, last, from })
}

/// Writes the page's data as JSON that can sit in a `<script>` element: every `<` is written
/// `\u003c`, so that no `</script>` or `<!--` can occur in it.
fn write_data_json(data: &Data<'_>, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer(NoLessThan(sink), data).map_err(std::io::Error::other)
}

/// Writes what it is given with every `<` written `\u003c` (inside JSON strings, the only place
/// serde_json writes one, the same character).
struct NoLessThan<'a>(&'a mut dyn std::io::Write);

impl std::io::Write for NoLessThan<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(i) = memchr::memchr(b'<', rest) {
            self.0.write_all(&rest[..i])?;
            self.0.write_all(b"\\u003c")?;
            rest = &rest[i + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A view of the posture, one of those the page's view selector offers.
struct PostureView {
    /// The value of the selector's option.
    id: String,
    /// The label of the option and the heading of the view.
    label: String,
    class: &'static str,
    body: String,
}

/// The posture's views, in the order shown: the scorecard, the Well-Architected heat map, then
/// one per compliance framework. The selector offers each view, or all of them.
fn posture_views(p: &Posture, report: &ScanReport, l: &Labels) -> Vec<PostureView> {
    let mut views = vec![
        PostureView {
            id: "layers".into(),
            label: l.get("layers.title").into(),
            class: "layers",
            body: layers_view(p, report, l),
        },
        PostureView { id: "well-architected".into(), label: l.get("wa.title").into(), class: "", body: wa_view(p, l) },
    ];
    for c in &p.frameworks {
        views.push(PostureView {
            id: format!("framework-{}", c.framework.key()),
            label: l.fill("framework.title", &[("name", &c.name)]),
            class: "framework",
            body: framework_view(c, l),
        });
    }
    views
}

/// Most findings and most pieces of evidence listed under one control or requirement.
const MAX_LISTED: usize = 6;

/// The summary counts of a framework (`key` `framework.counts`) or one of its domains
/// (`framework.domain_counts`).
fn coverage_counts(key: &str, m: &CoverageSummary, l: &Labels) -> String {
    l.fill(
        key,
        &[
            ("evidenced", &m.evidenced),
            ("decidable", &(m.requirements - m.not_decidable)),
            ("passed", &m.passed),
            ("failed", &m.failed),
            ("no_evidence", &m.no_evidence),
            ("not_decidable", &m.not_decidable),
        ],
    )
}

/// One compliance framework: its summary, then its domains in the framework's order, each
/// requirement with its status and what decided it (the findings that fail it, the evidence
/// that passes it, the rules that would have judged it, or why Palisade cannot).
fn framework_view(c: &FrameworkCoverage, l: &Labels) -> String {
    let m = &c.summary;
    let mut s = String::new();
    let _ = write!(
        s,
        "<p class=\"fw-summary\">{}</p><p class=\"legend\">",
        escape(&coverage_counts("framework.counts", m, l))
    );
    for (status, count) in [
        (RequirementStatus::Pass, m.passed),
        (RequirementStatus::Fail, m.failed),
        (RequirementStatus::NoEvidence, m.no_evidence),
        (RequirementStatus::NotDecidable, m.not_decidable),
    ] {
        let key = requirement_status_key(status);
        let _ = write!(
            s,
            "<span class=\"req-{key}\"><i></i>{} {count}</span>",
            escape(l.get(&format!("requirement.{key}")))
        );
    }
    s.push_str("</p>");
    for d in &c.domains {
        let _ = write!(
            s,
            "<details class=\"fw-domain\"><summary>{} <span class=\"muted\">— {}</span></summary><ul>",
            escape(
                d.requirements
                    .first()
                    .and_then(|r| crate::compliance::domain_name(c.framework, r.id, l.lang()))
                    .unwrap_or(d.domain)
            ),
            escape(&coverage_counts("framework.domain_counts", &d.summary, l))
        );
        for r in &d.requirements {
            requirement_item(&mut s, r, l);
        }
        s.push_str("</ul></details>");
    }
    s
}

fn requirement_status_key(status: RequirementStatus) -> &'static str {
    match status {
        RequirementStatus::Pass => "pass",
        RequirementStatus::Fail => "fail",
        RequirementStatus::NoEvidence => "no-evidence",
        RequirementStatus::NotDecidable => "not-decidable",
    }
}

/// One requirement of a framework view.
fn requirement_item(s: &mut String, r: &RequirementCoverage, l: &Labels) {
    let key = requirement_status_key(r.status);
    let _ = write!(
        s,
        "<li class=\"req\" data-status=\"{key}\"><span class=\"st-{key}\">{}</span> <b>{}</b> {}",
        escape(l.get(&format!("requirement.{key}"))),
        escape(r.id),
        escape(r.title)
    );
    // Who checked something, or (without evidence) who could have.
    let rules = if r.checked_by.is_empty() { &r.rules } else { &r.checked_by };
    let by: Vec<&str> = rules.iter().map(String::as_str).chain(r.baseline.iter().copied()).collect();
    let detail = match r.status {
        RequirementStatus::Pass | RequirementStatus::Fail => {
            l.fill("requirement.checks", &[("passed", &r.passed), ("failed", &r.failed), ("by", &by.join(", "))])
        }
        RequirementStatus::NoEvidence => l.fill("requirement.would_check", &[("by", &by.join(", "))]),
        RequirementStatus::NotDecidable => match r.reason {
            Some("organisational") => l.get("requirement.organisational").to_string(),
            _ => l.get("requirement.no_rule").to_string(),
        },
    };
    let _ = write!(s, " <span class=\"muted\">— {}</span>", escape(&detail));
    if !r.findings.is_empty() {
        s.push_str("<ul class=\"req-findings\">");
        for f in r.findings.iter().take(MAX_LISTED) {
            let resource = f.resource.as_deref().map(|r| format!(" {r}")).unwrap_or_default();
            let _ = write!(
                s,
                "<li><span class=\"path\">{}:{}</span>{} <b>{}</b> {}</li>",
                escape(&f.file),
                f.line,
                escape(&resource),
                escape(&f.rule),
                escape(&f.message)
            );
        }
        more_items(s, r.findings_total, l);
        s.push_str("</ul>");
    }
    if matches!(r.status, RequirementStatus::Pass | RequirementStatus::Fail) {
        // The evidence of the findings is listed above.
        let passing: Vec<&EvidenceItem> = r.evidence.iter().map(|e| &**e).filter(|e| e.findings == 0).collect();
        evidence_list(s, &passing, r.passing_total, l);
    }
    s.push_str("</li>");
}

/// The evidence of a control or requirement, the first [`MAX_LISTED`] pieces of `total` (none:
/// nothing).
fn evidence_list(s: &mut String, items: &[&EvidenceItem], total: usize, l: &Labels) {
    if items.is_empty() {
        return;
    }
    s.push_str("<ul class=\"evidence\">");
    for e in items.iter().take(MAX_LISTED) {
        let _ = write!(
            s,
            "<li class=\"muted\"><span class=\"path\">{}:{}</span> {} ({}): {}</li>",
            escape(&e.file),
            e.line,
            escape(&e.resource),
            escape(&e.kind),
            escape(&e.detail)
        );
    }
    more_items(s, total, l);
    s.push_str("</ul>");
}

/// "… and N more" closing a list cut at [`MAX_LISTED`].
fn more_items(s: &mut String, total: usize, l: &Labels) {
    if total > MAX_LISTED {
        let more = l.fill("layers.more_evidence", &[("count", &(total - MAX_LISTED))]);
        let _ = write!(s, "<li class=\"muted\">{}</li>", escape(&more));
    }
}

fn layers_view(p: &Posture, report: &ScanReport, l: &Labels) -> String {
    let mut s = layer_chart(p, report, l);
    for layer in &p.layers {
        let score = layer.score.map(|v| format!("{v}%")).unwrap_or_else(|| l.get("layers.not_evidenced").into());
        let _ = write!(
            s,
            "<details><summary>{}</summary><p class=\"muted\">{}</p><ul>",
            escape(&l.fill("layers.layer", &[("layer", &layer_name(layer.layer, l)), ("score", &score)])),
            escape(&crate::i18n::label(
                crate::i18n::Lang::parse(l.lang()).unwrap_or_default(),
                &format!("posture-services-{}", layer.layer.as_str())
            ))
        );
        for c in &layer.controls {
            let status = match c.status {
                Status::Pass => "pass",
                Status::Fail => "fail",
                Status::NotEvidenced => "not-evidenced",
                Status::Unknown => "unknown",
            };
            let _ = write!(
                s,
                "<li><span class=\"st-{status}\">{}</span> <b>{}</b> {}",
                escape(l.get(&format!("status.{status}"))),
                escape(&c.control),
                escape(&c.title)
            );
            if c.findings > 0 {
                let _ = write!(s, " — {}", escape(&l.fill("layers.control_findings", &[("count", &c.findings)])));
            }
            evidence_list(&mut s, &c.evidence.iter().collect::<Vec<_>>(), c.evidence_total, l);
            if let Some(m) = &c.missing {
                let label = match c.status {
                    Status::Fail => "missing.fail",
                    Status::Unknown => "missing.unknown",
                    _ => "missing.other",
                };
                let _ = write!(s, " <span class=\"muted\">— {}: {}</span>", escape(l.get(label)), escape(m));
            }
            s.push_str("</li>");
        }
        s.push_str("</ul></details>");
    }
    s
}

fn wa_view(p: &Posture, l: &Labels) -> String {
    let mut s = wa_heatmap(p, l);
    let _ = write!(
        s,
        "<p class=\"legend\"><span><i style=\"background:#1e8449\"></i>{}</span><span><i style=\"background:#c0392b\"></i>{}</span>\
<span><i style=\"background:#c9ced6\"></i>{}</span><span><i style=\"background:#eef0f3;border:1px solid #dde2e8\"></i>{}</span></p>",
        escape(l.get("wa.pass")),
        escape(l.get("wa.fail")),
        escape(l.get("wa.no_evidence")),
        escape(l.get("wa.not_checkable"))
    );
    s
}

fn layer_name(layer: Layer, l: &Labels) -> String {
    l.get(&format!("layer.{}", layer.as_str())).to_string()
}

/// The scan's metadata: date, version, paths, configuration, and what the filter removed.
fn metadata(s: &mut String, report: &ScanReport, meta: &ScanMeta, suppressed: &[Suppressed], l: &Labels) {
    let _ = write!(s, "<section id=\"scan-meta\"><h2>{}</h2><dl class=\"meta\">", escape(l.get("meta.title")));
    let mut row = |key: &str, value: &str| {
        let _ = write!(s, "<dt>{}</dt><dd>{value}</dd>", escape(l.get(key)));
    };
    row("meta.date", &escape(&super::timestamp::rfc3339(super::timestamp::now_epoch())));
    row(
        "meta.version",
        &escape(&format!(
            "palisade {} · {}",
            crate::VERSION,
            l.fill("meta.rules_version", &[("version", &crate::rules::ruleset_version())])
        )),
    );
    if !meta.paths.is_empty() {
        let paths: Vec<String> = meta.paths.iter().map(|p| format!("<code>{}</code>", escape(p))).collect();
        row("meta.paths", &paths.join(" "));
    }
    row(
        "meta.config",
        &match &meta.config {
            Some((path, toml)) => {
                format!(
                    "<details><summary><code>{}</code></summary><pre>{}</pre></details>",
                    escape(path),
                    escape(toml)
                )
            }
            None => escape(l.get("meta.no_config")),
        },
    );
    if let Some(b) = &meta.baseline {
        row("meta.baseline", &format!("<code>{}</code>", escape(b)));
    }
    row("meta.files", &report.files_scanned.to_string());
    row("meta.rules", &report.rules.len().to_string());
    let count = |k: &str| suppressed.iter().filter(|x| super::filtered::kind(&x.by) == k).count();
    let counts = l.fill(
        "meta.suppressed_counts",
        &[("inline", &count("inline")), ("config", &count("config")), ("baseline", &count("baseline"))],
    );
    let list = if suppressed.is_empty() {
        String::new()
    } else {
        format!(
            "<details id=\"suppressed-list\"><summary>{}</summary></details>",
            escape(&l.fill("meta.suppressed_list", &[("count", &suppressed.len())]))
        )
    };
    row("meta.suppressed", &format!("<span id=\"suppressed-counts\">{}</span>{list}", escape(&counts)));
    s.push_str("</dl></section>\n");
}

/// Renders the report without the metadata of the command line or what the filter removed.
pub fn render(report: &ScanReport) -> String {
    render_with(report, &[], &ScanMeta::default(), crate::i18n::Lang::En)
}

/// Renders the report, with the scan's metadata and the findings the filter removed, its labels
/// in `lang` (the findings' messages and rule texts as they are: see [`ScanReport::localized`]).
pub fn render_with(report: &ScanReport, suppressed: &[Suppressed], meta: &ScanMeta, lang: crate::i18n::Lang) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = write_with(report, suppressed, meta, lang, &mut out);
    super::text::into_string(out)
}

/// Writes what [`render_with`] returns to `sink`, the findings' data as it is serialised.
pub fn write_with(
    report: &ScanReport,
    suppressed: &[Suppressed],
    meta: &ScanMeta,
    lang: crate::i18n::Lang,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let l = Labels::for_language(lang.code());
    let (posture, data) =
        rayon::join(|| Posture::listing(report, MAX_LISTED).into_localized(lang), || data(report, suppressed, &l));
    let mut s = String::with_capacity(256 * 1024);
    let _ = write!(s, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", l.lang());
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    let _ = write!(s, "<title>{}</title>\n<style>", escape(l.get("page.title")));
    s.push_str(CSS);
    s.push_str("</style>\n<script>");
    s.push_str(ERROR_HOOK);
    s.push_str("</script>\n</head>\n<body>\n");
    let summary = l.fill(
        "header.summary",
        &[
            ("version", &crate::VERSION),
            ("files", &report.files_scanned),
            ("findings", &report.findings.len()),
            ("rules", &report.rules.len()),
        ],
    );
    let _ =
        write!(s, "<header><h1>{}</h1><p>{}</p></header>\n<main>\n", escape(l.get("header.title")), escape(&summary));
    s.push_str(r#"<div id="js-errors" hidden></div>"#);
    let _ = write!(s, "<section><h2>{}</h2><div class=\"pills\">", escape(l.get("summary.title")));
    for (sev, n) in count_by_severity(&report.findings) {
        let _ = write!(
            s,
            r#"<span class="sev-{}">{n} {}</span>"#,
            sev.as_str(),
            escape(l.get(&format!("severity.{}", sev.as_str())))
        );
    }
    s.push_str("</div>");
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    if !report.diagnostics.is_empty() {
        let what = l.fill("summary.diagnostics", &[("count", &report.diagnostics.len()), ("errors", &errors)]);
        let _ = write!(s, "<details class=\"diagnostics\"><summary>{}</summary><ul>", escape(&what));
        for d in &report.diagnostics {
            let _ = write!(s, "<li>{}</li>", escape(&d.render(lang)));
        }
        s.push_str("</ul></details>");
    }
    s.push_str("</section>\n");
    metadata(&mut s, report, meta, suppressed, &l);

    // The posture's views, side by side, with a selector to show one.
    let views = posture_views(&posture, report, &l);
    let _ = write!(
        s,
        "<div class=\"view-select\"><label>{} <select id=\"f-view\"><option value=\"\">{}</option>",
        escape(l.get("posture.view")),
        escape(l.get("posture.view.all"))
    );
    for v in &views {
        let _ = write!(s, "<option value=\"{}\">{}</option>", v.id, escape(&v.label));
    }
    s.push_str("</select></label></div>\n<div class=\"grid\" id=\"posture-views\">\n");
    for v in &views {
        let _ = writeln!(
            s,
            "<section class=\"{}\" data-view=\"{}\"><h2>{}</h2>{}</section>",
            v.class,
            v.id,
            escape(&v.label),
            v.body
        );
    }
    s.push_str("</div>\n");

    // Findings: the filters and a place for the script to draw them.
    let _ = write!(
        s,
        "<section><h2>{} (<span id=\"shown\">{}</span>)</h2><p class=\"muted\" id=\"shown-summary\"></p><div class=\"filters\">",
        escape(l.get("findings.title")),
        report.findings.len()
    );
    for (id, key) in [
        ("f-severity", "filter.severity"),
        ("f-layer", "filter.layer"),
        ("f-service", "filter.service"),
        ("f-file", "filter.file"),
    ] {
        let _ = write!(s, "<label>{}<select id=\"{id}\"></select></label>", escape(l.get(key)));
    }
    let _ = write!(
        s,
        "<label>{}<input id=\"f-text\" type=\"search\" placeholder=\"{}\"></label><button id=\"f-reset\" type=\"button\">{}</button></div>",
        escape(l.get("filter.search")),
        escape(l.get("filter.search_hint")),
        escape(l.get("filter.reset"))
    );
    s.push_str("<div id=\"findings\"></div></section>\n</main>\n");
    s.push_str("<script type=\"application/json\" id=\"palisade-data\">");
    sink.write_all(s.as_bytes())?;
    write_data_json(&data, sink)?;
    s.clear();
    s.push_str("</script>\n<script>");
    s.push_str(SCRIPT);
    s.push_str("</script>\n</body>\n</html>\n");
    sink.write_all(s.as_bytes())
}
