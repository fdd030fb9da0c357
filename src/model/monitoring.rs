//! Detection, logging, compute and encryption settings of the services the monitoring,
//! application and data rules inspect (CloudTrail, CloudWatch, GuardDuty, Security Hub,
//! Config, Access Analyzer, Backup, EC2 metadata, Lambda, load balancers, and the encryption
//! switches of managed data services).

use super::{Field, Link, ResMeta};
use crate::source::Span;

/// Everything of this module found in one template.
#[derive(Debug, Default, serde::Serialize)]
pub struct Monitoring {
    pub trails: Vec<Trail>,
    pub log_groups: Vec<LogGroup>,
    pub metric_filters: Vec<MetricFilter>,
    pub alarms: Vec<Alarm>,
    pub detectors: Vec<Detector>,
    pub security_hubs: Vec<SecurityHub>,
    /// `AWS::SecurityHub::Standard` resources.
    pub hub_standards: Vec<HubStandard>,
    pub config_recorders: Vec<ConfigRecorder>,
    pub delivery_channels: Vec<ResMeta>,
    pub access_analyzers: Vec<ResMeta>,
    pub backup_plans: Vec<BackupPlan>,
    /// Instance metadata settings of launch templates, launch configurations and instances.
    pub instance_metadata: Vec<InstanceMetadata>,
    /// `AWS::WAFv2::WebACLAssociation` resources, by the resource they protect.
    pub waf_associations: Vec<(ResMeta, Field<Link>)>,
    /// Encryption switches of data services (EFS, SNS, SQS, EBS, ...).
    pub encryption: Vec<EncryptionSetting>,
    pub secrets: Vec<ResMeta>,
    /// The secret of each `AWS::SecretsManager::RotationSchedule`.
    pub rotation_schedules: Vec<Field<Link>>,
    /// Operational settings of RDS instances and clusters.
    pub databases: Vec<DbOperations>,
    /// `AWS::CloudFront::Distribution`: `DistributionConfig.WebACLId`.
    pub distributions: Vec<(ResMeta, Field<String>)>,
    pub ssm_parameters: Vec<SsmParameter>,
    /// `AWS::CloudFront::Distribution`: how viewers connect.
    pub distribution_viewers: Vec<DistributionViewer>,
    /// `AWS::ApiGateway::RestApi`.
    pub rest_apis: Vec<RestApi>,
    /// `AWS::ApiGateway::Method`.
    pub api_methods: Vec<ApiMethod>,
    /// `AWS::ApiGateway::Stage`.
    pub api_stages: Vec<ApiStage>,
    /// The account's EBS encryption-by-default switches declared with the infrastructure
    /// (Terraform `aws_ebs_encryption_by_default`), each with its `enabled` value.
    pub ebs_encryption_by_default: Vec<(ResMeta, Field<bool>)>,
    /// `AWS::Redshift::Cluster`: the parameter group that decides TLS.
    pub redshift_clusters: Vec<RedshiftCluster>,
    /// `AWS::Redshift::ClusterParameterGroup`.
    pub redshift_parameter_groups: Vec<super::DbParameterGroup>,
}

/// `AWS::ApiGateway::RestApi`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RestApi {
    pub meta: ResMeta,
    /// `EndpointConfiguration.Types` (`EDGE`, `REGIONAL`, `PRIVATE`).
    pub endpoint_types: Field<Vec<Field<String>>>,
}

/// `AWS::ApiGateway::Method`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ApiMethod {
    pub meta: ResMeta,
    pub rest_api: Field<Link>,
    pub http_method: Field<String>,
    /// `NONE`, `AWS_IAM`, `CUSTOM` or `COGNITO_USER_POOLS`.
    pub authorization_type: Field<String>,
    pub api_key_required: Field<bool>,
}

/// `AWS::ApiGateway::Stage`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ApiStage {
    pub meta: ResMeta,
    pub rest_api: Field<Link>,
    pub stage_name: Field<String>,
}

/// How viewers reach a CloudFront distribution: the protocol policy of each cache behaviour
/// and the viewer certificate.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DistributionViewer {
    pub meta: ResMeta,
    /// `ViewerProtocolPolicy` of `DefaultCacheBehavior` (no path pattern) and of each of
    /// `CacheBehaviors` (with its `PathPattern`).
    pub protocol_policies: Vec<(Option<String>, Field<String>)>,
    /// `ViewerCertificate.CloudFrontDefaultCertificate`; absent with no `ViewerCertificate`.
    pub default_certificate: Field<bool>,
    /// A certificate of its own is named (`AcmCertificateArn` or `IamCertificateId`).
    pub own_certificate: bool,
    /// `ViewerCertificate.MinimumProtocolVersion`.
    pub minimum_protocol_version: Field<String>,
    /// `ViewerCertificate`, or the distribution's configuration when it has none.
    pub certificate_span: Span,
}

/// What decides whether an `AWS::Redshift::Cluster` requires TLS.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RedshiftCluster {
    pub meta: ResMeta,
    /// `ClusterParameterGroupName`; absent for the default group (`default.redshift-1.0`).
    pub parameter_group: Field<Link>,
    /// The source name of `parameter_group`, supplied by the frontend for messages.
    pub parameter_group_source_name: &'static str,
}

