//! The Pod Security Standards: every control of the baseline and restricted profiles (as
//! defined for current Kubernetes releases), one rule each, and the namespace admission levels
//! that enforce them.
//!
//! Container-level settings override pod-level ones where Kubernetes lets them (`runAsNonRoot`,
//! `runAsUser`, `seccompProfile`, `appArmorProfile`, `seLinuxOptions`, `windowsOptions`); init
//! and ephemeral containers are checked like the others. A value that cannot be read (a wrong
//! type, a template expression) never counts as a violation.

use super::{WORKLOADS, cname, k8s_rule, report, who};
use crate::finding::Related;
use crate::model::Field;
use crate::model::k8s::Workload;
use crate::model::{Model, Tri};
use crate::rules::{Builtin, Sink};
use crate::source::{Location, Span};

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
    pub message: String,
}

/// One control: its rule, its profile and its check.
pub struct Control {
    pub rule: &'static Builtin,
    pub level: Level,
    /// Short name as the standard calls it.
    pub name: &'static str,
    pub check: fn(&Workload, &mut Vec<Violation>),
}

/// Every control, baseline first.
pub static CONTROLS: &[Control] = &[
    Control { rule: &HOST_PROCESS, level: Level::Baseline, name: "HostProcess", check: host_process },
    Control { rule: &HOST_NAMESPACES, level: Level::Baseline, name: "Host Namespaces", check: host_namespaces },
    Control { rule: &PRIVILEGED, level: Level::Baseline, name: "Privileged Containers", check: privileged },
    Control { rule: &CAPABILITIES_BASELINE, level: Level::Baseline, name: "Capabilities", check: caps_baseline },
    Control { rule: &HOST_PATH, level: Level::Baseline, name: "HostPath Volumes", check: host_path },
    Control { rule: &HOST_PORTS, level: Level::Baseline, name: "Host Ports", check: host_ports },
    Control { rule: &APPARMOR, level: Level::Baseline, name: "AppArmor", check: apparmor },
    Control { rule: &SELINUX, level: Level::Baseline, name: "SELinux", check: selinux },
    Control { rule: &PROC_MOUNT, level: Level::Baseline, name: "/proc Mount Type", check: proc_mount },
    Control { rule: &SECCOMP_BASELINE, level: Level::Baseline, name: "Seccomp", check: seccomp_baseline },
    Control { rule: &SYSCTLS, level: Level::Baseline, name: "Sysctls", check: sysctls },
    Control { rule: &VOLUME_TYPES, level: Level::Restricted, name: "Volume Types", check: volume_types },
    Control {
        rule: &PRIVILEGE_ESCALATION,
        level: Level::Restricted,
        name: "Privilege Escalation",
        check: privilege_escalation,
    },
    Control { rule: &RUN_AS_NON_ROOT, level: Level::Restricted, name: "Running as Non-root", check: run_as_non_root },
    Control { rule: &RUN_AS_USER, level: Level::Restricted, name: "Running as Non-root user", check: run_as_user },
    Control { rule: &SECCOMP_RESTRICTED, level: Level::Restricted, name: "Seccomp", check: seccomp_restricted },
    Control { rule: &CAPABILITIES_RESTRICTED, level: Level::Restricted, name: "Capabilities", check: caps_restricted },
];

/// Runs one control over every workload and reports each violation.
fn run(m: &Model, out: &mut Sink<'_>, check: fn(&Workload, &mut Vec<Violation>)) {
    let mut found = Vec::new();
    for w in &m.k8s.workloads {
        found.clear();
        check(w, &mut found);
        for v in &found {
            report(out, w, v.span, format!("{}: {}", who(w), v.message));
        }
    }
}

/// The container's value when it sets one, else the pod's.
fn eff<'a, T>(container: &'a Field<T>, pod: &'a Field<T>) -> &'a Field<T> {
    if container.is_absent() { pod } else { container }
}

fn v(out: &mut Vec<Violation>, span: Span, message: impl Into<String>) {
    out.push(Violation { span, message: message.into() });
}

