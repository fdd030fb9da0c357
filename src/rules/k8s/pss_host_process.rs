use super::pss::{APP01, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-001",
    slug: "k8s-pss-host-process",
    title: "Pod Security Standards (baseline): Windows HostProcess pod or container",
    severity: Critical,
    layer: Application,
    service: "kubernetes",
    controls: APP01,
    well_architected: WA,
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Remove `windowsOptions.hostProcess: true` from the pod and container security contexts. \
Run node-level Windows tooling outside of application namespaces.",
    description: "Pod Security Standards profile: **baseline**. A HostProcess container runs directly on \
the Windows node with the node's privileges and network; it is the Windows counterpart of a privileged \
container and the baseline profile forbids it.",
    check: |m, _, out| run(m, out, host_process),
);

pub(super) fn host_process(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.security.host_process.is_true() {
        v(out, w.pod.security.host_process.span, msg!("k8s-pss-host-process-pod-runs"));
    }
    for c in &w.pod.containers {
        if c.security.host_process.is_true() {
            v(out, c.security.host_process.span, msg!("k8s-pss-host-process-runs-windows", container = cname(c)));
        }
    }
}
