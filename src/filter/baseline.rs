//! The baseline: findings accepted once, so that only new ones are reported.
//!
//! `palisade scan --write-baseline .palisade-baseline.json` records every current finding;
//! `--baseline .palisade-baseline.json` then leaves those out and warns about entries that no
//! longer occur. An entry is identified by a fingerprint of
//!
//! * the rule id,
//! * the file, relative to the baseline file's directory (so the scan can run from anywhere),
//! * the resource id (logical id, or `kind/namespace/name`),
//! * the finding's message with runs of whitespace collapsed: messages name the resource and
//!   the offending value (`bucket `Logs` sets BlockPublicPolicy to false`), and never a line
//!   number,
//!
//! so inserting or removing lines elsewhere in a file does not change it, while a different
//! offending value, resource or file does. Identical findings are counted: a baseline with one
//! entry accepts one finding with that fingerprint, and a second one is new.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{normalise, relative_to};
use crate::finding::{Diagnostic, DiagnosticKind, Finding};
use crate::report::fingerprint_of;
use crate::rules::RuleMeta;
use crate::scan::rule_matches;

/// The version of the baseline file format.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tool: Option<String>,
    findings: Vec<Entry>,
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule_id: String,
    /// Relative to the baseline file's directory, with forward slashes.
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub message: String,
}

/// A baseline file's entries and where it lives.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The file, as given.
    pub path: PathBuf,
    /// The directory entries' files are relative to.
    pub root: PathBuf,
    pub entries: Vec<Entry>,
}

/// What applying a baseline did.
#[derive(Debug, Default)]
pub struct Applied {
    pub kept: Vec<Finding>,
    pub baselined: Vec<Finding>,
    /// Entries that no longer occur, as warnings.
    pub diagnostics: Vec<Diagnostic>,
}

