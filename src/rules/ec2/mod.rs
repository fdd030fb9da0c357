//! VPC networking: security groups, network ACLs and flow logs (network layer).
//!
//! Every world-open security group ingress rule is classified once, most specific first:
//! all traffic (PAL-EC2-004), else admin ports (PAL-EC2-001), else database ports
//! (PAL-EC2-002), else any port other than 80/443 (PAL-EC2-003).

use super::{Builtin, StaticMeta};
use crate::analyze::Facts;
use crate::finding::{Layer, Severity};
use crate::model::kind;
use crate::model::{Link, Model, NaclProtocol, NetworkAclEntry, ResMeta, SgRule, Tri};
use crate::source::Span;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[
    &SG_ADMIN_PORTS,
    &SG_DATABASE_PORTS,
    &SG_OPEN_TO_WORLD,
    &SG_ALL_OPEN,
    &SG_EGRESS_ALL_OPEN,
    &SG_RULE_DESCRIPTION,
    &NACL_ADMIN_PORTS,
    &VPC_FLOW_LOGS,
];

const SG_TYPES: &[&str] =
    &[kind::EC2_SECURITY_GROUP, kind::EC2_SECURITY_GROUP_INGRESS, kind::EC2_SECURITY_GROUP_EGRESS];

/// Remote administration ports.
const ADMIN_PORTS: &[(i64, &str)] = &[(22, "SSH"), (3389, "RDP")];

/// Default ports of databases, caches and search engines.
const DATABASE_PORTS: &[(i64, &str)] = &[
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (3306, "MySQL/MariaDB"),
    (5432, "PostgreSQL"),
    (5439, "Redshift"),
    (5984, "CouchDB"),
    (6379, "Redis"),
    (7000, "Cassandra inter-node"),
    (7001, "Cassandra inter-node TLS"),
    (8086, "InfluxDB"),
    (9042, "Cassandra CQL"),
    (9200, "Elasticsearch/OpenSearch"),
    (9300, "Elasticsearch transport"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
    (50000, "Db2"),
];

/// Ports a public web server is expected to expose.
const WEB_PORTS: &[i64] = &[80, 443];

/// A security group rule with where it was declared.
struct RuleCtx<'m> {
    /// The resource findings are attached to: the group for inline rules, the standalone
    /// `AWS::EC2::SecurityGroupIngress`/`Egress` resource otherwise.
    owner: &'m ResMeta,
    /// "security group `Web`".
    group: String,
    rule: &'m SgRule,
    egress: bool,
    /// The group's logical id, when it is a group of the template.
    group_id: Option<&'m str>,
}

impl RuleCtx<'_> {
    /// Who allows something: the group for an inline rule, else the standalone rule.
    fn subject(&self) -> String {
        match &self.rule.standalone {
            Some(s) => format!("{} rule `{}` of {}", direction(self.egress), s.id, self.group),
            None => self.group.clone(),
        }
    }

    /// The rule itself: "an ingress rule of security group `Web`" or "ingress rule `R` of ...".
    fn rule_name(&self) -> String {
        match &self.rule.standalone {
            Some(_) => self.subject(),
            None => format!("an {} rule of {}", direction(self.egress), self.group),
        }
    }
}

/// Every security group rule of the template: inline, standalone for a group of the
/// template, and standalone for a group outside it.
fn sg_rules(m: &Model) -> Vec<RuleCtx<'_>> {
    let mut out = Vec::new();
    for g in &m.security_groups {
        for (rules, egress) in [(&g.ingress, false), (&g.egress, true)] {
            for rule in rules {
                let owner = rule.standalone.as_ref().unwrap_or(&g.meta);
                out.push(RuleCtx {
                    owner,
                    group: format!("security group `{}`", g.meta.id),
                    rule,
                    egress,
                    group_id: Some(&g.meta.id),
                });
            }
        }
    }
    for x in &m.external_sg_rules {
        let Some(owner) = &x.rule.standalone else { continue };
        let group = match x.group.get() {
            Some(Link::External(id)) | Some(Link::Local(id)) => format!("security group `{id}`"),
            None => "a security group outside the template".to_string(),
        };
        out.push(RuleCtx { owner, group, rule: &x.rule, egress: x.egress, group_id: None });
    }
    out
}

