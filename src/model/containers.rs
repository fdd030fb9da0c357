//! Container platforms in CloudFormation: EKS clusters and node groups, ECR repositories.

use super::{Field, Link, ResMeta};
use crate::source::Span;

/// `AWS::EKS::Cluster`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EksCluster {
    pub meta: ResMeta,
    /// `EncryptionConfig` entries.
    pub encryption: Field<Vec<EksEncryption>>,
    /// Span of `ResourcesVpcConfig` (of the logical id when absent).
    pub vpc_config_span: Span,
    /// `ResourcesVpcConfig.EndpointPublicAccess` (defaults to true).
    pub endpoint_public: Field<bool>,
    /// `ResourcesVpcConfig.EndpointPrivateAccess` (defaults to false).
    pub endpoint_private: Field<bool>,
    /// `ResourcesVpcConfig.PublicAccessCidrs` (defaults to `0.0.0.0/0`).
    pub public_access_cidrs: Field<Vec<Field<String>>>,
    /// `Logging.ClusterLogging.EnabledTypes[*].Type`; absent when `Logging` is absent.
    pub log_types: Field<Vec<Field<String>>>,
}

/// One `EncryptionConfig` entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EksEncryption {
    pub span: Span,
    /// `Resources` (only `secrets` exists).
    pub resources: Field<Vec<Field<String>>>,
    /// `Provider.KeyArn`.
    pub key: Field<Link>,
}

/// `AWS::EKS::Nodegroup`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EksNodegroup {
    pub meta: ResMeta,
    /// Span of `RemoteAccess`; none when absent.
    pub remote_access: Option<Span>,
    /// `RemoteAccess.Ec2SshKey`.
    pub ssh_key: Field<String>,
    /// `RemoteAccess.SourceSecurityGroups`.
    pub source_security_groups: Field<Vec<Field<Link>>>,
}

/// `AWS::ECR::Repository`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EcrRepository {
    pub meta: ResMeta,
    /// `ImageScanningConfiguration.ScanOnPush`.
    pub scan_on_push: Field<bool>,
    /// `ImageTagMutability` (`MUTABLE` by default).
    pub tag_mutability: Field<String>,
    /// `EncryptionConfiguration.EncryptionType` (`AES256` by default).
    pub encryption_type: Field<String>,
}
