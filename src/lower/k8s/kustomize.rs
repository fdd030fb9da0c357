//! Kustomize: a `kustomization.yaml` (or a `Component`) is not an object, but it says which
//! files are patches, and it may hold patches itself (`patch: |-`). A patch is a fragment of
//! an object defined elsewhere, so it is never judged as a complete object: a strategic-merge
//! patch whose bases are in the scan is merged into each of them (the result is judged in the
//! base's place), one whose base is not is judged as a fragment (what it sets counts, what it
//! leaves out is unknown), and a JSON 6902 patch (a list of operations) is not an object at
//! all. A patch's `target` selects its bases by kind, name and namespace (equality, not
//! regular expressions) and by a label selector on `metadata.labels`; without a target the
//! patch's own kind, name and namespace say which object it patches.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::k8s::{InlinePatch, K8sObjects, Kustomization, ObjectMeta, PatchRef, PatchTarget};
use crate::source::{SourceFile, Span, normalise};
use crate::value::{Document, Entry, Kind, Node};

/// Keys of a kustomization file.
const KUSTOMIZATION_KEYS: &[&str] = &[
    "apiVersion",
    "kind",
    "metadata",
    "resources",
    "bases",
    "components",
    "patches",
    "patchesStrategicMerge",
    "patchesJson6902",
    "namespace",
    "namePrefix",
    "nameSuffix",
    "commonLabels",
    "labels",
    "commonAnnotations",
    "images",
    "replicas",
    "configMapGenerator",
    "secretGenerator",
    "generatorOptions",
    "vars",
    "replacements",
    "crds",
    "generators",
    "transformers",
    "validators",
    "openapi",
    "buildMetadata",
    "helmCharts",
    "helmGlobals",
    "sortOptions",
    "configurations",
];

/// Keys of which a kustomization has at least one.
const KUSTOMIZATION_MARKS: &[&str] =
    &["resources", "bases", "components", "patches", "patchesStrategicMerge", "patchesJson6902"];

/// Is this a kustomization written without `apiVersion` and `kind`: a map of kustomization
/// keys only, with resources or patches?
pub fn is_bare_kustomization(root: &Node) -> bool {
    let Some(entries) = root.as_map() else { return false };
    root.get("kind").is_none()
        && entries.iter().all(|e| KUSTOMIZATION_KEYS.contains(&e.key.as_str()))
        && entries.iter().any(|e| KUSTOMIZATION_MARKS.contains(&e.key.as_str()))
}

/// Is this `apiVersion`/`kind` a Kustomize kustomization or component?
pub fn is_kustomization_kind(api_version: &str, kind: &str) -> bool {
    api_version.starts_with("kustomize.config.k8s.io/") && matches!(kind, "Kustomization" | "Component")
}

/// The patches a kustomization applies: files it names by path, and patches written inline.
pub fn kustomization(root: &Node, file: &Arc<str>) -> Kustomization {
    let mut patches = Vec::new();
    let items = |key: &str| root.get(key).and_then(Node::as_seq).unwrap_or_default();
    let inline = |n: &Node| n.as_str().map(|text| InlinePatch { text: text.to_string(), span: n.span });
    for p in items("patchesStrategicMerge") {
        let Some(text) = p.as_str() else { continue };
        // An entry is a path, or (with a line break) a patch written in place.
        let (path, inline) =
            if text.contains('\n') { (String::new(), inline(p)) } else { (text.trim().to_string(), None) };
        patches.push(PatchRef { path, json6902: false, target: None, inline });
    }
    for (key, json6902) in [("patches", false), ("patchesJson6902", true)] {
        for p in items(key) {
            let path = p.get("path").and_then(Node::as_str).map(|t| t.trim().to_string());
            let inline = if path.is_none() { p.get("patch").and_then(inline) } else { None };
            if path.is_none() && inline.is_none() {
                continue;
            }
            let target = p.get("target").filter(|t| t.as_map().is_some()).map(|t| {
                let text = |k: &str| t.get(k).and_then(Node::as_str).map(str::to_string);
                PatchTarget {
                    kind: text("kind"),
                    name: text("name"),
                    namespace: text("namespace"),
                    label_selector: text("labelSelector"),
                }
            });
            patches.push(PatchRef { path: path.unwrap_or_default(), json6902, target, inline });
        }
    }
    let resources = ["resources", "bases"]
        .iter()
        .flat_map(|k| items(k))
        .filter_map(|n| n.as_str().map(|t| t.trim().to_string()))
        .collect();
    Kustomization { file: file.clone(), patches, resources }
}

