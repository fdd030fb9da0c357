//! The pipeline: discover → parse → lower → rules → filter, parallel across files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::discover::{self, DiscoverOptions};
use crate::filter::{self, Policy, Suppressed, SuppressedBy, Suppression, baseline::Baseline};
use crate::finding::{Diagnostic, DiagnosticKind, Finding};
use crate::lower::cfn::{self, Evaluator, Overrides, Template};
use crate::lower::k8s;
use crate::model::k8s::K8sObjects;
use crate::parse::{self, Limits};
use crate::report::ScanReport;
use crate::rules::{self, Rule, RuleMeta, Sink};
use crate::source::SourceFile;
use crate::value::{Document, Node};

/// At most this many undecidable conditions are explored (2^N scenarios per template).
pub const MAX_CONDITION_ATOMS: usize = 4;

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
    /// What the configuration file asks: excludes, per-path ignores, severity overrides,
    /// per-file parameter values, ...
    pub policy: Policy,
    /// Findings recorded here are not reported.
    pub baseline: Option<Baseline>,
    /// Only files with these paths (absolute, normalised) are analysed (`--diff`). Other
    /// Kubernetes manifests are still read, since their objects govern those of the wanted
    /// files, but only findings in wanted files are reported.
    pub only: Option<HashSet<PathBuf>>,
    /// Registries (host, optionally with a path prefix) that Kubernetes images may come from;
    /// empty: only images without an explicit registry are reported.
    pub allowed_registries: Vec<String>,
}

/// A scan's report with what the filter stage removed.
#[derive(Debug, Default)]
pub struct Scanned {
    pub report: ScanReport,
    /// Findings removed by suppressions, the configuration or the baseline.
    pub suppressed: Vec<Suppressed>,
    /// The files analysed (display paths).
    pub analysed: Vec<Arc<str>>,
}

/// Does `name` (an id, a slug or an id prefix such as `PAL-S3`) name this rule?
pub fn rule_matches(meta: &RuleMeta, name: &str) -> bool {
    let n = name.trim();
    meta.id.eq_ignore_ascii_case(n)
        || meta.slug.eq_ignore_ascii_case(n)
        || (meta.id.len() > n.len()
            && meta.id[..n.len()].eq_ignore_ascii_case(n)
            && meta.id.as_bytes()[n.len()] == b'-')
}

/// The rules selected by `select`/`ignore`. Unknown names are an error.
pub fn select_rules(select: &[String], ignore: &[String]) -> Result<Vec<&'static Rule>, String> {
    let all = rules::all();
    for name in select.iter().chain(ignore) {
        if !all.iter().any(|r| rule_matches(&r.meta, name)) {
            return Err(format!("unknown rule `{name}` (run `palisade rules` to list them)"));
        }
    }
    Ok(all
        .into_iter()
        .filter(|r| select.is_empty() || select.iter().any(|s| rule_matches(&r.meta, s)))
        .filter(|r| !ignore.iter().any(|s| rule_matches(&r.meta, s)))
        .collect())
}

/// Scans the given paths. Errors in one file never stop the others.
pub fn scan(opts: &ScanOptions) -> Result<ScanReport, String> {
    scan_detailed(opts).map(|s| s.report)
}

