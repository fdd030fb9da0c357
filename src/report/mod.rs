//! Reports: pure functions from a scan's results to bytes.

use crate::finding::{Finding, Layer, Severity};
use crate::i18n::Lang;
use crate::source::Span;

pub mod asff;
pub mod compact;
pub mod filtered;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod json;
mod jsonw;
pub mod junit;
pub mod markdown;
pub mod ocsf;
pub mod sarif;
mod snippet;
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
    /// JUnit XML: a test case per rule and resource, failed when the rule found something there.
    Junit,
    /// A Markdown summary sized for a pull-request comment.
    Markdown,
    /// AWS Security Finding Format, for Security Hub `BatchImportFindings`.
    Asff,
    /// OCSF Compliance Finding events (class 2003), for Security Lake.
    Ocsf,
    /// One line per finding, `file:line:col: ID [severity] message`, for grep and editors.
    Compact,
    /// GitHub Actions workflow commands: an annotation per finding.
    Github,
    /// GitLab SAST report JSON, for `artifacts:reports:sast`.
    Gitlab,
}

impl Format {
    /// Whether the report shows findings' fingerprints (which need their subjects).
    pub fn shows_fingerprints(self) -> bool {
        matches!(self, Format::Json | Format::Sarif | Format::Asff | Format::Ocsf | Format::Gitlab)
    }
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
    /// Language of the messages, titles and labels.
    pub lang: crate::i18n::Lang,
    /// What the command line asked for (HTML only).
    pub meta: ScanMeta,
}

/// What a scan was asked to do, as the HTML report's metadata shows it.
#[derive(Debug, Clone, Default)]
pub struct ScanMeta {
    /// The paths given to the scan.
    pub paths: Vec<String>,
    /// The configuration file and its effective settings as TOML, when one was read.
    pub config: Option<(String, String)>,
    /// The baseline file, when one was read.
    pub baseline: Option<String>,
}

/// Renders a report in the chosen format.
pub fn render(report: &ScanReport, format: Format, opts: &RenderOptions) -> String {
    // The HTML report is in English whatever the language.
    if opts.lang != Lang::En {
        return render_localized(&report.localized(opts.lang), format, opts);
    }
    render_localized(report, format, opts)
}

/// Renders a report whose messages and rule texts are already in `opts.lang`.
pub(crate) fn render_localized(report: &ScanReport, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(report, opts),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Html => html::render_with(report, &[], &opts.meta, opts.lang),
        Format::Junit => junit::render_in(report, opts.lang),
        Format::Markdown => markdown::render_in(report, opts.lang),
        Format::Asff => asff::render(report, &opts.asff),
        Format::Ocsf => ocsf::render(report),
        Format::Compact => compact::render(report),
        Format::Github => github::render(report),
        Format::Gitlab => gitlab::render(report),
    }
}

/// A finding's fingerprint (see [`Finding::fingerprint`]) without allocating its text.
pub(crate) fn fingerprint_hex(f: &Finding) -> Hex16 {
    Hex16::of(f.fingerprint_u64())
}

/// A 64-bit value as 16 lowercase hex digits.
pub(crate) struct Hex16([u8; 16]);

impl Hex16 {
    fn of(h: u64) -> Hex16 {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut digits = [0u8; 16];
        for (i, d) in digits.iter_mut().enumerate() {
            *d = HEX[((h >> ((15 - i) * 4)) & 0xf) as usize];
        }
        Hex16(digits)
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII hex digits.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Below this many items, [`par_render`] renders on the calling thread.
const PAR_MIN_ITEMS: usize = 256;
/// Items per piece rendered in parallel.
const PAR_CHUNK: usize = 128;

/// Appends the rendering of `items` to `out`, in order. `render(piece, start, chunk)` renders
/// `chunk`, the items from index `start` on, into `piece`; long lists are rendered in pieces on
/// the thread pool, then joined.
pub(crate) fn par_render<T: Sync>(items: &[T], out: &mut String, render: impl Fn(&mut String, usize, &[T]) + Sync) {
    use rayon::prelude::*;
    if items.len() < PAR_MIN_ITEMS || rayon::current_num_threads() < 2 {
        render(out, 0, items);
        return;
    }
    let pieces: Vec<String> = items
        .par_chunks(PAR_CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            let mut piece = String::new();
            render(&mut piece, i * PAR_CHUNK, chunk);
            piece
        })
        .collect();
    out.reserve(pieces.iter().map(String::len).sum());
    for p in &pieces {
        out.push_str(p);
    }
}

/// Items per batch that [`par_write`] renders before writing it.
const WRITE_BATCH: usize = 4096;

/// Writes the rendering of `items` to `sink`, in order, one batch at a time, each batch rendered
/// as [`par_render`] does: the memory used is that of a batch, whatever the number of items.
pub(crate) fn par_write<T: Sync>(
    items: &[T],
    sink: &mut dyn std::io::Write,
    render: impl Fn(&mut String, usize, &[T]) + Sync,
) -> std::io::Result<()> {
    let mut buf = String::new();
    for (i, batch) in items.chunks(WRITE_BATCH).enumerate() {
        buf.clear();
        par_render(batch, &mut buf, |out, start, chunk| render(out, i * WRITE_BATCH + start, chunk));
        sink.write_all(buf.as_bytes())?;
    }
    Ok(())
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
