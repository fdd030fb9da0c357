//! IAM principals and policies, their attachments, and the resource policies of SQS, SNS,
//! Lambda and Organizations.

use super::{Out, append, arg, join, text};
use crate::lower::tf::TfResource;
use crate::lower::tf::map::{Joiner, Primary, map_val, set};
use crate::model::{VKind, Val};

const ROLE: (&[&str], &str) = (&["aws_iam_role"], "name");
const USER: (&[&str], &str) = (&["aws_iam_user"], "name");
const GROUP: (&[&str], &str) = (&["aws_iam_group"], "name");

pub fn primary(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    let mut o = Out::new(r.body_span);
    let ty = match r.rtype.as_str() {
        "aws_iam_role" => {
            o.arg(a, "name", "RoleName")
                .arg(a, "assume_role_policy", "AssumeRolePolicyDocument")
                .arg(a, "managed_policy_arns", "ManagedPolicyArns")
                .arg(a, "permissions_boundary", "PermissionsBoundary")
                .arg(a, "path", "Path");
            inline_policies(a, &mut o);
            "AWS::IAM::Role"
        }
        "aws_iam_user" => {
            o.arg(a, "name", "UserName").arg(a, "permissions_boundary", "PermissionsBoundary").arg(a, "path", "Path");
            "AWS::IAM::User"
        }
        "aws_iam_group" => {
            o.arg(a, "name", "GroupName");
            "AWS::IAM::Group"
        }
        "aws_iam_policy" => {
            o.arg(a, "name", "ManagedPolicyName").arg(a, "policy", "PolicyDocument");
            "AWS::IAM::ManagedPolicy"
        }
        "aws_iam_role_policy" | "aws_iam_user_policy" | "aws_iam_group_policy" => {
            let (tf, cfn) = match r.rtype.as_str() {
                "aws_iam_role_policy" => ("role", "Roles"),
                "aws_iam_user_policy" => ("user", "Users"),
                _ => ("group", "Groups"),
            };
            o.arg(a, "name", "PolicyName").arg(a, "policy", "PolicyDocument").arg_one(a, tf, cfn);
            "AWS::IAM::Policy"
        }
        "aws_iam_group_membership" => {
            o.arg(a, "group", "GroupName").arg(a, "users", "Users");
            "AWS::IAM::UserToGroupAddition"
        }
        "aws_iam_access_key" => {
            o.arg(a, "user", "UserName").arg(a, "status", "Status");
            "AWS::IAM::AccessKey"
        }
        "aws_lambda_permission" => {
            o.arg(a, "action", "Action")
                .arg(a, "function_name", "FunctionName")
                .arg(a, "principal", "Principal")
                .arg(a, "source_account", "SourceAccount")
                .arg(a, "source_arn", "SourceArn")
                .arg(a, "principal_org_id", "PrincipalOrgID")
                .arg(a, "function_url_auth_type", "FunctionUrlAuthType");
            "AWS::Lambda::Permission"
        }
        "aws_organizations_policy" => {
            // The provider's `type` defaults to a service control policy.
            o.arg(a, "name", "Name")
                .arg(a, "content", "Content")
                .arg(a, "type", "Type")
                .default("Type", text("SERVICE_CONTROL_POLICY", r.span));
            "AWS::Organizations::Policy"
        }
        "aws_sns_topic_policy" => {
            o.arg_one(a, "arn", "Topics").arg(a, "policy", "PolicyDocument");
            "AWS::SNS::TopicPolicy"
        }
        "aws_sqs_queue_policy" => {
            o.arg_one(a, "queue_url", "Queues").arg(a, "policy", "PolicyDocument");
            "AWS::SQS::QueuePolicy"
        }
        _ => return None,
    };
    Some(Primary::new(ty, o.into_val()))
}

