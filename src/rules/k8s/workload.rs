//! Workload hardening beyond the Pod Security Standards: read-only root filesystems, user
//! namespaces, image pinning, resource requests and limits, service account tokens.

use super::{WORKLOADS, cname, k8s_rule, report, who};
use crate::model::Tri;
use crate::model::k8s::{ContainerKind, K8sObjects, Workload};

/// An image reference split into name, tag and digest.
#[derive(Debug, PartialEq, Eq)]
pub struct ImageRef<'a> {
    pub name: &'a str,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

/// Splits `registry:port/path/name:tag@sha256:...`.
pub fn parse_image(image: &str) -> ImageRef<'_> {
    let (rest, digest) = match image.split_once('@') {
        Some((r, d)) => (r, Some(d)),
        None => (image, None),
    };
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    match rest[last_slash..].rfind(':') {
        Some(i) => ImageRef { name: &rest[..last_slash + i], tag: Some(&rest[last_slash + i + 1..]), digest },
        None => ImageRef { name: rest, tag: None, digest },
    }
}

k8s_rule!(
    READ_ONLY_ROOT_FS,
    id: "PAL-K8S-020",
    slug: "k8s-read-only-root-filesystem",
    title: "Container root filesystem is writable",
    severity: Low,
    layer: Application,
    controls: &["APP-03"],
    well_architected: &["SEC06-BP02"],
    resource_types: WORKLOADS,
    remediation: "Set `securityContext.readOnlyRootFilesystem: true` on the container and mount an \
`emptyDir` volume where the application needs to write (for example `/tmp`).",
    description: "A read-only root filesystem stops an attacker who gains code execution from \
dropping tools, changing binaries or persisting in the container's filesystem, and makes the \
container's behaviour match its image.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                let f = &c.security.read_only_root_filesystem;
                match f.value {
                    Tri::Known(false) => {
                        report(out, w, f.span, format!("{}: {} has a writable root filesystem", who(w), cname(c)));
                    }
                    Tri::Absent => {
                        report(
                            out,
                            w,
                            c.span,
                            format!("{}: {} does not set readOnlyRootFilesystem: true", who(w), cname(c)),
                        );
                    }
                    _ => {}
                }
            }
        }
    },
);

k8s_rule!(
    HOST_USERS,
    id: "PAL-K8S-021",
    slug: "k8s-host-users",
    title: "Pod does not use a user namespace (hostUsers is not false)",
    severity: Low,
    layer: Application,
    controls: &["APP-04"],
    well_architected: &["SEC06-BP02"],
    resource_types: WORKLOADS,
    remediation: "Set `hostUsers: false` in the pod spec (it needs Linux nodes whose kernel and \
container runtime support user namespaces).",
    description: "With `hostUsers: false` the pod gets its own user namespace: user ids inside the \
container, root included, map to unprivileged ids on the node. A process that escapes the container \
is then nobody on the node. The default shares the node's user namespace. Windows pods are exempt.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            if w.pod.is_windows() {
                continue;
            }
            let f = &w.pod.host_users;
            match f.value {
                Tri::Known(true) => {
                    report(out, w, f.span, format!("{} sets hostUsers: true (no user namespace)", who(w)));
                }
                Tri::Absent => {
                    report(
                        out,
                        w,
                        w.obj.res.span,
                        format!("{} does not set hostUsers: false: container root is root on the node", who(w)),
                    );
                }
                _ => {}
            }
        }
    },
);

k8s_rule!(
    IMAGE_TAG,
    id: "PAL-K8S-022",
    slug: "k8s-image-tag",
    title: "Container image is untagged or uses `latest`",
    severity: Medium,
    layer: Application,
    controls: &["APP-05"],
    well_architected: &["SEC06-BP02", "SEC06-BP04"],
    resource_types: WORKLOADS,
    remediation: "Reference the image by an immutable version tag (`nginx:1.27.3`), or better by digest \
(`nginx@sha256:...`), and update it deliberately.",
    description: "`latest`, or no tag at all (which means `latest`), names whatever was pushed last: \
two nodes can run different code for the same pod, a rollback does not roll back, and a compromised or \
broken push is picked up silently.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                let Some(image) = c.image.get().filter(|i| !i.trim().is_empty()) else { continue };
                let r = parse_image(image);
                if r.digest.is_some() {
                    continue;
                }
                match r.tag {
                    None => {
                        report(
                            out,
                            w,
                            c.image.span,
                            format!("{}: {} uses image `{image}` without a tag (`latest`)", who(w), cname(c)),
                        );
                    }
                    Some("latest") => {
                        report(out, w, c.image.span, format!("{}: {} uses image `{image}`", who(w), cname(c)));
                    }
                    _ => {}
                }
            }
        }
    },
);

