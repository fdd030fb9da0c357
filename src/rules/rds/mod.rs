//! RDS DB instances and clusters: encryption at rest, exposure, backups, TLS.
//!
//! An instance that belongs to a cluster (`DBClusterIdentifier`) takes its storage
//! encryption, backups, security groups, subnet group and cluster parameters from the
//! cluster, so those rules look at the cluster only. Read replicas and restores from
//! snapshots or other clusters inherit their encryption from the source, which the template
//! does not show.

use std::collections::BTreeMap;

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::kind;
use crate::model::{
    DbCommon, DbParameterGroup, Field, Link, Model, ResMeta, RouteTarget, SecurityGroup, SgRule, Subnet, Tri,
    is_world_v4,
};
use crate::source::Span;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[
    &STORAGE_ENCRYPTED,
    &CUSTOMER_MANAGED_KEY,
    &PUBLICLY_ACCESSIBLE,
    &SG_OPEN_TO_INTERNET,
    &BACKUP_RETENTION,
    &TLS_ENFORCED,
    &IN_PUBLIC_SUBNET,
];

const DB: &[&str] = &[kind::RDS_DB_INSTANCE, kind::RDS_DB_CLUSTER];

/// The retention the rule asks for (the seed guide's value).
const MIN_BACKUP_DAYS: i64 = 7;

/// A DB instance or cluster, seen through what the rules need.
struct Db<'m> {
    meta: &'m ResMeta,
    db: &'m DbCommon,
    /// "DB instance" or "DB cluster".
    what: &'static str,
    /// An instance that belongs to a cluster (known or not which).
    in_cluster: bool,
    /// A read replica: backups and encryption come from the source.
    replica: bool,
    /// Encryption is inherited from a source (replica, snapshot, cluster restore or clone).
    inherits_encryption: bool,
    /// `EngineMode` of a cluster (absent for instances).
    engine_mode: Option<&'m Field<String>>,
    /// The parameter group that holds TLS settings: the DB parameter group of a standalone
    /// instance, the cluster parameter group of a cluster.
    parameter_group: &'m Field<Link>,
    /// The source name of `parameter_group`, for messages.
    parameter_group_source_name: &'static str,
}

impl Db<'_> {
    /// Aurora Serverless v1 (`EngineMode: serverless`), always encrypted. `None` when the
    /// engine mode cannot be decided.
    fn serverless_v1(&self) -> Option<bool> {
        match self.engine_mode {
            None => Some(false),
            Some(f) => match &f.value {
                Tri::Absent => Some(false),
                Tri::Unknown => None,
                Tri::Known(m) => Some(m.eq_ignore_ascii_case("serverless")),
            },
        }
    }
}

fn dbs(m: &Model) -> Vec<Db<'_>> {
    let mut out = Vec::new();
    for i in &m.db_instances {
        let replica = !i.source_instance.is_absent() || !i.db.source_cluster.is_absent();
        out.push(Db {
            meta: &i.meta,
            db: &i.db,
            what: "DB instance",
            in_cluster: !i.cluster.is_absent(),
            replica,
            inherits_encryption: replica || !i.db.snapshot.is_absent(),
            engine_mode: None,
            parameter_group: &i.parameter_group,
            parameter_group_source_name: i.parameter_group_source_name,
        });
    }
    for c in &m.db_clusters {
        out.push(Db {
            meta: &c.meta,
            db: &c.db,
            what: "DB cluster",
            in_cluster: false,
            replica: false,
            inherits_encryption: !c.db.snapshot.is_absent() || !c.db.source_cluster.is_absent(),
            engine_mode: Some(&c.engine_mode),
            parameter_group: &c.parameter_group,
            parameter_group_source_name: c.parameter_group_source_name,
        });
    }
    out
}

/// Database engine families, as far as these rules distinguish them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    MySql,
    MariaDb,
    AuroraMySql,
    /// `aurora`: Aurora MySQL 5.6-compatible (version 1).
    AuroraV1,
    Postgres,
    AuroraPostgres,
    SqlServer,
    Oracle,
    Db2,
}

