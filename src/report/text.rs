//! The human-readable report: findings grouped by file, each with a source snippet, then the
//! diagnostics, then a summary.

use std::fmt::Write as _;

use super::snippet::{self, Window};
use super::{RenderOptions, ScanReport, count_by_layer, count_by_severity, files_with_errors, par_render};
use crate::finding::{Finding, Severity};
use crate::i18n::{Lang, label, label_count};
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
    lang: Lang,
}

impl Painter {
    fn paint(self, style: &str, text: &str) -> String {
        if self.color && !text.is_empty() { format!("{style}{text}{RESET}") } else { text.to_string() }
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        self.paint(severity_style(severity), text)
    }

    /// Appends what `write` writes, wrapped in `style` when it writes something.
    fn paint_into(self, out: &mut String, style: &str, write: impl FnOnce(&mut String)) {
        if !self.color {
            write(out);
            return;
        }
        let start = out.len();
        out.push_str(style);
        let content = out.len();
        write(out);
        if out.len() == content {
            out.truncate(start);
        } else {
            out.push_str(RESET);
        }
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
    let p = Painter { color: opts.color, lang: opts.lang };
    let mut out = String::new();

    if !opts.quiet {
        // Grouped by file (sorted), keeping the report's order within a file. The findings
        // come sorted by file already, so the stable sort only checks that.
        let mut order: Vec<&Finding> = report.findings.iter().collect();
        order.sort_by(|a, b| a.location.file.cmp(&b.location.file));
        out.reserve(650 * order.len());
        par_render(&order, &mut out, |out, _, chunk| {
            let mut source: Option<(&str, Option<&SourceFile>)> = None;
            for f in chunk {
                let file: &str = &f.location.file;
                let src = match source {
                    Some((name, src)) if name == file => src,
                    _ => {
                        let src = report.files.get(file).map(|s| &**s);
                        source = Some((file, src));
                        src
                    }
                };
                render_finding(out, p, f, src);
                out.push('\n');
            }
        });
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
    p.paint_into(out, BOLD, |out| {
        push_clean(out, &f.location.file);
        let _ = write!(out, ":{}:{}", span.line, span.col);
    });
    out.push_str(": ");
    p.paint_into(out, BOLD, |out| out.push_str(&f.rule.id));
    out.push(' ');
    p.paint_into(out, severity_style(f.severity), |out| {
        out.push('[');
        out.push_str(f.severity.as_str());
        out.push(']');
    });
    out.push(' ');
    out.push_str(&f.rule.slug);
    out.push_str(": ");
    push_clean(out, &f.message);
    if let Some(w) = &f.when {
        out.push_str(" (");
        out.push_str(&label(p.lang, "text-when"));
        out.push(' ');
        push_clean(out, w);
        out.push(')');
    }
    out.push('\n');

    let width = digits(span.line);
    let blank_gutter = |out: &mut String| p.paint_into(out, GUTTER, |out| push_gutter(out, None, width, '|'));
    let numbered = |out: &mut String, n: u32| p.paint_into(out, GUTTER, |out| push_gutter(out, Some(n), width, '|'));

    if let Some((window, mark)) = source.and_then(|s| snippet::span_line(s, span)) {
        blank_gutter(out);
        out.push('\n');
        if let Some(before) = span.line.checked_sub(1).filter(|&n| n >= 1)
            && let Some(text) = source.and_then(|s| s.line_text(before))
        {
            numbered(out, before);
            write_source_line(out, snippet::from(text, window.from));
        }
        numbered(out, span.line);
        write_source_line(out, window);
        blank_gutter(out);
        out.push(' ');
        push_caret_pad(out, window, mark.lead);
        p.paint_into(out, severity_style(f.severity), |out| push_repeated(out, '^', mark.len));
        out.push('\n');
        blank_gutter(out);
        out.push('\n');
    }

    let note = |out: &mut String, label: &str, text: &dyn Fn(&mut String)| {
        p.paint_into(out, GUTTER, |out| push_gutter(out, None, width, '='));
        out.push(' ');
        p.paint_into(out, BOLD, |out| out.push_str(label));
        out.push_str(": ");
        text(out);
        out.push('\n');
    };
    if let Some(r) = &f.resource {
        note(out, &label(p.lang, "text-resource"), &|out| {
            push_clean(out, &r.id);
            out.push_str(" (");
            push_clean(out, &r.kind);
            out.push(')');
        });
    }
    for r in &f.related {
        let s = r.location.span;
        note(out, &label(p.lang, "text-related"), &|out| {
            push_clean(out, &r.location.file);
            let _ = write!(out, ":{}:{}: ", s.line, s.col);
            push_clean(out, &r.message);
        });
    }
    if f.rule.remediation.split_whitespace().next().is_some() {
        note(out, &label(p.lang, "text-fix"), &|out| push_one_line(out, &f.rule.remediation));
    }
    note(out, &label(p.lang, "text-docs"), &|out| {
        out.push_str("palisade rule ");
        push_clean(out, &f.rule.id);
    });
}

/// `{n:>width$} |` (or `=`), or blanks instead of the number.
fn push_gutter(out: &mut String, n: Option<u32>, width: usize, mark: char) {
    match n {
        Some(n) => {
            push_repeated(out, ' ', width.saturating_sub(digits(n)));
            let _ = write!(out, "{n}");
        }
        None => push_repeated(out, ' ', width),
    }
    out.push(' ');
    out.push(mark);
}

fn push_repeated(out: &mut String, c: char, n: usize) {
    for _ in 0..n {
        out.push(c);
    }
}

/// The source line (its window) after its gutter, `…` marking where it was cut.
fn write_source_line(out: &mut String, window: Window<'_>) {
    if !window.text.is_empty() || window.cut_before || window.cut_after {
        out.push(' ');
        if window.cut_before {
            out.push(snippet::CUT);
        }
        push_clean(out, window.text);
        if window.cut_after {
            out.push(snippet::CUT);
        }
    }
    out.push('\n');
}

/// Whether [`clean`] would change `text`: it has a control character other than tab (C0, DEL,
/// or C1, whose UTF-8 encoding starts with 0xC2).
fn has_control(text: &str) -> bool {
    // Without stopping early, so that the compiler can check many bytes at once.
    text.bytes().fold(false, |any, b| any | ((b < 0x20 && b != b'\t') || b == 0x7f || b == 0xc2))
}

/// Appends `text` with control characters replaced, as [`clean`] does.
fn push_clean(out: &mut String, text: &str) {
    if has_control(text) {
        out.extend(text.chars().map(|c| if c.is_control() && c != '\t' { '\u{fffd}' } else { c }));
    } else {
        out.push_str(text);
    }
}

/// Replaces control characters (other than tab) with U+FFFD, one for one, so that text from
/// scanned files can neither inject terminal escapes nor break the line structure, and columns
/// still line up.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_clean(&mut out, text);
    out
}

/// The padding before the carets: one blank per character of the window before the span (and
/// for the cut mark), tabs kept so the carets line up.
fn push_caret_pad(out: &mut String, window: Window<'_>, lead: usize) {
    if window.cut_before {
        out.push(' ');
    }
    out.extend(window.text.chars().take(lead).map(|c| if c == '\t' { '\t' } else { ' ' }));
}

/// Appends a possibly multi-line text collapsed to one line (words joined by one space),
/// cleaned.
fn push_one_line(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_clean(out, word);
    }
}

