use super::image::parse_image;
use super::{WORKLOADS, cname, report, who};

rule!(
    RULE,
    id: "PAL-K8S-022",
    slug: "k8s-image-tag",
    title: "Container image is untagged or uses `latest`",
    severity: Medium,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-05"],
    well_architected: &["SEC06-BP02", "SEC06-BP04"],
    compliance: &["isms-p:2.8.6"],
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
                            msg!("k8s-image-tag-uses-latest", workload = who(w), container = cname(c), image = image),
                        );
                    }
                    Some("latest") => {
                        report(out, w, c.image.span, msg!("k8s-image-tag-uses", workload = who(w), container = cname(c), image = image));
                    }
                    _ => {}
                }
            }
        }
    },
);