/// The family of an engine name (`Engine`) or a parameter group family (`Family`, e.g.
/// `mysql8.0`, `aurora-postgresql15`, `sqlserver-se-15.0`).
fn family(name: &str) -> Option<Family> {
    let n = name.trim().to_ascii_lowercase();
    let n = n.strip_prefix("custom-").unwrap_or(&n);
    // Longest prefixes first: `aurora-postgresql` before `aurora`.
    const PREFIXES: [(&str, Family); 9] = [
        ("aurora-postgresql", Family::AuroraPostgres),
        ("aurora-mysql", Family::AuroraMySql),
        ("aurora", Family::AuroraV1),
        ("mariadb", Family::MariaDb),
        ("mysql", Family::MySql),
        ("postgres", Family::Postgres),
        ("sqlserver", Family::SqlServer),
        ("oracle", Family::Oracle),
        ("db2", Family::Db2),
    ];
    PREFIXES.iter().find(|(p, _)| n.starts_with(p)).map(|(_, f)| *f)
}

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

/// The major version of an engine version (`15.4` → 15, `8.0.35` → 8) or of the digits
/// that end a parameter group family (`postgres14` → 14).
fn major_version(v: &str) -> Option<u32> {
    let digits: String =
        v.trim().chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// `major.minor` of a version, for comparisons such as MariaDB 11.8.
fn major_minor(v: &str) -> Option<(u32, u32)> {
    let mut parts = v.trim().split('.');
    let major = parts.next()?.trim().parse().ok()?;
    let minor = parts.next().map(|p| p.trim().parse().ok()).unwrap_or(Some(0))?;
    Some((major, minor))
}

/// The parameter that enforces TLS for a family, and whether a value of it enforces TLS.
fn tls_parameter(f: Family) -> Option<&'static str> {
    match f {
        Family::MySql | Family::MariaDb | Family::AuroraMySql => Some("require_secure_transport"),
        Family::Postgres | Family::AuroraPostgres | Family::SqlServer => Some("rds.force_ssl"),
        Family::AuroraV1 | Family::Oracle | Family::Db2 => None,
    }
}

fn tls_value_enforces(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "on" | "true")
}

/// Does the engine's default parameter group enforce TLS? `None` when it depends on a
/// version that is not known.
fn default_group_enforces_tls(f: Family, version: &Field<String>) -> Option<bool> {
    match f {
        // RDS for PostgreSQL 15 and later defaults `rds.force_ssl` to 1; without a version
        // the instance gets the current default version, which is newer than 15.
        Family::Postgres => match &version.value {
            Tri::Absent => Some(true),
            Tri::Unknown => None,
            Tri::Known(v) => major_version(v).map(|m| m >= 15),
        },
        // RDS for MariaDB 11.8 and later defaults `require_secure_transport` to ON. The
        // default version changes over time, so an absent version is not concluded on.
        Family::MariaDb => match &version.value {
            Tri::Known(v) => major_minor(v).map(|mm| mm >= (11, 8)),
            _ => None,
        },
        Family::MySql | Family::AuroraMySql | Family::AuroraPostgres | Family::SqlServer => Some(false),
        Family::AuroraV1 | Family::Oracle | Family::Db2 => None,
    }
}

fn is_aws_managed_rds_key(k: &str) -> bool {
    k == "alias/aws/rds" || k.ends_with(":alias/aws/rds")
}

/// Ports of a rule, for messages.
fn describe_ports(r: &SgRule, (from, to): (i64, i64)) -> String {
    if r.all_protocols() {
        "all traffic".to_string()
    } else if (from, to) == (0, 65535) {
        "all TCP ports".to_string()
    } else if from == to {
        format!("TCP port {from}")
    } else {
        format!("TCP ports {from}-{to}")
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

/// Why a subnet is public: the span to point at and what it says.
fn public_reasons(m: &Model, subnet: &Subnet) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    if subnet.map_public_ip.is_true() {
        out.push((subnet.map_public_ip.span, format!("subnet `{}` sets MapPublicIpOnLaunch to true", subnet.meta.id)));
    }
    // The routes to an internet gateway, as the reachability analysis decides them.
    for (r, table) in crate::analyze::reach::internet_gateway_routes(m, subnet) {
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
            format!(
                "route {} of route table `{}` (associated with subnet `{}`) goes to internet gateway `{gw}`",
                dest.get().map(String::as_str).unwrap_or(""),
                table_name,
                subnet.meta.id
            ),
        ));
    }
    out
}

