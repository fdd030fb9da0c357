//! VPC networking: VPCs, subnets, routes, gateways, NACLs, security groups, flow logs.

use super::{Field, Link, ResMeta, Tri};
use crate::source::Span;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Vpc {
    pub meta: ResMeta,
    pub cidr: Field<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Subnet {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
    pub cidr: Field<String>,
    pub map_public_ip: Field<bool>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct RouteTable {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
}

/// What a route sends traffic to.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Route {
    pub meta: ResMeta,
    pub span: Span,
    pub route_table: Field<Link>,
    pub destination_ipv4: Field<String>,
    pub destination_ipv6: Field<String>,
    pub target: Field<RouteTarget>,
}

/// `AWS::EC2::SubnetRouteTableAssociation` / `AWS::EC2::SubnetNetworkAclAssociation`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SubnetAssociation {
    pub meta: ResMeta,
    pub subnet: Field<Link>,
    /// The route table or network ACL.
    pub target: Field<Link>,
}

/// `AWS::EC2::VPCGatewayAttachment`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct GatewayAttachment {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
    pub internet_gateway: Field<Link>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NatGateway {
    pub meta: ResMeta,
    pub subnet: Field<Link>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NetworkAcl {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
}

/// `AWS::EC2::NetworkAclEntry`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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

/// What a network ACL entry's protocol covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NaclProtocol {
    /// `-1`: every protocol and port.
    All,
    /// `6`.
    Tcp,
    /// `17`.
    Udp,
    /// Another protocol number (ICMP, ...).
    Other,
}

impl NetworkAclEntry {
    /// The protocol, when known. CloudFormation takes a number, written as a number or a
    /// string; names are accepted too.
    pub fn protocol_kind(&self) -> Option<NaclProtocol> {
        let p = self.protocol.get()?.trim().to_ascii_lowercase();
        Some(match p.as_str() {
            "-1" | "all" => NaclProtocol::All,
            "6" | "tcp" => NaclProtocol::Tcp,
            "17" | "udp" => NaclProtocol::Udp,
            _ => NaclProtocol::Other,
        })
    }

    /// Whether the entry applies to tcp `port`: `None` when that cannot be decided (unknown
    /// protocol, or tcp without a known `PortRange`).
    pub fn covers_tcp_port(&self, port: i64) -> Option<bool> {
        match self.protocol_kind()? {
            NaclProtocol::All => Some(true),
            NaclProtocol::Tcp => self.ports.get().map(|&(from, to)| from <= port && port <= to),
            NaclProtocol::Udp | NaclProtocol::Other => Some(false),
        }
    }

    /// An inbound entry (`Egress` absent or false), when known.
    pub fn is_ingress(&self) -> Option<bool> {
        match self.egress.value {
            Tri::Absent => Some(true),
            Tri::Known(e) => Some(!e),
            Tri::Unknown => None,
        }
    }

    /// `RuleAction` is `allow` / `deny`, when known.
    pub fn action_is(&self, action: &str) -> Option<bool> {
        self.action.get().map(|a| a.trim().eq_ignore_ascii_case(action))
    }
}

/// `AWS::EC2::FlowLog`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FlowLog {
    pub meta: ResMeta,
    /// `ResourceId` (or each of `ResourceIds`).
    pub resources: Vec<Field<Link>>,
    /// `VPC`, `Subnet`, `NetworkInterface`, ...
    pub resource_type: Field<String>,
}

/// `AWS::EC2::SecurityGroup` with its inline rules and the standalone
/// `AWS::EC2::SecurityGroupIngress`/`Egress` resources that target it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SecurityGroup {
    pub meta: ResMeta,
    pub description: Field<String>,
    pub vpc: Field<Link>,
    pub ingress: Vec<SgRule>,
    pub egress: Vec<SgRule>,
    /// Whether the group's egress rules are the ones listed in `egress`. When `false`, the
    /// group keeps the allow-all egress rule AWS gives every new VPC security group. Each
    /// frontend decides it by its language's meaning: CloudFormation keeps AWS's rule unless
    /// `SecurityGroupEgress` is given; a language that removes it when no egress is written
    /// sets `true` with an empty list.
    pub egress_declared: bool,
}

