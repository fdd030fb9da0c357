//! Mechanical fixes, shown with `--show-fixes` as a unified diff against the scanned file.
//!
//! A fix is a set of text edits at the right indentation, never a re-serialisation, so
//! comments, quoting, key order and blank lines are kept. Fixes exist for findings whose
//! remedy is one setting:
//!
//! | rule | edit |
//! |---|---|
//! | PAL-S3-001 | `PublicAccessBlockConfiguration` with its four settings `true` |
//! | PAL-S3-004 | `VersioningConfiguration.Status: Enabled` |
//! | PAL-RDS-001 | `StorageEncrypted: true` |
//! | PAL-KMS-001 | `EnableKeyRotation: true` |
//!
//! Missing keys are added after the last key of their map, at that map's indentation; a value
//! that is a plain scalar is replaced in place. YAML and JSON templates are both fixed, JSON
//! when each key of the map stands on its own line. Nothing is offered when the value is
//! computed (`!Ref`, `Fn::If`, ...), for YAML maps written in flow style (`{...}`), and for
//! resources produced by `Fn::ForEach`. Every fixed file is parsed again before the fix is
//! offered.
//!
//! Why no crate does this: no maintained YAML crate edits a document in place, and the
//! serde-based ones re-serialise the whole file, losing comments, quoting, anchors and
//! CloudFormation's short-form tags, which a fix must leave untouched. Edits placed by the
//! parser's byte ranges keep every other byte of the file as it was.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::finding::Finding;
use crate::parse::{self, Limits};
use crate::source::SourceFile;
use crate::value::{Kind, Node};

