use super::{WORKLOADS, cname, report, who};
use crate::model::Tri;

rule!(
    RULE,
    id: "PAL-K8S-020",
    slug: "k8s-read-only-root-filesystem",
    title: "Container root filesystem is writable",
    severity: Low,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-03"],
    well_architected: &["SEC06-BP02"],
    compliance: &["isms-p:2.6.2"],
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
                        report(out, w, f.span, msg!("k8s-read-only-root-filesystem-writable", workload = who(w), container = cname(c)));
                    }
                    Tri::Absent => {
                        report(
                            out,
                            w,
                            c.span,
                            msg!("k8s-read-only-root-filesystem-set-readonlyrootfilesystem", workload = who(w), container = cname(c)),
                        );
                    }
                    _ => {}
                }
            }
        }
    },
);
