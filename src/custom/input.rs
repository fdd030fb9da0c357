//! The input of custom rules: one model and its facts, built once per model (whatever the
//! number of rules) in the layout of `palisade model` (`docs/model.md`), plus an index of the
//! model's items by model kind. Facts that cost time (IAM, reachability) are only computed when
//! a loaded rule asks for them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use regorus::Value;
use serde_json::Value as Json;

use super::split::{self, Choice};
use crate::analyze::Facts;
use crate::analyze::iam::escalation;
use crate::model::Model;

/// What of the model and its facts the loaded rules read. Building the input costs time in
/// proportion to what it holds, so a collection goes in only when a rule can read it: when a
/// rule names it (`input.model.buckets`), names a kind of item it holds
/// (`lib.resources("s3.bucket")`, `input.by_kind["s3.bucket"]`), or reads the model in any
/// other way (then everything goes in).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    /// Every collection (a rule reads the model in a way not told apart here).
    pub whole_model: bool,
    /// Collections (and groups: `monitoring`, `k8s`) the rules name.
    pub collections: BTreeSet<String>,
    /// Model kinds the rules name.
    pub kinds: BTreeSet<String>,
    /// Every resource and Kubernetes object's identity (`lib.identities`).
    pub identities: bool,
    /// `input.facts.reachability` (the network analysis).
    pub reachability: bool,
    /// `input.facts.iam` (principals, administrator access, escalations).
    pub iam: bool,
    /// `input.model.texts` (every literal of the document: the largest part of most models).
    pub texts: bool,
    /// `input.file` or `input.files`, or a function whose value varies between runs (time,
    /// random numbers): the rule's verdict may depend on more than the model's items.
    pub more: bool,
    /// The IAM actions the rules ask about (`lib.allows(principal, "s3:GetObject")`): every
    /// string literal of their text that looks like one. Each principal says whether it is
    /// allowed each of them.
    pub actions: Vec<String>,
}

/// A rule's text without its comments (`#` outside strings).
fn code_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut quote: Option<char> = None;
        let mut escaped = false;
        for c in line.chars() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' && q == '"' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None if c == '#' => break,
                None if c == '"' || c == '`' => quote = Some(c),
                None => {}
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

impl Needs {
    /// What the rule texts `texts` read.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Needs {
        static ACTION: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r#""([a-z0-9][a-z0-9-]*:[A-Za-z0-9*?]+)""#).expect("valid regular expression"));
        // Each use of `input`, and what follows it.
        static INPUT: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"\binput\b(\.model\.(\w+)|\.by_kind\[\s*["`]([^"`]+)["`]\s*\]|\.(facts|file|files|schema_version)\b)?"#)
                .expect("valid regular expression")
        });
        static RESOURCES: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"\blib\.resources\(\s*(?:["`]([^"`]+)["`]\s*\))?"#).expect("valid regular expression")
        });
        let mut n = Needs::default();
        for t in texts {
            let code = code_of(t);
            for c in INPUT.captures_iter(&code) {
                match (c.get(1), c.get(2), c.get(3)) {
                    (_, Some(collection), _) => {
                        n.collections.insert(collection.as_str().to_string());
                    }
                    (_, _, Some(kind)) => {
                        n.kinds.insert(kind.as_str().to_string());
                    }
                    (Some(_), _, _) => n.more |= matches!(c.get(4).map(|m| m.as_str()), Some("file" | "files")),
                    (None, _, _) => n.whole_model = true,
                }
            }
            for c in RESOURCES.captures_iter(&code) {
                match c.get(1) {
                    Some(kind) => {
                        n.kinds.insert(kind.as_str().to_string());
                    }
                    None => n.whole_model = true,
                }
            }
            // The library's members reached otherwise than through `lib.` (an alias, an
            // import of one member), and the helpers that read everything.
            if code.contains("data.palisade.lib.")
                || code.contains("data.palisade.lib as")
                || code.contains("lib.all_resources")
            {
                n.whole_model = true;
            }
            n.identities |= code.contains("lib.identities");
            n.more |= ["time.now_ns", "rand.", "uuid.rfc4122", "opa.runtime"].iter().any(|k| code.contains(k));
            n.reachability |= ["facts.reachability", "lib.exposures", "lib.exposed"].iter().any(|k| code.contains(k));
            n.iam |= ["facts.iam", "lib.principals", "lib.allows", "lib.escalations", "lib.is_admin"]
                .iter()
                .any(|k| code.contains(k));
            n.texts |= n.whole_model && code.contains("texts") || n.collections.contains("texts");
            n.actions.extend(ACTION.captures_iter(&code).map(|c| c[1].to_string()));
        }
        n.actions.sort();
        n.actions.dedup();
        n
    }

    /// Whether a rule with these needs can only see nothing in `model`: it reads the model
    /// through model kinds alone, and the model has no item of them. Its verdict on such a
    /// model is its verdict on an empty model.
    pub fn sees_nothing_in(&self, model: &Model) -> bool {
        let reads_only_kinds = !(self.whole_model
            || self.identities
            || self.reachability
            || self.iam
            || self.texts
            || self.more
            || !self.collections.is_empty());
        reads_only_kinds
            && self.kinds.iter().all(|k| {
                if k.starts_with("k8s.") {
                    model.k8s.is_empty()
                } else {
                    !model.resources.iter().any(|r| r.model_kind == k.as_str())
                }
            })
    }

    /// What the input takes of the field `field` of the model (`group` empty) or of its
    /// `monitoring` or `k8s` group: `present` are the model kinds of the model's resources.
    fn choose(&self, group: &str, field: &str, present: &BTreeSet<&str>) -> Choice {
        match (group, field) {
            ("", "file" | "resources") => return Choice::Take,
            ("", "texts") => return if self.texts { Choice::Take } else { Choice::Skip },
            ("", "monitoring" | "k8s") => return Choice::Split,
            _ => {}
        }
        let k8s_kinds = self.kinds.iter().any(|k| k.starts_with("k8s."));
        if self.whole_model
            || self.collections.contains(field)
            || self.collections.contains(group)
            || (group == "k8s" && (self.identities || k8s_kinds))
        {
            return Choice::Take;
        }
        let wanted: Vec<String> = self
            .kinds
            .iter()
            .filter(|k| present.contains(k.as_str()))
            .map(|k| format!("\"model_kind\":\"{k}\""))
            .collect();
        if wanted.is_empty() {
            return Choice::Skip;
        }
        Choice::IfAny(Box::new(move |identity: &str| wanted.iter().any(|w| identity.contains(w.as_str()))))
    }
}

