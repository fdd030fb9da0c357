//! Property test: Kubernetes manifests of any shape — every field the frontend reads, with
//! values of every type — go through lowering and every rule without a panic or an error.

use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// The keys the Kubernetes frontend and rules look at.
const KEYS: &[&str] = &[
    "metadata",
    "name",
    "namespace",
    "labels",
    "annotations",
    "spec",
    "template",
    "jobTemplate",
    "containers",
    "initContainers",
    "ephemeralContainers",
    "securityContext",
    "privileged",
    "capabilities",
    "add",
    "drop",
    "hostNetwork",
    "hostPID",
    "hostIPC",
    "hostUsers",
    "volumes",
    "hostPath",
    "nfs",
    "ports",
    "hostPort",
    "containerPort",
    "env",
    "value",
    "valueFrom",
    "envFrom",
    "secretRef",
    "resources",
    "requests",
    "limits",
    "memory",
    "cpu",
    "seccompProfile",
    "type",
    "podSelector",
    "matchLabels",
    "matchExpressions",
    "key",
    "operator",
    "values",
    "policyTypes",
    "ingress",
    "egress",
    "rules",
    "verbs",
    "apiGroups",
    "resourceNames",
    "roleRef",
    "subjects",
    "kind",
    "items",
    "serviceAccountName",
    "automountServiceAccountToken",
    "sysctls",
    "image",
    "runAsUser",
    "runAsNonRoot",
    "os",
    "windowsOptions",
    "hostProcess",
    "appArmorProfile",
    "seLinuxOptions",
    "user",
    "role",
    "procMount",
    "allowPrivilegeEscalation",
    "readOnlyRootFilesystem",
    "data",
    "stringData",
    "apiVersion",
    "pod-security.kubernetes.io/enforce",
    "container.apparmor.security.beta.kubernetes.io/app",
];

const WORDS: &[&str] = &[
    "",
    "ALL",
    "SYS_ADMIN",
    "CAP_CHOWN",
    "Unconfined",
    "RuntimeDefault",
    "Localhost",
    "Ingress",
    "Egress",
    "*",
    "secrets",
    "pods/exec",
    "create",
    "get",
    "escalate",
    "cluster-admin",
    "ClusterRole",
    "ServiceAccount",
    "Group",
    "system:authenticated",
    "nginx",
    "nginx:latest",
    "a/b:1@sha256:0",
    "localhost:5000/x",
    "{{ .Values.x }}",
    "restricted",
    "baseline",
    "privileged",
    "In",
    "NotIn",
    "Exists",
    "windows",
    "spc_t",
    "Unmasked",
    "kernel.msgmax",
    "DB_PASSWORD",
    "hunter2hunter2",
    "postgres://u:p4ssw0rd@h/db",
    "app",
    "default",
    "List",
    "Pod",
    "Deployment",
    "CronJob",
    "Namespace",
    "NetworkPolicy",
    "Role",
    "RoleBinding",
    "v1",
    "é",
    "runtime/default",
    "unconfined",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![Just(0i64), Just(1000), Just(-1), Just(80), any::<i64>()].prop_map(Value::from),
        Just(Value::from(1.5)),
        prop::sample::select(WORDS).prop_map(Value::from),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..7)
                .prop_map(|entries| Value::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

const KINDS: &[&str] = &[
    "Pod",
    "Deployment",
    "StatefulSet",
    "DaemonSet",
    "ReplicaSet",
    "ReplicationController",
    "Job",
    "CronJob",
    "Namespace",
    "NetworkPolicy",
    "Role",
    "ClusterRole",
    "RoleBinding",
    "ClusterRoleBinding",
    "ServiceAccount",
    "Secret",
    "ConfigMap",
    "List",
    "Unknown",
];

fn manifest() -> impl Strategy<Value = Value> {
    (prop::sample::select(KINDS), prop::collection::vec((prop::sample::select(KEYS), value()), 0..8)).prop_map(
        |(kind, entries)| {
            let mut m = Map::new();
            m.insert("apiVersion".into(), "v1".into());
            m.insert("kind".into(), kind.into());
            for (k, v) in entries {
                if k != "apiVersion" && k != "kind" {
                    m.insert(k.to_string(), v);
                }
            }
            Value::Object(m)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_manifest_shape_is_checked_without_failing(docs in prop::collection::vec(manifest(), 1..4)) {
        // As YAML stream of JSON documents (JSON is YAML), so that several objects meet.
        let text: String = docs.iter().map(|d| format!("---\n{d}\n")).collect();
        let r = scan_source(SourceFile::new("m.yaml", text.clone()), &ScanOptions::default()).unwrap();
        prop_assert!(r.diagnostics.iter().all(|d| !d.is_error()), "{:?}\n{}", r.diagnostics, text);
        prop_assert_eq!(r.files_scanned, 1);
        for f in &r.findings {
            prop_assert!((f.location.span.end as usize) <= text.len());
        }
    }
}
