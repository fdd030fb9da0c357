//! AWS WAF in front of internet-facing entry points (application layer).

pub mod alb_without_waf;
pub mod apigateway_without_waf;
pub mod cloudfront_without_waf;

super::area_rules!("waf");
