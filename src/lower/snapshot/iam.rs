//! IAM: `GetAccountAuthorizationDetails` (users, groups, roles, customer-managed policies
//! with their default version) as `AWS::IAM::*` resources. Console access and access keys come
//! from the credential report (see [`super::account`]).

use std::collections::HashMap;

use super::{Answer, Ctx, PropsBuilder, list_val, node_val, policy_val, str_val};
use crate::model::{RefTarget, VKind, Val};
use crate::value::Node;

pub fn shape(cx: &mut Ctx<'_>) {
    let details = cx.global("iam", "GetAccountAuthorizationDetails");
    let Some(d) = details.data() else { return };
    let report = users_in_report(cx);
    // Customer-managed policies, by ARN: their resource ids.
    let policies = cx.list(d, "Policies");
    let mut managed: HashMap<String, String> = HashMap::new();
    for p in policies {
        if let Some(arn) = p.get("Arn").and_then(Node::as_str)
            && !is_aws_managed(arn)
        {
            managed.insert(arn.to_string(), arn.to_string());
        }
    }
    let groups: HashMap<String, String> = cx
        .list(d, "GroupDetailList")
        .iter()
        .filter_map(|g| Some((g.get("GroupName")?.as_str()?.to_string(), g.get("Arn")?.as_str()?.to_string())))
        .collect();
    for p in policies {
        let Some(arn) = p.get("Arn").and_then(Node::as_str) else { continue };
        if is_aws_managed(arn) {
            continue;
        }
        let default = p.get("DefaultVersionId").and_then(Node::as_str);
        let versions = cx.list(p, "PolicyVersionList");
        let doc = versions
            .iter()
            .find(|v| {
                v.get("IsDefaultVersion").and_then(|b| b.scalar_text()).as_deref() == Some("true")
                    || (default.is_some() && v.get("VersionId").and_then(Node::as_str) == default)
            })
            .and_then(|v| v.get("Document"));
        let mut b = PropsBuilder::new(p.span);
        b.copy("ManagedPolicyName", p, "PolicyName");
        match doc {
            Some(doc) => b.val("PolicyDocument", policy_val(doc)),
            None => {
                b.val("PolicyDocument", Val::unknown("the default version's document is not in the snapshot", p.span))
            }
        };
        cx.add(arn.to_string(), "AWS::IAM::ManagedPolicy", p, b.build());
    }
    for (list, ty, name_key, inline_key) in [
        ("UserDetailList", "AWS::IAM::User", "UserName", "UserPolicyList"),
        ("GroupDetailList", "AWS::IAM::Group", "GroupName", "GroupPolicyList"),
        ("RoleDetailList", "AWS::IAM::Role", "RoleName", "RolePolicyList"),
    ] {
        for item in cx.list(d, list) {
            let Some(arn) = item.get("Arn").and_then(Node::as_str) else {
                cx.invalid(item.span, msg!("diag-snapshot-no-arn", list = list));
                continue;
            };
            let mut b = PropsBuilder::new(item.span);
            b.copy(name_key, item, name_key);
            let inline: Vec<Val> = cx
                .list(item, inline_key)
                .iter()
                .map(|ip| {
                    let mut pb = PropsBuilder::new(ip.span);
                    pb.copy("PolicyName", ip, "PolicyName");
                    if let Some(doc) = ip.get("PolicyDocument") {
                        pb.val("PolicyDocument", policy_val(doc));
                    }
                    pb.build()
                })
                .collect();
            b.val("Policies", list_val(inline, item.span));
            let attached: Vec<Val> = cx
                .list(item, "AttachedManagedPolicies")
                .iter()
                .filter_map(|a| {
                    let n = a.get("PolicyArn")?;
                    let arn = n.as_str()?;
                    Some(match managed.get(arn) {
                        Some(id) => Val::new(VKind::Ref(RefTarget { id: id.clone(), attr: None }), n.span),
                        None => node_val(n),
                    })
                })
                .collect();
            b.val("ManagedPolicyArns", list_val(attached, item.span));
            if let Some(pb) = item.get("PermissionsBoundary").and_then(|p| p.get("PermissionsBoundaryArn")) {
                b.val("PermissionsBoundary", node_val(pb));
            }
            match ty {
                "AWS::IAM::Role" => {
                    if let Some(t) = item.get("AssumeRolePolicyDocument") {
                        b.val("AssumeRolePolicyDocument", policy_val(t));
                    }
                }
                "AWS::IAM::User" => {
                    let member: Vec<Val> = cx
                        .list(item, "GroupList")
                        .iter()
                        .map(|g| match g.as_str().and_then(|n| groups.get(n)) {
                            Some(id) => Val::new(VKind::Ref(RefTarget { id: id.clone(), attr: None }), g.span),
                            None => node_val(g),
                        })
                        .collect();
                    b.val("Groups", list_val(member, item.span));
                    let name = item.get(name_key).and_then(Node::as_str).unwrap_or_default();
                    report.login_profile(name, item, &mut b);
                }
                _ => {}
            }
            cx.add(arn.to_string(), ty, item, b.build());
        }
    }
    // Access keys the credential report shows active.
    let users: HashMap<String, String> = cx
        .list(d, "UserDetailList")
        .iter()
        .filter_map(|u| Some((u.get("UserName")?.as_str()?.to_string(), u.get("Arn")?.as_str()?.to_string())))
        .collect();
    for (user, slot, at) in report.active_keys {
        let Some(arn) = users.get(&user).cloned() else { continue };
        let mut b = PropsBuilder::new(at.span);
        b.val("UserName", Val::new(VKind::Ref(RefTarget { id: arn.clone(), attr: None }), at.span));
        b.val("Status", str_val("Active", at.span));
        cx.add(format!("{arn}/access-key-{slot}"), "AWS::IAM::AccessKey", at, b.build());
    }
}

