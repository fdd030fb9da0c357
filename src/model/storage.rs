//! Data stores: S3, RDS, KMS.

use super::{Field, Link, PolicyDocument, ResMeta};
use crate::source::Span;

/// `AWS::S3::Bucket`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct S3Bucket {
    pub meta: ResMeta,
    pub name: Field<String>,
    /// Canned ACL.
    pub access_control: Field<CannedAcl>,
    // Boxed: most buckets have none, and it is large.
    pub public_access_block: Option<Box<PublicAccessBlock>>,
    /// Default encryption rules (`BucketEncryption.ServerSideEncryptionConfiguration`).
    pub encryption: Field<Vec<BucketEncryptionRule>>,
    /// `VersioningConfiguration.Status`.
    pub versioning: Field<String>,
    /// `LoggingConfiguration` present (its span).
    pub logging: Field<()>,
    /// `LoggingConfiguration.DestinationBucketName`.
    pub log_destination: Field<Link>,
    /// `LifecycleConfiguration.Rules`.
    pub lifecycle_rules: Field<Vec<LifecycleRule>>,
    /// `ReplicationConfiguration.Rules`.
    pub replication: Field<Vec<ReplicationRule>>,
}

impl S3Bucket {
    /// Does `link` point at this bucket (by logical id, or by its literal name)?
    pub fn is_linked_by(&self, link: &Link) -> bool {
        match link {
            Link::Local(id) => **id == *self.meta.id,
            Link::External(name) => self.name.get().is_some_and(|n| n == name),
        }
    }
}

/// A canned ACL: its name in the S3 API, and how the source wrote it (for messages).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CannedAcl {
    /// The S3 API spelling: `private`, `public-read`, `public-read-write`, `authenticated-read`,
    /// `aws-exec-read`, `bucket-owner-read`, `bucket-owner-full-control`, `log-delivery-write`;
    /// a value the frontend does not recognise, as written.
    pub value: String,
    /// The value as written in the source.
    pub source_text: String,
}

impl CannedAcl {
    pub const PUBLIC_READ: &str = "public-read";
    pub const PUBLIC_READ_WRITE: &str = "public-read-write";
    pub const AUTHENTICATED_READ: &str = "authenticated-read";
}

/// `PublicAccessBlockConfiguration`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PublicAccessBlock {
    pub span: Span,
    pub block_public_acls: Field<bool>,
    pub block_public_policy: Field<bool>,
    pub ignore_public_acls: Field<bool>,
    pub restrict_public_buckets: Field<bool>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BucketEncryptionRule {
    pub span: Span,
    /// `AES256`, `aws:kms`, `aws:kms:dsse`.
    pub algorithm: Field<String>,
    pub kms_key: Field<Link>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LifecycleRule {
    pub span: Span,
    pub status: Field<String>,
    /// Sets an expiration for noncurrent versions (`NoncurrentVersionExpiration` or
    /// `NoncurrentVersionExpirationInDays`).
    pub expires_noncurrent: bool,
}

/// A replication rule of a bucket.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReplicationRule {
    pub span: Span,
    /// `Enabled` or `Disabled`.
    pub status: Field<String>,
    /// `Destination.Bucket`: the bucket objects are copied to.
    pub destination: Field<Link>,
}

/// `AWS::S3::BucketPolicy`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BucketPolicy {
    pub meta: ResMeta,
    pub bucket: Field<Link>,
    pub document: Field<PolicyDocument>,
}

/// `AWS::KMS::Key`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct KmsKey {
    pub meta: ResMeta,
    pub enable_key_rotation: Field<bool>,
    /// `KeySpec`; rotation only applies to `SYMMETRIC_DEFAULT`.
    pub key_spec: Field<String>,
    /// `Origin`: `AWS_KMS` (default), `EXTERNAL` (imported key material) or
    /// `AWS_CLOUDHSM`/`EXTERNAL_KEY_STORE` (custom key stores); only `AWS_KMS` keys rotate
    /// automatically.
    pub origin: Field<String>,
    pub key_policy: Field<PolicyDocument>,
}

/// Settings shared by `AWS::RDS::DBInstance` and `AWS::RDS::DBCluster`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DbCommon {
    pub engine: Field<String>,
    pub engine_version: Field<String>,
    pub storage_encrypted: Field<bool>,
    pub kms_key: Field<Link>,
    pub publicly_accessible: Field<bool>,
    pub security_groups: Field<Vec<Field<Link>>>,
    pub subnet_group: Field<Link>,
    pub backup_retention: Field<i64>,
    pub port: Field<i64>,
    /// Snapshot the instance/cluster is restored from (encryption is inherited from it).
    pub snapshot: Field<String>,
    /// `SourceDBClusterIdentifier`: the cluster a cluster is cloned or restored from, or the
    /// Multi-AZ DB cluster an instance replicates (encryption is inherited from it).
    pub source_cluster: Field<String>,
}

/// `AWS::RDS::DBInstance`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DbInstance {
    pub meta: ResMeta,
    pub db: DbCommon,
    /// `DBClusterIdentifier`: an Aurora instance takes most settings from its cluster.
    pub cluster: Field<Link>,
    /// The DB parameter group (TLS and other engine settings).
    pub parameter_group: Field<Link>,
    /// The source name of `parameter_group`, supplied by the frontend for messages (for
    /// CloudFormation the property, `DBParameterGroupName`).
    pub parameter_group_source_name: &'static str,
    pub source_instance: Field<String>,
}

/// `AWS::RDS::DBCluster`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DbCluster {
    pub meta: ResMeta,
    pub db: DbCommon,
    /// The DB cluster parameter group (TLS and other engine settings).
    pub parameter_group: Field<Link>,
    /// The source name of `parameter_group`, supplied by the frontend for messages (for
    /// CloudFormation the property, `DBClusterParameterGroupName`).
    pub parameter_group_source_name: &'static str,
    /// `EngineMode` (`provisioned`, `serverless`, ...).
    pub engine_mode: Field<String>,
}

/// `AWS::RDS::DBParameterGroup` or `AWS::RDS::DBClusterParameterGroup`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DbParameterGroup {
    pub meta: ResMeta,
    pub family: Field<String>,
    /// Parameters by name, with their values.
    pub parameters: Field<Vec<(String, Field<String>)>>,
}

impl DbParameterGroup {
    /// The value of a parameter, if set (names compare case-insensitively).
    pub fn parameter(&self, name: &str) -> Option<&Field<String>> {
        self.parameters.get()?.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }
}

/// A manual RDS snapshot of an instance or a cluster, or a copy of one.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DbSnapshot {
    pub meta: ResMeta,
    /// Accounts the snapshot is shared with; `all` makes it public.
    pub shared_accounts: Field<Vec<Field<String>>>,
}

/// `AWS::RDS::DBSubnetGroup`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DbSubnetGroup {
    pub meta: ResMeta,
    pub subnets: Field<Vec<Field<Link>>>,
}
