//! EKS clusters and node groups (application layer).

area! { secrets_encryption, public_endpoint, control_plane_logging, nodegroup_ssh_open }

const CLUSTER: &[&str] = &["AWS::EKS::Cluster"];
