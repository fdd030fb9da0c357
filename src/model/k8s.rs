//! Kubernetes objects: workloads and their pod specs, namespaces, network policies, RBAC,
//! service accounts, secrets and config maps.
//!
//! Unlike CloudFormation resources, Kubernetes objects of one scan belong together (a
//! namespace in one file governs a pod in another), so every object carries the file it was
//! read from and rules report with [`crate::rules::Sink::report_in`].

use std::sync::Arc;

use super::{Field, ResMeta};
use crate::source::Span;

/// Every Kubernetes object of a scan (or of one file, before they are gathered).
#[derive(Debug, Default, serde::Serialize)]
pub struct K8sObjects {
    pub namespaces: Vec<Namespace>,
    /// Pods and every kind that embeds a pod template.
    pub workloads: Vec<Workload>,
    pub network_policies: Vec<NetworkPolicy>,
    /// Roles and ClusterRoles.
    pub roles: Vec<Role>,
    /// RoleBindings and ClusterRoleBindings.
    pub bindings: Vec<RoleBinding>,
    pub service_accounts: Vec<ServiceAccount>,
    pub secrets: Vec<Secret>,
    pub config_maps: Vec<ConfigMap>,
    /// Other objects (kinds not modelled in detail), kept so that their files count as
    /// Kubernetes manifests.
    pub others: Vec<ObjectMeta>,
    /// Objects of kinds that are not built into Kubernetes and may create pods through an
    /// operator (custom resources), with the labels of those pods when they are known.
    pub pod_creators: Vec<PodCreator>,
    /// Kustomize `Kustomization` and `Component` files: not objects, but they say which
    /// files are patches of objects defined elsewhere.
    pub kustomizations: Vec<Kustomization>,
    /// Registries images may come from (scan setting, not an object).
    pub allowed_registries: Vec<String>,
}

impl K8sObjects {
    pub fn is_empty(&self) -> bool {
        self.namespaces.is_empty()
            && self.workloads.is_empty()
            && self.network_policies.is_empty()
            && self.roles.is_empty()
            && self.bindings.is_empty()
            && self.service_accounts.is_empty()
            && self.secrets.is_empty()
            && self.config_maps.is_empty()
            && self.others.is_empty()
            && self.pod_creators.is_empty()
            && self.kustomizations.is_empty()
    }

    /// Moves every object of `other` into `self`.
    pub fn append(&mut self, mut other: K8sObjects) {
        self.namespaces.append(&mut other.namespaces);
        self.workloads.append(&mut other.workloads);
        self.network_policies.append(&mut other.network_policies);
        self.roles.append(&mut other.roles);
        self.bindings.append(&mut other.bindings);
        self.service_accounts.append(&mut other.service_accounts);
        self.secrets.append(&mut other.secrets);
        self.config_maps.append(&mut other.config_maps);
        self.others.append(&mut other.others);
        self.pod_creators.append(&mut other.pod_creators);
        self.kustomizations.append(&mut other.kustomizations);
    }

    /// The objects of every part in one set, in order. Each list is allocated once at its
    /// final length: appending the parts one by one would grow it by doubling, which leaves up
    /// to half of it unused and holds an old and a new copy of it at once while it grows (tens
    /// of thousands of workloads weigh tens of megabytes).
    pub fn gather(mut parts: Vec<K8sObjects>) -> K8sObjects {
        if parts.len() == 1 {
            // One part (one file) is its own set: copying it would only hold it twice.
            return parts.pop().unwrap_or_default();
        }
        fn join<T>(parts: &mut [K8sObjects], list: fn(&mut K8sObjects) -> &mut Vec<T>) -> Vec<T> {
            let mut out = Vec::with_capacity(parts.iter_mut().map(|p| list(p).len()).sum());
            for p in parts.iter_mut() {
                out.append(list(p));
            }
            out
        }
        K8sObjects {
            namespaces: join(&mut parts, |o| &mut o.namespaces),
            workloads: join(&mut parts, |o| &mut o.workloads),
            network_policies: join(&mut parts, |o| &mut o.network_policies),
            roles: join(&mut parts, |o| &mut o.roles),
            bindings: join(&mut parts, |o| &mut o.bindings),
            service_accounts: join(&mut parts, |o| &mut o.service_accounts),
            secrets: join(&mut parts, |o| &mut o.secrets),
            config_maps: join(&mut parts, |o| &mut o.config_maps),
            others: join(&mut parts, |o| &mut o.others),
            pod_creators: join(&mut parts, |o| &mut o.pod_creators),
            kustomizations: join(&mut parts, |o| &mut o.kustomizations),
            // A scan setting, not objects: the first part's, as `append` keeps it.
            allowed_registries: parts
                .first_mut()
                .map(|p| std::mem::take(&mut p.allowed_registries))
                .unwrap_or_default(),
        }
    }

