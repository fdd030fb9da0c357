//! CloudFront distributions: how viewers connect (network layer). (Web ACLs of distributions
//! are a rule of the WAF area.)

pub mod tls_outdated;
pub mod viewer_protocol_allow_all;

super::area_rules!("cloudfront");
