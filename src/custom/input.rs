//! The input of custom rules: one model and its facts, built once per model (whatever the
//! number of rules) in the layout of `palisade model` (`docs/model.md`), plus an index of the
//! model's items by model kind. Facts that cost time (IAM, reachability) are only computed when
//! a loaded rule asks for them.

use std::collections::BTreeMap;

use regorus::Value;
use serde_json::Value as Json;

use crate::analyze::Facts;
use crate::analyze::iam::escalation;
use crate::model::Model;

/// Which facts the loaded rules read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    /// `input.facts.reachability` (the network analysis).
    pub reachability: bool,
    /// `input.facts.iam` (principals, administrator access, escalations).
    pub iam: bool,
    /// `input.model.texts` (every literal of the document: the largest part of most models).
    pub texts: bool,
    /// The IAM actions the rules ask about (`lib.allows(principal, "s3:GetObject")`): every
    /// string literal of their text that looks like one. Each principal says whether it is
    /// allowed each of them.
    pub actions: Vec<String>,
}

impl Needs {
    /// What the rule texts `texts` read.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Needs {
        static ACTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r#""([a-z0-9][a-z0-9-]*:[A-Za-z0-9*?]+)""#).expect("valid regular expression")
        });
        let mut n = Needs::default();
        for t in texts {
            n.reachability |= ["facts.reachability", "lib.exposures", "lib.exposed"].iter().any(|k| t.contains(k));
            n.iam |= ["facts.iam", "lib.principals", "lib.allows", "lib.escalations", "lib.is_admin"]
                .iter()
                .any(|k| t.contains(k));
            n.texts |= t.contains("texts");
            n.actions.extend(ACTION.captures_iter(t).map(|c| c[1].to_string()));
        }
        n.actions.sort();
        n.actions.dedup();
        n
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
fn kind_of(item: &Json) -> Option<&str> {
    item.pointer("/meta/model_kind")
        .or_else(|| item.pointer("/obj/res/model_kind"))
        .or_else(|| item.pointer("/res/model_kind"))
        .and_then(Json::as_str)
}

/// Converts one collection, adding each item to `by_kind`.
fn collection(items: Vec<Json>, by_kind: &mut BTreeMap<String, Vec<Value>>) -> Value {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let kind = kind_of(&item).map(str::to_string);
        let v = Value::from(item);
        if let Some(k) = kind.filter(|k| k != crate::model::kind::OTHER) {
            by_kind.entry(k).or_default().push(v.clone());
        }
        out.push(v);
    }
    Value::from(out)
}

/// Builds the input of `model`. Each item is converted once and shared between the model and
/// the index by kind.
pub fn build(model: &Model, facts: &Facts<'_>, needs: &Needs) -> Value {
    let mut json = serde_json::to_value(model).unwrap_or(Json::Null);
    crate::model::document::prune(&mut json);
    let mut by_kind: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut model_entries: BTreeMap<Value, Value> = BTreeMap::new();
    if let Json::Object(map) = json {
        for (k, v) in map {
            if k == "texts" && !needs.texts {
                continue;
            }
            let converted = match v {
                // `resources` lists every resource once more (identity only): not indexed.
                Json::Array(items) if k != "resources" && k != "inputs" && k != "texts" => {
                    collection(items, &mut by_kind)
                }
                Json::Object(group) if k == "monitoring" || k == "k8s" => {
                    let mut g: BTreeMap<Value, Value> = BTreeMap::new();
                    for (gk, gv) in group {
                        let c = match gv {
                            Json::Array(items) => collection(items, &mut by_kind),
                            other => Value::from(other),
                        };
                        g.insert(key(&gk), c);
                    }
                    Value::from(g)
                }
                other => Value::from(other),
            };
            model_entries.insert(key(&k), converted);
        }
    }
    let mut fact_entries = Vec::new();
    if needs.reachability {
        let exposures = serde_json::to_value(&facts.reachability().exposures).unwrap_or(Json::Null);
        fact_entries.push(("reachability", Value::from(exposures)));
    }
    if needs.iam {
        fact_entries.push(("iam", iam_facts(model, facts, &needs.actions)));
    }
    let files: Vec<Value> =
        model.source.iter().chain(&model.sources).map(|s| Value::from(s.display_path())).collect::<Vec<_>>();
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
    for p in facts.principals() {
        let admin = escalation::is_full_admin(p);
        let escalations: Vec<Json> = escalation::escalations(model, p)
            .iter()
            .map(|e| {
                serde_json::json!({
                    "method": e.method.name,
                    "how": e.method.how,
                    "actions": e.method.actions,
                    "passes": e.reachable.iter().map(|(role, service, span)| serde_json::json!({
                        "role": role, "service": service, "span": span,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let allows: serde_json::Map<String, Json> = actions
            .iter()
            .map(|a| (a.clone(), Json::Bool(admin || escalation::allowed_broadly(p, a).is_some())))
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
    use super::Needs;

    #[test]
    fn needs_follow_the_rule_texts() {
        let n = Needs::of(["x if lib.allows(p, \"s3:GetObject\")", "y if input.facts.reachability[_]"]);
        assert!(n.iam && n.reachability);
        assert_eq!(n.actions, vec!["s3:GetObject".to_string()]);
        assert_eq!(Needs::of(["x if input.model.buckets[_]"]), Needs::default());
    }
}
