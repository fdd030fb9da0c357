//! PAL-ELB-003 `classic-plaintext-listener`: Internet-facing classic load balancer accepts plain HTTP or TCP.

use crate::model::kind;
use crate::model::{LbFlavour, Tri};

rule!(RULE,
    id: "PAL-ELB-003",
    slug: "classic-plaintext-listener",
    title: "Internet-facing classic load balancer accepts plain HTTP or TCP",
    severity: Medium,
    layer: Network,
    service: "elasticloadbalancing",
    controls: &["NET-10"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "fsbp:ELB.3"],
    resource_types: &[kind::ELB_CLASSIC_LOAD_BALANCER],
    remediation: "Give the listener `Protocol: HTTPS` (or `SSL`) with an `SSLCertificateId`, and remove the \
plain listener; better, move to an application load balancer, whose port 80 listener can redirect to HTTPS.",
    description: "A classic load balancer cannot redirect: an `HTTP` or `TCP` listener on an \
internet-facing balancer forwards whatever clients send in clear text, so cookies, tokens and form data can be \
read and changed on the way. A `TCP` listener on port 443 that passes TLS through to the instances is not \
reported, nor are internal load balancers.",
    check: |m, _, out| {
        for lb in &m.load_balancers {
            if lb.flavour.get() != Some(&LbFlavour::Classic) {
                continue;
            }
            let public = match &lb.scheme.value {
                Tri::Absent => true,
                Tri::Known(s) => s == "internet-facing",
                Tri::Unknown => false,
            };
            if !public {
                continue;
            }
            for l in &lb.listeners {
                let Some(proto) = l.protocol.get().map(|p| p.to_ascii_uppercase()) else { continue };
                let passthrough = proto == "TCP" && l.port.get() == Some(&443) && l.instance_port.get() == Some(&443);
                if (proto != "HTTP" && proto != "TCP") || passthrough {
                    continue;
                }
                let port = l.port.get().map(|p| msg!("classic-plaintext-listener-on-port", port = p)).unwrap_or_default();
                out.report_field(
                    &lb.meta,
                    &l.protocol,
                    msg!("classic-plaintext-listener-internet-facing", balancer = lb.meta.id, proto = proto, port = port),
                );
            }
        }
    },
);
