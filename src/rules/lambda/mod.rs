//! Lambda functions (application layer): deprecated runtimes. (Public invocation through
//! `AWS::Lambda::Permission` is a resource-policy rule of the IAM area.)

pub mod deprecated_runtime;

super::area_rules!("lambda");
