use super::rbac::{APP08, WA};

rule!(
    RULE,
    id: "PAL-K8S-044",
    slug: "k8s-rbac-cluster-admin-binding",
    title: "cluster-admin bound to a service account or to everyone",
    severity: Critical,
    layer: Identity,
    service: "kubernetes",
    controls: APP08,
    well_architected: WA,
    compliance: &["isms-p:2.5.5", "pci-4.0:7.2.5"],
    resource_types: &["RoleBinding", "ClusterRoleBinding"],
    remediation: "Bind a Role with only the permissions the workload needs; never bind `cluster-admin` \
to `system:authenticated`, `system:unauthenticated` or `system:anonymous`.",
    description: "`cluster-admin` can do anything to every object of the cluster. Bound to a service \
account, any compromise of a pod using that account owns the cluster; bound to \
`system:authenticated` it is granted to every identity the cluster accepts (on EKS, any IAM principal \
mapped into it), and to `system:unauthenticated`/`system:anonymous` to anyone who can reach the API \
server.",
    check: |m, _, out| {
        for b in &m.k8s.bindings {
            if b.role_name.get().map(String::as_str) != Some("cluster-admin")
                || b.role_kind.is(|k| k != "ClusterRole")
            {
                continue;
            }
            let name = b.obj.name.as_deref().unwrap_or_default();
            for s in &b.subjects {
                let bad = match s.kind.as_str() {
                    "ServiceAccount" => true,
                    "Group" | "User" => EVERYONE.contains(&s.name.as_str()),
                    _ => false,
                };
                if bad {
                    out.report_in(
                        &b.obj.file,
                        &b.obj.res,
                        s.span,
                        msg!("k8s-rbac-cluster-admin-binding-grants", kind = b.obj.kind, name = name, kind2 = s.kind, s_name = s.name),
                    );
                }
            }
        }
    },
);

/// Groups and users that stand for everyone (or every authenticated identity).
const EVERYONE: &[&str] = &["system:authenticated", "system:unauthenticated", "system:anonymous"];
