//! One line per finding, `file:line:col: ID [severity] message`, and nothing else: for grep,
//! editors' quickfix lists and other line-oriented tools.

use std::fmt::Write as _;

use super::{Region, ScanReport};

/// The text on one line: line breaks and other control characters become spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let r = Region::of(f.location.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            one_line(&f.location.file),
            r.line,
            r.col,
            &f.rule.id,
            f.severity.as_str(),
            one_line(&f.full_message())
        );
    }
    out
}
