//! S3 buckets, their split-off configuration resources and bucket policies.

use super::{Out, join_or, text};
use crate::lower::tf::TfResource;
use crate::lower::tf::map::{Joiner, Primary, set};
use crate::model::Val;

const BUCKET: (&[&str], &str) = (&["aws_s3_bucket"], "bucket");

pub fn primary(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    match r.rtype.as_str() {
        "aws_s3_bucket" => Some(Primary::new("AWS::S3::Bucket", bucket(r))),
        "aws_s3_bucket_policy" => {
            let mut o = Out::new(r.body_span);
            o.arg(a, "bucket", "Bucket").arg(a, "policy", "PolicyDocument");
            Some(Primary::new("AWS::S3::BucketPolicy", o.into_val()))
        }
        _ => None,
    }
}

/// A bucket with the inline configuration blocks of provider versions before 4.
fn bucket(r: &TfResource) -> Val {
    let a = &r.attrs;
    let mut o = Out::new(r.body_span);
    o.arg(a, "bucket", "BucketName")
        // The S3 API's spelling (`public-read`) is the model's: kept as written, so that
        // messages quote it.
        .arg(a, "acl", "AccessControl")
        .block(a, "versioning", "VersioningConfiguration", |v| {
            let mut s = Out::new(v.span);
            s.arg_with(v, "enabled", "Status", |e| match e.as_bool() {
                Some(true) => text("Enabled", e.span),
                Some(false) => text("Suspended", e.span),
                None => Val::unknown("not a boolean", e.span),
            });
            s.into_val()
        })
        .block(a, "logging", "LoggingConfiguration", logging)
        .block(a, "server_side_encryption_configuration", "BucketEncryption", encryption)
        .block(a, "replication_configuration", "ReplicationConfiguration", |c| replication(c, "rules"));
    // Inline lifecycle rules form the `Rules` of one configuration.
    if let Some(rules) = super::blocks(a, "lifecycle_rule", &legacy_lifecycle_rule) {
        let span = a.key_span("lifecycle_rule").unwrap_or(rules.span);
        let lc = super::super::map_val(vec![("Rules".into(), span, rules)], span);
        o.put("LifecycleConfiguration", span, lc);
    }
    o.into_val()
}

/// A replication configuration (its `rules` blocks inline, `rule` blocks of the split-off
/// resource) as a `ReplicationConfiguration`.
fn replication(v: &Val, rule_block: &str) -> Val {
    let mut o = Out::new(v.span);
    o.arg(v, "role", "Role").blocks(v, rule_block, "Rules", |rule| {
        let mut r = Out::new(rule.span);
        r.arg(rule, "id", "Id").arg(rule, "status", "Status").block(rule, "destination", "Destination", |d| {
            let mut o = Out::new(d.span);
            o.arg(d, "bucket", "Bucket").arg(d, "storage_class", "StorageClass");
            o.into_val()
        });
        r.into_val()
    });
    o.into_val()
}

/// `target_bucket`/`target_prefix` as a `LoggingConfiguration`.
fn logging(v: &Val) -> Val {
    let mut o = Out::new(v.span);
    o.arg(v, "target_bucket", "DestinationBucketName").arg(v, "target_prefix", "LogFilePrefix");
    o.into_val()
}

/// A `server_side_encryption_configuration` (its `rule` blocks) as a `BucketEncryption`.
fn encryption(v: &Val) -> Val {
    let mut o = Out::new(v.span);
    o.blocks(v, "rule", "ServerSideEncryptionConfiguration", |rule| {
        let mut r = Out::new(rule.span);
        r.block(rule, "apply_server_side_encryption_by_default", "ServerSideEncryptionByDefault", |d| {
            let mut o = Out::new(d.span);
            o.arg(d, "sse_algorithm", "SSEAlgorithm").arg(d, "kms_master_key_id", "KMSMasterKeyID");
            o.into_val()
        })
        .arg(rule, "bucket_key_enabled", "BucketKeyEnabled");
        r.into_val()
    });
    o.into_val()
}

/// An inline `lifecycle_rule` (provider versions before 4) as a lifecycle rule.
fn legacy_lifecycle_rule(v: &Val) -> Val {
    let mut o = Out::new(v.span);
    o.arg(v, "id", "Id").arg_with(v, "enabled", "Status", status).block(
        v,
        "noncurrent_version_expiration",
        "NoncurrentVersionExpiration",
        |n| {
            let mut o = Out::new(n.span);
            o.arg(n, "days", "NoncurrentDays");
            o.into_val()
        },
    );
    o.into_val()
}

/// `Enabled`/`Disabled` from a boolean.
fn status(e: &Val) -> Val {
    match e.as_bool() {
        Some(true) => text("Enabled", e.span),
        Some(false) => text("Disabled", e.span),
        None => Val::unknown("not a boolean", e.span),
    }
}

