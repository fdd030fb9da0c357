//! PAL-LAMBDA-002 `lambda-permission-without-source`: Lambda permission lets an AWS service invoke the function on behalf of any account.

use crate::model::kind;

/// An AWS service principal (`s3.amazonaws.com`, `sns.amazonaws.com`, ...), as opposed to an
/// account, a role or everyone.
pub fn service_principal(p: &str) -> bool {
    let p = p.trim().to_ascii_lowercase();
    let host = p.strip_suffix(".amazonaws.com").or_else(|| p.strip_suffix(".amazonaws.com.cn"));
    host.is_some_and(|h| !h.is_empty() && !h.contains(':') && !h.contains('/'))
}

rule!(RULE,
    id: "PAL-LAMBDA-002",
    slug: "lambda-permission-without-source",
    title: "Lambda permission lets an AWS service invoke the function on behalf of any account",
    severity: Medium,
    layer: Application,
    service: "lambda",
    controls: &["APP-12", "IAM-12"],
    well_architected: &["SEC03-BP07"],
    compliance: &["isms-p:2.6.3", "pci-4.0:7.3.1"],
    resource_types: &[kind::LAMBDA_PERMISSION],
    remediation: "Add `SourceArn` with the ARN of the bucket, topic, rule or API that calls the function \
(`!GetAtt Topic.TopicArn`, `!GetAtt Rule.Arn`), and `SourceAccount: !Ref AWS::AccountId`; for S3, whose \
bucket ARNs carry no account, always set `SourceAccount`.",
    description: "A permission for a service principal such as `s3.amazonaws.com`, `sns.amazonaws.com` \
or `events.amazonaws.com` without `SourceArn` or `SourceAccount` lets that service invoke the function for \
any resource of any AWS account: someone else's bucket notification, topic subscription or event rule can \
call it with events they craft (the confused deputy problem). The function then runs its code, with its role's \
permissions, on input from outside the account.",
    check: |m, _, out| {
        for p in &m.lambda_permissions {
            let Some(who) = p.principal.get() else { continue };
            if !service_principal(who) {
                continue;
            }
            if !p.source_arn.is_absent() || !p.source_account.is_absent() {
                continue;
            }
            out.report_field(
                &p.meta,
                &p.principal,
                msg!("lambda-permission-without-source-lets-invoke", permission = p.meta.id, who = who),
            );
        }
    },
);

#[cfg(test)]
mod tests {
    use super::service_principal;

    #[test]
    fn service_principals() {
        assert!(service_principal("s3.amazonaws.com"));
        assert!(service_principal("Events.AmazonAWS.com"));
        assert!(service_principal("sns.amazonaws.com.cn"));
        assert!(!service_principal("*"));
        assert!(!service_principal("123456789012"));
        assert!(!service_principal("arn:aws:iam::123456789012:role/r"));
        assert!(!service_principal(".amazonaws.com"));
    }
}
