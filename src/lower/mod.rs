//! Frontends: each maps its parsed documents into the [`crate::model::Model`].

pub mod cfn;
pub mod k8s;
pub mod policy_file;
pub mod snapshot;
pub mod tf;
