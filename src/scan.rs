//! The pipeline: load units of analysis (discover → parse → lower), analyse, run the rules
//! over each unit, filter; parallel across units.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::analyze::Facts;
use crate::discover::DiscoverOptions;
use crate::filter::{self, Policy, Suppressed, SuppressedBy, Suppression, baseline::Baseline};
use crate::finding::{Diagnostic, DiagnosticKind, Finding};
use crate::frontend::{self, InputPolicy, LoadOptions, Loaded, Overrides, Unit, Variants};
use crate::model::Model;
use crate::parse::Limits;
use crate::report::ScanReport;
use crate::rules::Found;
use crate::rules::{Registry, Rule};
use crate::source::SourceFile;

/// What to scan and how.
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub discover: DiscoverOptions,
    /// Values for template parameters (override `Default`s).
    pub parameters: Overrides,
    pub limits: Limits,
    /// Only these rules (ids, slugs or id prefixes); all when empty.
    pub select: Vec<String>,
    /// Not these rules (ids, slugs or id prefixes).
    pub ignore: Vec<String>,
    /// What the configuration file asks of the filter: per-path ignores, severity overrides,
    /// the secret allow-list, ...
    pub policy: Policy,
    /// What the configuration file asks of the inputs: excludes, per-file parameter values.
    pub inputs: InputPolicy,
    /// Findings recorded here are not reported.
    pub baseline: Option<Baseline>,
    /// Only files with these paths (absolute, normalised) are analysed (`--diff`). Other
    /// Kubernetes manifests are still read, since their objects govern those of the wanted
    /// files, but only findings in wanted files are reported.
    pub only: Option<HashSet<PathBuf>>,
    /// Registries (host, optionally with a path prefix) that Kubernetes images may come from;
    /// empty: only images without an explicit registry are reported.
    pub allowed_registries: Vec<String>,
    /// The rules to choose from (the built-in ones when `None`).
    pub registry: Option<Registry>,
    /// Whether findings need their subject (what fingerprints hash: reports that show
    /// fingerprints, baselines). Files of scan-wide units are read again for it.
    pub skip_subjects: bool,
    /// Values for Terraform variables (`--var`, `--var-file`).
    pub terraform: crate::frontend::terraform::TfVars,
    /// Problems of the custom rules of `registry` that did not load, reported with the scan's.
    pub rule_diagnostics: Vec<Diagnostic>,
}

impl ScanOptions {
    /// What the loader needs to know.
    pub fn load_options(&self) -> LoadOptions {
        let policy = Arc::new(self.inputs.clone());
        let (p1, p2) = (policy.clone(), policy);
        let cli = self.parameters.clone();
        LoadOptions {
            paths: self.paths.clone(),
            discover: self.discover.clone(),
            limits: self.limits.clone(),
            parameters: self.parameters.clone(),
            parameters_for: Some(Arc::new(move |file: &str| p1.parameters_for(file, &cli))),
            excluded: Some(Arc::new(move |file: &str| p2.excluded(file))),
            only: self.only.clone(),
            allowed_registries: self.allowed_registries.clone(),
            variants: Variants::Enumerate,
            terraform: self.terraform.clone(),
        }
    }

    /// The rules selected by `select`/`ignore`.
    pub fn rules(&self) -> Result<Vec<Arc<Rule>>, String> {
        match &self.registry {
            Some(r) => r.select(&self.select, &self.ignore),
            None => Registry::builtin().select(&self.select, &self.ignore),
        }
    }
}

pub use crate::results::Scanned;

/// Scans the given paths. Errors in one file never stop the others.
pub fn scan(opts: &ScanOptions) -> Result<ScanReport, String> {
    scan_detailed(opts).map(|s| s.report)
}

/// Scans the given paths, keeping what the filter stage removed.
pub fn scan_detailed(opts: &ScanOptions) -> Result<Scanned, String> {
    let rules = opts.rules()?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let loaded = frontend::load_each(&opts.load_options(), &|u| judge_unit(u, &rules, opts, &cwd));
    let mut scanned = judge_all(loaded, &rules, opts);
    scanned.report.root = Some(source_root(opts, cwd));
    Ok(scanned)
}

