//! RDS DB instances and clusters: encryption at rest, exposure, backups, TLS.
//!
//! An instance that belongs to a cluster (`DBClusterIdentifier`) takes its storage
//! encryption, backups, security groups, subnet group and cluster parameters from the
//! cluster, so those rules look at the cluster only. Read replicas and restores from
//! snapshots or other clusters inherit their encryption from the source, which the template
//! does not show.

use crate::model::kind;
use crate::model::{DbCommon, Field, Link, Model, ResMeta, Tri};

pub mod backup_retention;
pub mod customer_managed_key;
pub mod in_public_subnet;
pub mod publicly_accessible;
pub mod security_group_open_to_internet;
pub mod snapshot_public;
pub mod storage_encrypted;
pub mod tls_enforced;

super::area_rules!("rds");

const DB: &[&str] = &[kind::RDS_DB_INSTANCE, kind::RDS_DB_CLUSTER];

/// A DB instance or cluster, seen through what the rules need.
struct Db<'m> {
    meta: &'m ResMeta,
    db: &'m DbCommon,
    /// "DB instance" or "DB cluster".
    what: crate::i18n::Message,
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
            what: msg!("rds-db-instance"),
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
            what: msg!("rds-db-cluster"),
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
pub(super) enum Family {
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
pub(super) fn family(name: &str) -> Option<Family> {
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