/// Names of the files kubeadm reads from a `--patches` directory:
/// `target[suffix][+patchtype].{yaml,yml,json}` in a directory named `patches`.
pub fn is_kubeadm_patch(path: &Path) -> bool {
    const TARGETS: &[&str] = &[
        "etcd",
        "kube-apiserver",
        "kube-controller-manager",
        "kube-scheduler",
        "kubeletconfiguration",
        "corednsdeployment",
    ];
    let in_patches = path.parent().and_then(Path::file_name).is_some_and(|d| d == "patches");
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { return false };
    let target = stem.split('+').next().unwrap_or_default();
    in_patches && TARGETS.iter().any(|t| target.strip_prefix(t).is_some_and(|rest| !rest.starts_with('-')))
}

/// A merged object: (base file, base id, index of the kustomization) and its tree.
type Merged = ((Arc<str>, String, usize), Node);

/// One object: kind, name, namespace.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Target {
    kind: String,
    name: String,
    namespace: Option<String>,
}

/// Where a patch's documents are: a file of the scan, or the kustomization (inline patches).
enum Patch<'s> {
    File(&'s Arc<SourceFile>),
    Inline(Arc<str>, Vec<Node>),
}

/// Applies the patches the scan's kustomizations name: `parse` gives a source's documents.
pub fn apply(
    objects: &mut K8sObjects,
    sources: &[Arc<SourceFile>],
    parse: &dyn Fn(&SourceFile) -> Option<Vec<Document>>,
) {
    let by_path: HashMap<PathBuf, &Arc<SourceFile>> = sources.iter().map(|s| (normalise(&s.path), s)).collect();
    let by_name: HashMap<String, &Arc<SourceFile>> = sources.iter().map(|s| (s.display_path(), s)).collect();
    // Per kustomization, its patches: files of the scan and inline patches.
    let mut plans: Vec<Vec<(Patch, PatchRef)>> = Vec::new();
    // Per kustomization, the files whose objects it may patch (`None`: it names no resources).
    let mut scopes: Vec<Option<HashSet<Arc<str>>>> = Vec::new();
    let mut patch_files: HashSet<Arc<str>> = HashSet::new();
    for k in &objects.kustomizations {
        let Some(ks) = by_name.get(&*k.file) else { continue };
        let dir = ks.path.parent().unwrap_or(Path::new(""));
        scopes.push((!k.resources.is_empty()).then(|| {
            let roots: Vec<PathBuf> = k.resources.iter().map(|r| normalise(&dir.join(r))).collect();
            by_path
                .iter()
                .filter(|(path, _)| roots.iter().any(|r| path.starts_with(r)))
                .map(|(_, s)| Arc::<str>::from(s.display_path()))
                .collect()
        }));
        let mut plan = Vec::new();
        for p in &k.patches {
            if let Some(inline) = &p.inline {
                plan.push((Patch::Inline(k.file.clone(), inline_docs(inline, ks, parse)), p.clone()));
            } else if let Some(src) = by_path.get(&normalise(&dir.join(&p.path))) {
                patch_files.insert(src.display_path().into());
                plan.push((Patch::File(src), p.clone()));
            }
        }
        plans.push(plan);
    }
    if plans.iter().all(Vec::is_empty) {
        return;
    }
    // The objects lowered from patch files are no objects of their own.
    objects.retain_objects(|o| !patch_files.contains(&o.file));
    let mut docs: HashMap<Arc<str>, Vec<Document>> = HashMap::new();
    let docs_of = |docs: &mut HashMap<Arc<str>, Vec<Document>>, name: &Arc<str>| -> bool {
        if !docs.contains_key(name) {
            let Some(src) = by_name.get(&**name) else { return false };
            docs.insert(name.clone(), parse(src).unwrap_or_default());
        }
        true
    };
    // Merged trees per (base file, base id, kustomization).
    let mut merged: Vec<Merged> = Vec::new();
    let mut fragments = K8sObjects::default();
    for (ki, plan) in plans.iter().enumerate() {
        for (source, p) in plan {
            if p.json6902 {
                continue;
            }
            let (name, patches): (Arc<str>, Vec<Node>) = match source {
                Patch::File(src) => {
                    let name: Arc<str> = src.display_path().into();
                    if !docs_of(&mut docs, &name) {
                        continue;
                    }
                    let roots = docs[&name].iter().map(|d| d.root.clone()).collect();
                    (name, roots)
                }
                Patch::Inline(name, roots) => (name.clone(), roots.clone()),
            };
            // A list of operations (a JSON 6902 patch under `patches`) is no object.
            for patch in patches.iter().filter(|n| n.as_map().is_some()) {
                let Some(selector) = selector_of(patch, p.target.as_ref()) else { continue };
                let bases = find_bases(objects, &selector, &patch_files, scopes[ki].as_ref());
                if bases.is_empty() {
                    if super::is_manifest(patch) {
                        let mut one = K8sObjects::default();
                        super::lower(patch, &name, &mut one);
                        super::make_fragments(&mut one);
                        fragments.append(one);
                    }
                    continue;
                }
                // The patch's name and namespace only said which object it applies to.
                let patch = &without_identity(patch);
                for (base_file, base_id, target) in bases {
                    let key = (base_file.clone(), base_id, ki);
                    if let Some((_, tree)) = merged.iter_mut().find(|(k, _)| *k == key) {
                        *tree = merge(tree, patch).unwrap_or_else(|| tree.clone());
                        continue;
                    }
                    if !docs_of(&mut docs, &base_file) {
                        continue;
                    }
                    let Some(base_tree) = docs[&base_file].iter().find_map(|d| find_tree(&d.root, &target, 0)) else {
                        continue;
                    };
                    let tree = merge(base_tree, patch).unwrap_or_else(|| base_tree.clone());
                    merged.push((key, tree));
                }
            }
        }
    }
    let replaced: HashSet<(Arc<str>, String)> = merged.iter().map(|((f, id, _), _)| (f.clone(), id.clone())).collect();
    objects.retain_objects(|o| !replaced.contains(&(o.file.clone(), o.res.id.to_string())));
    for ((file, _, _), tree) in &merged {
        super::lower(tree, file, objects);
    }
    objects.append(fragments);
}

