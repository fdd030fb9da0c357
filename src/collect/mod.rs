//! Collecting live account snapshots (`palisade collect aws`, see `docs/snapshot.md`).
//!
//! The collector asks an AWS account read-only questions with the AWS SDK for Rust and writes
//! the answers as a snapshot, which `palisade scan` reads like a template. It is built with
//! the `aws` feature; without it, the command explains how to install it.
//!
//! Every call the collector makes is listed once, in [`CALLS`], with the IAM permission it
//! needs: the collector names that permission when a call is denied, and the tests check
//! `docs/collector-policy.json` against the same table.

use std::path::PathBuf;

#[cfg(feature = "aws")]
mod aws;
#[cfg(feature = "aws")]
pub use aws::s3control_client;

/// Where a call's answer is kept in a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `global.SERVICE.CALL`: account-wide.
    Global,
    /// `regional.REGION.SERVICE.CALL`: asked in every collected Region.
    Regional,
    /// Asked only to run the collection (identity, Regions, accounts, role assumption); not
    /// kept in the snapshot.
    Run,
}

/// One API call the collector makes.
#[derive(Debug, Clone, Copy)]
pub struct Call {
    /// The snapshot's service key (`ec2`, `s3control`, `logs`, `elbv2`, ...).
    pub service: &'static str,
    /// The operation's name, as AWS writes it.
    pub call: &'static str,
    /// The IAM action that allows it.
    pub permission: &'static str,
    pub scope: Scope,
    /// For a call about one resource: what its answers are keyed by.
    pub per: Option<&'static str>,
}

const fn call(service: &'static str, call: &'static str, permission: &'static str, scope: Scope) -> Call {
    Call { service, call, permission, scope, per: None }
}

const fn per(
    service: &'static str,
    call: &'static str,
    permission: &'static str,
    scope: Scope,
    key: &'static str,
) -> Call {
    Call { service, call, permission, scope, per: Some(key) }
}

use Scope::{Global as G, Regional as R, Run};

