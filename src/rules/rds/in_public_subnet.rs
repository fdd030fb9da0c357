//! PAL-RDS-007 `rds-in-public-subnet`: RDS subnet group contains a public subnet.

use super::dbs;
use crate::analyze::Facts;
use crate::finding::Severity;
use crate::model::kind;
use crate::model::{Link, RouteTarget, Subnet, is_world_v4};
use crate::source::Span;

/// Why a subnet is public: the span to point at and what it says.
fn public_reasons(f: &Facts<'_>, subnet: &Subnet) -> Vec<(Span, crate::i18n::Message)> {
    let mut out = Vec::new();
    if subnet.map_public_ip.is_true() {
        out.push((subnet.map_public_ip.span, msg!("rds-in-public-subnet-maps-public-ip", subnet = subnet.meta.id)));
    }
    // The routes to an internet gateway, as the reachability analysis decides them.
    for (r, table) in f.network().internet_gateway_routes(subnet) {
        let dest = if r.destination_ipv4.is(|c| is_world_v4(c)) { &r.destination_ipv4 } else { &r.destination_ipv6 };
        let gw = match r.target.get() {
            Some(RouteTarget::Gateway(Link::Local(g))) | Some(RouteTarget::Gateway(Link::External(g))) => g.as_str(),
            _ => continue,
        };
        let table_name = match table {
            Link::Local(s) | Link::External(s) => s,
        };
        out.push((
            r.target.span,
            msg!(
                "rds-in-public-subnet-route",
                dest = dest.get().map(String::as_str).unwrap_or(""),
                table = table_name,
                subnet = subnet.meta.id,
                gateway = gw
            ),
        ));
    }
    out
}

rule!(RULE,
    id: "PAL-RDS-007",
    slug: "rds-in-public-subnet",
    title: "RDS subnet group contains a public subnet",
    severity: High,
    layer: Network,
    service: "rds",
    controls: &["NET-07"],
    well_architected: &["SEC05-BP01"],
    compliance: &["isms-p:2.6.1", "isms-p:2.6.4", "pci-4.0:1.4.4"],
    resource_types: &[
        kind::RDS_DB_INSTANCE,
        kind::RDS_DB_CLUSTER,
        kind::RDS_DB_SUBNET_GROUP,
        kind::EC2_SUBNET,
        kind::EC2_ROUTE,
    ],
    remediation: "Build the `AWS::RDS::DBSubnetGroup` from private subnets only: subnets without \
`MapPublicIpOnLaunch: true` whose route table sends `0.0.0.0/0` to a NAT gateway (or nowhere) rather \
than to an internet gateway. Keep a separate data tier of subnets, one per Availability Zone.",
    description: "A subnet whose route table sends `0.0.0.0/0` (or `::/0`) to an internet gateway, \
or that assigns public IPs on launch, is a public subnet. A database placed there is one setting \
(`PubliclyAccessible`) or one security group rule away from the internet, and the network layer no \
longer separates the data tier from the web tier. Subnets outside the template, and subnets without a \
route table association (they use the VPC's main route table, which the template does not show), are \
not concluded on from their routes. High when the database may get a public address \
(`PubliclyAccessible` true, or not set: in a VPC with an internet gateway the API then makes it \
public); medium when `PubliclyAccessible` is false (Terraform's default): the database has no public \
address, and only the separation of tiers is lost until that setting changes.",
    check: |m, f, out| {
        for d in dbs(m) {
            if d.in_cluster {
                continue;
            }
            let Some(group) = d.db.subnet_group.get().and_then(Link::local).and_then(|id| f.index().db_subnet_group(id)) else {
                continue;
            };
            let Some(subnets) = group.subnets.get() else {
                continue;
            };
            let mut public: Vec<(&Subnet, Vec<(Span, crate::i18n::Message)>)> = Vec::new();
            for s in subnets {
                let Some(subnet) = s.get().and_then(Link::local).and_then(|id| f.index().subnet(id)) else {
                    continue;
                };
                let reasons = public_reasons(f, subnet);
                if !reasons.is_empty() && !public.iter().any(|(p, _)| p.meta.id == subnet.meta.id) {
                    public.push((subnet, reasons));
                }
            }
            if public.is_empty() {
                continue;
            }
            let names: Vec<String> = public.iter().map(|(s, _)| format!("`{}`", s.meta.id)).collect();
            // Not publicly accessible: no public address, whatever the subnet's routes.
            let private = d.db.publicly_accessible.is_false();
            let finding = out.report_field(
                d.meta,
                &d.db.subnet_group,
                msg!("rds-in-public-subnet-contains", what = d.what, name = d.meta.id, group = group.meta.id, count = public.len(), names = names.join(", "), note = if private {
                        msg!("rds-in-public-subnet-not-public")
                    } else {
                        crate::i18n::Message::default()
                    }),
            );
            if private {
                finding.severity = Severity::Medium;
                finding.with_related(d.db.publicly_accessible.span, msg!("rds-in-public-subnet-publicly-accessible"));
            }
            for (subnet, reasons) in public {
                finding.with_related(subnet.meta.span, msg!("rds-in-public-subnet-message", subnet = subnet.meta.id));
                for (span, why) in reasons {
                    finding.with_related(span, why);
                }
            }
        }
    },
);