fn key(k: &str) -> Value {
    Value::from(k)
}

fn object(entries: Vec<(&str, Value)>) -> Value {
    Value::from(entries.into_iter().map(|(k, v)| (key(k), v)).collect::<BTreeMap<Value, Value>>())
}

/// The model kind an item of a collection stands for (`meta.model_kind`, or for Kubernetes
/// objects `obj.res.model_kind`, `res.model_kind` for those not modelled in detail).
fn kind_of(item: &Value) -> Option<String> {
    [&item["meta"], &item["obj"]["res"], &item["res"]].into_iter().find_map(|m| match &m["model_kind"] {
        Value::String(s) => Some(s.to_string()),
        _ => None,
    })
}

/// Parses one part of the serialised model; an array's items go into `by_kind` too.
fn part(text: &str, by_kind: &mut BTreeMap<String, Vec<Value>>) -> Option<Value> {
    if text == "null" || text == "[]" {
        return None;
    }
    let v = Value::from_json_str(text).ok()?;
    if let Ok(items) = v.as_array() {
        for item in items.iter() {
            if let Some(k) = kind_of(item).filter(|k| k != crate::model::kind::OTHER) {
                by_kind.entry(k).or_default().push(item.clone());
            }
        }
    }
    Some(v)
}

/// Builds the input of `model`: its JSON (as `palisade model` has it: empty collections left
/// out) serialised and parsed collection by collection, only the collections the rules can
/// read; each item is shared between the model and the index by kind.
pub fn build(model: &Model, facts: &Facts<'_>, needs: &Needs) -> Value {
    let present: BTreeSet<&str> = model.resources.iter().map(|r| r.model_kind).collect();
    let parts = split::split(model, &|group, field| needs.choose(group, field, &present));
    let mut by_kind: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut model_entries: BTreeMap<Value, Value> = BTreeMap::new();
    let mut groups: BTreeMap<String, BTreeMap<Value, Value>> = BTreeMap::new();
    for (path, text) in parts {
        let (group, field) = path.split_once('.').map_or(("", path.as_str()), |(g, f)| (g, f));
        // `resources` lists every resource once more (identity only), `inputs` are
        // parameters: not indexed.
        let indexed = !matches!(field, "resources" | "inputs" | "texts") || !group.is_empty();
        let v = if indexed { part(&text, &mut by_kind) } else { part(&text, &mut BTreeMap::new()) };
        let Some(v) = v else { continue };
        if group.is_empty() {
            model_entries.insert(key(field), v);
        } else {
            groups.entry(group.to_string()).or_default().insert(key(field), v);
        }
    }
    for (g, entries) in groups {
        model_entries.insert(key(&g), Value::from(entries));
    }
    let mut fact_entries = Vec::new();
    if needs.reachability {
        let exposures = serde_json::to_string(&facts.reachability().exposures).unwrap_or_default();
        fact_entries.push(("reachability", Value::from_json_str(&exposures).unwrap_or(Value::Null)));
    }
    if needs.iam {
        fact_entries.push(("iam", iam_facts(model, facts, &needs.actions)));
    }
    let files: Vec<Value> = model.source.iter().chain(&model.sources).map(|s| Value::from(s.display_path())).collect();
    object(vec![
        ("schema_version", Value::from(crate::model::document::SCHEMA_VERSION)),
        ("file", Value::from(&*model.file)),
        ("files", Value::from(files)),
        ("model", Value::from(model_entries)),
        (
            "by_kind",
            Value::from(by_kind.into_iter().map(|(k, v)| (key(&k), Value::from(v))).collect::<BTreeMap<_, _>>()),
        ),
        ("facts", object(fact_entries)),
    ])
}

