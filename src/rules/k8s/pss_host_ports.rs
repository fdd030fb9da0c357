use super::pss::{APP03, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-006",
    slug: "k8s-pss-host-ports",
    title: "Pod Security Standards (baseline): container binds a host port",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.6.1"],
    resource_types: WORKLOADS,
    remediation: "Remove `hostPort` from the container's `ports` and expose the port through a Service \
(ClusterIP, NodePort or LoadBalancer).",
    description: "Pod Security Standards profile: **baseline**. A host port opens the container on the \
node's own address, bypassing the Service and, with many network plugins, NetworkPolicy; it also ties \
the pod to nodes where the port is free.",
    check: |m, _, out| run(m, out, host_ports),
);

pub(super) fn host_ports(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        for p in &c.ports {
            if let Some(&hp) = p.host_port.get()
                && hp != 0
            {
                v(out, p.host_port.span, msg!("k8s-pss-host-ports-binds-port", container = cname(c), hp = hp));
            }
        }
    }
}
