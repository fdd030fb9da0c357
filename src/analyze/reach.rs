//! Network reachability: which resources and ports a packet from the internet can reach.
//!
//! "The internet" is an arbitrary address: one that no specific CIDR of the template singles
//! out. So only `/0` entries (`0.0.0.0/0`, `::/0`) of routes, network ACLs and security
//! groups match it; a narrower allow entry does not admit an arbitrary address, and a
//! narrower deny entry does not stop one.
//!
//! A resource port is exposed when every hop lets the packet through, for one of the
//! resource's subnets and one address family: a public address, a route back to an internet
//! gateway in the subnet's route table, the subnet's network ACL inbound (first matching
//! entry by number) and outbound for the return traffic (network ACLs are stateless; the
//! client's port is any ephemeral port), and a security group rule. Internet-facing load
//! balancers are the internet-facing hop for their targets, which are then checked from the
//! load balancer's subnets and security groups.
//!
//! Every decision is three-valued: a piece that cannot be resolved makes the verdict unknown,
//! never exposed; a piece that blocks makes it not exposed, whatever else is unknown.

use std::collections::{HashMap, HashSet};

use crate::i18n::Message;
use crate::model::*;
use crate::source::Span;
use crate::value::cidr::{self, IpNet};

/// Is a resource port reachable from the internet?
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Exposed,
    NotExposed,
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Exposed => "exposed",
            Verdict::NotExposed => "not exposed",
            Verdict::Unknown => "unknown",
        }
    }
}

/// What kind of hop a step of a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HopKind {
    PublicAddress,
    Route,
    NaclInbound,
    NaclOutbound,
    SecurityGroup,
    LoadBalancer,
    Placement,
}

impl HopKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HopKind::PublicAddress => "public-address",
            HopKind::Route => "route",
            HopKind::NaclInbound => "nacl-inbound",
            HopKind::NaclOutbound => "nacl-outbound",
            HopKind::SecurityGroup => "security-group",
            HopKind::LoadBalancer => "load-balancer",
            HopKind::Placement => "placement",
        }
    }
}

/// One step of a path: what it is, where it is written, what it says.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Hop {
    pub kind: HopKind,
    pub span: Span,
    pub text: Message,
}

fn hop(kind: HopKind, span: Span, text: impl Into<Message>) -> Hop {
    Hop { kind, span, text: text.into() }
}

/// What a resource is, for severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Database,
    Cache,
    Search,
    Compute,
    LoadBalancer,
    KubernetesApi,
    Function,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Database => "database",
            Category::Cache => "cache",
            Category::Search => "search",
            Category::Compute => "compute",
            Category::LoadBalancer => "load-balancer",
            Category::KubernetesApi => "kubernetes-api",
            Category::Function => "function",
        }
    }

    /// Holds data: a database, cache or search cluster.
    pub fn is_data(self) -> bool {
        matches!(self, Category::Database | Category::Cache | Category::Search)
    }
}

/// The verdict for one resource and port range.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Exposure {
    pub resource: ResMeta,
    pub category: Category,
    /// `tcp` or `udp`.
    pub protocol: &'static str,
    /// The port range; `None` when the resource's ports are not known (no listener and no
    /// security group rule tells them).
    pub ports: Option<(i64, i64)>,
    /// Application protocol when a listener says it (`HTTPS`, `TCP`, ...).
    pub app_protocol: Option<String>,
    pub verdict: Verdict,
    /// Exposed: every hop from the internet to the port. Otherwise: the hop that blocks or
    /// cannot be decided (first), then the hops that let the packet through before it.
    pub path: Vec<Hop>,
    /// The load balancer the packet goes through, for targets.
    pub via: Option<String>,
    /// Logical ids of the subnets the resource sits in.
    pub subnets: Vec<String>,
    /// Logical ids of the resource's security groups of the template.
    pub groups: Vec<String>,
}

impl Exposure {
    /// `tcp/22`, `tcp/1024-2048`, `tcp/*`.
    pub fn port_text(&self) -> String {
        match self.ports {
            Some((a, b)) if a == b => format!("{}/{a}", self.protocol),
            Some((a, b)) => format!("{}/{a}-{b}", self.protocol),
            None => format!("{}/*", self.protocol),
        }
    }

    /// Only web ports (80/443) or an HTTP(S) listener.
    pub fn is_web(&self) -> bool {
        let web_listener = self
            .app_protocol
            .as_deref()
            .is_some_and(|p| p.eq_ignore_ascii_case("http") || p.eq_ignore_ascii_case("https"));
        web_listener || matches!(self.ports, Some((80, 80)) | Some((443, 443)))
    }

    /// The range includes SSH (22) or RDP (3389).
    pub fn admin_ports(&self) -> Vec<&'static str> {
        let Some((a, b)) = self.ports else { return Vec::new() };
        [(22, "SSH (22)"), (3389, "RDP (3389)")]
            .into_iter()
            .filter(|(p, _)| self.protocol == "tcp" && a <= *p && *p <= b)
            .map(|(_, n)| n)
            .collect()
    }

    /// The path as one line: `public address ... → route ... → ...`.
    pub fn path_text(&self) -> Message {
        Message::join(&self.path.iter().map(|h| h.text.clone()).collect::<Vec<_>>(), " → ")
    }
}

/// The result of the analysis for one model.
#[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
pub struct Reachability {
    pub exposures: Vec<Exposure>,
}

// ---------------------------------------------------------------------------------------
// Three-valued decisions with their explanation.

#[derive(Debug, Clone, PartialEq)]
enum D {
    /// Passes, because of these hops.
    Yes(Vec<Hop>),
    /// Blocked here (the first hop; more when every alternative is blocked elsewhere).
    No(Vec<Hop>),
    /// Cannot be decided here.
    Unk(Hop),
}

impl D {
    fn yes(h: Hop) -> D {
        D::Yes(vec![h])
    }

    fn no(h: Hop) -> D {
        D::No(vec![h])
    }

    /// Both (in order): the first blocking piece wins, then the first undecided one.
    fn and(self, next: impl FnOnce() -> D) -> D {
        match self {
            D::No(h) => D::No(h),
            D::Yes(mut hs) => match next() {
                D::Yes(more) => {
                    hs.extend(more);
                    D::Yes(hs)
                }
                other => other,
            },
            D::Unk(h) => match next() {
                D::No(n) => D::No(n),
                _ => D::Unk(h),
            },
        }
    }

    fn rank(&self) -> u8 {
        match self {
            D::Yes(_) => 0,
            D::Unk(_) => 1,
            D::No(_) => 2,
        }
    }

    /// Either: the first passing alternative, else the first undecided, else the first block.
    fn or(alts: Vec<D>, none: Hop) -> D {
        if !alts.is_empty() && alts.iter().all(|a| matches!(a, D::No(_))) {
            let mut hops: Vec<Hop> = Vec::new();
            for a in alts {
                if let D::No(hs) = a {
                    for h in hs {
                        if !hops.contains(&h) {
                            hops.push(h);
                        }
                    }
                }
            }
            return D::No(hops);
        }
        alts.into_iter().min_by_key(D::rank).unwrap_or(D::no(none))
    }
}

// ---------------------------------------------------------------------------------------
// Addresses.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    V4,
    V6,
}

/// Where packets come from.
#[derive(Debug, Clone)]
enum Source<'m> {
    /// An arbitrary internet address.
    Internet(Family),
    /// A load balancer: its subnets' CIDRs (all known) and its security groups.
    LoadBalancer { nets: Vec<IpNet>, groups: Vec<&'m str>, name: &'m str },
}

fn link_name(l: &Link) -> &str {
    match l {
        Link::Local(s) | Link::External(s) => s,
    }
}

// ---------------------------------------------------------------------------------------
// The model, indexed.

struct Ctx<'m> {
    m: &'m Model,
    subnets: HashMap<&'m str, &'m Subnet>,
    route_assoc: HashMap<&'m str, Vec<&'m SubnetAssociation>>,
    route_assoc_unknown: bool,
    routes: HashMap<&'m Link, Vec<&'m Route>>,
    routes_unknown_table: bool,
    tables: HashMap<&'m str, &'m RouteTable>,
    igws: HashSet<&'m str>,
    igw_attached: HashSet<&'m str>,
    igw_attach_unknown: bool,
    acl_assoc: HashMap<&'m str, Vec<&'m SubnetAssociation>>,
    acl_assoc_unknown: bool,
    acls: HashMap<&'m str, &'m NetworkAcl>,
    vpcs: HashMap<&'m str, &'m Vpc>,
    entries: HashMap<&'m Link, Vec<&'m NetworkAclEntry>>,
    entries_unknown_acl: bool,
    groups: HashMap<&'m str, &'m SecurityGroup>,
    eips: HashMap<&'m str, &'m ElasticIp>,
    /// Elastic IPs by the logical id of the network interface they are associated with.
    interface_eips: HashMap<&'m str, &'m ElasticIp>,
    interfaces: HashMap<&'m str, &'m NetworkInterface>,
    launch_templates: HashMap<&'m str, &'m LaunchTemplate>,
    service_subnet_groups: HashMap<&'m str, &'m ServiceSubnetGroup>,
    /// DB subnet groups by logical id (the first of an id).
    db_subnet_groups: HashMap<&'m str, &'m DbSubnetGroup>,
    /// Standalone listeners by the logical id of their load balancer, in model order.
    listeners_by_lb: HashMap<&'m str, Vec<&'m Listener>>,
}

