use super::image::parse_image;
use super::{WORKLOADS, cname, report, who};

rule!(
    RULE,
    id: "PAL-K8S-027",
    slug: "k8s-image-registry",
    title: "Container image does not come from an allowed registry",
    severity: Low,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-05"],
    well_architected: &["SEC06-BP04"],
    compliance: &["isms-p:2.8.6"],
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
                            msg!("k8s-image-registry-names-pulled", workload = who(w), container = cname(c), image = image),
                        );
                    }
                } else if !registry_allowed(name, allowed) {
                    let from = explicit_registry(name).unwrap_or("docker.io");
                    report(
                        out,
                        w,
                        c.image.span,
                        msg!("k8s-image-registry-allowed", workload = who(w), container = cname(c), image = image, from = from, allowed = allowed.join(", ")),
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

#[cfg(test)]
mod tests {
    use super::*;

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