/// Scans the given paths, keeping what the filter stage removed.
pub fn scan_detailed(opts: &ScanOptions) -> Result<Scanned, String> {
    let rules = select_rules(&opts.select, &opts.ignore)?;
    let (mut files, mut diagnostics) = discover::discover(&opts.paths, &opts.discover);
    let cwd = std::env::current_dir().unwrap_or_default();
    files.retain(|f| !opts.policy.excluded(&crate::source::display_path(&f.path)));
    // With `--diff`, the other files are read only for the context they give (Kubernetes
    // objects that govern those of the wanted files).
    let context_only = |f: &discover::Candidate| {
        opts.only.as_ref().is_some_and(|o| !o.contains(&filter::normalise(&cwd.join(&f.path))))
    };
    let results: Vec<FileResult> =
        files.par_iter().map(|f| scan_file_guarded(f, opts, &rules, context_only(f))).collect();
    let mut report = ScanReport { rules: rules.iter().map(|r| &r.meta).collect(), ..ScanReport::default() };
    let mut suppressions = Vec::new();
    let mut analysed = Vec::new();
    let mut manifests = K8sObjects::default();
    let mut manifest_sources: HashMap<Arc<str>, Arc<SourceFile>> = HashMap::new();
    let mut manifest_documents: HashMap<Arc<str>, Vec<Document>> = HashMap::new();
    for mut r in results {
        diagnostics.extend(r.diagnostics);
        suppressions.extend(r.suppressions);
        if let Some(d) = r.analysed_as {
            analysed.push(d);
        }
        if r.analysed {
            report.files_scanned += 1;
        }
        if !r.k8s.is_empty() {
            if let Some(src) = &r.source {
                manifest_sources.insert(display_of(src), src.clone());
                manifest_documents.insert(display_of(src), std::mem::take(&mut r.documents));
            }
            manifests.append(std::mem::take(&mut r.k8s));
        }
        if let Some(src) = r.source
            && !r.findings.is_empty()
        {
            let key: Arc<str> = r.findings[0].location.file.clone();
            report.files.insert(key, src);
        }
        report.findings.extend(r.findings);
        report.evidence.extend(r.evidence);
    }
    manifests.allowed_registries = opts.allowed_registries.clone();
    report.evidence.push(crate::posture::Evidence::of_manifests(&manifests));
    let (mut found, problems) = analyse_manifests(manifests, &rules);
    diagnostics.extend(problems);
    if let Some(only) = &opts.only {
        // Objects of other files gave context; report only on the wanted files.
        found.retain(|f| only.contains(&filter::normalise(&cwd.join(&*f.location.file))));
    }
    found.sort_by(|a, b| a.location.file.cmp(&b.location.file));
    for same_file in found.chunk_by_mut(|a, b| a.location.file == b.location.file) {
        if let Some(docs) = manifest_documents.get(&same_file[0].location.file) {
            let roots: Vec<&Node> = docs.iter().map(|d| &d.root).collect();
            fill_subjects(same_file, &roots);
        }
    }
    for f in found {
        if let Some(src) = manifest_sources.get(&f.location.file) {
            report.files.entry(f.location.file.clone()).or_insert_with(|| src.clone());
        }
        report.findings.push(f);
    }
    report.diagnostics = diagnostics;
    Ok(finish(report, &suppressions, analysed, opts))
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
    report.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    suppressed.sort_by(|a, b| a.finding.sort_key().cmp(&b.finding.sort_key()));
    report.diagnostics.sort();
    report.diagnostics.dedup();
    Scanned { report, suppressed, analysed }
}

/// Scans one in-memory source (used by tests and for standard input).
pub fn scan_source(src: SourceFile, opts: &ScanOptions) -> Result<ScanReport, String> {
    scan_source_detailed(src, opts).map(|s| s.report)
}

/// Scans one in-memory source, keeping what the filter stage removed.
pub fn scan_source_detailed(src: SourceFile, opts: &ScanOptions) -> Result<Scanned, String> {
    let rules = select_rules(&opts.select, &opts.ignore)?;
    let mut r = analyse_source(Arc::new(src), opts, &rules);
    let mut report = ScanReport { rules: rules.iter().map(|r| &r.meta).collect(), ..ScanReport::default() };
    report.files_scanned = usize::from(r.analysed);
    let mut manifests = std::mem::take(&mut r.k8s);
    manifests.allowed_registries = opts.allowed_registries.clone();
    let has_manifests = !manifests.is_empty();
    let (mut found, problems) = analyse_manifests(manifests, &rules);
    let roots: Vec<&Node> = r.documents.iter().map(|d| &d.root).collect();
    fill_subjects(&mut found, &roots);
    r.findings.extend(found);
    r.diagnostics.extend(problems);
    if let Some(src) = r.source
        && (!r.findings.is_empty() || has_manifests)
    {
        report.files.insert(display_of(&src), src);
    }
    report.findings = r.findings;
    report.evidence = r.evidence;
    report.diagnostics = r.diagnostics;
    Ok(finish(report, &r.suppressions, r.analysed_as.into_iter().collect(), opts))
}

#[derive(Default)]
struct FileResult {
    source: Option<Arc<SourceFile>>,
    analysed: bool,
    findings: Vec<Finding>,
    diagnostics: Vec<Diagnostic>,
    evidence: Vec<crate::posture::Evidence>,
    /// Suppressions written in the file.
    suppressions: Vec<Suppression>,
    /// The display path, when the file was analysed.
    analysed_as: Option<Arc<str>>,
    /// Kubernetes objects of the file, checked with those of every other file once all are read.
    k8s: K8sObjects,
    /// The parsed documents of a file with Kubernetes objects, for the subjects of the
    /// findings those objects get (see [`fill_subjects`]).
    documents: Vec<Document>,
}

impl FileResult {
    /// A file that yields only a diagnostic.
    fn diagnostic(d: Diagnostic) -> FileResult {
        FileResult { diagnostics: vec![d], ..FileResult::default() }
    }
}

