use super::pss::{APP03, BASELINE_CAPS, Violation, WA, cap_name, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;
use crate::model::{Field, Tri};

rule!(
    RULE,
    id: "PAL-K8S-017",
    slug: "k8s-pss-capabilities-restricted",
    title: "Pod Security Standards (restricted): capabilities not dropped",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.capabilities.drop: [\"ALL\"]` on every container and add back only \
`NET_BIND_SERVICE` if the process binds a port below 1024.",
    description: "Pod Security Standards profile: **restricted**. Containers start with a default set \
of capabilities (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, ...); the restricted profile requires dropping \
all of them and allows adding back only NET_BIND_SERVICE. (Capabilities outside the baseline allow-list \
are reported by the baseline control.) Windows pods are exempt.",
    check: |m, _, out| run(m, out, caps_restricted),
);

pub(super) fn caps_restricted(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.is_windows() {
        return;
    }
    for c in &w.pod.containers {
        match &c.security.caps_drop.value {
            Tri::Absent => v(out, c.span, msg!("k8s-pss-capabilities-restricted-drop-all", container = cname(c))),
            Tri::Known(items) => {
                let all = items.iter().any(|i| i.is(|s| cap_name(s) == "ALL"));
                let unknown = items.iter().any(Field::is_unknown);
                if !all && !unknown {
                    v(
                        out,
                        c.security.caps_drop.span,
                        msg!("k8s-pss-capabilities-restricted-drop-all-2", container = cname(c)),
                    );
                }
            }
            Tri::Unknown => {}
        }
        // Capabilities outside the baseline allow-list are reported by the baseline control.
        for cap in c.security.caps_add.get().into_iter().flatten() {
            if let Some(name) = cap.get() {
                let n = cap_name(name);
                if n != "NET_BIND_SERVICE" && BASELINE_CAPS.contains(&n.as_str()) {
                    v(
                        out,
                        cap.span,
                        msg!("k8s-pss-capabilities-restricted-adds-capability", container = cname(c), name = name),
                    );
                }
            }
        }
    }
}
