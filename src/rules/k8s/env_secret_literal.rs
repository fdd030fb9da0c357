use super::{WORKLOADS, cname, report, who};

rule!(
    RULE,
    id: "PAL-K8S-026",
    slug: "k8s-env-secret-literal",
    title: "Secret written as a literal environment variable value",
    severity: High,
    layer: Identity,
    service: "kubernetes",
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03"],
    compliance: &["isms-p:2.7.1", "pci-4.0:8.3.2"],
    resource_types: WORKLOADS,
    remediation: "Store the value in a Secret (or an external store such as AWS Secrets Manager with \
the Secrets Store CSI driver or External Secrets) and reference it with `valueFrom.secretKeyRef`; \
rotate the exposed credential.",
    description: "An `env` value is part of the manifest: it is committed to version control, shown \
by `kubectl describe`, stored unencrypted in the object and readable by anyone who can read the \
workload. Values are judged with the same detector as CloudFormation properties: AWS keys, private \
keys, URLs with a password, and plausible literals under names such as `PASSWORD` or `API_TOKEN`.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                for e in &c.env {
                    let Some(value) = e.value.get() else { continue };
                    if let Some(found) = crate::analyze::secrets::detect::looks_like_secret(&e.name, value) {
                        report(
                            out,
                            w,
                            e.value.span,
                            msg!("k8s-env-secret-literal-sets", workload = who(w), container = cname(c), sets = e.name, describe = found.kind.describe(), key = crate::analyze::secrets::detect::mask(&value[found.range.clone()], 4)),
                        );
                    }
                }
            }
        }
    },
);
