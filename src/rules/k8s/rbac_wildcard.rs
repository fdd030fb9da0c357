use super::rbac::{APP08, ROLES, WA, report, role_name};

rule!(
    RULE,
    id: "PAL-K8S-040",
    slug: "k8s-rbac-wildcard",
    title: "Role grants wildcard verbs, resources or API groups",
    severity: High,
    layer: Identity,
    service: "kubernetes",
    controls: APP08,
    well_architected: WA,
    compliance: &["isms-p:2.5.1", "pci-4.0:7.2.5"],
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
                            report(out, r, *span, msg!("k8s-rbac-wildcard-grants-all", role = role_name(r), what = what));
                        }
                    }
                }
            }
        }
    },
);
