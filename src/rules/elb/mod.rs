//! Application load balancers: HTTPS listeners and TLS policies (network layer), WAF
//! protection of internet-facing load balancers (application layer).

use super::{Rule, RuleMeta};
use crate::finding::{Layer, Severity};
use crate::model::{Link, Tri};

/// The rules of this area.
pub static RULES: &[&Rule] = &[&HTTP_WITHOUT_REDIRECT, &OLD_TLS_POLICY, &NO_WAF, &CLOUDFRONT_NO_WAF];

/// Does this predefined security policy allow only TLS 1.2 and later?
pub fn policy_is_modern(p: &str) -> bool {
    ["TLS-1-2", "TLS13-1-2", "TLS13-1-3", "FS-1-2", "PQ-TLS-1-2", "TLS13-1-2-FIPS"].iter().any(|m| p.contains(m))
}

pub static HTTP_WITHOUT_REDIRECT: Rule = Rule {
    meta: RuleMeta {
        id: "PAL-ELB-001",
        slug: "alb-http-without-redirect",
        title: "Load balancer listener serves plain HTTP without redirecting to HTTPS",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "elasticloadbalancing",
        well_architected: &["SEC09-BP02"],
        controls: &["NET-10"],
        resource_types: &["AWS::ElasticLoadBalancingV2::Listener"],
        remediation: "Serve the application on an `HTTPS` listener with a certificate, and make the port 80 \
listener's default action `Type: redirect` with `RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: \
HTTP_301}`.",
        description: "A listener on plain HTTP that forwards to targets sends cookies, tokens and form data in \
clear text, readable and modifiable by anyone on the path. Keeping port 80 open only to redirect to HTTPS is \
fine; forwarding on it is not.",
        fail_example: include_str!("fixtures/alb-http-without-redirect.fail.yaml"),
        pass_example: include_str!("fixtures/alb-http-without-redirect.pass.yaml"),
    },
    check: |m, out| {
        for l in &m.monitoring.listeners {
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

pub static OLD_TLS_POLICY: Rule = Rule {
    meta: RuleMeta {
        id: "PAL-ELB-002",
        slug: "alb-tls-policy-outdated",
        title: "Load balancer TLS policy allows TLS 1.0 or 1.1",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "elasticloadbalancing",
        well_architected: &["SEC09-BP02"],
        controls: &["NET-10"],
        resource_types: &["AWS::ElasticLoadBalancingV2::Listener"],
        remediation: "Use `SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.3 and 1.2 with forward \
secrecy), or `ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04` where FIPS is required.",
        description: "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on weak hash constructions and \
cipher suites and are refused by current browsers and compliance standards such as PCI DSS. A policy that still \
offers them allows downgrade to those protocols.",
        fail_example: include_str!("fixtures/alb-tls-policy-outdated.fail.yaml"),
        pass_example: include_str!("fixtures/alb-tls-policy-outdated.pass.yaml"),
    },
    check: |m, out| {
        for l in &m.monitoring.listeners {
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

pub static NO_WAF: Rule = Rule {
    meta: RuleMeta {
        id: "PAL-WAF-001",
        slug: "alb-without-waf",
        title: "Internet-facing application load balancer has no WAF web ACL",
        severity: Severity::Medium,
        layer: Layer::Application,
        service: "wafv2",
        well_architected: &["SEC05-BP03", "SEC06-BP01"],
        controls: &["APP-14"],
        resource_types: &["AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::WAFv2::WebACLAssociation"],
        remediation: "Create an `AWS::WAFv2::WebACL` (scope `REGIONAL`) with the AWS managed rule groups \
(`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`, and a rate-based rule), and attach it \
with an `AWS::WAFv2::WebACLAssociation` whose `ResourceArn` is `!Ref` of the load balancer.",
        description: "An internet-facing application load balancer passes every request to the application. \
A web ACL filters common exploits (SQL injection, cross-site scripting, known bad inputs), blocks abusive \
clients with rate limits, and gives a place to apply virtual patches quickly. The rule looks for an \
association in the same template; when an association's target cannot be decided, nothing is reported.",
        fail_example: include_str!("fixtures/alb-without-waf.fail.yaml"),
        pass_example: include_str!("fixtures/alb-without-waf.pass.yaml"),
    },
    check: |m, out| {
        let mon = &m.monitoring;
        if mon.waf_associations.iter().any(|(_, t)| t.is_unknown()) {
            return;
        }
        for lb in &mon.load_balancers {
            let public = match &lb.scheme.value {
                Tri::Absent => true,
                Tri::Known(s) => s == "internet-facing",
                Tri::Unknown => false,
            };
            let alb = match &lb.kind.value {
                Tri::Absent => true,
                Tri::Known(t) => t == "application",
                Tri::Unknown => false,
            };
            if !public || !alb {
                continue;
            }
            let protected = mon.waf_associations.iter().any(|(_, t)| t.get() == Some(&Link::Local(lb.meta.id.clone())));
            if !protected {
                out.report(
                    &lb.meta,
                    lb.meta.span,
                    format!("internet-facing load balancer `{}` has no WAF web ACL association", lb.meta.id),
                );
            }
        }
    },
};

pub static CLOUDFRONT_NO_WAF: Rule = Rule {
    meta: RuleMeta {
        id: "PAL-WAF-002",
        slug: "cloudfront-without-waf",
        title: "CloudFront distribution has no WAF web ACL",
        severity: Severity::Medium,
        layer: Layer::Application,
        service: "cloudfront",
        well_architected: &["SEC05-BP03", "SEC06-BP01"],
        controls: &["APP-14"],
        resource_types: &["AWS::CloudFront::Distribution"],
        remediation: "Create an `AWS::WAFv2::WebACL` with `Scope: CLOUDFRONT` (in us-east-1) using the AWS \
managed rule groups and a rate-based rule, and set `DistributionConfig.WebACLId` to its ARN \
(`!GetAtt EdgeWebAcl.Arn`).",
        description: "A distribution is the public front door of the application: every request on the \
internet reaches it. Without a web ACL, injection attempts, known bad inputs, bots and request floods all \
pass through to the origin. Attaching the ACL at the edge also stops the traffic before it costs origin \
capacity.",
        fail_example: include_str!("fixtures/cloudfront-without-waf.fail.yaml"),
        pass_example: include_str!("fixtures/cloudfront-without-waf.pass.yaml"),
    },
    check: |m, out| {
        for (meta, acl) in &m.monitoring.distributions {
            let missing = match &acl.value {
                Tri::Absent => true,
                Tri::Known(s) => s.trim().is_empty(),
                Tri::Unknown => false,
            };
            if missing {
                out.report(meta, meta.span, format!("CloudFront distribution `{}` has no WebACLId", meta.id));
            }
        }
    },
};