fn root_of(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    normalise(&cwd.join(path)).parent().map(Path::to_path_buf).unwrap_or(cwd)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Baseline {
    /// An empty baseline to be written at `path`.
    pub fn new(path: &Path) -> Baseline {
        Baseline { path: path.to_path_buf(), root: root_of(path), entries: Vec::new() }
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
        let doc: Document = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: invalid baseline: {e}", path.display(), e.line(), e.column()))?;
        if doc.version != FORMAT_VERSION {
            return Err(format!(
                "{}: baseline format version {} is not supported (expected {FORMAT_VERSION})",
                path.display(),
                doc.version
            ));
        }
        Ok(Baseline { path: path.to_path_buf(), root: root_of(path), entries: doc.findings })
    }

    /// The entry that records `f`.
    pub fn entry_for(&self, f: &Finding) -> Entry {
        let file = relative_to(Some(&self.root), &f.location.file);
        let resource = f.resource.as_ref().map(|r| r.id.clone());
        let message = collapse(&f.full_message());
        Entry {
            fingerprint: fingerprint_of(f.rule.id, &file, resource.as_deref().unwrap_or(""), &message),
            rule_id: f.rule.id.to_string(),
            file,
            resource,
            message,
        }
    }

    /// A baseline recording `findings`, sorted for stable diffs.
    pub fn from_findings<'a>(path: &Path, findings: impl IntoIterator<Item = &'a Finding>) -> Baseline {
        let mut b = Baseline::new(path);
        b.entries = findings.into_iter().map(|f| b.entry_for(f)).collect();
        b.entries.sort_by(|a, b| {
            (&a.file, &a.rule_id, &a.resource, &a.message).cmp(&(&b.file, &b.rule_id, &b.resource, &b.message))
        });
        b
    }

    /// The file's contents: pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let doc = Document {
            version: FORMAT_VERSION,
            tool: Some(format!("palisade {}", crate::VERSION)),
            findings: self.entries.clone(),
        };
        let mut s = serde_json::to_string_pretty(&doc).expect("a baseline always serializes");
        s.push('\n');
        s
    }

    /// Writes the file.
    pub fn write(&self) -> Result<(), String> {
        std::fs::write(&self.path, self.to_json())
            .map_err(|e| format!("cannot write baseline {}: {e}", self.path.display()))
    }

    /// Leaves out the findings the baseline records. `scanned` are the files analysed by this
    /// scan (display paths) and `ran` the rules that ran: an entry that no longer occurs is
    /// reported only when its file was scanned (or no longer exists) and its rule ran, so that
    /// scanning part of a tree does not make the rest look stale.
    pub fn apply(&self, findings: Vec<Finding>, scanned: &[Arc<str>], ran: &[&'static RuleMeta]) -> Applied {
        let mut remaining: HashMap<&str, usize> = HashMap::new();
        for e in &self.entries {
            *remaining.entry(e.fingerprint.as_str()).or_default() += 1;
        }
        let mut out = Applied::default();
        for f in findings {
            let e = self.entry_for(&f);
            match remaining.get_mut(e.fingerprint.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    out.baselined.push(f);
                }
                _ => out.kept.push(f),
            }
        }
        let scanned: std::collections::HashSet<String> =
            scanned.iter().map(|s| relative_to(Some(&self.root), s)).collect();
        let display = crate::source::display_path(&self.path);
        for e in &self.entries {
            let Some(n) = remaining.get_mut(e.fingerprint.as_str()) else { continue };
            if *n == 0 {
                continue;
            }
            let relevant = ran.iter().any(|r| rule_matches(r, &e.rule_id))
                && (scanned.contains(&e.file) || !self.root.join(&e.file).exists());
            if !relevant {
                continue;
            }
            *n -= 1;
            let resource = e.resource.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
            out.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Baseline,
                file: display.as_str().into(),
                line: 0,
                col: 0,
                message: format!(
                    "entry no longer occurs, remove it: {} in {}{resource}: {}",
                    e.rule_id, e.file, e.message
                ),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::ResourceRef;
    use crate::source::{Location, Span};

    fn finding(file: &str, line: u32, message: &str) -> Finding {
        let rule = &crate::rules::s3::VERSIONING.meta;
        Finding {
            rule,
            severity: rule.severity,
            message: message.to_string(),
            location: Location::new(file.into(), Span { line, col: 3, ..Span::default() }),
            resource: Some(ResourceRef { id: "Logs".into(), kind: "AWS::S3::Bucket".into() }),
            related: Vec::new(),
            when: None,
            subject: None,
        }
    }

    #[test]
    fn entries_ignore_lines_and_whitespace_runs_but_not_values() {
        let b = Baseline::new(Path::new("base/.palisade-baseline.json"));
        let a = b.entry_for(&finding("base/stacks/a.yaml", 3, "bucket `Logs` has versioning `Suspended`"));
        let moved = b.entry_for(&finding("base/stacks/a.yaml", 40, "bucket  `Logs` has versioning `Suspended`"));
        assert_eq!(a, moved);
        assert_eq!(a.file, "stacks/a.yaml");
        let other_value = b.entry_for(&finding("base/stacks/a.yaml", 3, "bucket `Logs` has versioning `Off`"));
        assert_ne!(a.fingerprint, other_value.fingerprint);
        let other_file = b.entry_for(&finding("base/stacks/b.yaml", 3, "bucket `Logs` has versioning `Suspended`"));
        assert_ne!(a.fingerprint, other_file.fingerprint);
    }

    #[test]
    fn round_trip_and_version_check() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        let f = finding("x.yaml", 1, "m");
        let b = Baseline::from_findings(&path, [&f]);
        b.write().unwrap();
        let back = Baseline::load(&path).unwrap();
        assert_eq!(back.entries, b.entries);
        std::fs::write(&path, b.to_json().replace("\"version\": 1", "\"version\": 9")).unwrap();
        assert!(Baseline::load(&path).unwrap_err().contains("version 9"));
        std::fs::write(&path, "{\"version\": 1, \"findings\": [], \"extra\": 1}").unwrap();
        assert!(Baseline::load(&path).is_err());
    }
}
