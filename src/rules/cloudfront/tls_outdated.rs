//! PAL-CLOUDFRONT-002 `cloudfront-tls-outdated`: CloudFront distribution accepts viewer TLS older than TLSv1.2_2021.

use crate::finding::Severity;
use crate::model::{Tri, kind};

/// The security policy every viewer certificate should name at least.
const CURRENT: &str = "TLSv1.2_2021";

/// Policies that still allow a protocol before TLS 1.2 (the others before `TLSv1.2_2021` allow
/// TLS 1.2 with weaker cipher suites only).
fn allows_old_protocols(v: &str) -> bool {
    !v.starts_with("TLSv1.2") && !v.starts_with("TLSv1.3")
}

/// `TLSv1.2_2021` or a later policy.
fn current(v: &str) -> bool {
    let year = |p: &str| p.rsplit('_').next().and_then(|y| y.parse::<u32>().ok());
    v.starts_with("TLSv1.3") || (v.starts_with("TLSv1.2_") && year(v).is_some_and(|y| y >= 2021))
}

rule!(RULE,
    id: "PAL-CLOUDFRONT-002",
    slug: "cloudfront-tls-outdated",
    title: "CloudFront distribution accepts viewer TLS older than TLSv1.2_2021",
    severity: Medium,
    layer: Network,
    service: "cloudfront",
    controls: &["NET-10"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "pci-4.0:2.2.5", "fsbp:CloudFront.10"],
    resource_types: &[kind::CLOUDFRONT_DISTRIBUTION],
    remediation: "Serve the distribution under your own domain with an ACM certificate (in us-east-1): \
`ViewerCertificate: {AcmCertificateArn: ..., SslSupportMethod: sni-only, MinimumProtocolVersion: \
TLSv1.2_2021}`.",
    description: "The viewer certificate's `MinimumProtocolVersion` decides which TLS versions and ciphers \
viewers may negotiate. `SSLv3`, `TLSv1`, `TLSv1_2016` and `TLSv1.1_2016` allow deprecated protocols (RFC 8996) \
open to downgrade; `TLSv1.2_2018` and `TLSv1.2_2019` keep TLS 1.2 but with weaker cipher suites (reported with \
low severity). A certificate of your own without `MinimumProtocolVersion` gets `TLSv1`, and the default \
certificate (`CloudFrontDefaultCertificate: true`, or no `ViewerCertificate`: the `*.cloudfront.net` name) \
always accepts TLSv1, whatever is written.",
    check: |m, _, out| {
        for d in &m.monitoring.distribution_viewers {
            let id = &d.meta.id;
            let default_cert = !d.own_certificate
                && match &d.default_certificate.value {
                    Tri::Known(b) => *b,
                    Tri::Absent => true,
                    Tri::Unknown => false,
                };
            if default_cert {
                out.report(
                    &d.meta,
                    d.certificate_span,
                    msg!("cloudfront-tls-outdated-distribution-uses", id = id),
                );
                continue;
            }
            if !d.own_certificate {
                continue;
            }
            match &d.minimum_protocol_version.value {
                Tri::Absent => {
                    out.report_field(
                        &d.meta,
                        &d.minimum_protocol_version,
                        msg!("cloudfront-tls-outdated-distribution-sets", id = id, current = CURRENT),
                    );
                }
                Tri::Known(v) if !current(v.trim()) => {
                    let old = allows_old_protocols(v.trim());
                    let f = out.report_field(
                        &d.meta,
                        &d.minimum_protocol_version,
                        if old {
                            msg!("cloudfront-tls-outdated-distribution-accepts", id = id, v = v, current = CURRENT)
                        } else {
                            msg!("cloudfront-tls-outdated-distribution-accepts-2", id = id, v = v, current = CURRENT)
                        },
                    );
                    if !old {
                        f.severity = Severity::Low;
                    }
                }
                _ => {}
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::{allows_old_protocols, current};

    #[test]
    fn policies() {
        assert!(current("TLSv1.2_2021"));
        assert!(current("TLSv1.2_2025"));
        assert!(current("TLSv1.3_2025"));
        assert!(!current("TLSv1.2_2019"));
        assert!(!current("TLSv1"));
        assert!(allows_old_protocols("TLSv1.1_2016"));
        assert!(allows_old_protocols("SSLv3"));
        assert!(!allows_old_protocols("TLSv1.2_2018"));
    }
}
