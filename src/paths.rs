//! Paths as the configuration names them: globs relative to the configuration's directory.

use std::path::Path;

use globset::{Glob, GlobBuilder, GlobMatcher};

use crate::source::normalise;

/// A glob over paths relative to the configuration's directory. A glob without `/` matches at
/// any depth (`*.json` is `**/*.json`).
#[derive(Debug, Clone)]
pub struct PathGlob {
    pub text: String,
    matcher: GlobMatcher,
}

impl PathGlob {
    pub fn new(text: &str) -> Result<PathGlob, String> {
        let t = text.trim().trim_start_matches("./");
        let pattern = if t.contains('/') { t.trim_start_matches('/').to_string() } else { format!("**/{t}") };
        let glob: Glob = GlobBuilder::new(&pattern)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("invalid glob `{text}`: {e}"))?;
        // `dir/` or `dir` also means everything below it.
        Ok(PathGlob { text: text.to_string(), matcher: glob.compile_matcher() })
    }

    pub fn is_match(&self, rel: &str) -> bool {
        if self.matcher.is_match(rel) {
            return true;
        }
        // A glob that matches a directory matches every file below it.
        let mut p = Path::new(rel);
        while let Some(parent) = p.parent() {
            if parent.as_os_str().is_empty() {
                break;
            }
            if self.matcher.is_match(parent) {
                return true;
            }
            p = parent;
        }
        false
    }
}

/// `display` made relative to `root` (both resolved against the working directory), with
/// forward slashes; `display` itself when it is not below `root`.
pub fn relative_to(root: Option<&Path>, display: &str) -> String {
    let Some(root) = root else { return display.trim_start_matches("./").to_string() };
    let cwd = std::env::current_dir().unwrap_or_default();
    let abs = normalise(&cwd.join(display));
    let root = normalise(&cwd.join(root));
    match abs.strip_prefix(&root) {
        Ok(rel) => crate::source::display_path(rel),
        Err(_) => display.to_string(),
    }
}
