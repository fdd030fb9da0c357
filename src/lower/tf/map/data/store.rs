//! Keys, databases, volumes, secrets, queues, topics, registries, clusters, backups and
//! distributions.

use super::{Out, arg, boolean, is_known};
use crate::lower::tf::TfResource;
use crate::lower::tf::map::{Primary, map_val};
use crate::model::{VKind, Val};

pub fn primary(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    let mut o = Out::new(r.body_span);
    let ty = match r.rtype.as_str() {
        "aws_kms_key" => {
            o.arg(a, "enable_key_rotation", "EnableKeyRotation")
                .arg(a, "customer_master_key_spec", "KeySpec")
                .arg(a, "key_spec", "KeySpec")
                .arg(a, "policy", "KeyPolicy");
            "AWS::KMS::Key"
        }
        "aws_db_instance" => {
            db_common(a, &mut o);
            o.arg(a, "vpc_security_group_ids", "VPCSecurityGroups")
                .arg(a, "snapshot_identifier", "DBSnapshotIdentifier")
                .arg(a, "replicate_source_db", "SourceDBInstanceIdentifier")
                .arg(a, "parameter_group_name", "DBParameterGroupName")
                .arg(a, "publicly_accessible", "PubliclyAccessible")
                .arg(a, "multi_az", "MultiAZ")
                .arg(a, "auto_minor_version_upgrade", "AutoMinorVersionUpgrade");
            // The provider makes instances private unless told otherwise; CloudFormation's
            // default depends on the subnet group.
            o.default("PubliclyAccessible", boolean(false, r.span));
            "AWS::RDS::DBInstance"
        }
        "aws_rds_cluster_instance" => {
            o.arg(a, "cluster_identifier", "DBClusterIdentifier")
                .arg(a, "engine", "Engine")
                .arg(a, "engine_version", "EngineVersion")
                .arg(a, "db_subnet_group_name", "DBSubnetGroupName")
                .arg(a, "db_parameter_group_name", "DBParameterGroupName")
                .arg(a, "publicly_accessible", "PubliclyAccessible")
                .arg(a, "auto_minor_version_upgrade", "AutoMinorVersionUpgrade");
            // As for `aws_db_instance`, private unless told otherwise.
            o.default("PubliclyAccessible", boolean(false, r.span));
            "AWS::RDS::DBInstance"
        }
        "aws_rds_cluster" => {
            db_common(a, &mut o);
            o.arg(a, "vpc_security_group_ids", "VpcSecurityGroupIds")
                .arg(a, "engine_mode", "EngineMode")
                .arg(a, "snapshot_identifier", "SnapshotIdentifier")
                .arg(a, "replication_source_identifier", "ReplicationSourceIdentifier")
                .arg(a, "db_cluster_parameter_group_name", "DBClusterParameterGroupName")
                .arg(a, "publicly_accessible", "PubliclyAccessible")
                .arg(a, "auto_minor_version_upgrade", "AutoMinorVersionUpgrade")
                .block(a, "restore_to_point_in_time", "SourceDBClusterIdentifier", |b| {
                    match arg(b, "source_cluster_identifier") {
                        Some(v) => v.clone(),
                        None => Val::unknown("the source of a restore", b.span),
                    }
                });
            "AWS::RDS::DBCluster"
        }
        "aws_docdb_cluster" | "aws_neptune_cluster" => {
            o.arg(a, "storage_encrypted", "StorageEncrypted").arg(a, "kms_key_arn", "KmsKeyId").arg(
                a,
                "snapshot_identifier",
                "SnapshotIdentifier",
            );
            if r.rtype == "aws_docdb_cluster" { "AWS::DocDB::DBCluster" } else { "AWS::Neptune::DBCluster" }
        }
        "aws_db_parameter_group" | "aws_rds_cluster_parameter_group" => {
            o.arg(a, "family", "Family");
            if let Some(v) = arg(a, "parameter") {
                o.put("Parameters", a.key_span("parameter").unwrap_or(v.span), parameters(v));
            }
            if r.rtype == "aws_db_parameter_group" {
                "AWS::RDS::DBParameterGroup"
            } else {
                "AWS::RDS::DBClusterParameterGroup"
            }
        }
        "aws_db_subnet_group" => {
            o.arg(a, "name", "DBSubnetGroupName").arg(a, "subnet_ids", "SubnetIds");
            "AWS::RDS::DBSubnetGroup"
        }
        "aws_ebs_volume" => {
            o.arg(a, "encrypted", "Encrypted").arg(a, "kms_key_id", "KmsKeyId").arg(a, "snapshot_id", "SnapshotId");
            "AWS::EC2::Volume"
        }
        "aws_efs_file_system" => {
            o.arg(a, "encrypted", "Encrypted").arg(a, "kms_key_id", "KmsKeyId");
            "AWS::EFS::FileSystem"
        }
        "aws_secretsmanager_secret" => {
            o.arg(a, "name", "Name").arg(a, "kms_key_id", "KmsKeyId");
            "AWS::SecretsManager::Secret"
        }
        "aws_secretsmanager_secret_rotation" => {
            o.arg(a, "secret_id", "SecretId").arg(a, "rotation_lambda_arn", "RotationLambdaARN").block(
                a,
                "rotation_rules",
                "RotationRules",
                |b| {
                    let mut o = Out::new(b.span);
                    o.arg(b, "automatically_after_days", "AutomaticallyAfterDays").arg(
                        b,
                        "schedule_expression",
                        "ScheduleExpression",
                    );
                    o.into_val()
                },
            );
            "AWS::SecretsManager::RotationSchedule"
        }
        "aws_ssm_parameter" => {
            o.arg(a, "name", "Name").arg(a, "type", "Type").arg(a, "value", "Value");
            "AWS::SSM::Parameter"
        }
        "aws_sns_topic" => {
            o.arg(a, "name", "TopicName").arg(a, "kms_master_key_id", "KmsMasterKeyId");
            "AWS::SNS::Topic"
        }
        "aws_sqs_queue" => {
            o.arg(a, "name", "QueueName").arg(a, "kms_master_key_id", "KmsMasterKeyId").arg(
                a,
                "sqs_managed_sse_enabled",
                "SqsManagedSseEnabled",
            );
            "AWS::SQS::Queue"
        }
        "aws_ecr_repository" => {
            o.arg(a, "name", "RepositoryName")
                .arg(a, "image_tag_mutability", "ImageTagMutability")
                .block(a, "image_scanning_configuration", "ImageScanningConfiguration", |b| {
                    let mut o = Out::new(b.span);
                    o.arg(b, "scan_on_push", "ScanOnPush");
                    o.into_val()
                })
                .block(a, "encryption_configuration", "EncryptionConfiguration", |b| {
                    let mut o = Out::new(b.span);
                    o.arg(b, "encryption_type", "EncryptionType").arg(b, "kms_key", "KmsKey");
                    o.into_val()
                });
            "AWS::ECR::Repository"
        }
        "aws_eks_cluster" => {
            eks_cluster(a, &mut o);
            "AWS::EKS::Cluster"
        }
        "aws_eks_node_group" => {
            o.arg(a, "cluster_name", "ClusterName").block(a, "remote_access", "RemoteAccess", |b| {
                let mut o = Out::new(b.span);
                o.arg(b, "ec2_ssh_key", "Ec2SshKey").arg(b, "source_security_group_ids", "SourceSecurityGroups");
                o.into_val()
            });
            "AWS::EKS::Nodegroup"
        }
        "aws_backup_plan" => {
            let mut plan = Out::new(r.body_span);
            plan.arg(a, "name", "BackupPlanName").blocks(a, "rule", "BackupPlanRule", backup_rule);
            o.put("BackupPlan", r.span, plan.into_val());
            "AWS::Backup::BackupPlan"
        }
        "aws_cloudfront_distribution" => {
            let mut config = Out::new(r.body_span);
            config
                .arg(a, "web_acl_id", "WebACLId")
                .block(a, "default_cache_behavior", "DefaultCacheBehavior", cache_behavior)
                .blocks(a, "ordered_cache_behavior", "CacheBehaviors", cache_behavior)
                .block(a, "viewer_certificate", "ViewerCertificate", |b| {
                    let mut o = Out::new(b.span);
                    o.arg(b, "cloudfront_default_certificate", "CloudFrontDefaultCertificate")
                        .arg(b, "acm_certificate_arn", "AcmCertificateArn")
                        .arg(b, "iam_certificate_id", "IamCertificateId")
                        .arg(b, "minimum_protocol_version", "MinimumProtocolVersion");
                    o.into_val()
                });
            o.put("DistributionConfig", r.span, config.into_val());
            "AWS::CloudFront::Distribution"
        }
        "aws_api_gateway_rest_api" => {
            o.block(a, "endpoint_configuration", "EndpointConfiguration", |b| {
                let mut e = Out::new(b.span);
                e.arg(b, "types", "Types");
                e.into_val()
            });
            "AWS::ApiGateway::RestApi"
        }
        "aws_api_gateway_method" => {
            o.arg(a, "rest_api_id", "RestApiId")
                .arg(a, "http_method", "HttpMethod")
                .arg(a, "authorization", "AuthorizationType")
                .arg(a, "api_key_required", "ApiKeyRequired");
            "AWS::ApiGateway::Method"
        }
        "aws_api_gateway_stage" => {
            o.arg(a, "rest_api_id", "RestApiId").arg(a, "stage_name", "StageName");
            "AWS::ApiGateway::Stage"
        }
        "aws_wafv2_web_acl_association" => {
            o.arg(a, "resource_arn", "ResourceArn").arg(a, "web_acl_arn", "WebACLArn");
            "AWS::WAFv2::WebACLAssociation"
        }
        _ => return None,
    };
    Some(Primary::new(ty, o.into_val()))
}

