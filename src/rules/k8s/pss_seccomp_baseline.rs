use super::pss::{APP03, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-010",
    slug: "k8s-pss-seccomp-baseline",
    title: "Pod Security Standards (baseline): seccomp explicitly Unconfined",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Set `seccompProfile.type: RuntimeDefault` (or `Localhost` with a profile you maintain) \
instead of `Unconfined`.",
    description: "Pod Security Standards profile: **baseline**. Seccomp filters the system calls a \
container may make; the runtime's default profile blocks the rarely needed calls that most kernel \
exploits rely on. `Unconfined` turns the filter off.",
    check: |m, _, out| run(m, out, seccomp_baseline),
);

pub(super) fn seccomp_baseline(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.security.seccomp.is(|t| t == "Unconfined") {
        v(out, w.pod.security.seccomp.span, msg!("k8s-pss-seccomp-baseline-pod-profile"));
    }
    for c in &w.pod.containers {
        if c.security.seccomp.is(|t| t == "Unconfined") {
            v(out, c.security.seccomp.span, msg!("k8s-pss-seccomp-baseline-profile-unconfined", container = cname(c)));
        }
    }
}