/// AWS managed policies (`arn:aws:iam::aws:policy/...`) are resolved from the catalogue, as
/// for templates.
fn is_aws_managed(arn: &str) -> bool {
    arn.split(':').nth(4) == Some("aws")
}

/// The credential report's view of users.
struct Users<'a> {
    /// `password_enabled` by user; `None` when the report was not answered.
    password: Option<HashMap<String, &'a Node>>,
    why_unknown: Option<crate::source::Span>,
    /// Active access keys: user, slot, the `access_key_N_active` value.
    active_keys: Vec<(String, u8, &'a Node)>,
}

impl Users<'_> {
    /// Sets `LoginProfile` on a user's properties: present when the report says a password is
    /// enabled, unknown when the report is not there.
    fn login_profile(&self, name: &str, item: &Node, b: &mut PropsBuilder) {
        match &self.password {
            Some(by_user) => {
                if let Some(n) = by_user.get(name)
                    && n.scalar_text().as_deref() == Some("true")
                {
                    b.val("LoginProfile", Val::new(VKind::Map(Vec::new()), n.span));
                }
            }
            None => {
                let span = self.why_unknown.unwrap_or(item.span);
                b.val("LoginProfile", Val::unknown("the credential report was not answered", span));
            }
        }
    }
}

fn users_in_report<'a>(cx: &mut Ctx<'a>) -> Users<'a> {
    let answer = cx.global("iam", "GetCredentialReport");
    let rows: &'a [Node] = match &answer {
        Answer::Data(n) => match n.as_seq() {
            Some(rows) => rows,
            None => {
                cx.invalid(n.span, msg!("diag-snapshot-credential-report"));
                return Users { password: None, why_unknown: Some(n.span), active_keys: Vec::new() };
            }
        },
        Answer::Failed(span) => return Users { password: None, why_unknown: Some(*span), active_keys: Vec::new() },
        Answer::Missing => return Users { password: None, why_unknown: None, active_keys: Vec::new() },
        Answer::NotConfigured(_) => &[],
    };
    let mut password = HashMap::new();
    let mut active_keys = Vec::new();
    for row in rows {
        let Some(user) = row.get("user").and_then(Node::as_str) else { continue };
        if user == "<root_account>" {
            continue;
        }
        if let Some(p) = row.get("password_enabled") {
            password.insert(user.to_string(), p);
        }
        for slot in [1u8, 2] {
            if let Some(a) = row.get(&format!("access_key_{slot}_active"))
                && a.scalar_text().as_deref() == Some("true")
            {
                active_keys.push((user.to_string(), slot, a));
            }
        }
    }
    Users { password: Some(password), why_unknown: None, active_keys }
}
