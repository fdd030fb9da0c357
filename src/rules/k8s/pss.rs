//! The Pod Security Standards: every control of the baseline and restricted profiles (as
//! defined for current Kubernetes releases) and the levels that group them. Each control is a
//! rule of its own (the `pss_*` modules); this module holds what they share, and the table
//! that namespace admission (`pss_admission_rejects`) checks a workload against.
//!
//! Container-level settings override pod-level ones where Kubernetes lets them (`runAsNonRoot`,
//! `runAsUser`, `seccompProfile`, `appArmorProfile`, `seLinuxOptions`, `windowsOptions`); init
//! and ephemeral containers are checked like the others. A value that cannot be read (a wrong
//! type, a template expression) never counts as a violation.

use super::{
    pss_apparmor, pss_capabilities_baseline, pss_capabilities_restricted, pss_host_namespaces, pss_host_path,
    pss_host_ports, pss_host_process, pss_privilege_escalation, pss_privileged, pss_proc_mount, pss_run_as_non_root,
    pss_run_as_user, pss_seccomp_baseline, pss_seccomp_restricted, pss_selinux, pss_sysctls, pss_volume_types, report,
    who,
};
use crate::model::Model;
use crate::model::k8s::Workload;
use crate::rules::{Builtin, Sink};
use crate::source::Span;

/// A Pod Security Standards level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Privileged,
    Baseline,
    Restricted,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Privileged => "privileged",
            Level::Baseline => "baseline",
            Level::Restricted => "restricted",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s.trim() {
            "privileged" => Some(Level::Privileged),
            "baseline" => Some(Level::Baseline),
            "restricted" => Some(Level::Restricted),
            _ => None,
        }
    }
}

/// One violation of a control by a pod spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub span: Span,
    pub message: crate::i18n::Message,
}

/// One control: its rule, its profile and its check.
pub struct Control {
    pub rule: &'static Builtin,
    pub level: Level,
    /// Short name as the standard calls it.
    pub name: &'static str,
    pub check: fn(&Workload, &mut Vec<Violation>),
}

/// The name of a control (as the Pod Security Standards name it) in the language of a report.
pub fn control_name(name: &str) -> crate::i18n::Message {
    let id = match name {
        "HostProcess" => "k8s-pss-control-hostprocess",
        "Host Namespaces" => "k8s-pss-control-host-namespaces",
        "Privileged Containers" => "k8s-pss-control-privileged",
        "Capabilities" => "k8s-pss-control-capabilities",
        "HostPath Volumes" => "k8s-pss-control-hostpath",
        "Host Ports" => "k8s-pss-control-host-ports",
        "AppArmor" => "k8s-pss-control-apparmor",
        "SELinux" => "k8s-pss-control-selinux",
        "/proc Mount Type" => "k8s-pss-control-proc-mount",
        "Seccomp" => "k8s-pss-control-seccomp",
        "Sysctls" => "k8s-pss-control-sysctls",
        "Volume Types" => "k8s-pss-control-volume-types",
        "Privilege Escalation" => "k8s-pss-control-privilege-escalation",
        "Running as Non-root" => "k8s-pss-control-non-root",
        "Running as Non-root user" => "k8s-pss-control-non-root-user",
        other => return crate::i18n::Message::from(other),
    };
    crate::i18n::Message::template(id, Vec::new())
}