k8s_rule!(
    IMAGE_DIGEST,
    id: "PAL-K8S-023",
    slug: "k8s-image-digest",
    title: "Container image is pinned by tag, not by digest",
    severity: Info,
    layer: Application,
    controls: &["APP-05"],
    well_architected: &["SEC06-BP04"],
    resource_types: WORKLOADS,
    remediation: "Append the image digest (`image: nginx:1.27.3@sha256:<digest>`); tools such as \
Renovate or `crane digest` keep digests current.",
    description: "A tag can be moved to another image by anyone who can push to the repository; a \
digest names exactly one image. Pinning by digest makes deployments reproducible and lets signature \
verification refer to what really runs. (`latest` and untagged images are reported by \
`k8s-image-tag`.)",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                let Some(image) = c.image.get().filter(|i| !i.trim().is_empty()) else { continue };
                let r = parse_image(image);
                if r.digest.is_none()
                    && let Some(tag) = r.tag
                    && tag != "latest"
                {
                    report(
                        out,
                        w,
                        c.image.span,
                        format!("{}: {} image `{image}` is not pinned by digest", who(w), cname(c)),
                    );
                }
            }
        }
    },
);

/// The registry host of an image name, when it names one explicitly (`ghcr.io`,
/// `localhost:5000`, `123456789012.dkr.ecr.eu-west-1.amazonaws.com`).
pub fn explicit_registry(name: &str) -> Option<&str> {
    let (first, _) = name.split_once('/')?;
    (first.contains('.') || first.contains(':') || first == "localhost").then_some(first)
}

/// The image name with its registry made explicit (`nginx` → `docker.io/library/nginx`).
pub fn full_name(name: &str) -> String {
    match explicit_registry(name) {
        Some(_) => name.to_string(),
        None if name.contains('/') => format!("docker.io/{name}"),
        None => format!("docker.io/library/{name}"),
    }
}

/// Is `name` (an image name without tag or digest) under one of `allowed` (a registry host,
/// optionally with a path prefix)?
pub fn registry_allowed(name: &str, allowed: &[String]) -> bool {
    let full = full_name(name);
    allowed
        .iter()
        .map(|a| a.trim().trim_end_matches('/'))
        .filter(|a| !a.is_empty())
        .any(|a| full == a || full.strip_prefix(a).is_some_and(|rest| rest.starts_with('/')))
}

k8s_rule!(
    IMAGE_REGISTRY,
    id: "PAL-K8S-027",
    slug: "k8s-image-registry",
    title: "Container image does not come from an allowed registry",
    severity: Low,
    layer: Application,
    controls: &["APP-05"],
    well_architected: &["SEC06-BP04"],
    resource_types: WORKLOADS,
    remediation: "Pull images from a registry you control (for example Amazon ECR, with scan on push and \
immutable tags) and name it in the image (`123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2`). \
List your registries with `palisade scan --allowed-registry`.",
    description: "With `--allowed-registry` (repeatable: a registry host, optionally with a path prefix \
such as `ghcr.io/my-org`), every image must come from one of the listed registries. Without it, images \
that name no registry are reported: they are pulled from Docker Hub, whose public repositories anyone can \
publish to, and whose name resolution depends on the node's runtime configuration.",
    check: |m, _, out| {
        let allowed = &m.k8s.allowed_registries;
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                let Some(image) = c.image.get().filter(|i| !i.trim().is_empty()) else { continue };
                let name = parse_image(image).name;
                if allowed.is_empty() {
                    if explicit_registry(name).is_none() {
                        report(
                            out,
                            w,
                            c.image.span,
                            format!("{}: {} image `{image}` names no registry (pulled from Docker Hub)", who(w), cname(c)),
                        );
                    }
                } else if !registry_allowed(name, allowed) {
                    let from = explicit_registry(name).unwrap_or("docker.io");
                    report(
                        out,
                        w,
                        c.image.span,
                        format!(
                            "{}: {} image `{image}` comes from `{from}`, not an allowed registry ({})",
                            who(w),
                            cname(c),
                            allowed.join(", ")
                        ),
                    );
                }
            }
        }
    },
);

