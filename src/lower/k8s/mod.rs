//! The Kubernetes frontend: recognises manifests (documents with a string `apiVersion` and
//! `kind`; `kind: List` with `items`) and lowers them into [`K8sObjects`].
//!
//! There is nothing to evaluate: a value is known when it has the type Kubernetes expects,
//! and unknown otherwise (a wrong type, or a string still holding a `{{ ... }}` template
//! expression), so that rules stay silent about it.

use std::sync::Arc;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::k8s::*;
use crate::model::{Field, ResMeta, Tri};
use crate::source::Span;
use crate::value::{Kind, Node};

pub mod kustomize;

/// Kinds that are, or embed, a pod spec.
pub const WORKLOAD_KINDS: &[&str] =
    &["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"];

/// Nesting of `List`s followed at most.
const MAX_LIST_DEPTH: usize = 8;

/// Is this document a Kubernetes object (string `apiVersion` and `kind`)?
pub fn is_manifest(root: &Node) -> bool {
    root.get("apiVersion").and_then(Node::as_str).is_some() && root.get("kind").and_then(Node::as_str).is_some()
}

/// Is this document a Kubernetes object, or a kustomization written without `apiVersion` and
/// `kind` (Kustomize accepts that)?
pub fn is_input(root: &Node) -> bool {
    is_manifest(root) || kustomize::is_bare_kustomization(root)
}

/// Text that looks like a Kubernetes manifest (an `apiVersion` key and a `kind` key, in YAML or
/// JSON), for deciding whether a parse failure is worth reporting.
pub fn looks_like_manifest(text: &str) -> bool {
    let has_key = |key: &str| {
        let quoted = format!("\"{key}\"");
        let json = text.match_indices(quoted.as_str()).any(|(i, q)| text[i + q.len()..].trim_start().starts_with(':'));
        json || text.lines().any(|l| {
            let l = l.trim_start().trim_start_matches("- ").trim_start();
            l.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with(':'))
        })
    };
    has_key("apiVersion") && has_key("kind")
}

/// Text that looks like an unrendered Helm (Go) template.
pub fn looks_like_helm_template(text: &str) -> bool {
    text.contains("{{") && text.contains("}}")
}

/// Lowers one document into `out`.
pub fn lower(root: &Node, file: &Arc<str>, out: &mut K8sObjects) {
    lower_reporting(root, file, out);
}

/// Lowers one document into `out`; returns what was left out (`List`s nested too deep).
pub fn lower_reporting(root: &Node, file: &Arc<str>, out: &mut K8sObjects) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    lower_at(root, file, out, 0, &mut diagnostics);
    diagnostics
}

fn lower_at(root: &Node, file: &Arc<str>, out: &mut K8sObjects, depth: usize, diagnostics: &mut Vec<Diagnostic>) {
    if depth == 0 && kustomize::is_bare_kustomization(root) {
        out.kustomizations.push(kustomize::kustomization(root, file));
        return;
    }
    if !is_manifest(root) {
        return;
    }
    if depth > MAX_LIST_DEPTH {
        diagnostics.push(Diagnostic::at(
            DiagnosticKind::NotAnalysed,
            file,
            root.span,
            msg!("diag-k8s-list-depth", depth = MAX_LIST_DEPTH),
        ));
        return;
    }
    let kind = root.get("kind").and_then(Node::as_str).unwrap_or_default();
    if kind == "List" || (kind.ends_with("List") && root.get("items").is_some_and(|i| i.as_seq().is_some())) {
        for item in root.get("items").and_then(Node::as_seq).unwrap_or_default() {
            lower_at(item, file, out, depth + 1, diagnostics);
        }
        return;
    }
    let api_version = root.get("apiVersion").and_then(Node::as_str).unwrap_or_default();
    if kustomize::is_kustomization_kind(api_version, kind) {
        out.kustomizations.push(kustomize::kustomization(root, file));
        return;
    }
    let obj = object_meta(root, file);
    match kind {
        k if WORKLOAD_KINDS.contains(&k) && is_builtin_group(api_version) => {
            if let Some(w) = workload(root, obj.clone()) {
                out.workloads.push(fragment_if_incomplete(w));
            } else {
                out.others.push(obj);
            }
        }
        _ if !is_builtin_group(api_version) => custom_resource(root, obj, out),
        "Namespace" => out.namespaces.push(namespace(root, obj)),
        "NetworkPolicy" => out.network_policies.push(network_policy(root, obj)),
        "Role" | "ClusterRole" => out.roles.push(Role {
            cluster: kind == "ClusterRole",
            rules: root.get("rules").and_then(Node::as_seq).unwrap_or_default().iter().map(policy_rule).collect(),
            obj,
        }),
        "RoleBinding" | "ClusterRoleBinding" => out.bindings.push(binding(root, obj)),
        "ServiceAccount" => out
            .service_accounts
            .push(ServiceAccount { automount_token: boolean(root, "automountServiceAccountToken", obj.res.span), obj }),
        "Secret" => {
            let mut keys = Vec::new();
            for section in ["data", "stringData"] {
                for e in root.get(section).and_then(Node::as_map).unwrap_or_default() {
                    // Only values written out: empty and templated values are left out.
                    if e.value.scalar_text().is_some_and(|v| !v.trim().is_empty() && !v.contains("{{")) {
                        keys.push((e.key.clone(), e.key_span));
                    }
                }
            }
            out.secrets.push(Secret { secret_type: string(root, "type", obj.res.span), keys, obj });
        }
        "ConfigMap" => {
            let data = root
                .get("data")
                .and_then(Node::as_map)
                .unwrap_or_default()
                .iter()
                .filter_map(|e| e.value.scalar_text().map(|v| (e.key.clone(), v.into_owned(), e.value.span)))
                .collect();
            out.config_maps.push(ConfigMap { data, obj });
        }
        _ => out.others.push(obj),
    }
}

