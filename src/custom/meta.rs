//! The `# METADATA` block of a rule file (OPA's annotation convention): a YAML document written
//! in comment lines just before the `package` line, read into a rule's metadata.
//!
//! ```rego
//! # METADATA
//! # title: Resources carry the required tags
//! # description: Cost and ownership reports need every resource tagged.
//! # custom:
//! #   id: ORG-TAG-001
//! #   severity: medium
//! #   layer: application
//! #   controls: [GOV-01]
//! #   well_architected: [SEC01-BP01]
//! #   remediation: Add the tags.
//! #   examples: [fixtures/required-tags.fail.yaml, fixtures/required-tags.pass.yaml]
//! package org.required_tags
//! ```
//!
//! `title` and `description` are OPA's own keys; Palisade's are under `custom`. A missing or
//! invalid key is an error at its line.

use std::path::Path;

use crate::finding::{Layer, Severity};
use crate::parse::Limits;
use crate::rules::{Example, RuleMeta, Text, Texts};
use crate::source::SourceFile;
use crate::value::{Kind, Node};

/// A problem with a rule file, at a 1-based line and column (0: the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl Problem {
    pub fn new(line: u32, col: u32, message: impl Into<String>) -> Problem {
        Problem { line, col, message: message.into() }
    }
}

/// OPA's annotation keys, accepted and (but for `title` and `description`) not used.
const OPA_KEYS: &[&str] = &[
    "scope",
    "title",
    "description",
    "related_resources",
    "authors",
    "organizations",
    "schemas",
    "entrypoint",
    "custom",
];

/// Palisade's keys under `custom`.
const CUSTOM_KEYS: &[&str] = &[
    "id",
    "slug",
    "severity",
    "layer",
    "service",
    "controls",
    "well_architected",
    "resource_types",
    "remediation",
    "examples",
    "compliance",
    "ko",
];

/// The comment block after `# METADATA`: its first line (1-based), and each line's text without
/// the comment marker, with the number of characters removed before it.
struct Block {
    first_line: u32,
    lines: Vec<(String, u32)>,
    marker_line: u32,
}

fn find_block(text: &str) -> Option<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.trim() == "# METADATA")?;
    let mut out = Vec::new();
    for l in &lines[at + 1..] {
        let trimmed = l.trim_start();
        let Some(rest) = trimmed.strip_prefix('#') else { break };
        let rest_trimmed = rest.strip_prefix(' ').unwrap_or(rest);
        let removed = (l.chars().count() - rest_trimmed.chars().count()) as u32;
        out.push((rest_trimmed.to_string(), removed));
    }
    Some(Block { first_line: at as u32 + 2, lines: out, marker_line: at as u32 + 1 })
}

