use super::pss::{Level, WA};

rule!(
    RULE,
    id: "PAL-K8S-018",
    slug: "k8s-namespace-pss-enforce",
    title: "Namespace does not enforce the restricted Pod Security Standard",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-02"],
    well_architected: WA,
    compliance: &["isms-p:2.10.1"],
    resource_types: &["Namespace"],
    remediation: "Label the namespace `pod-security.kubernetes.io/enforce: restricted` (and the same \
for `audit` and `warn`). Where a workload truly needs more, use `baseline` for that namespace only.",
    description: "Pod Security admission checks every pod created in a namespace against the level in \
its `pod-security.kubernetes.io/enforce` label and rejects the pods that violate it. Without the label \
(or with `privileged`) nothing is enforced; `baseline` still allows running as root with the default \
capabilities and no seccomp profile.",
    check: |m, _, out| {
        for ns in &m.k8s.namespaces {
            let Some(name) = ns.obj.name.as_deref() else { continue };
            match &ns.enforce {
                // A patch of a namespace defined elsewhere: the label may be in the base.
                None if ns.obj.fragment => {}
                None => {
                    out.report_in(
                        &ns.obj.file,
                        &ns.obj.res,
                        ns.obj.res.span,
                        msg!("k8s-namespace-pss-enforce-label-pod", name = name, enforce_label = ENFORCE_LABEL),
                    );
                }
                Some(l) => match Level::parse(&l.value) {
                    Some(level) if level < Level::Restricted => {
                        out.report_in(
                            &ns.obj.file,
                            &ns.obj.res,
                            l.span,
                            msg!("k8s-namespace-pss-enforce-restricted", name = name, level = level.as_str()),
                        );
                    }
                    _ => {}
                },
            }
        }
    },
);

/// Label holding the level Pod Security admission enforces.
pub const ENFORCE_LABEL: &str = "pod-security.kubernetes.io/enforce";
