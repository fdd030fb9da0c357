use super::{allow, report, trust_policies, trust_restricted};
use crate::analyze::iam::arn::account_of;
use crate::analyze::iam::condition::Context;
use crate::analyze::iam::eval::{Caller, Labeled, Outcome, PolicySet, Request};
use crate::analyze::iam::principals::PolicyAt;
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
enough. In a template the account id is written literally, and Palisade cannot tell whether it is your \
own account. Live account snapshots scanned together say more: trust in the role's own account is not \
reported, trust in another scanned account names the principals of that account that can assume the role, \
and trust in an account outside the scan is reported as external.",
    check: |m, facts, out| {
        let scanned = &m.account.accounts;
        for p in trust_policies(facts) {
            // A role of a live account is named by its ARN: trust in its own account is not
            // trust in another.
            let own = p.owner.and_then(|o| account_of(&o.id).filter(|_| o.id.starts_with("arn:")));
            for st in &p.doc.statements {
                if !allow(st) || st.condition_unknown || trust_restricted(st) {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                for (v, f) in principal.values("AWS") {
                    let Some(acct) = account_of(v) else { continue };
                    if own == Some(acct) {
                        continue;
                    }
                    let msg = if scanned.iter().any(|a| a == acct) {
                        let who = assumers(facts, p, acct);
                        let who = if who.is_empty() { "-".to_string() } else { who.join(", ") };
                        msg!("iam-cross-account-trust-scanned", label = p.label, acct = acct, who = who)
                    } else if !scanned.is_empty() {
                        msg!("iam-cross-account-trust-external", label = p.label, acct = acct)
                    } else {
                        msg!("iam-cross-account-trust-trusts-without", label = p.label, acct = acct)
                    };
                    report(out, p.owner, f.span, msg);
                }
            }
        }
    },
);

/// The principals of `acct` in the scan that may assume the role of a trust policy: the trust
/// policy lets them in, and their own policies (with their organization's service control
/// policies) allow `sts:AssumeRole` on the role.
fn assumers(facts: &crate::analyze::Facts<'_>, trust: &PolicyAt<'_>, acct: &str) -> Vec<String> {
    let Some(role) = trust.owner.map(|o| o.id.as_ref()) else { return Vec::new() };
    let ctx = Context::new();
    let trust_set = PolicySet {
        docs: vec![Labeled { label: crate::i18n::Message::default(), doc: trust.doc, file: None, attachment: None }],
        unknown: Vec::new(),
    };
    let mut out = Vec::new();
    for p in facts.principals() {
        let Some(arn) = p.meta.map(|m| m.id.as_ref()) else { continue };
        if p.kind == "group" || account_of(arn) != Some(acct) || !arn.starts_with("arn:") {
            continue;
        }
        let caller = Caller::Aws(arn.to_string());
        let let_in = Request { action: "sts:AssumeRole", resource: None, caller: Some(&caller), context: &ctx };
        if trust_set.evaluate(&let_in).outcome == Outcome::ImplicitDeny
            || trust_set.evaluate(&let_in).outcome == Outcome::ExplicitDeny
        {
            continue;
        }
        let ask = Request { action: "sts:AssumeRole", resource: Some(role), caller: None, context: &ctx };
        match p.governing.evaluate(&ask).outcome {
            Outcome::Allow => out.push(format!("`{arn}`")),
            Outcome::Unknown => out.push(format!("`{arn}` (under conditions)")),
            _ => {}
        }
    }
    out
}
