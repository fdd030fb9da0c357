//! IAM: the authorization details in one paginated sweep, the credential report, the password
//! policy and the account summary.

use std::time::Duration;

use aws_sdk_iam::types::{
    AttachedPermissionsBoundary, AttachedPolicy, EntityType, GroupDetail, InstanceProfile, ManagedPolicyDetail,
    PasswordPolicy, PolicyDetail, PolicyVersion, Role, RoleDetail, RoleLastUsed, Tag, UserDetail,
};
use serde_json::json;

use super::conv::{concat, csv_rows, obj, policy_document, to_json};
use super::{Ctx, Failure};

to_json! {
    Tag => |x| { "Key" => x.key(), "Value" => x.value() }
    AttachedPolicy => |x| { "PolicyName" => x.policy_name(), "PolicyArn" => x.policy_arn() }
    AttachedPermissionsBoundary => |x| {
        "PermissionsBoundaryType" => super::conv::text(x.permissions_boundary_type()),
        "PermissionsBoundaryArn" => x.permissions_boundary_arn(),
    }
    PolicyDetail => |x| { "PolicyName" => x.policy_name(), "PolicyDocument" => policy_document(x.policy_document()) }
    PolicyVersion => |x| {
        "Document" => policy_document(x.document()),
        "VersionId" => x.version_id(),
        "IsDefaultVersion" => x.is_default_version(),
        "CreateDate" => x.create_date(),
    }
    UserDetail => |x| {
        "Path" => x.path(),
        "UserName" => x.user_name(),
        "UserId" => x.user_id(),
        "Arn" => x.arn(),
        "CreateDate" => x.create_date(),
        "UserPolicyList" => x.user_policy_list(),
        "GroupList" => x.group_list(),
        "AttachedManagedPolicies" => x.attached_managed_policies(),
        "PermissionsBoundary" => x.permissions_boundary(),
        "Tags" => x.tags(),
    }
    GroupDetail => |x| {
        "Path" => x.path(),
        "GroupName" => x.group_name(),
        "GroupId" => x.group_id(),
        "Arn" => x.arn(),
        "CreateDate" => x.create_date(),
        "GroupPolicyList" => x.group_policy_list(),
        "AttachedManagedPolicies" => x.attached_managed_policies(),
    }
    Role => |x| { "RoleName" => x.role_name(), "RoleId" => x.role_id(), "Arn" => x.arn(), "Path" => x.path() }
    InstanceProfile => |x| {
        "InstanceProfileName" => x.instance_profile_name(),
        "InstanceProfileId" => x.instance_profile_id(),
        "Arn" => x.arn(),
        "Path" => x.path(),
        "Roles" => x.roles(),
    }
    RoleLastUsed => |x| { "LastUsedDate" => x.last_used_date(), "Region" => x.region() }
    RoleDetail => |x| {
        "Path" => x.path(),
        "RoleName" => x.role_name(),
        "RoleId" => x.role_id(),
        "Arn" => x.arn(),
        "CreateDate" => x.create_date(),
        "AssumeRolePolicyDocument" => policy_document(x.assume_role_policy_document()),
        "InstanceProfileList" => x.instance_profile_list(),
        "RolePolicyList" => x.role_policy_list(),
        "AttachedManagedPolicies" => x.attached_managed_policies(),
        "PermissionsBoundary" => x.permissions_boundary(),
        "Tags" => x.tags(),
        "RoleLastUsed" => x.role_last_used(),
    }
    ManagedPolicyDetail => |x| {
        "PolicyName" => x.policy_name(),
        "PolicyId" => x.policy_id(),
        "Arn" => x.arn(),
        "Path" => x.path(),
        "DefaultVersionId" => x.default_version_id(),
        "AttachmentCount" => x.attachment_count(),
        "PermissionsBoundaryUsageCount" => x.permissions_boundary_usage_count(),
        "IsAttachable" => x.is_attachable(),
        "Description" => x.description(),
        "CreateDate" => x.create_date(),
        "UpdateDate" => x.update_date(),
        "PolicyVersionList" => x.policy_version_list(),
    }
    PasswordPolicy => |x| {
        "MinimumPasswordLength" => x.minimum_password_length(),
        "RequireSymbols" => x.require_symbols(),
        "RequireNumbers" => x.require_numbers(),
        "RequireUppercaseCharacters" => x.require_uppercase_characters(),
        "RequireLowercaseCharacters" => x.require_lowercase_characters(),
        "AllowUsersToChangePassword" => x.allow_users_to_change_password(),
        "ExpirePasswords" => x.expire_passwords(),
        "MaxPasswordAge" => x.max_password_age(),
        "PasswordReusePrevention" => x.password_reuse_prevention(),
        "HardExpiry" => x.hard_expiry(),
    }
}

pub async fn collect(cx: Ctx) {
    let iam = aws_sdk_iam::Client::new(&cx.cfg);
    let s = &cx.sink;
    // AWS managed policies are resolved from Palisade's catalogue: only the account's own.
    let details = iam
        .get_account_authorization_details()
        .filter(EntityType::User)
        .filter(EntityType::Group)
        .filter(EntityType::Role)
        .filter(EntityType::LocalManagedPolicy)
        .into_paginator()
        .send()
        .try_collect()
        .await;
    s.keep("iam", "GetAccountAuthorizationDetails", None, &[], details, |pages| {
        json!({
            "UserDetailList": concat(&pages, |p| p.user_detail_list()),
            "GroupDetailList": concat(&pages, |p| p.group_detail_list()),
            "RoleDetailList": concat(&pages, |p| p.role_detail_list()),
            "Policies": concat(&pages, |p| p.policies()),
        })
    });
    credential_report(&cx, &iam).await;
    let policy = iam.get_account_password_policy().send().await;
    s.keep("iam", "GetAccountPasswordPolicy", None, &["NoSuchEntity"], policy, |o| {
        obj! { "PasswordPolicy" => o.password_policy() }
    });
    let summary = iam.get_account_summary().send().await;
    s.keep("iam", "GetAccountSummary", None, &[], summary, |o| obj! { "SummaryMap" => o.summary_map() });
}

/// Generates the credential report, waits for it, and keeps its rows.
async fn credential_report(cx: &Ctx, iam: &aws_sdk_iam::Client) {
    let s = &cx.sink;
    if let Err(e) = iam.generate_credential_report().send().await {
        // Without a fresh report an older one may still be there: asked for below all the same.
        s.fail("iam", "GenerateCredentialReport", None, Failure::of(&e));
    }
    let mut last = None;
    for attempt in 0..45 {
        match iam.get_credential_report().send().await {
            Ok(o) => {
                let text = o.content().map(|b| String::from_utf8_lossy(b.as_ref()).into_owned()).unwrap_or_default();
                s.put("iam", "GetCredentialReport", None, csv_rows(&text));
                return;
            }
            Err(e) => {
                let f = Failure::of(&e);
                let waiting = matches!(f.code.as_str(), "ReportInProgress" | "ReportNotPresent" | "ReportExpired");
                last = Some(f);
                if !waiting {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(if attempt < 5 { 500 } else { 2000 })).await;
            }
        }
    }
    if let Some(f) = last {
        s.fail("iam", "GetCredentialReport", None, f);
    }
}
