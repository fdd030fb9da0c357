//! The model's own names for the kinds of resources it knows, whatever the input language.
//!
//! Rules name what they inspect with these constants (`kind::S3_BUCKET`), never with an input
//! language's spelling. Frontends say which of their types each model kind stands for:
//! [`SOURCE_TYPES`] is that table for CloudFormation (and for standalone policy files). The
//! CloudFormation lowering reads it to fill [`ResMeta::model_kind`](super::ResMeta), and rule
//! documentation reads it back to list the types a user writes.

/// A resource the model has no name for.
pub const OTHER: &str = "other";

pub const S3_BUCKET: &str = "s3.bucket";
pub const S3_BUCKET_POLICY: &str = "s3.bucket_policy";

pub const EC2_INSTANCE: &str = "ec2.instance";
pub const EC2_LAUNCH_TEMPLATE: &str = "ec2.launch_template";
pub const EC2_NETWORK_INTERFACE: &str = "ec2.network_interface";
pub const EC2_VOLUME: &str = "ec2.volume";
pub const EC2_SECURITY_GROUP: &str = "ec2.security_group";
pub const EC2_SECURITY_GROUP_INGRESS: &str = "ec2.security_group_ingress";
pub const EC2_SECURITY_GROUP_EGRESS: &str = "ec2.security_group_egress";
pub const EC2_NETWORK_ACL_ENTRY: &str = "ec2.network_acl_entry";
pub const EC2_VPC: &str = "ec2.vpc";
pub const EC2_FLOW_LOG: &str = "ec2.flow_log";
pub const EC2_SUBNET: &str = "ec2.subnet";
pub const EC2_ROUTE: &str = "ec2.route";

pub const AUTOSCALING_LAUNCH_CONFIGURATION: &str = "autoscaling.launch_configuration";
pub const AUTOSCALING_GROUP: &str = "autoscaling.group";

pub const RDS_DB_INSTANCE: &str = "rds.db_instance";
pub const RDS_DB_CLUSTER: &str = "rds.db_cluster";
pub const RDS_DB_PARAMETER_GROUP: &str = "rds.db_parameter_group";
pub const RDS_DB_CLUSTER_PARAMETER_GROUP: &str = "rds.db_cluster_parameter_group";
pub const RDS_DB_SUBNET_GROUP: &str = "rds.db_subnet_group";
pub const RDS_DB_SNAPSHOT: &str = "rds.db_snapshot";

pub const REDSHIFT_CLUSTER: &str = "redshift.cluster";
pub const REDSHIFT_PARAMETER_GROUP: &str = "redshift.parameter_group";
pub const ELASTICACHE_CACHE_CLUSTER: &str = "elasticache.cache_cluster";
pub const ELASTICACHE_REPLICATION_GROUP: &str = "elasticache.replication_group";
/// An OpenSearch (formerly Elasticsearch) domain.
pub const OPENSEARCH_DOMAIN: &str = "opensearch.domain";
pub const EFS_FILE_SYSTEM: &str = "efs.file_system";
/// An Amazon DocumentDB cluster.
pub const DOCDB_CLUSTER: &str = "docdb.cluster";
/// An Amazon Neptune cluster.
pub const NEPTUNE_CLUSTER: &str = "neptune.cluster";

/// An application, network or gateway load balancer (Elastic Load Balancing v2).
pub const ELB_LOAD_BALANCER: &str = "elb.load_balancer";
/// A classic load balancer (Elastic Load Balancing v1).
pub const ELB_CLASSIC_LOAD_BALANCER: &str = "elb.classic_load_balancer";
/// A listener of an Elastic Load Balancing v2 load balancer.
pub const ELB_LISTENER: &str = "elb.listener";

pub const EKS_CLUSTER: &str = "eks.cluster";
pub const EKS_NODEGROUP: &str = "eks.nodegroup";
pub const ECR_REPOSITORY: &str = "ecr.repository";
pub const LAMBDA_FUNCTION: &str = "lambda.function";
pub const LAMBDA_PERMISSION: &str = "lambda.permission";
pub const KMS_KEY: &str = "kms.key";
pub const SNS_TOPIC: &str = "sns.topic";
pub const SNS_TOPIC_POLICY: &str = "sns.topic_policy";
pub const SQS_QUEUE: &str = "sqs.queue";
pub const SQS_QUEUE_POLICY: &str = "sqs.queue_policy";
pub const SSM_PARAMETER: &str = "ssm.parameter";
pub const SECRETSMANAGER_SECRET: &str = "secretsmanager.secret";
pub const SECRETSMANAGER_ROTATION_SCHEDULE: &str = "secretsmanager.rotation_schedule";

