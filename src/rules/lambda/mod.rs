//! Lambda functions (application layer): deprecated runtimes. (Public invocation through
//! `AWS::Lambda::Permission` is a resource-policy rule of the IAM area.)

area! { deprecated_runtime }
