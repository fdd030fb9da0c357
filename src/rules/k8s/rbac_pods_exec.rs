use super::rbac::{APP08, ROLES, core_group, has, report, role_name};

rule!(
    RULE,
    id: "PAL-K8S-043",
    slug: "k8s-rbac-pods-exec",
    title: "Role allows exec into pods",
    severity: Medium,
    layer: Identity,
    service: "kubernetes",
    controls: APP08,
    well_architected: &["SEC03-BP02", "SEC06-BP03"],
    compliance: &["isms-p:2.5.5", "isms-p:2.6.2"],
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
                        report(out, r, *span, msg!("k8s-rbac-pods-exec-can-create", role = role_name(r), res = res));
                    }
                }
            }
        }
    },
);
