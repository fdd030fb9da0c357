//! VPC networking: VPCs, subnets, routes, gateways, NACLs, security groups, flow logs.

use super::{Field, Link, ResMeta};
use crate::source::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Vpc {
    pub meta: ResMeta,
    pub cidr: Field<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subnet {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
    pub cidr: Field<String>,
    pub map_public_ip: Field<bool>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RouteTable {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
}

/// What a route sends traffic to.
#[derive(Debug, Clone, PartialEq)]
pub enum RouteTarget {
    /// `GatewayId` (an internet gateway or a virtual private gateway).
    Gateway(Link),
    EgressOnlyGateway(Link),
    NatGateway(Link),
    Instance(Link),
    NetworkInterface(Link),
    PeeringConnection(Link),
    TransitGateway(Link),
    VpcEndpoint(Link),
    Other,
}

/// `AWS::EC2::Route` (or an inline route).
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub meta: ResMeta,
    pub span: Span,
    pub route_table: Field<Link>,
    pub destination_ipv4: Field<String>,
    pub destination_ipv6: Field<String>,
    pub target: Field<RouteTarget>,
}

/// `AWS::EC2::SubnetRouteTableAssociation` / `AWS::EC2::SubnetNetworkAclAssociation`.
#[derive(Debug, Clone, PartialEq)]
pub struct SubnetAssociation {
    pub meta: ResMeta,
    pub subnet: Field<Link>,
    /// The route table or network ACL.
    pub target: Field<Link>,
}

/// `AWS::EC2::VPCGatewayAttachment`.
#[derive(Debug, Clone, PartialEq)]
pub struct GatewayAttachment {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
    pub internet_gateway: Field<Link>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NatGateway {
    pub meta: ResMeta,
    pub subnet: Field<Link>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NetworkAcl {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
}

/// `AWS::EC2::NetworkAclEntry`.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkAclEntry {
    pub meta: ResMeta,
    pub acl: Field<Link>,
    pub rule_number: Field<i64>,
    /// Protocol number as text (`-1` all, `6` tcp, `17` udp).
    pub protocol: Field<String>,
    /// `allow` or `deny`.
    pub action: Field<String>,
    pub egress: Field<bool>,
    pub cidr_ipv4: Field<String>,
    pub cidr_ipv6: Field<String>,
    /// `PortRange` (from, to); absent means all ports.
    pub ports: Field<(i64, i64)>,
}

/// `AWS::EC2::FlowLog`.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLog {
    pub meta: ResMeta,
    /// `ResourceId` (or each of `ResourceIds`).
    pub resources: Vec<Field<Link>>,
    /// `VPC`, `Subnet`, `NetworkInterface`, ...
    pub resource_type: Field<String>,
}

/// `AWS::EC2::SecurityGroup` with its inline rules and the standalone
/// `AWS::EC2::SecurityGroupIngress`/`Egress` resources that target it.
#[derive(Debug, Clone, PartialEq)]
pub struct SecurityGroup {
    pub meta: ResMeta,
    pub description: Field<String>,
    pub vpc: Field<Link>,
    pub ingress: Vec<SgRule>,
    pub egress: Vec<SgRule>,
    /// `SecurityGroupEgress` was given (otherwise AWS adds allow-all egress).
    pub egress_declared: bool,
}

/// A security group rule.
#[derive(Debug, Clone, PartialEq)]
pub struct SgRule {
    /// The rule's own map (inline) or the standalone resource's properties.
    pub span: Span,
    /// The standalone resource that declared it, if not inline.
    pub standalone: Option<ResMeta>,
    /// Normalised protocol: `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6` or a number.
    pub protocol: Field<String>,
    pub from_port: Field<i64>,
    pub to_port: Field<i64>,
    pub cidr_ipv4: Field<String>,
    pub cidr_ipv6: Field<String>,
    pub source_group: Field<Link>,
    pub prefix_list: Field<String>,
    pub description: Field<String>,
}

impl SgRule {
    /// All protocols (`-1`), known.
    pub fn all_protocols(&self) -> bool {
        self.protocol.is(|p| p == "-1")
    }

    /// The port range the rule opens, when known. All protocols, or tcp/udp without ports,
    /// mean every port.
    pub fn port_range(&self) -> Option<(i64, i64)> {
        let proto = self.protocol.get()?;
        if proto == "-1" {
            return Some((0, 65535));
        }
        if proto != "tcp" && proto != "udp" {
            return None;
        }
        let from = self.from_port.get().copied();
        let to = self.to_port.get().copied();
        match (&self.from_port.value, &self.to_port.value) {
            (super::Tri::Absent, super::Tri::Absent) => Some((0, 65535)),
            _ => {
                let (from, to) = (from?, to?);
                if from == -1 || to == -1 { Some((0, 65535)) } else { Some((from, to)) }
            }
        }
    }

    /// Open to the whole internet (`0.0.0.0/0` or `::/0`): the CIDR that says so.
    pub fn world_cidr(&self) -> Option<&Field<String>> {
        if self.cidr_ipv4.is(|c| is_world_v4(c)) {
            Some(&self.cidr_ipv4)
        } else if self.cidr_ipv6.is(|c| is_world_v6(c)) {
            Some(&self.cidr_ipv6)
        } else {
            None
        }
    }
}

/// `0.0.0.0/0`.
pub fn is_world_v4(cidr: &str) -> bool {
    cidr.trim() == "0.0.0.0/0"
}

/// `::/0` (any spelling with a zero prefix length).
pub fn is_world_v6(cidr: &str) -> bool {
    let c = cidr.trim();
    c.ends_with("/0") && c.contains(':')
}

/// A standalone security group rule for a group outside the template.
#[derive(Debug, Clone, PartialEq)]
pub struct ExternalSgRule {
    pub group: Field<Link>,
    pub rule: SgRule,
    pub egress: bool,
}
