use super::rbac::{APP08, ROLES, WA, report, role_name};

rule!(
    RULE,
    id: "PAL-K8S-041",
    slug: "k8s-rbac-escalation-verbs",
    title: "Role grants escalate, bind or impersonate",
    severity: High,
    layer: Identity,
    service: "kubernetes",
    controls: APP08,
    well_architected: WA,
    compliance: &["isms-p:2.5.5", "pci-4.0:7.2.5"],
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
                        report(out, r, *span, msg!("k8s-rbac-escalation-verbs-grants-verb", role = role_name(r), v = v));
                    }
                }
            }
        }
    },
);
