//! PAL-WAF-001 `alb-without-waf`: Internet-facing application load balancer has no WAF web ACL.

use crate::model::kind;
use crate::model::{LbFlavour, Link, Tri};

rule!(RULE,
    id: "PAL-WAF-001",
    slug: "alb-without-waf",
    title: "Internet-facing application load balancer has no WAF web ACL",
    severity: Medium,
    layer: Application,
    service: "wafv2",
    controls: &["APP-14"],
    well_architected: &["SEC05-BP03", "SEC06-BP01"],
    compliance: &["isms-p:2.10.1", "isms-p:2.10.3", "pci-4.0:6.4.1", "pci-4.0:6.4.2", "fsbp:ELB.16"],
    resource_types: &[kind::ELB_LOAD_BALANCER, kind::WAF_WEB_ACL_ASSOCIATION],
    remediation: "Create an `AWS::WAFv2::WebACL` (scope `REGIONAL`) with the AWS managed rule groups \
(`AWSManagedRulesCommonRuleSet`, `AWSManagedRulesKnownBadInputsRuleSet`, and a rate-based rule), and attach it \
with an `AWS::WAFv2::WebACLAssociation` whose `ResourceArn` is `!Ref` of the load balancer.",
    description: "An internet-facing application load balancer passes every request to the application. \
A web ACL filters common exploits (SQL injection, cross-site scripting, known bad inputs), blocks abusive \
clients with rate limits, and gives a place to apply virtual patches quickly. The rule looks for an \
association in the same template; when an association's target cannot be decided, nothing is reported.",
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
            let protected = mon.waf_associations.iter().any(|(_, t)| t.get() == Some(&Link::Local(lb.meta.id.to_string())));
            if !protected {
                out.report(
                    &lb.meta,
                    lb.meta.span,
                    msg!("alb-without-waf-internet-facing", balancer = lb.meta.id),
                );
            }
        }
    },
);
