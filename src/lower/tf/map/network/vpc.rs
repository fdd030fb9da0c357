//! VPCs, subnets, routing, gateways, network ACLs, flow logs and the other network pieces.

use super::{Props, arg, blocks, part, prim, reference, text};
use crate::lower::tf::TfResource;
use crate::lower::tf::map::{Joiner, Part, Primary};
use crate::model::{VKind, Val};

/// Route targets: Terraform argument, CloudFormation property.
const TARGETS: [(&str, &str); 10] = [
    ("gateway_id", "GatewayId"),
    ("egress_only_gateway_id", "EgressOnlyInternetGatewayId"),
    ("nat_gateway_id", "NatGatewayId"),
    ("instance_id", "InstanceId"),
    ("network_interface_id", "NetworkInterfaceId"),
    ("vpc_peering_connection_id", "VpcPeeringConnectionId"),
    ("transit_gateway_id", "TransitGatewayId"),
    ("vpc_endpoint_id", "VpcEndpointId"),
    ("carrier_gateway_id", "CarrierGatewayId"),
    ("core_network_arn", "CoreNetworkArn"),
];

pub(super) fn primary(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    let mut p = Props::new(a.span);
    match r.rtype.as_str() {
        "aws_vpc" | "aws_default_vpc" => vpc(r),
        "aws_subnet" => {
            p.copy_all(
                a,
                &[("vpc_id", "VpcId"), ("cidr_block", "CidrBlock"), ("map_public_ip_on_launch", "MapPublicIpOnLaunch")],
            );
            prim("AWS::EC2::Subnet", p)
        }
        "aws_vpc_ipv4_cidr_block_association" | "aws_vpc_ipv6_cidr_block_association" => {
            p.copy_all(
                a,
                &[
                    ("vpc_id", "VpcId"),
                    ("cidr_block", "CidrBlock"),
                    ("ipv6_cidr_block", "Ipv6CidrBlock"),
                    ("assign_generated_ipv6_cidr_block", "AmazonProvidedIpv6CidrBlock"),
                ],
            );
            prim("AWS::EC2::VPCCidrBlock", p)
        }
        "aws_route_table" => Some(route_table(r)),
        "aws_route" => {
            let mut p = route(a, "destination_cidr_block", "destination_ipv6_cidr_block", a.span);
            p.copy(a, "route_table_id", "RouteTableId");
            prim("AWS::EC2::Route", p)
        }
        "aws_route_table_association" => {
            // An association with a gateway (edge association) decides no subnet's routes.
            arg(a, "subnet_id")?;
            p.copy_all(a, &[("subnet_id", "SubnetId"), ("route_table_id", "RouteTableId")]);
            prim("AWS::EC2::SubnetRouteTableAssociation", p)
        }
        "aws_internet_gateway" => {
            let mut prim = Primary::new("AWS::EC2::InternetGateway", p.build());
            if let Some((k, v)) = arg(a, "vpc_id") {
                let mut at = Props::new(v.span);
                at.put("VpcId", k, v.clone()).put("InternetGatewayId", k, reference(&r.address, "id", v.span));
                prim.parts.push(part("/attachment".into(), "AWS::EC2::VPCGatewayAttachment", at, v.span));
            }
            Some(prim)
        }
        "aws_internet_gateway_attachment" => {
            p.copy_all(a, &[("vpc_id", "VpcId"), ("internet_gateway_id", "InternetGatewayId")]);
            prim("AWS::EC2::VPCGatewayAttachment", p)
        }
        "aws_egress_only_internet_gateway" => {
            p.copy(a, "vpc_id", "VpcId");
            prim("AWS::EC2::EgressOnlyInternetGateway", p)
        }
        "aws_nat_gateway" => {
            p.copy(a, "subnet_id", "SubnetId");
            prim("AWS::EC2::NatGateway", p)
        }
        "aws_eip" => {
            // CloudFormation associates an address with an interface only in an association.
            p.copy_all(a, &[("instance", "InstanceId"), ("network_interface", "NetworkInterfaceId")]);
            prim("AWS::EC2::EIP", p)
        }
        "aws_eip_association" => {
            p.copy_all(a, &[("instance_id", "InstanceId"), ("network_interface_id", "NetworkInterfaceId")]);
            prim("AWS::EC2::EIPAssociation", p)
        }
        "aws_network_acl" => Some(network_acl(r)),
        "aws_network_acl_rule" => {
            p.copy_all(
                a,
                &[
                    ("network_acl_id", "NetworkAclId"),
                    ("rule_number", "RuleNumber"),
                    ("rule_action", "RuleAction"),
                    ("egress", "Egress"),
                ],
            );
            acl_entry_body(a, &mut p);
            prim("AWS::EC2::NetworkAclEntry", p)
        }
        "aws_network_acl_association" => {
            p.copy_all(a, &[("subnet_id", "SubnetId"), ("network_acl_id", "NetworkAclId")]);
            prim("AWS::EC2::SubnetNetworkAclAssociation", p)
        }
        "aws_flow_log" => {
            for (tf, kind) in [
                ("vpc_id", "VPC"),
                ("subnet_id", "Subnet"),
                ("eni_id", "NetworkInterface"),
                ("transit_gateway_id", "TransitGateway"),
                ("transit_gateway_attachment_id", "TransitGatewayAttachment"),
            ] {
                if let Some((k, v)) = arg(a, tf) {
                    p.put("ResourceId", k, v.clone()).put("ResourceType", k, text(kind, k));
                    break;
                }
            }
            prim("AWS::EC2::FlowLog", p)
        }
        "aws_vpc_endpoint" => {
            p.copy(a, "vpc_id", "VpcId");
            prim("AWS::EC2::VPCEndpoint", p)
        }
        "aws_vpc_peering_connection" => {
            p.copy(a, "vpc_id", "VpcId");
            prim("AWS::EC2::VPCPeeringConnection", p)
        }
        "aws_ec2_transit_gateway" => prim("AWS::EC2::TransitGateway", p),
        "aws_ec2_transit_gateway_vpc_attachment" => {
            p.copy(a, "vpc_id", "VpcId");
            prim("AWS::EC2::TransitGatewayAttachment", p)
        }
        "aws_ec2_managed_prefix_list" => {
            if let Some((k, v)) = arg(a, "entry") {
                let entries = blocks(a, "entry")
                    .into_iter()
                    .map(|e| {
                        let mut ep = Props::new(e.span);
                        ep.copy(e, "cidr", "Cidr");
                        ep.build()
                    })
                    .collect();
                let list = if v.is_unknown() { v.clone() } else { Val::new(VKind::List(entries), v.span) };
                p.put("Entries", k, list);
            }
            prim("AWS::EC2::PrefixList", p)
        }
        _ => None,
    }
}

