//! The input of custom rules: one model and its facts, built once per model (whatever the
//! number of rules) in the layout of `palisade model` (`docs/model.md`), plus an index of the
//! model's items by model kind. Facts that cost time (IAM, reachability) are only computed when
//! a loaded rule asks for them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;

use regorus::Value;
use serde_json::Value as Json;

use super::split::{self, Choice, Collect};
use super::value::Builder;
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
    /// Every resource and Kubernetes object's identity (`lib.identities`, `input.identities`).
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
        // `data` or the library read whole, or by a name computed at run time.
        static DYNAMIC: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?m)\b(?:data(?:\.palisade(?:\.lib)?)?|lib)\s*\[|\bwalk\(\s*data\b|:?=\s*data(?:\.palisade(?:\.lib)?)?\s*$")
                .expect("valid regular expression")
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
            // import of one member, a name computed at run time), and the helpers that read
            // everything.
            if code.contains("data.palisade.lib.")
                || code.contains("data.palisade.lib as")
                || code.contains("all_resources")
                || DYNAMIC.is_match(&code)
            {
                n.whole_model = true;
            }
            n.identities |= n.whole_model || code.contains("identities");
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
    /// through model kinds and facts alone, the model has no item of those kinds, and the
    /// facts it reads are empty (no port judged, no principal). Its verdict on such a model
    /// is its verdict on an empty model.
    pub fn sees_nothing_in(&self, model: &Model, facts: &Facts<'_>) -> bool {
        let reads_only_kinds_and_facts =
            !(self.whole_model || self.identities || self.texts || self.more || !self.collections.is_empty());
        reads_only_kinds_and_facts
            && self.kinds.iter().all(|k| {
                if k.starts_with("k8s.") {
                    model.k8s.is_empty()
                } else {
                    !model.resources.iter().any(|r| r.model_kind == k.as_str())
                }
            })
            && (!self.reachability || facts.reachability().exposures.is_empty())
            && (!self.iam || facts.principals().is_empty())
    }

    /// What the input takes of the field `field` of the model (`group` empty) or of its
    /// `monitoring` or `k8s` group, the model's resources being of the kinds `scope` tells.
    fn choose(&self, group: &str, field: &str, scope: &Scope) -> Choice {
        match (group, field) {
            ("", "file") => return Choice::Take,
            // Every resource's identity: what `lib.identities` starts from.
            ("", "resources") => {
                let named = self.whole_model || self.identities || self.collections.contains("resources");
                return if named { Choice::Take } else { Choice::Skip };
            }
            ("", "texts") => return if self.texts { Choice::Take } else { Choice::Skip },
            ("", "inputs") if !(self.whole_model || self.collections.contains("inputs")) => return Choice::Skip,
            ("", "monitoring" | "k8s") => return Choice::Split,
            _ => {}
        }
        if self.whole_model
            || self.collections.contains(field)
            || self.collections.contains(group)
            || (group == "k8s" && scope.k8s_kinds)
        {
            return Choice::Take;
        }
        // The identities of `model.resources` are in already.
        let collect = if !self.identities {
            Collect::Nothing
        } else if scope.known.is_empty() {
            Collect::Every
        } else {
            let known = scope.known.clone();
            Collect::Unknown(Box::new(move |id: &str, kind: &str| {
                known.get(id).is_some_and(|kinds| kinds.contains(&kind))
            }))
        };
        match collect {
            Collect::Nothing if scope.wanted.is_empty() => Choice::Skip,
            collect if scope.wanted.is_empty() => Choice::Identities(collect),
            collect => {
                let wanted = scope.wanted.clone();
                Choice::IfAny(Box::new(move |kind: &str| wanted.iter().any(|w| w == kind)), collect)
            }
        }
    }
}

/// What the model holds, as [`Needs::choose`] asks it for each field: computed once per
/// model.
struct Scope {
    /// The model kinds the rules name that the model's resources have.
    wanted: Rc<[String]>,
    /// Whether the rules name a Kubernetes kind.
    k8s_kinds: bool,
    known: Rc<Known>,
}

/// The model kinds of the resources of `model.resources`, by logical id.
type Known = HashMap<String, Vec<&'static str>>;

/// The identity of an item of a collection (`meta`, or for Kubernetes objects `obj.res`,
/// `res` for those not modelled in detail), when it has a model kind.
fn identity_of(item: &Value) -> Option<&Value> {
    [&item["meta"], &item["obj"]["res"], &item["res"]]
        .into_iter()
        .find(|m| matches!(&m["model_kind"], Value::String(_)))
}

/// Whether an identity names a kind of item the model knows (not [`kind::OTHER`]).
fn is_modelled(identity: &Value) -> bool {
    matches!(&identity["model_kind"], Value::String(k) if k.as_ref() != crate::model::kind::OTHER)
}

/// Builds the input of `model`: its value (as `palisade model` has it: empty collections left
/// out) built collection by collection, only the collections the rules can read; each item is
/// shared between the model and the index by kind.
pub fn build(model: &Model, facts: &Facts<'_>, needs: &Needs) -> Value {
    let mut b = Builder::new();
    let present: BTreeSet<&str> = model.resources.iter().map(|r| r.model_kind).collect();
    let mut known = Known::new();
    for r in model.resources.iter().filter(|_| needs.identities) {
        known.entry(r.id.to_string()).or_default().push(r.model_kind);
    }
    let scope = Scope {
        wanted: needs.kinds.iter().filter(|k| present.contains(k.as_str())).cloned().collect(),
        k8s_kinds: needs.kinds.iter().any(|k| k.starts_with("k8s.")),
        known: Rc::new(known),
    };
    let parts = split::split(model, &|group, field| needs.choose(group, field, &scope), &mut b);
    let mut by_kind: BTreeMap<Value, Vec<Value>> = BTreeMap::new();
    let mut model_entries: BTreeMap<Value, Value> = BTreeMap::new();
    let mut groups: BTreeMap<&str, BTreeMap<Value, Value>> = BTreeMap::new();
    let mut identities: BTreeSet<Value> = BTreeSet::new();
    for (path, v) in &parts.fields {
        let (group, field) = path.split_once('.').map_or(("", path.as_str()), |(g, f)| (g, f));
        if matches!(v, Value::Null) || v.as_array().is_ok_and(|a| a.is_empty()) {
            continue;
        }
        if let Ok(items) = v.as_array() {
            match (group, field) {
                ("", "resources") if needs.identities => identities.extend(items.iter().cloned()),
                // `resources` lists every resource once more (identity only), `inputs` are
                // parameters, `texts` literals: not indexed.
                ("", "resources" | "inputs" | "texts") => {}
                _ => {
                    for item in items.iter() {
                        let Some(id) = identity_of(item).filter(|id| is_modelled(id)) else { continue };
                        by_kind.entry(id["model_kind"].clone()).or_default().push(item.clone());
                        if needs.identities {
                            identities.insert(id.clone());
                        }
                    }
                }
            }
        }
        if group.is_empty() {
            model_entries.insert(Value::from(field), v.clone());
        } else {
            groups.entry(group).or_default().insert(Value::from(field), v.clone());
        }
    }
    identities.extend(parts.identities.into_iter().filter(is_modelled));
    for (g, entries) in groups {
        model_entries.insert(Value::from(g), Value::from(entries));
    }
    let mut fact_entries = BTreeMap::new();
    if needs.reachability {
        let exposures = b.value(&facts.reachability().exposures).unwrap_or(Value::Null);
        fact_entries.insert(Value::from("reachability"), exposures);
    }
    if needs.iam {
        fact_entries.insert(Value::from("iam"), iam_facts(model, facts, &needs.actions, &mut b));
    }
    let files: Vec<Value> = model.source.iter().chain(&model.sources).map(|s| Value::from(s.display_path())).collect();
    let mut input = BTreeMap::from([
        (Value::from("schema_version"), Value::from(crate::model::document::SCHEMA_VERSION)),
        (Value::from("file"), Value::from(&*model.file)),
        (Value::from("files"), Value::from(files)),
        (Value::from("facts"), Value::from(fact_entries)),
    ]);
    if needs.identities {
        input.insert(Value::from("identities"), Value::from(identities));
    }
    if needs.whole_model {
        let every: BTreeSet<Value> = by_kind.values().flatten().cloned().collect();
        input.insert(Value::from("all_resources"), Value::from(every));
    }
    input.insert(Value::from("model"), Value::from(model_entries));
    input.insert(
        Value::from("by_kind"),
        Value::from(by_kind.into_iter().map(|(k, v)| (k, Value::from(v))).collect::<BTreeMap<_, _>>()),
    );
    Value::from(input)
}

/// Every principal of the model: whether it has administrator access, the escalation methods
/// it can perform, and whether it is allowed each action of `actions` on any resource.
fn iam_facts(model: &Model, facts: &Facts<'_>, actions: &[String], b: &mut Builder) -> Value {
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
    let principals = b.value(&principals).unwrap_or(Value::Null);
    Value::from(BTreeMap::from([(Value::from("principals"), principals)]))
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
            "x if lib[name]",
            "x if data.palisade.lib[name]",
            "x if walk(data, p)",
            "x := data.palisade.lib",
        ] {
            let n = Needs::of([text]);
            assert!(n.whole_model && n.identities, "{text}");
        }
        for text in ["x if lib.identities[_]", "x if input.identities[_]"] {
            assert!(Needs::of([text]).identities, "{text}");
        }
        assert!(!Needs::of(["x if lib.tags(m)"]).identities);
    }

    fn load(fixture: &str) -> crate::frontend::Loaded {
        let text = std::fs::read_to_string(format!("examples/rules/fixtures/{fixture}")).unwrap();
        let src = crate::source::SourceFile::new(fixture, text);
        crate::frontend::load_source(src, &crate::frontend::LoadOptions::default())
    }

    #[test]
    fn a_rule_reading_kinds_alone_sees_nothing_in_a_model_without_them() {
        let loaded = load("exposed-ports-https-only.fail.yaml");
        let model = loaded.units[0].model();
        let facts = Facts::new(model);
        assert!(Needs::of(["x if lib.resources(\"s3.bucket\")"]).sees_nothing_in(model, &facts));
        assert!(!Needs::of(["x if lib.resources(\"ec2.subnet\")"]).sees_nothing_in(model, &facts));
        // Facts are read too: this model's ports are judged, and it has no IAM principal.
        assert!(Needs::of(["x if lib.principals[_]; lib.resources(\"s3.bucket\")"]).sees_nothing_in(model, &facts));
        for other in [
            "x if lib.resources(\"s3.bucket\"); input.file",
            "x if lib.resources(\"s3.bucket\"); time.now_ns()",
            "x if input.model.buckets",
            "x if lib.identities",
            "x if lib.exposed",
        ] {
            assert!(!Needs::of([other]).sees_nothing_in(model, &facts), "{other}");
        }
        let loaded = load("s3-cross-region-replication.fail.yaml");
        let buckets = loaded.units[0].model();
        let facts = Facts::new(buckets);
        assert!(Needs::of(["x if lib.exposed[_]"]).sees_nothing_in(buckets, &facts));
        assert!(!Needs::of(["x if lib.identities[_]"]).sees_nothing_in(buckets, &facts));
    }

    #[test]
    fn the_input_holds_what_the_rules_read() {
        let loaded = load("exposed-ports-https-only.fail.yaml");
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
        assert_eq!(keys(&few), ["file", "instances", "subnets"]);
        let all = keys(&Needs::of(["x if input.model[k]"]));
        assert!(
            all.len() > 8 && all.contains(&"security_groups".to_string()) && !all.contains(&"texts".to_string()),
            "{all:?}"
        );
        let input = build(model, &facts, &few);
        assert_eq!(input["by_kind"]["ec2.subnet"].as_array().unwrap().len(), 1);
        assert_eq!(input["by_kind"]["ec2.instance"].as_array().unwrap().len(), 1);
    }

    /// The identities and items of the input, as the library's first definitions computed
    /// them in Rego from the model and the index by kind.
    const IN_REGO: &str = "package t
