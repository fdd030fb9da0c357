//! JUnit XML for CI dashboards: one test suite per rule, one test case per rule × resource it
//! checked (a failure for each finding on that resource), and one test case per finding that
//! is not about a resource.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use rayon::prelude::*;

use super::ScanReport;
use super::html;
use crate::finding::Finding;
use crate::posture::Seen;
use crate::rules::RuleMeta;

/// Appends `s` as XML text or attribute value: markup escaped, and the control characters that
/// XML 1.0 cannot carry (and a terminal showing the file would obey) written as `\u{1b}`.
fn escape_into(out: &mut String, s: &str) {
    html::escape_into(out, &crate::source::printable(s, true));
}

/// `s` as [`escape_into`] writes it.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    // The resources seen, by type, in the order the evidence lists them.
    let mut by_kind: HashMap<&str, Vec<(usize, &Seen)>> = HashMap::new();
    for (i, s) in report.evidence.iter().flat_map(|ev| &ev.resources).enumerate() {
        by_kind.entry(s.kind.as_str()).or_default().push((i, s));
    }
    // The findings of each rule, in report order.
    let mut by_rule: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in &report.findings {
        by_rule.entry(&f.rule.id).or_default().push(f);
    }
    let suites: Vec<(String, usize, usize)> = report
        .rules
        .par_iter()
        .map(|rule| suite(rule, &by_kind, by_rule.get(&*rule.id).map_or(&[][..], Vec::as_slice)))
        .collect();
    let total: usize = suites.iter().map(|s| s.1).sum();
    let failures: usize = suites.iter().map(|s| s.2).sum();
    let mut out = String::with_capacity(200 + suites.iter().map(|s| s.0.len()).sum::<usize>());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, r#"<testsuites name="palisade" tests="{total}" failures="{failures}" errors="0">"#);
    for (s, _, _) in &suites {
        out.push_str(s);
    }
    out.push_str("</testsuites>\n");
    out
}

/// One rule's test suite, with its numbers of test cases and of failed ones.
fn suite(
    rule: &RuleMeta,
    by_kind: &HashMap<&str, Vec<(usize, &Seen)>>,
    findings: &[&Finding],
) -> (String, usize, usize) {
    // Resources the rule checked: (file, id) -> (kind, findings). When one (file, id) is seen
    // with several types, the first in evidence order names it.
    let mut seen: Vec<(usize, &Seen)> = Vec::new();
    for kind in rule.resource_types.iter() {
        if let Some(list) = by_kind.get(&**kind) {
            seen.extend(list.iter().copied());
        }
    }
    seen.sort_unstable_by_key(|&(i, _)| i);
    seen.dedup_by_key(|&mut (i, _)| i);
    let mut cases: BTreeMap<(&str, &str), (&str, Vec<&Finding>)> = BTreeMap::new();
    for (_, s) in seen {
        cases.entry((&s.file, &s.id)).or_insert_with(|| (&s.kind, Vec::new()));
    }
    let mut loose = Vec::new();
    for &f in findings {
        match &f.resource {
            Some(r) => cases.entry((&f.location.file, &r.id)).or_insert_with(|| (&r.kind, Vec::new())).1.push(f),
            None => loose.push(f),
        }
    }
    let n = cases.len() + loose.len();
    let failed = cases.values().filter(|(_, f)| !f.is_empty()).count() + loose.len();
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"  <testsuite name="{} {}" tests="{n}" failures="{failed}" errors="0" skipped="0">"#,
        &rule.id, rule.slug
    );
    let case = |s: &mut String, name: &dyn Fn(&mut String), found: &[&Finding]| {
        let _ = write!(s, r#"    <testcase classname="{}" name=""#, &rule.id);
        name(s);
        s.push('"');
        if found.is_empty() {
            s.push_str("/>\n");
            return;
        }
        s.push_str(">\n");
        for f in found {
            let message = f.full_message();
            let message = escaped(&message);
            let _ = writeln!(
                s,
                r#"      <failure message="{message}" type="{}">{}:{}:{}: {message}&#10;fix: {}</failure>"#,
                f.severity.as_str(),
                escaped(&f.location.file),
                f.location.span.line,
                f.location.span.col,
                escaped(&rule.remediation)
            );
        }
        s.push_str("    </testcase>\n");
    };
    for ((file, id), (kind, found)) in &cases {
        let name = |s: &mut String| {
            escape_into(s, file);
            s.push_str(": ");
            escape_into(s, id);
            s.push_str(" (");
            escape_into(s, kind);
            s.push(')');
        };
        case(&mut s, &name, found);
    }
    for f in loose {
        let name = |s: &mut String| {
            escape_into(s, &f.location.file);
            let _ = write!(s, ":{}", f.location.span.line);
        };
        case(&mut s, &name, &[f]);
    }
    s.push_str("  </testsuite>\n");
    (s, n, failed)
}
