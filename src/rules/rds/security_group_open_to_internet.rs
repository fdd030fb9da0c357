//! PAL-RDS-004 `rds-security-group-open-to-internet`: RDS security group admits the database port from the internet.

use super::{Family, dbs, family};
use crate::model::kind;
use crate::model::{Link, SecurityGroup, SgRule, Tri};

/// The port an engine listens on when `Port` is not set.
fn default_port(engine: &str) -> Option<i64> {
    Some(match family(engine)? {
        Family::MySql | Family::MariaDb | Family::AuroraMySql | Family::AuroraV1 => 3306,
        Family::Postgres | Family::AuroraPostgres => 5432,
        Family::Oracle => 1521,
        Family::SqlServer => 1433,
        Family::Db2 => 50000,
    })
}

/// Ports of a rule, for messages.
fn describe_ports(r: &SgRule, (from, to): (i64, i64)) -> crate::i18n::Message {
    if r.all_protocols() {
        msg!("rds-ports-all-traffic")
    } else if (from, to) == (0, 65535) {
        msg!("rds-ports-all-tcp")
    } else if from == to {
        msg!("rds-port-tcp", port = from)
    } else {
        msg!("rds-ports-tcp", from = from, to = to)
    }
}

/// The ingress rules of `sg` open to the whole internet on TCP `port`, with their range.
fn world_open_rules(sg: &SecurityGroup, port: i64) -> Vec<(&SgRule, (i64, i64))> {
    sg.ingress
        .iter()
        .filter(|r| r.world_cidr().is_some())
        .filter(|r| r.all_protocols() || r.protocol.is(|p| p == "tcp"))
        .filter_map(|r| r.port_range().filter(|&(f, t)| f <= port && port <= t).map(|pr| (r, pr)))
        .collect()
}

rule!(RULE,
    id: "PAL-RDS-004",
    slug: "rds-security-group-open-to-internet",
    title: "RDS security group admits the database port from the internet",
    severity: Critical,
    layer: Network,
    service: "rds",
    controls: &["DATA-10"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.6.4", "isms-p:2.6.1", "pci-4.0:1.3.1", "pci-4.0:1.4.4"],
    resource_types: &[
        kind::RDS_DB_INSTANCE,
        kind::RDS_DB_CLUSTER,
        kind::EC2_SECURITY_GROUP,
        kind::EC2_SECURITY_GROUP_INGRESS,
    ],
    remediation: "Replace the `0.0.0.0/0` / `::/0` ingress rule of the database's security group \
with a rule whose `SourceSecurityGroupId` is the security group of the application tier (or a narrow \
private CIDR), on the database port only.",
    description: "A security group rule that admits `0.0.0.0/0` or `::/0` on the database port lets \
anyone who can route to the endpoint try to log in: credential stuffing, brute force and exploits of \
the database engine. The port is the DB's `Port`, or the engine's default (3306 MySQL/MariaDB/Aurora \
MySQL, 5432 PostgreSQL, 1521 Oracle, 1433 SQL Server, 50000 Db2). Only security groups defined in the \
template are inspected; an instance of a cluster uses the cluster's groups.",
    check: |m, f, out| {
        for d in dbs(m) {
            if d.in_cluster {
                continue;
            }
            let port = match &d.db.port.value {
                Tri::Known(p) => *p,
                Tri::Unknown => continue,
                Tri::Absent => match d.db.engine.get().and_then(|e| default_port(e)) {
                    Some(p) => p,
                    None => continue,
                },
            };
            let Some(groups) = d.db.security_groups.get() else {
                continue;
            };
            for g in groups {
                let Some(sg) = g.get().and_then(Link::local).and_then(|id| f.index().security_group(id)) else {
                    continue;
                };
                let open = world_open_rules(sg, port);
                let Some(&(first, range)) = open.first() else {
                    continue;
                };
                let cidr = first.world_cidr().and_then(|c| c.get().cloned()).unwrap_or_default();
                let finding = out.report_field(
                    d.meta,
                    g,
                    msg!("rds-security-group-open-to-internet-port-uses", what = d.what, name = d.meta.id, port = port, group = sg.meta.id, cidr = cidr, describe_ports = describe_ports(first, range)),
                );
                for (r, range) in &open {
                    if let Some(c) = r.world_cidr() {
                        let what = c.get().map(String::as_str).unwrap_or("");
                        finding.with_related(c.span, msg!("rds-security-group-open-to-internet-ingress", what = what, describe_ports = describe_ports(r, *range)));
                        finding.with_origin(c);
                    }
                }
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_families_and_default_ports() {
        assert_eq!(default_port("mysql"), Some(3306));
        assert_eq!(default_port("MariaDB"), Some(3306));
        assert_eq!(default_port("aurora"), Some(3306));
        assert_eq!(default_port("aurora-mysql"), Some(3306));
        assert_eq!(default_port("postgres"), Some(5432));
        assert_eq!(default_port("aurora-postgresql"), Some(5432));
        assert_eq!(default_port("oracle-ee"), Some(1521));
        assert_eq!(default_port("oracle-se2-cdb"), Some(1521));
        assert_eq!(default_port("custom-oracle-ee"), Some(1521));
        assert_eq!(default_port("sqlserver-ex"), Some(1433));
        assert_eq!(default_port("custom-sqlserver-web"), Some(1433));
        assert_eq!(default_port("db2-se"), Some(50000));
        assert_eq!(default_port("neptune"), None);
        // Parameter group families.
        assert_eq!(family("mysql8.0"), Some(Family::MySql));
        assert_eq!(family("aurora-postgresql15"), Some(Family::AuroraPostgres));
        assert_eq!(family("aurora-mysql8.0"), Some(Family::AuroraMySql));
        assert_eq!(family("aurora5.6"), Some(Family::AuroraV1));
        assert_eq!(family("sqlserver-se-15.0"), Some(Family::SqlServer));
    }
}