/// The API group of an `apiVersion` (`""` for the core group).
fn api_group(api_version: &str) -> &str {
    api_version.rsplit_once('/').map(|(g, _)| g).unwrap_or("")
}

/// Is the API group one Kubernetes itself serves (the core group, the unqualified groups, and
/// the `*.k8s.io` groups reserved for the Kubernetes project)?
fn is_builtin_group(api_version: &str) -> bool {
    let g = api_group(api_version);
    g.is_empty() || !g.contains('.') || g == "k8s.io" || g.ends_with(".k8s.io")
}

/// Pod templates looked for this deep below a custom resource's `spec`.
const MAX_TEMPLATE_DEPTH: usize = 6;
/// Pod templates taken from one custom resource at most.
const MAX_TEMPLATES: usize = 16;

/// Kinds of non-built-in groups known not to create pods (monitoring and certificate
/// configuration).
const NO_POD_KINDS: &[(&str, &[&str])] = &[
    (
        "monitoring.coreos.com",
        &["ServiceMonitor", "PodMonitor", "Probe", "PrometheusRule", "AlertmanagerConfig", "ScrapeConfig"],
    ),
    ("cert-manager.io", &["Certificate", "CertificateRequest", "Issuer", "ClusterIssuer"]),
];

/// Prometheus operator kinds whose pods carry `spec.podMetadata.labels` and the labels the
/// operator adds: (kind, value of `app.kubernetes.io/name`, the label naming the instance).
const OPERATOR_PODS: &[(&str, &str, &str)] = &[
    ("Prometheus", "prometheus", "prometheus"),
    ("PrometheusAgent", "prometheus-agent", "prometheus"),
    ("Alertmanager", "alertmanager", "alertmanager"),
    ("ThanosRuler", "thanos-ruler", "thanos-ruler"),
];

/// An object of a kind Kubernetes does not define: a workload when it embeds pod templates
/// (`template.spec.containers`, below `spec`), else something its operator may turn into pods.
fn custom_resource(root: &Node, obj: ObjectMeta, out: &mut K8sObjects) {
    let mut templates = Vec::new();
    if let Some(spec) = root.get("spec") {
        pod_templates(spec, 0, &mut templates);
    }
    if !templates.is_empty() {
        for t in templates {
            if let Some(w) = template_workload(t, obj.clone()) {
                out.workloads.push(fragment_if_incomplete(w));
            }
        }
        return;
    }
    let group = api_group(&obj.api_version);
    let no_pods = NO_POD_KINDS.iter().any(|(g, kinds)| *g == group && kinds.contains(&obj.kind.as_str()));
    if !no_pods {
        let pod_labels = match OPERATOR_PODS.iter().find(|(k, _, _)| *k == obj.kind) {
            Some((_, app, instance_label)) if group == "monitoring.coreos.com" => {
                operator_pod_labels(root, &obj, app, instance_label)
            }
            _ => None,
        };
        out.pod_creators.push(PodCreator { obj: obj.clone(), pod_labels });
    }
    out.others.push(obj);
}

/// Labels of the pods the Prometheus operator creates for `root`: `spec.podMetadata.labels`
/// and its own; none when part of them cannot be read.
fn operator_pod_labels(
    root: &Node,
    obj: &ObjectMeta,
    app: &str,
    instance_label: &str,
) -> Option<Vec<(String, String)>> {
    let name = obj.name.clone().filter(|n| !n.contains("{{"))?;
    let mut labels = Vec::new();
    if let Some(l) = root.get("spec").and_then(|s| s.get("podMetadata")).and_then(|m| m.get("labels")) {
        for e in l.as_map()? {
            let v = e.value.scalar_text()?;
            if v.contains("{{") {
                return None;
            }
            labels.push((e.key.clone(), v.into_owned()));
        }
    }
    for (k, v) in [
        ("app.kubernetes.io/name", app),
        ("app.kubernetes.io/managed-by", "prometheus-operator"),
        ("app.kubernetes.io/instance", name.as_str()),
        ("operator.prometheus.io/name", name.as_str()),
        (instance_label, name.as_str()),
    ] {
        if !labels.iter().any(|(l, _)| l == k) {
            labels.push((k.to_string(), v.to_string()));
        }
    }
    Some(labels)
}