/// The documents of an inline patch, every node placed at the patch's text in the
/// kustomization (the text has no file of its own).
fn inline_docs(
    inline: &InlinePatch,
    kustomization: &SourceFile,
    parse: &dyn Fn(&SourceFile) -> Option<Vec<Document>>,
) -> Vec<Node> {
    let text = SourceFile::new(kustomization.path.clone(), inline.text.clone());
    let docs = parse(&text).unwrap_or_default();
    docs.iter().map(|d| respan(&d.root, inline.span)).collect()
}

fn respan(n: &Node, span: Span) -> Node {
    let kind = match &n.kind {
        Kind::Map(entries) => Kind::Map(
            entries
                .iter()
                .map(|e| Entry { key: e.key.clone(), key_span: span, value: respan(&e.value, span) })
                .collect(),
        ),
        Kind::Seq(items) => Kind::Seq(items.iter().map(|i| respan(i, span)).collect()),
        other => other.clone(),
    };
    Node::new(span, kind)
}

/// The patch without `metadata.name` and `metadata.namespace`.
fn without_identity(patch: &Node) -> Node {
    let mut out = patch.clone();
    if let Kind::Map(entries) = &mut out.kind
        && let Some(md) = entries.iter_mut().find(|e| e.key == "metadata")
        && let Kind::Map(m) = &mut md.value.kind
    {
        m.retain(|e| e.key != "name" && e.key != "namespace");
    }
    out
}