/// Points a finding about a world-open ingress rule to the reachability analysis: the
/// resources the rule exposes (each a related location), or why none of the group's
/// resources is reachable. Nothing is added when the analysis cannot decide.
fn reach_note(facts: &Facts<'_>, ctx: &RuleCtx<'_>, f: &mut crate::finding::Finding) {
    use crate::analyze::reach::{RuleReach, rule_reach};
    let Some(group) = ctx.group_id else { return };
    match rule_reach(facts.reachability(), group, ctx.rule.span, ctx.rule.port_range()) {
        Some(RuleReach::Reachable(rows)) => {
            let mut names: Vec<String> =
                rows.iter().map(|e| format!("`{}` {}", e.resource.id, e.port_text())).collect();
            names.dedup();
            f.message.push_str(&format!("; reachable from the internet: {}", names.join(", ")));
            for e in rows {
                f.with_related(
                    e.resource.span,
                    format!("reachable from the internet on {}: {}", e.port_text(), e.path_text()),
                );
            }
        }
        Some(RuleReach::Unreachable(rows)) => {
            let first = rows[0];
            let why = first.path.first().map(|h| h.text.clone()).unwrap_or_default();
            f.message.push_str(&format!("; not reachable from the internet: `{}`: {why}", first.resource.id));
            for e in rows {
                if let Some(h) = e.path.first() {
                    f.with_related(
                        h.span,
                        format!("`{}` {} is not reachable: {}", e.resource.id, e.port_text(), h.text),
                    );
                }
            }
        }
        None => {}
    }
}

fn direction(egress: bool) -> &'static str {
    if egress { "egress" } else { "ingress" }
}

/// `port 22` or `ports 0-1024`.
fn ports_text(from: i64, to: i64) -> String {
    if from == to { format!("port {from}") } else { format!("ports {from}-{to}") }
}

/// The named ports of `list` inside `from..=to`, as `SSH (22), RDP (3389)`.
fn named_ports_in(list: &[(i64, &str)], from: i64, to: i64) -> Option<String> {
    let hits: Vec<String> =
        list.iter().filter(|(p, _)| from <= *p && *p <= to).map(|(p, n)| format!("{n} ({p})")).collect();
    if hits.is_empty() {
        return None;
    }
    const MAX: usize = 4;
    if hits.len() > MAX {
        Some(format!("{} and {} more", hits[..MAX].join(", "), hits.len() - MAX))
    } else {
        Some(hits.join(", "))
    }
}

/// How a world-open ingress rule is classified (each rule in exactly one class).
#[derive(Debug, PartialEq, Eq)]
enum Exposure {
    AllTraffic,
    Admin(String),
    Database(String),
    Other,
}

/// Classifies an ingress rule that is open to the world; `None` when it opens only web
/// ports, or when its protocol or ports cannot be decided or have no ports (ICMP).
fn classify(rule: &SgRule) -> Option<Exposure> {
    if rule.opens_all_ports() {
        return Some(Exposure::AllTraffic);
    }
    let (from, to) = rule.port_range()?;
    if let Some(names) = named_ports_in(ADMIN_PORTS, from, to) {
        return Some(Exposure::Admin(names));
    }
    if let Some(names) = named_ports_in(DATABASE_PORTS, from, to) {
        return Some(Exposure::Database(names));
    }
    if from == to && WEB_PORTS.contains(&from) {
        return None;
    }
    Some(Exposure::Other)
}

