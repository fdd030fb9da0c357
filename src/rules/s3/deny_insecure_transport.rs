//! PAL-S3-007 `s3-deny-insecure-transport`: S3 bucket policy does not deny requests without TLS.

use crate::model::Effect;
use crate::model::kind;
use crate::rules::common::BucketPolicies;

rule!(RULE,
    id: "PAL-S3-007",
    slug: "s3-deny-insecure-transport",
    title: "S3 bucket policy does not deny requests without TLS",
    severity: Medium,
    layer: Data,
    service: "s3",
    controls: &["DATA-06"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "cis-6.0:3.1.1", "cis-7.0:3.1.1", "pci-4.0:4.2.1", "fsbp:S3.5"],
    resource_types: &[kind::S3_BUCKET, kind::S3_BUCKET_POLICY],
    remediation: "Add a bucket policy statement with `Effect: Deny`, `Principal: \"*\"`, \
`Action: \"s3:*\"`, the bucket and its objects as `Resource`, and \
`Condition: {Bool: {\"aws:SecureTransport\": \"false\"}}`.",
    description: "S3 accepts plain HTTP requests unless a bucket policy denies them. A deny on \
`aws:SecureTransport = false` makes every client use TLS, so data and credentials are never sent in clear \
text.",
    check: |m, _, out| {
        let attached = BucketPolicies::of(m);
        for b in &m.buckets {
            let (policies, undecided) = attached.attached(b);
            if policies.is_empty() {
                if !undecided {
                    out.report(
                        &b.meta,
                        b.meta.span,
                        msg!("s3-deny-insecure-transport-bucket-bucket", bucket = b.meta.id),
                    );
                }
                continue;
            }
            let mut any_unknown = false;
            let mut denies = false;
            for (_, doc) in &policies {
                let Some(doc) = doc else {
                    any_unknown = true;
                    continue;
                };
                any_unknown |= doc.has_unknown_statements;
                denies |= doc.statements.iter().any(|s| {
                    s.effect.get() == Some(&Effect::Deny)
                        && s.covers_action("s3:GetObject") == Some(true)
                        && (s.condition("aws:SecureTransport").any(|c| {
                            c.operator.starts_with("Bool")
                                && c.values.known().any(|(v, _)| v.eq_ignore_ascii_case("false"))
                        }) || s.condition("s3:TlsVersion").any(|c| c.operator.starts_with("NumericLessThan")))
                });
            }
            if !denies && !any_unknown {
                let (p, _) = policies[0];
                out.report(
                    &p.meta,
                    p.document.span,
                    msg!("s3-deny-insecure-transport-policy-bucket", bucket = b.meta.id),
                )
                .with_related(b.meta.span, msg!("s3-deny-insecure-transport-bucket", bucket = b.meta.id));
            }
        }
    },
);