fn display_of(src: &SourceFile) -> Arc<str> {
    src.display_path().into()
}

/// Scans one file; an internal error (a bug, never expected) becomes a diagnostic for that
/// file instead of ending the scan.
fn scan_file_guarded(
    file: &discover::Candidate,
    opts: &ScanOptions,
    rules: &[&'static Rule],
    context_only: bool,
) -> FileResult {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| scan_file(file, opts, rules, context_only)))
        .unwrap_or_else(|_| {
            FileResult::diagnostic(Diagnostic {
                kind: DiagnosticKind::Read,
                file: crate::source::display_path(&file.path).into(),
                line: 0,
                col: 0,
                message: "internal error while analysing this file; please report it with the file".into(),
            })
        })
}

fn scan_file(
    file: &discover::Candidate,
    opts: &ScanOptions,
    rules: &[&'static Rule],
    context_only: bool,
) -> FileResult {
    let display: Arc<str> = crate::source::display_path(&file.path).into();
    match parse::read_source(&file.path, file.path.clone(), &opts.limits) {
        Ok(src) if context_only => manifest_context(Arc::new(src), opts),
        Ok(src) => analyse_source(Arc::new(src), opts, rules),
        Err(_) if context_only => FileResult::default(),
        Err(e) => {
            // An unreadable file that we were not asked for by name and that does not look
            // like anything we scan is skipped; otherwise it is an error.
            let (line, col) = match &e {
                parse::ReadError::NotUtf8 { line, col } => (*line, *col),
                _ => (0, 0),
            };
            if !file.explicit && matches!(e, parse::ReadError::NotUtf8 { .. }) && !looks_like_template_bytes(&file.path)
            {
                return FileResult::default();
            }
            FileResult::diagnostic(Diagnostic {
                kind: DiagnosticKind::Read,
                file: display,
                line,
                col,
                message: e.to_string(),
            })
        }
    }
}

fn looks_like_template_bytes(path: &Path) -> bool {
    std::fs::read(path)
        .map(|b| {
            let s = String::from_utf8_lossy(&b);
            looks_like_template(&s)
        })
        .unwrap_or(false)
}

/// Text that looks like a CloudFormation template, for deciding whether a parse failure is
/// worth reporting.
pub fn looks_like_template(text: &str) -> bool {
    text.contains("AWSTemplateFormatVersion") || (text.contains("Resources") && text.contains("AWS::"))
}

fn is_json(src: &SourceFile) -> bool {
    let ext = src.path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "json" => true,
        "yaml" | "yml" => false,
        _ => src.text.trim_start().starts_with('{'),
    }
}

