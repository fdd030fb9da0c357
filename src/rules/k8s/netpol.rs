//! What the NetworkPolicy coverage rules share (`netpol_*`: default-deny policies for ingress
//! and egress, workloads that no policy selects, policies that select nothing), per namespace
//! of the scanned manifests.
//!
//! Objects without `metadata.namespace` land in whatever namespace `kubectl` applies them to;
//! they are grouped together, as one namespace.

use std::collections::BTreeMap;

use super::report;
use crate::model::Model;
use crate::model::k8s::{NetworkPolicy, PodCreator, Workload};
use crate::rules::Sink;

/// Workloads and policies of one namespace (`None`: no namespace written).
#[derive(Default)]
pub(super) struct Group<'m> {
    pub(super) workloads: Vec<&'m Workload>,
    pub(super) policies: Vec<&'m NetworkPolicy>,
    /// Custom resources whose operators may create pods in the namespace.
    pub(super) creators: Vec<&'m PodCreator>,
}

pub(super) fn groups(m: &Model) -> BTreeMap<Option<&str>, Group<'_>> {
    let mut g: BTreeMap<Option<&str>, Group<'_>> = BTreeMap::new();
    // A namespace still holding a template expression is undecidable: left out.
    let known = |ns: &Option<String>| !ns.as_deref().is_some_and(|n| n.contains("{{"));
    // Fragments (patches of objects not in the scan) are no workloads or policies of their own.
    for w in m.k8s.workloads.iter().filter(|w| !w.obj.fragment && known(&w.obj.namespace)) {
        g.entry(w.obj.namespace.as_deref()).or_default().workloads.push(w);
    }
    for p in m.k8s.network_policies.iter().filter(|p| !p.obj.fragment && known(&p.obj.namespace)) {
        g.entry(p.obj.namespace.as_deref()).or_default().policies.push(p);
    }
    for c in m.k8s.pod_creators.iter().filter(|c| known(&c.obj.namespace)) {
        g.entry(c.obj.namespace.as_deref()).or_default().creators.push(c);
    }
    g
}

pub(super) fn ns_label(ns: Option<&str>) -> crate::i18n::Message {
    match ns {
        Some(n) => msg!("k8s-namespace", namespace = n),
        None => msg!("k8s-namespace-unset"),
    }
}

/// Reports a missing default-deny policy for `direction`.
pub(super) fn default_deny(m: &Model, out: &mut Sink<'_>, direction: &str) {
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
        let message = msg!("k8s-netpol-workloads-but", ns_label = ns_label(ns), direction = direction);
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

pub(super) const NS_AND_POLICIES: &[&str] = &["Namespace", "NetworkPolicy"];
