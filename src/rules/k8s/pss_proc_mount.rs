use super::pss::{APP01, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-009",
    slug: "k8s-pss-proc-mount",
    title: "Pod Security Standards (baseline): unmasked /proc mount",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP01,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Remove `securityContext.procMount` or set it to `Default`.",
    description: "Pod Security Standards profile: **baseline**. The default /proc mount hides and makes \
read-only the kernel paths that leak node information or allow changing kernel settings; `Unmasked` \
exposes them to the container.",
    check: |m, _, out| run(m, out, proc_mount),
);

pub(super) fn proc_mount(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        if let Some(p) = c.security.proc_mount.get()
            && p != "Default"
        {
            v(out, c.security.proc_mount.span, msg!("k8s-pss-proc-mount-uses-procmount", container = cname(c), p = p));
        }
    }
}
