use super::netpol::groups;

rule!(
    RULE,
    id: "PAL-K8S-033",
    slug: "k8s-netpol-selects-nothing",
    title: "NetworkPolicy selects no workload of the scanned manifests",
    severity: Low,
    layer: Network,
    service: "kubernetes",
    controls: &["APP-07"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.6.1"],
    resource_types: &["NetworkPolicy"],
    remediation: "Make the policy's `podSelector` match the labels of the pod templates it is meant \
to protect (or remove the policy).",
    description: "A policy whose podSelector matches none of the workloads of its namespace protects \
nothing: usually a label was renamed on one side only. Checked only for namespaces that have workloads \
in the scanned manifests. Pods that operators create from custom resources count: those of the \
Prometheus operator (Prometheus, Alertmanager, ThanosRuler) carry `spec.podMetadata.labels` and the \
operator's own labels; for any other custom resource of the namespace the pods' labels are unknown, so \
a policy that matches no workload is not reported.",
    check: |m, _, out| {
        for (_, g) in groups(m) {
            let known_pods = g.creators.iter().filter_map(|c| c.pod_labels.as_ref());
            let pod_labels: Vec<&[(String, String)]> =
                g.workloads.iter().map(|w| w.pod_labels.as_slice()).chain(known_pods.map(Vec::as_slice)).collect();
            if pod_labels.is_empty() {
                continue;
            }
            // Pods of operators whose labels are unknown may be the ones selected.
            let unknown_pods = g.creators.iter().any(|c| c.pod_labels.is_none());
            for p in &g.policies {
                let Some(sel) = p.pod_selector.get() else { continue };
                if sel.is_empty() {
                    continue;
                }
                let mut any = false;
                let mut undecided = unknown_pods;
                for labels in &pod_labels {
                    match sel.matches(labels) {
                        Some(true) => any = true,
                        Some(false) => {}
                        None => undecided = true,
                    }
                }
                if !any && !undecided {
                    let name = p.obj.name.as_deref().unwrap_or_default();
                    out.report_in(
                        &p.obj.file,
                        &p.obj.res,
                        p.obj.res.span,
                        msg!("k8s-netpol-selects-nothing-networkpolicy-none", name = name),
                    )
                    .with_related(p.pod_selector.span, msg!("k8s-netpol-selects-nothing-podselector"));
                }
            }
        }
    },
);