/// Which objects a patch applies to; every field given must match.
struct Selector {
    kind: Option<String>,
    name: Option<String>,
    namespace: Option<String>,
    labels: Vec<Requirement>,
}

/// The objects a patch applies to: the kustomization's target when it selects by kind, name
/// or labels (the patch's own name is then ignored), else the patch's own kind, name and
/// namespace. `None` when neither says (or the label selector cannot be read).
fn selector_of(patch: &Node, given: Option<&PatchTarget>) -> Option<Selector> {
    if let Some(t) = given.filter(|t| t.kind.is_some() || t.name.is_some() || t.label_selector.is_some()) {
        let labels = match &t.label_selector {
            Some(s) => parse_selector(s)?,
            None => Vec::new(),
        };
        return Some(Selector { kind: t.kind.clone(), name: t.name.clone(), namespace: t.namespace.clone(), labels });
    }
    let md = patch.get("metadata");
    let own = |k: &str| md.and_then(|m| m.get(k)).and_then(Node::as_str).map(str::to_string);
    Some(Selector {
        kind: Some(patch.get("kind").and_then(Node::as_str)?.to_string()),
        name: Some(own("name")?),
        namespace: given.and_then(|t| t.namespace.clone()).or_else(|| own("namespace")),
        labels: Vec::new(),
    })
}

/// One requirement of a label selector.
#[derive(Debug, PartialEq)]
enum Requirement {
    Equals(String, String),
    NotEquals(String, String),
    In(String, Vec<String>),
    NotIn(String, Vec<String>),
    Exists(String),
    NotExists(String),
}

/// A label selector in its string form: requirements separated by commas, each `key=value`,
/// `key==value`, `key!=value`, `key in (a,b)`, `key notin (a,b)`, `key` or `!key`.
fn parse_selector(text: &str) -> Option<Vec<Requirement>> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    let is_key = |k: &str| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    let set = |rest: &str| -> Option<Vec<String>> {
        let inner = rest.trim().strip_prefix('(')?.strip_suffix(')')?;
        Some(inner.split(',').map(|v| v.trim().to_string()).collect())
    };
    let mut out = Vec::new();
    for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let words: Vec<&str> = part.splitn(2, char::is_whitespace).collect();
        let r = if let Some(k) = part.strip_prefix('!').map(str::trim).filter(|k| is_key(k)) {
            Requirement::NotExists(k.to_string())
        } else if let [k, rest] = words[..]
            && let Some(values) = rest.trim_start().strip_prefix("notin").and_then(set)
        {
            Requirement::NotIn(k.to_string(), values)
        } else if let [k, rest] = words[..]
            && let Some(values) = rest.trim_start().strip_prefix("in").and_then(set)
        {
            Requirement::In(k.to_string(), values)
        } else if let Some((k, v)) = part.split_once("!=") {
            Requirement::NotEquals(k.trim().to_string(), v.trim().to_string())
        } else if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
            Requirement::Equals(k.trim().to_string(), v.trim().to_string())
        } else if is_key(part) {
            Requirement::Exists(part.to_string())
        } else {
            return None;
        };
        let key = match &r {
            Requirement::Equals(k, _)
            | Requirement::NotEquals(k, _)
            | Requirement::In(k, _)
            | Requirement::NotIn(k, _)
            | Requirement::Exists(k)
            | Requirement::NotExists(k) => k,
        };
        if !is_key(key) {
            return None;
        }
        out.push(r);
    }
    Some(out)
}