fn host_process(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.security.host_process.is_true() {
        v(out, w.pod.security.host_process.span, "the pod runs as a Windows HostProcess pod");
    }
    for c in &w.pod.containers {
        if c.security.host_process.is_true() {
            v(out, c.security.host_process.span, format!("{} runs as a Windows HostProcess container", cname(c)));
        }
    }
}

fn host_namespaces(w: &Workload, out: &mut Vec<Violation>) {
    for (f, what) in [(&w.pod.host_network, "hostNetwork"), (&w.pod.host_pid, "hostPID"), (&w.pod.host_ipc, "hostIPC")]
    {
        if f.is_true() {
            v(out, f.span, format!("{what} shares a host namespace with the pod"));
        }
    }
}

fn privileged(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        if c.security.privileged.is_true() {
            v(out, c.security.privileged.span, format!("{} is privileged", cname(c)));
        }
    }
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
fn cap_name(c: &str) -> String {
    let u = c.trim().to_ascii_uppercase();
    u.strip_prefix("CAP_").map(str::to_string).unwrap_or(u)
}

fn caps_baseline(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        for cap in c.security.caps_add.get().into_iter().flatten() {
            if let Some(name) = cap.get()
                && !BASELINE_CAPS.contains(&cap_name(name).as_str())
            {
                v(out, cap.span, format!("{} adds capability {name}, outside the baseline allow-list", cname(c)));
            }
        }
    }
}

fn host_path(w: &Workload, out: &mut Vec<Violation>) {
    for vol in &w.pod.volumes {
        if let Some((kind, span)) = &vol.source
            && kind == "hostPath"
        {
            v(out, *span, format!("volume `{}` mounts a hostPath", vol.name));
        }
    }
}

fn host_ports(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        for p in &c.ports {
            if let Some(&hp) = p.host_port.get()
                && hp != 0
            {
                v(out, p.host_port.span, format!("{} binds host port {hp}", cname(c)));
            }
        }
    }
}

const APPARMOR_ANNOTATION: &str = "container.apparmor.security.beta.kubernetes.io/";

fn apparmor(w: &Workload, out: &mut Vec<Violation>) {
    let bad = |f: &Field<String>| f.is(|t| t != "RuntimeDefault" && t != "Localhost");
    if bad(&w.pod.security.apparmor) {
        let t = w.pod.security.apparmor.get().cloned().unwrap_or_default();
        v(out, w.pod.security.apparmor.span, format!("the pod's AppArmor profile is `{t}`"));
    }
    for c in &w.pod.containers {
        if bad(&c.security.apparmor) {
            let t = c.security.apparmor.get().cloned().unwrap_or_default();
            v(out, c.security.apparmor.span, format!("{} has AppArmor profile `{t}`", cname(c)));
        }
    }
    for a in &w.pod_annotations {
        if let Some(container) = a.key.strip_prefix(APPARMOR_ANNOTATION)
            && !a.value.contains("{{")
            && a.value != "runtime/default"
            && !a.value.starts_with("localhost/")
        {
            v(out, a.span, format!("the AppArmor annotation of container `{container}` is `{}`", a.value));
        }
    }
}

/// SELinux types the baseline profile allows.
const SELINUX_TYPES: &[&str] = &["container_t", "container_init_t", "container_kvm_t", "container_engine_t"];

fn selinux(w: &Workload, out: &mut Vec<Violation>) {
    let mut check = |sc: &crate::model::k8s::SecurityContext, what: &str| {
        if let Some(t) = sc.selinux_type.get()
            && !t.is_empty()
            && !SELINUX_TYPES.contains(&t.as_str())
        {
            v(out, sc.selinux_type.span, format!("{what} sets SELinux type `{t}`"));
        }
        for (f, name) in [(&sc.selinux_user, "user"), (&sc.selinux_role, "role")] {
            if let Some(x) = f.get()
                && !x.is_empty()
            {
                v(out, f.span, format!("{what} sets a custom SELinux {name} `{x}`"));
            }
        }
    };
    check(&w.pod.security, "the pod");
    for c in &w.pod.containers {
        check(&c.security, &cname(c));
    }
}

fn proc_mount(w: &Workload, out: &mut Vec<Violation>) {
    for c in &w.pod.containers {
        if let Some(p) = c.security.proc_mount.get()
            && p != "Default"
        {
            v(out, c.security.proc_mount.span, format!("{} uses procMount `{p}`", cname(c)));
        }
    }
}