/// A `rule` of `aws_s3_bucket_lifecycle_configuration` as a lifecycle rule.
fn lifecycle_rule(v: &Val) -> Val {
    let mut o = Out::new(v.span);
    o.arg(v, "id", "Id").arg(v, "status", "Status").block(
        v,
        "noncurrent_version_expiration",
        "NoncurrentVersionExpiration",
        |n| {
            let mut o = Out::new(n.span);
            o.arg(n, "noncurrent_days", "NoncurrentDays").arg(
                n,
                "newer_noncurrent_versions",
                "NewerNoncurrentVersions",
            );
            o.into_val()
        },
    );
    o.into_val()
}

pub fn attach(r: &TfResource, j: &mut Joiner<'_>) -> bool {
    let a = &r.attrs;
    let (key, value) = match r.rtype.as_str() {
        "aws_s3_bucket_public_access_block" => {
            let mut o = Out::new(r.body_span);
            o.arg(a, "block_public_acls", "BlockPublicAcls")
                .arg(a, "block_public_policy", "BlockPublicPolicy")
                .arg(a, "ignore_public_acls", "IgnorePublicAcls")
                .arg(a, "restrict_public_buckets", "RestrictPublicBuckets");
            ("PublicAccessBlockConfiguration", o.into_val())
        }
        "aws_s3_bucket_server_side_encryption_configuration" => ("BucketEncryption", encryption(a)),
        "aws_s3_bucket_versioning" => {
            let mut o = Out::new(r.body_span);
            o.block(a, "versioning_configuration", "Status", |c| match c.get("status") {
                Some(s) => s.clone(),
                None => Val::unknown("no status", c.span),
            });
            ("VersioningConfiguration", o.into_val())
        }
        "aws_s3_bucket_logging" => ("LoggingConfiguration", logging(a)),
        "aws_s3_bucket_acl" => match super::arg(a, "acl") {
            Some(v) => ("AccessControl", v.clone()),
            // Grants written out (`access_control_policy`) are not modelled: undecided.
            None => ("AccessControl", Val::unknown("grants of an access control policy", r.body_span)),
        },
        "aws_s3_bucket_ownership_controls" => {
            let mut o = Out::new(r.body_span);
            o.blocks(a, "rule", "Rules", |rule| {
                let mut o = Out::new(rule.span);
                o.arg(rule, "object_ownership", "ObjectOwnership");
                o.into_val()
            });
            ("OwnershipControls", o.into_val())
        }
        "aws_s3_bucket_replication_configuration" => ("ReplicationConfiguration", replication(a, "rule")),
        "aws_s3_bucket_lifecycle_configuration" => {
            let mut o = Out::new(r.body_span);
            o.blocks(a, "rule", "Rules", lifecycle_rule);
            ("LifecycleConfiguration", o.into_val())
        }
        _ => return false,
    };
    let span = r.span;
    let leaves: &[&str] = match key {
        "PublicAccessBlockConfiguration" => {
            &["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]
        }
        "BucketEncryption" => &["ServerSideEncryptionConfiguration"],
        "VersioningConfiguration" => &["Status"],
        "LoggingConfiguration" => &["DestinationBucketName"],
        "LifecycleConfiguration" | "OwnershipControls" => &["Rules"],
        _ => &[],
    };
    join_or(r, j, "bucket", BUCKET, key, leaves, |p| set(p, key, value, span));
    true
}

#[cfg(test)]
mod tests {
    use super::super::testing::findings;
    use crate::lower::tf::testing::{model, res};
    use crate::model::Link;

    #[test]
    fn split_off_resources_join_their_bucket_by_reference() {
        let v = res(
            "aws_s3_bucket_versioning.v",
            r#"{"bucket": "$ref:aws_s3_bucket.b.id", "versioning_configuration": [{"status": "Enabled"}]}"#,
        );
        let status_span =
            v.attrs.get("versioning_configuration").unwrap().as_list().unwrap()[0].get("status").unwrap().span;
        let m = model(&[
            res("aws_s3_bucket.b", r#"{"bucket": "data"}"#),
            v,
            res(
                "aws_s3_bucket_public_access_block.p",
                r#"{"bucket": "$ref:aws_s3_bucket.b.id", "block_public_acls": true, "block_public_policy": true,
                    "ignore_public_acls": false, "restrict_public_buckets": true}"#,
            ),
            res(
                "aws_s3_bucket_server_side_encryption_configuration.e",
                r#"{"bucket": "$ref:aws_s3_bucket.b.id", "rule": [{"apply_server_side_encryption_by_default":
                    [{"sse_algorithm": "aws:kms", "kms_master_key_id": "$ref:aws_kms_key.k.arn"}]}]}"#,
            ),
            res("aws_s3_bucket_logging.l", r#"{"bucket": "$ref:aws_s3_bucket.b.id", "target_bucket": "logs"}"#),
            res(
                "aws_s3_bucket_lifecycle_configuration.c",
                r#"{"bucket": "$ref:aws_s3_bucket.b.id", "rule": [{"id": "old", "status": "Enabled",
                    "noncurrent_version_expiration": [{"noncurrent_days": 30}]}]}"#,
            ),
        ]);
        let b = &m.buckets[0];
        assert_eq!(b.name.get().map(String::as_str), Some("data"));
        assert_eq!(b.versioning.get().map(String::as_str), Some("Enabled"));
        assert_eq!(b.versioning.span, status_span, "points at the Terraform value");
        let pab = b.public_access_block.as_ref().expect("joined");
        assert!(pab.block_public_acls.is_true() && pab.ignore_public_acls.is_false());
        let rules = b.encryption.get().expect("encryption joined");
        assert_eq!(rules[0].algorithm.get().map(String::as_str), Some("aws:kms"));
        assert_eq!(rules[0].kms_key.get(), Some(&Link::Local("aws_kms_key.k".into())));
        assert_eq!(b.log_destination.get(), Some(&Link::External("logs".into())));
        let lc = b.lifecycle_rules.get().expect("lifecycle joined");
        assert!(lc[0].expires_noncurrent);
        assert_eq!(lc[0].status.get().map(String::as_str), Some("Enabled"));
        assert!(findings(&m, "s3-versioning").is_empty());
        assert_eq!(findings(&m, "s3-public-access-block").len(), 1, "ignore_public_acls is false");
    }

    #[test]
    fn split_off_resources_join_by_bucket_name_and_acls_keep_their_spelling() {
        let m = model(&[
            res("aws_s3_bucket.b", r#"{"bucket": "site"}"#),
            res("aws_s3_bucket.other", r#"{"bucket": "other"}"#),
            res("aws_s3_bucket_acl.a", r#"{"bucket": "site", "acl": "public-read"}"#),
        ]);
        let acl = m.buckets[0].access_control.get().expect("joined by name");
        assert_eq!((acl.value.as_str(), acl.source_text.as_str()), ("public-read", "public-read"));
        assert!(m.buckets[1].access_control.is_absent());
        let found = findings(&m, "s3-public-acl");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location.span, m.buckets[0].access_control.span);
    }

    #[test]
    fn a_split_off_resource_that_cannot_be_joined_makes_its_property_unknown() {
        let m = model(&[
            res("aws_s3_bucket.a", r#"{"bucket": "a"}"#),
            res("aws_s3_bucket.b", r#"{"bucket_prefix": "b-"}"#),
            res(
                "aws_s3_bucket_versioning.v",
                r#"{"bucket": "$unknown", "versioning_configuration": [{"status": "Enabled"}]}"#,
            ),
        ]);
        assert!(m.buckets.iter().all(|b| b.versioning.is_unknown()));
        assert!(findings(&m, "s3-versioning").is_empty());
    }

    #[test]
    fn a_literal_name_no_bucket_has_is_outside_the_unit() {
        let m = model(&[
            res("aws_s3_bucket.a", r#"{"bucket": "a"}"#),
            res(
                "aws_s3_bucket_versioning.v",
                r#"{"bucket": "elsewhere", "versioning_configuration": [{"status": "Enabled"}]}"#,
            ),
        ]);
        assert!(m.buckets[0].versioning.is_absent());
    }

    #[test]
    fn legacy_inline_blocks_map_like_the_split_off_resources() {
        let m = model(&[res(
            "aws_s3_bucket.b",
            r#"{"bucket": "x", "acl": "private", "versioning": [{"enabled": false}],
                "logging": [{"target_bucket": "$ref:aws_s3_bucket.logs.id"}],
                "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}],
                "lifecycle_rule": [{"id": "r", "enabled": true}]}"#,
        )]);
        let b = &m.buckets[0];
        assert_eq!(b.access_control.get().map(|a| a.value.as_str()), Some("private"));
        assert_eq!(b.versioning.get().map(String::as_str), Some("Suspended"));
        assert_eq!(b.log_destination.get(), Some(&Link::Local("aws_s3_bucket.logs".into())));
        assert_eq!(b.encryption.get().unwrap()[0].algorithm.get().map(String::as_str), Some("AES256"));
        let lc = b.lifecycle_rules.get().unwrap();
        assert_eq!(lc[0].status.get().map(String::as_str), Some("Enabled"));
        assert!(!lc[0].expires_noncurrent);
    }

    #[test]
    fn bucket_policies_read_json_strings_and_maps() {
        let public = r#"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::x/*\"}]}"#;
        let m = model(&[
            res("aws_s3_bucket.b", r#"{"bucket": "x"}"#),
            res("aws_s3_bucket_policy.p", &format!(r#"{{"bucket": "$ref:aws_s3_bucket.b.id", "policy": "{public}"}}"#)),
        ]);
        let p = &m.bucket_policies[0];
        assert_eq!(p.bucket.get(), Some(&Link::Local("aws_s3_bucket.b".into())));
        assert_eq!(p.document.get().unwrap().statements.len(), 1);
        assert_eq!(findings(&m, "s3-public-bucket-policy").len(), 1);
    }
}
