//! NetworkPolicy coverage, per namespace of the scanned manifests: default-deny policies for
//! ingress and egress, workloads that no policy selects, policies that select nothing.
//!
//! Objects without `metadata.namespace` land in whatever namespace `kubectl` applies them to;
//! they are grouped together, as one namespace.

use std::collections::BTreeMap;

use super::{WORKLOADS, k8s_rule, report, who};
use crate::model::Model;
use crate::model::k8s::{NetworkPolicy, Workload};
use crate::rules::Sink;

/// Workloads and policies of one namespace (`None`: no namespace written).
#[derive(Default)]
struct Group<'m> {
    workloads: Vec<&'m Workload>,
    policies: Vec<&'m NetworkPolicy>,
}

fn groups(m: &Model) -> BTreeMap<Option<&str>, Group<'_>> {
    let mut g: BTreeMap<Option<&str>, Group<'_>> = BTreeMap::new();
    // A namespace still holding a template expression is undecidable: left out.
    let known = |ns: &Option<String>| !ns.as_deref().is_some_and(|n| n.contains("{{"));
    for w in m.k8s.workloads.iter().filter(|w| known(&w.obj.namespace)) {
        g.entry(w.obj.namespace.as_deref()).or_default().workloads.push(w);
    }
    for p in m.k8s.network_policies.iter().filter(|p| known(&p.obj.namespace)) {
        g.entry(p.obj.namespace.as_deref()).or_default().policies.push(p);
    }
    g
}

fn ns_label(ns: Option<&str>) -> String {
    match ns {
        Some(n) => format!("namespace `{n}`"),
        None => "the namespace of the manifests without `metadata.namespace`".to_string(),
    }
}

/// Reports a missing default-deny policy for `direction`.
fn default_deny(m: &Model, out: &mut Sink<'_>, direction: &str) {
    for (ns, g) in groups(m) {
        let Some(first) = g.workloads.first() else { continue };
        let mut undecided = false;
        let mut found = false;
        for p in &g.policies {
            let empty = match p.pod_selector.get() {
                Some(s) if s.unknown => {
                    undecided = true;
                    continue;
                }
                Some(s) => s.is_empty(),
                None => {
                    undecided = true;
                    continue;
                }
            };
            match p.denies_all(direction) {
                Some(true) if empty => found = true,
                None if empty => undecided = true,
                _ => {}
            }
        }
        if found || undecided {
            continue;
        }
        let message = format!(
            "{} has workloads but no default-deny {direction} NetworkPolicy (empty podSelector, policyType {direction}, no rules)",
            ns_label(ns)
        );
        match ns.and_then(|n| m.k8s.namespace(n)) {
            Some(nsobj) => {
                out.report_in(&nsobj.obj.file, &nsobj.obj.res, nsobj.obj.res.span, message);
            }
            None => {
                report(out, first, first.obj.res.span, message);
            }
        }
    }
}

const NS_AND_POLICIES: &[&str] = &["Namespace", "NetworkPolicy"];

k8s_rule!(
    DEFAULT_DENY_INGRESS,
    id: "PAL-K8S-030",
    slug: "k8s-netpol-default-deny-ingress",
    title: "Namespace with workloads has no default-deny ingress NetworkPolicy",
    severity: Medium,
    layer: Network,
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
    resource_types: NS_AND_POLICIES,
    remediation: "Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress]` and no `ingress` \
rules to the namespace, then allow the flows each workload needs with narrower policies.",
    description: "Kubernetes allows all traffic to a pod until some NetworkPolicy selects it. A \
default-deny policy (selecting every pod and allowing nothing) turns that around: only the flows that a \
policy explicitly allows get through, so a compromised pod cannot reach every other pod of the \
namespace. The finding is reported on the Namespace object when it is in the scanned manifests, \
otherwise on the first workload of the namespace.",
    check: |m, _, out| default_deny(m, out, "Ingress"),
);

k8s_rule!(
    DEFAULT_DENY_EGRESS,
    id: "PAL-K8S-031",
    slug: "k8s-netpol-default-deny-egress",
    title: "Namespace with workloads has no default-deny egress NetworkPolicy",
    severity: Medium,
    layer: Network,
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
    resource_types: NS_AND_POLICIES,
    remediation: "Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Egress]` and no `egress` \
rules to the namespace, then allow DNS and the destinations each workload needs with narrower policies.",
    description: "Without a default-deny egress policy any pod can open connections anywhere: to \
other namespaces, to the cloud metadata endpoint, to the internet for exfiltration. A default-deny \
egress policy makes every outbound flow an explicit decision.",
    check: |m, _, out| default_deny(m, out, "Egress"),
);

k8s_rule!(
    UNSELECTED_WORKLOAD,
    id: "PAL-K8S-032",
    slug: "k8s-netpol-unselected-workload",
    title: "Workload is selected by no NetworkPolicy",
    severity: Low,
    layer: Network,
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
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
                        format!("{} is selected by no NetworkPolicy: all its traffic is allowed", who(w)),
                    );
                }
            }
        }
    },
);

k8s_rule!(
    SELECTS_NOTHING,
    id: "PAL-K8S-033",
    slug: "k8s-netpol-selects-nothing",
    title: "NetworkPolicy selects no workload of the scanned manifests",
    severity: Low,
    layer: Network,
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
    resource_types: &["NetworkPolicy"],
    remediation: "Make the policy's `podSelector` match the labels of the pod templates it is meant \
to protect (or remove the policy).",
    description: "A policy whose podSelector matches none of the workloads of its namespace protects \
nothing: usually a label was renamed on one side only. Checked only for namespaces that have workloads \
in the scanned manifests.",
    check: |m, _, out| {
        for (_, g) in groups(m) {
            if g.workloads.is_empty() {
                continue;
            }
            for p in &g.policies {
                let Some(sel) = p.pod_selector.get() else { continue };
                if sel.is_empty() {
                    continue;
                }
                let mut any = false;
                let mut undecided = false;
                for w in &g.workloads {
                    match sel.matches(&w.pod_labels) {
                        Some(true) => any = true,
                        Some(false) => {}
                        None => undecided = true,
                    }
                }
                if !any && !undecided {
                    let name = p.obj.name.as_deref().unwrap_or_default();
                    out.report_in(
                        &p.obj.file,
                        &p.obj.res,
                        p.obj.res.span,
                        format!("NetworkPolicy `{name}` selects none of the workloads of its namespace"),
                    )
                    .with_related(p.pod_selector.span, "its podSelector");
                }
            }
        }
    },
);