/// Reports world-open ingress rules of one class.
fn report_exposure(m: &Model, facts: &Facts<'_>, out: &mut super::Sink<'_>, want: fn(&Exposure) -> Option<String>) {
    for ctx in sg_rules(m) {
        if ctx.egress {
            continue;
        }
        let Some(cidr) = ctx.rule.world_cidr() else { continue };
        let Some(class) = classify(ctx.rule) else { continue };
        let Some(what) = want(&class) else { continue };
        let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
        let what = match ctx.rule.port_range() {
            Some((from, to)) if from != to => format!("{}, including {what},", proto_ports(ctx.rule)),
            _ => what,
        };
        let f = out.report_field(
            ctx.owner,
            cidr,
            format!("{} allows {what} from the internet ({cidr_text})", ctx.subject()),
        );
        if !ctx.rule.from_port.is_absent() {
            f.with_related(ctx.rule.port_span(), "the port range");
        }
        reach_note(facts, &ctx, f);
    }
}

/// `tcp ports 0-1024` for a rule with a known port range.
fn proto_ports(rule: &SgRule) -> String {
    let proto = rule.protocol.get().map(String::as_str).unwrap_or("?");
    match rule.port_range() {
        Some((from, to)) => format!("{proto} {}", ports_text(from, to)),
        None => proto.to_string(),
    }
}

pub static SG_ADMIN_PORTS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-001",
        slug: "sg-ingress-admin-ports-open",
        title: "Security group allows SSH or RDP from the internet",
        severity: Severity::High,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC05-BP02"],
        controls: &["NET-01"],
        resource_types: SG_TYPES,
        remediation: "Replace `CidrIp: 0.0.0.0/0` (or `CidrIpv6: ::/0`) on ports 22/3389 with the CIDR of your \
administration network or VPN, or with `SourceSecurityGroupId` of a bastion group. Better, remove the rule and \
reach instances through AWS Systems Manager Session Manager, which needs no inbound port at all.",
        description: "SSH (22) and RDP (3389) give an interactive shell or desktop on the instance. Open to \
`0.0.0.0/0` or `::/0`, they are found by internet-wide scanners within minutes and then face constant password \
guessing and exploitation of any unpatched vulnerability in the daemon. The rule reports any world-open tcp/udp \
rule whose port range includes 22 or 3389 (rules that open every port are reported by PAL-EC2-004 instead).",
    },
    check: |m, facts, out| {
        report_exposure(m, facts, out, |c| match c {
            Exposure::Admin(names) => Some(names.clone()),
            _ => None,
        })
    },
};

pub static SG_DATABASE_PORTS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-002",
        slug: "sg-ingress-database-ports-open",
        title: "Security group allows a database port from the internet",
        severity: Severity::Critical,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC05-BP02"],
        controls: &["NET-01"],
        resource_types: SG_TYPES,
        remediation: "Allow database ports only from the security groups of the application tier \
(`SourceSecurityGroupId: !Ref AppSecurityGroup`) or from private CIDRs, and keep databases in private subnets. \
Never use `CidrIp: 0.0.0.0/0` or `CidrIpv6: ::/0` on a database port.",
        description: "Databases, caches and search engines hold the data an attacker is after, and several \
(Redis, Memcached, Elasticsearch, MongoDB in older defaults) accept connections without authentication. A \
world-open rule on their port puts them one credential guess — or none — away from a breach. Ports checked: \
1433 (SQL Server), 1521 (Oracle), 3306 (MySQL/MariaDB/Aurora), 5432 (PostgreSQL), 5439 (Redshift), 5984 \
(CouchDB), 6379 (Redis), 7000-7001 and 9042 (Cassandra), 8086 (InfluxDB), 9200 and 9300 \
(Elasticsearch/OpenSearch), 11211 (Memcached), 27017 (MongoDB) and 50000 (Db2). A range that also includes \
SSH or RDP is reported by PAL-EC2-001.",
    },
    check: |m, facts, out| {
        report_exposure(m, facts, out, |c| match c {
            Exposure::Database(names) => Some(names.clone()),
            _ => None,
        })
    },
};