pub(super) fn attach(r: &TfResource, j: &mut Joiner<'_>) -> bool {
    match r.rtype.as_str() {
        "aws_main_route_table_association" => {
            if let (Some((_, vpc)), Some((_, table))) = (arg(&r.attrs, "vpc_id"), arg(&r.attrs, "route_table_id")) {
                let mut p = Props::new(r.span);
                p.put("RouteTableId", table.span, table.clone());
                unassociated(j, vpc, ROUTE_ASSOCIATIONS, "/main_route_table", r, p);
            }
            true
        }
        "aws_default_route_table" => {
            j.set_primary(&r.address, route_table(r));
            let owner = arg(&r.attrs, "default_route_table_id").and_then(|(_, v)| owner_vpc(v));
            // Another table made the main one takes its place.
            let replaced = |vpc: &Val| {
                j.resources().iter().any(|x| {
                    x.rtype == "aws_main_route_table_association"
                        && arg(&x.attrs, "vpc_id").is_some_and(|(_, v)| same_ref(v, vpc))
                })
            };
            if let Some(vpc) = owner.filter(|v| !replaced(v)) {
                let mut p = Props::new(r.span);
                p.put("RouteTableId", r.span, reference(&r.address, "id", r.span));
                unassociated(j, &vpc, ROUTE_ASSOCIATIONS, "/main_route_table", r, p);
            }
            true
        }
        "aws_default_network_acl" => {
            j.set_primary(&r.address, network_acl(r));
            if let Some(vpc) = arg(&r.attrs, "default_network_acl_id").and_then(|(_, v)| owner_vpc(v)) {
                let mut p = Props::new(r.span);
                p.put("NetworkAclId", r.span, reference(&r.address, "id", r.span));
                unassociated(j, &vpc, ACL_ASSOCIATIONS, "/default_network_acl", r, p);
            }
            true
        }
        _ => false,
    }
}

