//! JUnit XML for CI dashboards: one test suite per rule, one test case per rule × resource it
//! checked (a failure for each finding on that resource), and one test case per finding that
//! is not about a resource.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::ScanReport;
use super::html::escape;

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    // Resources each rule checked: (file, id, kind).
    let mut suites = Vec::new();
    let (mut total, mut failures) = (0usize, 0usize);
    for rule in &report.rules {
        let mut cases: BTreeMap<(String, String), (String, Vec<&crate::finding::Finding>)> = BTreeMap::new();
        for ev in &report.evidence {
            for s in &ev.resources {
                if rule.resource_types.iter().any(|t| *t == s.kind) {
                    cases.entry((s.file.to_string(), s.id.clone())).or_insert_with(|| (s.kind.clone(), Vec::new()));
                }
            }
        }
        let mut loose = Vec::new();
        for f in report.findings.iter().filter(|f| f.rule.id == rule.id) {
            match &f.resource {
                Some(r) => cases
                    .entry((f.location.file.to_string(), r.id.clone()))
                    .or_insert_with(|| (r.kind.clone(), Vec::new()))
                    .1
                    .push(f),
                None => loose.push(f),
            }
        }
        let n = cases.len() + loose.len();
        let failed = cases.values().filter(|(_, f)| !f.is_empty()).count() + loose.len();
        total += n;
        failures += failed;
        let mut s = String::new();
        let _ = writeln!(
            s,
            r#"  <testsuite name="{} {}" tests="{n}" failures="{failed}" errors="0" skipped="0">"#,
            rule.id, rule.slug
        );
        let case = |s: &mut String, name: String, found: &[&crate::finding::Finding]| {
            let _ = write!(s, r#"    <testcase classname="{}" name="{}""#, rule.id, escape(&name));
            if found.is_empty() {
                s.push_str("/>\n");
                return;
            }
            s.push_str(">\n");
            for f in found {
                let _ = writeln!(
                    s,
                    r#"      <failure message="{}" type="{}">{}:{}:{}: {}&#10;fix: {}</failure>"#,
                    escape(&f.full_message()),
                    f.severity.as_str(),
                    escape(&f.location.file),
                    f.location.span.line,
                    f.location.span.col,
                    escape(&f.full_message()),
                    escape(&rule.remediation)
                );
            }
            s.push_str("    </testcase>\n");
        };
        for ((file, id), (kind, found)) in &cases {
            case(&mut s, format!("{file}: {id} ({kind})"), found);
        }
        for f in loose {
            case(&mut s, format!("{}:{}", f.location.file, f.location.span.line), &[f]);
        }
        s.push_str("  </testsuite>\n");
        suites.push(s);
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, r#"<testsuites name="palisade" tests="{total}" failures="{failures}" errors="0">"#);
    for s in suites {
        out.push_str(&s);
    }
    out.push_str("</testsuites>\n");
    out
}
