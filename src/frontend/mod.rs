//! The front door: every command gets its units of analysis from [`load`].
//!
//! A [`Frontend`] knows one input language. It recognises its documents, lowers them into
//! the [`Model`] (evaluating the language on the way), and owns what only that language
//! knows: its suppression syntax, what an absent field means, its variants (CloudFormation's
//! undecidable conditions). One place reads files, decides their syntax (JSON or YAML) and
//! asks the frontends in turn which of them a document belongs to.
//!
//! A [`Unit`] is what rules judge together: one CloudFormation template, one policy file,
//! all Kubernetes manifests of a scan, all live account snapshots of a scan (the accounts of
//! an organization).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::discover::{self, Candidate, DiscoverOptions};
use crate::i18n::Message;
use crate::model::Model;
use crate::parse::{self, Limits};
use crate::paths::{PathGlob, relative_to};
use crate::source::SourceFile;
use crate::suppress::Suppression;
use crate::value::Document;

pub mod cloudformation;
pub mod kubernetes;
pub mod policy;
pub mod snapshot;
pub mod terraform;

pub use cloudformation::Overrides;

/// Parameter values for one file (display path), when the configuration gives any.
pub type ParametersFor = Arc<dyn Fn(&str) -> Option<Overrides> + Send + Sync>;

/// Whether a file (display path) is left out.
pub type Excluded = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// What the configuration says about inputs: files to leave out, and template parameter
/// values for the files matching a glob.
#[derive(Debug, Clone, Default)]
pub struct InputPolicy {
    /// The directory globs are relative to (the configuration file's); the working directory
    /// when `None`.
    pub root: Option<PathBuf>,
    /// Files to leave out.
    pub exclude: Vec<PathGlob>,
    /// Template parameter values for files matching a glob, in the order written (later globs
    /// win).
    pub parameters: Vec<(PathGlob, Overrides)>,
}

