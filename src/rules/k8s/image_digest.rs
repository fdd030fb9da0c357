use super::image::parse_image;
use super::{WORKLOADS, cname, report, who};

rule!(
    RULE,
    id: "PAL-K8S-023",
    slug: "k8s-image-digest",
    title: "Container image is pinned by tag, not by digest",
    severity: Info,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-05"],
    well_architected: &["SEC06-BP04"],
    compliance: &["isms-p:2.8.6"],
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
                        msg!("k8s-image-digest-pinned", workload = who(w), container = cname(c), image = image),
                    );
                }
            }
        }
    },
);