/// What associates a subnet with a route table: type, argument naming the subnet(s), and the
/// CloudFormation type of an association.
const ROUTE_ASSOCIATIONS: Associations =
    (&[("aws_route_table_association", "subnet_id")], "AWS::EC2::SubnetRouteTableAssociation");
/// The same for network ACLs.
const ACL_ASSOCIATIONS: Associations = (
    &[
        ("aws_network_acl_association", "subnet_id"),
        ("aws_network_acl", "subnet_ids"),
        ("aws_default_network_acl", "subnet_ids"),
    ],
    "AWS::EC2::SubnetNetworkAclAssociation",
);

type Associations = (&'static [(&'static str, &'static str)], &'static str);

/// Both references to the same resource.
fn same_ref(a: &Val, b: &Val) -> bool {
    matches!((&a.kind, &b.kind), (VKind::Ref(x), VKind::Ref(y)) if x.id == y.id)
}

/// The subnets of `vpc` (a reference) that no resource of `assoc` associates get the table
/// or ACL of `target` (`RouteTableId` or `NetworkAclId`), as an association part of the subnet
/// named `suffix`, written at `r`. When which subnets are associated cannot be decided, none
/// is given one (they stay undecided, as in CloudFormation).
fn unassociated(j: &mut Joiner<'_>, vpc: &Val, assoc: Associations, suffix: &str, r: &TfResource, target: Props) {
    if !matches!(vpc.kind, VKind::Ref(_)) {
        return;
    }
    let resources = j.resources();
    let mut explicit = Vec::new();
    for x in resources.iter().filter(|x| !x.data) {
        for (ty, key) in assoc.0 {
            if x.rtype != *ty || x.address == r.address {
                continue;
            }
            let Some((_, s)) = arg(&x.attrs, key) else { continue };
            let items = if matches!(s.kind, VKind::List(_)) { s.items() } else { vec![s] };
            for s in items {
                match &s.kind {
                    VKind::Ref(t) => explicit.push(t.id.as_str()),
                    _ => return,
                }
            }
        }
    }
    let target = target.build();
    for (i, s) in resources.iter().enumerate() {
        let in_vpc = arg(&s.attrs, "vpc_id").is_some_and(|(_, x)| same_ref(x, vpc));
        if s.rtype != "aws_subnet" || s.data || !in_vpc || explicit.contains(&s.address.as_str()) {
            continue;
        }
        let mut p = Props::new(r.span);
        p.put("SubnetId", r.span, reference(&s.address, "id", r.span));
        for (k, ks, val) in target.as_map().unwrap_or_default() {
            p.put(k, *ks, val.clone());
        }
        j.add_part(i, part(suffix.into(), assoc.1, p, r.span));
    }
}

/// A VPC, with the IPv6 block Amazon provides it when asked for one.
fn vpc(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    let mut p = Props::new(a.span);
    p.copy(a, "cidr_block", "CidrBlock");
    let mut prim = Primary::new("AWS::EC2::VPC", p.build());
    let generated = arg(a, "assign_generated_ipv6_cidr_block").filter(|(_, v)| v.as_bool() != Some(false));
    if let Some((k, v)) = generated.or_else(|| arg(a, "ipv6_cidr_block")) {
        let mut c = Props::new(v.span);
        c.put("VpcId", k, reference(&r.address, "id", v.span));
        c.copy(a, "ipv6_cidr_block", "Ipv6CidrBlock");
        if !c.has("Ipv6CidrBlock") {
            c.put("AmazonProvidedIpv6CidrBlock", k, v.clone());
        }
        prim.parts.push(part("/ipv6_cidr_block".into(), "AWS::EC2::VPCCidrBlock", c, v.span));
    }
    Some(prim)
}

/// A route table with its inline routes (`Routes`, which the lowering reads as routes of the
/// table).
fn route_table(r: &TfResource) -> Primary {
    let a = &r.attrs;
    let mut p = Props::new(a.span);
    match arg(a, "default_route_table_id") {
        Some((k, v)) => {
            if let Some(vpc) = owner_vpc(v) {
                p.put("VpcId", k, vpc);
            }
        }
        None => {
            p.copy(a, "vpc_id", "VpcId");
        }
    }
    if let Some((k, routes)) = arg(a, "route") {
        let items = routes.items().into_iter().filter(|x| matches!(x.kind, VKind::Map(_)));
        let list: Vec<Val> = items.map(|x| route(x, "cidr_block", "ipv6_cidr_block", x.span).build()).collect();
        p.put("Routes", k, Val::new(VKind::List(list), routes.span));
    }
    Primary::new("AWS::EC2::RouteTable", p.build())
}

