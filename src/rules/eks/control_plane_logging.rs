//! PAL-EKS-003 `eks-control-plane-logging`: EKS control-plane logging misses api, audit or authenticator logs.

use super::CLUSTER;
use crate::model::Tri;

/// The control-plane log types the rule requires.
const REQUIRED_LOGS: &[&str] = &["api", "audit", "authenticator"];

rule!(RULE,
    id: "PAL-EKS-003",
    slug: "eks-control-plane-logging",
    title: "EKS control-plane logging misses api, audit or authenticator logs",
    severity: Medium,
    layer: Monitoring,
    service: "eks",
    controls: &["APP-10"],
    well_architected: &["SEC04-BP01"],
    compliance: &["isms-p:2.9.4", "pci-4.0:10.2.1", "fsbp:EKS.8"],
    resource_types: CLUSTER,
    remediation: "Add `Logging.ClusterLogging.EnabledTypes` with at least `api`, `audit` and \
`authenticator` (`controllerManager` and `scheduler` help troubleshooting), and set a retention on the \
`/aws/eks/<cluster>/cluster` log group.",
    description: "Control-plane logs are off by default. The audit log records who did what through \
the Kubernetes API, the authenticator log maps IAM identities to Kubernetes users, and the API log \
records requests and their outcome: without them an incident in the cluster cannot be reconstructed.",
    check: |m, _, out| {
        for c in &m.eks_clusters {
            match &c.log_types.value {
                Tri::Absent => {
                    out.report(
                        &c.meta,
                        c.log_types.span,
                        msg!("eks-control-plane-logging-cluster-enables", cluster = c.meta.id),
                    );
                }
                Tri::Known(types) => {
                    if types.iter().any(|t| t.is_unknown()) {
                        continue;
                    }
                    let missing: Vec<&str> =
                        REQUIRED_LOGS.iter().copied().filter(|r| !types.iter().any(|t| t.is(|s| s == r))).collect();
                    if !missing.is_empty() {
                        out.report(
                            &c.meta,
                            c.log_types.span,
                            msg!("eks-control-plane-logging-cluster-enable", cluster = c.meta.id, missing = missing.join(", ")),
                        );
                    }
                }
                Tri::Unknown => {}
            }
        }
    },
);
