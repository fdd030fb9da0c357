rule!(
    RULE,
    id: "PAL-K8S-029",
    slug: "k8s-configmap-secret",
    title: "ConfigMap holds a secret",
    severity: High,
    layer: Identity,
    service: "kubernetes",
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03"],
    compliance: &["isms-p:2.7.1", "pci-4.0:8.3.2"],
    resource_types: &["ConfigMap"],
    remediation: "Move the value into a Secret (created from an external store) and reference it from \
the pod with `secretKeyRef` or a secret volume; rotate the exposed credential.",
    description: "ConfigMaps are meant for non-confidential configuration: RBAC commonly lets many \
more people and workloads read them than Secrets, and they are never encrypted at rest. Values are \
judged with the same detector as environment variables: AWS keys, private keys, URLs with a password, \
and plausible literals under names such as `password` or `api_token`.",
    check: |m, _, out| {
        for c in &m.k8s.config_maps {
            let name = c.obj.name.as_deref().unwrap_or_default();
            for (key, value, span) in &c.data {
                if value.contains("{{") {
                    continue;
                }
                if let Some(found) = crate::analyze::secrets::detect::looks_like_secret(key, value) {
                    out.report_in(
                        &c.obj.file,
                        &c.obj.res,
                        *span,
                        msg!("k8s-configmap-secret-holds", name = name, key = key, describe = found.kind.describe()),
                    );
                }
            }
        }
    },
);
