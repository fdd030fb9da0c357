//! JUnit XML for CI dashboards: one test suite per rule, one test case per rule × resource it
//! checked (failed when the rule found something on that resource: one `<failure>` listing
//! those findings), and one failed test case per finding that is not about a resource. The
//! XML is written by `quick-junit`.

use std::collections::{BTreeMap, HashMap};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use rayon::prelude::*;

use super::ScanReport;
use crate::finding::Finding;
use crate::i18n::{Lang, label};
use crate::posture::Seen;
use crate::rules::RuleMeta;

/// Text from the input as XML 1.0 can carry it and a terminal showing the file would not obey:
/// control characters other than newlines and tabs written as `\u{1b}`.
fn xml_text(s: String) -> String {
    match crate::source::printable(&s, true) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(o) => o,
    }
}

/// Renders the report.
pub fn render(report: &ScanReport) -> String {
    render_in(report, Lang::En)
}

/// Renders the report with its labels in `lang` (the findings' messages and rule texts as
/// they are: see [`ScanReport::localized`]).
pub fn render_in(report: &ScanReport, lang: Lang) -> String {
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
    let suites: Vec<TestSuite> = report
        .rules
        .par_iter()
        .map(|rule| suite(rule, &by_kind, by_rule.get(&*rule.id).map_or(&[][..], Vec::as_slice), lang))
        .collect();
    let mut doc = Report::new("palisade");
    doc.add_test_suites(suites);
    // Serialising into memory fails only on text XML cannot hold, which quick-junit escapes.
    doc.to_string().unwrap_or_else(|e| format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- {e} -->\n"))
}

/// One rule's test suite.
fn suite(
    rule: &RuleMeta,
    by_kind: &HashMap<&str, Vec<(usize, &Seen)>>,
    findings: &[&Finding],
    lang: Lang,
) -> TestSuite {
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
    let mut suite = TestSuite::new(xml_text(format!("{} {}", rule.id, rule.slug)));
    for ((file, id), (kind, found)) in &cases {
        suite.add_test_case(case(rule, format!("{file}: {id} ({kind})"), found, lang));
    }
    for f in loose {
        suite.add_test_case(case(rule, format!("{}:{}", f.location.file, f.location.span.line), &[f], lang));
    }
    suite
}

/// A test case, failed when `found` is not empty: the failure's message is the findings'
/// messages, its type the most severe one's severity, its text each finding's location,
/// message and fix.
fn case(rule: &RuleMeta, name: String, found: &[&Finding], lang: Lang) -> TestCase {
    let fix = label(lang, "junit-fix");
    let status = match found.iter().map(|f| f.severity).max() {
        None => TestCaseStatus::success(),
        Some(severity) => {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let messages: Vec<String> = found.iter().map(|f| f.full_message()).collect();
            let text: Vec<String> = found
                .iter()
                .zip(&messages)
                .map(|(f, m)| {
                    let at = &f.location;
                    format!("{}:{}:{}: {m}\n{fix}: {}", at.file, at.span.line, at.span.col, rule.remediation)
                })
                .collect();
            status
                .set_message(xml_text(messages.join("; ")))
                .set_type(severity.as_str())
                .set_description(xml_text(text.join("\n")));
            status
        }
    };
    let mut case = TestCase::new(xml_text(name), status);
    case.set_classname(&*rule.id);
    case
}