pub const IAM_ROLE: &str = "iam.role";
pub const IAM_USER: &str = "iam.user";
pub const IAM_GROUP: &str = "iam.group";
/// An inline policy attached to principals.
pub const IAM_POLICY: &str = "iam.policy";
pub const IAM_MANAGED_POLICY: &str = "iam.managed_policy";
pub const IAM_ACCESS_KEY: &str = "iam.access_key";
/// The account's password policy for IAM users.
pub const IAM_PASSWORD_POLICY: &str = "iam.password_policy";
/// A row of the IAM credential report (a user or the root user of a live account).
pub const IAM_CREDENTIAL: &str = "iam.credential";
/// A live account's own settings (root user, account-wide switches).
pub const ACCOUNT: &str = "account";
/// An EBS snapshot of a live account.
pub const EC2_SNAPSHOT: &str = "ec2.snapshot";
/// The account's S3 Block Public Access settings.
pub const S3_ACCOUNT_PUBLIC_ACCESS_BLOCK: &str = "s3.account_public_access_block";
/// The account's EBS encryption by default, per Region.
pub const EC2_EBS_ENCRYPTION_BY_DEFAULT: &str = "ec2.ebs_encryption_by_default";
/// A service control policy.
pub const ORGANIZATIONS_POLICY: &str = "organizations.policy";
/// A standalone policy document (an input file that is just a policy).
pub const POLICY_FILE: &str = "iam.policy_file";

pub const CONFIG_RECORDER: &str = "config.recorder";
pub const SECURITYHUB_HUB: &str = "securityhub.hub";
pub const SECURITYHUB_STANDARD: &str = "securityhub.standard";
pub const GUARDDUTY_DETECTOR: &str = "guardduty.detector";
pub const CLOUDTRAIL_TRAIL: &str = "cloudtrail.trail";
pub const LOGS_LOG_GROUP: &str = "logs.log_group";
pub const LOGS_METRIC_FILTER: &str = "logs.metric_filter";
pub const CLOUDWATCH_ALARM: &str = "cloudwatch.alarm";
pub const BACKUP_PLAN: &str = "backup.plan";
pub const WAF_WEB_ACL_ASSOCIATION: &str = "waf.web_acl_association";
pub const CLOUDFRONT_DISTRIBUTION: &str = "cloudfront.distribution";
pub const APIGATEWAY_REST_API: &str = "apigateway.rest_api";
pub const APIGATEWAY_METHOD: &str = "apigateway.method";
pub const APIGATEWAY_STAGE: &str = "apigateway.stage";