impl<'m> Ctx<'m> {
    fn new(m: &'m Model) -> Ctx<'m> {
        let mut c = Ctx {
            m,
            subnets: m.subnets.iter().map(|s| (s.meta.id.as_ref(), s)).collect(),
            route_assoc: HashMap::new(),
            route_assoc_unknown: false,
            routes: HashMap::new(),
            routes_unknown_table: false,
            tables: m.route_tables.iter().map(|t| (t.meta.id.as_ref(), t)).collect(),
            igws: m.internet_gateways.iter().map(|g| g.id.as_ref()).collect(),
            igw_attached: HashSet::new(),
            igw_attach_unknown: false,
            acl_assoc: HashMap::new(),
            acl_assoc_unknown: false,
            acls: m.network_acls.iter().map(|a| (a.meta.id.as_ref(), a)).collect(),
            vpcs: m.vpcs.iter().map(|v| (v.meta.id.as_ref(), v)).collect(),
            entries: HashMap::new(),
            entries_unknown_acl: false,
            groups: m.security_groups.iter().map(|g| (g.meta.id.as_ref(), g)).collect(),
            eips: HashMap::new(),
            interface_eips: HashMap::new(),
            interfaces: m.network_interfaces.iter().map(|n| (n.meta.id.as_ref(), n)).collect(),
            launch_templates: m.launch_templates.iter().map(|t| (t.meta.id.as_ref(), t)).collect(),
            service_subnet_groups: HashMap::new(),
            db_subnet_groups: HashMap::new(),
            listeners_by_lb: HashMap::new(),
        };
        for g in &m.db_subnet_groups {
            c.db_subnet_groups.entry(g.meta.id.as_ref()).or_insert(g);
        }
        for l in &m.listeners {
            if let Some(lb) = l.load_balancer.get().and_then(Link::local) {
                c.listeners_by_lb.entry(lb).or_default().push(l);
            }
        }
        for a in &m.subnet_route_tables {
            match a.subnet.get() {
                Some(Link::Local(s)) => c.route_assoc.entry(s.as_str()).or_default().push(a),
                Some(Link::External(_)) => {}
                None => c.route_assoc_unknown = true,
            }
        }
        for r in &m.routes {
            match r.route_table.get() {
                Some(t) => c.routes.entry(t).or_default().push(r),
                None => c.routes_unknown_table = true,
            }
        }
        for a in &m.gateway_attachments {
            match a.internet_gateway.get() {
                Some(Link::Local(g)) => {
                    c.igw_attached.insert(g.as_str());
                }
                Some(Link::External(_)) => {}
                None => c.igw_attach_unknown = true,
            }
        }
        for a in &m.subnet_network_acls {
            match a.subnet.get() {
                Some(Link::Local(s)) => c.acl_assoc.entry(s.as_str()).or_default().push(a),
                Some(Link::External(_)) => {}
                None => c.acl_assoc_unknown = true,
            }
        }
        for e in &m.network_acl_entries {
            match e.acl.get() {
                Some(l) => c.entries.entry(l).or_default().push(e),
                None => c.entries_unknown_acl = true,
            }
        }
        for e in &m.elastic_ips {
            if let Some(Link::Local(i)) = e.instance.get() {
                c.eips.insert(i.as_str(), e);
            }
            if let Some(Link::Local(n)) = e.network_interface.get() {
                c.interface_eips.insert(n.as_str(), e);
            }
        }
        for g in &m.service_subnet_groups {
            c.service_subnet_groups.insert(g.meta.id.as_ref(), g);
            if let Some(n) = g.name.get() {
                c.service_subnet_groups.insert(n.as_str(), g);
            }
        }
        c
    }

    // -- routes ---------------------------------------------------------------------------

    /// The subnet's route table sends replies to an arbitrary internet address of `fam`
    /// through an internet gateway.
    fn route(&self, subnet: &Subnet, fam: Family) -> D {
        let id = subnet.meta.id.as_ref();
        let assocs = self.route_assoc.get(id).map(Vec::as_slice).unwrap_or_default();
        let Some(assoc) = assocs.first() else {
            return self.main_route_table(subnet);
        };
        let Some(table) = assoc.target.get() else {
            return D::Unk(hop(HopKind::Route, assoc.target.span, msg!("reach-route-table-undecided", subnet = id)));
        };
        if let Link::External(t) = table {
            return D::Unk(hop(HopKind::Route, assoc.target.span, msg!("reach-route-table-outside", table = t)));
        }
        let tname = link_name(table);
        fn world(r: &Route, fam: Family) -> &Field<String> {
            match fam {
                Family::V4 => &r.destination_ipv4,
                Family::V6 => &r.destination_ipv6,
            }
        }
        let is_world = |c: &str| match fam {
            Family::V4 => is_world_v4(c),
            Family::V6 => is_world_v6(c),
        };
        let mut outcome: Option<D> = None;
        for r in self.routes.get(table).map(Vec::as_slice).unwrap_or_default() {
            let dest = world(r, fam);
            let Some(d) = dest.get() else {
                if dest.is_unknown() && outcome.is_none() {
                    outcome = Some(D::Unk(hop(
                        HopKind::Route,
                        dest.span,
                        msg!("reach-route-destination-undecided", table = tname),
                    )));
                }
                continue;
            };
            if !is_world(d) {
                continue;
            }
            let d = self.route_target(r, tname, d);
            if matches!(d, D::Yes(_)) || outcome.as_ref().is_none_or(|o| d.rank() < o.rank()) {
                outcome = Some(d);
            }
        }
        if let Some(o @ D::Yes(_)) = outcome {
            return o;
        }
        if self.routes_unknown_table {
            return D::Unk(hop(HopKind::Route, assoc.meta.span, msg!("reach-route-unknown-table")));
        }
        let dest = if fam == Family::V4 { "0.0.0.0/0" } else { "::/0" };
        outcome.unwrap_or_else(|| {
            let span = self.tables.get(tname).map(|t| t.meta.span).unwrap_or(assoc.meta.span);
            D::no(hop(HopKind::Route, span, msg!("reach-route-no-igw", table = tname, dest = dest)))
        })
    }

    /// Every route of the subnet's associated route tables that sends an arbitrary internet
    /// address (`0.0.0.0/0` or `::/0`) to an internet gateway, with its table.
    /// A subnet without an explicit route table association uses its VPC's main route table.
    /// A template cannot add routes to the main table of a VPC it creates (Terraform's
    /// `aws_main_route_table_association` and `aws_default_route_table` become explicit
    /// associations when they are lowered), so that table has only the local route unless it
    /// is changed outside the template. Undecided when the VPC is not the template's (an
    /// existing VPC's main table, a default VPC's among them, may route to the internet), or
    /// when routes of the template go to a table it does not declare, which may be the main one.
    fn main_route_table(&self, subnet: &Subnet) -> D {
        let id = subnet.meta.id.as_ref();
        let own_vpc = match subnet.vpc.get() {
            Some(Link::Local(v)) => self.vpcs.contains_key(v.as_str()),
            _ => false,
        };
        let foreign_routes = self.routes_unknown_table
            || self.routes.keys().any(|t| !matches!(t, Link::Local(l) if self.tables.contains_key(l.as_str())));
        if !own_vpc {
            return D::Unk(hop(HopKind::Route, subnet.meta.span, msg!("reach-main-table-foreign-vpc", subnet = id)));
        }
        if self.route_assoc_unknown {
            return D::Unk(hop(HopKind::Route, subnet.meta.span, msg!("reach-main-table-assoc-unknown", subnet = id)));
        }
        if foreign_routes {
            return D::Unk(hop(HopKind::Route, subnet.meta.span, msg!("reach-main-table-foreign-routes", subnet = id)));
        }
        D::no(hop(HopKind::Route, subnet.meta.span, msg!("reach-main-table-local", subnet = id)))
    }

    fn internet_gateway_routes(&self, subnet: &Subnet) -> Vec<(&'m Route, &'m Link)> {
        let mut out = Vec::new();
        for a in self.route_assoc.get(subnet.meta.id.as_ref()).map(Vec::as_slice).unwrap_or_default() {
            let Some(table) = a.target.get() else { continue };
            for r in self.routes.get(table).map(Vec::as_slice).unwrap_or_default() {
                let dest = if r.destination_ipv4.is(|c| is_world_v4(c)) {
                    &r.destination_ipv4
                } else if r.destination_ipv6.is(|c| is_world_v6(c)) {
                    &r.destination_ipv6
                } else {
                    continue;
                };
                let d = dest.get().map(String::as_str).unwrap_or_default();
                if matches!(self.route_target(r, link_name(table), d), D::Yes(_)) {
                    out.push((*r, table));
                }
            }
        }
        out
    }

    fn route_target(&self, r: &Route, table: &str, dest: &str) -> D {
        let at = r.target.span;
        let Some(t) = r.target.get() else {
            return D::Unk(hop(HopKind::Route, at, msg!("reach-route-target-undecided", dest = dest, table = table)));
        };
        // "route 0.0.0.0/0 in `Table` goes to internet gateway `Igw`", with what follows.
        let via = |id: &'static str, l: &Link| -> Message {
            Message::template(
                id,
                vec![
                    ("dest", Message::from(dest)),
                    ("table", Message::from(table)),
                    ("target", Message::from(link_name(l))),
                ],
            )
        };
        match t {
            RouteTarget::Gateway(l @ Link::Local(g)) => {
                if !self.igws.contains(g.as_str()) {
                    D::no(hop(HopKind::Route, at, via("reach-route-gateway-not-igw", l)))
                } else if !self.igw_attached.contains(g.as_str()) && !self.igw_attach_unknown {
                    D::no(hop(HopKind::Route, at, via("reach-route-igw-detached", l)))
                } else {
                    D::yes(hop(HopKind::Route, at, via("reach-route-igw", l)))
                }
            }
            RouteTarget::Gateway(l @ Link::External(g)) => {
                if g.starts_with("igw-") {
                    D::yes(hop(HopKind::Route, at, via("reach-route-igw", l)))
                } else if g.starts_with("vgw-") || g == "local" {
                    D::no(hop(HopKind::Route, at, via("reach-route-gateway-not-igw", l)))
                } else {
                    D::Unk(hop(HopKind::Route, at, via("reach-route-gateway-maybe-igw", l)))
                }
            }
            RouteTarget::EgressOnlyGateway(l) => D::no(hop(HopKind::Route, at, via("reach-route-egress-only", l))),
            RouteTarget::NatGateway(l) => D::no(hop(HopKind::Route, at, via("reach-route-nat", l))),
            RouteTarget::PeeringConnection(l) => D::no(hop(HopKind::Route, at, via("reach-route-peering", l))),
            RouteTarget::TransitGateway(l) => D::no(hop(HopKind::Route, at, via("reach-route-transit", l))),
            RouteTarget::VpcEndpoint(l) => D::no(hop(HopKind::Route, at, via("reach-route-endpoint", l))),
            RouteTarget::Instance(l) | RouteTarget::NetworkInterface(l) => {
                D::no(hop(HopKind::Route, at, via("reach-route-instance", l)))
            }
            RouteTarget::Other => {
                D::Unk(hop(HopKind::Route, at, msg!("reach-route-unknown-target", dest = dest, table = table)))
            }
        }
    }

    // -- network ACLs ---------------------------------------------------------------------

