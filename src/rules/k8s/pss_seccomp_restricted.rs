use super::pss::{APP03, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::Field;
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-016",
    slug: "k8s-pss-seccomp-restricted",
    title: "Pod Security Standards (restricted): no seccomp profile set",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP03,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec (it applies \
to every container), or `Localhost` with a profile you maintain.",
    description: "Pod Security Standards profile: **restricted**. The restricted profile requires an \
explicit seccomp profile, `RuntimeDefault` or `Localhost`, at the pod level or on every container. Without \
one, most runtimes run containers unconfined. (An explicit `Unconfined` is reported by the baseline \
control.) Windows pods are exempt.",
    check: |m, _, out| run(m, out, seccomp_restricted),
);

/// The container's value when it sets one, else the pod's.
fn eff<'a, T>(container: &'a Field<T>, pod: &'a Field<T>) -> &'a Field<T> {
    if container.is_absent() { pod } else { container }
}

pub(super) fn seccomp_restricted(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.is_windows() {
        return;
    }
    // An explicit Unconfined is reported by the baseline control; here, profiles that are
    // missing or of another type.
    let bad = |f: &Field<String>| f.is(|t| t != "RuntimeDefault" && t != "Localhost" && t != "Unconfined");
    if bad(&w.pod.security.seccomp) {
        let t = w.pod.security.seccomp.get().cloned().unwrap_or_default();
        v(out, w.pod.security.seccomp.span, msg!("k8s-pss-seccomp-restricted-pod-profile", t = t));
    }
    for c in &w.pod.containers {
        let f = eff(&c.security.seccomp, &w.pod.security.seccomp);
        if f.is_absent() {
            v(out, c.span, msg!("k8s-pss-seccomp-restricted-neither-pod", container = cname(c)));
        } else if !c.security.seccomp.is_absent() && bad(&c.security.seccomp) {
            let t = c.security.seccomp.get().cloned().unwrap_or_default();
            v(
                out,
                c.security.seccomp.span,
                msg!("k8s-pss-seccomp-restricted-profile-type", container = cname(c), t = t),
            );
        }
    }
}