fn analyse_source(src: Arc<SourceFile>, opts: &ScanOptions, rules: &[&'static Rule]) -> FileResult {
    let display = display_of(&src);
    let parsed: Result<Vec<Document>, parse::ParseError> = if is_json(&src) {
        parse::parse_json(&src, &opts.limits).map(|d| vec![d])
    } else {
        parse::parse_yaml(&src, &opts.limits)
    };
    let docs = match parsed {
        Ok(d) => d,
        Err(e) => {
            let diagnostics = if k8s::looks_like_helm_template(&src.text) && !looks_like_template(&src.text) {
                vec![Diagnostic {
                    kind: DiagnosticKind::NotAnalysed,
                    file: display,
                    line: e.line,
                    col: e.col,
                    message: format!(
                        "looks like an unrendered Helm template; render it with `helm template` first ({})",
                        e.message
                    ),
                }]
            } else if looks_like_template(&src.text) || k8s::looks_like_manifest(&src.text) {
                vec![Diagnostic {
                    kind: DiagnosticKind::Parse,
                    file: display,
                    line: e.line,
                    col: e.col,
                    message: e.message,
                }]
            } else {
                Vec::new()
            };
            return FileResult { diagnostics, ..FileResult::default() };
        }
    };
    let mut out = FileResult::default();
    for doc in &docs {
        if cfn::is_template(&doc.root) {
            out.analysed = true;
            analyse_template(&doc.root, &src, &display, opts, rules, &mut out);
        } else if k8s::is_manifest(&doc.root) {
            out.analysed = true;
            k8s::lower(&doc.root, &display, &mut out.k8s);
        } else if crate::lower::policy_file::is_policy(&doc.root) {
            out.analysed = true;
            let name = src.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let mut model = crate::lower::policy_file::lower(&doc.root, &name, display.clone());
            model.source = Some(src.clone());
            for rule in rules {
                let mut sink = Sink::new(&rule.meta, display.clone(), &mut out.findings);
                (rule.check)(&model, &mut sink);
            }
        }
    }
    let roots: Vec<&Node> = docs.iter().map(|d| &d.root).collect();
    fill_subjects(&mut out.findings, &roots);
    if out.analysed {
        out.suppressions.extend(filter::outside_strings(filter::comment_suppressions(&src, &display), &roots));
        out.suppressions.extend(annotation_suppressions(&out.k8s));
        out.analysed_as = Some(display.clone());
    }
    if !out.k8s.is_empty() {
        out.documents = docs;
    }
    if !out.findings.is_empty() || !out.k8s.is_empty() {
        out.source = Some(src);
    }
    out
}

/// Sets the subjects of the findings of one file from its parsed documents (see
/// [`crate::value::subject_at`]): the document whose root contains a finding's span locates
/// it. Values that could be secrets are left out (see [`rules::secrets::may_reveal_secret`]),
/// and so are subjects that do not tell findings apart (see
/// [`crate::finding::drop_ambiguous_subjects`]).
fn fill_subjects(findings: &mut [Finding], roots: &[&Node]) {
    for f in findings.iter_mut() {
        let span = f.location.span;
        let Some(root) = roots.iter().find(|r| r.span.start <= span.start && span.end <= r.span.end) else {
            continue;
        };
        let rule = f.rule;
        f.subject = crate::value::subject_at_with(root, span, |key, value| {
            !rules::secrets::may_reveal_secret(rule, key, value)
        });
    }
    crate::finding::drop_ambiguous_subjects(findings);
}

/// The Kubernetes objects of a file that is not itself reported on (see [`ScanOptions::only`]).
fn manifest_context(src: Arc<SourceFile>, opts: &ScanOptions) -> FileResult {
    let mut out = FileResult::default();
    if !k8s::looks_like_manifest(&src.text) {
        return out;
    }
    let parsed = if is_json(&src) {
        parse::parse_json(&src, &opts.limits).map(|d| vec![d])
    } else {
        parse::parse_yaml(&src, &opts.limits)
    };
    let Ok(docs) = parsed else { return out };
    let display = display_of(&src);
    for doc in &docs {
        if k8s::is_manifest(&doc.root) {
            k8s::lower(&doc.root, &display, &mut out.k8s);
        }
    }
    out
}

/// Suppressions from `palisade.dev/ignore` annotations of Kubernetes objects (the object's
/// own, and for workloads those of the pods they create).
fn annotation_suppressions(objects: &K8sObjects) -> Vec<Suppression> {
    use crate::model::k8s::{Annotation, ObjectMeta};
    let mut metas: Vec<(&ObjectMeta, &[Annotation])> = Vec::new();
    metas.extend(objects.namespaces.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.workloads.iter().map(|o| (&o.obj, o.pod_annotations.as_slice())));
    metas.extend(objects.network_policies.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.roles.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.bindings.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.service_accounts.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.secrets.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.config_maps.iter().map(|o| (&o.obj, &[][..])));
    metas.extend(objects.others.iter().map(|o| (o, &[][..])));
    let mut out = Vec::new();
    for (meta, pod) in metas {
        let annotations = meta.annotations.iter().chain(pod).map(|a| (a.key.as_str(), a.value.as_str(), a.span));
        out.extend(filter::annotation_suppressions(&meta.file, &meta.res.id, annotations));
    }
    out
}

fn analyse_template(
    root: &crate::value::Node,
    src: &Arc<SourceFile>,
    file: &Arc<str>,
    opts: &ScanOptions,
    rules: &[&'static Rule],
    out: &mut FileResult,
) {
    let per_file = opts.policy.parameters_for(file, &opts.parameters);
    let parameters = per_file.as_ref().unwrap_or(&opts.parameters);
    let tpl = Template::new(root, parameters);
    let (sups, warnings) = filter::metadata_suppressions(tpl.resources.iter().map(|r| (r.id.as_str(), &*r.node)), file);
    out.suppressions.extend(sups);
    out.diagnostics.extend(warnings);
    for u in &tpl.unexpanded {
        out.diagnostics.push(Diagnostic {
            kind: DiagnosticKind::NotAnalysed,
            file: file.clone(),
            line: u.span.line,
            col: u.span.col,
            message: format!("the resources of `{}` were not analysed: {}", u.name, u.reason),
        });
    }
    for (span, msg) in &tpl.problems {
        out.diagnostics.push(Diagnostic {
            kind: DiagnosticKind::NotAnalysed,
            file: file.clone(),
            line: span.line,
            col: span.col,
            message: msg.clone(),
        });
    }
    let (atoms, scenarios) = cfn::scenarios(&tpl, parameters, MAX_CONDITION_ATOMS);
    let mut per_scenario: Vec<Vec<Finding>> = Vec::with_capacity(scenarios.len());
    for assumptions in scenarios.iter() {
        let ev = Evaluator::new(&tpl, parameters, assumptions.clone());
        let mut model = cfn::lower(&tpl, &ev, file.clone());
        model.source = Some(src.clone());
        if per_scenario.is_empty() {
            out.evidence.push(crate::posture::Evidence::of(&model));
        }
        let mut found = Vec::new();
        for rule in rules {
            let mut sink = Sink::new(&rule.meta, file.clone(), &mut found);
            (rule.check)(&model, &mut sink);
        }
        per_scenario.push(found);
    }
    out.findings.extend(merge_scenarios(&atoms, &scenarios, per_scenario));
}

/// Runs the rules once over the Kubernetes objects of every file together (namespaces,
/// network policies and service accounts govern workloads defined in other files).
/// A rule that fails with an internal error is reported as a diagnostic and the others still run.
fn analyse_manifests(objects: K8sObjects, rules: &[&'static Rule]) -> (Vec<Finding>, Vec<Diagnostic>) {
    if objects.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let file: Arc<str> = objects
        .workloads
        .first()
        .map(|w| w.obj.file.clone())
        .or_else(|| objects.others.first().map(|o| o.file.clone()))
        .unwrap_or_else(|| "".into());
    let model = crate::model::Model { file: file.clone(), k8s: objects, ..crate::model::Model::default() };
    let per_rule: Vec<Result<Vec<Finding>, &'static str>> = rules
        .par_iter()
        .map(|rule| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut found = Vec::new();
                let mut sink = Sink::new(&rule.meta, file.clone(), &mut found);
                (rule.check)(&model, &mut sink);
                found
            }))
            .map_err(|_| rule.meta.id)
        })
        .collect();
    let mut findings = Vec::new();
    let mut problems = Vec::new();
    for r in per_rule {
        match r {
            Ok(found) => findings.extend(found),
            Err(id) => problems.push(Diagnostic {
                kind: DiagnosticKind::Read,
                file: file.clone(),
                line: 0,
                col: 0,
                message: format!(
                    "internal error in rule {id} while checking the Kubernetes manifests; please report it"
                ),
            }),
        }
    }
    (findings, problems)
}

