use super::pss::{APP01, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::Field;
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-007",
    slug: "k8s-pss-apparmor",
    title: "Pod Security Standards (baseline): AppArmor profile overridden",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP01,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Leave `appArmorProfile` unset or set `type: RuntimeDefault` (or `Localhost` with a \
profile you maintain); for the legacy annotation use `runtime/default` or `localhost/<profile>`.",
    description: "Pod Security Standards profile: **baseline**. The container runtime's default \
AppArmor profile blocks writes to sensitive kernel interfaces and mounts; `Unconfined` removes that \
protection.",
    check: |m, _, out| run(m, out, apparmor),
);

const APPARMOR_ANNOTATION: &str = "container.apparmor.security.beta.kubernetes.io/";

pub(super) fn apparmor(w: &Workload, out: &mut Vec<Violation>) {
    let bad = |f: &Field<String>| f.is(|t| t != "RuntimeDefault" && t != "Localhost");
    if bad(&w.pod.security.apparmor) {
        let t = w.pod.security.apparmor.get().cloned().unwrap_or_default();
        v(out, w.pod.security.apparmor.span, msg!("k8s-pss-apparmor-pod-profile", t = t));
    }
    for c in &w.pod.containers {
        if bad(&c.security.apparmor) {
            let t = c.security.apparmor.get().cloned().unwrap_or_default();
            v(out, c.security.apparmor.span, msg!("k8s-pss-apparmor-profile", container = cname(c), t = t));
        }
    }
    for a in &w.pod_annotations {
        if let Some(container) = a.key.strip_prefix(APPARMOR_ANNOTATION)
            && !a.value.contains("{{")
            && a.value != "runtime/default"
            && !a.value.starts_with("localhost/")
        {
            v(out, a.span, msg!("k8s-pss-apparmor-annotation-container", container = container, value = a.value));
        }
    }
}
