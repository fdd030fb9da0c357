//! Security Hub (monitoring layer): which standards are subscribed.

pub mod superseded_standard;

super::area_rules!("securityhub");
