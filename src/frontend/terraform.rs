//! Terraform: HCL modules (one unit per root module, with the modules it calls) and plan
//! files from `terraform show -json` (one unit per plan).
//!
//! A module is a directory, not a file, so HCL is not read document by document like the
//! other languages: [`load_modules`] takes every Terraform file a scan found, groups them into
//! modules, and evaluates each root. Plan files are JSON documents and go through the
//! ordinary per-document path ([`TerraformPlan`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{LoadOptions, Unit};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lower::tf::{self, TfResource, hcl};
use crate::source::SourceFile;
use crate::suppress::{Suppression, Target};
use crate::value::{Document, Node};

/// Whether a path is a Terraform configuration file (`*.tf`, `*.tf.json`).
pub fn is_terraform_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".tf") || lower.ends_with(".tf.json")
}

/// Values for Terraform variables given on the command line or in the configuration.
#[derive(Debug, Clone, Default)]
pub struct TfVars {
    /// `--var NAME=VALUE`, in order.
    pub vars: Vec<(String, String)>,
    /// `--var-file FILE`, in order.
    pub var_files: Vec<PathBuf>,
}

/// Evaluates the root modules among `walked` (Terraform files found by walking directories),
/// each into a unit, and the modules of the files `named` on the command line: those are
/// evaluated as roots whatever calls them, and only their own findings are reported.
pub fn load_modules(walked: &[PathBuf], named: &[PathBuf], opts: &LoadOptions) -> Vec<(Unit, Vec<Arc<str>>)> {
    use rayon::prelude::*;
    let modules = Arc::new(hcl::Modules::new(opts.limits.clone()));
    let mut roots: Vec<(PathBuf, Option<Vec<crate::source::FileId>>)> =
        hcl::roots_in(walked, &modules).into_iter().map(|d| (d, None)).collect();
    for f in named {
        // `main.tf` is in `.`; name the file as reading its directory will.
        let dir = hcl::module_dir(f.parent().unwrap_or(Path::new(".")));
        let path = f.file_name().map(|n| dir.join(n)).unwrap_or_else(|| f.clone());
        let id = crate::source::FileId::intern(&path, &crate::source::display_path(&path));
        match roots.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, Some(only))) => only.push(id),
            Some((_, None)) => {}
            None => roots.push((dir, Some(vec![id]))),
        }
    }
    roots
        .par_iter()
        .map(|(dir, only)| {
            let scan_root = scan_root_of(dir, &opts.paths);
            let display: Arc<str> = crate::source::display_path(dir).into();
            let options = hcl::Options {
                vars: configured_vars(dir, &display, walked.iter().chain(named), opts),
                var_files: opts.terraform.var_files.clone(),
                limits: opts.limits.clone(),
            };
            let (mut unit, analysed) = guarded_root(&display, || {
                let ev = hcl::evaluate_root_in(dir, &scan_root, &options, &modules);
                unit_of(display.clone(), ev)
            });
            unit.report_only = only.clone();
            (unit, analysed)
        })
        .collect()
}

/// The variable values for a root module: the configuration's `[parameters."GLOB"]` whose
/// glob matches the module's directory or one of its files, then `--var` values.
fn configured_vars<'a>(
    dir: &Path,
    display: &str,
    files: impl Iterator<Item = &'a PathBuf>,
    opts: &LoadOptions,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(per_file) = &opts.parameters_for {
        let own = files.filter(|f| f.parent() == Some(dir)).map(|f| crate::source::display_path(f));
        let found = std::iter::once(display.to_string()).chain(own).find_map(|name| per_file(&name));
        if let Some(values) = found {
            let mut values: Vec<(String, String)> = values.into_iter().collect();
            values.sort();
            out.extend(values);
        }
    }
    out.extend(opts.terraform.vars.iter().cloned());
    out
}

/// Evaluates one in-memory file as a module of its own (standard input, tests).
pub fn load_source(src: &Arc<SourceFile>, opts: &LoadOptions) -> (Unit, Vec<Arc<str>>) {
    let display: Arc<str> = src.display_path().into();
    let options = hcl::Options {
        vars: opts.terraform.vars.clone(),
        var_files: opts.terraform.var_files.clone(),
        limits: opts.limits.clone(),
    };
    guarded_root(&display, || unit_of(display.clone(), hcl::evaluate_source(src.clone(), &options)))
}

/// Runs `f`; an internal error becomes a diagnostic for the module instead of ending the scan.
fn guarded_root(display: &Arc<str>, f: impl FnOnce() -> (Unit, Vec<Arc<str>>)) -> (Unit, Vec<Arc<str>>) {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        let mut unit = empty_unit(display.clone());
        unit.diagnostics.push(Diagnostic::whole_file(
            DiagnosticKind::Read,
            display,
            msg!("diag-internal-module-error"),
        ));
        (unit, Vec::new())
    })
}