type Key = (&'static str, u32, u32, String, Option<String>);

/// Merges the findings of every scenario: a finding present in all of them holds
/// unconditionally; one present in some says for which condition values it holds.
fn merge_scenarios(atoms: &[String], scenarios: &[BTreeMap<String, bool>], per: Vec<Vec<Finding>>) -> Vec<Finding> {
    if per.len() == 1 {
        return per.into_iter().next().unwrap_or_default();
    }
    let mut order: Vec<Key> = Vec::new();
    let mut found: HashMap<Key, (Finding, Vec<usize>)> = HashMap::new();
    for (i, findings) in per.into_iter().enumerate() {
        for f in findings {
            let key = (
                f.rule.id,
                f.location.span.start,
                f.location.span.end,
                f.message.clone(),
                f.resource.as_ref().map(|r| r.id.clone()),
            );
            match found.get_mut(&key) {
                Some((_, seen)) => {
                    if seen.last() != Some(&i) {
                        seen.push(i)
                    }
                }
                None => {
                    order.push(key.clone());
                    found.insert(key, (f, vec![i]));
                }
            }
        }
    }
    let total = scenarios.len();
    order
        .into_iter()
        .filter_map(|k| found.remove(&k))
        .map(|(mut f, seen)| {
            if seen.len() < total {
                f.when = Some(describe(atoms, scenarios, &seen));
            }
            f
        })
        .collect()
}

/// Describes a set of scenarios: "IsProd is false", or a disjunction of assignments.
fn describe(atoms: &[String], scenarios: &[BTreeMap<String, bool>], seen: &[usize]) -> String {
    // One atom fixed to one value describes the set exactly?
    for a in atoms {
        for v in [true, false] {
            let matching: Vec<usize> = (0..scenarios.len()).filter(|&i| scenarios[i].get(a) == Some(&v)).collect();
            if matching == seen {
                return format!("{a} is {v}");
            }
        }
    }
    seen.iter()
        .map(|&i| scenarios[i].iter().map(|(k, v)| format!("{k} is {v}")).collect::<Vec<_>>().join(" and "))
        .collect::<Vec<_>>()
        .join(", or ")
}