    /// The entries of the subnet's network ACL, or an undecided hop. The default ACL of a
    /// VPC of the template allows everything (rule 100), plus the entries the template adds
    /// to it (`!GetAtt Vpc.DefaultNetworkAcl`).
    fn acl(&self, subnet: &Subnet) -> Result<Acl<'m>, Hop> {
        let id = subnet.meta.id.as_ref();
        let assocs = self.acl_assoc.get(id).map(Vec::as_slice).unwrap_or_default();
        if self.entries_unknown_acl {
            return Err(hop(HopKind::NaclInbound, subnet.meta.span, msg!("reach-nacl-entry-unknown-acl")));
        }
        match assocs.first() {
            Some(a) => {
                let Some(l) = a.target.get() else {
                    return Err(hop(HopKind::NaclInbound, a.target.span, msg!("reach-nacl-undecided", subnet = id)));
                };
                match l {
                    Link::External(x) => {
                        Err(hop(HopKind::NaclInbound, a.target.span, msg!("reach-nacl-outside", acl = x)))
                    }
                    Link::Local(x) => {
                        let span = self.acls.get(x.as_str()).map(|a| a.meta.span).unwrap_or(a.target.span);
                        Ok(Acl { name: msg!("reach-nacl", acl = x), span, default: false, entries: self.entries_of(l) })
                    }
                }
            }
            None if self.acl_assoc_unknown => {
                Err(hop(HopKind::NaclInbound, subnet.meta.span, msg!("reach-nacl-assoc-unknown")))
            }
            None => match subnet.vpc.get() {
                Some(l @ Link::Local(v)) if self.vpcs.contains_key(v.as_str()) => Ok(Acl {
                    name: msg!("reach-nacl-default", vpc = v),
                    span: self.vpcs.get(v.as_str()).map_or(subnet.meta.span, |x| x.meta.span),
                    default: true,
                    entries: self.entries_of(l),
                }),
                _ => Err(hop(HopKind::NaclInbound, subnet.vpc.span, msg!("reach-nacl-default-outside", subnet = id))),
            },
        }
    }

    fn entries_of(&self, l: &Link) -> Vec<&'m NetworkAclEntry> {
        self.entries.get(l).cloned().unwrap_or_default()
    }

    fn sg(&self, id: &str) -> Option<&'m SecurityGroup> {
        self.groups.get(id).copied()
    }
}

struct Acl<'m> {
    /// "network ACL `X`", "the default network ACL of `Vpc`".
    name: Message,
    span: Span,
    default: bool,
    entries: Vec<&'m NetworkAclEntry>,
}

/// Does a CIDR field match the source? Yes/no/undecided.
fn cidr_matches(v4: &Field<String>, v6: &Field<String>, src: &Source<'_>) -> Option<bool> {
    match src {
        Source::Internet(Family::V4) => match &v4.value {
            Tri::Known(c) => Some(is_world_v4(c)),
            Tri::Absent => Some(false),
            Tri::Unknown => None,
        },
        Source::Internet(Family::V6) => match &v6.value {
            Tri::Known(c) => Some(is_world_v6(c)),
            Tri::Absent => Some(false),
            Tri::Unknown => None,
        },
        Source::LoadBalancer { nets, .. } => {
            // Each subnet block is matched against the rule's block of its own family.
            let mut each = Vec::with_capacity(nets.len());
            for s in nets {
                let field = if matches!(s, IpNet::V4(_)) { v4 } else { v6 };
                each.push(match &field.value {
                    Tri::Known(c) => {
                        let n = cidr::parse(c)?;
                        if cidr::contains(&n, s) {
                            Some(true)
                        } else if cidr::overlaps(&n, s) {
                            None
                        } else {
                            Some(false)
                        }
                    }
                    Tri::Absent => Some(false),
                    Tri::Unknown => None,
                });
            }
            if each.iter().all(|m| *m == Some(true)) {
                Some(true)
            } else if each.iter().all(|m| *m == Some(false)) {
                Some(false)
            } else {
                None
            }
        }
    }
}

fn source_text(src: &Source<'_>) -> Message {
    match src {
        Source::Internet(Family::V4) => msg!("reach-source-internet", cidr = "0.0.0.0/0"),
        Source::Internet(Family::V6) => msg!("reach-source-internet", cidr = "::/0"),
        Source::LoadBalancer { name, .. } => msg!("reach-source-lb", lb = name),
    }
}

/// First-match evaluation of a network ACL for one packet.
fn acl_decide(acl: &Acl<'_>, egress: bool, proto: &str, port: i64, src: &Source<'_>) -> D {
    let kind = if egress { HopKind::NaclOutbound } else { HopKind::NaclInbound };
    let (all_traffic, entry_id) = if egress {
        ("reach-nacl-all-outbound", "reach-nacl-outbound-entry")
    } else {
        ("reach-nacl-all-inbound", "reach-nacl-inbound-entry")
    };
    let allows_all = || Message::template(all_traffic, vec![("acl", acl.name.clone())]);
    let mut list: Vec<&NetworkAclEntry> = Vec::new();
    for e in &acl.entries {
        match e.is_ingress() {
            Some(i) if i == egress => continue,
            Some(_) => {}
            None => {
                return D::Unk(hop(kind, e.egress.span, msg!("reach-nacl-direction-undecided", entry = e.meta.id)));
            }
        }
        if e.rule_number.get().is_none() {
            return D::Unk(hop(kind, e.rule_number.span, msg!("reach-nacl-number-undecided", entry = e.meta.id)));
        }
        list.push(e);
    }
    list.sort_by_key(|e| e.rule_number.get().copied().unwrap_or_default());
    let default_at = 100;
    let default_done = !acl.default;
    for e in list {
        let n = e.rule_number.get().copied().unwrap_or_default();
        if !default_done && n > default_at {
            return D::yes(hop(kind, acl.span, allows_all()));
        }
        let proto_match = match e.protocol_kind() {
            Some(NaclProtocol::All) => Some(true),
            Some(NaclProtocol::Tcp) if proto == "tcp" => e.ports.get().map(|&(a, b)| a <= port && port <= b),
            Some(NaclProtocol::Udp) if proto == "udp" => e.ports.get().map(|&(a, b)| a <= port && port <= b),
            Some(_) => Some(false),
            None => None,
        };
        let m = match (proto_match, cidr_matches(&e.cidr_ipv4, &e.cidr_ipv6, src)) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), Some(true)) => Some(true),
            _ => None,
        };
        let what = Message::template(
            entry_id,
            vec![("entry", Message::from(&*e.meta.id)), ("n", Message::from(n.to_string())), ("acl", acl.name.clone())],
        );
        match m {
            Some(false) => continue,
            None => return D::Unk(hop(kind, e.meta.span, msg!("reach-nacl-match-undecided", entry = what))),
            Some(true) => {
                let traffic = match e.protocol_kind() {
                    Some(NaclProtocol::All) => msg!("reach-all-traffic"),
                    _ => match e.ports.get() {
                        Some(&(a, b)) if a != b => Message::from(format!("{proto}/{a}-{b}")),
                        _ => Message::from(format!("{proto}/{port}")),
                    },
                };
                return match e.action_is("allow") {
                    Some(true) => {
                        D::yes(hop(kind, e.meta.span, msg!("reach-nacl-allows", entry = what, traffic = traffic)))
                    }
                    Some(false) => {
                        D::no(hop(kind, e.meta.span, msg!("reach-nacl-denies", entry = what, traffic = traffic)))
                    }
                    None => D::Unk(hop(kind, e.action.span, msg!("reach-nacl-action-undecided", entry = what))),
                };
            }
        }
    }
    if !default_done {
        return D::yes(hop(kind, acl.span, allows_all()));
    }
    let id = if egress { "reach-nacl-no-outbound-match" } else { "reach-nacl-no-inbound-match" };
    D::no(hop(
        kind,
        acl.span,
        Message::template(
            id,
            vec![
                ("acl", acl.name.clone()),
                ("traffic", Message::from(format!("{proto}/{port}"))),
                ("source", source_text(src)),
            ],
        ),
    ))
}