pub static SG_OPEN_TO_WORLD: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-003",
        slug: "sg-ingress-open-to-world",
        title: "Security group allows a port other than 80/443 from the internet",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC05-BP02"],
        controls: &["NET-01"],
        resource_types: SG_TYPES,
        remediation: "Restrict the rule's `CidrIp`/`CidrIpv6` to the networks that need the port, or \
reference the security group of the calling tier. Publish services to the internet through a load balancer \
listening on 80/443 and keep instance ports private.",
        description: "Only web traffic (80 and 443) is expected from the whole internet. Any other port open \
to `0.0.0.0/0` or `::/0` exposes a service (an application port, a management interface, a message broker) that \
was usually meant for a known set of clients, and widens the attack surface for no benefit. Rules whose range \
includes admin or database ports, or every port, are reported by PAL-EC2-001, PAL-EC2-002 and PAL-EC2-004; \
ICMP rules are not reported.",
    },
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
};

pub static SG_ALL_OPEN: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-004",
        slug: "sg-ingress-all-open",
        title: "Security group allows all traffic from the internet",
        severity: Severity::Critical,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC05-BP02"],
        controls: &["NET-02"],
        resource_types: SG_TYPES,
        remediation: "Remove the rule, and add one rule per service the resource really offers: the \
protocol (`tcp`/`udp`), the exact `FromPort`/`ToPort`, and the narrowest source (`SourceSecurityGroupId`, a \
prefix list or a specific CIDR).",
        description: "`IpProtocol: -1` (all protocols), a tcp/udp rule without ports or with port `-1`, or a \
range covering every port (0/1-65535) from `0.0.0.0/0` or `::/0` turns the security group off: every service \
listening on the instance, including those never meant to be reachable, is exposed to the internet.",
    },
    check: |m, facts, out| {
        for ctx in sg_rules(m) {
            if ctx.egress {
                continue;
            }
            let Some(cidr) = ctx.rule.world_cidr() else { continue };
            if classify(ctx.rule) != Some(Exposure::AllTraffic) {
                continue;
            }
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let what = if ctx.rule.all_protocols() {
                "all traffic (IpProtocol -1)".to_string()
            } else {
                format!("every {} port", ctx.rule.protocol.get().map(String::as_str).unwrap_or_default())
            };
            let f = out.report_field(
                ctx.owner,
                cidr,
                format!("{} allows {what} from the internet ({cidr_text})", ctx.subject()),
            );
            reach_note(facts, &ctx, f);
        }
    },
};

pub static SG_EGRESS_ALL_OPEN: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-005",
        slug: "sg-egress-all-open",
        title: "Security group explicitly allows all outbound traffic to the internet",
        severity: Severity::Low,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC05-BP02"],
        controls: &["NET-03"],
        resource_types: SG_TYPES,
        remediation: "Replace the allow-all egress rule with rules for the destinations the workload needs: \
`DestinationPrefixListId` for S3/DynamoDB gateway endpoints, `DestinationSecurityGroupId` for interface VPC \
endpoints and databases, and specific CIDRs and ports (e.g. tcp 443 to a proxy) for anything else.",
        description: "An egress rule with all protocols (or every port) to `0.0.0.0/0` or `::/0` lets a \
compromised instance send data anywhere and reach any command-and-control server; narrow egress is one of the \
few controls that still helps after an intrusion. Groups that declare no `SecurityGroupEgress` at all get the \
same allow-all rule from AWS by default; they are not reported, because only an explicit rule is a decision \
written in the template (and many templates leave egress to a central firewall).",
    },
    check: |m, _, out| {
        for ctx in sg_rules(m) {
            if !ctx.egress || !ctx.rule.opens_all_ports() {
                continue;
            }
            let Some(cidr) = ctx.rule.world_cidr() else { continue };
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let what = if ctx.rule.all_protocols() {
                "all outbound traffic".to_string()
            } else {
                format!("every outbound {} port", ctx.rule.protocol.get().map(String::as_str).unwrap_or_default())
            };
            out.report_field(
                ctx.owner,
                cidr,
                format!(
                    "{} allows {what} to anywhere ({cidr_text}): a compromised host could exfiltrate data or reach \
command-and-control servers; restrict egress to the destinations needed (VPC endpoints, prefix lists, specific CIDRs and ports)",
                    ctx.subject()
                ),
            );
        }
    },
};

