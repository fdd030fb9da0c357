//! PAL-CLOUDFRONT-001 `cloudfront-viewer-protocol-allow-all`: CloudFront cache behaviour serves viewers over plain HTTP.

use crate::model::kind;

rule!(RULE,
    id: "PAL-CLOUDFRONT-001",
    slug: "cloudfront-viewer-protocol-allow-all",
    title: "CloudFront cache behaviour serves viewers over plain HTTP",
    severity: Medium,
    layer: Network,
    service: "cloudfront",
    controls: &["NET-10"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "pci-4.0:2.2.5", "fsbp:CloudFront.3"],
    resource_types: &[kind::CLOUDFRONT_DISTRIBUTION],
    remediation: "Set `ViewerProtocolPolicy: redirect-to-https` (or `https-only`) on `DefaultCacheBehavior` \
and on every entry of `CacheBehaviors`.",
    description: "`ViewerProtocolPolicy: allow-all` answers requests on plain HTTP: pages, cookies and \
tokens travel in clear text between the viewer and the edge, where anyone on the path can read or change them \
(inject scripts, strip security headers). Every cache behaviour is its own way in, so one behaviour left on \
`allow-all` is enough.",
    check: |m, _, out| {
        for d in &m.monitoring.distribution_viewers {
            for (path, policy) in &d.protocol_policies {
                if !policy.is(|p| p.trim().eq_ignore_ascii_case("allow-all")) {
                    continue;
                }
                let which = match path {
                    Some(p) => msg!("cloudfront-cache-behaviour", path = p),
                    None => msg!("cloudfront-default-cache-behaviour"),
                };
                out.report_field(
                    &d.meta,
                    policy,
                    msg!("cloudfront-viewer-protocol-allow-all-distribution-allows", distribution = d.meta.id, which = which),
                );
            }
        }
    },
);
