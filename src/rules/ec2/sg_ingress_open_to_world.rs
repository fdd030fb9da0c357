//! PAL-EC2-003 `sg-ingress-open-to-world`: Security group allows a port other than 80/443 from the internet.

use super::{Exposure, SG_TYPES, classify, proto_ports, reach_note, sg_rules};

rule!(RULE,
    id: "PAL-EC2-003",
    slug: "sg-ingress-open-to-world",
    title: "Security group allows a port other than 80/443 from the internet",
    severity: Medium,
    layer: Network,
    service: "ec2",
    controls: &["NET-01"],
    well_architected: &["SEC05-BP02"],
    resource_types: SG_TYPES,
    remediation: "Restrict the rule's `CidrIp`/`CidrIpv6` to the networks that need the port, or \
reference the security group of the calling tier. Publish services to the internet through a load balancer \
listening on 80/443 and keep instance ports private.",
    description: "Only web traffic (80 and 443) is expected from the whole internet. Any other port open \
to `0.0.0.0/0` or `::/0` exposes a service (an application port, a management interface, a message broker) that \
was usually meant for a known set of clients, and widens the attack surface for no benefit. Rules whose range \
includes admin or database ports, or every port, are reported by PAL-EC2-001, PAL-EC2-002 and PAL-EC2-004; \
ICMP rules are not reported.",
    check: |m, facts, out| {
        for ctx in sg_rules(m) {
            if ctx.egress {
                continue;
            }
            let Some(cidr) = ctx.rule.world_cidr() else { continue };
            if classify(ctx.rule) != Some(Exposure::Other) {
                continue;
            }
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let f = out.report_field(
                ctx.owner,
                cidr,
                format!("{} allows {} from the internet ({cidr_text})", ctx.subject(), proto_ports(ctx.rule)),
            );
            f.with_related(ctx.rule.port_span(), "the port range");
            reach_note(facts, &ctx, f);
        }
    },
);
