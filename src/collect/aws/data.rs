//! Data stores: S3 and S3 Control (account-wide), RDS and KMS (per Region).

use std::collections::HashMap;

use aws_config::Region;
use aws_sdk_rds::types as rds_t;
use aws_sdk_s3::types as s3_t;
use serde_json::Value;

use super::conv::{merged, obj, text, to_json};
use super::{Ctx, ids};

to_json! {
    s3_t::Bucket => |x| { "Name" => x.name(), "CreationDate" => x.creation_date(), "BucketRegion" => x.bucket_region() }
    s3_t::PublicAccessBlockConfiguration => |x| {
        "BlockPublicAcls" => x.block_public_acls(),
        "IgnorePublicAcls" => x.ignore_public_acls(),
        "BlockPublicPolicy" => x.block_public_policy(),
        "RestrictPublicBuckets" => x.restrict_public_buckets(),
    }
    s3_t::Owner => |x| { "DisplayName" => x.display_name(), "ID" => x.id() }
    s3_t::Grantee => |x| {
        "Type" => text(Some(x.r#type())),
        "ID" => x.id(),
        "URI" => x.uri(),
        "DisplayName" => x.display_name(),
        "EmailAddress" => x.email_address(),
    }
    s3_t::Grant => |x| { "Grantee" => x.grantee(), "Permission" => text(x.permission()) }
    s3_t::ServerSideEncryptionByDefault => |x| {
        "SSEAlgorithm" => text(Some(x.sse_algorithm())),
        "KMSMasterKeyID" => x.kms_master_key_id(),
    }
    s3_t::ServerSideEncryptionRule => |x| {
        "ApplyServerSideEncryptionByDefault" => x.apply_server_side_encryption_by_default(),
        "BucketKeyEnabled" => x.bucket_key_enabled(),
    }
    s3_t::LoggingEnabled => |x| { "TargetBucket" => x.target_bucket(), "TargetPrefix" => x.target_prefix() }
    s3_t::LifecycleExpiration => |x| {
        "Days" => x.days(),
        "Date" => x.date(),
        "ExpiredObjectDeleteMarker" => x.expired_object_delete_marker(),
    }
    s3_t::NoncurrentVersionExpiration => |x| { "NoncurrentDays" => x.noncurrent_days() }
    s3_t::AbortIncompleteMultipartUpload => |x| { "DaysAfterInitiation" => x.days_after_initiation() }
    s3_t::Transition => |x| { "Days" => x.days(), "StorageClass" => text(x.storage_class()) }
    s3_t::LifecycleRule => |x| {
        "ID" => x.id(),
        "Status" => text(Some(x.status())),
        "Expiration" => x.expiration(),
        "NoncurrentVersionExpiration" => x.noncurrent_version_expiration(),
        "AbortIncompleteMultipartUpload" => x.abort_incomplete_multipart_upload(),
        "Transitions" => x.transitions(),
    }
    s3_t::OwnershipControlsRule => |x| { "ObjectOwnership" => text(Some(x.object_ownership())) }
    aws_sdk_s3control::types::PublicAccessBlockConfiguration => |x| {
        "BlockPublicAcls" => x.block_public_acls(),
        "IgnorePublicAcls" => x.ignore_public_acls(),
        "BlockPublicPolicy" => x.block_public_policy(),
        "RestrictPublicBuckets" => x.restrict_public_buckets(),
    }
}

/// S3 Control sends account-wide requests to `ACCOUNT.s3-control...`: with an explicit endpoint
/// (an emulator), the endpoint is used as it is.
#[derive(Debug)]
struct FixedEndpoint(String);

impl aws_sdk_s3control::config::endpoint::ResolveEndpoint for FixedEndpoint {
    fn resolve_endpoint<'a>(
        &'a self,
        _params: &'a aws_sdk_s3control::config::endpoint::Params,
    ) -> aws_sdk_s3control::config::endpoint::EndpointFuture<'a> {
        aws_sdk_s3control::config::endpoint::EndpointFuture::ready(Ok(
            aws_sdk_s3control::config::endpoint::Endpoint::builder().url(self.0.clone()).build(),
        ))
    }
}

/// An S3 client for a Region (path-style addressing with an explicit endpoint).
fn s3_client(cx: &Ctx, region: &str) -> aws_sdk_s3::Client {
    let conf = aws_sdk_s3::config::Builder::from(&cx.cfg)
        .region(Region::new(region.to_string()))
        .force_path_style(cx.endpoint_url.is_some())
        .build();
    aws_sdk_s3::Client::from_conf(conf)
}

