//! AWS Backup plans (data layer): how long recovery points are kept.

pub mod plan_retention;

super::area_rules!("backup");
