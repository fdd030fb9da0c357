rule!(
    RULE,
    id: "PAL-K8S-028",
    slug: "k8s-secret-in-manifest",
    title: "Secret manifest carries its values",
    severity: Medium,
    layer: Identity,
    service: "kubernetes",
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03"],
    compliance: &["isms-p:2.7.1", "pci-4.0:8.3.2"],
    resource_types: &["Secret"],
    remediation: "Keep secret values out of the manifests: create the Secret from an external store \
(External Secrets Operator or the Secrets Store CSI driver with AWS Secrets Manager), or commit it \
encrypted (Sealed Secrets, SOPS). Rotate the values that were committed.",
    description: "A Secret's `data` is only base64-encoded, not encrypted: a Secret manifest with \
values puts the credentials in version control, in CI logs and on every machine that checks the \
repository out. Empty values and template expressions are not reported.",
    check: |m, _, out| {
        for s in &m.k8s.secrets {
            if s.keys.is_empty() {
                continue;
            }
            let name = s.obj.name.as_deref().unwrap_or_default();
            let keys: Vec<&str> = s.keys.iter().map(|(k, _)| k.as_str()).collect();
            out.report_in(
                &s.obj.file,
                &s.obj.res,
                s.keys[0].1,
                msg!("k8s-secret-in-manifest-writes-values", name = name, keys = keys.join(", ")),
            );
        }
    },
);
