//! Plan files (`terraform show -json`), and state shown the same way: the planned values of
//! every resource instance.
//!
//! `planned_values` holds what is known before apply; what is not known yet is marked in the
//! resource's `change.after_unknown` (under `resource_changes`). Such an attribute becomes a
//! reference to the resource its expression names in `configuration` (so that a split-off
//! resource still joins its parent), or unknown. Spans point into the plan file.

use std::collections::{HashMap, HashSet};

use super::{TfResource, node_val};
use crate::i18n::Message;
use crate::model::{RefTarget, VKind, Val};
use crate::source::Span;
use crate::value::Node;

/// Module nesting followed at most (deeper modules are reported, not read).
const MAX_MODULE_DEPTH: usize = 64;

/// Whether a JSON document is a plan (or state) shown by `terraform show -json`.
pub fn is_plan(root: &Node) -> bool {
    root.get("format_version").is_some()
        && (root.get("planned_values").is_some()
            || root.get("resource_changes").is_some()
            || root.get("values").and_then(|v| v.get("root_module")).is_some())
}

/// Every resource instance of the plan, and problems met (located).
pub fn resources(root: &Node) -> (Vec<TfResource>, Vec<(Span, Message)>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let module = root.get("planned_values").or_else(|| root.get("values")).and_then(|v| v.get("root_module"));
    if let Some(m) = module {
        collect(m, 0, &mut out, &mut problems);
    }
    let unknown = after_unknown(root);
    let config = Config::of(root, &mut problems);
    let addresses: HashSet<String> = out.iter().map(|r| r.address.clone()).collect();
    for r in &mut out {
        if let Some(u) = unknown.get(r.address.as_str()) {
            let exprs = config.expressions(&r.address);
            mark_unknown(&mut r.attrs, u, exprs, &r.address, &addresses);
        }
    }
    (out, problems)
}

fn collect(module: &Node, depth: usize, out: &mut Vec<TfResource>, problems: &mut Vec<(Span, Message)>) {
    if depth > MAX_MODULE_DEPTH {
        problems.push((module.span, msg!("diag-tf-plan-modules-depth", depth = MAX_MODULE_DEPTH)));
        return;
    }
    for r in module.get("resources").and_then(Node::as_seq).unwrap_or_default() {
        if let Some(res) = resource(r) {
            out.push(res);
        }
    }
    for c in module.get("child_modules").and_then(Node::as_seq).unwrap_or_default() {
        collect(c, depth + 1, out, problems);
    }
}

fn resource(r: &Node) -> Option<TfResource> {
    let address = r.get("address")?.as_str()?.to_string();
    let rtype = r.get("type")?.as_str()?.to_string();
    let data = r.get("mode").and_then(Node::as_str) == Some("data");
    let span = r.get("address").map(|a| a.span).unwrap_or(r.span);
    let attrs = match r.get("values") {
        Some(v) if v.as_map().is_some() => node_val(v),
        _ => Val::new(VKind::Map(Vec::new()), r.span),
    };
    Some(TfResource { address, rtype, data, span, body_span: r.span, attrs, condition: None })
}

/// `change.after_unknown` of every resource change, by address.
fn after_unknown(root: &Node) -> HashMap<&str, &Node> {
    root.get("resource_changes")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|c| {
            let address = c.get("address")?.as_str()?;
            let u = c.get("change")?.get("after_unknown")?;
            Some((address, u))
        })
        .collect()
}

/// Marks the attributes `after_unknown` flags: a reference to the resource their expression
/// names, when it names one, else unknown.
fn mark_unknown(attrs: &mut Val, unknown: &Node, exprs: Option<&Node>, address: &str, addresses: &HashSet<String>) {
    let Some(entries) = unknown.as_map() else { return };
    for e in entries {
        match &e.value.kind {
            crate::value::Kind::Bool(true) => {
                let target = exprs
                    .and_then(|x| x.get(&e.key))
                    .and_then(|x| x.get("references"))
                    .and_then(Node::as_seq)
                    .and_then(|refs| refs.iter().filter_map(Node::as_str).find_map(|r| resolve(r, address, addresses)));
                let kind = match target {
                    Some(t) => VKind::Ref(t),
                    None => VKind::Unknown("known only after apply".into()),
                };
                super::map::set(attrs, &e.key, Val::new(kind, e.value.span), e.key_span);
            }
            crate::value::Kind::Map(_) | crate::value::Kind::Seq(_) => {
                // Nested blocks: unknown leaves inside stay absent from the planned values;
                // mark them where the structure exists.
                if let (Some(inner), Some(u)) = (child_mut(attrs, &e.key), Some(&e.value)) {
                    mark_nested(inner, u);
                }
            }
            _ => {}
        }
    }
}

