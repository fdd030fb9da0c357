//! Kubernetes manifests (application layer): every Pod Security Standards control, namespace
//! admission levels, workload hardening beyond the standards, NetworkPolicy coverage and RBAC.
//!
//! One rule per module (`area!` below lists them); `pss`, `image`, `netpol` and `rbac` hold
//! what several of them share. The objects of every manifest of a scan are checked together, so
//! findings are reported into the file each object came from.

use super::Sink;
use crate::finding::Finding;
use crate::model::k8s::{Container, ContainerKind, Workload};
use crate::source::Span;

pub mod image;
pub mod netpol;
pub mod pss;
pub mod rbac;

/// The workload kinds every pod-spec rule inspects.
pub const WORKLOADS: &[&str] =
    &["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"];

pub mod automount_service_account_token;
pub mod configmap_secret;
pub mod env_secret_literal;
pub mod host_users;
pub mod image_digest;
pub mod image_registry;
pub mod image_tag;
pub mod namespace_pss_enforce;
pub mod netpol_default_deny_egress;
pub mod netpol_default_deny_ingress;
pub mod netpol_selects_nothing;
pub mod netpol_unselected_workload;
pub mod pss_admission_rejects;
pub mod pss_apparmor;
pub mod pss_capabilities_baseline;
pub mod pss_capabilities_restricted;
pub mod pss_host_namespaces;
pub mod pss_host_path;
pub mod pss_host_ports;
pub mod pss_host_process;
pub mod pss_privilege_escalation;
pub mod pss_privileged;
pub mod pss_proc_mount;
pub mod pss_run_as_non_root;
pub mod pss_run_as_user;
pub mod pss_seccomp_baseline;
pub mod pss_seccomp_restricted;
pub mod pss_selinux;
pub mod pss_sysctls;
pub mod pss_volume_types;
pub mod rbac_cluster_admin_binding;
pub mod rbac_escalation_verbs;
pub mod rbac_pods_exec;
pub mod rbac_secrets_read;
pub mod rbac_wildcard;
pub mod read_only_root_filesystem;
pub mod resources;
pub mod secret_in_manifest;

super::area_rules!("k8s");

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
pub fn cname(c: &Container) -> crate::i18n::Message {
    match c.kind {
        ContainerKind::Regular => msg!("k8s-container", name = c.name),
        ContainerKind::Init => msg!("k8s-init-container", name = c.name),
        ContainerKind::Ephemeral => msg!("k8s-ephemeral-container", name = c.name),
    }
}

/// Reports a finding about a workload, in its file.
pub fn report<'s>(
    out: &'s mut Sink<'_>,
    w: &Workload,
    span: Span,
    message: impl Into<crate::i18n::Message>,
) -> &'s mut Finding {
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
