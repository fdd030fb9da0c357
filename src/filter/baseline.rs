//! The baseline: findings accepted once, so that only new ones are reported.
//!
//! `palisade scan --write-baseline .palisade-baseline.json` records every current finding;
//! `--baseline .palisade-baseline.json` then leaves those out and warns about entries that no
//! longer occur. An entry is identified by a fingerprint (see [`Finding::fingerprint`]) of
//!
//! * the rule id,
//! * the file, relative to the baseline file's directory (so the scan can run from anywhere),
//! * the resource id (logical id, or `kind/namespace/name`),
//! * the finding's subject: the path of the offending field from the document root and its
//!   value (`Resources.Logs.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy=false`,
//!   without the value when it could be a secret), or, when the subject is not known, the
//!   finding's message with its condition qualifier and runs of whitespace collapsed,
//!
//! so inserting or removing lines elsewhere in a file, rewording a message or writing the same
//! template in another input language does not change it, while a different offending value,
//! field, resource or file does. The entry's `message` is recorded for readers only. Identical
//! findings are counted: a baseline with one entry accepts one finding with that fingerprint,
//! and a second one is new.
//!
//! Files of format version 1 are still read: their fingerprints hashed the collapsed message
//! instead of the subject, and their entries match the findings whose fingerprint computed
//! that way ([`Finding::legacy_fingerprint`]) is the same. Written files are always version 2.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{normalise, relative_to};
use crate::finding::{Diagnostic, DiagnosticKind, Finding, collapse_whitespace, fingerprint_of, legacy_fingerprint_of};
use crate::rules::RuleMeta;

/// The version of the baseline file format written.
pub const FORMAT_VERSION: u32 = 2;

/// The earlier format, still read: fingerprints over the message instead of the subject.
pub const LEGACY_FORMAT_VERSION: u32 = 1;

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
    /// The format version the entries' fingerprints follow ([`FORMAT_VERSION`] or
    /// [`LEGACY_FORMAT_VERSION`]).
    pub version: u32,
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

