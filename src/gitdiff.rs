//! `--diff REV`: the files changed since a git revision; `--staged`: the files staged for the
//! next commit.
//!
//! The scan still walks the given paths as usual (so excludes and `.gitignore` apply), then
//! analyses only the files in this set. A CloudFormation template is judged on its own, so
//! the other templates are not even read. Kubernetes objects govern each other across files
//! (a network policy in one file covers the pods of another), so the other manifests are
//! still read for that context, and only findings in changed files are reported.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::filter::normalise;

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("`git {}` failed: {}", args.join(" "), err.trim()));
    }
    Ok(out.stdout)
}

fn paths(root: &Path, nul_separated: &[u8]) -> impl Iterator<Item = PathBuf> {
    nul_separated
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| normalise(&root.join(String::from_utf8_lossy(p).as_ref())))
        .collect::<Vec<_>>()
        .into_iter()
}

/// The top folder of the repository holding `dir`.
fn toplevel(dir: &Path) -> Result<PathBuf, String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let dir = normalise(&cwd.join(dir));
    let top = git(&dir, &["rev-parse", "--show-toplevel"])?;
    Ok(PathBuf::from(String::from_utf8_lossy(&top).trim()))
}

/// The top folder of the git work tree holding `path` (a file or a folder), with symbolic links
/// resolved: the nearest folder, from `path` upwards, that has a `.git` entry (a folder, or a
/// file in linked work trees and submodules). Git itself is not run.
pub fn work_tree(path: &Path) -> Option<PathBuf> {
    let mut dir = path.canonicalize().ok()?;
    if !dir.is_dir() {
        dir.pop();
    }
    loop {
        if dir.join(".git").symlink_metadata().is_ok() {
            return Some(dir);
        }
        if !dir.pop() {
            return None;
        }
    }
}

/// The files of the repository holding `dir` that differ from `rev` (committed, staged or
/// not), plus untracked files that are not ignored, as absolute normalised paths. Deleted
/// files are included; they are simply not found when scanning.
pub fn changed_files(dir: &Path, rev: &str) -> Result<HashSet<PathBuf>, String> {
    if rev.starts_with('-') {
        return Err(format!("invalid revision `{rev}`"));
    }
    let root = toplevel(dir)?;
    // Resolve the revision first so that a typo is an error rather than an empty diff.
    git(&root, &["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
        .map_err(|_| format!("unknown git revision `{rev}`"))?;
    let mut out: HashSet<PathBuf> = paths(&root, &git(&root, &["diff", "--name-only", "-z", rev, "--"])?).collect();
    out.extend(paths(&root, &git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])?));
    Ok(with_canonical(&root, out))
}

/// The files staged for the next commit of the repository holding `dir`: those whose staged
/// content differs from `HEAD`, or every staged file before the first commit. This is what a
/// pre-commit hook judges: unstaged changes and untracked files are not part of the commit.
/// Deleted files are included; they are simply not found when scanning.
pub fn staged_files(dir: &Path) -> Result<HashSet<PathBuf>, String> {
    let root = toplevel(dir)?;
    // Without a revision, `--cached` compares with HEAD, or with nothing on an unborn branch.
    let out = paths(&root, &git(&root, &["diff", "--cached", "--name-only", "-z", "--"])?).collect();
    Ok(with_canonical(&root, out))
}

/// `out` plus, for each file, its canonical path, and that path again under `root` when the
/// repository root is reached through a symlink from the working directory.
fn with_canonical(root: &Path, mut out: HashSet<PathBuf>) -> HashSet<PathBuf> {
    let canonical: Vec<PathBuf> = out.iter().filter_map(|p| p.canonicalize().ok()).collect();
    if let Ok(croot) = root.canonicalize()
        && croot != root
    {
        let cwd_based: Vec<PathBuf> =
            canonical.iter().filter_map(|p| p.strip_prefix(&croot).ok().map(|r| root.join(r))).collect();
        out.extend(cwd_based);
    }
    out.extend(canonical);
    out
}
