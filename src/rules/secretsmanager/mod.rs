//! Secrets Manager (data layer): rotation.

pub mod secret_without_rotation;

super::area_rules!("secretsmanager");
