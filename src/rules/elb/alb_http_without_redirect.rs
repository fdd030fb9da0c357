//! PAL-ELB-001 `alb-http-without-redirect`: Load balancer listener serves plain HTTP without redirecting to HTTPS.

use crate::model::Tri;
use crate::model::kind;

rule!(RULE,
    id: "PAL-ELB-001",
    slug: "alb-http-without-redirect",
    title: "Load balancer listener serves plain HTTP without redirecting to HTTPS",
    severity: Medium,
    layer: Network,
    service: "elasticloadbalancing",
    controls: &["NET-10"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "fsbp:ELB.1"],
    resource_types: &[kind::ELB_LISTENER],
    remediation: "Serve the application on an `HTTPS` listener with a certificate, and make the port 80 \
listener's default action `Type: redirect` with `RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: \
HTTP_301}`.",
    description: "A listener on plain HTTP that forwards to targets sends cookies, tokens and form data in \
clear text, readable and modifiable by anyone on the path. Keeping port 80 open only to redirect to HTTPS is \
fine; forwarding on it is not, and neither is a listener that declares no default action (its requests \
are answered in clear text by whatever rules are added to it).",
    check: |m, _, out| {
        for l in m.listeners.iter().filter(|l| l.elbv2) {
            if l.protocol.get().map(String::as_str) != Some("HTTP") {
                continue;
            }
            let actions = match &l.actions.value {
                Tri::Known(actions) => actions,
                Tri::Unknown => continue,
                // No default action: nothing redirects the plain HTTP requests the listener accepts.
                Tri::Absent => {
                    out.report_field(
                        &l.meta,
                        &l.protocol,
                        msg!("alb-http-without-redirect-listener-serves", listener = l.meta.id),
                    );
                    continue;
                }
            };
            let all_redirect = actions.iter().all(|(kind, proto)| {
                kind.get().is_some_and(|k| k.eq_ignore_ascii_case("redirect"))
                    && !proto.get().is_some_and(|p| p.eq_ignore_ascii_case("HTTP"))
            });
            let undecided = actions.iter().any(|(kind, _)| kind.is_unknown());
            if !all_redirect && !undecided && !actions.is_empty() {
                out.report_field(
                    &l.meta,
                    &l.protocol,
                    msg!("alb-http-without-redirect-listener-serves-2", listener = l.meta.id),
                );
            }
        }
    },
);