/// `AWS::SSM::Parameter`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SsmParameter {
    pub meta: ResMeta,
    pub name: Field<String>,
    /// `String`, `StringList` (CloudFormation cannot create `SecureString` parameters).
    pub kind: Field<String>,
}

/// Operational settings of an `AWS::RDS::DBInstance` or `AWS::RDS::DBCluster`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DbOperations {
    pub meta: ResMeta,
    pub deletion_protection: Field<bool>,
    /// `EnableCloudwatchLogsExports`.
    pub log_exports: Field<Vec<Field<String>>>,
    /// An instance of an Aurora cluster (`DBClusterIdentifier`): these settings are the cluster's.
    pub in_cluster: bool,
    /// A read replica (`SourceDBInstanceIdentifier`).
    pub replica: bool,
    /// `Engine` (a read replica may leave it to its source).
    pub engine: Field<String>,
    /// `EngineVersion`.
    pub engine_version: Field<String>,
    /// `EngineMode` of a cluster (`provisioned`, `serverless`, ...).
    pub engine_mode: Field<String>,
    /// `EnableIAMDatabaseAuthentication` (default `false`).
    pub iam_auth: Field<bool>,
    /// `MultiAZ` of an instance (default `false`).
    pub multi_az: Field<bool>,
    /// `AutoMinorVersionUpgrade` (default `true`).
    pub auto_minor_upgrade: Field<bool>,
}

/// `AWS::CloudTrail::Trail`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Trail {
    pub meta: ResMeta,
    pub is_logging: Field<bool>,
    pub multi_region: Field<bool>,
    pub global_events: Field<bool>,
    pub log_validation: Field<bool>,
    pub kms_key: Field<Link>,
    pub log_group: Field<Link>,
    pub bucket: Field<Link>,
    /// Data resources of the event selectors (or advanced selectors) are declared.
    pub data_events: bool,
}

/// `AWS::Logs::LogGroup`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LogGroup {
    pub meta: ResMeta,
    pub retention_days: Field<i64>,
    pub kms_key: Field<Link>,
}

/// `AWS::Logs::MetricFilter`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MetricFilter {
    pub meta: ResMeta,
    pub pattern: Field<String>,
    /// (namespace, metric name) of each metric transformation.
    pub metrics: Vec<(Option<String>, Option<String>)>,
}

/// `AWS::CloudWatch::Alarm`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Alarm {
    pub meta: ResMeta,
    pub namespace: Field<String>,
    pub metric_name: Field<String>,
    /// Metric names used by metric-math queries.
    pub query_metrics: Vec<String>,
}

/// `AWS::GuardDuty::Detector`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Detector {
    pub meta: ResMeta,
    pub enable: Field<bool>,
    /// (name, status) of each protection feature.
    pub features: Vec<(Field<String>, Field<String>)>,
}

/// `AWS::SecurityHub::Hub`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SecurityHub {
    pub meta: ResMeta,
    /// Standards listed on the hub (`StandardsSubscriptionArns`, as some documentation writes).
    pub standards: Field<Vec<Field<String>>>,
}

/// `AWS::SecurityHub::Standard`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HubStandard {
    pub meta: ResMeta,
    pub arn: Field<String>,
}

/// `AWS::Config::ConfigurationRecorder`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ConfigRecorder {
    pub meta: ResMeta,
    /// Where the recording group is (or the resource when there is none).
    pub group_span: Span,
    pub all_supported: Field<bool>,
    pub include_global: Field<bool>,
}

/// `AWS::Backup::BackupPlan`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BackupPlan {
    pub meta: ResMeta,
    pub rules: Field<Vec<BackupRule>>,
}

/// One rule of a backup plan.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BackupRule {
    pub span: Span,
    pub name: Field<String>,
    /// `Lifecycle.DeleteAfterDays`.
    pub delete_after_days: Field<i64>,
    /// The lifecycle map is present.
    pub lifecycle: bool,
}

/// The instance metadata service settings (`MetadataOptions`) of an
/// `AWS::EC2::LaunchTemplate`, `AWS::AutoScaling::LaunchConfiguration` or `AWS::EC2::Instance`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InstanceMetadata {
    pub meta: ResMeta,
    /// `MetadataOptions.HttpTokens`.
    pub http_tokens: Field<String>,
    /// `MetadataOptions.HttpEndpoint`.
    pub http_endpoint: Field<String>,
}

/// One encryption switch of a data service.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EncryptionSetting {
    pub meta: ResMeta,
    /// `at rest` or `in transit`.
    pub what: &'static str,
    /// The source name of the switch, supplied by the frontend for messages (for
    /// CloudFormation the property, e.g. `Encrypted` or `KmsMasterKeyId`). Rules show it;
    /// they never look anything up by it.
    pub source_name: &'static str,
    pub state: EncryptionState,
    /// Where to point: the property, or the resource when absent.
    pub span: Span,
}

/// Whether a switch is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EncryptionState {
    On,
    /// Off, explicitly or by the service's documented default.
    Off,
    /// Could not be decided.
    Unknown,
    /// Not set on the resource: an account-wide setting decides, off unless the account opted
    /// in (EBS encryption by default).
    AccountDefault,
}
