use super::pss::{APP01, Violation, WA, run, v};
use super::{WORKLOADS, cname};
use crate::model::k8s::Workload;

rule!(
    RULE,
    id: "PAL-K8S-008",
    slug: "k8s-pss-selinux",
    title: "Pod Security Standards (baseline): custom SELinux type, user or role",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: APP01,
    well_architected: WA,
    compliance: &["isms-p:2.6.2"],
    resource_types: WORKLOADS,
    remediation: "Remove `seLinuxOptions.user` and `seLinuxOptions.role`, and leave `type` unset or use \
`container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`.",
    description: "Pod Security Standards profile: **baseline**. The SELinux type confines what a \
container process may touch on the node; a custom type such as `spc_t` (super-privileged container) or a \
custom user or role lifts that confinement.",
    check: |m, _, out| run(m, out, selinux),
);

/// SELinux types the baseline profile allows.
const SELINUX_TYPES: &[&str] = &["container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

pub(super) fn selinux(w: &Workload, out: &mut Vec<Violation>) {
    let mut check = |sc: &crate::model::k8s::SecurityContext, what: &crate::i18n::Message| {
        if let Some(t) = sc.selinux_type.get()
            && !t.is_empty()
            && !SELINUX_TYPES.contains(&t.as_str())
        {
            v(out, sc.selinux_type.span, msg!("k8s-pss-selinux-sets-type", what = what, t = t));
        }
        for (f, name) in [(&sc.selinux_user, "user"), (&sc.selinux_role, "role")] {
            if let Some(x) = f.get()
                && !x.is_empty()
            {
                v(out, f.span, msg!("k8s-pss-selinux-sets-custom", what = what, name = name, x = x));
            }
        }
    };
    check(&w.pod.security, &msg!("k8s-the-pod"));
    for c in &w.pod.containers {
        check(&c.security, &cname(c));
    }
}