/// A role's `inline_policy` blocks as `Policies`; an empty block (which the provider reads
/// as "no inline policies") adds none.
fn inline_policies(a: &Val, o: &mut Out) {
    let Some(v) = arg(a, "inline_policy") else { return };
    let span = a.key_span("inline_policy").unwrap_or(v.span);
    let items = match &v.kind {
        VKind::List(items) => items,
        _ => {
            o.put("Policies", span, v.clone());
            return;
        }
    };
    let policies: Vec<Val> = items
        .iter()
        .filter(|p| !matches!(p.kind, VKind::Map(_)) || arg(p, "policy").is_some())
        .map(|p| match p.kind {
            VKind::Map(_) => {
                let mut o = Out::new(p.span);
                o.arg(p, "name", "PolicyName").arg(p, "policy", "PolicyDocument");
                o.into_val()
            }
            _ => p.clone(),
        })
        .collect();
    if !policies.is_empty() {
        o.put("Policies", span, Val::new(VKind::List(policies), v.span));
    }
}

pub fn attach(r: &TfResource, j: &mut Joiner<'_>) -> bool {
    let a = &r.attrs;
    match r.rtype.as_str() {
        "aws_iam_role_policy_attachment" => attach_policy(r, j, "role", ROLE),
        "aws_iam_user_policy_attachment" => attach_policy(r, j, "user", USER),
        "aws_iam_group_policy_attachment" => attach_policy(r, j, "group", GROUP),
        "aws_iam_policy_attachment" => {
            for (tf, parent) in [("roles", ROLE), ("users", USER), ("groups", GROUP)] {
                each_principal(r, j, tf, parent);
            }
        }
        "aws_iam_user_group_membership" => {
            let Some(groups) = arg(a, "groups").cloned() else { return true };
            let span = a.key_span("groups").unwrap_or(groups.span);
            join(r, j, "user", USER, "Groups", |p| match groups.as_list() {
                Some(items) => items.iter().for_each(|g| append(p, "Groups", g.clone(), span)),
                None => set(p, "Groups", groups.clone(), span),
            });
        }
        "aws_organizations_policy_attachment" => {
            let Some(target) = arg(a, "target_id").cloned() else { return true };
            let policy = (&["aws_organizations_policy"][..], "id");
            join(r, j, "policy_id", policy, "TargetIds", |p| append(p, "TargetIds", target, r.span));
        }
        "aws_iam_user_login_profile" => {
            let profile = map_val(Vec::new(), r.body_span);
            join(r, j, "user", USER, "LoginProfile", |p| set(p, "LoginProfile", profile, r.span));
        }
        _ => return false,
    }
    true
}

/// Appends `policy_arn` to the `ManagedPolicyArns` of the principal argument `by` names.
fn attach_policy(r: &TfResource, j: &mut Joiner<'_>, by: &str, parent: (&[&str], &str)) {
    let Some(arn) = arg(&r.attrs, "policy_arn").cloned() else { return };
    let span = r.span;
    join(r, j, by, parent, "ManagedPolicyArns", |p| append(p, "ManagedPolicyArns", arn, span));
}

/// `aws_iam_policy_attachment`: appends `policy_arn` to each principal its list `tf` names.
fn each_principal(r: &TfResource, j: &mut Joiner<'_>, tf: &str, parent: (&[&str], &str)) {
    let Some(arn) = arg(&r.attrs, "policy_arn").cloned() else { return };
    let Some(list) = arg(&r.attrs, tf) else { return };
    let Some(items) = list.as_list() else {
        j.unjoined(parent.0, &["ManagedPolicyArns"], r.span);
        return;
    };
    for item in items {
        let one = single(r, tf, item);
        let arn = arn.clone();
        join(&one, j, tf, parent, "ManagedPolicyArns", |p| append(p, "ManagedPolicyArns", arn, r.span));
    }
}

/// `r` with argument `tf` replaced by one of its items, to join on it.
fn single(r: &TfResource, tf: &str, item: &Val) -> TfResource {
    let mut one = r.clone();
    set(&mut one.attrs, tf, item.clone(), item.span);
    one
}

