//! Finding the files to scan: walks paths with the `ignore` crate (honouring `.gitignore`
//! and `.ignore` files unless told not to), keeping files whose extension we parse.

use std::path::PathBuf;
use std::sync::Arc;

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// Extensions of files that may hold a template.
pub const EXTENSIONS: &[&str] = &["yaml", "yml", "json", "template"];

#[derive(Debug, Clone, Default)]
pub struct DiscoverOptions {
    /// Glob patterns of paths to leave out (gitignore syntax).
    pub exclude: Vec<String>,
    /// Do not honour `.gitignore`, `.ignore` and similar files.
    pub no_ignore: bool,
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
                    message: e.to_string(),
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
                    message: format!("invalid --exclude pattern: {e}"),
                });
            }
        }
        let overrides = ob.build().unwrap_or_else(|_| ignore::overrides::Override::empty());
        let mut wb = WalkBuilder::new(root);
        wb.overrides(overrides).require_git(false);
        if opts.no_ignore {
            wb.standard_filters(false).hidden(true);
        }
        for entry in wb.build() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic {
                        kind: DiagnosticKind::Read,
                        file: display.clone(),
                        line: 0,
                        col: 0,
                        message: e.to_string(),
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