pub static SG_RULE_DESCRIPTION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-006",
        slug: "sg-rule-description",
        title: "Security group rule has no description",
        severity: Severity::Low,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC05-BP02"],
        controls: &["NET-04"],
        resource_types: SG_TYPES,
        remediation: "Add a `Description` to every rule in `SecurityGroupIngress`/`SecurityGroupEgress` and \
to every `AWS::EC2::SecurityGroupIngress`/`Egress` resource, saying who or what the rule lets in or out and why \
(e.g. `HTTPS from the public load balancer`).",
        description: "A rule without a description cannot be reviewed: nobody can tell whether it is still \
needed, who asked for it, or whether its source is right, so stale and overly broad rules accumulate. The \
description is shown in the console and the API next to the rule.",
    },
    check: |m, _, out| {
        for ctx in sg_rules(m) {
            let d = &ctx.rule.description;
            match &d.value {
                Tri::Absent => {
                    let span: Span = ctx.rule.standalone.as_ref().map(|s| s.span).unwrap_or(ctx.rule.span);
                    out.report(
                        ctx.owner,
                        span,
                        format!("{} ({}) has no Description", ctx.rule_name(), proto_ports(ctx.rule)),
                    );
                }
                Tri::Known(s) if s.trim().is_empty() => {
                    out.report_field(
                        ctx.owner,
                        d,
                        format!("{} ({}) has an empty Description", ctx.rule_name(), proto_ports(ctx.rule)),
                    );
                }
                _ => {}
            }
        }
    },
};

const NACL_ADMIN: &[(i64, &str)] = ADMIN_PORTS;

/// Whether `deny` is an entry of the same ACL, evaluated before `allow`, that denies tcp
/// `port` from the whole internet for the same address family. `None` when undecidable.
fn shadows(deny: &NetworkAclEntry, allow: &NetworkAclEntry, port: i64, v6: bool) -> Option<bool> {
    let mut unknown = false;
    let mut check = |c: Option<bool>| match c {
        Some(false) => Err(()),
        None => {
            unknown = true;
            Ok(())
        }
        Some(true) => Ok(()),
    };
    let same_acl = match (allow.acl.get(), deny.acl.get()) {
        (Some(a), Some(d)) => Some(a == d),
        _ => None,
    };
    let cidr = if v6 { &deny.cidr_ipv6 } else { &deny.cidr_ipv4 };
    let world = match &cidr.value {
        Tri::Known(c) => Some(if v6 { crate::model::is_world_v6(c) } else { crate::model::is_world_v4(c) }),
        Tri::Absent => Some(false),
        Tri::Unknown => None,
    };
    let earlier = match (deny.rule_number.get(), allow.rule_number.get()) {
        (Some(d), Some(a)) => Some(d < a),
        _ => None,
    };
    let conds = [same_acl, deny.action_is("deny"), deny.is_ingress(), world, deny.covers_tcp_port(port), earlier];
    for c in conds {
        if check(c).is_err() {
            return Some(false);
        }
    }
    if unknown { None } else { Some(true) }
}

/// A range of ephemeral ports for return traffic (network ACLs are stateless, so responses to
/// connections the subnet opens need e.g. `1024-65535` inbound): it starts at or above 1024
/// and runs to the last port.
fn is_ephemeral_range(from: i64, to: i64) -> bool {
    from >= 1024 && to >= 65535
}

