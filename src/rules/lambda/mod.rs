//! Lambda functions (application layer): deprecated runtimes, service permissions not tied to
//! their source. (Public invocation through `AWS::Lambda::Permission` is a resource-policy rule
//! of the IAM area.)

pub mod deprecated_runtime;
pub mod permission_without_source;

super::area_rules!("lambda");