/// The return traffic: some ephemeral client port (1024-65535) is allowed outbound.
fn acl_return(acl: &Acl<'_>, proto: &str, src: &Source<'_>) -> D {
    let mut candidates: Vec<i64> = vec![1024, 65535];
    for e in &acl.entries {
        if let Some(&(a, b)) = e.ports.get() {
            for p in [a.saturating_sub(1), a, b, b.saturating_add(1)] {
                if (1024..=65535).contains(&p) {
                    candidates.push(p);
                }
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    let alts: Vec<D> = candidates.into_iter().map(|p| acl_decide(acl, true, proto, p, src)).collect();
    let none = hop(HopKind::NaclOutbound, acl.span, msg!("reach-nacl-no-outbound"));
    match D::or(alts, none) {
        D::Yes(mut hs) => {
            if let Some(h) = hs.first_mut() {
                h.text = msg!("reach-return-traffic", hop = h.text);
            }
            D::Yes(hs)
        }
        D::No(_) => D::no(hop(
            HopKind::NaclOutbound,
            acl.span,
            msg!("reach-nacl-no-return", acl = acl.name, proto = proto, source = source_text(src)),
        )),
        u => u,
    }
}

// ---------------------------------------------------------------------------------------
// Security groups.

/// The groups of a resource.
#[derive(Debug, Clone)]
enum Groups<'m> {
    /// A list of groups (possibly with undecidable items).
    List(&'m Field<Vec<Field<Link>>>),
    /// No security group filters the traffic (a network load balancer without groups).
    None(Span, Message),
    /// The VPC's default group: it admits only its own members.
    Default(Span, Message),
    Unknown(Span, Message),
}

fn sg_decide(c: &Ctx<'_>, groups: &Groups<'_>, proto: &str, port: i64, src: &Source<'_>) -> D {
    let k = HopKind::SecurityGroup;
    let list = match groups {
        Groups::None(s, t) => return D::yes(hop(k, *s, t.clone())),
        Groups::Default(s, t) => return D::no(hop(k, *s, t.clone())),
        Groups::Unknown(s, t) => return D::Unk(hop(k, *s, t.clone())),
        Groups::List(f) => f,
    };
    let Some(items) = list.get() else {
        return D::Unk(hop(k, list.span, msg!("reach-sgs-undecided")));
    };
    let mut undecided: Option<Hop> = None;
    let mut names = Vec::new();
    for g in items {
        let Some(l) = g.get() else {
            undecided.get_or_insert(hop(k, g.span, msg!("reach-sg-undecided")));
            continue;
        };
        names.push(format!("`{}`", link_name(l)));
        let sg = match l {
            Link::Local(id) => match c.sg(id) {
                Some(sg) => sg,
                // `!GetAtt Vpc.DefaultSecurityGroup`, or another resource: no rule of the
                // template admits anything through it.
                None => continue,
            },
            Link::External(x) => {
                undecided.get_or_insert(hop(k, g.span, msg!("reach-sg-outside", group = x)));
                continue;
            }
        };
        for r in &sg.ingress {
            match rule_admits(r, proto, port, src) {
                Some(true) => {
                    let by = match &r.standalone {
                        Some(s) => msg!("reach-sg-rule", rule = s.id, group = sg.meta.id),
                        None => msg!("reach-sg", group = sg.meta.id),
                    };
                    return D::yes(hop(
                        k,
                        r.span,
                        msg!(
                            "reach-sg-allows",
                            by = by,
                            traffic = rule_traffic(r, proto, port),
                            source = source_text(src)
                        ),
                    ));
                }
                Some(false) => {}
                None => {
                    undecided.get_or_insert(hop(
                        k,
                        r.span,
                        msg!("reach-sg-rule-undecided", group = sg.meta.id, traffic = format!("{proto}/{port}")),
                    ));
                }
            }
        }
    }
    if let Some(h) = undecided {
        return D::Unk(h);
    }
    let traffic = format!("{proto}/{port}");
    let text = if names.is_empty() {
        msg!("reach-no-sg-allows", traffic = traffic, source = source_text(src))
    } else {
        msg!("reach-sgs-allow-none", groups = names.join(", "), traffic = traffic, source = source_text(src))
    };
    D::no(hop(k, list.span, text))
}

/// Does the rule admit this packet? `None` when undecidable.
/// What a security group rule that admits `proto`/`port` lets in, as a path says it: all
/// traffic for protocol `-1`, else the rule's port range.
fn rule_traffic(r: &SgRule, proto: &str, port: i64) -> Message {
    if r.all_protocols() {
        return msg!("reach-all-traffic");
    }
    match r.port_range() {
        Some((0, 65535)) => msg!("reach-all-ports", proto = proto.to_uppercase()),
        Some((a, b)) if a != b => Message::from(format!("{proto}/{a}-{b}")),
        _ => Message::from(format!("{proto}/{port}")),
    }
}

fn rule_admits(r: &SgRule, proto: &str, port: i64, src: &Source<'_>) -> Option<bool> {
    let proto_ok = match r.protocol.get() {
        None => None,
        Some(p) if p == "-1" => Some(true),
        Some(p) if p == proto => r.port_range().map(|(a, b)| a <= port && port <= b),
        Some(_) => Some(false),
    };
    // The source matches when one of its parts does (CIDR, source group, prefix list).
    let cidr = cidr_matches(&r.cidr_ipv4, &r.cidr_ipv6, src);
    let group = match (&r.source_group.value, src) {
        (Tri::Known(Link::Local(g)), Source::LoadBalancer { groups, .. }) => Some(groups.contains(&g.as_str())),
        (Tri::Unknown, Source::LoadBalancer { .. }) => None,
        _ => Some(false),
    };
    // A prefix list's entries are not known here: an arbitrary address may be in it.
    let prefix = if matches!(src, Source::Internet(_)) && !r.prefix_list.is_absent() { None } else { Some(false) };
    let parts = [cidr, group, prefix];
    let src_ok = if parts.contains(&Some(true)) {
        Some(true)
    } else if parts.contains(&None) {
        None
    } else {
        Some(false)
    };
    match (proto_ok, src_ok) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Resources.

/// Where a resource sits and how it gets a public address there.
struct Placement<'m> {
    subnet: Result<&'m Subnet, Hop>,
    /// Public address for IPv4 in this subnet.
    public: D,
    /// The network interface the resource is reached through, when it is one of its own.
    interface: Option<Hop>,
}

enum Ports {
    Known(Vec<(&'static str, i64, Option<String>, Option<Hop>)>),
    /// From the security groups' rules open to the internet.
    FromGroups,
}

struct Endpoint<'m> {
    meta: &'m ResMeta,
    category: Category,
    placements: Vec<Placement<'m>>,
    /// Placement cannot be decided at all (no subnet known).
    unplaced: Option<D>,
    groups: Groups<'m>,
    ports: Ports,
}

fn subnet_of<'m>(c: &Ctx<'m>, f: &Field<Link>) -> Result<&'m Subnet, Hop> {
    match f.get() {
        Some(Link::Local(id)) => c
            .subnets
            .get(id.as_str())
            .copied()
            .ok_or_else(|| hop(HopKind::Placement, f.span, msg!("reach-not-a-subnet", id = id))),
        Some(Link::External(x)) => Err(hop(HopKind::Placement, f.span, msg!("reach-subnet-outside", subnet = x))),
        None if f.is_absent() => {
            Err(hop(HopKind::Placement, f.span, msg!("reach-no-subnet-is-given-the-resource-goes")))
        }
        None => Err(hop(HopKind::Placement, f.span, msg!("reach-the-subnet-cannot-be-decided"))),
    }
}

fn subnets_of<'m>(c: &Ctx<'m>, f: &Field<Vec<Field<Link>>>) -> Result<Vec<Result<&'m Subnet, Hop>>, Hop> {
    match f.get() {
        Some(items) => Ok(items.iter().map(|l| subnet_of(c, l)).collect()),
        None if f.is_absent() => {
            Err(hop(HopKind::Placement, f.span, msg!("reach-no-subnets-are-given-the-resource-goes")))
        }
        None => Err(hop(HopKind::Placement, f.span, msg!("reach-the-subnets-cannot-be-decided"))),
    }
}

/// The subnet's `MapPublicIpOnLaunch`.
fn map_public(s: &Subnet) -> D {
    let f = &s.map_public_ip;
    let id = &s.meta.id;
    match f.value {
        Tri::Known(true) => D::yes(hop(HopKind::PublicAddress, f.span, msg!("reach-subnet-public-ip", subnet = id))),
        Tri::Known(false) | Tri::Absent => D::no(hop(
            HopKind::PublicAddress,
            if f.is_absent() { s.meta.span } else { f.span },
            msg!("reach-subnet-no-public-ip", subnet = id),
        )),
        Tri::Unknown => {
            D::Unk(hop(HopKind::PublicAddress, f.span, msg!("reach-subnet-public-ip-undecided", subnet = id)))
        }
    }
}

/// Public address of an instance (or of instances launched from a template) in `subnet`.
fn instance_public(c: &Ctx<'_>, id: &str, nic: Option<&NetworkInterfaceSpec>, subnet: &Result<&Subnet, Hop>) -> D {
    if let Some(e) = c.eips.get(id) {
        return D::yes(hop(
            HopKind::PublicAddress,
            e.meta.span,
            msg!("reach-eip-attached", eip = e.meta.id, target = id),
        ));
    }
    if let Some(n) = nic {
        let f = &n.associate_public_ip;
        match f.value {
            Tri::Known(true) => {
                return D::yes(hop(HopKind::PublicAddress, f.span, msg!("reach-associatepublicipaddress-is-true")));
            }
            Tri::Known(false) => {
                return D::no(hop(
                    HopKind::PublicAddress,
                    f.span,
                    msg!("reach-no-public-ip-associatepublicipaddress-is-false"),
                ));
            }
            Tri::Unknown => {
                return D::Unk(hop(
                    HopKind::PublicAddress,
                    f.span,
                    msg!("reach-associatepublicipaddress-cannot-be-decided"),
                ));
            }
            Tri::Absent => {}
        }
    }
    match subnet {
        Ok(s) => map_public(s),
        Err(h) => D::Unk(h.clone()),
    }
}

fn primary_nic(f: &Field<Vec<NetworkInterfaceSpec>>) -> Option<&NetworkInterfaceSpec> {
    let nics = f.get()?;
    nics.iter().find(|n| n.device_index.is(|&d| d == 0)).or(nics.first())
}

fn groups_or_default<'m>(f: &'m Field<Vec<Field<Link>>>, meta: &ResMeta, what: Message) -> Groups<'m> {
    if f.is_absent() {
        Groups::Default(meta.span, msg!("reach-default-sg", id = meta.id, what = what))
    } else {
        Groups::List(f)
    }
}

/// An instance whose primary interface is a network interface of its own, attached by id: the
/// instance sits in the interface's subnet behind the interface's groups (`GroupSet`; none
/// named: the VPC's default group). An existing interface gets no public address from its
/// subnet: only an elastic IP on the instance or the interface gives it one (or the entry's
/// `AssociatePublicIpAddress`, which AWS refuses for an existing interface; taken as asked).
fn through_interface<'m>(c: &Ctx<'m>, i: &'m Ec2Instance, n: &'m NetworkInterfaceSpec) -> Endpoint<'m> {
    let f = &n.network_interface;
    let eni = match f.get() {
        Some(Link::Local(id)) => c
            .interfaces
            .get(id.as_str())
            .copied()
            .ok_or_else(|| hop(HopKind::Placement, f.span, msg!("reach-not-an-eni", id = id))),
        Some(Link::External(x)) => Err(hop(HopKind::Placement, f.span, msg!("reach-eni-outside", eni = x))),
        None => Err(hop(HopKind::Placement, f.span, msg!("reach-the-network-interface-cannot-be-decided"))),
    };
    let eni = match eni {
        Ok(eni) => eni,
        Err(h) => {
            let public = instance_public(c, &i.meta.id, Some(n), &Err(h.clone()));
            return Endpoint {
                meta: &i.meta,
                category: Category::Compute,
                placements: vec![Placement { subnet: Err(h.clone()), public, interface: None }],
                unplaced: None,
                groups: Groups::Unknown(h.span, h.text),
                ports: Ports::FromGroups,
            };
        }
    };
    let subnet = subnet_of(c, &eni.subnet);
    let id = &eni.meta.id;
    let public = if let Some(e) = c.eips.get(i.meta.id.as_ref()) {
        D::yes(hop(
            HopKind::PublicAddress,
            e.meta.span,
            msg!("reach-eip-attached", eip = e.meta.id, target = i.meta.id),
        ))
    } else if let Some(e) = c.interface_eips.get(id.as_ref()) {
        D::yes(hop(HopKind::PublicAddress, e.meta.span, msg!("reach-eip-eni", eip = e.meta.id, eni = id)))
    } else {
        let a = &n.associate_public_ip;
        match a.value {
            Tri::Known(true) => {
                D::yes(hop(HopKind::PublicAddress, a.span, msg!("reach-associatepublicipaddress-is-true")))
            }
            Tri::Unknown => {
                D::Unk(hop(HopKind::PublicAddress, a.span, msg!("reach-associatepublicipaddress-cannot-be-decided")))
            }
            Tri::Known(false) | Tri::Absent => {
                D::no(hop(HopKind::PublicAddress, eni.meta.span, msg!("reach-eni-no-public-ip", eni = id)))
            }
        }
    };
    let interface = subnet
        .as_ref()
        .ok()
        .map(|s| hop(HopKind::Placement, f.span, msg!("reach-through-eni", eni = id, subnet = s.meta.id)));
    Endpoint {
        meta: &i.meta,
        category: Category::Compute,
        placements: vec![Placement { subnet, public, interface }],
        unplaced: None,
        groups: groups_or_default(&eni.security_groups, &eni.meta, msg!("reach-what-interface")),
        ports: Ports::FromGroups,
    }
}