fn digits(n: u32) -> usize {
    n.max(1).ilog10() as usize + 1
}

fn render_summary(out: &mut String, p: Painter, report: &ScanReport) {
    let lang = p.lang;
    let files = label_count(lang, "text-files", report.files_scanned, &[]);
    let errors = files_with_errors(report);
    if report.findings.is_empty() {
        let _ = writeln!(out, "{}", label_count(lang, "text-no-findings", report.files_scanned, &[("files", &files)]));
        if errors > 0 {
            let _ = writeln!(out, "{}", label_count(lang, "text-files-with-errors", errors, &[]));
        }
        return;
    }
    let severities: Vec<String> = count_by_severity(&report.findings)
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(s, n)| p.severity(s, &format!("{n} {}", label(lang, &format!("severity-{s}")))))
        .collect();
    let layers: Vec<String> = count_by_layer(&report.findings)
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(l, n)| format!("{n} {}", label(lang, &format!("text-layer-{l}"))))
        .collect();
    let _ = writeln!(
        out,
        "{}: {}",
        p.paint(BOLD, &label_count(lang, "text-findings", report.findings.len(), &[])),
        severities.join(", ")
    );
    let _ = writeln!(out, "{}: {}", label(lang, "text-by-layer"), layers.join(", "));
    let _ = writeln!(out, "{}", label_count(lang, "text-scanned", errors, &[("files", &files)]));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    /// The padding before the carets and the carets themselves, for a span on the line
    /// `line_text` that starts at 1-based `line` of its file.
    fn caret_line(line_text: &str, span: Span) -> (String, String) {
        let (start, end) = snippet::span_in_line(line_text, 0, span);
        let (window, mark) = snippet::around(line_text, start, end);
        let mut pad = String::new();
        push_caret_pad(&mut pad, window, mark.lead);
        (pad, "^".repeat(mark.len))
    }

    /// A span of line 1 from byte `start` (column `col`) to byte `end` of line `end_line`.
    fn span(start: u32, col: u32, end: u32, end_line: u32, end_col: u32) -> Span {
        Span { start, end, line: 1, col, end_line, end_col, ..Span::default() }
    }

    #[test]
    fn carets_cover_the_span_on_one_line() {
        assert_eq!(caret_line("  a: false", span(5, 6, 10, 1, 11)), ("     ".into(), "^^^^^".into()));
    }

    #[test]
    fn carets_run_to_the_end_of_the_line_for_multi_line_spans() {
        assert_eq!(caret_line("  a: |", span(2, 3, 30, 4, 2)), ("  ".into(), "^^^^".into()));
    }

    #[test]
    fn carets_past_the_end_of_the_line_do_not_panic() {
        assert_eq!(caret_line("ab", span(9, 10, 11, 1, 12)), ("  ".into(), "^".into()));
        assert_eq!(caret_line("", span(0, 0, 0, 0, 0)), ("".into(), "^".into()));
    }

    #[test]
    fn tabs_in_the_padding_are_kept() {
        assert_eq!(caret_line("\tx: 1", span(4, 5, 5, 1, 6)), ("\t   ".into(), "^".into()));
    }

    #[test]
    fn long_lines_are_cut_with_the_carets_under_the_span() {
        let line = format!("{}\tSPAN{}", "é".repeat(5000), "x".repeat(5000));
        let at = line.find("SPAN").unwrap() as u32;
        let (pad, carets) = caret_line(&line, span(at, 5002, at + 4, 1, 5006));
        let mut out = String::new();
        let (start, end) = snippet::span_in_line(&line, 0, span(at, 5002, at + 4, 1, 5006));
        write_source_line(&mut out, snippet::around(&line, start, end).0);
        assert!(out.starts_with(" …é") && out.ends_with("x…\n") && out.chars().count() < 210, "{out}");
        // The carets sit under `SPAN`: the pad's characters stand for those before it.
        let shown: Vec<char> = out[1..].chars().collect();
        let under: String = shown[pad.chars().count()..][..carets.len()].iter().collect();
        assert_eq!((under.as_str(), pad.ends_with('\t')), ("SPAN", true));
    }

    #[test]
    fn control_characters_are_neutralised() {
        assert_eq!(clean("a\x1b[31mb\tc\u{9b}d\re"), "a\u{fffd}[31mb\tc\u{fffd}d\u{fffd}e");
    }

    #[test]
    fn fast_path_agrees_with_the_character_test() {
        for c in (0u32..0x300).filter_map(char::from_u32).chain(['\u{2028}', '\u{feff}', '€']) {
            let s = format!("a{c}b");
            let slow: String = s.chars().map(|c| if c.is_control() && c != '\t' { '\u{fffd}' } else { c }).collect();
            assert_eq!(clean(&s), slow, "{:?}", c);
        }
    }

    #[test]
    fn one_line_collapses_whitespace() {
        let mut s = String::new();
        push_one_line(&mut s, "  a\n  b\tc\u{85}d\x1be  ");
        assert_eq!(s, "a b c d\u{fffd}e");
    }

    #[test]
    fn gutters() {
        let mut s = String::new();
        push_gutter(&mut s, Some(7), 3, '|');
        push_gutter(&mut s, None, 2, '=');
        assert_eq!(s, "  7 |   =");
    }

    #[test]
    fn painting_skips_empty_text() {
        let p = Painter { color: true, lang: Lang::En };
        let mut s = String::new();
        p.paint_into(&mut s, BOLD, |_| {});
        assert_eq!(s, "");
        p.paint_into(&mut s, BOLD, |o| o.push('x'));
        assert_eq!(s, format!("{BOLD}x{RESET}"));
    }

    #[test]
    fn digit_counts() {
        assert_eq!(digits(0), 1);
        assert_eq!(digits(9), 1);
        assert_eq!(digits(10), 2);
        assert_eq!(digits(100), 3);
    }
}