/// The working directory and the git work tree holding the first scanned path (or the working
/// directory, when no path is given).
fn source_root(opts: &ScanOptions, cwd: PathBuf) -> crate::results::SourceRoot {
    let first = opts.paths.first().map_or_else(|| cwd.clone(), |p| cwd.join(p));
    crate::results::SourceRoot {
        cwd_real: cwd.canonicalize().unwrap_or_else(|_| cwd.clone()),
        work_tree: crate::gitdiff::work_tree(&first),
        cwd,
    }
}

/// Scans one in-memory source (used by tests and for standard input).
pub fn scan_source(src: SourceFile, opts: &ScanOptions) -> Result<ScanReport, String> {
    scan_source_detailed(src, opts).map(|s| s.report)
}

/// Scans one in-memory source, keeping what the filter stage removed.
pub fn scan_source_detailed(src: SourceFile, opts: &ScanOptions) -> Result<Scanned, String> {
    let rules = opts.rules()?;
    let cwd = std::env::current_dir().unwrap_or_default();
    let loaded = frontend::load_source(src, &opts.load_options());
    let loaded = Loaded {
        units: loaded.units.into_iter().map(|u| judge_unit(u, &rules, opts, &cwd)).collect(),
        diagnostics: loaded.diagnostics,
        analysed: loaded.analysed,
    };
    Ok(judge_all(loaded, &rules, opts))
}

/// What judging one unit gave.
struct Judged {
    /// Joined into one list once the unit's models are gone (see [`judge_unit`]).
    findings: Found,
    diagnostics: Vec<Diagnostic>,
    evidence: crate::posture::Evidence,
}

/// What a unit gave, once judged: everything the report needs of it (its models and
/// documents are gone).
struct UnitResult {
    findings: Vec<Finding>,
    diagnostics: Vec<Diagnostic>,
    evidence: crate::posture::Evidence,
    suppressions: Vec<Suppression>,
    /// The unit's files that findings point into.
    sources: Vec<Arc<SourceFile>>,
}

/// The size of a unit's sources up to which its parsed documents are kept while it is judged
/// (see [`judge_unit`]).
const KEEP_DOCUMENTS_UP_TO: usize = 1 << 20;

/// Judges a unit and keeps what the report needs of it.
fn judge_unit(mut unit: Unit, rules: &[Arc<Rule>], opts: &ScanOptions, cwd: &std::path::Path) -> UnitResult {
    // A large unit's parsed documents are let go while its rules run and parsed again for the
    // findings' subjects once its models are gone: it never holds its documents, its models and
    // its findings at once. A small one keeps them (parsing again would cost more than keeping).
    let large = unit.sources.iter().map(|s| s.text.len()).sum::<usize>() > KEEP_DOCUMENTS_UP_TO;
    if large {
        unit.documents.clear();
        release_freed_memory();
    }
    let j = judge_guarded(&unit, rules);
    // The models are judged: what follows needs the sources and documents only, and a large
    // unit's models weigh as much as its findings.
    drop(std::mem::take(&mut unit.variants));
    if large {
        // The models' memory goes back before the findings are joined into one list.
        release_freed_memory();
    }
    let mut findings = j.findings.into_vec();
    if large {
        // The blocks the findings were moved from go back before the files are parsed again.
        release_freed_memory();
    }
    if !opts.skip_subjects {
        subjects(&unit, &mut findings, opts);
    }
    // Files that are not wanted gave context only; report on the wanted ones (all of them for a
    // unit judged whole).
    if let Some(only) = opts.only.as_ref().filter(|_| !unit.judged_whole) {
        findings.retain(|f| only.contains(&filter::normalise(&cwd.join(&*f.location.file))));
    }
    let mut diagnostics = unit.diagnostics;
    diagnostics.extend(j.diagnostics);
    let sources = unit
        .sources
        .into_iter()
        .filter(|src| {
            let key = src.display_path();
            findings.iter().any(|f| *f.location.file == *key)
        })
        .collect();
    if large {
        // What judging a large unit freed on this thread goes back to the system now, not after
        // the allocator's delay: other threads' files and the reports do not add to it.
        release_freed_memory();
    }
    UnitResult { findings, diagnostics, evidence: j.evidence, suppressions: unit.suppressions, sources }
}

