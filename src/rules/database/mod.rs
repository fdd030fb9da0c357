//! Operational safety of RDS databases: deletion protection (data layer) and log exports
//! (monitoring layer).

use crate::model::kind;

pub mod rds_deletion_protection;
pub mod rds_log_exports;

super::area_rules!("database");

const DB: &[&str] = &[kind::RDS_DB_INSTANCE, kind::RDS_DB_CLUSTER];
