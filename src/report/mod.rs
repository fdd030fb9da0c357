//! Reports: pure functions from a scan's results to bytes.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::finding::{Diagnostic, Finding};
use crate::rules::RuleMeta;
use crate::source::SourceFile;

pub mod json;
pub mod sarif;
pub mod text;

/// Everything a report needs to know about one scan.
#[derive(Debug, Default)]
pub struct ScanReport {
    /// Findings after filtering, sorted by file, line, column, rule id.
    pub findings: Vec<Finding>,
    /// Problems with inputs (unreadable or unparsable files, parts not analysed), sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The files that were analysed, by display path (for snippets).
    pub files: BTreeMap<Arc<str>, Arc<SourceFile>>,
    /// Number of files analysed.
    pub files_scanned: usize,
    /// The rules that ran, in id order.
    pub rules: Vec<&'static RuleMeta>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable, grouped by file, with snippets and fix hints.
    Text,
    /// Versioned JSON document (see `schema_version`).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF consumers.
    Sarif,
}

/// Presentation options.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Use ANSI colors (text only).
    pub color: bool,
    /// Print only the summary and diagnostics, not each finding (text only).
    pub quiet: bool,
}

/// Renders a report in the chosen format.
pub fn render(report: &ScanReport, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(report, opts),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
    }
}
