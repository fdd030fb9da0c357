//! RBAC: wildcards, privilege-escalation verbs, cluster-wide secret reads, exec into pods, and
//! `cluster-admin` granted to service accounts or to everyone.

use super::k8s_rule;
use crate::model::k8s::{PolicyRule, Role};
use crate::rules::Sink;
use crate::source::Span;

const ROLES: &[&str] = &["Role", "ClusterRole"];
const WA: &[&str] = &["SEC03-BP02"];
const APP08: &[&str] = &["APP-08"];

fn role_name(r: &Role) -> String {
    format!("{} `{}`", r.obj.kind, r.obj.name.as_deref().unwrap_or_default())
}

fn report(out: &mut Sink<'_>, r: &Role, span: Span, message: String) {
    out.report_in(&r.obj.file, &r.obj.res, span, message);
}

/// Does the rule apply to the core API group (`""`) or every group?
fn core_group(rule: &PolicyRule) -> bool {
    rule.api_groups.iter().any(|(g, _)| g.is_empty() || g == "*")
}

fn has(list: &[(String, Span)], items: &[&str]) -> bool {
    list.iter().any(|(v, _)| items.contains(&v.as_str()))
}

k8s_rule!(
    WILDCARD,
    id: "PAL-K8S-040",
    slug: "k8s-rbac-wildcard",
    title: "Role grants wildcard verbs, resources or API groups",
    severity: High,
    layer: Identity,
    controls: APP08,
    well_architected: WA,
    resource_types: ROLES,
    remediation: "List the API groups, resources and verbs the subject needs explicitly (`get`, \
`list`, `watch` on `configmaps`, ...). Wildcards also grant every resource and verb added in future \
Kubernetes versions and by CRDs.",
    description: "`*` in `verbs`, `resources` or `apiGroups` grants far more than any workload or \
person needs — including `escalate`, `bind`, `impersonate`, secrets and every custom resource — and \
keeps growing as the cluster does.",
    check: |m, _, out| {
        for r in &m.k8s.roles {
            for rule in &r.rules {
                for (list, what) in [(&rule.verbs, "verbs"), (&rule.resources, "resources"), (&rule.api_groups, "API groups")] {
                    for (v, span) in list {
                        if v == "*" {
                            report(out, r, *span, format!("{} grants all {what} (`*`)", role_name(r)));
                        }
                    }
                }
            }
        }
    },
);

k8s_rule!(
    ESCALATION_VERBS,
    id: "PAL-K8S-041",
    slug: "k8s-rbac-escalation-verbs",
    title: "Role grants escalate, bind or impersonate",
    severity: High,
    layer: Identity,
    controls: APP08,
    well_architected: WA,
    resource_types: ROLES,
    remediation: "Remove the `escalate`, `bind` and `impersonate` verbs; reserve them for cluster \
administrators who are bound to them explicitly.",
    description: "`escalate` lets a subject create or edit roles with permissions it does not hold, \
`bind` lets it bind any role (cluster-admin included) to itself, and `impersonate` lets it act as any \
user, group or service account. Each is a direct path to cluster-admin.",
    check: |m, _, out| {
        for r in &m.k8s.roles {
            for rule in &r.rules {
                for (v, span) in &rule.verbs {
                    if matches!(v.as_str(), "escalate" | "bind" | "impersonate") {
                        report(out, r, *span, format!("{} grants the `{v}` verb", role_name(r)));
                    }
                }
            }
        }
    },
);

