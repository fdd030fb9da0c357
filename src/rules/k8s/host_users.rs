use super::{WORKLOADS, report, who};
use crate::model::Tri;

rule!(
    RULE,
    id: "PAL-K8S-021",
    slug: "k8s-host-users",
    title: "Pod does not use a user namespace (hostUsers is not false)",
    severity: Info,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-04"],
    well_architected: &["SEC06-BP02"],
    compliance: &["isms-p:2.5.5"],
    resource_types: WORKLOADS,
    remediation: "Set `hostUsers: false` in the pod spec (it needs Linux nodes whose kernel and \
container runtime support user namespaces).",
    description: "With `hostUsers: false` the pod gets its own user namespace: user ids inside the \
container, root included, map to unprivileged ids on the node. A process that escapes the container \
is then nobody on the node. The default shares the node's user namespace. Windows pods are exempt. \
Reported as information: user namespaces need node support that most clusters do not have yet, so \
leaving the default is the norm rather than an oversight, and the finding is hardening advice.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            if w.pod.is_windows() {
                continue;
            }
            let f = &w.pod.host_users;
            match f.value {
                Tri::Known(true) => {
                    report(out, w, f.span, msg!("k8s-host-users-sets-hostusers", workload = who(w)));
                }
                Tri::Absent => {
                    report(
                        out,
                        w,
                        w.obj.res.span,
                        msg!("k8s-host-users-set-hostusers", workload = who(w)),
                    );
                }
                _ => {}
            }
        }
    },
);
