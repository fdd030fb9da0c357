use super::{allow, report, trust_restricted};
use crate::analyze::iam::arn::account_of;
use crate::analyze::iam::principals::PolicyUse;
use crate::model::kind;

rule!(
    RULE,
    id: "PAL-IAM-015",
    slug: "iam-resource-policy-cross-account",
    title: "Resource policy grants access to another AWS account without a restricting condition",
    severity: Low,
    layer: Data,
    service: "iam",
    controls: &["IAM-12"],
    well_architected: &["SEC03-BP07"],
    compliance: &["isms-p:2.6.3", "isms-p:2.10.2", "pci-4.0:7.2.1", "fsbp:S3.6"],
    resource_types: &[
        kind::S3_BUCKET_POLICY,
        kind::KMS_KEY,
        kind::SQS_QUEUE_POLICY,
        kind::SNS_TOPIC_POLICY,
        kind::LAMBDA_PERMISSION,
        kind::POLICY_FILE,
    ],
    remediation: "Check that the account is meant to have access. Name the role that needs it \
(`arn:aws:iam::ACCOUNT:role/NAME`) rather than the whole account, and add a condition that keeps the grant \
inside your perimeter: `aws:PrincipalOrgID` for accounts of your organisation, `aws:SourceArn` / \
`aws:SourceAccount` for a service acting for that account. Write your own account as \
`${AWS::AccountId}` so that it is not mistaken for another one.",
    description: "A bucket, key, queue, topic or function policy that names an account id (or its \
`:root`) lets every principal of that account that its administrators allow use the resource — data \
leaves your control as soon as the other account is compromised or changes hands. The account is written \
literally, so Palisade cannot tell whether it is the template's own; the finding asks to confirm the grant \
or to narrow it.",
    check: |m, facts, out| {
        for p in facts.policies().iter().filter(|p| p.usage == PolicyUse::Resource) {
            for st in &p.doc.statements {
                if !allow(st) || st.condition_unknown || trust_restricted(st) {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                for (v, f) in principal.values("AWS") {
                    let whole = v.len() == 12 || v.ends_with(":root");
                    if let (true, Some(acct)) = (whole, account_of(v)) {
                        report(
                            out,
                            p.owner,
                            f.span,
                            msg!("iam-resource-policy-cross-account-grants-access", label = p.label, acct = acct),
                        );
                    }
                }
            }
        }
        for perm in &m.lambda_permissions {
            let Some(who) = perm.principal.get() else { continue };
            if account_of(who).is_none() || !perm.source_arn.is_absent() || !perm.principal_org_id.is_absent() {
                continue;
            }
            out.report_field(
                &perm.meta,
                &perm.principal,
                msg!("iam-resource-policy-cross-account-permission-lets", permission = perm.meta.id, who = who),
            );
        }
    },
);
