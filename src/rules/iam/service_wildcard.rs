use super::{POLICY_TYPES, allow, identity_policies, report};
use crate::analyze::iam::catalog::{AccessLevel, Expansion, catalog};

rule!(
    RULE,
    id: "PAL-IAM-003",
    slug: "iam-service-wildcard",
    title: "IAM policy allows every action of a service (`service:*`)",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-03"],
    well_architected: &["SEC03-BP02"],
    compliance: &["isms-p:2.5.1", "pci-4.0:7.2.2", "fsbp:IAM.21"],
    resource_types: POLICY_TYPES,
    remediation: "List the actions the principal uses (`s3:GetObject`, `s3:PutObject`, ...) or a \
narrow prefix (`s3:Get*`) instead of `service:*`, and scope `Resource` to the resources it works on.",
    description: "`service:*` grants every action of the service, including its permission-management \
actions (for example `s3:PutBucketPolicy`, `kms:PutKeyPolicy`, `iam:*` itself) and every action the service \
adds in the future. The finding counts what the wildcard grants, by access level. The SSM agent's message \
services (`ec2messages:*`, `ssmmessages:*`), which its AWS managed policies grant whole, are expected.",
    check: |_, facts, out| {
        let policies = identity_policies(facts);
        if policies.is_empty() {
            return;
        }
        // Loaded only when there is a policy to judge.
        let c = catalog();
        for p in policies {
            for st in &p.doc.statements {
                let (true, Some(l)) = (allow(st), &st.action) else { continue };
                for (a, f) in l.known() {
                    let Some((svc, "*")) = a.split_once(':') else { continue };
                    let Some(s) = c.service(svc).filter(|_| svc != "*") else { continue };
                    // The SSM agent's message channels: granted whole by its AWS managed policies.
                    if super::AGENT_SERVICES.contains(&svc) {
                        continue;
                    }
                    let e = Expansion::new(s.actions.clone().collect());
                    let pm = e.count(AccessLevel::PermissionsManagement);
                    let extra = if pm > 0 { msg!("iam-service-wildcard-permissions", n = pm) } else { Default::default() };
                    report(
                        out,
                        p.owner,
                        f.span,
                        msg!("iam-service-wildcard-allows-all", label = p.label, a = a, e = e.len(), s_name = s.name, extra = extra),
                    );
                }
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, role_with};

    #[test]
    fn counts_the_actions_of_the_service() {
        let got = messages("PAL-IAM-003", &role_with(&["s3:*"]));
        let n = crate::analyze::iam::catalog::catalog().service("s3").unwrap().actions.len();
        assert_eq!(got.len(), 1);
        assert!(got[0].contains(&format!("all {n} actions of Amazon S3")), "{got:?}");
    }
}