fn endpoints<'m>(c: &Ctx<'m>) -> Vec<Endpoint<'m>> {
    let m = c.m;
    let mut out = Vec::new();
    for i in &m.instances {
        let lt = i.launch_template.get().and_then(Link::local).and_then(|t| c.launch_templates.get(t)).copied();
        let nic = primary_nic(&i.network_interfaces).or_else(|| lt.and_then(|t| primary_nic(&t.network_interfaces)));
        if let Some(n) = nic.filter(|n| !n.network_interface.is_absent()) {
            out.push(through_interface(c, i, n));
            continue;
        }
        let subnet_f = nic.filter(|n| !n.subnet.is_absent()).map(|n| &n.subnet).unwrap_or(&i.subnet);
        let subnet = subnet_of(c, subnet_f);
        let public = instance_public(c, &i.meta.id, nic, &subnet);
        let groups_f = nic
            .map(|n| &n.security_groups)
            .filter(|g| !g.is_absent())
            .or_else(|| Some(&i.security_groups).filter(|g| !g.is_absent()))
            .or_else(|| lt.map(|t| &t.security_groups))
            .unwrap_or(&i.security_groups);
        out.push(Endpoint {
            meta: &i.meta,
            category: Category::Compute,
            placements: vec![Placement { subnet, public, interface: None }],
            unplaced: None,
            groups: groups_or_default(groups_f, &i.meta, msg!("reach-what-instance")),
            ports: Ports::FromGroups,
        });
    }
    for g in &m.autoscaling_groups {
        let lt = g.launch_template.get().and_then(Link::local).and_then(|t| c.launch_templates.get(t)).copied();
        let Some(lt) = lt else {
            let span = g.launch_template.span;
            out.push(Endpoint {
                meta: &g.meta,
                category: Category::Compute,
                placements: Vec::new(),
                unplaced: Some(D::Unk(hop(
                    HopKind::Placement,
                    span,
                    msg!("reach-the-instances-launch-template-is-not-in"),
                ))),
                groups: Groups::Unknown(span, msg!("reach-the-instances-launch-template-is-not-in")),
                ports: Ports::FromGroups,
            });
            continue;
        };
        let nic = primary_nic(&lt.network_interfaces);
        let groups_f = nic.map(|n| &n.security_groups).filter(|g| !g.is_absent()).unwrap_or(&lt.security_groups);
        let (placements, unplaced) = match subnets_of(c, &g.subnets) {
            Ok(list) => (
                list.into_iter()
                    .map(|s| {
                        let public = instance_public(c, &g.meta.id, nic, &s);
                        Placement { subnet: s, public, interface: None }
                    })
                    .collect(),
                None,
            ),
            Err(h) => (Vec::new(), Some(D::Unk(h))),
        };
        out.push(Endpoint {
            meta: &g.meta,
            category: Category::Compute,
            placements,
            unplaced,
            groups: groups_or_default(groups_f, &lt.meta, msg!("reach-what-each-instance")),
            ports: Ports::FromGroups,
        });
    }
    db_endpoints(c, &mut out);
    for s in &m.data_services {
        out.push(data_service(c, s));
    }
    for lb in &m.load_balancers {
        out.push(load_balancer(c, lb));
    }
    out
}

/// Engine default ports.
fn engine_port(engine: &str) -> Option<i64> {
    let e = engine.to_ascii_lowercase();
    Some(match e.as_str() {
        e if e.contains("postgres") => 5432,
        e if e.starts_with("aurora") || e.contains("mysql") || e.contains("mariadb") => 3306,
        e if e.starts_with("oracle") => 1521,
        e if e.starts_with("sqlserver") => 1433,
        e if e.starts_with("db2") => 50000,
        "redis" | "valkey" => 6379,
        "memcached" => 11211,
        "redshift" => 5439,
        _ => return None,
    })
}

fn db_endpoints<'m>(c: &Ctx<'m>, out: &mut Vec<Endpoint<'m>>) {
    let m = c.m;
    let clusters: HashMap<&str, &DbCluster> = m.db_clusters.iter().map(|d| (d.meta.id.as_ref(), d)).collect();
    let mut with_members: HashSet<&str> = HashSet::new();
    let mut items: Vec<(&'m ResMeta, &'m DbCommon, Option<&'m DbCommon>)> = Vec::new();
    for i in &m.db_instances {
        let cluster = i.cluster.get().and_then(Link::local).and_then(|id| clusters.get(id)).copied();
        if let Some(cl) = cluster {
            with_members.insert(cl.meta.id.as_ref());
        }
        items.push((&i.meta, &i.db, cluster.map(|c| &c.db)));
    }
    for cl in &m.db_clusters {
        if !with_members.contains(cl.meta.id.as_ref()) && !cl.db.publicly_accessible.is_absent() {
            items.push((&cl.meta, &cl.db, None));
        }
    }
    for (meta, db, cluster) in items {
        let pick = |f: fn(&DbCommon) -> bool| if f(db) { Some(db) } else { cluster.filter(|c| f(c)) };
        let group_of = pick(|d| !d.subnet_group.is_absent()).unwrap_or(db);
        let sgs_of = pick(|d| !d.security_groups.is_absent()).unwrap_or(db);
        let port_of = pick(|d| !d.port.is_absent()).unwrap_or(db);
        let engine = pick(|d| !d.engine.is_absent()).unwrap_or(db);
        let pa = &db.publicly_accessible;
        let public = match pa.value {
            Tri::Known(true) => D::yes(hop(HopKind::PublicAddress, pa.span, msg!("reach-publiclyaccessible-is-true"))),
            Tri::Known(false) => {
                D::no(hop(HopKind::PublicAddress, pa.span, msg!("reach-no-public-address-publiclyaccessible-is-false")))
            }
            Tri::Unknown => {
                D::Unk(hop(HopKind::PublicAddress, pa.span, msg!("reach-publiclyaccessible-cannot-be-decided")))
            }
            Tri::Absent if !group_of.subnet_group.is_absent() => D::no(hop(
                HopKind::PublicAddress,
                meta.span,
                msg!("reach-no-public-address-publiclyaccessible-is-not-set"),
            )),
            Tri::Absent => {
                D::Unk(hop(HopKind::PublicAddress, meta.span, msg!("reach-publiclyaccessible-is-not-set-and-there-is")))
            }
        };
        let group =
            group_of.subnet_group.get().and_then(Link::local).and_then(|id| c.db_subnet_groups.get(id).copied());
        let (placements, unplaced) = match group {
            Some(g) => match subnets_of(c, &g.subnets) {
                Ok(list) => (
                    list.into_iter()
                        .map(|s| Placement { subnet: s, public: public.clone(), interface: None })
                        .collect(),
                    None,
                ),
                Err(h) => (Vec::new(), Some(D::Unk(h))),
            },
            None => (
                Vec::new(),
                Some(public.clone().and(|| {
                    D::Unk(hop(
                        HopKind::Placement,
                        group_of.subnet_group.span,
                        msg!("reach-the-db-subnet-group-is-not-in"),
                    ))
                })),
            ),
        };
        let port = match (port_of.port.get(), engine.engine.get().and_then(|e| engine_port(e))) {
            (Some(&p), _) => Ports::Known(vec![(
                "tcp",
                p,
                None,
                Some(hop(HopKind::Placement, port_of.port.span, msg!("reach-port"))),
            )]),
            (None, Some(p)) => Ports::Known(vec![("tcp", p, None, None)]),
            (None, None) => Ports::FromGroups,
        };
        out.push(Endpoint {
            meta,
            category: Category::Database,
            placements,
            unplaced,
            groups: groups_or_default(&sgs_of.security_groups, meta, msg!("reach-what-database")),
            ports: port,
        });
    }
}