/// Each model kind with the source types it stands for, in the order documentation lists them:
/// CloudFormation resource types, `policy file` for standalone policy documents, and Terraform
/// types for what CloudFormation cannot declare (Terraform's other types are mapped onto the
/// CloudFormation ones, see `lower::tf::map`).
pub static SOURCE_TYPES: &[(&str, &[&str])] = &[
    (S3_BUCKET, &["AWS::S3::Bucket"]),
    (S3_BUCKET_POLICY, &["AWS::S3::BucketPolicy"]),
    (EC2_INSTANCE, &["AWS::EC2::Instance"]),
    (EC2_LAUNCH_TEMPLATE, &["AWS::EC2::LaunchTemplate"]),
    (EC2_NETWORK_INTERFACE, &["AWS::EC2::NetworkInterface"]),
    (EC2_VOLUME, &["AWS::EC2::Volume"]),
    (EC2_SECURITY_GROUP, &["AWS::EC2::SecurityGroup"]),
    (EC2_SECURITY_GROUP_INGRESS, &["AWS::EC2::SecurityGroupIngress"]),
    (EC2_SECURITY_GROUP_EGRESS, &["AWS::EC2::SecurityGroupEgress"]),
    (EC2_NETWORK_ACL_ENTRY, &["AWS::EC2::NetworkAclEntry"]),
    (EC2_VPC, &["AWS::EC2::VPC"]),
    (EC2_FLOW_LOG, &["AWS::EC2::FlowLog"]),
    (EC2_SUBNET, &["AWS::EC2::Subnet"]),
    (EC2_ROUTE, &["AWS::EC2::Route"]),
    (AUTOSCALING_LAUNCH_CONFIGURATION, &["AWS::AutoScaling::LaunchConfiguration"]),
    (AUTOSCALING_GROUP, &["AWS::AutoScaling::AutoScalingGroup"]),
    (RDS_DB_INSTANCE, &["AWS::RDS::DBInstance"]),
    (RDS_DB_CLUSTER, &["AWS::RDS::DBCluster"]),
    (RDS_DB_PARAMETER_GROUP, &["AWS::RDS::DBParameterGroup"]),
    (RDS_DB_CLUSTER_PARAMETER_GROUP, &["AWS::RDS::DBClusterParameterGroup"]),
    (RDS_DB_SUBNET_GROUP, &["AWS::RDS::DBSubnetGroup"]),
    (
        RDS_DB_SNAPSHOT,
        &[
            "aws_db_snapshot",
            "aws_db_cluster_snapshot",
            "aws_db_snapshot_copy",
            "aws_db_cluster_snapshot_copy",
            "rds:DBSnapshot",
            "rds:DBClusterSnapshot",
        ],
    ),
    (REDSHIFT_CLUSTER, &["AWS::Redshift::Cluster"]),
    (REDSHIFT_PARAMETER_GROUP, &["AWS::Redshift::ClusterParameterGroup"]),
    (ELASTICACHE_CACHE_CLUSTER, &["AWS::ElastiCache::CacheCluster"]),
    (ELASTICACHE_REPLICATION_GROUP, &["AWS::ElastiCache::ReplicationGroup"]),
    (OPENSEARCH_DOMAIN, &["AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"]),
    (EFS_FILE_SYSTEM, &["AWS::EFS::FileSystem"]),
    (DOCDB_CLUSTER, &["AWS::DocDB::DBCluster"]),
    (NEPTUNE_CLUSTER, &["AWS::Neptune::DBCluster"]),
    (ELB_LOAD_BALANCER, &["AWS::ElasticLoadBalancingV2::LoadBalancer"]),
    (ELB_CLASSIC_LOAD_BALANCER, &["AWS::ElasticLoadBalancing::LoadBalancer"]),
    (ELB_LISTENER, &["AWS::ElasticLoadBalancingV2::Listener"]),
    (EKS_CLUSTER, &["AWS::EKS::Cluster"]),
    (EKS_NODEGROUP, &["AWS::EKS::Nodegroup"]),
    (ECR_REPOSITORY, &["AWS::ECR::Repository"]),
    (LAMBDA_FUNCTION, &["AWS::Lambda::Function"]),
    (LAMBDA_PERMISSION, &["AWS::Lambda::Permission"]),
    (KMS_KEY, &["AWS::KMS::Key"]),
    (SNS_TOPIC, &["AWS::SNS::Topic"]),
    (SNS_TOPIC_POLICY, &["AWS::SNS::TopicPolicy"]),
    (SQS_QUEUE, &["AWS::SQS::Queue"]),
    (SQS_QUEUE_POLICY, &["AWS::SQS::QueuePolicy"]),
    (SSM_PARAMETER, &["AWS::SSM::Parameter"]),
    (SECRETSMANAGER_SECRET, &["AWS::SecretsManager::Secret"]),
    (SECRETSMANAGER_ROTATION_SCHEDULE, &["AWS::SecretsManager::RotationSchedule"]),
    (IAM_ROLE, &["AWS::IAM::Role"]),
    (IAM_USER, &["AWS::IAM::User"]),
    (IAM_GROUP, &["AWS::IAM::Group"]),
    (IAM_POLICY, &["AWS::IAM::Policy"]),
    (IAM_MANAGED_POLICY, &["AWS::IAM::ManagedPolicy"]),
    (IAM_ACCESS_KEY, &["AWS::IAM::AccessKey"]),
    (IAM_PASSWORD_POLICY, &["aws_iam_account_password_policy", "iam:PasswordPolicy"]),
    // Live accounts name what only they show by the API call that shows it.
    (IAM_CREDENTIAL, &["iam:CredentialReport"]),
    (ACCOUNT, &["iam:AccountSummary"]),
    (EC2_SNAPSHOT, &["ec2:Snapshot"]),
    (S3_ACCOUNT_PUBLIC_ACCESS_BLOCK, &["s3control:PublicAccessBlock", "aws_s3_account_public_access_block"]),
    (EC2_EBS_ENCRYPTION_BY_DEFAULT, &["ec2:EbsEncryptionByDefault", "aws_ebs_encryption_by_default"]),
    (ORGANIZATIONS_POLICY, &["AWS::Organizations::Policy"]),
    (POLICY_FILE, &["policy file"]),
    (CONFIG_RECORDER, &["AWS::Config::ConfigurationRecorder"]),
    (SECURITYHUB_HUB, &["AWS::SecurityHub::Hub"]),
    (SECURITYHUB_STANDARD, &["AWS::SecurityHub::Standard"]),
    (GUARDDUTY_DETECTOR, &["AWS::GuardDuty::Detector"]),
    (CLOUDTRAIL_TRAIL, &["AWS::CloudTrail::Trail"]),
    (LOGS_LOG_GROUP, &["AWS::Logs::LogGroup"]),
    (LOGS_METRIC_FILTER, &["AWS::Logs::MetricFilter"]),
    (CLOUDWATCH_ALARM, &["AWS::CloudWatch::Alarm"]),
    (BACKUP_PLAN, &["AWS::Backup::BackupPlan"]),
    (WAF_WEB_ACL_ASSOCIATION, &["AWS::WAFv2::WebACLAssociation"]),
    (CLOUDFRONT_DISTRIBUTION, &["AWS::CloudFront::Distribution"]),
    (APIGATEWAY_REST_API, &["AWS::ApiGateway::RestApi"]),
    (APIGATEWAY_METHOD, &["AWS::ApiGateway::Method"]),
    (APIGATEWAY_STAGE, &["AWS::ApiGateway::Stage"]),
];