impl Baseline {
    /// An empty baseline to be written at `path`.
    pub fn new(path: &Path) -> Baseline {
        Baseline { path: path.to_path_buf(), root: root_of(path), version: FORMAT_VERSION, entries: Vec::new() }
    }

    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        Baseline::load_limited(path, &crate::parse::Limits::default())
    }

    /// Reads a baseline file no larger than `limits` allow.
    pub fn load_limited(path: &Path, limits: &crate::parse::Limits) -> Result<Baseline, String> {
        let text = crate::parse::read_text_file(path, limits).map_err(|e| format!("baseline: {e}"))?;
        let doc: Document = serde_json::from_str(&text)
            .map_err(|e| format!("{}:{}:{}: invalid baseline: {e}", path.display(), e.line(), e.column()))?;
        if doc.version != FORMAT_VERSION && doc.version != LEGACY_FORMAT_VERSION {
            return Err(format!(
                "{}: baseline format version {} is not supported (expected {FORMAT_VERSION} or \
                 {LEGACY_FORMAT_VERSION})",
                path.display(),
                doc.version
            ));
        }
        Ok(Baseline { path: path.to_path_buf(), root: root_of(path), version: doc.version, entries: doc.findings })
    }

    /// The entry that records `f`, with the fingerprint of this baseline's format.
    pub fn entry_for(&self, f: &Finding) -> Entry {
        let file = relative_to(Some(&self.root), &f.location.file);
        let message = collapse_whitespace(&f.full_message());
        let fingerprint = if self.version == LEGACY_FORMAT_VERSION {
            legacy_fingerprint_of(&f.rule.id, &file, f.resource_id(), &message)
        } else {
            fingerprint_of(&f.rule.id, &file, f.resource_id(), &f.identity())
        };
        Entry {
            fingerprint,
            rule_id: f.rule.id.to_string(),
            file,
            resource: f.resource.as_ref().map(|r| r.id.to_string()),
            message,
        }
    }

    /// A baseline recording `findings`, sorted for stable diffs.
    pub fn from_findings<'a>(path: &Path, findings: impl IntoIterator<Item = &'a Finding>) -> Baseline {
        let mut b = Baseline::new(path);
        b.entries = findings.into_iter().map(|f| b.entry_for(f)).collect();
        b.entries.sort_by(|a, b| {
            (&a.file, &a.rule_id, &a.resource, &a.message, &a.fingerprint).cmp(&(
                &b.file,
                &b.rule_id,
                &b.resource,
                &b.message,
                &b.fingerprint,
            ))
        });
        b
    }

    /// The file's contents: pretty JSON with a trailing newline, in this baseline's format
    /// ([`FORMAT_VERSION`] for a new one).
    pub fn to_json(&self) -> String {
        let doc = Document {
            version: self.version,
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
    pub fn apply(&self, findings: Vec<Finding>, scanned: &[Arc<str>], ran: &[Arc<RuleMeta>]) -> Applied {
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
            let relevant = ran.iter().any(|r| r.matches(&e.rule_id))
                && (scanned.contains(&e.file) || !self.root.join(&e.file).exists());
            if !relevant {
                continue;
            }
            *n -= 1;
            let resource = match e.resource.as_deref() {
                Some(r) => msg!("diag-baseline-resource", resource = r),
                None => crate::i18n::Message::default(),
            };
            out.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Baseline,
                file: display.as_str().into(),
                line: 0,
                col: 0,
                message: msg!(
                    "diag-baseline-gone",
                    rule = e.rule_id,
                    file = e.file,
                    resource = resource,
                    message = e.message
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
        let rule = std::sync::Arc::new(crate::rules::s3::versioning::RULE.meta.to_meta());
        Finding {
            severity: rule.severity,
            rule,
            template: message.into(),
            location: Location::new(file.into(), Span { line, col: 3, ..Span::default() }),
            resource: Some(ResourceRef { id: "Logs".into(), kind: "AWS::S3::Bucket".into() }),
            related: crate::finding::RelatedList::new(),
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

    fn with_subject(mut f: Finding, subject: &str) -> Finding {
        f.subject = Some(subject.into());
        f
    }

    const SUBJECT: &str = "Resources.Logs.Properties.VersioningConfiguration.Status=Suspended";

    #[test]
    fn version_2_entries_follow_the_subject_not_the_wording() {
        let b = Baseline::new(Path::new("base/.palisade-baseline.json"));
        let old = with_subject(finding("base/stacks/a.yaml", 3, "bucket `Logs` has versioning `Suspended`"), SUBJECT);
        let reworded = with_subject(finding("base/stacks/a.yaml", 9, "Versioning of `Logs` is suspended"), SUBJECT);
        let other_value = with_subject(
            finding("base/stacks/a.yaml", 3, "bucket `Logs` has versioning `Suspended`"),
            "Resources.Logs.Properties.VersioningConfiguration.Status=Off",
        );
        assert_eq!(b.entry_for(&old).fingerprint, b.entry_for(&reworded).fingerprint);
        assert_ne!(b.entry_for(&old).fingerprint, b.entry_for(&other_value).fingerprint);
        // The message is still recorded, for readers.
        assert_eq!(b.entry_for(&old).message, "bucket `Logs` has versioning `Suspended`");

        let written = Baseline::from_findings(Path::new("base/.palisade-baseline.json"), [&old]);
        assert!(written.to_json().contains("\"version\": 2"));
        let ran = [std::sync::Arc::new(crate::rules::s3::versioning::RULE.meta.to_meta())];
        let applied = written.apply(vec![reworded, other_value], &["base/stacks/a.yaml".into()], &ran);
        assert_eq!(applied.baselined.len(), 1);
        assert_eq!(applied.baselined[0].message(), "Versioning of `Logs` is suspended");
        assert_eq!(applied.kept.len(), 1);
        assert!(applied.kept[0].subject.as_deref().unwrap().ends_with("=Off"));
        assert!(applied.diagnostics.is_empty(), "{:?}", applied.diagnostics);
    }

    /// A file written by the version 1 format: fingerprints over the collapsed message.
    const VERSION_1: &str = r#"{
  "version": 1,
  "tool": "palisade 0.1.0",
  "findings": [
    {
      "fingerprint": "65425b6e30409f21",
      "rule_id": "PAL-S3-004",
      "file": "stacks/a.yaml",
      "resource": "Logs",
      "message": "bucket `Logs` has versioning `Suspended`"
    },
    {
      "fingerprint": "684d68dacc1306d6",
      "rule_id": "PAL-S3-004",
      "file": "stacks/a.yaml",
      "resource": "Logs",
      "message": "bucket `Logs` has versioning `Off` (when IsProd is false)"
    },
    {
      "fingerprint": "762aec949db971c5",
      "rule_id": "PAL-S3-004",
      "file": "stacks/a.yaml",
      "resource": "Gone",
      "message": "bucket `Gone` has versioning `Suspended`"
    }
  ]
}
"#;

    #[test]
    fn version_1_files_still_match_by_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".palisade-baseline.json");
        std::fs::write(&path, VERSION_1).unwrap();
        let b = Baseline::load(&path).unwrap();
        assert_eq!(b.version, LEGACY_FORMAT_VERSION);
        let file = dir.path().join("stacks/a.yaml").to_string_lossy().into_owned();
        // Findings of a scan today carry a subject; version 1 entries ignore it.
        let same = with_subject(finding(&file, 12, "bucket  `Logs` has versioning `Suspended`"), SUBJECT);
        let mut conditional = finding(&file, 4, "bucket `Logs` has versioning `Off`");
        conditional.when = Some(Box::new(msg!("condition-is-false", name = "IsProd")));
        let reworded = with_subject(finding(&file, 3, "Versioning of `Logs` is suspended"), SUBJECT);
        let ran = [std::sync::Arc::new(crate::rules::s3::versioning::RULE.meta.to_meta())];
        let applied = b.apply(vec![same, conditional, reworded], &[file.as_str().into()], &ran);
        let baselined: Vec<u32> = applied.baselined.iter().map(|f| f.location.span.line).collect();
        assert_eq!(baselined, [12, 4]);
        assert_eq!(applied.kept.len(), 1);
        assert_eq!(applied.kept[0].location.span.line, 3);
        // The entry for a resource that is gone is reported as before.
        assert_eq!(applied.diagnostics.len(), 1);
        assert!(applied.diagnostics[0].message.en().contains("(Gone)"), "{:?}", applied.diagnostics);
        // Writing it back keeps its format: its fingerprints are those of version 1.
        let without_tool = |s: &str| {
            let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
            v.as_object_mut().unwrap().remove("tool");
            v
        };
        assert_eq!(without_tool(&b.to_json()), without_tool(VERSION_1));
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
        std::fs::write(&path, b.to_json().replace("\"version\": 2", "\"version\": 9")).unwrap();
        assert!(Baseline::load(&path).unwrap_err().contains("version 9"));
        std::fs::write(&path, "{\"version\": 1, \"findings\": [], \"extra\": 1}").unwrap();
        assert!(Baseline::load(&path).is_err());
    }
}
