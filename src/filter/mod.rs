//! The filter stage, between the rules and the report.
//!
//! Rules report everything they see; this stage decides what the user asked not to see:
//!
//! 1. **inline suppressions** written in the scanned files: a YAML comment
//!    `# palisade:ignore RULE reason` (see [`comment_suppressions`]), a CloudFormation resource's
//!    `Metadata: {palisade: {ignore: [{id: RULE, reason: ...}]}}` (see
//!    [`metadata_suppressions`]), or anything a frontend builds into a [`Suppression`] (the
//!    Kubernetes annotation `palisade.dev/ignore: "RULE: reason; ..."` is parsed by
//!    [`parse_annotation`]);
//! 2. **the configuration** (`palisade.toml`): per-path rule ignores, the secret allow-list
//!    and severity overrides (see [`Policy`]);
//! 3. **the baseline**: findings accepted earlier (see [`baseline`]).
//!
//! Filtering never changes what a finding says: a filtered finding moves, unchanged, to the
//! suppressed list together with what suppressed it, so reports can still show it (SARIF
//! does, as a suppressed result). The one thing the configuration may change is a finding's
//! effective severity, which is what [`Finding::severity`] is for.
//!
//! Problems with suppressions are warnings (diagnostics of kind `suppression`), never errors:
//! a suppression without a reason (it still applies), one that names an unknown rule, one
//! that is malformed, and — with `--report-unused-suppressions` — one that matches no finding.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use regex::Regex;

use crate::finding::{Diagnostic, DiagnosticKind, Finding, Severity};
use crate::rules::{self, RuleMeta};
use crate::source::{Location, SourceFile, Span};
use crate::suppress::COMMENT_MARKER;

pub mod baseline;

pub use crate::suppress::{Origin, Suppression, Target};

/// Whether a suppression applies to a finding.
fn covers(s: &Suppression, f: &Finding) -> bool {
    {
        if *s.file != *f.location.file || !f.rule.matches(&s.rule) {
            return false;
        }
        match &s.target {
            Target::Resource(id) => f.resource.as_ref().is_some_and(|r| *r.id == **id),
            Target::Lines { first, last } => (*first..=*last).contains(&f.location.span.line),
        }
    }
}

/// Why a finding is not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuppressedBy {
    /// An inline suppression in the scanned file.
    Inline { origin: Origin, reason: Option<String>, at: Location },
    /// The configuration file: per-path ignores or the secret allow-list.
    Config { what: String },
    /// An entry of the baseline file.
    Baseline,
}

impl SuppressedBy {
    /// A one-line justification, as SARIF and the JSON report show it.
    pub fn justification(&self) -> String {
        match self {
            SuppressedBy::Inline { origin, reason, at } => format!(
                "{} at {}:{}: {}",
                origin.as_str(),
                at.file,
                at.span.line,
                reason.as_deref().unwrap_or("(no reason given)")
            ),
            SuppressedBy::Config { what } => what.clone(),
            SuppressedBy::Baseline => "accepted in the baseline".to_string(),
        }
    }
}

/// A finding the filter removed from the report, unchanged, with what removed it.
#[derive(Debug, Clone)]
pub struct Suppressed {
    pub finding: Finding,
    pub by: SuppressedBy,
}

// ---------------------------------------------------------------------------------------------
// Configuration-driven filtering.

pub use crate::paths::{PathGlob, relative_to};

/// Everything the configuration file asks of the scan and the filter. The default asks
/// nothing.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The directory globs are relative to (the configuration file's); the working directory
    /// when `None`.
    pub root: Option<PathBuf>,
    /// Rules not to report for some paths.
    pub per_path_ignores: Vec<(PathGlob, Vec<String>)>,
    /// Severity overrides by rule id, slug or prefix (the most specific match wins: id, then
    /// slug, then the longest prefix).
    pub severity: Vec<(String, Severity)>,
    /// Regular expressions: a secret finding whose offending text matches one is not reported.
    pub secrets_allow: Vec<Regex>,
    /// Container image registries that image rules accept.
    pub allowed_registries: Vec<String>,
    /// Report suppressions that matched no finding.
    pub report_unused: bool,
}

impl Policy {
    /// The path of a file relative to [`Policy::root`], with forward slashes, for glob matching.
    pub fn relative(&self, display: &str) -> String {
        relative_to(self.root.as_deref(), display)
    }

    /// The configured severity of a rule, if overridden.
    pub fn severity_of(&self, rule: &RuleMeta) -> Option<Severity> {
        let exact =
            self.severity.iter().find(|(n, _)| n.eq_ignore_ascii_case(&rule.id) || n.eq_ignore_ascii_case(&rule.slug));
        if let Some((_, s)) = exact {
            return Some(*s);
        }
        self.severity.iter().filter(|(n, _)| rule.matches(n)).max_by_key(|(n, _)| n.len()).map(|(_, s)| *s)
    }