/// What a fix wants under a map key.
#[derive(Debug, Clone, PartialEq)]
enum Want {
    /// A scalar, as YAML text.
    Scalar(&'static str),
    /// A map with these entries.
    Map(Vec<(&'static str, Want)>),
}

/// The settings that fix a rule's findings on a resource, under the resource's definition.
fn wanted(rule_id: &str) -> Option<Want> {
    let props = |entries: Vec<(&'static str, Want)>| Want::Map(vec![("Properties", Want::Map(entries))]);
    let t = || Want::Scalar("true");
    match rule_id {
        "PAL-S3-001" => Some(props(vec![(
            "PublicAccessBlockConfiguration",
            Want::Map(vec![
                ("BlockPublicAcls", t()),
                ("BlockPublicPolicy", t()),
                ("IgnorePublicAcls", t()),
                ("RestrictPublicBuckets", t()),
            ]),
        )])),
        "PAL-S3-004" => {
            Some(props(vec![("VersioningConfiguration", Want::Map(vec![("Status", Want::Scalar("Enabled"))]))]))
        }
        "PAL-RDS-001" => Some(props(vec![("StorageEncrypted", t())])),
        "PAL-KMS-001" => Some(props(vec![("EnableKeyRotation", t())])),
        _ => None,
    }
}

/// Does `rule_id` have a mechanical fix?
pub fn has_fix(rule_id: &str) -> bool {
    FIXED_RULES.contains(&rule_id)
}

/// The rules [`wanted`] has settings for.
const FIXED_RULES: &[&str] = &["PAL-S3-001", "PAL-S3-004", "PAL-RDS-001", "PAL-KMS-001"];

fn merge(a: &mut Want, b: Want) {
    match (a, b) {
        (Want::Map(x), Want::Map(y)) => {
            for (k, v) in y {
                match x.iter_mut().find(|(kk, _)| *kk == k) {
                    Some((_, existing)) => merge(existing, v),
                    None => x.push((k, v)),
                }
            }
        }
        (a, b) => *a = b,
    }
}

/// A text replacement: bytes `start..end` become `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A (resource id, rule id) pair whose findings a fix removes.
pub type Fixed = (Arc<str>, crate::rules::Text);

/// The fixes for one file.
#[derive(Debug, Clone)]
pub struct FileFix {
    pub file: Arc<str>,
    /// Rules whose findings the fix removes.
    pub rules: Vec<String>,
    /// Resources it touches.
    pub resources: Vec<Arc<str>>,
    /// (resource, rule) pairs whose findings it removes, in order.
    pub fixed: Vec<Fixed>,
    pub edits: Vec<Edit>,
    /// The file after the fix.
    pub text: String,
    /// A unified diff (`a/FILE`, `b/FILE`) that `git apply` and `patch -p1` accept.
    pub diff: String,
}

/// Applies non-overlapping edits.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(text.len() + 256);
    let mut pos = 0;
    for e in sorted {
        if e.start < pos || e.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.text);
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// How long the search for the smallest diff of one file may take. The search costs the
/// file's length times the number of changed lines: a file with tens of thousands of fixes
/// would take minutes. Past this time the diff found so far is completed plainly: still a
/// correct patch, only not always the shortest.
const DIFF_SEARCH: std::time::Duration = std::time::Duration::from_millis(500);

/// The unified diff between two versions of a file.
pub fn unified_diff(file: &str, old: &str, new: &str) -> String {
    similar::TextDiff::configure()
        .deadline(std::time::Instant::now() + DIFF_SEARCH)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{file}"), &format!("b/{file}"))
        .to_string()
}

/// The fixes for `findings` (already filtered), for files whose source is in `files`.
pub fn fixes(findings: &[Finding], files: &BTreeMap<Arc<str>, Arc<SourceFile>>) -> Vec<FileFix> {
    fixes_with(findings, files, Detail::Full)
}

fn fixes_with(findings: &[Finding], files: &BTreeMap<Arc<str>, Arc<SourceFile>>, detail: Detail) -> Vec<FileFix> {
    // (file, resource, rule) of each finding that has a fix, borrowed from the findings: a scan
    // can have hundreds of thousands.
    let mut fixable: Vec<(&str, &Arc<str>, &crate::rules::Text)> = findings
        .iter()
        .filter_map(|f| {
            let res = f.resource.as_ref()?;
            has_fix(&f.rule.id).then_some((&*f.location.file, &res.id, &f.rule.id))
        })
        .collect();
    fixable.sort_unstable_by(|a, b| (a.0, &**a.1, a.2).cmp(&(b.0, &**b.1, b.2)));
    fixable.dedup_by(|a, b| (a.0, &**a.1, a.2) == (b.0, &**b.1, b.2));
    let mut out = Vec::new();
    for of_file in fixable.chunk_by(|a, b| a.0 == b.0) {
        let file = of_file[0].0;
        let Some(src) = files.get(file) else { continue };
        let pairs: Vec<(&Arc<str>, &crate::rules::Text)> = of_file.iter().map(|&(_, id, rule)| (id, rule)).collect();
        if let Some(fix) = fix_file(file, src, &pairs, detail) {
            out.push(fix);
        }
    }
    out
}

fn is_json(src: &SourceFile) -> bool {
    let ext = src.path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    ext == "json" || (ext != "yaml" && ext != "yml" && src.text.trim_start().starts_with('{'))
}

/// The syntax of the file being fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Json,
}

fn parse_as(syntax: Syntax, src: &SourceFile, limits: &Limits) -> Option<Vec<crate::value::Document>> {
    match syntax {
        Syntax::Yaml => parse::parse_yaml(src, limits).ok(),
        Syntax::Json => parse::parse_json(src, limits).ok().map(|d| vec![d]),
    }
}

fn fix_file(
    file: &str,
    src: &SourceFile,
    pairs_wanted: &[(&Arc<str>, &crate::rules::Text)],
    detail: Detail,
) -> Option<FileFix> {
    let syntax = if is_json(src) { Syntax::Json } else { Syntax::Yaml };
    let limits = Limits::default();
    let docs = parse_as(syntax, src, &limits)?;
    let mut edits = Vec::new();
    let mut rules = BTreeSet::new();
    let mut resources = Vec::new();
    let mut pairs = Vec::new();
    // Each resource by its id, the first document's first entry winning (as a lookup would).
    let mut by_id: std::collections::HashMap<&str, &Node> = std::collections::HashMap::new();
    for d in &docs {
        for e in d.root.get("Resources").and_then(Node::as_map).unwrap_or_default() {
            by_id.entry(e.key.as_str()).or_insert(&e.value);
        }
    }
    // In order of resource, then rule: each resource's rules together.
    for of_resource in pairs_wanted.chunk_by(|a, b| a.0 == b.0) {
        let id = of_resource[0].0;
        let Some(&node) = by_id.get(&**id) else { continue };
        let merged = of_resource.iter().filter_map(|&(_, rule)| wanted(rule)).reduce(|mut a, b| {
            merge(&mut a, b);
            a
        });
        let Some(Want::Map(entries)) = &merged else { continue };
        let step = indent_step(src, node).unwrap_or(2);
        let mut mine = Vec::new();
        if ensure(src, syntax, node, entries, step, &mut mine) && !mine.is_empty() {
            // Counting needs only to know that the resource has edits.
            if detail == Detail::Full || edits.is_empty() {
                edits.extend(mine);
            }
            rules.extend(of_resource.iter().map(|&(_, rule)| &**rule));
            resources.push(id.clone());
            pairs.extend(of_resource.iter().map(|&(_, rule)| (id.clone(), rule.clone())));
        }
    }
    if edits.is_empty() {
        return None;
    }
    // The parsed file is not needed any more: only one tree at a time is held.
    drop(by_id);
    drop(docs);
    let (edits, fixed, diff) = match detail {
        Detail::Full => {
            let fixed = apply_edits(&src.text, &edits);
            // Offer only a fix that still parses.
            let check = SourceFile::new(src.path.clone(), fixed);
            parse_as(syntax, &check, &limits)?;
            let diff = unified_diff(file, &src.text, &check.text);
            (edits, check.text, diff)
        }
        Detail::Count => (Vec::new(), String::new(), String::new()),
    };
    // In order already (resources by id, then rules by id); sorting only makes sure.
    pairs.sort_unstable();
    Some(FileFix {
        file: file.into(),
        rules: rules.into_iter().map(str::to_string).collect(),
        resources,
        fixed: pairs,
        edits,
        text: fixed,
        diff,
    })
}

/// The number of columns one nesting level adds in this resource: the column of its
/// entries minus the column of its logical id (found as the key just above).
fn indent_step(src: &SourceFile, resource: &Node) -> Option<usize> {
    let entries = resource.as_map()?;
    let first = entries.first()?;
    let child = first.key_span.col as usize;
    // The resource's own key is on an earlier line, less indented.
    let mut line = first.key_span.line.checked_sub(1)?;
    while line >= 1 {
        let t = src.line_text(line)?;
        let trimmed = t.trim_start();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            let col = t[..t.len() - trimmed.len()].chars().count() + 1;
            return child.checked_sub(col).filter(|&s| s > 0);
        }
        line -= 1;
    }
    None
}

/// Is this map written with each key starting its own line, at one indentation (and, for
/// YAML, in block style)?
fn is_block_map(src: &SourceFile, syntax: Syntax, node: &Node) -> bool {
    let Some(entries) = node.as_map() else { return false };
    let Some(first) = entries.first() else { return false };
    let brace = src.text.as_bytes().get(node.span.start as usize) == Some(&b'{');
    if brace != (syntax == Syntax::Json) {
        return false;
    }
    // What comes before each key on its line (trimming stops at the first other character, so
    // keys far into a long line cost nothing).
    entries.iter().all(|e| {
        e.key_span.col == first.key_span.col
            && src
                .line_start(e.key_span.line)
                .and_then(|start| src.text.get(start as usize..e.key_span.start as usize))
                .is_some_and(|before| matches!(before.trim(), "" | "-"))
    })
}

fn scalar_matches(node: &Node, want: &str) -> bool {
    match &node.kind {
        Kind::Bool(b) => want.eq_ignore_ascii_case(if *b { "true" } else { "false" }),
        Kind::String(s) => s == want || (matches!(want, "true" | "false") && s.eq_ignore_ascii_case(want)),
        Kind::Number(n) => n == want,
        _ => false,
    }
}

/// Adds the edits that make `map` hold `entries`. False when that cannot be done
/// mechanically.
fn ensure(
    src: &SourceFile,
    syntax: Syntax,
    map: &Node,
    entries: &[(&'static str, Want)],
    step: usize,
    edits: &mut Vec<Edit>,
) -> bool {
    if !is_block_map(src, syntax, map) {
        return false;
    }
    let mut missing: Vec<&(&str, Want)> = Vec::new();
    for entry in entries {
        let (key, want) = entry;
        let Some(e) = map.entry(key) else {
            missing.push(entry);
            continue;
        };
        match want {
            Want::Scalar(v) => match &e.value.kind {
                Kind::Bool(_) | Kind::String(_) | Kind::Number(_) | Kind::Null => {
                    if scalar_matches(&e.value, v) {
                        continue;
                    }
                    let text = src.text.get(e.value.span.start as usize..e.value.span.end as usize).unwrap_or("");
                    // Only a plain or quoted one-line scalar is replaced (not a tagged value or
                    // a block scalar); an empty value (`Key:`) gets the value after the colon.
                    if text.contains('\n') || text.starts_with(['!', '|', '>', '&', '*']) {
                        return false;
                    }
                    if syntax == Syntax::Json {
                        let (start, end) = (e.value.span.start as usize, e.value.span.end as usize);
                        edits.push(Edit { start, end, text: json_scalar(v) });
                    } else if matches!(e.value.kind, Kind::Null) && text.is_empty() {
                        let at = e.key_span.end as usize;
                        let colon = src.text[at..].find(':').map(|i| at + i + 1);
                        let Some(colon) = colon else { return false };
                        edits.push(Edit { start: colon, end: colon, text: format!(" {v}") });
                    } else {
                        let start = e.value.span.start as usize;
                        edits.push(Edit { start, end: start + scalar_len(text), text: v.to_string() });
                    }
                }
                _ => return false,
            },
            Want::Map(sub) => match &e.value.kind {
                Kind::Map(_) => {
                    if !ensure(src, syntax, &e.value, sub, step, edits) {
                        return false;
                    }
                }
                _ => return false,
            },
        }
    }
    if missing.is_empty() {
        return true;
    }
    let Some(last) = map.as_map().and_then(|m| m.last()) else { return false };
    let indent = last.key_span.col.saturating_sub(1) as usize;
    if syntax == Syntax::Json {
        // After the last value: `,` and the new entries, one per line.
        let mut text = String::new();
        for (key, want) in missing {
            text.push_str(",\n");
            render_json(&mut text, key, want, indent, step);
        }
        let at = last.value.span.end as usize;
        edits.push(Edit { start: at, end: at, text });
        return true;
    }
    // Insert after the last non-blank byte of the map's last value, at the start of the next
    // line (after a trailing comment on that line, if any).
    let end = (last.value.span.end.max(last.key_span.end) as usize).min(src.text.len());
    let content_end = src.text[..end].trim_end().len();
    // The line ends at the first line terminator (`\n`, `\r\n` or a lone `\r`): only that
    // line is searched, whatever the file's line endings.
    let rest = &src.text[content_end..];
    let line_end = memchr::memchr2(b'\n', b'\r', rest.as_bytes()).map(|i| {
        let eol = if rest[i..].starts_with("\r\n") { "\r\n" } else { &rest[i..i + 1] };
        (content_end + i + eol.len(), eol)
    });
    let mut text = String::new();
    let (at, eol) = match line_end {
        Some((at, eol)) => (at, eol),
        None => {
            let eol = line_terminator(&src.text);
            text.push_str(eol);
            (src.text.len(), eol)
        }
    };
    let mut added = String::new();
    for (key, want) in missing {
        render(&mut added, key, want, indent, step);
    }
    // The new lines end as the file's own do.
    if eol == "\n" {
        text.push_str(&added);
    } else {
        text.push_str(&added.replace('\n', eol));
    }
    edits.push(Edit { start: at, end: at, text });
    true
}

/// The terminator of the first line of `text` (`\n` when it has a single line).
fn line_terminator(text: &str) -> &'static str {
    match memchr::memchr2(b'\n', b'\r', text.as_bytes()) {
        Some(i) if text[i..].starts_with("\r\n") => "\r\n",
        Some(i) if text.as_bytes()[i] == b'\r' => "\r",
        _ => "\n",
    }
}

/// The length of the scalar written at the start of `text`: a quoted scalar ends at its
/// closing quote (the parser's span of a quoted scalar may run on over a trailing comment), a
/// plain one at ` #` or the end.
fn scalar_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    match bytes.first() {
        Some(b'\'') => {
            let mut i = 1;
            while i < bytes.len() {
                if bytes[i] == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i += 1;
            }
            text.len()
        }
        Some(b'"') => {
            let mut i = 1;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 2,
                    b'"' => return i + 1,
                    _ => i += 1,
                }
            }
            text.len()
        }
        _ => text[..text.find(" #").unwrap_or(text.len())].trim_end().len(),
    }
}