/// A distribution's `default_cache_behavior` or `ordered_cache_behavior` block.
fn cache_behavior(b: &Val) -> Val {
    let mut o = Out::new(b.span);
    o.arg(b, "path_pattern", "PathPattern").arg(b, "viewer_protocol_policy", "ViewerProtocolPolicy");
    o.into_val()
}

/// What DB instances and clusters share.
fn db_common(a: &Val, o: &mut Out) {
    o.arg(a, "engine", "Engine")
        .arg(a, "engine_version", "EngineVersion")
        .arg(a, "storage_encrypted", "StorageEncrypted")
        .arg(a, "kms_key_id", "KmsKeyId")
        .arg(a, "db_subnet_group_name", "DBSubnetGroupName")
        .arg(a, "backup_retention_period", "BackupRetentionPeriod")
        .arg(a, "port", "Port")
        .arg(a, "deletion_protection", "DeletionProtection")
        .arg(a, "enabled_cloudwatch_logs_exports", "EnableCloudwatchLogsExports")
        .arg(a, "iam_database_authentication_enabled", "EnableIAMDatabaseAuthentication");
}

/// `parameter { name, value }` blocks as a map of name to value; undecided when a name is.
fn parameters(v: &Val) -> Val {
    let Some(items) = v.as_list() else { return v.clone() };
    let mut entries = Vec::new();
    for p in items {
        let (Some(name), Some(value)) = (p.get("name"), p.get("value")) else {
            return Val::unknown("a parameter", p.span);
        };
        let Some(n) = name.as_str().filter(|_| is_known(name)) else {
            return Val::unknown("a parameter's name", name.span);
        };
        entries.push((n.to_string(), name.span, value.clone()));
    }
    map_val(entries, v.span)
}