fn label_matches(r: &Requirement, labels: &[(String, String)]) -> bool {
    let get = |k: &str| labels.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    match r {
        Requirement::Equals(k, v) => get(k) == Some(v.as_str()),
        Requirement::NotEquals(k, v) => get(k) != Some(v.as_str()),
        Requirement::In(k, vs) => get(k).is_some_and(|x| vs.iter().any(|v| v == x)),
        Requirement::NotIn(k, vs) => !get(k).is_some_and(|x| vs.iter().any(|v| v == x)),
        Requirement::Exists(k) => get(k).is_some(),
        Requirement::NotExists(k) => get(k).is_none(),
    }
}

fn same_target(kind: &str, name: Option<&str>, namespace: Option<&str>, t: &Target) -> bool {
    kind == t.kind
        && name == Some(t.name.as_str())
        && match (namespace, t.namespace.as_deref()) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
}

/// The objects of the scan a patch applies to (not themselves patches): file, id and which
/// object it is.
fn find_bases(
    objects: &K8sObjects,
    s: &Selector,
    patch_files: &HashSet<Arc<str>>,
    scope: Option<&HashSet<Arc<str>>>,
) -> Vec<(Arc<str>, String, Target)> {
    let mut all: Vec<&ObjectMeta> = Vec::new();
    all.extend(objects.workloads.iter().map(|o| &o.obj));
    all.extend(objects.namespaces.iter().map(|o| &o.obj));
    all.extend(objects.network_policies.iter().map(|o| &o.obj));
    all.extend(objects.roles.iter().map(|o| &o.obj));
    all.extend(objects.bindings.iter().map(|o| &o.obj));
    all.extend(objects.service_accounts.iter().map(|o| &o.obj));
    all.extend(objects.secrets.iter().map(|o| &o.obj));
    all.extend(objects.config_maps.iter().map(|o| &o.obj));
    all.extend(objects.others.iter());
    let mut out: Vec<(Arc<str>, String, Target)> = Vec::new();
    for o in all {
        let Some(name) = &o.name else { continue };
        let matches = !o.fragment
            && !patch_files.contains(&o.file)
            && scope.is_none_or(|files| files.contains(&o.file))
            && s.kind.as_ref().is_none_or(|k| *k == o.kind)
            && s.name.as_ref().is_none_or(|n| n == name)
            && match (o.namespace.as_deref(), s.namespace.as_deref()) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
            && s.labels.iter().all(|r| label_matches(r, &o.labels));
        if matches && !out.iter().any(|(f, id, _)| *f == o.file && **id == *o.res.id) {
            let target = Target { kind: o.kind.clone(), name: name.clone(), namespace: o.namespace.clone() };
            out.push((o.file.clone(), o.res.id.to_string(), target));
        }
    }
    out
}

/// The tree of the object `t` in a document (looking into `List`s).
fn find_tree<'n>(root: &'n Node, t: &Target, depth: usize) -> Option<&'n Node> {
    if depth > 8 {
        return None;
    }
    let kind = root.get("kind").and_then(Node::as_str)?;
    let md = root.get("metadata");
    let own = |k: &str| md.and_then(|m| m.get(k)).and_then(Node::as_str);
    if same_target(kind, own("name"), own("namespace"), t) {
        return Some(root);
    }
    root.get("items").and_then(Node::as_seq)?.iter().find_map(|i| find_tree(i, t, depth + 1))
}

/// The key list items are merged by, per list name (as the Kubernetes API declares them for
/// strategic merge patches); other lists are replaced.
fn merge_key(list: &str) -> Option<&'static str> {
    Some(match list {
        "containers" | "initContainers" | "ephemeralContainers" | "volumes" | "env" | "imagePullSecrets" => "name",
        "volumeMounts" => "mountPath",
        "volumeDevices" => "devicePath",
        "ports" => "containerPort",
        "hostAliases" => "ip",
        "topologySpreadConstraints" => "topologyKey",
        _ => return None,
    })
}

