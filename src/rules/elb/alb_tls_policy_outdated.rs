//! PAL-ELB-002 `alb-tls-policy-outdated`: Load balancer TLS policy allows TLS 1.0 or 1.1.

use crate::model::Tri;
use crate::model::kind;

/// The policy an HTTPS or TLS listener gets when it names none (Elastic Load Balancing API,
/// CloudFormation and the Terraform AWS provider).
pub const DEFAULT_POLICY: &str = "ELBSecurityPolicy-2016-08";

/// Does this predefined security policy allow only TLS 1.2 and later?
pub fn policy_is_modern(p: &str) -> bool {
    ["TLS-1-2", "TLS13-1-2", "TLS13-1-3", "FS-1-2", "PQ-TLS-1-2", "TLS13-1-2-FIPS"].iter().any(|m| p.contains(m))
}

rule!(RULE,
    id: "PAL-ELB-002",
    slug: "alb-tls-policy-outdated",
    title: "Load balancer TLS policy allows TLS 1.0 or 1.1",
    severity: Medium,
    layer: Network,
    service: "elasticloadbalancing",
    controls: &["NET-10"],
    well_architected: &["SEC09-BP02"],
    resource_types: &[kind::ELB_LISTENER],
    remediation: "Use `SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.3 and 1.2 with forward \
secrecy), or `ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04` where FIPS is required.",
    description: "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak hash constructions and \
cipher suites and are refused by current browsers and compliance standards such as PCI DSS. A policy that still \
offers them allows downgrade to those protocols. An HTTPS or TLS listener without `SslPolicy` gets \
`ELBSecurityPolicy-2016-08`, which offers TLS 1.0 and 1.1: set the policy explicitly.",
    check: |m, _, out| {
        for l in m.listeners.iter().filter(|l| l.elbv2) {
            let secure = l.protocol.is(|p| p.eq_ignore_ascii_case("HTTPS") || p.eq_ignore_ascii_case("TLS"));
            if secure && l.ssl_policy.is_absent() {
                out.report_field(
                    &l.meta,
                    &l.protocol,
                    format!(
                        "listener `{}` sets no SslPolicy, so it gets the default {DEFAULT_POLICY}, which allows TLS \
versions before 1.2",
                        l.meta.id
                    ),
                );
                continue;
            }
            if let Tri::Known(p) = &l.ssl_policy.value
                && p.starts_with("ELBSecurityPolicy")
                && !policy_is_modern(p)
            {
                out.report_field(
                    &l.meta,
                    &l.ssl_policy,
                    format!("listener `{}` uses {p}, which allows TLS versions before 1.2", l.meta.id),
                );
            }
        }
    },
);
