use super::pss::{APP03, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::Tri;
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-013",
    slug: "k8s-pss-privilege-escalation",
    title: "Pod Security Standards (restricted): privilege escalation not disabled",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container, init \
container and ephemeral container.",
    description: "Pod Security Standards profile: **restricted**. Unless `allowPrivilegeEscalation` is \
`false`, a process can gain more privileges than its parent (through setuid binaries or file \
capabilities). The field defaults to allowing it. Windows pods are exempt.",
    check: |m, _, out| run(m, out, privilege_escalation),
);

pub(super) fn privilege_escalation(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.is_windows() {
        return;
    }
    for c in &w.pod.containers {
        let f = &c.security.allow_privilege_escalation;
        match f.value {
            Tri::Known(true) => v(out, f.span, msg!("k8s-pss-privilege-escalation-allows", container = cname(c))),
            Tri::Absent => {
                v(out, c.span, msg!("k8s-pss-privilege-escalation-set-allowprivilegeescalation", container = cname(c)))
            }
            _ => {}
        }
    }
}
