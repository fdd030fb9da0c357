//! A Markdown summary sized for a pull-request comment: counts by severity and layer, then the
//! most severe findings (at most [`MAX_ROWS`]) with their location and fix.

use std::fmt::Write as _;

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
    let mut s = String::from("## Palisade security report\n\n");
    let n = report.findings.len();
    if n == 0 {
        let _ = writeln!(s, "No findings in {} file(s).", report.files_scanned);
    } else {
        let _ = writeln!(s, "**{n} finding(s)** in {} file(s).\n", report.files_scanned);
        s.push_str("| severity | findings |\n|---|---:|\n");
        for (sev, c) in count_by_severity(&report.findings) {
            let _ = writeln!(s, "| {} | {c} |", sev.as_str());
        }
        s.push_str("\n| layer | findings |\n|---|---:|\n");
        for (layer, c) in count_by_layer(&report.findings) {
            let _ = writeln!(s, "| {} | {c} |", layer.as_str());
        }
        let mut sorted: Vec<_> = report.findings.iter().collect();
        sorted.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.sort_key().cmp(&b.sort_key())));
        s.push_str("\n| severity | rule | location | message |\n|---|---|---|---|\n");
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
            let _ = writeln!(s, "\n…and {} more; run `palisade scan` for the full report.", n - MAX_ROWS);
        }
        s.push_str("\n<details><summary>How to fix</summary>\n\n");
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
        let _ = writeln!(s, "\n:warning: {errors} file(s) could not be read or parsed.");
    }
    s
}