pub static STORAGE_ENCRYPTED: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-RDS-001",
        slug: "rds-storage-encrypted",
        title: "RDS storage is not encrypted at rest",
        severity: Severity::High,
        layer: Layer::Data,
        service: "rds",
        well_architected: &["SEC08-BP02"],
        controls: &["DATA-08"],
        resource_types: DB,
        remediation: "Set `StorageEncrypted: true` on the `AWS::RDS::DBInstance` (or on the \
`AWS::RDS::DBCluster` for Aurora and Multi-AZ DB clusters) and name a customer managed key in \
`KmsKeyId`. Encryption cannot be switched on for an existing database: CloudFormation replaces it, so \
take a snapshot and plan the migration.",
        description: "Without `StorageEncrypted: true` the database storage, its automated backups, \
snapshots and read replicas are written unencrypted; CloudFormation defaults the property to `false`. \
Setting `KmsKeyId` alone does not encrypt anything: the key is used only when `StorageEncrypted` is \
`true`. Aurora Serverless v1 clusters (`EngineMode: serverless`) are always encrypted and are not \
reported; neither are instances of a cluster (the cluster decides), read replicas and restores, which \
inherit the encryption of their source.",
    },
    check: |m, _, out| {
        for d in dbs(m) {
            if d.in_cluster || d.inherits_encryption || d.serverless_v1() != Some(false) {
                continue;
            }
            let key_note =
                if d.db.kms_key.is_absent() { "" } else { "; its KmsKeyId is only used when StorageEncrypted is true" };
            match &d.db.storage_encrypted.value {
                Tri::Known(false) => {
                    out.report_field(
                        d.meta,
                        &d.db.storage_encrypted,
                        format!("{} `{}` sets StorageEncrypted to false{key_note}", d.what, d.meta.id),
                    );
                }
                Tri::Absent if d.db.kms_key.is_absent() => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        format!(
                            "{} `{}` does not set StorageEncrypted (defaults to false): its storage is not encrypted",
                            d.what, d.meta.id
                        ),
                    );
                }
                Tri::Absent => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        format!(
                            "{} `{}` sets KmsKeyId but not StorageEncrypted (defaults to false): storage is only encrypted when StorageEncrypted is true",
                            d.what, d.meta.id
                        ),
                    )
                    .with_related(d.db.kms_key.span, "the KmsKeyId that is not used");
                }
                _ => {}
            }
        }
    },
};

pub static CUSTOMER_MANAGED_KEY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-RDS-002",
        slug: "rds-customer-managed-key",
        title: "RDS storage is encrypted with the AWS managed key",
        severity: Severity::Low,
        layer: Layer::Data,
        service: "rds",
        well_architected: &["SEC08-BP01", "SEC08-BP02"],
        controls: &["DATA-08"],
        resource_types: DB,
        remediation: "Create an `AWS::KMS::Key` with rotation enabled and a key policy limited to the \
roles that administer and use the database, and set `KmsKeyId: !Ref ThatKey` next to \
`StorageEncrypted: true`. The key of an existing database cannot be changed in place: CloudFormation \
replaces it.",
        description: "Encrypted storage without a `KmsKeyId` uses the AWS managed key `aws/rds`. Its key \
policy belongs to AWS: you cannot restrict who may use it beyond IAM, cannot disable or schedule it for \
deletion, and cannot share encrypted snapshots with another account, which blocks cross-account backup \
copies. A customer managed key gives you the key policy, the audit trail of its grants, and control over \
rotation and revocation.",
    },
    check: |m, _, out| {
        for d in dbs(m) {
            if d.in_cluster || d.inherits_encryption {
                continue;
            }
            let encrypted = match d.serverless_v1() {
                Some(true) => !d.db.storage_encrypted.is_false(),
                Some(false) => d.db.storage_encrypted.is_true(),
                None => false,
            };
            if !encrypted {
                continue;
            }
            match &d.db.kms_key.value {
                Tri::Absent => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        format!(
                            "{} `{}` is encrypted without KmsKeyId, with the AWS managed key `aws/rds`",
                            d.what, d.meta.id
                        ),
                    );
                }
                Tri::Known(Link::External(k)) if is_aws_managed_rds_key(k) => {
                    out.report_field(
                        d.meta,
                        &d.db.kms_key,
                        format!("{} `{}` is encrypted with the AWS managed key `{k}`", d.what, d.meta.id),
                    );
                }
                _ => {}
            }
        }
    },
};