/// Every principal of the model: whether it has administrator access, the escalation methods
/// it can perform, and whether it is allowed each action of `actions` on any resource.
fn iam_facts(model: &Model, facts: &Facts<'_>, actions: &[String]) -> Value {
    let mut principals = Vec::new();
    let all = facts.principals();
    let resolved = escalation::Resolved::new(model);
    let analysis = escalation::Analysis::new(model, all, &resolved);
    for (i, p) in all.iter().enumerate() {
        let admin = escalation::is_full_admin(p);
        let escalations: Vec<Json> = analysis
            .escalations(i)
            .iter()
            .map(|e| {
                serde_json::json!({
                    "id": e.method.id,
                    "method": e.method.name(),
                    "how": e.method.grants,
                    "target": e.target,
                    "conditions": e.conditions,
                    "actions": e.method.actions,
                    "passes": e.reachable.iter().map(|(role, service, span)| serde_json::json!({
                        "role": role, "service": service, "span": span,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let allows: serde_json::Map<String, Json> = actions
            .iter()
            .map(|a| (a.clone(), Json::Bool(admin || analysis.allowed_somewhere(i, a).is_some())))
            .collect();
        principals.push(serde_json::json!({
            "kind": p.kind,
            "id": p.id,
            "name": p.name,
            "span": p.span(),
            "admin": admin,
            "escalations": escalations,
            "allows": allows,
        }));
    }
    object(vec![("principals", Value::from(Json::Array(principals)))])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_follow_the_rule_texts() {
        let n = Needs::of(["x if lib.allows(p, \"s3:GetObject\")", "y if input.facts.reachability[_]"]);
        assert!(n.iam && n.reachability && !n.whole_model);
        assert_eq!(n.actions, vec!["s3:GetObject".to_string()]);
        let n = Needs::of(["x if input.model.buckets[_] # input.anything\ny if lib.resources(\"ec2.subnet\")"]);
        assert!(!n.whole_model, "{n:?}");
        assert_eq!(n.collections, BTreeSet::from(["buckets".to_string()]));
        assert_eq!(n.kinds, BTreeSet::from(["ec2.subnet".to_string()]));
        assert!(!n.iam && !n.reachability && !n.texts);
        // Ways of reading the model that are not told apart read all of it.
        for text in [
            "x if input.model[k]",
            "x if walk(input, p)",
            "x if lib.resources(kind)",
            "x if input.by_kind[k]",
            "import data.palisade.lib.resources",
            "import data.palisade.lib as l",
            "x if lib.all_resources[_]",
        ] {
            assert!(Needs::of([text]).whole_model, "{text}");
        }
    }

    #[test]
    fn a_rule_reading_kinds_alone_sees_nothing_in_a_model_without_them() {
        let text = std::fs::read_to_string("examples/rules/fixtures/exposed-ports-https-only.fail.yaml").unwrap();
        let src = crate::source::SourceFile::new("x.yaml", text);
        let loaded = crate::frontend::load_source(src, &crate::frontend::LoadOptions::default());
        let model = loaded.units[0].model();
        assert!(Needs::of(["x if lib.resources(\"s3.bucket\")"]).sees_nothing_in(model));
        assert!(!Needs::of(["x if lib.resources(\"ec2.subnet\")"]).sees_nothing_in(model));
        for other in [
            "x if lib.resources(\"s3.bucket\"); input.file",
            "x if lib.resources(\"s3.bucket\"); time.now_ns()",
            "x if input.model.buckets",
            "x if lib.identities",
            "x if lib.exposed",
        ] {
            assert!(!Needs::of([other]).sees_nothing_in(model), "{other}");
        }
    }

    #[test]
    fn the_input_holds_what_the_rules_read() {
        let text = std::fs::read_to_string("examples/rules/fixtures/exposed-ports-https-only.fail.yaml").unwrap();
        let src = crate::source::SourceFile::new("x.yaml", text);
        let loaded = crate::frontend::load_source(src, &crate::frontend::LoadOptions::default());
        let model = loaded.units[0].model();
        let facts = Facts::new(model);
        let keys = |needs: &Needs| -> Vec<String> {
            let input = build(model, &facts, needs);
            let mut k: Vec<String> =
                input["model"].as_object().unwrap().keys().map(|k| k.as_string().unwrap().to_string()).collect();
            k.sort();
            k
        };
        let few = Needs::of(["x if lib.resources(\"ec2.subnet\")\ny if input.model.instances"]);
        assert_eq!(keys(&few), ["file", "instances", "resources", "subnets"]);
        let all = keys(&Needs::of(["x if input.model[k]"]));
        assert!(
            all.len() > 8 && all.contains(&"security_groups".to_string()) && !all.contains(&"texts".to_string()),
            "{all:?}"
        );
        let input = build(model, &facts, &few);
        assert_eq!(input["by_kind"]["ec2.subnet"].as_array().unwrap().len(), 1);
        assert_eq!(input["by_kind"]["ec2.instance"].as_array().unwrap().len(), 1);
    }
}