k8s_rule!(
    RESOURCES,
    id: "PAL-K8S-024",
    slug: "k8s-resources",
    title: "Container has no CPU/memory requests or no memory limit",
    severity: Low,
    layer: Application,
    controls: &["APP-06"],
    well_architected: &["SEC06-BP05"],
    resource_types: WORKLOADS,
    remediation: "Set `resources.requests.cpu`, `resources.requests.memory` and \
`resources.limits.memory` on every container and init container (a LimitRange can supply defaults per \
namespace).",
    description: "Without requests the scheduler cannot place the pod sensibly and the pod is the first \
to be evicted; without a memory limit one compromised or runaway container can exhaust the node's memory \
and take its neighbours down. Ephemeral containers cannot set resources and are not checked.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                if c.kind == ContainerKind::Ephemeral {
                    continue;
                }
                let r = &c.resources;
                if !r.present {
                    report(out, w, c.span, format!("{}: {} sets no resource requests or limits", who(w), cname(c)));
                    continue;
                }
                let (Some(req), Some(lim)) = (&r.requests, &r.limits) else { continue };
                let mut missing = Vec::new();
                for (list, what) in [(req, "requests.cpu"), (req, "requests.memory"), (lim, "limits.memory")] {
                    let key = what.split('.').nth(1).unwrap_or_default();
                    if !list.iter().any(|k| k == key) {
                        missing.push(what);
                    }
                }
                if !missing.is_empty() {
                    report(out, w, r.span, format!("{}: {} does not set {}", who(w), cname(c), missing.join(", ")));
                }
            }
        }
    },
);

/// Does the service account the pod uses disable token automounting? `None` when the account
/// is not in the scanned set.
fn service_account_disables(k: &K8sObjects, w: &Workload, name: &str) -> Option<bool> {
    let sa = k
        .service_accounts
        .iter()
        .find(|s| s.obj.name.as_deref() == Some(name) && s.obj.namespace == w.obj.namespace)?;
    Some(sa.automount_token.is_false())
}

k8s_rule!(
    AUTOMOUNT_TOKEN,
    id: "PAL-K8S-025",
    slug: "k8s-automount-service-account-token",
    title: "Service account token is mounted into the pod",
    severity: Low,
    layer: Identity,
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03", "SEC03-BP02"],
    resource_types: &["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "ServiceAccount"],
    remediation: "Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount) \
unless the application calls the Kubernetes API; when it does, give it a dedicated ServiceAccount with \
a minimal Role.",
    description: "By default every pod gets a token of its service account mounted at \
`/var/run/secrets/kubernetes.io/serviceaccount`. Anyone who gains code execution in any container can \
use it against the API server with the account's permissions. The pod-level setting wins over the \
ServiceAccount's; when the pod leaves it unset and uses a named ServiceAccount that is not in the \
scanned manifests, nothing is reported (its setting is unknown).",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            let f = &w.pod.automount_token;
            match f.value {
                Tri::Known(true) => {
                    report(out, w, f.span, format!("{} mounts its service account token", who(w)));
                }
                Tri::Absent => {
                    let (name, named) = match w.pod.service_account.get() {
                        Some(n) => (n.as_str(), true),
                        None if w.pod.service_account.is_absent() => ("default", false),
                        None => continue,
                    };
                    match service_account_disables(&m.k8s, w, name) {
                        Some(true) => {}
                        Some(false) => {
                            report(
                                out,
                                w,
                                w.obj.res.span,
                                format!(
                                    "{} mounts the token of service account `{name}`: neither the pod nor the account disables it",
                                    who(w)
                                ),
                            );
                        }
                        None if !named => {
                            report(
                                out,
                                w,
                                w.obj.res.span,
                                format!(
                                    "{} does not set automountServiceAccountToken: false and uses the `default` service account",
                                    who(w)
                                ),
                            );
                        }
                        None => {}
                    }
                }
                _ => {}
            }
        }
    },
);

k8s_rule!(
    ENV_SECRET,
    id: "PAL-K8S-026",
    slug: "k8s-env-secret-literal",
    title: "Secret written as a literal environment variable value",
    severity: High,
    layer: Identity,
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03"],
    resource_types: WORKLOADS,
    remediation: "Store the value in a Secret (or an external store such as AWS Secrets Manager with \
the Secrets Store CSI driver or External Secrets) and reference it with `valueFrom.secretKeyRef`; \
rotate the exposed credential.",
    description: "An `env` value is part of the manifest: it is committed to version control, shown \
by `kubectl describe`, stored unencrypted in the object and readable by anyone who can read the \
workload. Values are judged with the same detector as CloudFormation properties: AWS keys, private \
keys, URLs with a password, and plausible literals under names such as `PASSWORD` or `API_TOKEN`.",
    check: |m, _, out| {
        for w in &m.k8s.workloads {
            for c in &w.pod.containers {
                for e in &c.env {
                    let Some(value) = e.value.get() else { continue };
                    if let Some(found) = crate::analyze::secrets::detect::looks_like_secret(&e.name, value) {
                        report(
                            out,
                            w,
                            e.value.span,
                            format!(
                                "{}: {} sets `{}` to {} (`{}`)",
                                who(w),
                                cname(c),
                                e.name,
                                found.kind.describe(),
                                crate::analyze::secrets::detect::mask(&value[found.range.clone()], 4)
                            ),
                        );
                    }
                }
            }
        }
    },
);

