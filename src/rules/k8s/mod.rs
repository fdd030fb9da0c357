//! Kubernetes manifests (application layer): every Pod Security Standards control, namespace
//! admission levels, workload hardening beyond the standards, NetworkPolicy coverage and RBAC.
//!
//! One rule per module (`area!` below lists them); `pss`, `image`, `netpol` and `rbac` hold
//! what several of them share. The objects of every manifest of a scan are checked together, so
//! findings are reported into the file each object came from.

use super::Sink;
use crate::finding::Finding;
use crate::model::k8s::{Container, Workload};
use crate::source::Span;

pub mod image;
pub mod netpol;
pub mod pss;
pub mod rbac;

/// The workload kinds every pod-spec rule inspects.
pub const WORKLOADS: &[&str] =
    &["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"];

super::area! {
    pss_host_process,
    pss_host_namespaces,
    pss_privileged,
    pss_capabilities_baseline,
    pss_host_path,
    pss_host_ports,
    pss_apparmor,
    pss_selinux,
    pss_proc_mount,
    pss_seccomp_baseline,
    pss_sysctls,
    pss_volume_types,
    pss_privilege_escalation,
    pss_run_as_non_root,
    pss_run_as_user,
    pss_seccomp_restricted,
    pss_capabilities_restricted,
    namespace_pss_enforce,
    pss_admission_rejects,
    read_only_root_filesystem,
    host_users,
    image_tag,
    image_digest,
    image_registry,
    resources,
    automount_service_account_token,
    env_secret_literal,
    secret_in_manifest,
    configmap_secret,
    netpol_default_deny_ingress,
    netpol_default_deny_egress,
    netpol_unselected_workload,
    netpol_selects_nothing,
    rbac_wildcard,
    rbac_escalation_verbs,
    rbac_secrets_read,
    rbac_pods_exec,
    rbac_cluster_admin_binding,
}

/// The Pod Security Standards profile (`baseline` or `restricted`) a rule implements a
/// control of, if it is one of them.
pub fn pss_profile(id: &str) -> Option<&'static str> {
    pss::CONTROLS.iter().find(|c| c.rule.meta.id == id).map(|c| c.level.as_str())
}

/// "Deployment `web`".
pub fn who(w: &Workload) -> String {
    match &w.obj.name {
        Some(n) => format!("{} `{n}`", w.obj.kind),
        None => w.obj.kind.clone(),
    }
}

/// "container `app`", "init container `setup`".
pub fn cname(c: &Container) -> String {
    format!("{} `{}`", c.kind.noun(), c.name)
}

/// Reports a finding about a workload, in its file.
pub fn report<'s>(out: &'s mut Sink<'_>, w: &Workload, span: Span, message: impl Into<String>) -> &'s mut Finding {
    out.report_in(&w.obj.file, &w.obj.res, span, message)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_pss_control_has_a_profile() {
        assert_eq!(super::pss_profile("PAL-K8S-003"), Some("baseline"));
        assert_eq!(super::pss_profile("PAL-K8S-016"), Some("restricted"));
        assert_eq!(super::pss_profile("PAL-K8S-030"), None);
        assert_eq!(super::pss::CONTROLS.len(), 17);
    }
}