impl InputPolicy {
    /// Is this file (display path) left out?
    pub fn excluded(&self, display: &str) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let rel = relative_to(self.root.as_deref(), display);
        self.exclude.iter().any(|g| g.is_match(&rel))
    }

    /// Parameter values for one file: the configured ones for matching globs, then `cli`
    /// (from `--parameters`) on top. `None` when no glob matches.
    pub fn parameters_for(&self, display: &str, cli: &Overrides) -> Option<Overrides> {
        if self.parameters.is_empty() {
            return None;
        }
        let rel = relative_to(self.root.as_deref(), display);
        let mut out = Overrides::new();
        let mut any = false;
        for (g, values) in &self.parameters {
            if g.is_match(&rel) {
                any = true;
                out.extend(values.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        if !any {
            return None;
        }
        out.extend(cli.iter().map(|(k, v)| (k.clone(), v.clone())));
        Some(out)
    }
}

/// What to load and how.
#[derive(Clone, Default)]
pub struct LoadOptions {
    pub paths: Vec<PathBuf>,
    pub discover: DiscoverOptions,
    pub limits: Limits,
    /// Values for template parameters (override `Default`s).
    pub parameters: Overrides,
    /// Per-file parameter values, by file (display path): what the configuration asks for
    /// the file, when it asks anything.
    pub parameters_for: Option<ParametersFor>,
    /// Files (display paths) that are not loaded at all.
    pub excluded: Option<Excluded>,
    /// Only files with these paths (absolute, normalised) are analysed; the others are read
    /// only for the context scan-wide units need (Kubernetes objects that govern those of the
    /// wanted files).
    pub only: Option<HashSet<PathBuf>>,
    /// Registries (host, optionally with a path prefix) that Kubernetes images may come from.
    pub allowed_registries: Vec<String>,
    /// How undecidable choices of a unit are treated.
    pub variants: Variants,
    /// Values for Terraform variables.
    pub terraform: terraform::TfVars,
}

/// How a unit's undecidable choices (CloudFormation conditions that depend on a parameter
/// without a value) become models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Variants {
    /// One model per combination of the choices (up to a budget), so that a finding can say
    /// under which choices it holds.
    #[default]
    Enumerate,
    /// One model, in which undecided choices leave their values unknown.
    Undecided,
}

/// Describes a set of a unit's variants in words ("IsProd is false"), for a finding about a
/// resource (its logical id) or about none; `None` when the set holds whatever matters to it.
pub type DescribeVariants = Box<dyn Fn(&[usize], Option<&str>) -> Option<crate::i18n::Message> + Send + Sync>;

/// What rules judge together.
pub struct Unit {
    /// The frontend that made it (`cloudformation`, `kubernetes`, `policy`).
    pub frontend: &'static str,
    /// Display name: the file, or the scan-wide set's first file.
    pub name: Arc<str>,
    /// One model, or one per variant (see [`Variants`]).
    pub variants: Vec<Model>,
    /// Describes a subset of the variants, when there are several.
    pub describe: Option<DescribeVariants>,
    /// The files of the unit, for snippets and fixes.
    pub sources: Vec<Arc<SourceFile>>,
    /// The parsed documents the unit was lowered from, when the frontend keeps them (units of
    /// one document do; scan-wide units do not, to keep memory proportional to one file).
    pub documents: Vec<Arc<Document>>,
    /// Suppressions written in the unit's own syntax.
    pub suppressions: Vec<Suppression>,
    /// Problems found while lowering (parts not analysed, malformed suppressions).
    pub diagnostics: Vec<Diagnostic>,
    /// Resources (by id) that exist only under a condition that could not be decided, with
    /// the condition in words (`` `count` is not 0 ``): their findings say so.
    pub conditions: std::collections::HashMap<String, crate::i18n::Message>,
    /// When set, only findings located in these files are reported (a file of a Terraform
    /// module named on the command line: the whole module is evaluated, that file judged).
    pub report_only: Option<Vec<crate::source::FileId>>,
    /// With `only` (`--diff`), every finding is wanted, not just those in the changed files:
    /// the unit was loaded because a file it reads changed (a Terraform root whose module or
    /// tfvars file changed), and its other files are part of the change's effect.
    pub judged_whole: bool,
}

impl Unit {
    /// A unit of one model.
    pub fn single(frontend: &'static str, src: &Arc<SourceFile>, model: Model) -> Unit {
        Unit {
            frontend,
            name: src.display_path().into(),
            variants: vec![model],
            describe: None,
            sources: vec![src.clone()],
            documents: Vec::new(),
            suppressions: Vec::new(),
            diagnostics: Vec::new(),
            conditions: std::collections::HashMap::new(),
            report_only: None,
            judged_whole: false,
        }
    }

    /// The model with every undecided choice unknown, or the first variant.
    pub fn model(&self) -> &Model {
        &self.variants[0]
    }
}

/// One input language.
pub trait Frontend: Sync {
    /// Short name (`cloudformation`, `kubernetes`, `policy`).
    fn name(&self) -> &'static str;

    /// Whether a parsed document is in this language.
    fn recognises(&self, root: &crate::value::Node) -> bool;

    /// Whether unparsable text looks like this language (so that the parse error is worth
    /// reporting), and what to say about it.
    fn parse_failure(&self, text: &str, message: &crate::i18n::Message) -> Option<(DiagnosticKind, Message)>;

    /// Lowers one recognised document of `src` into a unit.
    fn lower(&self, doc: Arc<Document>, src: &Arc<SourceFile>, opts: &LoadOptions) -> Unit;

    /// Whether the documents of every file of a scan are judged together (their units are
    /// merged with [`Frontend::merge`]), and read even from files that are only context.
    fn scan_wide(&self) -> bool {
        false
    }

    /// Merges the units of a scan-wide frontend into the units judged.
    fn merge(&self, units: Vec<Unit>, _opts: &LoadOptions) -> Vec<Unit> {
        units
    }

    /// Joins `unit` into `into`, the unit of the previous document of the same file, when
    /// this frontend merges its units anyway; gives it back otherwise. A stream of many
    /// documents then holds one unit, not one per document.
    fn absorb(&self, _into: &mut Unit, unit: Unit) -> Option<Unit> {
        Some(unit)
    }
}

/// Every frontend, in the order they are asked.
pub fn frontends() -> &'static [&'static dyn Frontend] {
    &[
        &snapshot::Snapshot,
        &cloudformation::CloudFormation,
        &terraform::TerraformPlan,
        &kubernetes::Kubernetes,
        &policy::PolicyFile,
    ]
}

/// Everything loaded from some paths: the units, or what was made of each (see [`load_each`]).
pub struct Loaded<U = Unit> {
    pub units: Vec<U>,
    /// Problems with files that made no unit (unreadable, unparsable).
    pub diagnostics: Vec<Diagnostic>,
    /// Files analysed (display paths): those a frontend recognised, context files excluded.
    pub analysed: Vec<Arc<str>>,
}

