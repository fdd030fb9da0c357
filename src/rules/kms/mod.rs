//! KMS keys (data layer): rotation and key policies.

use crate::model::kind;

area! { key_rotation, key_policy_public }

const KEY: &[&str] = &[kind::KMS_KEY];
