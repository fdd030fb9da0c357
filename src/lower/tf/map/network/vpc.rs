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
        "aws_route_table" | "aws_default_route_table" => {
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
            prim("AWS::EC2::RouteTable", p)
        }
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
            p.copy(a, "instance", "InstanceId");
            prim("AWS::EC2::EIP", p)
        }
        "aws_eip_association" => {
            p.copy(a, "instance_id", "InstanceId");
            prim("AWS::EC2::EIPAssociation", p)
        }
        "aws_network_acl" | "aws_default_network_acl" => Some(network_acl(r)),
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
            main_route_table(r, j);
            true
        }
        _ => false,
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

/// `aws_main_route_table_association`: the VPC's subnets without a route table association of
/// their own use this route table. They are given associations to it (`/main_route_table`);
/// when which subnets have their own cannot be decided, none is given one.
fn main_route_table(r: &TfResource, j: &mut Joiner<'_>) {
    let a = &r.attrs;
    let (Some((_, vpc)), Some((_, table))) = (arg(a, "vpc_id"), arg(a, "route_table_id")) else { return };
    let VKind::Ref(v) = &vpc.kind else { return };
    let resources = j.resources();
    let mut explicit = Vec::new();
    for x in resources.iter().filter(|x| x.rtype == "aws_route_table_association" && !x.data) {
        match arg(&x.attrs, "subnet_id") {
            Some((_, Val { kind: VKind::Ref(s), .. })) => explicit.push(s.id.as_str()),
            Some(_) => return,
            None => {}
        }
    }
    let subnets = resources.iter().enumerate().filter(|(_, s)| {
        s.rtype == "aws_subnet"
            && !s.data
            && !explicit.contains(&s.address.as_str())
            && matches!(arg(&s.attrs, "vpc_id"), Some((_, Val { kind: VKind::Ref(t), .. })) if t.id == v.id)
    });
    let found: Vec<(usize, String)> = subnets.map(|(i, s)| (i, s.address.clone())).collect();
    for (i, address) in found {
        let mut p = Props::new(r.span);
        p.put("SubnetId", r.span, reference(&address, "id", r.span)).put("RouteTableId", table.span, table.clone());
        j.add_part(i, part("/main_route_table".into(), "AWS::EC2::SubnetRouteTableAssociation", p, r.span));
    }
}
