use super::WORKLOADS;
use super::pss::{APP01, Violation, WA, run, v};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-012",
    slug: "k8s-pss-volume-types",
    title: "Pod Security Standards (restricted): volume type not allowed",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP01,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Use only `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, \
`persistentVolumeClaim`, `projected` and `secret` volumes; reach other storage through a \
PersistentVolumeClaim.",
    description: "Pod Security Standards profile: **restricted**. Inline volume sources such as `nfs`, \
`iscsi`, `rbd` or `gitRepo` let a pod author reach storage directly, without the PersistentVolume \
objects an administrator controls. (A `hostPath` volume is reported by the baseline control.)",
    check: |m, _, out| run(m, out, volume_types),
);

/// Volume sources the restricted profile allows.
pub const RESTRICTED_VOLUMES: &[&str] =
    &["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

pub(super) fn volume_types(w: &Workload, out: &mut Vec<Violation>) {
    for vol in &w.pod.volumes {
        // hostPath is reported by the baseline control.
        if let Some((kind, span)) = &vol.source
            && kind != "hostPath"
            && !RESTRICTED_VOLUMES.contains(&kind.as_str())
        {
            v(out, *span, msg!("k8s-pss-volume-types-allowed-restricted", volume = vol.name, kind = kind));
        }
    }
}
