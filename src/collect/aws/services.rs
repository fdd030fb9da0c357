//! Organizations (account-wide), and per Region: Lambda, EKS, ECR, SNS, SQS, Secrets Manager
//! and Backup.

use aws_sdk_backup::types as bk;
use aws_sdk_ecr::types as ecr;
use aws_sdk_eks::types as eks;
use aws_sdk_lambda::types as lambda_t;
use serde_json::Value;

use super::conv::{merged, obj, text, texts, to_json};
use super::{Ctx, ids};

to_json! {
    aws_sdk_organizations::types::PolicySummary => |x| {
        "Id" => x.id(),
        "Arn" => x.arn(),
        "Name" => x.name(),
        "Description" => x.description(),
        "Type" => text(x.r#type()),
        "AwsManaged" => x.aws_managed(),
    }
    aws_sdk_organizations::types::Organization => |x| {
        "Id" => x.id(),
        "Arn" => x.arn(),
        "FeatureSet" => text(x.feature_set()),
        "MasterAccountArn" => x.master_account_arn(),
        "MasterAccountId" => x.master_account_id(),
    }
    aws_sdk_organizations::types::Root => |x| { "Id" => x.id(), "Arn" => x.arn(), "Name" => x.name() }
    aws_sdk_organizations::types::Account => |x| {
        "Id" => x.id(),
        "Arn" => x.arn(),
        "Name" => x.name(),
        "State" => text(x.state()),
        "JoinedMethod" => text(x.joined_method()),
        "JoinedTimestamp" => x.joined_timestamp(),
    }
    aws_sdk_organizations::types::Parent => |x| { "Id" => x.id(), "Type" => text(x.r#type()) }
    aws_sdk_organizations::types::PolicyTargetSummary => |x| {
        "TargetId" => x.target_id(),
        "Arn" => x.arn(),
        "Name" => x.name(),
        "Type" => text(x.r#type()),
    }
    lambda_t::VpcConfigResponse => |x| {
        "SubnetIds" => x.subnet_ids(),
        "SecurityGroupIds" => x.security_group_ids(),
        "VpcId" => x.vpc_id(),
    }
    lambda_t::FunctionConfiguration => |x| {
        "FunctionName" => x.function_name(),
        "FunctionArn" => x.function_arn(),
        "Runtime" => text(x.runtime()),
        "Role" => x.role(),
        "Handler" => x.handler(),
        "PackageType" => text(x.package_type()),
        "Architectures" => texts(x.architectures()),
        "VpcConfig" => x.vpc_config(),
        "KMSKeyArn" => x.kms_key_arn(),
        "TracingConfig" => x.tracing_config().map(|t| obj! { "Mode" => text(t.mode()) }),
        "DeadLetterConfig" => x.dead_letter_config().map(|d| obj! { "TargetArn" => d.target_arn() }),
        "LastModified" => x.last_modified(),
    }
    eks::VpcConfigResponse => |x| {
        "subnetIds" => x.subnet_ids(),
        "securityGroupIds" => x.security_group_ids(),
        "clusterSecurityGroupId" => x.cluster_security_group_id(),
        "vpcId" => x.vpc_id(),
        "endpointPublicAccess" => Some(x.endpoint_public_access()),
        "endpointPrivateAccess" => Some(x.endpoint_private_access()),
        "publicAccessCidrs" => x.public_access_cidrs(),
    }
    eks::LogSetup => |x| { "types" => texts(x.types()), "enabled" => x.enabled() }
    eks::EncryptionConfig => |x| {
        "resources" => encrypted_resources(x),
        "provider" => x.provider().map(|p| obj! { "keyArn" => p.key_arn() }),
    }
    eks::Cluster => |x| {
        "name" => x.name(),
        "arn" => x.arn(),
        "version" => x.version(),
        "status" => text(x.status()),
        "roleArn" => x.role_arn(),
        "endpoint" => x.endpoint(),
        "platformVersion" => x.platform_version(),
        "resourcesVpcConfig" => x.resources_vpc_config(),
        "logging" => x.logging().map(|l| obj! { "clusterLogging" => l.cluster_logging() }),
        "encryptionConfig" => x.encryption_config(),
        "accessConfig" => x.access_config().map(|a| obj! {
            "authenticationMode" => text(a.authentication_mode()),
            "bootstrapClusterCreatorAdminPermissions" => a.bootstrap_cluster_creator_admin_permissions(),
        }),
        "tags" => x.tags(),
    }
    ecr::Repository => |x| {
        "repositoryArn" => x.repository_arn(),
        "registryId" => x.registry_id(),
        "repositoryName" => x.repository_name(),
        "repositoryUri" => x.repository_uri(),
        "createdAt" => x.created_at(),
        "imageTagMutability" => text(x.image_tag_mutability()),
        "imageScanningConfiguration" => x.image_scanning_configuration().map(|c| obj! { "scanOnPush" => Some(c.scan_on_push()) }),
        "encryptionConfiguration" => x.encryption_configuration().map(|c| obj! {
            "encryptionType" => text(Some(c.encryption_type())),
            "kmsKey" => c.kms_key(),
        }),
    }
    ecr::ScanningRepositoryFilter => |x| { "filter" => Some(x.filter()), "filterType" => text(Some(x.filter_type())) }
    ecr::RegistryScanningRule => |x| {
        "scanFrequency" => text(Some(x.scan_frequency())),
        "repositoryFilters" => x.repository_filters(),
    }
    aws_sdk_secretsmanager::types::Tag => |x| { "Key" => x.key(), "Value" => x.value() }
    aws_sdk_secretsmanager::types::SecretListEntry => |x| {
        "ARN" => x.arn(),
        "Name" => x.name(),
        "Description" => x.description(),
        "KmsKeyId" => x.kms_key_id(),
        "RotationEnabled" => x.rotation_enabled(),
        "RotationLambdaARN" => x.rotation_lambda_arn(),
        "RotationRules" => x.rotation_rules().map(|r| obj! {
            "AutomaticallyAfterDays" => r.automatically_after_days(),
            "ScheduleExpression" => r.schedule_expression(),
            "Duration" => r.duration(),
        }),
        "LastRotatedDate" => x.last_rotated_date(),
        "LastChangedDate" => x.last_changed_date(),
        "LastAccessedDate" => x.last_accessed_date(),
        "DeletedDate" => x.deleted_date(),
        "CreatedDate" => x.created_date(),
        "PrimaryRegion" => x.primary_region(),
        "OwningService" => x.owning_service(),
        "Tags" => x.tags(),
    }
    bk::BackupPlansListMember => |x| {
        "BackupPlanArn" => x.backup_plan_arn(),
        "BackupPlanId" => x.backup_plan_id(),
        "BackupPlanName" => x.backup_plan_name(),
        "VersionId" => x.version_id(),
        "CreationDate" => x.creation_date(),
        "LastExecutionDate" => x.last_execution_date(),
    }
    bk::Lifecycle => |x| {
        "DeleteAfterDays" => x.delete_after_days(),
        "MoveToColdStorageAfterDays" => x.move_to_cold_storage_after_days(),
    }
    bk::CopyAction => |x| {
        "DestinationBackupVaultArn" => Some(x.destination_backup_vault_arn()),
        "Lifecycle" => x.lifecycle(),
    }
    bk::BackupRule => |x| {
        "RuleName" => Some(x.rule_name()),
        "TargetBackupVaultName" => Some(x.target_backup_vault_name()),
        "ScheduleExpression" => x.schedule_expression(),
        "StartWindowMinutes" => x.start_window_minutes(),
        "CompletionWindowMinutes" => x.completion_window_minutes(),
        "Lifecycle" => x.lifecycle(),
        "CopyActions" => x.copy_actions(),
        "RuleId" => x.rule_id(),
        "EnableContinuousBackup" => x.enable_continuous_backup(),
    }
    bk::BackupVaultListMember => |x| {
        "BackupVaultName" => x.backup_vault_name(),
        "BackupVaultArn" => x.backup_vault_arn(),
        "EncryptionKeyArn" => x.encryption_key_arn(),
        "Locked" => x.locked(),
        "NumberOfRecoveryPoints" => Some(x.number_of_recovery_points()),
        "MinRetentionDays" => x.min_retention_days(),
        "MaxRetentionDays" => x.max_retention_days(),
        "CreationDate" => x.creation_date(),
    }
}

/// The resources an EKS encryption configuration names (still answered by the API, though
/// deprecated in the SDK since EKS encrypts every resource).
#[allow(deprecated)]
fn encrypted_resources(c: &eks::EncryptionConfig) -> &[String] {
    c.resources()
}

/// The string items of a list of an answer (`{"clusters": ["a", "b"]}`).
fn strings(answer: Option<&Value>, list: &str) -> Vec<String> {
    answer
        .and_then(|a| a.get(list))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
}

pub async fn organizations(cx: Ctx) {
    use aws_sdk_organizations::types::PolicyType;
    let s = &cx.sink;
    let c = aws_sdk_organizations::Client::new(&cx.cfg);
    let r = c.list_policies().filter(PolicyType::ServiceControlPolicy).into_paginator().send().try_collect().await;
    // An account outside any organisation has no service control policies.
    let listed = s.keep("organizations", "ListPolicies", None, &["AWSOrganizationsNotInUseException"], r, |p| {
        merged(&p, "Policies", |o| o.policies())
    });
    for id in ids(listed.as_ref(), "Policies", "Id") {
        let r = c.describe_policy().policy_id(&id).send().await;
        s.keep("organizations", "DescribePolicy", Some(&id), &[], r, |o| {
            obj! { "Policy" => o.policy().map(|p| obj! {
                "PolicySummary" => p.policy_summary(),
                "Content" => p.content(),
            }) }
        });
        let r = c.list_targets_for_policy().policy_id(&id).into_paginator().send().try_collect().await;
        s.keep("organizations", "ListTargetsForPolicy", Some(&id), &[], r, |p| merged(&p, "Targets", |o| o.targets()));
    }
    organization_structure(&cx, &c).await;
}

/// The organization's structure: its roots, its accounts, and the parent of each account and of
/// each organizational unit on the way up to a root.
async fn organization_structure(cx: &Ctx, c: &aws_sdk_organizations::Client) {
    let s = &cx.sink;
    let r = c.describe_organization().send().await;
    let described =
        s.keep("organizations", "DescribeOrganization", None, &["AWSOrganizationsNotInUseException"], r, |o| {
            obj! { "Organization" => o.organization() }
        });
    if described.as_ref().is_some_and(Value::is_null) {
        return;
    }
    let r = c.list_roots().into_paginator().send().try_collect().await;
    let roots = ids(
        s.keep("organizations", "ListRoots", None, &[], r, |p| merged(&p, "Roots", |o| o.roots())).as_ref(),
        "Roots",
        "Id",
    );
    let r = c.list_accounts().into_paginator().send().try_collect().await;
    let listed = s.keep("organizations", "ListAccounts", None, &[], r, |p| merged(&p, "Accounts", |o| o.accounts()));
    let mut todo = ids(listed.as_ref(), "Accounts", "Id");
    let mut seen = std::collections::HashSet::new();
    while let Some(child) = todo.pop() {
        if roots.contains(&child) || !seen.insert(child.clone()) {
            continue;
        }
        let r = c.list_parents().child_id(&child).into_paginator().send().try_collect().await;
        let parents =
            s.keep("organizations", "ListParents", Some(&child), &[], r, |p| merged(&p, "Parents", |o| o.parents()));
        todo.extend(ids(parents.as_ref(), "Parents", "Id").into_iter().take(1));
    }
}

pub async fn lambda(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_lambda::Client::new(&cx.cfg);
    let r = c.list_functions().into_paginator().send().try_collect().await;
    let listed = s.keep("lambda", "ListFunctions", None, &[], r, |p| merged(&p, "Functions", |o| o.functions()));
    for name in ids(listed.as_ref(), "Functions", "FunctionName") {
        let r = c.get_policy().function_name(&name).send().await;
        // A function without a resource policy: `ResourceNotFoundException`.
        s.keep("lambda", "GetPolicy", Some(&name), &["ResourceNotFoundException"], r, |o| {
            obj! { "Policy" => o.policy(), "RevisionId" => o.revision_id() }
        });
    }
}

pub async fn eks(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_eks::Client::new(&cx.cfg);
    let r = c.list_clusters().into_paginator().send().try_collect().await;
    let listed = s.keep("eks", "ListClusters", None, &[], r, |p| merged(&p, "clusters", |o| o.clusters()));
    for name in strings(listed.as_ref(), "clusters") {
        let r = c.describe_cluster().name(&name).send().await;
        s.keep("eks", "DescribeCluster", Some(&name), &[], r, |o| obj! { "cluster" => o.cluster() });
    }
}

pub async fn ecr(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_ecr::Client::new(&cx.cfg);
    let r = c.describe_repositories().into_paginator().send().try_collect().await;
    let listed =
        s.keep("ecr", "DescribeRepositories", None, &[], r, |p| merged(&p, "repositories", |o| o.repositories()));
    for name in ids(listed.as_ref(), "repositories", "repositoryName") {
        let r = c.get_repository_policy().repository_name(&name).send().await;
        s.keep("ecr", "GetRepositoryPolicy", Some(&name), &["RepositoryPolicyNotFoundException"], r, |o| {
            obj! { "registryId" => o.registry_id(), "repositoryName" => o.repository_name(), "policyText" => o.policy_text() }
        });
    }
    let r = c.get_registry_scanning_configuration().send().await;
    s.keep("ecr", "GetRegistryScanningConfiguration", None, &[], r, |o| {
        obj! {
            "registryId" => o.registry_id(),
            "scanningConfiguration" => o.scanning_configuration().map(|c| obj! {
                "scanType" => text(c.scan_type()),
                "rules" => c.rules(),
            }),
        }
    });
}

pub async fn sns(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_sns::Client::new(&cx.cfg);
    let r = c.list_topics().into_paginator().send().try_collect().await;
    let listed = s.keep("sns", "ListTopics", None, &[], r, |p| {
        let all: Vec<Value> = p.iter().flat_map(|o| o.topics()).map(|t| obj! { "TopicArn" => t.topic_arn() }).collect();
        obj! { "Topics" => Some(Value::Array(all)) }
    });
    for arn in ids(listed.as_ref(), "Topics", "TopicArn") {
        let r = c.get_topic_attributes().topic_arn(&arn).send().await;
        s.keep("sns", "GetTopicAttributes", Some(&arn), &[], r, |o| obj! { "Attributes" => o.attributes() });
    }
}

pub async fn sqs(cx: Ctx) {
    use aws_sdk_sqs::types::QueueAttributeName;
    let s = &cx.sink;
    let c = aws_sdk_sqs::Client::new(&cx.cfg);
    let r = c.list_queues().into_paginator().send().try_collect().await;
    let listed = s.keep("sqs", "ListQueues", None, &[], r, |p| merged(&p, "QueueUrls", |o| o.queue_urls()));
    for url in strings(listed.as_ref(), "QueueUrls") {
        let r = c.get_queue_attributes().queue_url(&url).attribute_names(QueueAttributeName::All).send().await;
        s.keep("sqs", "GetQueueAttributes", Some(&url), &[], r, |o| obj! { "Attributes" => o.attributes() });
    }
}

pub async fn secretsmanager(cx: Ctx) {
    let c = aws_sdk_secretsmanager::Client::new(&cx.cfg);
    let r = c.list_secrets().into_paginator().send().try_collect().await;
    cx.sink.keep("secretsmanager", "ListSecrets", None, &[], r, |p| merged(&p, "SecretList", |o| o.secret_list()));
}

pub async fn backup(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_backup::Client::new(&cx.cfg);
    let r = c.list_backup_plans().into_paginator().send().try_collect().await;
    let listed =
        s.keep("backup", "ListBackupPlans", None, &[], r, |p| merged(&p, "BackupPlansList", |o| o.backup_plans_list()));
    for id in ids(listed.as_ref(), "BackupPlansList", "BackupPlanId") {
        let r = c.get_backup_plan().backup_plan_id(&id).send().await;
        s.keep("backup", "GetBackupPlan", Some(&id), &[], r, |o| {
            obj! {
                "BackupPlan" => o.backup_plan().map(|b| obj! {
                    "BackupPlanName" => Some(b.backup_plan_name()),
                    "Rules" => b.rules(),
                }),
                "BackupPlanArn" => o.backup_plan_arn(),
                "BackupPlanId" => o.backup_plan_id(),
                "VersionId" => o.version_id(),
            }
        });
    }
    let r = c.list_backup_vaults().into_paginator().send().try_collect().await;
    s.keep("backup", "ListBackupVaults", None, &[], r, |p| merged(&p, "BackupVaultList", |o| o.backup_vault_list()));
}