pub static NACL_ADMIN_PORTS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-007",
        slug: "nacl-admin-ports-open",
        title: "Network ACL allows SSH or RDP from the internet",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC05-BP01"],
        controls: &["NET-05"],
        resource_types: &[kind::EC2_NETWORK_ACL_ENTRY],
        remediation: "Narrow the entry's `CidrBlock`/`Ipv6CidrBlock` to your administration network, or add a \
`RuleAction: deny` entry with a lower `RuleNumber` for tcp 22 and 3389 from `0.0.0.0/0` (and `::/0`), so that \
the subnet layer blocks remote administration from the internet even if a security group is opened by mistake.",
        description: "Network ACLs are the subnet-level layer of defence in depth: they should stop \
traffic that no instance of the subnet is meant to receive. An inbound `allow` entry from `0.0.0.0/0` or `::/0` \
whose protocol is all (`-1`) or tcp (`6`) with a port range including 22 or 3389 leaves remote administration \
to the security groups alone. Entries are reported unless an earlier (lower-numbered) deny entry of the same \
ACL already blocks the port from everywhere. Not reported: tcp entries without a `PortRange`, and tcp \
ranges of ephemeral ports for return traffic (starting at 1024 or above and ending at 65535, e.g. \
`1024-65535`, which contains 3389): network ACLs are stateless, so such an entry is needed for the responses to \
connections the subnet opens, and the stateful security groups decide whether RDP is reachable.",
    },
    check: |m, _, out| {
        for e in &m.network_acl_entries {
            if e.action_is("allow") != Some(true) || e.is_ingress() != Some(true) {
                continue;
            }
            let (cidr, v6) = if e.cidr_ipv4.is(|c| crate::model::is_world_v4(c)) {
                (&e.cidr_ipv4, false)
            } else if e.cidr_ipv6.is(|c| crate::model::is_world_v6(c)) {
                (&e.cidr_ipv6, true)
            } else {
                continue;
            };
            if e.protocol_kind() == Some(NaclProtocol::Tcp) && e.ports.is(|&(from, to)| is_ephemeral_range(from, to)) {
                continue;
            }
            let open: Vec<String> = NACL_ADMIN
                .iter()
                .filter(|(port, _)| e.covers_tcp_port(*port) == Some(true))
                .filter(|(port, _)| {
                    m.network_acl_entries.iter().all(|d| std::ptr::eq(d, e) || shadows(d, e, *port, v6) == Some(false))
                })
                .map(|(p, n)| format!("{n} ({p})"))
                .collect();
            if open.is_empty() {
                continue;
            }
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let acl = match e.acl.get() {
                Some(Link::Local(id)) | Some(Link::External(id)) => format!(" of network ACL `{id}`"),
                None => String::new(),
            };
            let f = out.report_field(
                &e.meta,
                cidr,
                format!(
                    "network ACL entry `{}`{acl} allows {} from the internet ({cidr_text})",
                    e.meta.id,
                    open.join(", ")
                ),
            );
            if !e.ports.is_absent() {
                f.with_related(e.ports.span, "the port range");
            }
        }
    },
};