fn child_mut<'a>(v: &'a mut Val, key: &str) -> Option<&'a mut Val> {
    match &mut v.kind {
        VKind::Map(entries) => entries.iter_mut().find(|(k, _, _)| k == key).map(|(_, _, v)| v),
        _ => None,
    }
}

/// Marks unknown leaves below a nested structure (as deep as the parsed plan, which the
/// parser bounds).
fn mark_nested(v: &mut Val, unknown: &Node) {
    use crate::value::Kind;
    let is_true = |n: &Node| matches!(n.kind, Kind::Bool(true));
    match (&mut v.kind, &unknown.kind) {
        (VKind::Map(entries), Kind::Map(ue)) => {
            for e in ue {
                match entries.iter_mut().find(|(k, _, _)| *k == e.key) {
                    Some((_, _, child)) if is_true(&e.value) => {
                        *child = Val::unknown("known only after apply", child.span)
                    }
                    Some((_, _, child)) => mark_nested(child, &e.value),
                    None if is_true(&e.value) => {
                        entries.push((e.key.clone(), e.key_span, Val::unknown("known only after apply", e.value.span)))
                    }
                    None => {}
                }
            }
        }
        (VKind::List(items), Kind::Seq(us)) => {
            for (child, u) in items.iter_mut().zip(us) {
                if is_true(u) {
                    *child = Val::unknown("known only after apply", child.span);
                } else {
                    mark_nested(child, u);
                }
            }
        }
        _ => {}
    }
}

/// A reference written in configuration (`aws_s3_bucket.b.id`), resolved to an instance of
/// the plan seen from `from` (an instance address): the same module, the same index when the
/// target has several instances.
fn resolve(reference: &str, from: &str, addresses: &HashSet<String>) -> Option<RefTarget> {
    let first = reference.split('.').next()?;
    if matches!(first, "var" | "local" | "module" | "data" | "count" | "each" | "path" | "terraform" | "self") {
        return None;
    }
    let mut parts = reference.splitn(3, '.');
    let (ty, name, attr) = (parts.next()?, parts.next()?, parts.next());
    // Strip an index written on the name (`b[0]`).
    let name = name.split('[').next()?;
    let prefix = module_prefix(from);
    let base = format!("{prefix}{ty}.{name}");
    let attr = attr.map(|a| a.split(['.', '[']).next().unwrap_or(a).to_string());
    if addresses.contains(&base) {
        return Some(RefTarget { id: base, attr });
    }
    if let Some(idx) = index_of(from) {
        let indexed = format!("{base}{idx}");
        if addresses.contains(&indexed) {
            return Some(RefTarget { id: indexed, attr });
        }
    }
    let mut found = addresses.iter().filter(|a| a.starts_with(&base) && a[base.len()..].starts_with('['));
    let one = found.next()?;
    found.next().is_none().then(|| RefTarget { id: one.clone(), attr })
}

/// `module.a.module.b.` of an instance address (empty at the root).
fn module_prefix(address: &str) -> String {
    let mut out = String::new();
    let mut rest = address;
    while let Some(r) = rest.strip_prefix("module.") {
        let end = name_end(r);
        out.push_str("module.");
        out.push_str(&r[..end]);
        out.push('.');
        rest = r.get(end + 1..).unwrap_or("");
    }
    out
}

/// The end of a module name with its index (`vpc["a"]`), quoted keys may hold dots.
fn name_end(s: &str) -> usize {
    let mut in_quotes = false;
    for (i, c) in s.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '.' if !in_quotes => return i,
            _ => {}
        }
    }
    s.len()
}

/// The instance index of an address (`[0]`, `["a"]`), if any.
fn index_of(address: &str) -> Option<&str> {
    if !address.ends_with(']') {
        return None;
    }
    let tail_start = address.len() - name_end_rev(address);
    address.get(tail_start..).filter(|t| t.starts_with('['))
}

/// Length of the trailing `[...]` of an address.
fn name_end_rev(address: &str) -> usize {
    let mut in_quotes = false;
    for (i, c) in address.char_indices().rev() {
        match c {
            '"' => in_quotes = !in_quotes,
            '[' if !in_quotes => return address.len() - i,
            _ => {}
        }
    }
    0
}

/// The configuration's resources, by module path and resource address (no index).
struct Config<'a> {
    by_address: HashMap<String, &'a Node>,
}

