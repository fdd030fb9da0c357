use super::{allow, report, trust_policies, trust_restricted};
use crate::model::kind;
use crate::rules::common::public_allow;

rule!(
    RULE,
    id: "PAL-IAM-007",
    slug: "iam-trust-policy-public",
    title: "Role trust policy lets anyone assume the role",
    severity: Critical,
    layer: Identity,
    service: "iam",
    controls: &["IAM-06"],
    well_architected: &["SEC03-BP07"],
    compliance: &["isms-p:2.5.3", "isms-p:2.6.2", "cis-7.0:2.21", "pci-4.0:7.3.1"],
    resource_types: &[kind::IAM_ROLE, kind::POLICY_FILE],
    remediation: "Name the accounts, roles or services that may assume the role in `Principal`. If \
several accounts of your organisation need it, keep `Principal: {AWS: \"*\"}` only with an \
`aws:PrincipalOrgID` condition. For OIDC federation add `StringLike: {<provider>:sub: ...}` naming the \
repository, branch or service account (for GitHub: `repo:ORG/REPO:ref:refs/heads/main`).",
    description: "`Principal: \"*\"` or `{\"AWS\": \"*\"}` in a trust policy allows any AWS principal, \
in any account in the world, to assume the role unless a condition narrows who. Anyone who learns the \
role's ARN then gets its permissions. The same holds for a role federated with an OIDC provider (GitHub \
Actions, GitLab, EKS, ...) whose trust has no condition on the token's subject (`<provider>:sub`): every \
repository, pipeline or service account of that provider can assume it.",
    check: |_, facts, out| {
        for p in trust_policies(facts) {
            for st in &p.doc.statements {
                let Some(span) = public_allow(st) else { continue };
                if trust_restricted(st) {
                    continue;
                }
                report(out, p.owner, span, msg!("iam-trust-policy-public-lets-aws", label = p.label));
            }
            for st in &p.doc.statements {
                if !allow(st) || st.condition_unknown {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                for (v, f) in principal.values("Federated") {
                    let Some((_, provider)) = v.split_once(":oidc-provider/") else { continue };
                    let sub = format!("{provider}:sub");
                    if !st.conditions.iter().any(|c| c.key.eq_ignore_ascii_case(&sub)) {
                        report(
                            out,
                            p.owner,
                            f.span,
                            msg!("iam-trust-policy-public-trusts-oidc", label = p.label, provider = provider, sub = sub),
                        );
                    }
                }
            }
        }
    },
);