k8s_rule!(
    SECRETS_READ,
    id: "PAL-K8S-042",
    slug: "k8s-rbac-secrets-read",
    title: "ClusterRole can read secrets cluster-wide",
    severity: High,
    layer: Identity,
    controls: APP08,
    well_architected: &["SEC03-BP02", "SEC02-BP03"],
    resource_types: &["ClusterRole"],
    remediation: "Grant access to secrets with a namespaced Role, limited with `resourceNames` to the \
secrets the subject needs; avoid `list` and `watch`, which return every secret's content.",
    description: "A ClusterRole with `get`, `list` or `watch` on `secrets` in the core API group, bound \
cluster-wide, reads every secret of every namespace: service account tokens, TLS keys, database \
passwords. Rules restricted with `resourceNames` are not reported.",
    check: |m, _, out| {
        for r in m.k8s.roles.iter().filter(|r| r.cluster) {
            for rule in &r.rules {
                if !core_group(rule) || !rule.resource_names.is_empty() || !has(&rule.verbs, &["get", "list", "watch", "*"]) {
                    continue;
                }
                for (res, span) in &rule.resources {
                    if res == "secrets" {
                        let verbs: Vec<&str> = rule
                            .verbs
                            .iter()
                            .map(|(v, _)| v.as_str())
                            .filter(|v| matches!(*v, "get" | "list" | "watch" | "*"))
                            .collect();
                        report(out, r, *span, format!("{} can {} secrets in every namespace", role_name(r), verbs.join("/")));
                    }
                }
            }
        }
    },
);

k8s_rule!(
    PODS_EXEC,
    id: "PAL-K8S-043",
    slug: "k8s-rbac-pods-exec",
    title: "Role allows exec into pods",
    severity: Medium,
    layer: Identity,
    controls: APP08,
    well_architected: &["SEC03-BP02", "SEC06-BP03"],
    resource_types: ROLES,
    remediation: "Remove `create` on `pods/exec` (and `pods/attach`, or `pods/*`) from roles bound to workloads and \
everyday users; grant it temporarily, through a break-glass role, when debugging needs it.",
    description: "`create` on `pods/exec` runs arbitrary commands in any selected pod, with that pod's \
service account token, mounted secrets and network position: it is code execution in every workload \
the role covers.",
    check: |m, _, out| {
        for r in &m.k8s.roles {
            for rule in &r.rules {
                if !core_group(rule) || !has(&rule.verbs, &["create", "*"]) {
                    continue;
                }
                for (res, span) in &rule.resources {
                    if matches!(res.as_str(), "pods/exec" | "pods/attach" | "pods/*") {
                        report(out, r, *span, format!("{} can create `{res}`", role_name(r)));
                    }
                }
            }
        }
    },
);

/// Groups and users that stand for everyone (or every authenticated identity).
const EVERYONE: &[&str] = &["system:authenticated", "system:unauthenticated", "system:anonymous"];

k8s_rule!(
    CLUSTER_ADMIN_BINDING,
    id: "PAL-K8S-044",
    slug: "k8s-rbac-cluster-admin-binding",
    title: "cluster-admin bound to a service account or to everyone",
    severity: Critical,
    layer: Identity,
    controls: APP08,
    well_architected: WA,
    resource_types: &["RoleBinding", "ClusterRoleBinding"],
    remediation: "Bind a Role with only the permissions the workload needs; never bind `cluster-admin` \
to `system:authenticated`, `system:unauthenticated` or `system:anonymous`.",
    description: "`cluster-admin` can do anything to every object of the cluster. Bound to a service \
account, any compromise of a pod using that account owns the cluster; bound to \
`system:authenticated` it is granted to every identity the cluster accepts (on EKS, any IAM principal \
mapped into it), and to `system:unauthenticated`/`system:anonymous` to anyone who can reach the API \
server.",
    check: |m, _, out| {
        for b in &m.k8s.bindings {
            if b.role_name.get().map(String::as_str) != Some("cluster-admin")
                || b.role_kind.is(|k| k != "ClusterRole")
            {
                continue;
            }
            let name = b.obj.name.as_deref().unwrap_or_default();
            for s in &b.subjects {
                let bad = match s.kind.as_str() {
                    "ServiceAccount" => true,
                    "Group" | "User" => EVERYONE.contains(&s.name.as_str()),
                    _ => false,
                };
                if bad {
                    out.report_in(
                        &b.obj.file,
                        &b.obj.res,
                        s.span,
                        format!("{} `{name}` grants cluster-admin to {} `{}`", b.obj.kind, s.kind, s.name),
                    );
                }
            }
        }
    },
);