k8s_rule!(
    SECRET_MANIFEST,
    id: "PAL-K8S-028",
    slug: "k8s-secret-in-manifest",
    title: "Secret manifest carries its values",
    severity: Medium,
    layer: Identity,
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03"],
    resource_types: &["Secret"],
    remediation: "Keep secret values out of the manifests: create the Secret from an external store \
(External Secrets Operator or the Secrets Store CSI driver with AWS Secrets Manager), or commit it \
encrypted (Sealed Secrets, SOPS). Rotate the values that were committed.",
    description: "A Secret's `data` is only base64-encoded, not encrypted: a Secret manifest with \
values puts the credentials in version control, in CI logs and on every machine that checks the \
repository out. Empty values and template expressions are not reported.",
    check: |m, _, out| {
        for s in &m.k8s.secrets {
            if s.keys.is_empty() {
                continue;
            }
            let name = s.obj.name.as_deref().unwrap_or_default();
            let keys: Vec<&str> = s.keys.iter().map(|(k, _)| k.as_str()).collect();
            out.report_in(
                &s.obj.file,
                &s.obj.res,
                s.keys[0].1,
                format!("Secret `{name}` writes the values of {} in the manifest", keys.join(", ")),
            );
        }
    },
);

k8s_rule!(
    CONFIGMAP_SECRET,
    id: "PAL-K8S-029",
    slug: "k8s-configmap-secret",
    title: "ConfigMap holds a secret",
    severity: High,
    layer: Identity,
    controls: &["APP-09"],
    well_architected: &["SEC02-BP03"],
    resource_types: &["ConfigMap"],
    remediation: "Move the value into a Secret (created from an external store) and reference it from \
the pod with `secretKeyRef` or a secret volume; rotate the exposed credential.",
    description: "ConfigMaps are meant for non-confidential configuration: RBAC commonly lets many \
more people and workloads read them than Secrets, and they are never encrypted at rest. Values are \
judged with the same detector as environment variables: AWS keys, private keys, URLs with a password, \
and plausible literals under names such as `password` or `api_token`.",
    check: |m, _, out| {
        for c in &m.k8s.config_maps {
            let name = c.obj.name.as_deref().unwrap_or_default();
            for (key, value, span) in &c.data {
                if value.contains("{{") {
                    continue;
                }
                if let Some(found) = crate::analyze::secrets::detect::looks_like_secret(key, value) {
                    out.report_in(
                        &c.obj.file,
                        &c.obj.res,
                        *span,
                        format!("ConfigMap `{name}` key `{key}` holds {}", found.kind.describe()),
                    );
                }
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_references() {
        assert_eq!(parse_image("nginx"), ImageRef { name: "nginx", tag: None, digest: None });
        assert_eq!(parse_image("nginx:latest").tag, Some("latest"));
        assert_eq!(parse_image("localhost:5000/app").tag, None);
        assert_eq!(parse_image("localhost:5000/app:1.2").tag, Some("1.2"));
        let r = parse_image("ghcr.io/x/y:1@sha256:abc");
        assert_eq!((r.name, r.tag, r.digest), ("ghcr.io/x/y", Some("1"), Some("sha256:abc")));
    }

    #[test]
    fn registries() {
        assert_eq!(explicit_registry("nginx"), None);
        assert_eq!(explicit_registry("bitnami/redis"), None);
        assert_eq!(explicit_registry("localhost:5000/x"), Some("localhost:5000"));
        assert_eq!(explicit_registry("localhost/x"), Some("localhost"));
        assert_eq!(full_name("nginx"), "docker.io/library/nginx");
        let allowed = vec!["ghcr.io/my-org".to_string(), "docker.io/library/".to_string()];
        assert!(registry_allowed("ghcr.io/my-org/app", &allowed));
        assert!(!registry_allowed("ghcr.io/my-org-evil/app", &allowed));
        assert!(registry_allowed("nginx", &allowed));
        assert!(!registry_allowed("bitnami/redis", &allowed));
    }
}
