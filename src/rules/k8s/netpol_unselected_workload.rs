use super::netpol::groups;
use super::{WORKLOADS, report, who};

rule!(
    RULE,
    id: "PAL-K8S-032",
    slug: "k8s-netpol-unselected-workload",
    title: "Workload is selected by no NetworkPolicy",
    severity: Low,
    layer: Network,
    service: "kubernetes",
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "pci-4.0:1.3.1"],
    resource_types: WORKLOADS,
    remediation: "Label the pod template so that a policy selects it, or add a policy for it (a \
namespace-wide default-deny policy selects every pod).",
    description: "In a namespace that has NetworkPolicies, a pod that none of them selects is not \
isolated at all: every connection to and from it is allowed. This usually means a label changed or a \
policy was forgotten. (When the namespace has no policy at all, the default-deny rules report it once \
for the namespace.)",
    check: |m, _, out| {
        for (_, g) in groups(m) {
            if g.policies.is_empty() {
                continue;
            }
            for w in &g.workloads {
                let mut selected = false;
                let mut undecided = false;
                for p in &g.policies {
                    match p.pod_selector.get().and_then(|s| s.matches(&w.pod_labels)) {
                        Some(true) => selected = true,
                        Some(false) => {}
                        None => undecided = true,
                    }
                }
                if !selected && !undecided {
                    report(
                        out,
                        w,
                        w.obj.res.span,
                        msg!("k8s-netpol-unselected-workload-selected-networkpolicy", workload = who(w)),
                    );
                }
            }
        }
    },
);
