//! HCL modules: parsing with spans, module trees, and three-valued evaluation.
//!
//! A root module is evaluated on demand: a reference evaluates what it names once per module
//! instance (memoised), so that the cost is linear in the module tree. What cannot be decided
//! (a variable without a value, a resource attribute, a module that was not downloaded) is
//! unknown, never guessed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::lower::tf::TfResource;
use crate::model::{Input, VKind};
use crate::source::{SourceFile, normalise};

mod eval;
mod expand;
mod module;
mod state;
mod value;
mod vars;

#[cfg(test)]
mod tests;

use state::{Evaluator, Inst, Scope};

/// How the root's variables get their values.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--var NAME=VALUE` values, in order (later win); a value is read as an HCL expression
    /// when it parses as a number, bool, quoted string, or list/map literal; otherwise as a
    /// plain string (as Terraform does for -var).
    pub vars: Vec<(String, String)>,
    /// `--var-file` files, in order.
    pub var_files: Vec<PathBuf>,
    pub limits: crate::parse::Limits,
}

/// What evaluating a root module gave.
#[derive(Debug, Default)]
pub struct Evaluated {
    /// Every resource instance of the root and of the modules it calls (addresses prefixed
    /// `module.NAME[KEY].`).
    pub resources: Vec<TfResource>,
    /// Every file read.
    pub sources: Vec<Arc<SourceFile>>,
    /// Files that could not be parsed, functions not implemented, modules not available, ...
    /// each once.
    pub diagnostics: Vec<Diagnostic>,
    /// The root's variables.
    pub inputs: Vec<Input>,
    /// The root's outputs and their values, by name.
    pub outputs: Vec<(String, crate::model::Val)>,
}

/// Modules read once per scan and shared by every root that uses them: each directory is
/// read and parsed the first time it is asked for, by whichever thread asks first.
#[derive(Default)]
pub struct Modules {
    limits: crate::parse::Limits,
    read: Mutex<HashMap<PathBuf, Arc<OnceLock<Arc<module::Module>>>>>,
}

impl Modules {
    /// An empty cache reading files within `limits`.
    pub fn new(limits: crate::parse::Limits) -> Modules {
        Modules { limits, read: Mutex::default() }
    }

    /// The module in `dir`, read once.
    pub(crate) fn get(&self, dir: &Path) -> Arc<module::Module> {
        let cell = {
            let mut read = self.read.lock().unwrap_or_else(PoisonError::into_inner);
            read.entry(normalise(dir)).or_default().clone()
        };
        cell.get_or_init(|| Arc::new(module::load(dir, &self.limits))).clone()
    }
}

/// The module directories among these files (`*.tf`, `*.tf.json`) that are roots: called by
/// no other of these modules through a local `source`, and not under a `.terraform`
/// directory. Sorted.
pub fn roots(files: &[PathBuf]) -> Vec<PathBuf> {
    roots_in(files, &Modules::default())
}

/// [`roots`], reading the modules into `modules`.
pub fn roots_in(files: &[PathBuf], modules: &Modules) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter(|f| module::is_module_file(f))
        .filter(|f| !f.components().any(|c| c.as_os_str() == ".terraform"))
        .filter_map(|f| f.parent().map(module_dir))
        .collect();
    dirs.sort();
    dirs.dedup();
    use rayon::prelude::*;
    let read: Vec<Arc<module::Module>> = dirs.par_iter().map(|d| modules.get(d)).collect();
    let mut called = HashSet::new();
    for (d, m) in dirs.iter().zip(&read) {
        for call in &m.calls {
            if let Some(s) = call.source.as_deref().filter(|s| s.starts_with("./") || s.starts_with("../")) {
                called.insert(normalise(&d.join(s)));
            }
        }
    }
    dirs.retain(|d| !called.contains(&normalise(d)));
    dirs
}

/// A module's directory as every reader names it (`./a/../b` is `b`, `` is `.`), so that each
/// file is read, and named in reports, once.
pub fn module_dir(dir: &Path) -> PathBuf {
    let d = normalise(dir);
    if d.as_os_str().is_empty() { PathBuf::from(".") } else { d }
}

/// Stack reserved for evaluation: deep module trees and expressions recurse.
const STACK_BYTES: usize = 256 * 1024 * 1024;

/// Evaluates the root module in `dir`; `scan_root` bounds what file functions may read.
pub fn evaluate_root(dir: &Path, scan_root: &Path, opts: &Options) -> Evaluated {
    evaluate_root_in(dir, scan_root, opts, &Arc::new(Modules::new(opts.limits.clone())))
}