fn seccomp_baseline(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.security.seccomp.is(|t| t == "Unconfined") {
        v(out, w.pod.security.seccomp.span, "the pod's seccomp profile is Unconfined");
    }
    for c in &w.pod.containers {
        if c.security.seccomp.is(|t| t == "Unconfined") {
            v(out, c.security.seccomp.span, format!("{}'s seccomp profile is Unconfined", cname(c)));
        }
    }
}

/// Sysctls the baseline profile allows (namespaced and isolated from the node).
pub const SAFE_SYSCTLS: &[&str] = &[
    "kernel.shm_rmid_forced",
    "net.ipv4.ip_local_port_range",
    "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",
    "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",
    "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",
    "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem",
];

fn sysctls(w: &Workload, out: &mut Vec<Violation>) {
    for s in w.pod.security.sysctls.get().into_iter().flatten() {
        if let Some(name) = s.get()
            && !SAFE_SYSCTLS.contains(&name.as_str())
        {
            v(out, s.span, format!("the pod sets sysctl `{name}`, outside the safe set"));
        }
    }
}

/// Volume sources the restricted profile allows.
pub const RESTRICTED_VOLUMES: &[&str] =
    &["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

fn volume_types(w: &Workload, out: &mut Vec<Violation>) {
    for vol in &w.pod.volumes {
        // hostPath is reported by the baseline control.
        if let Some((kind, span)) = &vol.source
            && kind != "hostPath"
            && !RESTRICTED_VOLUMES.contains(&kind.as_str())
        {
            v(out, *span, format!("volume `{}` is of type `{kind}`, not allowed by the restricted profile", vol.name));
        }
    }
}

fn privilege_escalation(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.is_windows() {
        return;
    }
    for c in &w.pod.containers {
        let f = &c.security.allow_privilege_escalation;
        match f.value {
            Tri::Known(true) => v(out, f.span, format!("{} allows privilege escalation", cname(c))),
            Tri::Absent => v(out, c.span, format!("{} does not set allowPrivilegeEscalation: false", cname(c))),
            _ => {}
        }
    }
}

fn run_as_non_root(w: &Workload, out: &mut Vec<Violation>) {
    let pod = &w.pod.security.run_as_non_root;
    if pod.is_false() {
        v(out, pod.span, "the pod sets runAsNonRoot: false");
    }
    for c in &w.pod.containers {
        let f = &c.security.run_as_non_root;
        match f.value {
            Tri::Known(false) => v(out, f.span, format!("{} sets runAsNonRoot: false", cname(c))),
            Tri::Absent if pod.is_absent() => {
                v(out, c.span, format!("neither the pod nor {} sets runAsNonRoot: true", cname(c)))
            }
            _ => {}
        }
    }
}

fn run_as_user(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.security.run_as_user.get() == Some(&0) {
        v(out, w.pod.security.run_as_user.span, "the pod runs as user 0 (root)");
    }
    for c in &w.pod.containers {
        if c.security.run_as_user.get() == Some(&0) {
            v(out, c.security.run_as_user.span, format!("{} runs as user 0 (root)", cname(c)));
        }
    }
}

fn seccomp_restricted(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.is_windows() {
        return;
    }
    // An explicit Unconfined is reported by the baseline control; here, profiles that are
    // missing or of another type.
    let bad = |f: &Field<String>| f.is(|t| t != "RuntimeDefault" && t != "Localhost" && t != "Unconfined");
    if bad(&w.pod.security.seccomp) {
        let t = w.pod.security.seccomp.get().cloned().unwrap_or_default();
        v(out, w.pod.security.seccomp.span, format!("the pod's seccomp profile type `{t}` is not allowed"));
    }
    for c in &w.pod.containers {
        let f = eff(&c.security.seccomp, &w.pod.security.seccomp);
        if f.is_absent() {
            v(out, c.span, format!("neither the pod nor {} sets a seccomp profile", cname(c)));
        } else if !c.security.seccomp.is_absent() && bad(&c.security.seccomp) {
            let t = c.security.seccomp.get().cloned().unwrap_or_default();
            v(out, c.security.seccomp.span, format!("{}'s seccomp profile type `{t}` is not allowed", cname(c)));
        }
    }
}

fn caps_restricted(w: &Workload, out: &mut Vec<Violation>) {
    if w.pod.is_windows() {
        return;
    }
    for c in &w.pod.containers {
        match &c.security.caps_drop.value {
            Tri::Absent => v(out, c.span, format!("{} does not drop ALL capabilities", cname(c))),
            Tri::Known(items) => {
                let all = items.iter().any(|i| i.is(|s| cap_name(s) == "ALL"));
                let unknown = items.iter().any(Field::is_unknown);
                if !all && !unknown {
                    v(out, c.security.caps_drop.span, format!("{} does not drop ALL capabilities", cname(c)));
                }
            }
            Tri::Unknown => {}
        }
        // Capabilities outside the baseline allow-list are reported by the baseline control.
        for cap in c.security.caps_add.get().into_iter().flatten() {
            if let Some(name) = cap.get() {
                let n = cap_name(name);
                if n != "NET_BIND_SERVICE" && BASELINE_CAPS.contains(&n.as_str()) {
                    v(out, cap.span, format!("{} adds capability {name}; only NET_BIND_SERVICE is allowed", cname(c)));
                }
            }
        }
    }
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

const APP03: &[&str] = &["APP-01", "APP-03"];
const APP01: &[&str] = &["APP-01"];
const WA: &[&str] = &["SEC06-BP02"];

k8s_rule!(
    HOST_PROCESS,
    id: "PAL-K8S-001",
    slug: "k8s-pss-host-process",
    title: "Pod Security Standards (baseline): Windows HostProcess pod or container",
    severity: Critical,
    layer: Application,
    controls: APP01,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove `windowsOptions.hostProcess: true` from the pod and container security contexts. \
Run node-level Windows tooling outside of application namespaces.",
    description: "Pod Security Standards profile: **baseline**. A HostProcess container runs directly on \
the Windows node with the node's privileges and network; it is the Windows counterpart of a privileged \
container and the baseline profile forbids it.",
    check: |m, _, out| run(m, out, host_process),
);

k8s_rule!(
    HOST_NAMESPACES,
    id: "PAL-K8S-002",
    slug: "k8s-pss-host-namespaces",
    title: "Pod Security Standards (baseline): pod shares the host's network, PID or IPC namespace",
    severity: High,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to `false`). Expose the \
workload through a Service instead of the node's network.",
    description: "Pod Security Standards profile: **baseline**. With `hostNetwork` the pod sees every \
interface of the node and can bind to its addresses; with `hostPID` it sees (and can signal or trace) \
every process on the node; with `hostIPC` it shares the node's shared memory. Each one removes an isolation \
boundary between the workload and the node.",
    check: |m, _, out| run(m, out, host_namespaces),
);

k8s_rule!(
    PRIVILEGED,
    id: "PAL-K8S-003",
    slug: "k8s-pss-privileged",
    title: "Pod Security Standards (baseline): privileged container",
    severity: Critical,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove `securityContext.privileged: true`. Grant the specific capability the process \
needs instead (the baseline profile allows a small set), or move the work to a node-level agent.",
    description: "Pod Security Standards profile: **baseline**. A privileged container has every \
capability, every device of the node and no seccomp or AppArmor confinement: a compromise of the process is \
a compromise of the node.",
    check: |m, _, out| run(m, out, privileged),
);

k8s_rule!(
    CAPABILITIES_BASELINE,
    id: "PAL-K8S-004",
    slug: "k8s-pss-capabilities-baseline",
    title: "Pod Security Standards (baseline): container adds a capability outside the allow-list",
    severity: High,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove the capability from `securityContext.capabilities.add`. The baseline profile \
allows only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, \
SETGID, SETPCAP, SETUID and SYS_CHROOT.",
    description: "Pod Security Standards profile: **baseline**. Capabilities such as SYS_ADMIN, \
NET_ADMIN, SYS_PTRACE or SYS_MODULE give a container powers over the kernel and the node that ordinary \
applications never need; most container escapes start from one of them.",
    check: |m, _, out| run(m, out, caps_baseline),
);

k8s_rule!(
    HOST_PATH,
    id: "PAL-K8S-005",
    slug: "k8s-pss-host-path",
    title: "Pod Security Standards (baseline): hostPath volume",
    severity: High,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Replace the `hostPath` volume with an `emptyDir`, a `configMap`/`secret`, or a \
`persistentVolumeClaim`.",
    description: "Pod Security Standards profile: **baseline**. A hostPath volume mounts a directory of \
the node into the container: the container runtime socket, the kubelet's credentials or `/etc` are one \
mount away from a node takeover.",
    check: |m, _, out| run(m, out, host_path),
);

k8s_rule!(
    HOST_PORTS,
    id: "PAL-K8S-006",
    slug: "k8s-pss-host-ports",
    title: "Pod Security Standards (baseline): container binds a host port",
    severity: Medium,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove `hostPort` from the container's `ports` and expose the port through a Service \
(ClusterIP, NodePort or LoadBalancer).",
    description: "Pod Security Standards profile: **baseline**. A host port opens the container on the \
node's own address, bypassing the Service and, with many network plugins, NetworkPolicy; it also ties \
the pod to nodes where the port is free.",
    check: |m, _, out| run(m, out, host_ports),
);

k8s_rule!(
    APPARMOR,
    id: "PAL-K8S-007",
    slug: "k8s-pss-apparmor",
    title: "Pod Security Standards (baseline): AppArmor profile overridden",
    severity: Medium,
    layer: Application,
    controls: APP01,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Leave `appArmorProfile` unset or set `type: RuntimeDefault` (or `Localhost` with a \
profile you maintain); for the legacy annotation use `runtime/default` or `localhost/<profile>`.",
    description: "Pod Security Standards profile: **baseline**. The container runtime's default \
AppArmor profile blocks writes to sensitive kernel interfaces and mounts; `Unconfined` removes that \
protection.",
    check: |m, _, out| run(m, out, apparmor),
);

k8s_rule!(
    SELINUX,
    id: "PAL-K8S-008",
    slug: "k8s-pss-selinux",
    title: "Pod Security Standards (baseline): custom SELinux type, user or role",
    severity: Medium,
    layer: Application,
    controls: APP01,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove `seLinuxOptions.user` and `seLinuxOptions.role`, and leave `type` unset or use \
`container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`.",
    description: "Pod Security Standards profile: **baseline**. The SELinux type confines what a \
container process may touch on the node; a custom type such as `spc_t` (super-privileged container) or a \
custom user or role lifts that confinement.",
    check: |m, _, out| run(m, out, selinux),
);

k8s_rule!(
    PROC_MOUNT,
    id: "PAL-K8S-009",
    slug: "k8s-pss-proc-mount",
    title: "Pod Security Standards (baseline): unmasked /proc mount",
    severity: Medium,
    layer: Application,
    controls: APP01,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove `securityContext.procMount` or set it to `Default`.",
    description: "Pod Security Standards profile: **baseline**. The default /proc mount hides and makes \
read-only the kernel paths that leak node information or allow changing kernel settings; `Unmasked` \
exposes them to the container.",
    check: |m, _, out| run(m, out, proc_mount),
);

k8s_rule!(
    SECCOMP_BASELINE,
    id: "PAL-K8S-010",
    slug: "k8s-pss-seccomp-baseline",
    title: "Pod Security Standards (baseline): seccomp explicitly Unconfined",
    severity: Medium,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Set `seccompProfile.type: RuntimeDefault` (or `Localhost` with a profile you maintain) \
instead of `Unconfined`.",
    description: "Pod Security Standards profile: **baseline**. Seccomp filters the system calls a \
container may make; the runtime's default profile blocks the rarely needed calls that most kernel \
exploits rely on. `Unconfined` turns the filter off.",
    check: |m, _, out| run(m, out, seccomp_baseline),
);

k8s_rule!(
    SYSCTLS,
    id: "PAL-K8S-011",
    slug: "k8s-pss-sysctls",
    title: "Pod Security Standards (baseline): unsafe sysctl",
    severity: Medium,
    layer: Application,
    controls: APP01,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Remove the sysctl from `securityContext.sysctls`; only the namespaced, isolated set \
(`kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.ip_unprivileged_port_start`, \
`net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_local_reserved_ports`, the \
`net.ipv4.tcp_keepalive_*`, `tcp_fin_timeout`, `tcp_rmem` and `tcp_wmem` settings) is allowed.",
    description: "Pod Security Standards profile: **baseline**. Sysctls outside the safe set are not \
isolated per pod: they change the kernel of the whole node, for every other workload on it.",
    check: |m, _, out| run(m, out, sysctls),
);

k8s_rule!(
    VOLUME_TYPES,
    id: "PAL-K8S-012",
    slug: "k8s-pss-volume-types",
    title: "Pod Security Standards (restricted): volume type not allowed",
    severity: Medium,
    layer: Application,
    controls: APP01,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Use only `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, \
`persistentVolumeClaim`, `projected` and `secret` volumes; reach other storage through a \
PersistentVolumeClaim.",
    description: "Pod Security Standards profile: **restricted**. Inline volume sources such as `nfs`, \
`iscsi`, `rbd` or `gitRepo` let a pod author reach storage directly, without the PersistentVolume \
objects an administrator controls. (A `hostPath` volume is reported by the baseline control.)",
    check: |m, _, out| run(m, out, volume_types),
);

k8s_rule!(
    PRIVILEGE_ESCALATION,
    id: "PAL-K8S-013",
    slug: "k8s-pss-privilege-escalation",
    title: "Pod Security Standards (restricted): privilege escalation not disabled",
    severity: Medium,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container, init \
container and ephemeral container.",
    description: "Pod Security Standards profile: **restricted**. Unless `allowPrivilegeEscalation` is \
`false`, a process can gain more privileges than its parent (through setuid binaries or file \
capabilities). The field defaults to allowing it. Windows pods are exempt.",
    check: |m, _, out| run(m, out, privilege_escalation),
);

k8s_rule!(
    RUN_AS_NON_ROOT,
    id: "PAL-K8S-014",
    slug: "k8s-pss-run-as-non-root",
    title: "Pod Security Standards (restricted): containers may run as root",
    severity: Medium,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.runAsNonRoot: true` in the pod spec (or on every container) and \
build the image with a non-root `USER`.",
    description: "Pod Security Standards profile: **restricted**. With `runAsNonRoot: true` the kubelet \
refuses to start a container whose user would be root. A container-level value overrides the pod-level \
one; a container that sets `false` violates the control even when the pod sets `true`.",
    check: |m, _, out| run(m, out, run_as_non_root),
);

k8s_rule!(
    RUN_AS_USER,
    id: "PAL-K8S-015",
    slug: "k8s-pss-run-as-user",
    title: "Pod Security Standards (restricted): runs as user id 0",
    severity: Medium,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Set `runAsUser` to a non-zero user id (for example `10001`), or remove it and rely \
on the image's non-root user together with `runAsNonRoot: true`.",
    description: "Pod Security Standards profile: **restricted**. `runAsUser: 0` runs the process as \
root, which is root on the node too unless user namespaces are in use.",
    check: |m, _, out| run(m, out, run_as_user),
);

k8s_rule!(
    SECCOMP_RESTRICTED,
    id: "PAL-K8S-016",
    slug: "k8s-pss-seccomp-restricted",
    title: "Pod Security Standards (restricted): no seccomp profile set",
    severity: Medium,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` in the pod spec (it applies \
to every container), or `Localhost` with a profile you maintain.",
    description: "Pod Security Standards profile: **restricted**. The restricted profile requires an \
explicit seccomp profile, `RuntimeDefault` or `Localhost`, at the pod level or on every container. Without \
one, most runtimes run containers unconfined. (An explicit `Unconfined` is reported by the baseline \
control.) Windows pods are exempt.",
    check: |m, _, out| run(m, out, seccomp_restricted),
);

k8s_rule!(
    CAPABILITIES_RESTRICTED,
    id: "PAL-K8S-017",
    slug: "k8s-pss-capabilities-restricted",
    title: "Pod Security Standards (restricted): capabilities not dropped",
    severity: Medium,
    layer: Application,
    controls: APP03,
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.capabilities.drop: [\"ALL\"]` on every container and add back only \
`NET_BIND_SERVICE` if the process binds a port below 1024.",
    description: "Pod Security Standards profile: **restricted**. Containers start with a default set \
of capabilities (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, ...); the restricted profile requires dropping \
all of them and allows adding back only NET_BIND_SERVICE. (Capabilities outside the baseline allow-list \
are reported by the baseline control.) Windows pods are exempt.",
    check: |m, _, out| run(m, out, caps_restricted),
);

/// Label holding the level Pod Security admission enforces.
pub const ENFORCE_LABEL: &str = "pod-security.kubernetes.io/enforce";

k8s_rule!(
    NAMESPACE_ENFORCE,
    id: "PAL-K8S-018",
    slug: "k8s-namespace-pss-enforce",
    title: "Namespace does not enforce the restricted Pod Security Standard",
    severity: Medium,
    layer: Application,
    controls: &["APP-02"],
    well_architected: WA,
    resource_types: &["Namespace"],
    remediation: "Label the namespace `pod-security.kubernetes.io/enforce: restricted` (and the same \
for `audit` and `warn`). Where a workload truly needs more, use `baseline` for that namespace only.",
    description: "Pod Security admission checks every pod created in a namespace against the level in \
its `pod-security.kubernetes.io/enforce` label and rejects the pods that violate it. Without the label \
(or with `privileged`) nothing is enforced; `baseline` still allows running as root with the default \
capabilities and no seccomp profile.",
    check: |m, _, out| {
        for ns in &m.k8s.namespaces {
            let Some(name) = ns.obj.name.as_deref() else { continue };
            match &ns.enforce {
                None => {
                    out.report_in(
                        &ns.obj.file,
                        &ns.obj.res,
                        ns.obj.res.span,
                        format!("namespace `{name}` has no `{ENFORCE_LABEL}` label: no pod security level is enforced"),
                    );
                }
                Some(l) => match Level::parse(&l.value) {
                    Some(level) if level < Level::Restricted => {
                        out.report_in(
                            &ns.obj.file,
                            &ns.obj.res,
                            l.span,
                            format!("namespace `{name}` enforces `{}`, less than `restricted`", level.as_str()),
                        );
                    }
                    _ => {}
                },
            }
        }
    },
);

k8s_rule!(
    ADMISSION_REJECTS,
    id: "PAL-K8S-019",
    slug: "k8s-pss-admission-rejects",
    title: "Workload violates the Pod Security level its namespace enforces",
    severity: High,
    layer: Application,
    controls: &["APP-01", "APP-02"],
    well_architected: WA,
    resource_types: WORKLOADS,
    remediation: "Fix the listed controls in the pod template (see each control's rule), or move the \
workload to a namespace with a level it meets.",
    description: "When the workload's namespace is in the scanned manifests and enforces `baseline` or \
`restricted`, Pod Security admission will refuse its pods: a Pod is rejected at creation, a controller's \
pods never start. The finding lists every violated control; the namespace label is a related location.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            let Some(ns_name) = w.obj.namespace.as_deref() else { continue };
            let Some(ns) = m.k8s.namespace(ns_name) else { continue };
            let Some(label) = &ns.enforce else { continue };
            let Some(level) = Level::parse(&label.value) else { continue };
            if level == Level::Privileged {
                continue;
            }
            let found = violations(w, level);
            if found.is_empty() {
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            for (c, _) in &found {
                let n = format!("{} ({})", c.name, c.level.as_str());
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            let whom = if w.obj.kind == "Pod" { "it" } else { "its pods" };
            let f = report(
                out,
                w,
                w.obj.res.span,
                format!(
                    "namespace `{ns_name}` enforces `{}`: admission would reject {whom} ({} violated: {})",
                    level.as_str(),
                    if names.len() == 1 { "control" } else { "controls" },
                    names.join(", ")
                ),
            );
            f.related.push(Related {
                location: Location::new(ns.obj.file.clone(), label.span),
                message: format!("namespace `{ns_name}` enforces `{}`", level.as_str()),
            });
            for (c, v) in found {
                let file = f.location.file.clone();
                f.related.push(Related { location: Location::new(file, v.span), message: format!("{}: {}", c.name, v.message) });
            }
        }
    },
);