/// Whether a file's text is JSON (by extension, else by its first character).
pub fn is_json(src: &SourceFile) -> bool {
    let ext = src.path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "json" => true,
        "yaml" | "yml" => false,
        _ => src.text.trim_start().starts_with('{'),
    }
}

/// Parses a source as JSON or YAML.
pub fn parse_source(src: &SourceFile, limits: &Limits) -> Result<Vec<Document>, parse::ParseError> {
    if is_json(src) { parse::parse_json(src, limits).map(|d| vec![d]) } else { parse::parse_yaml(src, limits) }
}

/// Parses a file as [`parse_source`] does, handing each document to `each` as soon as it is
/// read (one tree at a time for a stream of many YAML documents).
pub fn parse_source_each(
    src: &SourceFile,
    limits: &Limits,
    each: &mut dyn FnMut(Document),
) -> Result<(), parse::ParseError> {
    if is_json(src) { parse::parse_json(src, limits).map(each) } else { parse::parse_yaml_each(src, limits, each) }
}

/// What one file gave.
#[derive(Default)]
struct FileLoad {
    units: Vec<(usize, Unit)>,
    diagnostics: Vec<Diagnostic>,
    analysed: Option<Arc<str>>,
}

impl<U> Default for Loaded<U> {
    fn default() -> Self {
        Loaded { units: Vec::new(), diagnostics: Vec::new(), analysed: Vec::new() }
    }
}

/// Discovers the files under the paths and loads them.
pub fn load(opts: &LoadOptions) -> Loaded {
    load_each(opts, &|u| u)
}

/// Discovers the files under the paths, loads them, and hands each unit to `each` as soon as
/// it is complete (a unit of one document right after its file is read, in parallel; the
/// scan-wide units once every file is read), so that a unit's documents and models need not
/// outlive it. The results come in file order, then the scan-wide ones.
pub fn load_each<U: Send>(opts: &LoadOptions, each: &(dyn Fn(Unit) -> U + Sync)) -> Loaded<U> {
    let (mut files, diagnostics) = discover::discover(&opts.paths, &opts.discover);
    let mut diagnostics = diagnostics;
    if let Some(excluded) = &opts.excluded {
        files.retain(|f| {
            let display = crate::source::display_path(&f.path);
            if !excluded(&display) {
                return true;
            }
            if f.explicit {
                diagnostics.push(Diagnostic::whole_file(
                    DiagnosticKind::NotAnalysed,
                    &display,
                    msg!("diag-excluded-by-config"),
                ));
            }
            false
        });
    }
    let (tf_files, files): (Vec<Candidate>, Vec<Candidate>) =
        files.into_iter().partition(|f| terraform::is_terraform_file(&f.path));
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut per_file: Vec<FileResult<U>> = files
        .par_iter()
        .map(|f| {
            let context_only =
                opts.only.as_ref().is_some_and(|o| !o.contains(&crate::source::normalise(&cwd.join(&f.path))));
            let loaded = guarded(&crate::source::display_path(&f.path), || load_file(f, opts, context_only));
            hand_over(loaded, each)
        })
        .collect();
    per_file.extend(load_terraform(&tf_files, opts, &cwd, each));
    assemble(per_file, diagnostics, opts, each)
}

/// The units of the Terraform root modules among `files`.
fn load_terraform<U: Send>(
    files: &[Candidate],
    opts: &LoadOptions,
    cwd: &std::path::Path,
    each: &(dyn Fn(Unit) -> U + Sync),
) -> Vec<FileResult<U>> {
    if files.is_empty() {
        return Vec::new();
    }
    let walked: Vec<PathBuf> = files.iter().filter(|f| !f.explicit).map(|f| f.path.clone()).collect();
    let named: Vec<PathBuf> = files.iter().filter(|f| f.explicit).map(|f| f.path.clone()).collect();
    let mut out = Vec::new();
    for (unit, analysed) in terraform::load_modules(&walked, &named, opts) {
        // With `only`, a module is analysed when one of its files is wanted.
        if let Some(only) = &opts.only
            && !unit.sources.iter().any(|s| only.contains(&crate::source::normalise(&cwd.join(&s.path))))
        {
            continue;
        }
        out.push(FileResult { done: vec![each(unit)], pending: Vec::new(), diagnostics: Vec::new(), analysed });
    }
    out
}