/// Every call of a collection, in the order the snapshot lists services.
pub const CALLS: &[Call] = &[
    call("sts", "GetCallerIdentity", "sts:GetCallerIdentity", Run),
    call("ec2", "DescribeRegions", "ec2:DescribeRegions", Run),
    // IAM
    call("iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails", G),
    call("iam", "GenerateCredentialReport", "iam:GenerateCredentialReport", Run),
    call("iam", "GetCredentialReport", "iam:GetCredentialReport", G),
    call("iam", "GetAccountPasswordPolicy", "iam:GetAccountPasswordPolicy", G),
    call("iam", "GetAccountSummary", "iam:GetAccountSummary", G),
    // S3 and S3 Control
    call("s3control", "GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock", G),
    call("s3", "ListBuckets", "s3:ListAllMyBuckets", G),
    per("s3", "GetBucketLocation", "s3:GetBucketLocation", G, "bucket name"),
    per("s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock", G, "bucket name"),
    per("s3", "GetBucketPolicy", "s3:GetBucketPolicy", G, "bucket name"),
    per("s3", "GetBucketAcl", "s3:GetBucketAcl", G, "bucket name"),
    per("s3", "GetBucketEncryption", "s3:GetEncryptionConfiguration", G, "bucket name"),
    per("s3", "GetBucketVersioning", "s3:GetBucketVersioning", G, "bucket name"),
    per("s3", "GetBucketLogging", "s3:GetBucketLogging", G, "bucket name"),
    per("s3", "GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration", G, "bucket name"),
    per("s3", "GetBucketOwnershipControls", "s3:GetBucketOwnershipControls", G, "bucket name"),
    // Organizations
    call("organizations", "ListPolicies", "organizations:ListPolicies", G),
    per("organizations", "DescribePolicy", "organizations:DescribePolicy", G, "policy id"),
    per("organizations", "ListTargetsForPolicy", "organizations:ListTargetsForPolicy", G, "policy id"),
    call("organizations", "DescribeOrganization", "organizations:DescribeOrganization", G),
    call("organizations", "ListRoots", "organizations:ListRoots", G),
    call("organizations", "ListAccounts", "organizations:ListAccounts", G),
    per("organizations", "ListParents", "organizations:ListParents", G, "account or organizational unit id"),
    // EC2
    call("ec2", "DescribeVpcs", "ec2:DescribeVpcs", R),
    call("ec2", "DescribeSubnets", "ec2:DescribeSubnets", R),
    call("ec2", "DescribeRouteTables", "ec2:DescribeRouteTables", R),
    call("ec2", "DescribeInternetGateways", "ec2:DescribeInternetGateways", R),
    call("ec2", "DescribeEgressOnlyInternetGateways", "ec2:DescribeEgressOnlyInternetGateways", R),
    call("ec2", "DescribeNatGateways", "ec2:DescribeNatGateways", R),
    call("ec2", "DescribeNetworkAcls", "ec2:DescribeNetworkAcls", R),
    call("ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups", R),
    call("ec2", "DescribeNetworkInterfaces", "ec2:DescribeNetworkInterfaces", R),
    call("ec2", "DescribeInstances", "ec2:DescribeInstances", R),
    call("ec2", "DescribeLaunchTemplates", "ec2:DescribeLaunchTemplates", R),
    per("ec2", "DescribeLaunchTemplateVersions", "ec2:DescribeLaunchTemplateVersions", R, "launch template id"),
    call("ec2", "DescribeVolumes", "ec2:DescribeVolumes", R),
    call("ec2", "GetEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault", R),
    call("ec2", "DescribeSnapshots", "ec2:DescribeSnapshots", R),
    per("ec2", "DescribeSnapshotAttribute", "ec2:DescribeSnapshotAttribute", R, "snapshot id"),
    call("ec2", "DescribeFlowLogs", "ec2:DescribeFlowLogs", R),
    // RDS
    call("rds", "DescribeDBInstances", "rds:DescribeDBInstances", R),
    call("rds", "DescribeDBClusters", "rds:DescribeDBClusters", R),
    call("rds", "DescribeDBSnapshots", "rds:DescribeDBSnapshots", R),
    per("rds", "DescribeDBSnapshotAttributes", "rds:DescribeDBSnapshotAttributes", R, "snapshot identifier"),
    call("rds", "DescribeDBClusterSnapshots", "rds:DescribeDBClusterSnapshots", R),
    per(
        "rds",
        "DescribeDBClusterSnapshotAttributes",
        "rds:DescribeDBClusterSnapshotAttributes",
        R,
        "cluster snapshot identifier",
    ),
    call("rds", "DescribeDBParameterGroups", "rds:DescribeDBParameterGroups", R),
    per("rds", "DescribeDBParameters", "rds:DescribeDBParameters", R, "parameter group name"),
    call("rds", "DescribeDBClusterParameterGroups", "rds:DescribeDBClusterParameterGroups", R),
    per("rds", "DescribeDBClusterParameters", "rds:DescribeDBClusterParameters", R, "cluster parameter group name"),
    // KMS
    call("kms", "ListKeys", "kms:ListKeys", R),
    per("kms", "DescribeKey", "kms:DescribeKey", R, "key id"),
    per("kms", "GetKeyRotationStatus", "kms:GetKeyRotationStatus", R, "key id"),
    per("kms", "GetKeyPolicy", "kms:GetKeyPolicy", R, "key id"),
    // Logging and detection
    call("cloudtrail", "DescribeTrails", "cloudtrail:DescribeTrails", R),
    per("cloudtrail", "GetTrailStatus", "cloudtrail:GetTrailStatus", R, "trail ARN"),
    per("cloudtrail", "GetEventSelectors", "cloudtrail:GetEventSelectors", R, "trail ARN"),
    call("guardduty", "ListDetectors", "guardduty:ListDetectors", R),
    per("guardduty", "GetDetector", "guardduty:GetDetector", R, "detector id"),
    call("securityhub", "GetEnabledStandards", "securityhub:GetEnabledStandards", R),
    call("config", "DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders", R),
    call("config", "DescribeConfigurationRecorderStatus", "config:DescribeConfigurationRecorderStatus", R),
    call("config", "DescribeDeliveryChannels", "config:DescribeDeliveryChannels", R),
    call("accessanalyzer", "ListAnalyzers", "access-analyzer:ListAnalyzers", R),
    call("logs", "DescribeMetricFilters", "logs:DescribeMetricFilters", R),
    call("cloudwatch", "DescribeAlarms", "cloudwatch:DescribeAlarms", R),
    // Compute and containers
    call("lambda", "ListFunctions", "lambda:ListFunctions", R),
    per("lambda", "GetPolicy", "lambda:GetPolicy", R, "function name"),
    call("eks", "ListClusters", "eks:ListClusters", R),
    per("eks", "DescribeCluster", "eks:DescribeCluster", R, "cluster name"),
    call("ecr", "DescribeRepositories", "ecr:DescribeRepositories", R),
    per("ecr", "GetRepositoryPolicy", "ecr:GetRepositoryPolicy", R, "repository name"),
    call("ecr", "GetRegistryScanningConfiguration", "ecr:GetRegistryScanningConfiguration", R),
    // Load balancing and the web application firewall
    call("elb", "DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers", R),
    per(
        "elb",
        "DescribeLoadBalancerPolicies",
        "elasticloadbalancing:DescribeLoadBalancerPolicies",
        R,
        "load balancer name",
    ),
    call("elbv2", "DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancers", R),
    per("elbv2", "DescribeListeners", "elasticloadbalancing:DescribeListeners", R, "load balancer ARN"),
    per(
        "elbv2",
        "DescribeLoadBalancerAttributes",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        R,
        "load balancer ARN",
    ),
    call("wafv2", "ListWebACLs", "wafv2:ListWebACLs", R),
    per("wafv2", "ListResourcesForWebACL", "wafv2:ListResourcesForWebACL", R, "web ACL ARN"),
    per("wafv2", "GetWebACLForResource", "wafv2:GetWebACLForResource", R, "load balancer ARN"),
    // Messaging, secrets and backups
    call("sns", "ListTopics", "sns:ListTopics", R),
    per("sns", "GetTopicAttributes", "sns:GetTopicAttributes", R, "topic ARN"),
    call("sqs", "ListQueues", "sqs:ListQueues", R),
    per("sqs", "GetQueueAttributes", "sqs:GetQueueAttributes", R, "queue URL"),
    call("secretsmanager", "ListSecrets", "secretsmanager:ListSecrets", R),
    call("backup", "ListBackupPlans", "backup:ListBackupPlans", R),
    per("backup", "GetBackupPlan", "backup:GetBackupPlan", R, "backup plan id"),
    call("backup", "ListBackupVaults", "backup:ListBackupVaults", R),
];