/// Reads the metadata of the rule file at `path` (its text `text`). The examples are the files
/// the metadata lists, relative to the rule file, read now.
pub fn parse(path: &Path, text: &str) -> Result<RuleMeta, Problem> {
    let block = find_block(text).ok_or_else(|| {
        Problem::new(1, 1, "no `# METADATA` block: a rule file starts with one (id, title, severity, ...)")
    })?;
    let yaml: String = block.lines.iter().map(|(l, _)| format!("{l}\n")).collect();
    // Positions in the block, turned into positions in the rule file.
    let at = |line: u32, col: u32| -> (u32, u32) {
        let removed = block.lines.get(line.saturating_sub(1) as usize).map_or(0, |(_, r)| *r);
        (block.first_line + line.saturating_sub(1), col + removed)
    };
    let src = SourceFile::new(path, yaml);
    let docs = crate::parse::parse_yaml(&src, &Limits::default()).map_err(|e| {
        let (line, col) = at(e.line, e.col);
        Problem::new(line, col, format!("invalid METADATA: {}", e.message.en()))
    })?;
    let root = docs.into_iter().next().map(|d| d.root);
    let Some(root) = root.filter(|r| r.as_map().is_some()) else {
        return Err(Problem::new(
            block.marker_line,
            1,
            "the METADATA block must be a YAML map (title, description, custom)",
        ));
    };
    let err = |n: &Node, message: String| {
        let (line, col) = at(n.span.line, n.span.col);
        Problem::new(line, col, message)
    };
    for e in root.as_map().unwrap_or_default() {
        if !OPA_KEYS.contains(&e.key.as_str()) {
            let (line, col) = at(e.key_span.line, e.key_span.col);
            return Err(Problem::new(line, col, format!("unknown METADATA key `{}`", e.key)));
        }
    }
    let missing = |what: &str| Problem::new(block.marker_line, 1, format!("METADATA lacks `{what}`"));
    let string = |parent: &Node, key: &str, prefix: &str| -> Result<Option<String>, Problem> {
        match parent.get(key) {
            None => Ok(None),
            Some(n) => match &n.kind {
                Kind::String(s) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
                _ => Err(err(n, format!("`{prefix}{key}` must be a non-empty string"))),
            },
        }
    };
    let list = |parent: &Node, key: &str| -> Result<Option<Vec<String>>, Problem> {
        let Some(n) = parent.get(key) else { return Ok(None) };
        let items = match &n.kind {
            Kind::Seq(items) => items,
            _ => return Err(err(n, format!("`custom.{key}` must be a list of strings"))),
        };
        items
            .iter()
            .map(|i| match i.scalar_text() {
                Some(t) if !t.trim().is_empty() => Ok(t.trim().to_string()),
                _ => Err(err(i, format!("`custom.{key}` must be a list of strings"))),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    };
    let title = string(&root, "title", "")?.ok_or_else(|| missing("title"))?;
    let description = string(&root, "description", "")?.ok_or_else(|| missing("description"))?;
    let custom = root.get("custom").ok_or_else(|| missing("custom"))?;
    let Some(entries) = custom.as_map() else {
        return Err(err(custom, "`custom` must be a map (id, severity, layer, ...)".into()));
    };
    for e in entries {
        if !CUSTOM_KEYS.contains(&e.key.as_str()) {
            let (line, col) = at(e.key_span.line, e.key_span.col);
            return Err(Problem::new(line, col, format!("unknown METADATA key `custom.{}`", e.key)));
        }
    }
    let need = |key: &str| -> Result<String, Problem> {
        string(custom, key, "custom.")?.ok_or_else(|| missing(&format!("custom.{key}")))
    };
    let need_list = |key: &str| -> Result<Vec<String>, Problem> {
        list(custom, key)?.ok_or_else(|| missing(&format!("custom.{key}")))
    };
    let id = need("id")?;
    if !valid_id(&id) {
        return Err(err(
            custom.get("id").unwrap_or(custom),
            format!("rule id `{id}`: expected letters, digits and dashes, e.g. ORG-TAG-001"),
        ));
    }
    if id.to_ascii_uppercase().starts_with("PAL-") {
        return Err(err(custom.get("id").unwrap_or(custom), format!("rule id `{id}`: `PAL-` is for built-in rules")));
    }
    let severity_text = need("severity")?;
    let severity = Severity::parse(&severity_text).ok_or_else(|| {
        err(
            custom.get("severity").unwrap_or(custom),
            format!("unknown severity `{severity_text}`: expected critical, high, medium, low or info"),
        )
    })?;
    let layer_text = need("layer")?;
    let layer = Layer::ALL.into_iter().find(|l| l.as_str().eq_ignore_ascii_case(&layer_text)).ok_or_else(|| {
        err(
            custom.get("layer").unwrap_or(custom),
            format!("unknown layer `{layer_text}`: expected network, identity, application, data or monitoring"),
        )
    })?;
    let controls = need_list("controls")?;
    let well_architected = need_list("well_architected")?;
    let remediation = need("remediation")?;
    let slug = match string(custom, "slug", "custom.")? {
        Some(s) => s,
        None => path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| id.to_ascii_lowercase()),
    };
    let service = string(custom, "service", "custom.")?.unwrap_or_else(|| "custom".to_string());
    let resource_types = list(custom, "resource_types")?.unwrap_or_default();
    // Framework requirements the rule evidences (`isms-p:2.6.1`, `cis-6.0:2.1.1`, ...): each must
    // name a requirement of a shipped catalogue.
    let compliance = list(custom, "compliance")?.unwrap_or_default();
    if let Some(node) = custom.get("compliance")
        && let Some(bad) =
            compliance.iter().find(|c| crate::compliance::Ref::parse(c).and_then(|r| r.requirement()).is_none())
    {
        return Err(err(
            node,
            format!("`custom.compliance`: `{bad}` names no requirement (write FRAMEWORK:ID, e.g. `isms-p:2.6.1`)"),
        ));
    }
    if let Some(ko) = custom.get("ko")
        && ko.as_map().is_none_or(|m| m.iter().any(|e| e.value.as_str().is_none()))
    {
        return Err(err(ko, "`custom.ko` must be a map of texts (title, description, remediation)".into()));
    }
    let korean = custom.get("ko").map(|ko| {
        let text = |key: &str| ko.get(key).and_then(|v| v.as_str()).map(|t| Text::Owned(t.to_string()));
        std::sync::Arc::new([text("title"), text("description"), text("remediation")])
    });
    let examples_node = custom.get("examples").ok_or_else(|| missing("custom.examples"))?;
    let names = need_list("examples")?;
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut examples = Vec::new();
    for name in names {
        let file = dir.join(&name);
        let fails = name.contains(".fail.") || name.contains(".fail-");
        if !fails && !name.contains(".pass.") && !name.contains(".pass-") {
            return Err(err(examples_node, format!("example `{name}`: its name must contain `.fail.` or `.pass.`")));
        }
        let text = std::fs::read_to_string(&file)
            .map_err(|e| err(examples_node, format!("example `{name}`: cannot read {}: {e}", file.display())))?;
        examples.push(Example { name: Text::Owned(name), fails, text: Text::Owned(text) });
    }
    if !examples.iter().any(|e| e.fails) || !examples.iter().any(|e| !e.fails) {
        return Err(err(examples_node, "`custom.examples` needs at least one failing and one passing example".into()));
    }
    let texts = |v: Vec<String>| -> Texts { v.into_iter().map(Text::Owned).collect::<Vec<_>>().into() };
    Ok(RuleMeta {
        id: id.into(),
        slug: slug.into(),
        title: title.into(),
        severity,
        layer,
        service: service.into(),
        well_architected: texts(well_architected),
        controls: texts(controls),
        compliance: texts(compliance),
        lang: crate::i18n::Lang::En,
        korean,
        resource_types: texts(resource_types),
        remediation: remediation.into(),
        description: description.into(),
        examples: examples.into(),
    })
}

/// Letters, digits and dashes, starting with a letter.
fn valid_id(id: &str) -> bool {
    id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<RuleMeta, Problem> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.fail.yaml"), "a: 1\n").unwrap();
        std::fs::write(dir.path().join("x.pass.yaml"), "a: 2\n").unwrap();
        let path = dir.path().join("x.rego");
        std::fs::write(&path, text).unwrap();
        parse(&path, text)
    }

    const GOOD: &str = "# METADATA\n# title: T\n# description: D\n# custom:\n#   id: ORG-X-001\n#   severity: high\n\
#   layer: data\n#   controls: [DATA-01]\n#   well_architected: [SEC08-BP02]\n#   remediation: R\n\
#   examples: [x.fail.yaml, x.pass.yaml]\npackage org.x\n";

    #[test]
    fn reads_every_key() {
        let m = parse_text(GOOD).unwrap();
        assert_eq!(m.id, "ORG-X-001");
        assert_eq!(m.slug, "x");
        assert_eq!(m.severity, Severity::High);
        assert_eq!(m.layer, Layer::Data);
        assert_eq!(m.controls.len(), 1);
        assert_eq!(m.examples.len(), 2);
        assert!(m.examples[0].fails && !m.examples[1].fails);
    }

    #[test]
    fn missing_and_bad_keys_are_located() {
        let no_block = parse_text("package org.x\n").unwrap_err();
        assert_eq!((no_block.line, no_block.col), (1, 1));
        let missing = parse_text(&GOOD.replace("#   remediation: R\n", "")).unwrap_err();
        assert_eq!(missing.line, 1, "{missing:?}");
        assert!(missing.message.contains("custom.remediation"), "{missing:?}");
        let bad = parse_text(&GOOD.replace("severity: high", "severity: urgent")).unwrap_err();
        assert_eq!((bad.line, bad.col), (6, 15), "{bad:?}");
        let unknown = parse_text(&GOOD.replace("#   layer: data", "#   layer: data\n#   colour: red")).unwrap_err();
        assert_eq!((unknown.line, unknown.col), (8, 5), "{unknown:?}");
        let builtin = parse_text(&GOOD.replace("ORG-X-001", "PAL-S3-001")).unwrap_err();
        assert_eq!(builtin.line, 5);
        let example = parse_text(&GOOD.replace("x.pass.yaml]", "x.pass.yaml, gone.pass.yaml]")).unwrap_err();
        assert!(example.message.contains("gone.pass.yaml"), "{example:?}");
        assert_eq!(example.line, 11);
    }
}
