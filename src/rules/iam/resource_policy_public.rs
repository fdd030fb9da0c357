use crate::model::kind;
use crate::rules::common::public_allow;

rule!(
    RULE,
    id: "PAL-IAM-009",
    slug: "iam-resource-policy-public",
    title: "Queue, topic, function or resource policy grants access to everyone",
    severity: High,
    layer: Data,
    service: "iam",
    controls: &["IAM-12", "DATA-07"],
    well_architected: &["SEC03-BP07"],
    compliance: &[
        "isms-p:2.6.3", "isms-p:2.10.2", "cis-7.0:2.21", "pci-4.0:7.3.1", "fsbp:Lambda.1",
        "fsbp:SNS.4",
    ],
    resource_types: &[kind::SQS_QUEUE_POLICY, kind::SNS_TOPIC_POLICY, kind::ECR_REPOSITORY, kind::LAMBDA_PERMISSION, kind::POLICY_FILE],
    remediation: "Name the principals in `Principal`, or keep `*` only with a condition that restricts \
the caller: `aws:SourceArn` / `aws:SourceAccount` for AWS services, `aws:PrincipalOrgID` for your \
organisation, `aws:SourceVpce` / `aws:SourceIp` for a network perimeter. For `AWS::Lambda::Permission` set \
`SourceArn`, `SourceAccount` or `PrincipalOrgID`.",
    description: "A resource policy with `Principal: \"*\"` and no restricting condition lets anyone — \
any AWS account, and for some services anonymous callers — send to the queue, publish to the topic or \
invoke the function. A condition restricts when a positive operator (`StringEquals`, `StringLike`, \
`ArnEquals`, `ArnLike`, `IpAddress`, with their `IfExists` and set forms) compares a network key \
(`aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceVpcArn`), an organisation key \
(`aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`, `aws:SourceOrgID`, `aws:SourceOrgPaths`), an account or \
source key (`aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceAccount`, `aws:SourceArn`, SNS's \
`aws:SourceOwner`) with values that narrow the callers: `*`, `o-*` or an ARN pattern of wildcards does \
not. (S3 bucket policies and KMS key policies in templates have their own rules.)",
    check: |m, _, out| {
        for r in &m.resource_policies {
            let Some(doc) = r.document.get() else { continue };
            for st in &doc.statements {
                if let Some(span) = public_allow(st) {
                    out.report(
                        &r.meta,
                        span,
                        msg!("iam-resource-policy-public-grants-access", noun = r.kind.noun(), policy = r.meta.id),
                    );
                }
            }
        }
        if let Some(f) = m.policy_file.as_ref().filter(|f| f.kind == crate::model::PolicyFileKind::Resource) {
            for st in &f.document.statements {
                if let Some(span) = public_allow(st) {
                    out.report_at(span, msg!("iam-resource-policy-public-grants-access-2"));
                }
            }
        }
        for p in &m.lambda_permissions {
            let Some(who) = p.principal.get() else { continue };
            if who != "*" {
                continue;
            }
            let restricted = [&p.source_account, &p.source_arn, &p.principal_org_id];
            if restricted.iter().any(|f| !f.is_absent()) {
                continue;
            }
            if p.function_url_auth_type.is(|t| t == "AWS_IAM") {
                continue;
            }
            out.report_field(
                &p.meta,
                &p.principal,
                msg!("iam-resource-policy-public-permission-lets", permission = p.meta.id),
            );
        }
    },
);