    /// Keeps only the objects for which `keep` holds (kustomizations are no objects and stay).
    pub fn retain_objects(&mut self, keep: impl Fn(&ObjectMeta) -> bool) {
        self.namespaces.retain(|o| keep(&o.obj));
        self.workloads.retain(|o| keep(&o.obj));
        self.network_policies.retain(|o| keep(&o.obj));
        self.roles.retain(|o| keep(&o.obj));
        self.bindings.retain(|o| keep(&o.obj));
        self.service_accounts.retain(|o| keep(&o.obj));
        self.secrets.retain(|o| keep(&o.obj));
        self.config_maps.retain(|o| keep(&o.obj));
        self.others.retain(&keep);
        self.pod_creators.retain(|o| keep(&o.obj));
    }

    /// The Namespace object named `name`, if it is in the set (patches of a namespace whose
    /// definition is not in the set are left out: what they do not say is unknown).
    pub fn namespace(&self, name: &str) -> Option<&Namespace> {
        self.namespaces.iter().find(|n| !n.obj.fragment && n.obj.name.as_deref() == Some(name))
    }
}

/// Identity and location of one Kubernetes object.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ObjectMeta {
    /// The file it was read from, as reports show it.
    pub file: Arc<str>,
    /// `id` is `Kind/namespace/name` (`Kind/name` without a namespace); `span` is the span of
    /// `metadata.name` (of `kind` when there is no name); `props_span` the whole object.
    pub res: ResMeta,
    pub api_version: String,
    pub kind: String,
    pub name: Option<String>,
    /// `metadata.namespace` as written (none: the namespace `kubectl` applies it to).
    pub namespace: Option<String>,
    pub labels: Vec<(String, String)>,
    pub annotations: Vec<Annotation>,
    /// A fragment of an object (a Kustomize or kubeadm patch whose base is not in the scan,
    /// or an object missing what the API server requires, such as a container's `image`):
    /// the values it sets are real, but what it leaves out is unknown, not absent.
    pub fragment: bool,
}

/// A label or annotation with the span of its value.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Annotation {
    pub key: String,
    pub value: String,
    pub span: Span,
}

impl ObjectMeta {
    /// The value of label `key`.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// `Namespace`: its labels carry the Pod Security admission levels.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Namespace {
    pub obj: ObjectMeta,
    /// Span of `metadata.labels` (of the name when there are none).
    pub labels_span: Span,
    /// `pod-security.kubernetes.io/enforce`, `audit` and `warn` labels, with their spans.
    pub enforce: Option<Annotation>,
    pub audit: Option<Annotation>,
    pub warn: Option<Annotation>,
}

/// Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,
/// and any other object that embeds a pod template (Argo `Rollout`, Knative `Service`,
/// OpenShift `DeploymentConfig`, ...).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Workload {
    pub obj: ObjectMeta,
    /// Labels of the pods it creates (the template's, or the Pod's own).
    pub pod_labels: Vec<(String, String)>,
    /// Annotations of the pods it creates.
    pub pod_annotations: Vec<Annotation>,
    /// The pod spec has a `containers` entry (a pod spec without one is a fragment).
    pub has_containers: bool,
    pub pod: PodSpec,
}

/// A pod spec.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PodSpec {
    /// Span of the `spec` map.
    pub span: Span,
    pub host_network: Field<bool>,
    pub host_pid: Field<bool>,
    pub host_ipc: Field<bool>,
    pub host_users: Field<bool>,
    /// `os.name` (`linux`, `windows`).
    pub os: Field<String>,
    /// `serviceAccountName` (or the deprecated `serviceAccount`).
    pub service_account: Field<String>,
    pub automount_token: Field<bool>,
    /// The pod-level `securityContext`.
    pub security: SecurityContext,
    pub volumes: Vec<Volume>,
    /// Regular, init and ephemeral containers.
    pub containers: Vec<Container>,
}

impl PodSpec {
    /// Known to be a Windows pod (exempt from the Linux-only restricted controls).
    pub fn is_windows(&self) -> bool {
        self.os.is(|o| o.eq_ignore_ascii_case("windows"))
    }
}

/// Which list a container comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContainerKind {
    Regular,
    Init,
    Ephemeral,
}

impl ContainerKind {
    /// "container", "init container", "ephemeral container".
    pub fn noun(self) -> &'static str {
        match self {
            ContainerKind::Regular => "container",
            ContainerKind::Init => "init container",
            ContainerKind::Ephemeral => "ephemeral container",
        }
    }
}

