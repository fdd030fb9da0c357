//! Load balancers, application and classic: HTTPS listeners and TLS policies (network layer).

pub mod alb_http_without_redirect;
pub mod alb_tls_policy_outdated;
pub mod classic_plaintext_listener;

super::area_rules!("elb");