/// The calls of the organisation mode (`--role-name`), made with the caller's own credentials
/// (besides `organizations:ListAccounts` of [`CALLS`], which lists the accounts when none are
/// named).
pub const ORGANISATION_CALLS: &[Call] = &[call("sts", "AssumeRole", "sts:AssumeRole", Run)];

/// The table entry of a call.
pub fn find(service: &str, call: &str) -> Option<&'static Call> {
    CALLS.iter().chain(ORGANISATION_CALLS).find(|c| c.service == service && c.call == call)
}

/// The IAM action a call needs.
pub fn permission(service: &str, call: &str) -> Option<&'static str> {
    find(service, call).map(|c| c.permission)
}

/// What `palisade collect aws` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A named profile of the shared AWS configuration; the SDK's default chain otherwise.
    pub profile: Option<String>,
    /// The Regions to collect; empty: the configured Region.
    pub regions: Vec<String>,
    /// Collect every Region enabled in the account.
    pub all_regions: bool,
    /// The snapshot file (a folder in organisation mode); standard output when absent.
    pub output: Option<PathBuf>,
    /// Send every request to this endpoint (an emulator, a partition's endpoint).
    pub endpoint_url: Option<String>,
    /// Organisation mode: the role to assume in each account.
    pub role_name: Option<String>,
    /// Organisation mode: the accounts; empty: every active account of the organisation.
    pub accounts: Vec<String>,
    /// Show a progress bar (on a terminal).
    pub progress: bool,
}

/// What a collection gave.
#[derive(Debug, Default)]
pub struct Collected {
    /// The snapshot files written.
    pub files: Vec<PathBuf>,
    /// The snapshot, when no file was asked for.
    pub stdout: Option<String>,
    /// Problems that did not stop the collection (an account whose role could not be assumed).
    pub problems: Vec<String>,
}

/// Whether this build has the collector.
pub const AVAILABLE: bool = cfg!(feature = "aws");

/// Collects the accounts `opts` names and writes their snapshots.
#[cfg(feature = "aws")]
pub fn run(opts: &Options) -> Result<Collected, String> {
    aws::run(opts)
}

/// Without the `aws` feature there is no collector: the error says how to get it (the
/// `collect-not-built` label, which the command line shows in the user's language).
#[cfg(not(feature = "aws"))]
pub fn run(_opts: &Options) -> Result<Collected, String> {
    Err(crate::i18n::label(crate::i18n::Lang::En, "collect-not-built").into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_call_is_listed_once_and_per_resource_calls_are_kept() {
        let all: Vec<&Call> = CALLS.iter().chain(ORGANISATION_CALLS).collect();
        for (i, a) in all.iter().enumerate() {
            assert!(
                !all[..i].iter().any(|b| b.service == a.service && b.call == a.call),
                "{}.{} twice",
                a.service,
                a.call
            );
            assert!(a.per.is_none() || a.scope != Scope::Run, "{}.{}", a.service, a.call);
        }
        assert_eq!(permission("s3", "GetBucketEncryption"), Some("s3:GetEncryptionConfiguration"));
        assert_eq!(permission("s3", "Nothing"), None);
    }
}
