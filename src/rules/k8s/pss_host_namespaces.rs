use super::WORKLOADS;
use super::pss::{APP03, Violation, WA, run, v};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-002",
    slug: "k8s-pss-host-namespaces",
    title: "Pod Security Standards (baseline): pod shares the host's network, PID or IPC namespace",
    severity: High,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to `false`). Expose the \
workload through a Service instead of the node's network.",
    description: "Pod Security Standards profile: **baseline**. With `hostNetwork` the pod sees every \
interface of the node and can bind to its addresses; with `hostPID` it sees (and can signal or trace) \
every process on the node; with `hostIPC` it shares the node's shared memory. Each one removes an isolation \
boundary between the workload and the node.",
    check: |m, _, out| run(m, out, host_namespaces),
);

pub(super) fn host_namespaces(w: &Workload, out: &mut Vec<Violation>) {
    for (f, what) in [(&w.pod.host_network, "hostNetwork"), (&w.pod.host_pid, "hostPID"), (&w.pod.host_ipc, "hostIPC")]
    {
        if f.is_true() {
            v(out, f.span, msg!("k8s-pss-host-namespaces-shares-namespace", what = what));
        }
    }
}