/// Every control, baseline first.
pub static CONTROLS: &[Control] = &[
    Control {
        rule: &pss_host_process::RULE,
        level: Level::Baseline,
        name: "HostProcess",
        check: pss_host_process::host_process,
    },
    Control {
        rule: &pss_host_namespaces::RULE,
        level: Level::Baseline,
        name: "Host Namespaces",
        check: pss_host_namespaces::host_namespaces,
    },
    Control {
        rule: &pss_privileged::RULE,
        level: Level::Baseline,
        name: "Privileged Containers",
        check: pss_privileged::privileged,
    },
    Control {
        rule: &pss_capabilities_baseline::RULE,
        level: Level::Baseline,
        name: "Capabilities",
        check: pss_capabilities_baseline::caps_baseline,
    },
    Control {
        rule: &pss_host_path::RULE,
        level: Level::Baseline,
        name: "HostPath Volumes",
        check: pss_host_path::host_path,
    },
    Control {
        rule: &pss_host_ports::RULE,
        level: Level::Baseline,
        name: "Host Ports",
        check: pss_host_ports::host_ports,
    },
    Control { rule: &pss_apparmor::RULE, level: Level::Baseline, name: "AppArmor", check: pss_apparmor::apparmor },
    Control { rule: &pss_selinux::RULE, level: Level::Baseline, name: "SELinux", check: pss_selinux::selinux },
    Control {
        rule: &pss_proc_mount::RULE,
        level: Level::Baseline,
        name: "/proc Mount Type",
        check: pss_proc_mount::proc_mount,
    },
    Control {
        rule: &pss_seccomp_baseline::RULE,
        level: Level::Baseline,
        name: "Seccomp",
        check: pss_seccomp_baseline::seccomp_baseline,
    },
    Control { rule: &pss_sysctls::RULE, level: Level::Baseline, name: "Sysctls", check: pss_sysctls::sysctls },
    Control {
        rule: &pss_volume_types::RULE,
        level: Level::Restricted,
        name: "Volume Types",
        check: pss_volume_types::volume_types,
    },
    Control {
        rule: &pss_privilege_escalation::RULE,
        level: Level::Restricted,
        name: "Privilege Escalation",
        check: pss_privilege_escalation::privilege_escalation,
    },
    Control {
        rule: &pss_run_as_non_root::RULE,
        level: Level::Restricted,
        name: "Running as Non-root",
        check: pss_run_as_non_root::run_as_non_root,
    },
    Control {
        rule: &pss_run_as_user::RULE,
        level: Level::Restricted,
        name: "Running as Non-root user",
        check: pss_run_as_user::run_as_user,
    },
    Control {
        rule: &pss_seccomp_restricted::RULE,
        level: Level::Restricted,
        name: "Seccomp",
        check: pss_seccomp_restricted::seccomp_restricted,
    },
    Control {
        rule: &pss_capabilities_restricted::RULE,
        level: Level::Restricted,
        name: "Capabilities",
        check: pss_capabilities_restricted::caps_restricted,
    },
];

/// Runs one control over every workload and reports each violation.
pub(super) fn run(m: &Model, out: &mut Sink<'_>, check: fn(&Workload, &mut Vec<Violation>)) {
    let mut found = Vec::new();
    for w in &m.k8s.workloads {
        found.clear();
        check(w, &mut found);
        for v in &found {
            report(out, w, v.span, msg!("k8s-pss-message", workload = who(w), message = v.message));
        }
    }
}

pub(super) fn v(out: &mut Vec<Violation>, span: Span, message: impl Into<crate::i18n::Message>) {
    out.push(Violation { span, message: message.into() });
}

/// Capabilities the baseline profile lets a container add.
pub const BASELINE_CAPS: &[&str] = &[
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

/// A capability name without the optional `CAP_` prefix, upper-cased.
pub(super) fn cap_name(c: &str) -> String {
    let u = c.trim().to_ascii_uppercase();
    u.strip_prefix("CAP_").map(str::to_string).unwrap_or(u)
}

/// Every violation of the controls up to `level` by `w`, with the control's name.
pub fn violations(w: &Workload, level: Level) -> Vec<(&'static Control, Violation)> {
    let mut out = Vec::new();
    let mut found = Vec::new();
    for c in CONTROLS.iter().filter(|c| c.level <= level) {
        found.clear();
        (c.check)(w, &mut found);
        out.extend(found.drain(..).map(|v| (c, v)));
    }
    out
}

pub(super) const APP03: &[&str] = &["APP-01", "APP-03"];

pub(super) const APP01: &[&str] = &["APP-01"];

pub(super) const WA: &[&str] = &["SEC06-BP02"];
