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
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobBuilder, GlobMatcher};
use regex::Regex;

use crate::finding::{Diagnostic, DiagnosticKind, Finding, Severity};
use crate::lower::cfn::Overrides;
use crate::rules::{self, RuleMeta};
use crate::scan::rule_matches;
use crate::source::{Location, SourceFile, Span};
use crate::value::{Kind, Node};

pub mod baseline;

/// Where a suppression is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// `# palisade:ignore RULE reason` on the line or the line above.
    Comment,
    /// A CloudFormation resource's `Metadata.palisade.ignore`.
    Metadata,
    /// A Kubernetes object's `palisade.dev/ignore` annotation.
    Annotation,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Comment => "comment",
            Origin::Metadata => "metadata",
            Origin::Annotation => "annotation",
        }
    }
}

/// What a suppression applies to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// Findings about this resource (logical id, or `kind/namespace/name`).
    Resource(String),
    /// Findings whose primary location starts on one of these lines (1-based, inclusive).
    Lines { first: u32, last: u32 },
}

/// One accepted risk written in a scanned file: a rule, the reason, and what it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The rule as written: an id, a slug or an id prefix.
    pub rule: String,
    /// Why the risk is accepted. A suppression without one still applies, with a warning.
    pub reason: Option<String>,
    /// The file the suppression is in and applies to.
    pub file: Arc<str>,
    pub target: Target,
    /// Where the suppression is written.
    pub at: Span,
    pub origin: Origin,
}

