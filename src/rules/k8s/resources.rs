use super::{WORKLOADS, cname, report, who};
use crate::model::k8s::ContainerKind;

rule!(
    RULE,
    id: "PAL-K8S-024",
    slug: "k8s-resources",
    title: "Container has no CPU/memory requests or no memory limit",
    severity: Low,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-06"],
    well_architected: &["SEC06-BP05"],
    compliance: &["isms-p:2.9.2"],
    resource_types: WORKLOADS,
    remediation: "Set `resources.requests.cpu`, `resources.requests.memory` and \
`resources.limits.memory` on every container and init container (a LimitRange can supply defaults per \
namespace).",
    description: "Without requests the scheduler cannot place the pod sensibly and the pod is the first \
to be evicted; without a memory limit one compromised or runaway container can exhaust the node's memory \
and take its neighbours down. Ephemeral containers cannot set resources and are not checked.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                if c.kind == ContainerKind::Ephemeral {
                    continue;
                }
                let r = &c.resources;
                if !r.present {
                    report(out, w, c.span, msg!("k8s-resources-sets-resource", workload = who(w), container = cname(c)));
                    continue;
                }
                let (Some(req), Some(lim)) = (&r.requests, &r.limits) else { continue };
                let mut missing = Vec::new();
                for (list, what) in [(req, "requests.cpu"), (req, "requests.memory"), (lim, "limits.memory")] {
                    let key = what.split('.').nth(1).unwrap_or_default();
                    if !list.iter().any(|k| k == key) {
                        missing.push(what);
                    }
                }
                if !missing.is_empty() {
                    report(out, w, r.span, msg!("k8s-resources-set", workload = who(w), container = cname(c), missing = missing.join(", ")));
                }
            }
        }
    },
);
