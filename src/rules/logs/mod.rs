//! CloudWatch Logs and alarms (monitoring layer): retention, encryption, and metric filters
//! that nobody is alerted on.

pub mod log_group_kms;
pub mod log_group_retention_short;
pub mod metric_filter_without_alarm;

super::area_rules!("logs");