impl Suppression {
    fn covers(&self, f: &Finding) -> bool {
        if *self.file != *f.location.file || !rule_matches(f.rule, &self.rule) {
            return false;
        }
        match &self.target {
            Target::Resource(id) => f.resource.as_ref().is_some_and(|r| r.id == *id),
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
// Reading suppressions.

/// The marker that starts a suppression comment (after `#`).
pub const COMMENT_MARKER: &str = "palisade:ignore";

/// Suppression comments of a YAML file: `# palisade:ignore RULE[,RULE...] reason`.
///
/// A comment after some content applies to findings on its own line; a comment alone on its
/// line applies to the next line that is neither blank nor a comment (so several such
/// comments can be stacked above one line). Comments are not part of the parsed tree, so the
/// source lines are read directly; a `#` inside a quoted string is not a comment.
pub fn comment_suppressions(src: &SourceFile, file: &Arc<str>) -> Vec<Suppression> {
    if !src.text.contains(COMMENT_MARKER) {
        return Vec::new();
    }
    let lines: Vec<&str> = src.text.lines().collect();
    // For each line, the first line at or after it that is neither blank nor a comment.
    let mut next_content = vec![None; lines.len() + 1];
    for (j, l) in lines.iter().enumerate().rev() {
        let t = l.trim();
        next_content[j] = if !t.is_empty() && !t.starts_with('#') { Some(j as u32 + 1) } else { next_content[j + 1] };
    }
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(hash) = comment_start(line) else { continue };
        let body = line[hash + 1..].trim_start();
        let Some(rest) = body.strip_prefix(COMMENT_MARKER) else { continue };
        if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let line_no = i as u32 + 1;
        let own_line = line[..hash].trim().is_empty();
        let target_line = if own_line { next_content[i + 1].unwrap_or(line_no) } else { line_no };
        let start = src.line_start(line_no).unwrap_or(0) + hash as u32;
        let end = src.line_start(line_no).unwrap_or(0) + line.len() as u32;
        let at = src.span(start, end);
        let (rules, reason) = split_rules_reason(rest.trim());
        for rule in &rules {
            out.push(Suppression {
                rule: rule.clone(),
                reason: reason.clone(),
                file: file.clone(),
                target: Target::Lines { first: target_line, last: target_line },
                at,
                origin: Origin::Comment,
            });
        }
        if rules.is_empty() {
            // `# palisade:ignore` alone: reported as malformed by `apply` (empty rule).
            out.push(Suppression {
                rule: String::new(),
                reason,
                file: file.clone(),
                target: Target::Lines { first: target_line, last: target_line },
                at,
                origin: Origin::Comment,
            });
        }
    }
    out
}

/// Leaves out comment suppressions written inside multi-line strings of the parsed documents
/// (a shell script in `UserData` may well contain `# palisade:ignore`, but it is not a YAML
/// comment).
pub fn outside_strings(sups: Vec<Suppression>, roots: &[&Node]) -> Vec<Suppression> {
    if sups.is_empty() {
        return sups;
    }
    let mut ranges = Vec::new();
    let mut stack: Vec<&Node> = roots.to_vec();
    while let Some(n) = stack.pop() {
        match &n.kind {
            Kind::String(_) if n.span.end_line > n.span.line => ranges.push((n.span.line, n.span.end_line)),
            Kind::Seq(items) => stack.extend(items),
            Kind::Map(entries) => stack.extend(entries.iter().map(|e| &e.value)),
            _ => {}
        }
    }
    // Lines strictly after a string's first line, up to its last, as sorted disjoint ranges.
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::new();
    for (a, b) in ranges {
        let (a, b) = (a + 1, b);
        match merged.last_mut() {
            Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let inside = |line: u32| {
        let i = merged.partition_point(|&(a, _)| a <= line);
        i > 0 && line <= merged[i - 1].1
    };
    sups.into_iter().filter(|s| s.origin != Origin::Comment || !inside(s.at.line)).collect()
}

/// Byte index of the `#` that starts a YAML comment on this line, if any: at the start of
/// the line or after whitespace, and not inside a quoted scalar.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let (mut single, mut double) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\\' if double => i += 1,
            b'"' if !single => double = !double,
            b'\'' if !double => {
                // In single quotes, `''` is an escaped quote.
                if single && bytes.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else if single || i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b':' | b'[' | b'{' | b',' | b'-') {
                    single = !single;
                }
            }
            b'#' if !single && !double && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t')) => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Splits `RULE[,RULE] reason` (an optional `:` or `-` may separate the reason).
fn split_rules_reason(text: &str) -> (Vec<String>, Option<String>) {
    let mut rules = Vec::new();
    let mut rest = text.trim_start();
    loop {
        let end = rest.find(|c: char| c.is_whitespace() || c == ',').unwrap_or(rest.len());
        let tok = &rest[..end];
        let colon = tok.ends_with(':');
        let tok = tok.trim_end_matches(':');
        if !tok.is_empty() {
            rules.push(tok.to_string());
        }
        rest = rest[end..].trim_start();
        if colon {
            break;
        }
        match rest.strip_prefix(',') {
            Some(r) => rest = r.trim_start(),
            None => break,
        }
    }
    let reason = rest.trim_start_matches([':', '-', '\u{2014}', '\u{2013}']).trim();
    (rules, if reason.is_empty() { None } else { Some(reason.to_string()) })
}

/// Suppressions in CloudFormation resources' `Metadata`:
///
/// ```yaml
/// Metadata:
///   palisade:
///     ignore:
///       - id: PAL-S3-005
///         reason: access is logged by CloudTrail data events
/// ```
///
/// Each applies to findings about its resource. An item may also be a plain rule id (then it
/// has no reason). Malformed entries are returned as warnings.
pub fn metadata_suppressions<'a>(
    resources: impl IntoIterator<Item = (&'a str, &'a Node)>,
    file: &Arc<str>,
) -> (Vec<Suppression>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut warn = |span: Span, message: String| {
        warnings.push(Diagnostic {
            kind: DiagnosticKind::Suppression,
            file: file.clone(),
            line: span.line,
            col: span.col,
            message,
        })
    };
    for (id, node) in resources {
        let Some(p) = node.get("Metadata").and_then(|m| m.get("palisade")) else { continue };
        let Some(map) = p.as_map() else {
            warn(p.span, format!("`Metadata.palisade` of `{id}` must be a map with an `ignore` list"));
            continue;
        };
        for e in map {
            if e.key != "ignore" {
                warn(
                    e.key_span,
                    format!("unknown key `{}` in `Metadata.palisade` of `{id}` (expected `ignore`)", e.key),
                );
            }
        }
        let Some(list) = p.get("ignore") else { continue };
        let items: Vec<&Node> = match &list.kind {
            Kind::Seq(items) => items.iter().collect(),
            _ => vec![list],
        };
        for item in items {
            let (rule, reason) = match &item.kind {
                Kind::String(s) => (s.clone(), None),
                Kind::Map(entries) => {
                    for e in entries {
                        if e.key != "id" && e.key != "reason" {
                            warn(
                                e.key_span,
                                format!("unknown key `{}` in a suppression (expected `id` and `reason`)", e.key),
                            );
                        }
                    }
                    let Some(rule) = item.get("id").and_then(Node::as_str) else {
                        warn(item.span, "a suppression needs an `id` (the rule id or slug)".to_string());
                        continue;
                    };
                    let reason = item.get("reason").and_then(Node::scalar_text).map(|r| r.trim().to_string());
                    (rule.to_string(), reason.filter(|r| !r.is_empty()))
                }
                _ => {
                    warn(item.span, "a suppression must be a map with `id` and `reason`".to_string());
                    continue;
                }
            };
            out.push(Suppression {
                rule,
                reason,
                file: file.clone(),
                target: Target::Resource(id.to_string()),
                at: item.span,
                origin: Origin::Metadata,
            });
        }
    }
    (out, warnings)
}

/// Parses the value of a `palisade.dev/ignore` annotation: `"RULE: reason; RULE2: reason"`.
/// Returns (rule, reason) pairs; a reason may be missing (`"RULE"` or `"RULE:"`).
pub fn parse_annotation(value: &str) -> Vec<(String, Option<String>)> {
    value
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (rule, reason) = match part.split_once(':') {
                Some((r, reason)) => (r.trim(), reason.trim()),
                None => (part, ""),
            };
            (rule.to_string(), if reason.is_empty() { None } else { Some(reason.to_string()) })
        })
        .collect()
}