pub static PUBLICLY_ACCESSIBLE: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-RDS-003",
        slug: "rds-publicly-accessible",
        title: "RDS database is publicly accessible",
        severity: Severity::High,
        layer: Layer::Network,
        service: "rds",
        well_architected: &["SEC05-BP01"],
        controls: &["DATA-09"],
        resource_types: DB,
        remediation: "Remove `PubliclyAccessible: true` (or set it to `false`) and reach the database \
from inside the VPC: application tiers in private subnets, a bastion or AWS Systems Manager Session \
Manager port forwarding for administrators, and VPN or Direct Connect for on-premises clients.",
        description: "`PubliclyAccessible: true` gives the database endpoint a public IP address \
resolvable from the internet. Its security group is then the only thing between the database and \
every scanner on the internet, and a single overly broad rule exposes it. When the property is not \
set, the default depends on the subnet group (private subnets give a private endpoint), so only an \
explicit `true` is reported.",
    },
    check: |m, _, out| {
        for d in dbs(m) {
            if d.db.publicly_accessible.is_true() {
                out.report_field(
                    d.meta,
                    &d.db.publicly_accessible,
                    format!("{} `{}` is publicly accessible: its endpoint gets a public IP address", d.what, d.meta.id),
                );
            }
        }
    },
};

pub static SG_OPEN_TO_INTERNET: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-RDS-004",
        slug: "rds-security-group-open-to-internet",
        title: "RDS security group admits the database port from the internet",
        severity: Severity::Critical,
        layer: Layer::Network,
        service: "rds",
        well_architected: &["SEC05-BP02"],
        controls: &["DATA-10"],
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
    },
    check: |m, _, out| {
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
                let Some(sg) = g.get().and_then(Link::local).and_then(|id| m.security_group(id)) else {
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
                    format!(
                        "{} `{}` (port {port}) uses security group `{}`, which admits {cidr} on {}",
                        d.what,
                        d.meta.id,
                        sg.meta.id,
                        describe_ports(first, range)
                    ),
                );
                for (r, range) in &open {
                    if let Some(c) = r.world_cidr() {
                        let what = c.get().map(String::as_str).unwrap_or("");
                        finding.with_related(c.span, format!("ingress from {what} on {}", describe_ports(r, *range)));
                        finding.with_origin(c);
                    }
                }
            }
        }
    },
};

pub static BACKUP_RETENTION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-RDS-005",
        slug: "rds-backup-retention",
        title: "RDS automated backups are disabled or kept less than 7 days",
        severity: Severity::Medium,
        layer: Layer::Data,
        service: "rds",
        well_architected: &["SEC10-BP03"],
        controls: &["DATA-11"],
        resource_types: DB,
        remediation: "Set `BackupRetentionPeriod` to at least `7` (up to `35`) on the DB instance, or on \
the DB cluster for Aurora and Multi-AZ DB clusters. For longer retention, copy snapshots with AWS \
Backup, ideally to another account.",
        description: "Automated backups give point-in-time recovery: after a destructive change, \
ransomware or a compromised credential you can restore the database to a moment before the \
incident, and investigate a copy of it. `BackupRetentionPeriod: 0` disables them; CloudFormation's \
default is 1 day, often too short to notice an incident before the clean state is gone. The seed \
guide keeps 7 days. Read replicas and instances of a cluster are not reported: their source or \
cluster holds the backups.",
    },
    check: |m, _, out| {
        for d in dbs(m) {
            if d.in_cluster || d.replica {
                continue;
            }
            let f = &d.db.backup_retention;
            match &f.value {
                Tri::Known(0) => {
                    out.report_field(
                        d.meta,
                        f,
                        format!(
                            "{} `{}` sets BackupRetentionPeriod to 0: automated backups are disabled",
                            d.what, d.meta.id
                        ),
                    );
                }
                Tri::Known(n) if *n < MIN_BACKUP_DAYS => {
                    let days = if *n == 1 { "day" } else { "days" };
                    out.report_field(
                        d.meta,
                        f,
                        format!(
                            "{} `{}` keeps automated backups for {n} {days} (at least {MIN_BACKUP_DAYS} recommended)",
                            d.what, d.meta.id
                        ),
                    );
                }
                Tri::Absent => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        format!(
                            "{} `{}` does not set BackupRetentionPeriod (defaults to 1 day; at least {MIN_BACKUP_DAYS} recommended)",
                            d.what, d.meta.id
                        ),
                    );
                }
                _ => {}
            }
        }
    },
};

