//! Reports: pure functions from a scan's results to bytes.

use crate::finding::{Finding, Layer, Severity};
use crate::source::Span;

pub mod asff;
pub mod filtered;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod ocsf;
pub mod sarif;
pub mod text;
pub mod timestamp;

pub use crate::results::ScanReport;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable, grouped by file, with snippets and fix hints.
    Text,
    /// Versioned JSON document (see `schema_version`).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.
    Sarif,
    /// One self-contained HTML page: scorecard chart, Well-Architected heat map, filterable findings.
    Html,
    /// JUnit XML: a test case per rule and resource, a failure per finding.
    Junit,
    /// A Markdown summary sized for a pull-request comment.
    Markdown,
    /// AWS Security Finding Format, for Security Hub `BatchImportFindings`.
    Asff,
    /// OCSF Compliance Finding events (class 2003), for Security Lake.
    Ocsf,
}

/// Presentation options.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Use ANSI colors (text only).
    pub color: bool,
    /// Print only the summary and diagnostics, not each finding (text only).
    pub quiet: bool,
    /// Account and region of the Security Hub receiving the findings (ASFF only).
    pub asff: asff::AsffTarget,
}

/// Renders a report in the chosen format.
pub fn render(report: &ScanReport, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(report, opts),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Html => html::render(report),
        Format::Junit => junit::render(report),
        Format::Markdown => markdown::render(report),
        Format::Asff => asff::render(report, &opts.asff),
        Format::Ocsf => ocsf::render(report),
    }
}

/// Number of findings per severity, most severe first (all five severities, zeros included).
pub(crate) fn count_by_severity(findings: &[Finding]) -> [(Severity, usize); 5] {
    Severity::ALL.map(|s| (s, findings.iter().filter(|f| f.severity == s).count()))
}

/// Number of findings per layer, in [`Layer::ALL`] order (zeros included).
pub(crate) fn count_by_layer(findings: &[Finding]) -> [(Layer, usize); 5] {
    Layer::ALL.map(|l| (l, findings.iter().filter(|f| f.rule.layer == l).count()))
}

/// Number of error diagnostics.
pub(crate) fn error_count(report: &ScanReport) -> usize {
    report.diagnostics.iter().filter(|d| d.is_error()).count()
}

/// Number of distinct files with at least one error diagnostic.
pub(crate) fn files_with_errors(report: &ScanReport) -> usize {
    let files: std::collections::BTreeSet<&str> =
        report.diagnostics.iter().filter(|d| d.is_error()).map(|d| &*d.file).collect();
    files.len()
}

/// A 1-based region that is always well formed: lines and columns at least 1, and the end not
/// before the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Region {
    pub(crate) fn of(span: Span) -> Region {
        let line = span.line.max(1);
        let col = span.col.max(1);
        let end_line = span.end_line.max(line);
        let end_col = if end_line == line { span.end_col.max(col) } else { span.end_col.max(1) };
        Region { line, col, end_line, end_col }
    }
}
