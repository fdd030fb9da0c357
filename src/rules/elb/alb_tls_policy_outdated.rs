//! PAL-ELB-002 `alb-tls-policy-outdated`: Load balancer TLS policy allows TLS 1.0 or 1.1.

use crate::model::Tri;
use crate::model::kind;

/// The policy an HTTPS or TLS listener gets when it names none (Elastic Load Balancing API,
/// CloudFormation and the Terraform AWS provider).
pub const DEFAULT_POLICY: &str = "ELBSecurityPolicy-2016-08";

/// Classic load balancer SSL negotiation attributes that enable protocols before TLS 1.2.
const OLD_PROTOCOLS: &[&str] = &["Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"];

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
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "pci-4.0:2.2.5"],
    resource_types: &[kind::ELB_LISTENER, kind::ELB_CLASSIC_LOAD_BALANCER],
    remediation: "Use `SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.3 and 1.2 with forward \
secrecy), or `ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04` where FIPS is required. On a classic load balancer, \
make the SSL negotiation policy's `Reference-Security-Policy` `ELBSecurityPolicy-TLS-1-2-2017-01` and set no \
`Protocol-SSLv3`, `Protocol-TLSv1` or `Protocol-TLSv1.1` attribute to `true`.",
    description: "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak hash constructions and \
cipher suites and are refused by current browsers and compliance standards such as PCI DSS. A policy that still \
offers them allows downgrade to those protocols. An HTTPS or TLS listener without `SslPolicy` gets \
`ELBSecurityPolicy-2016-08`, which offers TLS 1.0 and 1.1: set the policy explicitly. For a classic load \
balancer, an `SSLNegotiationPolicyType` policy is reported when its `Reference-Security-Policy` is an older \
predefined policy or when it enables `Protocol-SSLv3`, `Protocol-TLSv1` or `Protocol-TLSv1.1`.",
    check: |m, _, out| {
        for l in m.listeners.iter().filter(|l| l.elbv2) {
            let secure = l.protocol.is(|p| p.eq_ignore_ascii_case("HTTPS") || p.eq_ignore_ascii_case("TLS"));
            if secure && l.ssl_policy.is_absent() {
                out.report_field(
                    &l.meta,
                    &l.protocol,
                    msg!("alb-tls-policy-outdated-listener-sets", listener = l.meta.id, default_policy = DEFAULT_POLICY),
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
                    msg!("alb-tls-policy-outdated-listener-uses", listener = l.meta.id, p = p),
                );
            }
        }
        for lb in &m.load_balancers {
            for pol in lb.policies.iter().filter(|p| p.policy_type.is(|t| t == "SSLNegotiationPolicyType")) {
                let name = pol.name.get().map(String::as_str).unwrap_or("SSL negotiation policy");
                for (key, value) in &pol.attributes {
                    let (Some(k), Some(v)) = (key.get(), value.get()) else { continue };
                    let why = if k == "Reference-Security-Policy" {
                        (v.starts_with("ELBSecurityPolicy") || v.starts_with("ELBSample")) && !policy_is_modern(v)
                    } else {
                        OLD_PROTOCOLS.contains(&k.as_str()) && v.trim().eq_ignore_ascii_case("true")
                    };
                    if why {
                        out.report_field(
                            &lb.meta,
                            value,
                            msg!("alb-tls-policy-outdated-load-balancer", balancer = lb.meta.id, name = name, k = k, v = v),
                        );
                    }
                }
            }
        }
    },
);