impl<'a> Config<'a> {
    fn of(root: &'a Node, problems: &mut Vec<(Span, Message)>) -> Config<'a> {
        let mut by_address = HashMap::new();
        if let Some(m) = root.get("configuration").and_then(|c| c.get("root_module")) {
            Self::walk(m, String::new(), 0, &mut by_address, problems);
        }
        Config { by_address }
    }

    fn walk(
        m: &'a Node,
        prefix: String,
        depth: usize,
        out: &mut HashMap<String, &'a Node>,
        problems: &mut Vec<(Span, Message)>,
    ) {
        if depth > MAX_MODULE_DEPTH {
            problems.push((m.span, msg!("diag-tf-plan-modules-depth", depth = MAX_MODULE_DEPTH)));
            return;
        }
        for r in m.get("resources").and_then(Node::as_seq).unwrap_or_default() {
            if let (Some(a), Some(x)) = (r.get("address").and_then(Node::as_str), r.get("expressions")) {
                out.insert(format!("{prefix}{a}"), x);
            }
        }
        for call in m.get("module_calls").and_then(Node::as_map).unwrap_or_default() {
            if let Some(child) = call.value.get("module") {
                Self::walk(child, format!("{prefix}module.{}.", call.key), depth + 1, out, problems);
            }
        }
    }

    /// The expressions of the configuration resource an instance comes from.
    fn expressions(&self, instance: &str) -> Option<&'a Node> {
        self.by_address.get(&strip_indexes(instance)).copied()
    }
}

/// An instance address without its indexes: `module.a["x"].aws_s3_bucket.b[0]` →
/// `module.a.aws_s3_bucket.b`.
fn strip_indexes(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let (mut depth, mut in_quotes) = (0usize, false);
    for c in address.chars() {
        match c {
            '"' if depth > 0 => in_quotes = !in_quotes,
            '[' if !in_quotes => depth += 1,
            ']' if !in_quotes && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn plan(json: &str) -> (Vec<TfResource>, Vec<(Span, Message)>) {
        let src = SourceFile::new("plan.json", json.to_string());
        let doc = crate::parse::parse_json(&src, &crate::parse::Limits::default()).expect("valid JSON");
        assert!(is_plan(&doc.root));
        resources(&doc.root)
    }

    const PLAN: &str = r#"{
  "format_version": "1.2",
  "planned_values": {"root_module": {
    "resources": [
      {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
       "values": {"bucket": "logs", "tags": null}},
      {"address": "aws_s3_bucket_versioning.v", "mode": "managed", "type": "aws_s3_bucket_versioning", "name": "v",
       "values": {"versioning_configuration": [{"status": "Enabled"}]}}
    ],
    "child_modules": [{"address": "module.net", "resources": [
      {"address": "module.net.aws_vpc.this[0]", "mode": "managed", "type": "aws_vpc", "name": "this", "index": 0,
       "values": {"cidr_block": "10.0.0.0/16"}}
    ]}]
  }},
  "resource_changes": [
    {"address": "aws_s3_bucket_versioning.v", "change": {"after_unknown": {"bucket": true, "id": true}}}
  ],
  "configuration": {"root_module": {"resources": [
    {"address": "aws_s3_bucket_versioning.v", "expressions": {"bucket": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}}}
  ]}}
}"#;

    #[test]
    fn instances_of_every_module_with_their_values() {
        let (rs, problems) = plan(PLAN);
        assert!(problems.is_empty());
        let addrs: Vec<&str> = rs.iter().map(|r| r.address.as_str()).collect();
        assert_eq!(addrs, ["aws_s3_bucket.b", "aws_s3_bucket_versioning.v", "module.net.aws_vpc.this[0]"]);
        assert_eq!(rs[2].attrs.get("cidr_block").and_then(Val::as_str), Some("10.0.0.0/16"));
        assert_eq!(rs[0].span.line, 5);
    }

    #[test]
    fn values_known_after_apply_refer_to_what_configuration_names() {
        let (rs, _) = plan(PLAN);
        let bucket = rs[1].attrs.get("bucket").expect("bucket set");
        assert_eq!(bucket.kind, VKind::Ref(RefTarget { id: "aws_s3_bucket.b".into(), attr: Some("id".into()) }));
        assert!(rs[1].attrs.get("id").is_some_and(Val::is_unknown));
    }

    #[test]
    fn addresses_without_indexes_and_module_prefixes() {
        assert_eq!(strip_indexes(r#"module.a["x.y"].aws_s3_bucket.b[0]"#), "module.a.aws_s3_bucket.b");
        assert_eq!(module_prefix(r#"module.a["x.y"].module.b.aws_vpc.v"#), r#"module.a["x.y"].module.b."#);
        assert_eq!(index_of(r#"aws_subnet.s["a]b"]"#), Some(r#"["a]b"]"#));
        assert_eq!(index_of("aws_subnet.s"), None);
    }

    #[test]
    fn references_to_counted_resources_take_the_same_index() {
        let addresses: HashSet<String> = ["aws_s3_bucket.b[0]", "aws_s3_bucket.b[1]"].map(String::from).into();
        let r = resolve("aws_s3_bucket.b.id", "aws_s3_bucket_versioning.v[1]", &addresses).expect("resolved");
        assert_eq!(r.id, "aws_s3_bucket.b[1]");
        assert!(resolve("var.bucket", "x.y", &addresses).is_none());
    }
}