pub static TLS_ENFORCED: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-RDS-006",
        slug: "rds-tls-enforced",
        title: "RDS parameter group does not enforce TLS connections",
        severity: Severity::Medium,
        layer: Layer::Data,
        service: "rds",
        well_architected: &["SEC09-BP02"],
        controls: &["DATA-12"],
        resource_types: &[
            kind::RDS_DB_INSTANCE,
            kind::RDS_DB_CLUSTER,
            kind::RDS_DB_PARAMETER_GROUP,
            kind::RDS_DB_CLUSTER_PARAMETER_GROUP,
        ],
        remediation: "Give the database a parameter group of its own that enforces TLS: for MySQL, \
MariaDB and Aurora MySQL `require_secure_transport: \"ON\"`; for PostgreSQL, Aurora PostgreSQL and \
SQL Server `rds.force_ssl: \"1\"`. Use `AWS::RDS::DBParameterGroup` with `DBParameterGroupName` for a \
DB instance and `AWS::RDS::DBClusterParameterGroup` with `DBClusterParameterGroupName` for a cluster.",
        description: "RDS accepts unencrypted client connections unless the engine is told to refuse \
them, and clients that merely prefer TLS silently fall back to plain text. The setting lives in the \
parameter group: `require_secure_transport` for the MySQL family, `rds.force_ssl` for PostgreSQL and \
SQL Server. Default parameter groups leave it off, except RDS for PostgreSQL 15 and later (and MariaDB \
11.8 and later), whose defaults enforce TLS. A group that is not defined in the template cannot be \
inspected and is not reported. Oracle is not covered: it encrypts connections through the SSL option \
of an option group (or native network encryption), not through a parameter.",
    },
    check: |m, _, out| {
        // Findings on a parameter group, by group and parameter: the group is reported once,
        // with every database using it as a related location.
        type Key = (String, &'static str);
        type OnGroup<'m> = (&'m DbParameterGroup, Option<&'m Field<String>>, Vec<&'m ResMeta>);
        let mut on_groups: BTreeMap<Key, OnGroup<'_>> = BTreeMap::new();
        for d in dbs(m) {
            if d.in_cluster {
                continue;
            }
            let group = match &d.parameter_group.value {
                Tri::Known(Link::Local(id)) => match m.db_parameter_group(id) {
                    Some(g) => Some(g),
                    None => continue,
                },
                Tri::Known(Link::External(_)) | Tri::Unknown => continue,
                Tri::Absent => None,
            };
            let fam = match &d.db.engine.value {
                Tri::Known(e) => family(e),
                Tri::Unknown => None,
                Tri::Absent => group.and_then(|g| g.family.get()).and_then(|f| family(f)),
            };
            let Some(fam) = fam else { continue };
            let Some(param) = tls_parameter(fam) else {
                continue;
            };
            let Some(group) = group else {
                if default_group_enforces_tls(fam, &d.db.engine_version) == Some(false) {
                    let engine = d.db.engine.get().map(String::as_str).unwrap_or("engine");
                    out.report(
                        d.meta,
                        d.meta.span,
                        format!(
                            "{} `{}` does not set {} (the default {engine} parameter group leaves {param} off): TLS is not enforced",
                            d.what, d.meta.id, d.parameter_group_source_name
                        ),
                    );
                }
                continue;
            };
            if group.parameters.is_unknown() {
                continue;
            }
            let value = group.parameter(param);
            match value {
                Some(v) if v.is(|s| !tls_value_enforces(s)) => {}
                None => {}
                Some(_) => continue,
            }
            on_groups.entry((group.meta.id.clone(), param)).or_insert((group, value, Vec::new())).2.push(d.meta);
        }
        for ((_, param), (group, value, users)) in on_groups {
            let names: Vec<String> = users.iter().map(|u| format!("`{}`", u.id)).collect();
            let used_by = names.join(", ");
            let finding = match value {
                Some(v) => {
                    let text = v.get().map(String::as_str).unwrap_or("");
                    out.report_field(
                        &group.meta,
                        v,
                        format!(
                            "parameter group `{}` (used by {used_by}) sets {param} to `{text}`: TLS is not enforced",
                            group.meta.id
                        ),
                    )
                }
                None => {
                    let span = if group.parameters.is_absent() { group.meta.span } else { group.parameters.span };
                    out.report(
                        &group.meta,
                        span,
                        format!(
                            "parameter group `{}` (used by {used_by}) does not set {param}: TLS is not enforced",
                            group.meta.id
                        ),
                    )
                }
            };
            for u in users {
                finding.with_related(u.span, format!("`{}` uses this parameter group", u.id));
            }
        }
    },
};

