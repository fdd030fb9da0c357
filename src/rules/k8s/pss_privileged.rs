use super::pss::{APP03, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-003",
    slug: "k8s-pss-privileged",
    title: "Pod Security Standards (baseline): privileged container",
    severity: Critical,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Remove `securityContext.privileged: true`. Grant the specific capability the process \
needs instead (the baseline profile allows a small set), or move the work to a node-level agent.",
    description: "Pod Security Standards profile: **baseline**. A privileged container has every \
capability, every device of the node and no seccomp or AppArmor confinement: a compromise of the process is \
a compromise of the node.",
    check: |m, _, out| run(m, out, privileged),
);

pub(super) fn privileged(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        if c.security.privileged.is_true() {
            v(out, c.security.privileged.span, msg!("k8s-pss-privileged-message", container = cname(c)));
        }
    }
}
