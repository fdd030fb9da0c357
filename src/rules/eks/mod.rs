//! EKS clusters and node groups (application layer).

use crate::model::kind;

pub mod control_plane_logging;
pub mod nodegroup_ssh_open;
pub mod public_endpoint;
pub mod secrets_encryption;

super::area_rules!("eks");

const CLUSTER: &[&str] = &[kind::EKS_CLUSTER];
