//! EKS clusters and node groups (application layer).

use crate::model::kind;

area! { secrets_encryption, public_endpoint, control_plane_logging, nodegroup_ssh_open }

const CLUSTER: &[&str] = &[kind::EKS_CLUSTER];
