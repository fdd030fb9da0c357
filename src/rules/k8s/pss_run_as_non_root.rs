use super::pss::{APP03, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::Tri;
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-014",
    slug: "k8s-pss-run-as-non-root",
    title: "Pod Security Standards (restricted): containers may run as root",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.runAsNonRoot: true` in the pod spec (or on every container) and \
build the image with a non-root `USER`.",
    description: "Pod Security Standards profile: **restricted**. With `runAsNonRoot: true` the kubelet \
refuses to start a container whose user would be root. A container-level value overrides the pod-level \
one; a container that sets `false` violates the control even when the pod sets `true`.",
    check: |m, _, out| run(m, out, run_as_non_root),
);

pub(super) fn run_as_non_root(w: &Workload, out: &mut Vec<Violation>) {
    let pod = &w.pod.security.run_as_non_root;
    if pod.is_false() {
        v(out, pod.span, msg!("k8s-pss-run-as-non-root-pod-sets"));
    }
    for c in &w.pod.containers {
        let f = &c.security.run_as_non_root;
        match f.value {
            Tri::Known(false) => {
                v(out, f.span, msg!("k8s-pss-run-as-non-root-sets-runasnonroot", container = cname(c)))
            }
            Tri::Absent if pod.is_absent() => {
                v(out, c.span, msg!("k8s-pss-run-as-non-root-neither-pod", container = cname(c)))
            }
            _ => {}
        }
    }
}