    fn config_suppression(&self, f: &Finding, sources: &BTreeMap<Arc<str>, Arc<SourceFile>>) -> Option<String> {
        if !self.per_path_ignores.is_empty() {
            let rel = self.relative(&f.location.file);
            for (g, rules) in &self.per_path_ignores {
                if g.is_match(&rel) && rules.iter().any(|r| f.rule.matches(r)) {
                    return Some(format!("ignored for `{}` in the configuration", g.text));
                }
            }
        }
        if !self.secrets_allow.is_empty() && is_secret_rule(&f.rule) {
            let text = sources.get(&f.location.file).and_then(|s| span_text(s, f.location.span));
            if let Some(t) = text {
                let t = t.trim().trim_matches(['"', '\'']);
                if let Some(re) = self.secrets_allow.iter().find(|re| re.is_match(t)) {
                    return Some(format!("allowed by the secret allow-list (`{}`)", re.as_str()));
                }
            }
        }
        None
    }
}

/// Rules about hard-coded secrets (control IAM-09), which the secret allow-list applies to.
pub fn is_secret_rule(rule: &RuleMeta) -> bool {
    rule.controls.iter().any(|c| c == "IAM-09")
}

fn span_text(src: &SourceFile, span: Span) -> Option<&str> {
    src.text.get(span.start as usize..span.end as usize)
}

pub use crate::source::normalise;

// ---------------------------------------------------------------------------------------------
// Running the filter.

/// The result of filtering.
#[derive(Debug, Default)]
pub struct Filtered {
    /// Findings to report.
    pub kept: Vec<Finding>,
    /// Findings not reported, with the reason.
    pub suppressed: Vec<Suppressed>,
    /// Warnings about suppressions.
    pub diagnostics: Vec<Diagnostic>,
}

