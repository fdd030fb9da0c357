//! Application load balancers: HTTPS listeners and TLS policies (network layer), WAF
//! protection of internet-facing load balancers (application layer).

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::Tri;
use crate::model::kind;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&HTTP_WITHOUT_REDIRECT, &OLD_TLS_POLICY];

/// Does this predefined security policy allow only TLS 1.2 and later?
pub fn policy_is_modern(p: &str) -> bool {
    ["TLS-1-2", "TLS13-1-2", "TLS13-1-3", "FS-1-2", "PQ-TLS-1-2", "TLS13-1-2-FIPS"].iter().any(|m| p.contains(m))
}

pub static HTTP_WITHOUT_REDIRECT: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-ELB-001",
        slug: "alb-http-without-redirect",
        title: "Load balancer listener serves plain HTTP without redirecting to HTTPS",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "elasticloadbalancing",
        well_architected: &["SEC09-BP02"],
        controls: &["NET-10"],
        resource_types: &[kind::ELB_LISTENER],
        remediation: "Serve the application on an `HTTPS` listener with a certificate, and make the port 80 \
listener's default action `Type: redirect` with `RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: \
HTTP_301}`.",
        description: "A listener on plain HTTP that forwards to targets sends cookies, tokens and form data in \
clear text, readable and modifiable by anyone on the path. Keeping port 80 open only to redirect to HTTPS is \
fine; forwarding on it is not.",
    },
    check: |m, _, out| {
        for l in m.listeners.iter().filter(|l| l.elbv2) {
            if l.protocol.get().map(String::as_str) != Some("HTTP") {
                continue;
            }
            let Some(actions) = l.actions.get() else { continue };
            let all_redirect = actions.iter().all(|(kind, proto)| {
                kind.get().is_some_and(|k| k.eq_ignore_ascii_case("redirect"))
                    && !proto.get().is_some_and(|p| p.eq_ignore_ascii_case("HTTP"))
            });
            let undecided = actions.iter().any(|(kind, _)| kind.is_unknown());
            if !all_redirect && !undecided && !actions.is_empty() {
                out.report_field(
                    &l.meta,
                    &l.protocol,
                    format!("listener `{}` serves HTTP without redirecting to HTTPS", l.meta.id),
                );
            }
        }
    },
};

pub static OLD_TLS_POLICY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-ELB-002",
        slug: "alb-tls-policy-outdated",
        title: "Load balancer TLS policy allows TLS 1.0 or 1.1",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "elasticloadbalancing",
        well_architected: &["SEC09-BP02"],
        controls: &["NET-10"],
        resource_types: &[kind::ELB_LISTENER],
        remediation: "Use `SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.3 and 1.2 with forward \
secrecy), or `ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04` where FIPS is required.",
        description: "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak hash constructions and \
cipher suites and are refused by current browsers and compliance standards such as PCI DSS. A policy that still \
offers them allows downgrade to those protocols.",
    },
    check: |m, _, out| {
        for l in m.listeners.iter().filter(|l| l.elbv2) {
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
};