fn judge_all(loaded: Loaded<UnitResult>, rules: &[Arc<Rule>], opts: &ScanOptions) -> Scanned {
    let Loaded { units, mut diagnostics, analysed } = loaded;
    diagnostics.extend(opts.rule_diagnostics.iter().cloned());
    let mut report = ScanReport {
        rules: rules.iter().map(|r| r.meta.clone()).collect(),
        files_scanned: analysed.len(),
        ..ScanReport::default()
    };
    let mut suppressions = Vec::new();
    // The others' findings join the largest unit's list, grown by exactly what they add (not
    // to twice its size, hundreds of thousands of findings copied into a new list that has
    // room for as many again). The order is the report's, sorted below.
    let mut units = units;
    let largest = (0..units.len()).max_by_key(|&i| units[i].findings.len());
    report.findings = largest.map(|i| std::mem::take(&mut units[i].findings)).unwrap_or_default();
    report.findings.reserve_exact(units.iter().map(|u| u.findings.len()).sum());
    for u in units {
        diagnostics.extend(u.diagnostics);
        suppressions.extend(u.suppressions);
        for src in u.sources {
            report.files.entry(src.display_path().into()).or_insert(src);
        }
        report.findings.extend(u.findings);
        report.evidence.push(u.evidence);
    }
    report.diagnostics = diagnostics;
    finish(report, &suppressions, analysed, opts)
}

/// Judges one unit; an internal error (a bug, never expected) becomes a diagnostic for the
/// unit instead of ending the scan.
fn judge_guarded(unit: &Unit, rules: &[Arc<Rule>]) -> Judged {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| judge(unit, rules))).unwrap_or_else(|_| Judged {
        findings: Found::default(),
        diagnostics: vec![Diagnostic::whole_file(DiagnosticKind::Read, &unit.name, msg!("diag-internal-error"))],
        evidence: crate::posture::Evidence::default(),
    })
}

/// Runs the rules over every variant of a unit and merges their findings.
fn judge(unit: &Unit, rules: &[Arc<Rule>]) -> Judged {
    let parallel = unit.sources.len() > 8;
    let mut diagnostics = Vec::new();
    let mut evidence = None;
    let mut all = Found::default();
    // Each variant's findings join those of the others as soon as the variant is judged: a
    // finding found in every variant is kept once, not once per variant.
    let mut merged = unit.describe.as_ref().map(|describe| (Merged::default(), describe));
    for (i, model) in unit.variants.iter().enumerate() {
        let facts = Facts::new(model);
        let (found, problems) = run_rules_found(model, &facts, rules, parallel);
        if evidence.is_none() {
            evidence = Some(facts.evidence().clone());
        }
        match &mut merged {
            Some((m, _)) => m.add(i, found.into_vec()),
            None => all.append(found),
        }
        diagnostics.extend(problems);
    }
    diagnostics.sort();
    diagnostics.dedup();
    let mut findings = match merged {
        Some((m, describe)) => Found::from(m.finish(unit.variants.len(), describe)),
        None => all,
    };
    if let Some(only) = &unit.report_only {
        findings.retain(|f| only.contains(&f.location.span.file));
    }
    if !unit.conditions.is_empty() {
        for f in findings.iter_mut() {
            if f.when.is_none()
                && let Some(c) = f.resource.as_ref().and_then(|r| unit.conditions.get(&*r.id))
            {
                f.when = Some(Box::new(c.clone()));
            }
        }
    }
    Judged { findings, diagnostics, evidence: evidence.unwrap_or_default() }
}