identities contains m if some m in input.model.resources
identities contains m if {
	some items in input.by_kind
	some item in items
	m := meta(item)
}
meta(item) := item.meta
meta(item) := item.obj.res if not item.meta
meta(item) := item.res if {
	not item.meta
	not item.obj
}
all_resources contains item if {
	some items in input.by_kind
	some item in items
}
";

    #[test]
    fn identities_and_items_are_those_the_model_holds() {
        for (fixture, kinds) in [
            ("exposed-ports-https-only.fail.yaml", 4),
            ("required-tags.fail.k8s.yaml", 2),
            ("required-tags.fail.tf", 2),
        ] {
            let loaded = load(fixture);
            let model = loaded.units[0].model();
            let facts = Facts::new(model);
            let whole = build(model, &facts, &Needs::of(["x if input.model[k]"]));
            let mut engine = regorus::Engine::new();
            engine.add_policy("t.rego".into(), IN_REGO.into()).unwrap();
            engine.set_input(whole.clone());
            let identities = engine.eval_rule("data.t.identities".into()).unwrap();
            assert!(identities.as_set().unwrap().len() >= kinds, "{fixture}: {identities}");
            assert_eq!(whole["identities"], identities, "{fixture}");
            assert_eq!(whole["all_resources"], engine.eval_rule("data.t.all_resources".into()).unwrap(), "{fixture}");
            // Read alone, the identities are the same, without the collections.
            let alone = build(model, &facts, &Needs::of(["x if lib.identities[_]"]));
            assert_eq!(alone["identities"], identities, "{fixture}");
            assert!(alone["by_kind"].as_object().unwrap().is_empty(), "{fixture}");
        }
    }
}