fn directive(n: &Node) -> Option<&str> {
    n.get("$patch").and_then(Node::as_str)
}

/// The patch without its `$` directives.
fn strip(n: &Node) -> Node {
    match &n.kind {
        Kind::Map(entries) => Node::new(
            n.span,
            Kind::Map(
                entries
                    .iter()
                    .filter(|e| !e.key.starts_with('$'))
                    .map(|e| Entry { key: e.key.clone(), key_span: e.key_span, value: strip(&e.value) })
                    .collect(),
            ),
        ),
        Kind::Seq(items) => Node::new(n.span, Kind::Seq(items.iter().map(strip).collect())),
        _ => n.clone(),
    }
}

/// A strategic merge of `patch` into `base`; `None` when the patch deletes it.
pub fn merge(base: &Node, patch: &Node) -> Option<Node> {
    merge_in(base, patch, "")
}

fn merge_in(base: &Node, patch: &Node, key: &str) -> Option<Node> {
    match (&base.kind, &patch.kind) {
        (_, Kind::Map(_)) if directive(patch) == Some("delete") => None,
        (_, Kind::Map(_)) if directive(patch) == Some("replace") => Some(strip(patch)),
        (Kind::Map(b), Kind::Map(p)) => {
            let mut out: Vec<Entry> = b.clone();
            for e in p.iter().filter(|e| !e.key.starts_with('$')) {
                let at = out.iter().position(|o| o.key == e.key);
                match (at, e.value.is_null()) {
                    (Some(i), true) => {
                        out.remove(i);
                    }
                    (None, true) => {}
                    // The same value: the base's, where the object defines it (merge keys).
                    (Some(i), false) if out[i].value.kind == e.value.kind => {}
                    (Some(i), false) => match merge_in(&out[i].value, &e.value, &e.key) {
                        Some(v) => out[i].value = v,
                        None => {
                            out.remove(i);
                        }
                    },
                    (None, false) => {
                        out.push(Entry { key: e.key.clone(), key_span: e.key_span, value: strip(&e.value) })
                    }
                }
            }
            Some(Node::new(base.span, Kind::Map(out)))
        }
        (Kind::Seq(b), Kind::Seq(p)) => {
            let Some(mk) = merge_key(key) else { return Some(strip(patch)) };
            let id = |n: &Node| n.get(mk).and_then(|v| v.scalar_text()).map(|t| t.into_owned());
            let mut out: Vec<Node> = b.clone();
            for item in p {
                let Some(k) = id(item) else {
                    out.push(strip(item));
                    continue;
                };
                match out.iter().position(|o| id(o).as_deref() == Some(k.as_str())) {
                    Some(i) => match merge_in(&out[i], item, "") {
                        Some(v) => out[i] = v,
                        None => {
                            out.remove(i);
                        }
                    },
                    None if directive(item) == Some("delete") => {}
                    None => out.push(strip(item)),
                }
            }
            Some(Node::new(base.span, Kind::Seq(out)))
        }
        _ => Some(strip(patch)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Limits, parse_yaml};

    fn tree(text: &str) -> Node {
        let src = SourceFile::new("t.yaml", text.to_string());
        parse_yaml(&src, &Limits::default()).unwrap().remove(0).root
    }

    #[test]
    fn containers_merge_by_name_and_other_lists_are_replaced() {
        let base = tree(
            "spec:\n  containers:\n  - {name: a, image: x, args: [1, 2]}\n  - {name: b, image: y}\n  tolerations: [{key: k}]\n",
        );
        let patch = tree(
            "spec:\n  containers:\n  - {name: b, securityContext: {privileged: true}, args: [3]}\n  - {name: c, image: z}\n  tolerations: [{key: l}]\n",
        );
        let m = merge(&base, &patch).unwrap().to_json();
        let want = serde_json::json!({"spec": {"containers": [
            {"name": "a", "image": "x", "args": [1, 2]},
            {"name": "b", "image": "y", "securityContext": {"privileged": true}, "args": [3]},
            {"name": "c", "image": "z"}],
            "tolerations": [{"key": "l"}]}});
        assert_eq!(m, want);
    }

    #[test]
    fn directives_and_nulls_delete() {
        let base =
            tree("spec:\n  a: 1\n  b: {c: 2}\n  containers:\n  - {name: a, image: x}\n  - {name: b, image: y}\n");
        let patch =
            tree("spec:\n  a: null\n  b: {$patch: replace, d: 3}\n  containers:\n  - {name: a, $patch: delete}\n");
        let m = merge(&base, &patch).unwrap().to_json();
        assert_eq!(m, serde_json::json!({"spec": {"b": {"d": 3}, "containers": [{"name": "b", "image": "y"}]}}));
    }

    #[test]
    fn kustomizations_are_recognised_with_or_without_kind() {
        assert!(is_bare_kustomization(&tree("resources: [a.yaml]\npatches:\n- path: p.yaml\n")));
        assert!(!is_bare_kustomization(&tree("resources: [a.yaml]\nspec: {}\n")));
        assert!(!is_bare_kustomization(&tree("namePrefix: x-\n")));
        assert!(is_kustomization_kind("kustomize.config.k8s.io/v1beta1", "Kustomization"));
        let k = kustomization(
            &tree(
                "patchesStrategicMerge: [a.yaml, \"apiVersion: v1\\nkind: X\\n\"]\npatches:\n- path: b.yaml\n  target: {kind: Deployment, name: w}\n- patch: inline\npatchesJson6902:\n- path: c.yaml\n",
            ),
            &"k.yaml".into(),
        );
        let paths: Vec<(&str, bool, bool)> =
            k.patches.iter().map(|p| (p.path.as_str(), p.json6902, p.inline.is_some())).collect();
        let want = vec![
            ("a.yaml", false, false),
            ("", false, true),
            ("b.yaml", false, false),
            ("", false, true),
            ("c.yaml", true, false),
        ];
        assert_eq!(paths, want);
        assert_eq!(k.patches[2].target.as_ref().and_then(|t| t.name.as_deref()), Some("w"));
        assert_eq!(k.patches[3].inline.as_ref().map(|i| i.text.as_str()), Some("inline"));
    }

    #[test]
    fn label_selectors() {
        let labels: Vec<(String, String)> =
            [("app", "web"), ("tier", "edge")].iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let holds = |s: &str| parse_selector(s).map(|rs| rs.iter().all(|r| label_matches(r, &labels)));
        assert_eq!(holds("app=web"), Some(true));
        assert_eq!(holds("app==web, tier in (backend, edge)"), Some(true));
        assert_eq!(holds("app=web,!canary,tier"), Some(true));
        assert_eq!(holds("app!=web"), Some(false));
        assert_eq!(holds("tier notin (edge)"), Some(false));
        assert_eq!(holds("track notin (canary)"), Some(true));
        assert_eq!(holds("track=canary"), Some(false));
        assert_eq!(holds("!app"), Some(false));
        assert_eq!(holds("tier in (a"), None);
        assert_eq!(holds("a b c"), None);
    }

    #[test]
    fn kubeadm_patch_names() {
        assert!(is_kubeadm_patch(Path::new("x/patches/kube-apiserver0+strategic.yaml")));
        assert!(is_kubeadm_patch(Path::new("patches/etcd.json")));
        assert!(!is_kubeadm_patch(Path::new("x/manifests/etcd.yaml")));
        assert!(!is_kubeadm_patch(Path::new("patches/etcd-backup.yaml")));
    }
}