/// Runs every rule over one model. A rule that fails with an internal error is reported as a
/// diagnostic and the others still run.
pub fn run_rules(
    model: &Model,
    facts: &Facts<'_>,
    rules: &[Arc<Rule>],
    parallel: bool,
) -> (Vec<Finding>, Vec<Diagnostic>) {
    let (found, problems) = run_rules_found(model, facts, rules, parallel);
    (found.into_vec(), problems)
}

/// [`run_rules`], the findings as the rules reported them (see [`Found`]).
fn run_rules_found(model: &Model, facts: &Facts<'_>, rules: &[Arc<Rule>], parallel: bool) -> (Found, Vec<Diagnostic>) {
    let internal_error = |rule: &Arc<Rule>| {
        Diagnostic::whole_file(DiagnosticKind::Read, &model.file, msg!("diag-internal-rule-error", rule = rule.meta.id))
    };
    // Runs `rule`, adding its findings to `found`; a rule that fails adds none.
    let run = |rule: &Arc<Rule>, found: &mut Found| {
        let before = found.len();
        let ran = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut sink = crate::rules::Sink::new(&rule.meta, model.file.clone(), found);
            rule.run(model, facts, &mut sink)
        }));
        match ran {
            Ok(Ok(())) => Ok(()),
            Ok(Err(d)) => {
                found.truncate(before);
                Err(d)
            }
            Err(_) => {
                found.truncate(before);
                Err(internal_error(rule))
            }
        }
    };
    let mut findings = Found::default();
    let mut problems = Vec::new();
    if !parallel {
        for rule in rules {
            if let Err(d) = run(rule, &mut findings) {
                problems.push(d);
            }
        }
        return (findings, problems);
    }
    let results: Vec<Result<Found, Diagnostic>> = rules
        .par_iter()
        .map(|rule| {
            let mut found = Found::default();
            run(rule, &mut found).map(|()| found)
        })
        .collect();
    for r in results {
        match r {
            Ok(found) => findings.append(found),
            Err(d) => problems.push(d),
        }
    }
    (findings, problems)
}

/// Fills the findings' subjects from the unit's documents, or, for a unit that keeps none,
/// from its files read again (in parallel, one tree at a time per file).
fn subjects(unit: &Unit, findings: &mut [Finding], opts: &ScanOptions) {
    if !unit.documents.is_empty() {
        let roots: Vec<&crate::value::Node> = unit.documents.iter().map(|d| &d.root).collect();
        fill_subjects(findings, &roots);
        return;
    }
    findings.sort_by(|a, b| a.location.file.cmp(&b.location.file));
    let mut groups: Vec<&mut [Finding]> = findings.chunk_by_mut(|a, b| a.location.file == b.location.file).collect();
    groups.par_iter_mut().for_each(|group| {
        let file = group[0].location.file.clone();
        let Some(src) = unit.sources.iter().find(|s| *s.display_path() == *file) else { return };
        // The file's documents come one at a time, in order; each fills the subjects of the
        // findings that start inside it (a stream of thousands of manifests is never held
        // whole).
        group.sort_by_key(|f| f.location.span.start);
        let mut finder = crate::value::SubjectFinder::new();
        let memo = RevealMemo::default();
        let mut rest: &mut [Finding] = group;
        let _ = frontend::parse_source_each(src, &opts.limits, &mut |doc| {
            let root = &doc.root;
            let all = std::mem::take(&mut rest);
            let (_, from) = all.split_at_mut(all.partition_point(|f| f.location.span.start < root.span.start));
            let (inside, after) = from.split_at_mut(from.partition_point(|f| f.location.span.start < root.span.end));
            for f in inside.iter_mut() {
                fill_subject(&mut finder, &memo, f, root);
            }
            rest = after;
        });
        // A subject is ambiguous only among findings of one file: each file's are judged alone.
        crate::finding::drop_ambiguous_subjects(group);
    });
}

/// Whether the document `root` holds `span`.
fn holds(root: &crate::value::Node, span: crate::source::Span) -> bool {
    root.span.file == span.file && root.span.start <= span.start && span.end <= root.span.end
}

