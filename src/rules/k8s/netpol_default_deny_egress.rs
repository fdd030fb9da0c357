use super::netpol::{NS_AND_POLICIES, default_deny};

rule!(
    RULE,
    id: "PAL-K8S-031",
    slug: "k8s-netpol-default-deny-egress",
    title: "Namespace with workloads has no default-deny egress NetworkPolicy",
    severity: Medium,
    layer: Network,
    service: "kubernetes",
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "isms-p:2.6.7", "pci-4.0:1.3.2"],
    resource_types: NS_AND_POLICIES,
    remediation: "Add a NetworkPolicy with `podSelector: {}`, `policyTypes: [Egress]` and no `egress` \
rules to the namespace, then allow DNS and the destinations each workload needs with narrower policies.",
    description: "Without a default-deny egress policy any pod can open connections anywhere: to \
other namespaces, to the cloud metadata endpoint, to the internet for exfiltration. A default-deny \
egress policy makes every outbound flow an explicit decision.",
    check: |m, _, out| default_deny(m, out, "Egress"),
);
