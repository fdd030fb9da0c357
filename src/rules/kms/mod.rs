//! KMS keys (data layer): rotation and key policies.

area! { key_rotation, key_policy_public }

const KEY: &[&str] = &["AWS::KMS::Key"];