pub static VPC_FLOW_LOGS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-EC2-008",
        slug: "vpc-flow-logs",
        title: "VPC has no flow log",
        severity: Severity::Medium,
        layer: Layer::Network,
        service: "ec2",
        well_architected: &["SEC04-BP01"],
        controls: &["NET-06"],
        resource_types: &[kind::EC2_VPC, kind::EC2_FLOW_LOG],
        remediation: "Add an `AWS::EC2::FlowLog` with `ResourceType: VPC`, `ResourceId: !Ref MyVPC`, \
`TrafficType: ALL` and a destination: `LogDestinationType: s3` with a bucket ARN, or `cloud-watch-logs` with a \
`LogGroupName` and a `DeliverLogsPermissionArn`.",
        description: "VPC flow logs record every accepted and rejected connection in the VPC: source, \
destination, ports, bytes. Without them there is no record of which hosts talked to which, so scanning, lateral \
movement and data exfiltration cannot be detected or investigated afterwards. Subnet- or interface-level flow \
logs do not cover the whole VPC. A flow log whose `ResourceId` is a literal id (`vpc-...`) logs a VPC that \
already exists, not one of the template; if a flow log refers to a resource that cannot be decided (an imported \
value, a parameter without default), no VPC is reported.",
    },
    check: |m, _, out| {
        let undecided = m.flow_logs.iter().flat_map(|f| &f.resources).any(|r| r.is_unknown());
        if undecided {
            return;
        }
        for vpc in &m.vpcs {
            let logged = m
                .flow_logs
                .iter()
                .flat_map(|f| &f.resources)
                .any(|r| r.get().and_then(Link::local) == Some(vpc.meta.id.as_str()));
            if !logged {
                out.report(
                    &vpc.meta,
                    vpc.meta.span,
                    format!("VPC `{}` has no flow log (no AWS::EC2::FlowLog refers to it)", vpc.meta.id),
                );
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;

    fn rule(proto: &str, from: Option<i64>, to: Option<i64>) -> SgRule {
        let s = Span::default();
        let f = |v: Option<i64>| v.map(|v| Field::known(v, s)).unwrap_or_else(|| Field::absent(s));
        SgRule {
            span: s,
            standalone: None,
            protocol: Field::known(proto.to_string(), s),
            from_port: f(from),
            to_port: f(to),
            cidr_ipv4: Field::known("0.0.0.0/0".to_string(), s),
            cidr_ipv6: Field::absent(s),
            source_group: Field::absent(s),
            prefix_list: Field::absent(s),
            description: Field::absent(s),
        }
    }

    #[test]
    fn classification_is_most_specific_first() {
        assert_eq!(classify(&rule("-1", None, None)), Some(Exposure::AllTraffic));
        assert_eq!(classify(&rule("tcp", Some(0), Some(65535))), Some(Exposure::AllTraffic));
        assert_eq!(classify(&rule("tcp", Some(22), Some(22))), Some(Exposure::Admin("SSH (22)".into())));
        assert_eq!(classify(&rule("tcp", Some(0), Some(5000))), Some(Exposure::Admin("SSH (22), RDP (3389)".into())));
        assert_eq!(
            classify(&rule("tcp", Some(3306), Some(3306))),
            Some(Exposure::Database("MySQL/MariaDB (3306)".into()))
        );
        assert_eq!(classify(&rule("tcp", Some(8080), Some(8080))), Some(Exposure::Other));
        assert_eq!(classify(&rule("tcp", Some(80), Some(443))), Some(Exposure::Other));
        assert_eq!(classify(&rule("tcp", Some(443), Some(443))), None);
        assert_eq!(classify(&rule("udp", Some(80), Some(80))), None);
        assert_eq!(classify(&rule("icmp", Some(-1), Some(-1))), None);
        assert_eq!(classify(&rule("tcp", Some(22), None)), None);
    }

    #[test]
    fn named_port_lists_are_truncated() {
        let s = named_ports_in(DATABASE_PORTS, 0, 65535).unwrap();
        assert!(s.ends_with("and 12 more"), "{s}");
        assert_eq!(named_ports_in(DATABASE_PORTS, 1, 1000), None);
        assert_eq!(ports_text(22, 22), "port 22");
        assert_eq!(ports_text(0, 1024), "ports 0-1024");
    }

    /// (line, related lines) of every finding of `id` on `text`.
    fn findings(id: &str, text: &str) -> Vec<(u32, Vec<u32>)> {
        use crate::scan::{ScanOptions, scan_source};
        let opts = ScanOptions { select: vec![id.to_string()], ..ScanOptions::default() };
        let report = scan_source(crate::source::SourceFile::new("t.yaml", text.to_string()), &opts).unwrap();
        report
            .findings
            .iter()
            .map(|f| (f.location.span.line, f.related.iter().map(|r| r.location.span.line).collect()))
            .collect()
    }

    #[test]
    fn parameter_default_and_ports_are_related_locations() {
        let text = include_str!("fixtures/sg-ingress-admin-ports-open.fail.yaml");
        let got = findings("PAL-EC2-001", text);
        // `CidrIp: !Ref AdminCidr` (line 26): the port (line 24) and the default (line 5).
        let (_, related) = got.iter().find(|(l, _)| *l == 26).expect("finding at the property");
        assert!(related.contains(&5), "{got:?}");
        assert!(related.contains(&24), "{got:?}");
        let text = include_str!("fixtures/nacl-admin-ports-open.fail.yaml");
        let got = findings("PAL-EC2-007", text);
        assert!(got.iter().any(|(l, r)| *l == 14 && r.contains(&16)), "{got:?}");
    }
}