/// Collects the maps under `n` that are pod templates: a `template` whose `spec` has a
/// `containers` list (`spec.template`, `spec.jobTemplate.spec.template`, replica specs of
/// training jobs...), at most [`MAX_TEMPLATE_DEPTH`] levels down.
fn pod_templates<'n>(n: &'n Node, depth: usize, out: &mut Vec<&'n Node>) {
    if depth > MAX_TEMPLATE_DEPTH || out.len() >= MAX_TEMPLATES {
        return;
    }
    match &n.kind {
        Kind::Map(entries) => {
            for e in entries {
                if e.key == "template"
                    && e.value.get("spec").and_then(|s| s.get("containers")).and_then(Node::as_seq).is_some()
                {
                    if out.len() < MAX_TEMPLATES {
                        out.push(&e.value);
                    }
                } else {
                    pod_templates(&e.value, depth + 1, out);
                }
            }
        }
        Kind::Seq(items) => {
            for i in items {
                pod_templates(i, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// A workload that could not be created as written is a fragment (a patch of an object
/// defined elsewhere): its pod spec has no `containers` list, or a container has no `image`.
fn fragment_if_incomplete(mut w: Workload) -> Workload {
    let incomplete =
        !w.has_containers || w.pod.containers.iter().any(|c| c.kind != ContainerKind::Ephemeral && c.image.is_absent());
    if incomplete {
        fragment_workload(&mut w);
    }
    w
}

/// Makes every object of `objects` a fragment: what it leaves out is unknown, not absent.
pub fn make_fragments(objects: &mut K8sObjects) {
    for w in &mut objects.workloads {
        fragment_workload(w);
    }
    for sa in &mut objects.service_accounts {
        sa.obj.fragment = true;
        unknown_if_absent(&mut sa.automount_token);
    }
    for n in &mut objects.namespaces {
        n.obj.fragment = true;
    }
    for p in &mut objects.network_policies {
        p.obj.fragment = true;
    }
    for o in &mut objects.others {
        o.fragment = true;
    }
    for r in &mut objects.roles {
        r.obj.fragment = true;
    }
    for b in &mut objects.bindings {
        b.obj.fragment = true;
    }
    for s in &mut objects.secrets {
        s.obj.fragment = true;
    }
    for c in &mut objects.config_maps {
        c.obj.fragment = true;
    }
    // A patch of a custom resource creates no pods of its own.
    objects.pod_creators.clear();
}

fn unknown_if_absent<T>(f: &mut Field<T>) {
    if f.is_absent() {
        f.value = Tri::Unknown;
    }
}

fn fragment_security(sc: &mut SecurityContext) {
    unknown_if_absent(&mut sc.run_as_non_root);
    unknown_if_absent(&mut sc.run_as_user);
    unknown_if_absent(&mut sc.privileged);
    unknown_if_absent(&mut sc.allow_privilege_escalation);
    unknown_if_absent(&mut sc.read_only_root_filesystem);
    unknown_if_absent(&mut sc.proc_mount);
    unknown_if_absent(&mut sc.seccomp);
    unknown_if_absent(&mut sc.apparmor);
    unknown_if_absent(&mut sc.selinux_type);
    unknown_if_absent(&mut sc.selinux_user);
    unknown_if_absent(&mut sc.selinux_role);
    unknown_if_absent(&mut sc.host_process);
    unknown_if_absent(&mut sc.caps_add);
    unknown_if_absent(&mut sc.caps_drop);
    unknown_if_absent(&mut sc.sysctls);
}

fn fragment_workload(w: &mut Workload) {
    w.obj.fragment = true;
    let p = &mut w.pod;
    unknown_if_absent(&mut p.host_network);
    unknown_if_absent(&mut p.host_pid);
    unknown_if_absent(&mut p.host_ipc);
    unknown_if_absent(&mut p.host_users);
    unknown_if_absent(&mut p.os);
    unknown_if_absent(&mut p.service_account);
    unknown_if_absent(&mut p.automount_token);
    fragment_security(&mut p.security);
    for c in &mut p.containers {
        unknown_if_absent(&mut c.image);
        fragment_security(&mut c.security);
        for port in &mut c.ports {
            unknown_if_absent(&mut port.container_port);
            unknown_if_absent(&mut port.host_port);
        }
        // Requests and limits merge with the base's: unknown rather than missing.
        c.resources.present = true;
        c.resources.requests = None;
        c.resources.limits = None;
    }
}

fn object_meta(root: &Node, file: &Arc<str>) -> ObjectMeta {
    let kind_node = root.get("kind");
    let kind = kind_node.and_then(Node::as_str).unwrap_or_default().to_string();
    let api_version = root.get("apiVersion").and_then(Node::as_str).unwrap_or_default().to_string();
    let md = root.get("metadata");
    let name_node = md.and_then(|m| m.get("name")).filter(|n| n.as_str().is_some());
    let name = name_node.and_then(Node::as_str).map(str::to_string);
    let namespace = md.and_then(|m| m.get("namespace")).and_then(Node::as_str).map(str::to_string);
    let span = name_node.or(kind_node).map(|n| n.span).unwrap_or(root.span);
    let id = match (&namespace, &name) {
        (Some(ns), Some(n)) => format!("{kind}/{ns}/{n}"),
        (None, Some(n)) => format!("{kind}/{n}"),
        (_, None) => kind.clone(),
    };
    ObjectMeta {
        file: file.clone(),
        res: ResMeta {
            id: id.into(),
            kind: kind.as_str().into(),
            model_kind: model_kind(&kind),
            span,
            props_span: root.span,
            tags: crate::model::tags::kept(labels_of(md, span)),
        },
        api_version,
        kind,
        name,
        namespace,
        labels: string_map(md.and_then(|m| m.get("labels"))).into_iter().map(|a| (a.key, a.value)).collect(),
        annotations: string_map(md.and_then(|m| m.get("annotations"))),
        fragment: false,
    }
}

/// `metadata.labels` as tags (absent at `absent` when the object has none).
fn labels_of(md: Option<&Node>, absent: Span) -> crate::model::Field<Vec<crate::model::Tag>> {
    let Some(labels) = md.and_then(|m| m.get("labels")) else { return crate::model::Field::absent(absent) };
    let entries: Vec<(String, Span, String, Span)> = labels
        .as_map()
        .unwrap_or_default()
        .iter()
        .filter_map(|e| Some((e.key.clone(), e.key_span, e.value.scalar_text()?.into_owned(), e.value.span)))
        .collect();
    crate::model::tags::labels(&entries, labels.span)
}

/// A map of strings (labels, annotations); non-scalar values are left out.
fn string_map(n: Option<&Node>) -> Vec<Annotation> {
    n.and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            e.value.scalar_text().map(|v| Annotation { key: e.key.clone(), value: v.into_owned(), span: e.value.span })
        })
        .collect()
}

fn namespace(root: &Node, obj: ObjectMeta) -> Namespace {
    let labels_node = root.get("metadata").and_then(|m| m.get("labels"));
    let labels = string_map(labels_node);
    let level = |mode: &str| {
        let key = format!("pod-security.kubernetes.io/{mode}");
        labels.iter().find(|a| a.key == key).cloned()
    };
    Namespace {
        labels_span: labels_node.map(|n| n.span).unwrap_or(obj.res.span),
        enforce: level("enforce"),
        audit: level("audit"),
        warn: level("warn"),
        obj,
    }
}

fn workload(root: &Node, obj: ObjectMeta) -> Option<Workload> {
    let spec = root.get("spec")?;
    // Where the pod template is, per kind.
    let template = match obj.kind.as_str() {
        "Pod" => None,
        "CronJob" => Some(spec.get("jobTemplate")?.get("spec")?.get("template")?),
        _ => Some(spec.get("template")?),
    };
    let (pod_md, pod_spec) = match template {
        None => (root.get("metadata"), spec),
        Some(t) => (t.get("metadata"), t.get("spec")?),
    };
    pod_workload(pod_md, pod_spec, obj)
}

/// The workload of a pod template (`metadata` and `spec`) of a custom resource.
fn template_workload(template: &Node, obj: ObjectMeta) -> Option<Workload> {
    pod_workload(template.get("metadata"), template.get("spec")?, obj)
}

fn pod_workload(pod_md: Option<&Node>, pod_spec: &Node, obj: ObjectMeta) -> Option<Workload> {
    pod_spec.as_map()?;
    Some(Workload {
        has_containers: pod_spec.get("containers").is_some_and(|c| !c.is_null()),
        pod_labels: string_map(pod_md.and_then(|m| m.get("labels"))).into_iter().map(|a| (a.key, a.value)).collect(),
        pod_annotations: string_map(pod_md.and_then(|m| m.get("annotations"))),
        pod: pod(pod_spec),
        obj,
    })
}

fn pod(spec: &Node) -> PodSpec {
    let s = spec.span;
    let mut containers = Vec::new();
    for (key, kind) in [
        ("initContainers", ContainerKind::Init),
        ("containers", ContainerKind::Regular),
        ("ephemeralContainers", ContainerKind::Ephemeral),
    ] {
        for c in spec.get(key).and_then(Node::as_seq).unwrap_or_default() {
            if c.as_map().is_some() {
                containers.push(container(c, kind));
            }
        }
    }
    let volumes = spec
        .get("volumes")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|v| {
            let entries = v.as_map()?;
            let name = v.get("name").and_then(Node::as_str).unwrap_or_default().to_string();
            let source = entries.iter().find(|e| e.key != "name").map(|e| (e.key.clone(), e.key_span));
            Some(Volume { name, span: v.span, source })
        })
        .collect();
    let sa = if spec.get("serviceAccountName").is_some() {
        string(spec, "serviceAccountName", s)
    } else {
        string(spec, "serviceAccount", s)
    };
    PodSpec {
        span: s,
        host_network: boolean(spec, "hostNetwork", s),
        host_pid: boolean(spec, "hostPID", s),
        host_ipc: boolean(spec, "hostIPC", s),
        host_users: boolean(spec, "hostUsers", s),
        os: spec.get("os").map(|o| string(o, "name", o.span)).unwrap_or_else(|| Field::absent(s)),
        service_account: sa,
        automount_token: boolean(spec, "automountServiceAccountToken", s),
        security: security_context(spec.get("securityContext"), s),
        volumes,
        containers,
    }
}

fn container(c: &Node, kind: ContainerKind) -> Container {
    let name_node = c.get("name");
    let span = name_node.map(|n| n.span).unwrap_or(c.span);
    let ports = c
        .get("ports")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter(|p| p.as_map().is_some())
        .map(|p| ContainerPort {
            span: p.span,
            container_port: int(p, "containerPort", p.span),
            host_port: int(p, "hostPort", p.span),
        })
        .collect();
    let env = c
        .get("env")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            let name = e.get("name")?;
            Some(EnvVar {
                name: name.scalar_text()?.into_owned(),
                name_span: name.span,
                value: string(e, "value", e.span),
                value_from: e.get("valueFrom").is_some_and(|v| !v.is_null()),
            })
        })
        .collect();
    let env_from = c
        .get("envFrom")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .map(|e| EnvFrom {
            span: e.span,
            secret: e.get("secretRef").and_then(|r| r.get("name")).and_then(Node::as_str).map(str::to_string),
            config_map: e.get("configMapRef").and_then(|r| r.get("name")).and_then(Node::as_str).map(str::to_string),
        })
        .collect();
    let resources = match c.get("resources") {
        Some(r) if !r.is_null() => {
            let names = |key: &str| match r.get(key) {
                None => Some(Vec::new()),
                Some(n) if n.is_null() => Some(Vec::new()),
                Some(n) => n.as_map().map(|m| m.iter().map(|e| e.key.clone()).collect()),
            };
            let known = r.as_map().is_some();
            Resources {
                span: c.entry("resources").map_or(r.span, |e| e.key_span),
                present: true,
                requests: if known { names("requests") } else { None },
                limits: if known { names("limits") } else { None },
            }
        }
        _ => Resources { span, present: false, requests: Some(Vec::new()), limits: Some(Vec::new()) },
    };
    Container {
        kind,
        name: name_node.and_then(|n| n.scalar_text()).map(|n| n.into_owned()).unwrap_or_default(),
        span,
        image: string(c, "image", span),
        security: security_context(c.get("securityContext"), span),
        ports,
        env,
        env_from,
        resources,
    }
}

