use super::rbac::{APP08, core_group, has, report, role_name};

rule!(
    RULE,
    id: "PAL-K8S-042",
    slug: "k8s-rbac-secrets-read",
    title: "ClusterRole can read secrets cluster-wide",
    severity: High,
    layer: Identity,
    service: "kubernetes",
    controls: APP08,
    well_architected: &["SEC03-BP02", "SEC02-BP03"],
    compliance: &["isms-p:2.5.1", "isms-p:2.7.2"],
    resource_types: &["ClusterRole"],
    remediation: "Grant access to secrets with a namespaced Role, limited with `resourceNames` to the \
secrets the subject needs; avoid `list` and `watch`, which return every secret's content.",
    description: "A ClusterRole with `get`, `list` or `watch` on `secrets` in the core API group, bound \
cluster-wide, reads every secret of every namespace: service account tokens, TLS keys, database \
passwords. A rule on every resource (`resources: [\"*\"]`) reads secrets too. Rules restricted with \
`resourceNames` are not reported.",
    check: |m, _, out| {
        for r in m.k8s.roles.iter().filter(|r| r.cluster) {
            for rule in &r.rules {
                if !core_group(rule) || !rule.resource_names.is_empty() || !has(&rule.verbs, &["get", "list", "watch", "*"]) {
                    continue;
                }
                let verbs: Vec<&str> = rule
                    .verbs
                    .iter()
                    .map(|(v, _)| v.as_str())
                    .filter(|v| matches!(*v, "get" | "list" | "watch" | "*"))
                    .collect();
                let verbs = verbs.join("/");
                // `secrets` named, or every resource (secrets included); reported once per rule.
                let named = rule.resources.iter().find(|(res, _)| res == "secrets");
                let every = rule.resources.iter().find(|(res, _)| res == "*");
                match (named, every) {
                    (Some((_, span)), _) => {
                        report(out, r, *span, msg!("k8s-rbac-secrets-read-can-namespace", role = role_name(r), verbs = verbs));
                    }
                    (None, Some((_, span))) => {
                        report(
                            out,
                            r,
                            *span,
                            msg!("k8s-rbac-secrets-read-can-resource", role = role_name(r), verbs = verbs),
                        );
                    }
                    (None, None) => {}
                }
            }
        }
    },
);