/// The EKS cluster's `vpc_config`, `encryption_config` and `enabled_cluster_log_types`.
fn eks_cluster(a: &Val, o: &mut Out) {
    o.arg(a, "name", "Name")
        .block(a, "vpc_config", "ResourcesVpcConfig", |b| {
            let mut o = Out::new(b.span);
            o.arg(b, "endpoint_public_access", "EndpointPublicAccess")
                .arg(b, "endpoint_private_access", "EndpointPrivateAccess")
                .arg(b, "public_access_cidrs", "PublicAccessCidrs")
                .arg(b, "subnet_ids", "SubnetIds")
                .arg(b, "security_group_ids", "SecurityGroupIds");
            o.into_val()
        })
        .blocks(a, "encryption_config", "EncryptionConfig", |b| {
            let mut o = Out::new(b.span);
            o.arg(b, "resources", "Resources").block(b, "provider", "Provider", |p| {
                let mut o = Out::new(p.span);
                o.arg(p, "key_arn", "KeyArn");
                o.into_val()
            });
            o.into_val()
        });
    if let Some(v) = arg(a, "enabled_cluster_log_types") {
        let span = a.key_span("enabled_cluster_log_types").unwrap_or(v.span);
        let types = match &v.kind {
            VKind::List(items) => Val::new(
                VKind::List(items.iter().map(|t| map_val(vec![("Type".into(), t.span, t.clone())], t.span)).collect()),
                v.span,
            ),
            _ => v.clone(),
        };
        let cluster_logging = map_val(vec![("EnabledTypes".into(), span, types)], span);
        o.put("Logging", span, map_val(vec![("ClusterLogging".into(), span, cluster_logging)], span));
    }
}

