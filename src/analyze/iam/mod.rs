//! The IAM engine: the action catalog, policy evaluation, the principals of a model with
//! the policies that govern them, and the analyses IAM rules build on.

pub mod arn;
pub mod catalog;
pub mod condition;
pub mod escalation;
pub mod eval;
pub mod expand;
pub mod managed;
pub mod principals;
pub mod query;