fn data_service<'m>(c: &Ctx<'m>, s: &'m DataService) -> Endpoint<'m> {
    let meta = &s.meta;
    let (category, public) = match s.kind {
        DataServiceKind::Cache => (
            Category::Cache,
            D::no(hop(HopKind::PublicAddress, meta.span, msg!("reach-elasticache-nodes-have-no-public-address"))),
        ),
        DataServiceKind::Warehouse => (
            Category::Database,
            match s.publicly_accessible.value {
                Tri::Known(true) => D::yes(hop(
                    HopKind::PublicAddress,
                    s.publicly_accessible.span,
                    msg!("reach-publiclyaccessible-is-true"),
                )),
                Tri::Unknown => D::Unk(hop(
                    HopKind::PublicAddress,
                    s.publicly_accessible.span,
                    msg!("reach-publiclyaccessible-cannot-be-decided"),
                )),
                _ => D::no(hop(
                    HopKind::PublicAddress,
                    if s.publicly_accessible.is_absent() { meta.span } else { s.publicly_accessible.span },
                    msg!("reach-no-public-address-publiclyaccessible-is-not-true"),
                )),
            },
        ),
        DataServiceKind::Search => (Category::Search, D::Yes(Vec::new())),
    };
    if s.kind == DataServiceKind::Search {
        // Outside a VPC, the domain has a public endpoint (HTTPS), guarded by its access
        // policy only; in a VPC, it has none.
        let (unplaced, groups) = match s.in_vpc.value {
            Tri::Absent => (
                Some(D::yes(hop(
                    HopKind::PublicAddress,
                    meta.span,
                    msg!("reach-the-domain-has-no-vpcoptions-its-endpoint"),
                ))),
                Groups::None(meta.span, msg!("reach-a-public-domain-endpoint-has-no-security")),
            ),
            Tri::Unknown => (
                Some(D::Unk(hop(HopKind::Placement, s.in_vpc.span, msg!("reach-vpcoptions-cannot-be-decided")))),
                Groups::List(&s.security_groups),
            ),
            Tri::Known(()) => (
                Some(D::no(hop(HopKind::PublicAddress, s.in_vpc.span, msg!("reach-a-domain-in-a-vpc-has-no")))),
                Groups::List(&s.security_groups),
            ),
        };
        return Endpoint {
            meta,
            category,
            placements: Vec::new(),
            unplaced,
            groups,
            ports: Ports::Known(vec![("tcp", 443, Some("HTTPS".into()), None)]),
        };
    }
    let group = s.subnet_group.get().and_then(|l| c.service_subnet_groups.get(link_name(l))).copied();
    let (placements, unplaced) = match group {
        Some(g) => match subnets_of(c, &g.subnets) {
            Ok(list) => (
                list.into_iter()
                    .map(|sub| Placement { subnet: sub, public: public.clone(), interface: None })
                    .collect(),
                None,
            ),
            Err(h) => (Vec::new(), Some(D::Unk(h))),
        },
        None => (
            Vec::new(),
            Some(public.and(|| {
                D::Unk(hop(HopKind::Placement, s.subnet_group.span, msg!("reach-the-subnet-group-is-not-in-the")))
            })),
        ),
    };
    let port = match (s.port.get(), s.engine.get().and_then(|e| engine_port(e))) {
        (Some(&p), _) => Ports::Known(vec![("tcp", p, None, None)]),
        (None, Some(p)) => Ports::Known(vec![("tcp", p, None, None)]),
        (None, None) => Ports::FromGroups,
    };
    Endpoint {
        meta,
        category,
        placements,
        unplaced,
        groups: groups_or_default(&s.security_groups, meta, msg!("reach-what-cluster")),
        ports: port,
    }
}

fn lb_scheme(lb: &LoadBalancer) -> D {
    let f = &lb.scheme;
    let id = &lb.meta.id;
    match &f.value {
        Tri::Absent => {
            D::yes(hop(HopKind::PublicAddress, lb.meta.span, msg!("reach-lb-internet-facing-default", id = id)))
        }
        Tri::Known(s) if s.eq_ignore_ascii_case("internet-facing") => {
            D::yes(hop(HopKind::PublicAddress, f.span, msg!("reach-lb-internet-facing", id = id)))
        }
        Tri::Known(s) if s.eq_ignore_ascii_case("internal") => {
            D::no(hop(HopKind::PublicAddress, f.span, msg!("reach-lb-internal", id = id)))
        }
        _ => D::Unk(hop(HopKind::PublicAddress, f.span, msg!("reach-lb-scheme-undecided", id = id))),
    }
}

fn lb_listeners<'m>(c: &Ctx<'m>, lb: &'m LoadBalancer) -> Vec<&'m Listener> {
    if !lb.listeners.is_empty() {
        return lb.listeners.iter().collect();
    }
    c.listeners_by_lb.get(lb.meta.id.as_ref()).cloned().unwrap_or_default()
}

fn transport(app: Option<&str>) -> &'static str {
    match app.map(str::to_ascii_uppercase).as_deref() {
        Some("UDP") => "udp",
        _ => "tcp",
    }
}

fn load_balancer<'m>(c: &Ctx<'m>, lb: &'m LoadBalancer) -> Endpoint<'m> {
    let public = lb_scheme(lb);
    let subnets_f = if lb.subnets.is_absent() { &lb.subnet_mappings } else { &lb.subnets };
    let (placements, unplaced) = match subnets_of(c, subnets_f) {
        Ok(list) => {
            (list.into_iter().map(|s| Placement { subnet: s, public: public.clone(), interface: None }).collect(), None)
        }
        Err(h) => (Vec::new(), Some(public.and(|| D::Unk(h)))),
    };
    let network = lb.flavour.get() == Some(&LbFlavour::Network);
    let classic = lb.flavour.get() == Some(&LbFlavour::Classic);
    let groups = if !lb.security_groups.is_absent() {
        Groups::List(&lb.security_groups)
    } else if network {
        Groups::None(lb.meta.span, msg!("reach-nlb-no-sg", id = lb.meta.id))
    } else if classic {
        Groups::Unknown(lb.meta.span, msg!("reach-lb-sg-outside", id = lb.meta.id))
    } else if lb.flavour.is_unknown() {
        Groups::Unknown(lb.meta.span, msg!("reach-the-load-balancer-type-cannot-be-decided"))
    } else {
        groups_or_default(&lb.security_groups, &lb.meta, msg!("reach-what-lb"))
    };
    let listeners = lb_listeners(c, lb);
    let ports = if listeners.is_empty() {
        Ports::Known(Vec::new())
    } else {
        Ports::Known(
            listeners
                .iter()
                .filter_map(|l| {
                    let p = *l.port.get()?;
                    let app = l.protocol.get().cloned();
                    let h = hop(
                        HopKind::LoadBalancer,
                        l.span,
                        match app.as_deref() {
                            Some(a) => msg!("reach-listener-protocol", protocol = a, port = p),
                            None => msg!("reach-listener", port = p),
                        },
                    );
                    Some((transport(app.as_deref()), p, app, Some(h)))
                })
                .collect(),
        )
    };
    Endpoint { meta: &lb.meta, category: Category::LoadBalancer, placements, unplaced, groups, ports }
}

// ---------------------------------------------------------------------------------------
// Evaluation.

/// Evaluates one packet (protocol, port, source) against an endpoint: OR over placements
/// and families of the AND of the hops.
fn decide(c: &Ctx<'_>, e: &Endpoint<'_>, proto: &str, port: i64, lb_src: Option<&Source<'_>>) -> D {
    let fallback = hop(HopKind::Placement, e.meta.span, msg!("reach-no-subnet-of-template", id = e.meta.id));
    let sg = |src: &Source<'_>| sg_decide(c, &e.groups, proto, port, src);
    if let Some(src) = lb_src {
        // From a load balancer inside the VPC: no public address or internet route needed.
        let mut alts = Vec::new();
        for p in &e.placements {
            alts.push(match &p.subnet {
                Err(h) => D::Unk(h.clone()),
                Ok(s) => match c.acl(s) {
                    Err(h) => D::Unk(h),
                    Ok(acl) => {
                        acl_decide(&acl, false, proto, port, src).and(|| acl_return(&acl, proto, src)).and(|| sg(src))
                    }
                },
            });
        }
        if let Some(u) = &e.unplaced {
            alts.push(u.clone().and(|| sg(src)));
        }
        return D::or(alts, fallback);
    }
    let mut alts = Vec::new();
    if let Some(u) = &e.unplaced {
        alts.push(u.clone().and(|| sg(&Source::Internet(Family::V4))));
    }
    for p in &e.placements {
        let s = match &p.subnet {
            Ok(s) => *s,
            Err(h) => {
                alts.push(p.public.clone().and(|| D::Unk(h.clone())));
                continue;
            }
        };
        for fam in [Family::V4, Family::V6] {
            let src = Source::Internet(fam);
            let address = match fam {
                Family::V4 => p.public.clone(),
                // IPv6 addresses are global; whether the resource has one is not modelled,
                // so a path over IPv6 is at best undecided.
                Family::V6 => D::Unk(hop(
                    HopKind::PublicAddress,
                    s.meta.span,
                    msg!("reach-ipv6-unknown", id = e.meta.id, subnet = s.meta.id),
                )),
            };
            let d = c.route(s, fam).and(|| address).and(|| match c.acl(s) {
                Err(h) => D::Unk(h),
                Ok(acl) => acl_decide(&acl, false, proto, port, &src).and(|| acl_return(&acl, proto, &src)),
            });
            let d = d.and(|| sg(&src));
            // Order the path as a packet travels: address, route, ACL in/out, group.
            let d = match d {
                D::Yes(mut hs) => {
                    hs.extend(p.interface.clone());
                    hs.sort_by_key(|h| order(h.kind));
                    D::Yes(hs)
                }
                o => o,
            };
            alts.push(d);
        }
    }
    D::or(alts, fallback)
}

fn order(k: HopKind) -> u8 {
    match k {
        HopKind::LoadBalancer => 0,
        HopKind::PublicAddress => 1,
        HopKind::Placement => 2,
        HopKind::Route => 3,
        HopKind::NaclInbound => 4,
        HopKind::NaclOutbound => 5,
        HopKind::SecurityGroup => 6,
    }
}

/// The ports where the decision may change inside `from..=to`: the bounds of NACL entries
/// and security group rules.
fn breakpoints(c: &Ctx<'_>, e: &Endpoint<'_>, from: i64, to: i64) -> Vec<i64> {
    let mut pts = vec![from];
    let mut add = |a: i64, b: i64| {
        for p in [a, b.saturating_add(1)] {
            if from < p && p <= to {
                pts.push(p);
            }
        }
    };
    for p in &e.placements {
        if let Ok(s) = &p.subnet
            && let Ok(acl) = c.acl(s)
        {
            for en in &acl.entries {
                if let Some(&(a, b)) = en.ports.get() {
                    add(a, b);
                }
            }
        }
    }
    if let Groups::List(f) = &e.groups {
        for g in f.get().map(Vec::as_slice).unwrap_or_default() {
            if let Some(sg) = g.get().and_then(Link::local).and_then(|id| c.sg(id)) {
                for r in &sg.ingress {
                    if let Some((a, b)) = r.port_range() {
                        add(a, b);
                    }
                }
            }
        }
    }
    pts.sort_unstable();
    pts.dedup();
    pts
}