/// Loads one in-memory source (standard input, tests).
pub fn load_source(src: SourceFile, opts: &LoadOptions) -> Loaded {
    let src = Arc::new(src);
    let display: Arc<str> = src.display_path().into();
    if terraform::is_terraform_file(&src.path) {
        let (unit, analysed) = terraform::load_source(&src, opts);
        let one = FileResult { done: vec![unit], pending: Vec::new(), diagnostics: Vec::new(), analysed };
        return assemble(vec![one], Vec::new(), opts, &|u| u);
    }
    let one = guarded(&display, || load_parsed(&src, opts, false, true));
    assemble(vec![hand_over(one, &|u| u)], Vec::new(), opts, &|u| u)
}

/// What one file gave, with its complete units handed to `each`.
struct FileResult<U> {
    done: Vec<U>,
    /// Units of scan-wide frontends, by frontend, merged once every file is read.
    pending: Vec<(usize, Unit)>,
    diagnostics: Vec<Diagnostic>,
    analysed: Vec<Arc<str>>,
}

fn hand_over<U>(f: FileLoad, each: &(dyn Fn(Unit) -> U + Sync)) -> FileResult<U> {
    let all = frontends();
    let mut out = FileResult {
        done: Vec::new(),
        pending: Vec::new(),
        diagnostics: f.diagnostics,
        analysed: f.analysed.into_iter().collect(),
    };
    for (i, u) in f.units {
        if all[i].scan_wide() { out.pending.push((i, u)) } else { out.done.push(each(u)) }
    }
    out
}

/// Runs `f`; an internal error (a bug, never expected) becomes a diagnostic for the file
/// instead of ending the scan.
fn guarded(display: &str, f: impl FnOnce() -> FileLoad) -> FileLoad {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| FileLoad {
        diagnostics: vec![Diagnostic::whole_file(DiagnosticKind::Read, display, msg!("diag-internal-error"))],
        ..FileLoad::default()
    })
}

fn assemble<U>(
    per_file: Vec<FileResult<U>>,
    mut diagnostics: Vec<Diagnostic>,
    opts: &LoadOptions,
    each: &(dyn Fn(Unit) -> U + Sync),
) -> Loaded<U> {
    // Units in file order, then the scan-wide ones.
    let all = frontends();
    let mut scan_wide: Vec<Vec<Unit>> = all.iter().map(|_| Vec::new()).collect();
    let mut units = Vec::new();
    let mut analysed = Vec::new();
    for f in per_file {
        diagnostics.extend(f.diagnostics);
        analysed.extend(f.analysed);
        units.extend(f.done);
        for (i, u) in f.pending {
            scan_wide[i].push(u);
        }
    }
    for (fe, us) in all.iter().zip(scan_wide) {
        if !us.is_empty() {
            units.extend(fe.merge(us, opts).into_iter().map(each));
        }
    }
    Loaded { units, diagnostics, analysed }
}

fn load_file(file: &Candidate, opts: &LoadOptions, context_only: bool) -> FileLoad {
    let display: Arc<str> = crate::source::display_path(&file.path).into();
    match parse::read_source(&file.path, file.path.clone(), &opts.limits) {
        Ok(src) => load_parsed(&Arc::new(src), opts, context_only, file.explicit),
        Err(_) if context_only => FileLoad::default(),
        Err(e) => {
            // An unreadable file that was not named explicitly and does not look like any
            // input we know is skipped; otherwise it is an error.
            let (line, col) = match &e {
                parse::ReadError::NotUtf8 { line, col } => (*line, *col),
                _ => (0, 0),
            };
            if !file.explicit && matches!(e, parse::ReadError::NotUtf8 { .. }) && !looks_like_input_bytes(&file.path) {
                return FileLoad::default();
            }
            FileLoad {
                diagnostics: vec![Diagnostic {
                    kind: DiagnosticKind::Read,
                    file: display,
                    line,
                    col,
                    message: e.message(),
                }],
                ..FileLoad::default()
            }
        }
    }
}

fn looks_like_input_bytes(path: &std::path::Path) -> bool {
    std::fs::read(path).is_ok_and(|b| cloudformation::looks_like_template(&String::from_utf8_lossy(&b)))
}