/// The Region of a bucket from its location constraint (none: us-east-1; `EU`: eu-west-1).
fn bucket_region(constraint: Option<&str>) -> String {
    match constraint {
        None | Some("") => "us-east-1".into(),
        Some("EU") => "eu-west-1".into(),
        Some(r) => r.to_string(),
    }
}

/// An S3 Control client; with an explicit endpoint, requests go to it as it is, without the
/// account id the SDK otherwise puts in front of the host name.
pub fn s3control_client(cfg: &aws_config::SdkConfig, endpoint_url: Option<&str>) -> aws_sdk_s3control::Client {
    let mut conf = aws_sdk_s3control::config::Builder::from(cfg);
    if let Some(url) = endpoint_url {
        conf = conf.endpoint_resolver(FixedEndpoint(url.to_string()));
    }
    aws_sdk_s3control::Client::from_conf(conf.build())
}

pub async fn s3(cx: Ctx) {
    let s = &cx.sink;
    let control = s3control_client(&cx.cfg, cx.endpoint_url.as_deref());
    let pab = control.get_public_access_block().account_id(&cx.account).send().await;
    s.keep("s3control", "GetPublicAccessBlock", None, &["NoSuchPublicAccessBlockConfiguration"], pab, |o| {
        obj! { "PublicAccessBlockConfiguration" => o.public_access_block_configuration() }
    });

    let home = cx.region();
    let client = s3_client(&cx, &home);
    let pages = client.list_buckets().into_paginator().send().try_collect().await;
    let listed = s.keep("s3", "ListBuckets", None, &[], pages, |p| merged(&p, "Buckets", |o| o.buckets()));
    let names = ids(listed.as_ref(), "Buckets", "Name");
    let mut clients: HashMap<String, aws_sdk_s3::Client> = HashMap::new();
    clients.insert(home.clone(), client.clone());
    let mut set = tokio::task::JoinSet::new();
    let gate = std::sync::Arc::new(tokio::sync::Semaphore::new(8));
    for name in names {
        let location = client.get_bucket_location().bucket(&name).send().await;
        let loc = s.keep("s3", "GetBucketLocation", Some(&name), &[], location, |o| {
            obj! { "LocationConstraint" => text(o.location_constraint()) }
        });
        let region = bucket_region(loc.as_ref().and_then(|l| l.get("LocationConstraint")).and_then(Value::as_str));
        let c = clients.entry(region.clone()).or_insert_with(|| s3_client(&cx, &region)).clone();
        let cx = cx.clone();
        let gate = gate.clone();
        set.spawn(async move {
            let _permit = gate.acquire_owned().await;
            bucket(&cx, &c, &name).await;
        });
    }
    while set.join_next().await.is_some() {}
}

/// The per-bucket calls.
async fn bucket(cx: &Ctx, c: &aws_sdk_s3::Client, name: &str) {
    let s = &cx.sink;
    let b = Some(name);
    let r = c.get_public_access_block().bucket(name).send().await;
    s.keep("s3", "GetPublicAccessBlock", b, &["NoSuchPublicAccessBlockConfiguration"], r, |o| {
        obj! { "PublicAccessBlockConfiguration" => o.public_access_block_configuration() }
    });
    let r = c.get_bucket_policy().bucket(name).send().await;
    s.keep("s3", "GetBucketPolicy", b, &["NoSuchBucketPolicy"], r, |o| obj! { "Policy" => o.policy() });
    let r = c.get_bucket_acl().bucket(name).send().await;
    s.keep("s3", "GetBucketAcl", b, &[], r, |o| obj! { "Owner" => o.owner(), "Grants" => o.grants() });
    let r = c.get_bucket_encryption().bucket(name).send().await;
    s.keep("s3", "GetBucketEncryption", b, &["ServerSideEncryptionConfigurationNotFoundError"], r, |o| {
        obj! { "ServerSideEncryptionConfiguration" => o.server_side_encryption_configuration().map(|c| obj! { "Rules" => c.rules() }) }
    });
    let r = c.get_bucket_versioning().bucket(name).send().await;
    s.keep("s3", "GetBucketVersioning", b, &[], r, |o| {
        obj! { "Status" => text(o.status()), "MFADelete" => text(o.mfa_delete()) }
    });
    let r = c.get_bucket_logging().bucket(name).send().await;
    s.keep("s3", "GetBucketLogging", b, &[], r, |o| obj! { "LoggingEnabled" => o.logging_enabled() });
    let r = c.get_bucket_lifecycle_configuration().bucket(name).send().await;
    s.keep("s3", "GetBucketLifecycleConfiguration", b, &["NoSuchLifecycleConfiguration"], r, |o| {
        obj! { "Rules" => o.rules() }
    });
    let r = c.get_bucket_ownership_controls().bucket(name).send().await;
    s.keep("s3", "GetBucketOwnershipControls", b, &["OwnershipControlsNotFoundError"], r, |o| {
        obj! { "OwnershipControls" => o.ownership_controls().map(|c| obj! { "Rules" => c.rules() }) }
    });
}

