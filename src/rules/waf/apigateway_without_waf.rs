//! PAL-WAF-003 `apigateway-without-waf`: API Gateway stage has no WAF web ACL.

use crate::model::{Link, kind};

rule!(RULE,
    id: "PAL-WAF-003",
    slug: "apigateway-without-waf",
    title: "API Gateway stage has no WAF web ACL",
    severity: Medium,
    layer: Application,
    service: "wafv2",
    controls: &["APP-14"],
    well_architected: &["SEC05-BP03", "SEC06-BP01"],
    compliance: &["isms-p:2.10.1", "isms-p:2.10.3", "pci-4.0:6.4.1", "pci-4.0:6.4.2", "fsbp:APIGateway.4"],
    resource_types: &[kind::APIGATEWAY_STAGE, kind::WAF_WEB_ACL_ASSOCIATION],
    remediation: "Create an `AWS::WAFv2::WebACL` (scope `REGIONAL`) with the AWS managed rule groups and a \
rate-based rule, and attach it with an `AWS::WAFv2::WebACLAssociation` whose `ResourceArn` is the stage's ARN \
(`!Sub 'arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}'`).",
    description: "A REST API stage is an internet entry point straight to the functions and services behind \
it. Without a web ACL, injection attempts, known bad inputs and request floods reach the integrations \
unfiltered, and there is no place to block an abusive client or patch a flaw quickly. The rule looks for an \
association in the same template; when an association's target cannot be decided, nothing is reported. Stages \
of private APIs are not reported.",
    check: |m, _, out| {
        let mon = &m.monitoring;
        if mon.waf_associations.iter().any(|(_, t)| t.is_unknown()) {
            return;
        }
        let private = |api: &str| {
            mon.rest_apis.iter().any(|a| {
                a.meta.id == api.into() && a.endpoint_types.get().is_some_and(|t| t.iter().any(|t| t.is(|t| t == "PRIVATE")))
            })
        };
        for st in &mon.api_stages {
            if st.rest_api.get().and_then(Link::local).is_some_and(private) {
                continue;
            }
            let name = st.stage_name.get();
            let protected = mon.waf_associations.iter().any(|(_, t)| match t.get() {
                Some(Link::Local(id)) => **id == *st.meta.id,
                // An ARN written out: `.../restapis/<id>/stages/<name>`.
                Some(Link::External(arn)) => {
                    name.is_some_and(|n| arn.contains("/restapis/") && arn.ends_with(&format!("/stages/{n}")))
                }
                None => false,
            });
            if !protected {
                out.report(&st.meta, st.meta.span, msg!("apigateway-without-waf-api-gateway", stage = st.meta.id));
            }
        }
    },
);
