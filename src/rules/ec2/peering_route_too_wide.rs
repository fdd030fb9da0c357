//! PAL-EC2-009 `vpc-peering-route-too-wide`: a route sends all traffic over a VPC peering
//! connection.

use crate::model::{Link, RouteTarget, kind};

rule!(RULE,
    id: "PAL-EC2-009",
    slug: "vpc-peering-route-too-wide",
    title: "Route sends all traffic over a VPC peering connection",
    severity: Medium,
    layer: Network,
    service: "ec2",
    controls: &["NET-09"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "cis-6.0:6.6", "cis-7.0:6.6", "pci-4.0:1.3.1", "pci-4.0:1.3.2"],
    resource_types: &[kind::EC2_ROUTE],
    remediation: "Route only the peer VPC's CIDR block (or the subnets the workloads need) to the \
peering connection, e.g. `DestinationCidrBlock: 10.1.0.0/16` (Terraform: `destination_cidr_block`), \
and keep the default route on the internet or NAT gateway of this VPC.",
    description: "A peering connection joins two VPCs, often of different teams, environments or \
accounts. A route for `0.0.0.0/0` or `::/0` to it sends every packet without a more specific route \
to the peer: traffic meant for the internet or for other networks reaches the peer VPC, which sees \
it and can answer it. Peering routes should name the peer's CIDR blocks only, so that each side \
reaches exactly what it needs (the AWS security guide's least-privilege network segmentation).",
    check: |m, _, out| {
        for r in &m.routes {
            let Some(RouteTarget::PeeringConnection(pcx)) = r.target.get() else { continue };
            let name = match pcx {
                Link::Local(id) | Link::External(id) => id,
            };
            for dest in [&r.destination_ipv4, &r.destination_ipv6] {
                if dest.is(|d| d.trim() == "0.0.0.0/0" || d.trim() == "::/0") {
                    let d = dest.get().map(|d| d.trim()).unwrap_or_default();
                    out.report_field(
                        &r.meta,
                        dest,
                        msg!("vpc-peering-route-too-wide-sends-all", route = r.meta.id, d = d, name = name),
                    );
                }
            }
        }
    },
);
