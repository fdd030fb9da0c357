use crate::model::kind;
rule!(
    RULE,
    id: "PAL-IAM-011",
    slug: "iam-user-attached-policy",
    title: "Policy attached directly to an IAM user",
    severity: Low,
    layer: Identity,
    service: "iam",
    controls: &["IAM-07"],
    well_architected: &["SEC02-BP06"],
    compliance: &["isms-p:2.5.1", "cis-6.0:2.14", "cis-7.0:2.13", "pci-4.0:7.2.1", "fsbp:IAM.2"],
    resource_types: &[kind::IAM_USER, kind::IAM_POLICY, kind::IAM_MANAGED_POLICY],
    remediation: "Attach the policy to a group (`AWS::IAM::Group`) and make the user a member, or give \
workloads a role instead of a user.",
    description: "Permissions attached to individual users drift: each user ends up with a slightly \
different set that nobody reviews. Granting through groups keeps one place to review and to revoke.",
    check: |m, _, out| {
        for u in &m.iam_users {
            if u.identity.inline.is(|v| !v.is_empty()) {
                out.report_field(&u.meta, &u.identity.inline, msg!("iam-user-attached-policy-inline-policies", user = u.meta.id));
            }
            if u.identity.managed.is(|v| !v.is_empty()) {
                out.report_field(
                    &u.meta,
                    &u.identity.managed,
                    msg!("iam-user-attached-policy-managed-policies", user = u.meta.id),
                );
            }
        }
        for p in &m.iam_policies {
            if p.users.is(|v| !v.is_empty()) {
                out.report_field(&p.meta, &p.users, msg!("iam-user-attached-policy-users", policy = p.meta.id));
            }
        }
    },
);
