//! EC2 instance metadata (application layer): IMDSv2.

pub mod imdsv2_not_required;

super::area_rules!("imds");