pub static IN_PUBLIC_SUBNET: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-RDS-007",
        slug: "rds-in-public-subnet",
        title: "RDS subnet group contains a public subnet",
        severity: Severity::High,
        layer: Layer::Network,
        service: "rds",
        well_architected: &["SEC05-BP01"],
        controls: &["NET-07"],
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
not concluded on from their routes.",
    },
    check: |m, _, out| {
        for d in dbs(m) {
            if d.in_cluster {
                continue;
            }
            let Some(group) = d.db.subnet_group.get().and_then(Link::local).and_then(|id| m.db_subnet_group(id)) else {
                continue;
            };
            let Some(subnets) = group.subnets.get() else {
                continue;
            };
            let mut public: Vec<(&Subnet, Vec<(Span, String)>)> = Vec::new();
            for s in subnets {
                let Some(subnet) = s.get().and_then(Link::local).and_then(|id| m.subnet(id)) else {
                    continue;
                };
                let reasons = public_reasons(m, subnet);
                if !reasons.is_empty() && !public.iter().any(|(p, _)| p.meta.id == subnet.meta.id) {
                    public.push((subnet, reasons));
                }
            }
            if public.is_empty() {
                continue;
            }
            let names: Vec<String> = public.iter().map(|(s, _)| format!("`{}`", s.meta.id)).collect();
            let plural = if public.len() == 1 { "subnet" } else { "subnets" };
            let finding = out.report_field(
                d.meta,
                &d.db.subnet_group,
                format!(
                    "{} `{}` uses subnet group `{}`, which contains public {plural} {}",
                    d.what,
                    d.meta.id,
                    group.meta.id,
                    names.join(", ")
                ),
            );
            for (subnet, reasons) in public {
                finding.with_related(subnet.meta.span, format!("public subnet `{}`", subnet.meta.id));
                for (span, why) in reasons {
                    finding.with_related(span, why);
                }
            }
        }
    },
};

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

    #[test]
    fn versions() {
        assert_eq!(major_version("15.4"), Some(15));
        assert_eq!(major_version("9.6.22"), Some(9));
        assert_eq!(major_version("postgres14"), Some(14));
        assert_eq!(major_version("latest"), None);
        assert_eq!(major_minor("11.8.2"), Some((11, 8)));
        assert_eq!(major_minor("11"), Some((11, 0)));
        assert_eq!(major_minor("x"), None);
    }

    fn version(v: Option<&str>) -> Field<String> {
        match v {
            Some(v) => Field::known(v.to_string(), Span::default()),
            None => Field::absent(Span::default()),
        }
    }

    #[test]
    fn default_groups() {
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(Some("14.9"))), Some(false));
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(Some("15.4"))), Some(true));
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(None)), Some(true));
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(Some("latest"))), None);
        assert_eq!(default_group_enforces_tls(Family::MySql, &version(None)), Some(false));
        assert_eq!(default_group_enforces_tls(Family::AuroraPostgres, &version(Some("16.1"))), Some(false));
        assert_eq!(default_group_enforces_tls(Family::MariaDb, &version(Some("10.11"))), Some(false));
        assert_eq!(default_group_enforces_tls(Family::MariaDb, &version(Some("11.8"))), Some(true));
        assert_eq!(default_group_enforces_tls(Family::MariaDb, &version(None)), None);
        assert_eq!(default_group_enforces_tls(Family::Oracle, &version(None)), None);
    }

    #[test]
    fn tls_values() {
        for v in ["1", "ON", "on", "true", " 1 "] {
            assert!(tls_value_enforces(v), "{v}");
        }
        for v in ["0", "OFF", "false", ""] {
            assert!(!tls_value_enforces(v), "{v}");
        }
    }

    #[test]
    fn aws_managed_key() {
        assert!(is_aws_managed_rds_key("alias/aws/rds"));
        assert!(is_aws_managed_rds_key("arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"));
        assert!(!is_aws_managed_rds_key("alias/my-rds-key"));
    }
}
