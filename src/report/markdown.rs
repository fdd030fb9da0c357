//! A Markdown summary sized for a pull-request comment: counts by severity and layer, then the
//! most severe findings (at most [`MAX_ROWS`]) with their location and fix.

use std::fmt::Write as _;

use crate::i18n::{Lang, label, label_with};

use super::{ScanReport, count_by_layer, count_by_severity, error_count};

/// Findings listed in the table; the rest are counted.
pub const MAX_ROWS: usize = 50;

/// Text for a table cell: one line, pipes and markup characters escaped, control characters
/// shown as `\u{1b}`.
fn cell(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let one_line = crate::source::printable(&one_line, false);
    let mut out = String::with_capacity(one_line.len());
    for c in one_line.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// `s` as a code span in a table cell: fenced by more backticks than it holds in a row, so
/// that a backtick in a name does not end the span early.
fn code(s: &str) -> String {
    let text = cell(s);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space inside the fence keeps a backtick at either end from joining it; CommonMark
    // strips one such space on each side.
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    render_in(report, Lang::En)
}

/// Renders the report with its labels in `lang` (the findings' messages and rule texts as
/// they are: see [`ScanReport::localized`]).
pub fn render_in(report: &ScanReport, lang: Lang) -> String {
    let l = |id: &str| label(lang, id);
    let mut s = format!("## {}\n\n", l("md-title"));
    let n = report.findings.len();
    let files = report.files_scanned;
    if n == 0 {
        let _ = writeln!(s, "{}", label_with(lang, "md-no-findings", &[("files", &files)]));
    } else {
        let _ = writeln!(s, "{}\n", label_with(lang, "md-findings-in-files", &[("count", &n), ("files", &files)]));
        let _ = writeln!(s, "| {} | {} |\n|---|---:|", l("md-severity"), l("md-findings"));
        for (sev, c) in count_by_severity(&report.findings) {
            let _ = writeln!(s, "| {} | {c} |", l(&format!("severity-{sev}")));
        }
        let _ = writeln!(s, "\n| {} | {} |\n|---|---:|", l("md-layer"), l("md-findings"));
        for (layer, c) in count_by_layer(&report.findings) {
            let _ = writeln!(s, "| {} | {c} |", l(&format!("text-layer-{layer}")));
        }
        let mut sorted: Vec<_> = report.findings.iter().collect();
        sorted.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.cmp_order(b)));
        let _ = writeln!(
            s,
            "\n| {} | {} | {} | {} |\n|---|---|---|---|",
            l("md-severity"),
            l("md-rule"),
            l("md-location"),
            l("md-message")
        );
        for f in sorted.iter().take(MAX_ROWS) {
            let _ = writeln!(
                s,
                "| {} | `{}` {} | {} | {} |",
                f.severity.as_str(),
                &f.rule.id,
                cell(&f.rule.slug),
                code(&format!("{}:{}", f.location.file, f.location.span.line)),
                cell(&f.full_message())
            );
        }
        if n > MAX_ROWS {
            let _ = writeln!(s, "\n{}", label_with(lang, "md-and-more", &[("count", &(n - MAX_ROWS))]));
        }
        let _ = writeln!(s, "\n<details><summary>{}</summary>\n", l("md-how-to-fix"));
        let mut seen = std::collections::BTreeSet::new();
        for f in sorted.iter().take(MAX_ROWS) {
            if seen.insert(&f.rule.id) {
                let _ = writeln!(s, "- **{}** {}: {}", &f.rule.id, cell(&f.rule.title), cell(&f.rule.remediation));
            }
        }
        s.push_str("\n</details>\n");
    }
    let errors = error_count(report);
    if errors > 0 {
        let _ = writeln!(s, "\n:warning: {}", label_with(lang, "md-errors", &[("count", &errors)]));
    }
    s
}