/// Loads one file's text. A file named explicitly (`explicit`) is never left out in silence:
/// when it cannot be parsed, or is no input any frontend knows, a diagnostic says so.
fn load_parsed(src: &Arc<SourceFile>, opts: &LoadOptions, context_only: bool, explicit: bool) -> FileLoad {
    let display: Arc<str> = src.display_path().into();
    let all = frontends();
    if context_only && !all.iter().any(|f| f.scan_wide()) {
        return FileLoad::default();
    }
    let mut out = FileLoad::default();
    let mut unknown = None;
    // Each document is lowered as soon as it is read: a stream of many documents is never
    // held whole.
    let parsed = parse_source_each(src, &opts.limits, &mut |doc| {
        let Some(i) = all.iter().position(|f| f.recognises(&doc.root)) else {
            unknown.get_or_insert(doc.root.span);
            return;
        };
        if context_only && !all[i].scan_wide() {
            return;
        }
        if !context_only {
            // Errors the parser read past: the document is still analysed.
            for (span, message) in &doc.errors {
                out.diagnostics.push(Diagnostic::at(DiagnosticKind::Invalid, &display, *span, message.clone()));
            }
        }
        let unit = all[i].lower(Arc::new(doc), src, opts);
        let unit = match out.units.last_mut() {
            Some((last, into)) if *last == i => all[i].absorb(into, unit),
            _ => Some(unit),
        };
        out.units.extend(unit.map(|u| (i, u)));
    });
    match parsed {
        Ok(()) => {}
        Err(e) => {
            if context_only {
                return FileLoad::default();
            }
            let claimed = all.iter().find_map(|f| f.parse_failure(&src.text, &e.message));
            let claimed = claimed.or_else(|| {
                let syntax = if is_json(src) { "JSON" } else { "YAML" };
                explicit.then(|| {
                    (DiagnosticKind::Parse, msg!("diag-not-valid-syntax", syntax = syntax, detail = e.message))
                })
            });
            let diagnostics = claimed
                .map(|(kind, message)| Diagnostic { kind, file: display, line: e.line, col: e.col, message })
                .into_iter()
                .collect();
            // What the documents before the error gave is not kept: the file is unparsable.
            return FileLoad { diagnostics, ..FileLoad::default() };
        }
    }
    if !out.units.is_empty() && !context_only {
        // Comment suppressions are the file's, whatever its documents are.
        let roots: Vec<&crate::value::Node> =
            out.units.iter().flat_map(|(_, u)| u.documents.iter().map(|d| &d.root)).collect();
        let comments = crate::suppress::outside_strings(crate::suppress::comment_suppressions(src, &display), &roots);
        out.units[0].1.suppressions.extend(comments);
        out.analysed = Some(display);
    } else if explicit && !context_only {
        let message = if src.text.contains("Resources") {
            msg!("diag-unknown-input-resources")
        } else {
            msg!("diag-unknown-input")
        };
        out.diagnostics.push(match unknown {
            Some(span) => Diagnostic::at(DiagnosticKind::NotAnalysed, &display, span, message),
            None => Diagnostic::whole_file(DiagnosticKind::NotAnalysed, &display, message),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(name: &str, text: &str) -> FileLoad {
        let src = Arc::new(SourceFile::new(name, text.to_string()));
        load_parsed(&src, &LoadOptions::default(), false, true)
    }

    const POD: &str =
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: NAME\nspec:\n  containers:\n    - name: c\n      image: nginx\n";

    #[test]
    fn a_stream_of_manifests_makes_one_unit_with_its_objects_in_order() {
        let text = ["a", "b", "c"].map(|n| POD.replace("NAME", n)).join("---\n");
        let load = load_text("pods.yaml", &text);
        assert_eq!(load.units.len(), 1, "the documents of one file join one unit");
        let names: Vec<_> = load.units[0].1.variants[0].k8s.workloads.iter().map(|w| w.obj.name.clone()).collect();
        assert_eq!(names, ["a", "b", "c"].map(|n| Some(n.to_string())));
        assert_eq!(load.analysed.as_deref(), Some("pods.yaml"));
    }

    #[test]
    fn a_stream_unparsable_after_good_documents_gives_its_error_and_no_unit() {
        let text = format!("{}---\n{}---\nkey: [unclosed\n", POD.replace("NAME", "a"), POD.replace("NAME", "b"));
        let load = load_text("pods.yaml", &text);
        assert!(load.units.is_empty(), "what the documents before the error gave is dropped");
        assert_eq!(
            load.diagnostics.len(),
            1,
            "{:?}",
            load.diagnostics.iter().map(|d| d.message.en()).collect::<Vec<_>>()
        );
        // The unclosed list opens on line 19 and is found unclosed where the stream ends.
        assert!(load.diagnostics[0].line >= 19, "located: {:?}", load.diagnostics[0]);
    }

    #[test]
    fn templates_of_one_stream_stay_units_of_their_own() {
        let cfn = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n";
        let load = load_text("two.yaml", &format!("{cfn}---\n{cfn}"));
        assert_eq!(load.units.len(), 2);
    }
}
