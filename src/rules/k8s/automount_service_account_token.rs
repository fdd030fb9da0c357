use super::{report, who};
use crate::model::k8s::{K8sObjects, Workload};

rule!(
    RULE,
    id: "PAL-K8S-025",
    slug: "k8s-automount-service-account-token",
    title: "Service account token is mounted into the pod",
    severity: Low,
    layer: Identity,
    service: "kubernetes",
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03", "SEC03-BP02"],
    compliance: &["isms-p:2.5.1", "pci-4.0:7.2.5"],
    resource_types: &[
        "Pod",
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "ReplicaSet",
        "ReplicationController",
        "Job",
        "CronJob",
        "ServiceAccount",
    ],
    remediation: "Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount) \
unless the application calls the Kubernetes API; when it does, give it a dedicated ServiceAccount with \
a minimal Role.",
    description: "By default every pod gets a token of its service account mounted at \
`/var/run/secrets/kubernetes.io/serviceaccount`. Anyone who gains code execution in any container can \
use it against the API server with the account's permissions. The pod-level setting wins over the \
ServiceAccount's; when the pod leaves it unset and uses a named ServiceAccount that is not in the \
scanned manifests, nothing is reported (its setting is unknown). Only the default is reported: a pod \
that sets `automountServiceAccountToken: true` has decided it needs the token (controllers and \
operators call the API), which is a choice to review with its RBAC, not an oversight.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            // Only the default: an explicit value is a decision.
            if !w.pod.automount_token.is_absent() {
                continue;
            }
            let (name, named) = match w.pod.service_account.get() {
                Some(n) => (n.as_str(), true),
                None if w.pod.service_account.is_absent() => ("default", false),
                None => continue,
            };
            match service_account_decides(&m.k8s, w, name) {
                Some(true) => {}
                Some(false) => {
                    report(
                        out,
                        w,
                        w.obj.res.span,
                        msg!("k8s-automount-service-account-token-mounts-neither", workload = who(w), name = name),
                    );
                }
                None if !named => {
                    report(
                        out,
                        w,
                        w.obj.res.span,
                        msg!("k8s-automount-service-account-token-set-automountserviceaccounttoken", workload = who(w)),
                    );
                }
                None => {}
            }
        }
    },
);

/// Does the service account the pod uses decide token automounting (sets it, either way, or
/// sets it to something that cannot be read)? `None` when the account is not in the scanned set.
fn service_account_decides(k: &K8sObjects, w: &Workload, name: &str) -> Option<bool> {
    let sa = k
        .service_accounts
        .iter()
        .find(|s| s.obj.name.as_deref() == Some(name) && s.obj.namespace == w.obj.namespace)?;
    Some(!sa.automount_token.is_absent())
}