/// One container.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Container {
    pub kind: ContainerKind,
    pub name: String,
    /// Span of the name (of the container's map when it has none).
    pub span: Span,
    pub image: Field<String>,
    pub security: SecurityContext,
    pub ports: Vec<ContainerPort>,
    pub env: Vec<EnvVar>,
    pub env_from: Vec<EnvFrom>,
    /// `resources` (requests and limits).
    pub resources: Resources,
}

/// A `securityContext`, pod- or container-level (each level sets a subset of the fields).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SecurityContext {
    /// Span of the `securityContext` map, or of what it would belong to when absent.
    pub span: Span,
    pub present: bool,
    pub run_as_non_root: Field<bool>,
    pub run_as_user: Field<i64>,
    pub privileged: Field<bool>,
    pub allow_privilege_escalation: Field<bool>,
    pub read_only_root_filesystem: Field<bool>,
    /// `procMount` (`Default`, `Unmasked`).
    pub proc_mount: Field<String>,
    /// `seccompProfile.type`.
    pub seccomp: Field<String>,
    /// `appArmorProfile.type`.
    pub apparmor: Field<String>,
    /// `seLinuxOptions.type`, `.user` and `.role`.
    pub selinux_type: Field<String>,
    pub selinux_user: Field<String>,
    pub selinux_role: Field<String>,
    /// `windowsOptions.hostProcess`.
    pub host_process: Field<bool>,
    /// `capabilities.add` and `capabilities.drop`.
    pub caps_add: Field<Vec<Field<String>>>,
    pub caps_drop: Field<Vec<Field<String>>>,
    /// `sysctls` names (pod level).
    pub sysctls: Field<Vec<Field<String>>>,
}

/// A volume of a pod.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Volume {
    pub name: String,
    pub span: Span,
    /// The volume source (`hostPath`, `emptyDir`, `configMap`, ...) with the span of its key;
    /// none when the volume names no source.
    pub source: Option<(String, Span)>,
}

/// `ports[*]`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ContainerPort {
    pub span: Span,
    pub container_port: Field<i64>,
    pub host_port: Field<i64>,
}

/// `env[*]`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EnvVar {
    pub name: String,
    pub name_span: Span,
    /// A literal `value`.
    pub value: Field<String>,
    /// `valueFrom` is set (secretKeyRef, configMapKeyRef, fieldRef, ...).
    pub value_from: bool,
}

/// `envFrom[*]`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EnvFrom {
    pub span: Span,
    pub secret: Option<String>,
    pub config_map: Option<String>,
}

/// `resources`.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Resources {
    /// Span of the `resources` key (of the container when absent).
    pub span: Span,
    pub present: bool,
    /// Resource names with a request (`cpu`, `memory`, ...); none when unknown.
    pub requests: Option<Vec<String>>,
    pub limits: Option<Vec<String>>,
}

/// A label selector.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Selector {
    pub match_labels: Vec<(String, String)>,
    pub expressions: Vec<SelectorExpr>,
    /// Part of it could not be read (then matching cannot be decided).
    pub unknown: bool,
}

/// One `matchExpressions` entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SelectorExpr {
    pub key: String,
    /// `In`, `NotIn`, `Exists`, `DoesNotExist`.
    pub operator: String,
    pub values: Vec<String>,
}

impl Selector {
    /// Selects everything (`{}`).
    pub fn is_empty(&self) -> bool {
        !self.unknown && self.match_labels.is_empty() && self.expressions.is_empty()
    }

    /// Does the selector match these labels? `None` when it cannot be decided.
    pub fn matches(&self, labels: &[(String, String)]) -> Option<bool> {
        if self.unknown {
            return None;
        }
        let get = |k: &str| labels.iter().find(|(l, _)| l == k).map(|(_, v)| v.as_str());
        for (k, v) in &self.match_labels {
            if get(k) != Some(v.as_str()) {
                return Some(false);
            }
        }
        for e in &self.expressions {
            let val = get(&e.key);
            let ok = match e.operator.as_str() {
                "In" => val.is_some_and(|v| e.values.iter().any(|x| x == v)),
                "NotIn" => val.is_none_or(|v| !e.values.iter().any(|x| x == v)),
                "Exists" => val.is_some(),
                "DoesNotExist" => val.is_none(),
                _ => return None,
            };
            if !ok {
                return Some(false);
            }
        }
        Some(true)
    }
}

/// A custom resource that may create pods through its operator.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PodCreator {
    pub obj: ObjectMeta,
    /// Labels of the pods it creates, when the operator is known (Prometheus, Alertmanager,
    /// ThanosRuler); none when unknown.
    pub pod_labels: Option<Vec<(String, String)>>,
}

