use super::{allow, report, trust_policies, trust_restricted};
use crate::analyze::iam::arn::account_of;
use crate::model::kind;

rule!(
    RULE,
    id: "PAL-IAM-008",
    slug: "iam-cross-account-trust",
    title: "Role trusts another AWS account without an external id or MFA",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-06"],
    well_architected: &["SEC03-BP07"],
    compliance: &["isms-p:2.5.3", "isms-p:2.6.2", "pci-4.0:8.2.7"],
    resource_types: &[kind::IAM_ROLE, kind::POLICY_FILE],
    remediation: "Add a condition to the trust statement: `StringEquals: {sts:ExternalId: ...}` for a \
third party, `Bool: {aws:MultiFactorAuthPresent: true}` for people, or `aws:PrincipalOrgID` / \
`aws:PrincipalArn` to name who in the other account may assume the role.",
    description: "Trusting an account (its id or `:root`) delegates the decision to that account's \
administrators: any of its principals they allow can assume the role. For third parties, an external id \
prevents the confused-deputy problem; for people, requiring MFA keeps a stolen access key from being \
enough. The account id is written literally; Palisade cannot tell whether it is your own account.",
    check: |_, facts, out| {
        for p in trust_policies(facts) {
            for st in &p.doc.statements {
                if !allow(st) || st.condition_unknown || trust_restricted(st) {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                for (v, f) in principal.values("AWS") {
                    if let Some(acct) = account_of(v) {
                        report(
                            out,
                            p.owner,
                            f.span,
                            msg!("iam-cross-account-trust-trusts-without", label = p.label, acct = acct),
                        );
                    }
                }
            }
        }
    },
);