to_json! {
    rds_t::Tag => |x| { "Key" => x.key(), "Value" => x.value() }
    rds_t::Endpoint => |x| { "Address" => x.address(), "Port" => x.port(), "HostedZoneId" => x.hosted_zone_id() }
    rds_t::VpcSecurityGroupMembership => |x| {
        "VpcSecurityGroupId" => x.vpc_security_group_id(),
        "Status" => x.status(),
    }
    rds_t::AvailabilityZone => |x| { "Name" => x.name() }
    rds_t::Subnet => |x| {
        "SubnetIdentifier" => x.subnet_identifier(),
        "SubnetAvailabilityZone" => x.subnet_availability_zone(),
        "SubnetStatus" => x.subnet_status(),
    }
    rds_t::DbSubnetGroup => |x| {
        "DBSubnetGroupName" => x.db_subnet_group_name(),
        "VpcId" => x.vpc_id(),
        "Subnets" => x.subnets(),
    }
    rds_t::DbParameterGroupStatus => |x| {
        "DBParameterGroupName" => x.db_parameter_group_name(),
        "ParameterApplyStatus" => x.parameter_apply_status(),
    }
    rds_t::DbInstance => |x| {
        "DBInstanceIdentifier" => x.db_instance_identifier(),
        "DBInstanceArn" => x.db_instance_arn(),
        "DBInstanceClass" => x.db_instance_class(),
        "Engine" => x.engine(),
        "EngineVersion" => x.engine_version(),
        "DBInstanceStatus" => x.db_instance_status(),
        "PubliclyAccessible" => x.publicly_accessible(),
        "StorageEncrypted" => x.storage_encrypted(),
        "KmsKeyId" => x.kms_key_id(),
        "BackupRetentionPeriod" => x.backup_retention_period(),
        "MultiAZ" => x.multi_az(),
        "DeletionProtection" => x.deletion_protection(),
        "AutoMinorVersionUpgrade" => x.auto_minor_version_upgrade(),
        "IAMDatabaseAuthenticationEnabled" => x.iam_database_authentication_enabled(),
        "EnabledCloudwatchLogsExports" => x.enabled_cloudwatch_logs_exports(),
        "DBClusterIdentifier" => x.db_cluster_identifier(),
        "Endpoint" => x.endpoint(),
        "VpcSecurityGroups" => x.vpc_security_groups(),
        "DBSubnetGroup" => x.db_subnet_group(),
        "DBParameterGroups" => x.db_parameter_groups(),
        "CACertificateIdentifier" => x.ca_certificate_identifier(),
        "PerformanceInsightsEnabled" => x.performance_insights_enabled(),
        "MonitoringInterval" => x.monitoring_interval(),
        "CopyTagsToSnapshot" => x.copy_tags_to_snapshot(),
        "TagList" => x.tag_list(),
    }
    rds_t::DbClusterMember => |x| {
        "DBInstanceIdentifier" => x.db_instance_identifier(),
        "IsClusterWriter" => x.is_cluster_writer(),
    }
    rds_t::DbCluster => |x| {
        "DBClusterIdentifier" => x.db_cluster_identifier(),
        "DBClusterArn" => x.db_cluster_arn(),
        "Engine" => x.engine(),
        "EngineVersion" => x.engine_version(),
        "Status" => x.status(),
        "StorageEncrypted" => x.storage_encrypted(),
        "KmsKeyId" => x.kms_key_id(),
        "BackupRetentionPeriod" => x.backup_retention_period(),
        "DeletionProtection" => x.deletion_protection(),
        "IAMDatabaseAuthenticationEnabled" => x.iam_database_authentication_enabled(),
        "EnabledCloudwatchLogsExports" => x.enabled_cloudwatch_logs_exports(),
        "PubliclyAccessible" => x.publicly_accessible(),
        "MultiAZ" => x.multi_az(),
        "VpcSecurityGroups" => x.vpc_security_groups(),
        "DBSubnetGroup" => x.db_subnet_group(),
        "DBClusterParameterGroup" => x.db_cluster_parameter_group(),
        "DBClusterMembers" => x.db_cluster_members(),
        "CopyTagsToSnapshot" => x.copy_tags_to_snapshot(),
        "AutoMinorVersionUpgrade" => x.auto_minor_version_upgrade(),
        "TagList" => x.tag_list(),
    }
    rds_t::DbSnapshot => |x| {
        "DBSnapshotIdentifier" => x.db_snapshot_identifier(),
        "DBSnapshotArn" => x.db_snapshot_arn(),
        "DBInstanceIdentifier" => x.db_instance_identifier(),
        "Encrypted" => x.encrypted(),
        "KmsKeyId" => x.kms_key_id(),
        "SnapshotType" => x.snapshot_type(),
        "Status" => x.status(),
        "Engine" => x.engine(),
        "SnapshotCreateTime" => x.snapshot_create_time(),
        "TagList" => x.tag_list(),
    }
    rds_t::DbClusterSnapshot => |x| {
        "DBClusterSnapshotIdentifier" => x.db_cluster_snapshot_identifier(),
        "DBClusterSnapshotArn" => x.db_cluster_snapshot_arn(),
        "DBClusterIdentifier" => x.db_cluster_identifier(),
        "StorageEncrypted" => x.storage_encrypted(),
        "KmsKeyId" => x.kms_key_id(),
        "SnapshotType" => x.snapshot_type(),
        "Status" => x.status(),
        "Engine" => x.engine(),
        "TagList" => x.tag_list(),
    }
    rds_t::DbSnapshotAttribute => |x| { "AttributeName" => x.attribute_name(), "AttributeValues" => x.attribute_values() }
    rds_t::DbClusterSnapshotAttribute => |x| {
        "AttributeName" => x.attribute_name(),
        "AttributeValues" => x.attribute_values(),
    }
    rds_t::DbParameterGroup => |x| {
        "DBParameterGroupName" => x.db_parameter_group_name(),
        "DBParameterGroupFamily" => x.db_parameter_group_family(),
        "DBParameterGroupArn" => x.db_parameter_group_arn(),
        "Description" => x.description(),
    }
    rds_t::DbClusterParameterGroup => |x| {
        "DBClusterParameterGroupName" => x.db_cluster_parameter_group_name(),
        "DBParameterGroupFamily" => x.db_parameter_group_family(),
        "DBClusterParameterGroupArn" => x.db_cluster_parameter_group_arn(),
        "Description" => x.description(),
    }
    rds_t::Parameter => |x| {
        "ParameterName" => x.parameter_name(),
        "ParameterValue" => x.parameter_value(),
        "Source" => x.source(),
        "ApplyType" => x.apply_type(),
        "DataType" => x.data_type(),
        "IsModifiable" => x.is_modifiable(),
        "ApplyMethod" => text(x.apply_method()),
    }
}

