use super::allow;
use crate::analyze::iam::catalog::Expansion;
use crate::analyze::iam::expand::statement_actions;
use crate::analyze::iam::principals::{aws_managed_name, builtin};
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
    resource_types: &[kind::IAM_ROLE, kind::IAM_USER, kind::IAM_GROUP],
    remediation: "Replace `AdministratorAccess`, `PowerUserAccess` or `IAMFullAccess` with a customer \
managed policy (or a narrower AWS managed job-function policy) that grants what the principal needs.",
    description: "`AdministratorAccess` grants everything; `IAMFullAccess` lets its holder grant itself \
everything; `PowerUserAccess` grants every action outside IAM, Organizations and Account management — \
including reading and deleting all data. Attaching one of them to a workload role or a user gives that \
principal (and anyone who steals its credentials) control of the account.",
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
                let Some(name) = aws_managed_name(arn) else { continue };
                if let Some(admin) = ADMIN_POLICIES.iter().find(|a| a.eq_ignore_ascii_case(name)) {
                    let grants = builtin(admin)
                        .map(|d| {
                            let all: Vec<usize> = d
                                .statements
                                .iter()
                                .filter(|s| allow(s))
                                .filter_map(statement_actions)
                                .flat_map(|e| e.actions)
                                .collect();
                            format!(": it grants {}", Expansion::new(all).describe())
                        })
                        .unwrap_or_default();
                    out.report_field(
                        meta,
                        f,
                        format!("{kind} `{}` has the AWS managed policy `{admin}` attached{grants}", meta.id),
                    );
                }
            }
        }
    },
);

/// AWS managed policies that make their holder an administrator (of everything or of IAM).
const ADMIN_POLICIES: &[&str] = &["AdministratorAccess", "IAMFullAccess", "PowerUserAccess"];
