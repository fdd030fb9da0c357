//! The AWS Security Finding Format (ASFF), as accepted by Security Hub's
//! `BatchImportFindings`: `{"Findings": [...]}`.

use serde_json::{Value, json};

use super::{ScanReport, timestamp};
use crate::finding::{Finding, Severity};

/// Where the findings are imported (the account and region of the Security Hub receiving them).
#[derive(Debug, Clone)]
pub struct AsffTarget {
    pub account_id: String,
    pub region: String,
}

impl Default for AsffTarget {
    fn default() -> AsffTarget {
        AsffTarget { account_id: "000000000000".into(), region: "us-east-1".into() }
    }
}

/// ASFF resource types for CloudFormation types that have one; others are `Other`.
const RESOURCE_TYPES: &[(&str, &str)] = &[
    ("AWS::S3::Bucket", "AwsS3Bucket"),
    ("AWS::EC2::SecurityGroup", "AwsEc2SecurityGroup"),
    ("AWS::EC2::VPC", "AwsEc2Vpc"),
    ("AWS::EC2::Subnet", "AwsEc2Subnet"),
    ("AWS::EC2::NetworkAcl", "AwsEc2NetworkAcl"),
    ("AWS::EC2::LaunchTemplate", "AwsEc2LaunchTemplate"),
    ("AWS::RDS::DBInstance", "AwsRdsDbInstance"),
    ("AWS::RDS::DBCluster", "AwsRdsDbCluster"),
    ("AWS::KMS::Key", "AwsKmsKey"),
    ("AWS::CloudTrail::Trail", "AwsCloudTrailTrail"),
    ("AWS::Lambda::Function", "AwsLambdaFunction"),
    ("AWS::SNS::Topic", "AwsSnsTopic"),
    ("AWS::SQS::Queue", "AwsSqsQueue"),
    ("AWS::SecretsManager::Secret", "AwsSecretsManagerSecret"),
    ("AWS::IAM::Role", "AwsIamRole"),
    ("AWS::IAM::User", "AwsIamUser"),
    ("AWS::IAM::AccessKey", "AwsIamAccessKey"),
    ("AWS::ElasticLoadBalancingV2::LoadBalancer", "AwsElbv2LoadBalancer"),
    ("AWS::ElastiCache::ReplicationGroup", "AwsElastiCacheReplicationGroup"),
    ("AWS::OpenSearchService::Domain", "AwsOpenSearchServiceDomain"),
    ("AWS::Redshift::Cluster", "AwsRedshiftCluster"),
    ("AWS::Backup::BackupPlan", "AwsBackupBackupPlan"),
];

/// ASFF string limits.
const MAX_TITLE: usize = 256;
const MAX_DESCRIPTION: usize = 1024;
const MAX_ID: usize = 512;

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// The ASFF severity label.
pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "CRITICAL",
        Severity::High => "HIGH",
        Severity::Medium => "MEDIUM",
        Severity::Low => "LOW",
        Severity::Info => "INFORMATIONAL",
    }
}

fn finding(f: &Finding, t: &AsffTarget, now: &str) -> Value {
    let (kind, id) = match &f.resource {
        Some(r) => (r.kind.as_str(), format!("{}#{}", f.location.file, r.id)),
        None => ("", format!("{}:{}", f.location.file, f.location.span.line)),
    };
    let rtype = RESOURCE_TYPES.iter().find(|(k, _)| *k == kind).map(|(_, a)| *a).unwrap_or("Other");
    let mut requirements: Vec<String> = f.rule.controls.iter().map(|c| format!("Palisade {c}")).collect();
    requirements.extend(f.rule.well_architected.iter().map(|w| format!("AWS Well-Architected {w}")));
    json!({
        "SchemaVersion": "2018-10-08",
        "Id": truncate(&format!("palisade/{}/{}", f.rule.id, f.fingerprint()), MAX_ID),
        "ProductArn": format!("arn:aws:securityhub:{}:{}:product/{}/default", t.region, t.account_id, t.account_id),
        "GeneratorId": format!("palisade/{}", &f.rule.id),
        "AwsAccountId": t.account_id,
        "Types": ["Software and Configuration Checks/AWS Security Best Practices"],
        "CreatedAt": now,
        "UpdatedAt": now,
        "Severity": {"Label": severity_label(f.severity)},
        "Title": truncate(&format!("{} {}", &f.rule.id, &f.rule.title), MAX_TITLE),
        "Description": truncate(&f.full_message(), MAX_DESCRIPTION),
        "Remediation": {"Recommendation": {"Text": truncate(&f.rule.remediation, 512)}},
        "ProductFields": {
            "palisade/RuleId": &f.rule.id,
            "palisade/Slug": &f.rule.slug,
            "palisade/Layer": f.rule.layer.as_str(),
            "palisade/File": f.location.file.to_string(),
            "palisade/Line": f.location.span.line.to_string(),
            "palisade/Column": f.location.span.col.to_string(),
        },
        "Resources": [{
            "Type": rtype,
            "Id": truncate(&id, MAX_ID),
            "Partition": "aws",
            "Region": t.region,
            "Details": {"Other": {"CloudFormationType": if kind.is_empty() { "none" } else { kind }, "LogicalId": f.resource.as_ref().map(|r| r.id.as_str()).unwrap_or("")}},
        }],
        "Compliance": {"Status": "FAILED", "RelatedRequirements": requirements},
        "RecordState": "ACTIVE",
        "Workflow": {"Status": "NEW"},
    })
}

/// Renders the report for this target account and region.
pub fn render(report: &ScanReport, target: &AsffTarget) -> String {
    let now = timestamp::rfc3339(timestamp::now_epoch());
    let findings: Vec<Value> = report.findings.iter().map(|f| finding(f, target, &now)).collect();
    let mut s = serde_json::to_string_pretty(&json!({ "Findings": findings })).unwrap_or_default();
    s.push('\n');
    s
}