/// A security group rule.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
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

    /// The port range the rule opens, when known: `None` for protocols without ports (ICMP,
    /// other protocol numbers) and for undecidable values. All protocols, tcp/udp without
    /// ports, or a `-1` port mean every port.
    pub fn port_range(&self) -> Option<(i64, i64)> {
        let proto = self.protocol.get()?;
        if proto == "-1" {
            return Some((0, 65535));
        }
        if proto != "tcp" && proto != "udp" {
            return None;
        }
        match (&self.from_port.value, &self.to_port.value) {
            (Tri::Absent, Tri::Absent) => Some((0, 65535)),
            (Tri::Known(from), Tri::Known(to)) => {
                if *from == -1 || *to == -1 {
                    Some((0, 65535))
                } else {
                    Some((*from, *to))
                }
            }
            // One port given and the other not, or an undecidable port.
            _ => None,
        }
    }

    /// Opens every port (of every protocol, or of tcp/udp), when known.
    pub fn opens_all_ports(&self) -> bool {
        self.all_protocols() || self.port_range().is_some_and(|(from, to)| covers_all_ports(from, to))
    }

    /// The port range, when known, includes `port`.
    pub fn includes_port(&self, port: i64) -> bool {
        self.port_range().is_some_and(|(from, to)| from <= port && port <= to)
    }

    /// Where the ports are written (`FromPort`), or the rule itself.
    pub fn port_span(&self) -> Span {
        if self.from_port.is_absent() { self.span } else { self.from_port.span }
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

/// A port range that leaves no port out (port 0 is reserved, so `1-65535` counts too).
pub fn covers_all_ports(from: i64, to: i64) -> bool {
    from <= 1 && to >= 65535
}

/// `0.0.0.0/0` (the address part may be any spelling of zero, e.g. `0.0.0.0/0`, `0/0`).
pub fn is_world_v4(cidr: &str) -> bool {
    let c = cidr.trim();
    let Some((addr, len)) = c.split_once('/') else { return false };
    len.trim() == "0"
        && !addr.contains(':')
        && !addr.is_empty()
        && addr.split('.').all(|o| o.trim().parse::<u8>().is_ok())
}

/// `::/0` (any spelling with a zero prefix length).
pub fn is_world_v6(cidr: &str) -> bool {
    let c = cidr.trim();
    let Some((addr, len)) = c.split_once('/') else { return false };
    len.trim() == "0" && addr.contains(':')
}

/// A standalone security group rule for a group outside the template.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExternalSgRule {
    pub group: Field<Link>,
    pub rule: SgRule,
    pub egress: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn sp() -> Span {
        Span::default()
    }

    fn f<T>(v: Option<T>) -> Field<T> {
        match v {
            Some(v) => Field::known(v, sp()),
            None => Field::absent(sp()),
        }
    }

    fn rule(proto: &str, from: Option<i64>, to: Option<i64>, cidr: &str) -> SgRule {
        SgRule {
            span: sp(),
            standalone: None,
            protocol: f(Some(proto.to_string())),
            from_port: f(from),
            to_port: f(to),
            cidr_ipv4: f(Some(cidr.to_string())),
            cidr_ipv6: f(None),
            source_group: f(None),
            prefix_list: f(None),
            description: f(None),
        }
    }

    #[test]
    fn port_ranges() {
        assert_eq!(rule("tcp", Some(22), Some(22), "0.0.0.0/0").port_range(), Some((22, 22)));
        assert_eq!(rule("-1", Some(22), Some(22), "0.0.0.0/0").port_range(), Some((0, 65535)));
        assert_eq!(rule("tcp", None, None, "0.0.0.0/0").port_range(), Some((0, 65535)));
        assert_eq!(rule("udp", Some(-1), Some(-1), "0.0.0.0/0").port_range(), Some((0, 65535)));
        assert_eq!(rule("tcp", Some(22), None, "0.0.0.0/0").port_range(), None);
        assert_eq!(rule("icmp", Some(-1), Some(-1), "0.0.0.0/0").port_range(), None);
        assert_eq!(rule("50", None, None, "0.0.0.0/0").port_range(), None);
        let mut unknown = rule("tcp", Some(22), Some(22), "0.0.0.0/0");
        unknown.to_port.value = Tri::Unknown;
        assert_eq!(unknown.port_range(), None);
        unknown.protocol.value = Tri::Unknown;
        assert!(!unknown.opens_all_ports());
    }

    #[test]
    fn all_ports_and_inclusion() {
        assert!(rule("-1", None, None, "0.0.0.0/0").opens_all_ports());
        assert!(rule("tcp", Some(0), Some(65535), "0.0.0.0/0").opens_all_ports());
        assert!(rule("tcp", Some(1), Some(65535), "0.0.0.0/0").opens_all_ports());
        assert!(!rule("tcp", Some(1024), Some(65535), "0.0.0.0/0").opens_all_ports());
        assert!(rule("tcp", Some(20), Some(25), "0.0.0.0/0").includes_port(22));
        assert!(!rule("tcp", Some(23), Some(25), "0.0.0.0/0").includes_port(22));
        assert!(!rule("icmp", Some(-1), Some(-1), "0.0.0.0/0").includes_port(22));
    }

    #[test]
    fn world_cidrs() {
        assert!(is_world_v4("0.0.0.0/0"));
        assert!(is_world_v4(" 0.0.0.0/0 "));
        assert!(!is_world_v4("10.0.0.0/8"));
        assert!(!is_world_v4("0.0.0.0/1"));
        assert!(!is_world_v4("0.0.0.0/00x"));
        assert!(!is_world_v4("::/0"));
        assert!(is_world_v6("::/0"));
        assert!(is_world_v6("0::0/0"));
        assert!(!is_world_v6("2001:db8::/32"));
        assert!(!is_world_v6("0.0.0.0/0"));
        let r = rule("tcp", Some(22), Some(22), "0.0.0.0/0");
        assert_eq!(r.world_cidr().and_then(Field::get).map(String::as_str), Some("0.0.0.0/0"));
        let mut r6 = rule("tcp", Some(22), Some(22), "10.0.0.0/8");
        assert!(r6.world_cidr().is_none());
        r6.cidr_ipv6 = f(Some("::/0".to_string()));
        assert_eq!(r6.world_cidr().and_then(Field::get).map(String::as_str), Some("::/0"));
    }

    fn entry(proto: &str, ports: Option<(i64, i64)>) -> NetworkAclEntry {
        let meta = ResMeta {
            id: "E".into(),
            kind: "AWS::EC2::NetworkAclEntry".into(),
            model_kind: crate::model::kind::EC2_NETWORK_ACL_ENTRY,
            span: sp(),
            props_span: sp(),
            tags: None,
        };
        NetworkAclEntry {
            meta,
            acl: f(None),
            rule_number: f(Some(100)),
            protocol: f(Some(proto.to_string())),
            action: f(Some("allow".into())),
            egress: f(None),
            cidr_ipv4: f(Some("0.0.0.0/0".into())),
            cidr_ipv6: f(None),
            ports: f(ports),
        }
    }

    #[test]
    fn nacl_ports() {
        assert_eq!(entry("-1", None).covers_tcp_port(22), Some(true));
        assert_eq!(entry("6", Some((0, 1024))).covers_tcp_port(22), Some(true));
        assert_eq!(entry("tcp", Some((80, 80))).covers_tcp_port(22), Some(false));
        assert_eq!(entry("6", None).covers_tcp_port(22), None);
        assert_eq!(entry("17", Some((0, 65535))).covers_tcp_port(22), Some(false));
        assert_eq!(entry("1", None).covers_tcp_port(22), Some(false));
        assert_eq!(entry("-1", None).is_ingress(), Some(true));
        assert_eq!(entry("-1", None).action_is("ALLOW"), Some(true));
    }
}