/// A JSON scalar: booleans and numbers as they are, anything else as a string.
fn json_scalar(v: &str) -> String {
    if matches!(v, "true" | "false") || v.parse::<f64>().is_ok() {
        v.to_string()
    } else {
        serde_json::Value::String(v.to_string()).to_string()
    }
}

fn render_json(out: &mut String, key: &str, want: &Want, indent: usize, step: usize) {
    let pad = " ".repeat(indent);
    let key = serde_json::Value::String(key.to_string());
    match want {
        Want::Scalar(v) => out.push_str(&format!("{pad}{key}: {}", json_scalar(v))),
        Want::Map(entries) => {
            out.push_str(&format!("{pad}{key}: {{\n"));
            for (i, (k, w)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                render_json(out, k, w, indent + step, step);
            }
            out.push_str(&format!("\n{pad}}}"));
        }
    }
}

fn render(out: &mut String, key: &str, want: &Want, indent: usize, step: usize) {
    let pad = " ".repeat(indent);
    match want {
        Want::Scalar(v) => out.push_str(&format!("{pad}{key}: {v}\n")),
        Want::Map(entries) => {
            out.push_str(&format!("{pad}{key}:\n"));
            for (k, w) in entries {
                render(out, k, w, indent + step, step);
            }
        }
    }
}