#[cfg(test)]
mod tests {
    use super::super::testing::findings;
    use crate::lower::tf::testing::{model, res};
    use crate::model::{Link, Tri};

    const ADMIN: &str =
        r#"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"#;
    const TRUST: &str = r#"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"#;

    fn role(address: &str, name: &str) -> crate::lower::tf::TfResource {
        res(address, &format!(r#"{{"name": "{name}", "assume_role_policy": "{TRUST}"}}"#))
    }

    #[test]
    fn roles_keep_trust_inline_and_managed_policies() {
        let r = res(
            "aws_iam_role.r",
            &format!(
                r#"{{"name": "app", "assume_role_policy": "{TRUST}", "permissions_boundary": "$ref:aws_iam_policy.b.arn",
                    "managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                    "inline_policy": [{{"name": "all", "policy": "{ADMIN}"}}, {{}}]}}"#
            ),
        );
        let m = model(&[r]);
        let role = &m.iam_roles[0];
        assert_eq!(role.identity.name.get().map(String::as_str), Some("app"));
        assert_eq!(role.trust.get().unwrap().statements.len(), 1);
        assert_eq!(role.identity.boundary.get(), Some(&Link::Local("aws_iam_policy.b".into())));
        let inline = role.identity.inline.get().unwrap();
        assert_eq!(inline.len(), 1, "an empty inline_policy block adds no policy");
        assert_eq!(inline[0].name.get().map(String::as_str), Some("all"));
        assert_eq!(role.identity.managed.get().unwrap().len(), 1);
        assert_eq!(findings(&m, "iam-full-admin").len(), 1);
    }

    #[test]
    fn policy_attachments_link_customer_policies_by_reference_and_by_name() {
        let m = model(&[
            role("aws_iam_role.r", "app"),
            res("aws_iam_policy.admin", &format!(r#"{{"name": "admin", "policy": "{ADMIN}"}}"#)),
            res(
                "aws_iam_role_policy_attachment.a",
                r#"{"role": "$ref:aws_iam_role.r.name", "policy_arn": "$ref:aws_iam_policy.admin.arn"}"#,
            ),
            res(
                "aws_iam_role_policy_attachment.b",
                r#"{"role": "app", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}"#,
            ),
        ]);
        let managed = m.iam_roles[0].identity.managed.get().expect("attachments joined");
        assert_eq!(managed[0].get(), Some(&Link::Local("aws_iam_policy.admin".into())));
        assert_eq!(managed[1].get(), Some(&Link::External("arn:aws:iam::aws:policy/AdministratorAccess".into())));
        assert!(m.iam_policies[0].managed);
        assert!(!findings(&m, "iam-admin-managed-policy").is_empty());
    }

    #[test]
    fn an_undecided_attachment_leaves_managed_policies_unknown() {
        let m = model(&[
            role("aws_iam_role.r", "app"),
            res(
                "aws_iam_role_policy_attachment.a",
                r#"{"role": "$unknown", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}"#,
            ),
        ]);
        assert!(m.iam_roles[0].identity.managed.is_unknown());
        let m = model(&[
            role("aws_iam_role.r", "app"),
            res(
                "aws_iam_role_policy_attachment.a",
                r#"{"role": "elsewhere", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}"#,
            ),
        ]);
        assert!(m.iam_roles[0].identity.managed.is_absent(), "a role of another unit");
    }

    #[test]
    fn the_shared_policy_attachment_joins_every_listed_principal() {
        let m = model(&[
            role("aws_iam_role.r", "app"),
            res("aws_iam_user.u", r#"{"name": "bob"}"#),
            res(
                "aws_iam_policy_attachment.a",
                r#"{"name": "x", "roles": ["$ref:aws_iam_role.r.name"], "users": ["bob"],
                    "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}"#,
            ),
        ]);
        assert_eq!(m.iam_roles[0].identity.managed.get().unwrap().len(), 1);
        assert_eq!(m.iam_users[0].identity.managed.get().unwrap().len(), 1);
    }

    #[test]
    fn users_groups_and_their_memberships() {
        let m = model(&[
            res("aws_iam_user.u", r#"{"name": "bob"}"#),
            res("aws_iam_group.g", r#"{"name": "devs"}"#),
            res(
                "aws_iam_user_group_membership.m",
                r#"{"user": "$ref:aws_iam_user.u.name", "groups": ["$ref:aws_iam_group.g.name"]}"#,
            ),
            res(
                "aws_iam_group_membership.gm",
                r#"{"name": "x", "group": "$ref:aws_iam_group.g.name", "users": ["bob"]}"#,
            ),
            res("aws_iam_user_login_profile.p", r#"{"user": "bob"}"#),
            res("aws_iam_access_key.k", r#"{"user": "$ref:aws_iam_user.u.name"}"#),
            res(
                "aws_iam_user_policy.p",
                &format!(r#"{{"name": "p", "user": "$ref:aws_iam_user.u.name", "policy": "{ADMIN}"}}"#),
            ),
        ]);
        let u = &m.iam_users[0];
        assert_eq!(u.groups.get().unwrap()[0].get(), Some(&Link::Local("aws_iam_group.g".into())));
        assert!(matches!(u.login_profile.value, Tri::Known(())));
        assert_eq!(m.user_to_groups[0].group.get(), Some(&Link::Local("aws_iam_group.g".into())));
        assert_eq!(m.access_keys[0].user.get(), Some(&Link::Local("aws_iam_user.u".into())));
        let p = &m.iam_policies[0];
        assert!(!p.managed);
        assert_eq!(p.users.get().unwrap()[0].get(), Some(&Link::Local("aws_iam_user.u".into())));
        assert_eq!(findings(&m, "iam-user-access-key").len(), 1);
    }

    #[test]
    fn resource_policies_and_permissions() {
        let public =
            r#"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}]}"#;
        let m = model(&[
            res(
                "aws_sqs_queue_policy.q",
                &format!(r#"{{"queue_url": "$ref:aws_sqs_queue.q.id", "policy": "{public}"}}"#),
            ),
            res("aws_sns_topic_policy.t", &format!(r#"{{"arn": "arn:aws:sns:eu-west-1:1:t", "policy": "{public}"}}"#)),
            res(
                "aws_lambda_permission.p",
                r#"{"action": "lambda:InvokeFunction", "function_name": "f", "principal": "*"}"#,
            ),
            res("aws_organizations_policy.scp", &format!(r#"{{"name": "guard", "content": "{ADMIN}"}}"#)),
        ]);
        assert_eq!(
            m.resource_policies[0].targets.get().unwrap()[0].get(),
            Some(&Link::Local("aws_sqs_queue.q".into()))
        );
        assert_eq!(m.resource_policies[1].targets.get().unwrap().len(), 1);
        assert_eq!(m.lambda_permissions[0].principal.get().map(String::as_str), Some("*"));
        assert!(m.org_policies[0].is_scp(), "the provider's default type");
        assert!(m.org_policies[0].targets.is_absent());
        assert_eq!(findings(&m, "iam-resource-policy-public").len(), 3, "queue, topic and function");
    }
}

#[cfg(test)]
mod org_tests {
    use crate::lower::tf::testing::{model, res};
    use crate::model::Link;

    #[test]
    fn policy_attachments_target_their_organizations_policy() {
        let content = r#"{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}"#;
        let m = model(&[
            res("aws_organizations_policy.scp", &format!(r#"{{"name": "guard", "content": "{content}"}}"#)),
            res(
                "aws_organizations_policy_attachment.a",
                r#"{"policy_id": "$ref:aws_organizations_policy.scp.id", "target_id": "ou-1"}"#,
            ),
        ]);
        let targets = m.org_policies[0].targets.get().expect("joined");
        assert_eq!(targets[0].get(), Some(&Link::External("ou-1".into())));
    }
}
