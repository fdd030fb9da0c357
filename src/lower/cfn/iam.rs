//! IAM resources and the resource policies of SQS, SNS, Lambda and Organizations.

use crate::model::*;

use super::convert::Props;

/// The resource types lowered here.
pub const TYPES: &[&str] = &[
    "AWS::IAM::Role",
    "AWS::IAM::User",
    "AWS::IAM::Group",
    "AWS::IAM::Policy",
    "AWS::IAM::ManagedPolicy",
    "AWS::IAM::UserToGroupAddition",
    "AWS::IAM::AccessKey",
    "AWS::SQS::QueuePolicy",
    "AWS::SNS::TopicPolicy",
    "AWS::Lambda::Permission",
    "AWS::Organizations::Policy",
];

/// Lowers one resource of a type in [`TYPES`].
pub fn lower(m: &mut Model, meta: ResMeta, p: &Props<'_>) {
    match meta.kind.as_str() {
        "AWS::IAM::Role" => m.iam_roles.push(IamRole {
            identity: identity(p, "RoleName"),
            trust: p.document("AssumeRolePolicyDocument"),
            meta,
        }),
        "AWS::IAM::User" => m.iam_users.push(IamUser {
            identity: identity(p, "UserName"),
            groups: p.links("Groups"),
            login_profile: p.present("LoginProfile"),
            meta,
        }),
        "AWS::IAM::Group" => m.iam_groups.push(IamGroup { identity: identity(p, "GroupName"), meta }),
        "AWS::IAM::Policy" | "AWS::IAM::ManagedPolicy" => {
            let managed = meta.kind.ends_with("ManagedPolicy");
            m.iam_policies.push(IamPolicy {
                managed,
                name: p.string(if managed { "ManagedPolicyName" } else { "PolicyName" }),
                document: p.document("PolicyDocument"),
                roles: p.links("Roles"),
                users: p.links("Users"),
                groups: p.links("Groups"),
                meta,
            })
        }
        "AWS::IAM::UserToGroupAddition" => {
            m.user_to_groups.push(UserToGroup { group: p.link("GroupName"), users: p.links("Users"), meta })
        }
        "AWS::IAM::AccessKey" => {
            m.access_keys.push(AccessKey { user: p.link("UserName"), status: p.string("Status"), meta })
        }
        "AWS::SQS::QueuePolicy" => m.resource_policies.push(ResourcePolicy {
            kind: ResourcePolicyKind::Sqs,
            targets: p.links("Queues"),
            document: p.document("PolicyDocument"),
            meta,
        }),
        "AWS::SNS::TopicPolicy" => m.resource_policies.push(ResourcePolicy {
            kind: ResourcePolicyKind::Sns,
            targets: p.links("Topics"),
            document: p.document("PolicyDocument"),
            meta,
        }),
        "AWS::Lambda::Permission" => m.lambda_permissions.push(LambdaPermission {
            function: p.link("FunctionName"),
            action: p.string("Action"),
            principal: p.string("Principal"),
            source_account: p.string("SourceAccount"),
            source_arn: p.string("SourceArn"),
            principal_org_id: p.string("PrincipalOrgID"),
            function_url_auth_type: p.string("FunctionUrlAuthType"),
            meta,
        }),
        "AWS::Organizations::Policy" => m.org_policies.push(OrgPolicy {
            name: p.string("Name"),
            policy_type: p.string("Type"),
            document: p.document("Content"),
            targets: p.links("TargetIds"),
            meta,
        }),
        _ => {}
    }
}

fn identity(p: &Props<'_>, name_key: &str) -> Identity {
    Identity {
        name: p.string(name_key),
        inline: p.list_of("Policies", |item| {
            let ip = Props::new(Some(item), item.span);
            let document = match item.kind {
                VKind::Map(_) => ip.document("PolicyDocument"),
                _ => Field { value: Tri::Unknown, span: item.span, origin: None },
            };
            InlinePolicy { span: item.span, name: ip.string("PolicyName"), document }
        }),
        managed: p.links("ManagedPolicyArns"),
        boundary: p.link("PermissionsBoundary"),
    }
}