fn security_context(sc: Option<&Node>, owner: Span) -> SecurityContext {
    let sc = sc.filter(|n| !n.is_null());
    let span = sc.map(|n| n.span).unwrap_or(owner);
    // Every field set to the same state (absent, or unknown).
    macro_rules! uniform {
        ($present:expr, $f:expr) => {
            SecurityContext {
                span,
                present: $present,
                run_as_non_root: $f,
                run_as_user: $f,
                privileged: $f,
                allow_privilege_escalation: $f,
                read_only_root_filesystem: $f,
                proc_mount: $f,
                seccomp: $f,
                apparmor: $f,
                selinux_type: $f,
                selinux_user: $f,
                selinux_role: $f,
                host_process: $f,
                caps_add: $f,
                caps_drop: $f,
                sysctls: $f,
            }
        };
    }
    let Some(n) = sc else {
        return uniform!(false, Field::absent(span));
    };
    if n.as_map().is_none() {
        return uniform!(true, unknown(span));
    }
    let sub = |key: &str, field: &str| match n.get(key) {
        Some(m) if m.as_map().is_some() => string(m, field, m.span),
        Some(m) if !m.is_null() => unknown(m.span),
        _ => Field::absent(span),
    };
    let caps = n.get("capabilities").filter(|c| !c.is_null());
    let cap_list = |key: &str| match caps {
        Some(c) if c.as_map().is_some() => string_list(c.get(key), c.span),
        Some(c) => unknown(c.span),
        None => Field::absent(span),
    };
    let sysctls = match n.get("sysctls") {
        None => Field::absent(span),
        Some(l) if l.is_null() => Field::absent(span),
        Some(l) => match l.as_seq() {
            Some(items) => Field::known(items.iter().map(|i| string(i, "name", i.span)).collect(), l.span),
            None => Field { value: Tri::Unknown, span: l.span, origin: None },
        },
    };
    SecurityContext {
        span,
        present: true,
        run_as_non_root: boolean(n, "runAsNonRoot", span),
        run_as_user: int(n, "runAsUser", span),
        privileged: boolean(n, "privileged", span),
        allow_privilege_escalation: boolean(n, "allowPrivilegeEscalation", span),
        read_only_root_filesystem: boolean(n, "readOnlyRootFilesystem", span),
        proc_mount: string(n, "procMount", span),
        seccomp: sub("seccompProfile", "type"),
        apparmor: sub("appArmorProfile", "type"),
        selinux_type: sub("seLinuxOptions", "type"),
        selinux_user: sub("seLinuxOptions", "user"),
        selinux_role: sub("seLinuxOptions", "role"),
        host_process: match n.get("windowsOptions") {
            Some(w) if w.as_map().is_some() => boolean(w, "hostProcess", w.span),
            Some(w) if !w.is_null() => unknown(w.span),
            _ => Field::absent(span),
        },
        caps_add: cap_list("add"),
        caps_drop: cap_list("drop"),
        sysctls,
    }
}

