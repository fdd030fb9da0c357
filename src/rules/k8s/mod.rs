//! Kubernetes manifests (application layer): every Pod Security Standards control, namespace
//! admission levels, workload hardening beyond the standards, NetworkPolicy coverage and RBAC.
//!
//! The objects of every manifest of a scan are checked together, so findings are reported
//! into the file each object came from.

use super::{Builtin, Sink};
use crate::finding::Finding;
use crate::model::k8s::{Container, Workload};
use crate::source::Span;

pub mod netpol;
pub mod pss;
pub mod rbac;
pub mod workload;

/// Defines a Kubernetes rule whose examples are `fixtures/<slug>.fail.yaml` and
/// `fixtures/<slug>.pass.yaml`.
macro_rules! k8s_rule {
    (
        $name:ident,
        id: $id:literal,
        slug: $slug:literal,
        title: $title:expr,
        severity: $sev:ident,
        layer: $layer:ident,
        controls: $controls:expr,
        well_architected: $wa:expr,
        resource_types: $types:expr,
        remediation: $rem:expr,
        description: $desc:expr,
        check: $check:expr $(,)?
    ) => {
        pub static $name: crate::rules::Builtin = crate::rules::Builtin {
            meta: crate::rules::StaticMeta {
                id: $id,
                slug: $slug,
                title: $title,
                severity: crate::finding::Severity::$sev,
                layer: crate::finding::Layer::$layer,
                service: "kubernetes",
                well_architected: $wa,
                controls: $controls,
                resource_types: $types,
                remediation: $rem,
                description: $desc,
            },
            check: $check,
        };
    };
}
pub(crate) use k8s_rule;

/// The workload kinds every pod-spec rule inspects.
pub const WORKLOADS: &[&str] =
    &["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"];

/// The rules of this area.
pub static RULES: &[&Builtin] = &[
    &pss::HOST_PROCESS,
    &pss::HOST_NAMESPACES,
    &pss::PRIVILEGED,
    &pss::CAPABILITIES_BASELINE,
    &pss::HOST_PATH,
    &pss::HOST_PORTS,
    &pss::APPARMOR,
    &pss::SELINUX,
    &pss::PROC_MOUNT,
    &pss::SECCOMP_BASELINE,
    &pss::SYSCTLS,
    &pss::VOLUME_TYPES,
    &pss::PRIVILEGE_ESCALATION,
    &pss::RUN_AS_NON_ROOT,
    &pss::RUN_AS_USER,
    &pss::SECCOMP_RESTRICTED,
    &pss::CAPABILITIES_RESTRICTED,
    &pss::NAMESPACE_ENFORCE,
    &pss::ADMISSION_REJECTS,
    &workload::READ_ONLY_ROOT_FS,
    &workload::HOST_USERS,
    &workload::IMAGE_TAG,
    &workload::IMAGE_DIGEST,
    &workload::IMAGE_REGISTRY,
    &workload::RESOURCES,
    &workload::AUTOMOUNT_TOKEN,
    &workload::ENV_SECRET,
    &workload::SECRET_MANIFEST,
    &workload::CONFIGMAP_SECRET,
    &netpol::DEFAULT_DENY_INGRESS,
    &netpol::DEFAULT_DENY_EGRESS,
    &netpol::UNSELECTED_WORKLOAD,
    &netpol::SELECTS_NOTHING,
    &rbac::WILDCARD,
    &rbac::ESCALATION_VERBS,
    &rbac::SECRETS_READ,
    &rbac::PODS_EXEC,
    &rbac::CLUSTER_ADMIN_BINDING,
];

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
