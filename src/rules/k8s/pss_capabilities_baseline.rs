use super::pss::{APP03, BASELINE_CAPS, Violation, WA, cap_name, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-004",
    slug: "k8s-pss-capabilities-baseline",
    title: "Pod Security Standards (baseline): container adds a capability outside the allow-list",
    severity: High,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Remove the capability from `securityContext.capabilities.add`. The baseline profile \
allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, \
SETGID, SETPCAP, SETUID and SYS_CHROOT.",
    description: "Pod Security Standards profile: **baseline**. Capabilities such as SYS_ADMIN, \
NET_ADMIN, SYS_PTRACE or SYS_MODULE give a container powers over the kernel and the node that ordinary \
applications never need; most container escapes start from one of them.",
    check: |m, _, out| run(m, out, caps_baseline),
);

pub(super) fn caps_baseline(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        for cap in c.security.caps_add.get().into_iter().flatten() {
            if let Some(name) = cap.get()
                && !BASELINE_CAPS.contains(&cap_name(name).as_str())
            {
                v(
                    out,
                    cap.span,
                    msg!("k8s-pss-capabilities-baseline-adds-capability", container = cname(c), name = name),
                );
            }
        }
    }
}