fn network_policy(root: &Node, obj: ObjectMeta) -> NetworkPolicy {
    let spec = root.get("spec").filter(|s| s.as_map().is_some());
    let s = spec.map(|s| s.span).unwrap_or(obj.res.span);
    let rules = |key: &str| match spec.and_then(|sp| sp.get(key)) {
        None => Field::absent(s),
        Some(n) if n.is_null() => Field::absent(s),
        Some(n) => match n.as_seq() {
            Some(items) => Field::known(items.len(), n.span),
            None => Field { value: Tri::Unknown, span: n.span, origin: None },
        },
    };
    let pod_selector = match spec.and_then(|sp| sp.get("podSelector")) {
        // The field is required; an object without it is treated as undecidable.
        None => Field { value: Tri::Unknown, span: s, origin: None },
        Some(n) => Field::known(selector(n), n.span),
    };
    let policy_types = match spec.and_then(|sp| sp.get("policyTypes")) {
        None => Field::absent(s),
        Some(n) if n.is_null() => Field::absent(s),
        Some(n) => match n.as_seq() {
            Some(items) if items.iter().all(|i| i.as_str().is_some_and(|t| !t.contains("{{"))) => {
                Field::known(items.iter().filter_map(Node::as_str).map(str::to_string).collect(), n.span)
            }
            _ => Field { value: Tri::Unknown, span: n.span, origin: None },
        },
    };
    NetworkPolicy { pod_selector, policy_types, ingress: rules("ingress"), egress: rules("egress"), obj }
}

