//! Finding the files to scan: walks paths with the `ignore` crate (honouring `.gitignore`
//! and `.ignore` files unless told not to), keeping files whose extension we parse.
//!
//! Hidden files and folders are scanned (templates live in `.deploy/`, `.cfn/`, ...). Folders
//! of version control ([`VCS_DIRS`]) are never entered; folders that tools fill with state,
//! caches, dependencies and copies of the sources ([`TOOL_DIRS`]) are left out unless
//! `no_ignore` is set. A folder named on the command line is always walked.

use std::path::PathBuf;
use std::sync::Arc;

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// Extensions of files that may hold a template, a manifest, a policy or Terraform configuration.
pub const EXTENSIONS: &[&str] = &["yaml", "yml", "json", "template", "tf"];

/// Folders of version control systems: never walked.
pub const VCS_DIRS: &[&str] = &[".git", ".hg", ".svn", ".jj"];

/// Folders tools fill with state, caches, downloaded dependencies or copies of the sources:
/// walked only with `no_ignore`. `.aws-sam` and `.serverless` hold the templates those tools
/// build from the sources (scanned where they are written); `.terraform` holds downloaded
/// modules and providers. `cdk.out` is not listed: the templates the CDK synthesises are the
/// only CloudFormation of a CDK application. `target`, `build` and `dist` are not listed
/// either: they are ordinary names that may hold templates (and `.gitignore` usually names
/// them where they are build output).
pub const TOOL_DIRS: &[&str] = &[
    ".terraform",
    ".terragrunt-cache",
    ".aws-sam",
    ".serverless",
    ".venv",
    "venv",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    "__pycache__",
    ".cache",
    ".idea",
    ".vscode",
    "node_modules",
];

#[derive(Debug, Clone, Default)]
pub struct DiscoverOptions {
    /// Glob patterns of paths to leave out (gitignore syntax).
    pub exclude: Vec<String>,
    /// Walk everything but version control folders: do not honour `.gitignore`, `.ignore` and
    /// similar files, and walk [`TOOL_DIRS`].
    pub no_ignore: bool,
}

/// Whether a walk leaves out this folder (below the paths it was given).
fn skipped_dir(name: &std::ffi::OsStr, no_ignore: bool) -> bool {
    let Some(name) = name.to_str() else { return false };
    VCS_DIRS.contains(&name) || (!no_ignore && TOOL_DIRS.contains(&name))
}

/// A file to scan.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub path: PathBuf,
    /// Named on the command line (not found by walking a directory).
    pub explicit: bool,
}

/// Lists the files to scan, sorted, and diagnostics for paths that do not exist.
pub fn discover(paths: &[PathBuf], opts: &DiscoverOptions) -> (Vec<Candidate>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for root in paths {
        let display: Arc<str> = crate::source::display_path(root).into();
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                diags.push(Diagnostic {
                    kind: DiagnosticKind::Read,
                    file: display,
                    line: 0,
                    col: 0,
                    message: crate::diagnostic::io_message(&e),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            // A file, or something else named explicitly (a FIFO, a device): the loader says
            // what it makes of it rather than the walk skipping it.
            files.push(Candidate { path: root.clone(), explicit: true });
            continue;
        }
        let mut ob = OverrideBuilder::new(root);
        for g in &opts.exclude {
            if let Err(e) = ob.add(&format!("!{g}")) {
                diags.push(Diagnostic {
                    kind: DiagnosticKind::Read,
                    file: g.as_str().into(),
                    line: 0,
                    col: 0,
                    message: msg!("diag-invalid-exclude", detail = e),
                });
            }
        }
        let overrides = ob.build().unwrap_or_else(|_| ignore::overrides::Override::empty());
        let mut wb = WalkBuilder::new(root);
        wb.overrides(overrides).require_git(false).hidden(false);
        if opts.no_ignore {
            wb.standard_filters(false);
        }
        let no_ignore = opts.no_ignore;
        wb.filter_entry(move |e| {
            e.depth() == 0 || !e.file_type().is_some_and(|t| t.is_dir()) || !skipped_dir(e.file_name(), no_ignore)
        });
        for entry in wb.build() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic {
                        kind: DiagnosticKind::Read,
                        file: display.clone(),
                        line: 0,
                        col: 0,
                        message: msg!("diag-walk-error", detail = e),
                    });
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.into_path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
            if EXTENSIONS.contains(&ext.as_str()) {
                files.push(Candidate { path, explicit: false });
            }
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    (files, diags)
}
