//! API Gateway REST APIs: methods anyone may call (application layer). (Web ACLs of stages
//! are a rule of the WAF area.)

pub mod method_without_auth;

super::area_rules!("apigateway");
