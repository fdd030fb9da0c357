//! AWS Config (monitoring layer): what the recorder records.

pub mod recorder_partial;

super::area_rules!("config");