/// A label selector; anything unexpected makes it unknown.
pub fn selector(n: &Node) -> Selector {
    let mut sel = Selector::default();
    if n.is_null() {
        return sel;
    }
    if n.as_map().is_none() {
        sel.unknown = true;
        return sel;
    }
    match n.get("matchLabels") {
        None => {}
        Some(m) if m.is_null() => {}
        Some(m) => match m.as_map() {
            Some(entries) => {
                for e in entries {
                    match e.value.scalar_text() {
                        Some(v) if !v.contains("{{") => sel.match_labels.push((e.key.clone(), v.into_owned())),
                        _ => sel.unknown = true,
                    }
                }
            }
            None => sel.unknown = true,
        },
    }
    match n.get("matchExpressions") {
        None => {}
        Some(m) if m.is_null() => {}
        Some(m) => match m.as_seq() {
            Some(items) => {
                for i in items {
                    let key = i.get("key").and_then(Node::as_str);
                    let op = i.get("operator").and_then(Node::as_str);
                    let values: Option<Vec<String>> = match i.get("values") {
                        None => Some(Vec::new()),
                        Some(v) if v.is_null() => Some(Vec::new()),
                        Some(v) => v
                            .as_seq()
                            .and_then(|vs| vs.iter().map(|x| x.scalar_text().map(|t| t.into_owned())).collect()),
                    };
                    match (key, op, values) {
                        (Some(k), Some(o), Some(values)) => {
                            sel.expressions.push(SelectorExpr { key: k.to_string(), operator: o.to_string(), values })
                        }
                        _ => sel.unknown = true,
                    }
                }
            }
            None => sel.unknown = true,
        },
    }
    sel
}

