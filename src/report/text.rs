//! The human-readable report: findings grouped by file, each with a source snippet, then the
//! diagnostics, then a summary.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{RenderOptions, ScanReport, count_by_layer, count_by_severity, files_with_errors};
use crate::finding::{Finding, Severity};
use crate::source::SourceFile;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const GUTTER: &str = "\x1b[1;34m";
const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";

/// Wraps text in ANSI escapes, or not at all when color is off.
#[derive(Clone, Copy)]
struct Painter {
    color: bool,
}

impl Painter {
    fn paint(self, style: &str, text: &str) -> String {
        if self.color && !text.is_empty() { format!("{style}{text}{RESET}") } else { text.to_string() }
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        self.paint(severity_style(severity), text)
    }
}

fn severity_style(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "\x1b[1;31m",
        Severity::Medium => "\x1b[33m",
        Severity::Low => "\x1b[36m",
        Severity::Info => "\x1b[2m",
    }
}

/// Renders the text report.
pub fn render(report: &ScanReport, opts: &RenderOptions) -> String {
    let p = Painter { color: opts.color };
    let mut out = String::new();

    if !opts.quiet {
        // Group by file (sorted), keeping the report's order within a file.
        let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for f in &report.findings {
            by_file.entry(&f.location.file).or_default().push(f);
        }
        for (file, findings) in by_file {
            let source = report.files.get(file).map(|s| &**s);
            for f in findings {
                render_finding(&mut out, p, f, source);
                out.push('\n');
            }
        }
    }

    if !report.diagnostics.is_empty() {
        for d in &report.diagnostics {
            let style = if d.is_error() { RED } else { YELLOW };
            let _ = writeln!(out, "{}", p.paint(style, &clean(&d.to_string())));
        }
        out.push('\n');
    }

    render_summary(&mut out, p, report);
    out
}

fn render_finding(out: &mut String, p: Painter, f: &Finding, source: Option<&SourceFile>) {
    let span = f.location.span;
    let _ = writeln!(
        out,
        "{}: {} {} {}: {}",
        p.paint(BOLD, &clean(&format!("{}:{}:{}", f.location.file, span.line, span.col))),
        p.paint(BOLD, &f.rule.id),
        p.severity(f.severity, &format!("[{}]", f.severity)),
        &f.rule.slug,
        clean(&f.full_message()),
    );

    let width = digits(span.line);
    let blank_gutter = p.paint(GUTTER, &format!("{:width$} |", ""));
    let numbered = |n: u32| p.paint(GUTTER, &format!("{n:>width$} |"));

    if let Some(line_text) = source.and_then(|s| s.line_text(span.line)) {
        let _ = writeln!(out, "{blank_gutter}");
        if let Some(before) = span.line.checked_sub(1).filter(|&n| n >= 1)
            && let Some(text) = source.and_then(|s| s.line_text(before))
        {
            write_source_line(out, &numbered(before), text);
        }
        write_source_line(out, &numbered(span.line), line_text);
        let (pad, carets) = caret_line(line_text, span.col, span.end_line, span.end_col, span.line);
        let _ = writeln!(out, "{blank_gutter} {pad}{}", p.severity(f.severity, &carets));
        let _ = writeln!(out, "{blank_gutter}");
    }

    let note = |out: &mut String, label: &str, text: &str| {
        let _ =
            writeln!(out, "{} {}: {}", p.paint(GUTTER, &format!("{:width$} =", "")), p.paint(BOLD, label), clean(text));
    };
    if let Some(r) = &f.resource {
        note(out, "resource", &format!("{} ({})", r.id, r.kind));
    }
    for r in &f.related {
        let s = r.location.span;
        note(out, "related", &format!("{}:{}:{}: {}", r.location.file, s.line, s.col, r.message));
    }
    let fix = one_line(&f.rule.remediation);
    if !fix.is_empty() {
        note(out, "fix", &fix);
    }
    note(out, "docs", &format!("palisade rule {}", &f.rule.id));
}

fn write_source_line(out: &mut String, gutter: &str, text: &str) {
    if text.is_empty() {
        let _ = writeln!(out, "{gutter}");
    } else {
        let _ = writeln!(out, "{gutter} {}", clean(text));
    }
}

/// Replaces control characters (other than tab) with U+FFFD, one for one, so that text from
/// scanned files can neither inject terminal escapes nor break the line structure, and columns
/// still line up.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\t' { '\u{fffd}' } else { c }).collect()
}

/// The padding before the carets and the carets themselves, for a span starting at 1-based
/// character column `col` of `line_text`. Tabs in the padding are kept so the carets line up.
fn caret_line(line_text: &str, col: u32, end_line: u32, end_col: u32, line: u32) -> (String, String) {
    let chars: Vec<char> = line_text.chars().collect();
    let start = (col.max(1) as usize - 1).min(chars.len());
    let pad: String = chars[..start].iter().map(|&c| if c == '\t' { '\t' } else { ' ' }).collect();
    let end = if end_line == line { (end_col.max(1) as usize - 1).min(chars.len()) } else { chars.len() };
    let count = end.saturating_sub(start).max(1);
    (pad, "^".repeat(count))
}

/// Collapses a possibly multi-line text to one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn digits(n: u32) -> usize {
    n.max(1).ilog10() as usize + 1
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

fn render_summary(out: &mut String, p: Painter, report: &ScanReport) {
    let files = plural(report.files_scanned, "file", "files");
    let errors = files_with_errors(report);
    if report.findings.is_empty() {
        let _ = writeln!(out, "No findings in {files}.");
        if errors > 0 {
            let _ = writeln!(out, "{} with errors.", plural(errors, "file", "files"));
        }
        return;
    }
    let severities: Vec<String> = count_by_severity(&report.findings)
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(s, n)| p.severity(s, &format!("{n} {s}")))
        .collect();
    let layers: Vec<String> =
        count_by_layer(&report.findings).into_iter().filter(|&(_, n)| n > 0).map(|(l, n)| format!("{n} {l}")).collect();
    let _ = writeln!(
        out,
        "{}: {}",
        p.paint(BOLD, &plural(report.findings.len(), "finding", "findings")),
        severities.join(", ")
    );
    let _ = writeln!(out, "By layer: {}", layers.join(", "));
    let _ = writeln!(out, "{files} scanned, {} with errors.", plural(errors, "file", "files"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carets_cover_the_span_on_one_line() {
        assert_eq!(caret_line("  a: false", 6, 1, 11, 1), ("     ".into(), "^^^^^".into()));
    }

    #[test]
    fn carets_run_to_the_end_of_the_line_for_multi_line_spans() {
        assert_eq!(caret_line("  a: |", 3, 4, 2, 1), ("  ".into(), "^^^^".into()));
    }

    #[test]
    fn carets_past_the_end_of_the_line_do_not_panic() {
        assert_eq!(caret_line("ab", 10, 1, 12, 1), ("  ".into(), "^".into()));
        assert_eq!(caret_line("", 0, 0, 0, 1), ("".into(), "^".into()));
    }

    #[test]
    fn tabs_in_the_padding_are_kept() {
        assert_eq!(caret_line("\tx: 1", 5, 1, 6, 1), ("\t   ".into(), "^".into()));
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(clean("a\x1b[31mb\tc\u{9b}d\re"), "a\u{fffd}[31mb\tc\u{fffd}d\u{fffd}e");
    }

    #[test]
    fn digit_counts() {
        assert_eq!(digits(0), 1);
        assert_eq!(digits(9), 1);
        assert_eq!(digits(10), 2);
        assert_eq!(digits(100), 3);
    }
}