pub async fn rds(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_rds::Client::new(&cx.cfg);
    let r = c.describe_db_instances().into_paginator().send().try_collect().await;
    s.keep("rds", "DescribeDBInstances", None, &[], r, |p| merged(&p, "DBInstances", |o| o.db_instances()));
    let r = c.describe_db_clusters().into_paginator().send().try_collect().await;
    s.keep("rds", "DescribeDBClusters", None, &[], r, |p| merged(&p, "DBClusters", |o| o.db_clusters()));

    let r = c.describe_db_snapshots().into_paginator().send().try_collect().await;
    let snaps = s.keep("rds", "DescribeDBSnapshots", None, &[], r, |p| merged(&p, "DBSnapshots", |o| o.db_snapshots()));
    for id in ids(snaps.as_ref(), "DBSnapshots", "DBSnapshotIdentifier") {
        let r = c.describe_db_snapshot_attributes().db_snapshot_identifier(&id).send().await;
        s.keep("rds", "DescribeDBSnapshotAttributes", Some(&id), &[], r, |o| {
            obj! { "DBSnapshotAttributesResult" => o.db_snapshot_attributes_result().map(|a| obj! {
                "DBSnapshotIdentifier" => a.db_snapshot_identifier(),
                "DBSnapshotAttributes" => a.db_snapshot_attributes(),
            }) }
        });
    }
    let r = c.describe_db_cluster_snapshots().into_paginator().send().try_collect().await;
    let snaps = s.keep("rds", "DescribeDBClusterSnapshots", None, &[], r, |p| {
        merged(&p, "DBClusterSnapshots", |o| o.db_cluster_snapshots())
    });
    for id in ids(snaps.as_ref(), "DBClusterSnapshots", "DBClusterSnapshotIdentifier") {
        let r = c.describe_db_cluster_snapshot_attributes().db_cluster_snapshot_identifier(&id).send().await;
        s.keep("rds", "DescribeDBClusterSnapshotAttributes", Some(&id), &[], r, |o| {
            obj! { "DBClusterSnapshotAttributesResult" => o.db_cluster_snapshot_attributes_result().map(|a| obj! {
                "DBClusterSnapshotIdentifier" => a.db_cluster_snapshot_identifier(),
                "DBClusterSnapshotAttributes" => a.db_cluster_snapshot_attributes(),
            }) }
        });
    }
    let r = c.describe_db_parameter_groups().into_paginator().send().try_collect().await;
    let groups = s.keep("rds", "DescribeDBParameterGroups", None, &[], r, |p| {
        merged(&p, "DBParameterGroups", |o| o.db_parameter_groups())
    });
    for name in ids(groups.as_ref(), "DBParameterGroups", "DBParameterGroupName") {
        let r = c.describe_db_parameters().db_parameter_group_name(&name).into_paginator().send().try_collect().await;
        s.keep("rds", "DescribeDBParameters", Some(&name), &[], r, |p| merged(&p, "Parameters", |o| o.parameters()));
    }
    let r = c.describe_db_cluster_parameter_groups().into_paginator().send().try_collect().await;
    let groups = s.keep("rds", "DescribeDBClusterParameterGroups", None, &[], r, |p| {
        merged(&p, "DBClusterParameterGroups", |o| o.db_cluster_parameter_groups())
    });
    for name in ids(groups.as_ref(), "DBClusterParameterGroups", "DBClusterParameterGroupName") {
        let r = c
            .describe_db_cluster_parameters()
            .db_cluster_parameter_group_name(&name)
            .into_paginator()
            .send()
            .try_collect()
            .await;
        s.keep("rds", "DescribeDBClusterParameters", Some(&name), &[], r, |p| {
            merged(&p, "Parameters", |o| o.parameters())
        });
    }
}

