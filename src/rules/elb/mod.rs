//! Application load balancers: HTTPS listeners and TLS policies (network layer), WAF
//! protection of internet-facing load balancers (application layer).

pub mod alb_http_without_redirect;
pub mod alb_tls_policy_outdated;

super::area_rules!("elb");