/// A Kustomize `Kustomization` or `Component`: the patches it applies.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Kustomization {
    /// The file it was read from, as reports show it.
    pub file: Arc<str>,
    pub patches: Vec<PatchRef>,
    /// Its `resources` and `bases` entries as written (files or directories relative to the
    /// kustomization's directory, or remote references): only their objects are patched.
    pub resources: Vec<String>,
}

/// A patch a kustomization applies: a file, relative to the kustomization's directory, or
/// written inline (then `path` is empty).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PatchRef {
    pub path: String,
    /// A JSON 6902 patch (a list of operations, never an object).
    pub json6902: bool,
    /// The target named in the kustomization, when given.
    pub target: Option<PatchTarget>,
    /// The text of an inline patch and the span of that text in the kustomization.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inline: Option<InlinePatch>,
}

/// A patch written in the kustomization itself (`patch: |-`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InlinePatch {
    pub text: String,
    pub span: Span,
}

/// The objects a kustomization applies a patch to: every field given must match.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PatchTarget {
    pub kind: Option<String>,
    pub name: Option<String>,
    pub namespace: Option<String>,
    /// A label selector on the objects' `metadata.labels` (`app=web,tier in (a,b),!canary`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_selector: Option<String>,
}

/// `NetworkPolicy`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NetworkPolicy {
    pub obj: ObjectMeta,
    /// `spec.podSelector`, with its span.
    pub pod_selector: Field<Selector>,
    /// `spec.policyTypes` as written.
    pub policy_types: Field<Vec<String>>,
    /// `spec.ingress` / `spec.egress`: number of rules (absent when not written).
    pub ingress: Field<usize>,
    pub egress: Field<usize>,
}

impl NetworkPolicy {
    /// Does the policy apply to `direction` (`Ingress` or `Egress`)? Without `policyTypes`,
    /// as the API server defaults it: Ingress always, Egress when at least one egress rule is
    /// written. `None` when undecidable.
    pub fn applies_to(&self, direction: &str) -> Option<bool> {
        match &self.policy_types.value {
            super::Tri::Known(types) => Some(types.iter().any(|t| t == direction)),
            super::Tri::Unknown => None,
            super::Tri::Absent if direction == "Ingress" => Some(true),
            super::Tri::Absent => match &self.egress.value {
                super::Tri::Absent => Some(false),
                super::Tri::Known(n) => Some(*n > 0),
                super::Tri::Unknown => None,
            },
        }
    }

    /// Denies every connection in `direction` to the pods it selects (applies to it and has
    /// no rules)? `None` when undecidable.
    pub fn denies_all(&self, direction: &str) -> Option<bool> {
        let rules = if direction == "Ingress" { &self.ingress } else { &self.egress };
        let no_rules = match &rules.value {
            super::Tri::Absent => true,
            super::Tri::Known(n) => *n == 0,
            super::Tri::Unknown => return None,
        };
        Some(self.applies_to(direction)? && no_rules)
    }
}

/// `Role` or `ClusterRole`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Role {
    pub obj: ObjectMeta,
    pub cluster: bool,
    pub rules: Vec<PolicyRule>,
}

/// One rule of a role.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PolicyRule {
    pub span: Span,
    pub api_groups: Vec<(String, Span)>,
    pub resources: Vec<(String, Span)>,
    pub verbs: Vec<(String, Span)>,
    pub resource_names: Vec<(String, Span)>,
    pub non_resource_urls: Vec<(String, Span)>,
}

/// `RoleBinding` or `ClusterRoleBinding`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RoleBinding {
    pub obj: ObjectMeta,
    pub cluster: bool,
    /// `roleRef.kind` and `roleRef.name`.
    pub role_kind: Field<String>,
    pub role_name: Field<String>,
    pub subjects: Vec<Subject>,
}

/// One subject of a binding.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Subject {
    pub span: Span,
    /// `User`, `Group`, `ServiceAccount`.
    pub kind: String,
    pub name: String,
    pub namespace: Option<String>,
}

/// `ServiceAccount`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ServiceAccount {
    pub obj: ObjectMeta,
    pub automount_token: Field<bool>,
}

/// `Secret`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Secret {
    pub obj: ObjectMeta,
    /// `type` (`Opaque`, `kubernetes.io/tls`, ...).
    pub secret_type: Field<String>,
    /// Keys of `data` and `stringData` whose value is written in the manifest (not empty, not
    /// a template expression), with the span of the key.
    pub keys: Vec<(String, Span)>,
}

/// `ConfigMap`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ConfigMap {
    pub obj: ObjectMeta,
    /// `data` entries: key, value, span of the value.
    pub data: Vec<(String, String, Span)>,
}
