//! CloudWatch Logs and alarms (monitoring layer): retention, encryption, and metric filters
//! that nobody is alerted on.

area! { log_group_retention_short, log_group_kms, metric_filter_without_alarm }
