//! VPC networking: security groups, network ACLs and flow logs (network layer).
//!
//! Every world-open security group ingress rule is classified once, most specific first:
//! all traffic (PAL-EC2-004), else admin ports (PAL-EC2-001), else database ports
//! (PAL-EC2-002), else any port other than 80/443 (PAL-EC2-003).

use crate::analyze::Facts;
use crate::i18n::Message;
use crate::model::{Link, Model, ResMeta, SgRule, kind};

pub mod ebs_snapshot_public;
pub mod nacl_admin_ports_open;
pub mod peering_route_too_wide;
pub mod sg_egress_all_open;
pub mod sg_ingress_admin_ports_open;
pub mod sg_ingress_all_open;
pub mod sg_ingress_database_ports_open;
pub mod sg_ingress_open_to_world;
pub mod sg_rule_description;
pub mod vpc_flow_logs;

super::area_rules!("ec2");

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
    group: Message,
    rule: &'m SgRule,
    egress: bool,
    /// The group's logical id, when it is a group of the template.
    group_id: Option<&'m str>,
}

impl RuleCtx<'_> {
    /// Who allows something: the group for an inline rule, else the standalone rule.
    fn subject(&self) -> Message {
        match (&self.rule.standalone, self.egress) {
            (Some(s), false) => msg!("ec2-ingress-rule-of", rule = s.id, group = self.group),
            (Some(s), true) => msg!("ec2-egress-rule-of", rule = s.id, group = self.group),
            (None, _) => self.group.clone(),
        }
    }

    /// The rule itself: "an ingress rule of security group `Web`" or "ingress rule `R` of ...".
    fn rule_name(&self) -> Message {
        match (&self.rule.standalone, self.egress) {
            (Some(_), _) => self.subject(),
            (None, false) => msg!("ec2-an-ingress-rule-of", group = self.group),
            (None, true) => msg!("ec2-an-egress-rule-of", group = self.group),
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
                    group: msg!("ec2-security-group", group = g.meta.id),
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
            Some(Link::External(id)) | Some(Link::Local(id)) => msg!("ec2-security-group", group = id),
            None => msg!("ec2-security-group-outside"),
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
            f.append(msg!("ec2-reachable-suffix", names = names.join(", ")));
            for e in rows {
                f.with_related(
                    e.resource.span,
                    msg!("ec2-reachable-internet", port_text = e.port_text(), path_text = e.path_text()),
                );
            }
        }
        Some(RuleReach::Unreachable(rows)) => {
            let first = rows[0];
            let why = first.path.first().map(|h| h.text.clone()).unwrap_or_default();
            f.append(msg!("ec2-unreachable-suffix", name = first.resource.id, why = why));
            for e in rows {
                if let Some(h) = e.path.first() {
                    f.with_related(
                        h.span,
                        msg!("ec2-reachable", id = e.resource.id, port_text = e.port_text(), text = h.text),
                    );
                }
            }
        }
        None => {}
    }
}

/// `port 22` or `ports 0-1024`.
fn ports_text(from: i64, to: i64) -> Message {
    if from == to { msg!("ec2-port", port = from) } else { msg!("ec2-ports", from = from, to = to) }
}

/// A port's name as a message says it: product names as they are, a description of the
/// traffic translated.
fn port_name(name: &str) -> Message {
    match name {
        "Cassandra inter-node" => msg!("ec2-port-cassandra-inter-node"),
        "Cassandra inter-node TLS" => msg!("ec2-port-cassandra-inter-node-tls"),
        "Elasticsearch transport" => msg!("ec2-port-elasticsearch-transport"),
        other => Message::from(other),
    }
}

