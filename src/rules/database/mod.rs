//! Operational safety of RDS databases: deletion protection, IAM authentication, Multi-AZ
//! and minor-version upgrades (data layer), and log exports (monitoring layer).
//!
//! These settings belong to each DB instance, read replicas included: a replica inherits
//! its storage encryption from its source, nothing else. An instance of an Aurora cluster
//! takes deletion protection, log exports and IAM authentication from its cluster.

use crate::model::{DbOperations, Tri, kind};
use crate::rules::rds::{Family, family};

pub mod rds_auto_minor_upgrade_disabled;
pub mod rds_deletion_protection;
pub mod rds_iam_authentication;
pub mod rds_log_exports;
pub mod rds_single_az;

super::area_rules!("database");

const DB: &[&str] = &[kind::RDS_DB_INSTANCE, kind::RDS_DB_CLUSTER];

/// "read replica `Id`", "DB instance `Id`" or "DB cluster `Id`", for messages.
fn describe(d: &DbOperations) -> crate::i18n::Message {
    if d.replica {
        msg!("database-read-replica", name = d.meta.id)
    } else if d.meta.model_kind == kind::RDS_DB_CLUSTER {
        msg!("database-db-cluster", name = d.meta.id)
    } else {
        msg!("database-db-instance", name = d.meta.id)
    }
}

/// The engine family, when the engine is written.
fn engine_family(d: &DbOperations) -> Option<Family> {
    d.engine.get().and_then(|e| family(e))
}

/// The major and minor numbers of an engine version (`10.6.14` → (10, 6)), when known.
fn major_minor(d: &DbOperations) -> Option<(u32, u32)> {
    let v = d.engine_version.get()?;
    let mut parts = v.trim().split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
    Some((major, minor))
}

/// A switch that is off: absent (when the default is off) or written `false`.
fn off(f: &crate::model::Field<bool>) -> bool {
    matches!(f.value, Tri::Absent | Tri::Known(false))
}