/// Applies severity overrides, inline suppressions and configuration ignores to `findings`.
/// `ran` are the rules that ran (a suppression of a rule that did not run is never "unused").
pub fn apply(
    findings: Vec<Finding>,
    suppressions: &[Suppression],
    policy: &Policy,
    ran: &[Arc<RuleMeta>],
    sources: &BTreeMap<Arc<str>, Arc<SourceFile>>,
) -> Filtered {
    let mut out = Filtered::default();
    let mut used = vec![false; suppressions.len()];
    let known = rules::all();
    for (i, s) in suppressions.iter().enumerate() {
        let warn = |message: crate::i18n::Message| Diagnostic {
            kind: DiagnosticKind::Suppression,
            file: s.file.clone(),
            line: s.at.line,
            col: s.at.col,
            message,
        };
        if s.rule.is_empty() {
            out.diagnostics.push(warn(msg!("diag-suppress-needs-rule", marker = COMMENT_MARKER)));
            used[i] = true;
            continue;
        }
        if !known.iter().any(|r| r.meta.matches(&s.rule)) && !ran.iter().any(|m| m.matches(&s.rule)) {
            out.diagnostics.push(warn(msg!("diag-suppress-unknown-rule", rule = s.rule)));
            used[i] = true;
            continue;
        }
        if s.reason.is_none() {
            out.diagnostics.push(warn(msg!("diag-suppress-no-reason", rule = s.rule)));
        }
    }
    // Suppressions indexed by (file, line) and (file, resource), so that filtering stays
    // linear however many suppressions a file holds.
    let mut by_line: HashMap<(&str, u32), Vec<usize>> = HashMap::new();
    let mut by_resource: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    // Line ranges too long to index line by line.
    let mut wide: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, s) in suppressions.iter().enumerate() {
        if s.rule.is_empty() {
            continue;
        }
        match &s.target {
            Target::Lines { first, last } if last.saturating_sub(*first) > 64 => {
                wide.entry(&s.file).or_default().push(i)
            }
            Target::Lines { first, last } => {
                for line in *first..=*last {
                    by_line.entry((&s.file, line)).or_default().push(i);
                }
            }
            Target::Resource(id) => by_resource.entry((&s.file, id.as_str())).or_default().push(i),
        }
    }
    // The findings kept stay where they are; the suppressed ones are taken out, each with
    // what suppressed it (in order).
    let mut findings = findings;
    let mut reasons = Vec::new();
    let removed: Vec<Finding> = findings
        .extract_if(.., |f| {
            if let Some(sev) = policy.severity_of(&f.rule) {
                f.severity = sev;
            }
            let mut by = None;
            let file: &str = &f.location.file;
            let candidates = by_line
                .get(&(file, f.location.span.line))
                .into_iter()
                .chain(f.resource.as_ref().and_then(|r| by_resource.get(&(file, r.id.as_ref()))))
                .chain(wide.get(file))
                .flatten()
                .copied()
                .collect::<Vec<usize>>();
            for i in candidates {
                let s = &suppressions[i];
                if covers(s, f) {
                    used[i] = true;
                    if by.is_none() {
                        by = Some(SuppressedBy::Inline {
                            origin: s.origin,
                            reason: s.reason.clone(),
                            at: Location::new(s.file.clone(), s.at),
                        });
                    }
                }
            }
            if by.is_none() {
                by = policy.config_suppression(f, sources).map(|what| SuppressedBy::Config { what });
            }
            match by {
                Some(by) => {
                    reasons.push(by);
                    true
                }
                None => false,
            }
        })
        .collect();
    out.suppressed = removed.into_iter().zip(reasons).map(|(finding, by)| Suppressed { finding, by }).collect();
    out.kept = findings;
    if policy.report_unused {
        for (i, s) in suppressions.iter().enumerate() {
            if used[i] || !ran.iter().any(|r| r.matches(&s.rule)) {
                continue;
            }
            out.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Suppression,
                file: s.file.clone(),
                line: s.at.line,
                col: s.at.col,
                message: msg!("diag-suppress-unused", rule = s.rule),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn globs_match_relative_paths() {
        let g = PathGlob::new("legacy/**").unwrap();
        assert!(g.is_match("legacy/a.yaml"));
        assert!(!g.is_match("new/legacy.yaml"));
        let g = PathGlob::new("*.json").unwrap();
        assert!(g.is_match("a.json") && g.is_match("x/y/a.json"));
        let g = PathGlob::new("vendor").unwrap();
        assert!(g.is_match("vendor/a.yaml") && g.is_match("x/vendor/a.yaml"));
        let g = PathGlob::new("stacks/prod-*.yaml").unwrap();
        assert!(g.is_match("stacks/prod-eu.yaml") && !g.is_match("stacks/x/prod-eu.yaml"));
        assert!(PathGlob::new("a[").is_err());
    }

    #[test]
    fn normalise_resolves_dots() {
        assert_eq!(normalise(std::path::Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}

#[cfg(test)]
mod policy_tests {
    use super::*;

    #[test]
    fn the_most_specific_severity_override_wins() {
        let p = Policy {
            severity: vec![
                ("PAL-S3".into(), Severity::Info),
                ("s3-versioning".into(), Severity::Critical),
                ("PAL".into(), Severity::Low),
            ],
            ..Policy::default()
        };
        assert_eq!(p.severity_of(&crate::rules::s3::versioning::RULE.meta.to_meta()), Some(Severity::Critical));
        assert_eq!(p.severity_of(&crate::rules::s3::access_logging::RULE.meta.to_meta()), Some(Severity::Info));
        assert_eq!(Policy::default().severity_of(&crate::rules::s3::access_logging::RULE.meta.to_meta()), None);
    }

    #[test]
    fn paths_are_made_relative_to_the_root() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(relative_to(Some(&cwd), "a/b.yaml"), "a/b.yaml");
        assert_eq!(relative_to(Some(&cwd.join("a")), "./a/b.yaml"), "b.yaml");
        assert_eq!(relative_to(Some(&cwd.join("x")), "a/b.yaml"), "a/b.yaml");
        assert_eq!(relative_to(None, "./a/b.yaml"), "a/b.yaml");
    }
}

#[cfg(test)]
mod apply_tests {
    use super::*;
    use crate::finding::ResourceRef;

    fn finding(file: &str, line: u32, resource: &str) -> Finding {
        let rule = std::sync::Arc::new(crate::rules::s3::versioning::RULE.meta.to_meta());
        Finding {
            severity: rule.severity,
            rule,
            template: "m".into(),
            location: Location::new(file.into(), Span { line, col: 1, ..Span::default() }),
            resource: Some(ResourceRef { id: resource.into(), kind: "AWS::S3::Bucket".into() }),
            related: crate::finding::RelatedList::new(),
            when: None,
            subject: None,
        }
    }

    fn sup(file: &str, rule: &str, target: Target) -> Suppression {
        Suppression {
            rule: rule.into(),
            reason: Some("r".into()),
            file: file.into(),
            target,
            at: Span { line: 1, col: 1, ..Span::default() },
            origin: Origin::Annotation,
        }
    }

    #[test]
    fn each_target_kind_matches_only_its_file_rule_and_place() {
        let sups = vec![
            sup("a.yaml", "PAL-S3-004", Target::Lines { first: 100, last: 5000 }),
            sup("a.yaml", "s3-versioning", Target::Resource("Kept".into())),
            sup("b.yaml", "PAL-S3", Target::Lines { first: 7, last: 8 }),
            sup("b.yaml", "PAL-S3-005", Target::Resource("Other".into())),
        ];
        let findings = vec![
            finding("a.yaml", 4000, "X"),  // wide range
            finding("a.yaml", 50, "Kept"), // resource
            finding("a.yaml", 50, "Y"),    // nothing
            finding("b.yaml", 8, "Z"),     // prefix on a line
            finding("b.yaml", 9, "Other"), // other rule on that resource
        ];
        let out = apply(findings, &sups, &Policy::default(), &[], &BTreeMap::new());
        let kept: Vec<(&str, u32)> = out.kept.iter().map(|f| (&*f.location.file, f.location.span.line)).collect();
        assert_eq!(kept, [("a.yaml", 50), ("b.yaml", 9)]);
        assert_eq!(&*out.kept[0].resource.as_ref().unwrap().id, "Y");
        assert_eq!(out.suppressed.len(), 3);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    }
}
