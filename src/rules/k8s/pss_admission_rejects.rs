use super::pss::{Level, WA, violations};
use super::{WORKLOADS, report};
use crate::finding::Related;
use crate::source::Location;

rule!(
    RULE,
    id: "PAL-K8S-019",
    slug: "k8s-pss-admission-rejects",
    title: "Workload violates the Pod Security level its namespace enforces",
    severity: High,
    layer: Application,
    service: "kubernetes",
    controls: &["APP-01", "APP-02"],
    well_architected: WA,
    compliance: &["isms-p:2.10.1"],
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
            let mut names: Vec<crate::i18n::Message> = Vec::new();
            for (c, _) in &found {
                let n = msg!("k8s-pss-control-level", name = super::pss::control_name(c.name), level = c.level.as_str());
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            let whom = if w.obj.kind == "Pod" { msg!("k8s-pss-whom-pod") } else { msg!("k8s-pss-whom-pods") };
            let f = report(
                out,
                w,
                w.obj.res.span,
                msg!("k8s-pss-admission-rejects-namespace-would", ns_name = ns_name, level = level.as_str(), whom = whom, count = names.len(), names = crate::i18n::Message::join(&names, ", ")),
            );
            f.related.push(Related::new(
                Location::new(ns.obj.file.clone(), label.span),
                msg!("k8s-pss-admission-rejects-namespace", ns_name = ns_name, level = level.as_str()),
            ));
            for (c, v) in found {
                let file = f.location.file.clone();
                f.related.push(Related::new(
                    Location::new(file, v.span),
                    msg!("k8s-pss-admission-rejects-message", c_name = super::pss::control_name(c.name), message = v.message),
                ));
            }
        }
    },
);
