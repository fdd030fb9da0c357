//! PAL-APIGW-001 `apigateway-method-without-auth`: API Gateway method can be called without authorization.

use crate::model::{Tri, kind};

rule!(RULE,
    id: "PAL-APIGW-001",
    slug: "apigateway-method-without-auth",
    title: "API Gateway method can be called without authorization",
    severity: Medium,
    layer: Application,
    service: "apigateway",
    controls: &["APP-14"],
    well_architected: &["SEC05-BP03", "SEC03-BP07"],
    compliance: &["isms-p:2.5.3", "isms-p:2.6.3", "pci-4.0:7.2.1", "pci-4.0:7.3.1"],
    resource_types: &[kind::APIGATEWAY_METHOD],
    remediation: "Give the method `AuthorizationType: AWS_IAM`, `COGNITO_USER_POOLS` (with `AuthorizerId`) \
or `CUSTOM` (a Lambda authorizer); for a method that must stay public, at least require an API key \
(`ApiKeyRequired: true`) tied to a usage plan with throttling.",
    description: "A method with `AuthorizationType: NONE` (the default) and no API key answers anyone on \
the internet who knows the URL: the integration behind it (a Lambda function, a service action, a backend) runs \
for anonymous callers, who can read what it returns, change what it writes and run up its cost. `OPTIONS` \
methods (CORS preflight) are not reported.",
    check: |m, _, out| {
        let private_apis: Vec<&str> = m
            .monitoring
            .rest_apis
            .iter()
            .filter(|a| a.endpoint_types.get().is_some_and(|t| t.iter().any(|t| t.is(|t| t == "PRIVATE"))))
            .map(|a| a.meta.id.as_ref())
            .collect();
        for meth in &m.monitoring.api_methods {
            let verb = match meth.http_method.get() {
                Some(v) if v.eq_ignore_ascii_case("OPTIONS") => continue,
                Some(v) => v.to_ascii_uppercase(),
                None => continue,
            };
            let none = match &meth.authorization_type.value {
                Tri::Absent => true,
                Tri::Known(t) => t.trim().eq_ignore_ascii_case("NONE"),
                Tri::Unknown => false,
            };
            let key = match &meth.api_key_required.value {
                Tri::Known(k) => *k,
                Tri::Absent => false,
                Tri::Unknown => true,
            };
            let private = meth.rest_api.get().and_then(|l| l.local()).is_some_and(|id| private_apis.contains(&id));
            if !none || key || private {
                continue;
            }
            let at = if meth.authorization_type.is_absent() { &meth.http_method } else { &meth.authorization_type };
            let how = if meth.authorization_type.is_absent() {
                msg!("apigateway-method-without-auth-type-absent")
            } else {
                msg!("apigateway-method-without-auth-type-none")
            };
            out.report_field(
                &meth.meta,
                at,
                msg!("apigateway-method-without-auth-api-gateway", method = meth.meta.id, verb = verb, how = how),
            );
        }
    },
);
