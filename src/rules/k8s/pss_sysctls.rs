use super::WORKLOADS;
use super::pss::{APP01, Violation, WA, run, v};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-011",
    slug: "k8s-pss-sysctls",
    title: "Pod Security Standards (baseline): unsafe sysctl",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP01,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Remove the sysctl from `securityContext.sysctls`; only the namespaced, isolated set \
(`kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.ip_unprivileged_port_start`, \
`net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_local_reserved_ports`, the \
`net.ipv4.tcp_keepalive_*`, `tcp_fin_timeout`, `tcp_rmem` and `tcp_wmem` settings) is allowed.",
    description: "Pod Security Standards profile: **baseline**. Sysctls outside the safe set are not \
isolated per pod: they change the kernel of the whole node, for every other workload on it.",
    check: |m, _, out| run(m, out, sysctls),
);

/// Sysctls the baseline profile allows (namespaced and isolated from the node).
pub const SAFE_SYSCTLS: &[&str] = &[
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem",
];

pub(super) fn sysctls(w: &Workload, out: &mut Vec<Violation>) {
    for s in w.pod.security.sysctls.get().into_iter().flatten() {
        if let Some(name) = s.get()
            && !SAFE_SYSCTLS.contains(&name.as_str())
        {
            v(out, s.span, msg!("k8s-pss-sysctls-pod-sets", name = name));
        }
    }
}
