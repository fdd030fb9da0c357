//! IAM principals, their policies and the resource policies of other services.

use super::{Field, Link, PolicyDocument, ResMeta};
use crate::source::Span;

/// A policy embedded in a role, user or group (`Policies` item).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InlinePolicy {
    pub span: Span,
    pub name: Field<String>,
    pub document: Field<PolicyDocument>,
}

/// Policies and attachments shared by roles, users and groups.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Identity {
    /// `RoleName` / `UserName` / `GroupName`.
    pub name: Field<String>,
    /// `Policies`.
    pub inline: Field<Vec<InlinePolicy>>,
    /// `ManagedPolicyArns`.
    pub managed: Field<Vec<Field<Link>>>,
    /// `PermissionsBoundary`.
    pub boundary: Field<Link>,
    /// `Path` (`/` when absent), part of the ARN of a role or user.
    pub path: Field<String>,
}

/// `AWS::IAM::Role`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IamRole {
    pub meta: ResMeta,
    pub identity: Identity,
    /// `AssumeRolePolicyDocument`.
    pub trust: Field<PolicyDocument>,
}

/// The account's password policy for IAM users (`aws_iam_account_password_policy`; the
/// account setting itself when read from an account).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PasswordPolicy {
    pub meta: ResMeta,
    pub minimum_length: Field<i64>,
    pub require_lowercase: Field<bool>,
    pub require_uppercase: Field<bool>,
    pub require_numbers: Field<bool>,
    pub require_symbols: Field<bool>,
    /// How many previous passwords cannot be reused.
    pub reuse_prevention: Field<i64>,
    /// Days before a password expires.
    pub max_age: Field<i64>,
}

/// `AWS::IAM::User`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IamUser {
    pub meta: ResMeta,
    pub identity: Identity,
    /// `Groups`.
    pub groups: Field<Vec<Field<Link>>>,
    /// `LoginProfile` (console access).
    pub login_profile: Field<()>,
}

/// `AWS::IAM::Group`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IamGroup {
    pub meta: ResMeta,
    pub identity: Identity,
}

/// `AWS::IAM::Policy` (inline, attached by the resource) or `AWS::IAM::ManagedPolicy`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IamPolicy {
    pub meta: ResMeta,
    pub managed: bool,
    pub name: Field<String>,
    pub document: Field<PolicyDocument>,
    pub roles: Field<Vec<Field<Link>>>,
    pub users: Field<Vec<Field<Link>>>,
    pub groups: Field<Vec<Field<Link>>>,
}

/// `AWS::IAM::UserToGroupAddition`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UserToGroup {
    pub meta: ResMeta,
    pub group: Field<Link>,
    pub users: Field<Vec<Field<Link>>>,
}

/// `AWS::IAM::AccessKey`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AccessKey {
    pub meta: ResMeta,
    pub user: Field<Link>,
    pub status: Field<String>,
}

/// The service a resource policy belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourcePolicyKind {
    Sqs,
    Sns,
    /// An ECR repository's policy (`RepositoryPolicyText`).
    Ecr,
}

impl ResourcePolicyKind {
    pub fn noun(self) -> &'static str {
        match self {
            ResourcePolicyKind::Sqs => "queue",
            ResourcePolicyKind::Sns => "topic",
            ResourcePolicyKind::Ecr => "repository",
        }
    }
}

/// `AWS::SQS::QueuePolicy` / `AWS::SNS::TopicPolicy`: one document for several resources.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ResourcePolicy {
    pub meta: ResMeta,
    pub kind: ResourcePolicyKind,
    /// `Queues` / `Topics`.
    pub targets: Field<Vec<Field<Link>>>,
    pub document: Field<PolicyDocument>,
}

/// `AWS::Lambda::Permission`: one statement of a function's resource policy.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LambdaPermission {
    pub meta: ResMeta,
    pub function: Field<Link>,
    pub action: Field<String>,
    pub principal: Field<String>,
    pub source_account: Field<String>,
    pub source_arn: Field<String>,
    pub principal_org_id: Field<String>,
    pub function_url_auth_type: Field<String>,
}

/// `AWS::Organizations::Policy`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OrgPolicy {
    pub meta: ResMeta,
    pub name: Field<String>,
    /// `SERVICE_CONTROL_POLICY`, `TAG_POLICY`, ...
    pub policy_type: Field<String>,
    pub document: Field<PolicyDocument>,
    pub targets: Field<Vec<Field<Link>>>,
}

impl OrgPolicy {
    /// Known to be a service control policy.
    pub fn is_scp(&self) -> bool {
        self.policy_type.is(|t| t.eq_ignore_ascii_case("SERVICE_CONTROL_POLICY"))
    }
}

/// What a standalone policy file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyFileKind {
    /// Grants to the identity it is attached to (no `Principal`).
    Identity,
    /// A resource policy (`Principal` and not only `sts:AssumeRole*` actions).
    Resource,
    /// A role trust policy (`Principal` with `sts:AssumeRole*` actions).
    Trust,
    /// A service control policy (only `Deny` statements, or marked as such by its name).
    Scp,
}

impl PolicyFileKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyFileKind::Identity => "identity policy",
            PolicyFileKind::Resource => "resource policy",
            PolicyFileKind::Trust => "trust policy",
            PolicyFileKind::Scp => "service control policy",
        }
    }
}

/// A policy document that is a file of its own (JSON or YAML with `Statement`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PolicyFile {
    pub kind: PolicyFileKind,
    pub document: PolicyDocument,
}