/// The ports to look at for an endpoint whose ports come from its groups: the ranges of
/// ingress rules open to the internet (or undecidable), per protocol.
fn ports_from_groups(c: &Ctx<'_>, e: &Endpoint<'_>) -> Vec<(&'static str, i64, i64)> {
    let mut out = Vec::new();
    if let Groups::List(f) = &e.groups {
        for g in f.get().map(Vec::as_slice).unwrap_or_default() {
            let Some(sg) = g.get().and_then(Link::local).and_then(|id| c.sg(id)) else { continue };
            for r in &sg.ingress {
                let open = r.world_cidr().is_some() || r.cidr_ipv4.is_unknown() || !r.prefix_list.is_absent();
                if !open {
                    continue;
                }
                let protos: &[&'static str] = match r.protocol.get().map(String::as_str) {
                    Some("-1") => &["tcp", "udp"],
                    Some("tcp") => &["tcp"],
                    Some("udp") => &["udp"],
                    _ => &[],
                };
                if let Some((a, b)) = r.port_range() {
                    for p in protos {
                        out.push((*p, a.max(0), b.min(65535)));
                    }
                }
            }
        }
    }
    // Merge overlapping ranges per protocol.
    out.sort_unstable();
    let mut merged: Vec<(&'static str, i64, i64)> = Vec::new();
    for (p, a, b) in out {
        match merged.last_mut() {
            Some((lp, _, lb)) if *lp == p && a <= lb.saturating_add(1) => *lb = (*lb).max(b),
            _ => merged.push((p, a, b)),
        }
    }
    merged
}

fn group_ids(e: &Endpoint<'_>) -> Vec<String> {
    match &e.groups {
        Groups::List(f) => f
            .get()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|g| g.get().and_then(Link::local).map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// What the analysis says about a security group rule open to the internet.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleReach<'r> {
    /// These exposures go through the rule.
    Reachable(Vec<&'r Exposure>),
    /// Every resource of the group is unreachable on the rule's ports: the rows, with their
    /// blocking hops.
    Unreachable(Vec<&'r Exposure>),
}

/// The reachability of what an ingress rule of `group` (written at `rule_span`, opening
/// `ports`) lets in. `None` when no resource uses the group, or when some verdict is unknown.
pub fn rule_reach<'r>(
    reach: &'r Reachability,
    group: &str,
    rule_span: Span,
    ports: Option<(i64, i64)>,
) -> Option<RuleReach<'r>> {
    let rows = &reach.exposures;
    let through: Vec<&Exposure> = rows
        .iter()
        .filter(|e| {
            e.verdict == Verdict::Exposed
                && e.path.iter().any(|h| h.kind == HopKind::SecurityGroup && h.span == rule_span)
        })
        .collect();
    if !through.is_empty() {
        return Some(RuleReach::Reachable(through));
    }
    let overlaps = |e: &Exposure| match (e.ports, ports) {
        (Some((a, b)), Some((c, d))) => a <= d && c <= b,
        _ => true,
    };
    let users: Vec<&Exposure> =
        rows.iter().filter(|e| e.via.is_none() && e.groups.iter().any(|g| g == group) && overlaps(e)).collect();
    if users.is_empty() || users.iter().any(|e| e.verdict != Verdict::NotExposed) {
        return None;
    }
    Some(RuleReach::Unreachable(users))
}

fn subnet_ids(e: &Endpoint<'_>) -> Vec<String> {
    e.placements.iter().filter_map(|p| p.subnet.as_ref().ok().map(|s| s.meta.id.to_string())).collect()
}

fn verdict_of(d: D) -> (Verdict, Vec<Hop>) {
    match d {
        D::Yes(hs) => (Verdict::Exposed, hs),
        D::No(hs) => (Verdict::NotExposed, hs),
        D::Unk(h) => (Verdict::Unknown, vec![h]),
    }
}

/// Rows for one endpoint and a port range: split where the verdict or its path changes.
#[allow(clippy::too_many_arguments)]
fn rows(
    c: &Ctx<'_>,
    e: &Endpoint<'_>,
    proto: &'static str,
    from: i64,
    to: i64,
    app: Option<String>,
    extra: Option<&Hop>,
    out: &mut Vec<Exposure>,
) {
    let pts = breakpoints(c, e, from, to);
    let mut segs: Vec<(i64, i64, Verdict, Vec<Hop>)> = Vec::new();
    for (i, &a) in pts.iter().enumerate() {
        let b = pts.get(i + 1).map(|n| n - 1).unwrap_or(to);
        let (v, mut path) = verdict_of(decide(c, e, proto, a, None));
        if let Some(x) = extra.filter(|_| v == Verdict::Exposed) {
            path.insert(0, x.clone());
        }
        // Texts name the port; compare by kind and span.
        let key: Vec<(HopKind, Span)> = path.iter().map(|h| (h.kind, h.span)).collect();
        match segs.last_mut() {
            Some(last) if last.2 == v && last.3.iter().map(|h| (h.kind, h.span)).collect::<Vec<_>>() == key => {
                last.1 = b
            }
            _ => segs.push((a, b, v, path)),
        }
    }
    for (a, b, verdict, path) in segs {
        out.push(Exposure {
            resource: e.meta.clone(),
            category: e.category,
            protocol: proto,
            ports: Some((a, b)),
            app_protocol: app.clone(),
            verdict,
            path,
            via: None,
            subnets: subnet_ids(e),
            groups: group_ids(e),
        });
    }
}

/// The routes that make `subnet` public: each route of its associated route tables that
/// sends `0.0.0.0/0` or `::/0` to an internet gateway, with the table it belongs to.
pub fn internet_gateway_routes<'m>(m: &'m Model, subnet: &Subnet) -> Vec<(&'m Route, &'m Link)> {
    Ctx::new(m).internet_gateway_routes(subnet)
}

/// The model's network, indexed once, for questions asked per resource.
pub struct Network<'m>(Ctx<'m>);

