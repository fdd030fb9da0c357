//! Files and paths, and the values of the machine and moment Terraform runs at.
//!
//! Files are read only inside the scanned root: a path is resolved against the module's
//! directory (an absolute path as it is), made canonical (symbolic links followed), and
//! refused unless it stays inside the canonical root. A file that is refused or absent makes
//! the result unknown: Terraform may read it where it runs (files generated before `plan`,
//! or left out of what was scanned).

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use globset::GlobBuilder;

use crate::model::{VKind, Val};
use crate::source::Span;

use super::{FnCtx, R, Stop, arity, bool_val, encoding, fail, known, list_val, str_val, string};

/// Largest file read.
const MAX_FILE: u64 = 1 << 20;

/// Most directory entries `fileset` visits, and its deepest directory.
const MAX_ENTRIES: usize = 10_000;
const MAX_DIR_DEPTH: usize = 32;

pub(super) fn call(name: &str, a: &[Val], span: Span, cx: &FnCtx<'_>) -> Option<R<Val>> {
    Some(match name {
        "file" => file(a, span, cx),
        "filebase64" => one_path(a).and_then(|p| read(cx, &p)).map(|b| str_val(encoding::base64_encode(&b), span)),
        "fileexists" => one_path(a).and_then(|p| exists(cx, &p)).map(|b| bool_val(b, span)),
        "templatefile" => templatefile(a, span, cx),
        "fileset" => fileset(a, span, cx),
        "basename" => one_path(a).map(|p| str_val(basename(&p), span)),
        "dirname" => one_path(a).map(|p| str_val(dirname(&p), span)),
        "abspath" | "pathexpand" => one_path(a).and_then(|_| unknown("depends on the machine Terraform runs on")),
        "timestamp" | "plantimestamp" => {
            arity(a, 0, 0).and_then(|_| unknown("the time is known only when Terraform runs"))
        }
        "uuid" => arity(a, 0, 0).and_then(|_| unknown("a random value is chosen only when Terraform runs")),
        _ => return None,
    })
}

fn unknown(reason: &str) -> R<Val> {
    Err(Stop::Unknown(reason.into()))
}

fn one_path(a: &[Val]) -> R<String> {
    arity(a, 1, 1)?;
    string(&a[0])
}

/// `file(path)`: the text of a UTF-8 file.
fn file(a: &[Val], span: Span, cx: &FnCtx<'_>) -> R<Val> {
    let path = one_path(a)?;
    Ok(str_val(text(&path, read(cx, &path)?)?, span))
}

fn refused(path: &str) -> Stop {
    Stop::Unavailable(format!("refused to read `{path}`: outside the scanned directory"))
}

/// The canonical path of `path` (relative to the module), `None` when nothing is there.
/// Refused when it leads outside the root.
fn resolve(cx: &FnCtx<'_>, path: &str) -> R<Option<PathBuf>> {
    let p = Path::new(path);
    if p.components().any(|c| matches!(c, Component::Prefix(_))) {
        return Err(refused(path));
    }
    let root = cx.root.canonicalize().or_else(|e| fail(format!("cannot resolve the scanned directory: {e}")))?;
    match cx.module_dir.join(p).canonicalize() {
        Ok(c) if c.starts_with(&root) => Ok(Some(c)),
        Ok(_) => Err(refused(path)),
        Err(_) => {
            let base = cx.module_dir.canonicalize().unwrap_or_else(|_| cx.module_dir.to_path_buf());
            if normalize(&base.join(p)).starts_with(&root) { Ok(None) } else { Err(refused(path)) }
        }
    }
}

/// `p` with `.` and `..` resolved lexically.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The bytes of the file at `path`, at most 1 MiB.
fn read(cx: &FnCtx<'_>, path: &str) -> R<Vec<u8>> {
    let Some(c) = resolve(cx, path)? else {
        return Err(Stop::Unavailable(format!("no file exists at `{path}`")));
    };
    if c.is_dir() {
        return fail(format!("`{path}` is a directory, not a file"));
    }
    let f = std::fs::File::open(&c).or_else(|e| fail(format!("cannot read `{path}`: {e}")))?;
    let mut bytes = Vec::new();
    f.take(MAX_FILE + 1).read_to_end(&mut bytes).or_else(|e| fail(format!("cannot read `{path}`: {e}")))?;
    if bytes.len() as u64 > MAX_FILE {
        return fail(format!("`{path}` is larger than 1 MiB"));
    }
    Ok(bytes)
}