/// [`evaluate_root`], taking the modules from `modules` (shared with other roots).
pub fn evaluate_root_in(dir: &Path, scan_root: &Path, opts: &Options, modules: &Arc<Modules>) -> Evaluated {
    let (d, s, o, m) = (module_dir(dir), scan_root.to_path_buf(), opts.clone(), modules.clone());
    let run = std::thread::Builder::new().stack_size(STACK_BYTES).spawn(move || evaluate(&d, &s, &o, m));
    match run.map(|h| h.join()) {
        Ok(Ok(e)) => e,
        _ => Evaluated {
            diagnostics: vec![Diagnostic::whole_file(
                DiagnosticKind::NotAnalysed,
                &crate::source::display_path(dir),
                msg!("diag-tf-module-not-evaluated"),
            )],
            ..Evaluated::default()
        },
    }
}

/// Evaluates one file already read as a module of its own (standard input, tests): its
/// directory is the module's, for relative paths, but no other file of it is read.
pub fn evaluate_source(src: Arc<SourceFile>, opts: &Options) -> Evaluated {
    let dir = src.path.parent().map(Path::to_path_buf).unwrap_or_default();
    let o = opts.clone();
    let run = std::thread::Builder::new().stack_size(STACK_BYTES).spawn(move || {
        let module = Arc::new(module::from_sources(&dir, vec![src], &o.limits));
        evaluate_module(&dir, &dir, &o, Some(module), None)
    });
    match run.map(|h| h.join()) {
        Ok(Ok(e)) => e,
        _ => Evaluated {
            diagnostics: vec![Diagnostic::whole_file(
                DiagnosticKind::NotAnalysed,
                "<input>",
                msg!("diag-tf-module-not-evaluated"),
            )],
            ..Evaluated::default()
        },
    }
}

fn evaluate(dir: &Path, scan_root: &Path, opts: &Options, modules: Arc<Modules>) -> Evaluated {
    evaluate_module(dir, scan_root, opts, None, Some(modules))
}

fn evaluate_module(
    dir: &Path,
    scan_root: &Path,
    opts: &Options,
    read: Option<Arc<module::Module>>,
    shared: Option<Arc<Modules>>,
) -> Evaluated {
    let mut ev = Evaluator::detached(scan_root, dir, 0);
    ev.limits = opts.limits.clone();
    ev.shared = shared;
    ev.manifest = manifest(dir);
    if let Some(m) = read {
        ev.add_module(dir, m);
    }
    let root = ev.load_module(dir);
    let files = vars::tfvars_files(dir, &opts.var_files);
    let given = vars::given(&mut ev, &files, &opts.vars, &opts.limits);
    ev.insts = vec![Inst { given, ..Inst::new(root.clone()) }];
    let mut resources = Vec::new();
    ev.collect(0, &mut resources);
    let inputs = root.variables.iter().map(|v| input(&mut ev, v)).collect();
    let mut names: Vec<&String> = root.outputs.keys().collect();
    names.sort();
    let outputs = names.into_iter().map(|n| (n.clone(), ev.output(0, n, crate::source::Span::default()))).collect();
    let mut seen = HashSet::new();
    let diagnostics = ev.diagnostics.into_iter().filter(|d| seen.insert(d.clone())).collect();
    Evaluated { resources, sources: ev.sources, diagnostics, inputs, outputs }
}

fn input(ev: &mut Evaluator, v: &module::Variable) -> Input {
    let default = v.default.as_ref().and_then(|d| {
        let val = ev.eval_ex(d, &Scope::new(0));
        val.scalar_text().map(|t| (t, val.span))
    });
    Input {
        name: v.name.clone(),
        span: v.span,
        kind: v.type_text.clone(),
        sensitive: v.sensitive,
        holds_value: true,
        default,
        switch: v.type_text.trim() == "bool",
        words: &crate::model::InputWords::TERRAFORM,
    }
}

/// The directories of downloaded modules by module path, from
/// `.terraform/modules/modules.json`.
fn manifest(dir: &Path) -> Option<HashMap<String, PathBuf>> {
    let path = dir.join(".terraform").join("modules").join("modules.json");
    let src = crate::parse::read_source(&path, path.clone(), &crate::parse::Limits::default()).ok()?;
    let doc = crate::parse::parse_json(&src, &crate::parse::Limits::default()).ok()?;
    let mods = crate::lower::tf::node_val(&doc.root);
    let mut out = HashMap::new();
    for m in mods.get("Modules").and_then(|m| m.as_list()).unwrap_or_default() {
        if let (Some(VKind::Str(k)), Some(VKind::Str(d))) =
            (m.get("Key").map(|v| &v.kind), m.get("Dir").map(|v| &v.kind))
        {
            out.insert(k.clone(), PathBuf::from(d));
        }
    }
    Some(out)
}
