//! `palisade test-rules DIR`: every custom rule's examples run through the whole pipeline. A
//! line of a failing example that carries `# expect: RULE-ID` is where the rule must report;
//! a passing example must give no finding of the rule.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::diagnostic::Diagnostic;
use crate::i18n::{Lang, Message, label_count, label_with};
use crate::rules::{Check, Registry};
use crate::scan::{ScanOptions, scan_source};
use crate::source::SourceFile;

/// What testing one example gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleResult {
    pub rule: String,
    /// The example file.
    pub file: PathBuf,
    /// Empty when the example passed; otherwise what went wrong.
    pub failures: Vec<Message>,
}

/// What testing a directory of rules gave.
#[derive(Debug, Default)]
pub struct TestReport {
    /// Rules that did not load.
    pub load_errors: Vec<Diagnostic>,
    pub examples: Vec<ExampleResult>,
}

impl TestReport {
    pub fn passed(&self) -> bool {
        self.load_errors.is_empty() && self.examples.iter().all(|e| e.failures.is_empty()) && !self.examples.is_empty()
    }

    /// The report as `palisade test-rules` prints it, in `lang`. The summary line keeps the
    /// `N passed, N failed` of test runners in every language.
    pub fn render(&self, lang: Lang) -> String {
        let mut s = String::new();
        for e in &self.load_errors {
            s.push_str(&format!("{}\n", e.render(lang)));
        }
        for e in &self.examples {
            let status = if e.failures.is_empty() { "ok  " } else { "FAIL" };
            s.push_str(&format!("{status} {} {}\n", e.rule, crate::source::display_path(&e.file)));
            for f in &e.failures {
                s.push_str(&format!("     {}\n", f.render(lang)));
            }
        }
        let failed = self.examples.iter().filter(|e| !e.failures.is_empty()).count();
        let rules: BTreeSet<&str> = self.examples.iter().map(|e| e.rule.as_str()).collect();
        let not_loaded = if self.load_errors.is_empty() {
            String::new()
        } else {
            label_count(lang, "test-rules-not-loaded", self.load_errors.len(), &[])
        };
        let counts =
            label_with(lang, "test-rules-counts", &[("rules", &rules.len()), ("examples", &self.examples.len())]);
        s.push_str(&format!("\n{counts}: {} passed, {failed} failed{not_loaded}\n", self.examples.len() - failed,));
        if self.examples.is_empty() && self.load_errors.is_empty() {
            s.push_str(&format!("{}\n", crate::i18n::label(lang, "test-rules-none")));
        }
        s
    }
}

/// Lines of `text` that carry `# expect: ID[, ID]` for `id`.
pub fn expected_lines(text: &str, id: &str) -> BTreeSet<u32> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((_, rest)) = line.split_once("# expect:")
            && rest.split(',').any(|s| s.trim().eq_ignore_ascii_case(id))
        {
            out.insert(i as u32 + 1);
        }
    }
    out
}

/// Tests every rule of `dirs`, each with `limit` per model.
pub fn test_rules(dirs: &[PathBuf], limit: Duration) -> TestReport {
    let loaded = crate::custom::load(dirs, limit).checked();
    let mut report = TestReport { load_errors: loaded.diagnostics.clone(), ..Default::default() };
    let customs: Vec<(Arc<crate::rules::RuleMeta>, Arc<str>)> = loaded
        .rules
        .iter()
        .filter_map(|r| match &r.check {
            Check::Rego(p) => Some((r.meta.clone(), p.file.clone())),
            _ => None,
        })
        .collect();
    let (registry, problems) = loaded.into_registry();
    report.load_errors.extend(problems.iter().cloned());
    for (meta, file) in customs {
        let dir = Path::new(&*file).parent().unwrap_or(Path::new("")).to_path_buf();
        for e in meta.examples.iter() {
            let path = dir.join(&*e.name);
            let failures = check_example(&registry, &meta.id, &path, &e.text, e.fails);
            report.examples.push(ExampleResult { rule: meta.id.to_string(), file: path, failures });
        }
    }
    report
}

/// Runs the rule `id` over one example; says what differs from its markers.
fn check_example(registry: &Registry, id: &str, path: &Path, text: &str, fails: bool) -> Vec<Message> {
    let opts = ScanOptions { select: vec![id.to_string()], registry: Some(registry.clone()), ..ScanOptions::default() };
    let report = match scan_source(SourceFile::new(path, text.to_string()), &opts) {
        Ok(r) => r,
        Err(e) => return vec![Message::from(e)],
    };
    let mut failures: Vec<Message> =
        report.diagnostics.iter().filter(|d| d.is_error()).map(Diagnostic::to_message).collect();
    if report.files_scanned == 0 {
        failures.push(msg!("test-rules-not-recognised"));
        return failures;
    }
    let found: BTreeSet<u32> =
        report.findings.iter().filter(|f| f.rule.id.eq_ignore_ascii_case(id)).map(|f| f.location.span.line).collect();
    let expected = if fails { expected_lines(text, id) } else { BTreeSet::new() };
    if fails && expected.is_empty() {
        failures.push(msg!("test-rules-no-marker", id = id));
    }
    let lines = |s: &BTreeSet<u32>| s.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    for line in expected.difference(&found) {
        failures.push(msg!("test-rules-missing", line = line, id = id));
    }
    for f in report
        .findings
        .iter()
        .filter(|f| f.rule.id.eq_ignore_ascii_case(id) && !expected.contains(&f.location.span.line))
    {
        failures.push(if expected.is_empty() {
            msg!("test-rules-unexpected-none", line = f.location.span.line, message = f.template)
        } else {
            msg!("test-rules-unexpected", line = f.location.span.line, message = f.template, lines = lines(&expected))
        });
    }
    failures
}
