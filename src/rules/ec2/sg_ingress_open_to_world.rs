//! PAL-EC2-003 `sg-ingress-open-to-world`: Security group allows a port other than 80/443 from the internet.

use super::{Exposure, RuleCtx, SG_TYPES, classify, proto_ports, reach_note, sg_rules};
use crate::model::{Link, LoadBalancer, Model};

rule!(RULE,
    id: "PAL-EC2-003",
    slug: "sg-ingress-open-to-world",
    title: "Security group allows a port other than 80/443 from the internet",
    severity: Medium,
    layer: Network,
    service: "ec2",
    controls: &["NET-01"],
    well_architected: &["SEC05-BP02"],
    compliance: &[
        "isms-p:2.6.1", "isms-p:2.6.2", "pci-4.0:1.2.5", "pci-4.0:1.3.1", "pci-4.0:1.4.2", "fsbp:EC2.18",
    ],
    resource_types: SG_TYPES,
    remediation: "Restrict the rule's `CidrIp`/`CidrIpv6` to the networks that need the port, or \
reference the security group of the calling tier. Publish services to the internet through a load balancer \
listening on 80/443 and keep instance ports private.",
    description: "Only web traffic (80 and 443) is expected from the whole internet. Any other port open \
to `0.0.0.0/0` or `::/0` exposes a service (an application port, a management interface, a message broker) that \
was usually meant for a known set of clients, and widens the attack surface for no benefit. Rules whose range \
includes admin or database ports, or every port, are reported by PAL-EC2-001, PAL-EC2-002 and PAL-EC2-004; \
ICMP rules are not reported, nor are rules of the security group of an internet-facing load balancer \
that open exactly the ports of its listeners: serving them to the internet is what the load balancer is for.",
    check: |m, facts, out| {
        for ctx in sg_rules(m) {
            if ctx.egress {
                continue;
            }
            let Some(cidr) = ctx.rule.world_cidr() else { continue };
            if classify(ctx.rule) != Some(Exposure::Other) {
                continue;
            }
            if serves_listeners(m, &ctx) {
                continue;
            }
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let f = out.report_field(
                ctx.owner,
                cidr,
                msg!("sg-ingress-open-to-world-allows-internet", subject = ctx.subject(), ports = proto_ports(ctx.rule), cidr_text = cidr_text),
            );
            f.with_related(ctx.rule.port_span(), msg!("sg-ingress-open-to-world-port-range"));
            reach_note(facts, &ctx, f);
        }
    },
);

/// Is the rule's group the security group of an internet-facing load balancer of the unit
/// whose listeners use every port the rule opens?
fn serves_listeners(m: &Model, ctx: &RuleCtx<'_>) -> bool {
    let (Some(group), Some((from, to))) = (ctx.group_id, ctx.rule.port_range()) else { return false };
    if to - from > 64 {
        return false;
    }
    m.load_balancers.iter().filter(|lb| internet_facing(lb) && uses_group(lb, group)).any(|lb| {
        let ports: Vec<i64> = listener_ports(m, lb);
        (from..=to).all(|p| ports.contains(&p))
    })
}

fn internet_facing(lb: &LoadBalancer) -> bool {
    lb.scheme.get().is_none_or(|s| s == "internet-facing")
}

fn uses_group(lb: &LoadBalancer, group: &str) -> bool {
    lb.security_groups.get().is_some_and(|sgs| sgs.iter().any(|g| g.get().and_then(Link::local) == Some(group)))
}

/// The ports of a load balancer's listeners: its own (classic) and the standalone ones.
fn listener_ports(m: &Model, lb: &LoadBalancer) -> Vec<i64> {
    lb.listeners
        .iter()
        .chain(m.listeners.iter().filter(|l| l.load_balancer.get().and_then(Link::local) == Some(lb.meta.id.as_ref())))
        .filter_map(|l| l.port.get().copied())
        .collect()
}