/// Whether a key and value may reveal a secret ([`crate::rules::secrets::names_or_holds_secret`]),
/// remembered for short ones: the findings of a file mostly ask about the same few (a
/// thousand manifests' `privileged: true`).
#[derive(Default)]
struct RevealMemo {
    known: std::cell::RefCell<HashMap<Box<str>, bool>>,
    /// The key's length, a colon, the key and the value (unambiguous whatever characters
    /// they hold), looked up without allocating.
    probe: std::cell::RefCell<String>,
}

impl RevealMemo {
    /// Longer keys and values are judged each time, not kept.
    const KEPT_UP_TO: usize = 256;

    fn names_or_holds_secret(&self, key: &str, value: &str) -> bool {
        if key.len() + value.len() > Self::KEPT_UP_TO {
            return crate::rules::secrets::names_or_holds_secret(key, value);
        }
        let mut probe = self.probe.borrow_mut();
        probe.clear();
        let _ = std::fmt::Write::write_fmt(&mut *probe, format_args!("{}:{key}{value}", key.len()));
        if let Some(&known) = self.known.borrow().get(probe.as_str()) {
            return known;
        }
        let answer = crate::rules::secrets::names_or_holds_secret(key, value);
        self.known.borrow_mut().insert(probe.as_str().into(), answer);
        answer
    }
}

/// Records a finding's subject when `root` holds its span (see [`fill_subjects`]).
fn fill_subject(
    finder: &mut crate::value::SubjectFinder,
    memo: &RevealMemo,
    f: &mut Finding,
    root: &crate::value::Node,
) {
    let span = f.location.span;
    if !holds(root, span) {
        return;
    }
    let about_secrets = crate::rules::secrets::is_about_secret_values(&f.rule);
    f.subject = finder
        .subject(root, span, |key, value| !about_secrets && !memo.names_or_holds_secret(key, value))
        .map(String::into_boxed_str);
}

/// Records each finding's subject: the offending field and value, as the path to the node at
/// its span (values that may be secrets left out), so that fingerprints do not depend on how
/// the message is worded.
fn fill_subjects(findings: &mut [Finding], roots: &[&crate::value::Node]) {
    let mut finder = crate::value::SubjectFinder::new();
    let memo = RevealMemo::default();
    // The documents by file and position: when none overlaps another, the one holding a span
    // is the last one starting before it, found by bisection (a manifest may hold thousands);
    // else the first that holds it.
    let mut sorted: Vec<&crate::value::Node> = roots.to_vec();
    sorted.sort_by_key(|r| (r.span.file, r.span.start));
    let disjoint = sorted.windows(2).all(|w| w[0].span.file != w[1].span.file || w[0].span.end <= w[1].span.start);
    for f in findings.iter_mut() {
        let span = f.location.span;
        let root = if disjoint {
            let after = sorted.partition_point(|r| (r.span.file, r.span.start) <= (span.file, span.start));
            after.checked_sub(1).map(|i| sorted[i]).filter(|r| holds(r, span))
        } else {
            roots.iter().copied().find(|r| holds(r, span))
        };
        if let Some(root) = root {
            fill_subject(&mut finder, &memo, f, root);
        }
    }
    crate::finding::drop_ambiguous_subjects(findings);
}

type Key = (Arc<str>, u32, u32, String, Option<Arc<str>>);

/// The findings of a unit's variants merged: a finding present in all of them holds
/// unconditionally; one present in some says for which variants it holds.
#[derive(Default)]
struct Merged {
    /// Each distinct finding, in the order first found, with the variants it holds in.
    found: Vec<(Finding, Vec<usize>)>,
    /// Where each finding is in `found`.
    index: HashMap<Key, usize>,
}