fn text(path: &str, bytes: Vec<u8>) -> R<String> {
    String::from_utf8(bytes).or_else(|_| fail(format!("contents of `{path}` are not valid UTF-8")))
}

fn exists(cx: &FnCtx<'_>, path: &str) -> R<bool> {
    match resolve(cx, path)? {
        None => Ok(false),
        Some(c) if c.is_dir() => fail(format!("`{path}` is a directory, not a file")),
        Some(_) => Ok(true),
    }
}

/// `templatefile(path, vars)`: the file rendered by the evaluator with the variables.
fn templatefile(a: &[Val], span: Span, cx: &FnCtx<'_>) -> R<Val> {
    arity(a, 2, 2)?;
    let path = string(&a[0])?;
    if known(&a[1]).is_ok() && !matches!(a[1].kind, VKind::Map(_)) {
        return fail("the template variables must be a map");
    }
    let body = text(&path, read(cx, &path)?)?;
    Ok((cx.render)(&body, &a[1], span))
}

/// `fileset(path, pattern)`: the files under `path` matching the glob, relative to `path`,
/// sorted. Symbolic links to directories are not followed; links to files outside the root
/// are left out.
fn fileset(a: &[Val], span: Span, cx: &FnCtx<'_>) -> R<Val> {
    arity(a, 2, 2)?;
    let (path, pattern) = (string(&a[0])?, string(&a[1])?);
    let glob = GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()
        .or_else(|e| fail(format!("invalid pattern `{pattern}`: {e}")))?
        .compile_matcher();
    let Some(dir) = resolve(cx, &path)? else {
        return Ok(list_val(Vec::new(), span));
    };
    let root = cx.root.canonicalize().or_else(|e| fail(format!("cannot resolve the scanned directory: {e}")))?;
    let mut found = Vec::new();
    let mut budget = MAX_ENTRIES;
    walk(&dir, "", &root, &mut budget, 0, &mut found)?;
    let mut out: Vec<String> = found.into_iter().filter(|rel| glob.is_match(rel)).collect();
    out.sort();
    Ok(list_val(out.into_iter().map(|s| str_val(s, span)).collect(), span))
}

/// Collects the files under `dir` as paths relative to the walk's start, `/`-separated.
fn walk(dir: &Path, rel: &str, root: &Path, budget: &mut usize, depth: usize, out: &mut Vec<String>) -> R<()> {
    if depth > MAX_DIR_DEPTH {
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(()) };
    for entry in entries.flatten() {
        if *budget == 0 {
            return fail(format!("more than {MAX_ENTRIES} directory entries under the fileset path"));
        }
        *budget -= 1;
        let name = entry.file_name().to_string_lossy().into_owned();
        let sub = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        let Ok(ft) = entry.file_type() else { continue };
        let path = entry.path();
        if ft.is_dir() {
            walk(&path, &sub, root, budget, depth + 1, out)?;
        } else if ft.is_file()
            || (ft.is_symlink() && path.canonicalize().is_ok_and(|c| c.starts_with(root) && c.is_file()))
        {
            out.push(sub);
        }
    }
    Ok(())
}

/// The last element of a slash-separated path.
fn basename(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".into();
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_string()
}

/// All but the last element of a slash-separated path, cleaned.
fn dirname(p: &str) -> String {
    let head = match p.rfind('/') {
        Some(i) => &p[..=i],
        None => "",
    };
    clean(head)
}

/// A path with duplicate slashes, `.` and resolvable `..` removed; `.` when empty.
fn clean(p: &str) -> String {
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." if parts.last().is_some_and(|l| *l != "..") => {
                parts.pop();
            }
            ".." if rooted => {}
            s => parts.push(s),
        }
    }
    let body = parts.join("/");
    match (rooted, body.is_empty()) {
        (true, _) => format!("/{body}"),
        (false, true) => ".".into(),
        (false, false) => body,
    }
}
