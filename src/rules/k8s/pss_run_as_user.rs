use super::pss::{APP03, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-015",
    slug: "k8s-pss-run-as-user",
    title: "Pod Security Standards (restricted): runs as user id 0",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Set `runAsUser` to a non-zero user id (for example `10001`), or remove it and rely \
on the image's non-root user together with `runAsNonRoot: true`.",
    description: "Pod Security Standards profile: **restricted**. `runAsUser: 0` runs the process as \
root, which is root on the node too unless user namespaces are in use.",
    check: |m, _, out| run(m, out, run_as_user),
);

pub(super) fn run_as_user(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.security.run_as_user.get() == Some(&0) {
        v(out, w.pod.security.run_as_user.span, msg!("k8s-pss-run-as-user-pod-runs"));
    }
    for c in &w.pod.containers {
        if c.security.run_as_user.get() == Some(&0) {
            v(out, c.security.run_as_user.span, msg!("k8s-pss-run-as-user-runs-root", container = cname(c)));
        }
    }
}
