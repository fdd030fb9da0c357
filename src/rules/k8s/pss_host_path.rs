use super::WORKLOADS;
use super::pss::{APP03, Violation, WA, run, v};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-005",
    slug: "k8s-pss-host-path",
    title: "Pod Security Standards (baseline): hostPath volume",
    severity: High,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Replace the `hostPath` volume with an `emptyDir`, a `configMap`/`secret`, or a \
`persistentVolumeClaim`.",
    description: "Pod Security Standards profile: **baseline**. A hostPath volume mounts a directory of \
the node into the container: the container runtime socket, the kubelet's credentials or `/etc` are one \
mount away from a node takeover.",
    check: |m, _, out| run(m, out, host_path),
);

pub(super) fn host_path(w: &Workload, out: &mut Vec<Violation>) {
    for vol in &w.pod.volumes {
        if let Some((kind, span)) = &vol.source
            && kind == "hostPath"
        {
            v(out, *span, msg!("k8s-pss-host-path-volume-mounts", volume = vol.name));
        }
    }
}