pub async fn kms(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_kms::Client::new(&cx.cfg);
    let r = c.list_keys().into_paginator().send().try_collect().await;
    let keys = s.keep("kms", "ListKeys", None, &[], r, |p| {
        let all: Vec<Value> =
            p.iter().flat_map(|o| o.keys()).map(|k| obj! { "KeyId" => k.key_id(), "KeyArn" => k.key_arn() }).collect();
        obj! { "Keys" => Some(Value::Array(all)) }
    });
    for id in ids(keys.as_ref(), "Keys", "KeyId") {
        let key = Some(id.as_str());
        let r = c.describe_key().key_id(&id).send().await;
        let meta = s.keep("kms", "DescribeKey", key, &[], r, |o| {
            obj! { "KeyMetadata" => o.key_metadata().map(|m| obj! {
                "KeyId" => m.key_id(),
                "Arn" => m.arn(),
                "AWSAccountId" => m.aws_account_id(),
                "KeyManager" => text(m.key_manager()),
                "KeyState" => text(m.key_state()),
                "KeySpec" => text(m.key_spec()),
                "KeyUsage" => text(m.key_usage()),
                "Origin" => text(m.origin()),
                "Enabled" => m.enabled(),
                "Description" => m.description(),
                "MultiRegion" => m.multi_region(),
                "CreationDate" => m.creation_date(),
                "DeletionDate" => m.deletion_date(),
            }) }
        });
        let field =
            |k: &str| meta.as_ref().and_then(|m| m["KeyMetadata"].get(k)).and_then(Value::as_str).map(str::to_string);
        // AWS managed keys are AWS's to rotate, and keys pending deletion answer nothing.
        if field("KeyManager").as_deref() == Some("AWS")
            || field("KeyState").is_some_and(|st| st.starts_with("Pending") && st.ends_with("Deletion"))
        {
            continue;
        }
        let r = c.get_key_rotation_status().key_id(&id).send().await;
        s.keep("kms", "GetKeyRotationStatus", key, &[], r, |o| {
            obj! {
                "KeyRotationEnabled" => Some(o.key_rotation_enabled()),
                "KeyId" => o.key_id(),
                "RotationPeriodInDays" => o.rotation_period_in_days(),
            }
        });
        let r = c.get_key_policy().key_id(&id).policy_name("default").send().await;
        s.keep(
            "kms",
            "GetKeyPolicy",
            key,
            &[],
            r,
            |o| obj! { "Policy" => o.policy(), "PolicyName" => o.policy_name() },
        );
    }
}