/// The model kind of a source type ([`OTHER`] when the model has no name for it).
pub fn model_kind(source_type: &str) -> &'static str {
    SOURCE_TYPES.iter().find(|(_, types)| types.contains(&source_type)).map(|(k, _)| *k).unwrap_or(OTHER)
}

/// The source types a model kind stands for (empty for a kind no table names).
pub fn source_types(model_kind: &str) -> Vec<&'static str> {
    SOURCE_TYPES.iter().filter(|(k, _)| *k == model_kind).flat_map(|(_, types)| types.iter().copied()).collect()
}

/// How messages name a resource of each kind, e.g. "DBInstance `Db` is reachable ...".
static NOUNS: &[(&str, &str)] = &[
    (EC2_INSTANCE, "Instance"),
    (AUTOSCALING_GROUP, "AutoScalingGroup"),
    (RDS_DB_INSTANCE, "DBInstance"),
    (RDS_DB_CLUSTER, "DBCluster"),
    (REDSHIFT_CLUSTER, "Cluster"),
    (ELASTICACHE_CACHE_CLUSTER, "CacheCluster"),
    (ELASTICACHE_REPLICATION_GROUP, "ReplicationGroup"),
    (OPENSEARCH_DOMAIN, "Domain"),
    (ELB_LOAD_BALANCER, "LoadBalancer"),
    (ELB_CLASSIC_LOAD_BALANCER, "LoadBalancer"),
    (EKS_CLUSTER, "Cluster"),
];

/// The noun messages use for a resource: from its model kind, or for a kind without one,
/// the last part of its source type.
pub fn noun(meta: &super::ResMeta) -> &str {
    match NOUNS.iter().find(|(k, _)| *k == meta.model_kind) {
        Some((_, n)) => n,
        None => meta.kind.rsplit("::").next().unwrap_or(&meta.kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_kind_is_named_once_and_maps_back() {
        for (i, (k, types)) in SOURCE_TYPES.iter().enumerate() {
            assert!(SOURCE_TYPES[..i].iter().all(|(o, _)| o != k), "{k} named twice");
            for t in *types {
                assert_eq!(model_kind(t), *k);
            }
            assert_eq!(source_types(k), types.to_vec());
        }
        assert_eq!(model_kind("AWS::Nothing::Here"), OTHER);
        assert!(source_types(OTHER).is_empty());
    }
}
