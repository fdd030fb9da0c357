//! KMS keys (data layer): rotation and key policies.

use crate::model::kind;

pub mod key_policy_public;
pub mod key_rotation;

super::area_rules!("kms");

const KEY: &[&str] = &[kind::KMS_KEY];
