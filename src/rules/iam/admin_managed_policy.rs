use crate::analyze::iam::catalog::{Expansion, catalog};
use crate::analyze::iam::managed::{AdminEquivalence, NEARLY_ALL, by_arn};
use crate::model::Link;
use crate::model::kind;

rule!(
    RULE,
    id: "PAL-IAM-005",
    slug: "iam-admin-managed-policy",
    title: "Administrator-equivalent AWS managed policy attached",
    severity: High,
    layer: Identity,
    service: "iam",
    controls: &["IAM-04"],
    well_architected: &["SEC03-BP02"],
    compliance: &[
        "isms-p:2.5.5", "isms-p:2.10.2", "cis-6.0:2.15", "cis-7.0:2.14", "pci-4.0:7.2.1", "pci-4.0:7.2.2",
    ],
    resource_types: &[kind::IAM_ROLE, kind::IAM_USER, kind::IAM_GROUP],
    remediation: "Replace the policy (`AdministratorAccess`, `PowerUserAccess`, `IAMFullAccess`, ...) with a \
customer managed policy (or a narrower AWS managed job-function policy) that grants what the principal needs.",
    description: "An AWS managed policy is administrator-equivalent when its `Allow` statements that \
apply to every resource without a condition grant, together: every action (`AdministratorAccess`); or at \
least 95% of the actions of the AWS action catalogue, that is every service but a few (`PowerUserAccess` \
grants everything outside IAM, Organizations and Account management — reading and deleting all data, \
decrypting, running any compute); or an action with which the holder grants itself anything: attaching or \
writing a policy on a role, user or group, or writing a new version of a managed policy (`IAMFullAccess`, \
`AdministratorAccess-Amplify`). Actions that the policy's own `Deny` statements may deny are not counted. \
The judgement is made on the published documents of the AWS managed policies that Palisade ships, not on \
a list of names. Attaching such a policy to a workload role or a user gives that principal (and anyone who \
steals its credentials) control of the account.",
    check: |m, _, out| {
        let ids = m
            .iam_roles
            .iter()
            .map(|r| ("role", &r.meta, &r.identity))
            .chain(m.iam_users.iter().map(|u| ("user", &u.meta, &u.identity)))
            .chain(m.iam_groups.iter().map(|g| ("group", &g.meta, &g.identity)));
        for (kind, meta, id) in ids {
            let Some(items) = id.managed.get() else { continue };
            for f in items {
                let Some(Link::External(arn)) = f.get() else { continue };
                let Some(policy) = by_arn(arn) else { continue };
                let Some(why) = policy.admin_equivalence() else { continue };
                let name = policy.name();
                let total = catalog().actions.len();
                let grants = match why {
                    AdminEquivalence::Everything => msg!("iam-admin-grants-everything", total = total),
                    AdminEquivalence::NearlyEverything { allowed } => msg!(
                        "iam-admin-grants-nearly",
                        allowed = allowed,
                        total = total,
                        percent = format!("{:.0}", NEARLY_ALL * 100.0)
                    ),
                    AdminEquivalence::SelfGrant { actions } => {
                        let c = catalog();
                        let list = Expansion::new(actions.iter().filter_map(|a| c.action_index(a)).collect());
                        msg!(
                            "iam-admin-grants-self",
                            actions = list
                                .actions
                                .iter()
                                .map(|&i| format!("`{}`", c.actions[i].full))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    }
                };
                out.report_field(
                    meta,
                    f,
                    msg!("iam-admin-managed-policy-attached-grants", kind = kind, name = meta.id, name2 = name, grants = grants),
                );
            }
        }
    },
);