/// The VPC whose default route table or network ACL `v` refers to
/// (`aws_vpc.main.default_route_table_id`).
fn owner_vpc(v: &Val) -> Option<Val> {
    match &v.kind {
        VKind::Ref(t) if t.id.starts_with("aws_vpc.") || t.id.contains(".aws_vpc.") => {
            Some(reference(&t.id, "id", v.span))
        }
        _ => None,
    }
}

/// A route's destination and target, from a `route` block or an `aws_route`.
fn route(a: &Val, cidr: &str, ipv6: &str, span: crate::source::Span) -> Props {
    let mut p = Props::new(span);
    p.copy_all(
        a,
        &[
            (cidr, "DestinationCidrBlock"),
            (ipv6, "DestinationIpv6CidrBlock"),
            ("destination_prefix_list_id", "DestinationPrefixListId"),
        ],
    );
    for (tf, cfn) in TARGETS {
        p.copy(a, tf, cfn);
    }
    p
}

/// A network ACL: its inline rules and subnet associations become parts.
fn network_acl(r: &TfResource) -> Primary {
    let a = &r.attrs;
    let mut p = Props::new(a.span);
    match arg(a, "default_network_acl_id") {
        Some((k, v)) => {
            if let Some(vpc) = owner_vpc(v) {
                p.put("VpcId", k, vpc);
            }
        }
        None => {
            p.copy(a, "vpc_id", "VpcId");
        }
    }
    let mut prim = Primary::new("AWS::EC2::NetworkAcl", p.build());
    for (key, egress) in [("ingress", false), ("egress", true)] {
        for (i, e) in blocks(a, key).into_iter().enumerate() {
            prim.parts.push(acl_entry(r, e, egress, format!("/{key}[{i}]")));
        }
    }
    if let Some((k, ids)) = arg(a, "subnet_ids") {
        let items: Vec<&Val> = match &ids.kind {
            VKind::List(l) => l.iter().collect(),
            _ => vec![ids],
        };
        for (i, s) in items.into_iter().enumerate() {
            let mut ap = Props::new(s.span);
            ap.put("SubnetId", k, s.clone()).put("NetworkAclId", k, reference(&r.address, "id", s.span));
            prim.parts.push(part(format!("/subnet_ids[{i}]"), "AWS::EC2::SubnetNetworkAclAssociation", ap, s.span));
        }
    }
    prim
}

/// An inline `ingress`/`egress` rule of a network ACL.
fn acl_entry(r: &TfResource, e: &Val, egress: bool, suffix: String) -> Part {
    let mut p = Props::new(e.span);
    p.put("NetworkAclId", e.span, reference(&r.address, "id", e.span))
        .put("Egress", e.span, Val::new(VKind::Bool(egress), e.span))
        .copy_all(e, &[("rule_no", "RuleNumber"), ("action", "RuleAction")]);
    acl_entry_body(e, &mut p);
    part(suffix, "AWS::EC2::NetworkAclEntry", p, e.span)
}

/// Protocol, addresses and ports of a network ACL rule. Ports mean nothing to a rule for
/// every protocol (`-1`), which CloudFormation writes without a `PortRange`.
fn acl_entry_body(e: &Val, p: &mut Props) {
    p.copy_all(e, &[("protocol", "Protocol"), ("cidr_block", "CidrBlock"), ("ipv6_cidr_block", "Ipv6CidrBlock")]);
    let all = arg(e, "protocol").and_then(|(_, v)| v.scalar_text()).is_some_and(|s| matches!(s.trim(), "-1" | "all"));
    let (from, to) = (arg(e, "from_port"), arg(e, "to_port"));
    if !all && (from.is_some() || to.is_some()) {
        let span = from.or(to).map(|(k, _)| k).unwrap_or(e.span);
        let mut range = Props::new(span);
        range.copy_all(e, &[("from_port", "From"), ("to_port", "To")]);
        p.put("PortRange", span, range.build());
    }
}
