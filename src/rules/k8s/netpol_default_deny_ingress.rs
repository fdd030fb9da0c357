use super::netpol::{NS_AND_POLICIES, default_deny};

rule!(
    RULE,
    id: "PAL-K8S-030",
    slug: "k8s-netpol-default-deny-ingress",
    title: "Namespace with workloads has no default-deny ingress NetworkPolicy",
    severity: Medium,
    layer: Network,
    service: "kubernetes",
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "pci-4.0:1.3.1"],
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
