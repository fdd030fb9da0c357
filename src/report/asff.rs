//! The AWS Security Finding Format (ASFF), as accepted by Security Hub's
//! `BatchImportFindings`: `{"Findings": [...]}`.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::jsonw::JsonWriter;
use super::{ScanReport, fingerprint_hex, timestamp};
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
/// Most entries Security Hub takes in `Compliance.RelatedRequirements`.
const MAX_RELATED: usize = 32;

fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    // A string of at most `max` bytes has at most `max` characters.
    if s.len() <= max || s.chars().count() <= max {
        return Cow::Borrowed(s);
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    Cow::Owned(out)
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

fn finding(w: &mut JsonWriter<'_>, f: &Finding, t: &AsffTarget, now: &str, product_arn: &str, buf: &mut String) {
    let (kind, id) = match &f.resource {
        Some(r) => (r.kind.as_ref(), format!("{}#{}", f.location.file, &r.id)),
        None => ("", format!("{}:{}", f.location.file, f.location.span.line)),
    };
    let rtype = RESOURCE_TYPES.iter().find(|(k, _)| *k == kind).map(|(_, a)| *a).unwrap_or("Other");
    w.begin_object();
    w.field_str("SchemaVersion", "2018-10-08");
    buf.clear();
    let _ = write!(buf, "palisade/{}/{}", &f.rule.id, fingerprint_hex(f).as_str());
    w.field_str("Id", &truncate(buf, MAX_ID));
    w.field_str("ProductArn", product_arn);
    w.key("GeneratorId");
    w.str_parts(&["palisade/", &f.rule.id]);
    w.field_str("AwsAccountId", &t.account_id);
    w.key("Types");
    w.strs(["Software and Configuration Checks/AWS Security Best Practices"]);
    w.field_str("CreatedAt", now);
    w.field_str("UpdatedAt", now);
    w.key("Severity");
    w.begin_object();
    w.field_str("Label", severity_label(f.severity));
    w.end_object();
    buf.clear();
    let _ = write!(buf, "{} {}", &f.rule.id, &f.rule.title);
    w.field_str("Title", &truncate(buf, MAX_TITLE));
    buf.clear();
    buf.push_str(&f.message());
    if let Some(when) = &f.when {
        let _ = write!(buf, " (when {})", when.en());
    }
    w.field_str("Description", &truncate(buf, MAX_DESCRIPTION));
    w.key("Remediation");
    w.begin_object();
    w.key("Recommendation");
    w.begin_object();
    w.field_str("Text", &truncate(&f.rule.remediation, 512));
    w.end_object();
    w.end_object();
    w.key("ProductFields");
    w.begin_object();
    w.field_str("palisade/RuleId", &f.rule.id);
    w.field_str("palisade/Slug", &f.rule.slug);
    w.field_str("palisade/Layer", f.rule.layer.as_str());
    w.field_str("palisade/File", &f.location.file);
    buf.clear();
    let _ = write!(buf, "{}", f.location.span.line);
    w.field_str("palisade/Line", buf);
    buf.clear();
    let _ = write!(buf, "{}", f.location.span.col);
    w.field_str("palisade/Column", buf);
    w.end_object();
    w.key("Resources");
    w.begin_array();
    w.begin_object();
    w.field_str("Type", rtype);
    w.field_str("Id", &truncate(&id, MAX_ID));
    w.field_str("Partition", "aws");
    w.field_str("Region", &t.region);
    w.key("Details");
    w.begin_object();
    w.key("Other");
    w.begin_object();
    w.field_str("CloudFormationType", if kind.is_empty() { "none" } else { kind });
    w.field_str("LogicalId", f.resource.as_ref().map(|r| r.id.as_ref()).unwrap_or(""));
    w.end_object();
    w.end_object();
    w.end_object();
    w.end_array();
    w.key("Compliance");
    w.begin_object();
    w.field_str("Status", "FAILED");
    w.key("RelatedRequirements");
    w.begin_array();
    // Security Hub takes at most 32: the frameworks' requirements first, then ours.
    let mut related = 0;
    for r in f.rule.compliance.iter().filter_map(|c| crate::compliance::Ref::parse(c)).take(MAX_RELATED) {
        w.str_parts(&[r.framework.name(), "/", r.id]);
        related += 1;
    }
    for c in f.rule.controls.iter().take(MAX_RELATED - related) {
        w.str_parts(&["Palisade ", c]);
        related += 1;
    }
    for wa in f.rule.well_architected.iter().take(MAX_RELATED - related) {
        w.str_parts(&["AWS Well-Architected ", wa]);
    }
    w.end_array();
    w.end_object();
    w.field_str("RecordState", "ACTIVE");
    w.key("Workflow");
    w.begin_object();
    w.field_str("Status", "NEW");
    w.end_object();
    w.end_object();
}

/// Renders the report for this target account and region.
pub fn render(report: &ScanReport, target: &AsffTarget) -> String {
    let now = timestamp::rfc3339(timestamp::now_epoch());
    let product_arn =
        format!("arn:aws:securityhub:{}:{}:product/{}/default", target.region, target.account_id, target.account_id);
    let mut out = String::with_capacity(1024 + 2200 * report.findings.len());
    let mut w = JsonWriter::new(&mut out);
    w.begin_object();
    w.key("Findings");
    w.begin_array();
    w.elements(&report.findings, |w, chunk| {
        let mut buf = String::new();
        for f in chunk {
            finding(w, f, target, &now, &product_arn, &mut buf);
        }
    });
    w.end_array();
    w.end_object();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_counts_characters() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("ééé", 3), "ééé");
        assert_eq!(truncate("éééé", 3), "éé…");
    }
}