fn policy_rule(n: &Node) -> PolicyRule {
    let list = |key: &str| -> Vec<(String, Span)> {
        match n.get(key) {
            Some(l) => match &l.kind {
                Kind::Seq(items) => {
                    items.iter().filter_map(|i| i.scalar_text().map(|t| (t.into_owned(), i.span))).collect()
                }
                _ => l.scalar_text().map(|t| vec![(t.into_owned(), l.span)]).unwrap_or_default(),
            },
            None => Vec::new(),
        }
    };
    PolicyRule {
        span: n.span,
        api_groups: list("apiGroups"),
        resources: list("resources"),
        verbs: list("verbs"),
        resource_names: list("resourceNames"),
        non_resource_urls: list("nonResourceURLs"),
    }
}

fn binding(root: &Node, obj: ObjectMeta) -> RoleBinding {
    let role_ref = root.get("roleRef");
    let rr_span = role_ref.map(|r| r.span).unwrap_or(obj.res.span);
    let subjects = root
        .get("subjects")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|s| {
            Some(Subject {
                span: s.span,
                kind: s.get("kind")?.as_str()?.to_string(),
                name: s.get("name")?.as_str()?.to_string(),
                namespace: s.get("namespace").and_then(Node::as_str).map(str::to_string),
            })
        })
        .collect();
    RoleBinding {
        cluster: obj.kind == "ClusterRoleBinding",
        role_kind: role_ref.map(|r| string(r, "kind", rr_span)).unwrap_or_else(|| Field::absent(rr_span)),
        role_name: role_ref.map(|r| string(r, "name", rr_span)).unwrap_or_else(|| Field::absent(rr_span)),
        subjects,
        obj,
    }
}

fn unknown<T>(span: Span) -> Field<T> {
    Field { value: Tri::Unknown, span, origin: None }
}

/// A boolean field: absent when missing or null, unknown when not a boolean.
pub fn boolean(parent: &Node, key: &str, absent: Span) -> Field<bool> {
    match parent.get(key) {
        None => Field::absent(absent),
        Some(n) => match &n.kind {
            Kind::Null => Field::absent(absent),
            Kind::Bool(b) => Field::known(*b, n.span),
            _ => unknown(n.span),
        },
    }
}

/// A string field: unknown when not a scalar or when it holds a template expression.
pub fn string(parent: &Node, key: &str, absent: Span) -> Field<String> {
    match parent.get(key) {
        None => Field::absent(absent),
        Some(n) => match &n.kind {
            Kind::Null => Field::absent(absent),
            Kind::String(s) if !s.contains("{{") => Field::known(s.clone(), n.span),
            Kind::Number(s) => Field::known(s.clone(), n.span),
            _ => unknown(n.span),
        },
    }
}

/// An integer field.
pub fn int(parent: &Node, key: &str, absent: Span) -> Field<i64> {
    match parent.get(key) {
        None => Field::absent(absent),
        Some(n) => match &n.kind {
            Kind::Null => Field::absent(absent),
            Kind::Number(s) => s.parse::<i64>().map(|v| Field::known(v, n.span)).unwrap_or_else(|_| unknown(n.span)),
            _ => unknown(n.span),
        },
    }
}

/// A list of strings; items that are not strings are unknown.
fn string_list(n: Option<&Node>, absent: Span) -> Field<Vec<Field<String>>> {
    match n {
        None => Field::absent(absent),
        Some(l) if l.is_null() => Field::absent(absent),
        Some(l) => match l.as_seq() {
            Some(items) => Field::known(
                items
                    .iter()
                    .map(|i| match i.as_str() {
                        Some(s) if !s.contains("{{") => Field::known(s.to_string(), i.span),
                        _ => unknown(i.span),
                    })
                    .collect(),
                l.span,
            ),
            None => unknown(l.span),
        },
    }
}

/// Kubernetes kinds the model names, as `k8s.<lowercase kind>`.
static MODEL_KINDS: &[(&str, &str)] = &[
    ("Pod", "k8s.pod"),
    ("Deployment", "k8s.deployment"),
    ("StatefulSet", "k8s.statefulset"),
    ("DaemonSet", "k8s.daemonset"),
    ("ReplicaSet", "k8s.replicaset"),
    ("ReplicationController", "k8s.replicationcontroller"),
    ("Job", "k8s.job"),
    ("CronJob", "k8s.cronjob"),
    ("Namespace", "k8s.namespace"),
    ("NetworkPolicy", "k8s.networkpolicy"),
    ("Role", "k8s.role"),
    ("ClusterRole", "k8s.clusterrole"),
    ("RoleBinding", "k8s.rolebinding"),
    ("ClusterRoleBinding", "k8s.clusterrolebinding"),
    ("ServiceAccount", "k8s.serviceaccount"),
    ("Service", "k8s.service"),
    ("Ingress", "k8s.ingress"),
    ("ConfigMap", "k8s.configmap"),
    ("Secret", "k8s.secret"),
];

