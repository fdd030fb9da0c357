//! Suppressions: accepted risks written in the scanned files.
//!
//! The syntax belongs to the input languages: a comment `# palisade:ignore RULE reason` on
//! or above a line (YAML and JSON-with-comments files alike, read here), a CloudFormation
//! resource's `Metadata` (read by the CloudFormation frontend), a Kubernetes annotation (read
//! by the Kubernetes frontend). Each becomes a [`Suppression`]; the filter stage applies them.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::source::{SourceFile, Span};
use crate::value::{Kind, Node};

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
    comment_suppressions_in(src, file, Comments::Yaml)
}

/// How a language writes comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comments {
    /// `#`, outside single- and double-quoted strings (YAML, and JSON files read as YAML).
    Yaml,
    /// `#` or `//`, outside double-quoted strings (HCL).
    Hcl,
}

/// [`comment_suppressions`] for a language that writes comments as `syntax` says.
pub fn comment_suppressions_in(src: &SourceFile, file: &Arc<str>, syntax: Comments) -> Vec<Suppression> {
    if !src.text.contains(COMMENT_MARKER) {
        return Vec::new();
    }
    let lines: Vec<&str> = src.lines().collect();
    let is_comment = |t: &str| t.starts_with('#') || (syntax == Comments::Hcl && t.starts_with("//"));
    // For each line, the first line at or after it that is neither blank nor a comment.
    let mut next_content = vec![None; lines.len() + 1];
    for (j, l) in lines.iter().enumerate().rev() {
        let t = l.trim();
        next_content[j] = if !t.is_empty() && !is_comment(t) { Some(j as u32 + 1) } else { next_content[j + 1] };
    }
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let opener = match syntax {
            Comments::Yaml => comment_start(line).map(|at| (at, 1)),
            Comments::Hcl => hcl_comment_start(line),
        };
        let Some((hash, len)) = opener else { continue };
        let body = line[hash + len..].trim_start();
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
/// Where an HCL comment starts on a line (`#` or `//` at the start or after a blank, outside
/// double-quoted strings), with the opener's length.
fn hcl_comment_start(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let after_blank = i == 0 || matches!(bytes[i - 1], b' ' | b'\t');
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'#' if !in_string && after_blank => return Some((i, 1)),
            b'/' if !in_string && after_blank && bytes.get(i + 1) == Some(&b'/') => return Some((i, 2)),
            _ => {}
        }
        i += 1;
    }
    None
}

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
    let mut warn = |span: Span, message: crate::i18n::Message| {
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
            warn(p.span, msg!("diag-suppress-metadata-not-map", id = id));
            continue;
        };
        for e in map {
            if e.key != "ignore" {
                warn(e.key_span, msg!("diag-suppress-metadata-unknown-key", key = e.key, id = id));
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
                            warn(e.key_span, msg!("diag-suppress-unknown-key", key = e.key));
                        }
                    }
                    let Some(rule) = item.get("id").and_then(Node::as_str) else {
                        warn(item.span, msg!("diag-suppress-needs-id"));
                        continue;
                    };
                    let reason = item.get("reason").and_then(Node::scalar_text).map(|r| r.trim().to_string());
                    (rule.to_string(), reason.filter(|r| !r.is_empty()))
                }
                _ => {
                    warn(item.span, msg!("diag-suppress-not-map"));
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
    fn hcl_comments_start_with_a_hash_or_two_slashes_outside_strings() {
        let text = "// palisade:ignore PAL-S3-004 first\n\n# palisade:ignore PAL-S3-001 second\nresource \"x\" \"y\" {\n  a = \"http://h // palisade:ignore PAL-X\"\n  b = 1 // palisade:ignore PAL-S3-002 third\n}\n";
        let src = SourceFile::new("t.tf", text.to_string());
        let got: Vec<(String, Target)> = comment_suppressions_in(&src, &Arc::from("t.tf"), Comments::Hcl)
            .into_iter()
            .map(|s| (s.rule, s.target))
            .collect();
        assert_eq!(
            got,
            vec![("PAL-S3-004".into(), lines(4)), ("PAL-S3-001".into(), lines(4)), ("PAL-S3-002".into(), lines(6))]
        );
        // In YAML, `//` opens no comment.
        assert!(sups("a: 1 // palisade:ignore PAL-S3-001 no\n").is_empty());
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
}
