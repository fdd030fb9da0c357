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
pub fn lower(m: &mut Model, meta: ResMeta, ty: &str, p: &Props<'_>) {
    match ty {
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
            let managed = ty.ends_with("ManagedPolicy");
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
        path: p.string("Path"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::super::{Evaluator, Overrides, Template, lower};
    use crate::model::*;
    use crate::parse::{Limits, parse_yaml};
    use crate::source::SourceFile;

    const T: &str = "Parameters:
  Team:
    Type: String
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      AssumeRolePolicyDocument: '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}'
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess, !Ref Managed]
      PermissionsBoundary: !Ref Managed
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              Effect: Allow
              Action: s3:GetObject
              Resource: '*'
        - !Ref Team
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: managed
      Users: [!Ref User]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Deny
            NotAction: [iam:*]
            NotResource: arn:aws:s3:::x
            Condition:
              ForAnyValue:StringLike:
                aws:TagKeys: [a*, b*]
  User:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Group]
      LoginProfile:
        Password: '{{resolve:secretsmanager:p}}'
  Group:
    Type: AWS::IAM::Group
  Add:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: !Ref Group
      Users: [!Ref User]
  Key:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref User
  Queue:
    Type: AWS::SQS::Queue
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Queue]
      PolicyDocument:
        Statement:
          - Effect: Allow
            NotPrincipal: {AWS: arn:aws:iam::111122223333:root}
            Action: sqs:SendMessage
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [arn:aws:sns:eu-west-1:111122223333:t]
      PolicyDocument: {Statement: []}
  Perm:
    Type: AWS::Lambda::Permission
    Properties:
      FunctionName: f
      Action: lambda:InvokeFunction
      Principal: s3.amazonaws.com
      SourceAccount: '111122223333'
  Scp:
    Type: AWS::Organizations::Policy
    Properties:
      Name: guard
      Type: SERVICE_CONTROL_POLICY
      Content: {Version: '2012-10-17', Statement: [{Effect: Deny, Action: '*', Resource: '*'}]}
";

    #[test]
    fn lowers_every_iam_resource() {
        let src = SourceFile::new("t.yaml", T.to_string());
        let docs = parse_yaml(&src, &Limits::default()).unwrap();
        let ov = Overrides::default();
        let tpl = Template::new(&docs[0].root, &ov);
        let ev = Evaluator::new(&tpl, &ov, BTreeMap::new());
        let m = lower(&tpl, &ev, "t.yaml".into());

        let role = &m.iam_roles[0];
        assert_eq!(role.identity.name.get().map(String::as_str), Some("app"));
        let trust = role.trust.get().unwrap();
        assert_eq!(trust.statements.len(), 1, "trust policy written as a JSON string");
        let managed = role.identity.managed.get().unwrap();
        assert_eq!(managed[1].get(), Some(&Link::Local("Managed".into())));
        assert_eq!(role.identity.boundary.get(), Some(&Link::Local("Managed".into())));
        let inline = role.identity.inline.get().unwrap();
        assert_eq!(inline.len(), 2);
        let st = &inline[0].document.get().unwrap().statements[0];
        assert_eq!(st.action.as_ref().unwrap().items[0].get().map(String::as_str), Some("s3:GetObject"));
        assert_eq!(st.action.as_ref().unwrap().items[0].span.line, 17, "spans down to each action");
        assert!(inline[1].document.is_unknown(), "an inline policy from a parameter is unknown");

        let mp = &m.iam_policies[0];
        assert!(mp.managed);
        assert_eq!(mp.users.get().unwrap()[0].get(), Some(&Link::Local("User".into())));
        let st = &mp.document.get().unwrap().statements[0];
        assert_eq!(st.effect.get(), Some(&Effect::Deny));
        assert!(st.not_action.is_some() && st.not_resource.is_some());
        assert_eq!(st.conditions[0].operator, "ForAnyValue:StringLike");
        assert_eq!(st.conditions[0].values.items.len(), 2);

        let user = &m.iam_users[0];
        assert!(user.login_profile.get().is_some());
        assert_eq!(user.groups.get().unwrap().len(), 1);
        assert_eq!(m.iam_groups.len(), 1);
        assert_eq!(m.user_to_groups[0].group.get(), Some(&Link::Local("Group".into())));
        assert_eq!(m.access_keys[0].user.get(), Some(&Link::Local("User".into())));

        assert_eq!(m.resource_policies.len(), 2);
        assert_eq!(m.resource_policies[0].kind, ResourcePolicyKind::Sqs);
        let qs = &m.resource_policies[0].document.get().unwrap().statements[0];
        assert!(matches!(qs.not_principal, Some(Principal::Map(_))));
        assert_eq!(m.resource_policies[1].kind, ResourcePolicyKind::Sns);

        let perm = &m.lambda_permissions[0];
        assert_eq!(perm.principal.get().map(String::as_str), Some("s3.amazonaws.com"));
        assert_eq!(perm.source_account.get().map(String::as_str), Some("111122223333"));

        assert!(m.org_policies[0].is_scp());
        assert_eq!(m.org_policies[0].document.get().unwrap().statements.len(), 1);
    }
}