impl Merged {
    /// Adds the findings of variant `variant` (variants are added in order).
    fn add(&mut self, variant: usize, findings: Vec<Finding>) {
        for f in findings {
            let key = (
                f.rule.id.clone().into_owned().into(),
                f.location.span.start,
                f.location.span.end,
                f.message().into_owned(),
                f.resource.as_ref().map(|r| r.id.clone()),
            );
            match self.index.entry(key) {
                std::collections::hash_map::Entry::Occupied(at) => {
                    let seen = &mut self.found[*at.get()].1;
                    if seen.last() != Some(&variant) {
                        seen.push(variant)
                    }
                }
                std::collections::hash_map::Entry::Vacant(at) => {
                    at.insert(self.found.len());
                    self.found.push((f, vec![variant]));
                }
            }
        }
    }

    /// The merged findings of `total` variants, each that does not hold in all of them
    /// described by `describe`.
    fn finish(self, total: usize, describe: &frontend::DescribeVariants) -> Vec<Finding> {
        drop(self.index);
        self.found
            .into_iter()
            .map(|(mut f, seen)| {
                if seen.len() < total {
                    f.when = describe(&seen, f.resource.as_ref().map(|r| r.id.as_ref())).map(Box::new);
                }
                f
            })
            .collect()
    }
}

/// The filter stage: suppressions, configuration, baseline; then sorting.
fn finish(
    mut report: ScanReport,
    suppressions: &[Suppression],
    analysed: Vec<Arc<str>>,
    opts: &ScanOptions,
) -> Scanned {
    let findings = std::mem::take(&mut report.findings);
    let filtered = filter::apply(findings, suppressions, &opts.policy, &report.rules, &report.files);
    report.diagnostics.extend(filtered.diagnostics);
    let mut suppressed = filtered.suppressed;
    report.findings = filtered.kept;
    if let Some(b) = &opts.baseline {
        let applied = b.apply(std::mem::take(&mut report.findings), &analysed, &report.rules);
        report.findings = applied.kept;
        report.diagnostics.extend(applied.diagnostics);
        suppressed
            .extend(applied.baselined.into_iter().map(|finding| Suppressed { finding, by: SuppressedBy::Baseline }));
    }
    // The rules as the configuration has them: a severity override is the rule's severity in
    // this scan, for the reports that describe rules (SARIF's rule descriptors).
    for r in &mut report.rules {
        if let Some(sev) = opts.policy.severity_of(r)
            && sev != r.severity
        {
            Arc::make_mut(r).severity = sev;
        }
    }
    report.findings.sort_by(Finding::cmp_order);
    suppressed.sort_by(|a, b| a.finding.cmp_order(&b.finding));
    report.diagnostics.sort();
    report.diagnostics.dedup();
    Scanned { report, suppressed, analysed, fixes: Vec::new() }
}

/// Returns the memory freed so far to the system (mimalloc keeps freed pages for a while to
/// reuse them, so the peaks of consecutive stages would otherwise add up).
pub(crate) fn release_freed_memory() {
    fn collect() {
        // SAFETY: `mi_collect` takes no pointer and may be called at any time from any thread.
        unsafe { libmimalloc_sys::mi_collect(true) }
    }
    collect();
    // A block freed by another thread than the one that allocated it goes back to the
    // allocating thread's pages, which only that thread returns: every thread of the pool
    // (that parsed and lowered the files) collects its own.
    rayon::broadcast(|_| collect());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_secret_answers_are_those_of_each_key_and_value() {
        // Joined plainly, the first two pairs would be the same text, and so would the next
        // two with a NUL between key and value.
        let pairs = [
            ("Password", "x"),
            ("Passwor", "dx"),
            ("Note", "Password\0x"),
            ("Note\0Password", "x"),
            ("Status", "Enabled"),
            ("Status", "Enabled"),
        ];
        let memo = RevealMemo::default();
        for (key, value) in pairs {
            assert_eq!(
                memo.names_or_holds_secret(key, value),
                crate::rules::secrets::names_or_holds_secret(key, value),
                "{key:?}: {value:?}"
            );
        }
        assert!(memo.names_or_holds_secret("Password", "x"));
        assert!(!memo.names_or_holds_secret("Passwor", "dx"));
        assert!(!memo.names_or_holds_secret("Note", "Password\0x"));
        assert!(memo.names_or_holds_secret("Note\0Password", "x"));
    }
}
