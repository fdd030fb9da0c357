//! Every rule's messages, as users read them, on each of its failing examples: one snapshot
//! per rule (`tests/snapshots/rule_messages__<slug>.snap`), so that a change of wording is a
//! reviewed change.

use std::fmt::Write as _;

use palisade::rules;
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;

/// The findings of `id` on one example: location, message, related locations.
fn messages(id: &str, name: &str, text: &str) -> String {
    let opts = ScanOptions { select: vec![id.to_string()], ..ScanOptions::default() };
    let report = scan_source(SourceFile::new(name, text.to_string()), &opts).unwrap();
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.rule.id == id) {
        let _ = writeln!(out, "{}:{}: {}", f.location.span.line, f.location.span.col, f.full_message());
        for r in &f.related {
            let _ = writeln!(out, "    {}:{}: {}", r.location.span.line, r.location.span.col, r.message);
        }
    }
    out
}

#[test]
fn every_rule_message_on_its_failing_examples() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(true);
    settings.set_omit_expression(true);
    let _guard = settings.bind_to_scope();
    for rule in rules::all() {
        let mut text = String::new();
        for e in rule.meta.examples.iter().filter(|e| e.fails) {
            let _ = writeln!(text, "== {}", e.name);
            text.push_str(&messages(&rule.meta.id, &e.name, &e.text));
        }
        assert!(text.lines().count() > rule.meta.examples.iter().filter(|e| e.fails).count(), "{}", rule.meta.id);
        insta::assert_snapshot!(rule.meta.slug.to_string(), text);
    }
}