/// The model kind of a Kubernetes kind ([`crate::model::kind::OTHER`] when unnamed).
pub fn model_kind(kind: &str) -> &'static str {
    MODEL_KINDS.iter().find(|(k, _)| *k == kind).map(|(_, m)| *m).unwrap_or(crate::model::kind::OTHER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Limits, parse_yaml};
    use crate::source::SourceFile;

    fn lower_text(text: &str) -> K8sObjects {
        let src = SourceFile::new("t.yaml", text.to_string());
        let docs = parse_yaml(&src, &Limits::default()).unwrap();
        let mut out = K8sObjects::default();
        let file: Arc<str> = "t.yaml".into();
        for d in &docs {
            lower(&d.root, &file, &mut out);
        }
        out
    }

    #[test]
    fn manifest_detection_for_parse_failures() {
        assert!(looks_like_manifest("apiVersion: v1\nkind: Pod\nmetadata: [\n"));
        assert!(looks_like_manifest("items:\n- apiVersion: v1\n  kind: Pod\n"));
        assert!(looks_like_manifest("{\"apiVersion\": \"v1\", \n \"kind\" : \"Pod\"}"));
        assert!(!looks_like_manifest("# Notes on the apiVersion and kind fields\ntext: [\n"));
    }

    #[test]
    fn lists_and_multi_documents() {
        let o = lower_text(
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: a}\n\
---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n",
        );
        assert_eq!(o.service_accounts.len(), 1);
        assert_eq!(&*o.service_accounts[0].obj.res.id, "ServiceAccount/a");
        assert_eq!(o.namespaces[0].enforce.as_ref().map(|a| a.value.as_str()), Some("baseline"));
    }

    #[test]
    fn cronjob_template_and_containers() {
        let o = lower_text(
            "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c, namespace: x}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: c}}\n        spec:\n          initContainers: [{name: i, image: busybox}]\n          containers:\n          - name: m\n            image: '{{ .Values.image }}'\n            securityContext: {privileged: true, runAsUser: 0}\n",
        );
        let w = &o.workloads[0];
        assert_eq!(&*w.obj.res.id, "CronJob/x/c");
        assert_eq!(w.pod_labels, vec![("app".to_string(), "c".to_string())]);
        assert_eq!(w.pod.containers.len(), 2);
        assert_eq!(w.pod.containers[0].kind, ContainerKind::Init);
        assert!(w.pod.containers[1].image.is_unknown());
        assert!(w.pod.containers[1].security.privileged.is_true());
        assert_eq!(w.pod.containers[1].security.run_as_user.get(), Some(&0));
    }

    #[test]
    fn selectors_match() {
        let o = lower_text(
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector:\n    matchLabels: {app: a}\n    matchExpressions:\n    - {key: tier, operator: In, values: [web, api]}\n",
        );
        let sel = o.network_policies[0].pod_selector.get().unwrap();
        let l = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(sel.matches(&l(&[("app", "a"), ("tier", "web")])), Some(true));
        assert_eq!(sel.matches(&l(&[("app", "a"), ("tier", "db")])), Some(false));
        assert_eq!(sel.matches(&l(&[("app", "b")])), Some(false));
        assert_eq!(o.network_policies[0].applies_to("Ingress"), Some(true));
        assert_eq!(o.network_policies[0].applies_to("Egress"), Some(false));
    }

    #[test]
    fn policy_types_default_as_the_api_server_does() {
        let np = |spec: &str| {
            let o = lower_text(&format!(
                "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: p}}\nspec:\n  podSelector: {{}}\n{spec}"
            ));
            o.network_policies.into_iter().next().unwrap()
        };
        // Only an empty egress list: Ingress only (denies all ingress, says nothing of egress).
        let p = np("  egress: []\n");
        assert_eq!((p.applies_to("Ingress"), p.applies_to("Egress")), (Some(true), Some(false)));
        assert_eq!((p.denies_all("Ingress"), p.denies_all("Egress")), (Some(true), Some(false)));
        // An egress rule: both directions; ingress denied, egress allowed to that peer.
        let p = np("  egress:\n  - to: [{podSelector: {}}]\n");
        assert_eq!((p.denies_all("Ingress"), p.denies_all("Egress")), (Some(true), Some(false)));
        // Explicit types, no rules: denies both.
        let p = np("  policyTypes: [Ingress, Egress]\n");
        assert_eq!((p.denies_all("Ingress"), p.denies_all("Egress")), (Some(true), Some(true)));
        // Undecidable types.
        let p = np("  policyTypes: '{{ .Values.types }}'\n");
        assert_eq!(p.denies_all("Egress"), None);
    }
}