/// A backup plan's `rule` block as a `BackupPlanRule`.
fn backup_rule(b: &Val) -> Val {
    let mut o = Out::new(b.span);
    o.arg(b, "rule_name", "RuleName").block(b, "lifecycle", "Lifecycle", |l| {
        let mut o = Out::new(l.span);
        o.arg(l, "delete_after", "DeleteAfterDays").arg(l, "cold_storage_after", "MoveToColdStorageAfterDays");
        o.into_val()
    });
    o.into_val()
}

#[cfg(test)]
mod tests {
    use super::super::testing::findings;
    use crate::lower::tf::testing::{model, res};
    use crate::model::{EncryptionState, Link};

    #[test]
    fn keys_and_databases() {
        let db = res(
            "aws_db_instance.db",
            r#"{"engine": "postgres", "storage_encrypted": true, "kms_key_id": "$ref:aws_kms_key.k.arn",
                "backup_retention_period": 3, "vpc_security_group_ids": ["$ref:aws_security_group.s.id"],
                "db_subnet_group_name": "$ref:aws_db_subnet_group.g.name", "parameter_group_name": "$ref:aws_db_parameter_group.p.name"}"#,
        );
        let retention_span = db.attrs.get("backup_retention_period").unwrap().span;
        let m = model(&[
            res("aws_kms_key.k", r#"{"enable_key_rotation": false, "customer_master_key_spec": "SYMMETRIC_DEFAULT"}"#),
            db,
            res("aws_rds_cluster.c", r#"{"engine": "aurora-postgresql", "deletion_protection": true}"#),
            res(
                "aws_rds_cluster_instance.i",
                r#"{"cluster_identifier": "$ref:aws_rds_cluster.c.id", "engine": "aurora-postgresql"}"#,
            ),
            res(
                "aws_db_parameter_group.p",
                r#"{"family": "postgres16", "parameter": [{"name": "rds.force_ssl", "value": "1"}]}"#,
            ),
            res("aws_db_subnet_group.g", r#"{"subnet_ids": ["$ref:aws_subnet.a.id"]}"#),
        ]);
        let k = &m.kms_keys[0];
        assert!(k.enable_key_rotation.is_false());
        assert_eq!(k.key_spec.get().map(String::as_str), Some("SYMMETRIC_DEFAULT"));
        assert_eq!(findings(&m, "kms-key-rotation").len(), 1);
        let d = &m.db_instances[0];
        assert_eq!(d.db.kms_key.get(), Some(&Link::Local("aws_kms_key.k".into())));
        assert_eq!(d.parameter_group.get(), Some(&Link::Local("aws_db_parameter_group.p".into())));
        assert!(d.db.publicly_accessible.is_false(), "the provider's default");
        let backup = findings(&m, "rds-backup-retention");
        assert_eq!(backup.len(), 2, "3 days on the instance, the cluster's default of 1");
        assert!(backup.iter().any(|f| f.location.span == retention_span));
        assert!(m.db_instances[1].cluster.get().is_some());
        assert_eq!(findings(&m, "rds-storage-encrypted").len(), 1, "the cluster only");
        let p = m.db_parameter_groups[0].parameters.get().unwrap();
        assert_eq!((p[0].0.as_str(), p[0].1.get().map(String::as_str)), ("rds.force_ssl", Some("1")));
        assert_eq!(m.db_subnet_groups[0].subnets.get().unwrap().len(), 1);
    }

    #[test]
    fn encryption_switches_of_data_services() {
        let m = model(&[
            res("aws_ebs_volume.v", r#"{"encrypted": false}"#),
            res("aws_efs_file_system.f", r#"{"encrypted": true}"#),
            res("aws_sns_topic.t", r#"{"name": "t"}"#),
            res("aws_sqs_queue.q", r#"{"sqs_managed_sse_enabled": false}"#),
            res("aws_ssm_parameter.p", r#"{"name": "db-password", "type": "String", "value": "x"}"#),
            res("aws_secretsmanager_secret.s", r#"{"name": "s"}"#),
            res(
                "aws_secretsmanager_secret_rotation.r",
                r#"{"secret_id": "$ref:aws_secretsmanager_secret.s.id", "rotation_rules": [{"automatically_after_days": 30}]}"#,
            ),
        ]);
        let states: Vec<_> = m.monitoring.encryption.iter().map(|e| (e.meta.id.as_ref(), e.state)).collect();
        assert!(states.contains(&("aws_ebs_volume.v", EncryptionState::Off)));
        assert!(states.contains(&("aws_efs_file_system.f", EncryptionState::On)));
        assert!(states.contains(&("aws_sns_topic.t", EncryptionState::Off)));
        assert!(states.contains(&("aws_sqs_queue.q", EncryptionState::Off)));
        assert_eq!(m.monitoring.ssm_parameters[0].kind.get().map(String::as_str), Some("String"));
        assert_eq!(m.monitoring.rotation_schedules[0].get(), Some(&Link::Local("aws_secretsmanager_secret.s".into())));
        assert!(findings(&m, "secret-without-rotation").is_empty());
    }

    #[test]
    fn registries_clusters_backups_and_distributions() {
        let m = model(&[
            res("aws_ecr_repository.r", r#"{"name": "app", "image_scanning_configuration": [{"scan_on_push": true}]}"#),
            res(
                "aws_eks_cluster.c",
                r#"{"vpc_config": [{"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}],
                    "encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "$ref:aws_kms_key.k.arn"}]}],
                    "enabled_cluster_log_types": ["api", "audit"]}"#,
            ),
            res("aws_eks_node_group.n", r#"{"remote_access": [{"ec2_ssh_key": "k"}]}"#),
            res(
                "aws_backup_plan.b",
                r#"{"name": "p", "rule": [{"rule_name": "daily", "lifecycle": [{"delete_after": 3}]}]}"#,
            ),
            res("aws_cloudfront_distribution.d", r#"{"enabled": true}"#),
            res("aws_wafv2_web_acl_association.w", r#"{"resource_arn": "$ref:aws_lb.l.arn", "web_acl_arn": "x"}"#),
        ]);
        let r = &m.ecr_repositories[0];
        assert!(r.scan_on_push.is_true());
        assert!(r.tag_mutability.is_absent());
        assert_eq!(findings(&m, "ecr-immutable-tags").len(), 1);
        let c = &m.eks_clusters[0];
        assert!(c.endpoint_public.is_true());
        assert_eq!(c.log_types.get().unwrap().len(), 2);
        let enc = c.encryption.get().unwrap();
        assert_eq!(enc[0].key.get(), Some(&Link::Local("aws_kms_key.k".into())));
        assert!(m.eks_nodegroups[0].remote_access.is_some());
        let rules = m.monitoring.backup_plans[0].rules.get().unwrap();
        assert_eq!(rules[0].delete_after_days.get(), Some(&3));
        assert!(m.monitoring.distributions[0].1.is_absent());
        assert_eq!(m.monitoring.waf_associations[0].1.get(), Some(&Link::Local("aws_lb.l".into())));
    }
}