/// [`fixes`] for findings sorted by file, each file's in parallel (a file's fixes depend only
/// on its own findings); nothing is computed when no finding has a fix.
pub fn fixes_by_file(findings: &[Finding], files: &BTreeMap<Arc<str>, Arc<SourceFile>>) -> Vec<FileFix> {
    fixes_by_file_with(findings, files, Detail::Full)
}

/// What a computed fix keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything: the edits, the fixed text and the diff.
    Full,
    /// Which findings it removes only (its edits, text and diff left empty), for a report that
    /// counts them as a hint: the fixed text is neither built nor parsed again to check it (a
    /// file of a hundred thousand resources would need its whole tree once more).
    Count,
}

/// [`fixes_by_file`], keeping `detail` of each fix.
pub fn fixes_by_file_with(
    findings: &[Finding],
    files: &BTreeMap<Arc<str>, Arc<SourceFile>>,
    detail: Detail,
) -> Vec<FileFix> {
    use rayon::prelude::*;
    if !findings.iter().any(|f| f.resource.is_some() && has_fix(&f.rule.id)) {
        return Vec::new();
    }
    let per_file: Vec<&[Finding]> = findings.chunk_by(|a, b| a.location.file == b.location.file).collect();
    per_file.par_iter().flat_map_iter(|findings| fixes_with(findings, files, detail)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str, id: &str, rule: &str) -> Option<String> {
        let src = SourceFile::new("t.yaml", text.to_string());
        let (id, rule): (Arc<str>, crate::rules::Text) = (id.into(), rule.to_string().into());
        let per = [(&id, &rule)];
        fix_file("t.yaml", &src, &per, Detail::Full).map(|f| f.text)
    }

    #[test]
    fn adds_properties_to_a_bare_resource() {
        let got =
            fix("Resources:\n  B:\n    Type: AWS::S3::Bucket\n  C:\n    Type: AWS::SNS::Topic\n", "B", "PAL-S3-004");
        assert_eq!(
            got.as_deref(),
            Some(
                "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n  C:\n    Type: AWS::SNS::Topic\n"
            )
        );
    }

    #[test]
    fn new_lines_end_as_the_file_s_lines_do() {
        for eol in ["\r", "\r\n"] {
            let text =
                "Resources:\n  B:\n    Type: AWS::S3::Bucket\n  C:\n    Type: AWS::SNS::Topic\n".replace('\n', eol);
            let got = fix(&text, "B", "PAL-S3-004");
            let want = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: Enabled\n  C:\n    Type: AWS::SNS::Topic\n";
            assert_eq!(got.as_deref(), Some(want.replace('\n', eol).as_str()), "{eol:?}");
        }
        // The last line without a terminator: the file's own ends the line before the new ones.
        let got = fix("Resources:\r  B:\r    Type: AWS::S3::Bucket", "B", "PAL-S3-004");
        assert_eq!(
            got.as_deref(),
            Some(
                "Resources:\r  B:\r    Type: AWS::S3::Bucket\r    Properties:\r      VersioningConfiguration:\r        Status: Enabled\r"
            )
        );
    }

    #[test]
    fn keeps_comments_and_replaces_values_in_place() {
        let text = "Resources:\n  # the key\n  K:\n    Type: AWS::KMS::Key # trailing\n    Properties:\n      EnableKeyRotation: false # was off\n";
        let got = fix(text, "K", "PAL-KMS-001").unwrap();
        assert_eq!(got, text.replace("EnableKeyRotation: false", "EnableKeyRotation: true"));
    }

    #[test]
    fn completes_a_partial_map_at_its_indentation() {
        let text = "Resources:\n    B:\n        Type: AWS::S3::Bucket\n        Properties:\n            PublicAccessBlockConfiguration:\n                BlockPublicAcls: true\n                BlockPublicPolicy: 'false'\n";
        let got = fix(text, "B", "PAL-S3-001").unwrap();
        assert_eq!(
            got,
            "Resources:\n    B:\n        Type: AWS::S3::Bucket\n        Properties:\n            PublicAccessBlockConfiguration:\n                BlockPublicAcls: true\n                BlockPublicPolicy: true\n                IgnorePublicAcls: true\n                RestrictPublicBuckets: true\n"
        );
    }

    #[test]
    fn no_fix_for_computed_values_or_flow_maps() {
        assert_eq!(
            fix(
                "Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: !Ref Enc\n",
                "D",
                "PAL-RDS-001"
            ),
            None
        );
        assert_eq!(
            fix(
                "Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties: {Engine: mysql}\n",
                "D",
                "PAL-RDS-001"
            ),
            None
        );
    }

    #[test]
    fn file_without_final_newline() {
        let got = fix("Resources:\n  D:\n    Type: AWS::RDS::DBInstance", "D", "PAL-RDS-001").unwrap();
        assert_eq!(
            got,
            "Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: true\n"
        );
    }

    #[test]
    fn quoted_values_are_replaced_up_to_their_closing_quote() {
        assert_eq!(scalar_len("'fa''lse'   # c"), 9);
        assert_eq!(scalar_len("\"fa\\\"lse\" # c"), 9);
        assert_eq!(scalar_len("false   # c"), 5);
        assert_eq!(scalar_len("false"), 5);
        assert_eq!(scalar_len("'unclosed"), 9);
        let text = "Resources:\n  D:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      StorageEncrypted: \"false\"  # off\n";
        let got = fix(text, "D", "PAL-RDS-001").unwrap();
        assert_eq!(got, text.replace("\"false\"", "true"));
    }

    fn fix_json(text: &str, id: &str, rule: &str) -> Option<String> {
        let src = SourceFile::new("t.json", text.to_string());
        let (id, rule): (Arc<str>, crate::rules::Text) = (id.into(), rule.to_string().into());
        let per = [(&id, &rule)];
        fix_file("t.json", &src, &per, Detail::Full).map(|f| f.text)
    }

    #[test]
    fn json_templates() {
        let text = "{\n  \"Resources\": {\n    \"B\": {\n      \"Type\": \"AWS::S3::Bucket\"\n    },\n    \"K\": {\n      \"Type\": \"AWS::KMS::Key\",\n      \"Properties\": {\n        \"EnableKeyRotation\": \"false\"\n      }\n    }\n  }\n}\n";
        let got = fix_json(text, "B", "PAL-S3-004").unwrap();
        assert_eq!(
            got,
            text.replace(
                "\"Type\": \"AWS::S3::Bucket\"\n",
                "\"Type\": \"AWS::S3::Bucket\",\n      \"Properties\": {\n        \"VersioningConfiguration\": {\n          \"Status\": \"Enabled\"\n        }\n      }\n"
            )
        );
        let got = fix_json(text, "K", "PAL-KMS-001").unwrap();
        assert_eq!(got, text.replace("\"EnableKeyRotation\": \"false\"", "\"EnableKeyRotation\": true"));
        // One-line objects are left alone.
        assert_eq!(fix_json("{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}", "B", "PAL-S3-004"), None);
    }

    #[test]
    fn diff_has_git_headers() {
        let d = unified_diff("x.yaml", "a\nb\n", "a\nc\n");
        assert!(d.starts_with("--- a/x.yaml\n+++ b/x.yaml\n@@ -1,2 +1,2 @@\n"), "{d}");
    }
}