impl<'m> Network<'m> {
    pub fn of(m: &'m Model) -> Network<'m> {
        Network(Ctx::new(m))
    }

    /// [`internet_gateway_routes`] of `subnet`.
    pub fn internet_gateway_routes(&self, subnet: &Subnet) -> Vec<(&'m Route, &'m Link)> {
        self.0.internet_gateway_routes(subnet)
    }
}

/// Runs the analysis.
pub fn analyze(m: &Model) -> Reachability {
    let c = Ctx::new(m);
    let eps = endpoints(&c);
    let mut out = Vec::new();
    for e in &eps {
        match &e.ports {
            Ports::Known(list) => {
                for (proto, p, app, h) in list {
                    rows(&c, e, proto, *p, *p, app.clone(), h.as_ref(), &mut out);
                }
            }
            Ports::FromGroups => {
                let ranges = ports_from_groups(&c, e);
                if ranges.is_empty() {
                    // No rule admits the internet (or the groups are not known): one row.
                    let (verdict, path) = verdict_of(decide(&c, e, "tcp", 0, None).and(|| match &e.groups {
                        Groups::List(f) if f.get().is_some() => D::no(hop(
                            HopKind::SecurityGroup,
                            f.span,
                            msg!("reach-no-security-group-rule-admits-the-internet"),
                        )),
                        _ => D::Yes(Vec::new()),
                    }));
                    let verdict = if verdict == Verdict::Exposed { Verdict::Unknown } else { verdict };
                    let mut path = path;
                    for h in
                        path.iter_mut().filter(|h| h.kind == HopKind::SecurityGroup && verdict == Verdict::NotExposed)
                    {
                        h.text = "no rule of the security groups admits the internet".into();
                    }
                    out.push(Exposure {
                        resource: e.meta.clone(),
                        category: e.category,
                        protocol: "tcp",
                        ports: None,
                        app_protocol: None,
                        verdict,
                        path,
                        via: None,
                        subnets: subnet_ids(e),
                        groups: group_ids(e),
                    });
                }
                for (proto, a, b) in ranges {
                    rows(&c, e, proto, a, b, None, None, &mut out);
                }
            }
        }
    }
    through_load_balancers(&c, &eps, &mut out);
    for f in &m.eks_clusters {
        out.push(eks(f));
    }
    for f in &m.lambda_functions {
        out.push(Exposure {
            resource: f.meta.clone(),
            category: Category::Function,
            protocol: "tcp",
            ports: None,
            app_protocol: None,
            verdict: Verdict::NotExposed,
            path: vec![hop(
                HopKind::Placement,
                f.meta.span,
                msg!("reach-a-lambda-function-accepts-no-inbound-connection"),
            )],
            via: None,
            subnets: f
                .subnets
                .get()
                .map(|l| l.iter().filter_map(|s| s.get().and_then(Link::local)).map(String::from).collect())
                .unwrap_or_default(),
            groups: Vec::new(),
        });
    }
    Reachability { exposures: out }
}

fn eks(f: &EksCluster) -> Exposure {
    let e = &f.endpoint_public;
    let d = match e.value {
        Tri::Known(false) => D::no(hop(HopKind::PublicAddress, e.span, msg!("reach-endpointpublicaccess-is-false"))),
        Tri::Unknown => {
            D::Unk(hop(HopKind::PublicAddress, e.span, msg!("reach-endpointpublicaccess-cannot-be-decided")))
        }
        _ => {
            let addr = if e.is_absent() {
                hop(HopKind::PublicAddress, f.meta.span, msg!("reach-the-api-server-endpoint-is-public-the"))
            } else {
                hop(HopKind::PublicAddress, e.span, msg!("reach-endpointpublicaccess-is-true"))
            };
            match f.public_access_cidrs.get() {
                None if f.public_access_cidrs.is_absent() => D::Yes(vec![
                    addr,
                    hop(HopKind::SecurityGroup, f.meta.span, msg!("reach-publicaccesscidrs-is-not-set-0-0-0")),
                ]),
                None => D::Unk(hop(
                    HopKind::SecurityGroup,
                    f.public_access_cidrs.span,
                    msg!("reach-publicaccesscidrs-cannot-be-decided"),
                )),
                Some(list) => {
                    if let Some(w) = list.iter().find(|c| c.is(|c| is_world_v4(c))) {
                        D::Yes(vec![
                            addr,
                            hop(HopKind::SecurityGroup, w.span, msg!("reach-publicaccesscidrs-includes-0-0-0-0-0")),
                        ])
                    } else if list.iter().any(|c| c.is_unknown()) {
                        D::Unk(hop(
                            HopKind::SecurityGroup,
                            f.public_access_cidrs.span,
                            msg!("reach-a-publicaccesscidrs-entry-cannot-be-decided"),
                        ))
                    } else {
                        D::no(hop(
                            HopKind::SecurityGroup,
                            f.public_access_cidrs.span,
                            msg!("reach-publicaccesscidrs-admits-only-specific-networks"),
                        ))
                    }
                }
            }
        }
    };
    let (verdict, path) = verdict_of(d);
    Exposure {
        resource: f.meta.clone(),
        category: Category::KubernetesApi,
        protocol: "tcp",
        ports: Some((443, 443)),
        app_protocol: Some("HTTPS".into()),
        verdict,
        path,
        via: None,
        subnets: Vec::new(),
        groups: Vec::new(),
    }
}

/// Targets behind load balancers: reached on the target port from the load balancer, when
/// the load balancer's listener is exposed.
fn through_load_balancers(c: &Ctx<'_>, eps: &[Endpoint<'_>], out: &mut Vec<Exposure>) {
    let m = c.m;
    let by_id: HashMap<&str, &Endpoint<'_>> = eps.iter().map(|e| (e.meta.id.as_ref(), e)).collect();
    let tgs: HashMap<&str, &TargetGroup> = m.target_groups.iter().map(|t| (t.meta.id.as_ref(), t)).collect();
    // Target group → auto scaling groups registering into it; classic LB → groups.
    let mut asg_by_tg: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut asg_by_lb: HashMap<&str, Vec<&str>> = HashMap::new();
    for g in &m.autoscaling_groups {
        for t in g.target_groups.get().map(Vec::as_slice).unwrap_or_default() {
            if let Some(id) = t.get().and_then(Link::local) {
                asg_by_tg.entry(id).or_default().push(g.meta.id.as_ref());
            }
        }
        for t in g.load_balancers.get().map(Vec::as_slice).unwrap_or_default() {
            if let Some(id) = t.get().and_then(Link::local) {
                asg_by_lb.entry(id).or_default().push(g.meta.id.as_ref());
            }
        }
    }
    let mut extra = Vec::new();
    for lb in &m.load_balancers {
        let lb_rows: Vec<&Exposure> = out.iter().filter(|x| x.resource.id == lb.meta.id && x.via.is_none()).collect();
        let Some(lb_ep) = by_id.get(lb.meta.id.as_ref()) else { continue };
        // Source: the load balancer's subnets (all CIDRs known) and groups.
        let mut nets = Vec::new();
        let mut nets_known = !lb_ep.placements.is_empty();
        for p in &lb_ep.placements {
            match p.subnet.as_ref().ok().and_then(|s| s.cidr.get()).and_then(|c| cidr::parse(c)) {
                Some(n) => nets.push(n),
                None => nets_known = false,
            }
        }
        let groups: Vec<&str> = match &lb_ep.groups {
            Groups::List(f) => {
                f.get().map(Vec::as_slice).unwrap_or_default().iter().filter_map(|g| g.get().map(link_name)).collect()
            }
            _ => Vec::new(),
        };
        let src = Source::LoadBalancer { nets, groups, name: &lb.meta.id };
        for l in lb_listeners(c, lb) {
            let Some(&lport) = l.port.get() else { continue };
            let Some(lrow) = lb_rows.iter().find(|x| x.ports.is_some_and(|(a, b)| a <= lport && lport <= b)) else {
                continue;
            };
            if lrow.verdict == Verdict::NotExposed {
                continue;
            }
            // (target endpoint, port)
            let mut targets: Vec<(&str, Option<i64>, Span)> = Vec::new();
            if lb.listeners.is_empty() {
                for t in &l.target_groups {
                    let Some(tg) = t.get().and_then(Link::local).and_then(|id| tgs.get(id)) else { continue };
                    if tg.target_type.get().is_some_and(|t| !t.eq_ignore_ascii_case("instance")) {
                        continue;
                    }
                    let tg_port = tg.port.get().copied();
                    for (id, port) in tg.targets.get().map(Vec::as_slice).unwrap_or_default() {
                        if let Some(id) = id.get().and_then(Link::local) {
                            targets.push((id, port.get().copied().or(tg_port), tg.meta.span));
                        }
                    }
                    for g in asg_by_tg.get(tg.meta.id.as_ref()).map(Vec::as_slice).unwrap_or_default() {
                        targets.push((g, tg_port, tg.meta.span));
                    }
                }
            } else {
                for i in lb.instances.get().map(Vec::as_slice).unwrap_or_default() {
                    if let Some(id) = i.get().and_then(Link::local) {
                        targets.push((id, l.instance_port.get().copied(), l.span));
                    }
                }
                for g in asg_by_lb.get(lb.meta.id.as_ref()).map(Vec::as_slice).unwrap_or_default() {
                    targets.push((g, l.instance_port.get().copied(), l.span));
                }
            }
            for (tid, tport, tspan) in targets {
                let Some(te) = by_id.get(tid) else { continue };
                let Some(tport) = tport else { continue };
                let lb_hop = hop(
                    HopKind::LoadBalancer,
                    tspan,
                    msg!("reach-lb-forwards", lb = lb.meta.id, traffic = lrow.port_text(), target = tid, port = tport),
                );
                let d = if nets_known {
                    decide(c, te, "tcp", tport, Some(&src))
                } else {
                    D::Unk(hop(HopKind::Placement, lb.meta.span, msg!("reach-lb-subnets-unknown", id = lb.meta.id)))
                };
                let (mut verdict, hops) = verdict_of(d);
                let mut path: Vec<Hop> = Vec::new();
                if lrow.verdict == Verdict::Unknown && verdict != Verdict::NotExposed {
                    verdict = Verdict::Unknown;
                    path.extend(lrow.path.iter().cloned());
                    path.push(lb_hop);
                    path.extend(hops);
                } else if verdict == Verdict::Exposed {
                    path.extend(lrow.path.iter().cloned());
                    path.push(lb_hop);
                    path.extend(hops);
                } else {
                    path.extend(hops);
                    path.push(lb_hop);
                }
                extra.push(Exposure {
                    resource: te.meta.clone(),
                    category: te.category,
                    protocol: "tcp",
                    ports: Some((tport, tport)),
                    app_protocol: lrow.app_protocol.clone(),
                    verdict,
                    path,
                    via: Some(lb.meta.id.to_string()),
                    subnets: subnet_ids(te),
                    groups: group_ids(te),
                });
            }
        }
    }
    out.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nets() {
        let net = |c: &str| cidr::parse(c).unwrap();
        let (v4, v6) = (Field::known("10.0.0.0/16".to_string(), Span::default()), Field::absent(Span::default()));
        let lb = |nets: &[&str]| Source::LoadBalancer {
            nets: nets.iter().map(|c| net(c)).collect(),
            groups: vec![],
            name: "lb",
        };
        assert_eq!(cidr_matches(&v4, &v6, &lb(&["10.0.1.0/24", "10.0.2.0/24"])), Some(true));
        assert_eq!(cidr_matches(&v4, &v6, &lb(&["10.1.0.0/24"])), Some(false));
        assert_eq!(cidr_matches(&v4, &v6, &lb(&["10.0.1.0/24", "10.1.0.0/24"])), None);
        assert_eq!(cidr_matches(&v4, &v6, &lb(&["10.0.0.0/8"])), None);
        // IPv6 subnet blocks match the rule's IPv6 block, never its IPv4 one.
        let v6k = Field::known("2001:db8::/32".to_string(), Span::default());
        assert_eq!(cidr_matches(&v4, &v6k, &lb(&["2001:db8:1::/64"])), Some(true));
        assert_eq!(cidr_matches(&v4, &v6, &lb(&["2001:db8:1::/64"])), Some(false));
        assert_eq!(cidr_matches(&v4, &v6k, &lb(&["2001:db9::/64"])), Some(false));
        assert_eq!(cidr_matches(&v4, &v6k, &lb(&["10.0.1.0/24", "2001:db8:1::/64"])), Some(true));
    }

    fn rule(proto: Tri<String>, ports: (i64, i64), cidr: Tri<String>, prefix: bool) -> SgRule {
        let sp = Span::default();
        let f = |v: Tri<String>| Field { value: v, span: sp, origin: None };
        SgRule {
            span: sp,
            standalone: None,
            protocol: f(proto),
            from_port: Field::known(ports.0, sp),
            to_port: Field::known(ports.1, sp),
            cidr_ipv4: f(cidr),
            cidr_ipv6: Field::absent(sp),
            source_group: Field::absent(sp),
            prefix_list: if prefix { Field::known("pl-1".into(), sp) } else { Field::absent(sp) },
            description: Field::absent(sp),
        }
    }

    #[test]
    fn security_group_rules_are_three_valued() {
        let k = |s: &str| Tri::Known(s.to_string());
        let net = Source::Internet(Family::V4);
        assert_eq!(rule_admits(&rule(k("tcp"), (22, 22), k("0.0.0.0/0"), false), "tcp", 22, &net), Some(true));
        assert_eq!(rule_admits(&rule(k("tcp"), (22, 22), k("0.0.0.0/0"), false), "tcp", 23, &net), Some(false));
        assert_eq!(rule_admits(&rule(k("-1"), (0, 0), k("0.0.0.0/0"), false), "udp", 53, &net), Some(true));
        // A specific CIDR does not admit an arbitrary address, whatever the protocol.
        assert_eq!(rule_admits(&rule(Tri::Unknown, (22, 22), k("10.0.0.0/8"), false), "tcp", 22, &net), Some(false));
        // Undecidable CIDR or a prefix list: unknown.
        assert_eq!(rule_admits(&rule(k("tcp"), (22, 22), Tri::Unknown, false), "tcp", 22, &net), None);
        assert_eq!(rule_admits(&rule(k("tcp"), (22, 22), Tri::Absent, true), "tcp", 22, &net), None);
        // From a load balancer's subnets: a CIDR covering them all admits it.
        let lb = Source::LoadBalancer {
            nets: vec![cidr::parse("10.0.1.0/24").unwrap(), cidr::parse("10.0.2.0/24").unwrap()],
            groups: vec![],
            name: "Lb",
        };
        assert_eq!(rule_admits(&rule(k("tcp"), (80, 80), k("10.0.0.0/16"), false), "tcp", 80, &lb), Some(true));
        assert_eq!(rule_admits(&rule(k("tcp"), (80, 80), k("10.0.1.0/24"), false), "tcp", 80, &lb), None);
        assert_eq!(rule_admits(&rule(k("tcp"), (80, 80), k("192.168.0.0/16"), false), "tcp", 80, &lb), Some(false));
    }

    #[test]
    fn three_valued_and_or() {
        let h = |t: &str| hop(HopKind::Route, Span::default(), t);
        assert_eq!(D::Unk(h("u")).and(|| D::no(h("n"))), D::no(h("n")));
        assert_eq!(D::yes(h("y")).and(|| D::Unk(h("u"))), D::Unk(h("u")));
        assert_eq!(D::or(vec![D::no(h("n")), D::Unk(h("u"))], h("x")), D::Unk(h("u")));
        assert_eq!(D::or(vec![], h("x")), D::no(h("x")));
    }
}