fn empty_unit(name: Arc<str>) -> Unit {
    Unit {
        frontend: "terraform",
        name,
        variants: vec![crate::model::Model::default()],
        describe: None,
        sources: Vec::new(),
        documents: Vec::new(),
        suppressions: Vec::new(),
        diagnostics: Vec::new(),
        conditions: HashMap::new(),
        report_only: None,
        judged_whole: true,
    }
}

/// The directory file functions may read from: the scanned path that holds the module.
fn scan_root_of(dir: &Path, paths: &[PathBuf]) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let abs = crate::source::normalise(&cwd.join(dir));
    paths
        .iter()
        .map(|p| {
            let p = crate::source::normalise(&cwd.join(p));
            if p.is_dir() { p } else { p.parent().map(Path::to_path_buf).unwrap_or(p) }
        })
        .filter(|p| abs.starts_with(p))
        .max_by_key(|p| p.components().count())
        .unwrap_or(abs)
}

/// The unit of an evaluated root module, and the files it analysed.
fn unit_of(name: Arc<str>, ev: hcl::Evaluated) -> (Unit, Vec<Arc<str>>) {
    let mut unit = empty_unit(name.clone());
    let mut model = tf::lower(&ev.resources, name);
    model.inputs = ev.inputs;
    model.sources = ev.sources.clone();
    tf::texts::defaults(&model.inputs, &mut model.texts);
    for (output, v) in &ev.outputs {
        tf::texts::collect(v, output, &tf::texts::output_place(output), None, &mut model.texts);
    }
    unit.variants = vec![model];
    unit.conditions = conditions(&ev.resources);
    unit.suppressions = suppressions(&ev.sources, &ev.resources);
    unit.diagnostics = ev.diagnostics;
    let analysed = ev.sources.iter().map(|s| Arc::<str>::from(s.display_path())).collect();
    unit.sources = ev.sources;
    (unit, analysed)
}

/// The condition each resource instance exists under, when undecided.
fn conditions(resources: &[TfResource]) -> HashMap<String, crate::i18n::Message> {
    resources.iter().filter_map(|r| Some((r.address.clone(), without_when(r.condition.as_ref()?)))).collect()
}

/// A resource's condition as a finding's qualifier says it, after its own "when": the first
/// `when` of "when `count` is not 0, and ..." left out.
fn without_when(c: &crate::i18n::Message) -> crate::i18n::Message {
    use crate::i18n::Message;
    match c {
        Message::Template { id: "condition-count", args } => Message::template("condition-count-bare", args.clone()),
        Message::Template { id, args } if matches!(*id, "condition-of-module" | "condition-and-also") => {
            let args = args
                .iter()
                .enumerate()
                .map(|(i, (name, value))| (*name, if i == 0 { without_when(value) } else { value.clone() }))
                .collect();
            Message::template(id, args)
        }
        other => other.clone(),
    }
}

/// Suppression comments of the module's files: `# palisade:ignore RULE reason` (or `//`) on
/// or above a line; written above a resource's header, it covers the whole resource.
fn suppressions(sources: &[Arc<SourceFile>], resources: &[TfResource]) -> Vec<Suppression> {
    // Resource headers by (file, line): every instance declared there.
    let mut headers: HashMap<(crate::source::FileId, u32), Vec<&str>> = HashMap::new();
    for r in resources {
        headers.entry((r.span.file, r.span.line)).or_default().push(&r.address);
    }
    let mut out = Vec::new();
    for src in sources {
        let display: Arc<str> = src.display_path().into();
        let sups = crate::suppress::comment_suppressions_in(src, &display, crate::suppress::Comments::Hcl);
        let id = src.id;
        let mut seen = HashSet::new();
        for s in sups {
            let covered = match s.target {
                Target::Lines { first, .. } => headers.get(&(id, first)),
                Target::Resource(_) => None,
            };
            match covered {
                Some(addresses) => {
                    for a in addresses {
                        if seen.insert((s.rule.clone(), s.at.start, a.to_string())) {
                            out.push(Suppression { target: Target::Resource(a.to_string()), ..s.clone() });
                        }
                    }
                }
                None => out.push(s),
            }
        }
    }
    out
}

/// Plan files (`terraform show -json`).
pub struct TerraformPlan;

impl super::Frontend for TerraformPlan {
    fn name(&self) -> &'static str {
        "terraform-plan"
    }

    fn recognises(&self, root: &Node) -> bool {
        tf::plan::is_plan(root)
    }

    fn parse_failure(
        &self,
        _text: &str,
        _message: &crate::i18n::Message,
    ) -> Option<(DiagnosticKind, crate::i18n::Message)> {
        None
    }

    fn lower(&self, doc: Arc<Document>, src: &Arc<SourceFile>, _opts: &LoadOptions) -> Unit {
        let file: Arc<str> = src.display_path().into();
        let (resources, problems) = tf::plan::resources(&doc.root);
        let mut unit = Unit::single(self.name(), src, tf::lower(&resources, file.clone()));
        unit.conditions = conditions(&resources);
        for (span, msg) in problems {
            unit.diagnostics.push(Diagnostic::at(DiagnosticKind::NotAnalysed, &file, span, msg));
        }
        unit.documents.push(doc);
        unit
    }
}
