//! ECR repositories (application layer).

use crate::model::kind;

pub mod encryption_kms;
pub mod immutable_tags;
pub mod scan_on_push;

super::area_rules!("ecr");

const REPOSITORY: &[&str] = &[kind::ECR_REPOSITORY];
