//! PAL-S3-009 `s3-public-bucket-policy`: S3 bucket policy allows everyone without a restricting condition.

use crate::model::kind;
use crate::rules::common::public_allow;

rule!(RULE,
    id: "PAL-S3-009",
    slug: "s3-public-bucket-policy",
    title: "S3 bucket policy allows everyone without a restricting condition",
    severity: Critical,
    layer: Data,
    service: "s3",
    controls: &["DATA-07", "IAM-12"],
    well_architected: &["SEC03-BP07"],
    compliance: &["isms-p:2.10.2", "cis-7.0:2.21", "pci-4.0:7.3.1", "fsbp:S3.2", "fsbp:S3.3"],
    resource_types: &[kind::S3_BUCKET_POLICY],
    remediation: "Name the principals that need access, or restrict the statement with a condition \
on `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`, `aws:PrincipalOrgID`, `aws:SourceAccount` or \
`aws:SourceArn`. To serve public content, put CloudFront with origin access control in front.",
    description: "An `Allow` statement whose principal is `*` (or `{\"AWS\": \"*\"}`) grants its \
actions to anyone on the internet, unless a condition narrows it down to a network, an organisation or a \
source resource.",
    check: |m, _, out| {
        for p in &m.bucket_policies {
            let Some(doc) = p.document.get() else { continue };
            for s in &doc.statements {
                if let Some(span) = public_allow(s) {
                    let actions: Vec<&str> = s.action.iter().flat_map(|l| l.known().map(|(a, _)| a)).collect();
                    let what = if actions.is_empty() { "its actions".to_string() } else { actions.join(", ") };
                    out.report(
                        &p.meta,
                        span,
                        msg!("s3-public-bucket-policy-allows-everyone", policy = p.meta.id, what = what),
                    )
                    .with_related(s.span, msg!("s3-public-bucket-policy-statement"));
                }
            }
        }
    },
);
