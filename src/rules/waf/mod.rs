//! AWS WAF in front of internet-facing entry points (application layer).

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::kind;
use crate::model::{LbFlavour, Link, Tri};

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&NO_WAF, &CLOUDFRONT_NO_WAF];

pub static NO_WAF: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-WAF-001",
        slug: "alb-without-waf",
        title: "Internet-facing application load balancer has no WAF web ACL",
        severity: Severity::Medium,
        layer: Layer::Application,
        service: "wafv2",
        well_architected: &["SEC05-BP03", "SEC06-BP01"],
        controls: &["APP-14"],
        resource_types: &[kind::ELB_LOAD_BALANCER, kind::WAF_WEB_ACL_ASSOCIATION],
        remediation: "Create an `AWS::WAFv2::WebACL` (scope `REGIONAL`) with the AWS managed rule groups \
(`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`, and a rate-based rule), and attach it \
with an `AWS::WAFv2::WebACLAssociation` whose `ResourceArn` is `!Ref` of the load balancer.",
        description: "An internet-facing application load balancer passes every request to the application. \
A web ACL filters common exploits (SQL injection, cross-site scripting, known bad inputs), blocks abusive \
clients with rate limits, and gives a place to apply virtual patches quickly. The rule looks for an \
association in the same template; when an association's target cannot be decided, nothing is reported.",
    },
    check: |m, _, out| {
        let mon = &m.monitoring;
        if mon.waf_associations.iter().any(|(_, t)| t.is_unknown()) {
            return;
        }
        for lb in m.load_balancers.iter().filter(|lb| lb.is_v2()) {
            let public = match &lb.scheme.value {
                Tri::Absent => true,
                Tri::Known(s) => s == "internet-facing",
                Tri::Unknown => false,
            };
            let alb = match &lb.flavour.value {
                Tri::Absent => true,
                Tri::Known(t) => *t == LbFlavour::Application,
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

pub static CLOUDFRONT_NO_WAF: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-WAF-002",
        slug: "cloudfront-without-waf",
        title: "CloudFront distribution has no WAF web ACL",
        severity: Severity::Medium,
        layer: Layer::Application,
        service: "cloudfront",
        well_architected: &["SEC05-BP03", "SEC06-BP01"],
        controls: &["APP-14"],
        resource_types: &[kind::CLOUDFRONT_DISTRIBUTION],
        remediation: "Create an `AWS::WAFv2::WebACL` with `Scope: CLOUDFRONT` (in us-east-1) using the AWS \
managed rule groups and a rate-based rule, and set `DistributionConfig.WebACLId` to its ARN \
(`!GetAtt EdgeWebAcl.Arn`).",
        description: "A distribution is the public front door of the application: every request on the \
internet reaches it. Without a web ACL, injection attempts, known bad inputs, bots and request floods all \
pass through to the origin. Attaching the ACL at the edge also stops the traffic before it costs origin \
capacity.",
    },
    check: |m, _, out| {
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