/// The annotation key that carries Kubernetes suppressions.
pub const ANNOTATION_KEY: &str = "palisade.dev/ignore";

/// Suppressions from the annotations of one Kubernetes object (key, value, span of the
/// value): each rule named in a `palisade.dev/ignore` annotation applies to findings about
/// `resource` (`kind/namespace/name`) in `file`.
pub fn annotation_suppressions<'a>(
    file: &Arc<str>,
    resource: &str,
    annotations: impl IntoIterator<Item = (&'a str, &'a str, Span)>,
) -> Vec<Suppression> {
    let mut out = Vec::new();
    for (key, value, span) in annotations {
        if key != ANNOTATION_KEY {
            continue;
        }
        for (rule, reason) in parse_annotation(value) {
            out.push(Suppression {
                rule,
                reason,
                file: file.clone(),
                target: Target::Resource(resource.to_string()),
                at: span,
                origin: Origin::Annotation,
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Configuration-driven filtering.

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

/// Everything the configuration file asks of the scan and the filter. The default asks
/// nothing.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The directory globs are relative to (the configuration file's); the working directory
    /// when `None`.
    pub root: Option<PathBuf>,
    /// Files to leave out.
    pub exclude: Vec<PathGlob>,
    /// Rules not to report for some paths.
    pub per_path_ignores: Vec<(PathGlob, Vec<String>)>,
    /// Severity overrides by rule id, slug or prefix (the most specific match wins: id, then
    /// slug, then the longest prefix).
    pub severity: Vec<(String, Severity)>,
    /// Regular expressions: a secret finding whose offending text matches one is not reported.
    pub secrets_allow: Vec<Regex>,
    /// Container image registries that image rules accept.
    pub allowed_registries: Vec<String>,
    /// Template parameter values for files matching a glob, in the order written (later
    /// globs win).
    pub parameters: Vec<(PathGlob, Overrides)>,
    /// Report suppressions that matched no finding.
    pub report_unused: bool,
}

impl Policy {
    /// The path of a file relative to [`Policy::root`], with forward slashes, for glob matching.
    pub fn relative(&self, display: &str) -> String {
        relative_to(self.root.as_deref(), display)
    }

    /// Is this file excluded by the configuration?
    pub fn excluded(&self, display: &str) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let rel = self.relative(display);
        self.exclude.iter().any(|g| g.is_match(&rel))
    }

    /// Parameter values for one file: the configured ones for matching globs, then `cli`
    /// (from `--parameters`) on top.
    pub fn parameters_for(&self, display: &str, cli: &Overrides) -> Option<Overrides> {
        if self.parameters.is_empty() {
            return None;
        }
        let rel = self.relative(display);
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

    /// The configured severity of a rule, if overridden.
    pub fn severity_of(&self, rule: &RuleMeta) -> Option<Severity> {
        let exact =
            self.severity.iter().find(|(n, _)| n.eq_ignore_ascii_case(rule.id) || n.eq_ignore_ascii_case(rule.slug));
        if let Some((_, s)) = exact {
            return Some(*s);
        }
        self.severity.iter().filter(|(n, _)| rule_matches(rule, n)).max_by_key(|(n, _)| n.len()).map(|(_, s)| *s)
    }

    fn config_suppression(&self, f: &Finding, sources: &BTreeMap<Arc<str>, Arc<SourceFile>>) -> Option<String> {
        if !self.per_path_ignores.is_empty() {
            let rel = self.relative(&f.location.file);
            for (g, rules) in &self.per_path_ignores {
                if g.is_match(&rel) && rules.iter().any(|r| rule_matches(f.rule, r)) {
                    return Some(format!("ignored for `{}` in the configuration", g.text));
                }
            }
        }
        if !self.secrets_allow.is_empty() && is_secret_rule(f.rule) {
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
    rule.controls.contains(&"IAM-09")
}

fn span_text(src: &SourceFile, span: Span) -> Option<&str> {
    src.text.get(span.start as usize..span.end as usize)
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

/// Removes `.` and resolves `..` lexically.
pub fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

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
    ran: &[&'static RuleMeta],
    sources: &BTreeMap<Arc<str>, Arc<SourceFile>>,
) -> Filtered {
    let mut out = Filtered::default();
    let mut used = vec![false; suppressions.len()];
    let known = rules::all();
    for (i, s) in suppressions.iter().enumerate() {
        let warn = |message: String| Diagnostic {
            kind: DiagnosticKind::Suppression,
            file: s.file.clone(),
            line: s.at.line,
            col: s.at.col,
            message,
        };
        if s.rule.is_empty() {
            out.diagnostics
                .push(warn(format!("`{COMMENT_MARKER}` needs a rule id: `# {COMMENT_MARKER} PAL-S3-001 reason`")));
            used[i] = true;
            continue;
        }
        if !known.iter().any(|r| rule_matches(&r.meta, &s.rule)) {
            out.diagnostics.push(warn(format!("suppression of unknown rule `{}`", s.rule)));
            used[i] = true;
            continue;
        }
        if s.reason.is_none() {
            out.diagnostics
                .push(warn(format!("suppression of `{}` has no reason: say why the risk is accepted", s.rule)));
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
    for mut f in findings {
        if let Some(sev) = policy.severity_of(f.rule) {
            f.severity = sev;
        }
        let mut by = None;
        let file: &str = &f.location.file;
        let candidates = by_line
            .get(&(file, f.location.span.line))
            .into_iter()
            .chain(f.resource.as_ref().and_then(|r| by_resource.get(&(file, r.id.as_str()))))
            .chain(wide.get(file))
            .flatten()
            .copied()
            .collect::<Vec<usize>>();
        for i in candidates {
            let s = &suppressions[i];
            if s.covers(&f) {
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
            by = policy.config_suppression(&f, sources).map(|what| SuppressedBy::Config { what });
        }
        match by {
            Some(by) => out.suppressed.push(Suppressed { finding: f, by }),
            None => out.kept.push(f),
        }
    }
    if policy.report_unused {
        for (i, s) in suppressions.iter().enumerate() {
            if used[i] || !ran.iter().any(|r| rule_matches(r, &s.rule)) {
                continue;
            }
            out.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Suppression,
                file: s.file.clone(),
                line: s.at.line,
                col: s.at.col,
                message: format!("unused suppression: `{}` reports nothing here", s.rule),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sups(text: &str) -> Vec<(String, Option<String>, Target)> {
        let src = SourceFile::new("t.yaml", text.to_string());
        comment_suppressions(&src, &Arc::from("t.yaml")).into_iter().map(|s| (s.rule, s.reason, s.target)).collect()
    }

    fn lines(n: u32) -> Target {
        Target::Lines { first: n, last: n }
    }

    #[test]
    fn trailing_comment_covers_its_line() {
        let got = sups("a:\n  b: false # palisade:ignore PAL-S3-001 demo bucket\n");
        assert_eq!(got, vec![("PAL-S3-001".into(), Some("demo bucket".into()), lines(2))]);
    }

    #[test]
    fn comment_alone_covers_the_next_content_line() {
        let got = sups("# palisade:ignore PAL-S3-001 first\n\n# palisade:ignore s3-versioning: second\nBucket:\n");
        assert_eq!(
            got,
            vec![
                ("PAL-S3-001".into(), Some("first".into()), lines(4)),
                ("s3-versioning".into(), Some("second".into()), lines(4)),
            ]
        );
    }

    #[test]
    fn several_rules_and_no_reason() {
        let got = sups("x: 1 # palisade:ignore PAL-S3-001, PAL-S3-004\n");
        assert_eq!(got, vec![("PAL-S3-001".into(), None, lines(1)), ("PAL-S3-004".into(), None, lines(1))]);
        let got = sups("x: 1 # palisade:ignore PAL-S3-001,PAL-S3-004 - shared reason\n");
        assert_eq!(got[1], ("PAL-S3-004".into(), Some("shared reason".into()), lines(1)));
    }

    #[test]
    fn hash_inside_quotes_or_words_is_not_a_comment() {
        assert!(sups("a: \"x # palisade:ignore PAL-S3-001 r\"\n").is_empty());
        assert!(sups("a: 'x # palisade:ignore PAL-S3-001 r'\n").is_empty());
        assert!(sups("a: x#palisade:ignore PAL-S3-001 r\n").is_empty());
        assert!(sups("a: x # palisade:ignored PAL-S3-001 r\n").is_empty());
        assert_eq!(sups("a: \"it's\" # palisade:ignore PAL-S3-001 r\n").len(), 1);
        assert_eq!(sups("a: don't # palisade:ignore PAL-S3-001 r\n").len(), 1);
    }

    #[test]
    fn comments_inside_block_strings_are_not_suppressions() {
        let text = "a:\n  s: |\n    echo hi # palisade:ignore PAL-S3-001 not yaml\n    # palisade:ignore PAL-S3-002 nor this\n  t: 1 # palisade:ignore PAL-S3-004 real\n";
        let src = SourceFile::new("t.yaml", text.to_string());
        let docs = crate::parse::parse_yaml(&src, &Default::default()).unwrap();
        let all = comment_suppressions(&src, &Arc::from("t.yaml"));
        assert_eq!(all.len(), 3);
        let kept = outside_strings(all, &[&docs[0].root]);
        assert_eq!(kept.iter().map(|s| s.rule.as_str()).collect::<Vec<_>>(), ["PAL-S3-004"]);
    }

    #[test]
    fn bare_marker_is_kept_as_malformed() {
        let got = sups("a: 1 # palisade:ignore\n");
        assert_eq!(got, vec![(String::new(), None, lines(1))]);
    }

    #[test]
    fn annotation_values() {
        assert_eq!(
            parse_annotation("PAL-K8S-001: runs as root by design; PAL-K8S-002 ;PAL-K8S-003:"),
            vec![
                ("PAL-K8S-001".into(), Some("runs as root by design".into())),
                ("PAL-K8S-002".into(), None),
                ("PAL-K8S-003".into(), None),
            ]
        );
        assert!(parse_annotation(" ; ").is_empty());
    }

    #[test]
    fn annotations_become_resource_suppressions() {
        let file: Arc<str> = Arc::from("deploy.yaml");
        let span = Span { line: 7, col: 5, ..Span::default() };
        let got = annotation_suppressions(
            &file,
            "Deployment/web/api",
            [("app.kubernetes.io/name", "api", span), (ANNOTATION_KEY, "PAL-K8S-001: legacy image; PAL-K8S-002", span)],
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].target, Target::Resource("Deployment/web/api".into()));
        assert_eq!(got[0].reason.as_deref(), Some("legacy image"));
        assert_eq!((got[1].reason.as_deref(), got[1].origin, got[1].at.line), (None, Origin::Annotation, 7));
    }

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
        assert_eq!(normalise(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
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
        assert_eq!(p.severity_of(&crate::rules::s3::VERSIONING.meta), Some(Severity::Critical));
        assert_eq!(p.severity_of(&crate::rules::s3::ACCESS_LOGGING.meta), Some(Severity::Info));
        assert_eq!(Policy::default().severity_of(&crate::rules::s3::ACCESS_LOGGING.meta), None);
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
        let rule = &crate::rules::s3::VERSIONING.meta;
        Finding {
            rule,
            severity: rule.severity,
            message: "m".into(),
            location: Location::new(file.into(), Span { line, col: 1, ..Span::default() }),
            resource: Some(ResourceRef { id: resource.into(), kind: "AWS::S3::Bucket".into() }),
            related: Vec::new(),
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
        assert_eq!(out.kept[0].resource.as_ref().unwrap().id, "Y");
        assert_eq!(out.suppressed.len(), 3);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    }
}
