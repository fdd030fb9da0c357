use super::{POLICY_TYPES, allow, identity_policies, report};
use crate::analyze::iam::catalog::{Expansion, catalog};
use crate::analyze::iam::expand::on_every_resource;

rule!(
    RULE,
    id: "PAL-IAM-004",
    slug: "iam-write-on-any-resource",
    title: "IAM policy allows write or permissions-management actions on every resource",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-03"],
    well_architected: &["SEC03-BP02"],
    compliance: &["isms-p:2.5.1", "isms-p:2.5.5", "pci-4.0:7.2.2"],
    resource_types: POLICY_TYPES,
    remediation: "Scope `Resource` to the ARNs the principal works on (a table, a bucket prefix, a \
queue) or add conditions that narrow it (`aws:ResourceTag/...`). Only actions that support no resource-level \
permissions need `Resource: \"*\"`.",
    description: "Write, tagging and permissions-management actions change things. Allowed on \
`Resource: \"*\"` they apply to every resource of the account, not only to those of the workload: a \
function that should write to one table can drop all of them. Actions that support no resource-level \
permissions (they can only be granted on `*`) are not counted, nor are those the AWS managed policies of the \
standard agents grant on `*` (SSM agent, CloudWatch agent, Lambda execution roles): they are what the agents need.",
    check: |_, facts, out| {
        let policies = identity_policies(facts);
        if policies.is_empty() {
            return;
        }
        // Loaded only when there is a policy to judge.
        let c = catalog();
        for p in policies {
            for st in &p.doc.statements {
                if !allow(st) || !st.conditions.is_empty() || st.condition_unknown || st.not_action.is_some() {
                    continue;
                }
                let (Some(star), Some(l)) = (on_every_resource(st), &st.action) else { continue };
                // `*` and `service:*` are reported by their own rules.
                if l.known().any(|(a, _)| a == "*" || a == "*:*") {
                    continue;
                }
                let mut ids = Vec::new();
                for (a, _) in l.known() {
                    if a.split_once(':').is_some_and(|(s, r)| r == "*" && !s.contains(['*', '?'])) {
                        continue;
                    }
                    ids.extend(c.expand(a));
                }
                // What the SSM and CloudWatch agents and Lambda's execution roles need is expected.
                let expected = super::agent_actions();
                ids.retain(|i| !expected.contains(i));
                let e = Expansion::new(ids).filter(|a| a.level.is_mutating() && !a.resources.is_empty());
                if e.is_empty() {
                    continue;
                }
                let examples: Vec<String> = e.actions.iter().take(3).map(|&i| c.full_name(&c.actions[i])).collect();
                let more = if e.len() > 3 { ", ..." } else { "" };
                let levels = e.level_counts();
                report(
                    out,
                    p.owner,
                    star.span,
                    msg!(
                        "iam-write-on-any-resource-grants-action",
                        label = p.label,
                        e = e.len(),
                        services = e.services(),
                        levels = crate::i18n::Message::join(&levels, ", "),
                        examples = examples.join(", "),
                        more = more
                    ),
                );
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, role_with};

    #[test]
    fn counts_expanded_write_actions() {
        let w = messages("PAL-IAM-004", &role_with(&["dynamodb:PutItem", "dynamodb:DeleteItem", "sqs:SendMessage"]));
        assert!(w[0].contains("grants 3 write actions across 2 services"), "{w:?}");
    }
}