/// The named ports of `list` inside `from..=to`, as `SSH (22), RDP (3389)`.
fn named_ports_in(list: &[(i64, &str)], from: i64, to: i64) -> Option<Message> {
    let hits: Vec<Message> = list
        .iter()
        .filter(|(p, _)| from <= *p && *p <= to)
        .map(|(p, n)| msg!("ec2-named-port", name = port_name(n), port = p))
        .collect();
    if hits.is_empty() {
        return None;
    }
    const MAX: usize = 4;
    if hits.len() > MAX {
        Some(msg!("ec2-and-more", names = Message::join(&hits[..MAX], ", "), count = hits.len() - MAX))
    } else {
        Some(Message::join(&hits, ", "))
    }
}

/// How a world-open ingress rule is classified (each rule in exactly one class).
#[derive(Debug, PartialEq, Eq)]
enum Exposure {
    AllTraffic,
    Admin(Message),
    Database(Message),
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
fn report_exposure(m: &Model, facts: &Facts<'_>, out: &mut super::Sink<'_>, want: fn(&Exposure) -> Option<Message>) {
    for ctx in sg_rules(m) {
        if ctx.egress {
            continue;
        }
        let Some(cidr) = ctx.rule.world_cidr() else { continue };
        let Some(class) = classify(ctx.rule) else { continue };
        let Some(what) = want(&class) else { continue };
        let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
        let what = match ctx.rule.port_range() {
            Some((from, to)) if from != to => msg!("ec2-ports-including", ports = proto_ports(ctx.rule), names = what),
            _ => what,
        };
        let f = out.report_field(
            ctx.owner,
            cidr,
            msg!("ec2-allows-internet", subject = ctx.subject(), what = what, cidr_text = cidr_text),
        );
        if !ctx.rule.from_port.is_absent() {
            f.with_related(ctx.rule.port_span(), msg!("ec2-port-range"));
        }
        reach_note(facts, &ctx, f);
    }
}

/// `tcp ports 0-1024` for a rule with a known port range.
fn proto_ports(rule: &SgRule) -> Message {
    let proto = rule.protocol.get().map(String::as_str).unwrap_or("?");
    match rule.port_range() {
        Some((from, to)) => msg!("ec2-proto-ports", proto = proto, ports = ports_text(from, to)),
        None => Message::from(proto),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Field;
    use crate::source::Span;

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
        assert_eq!(
            classify(&rule("tcp", Some(22), Some(22))),
            Some(Exposure::Admin(named_ports_in(ADMIN_PORTS, 22, 22).unwrap()))
        );
        let admin = |r: SgRule| match classify(&r) {
            Some(Exposure::Admin(m) | Exposure::Database(m)) => m.en(),
            other => format!("{other:?}"),
        };
        assert_eq!(admin(rule("tcp", Some(22), Some(22))), "SSH (22)");
        assert_eq!(admin(rule("tcp", Some(0), Some(5000))), "SSH (22), RDP (3389)");
        assert_eq!(admin(rule("tcp", Some(3306), Some(3306))), "MySQL/MariaDB (3306)");
        assert_eq!(classify(&rule("tcp", Some(8080), Some(8080))), Some(Exposure::Other));
        assert_eq!(classify(&rule("tcp", Some(80), Some(443))), Some(Exposure::Other));
        assert_eq!(classify(&rule("tcp", Some(443), Some(443))), None);
        assert_eq!(classify(&rule("udp", Some(80), Some(80))), None);
        assert_eq!(classify(&rule("icmp", Some(-1), Some(-1))), None);
        assert_eq!(classify(&rule("tcp", Some(22), None)), None);
    }

    #[test]
    fn named_port_lists_are_truncated() {
        let s = named_ports_in(DATABASE_PORTS, 0, 65535).unwrap().en();
        assert!(s.ends_with("and 12 more"), "{s}");
        assert_eq!(named_ports_in(DATABASE_PORTS, 1, 1000), None);
        assert_eq!(ports_text(22, 22).en(), "port 22");
        assert_eq!(ports_text(0, 1024).en(), "ports 0-1024");
        let ko = named_ports_in(DATABASE_PORTS, 7000, 9300).unwrap().render(crate::i18n::Lang::Ko);
        assert!(ko.starts_with("Cassandra 노드 간 (7000)") && ko.ends_with("외 2개"), "{ko}");
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
