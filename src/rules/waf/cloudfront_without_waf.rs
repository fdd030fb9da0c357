//! PAL-WAF-002 `cloudfront-without-waf`: CloudFront distribution has no WAF web ACL.

use crate::model::Tri;
use crate::model::kind;

rule!(RULE,
    id: "PAL-WAF-002",
    slug: "cloudfront-without-waf",
    title: "CloudFront distribution has no WAF web ACL",
    severity: Medium,
    layer: Application,
    service: "cloudfront",
    controls: &["APP-14"],
    well_architected: &["SEC05-BP03", "SEC06-BP01"],
    compliance: &["isms-p:2.10.1", "isms-p:2.10.3", "pci-4.0:6.4.1", "pci-4.0:6.4.2", "fsbp:CloudFront.6"],
    resource_types: &[kind::CLOUDFRONT_DISTRIBUTION],
    remediation: "Create an `AWS::WAFv2::WebACL` with `Scope: CLOUDFRONT` (in us-east-1) using the AWS \
managed rule groups and a rate-based rule, and set `DistributionConfig.WebACLId` to its ARN \
(`!GetAtt EdgeWebAcl.Arn`).",
    description: "A distribution is the public front door of the application: every request on the \
internet reaches it. Without a web ACL, injection attempts, known bad inputs, bots and request floods all \
pass through to the origin. Attaching the ACL at the edge also stops the traffic before it costs origin \
capacity.",
    check: |m, _, out| {
        for (meta, acl) in &m.monitoring.distributions {
            let missing = match &acl.value {
                Tri::Absent => true,
                Tri::Known(s) => s.trim().is_empty(),
                Tri::Unknown => false,
            };
            if missing {
                out.report(meta, meta.span, msg!("cloudfront-without-waf-distribution-webaclid", distribution = meta.id));
            }
        }
    },
);
