//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` annotation per
//! finding (high and critical, medium, low and info), and an `::error` per file that could not
//! be read or parsed.
//!
//! Escaping follows GitHub's workflow commands and the `@actions/core` toolkit
//! (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions,
//! https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts): in the message,
//! `%`, `\r` and `\n` become `%25`, `%0D` and `%0A`; in properties, `:` and `,` also become
//! `%3A` and `%2C`.

use std::fmt::Write as _;

use super::{Region, ScanReport};
use crate::finding::Severity;

/// The annotation level of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "notice",
    }
}

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    escape(s, false)
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    escape(s, true)
}

/// `%`, `\r` and `\n` always; `:` and `,` too in a property.
fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let r = Region::of(f.location.span);
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            level(f.severity),
            escape_property(&f.location.file),
            r.line,
            r.col,
            r.end_line,
            r.end_col,
            escape_property(&format!("{} {}", f.rule.id, f.rule.slug)),
            escape_data(&f.full_message())
        );
    }
    for d in report.diagnostics.iter().filter(|d| d.is_error()) {
        let _ = write!(out, "::error file={}", escape_property(&d.file));
        if d.line > 0 {
            let _ = write!(out, ",line={},col={}", d.line, d.col.max(1));
        }
        let _ = writeln!(out, ",title=palisade::{}", escape_data(&d.to_string()));
    }
    out
}
