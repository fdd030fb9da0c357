//! IAM (identity layer): policy validity, least privilege, privilege escalation, exposure
//! through trust and resource policies, and identity hygiene. Policies are evaluated with
//! the IAM engine (`crate::analyze::iam`), not matched as text.

use super::common::{public_allow, restricting_condition};
use super::{Builtin, Sink, StaticMeta};
use crate::analyze::iam::arn::{account_of, check_arn};
use crate::analyze::iam::catalog::{AccessLevel, Expansion, catalog, plural};
use crate::analyze::iam::condition::parse_operator;
use crate::analyze::iam::escalation::escalations;
use crate::analyze::iam::expand::{on_every_resource, statement_actions};
use crate::analyze::iam::principals::{PolicyAt, PolicyUse, aws_managed_name, builtin, policies, principals};
use crate::finding::{Finding, Layer, Severity};
use crate::model::kind;
use crate::model::{Effect, Link, Model, ResMeta, Statement, Tri};
use crate::source::Span;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[
    &FULL_ADMIN,
    &ALLOW_NOT_ACTION,
    &SERVICE_WILDCARD,
    &WRITE_ON_ANY_RESOURCE,
    &ADMIN_MANAGED_POLICY,
    &PRIVILEGE_ESCALATION,
    &PUBLIC_TRUST,
    &CROSS_ACCOUNT_TRUST,
    &PUBLIC_RESOURCE_POLICY,
    &CONSOLE_USER_MFA,
    &USER_ATTACHED_POLICY,
    &USER_ACCESS_KEY,
    &SCP_GUARDRAILS,
    &POLICY_INVALID,
    &CROSS_ACCOUNT_RESOURCE_POLICY,
];

const POLICY_TYPES: &[&str] =
    &[kind::IAM_ROLE, kind::IAM_USER, kind::IAM_GROUP, kind::IAM_POLICY, kind::IAM_MANAGED_POLICY, kind::POLICY_FILE];

/// Reports on a policy: at its owner resource, or in the policy file.
fn report<'s>(out: &'s mut Sink<'_>, owner: Option<&ResMeta>, span: Span, msg: String) -> &'s mut Finding {
    match owner {
        Some(m) => out.report(m, span, msg),
        None => out.report_at(span, msg),
    }
}

fn allow(st: &Statement) -> bool {
    st.effect.get() == Some(&Effect::Allow)
}

/// Identity policies of the model (inline, managed, policy files).
fn identity_policies(m: &Model) -> Vec<PolicyAt<'_>> {
    policies(m).into_iter().filter(|p| p.usage == PolicyUse::Identity).collect()
}

pub static FULL_ADMIN: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-001",
        slug: "iam-full-admin",
        title: "IAM policy grants full administrator access",
        severity: Severity::Critical,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP02"],
        controls: &["IAM-02"],
        resource_types: POLICY_TYPES,
        remediation: "Replace `Action: \"*\"` with the actions the principal needs, on the resources it \
needs them for. Start from what the workload calls (CloudTrail, IAM Access Analyzer policy generation) and \
keep administrator access to a few break-glass roles that require MFA.",
        description: "A statement that allows every action on every resource makes its principal an \
administrator of the account: it can read all data, change every control and create new credentials for \
itself. A single leaked key or a compromised workload then means a compromised account. The finding counts \
the actions the statement grants after expansion against the AWS action catalog.",
    },
    check: |m, _, out| {
        for p in identity_policies(m) {
            for st in &p.doc.statements {
                if !allow(st) || !st.conditions.is_empty() || st.condition_unknown || on_every_resource(st).is_none() {
                    continue;
                }
                let total = catalog().actions.len();
                if let Some(l) = &st.not_action
                    && statement_actions(st).is_some_and(|e| e.len() == total)
                {
                    report(
                        out,
                        p.owner,
                        l.span,
                        format!(
                            "{} allows everything but actions that do not exist, on every resource: full administrator access",
                            p.label
                        ),
                    );
                }
                let Some(l) = &st.action else { continue };
                // `*`, `*:*` or any pattern that expands to every action.
                let everything =
                    |a: &str| a == "*" || (a.starts_with(['*', '?']) && catalog().expand(a).len() == total);
                if let Some((pat, f)) = l.known().find(|(a, _)| everything(a)) {
                    report(
                        out,
                        p.owner,
                        f.span,
                        format!(
                            "{} allows `{pat}` on every resource: full administrator access ({} actions across {} services)",
                            p.label,
                            catalog().actions.len(),
                            catalog().services.len()
                        ),
                    );
                }
            }
        }
    },
};

pub static ALLOW_NOT_ACTION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-002",
        slug: "iam-allow-not-action",
        title: "IAM policy allows everything except a list of actions (Allow with NotAction)",
        severity: Severity::High,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP02"],
        controls: &["IAM-02"],
        resource_types: POLICY_TYPES,
        remediation: "Write the statement as an `Allow` of the actions that are needed (`Action`), not as \
an exclusion list. Use `NotAction` only with `Deny`.",
        description: "`Allow` with `NotAction` grants every action that is not listed — including every \
action of every service AWS adds later. A statement meant to exclude IAM often still grants thousands of \
actions across hundreds of services. The finding reports how many actions the statement grants today.",
    },
    check: |m, _, out| {
        for p in identity_policies(m) {
            for st in &p.doc.statements {
                let (true, Some(l)) = (allow(st), &st.not_action) else { continue };
                let Some(e) = statement_actions(st) else { continue };
                let scope = if on_every_resource(st).is_some() { " on every resource" } else { "" };
                report(
                    out,
                    p.owner,
                    l.span,
                    format!("{} allows everything except {} item(s): {}{scope}", p.label, l.items.len(), e.describe()),
                );
            }
        }
    },
};

pub static SERVICE_WILDCARD: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-003",
        slug: "iam-service-wildcard",
        title: "IAM policy allows every action of a service (`service:*`)",
        severity: Severity::Medium,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP02"],
        controls: &["IAM-03"],
        resource_types: POLICY_TYPES,
        remediation: "List the actions the principal uses (`s3:GetObject`, `s3:PutObject`, ...) or a \
narrow prefix (`s3:Get*`) instead of `service:*`, and scope `Resource` to the resources it works on.",
        description: "`service:*` grants every action of the service, including its permission-management \
actions (for example `s3:PutBucketPolicy`, `kms:PutKeyPolicy`, `iam:*` itself) and every action the service \
adds in the future. The finding counts what the wildcard grants, by access level.",
    },
    check: |m, _, out| {
        let policies = identity_policies(m);
        if policies.is_empty() {
            return;
        }
        // Loaded only when there is a policy to judge.
        let c = catalog();
        for p in policies {
            for st in &p.doc.statements {
                let (true, Some(l)) = (allow(st), &st.action) else { continue };
                for (a, f) in l.known() {
                    let Some((svc, "*")) = a.split_once(':') else { continue };
                    let Some(s) = c.service(svc).filter(|_| svc != "*") else { continue };
                    let e = Expansion::new(s.actions.clone().collect());
                    let pm = e.count(AccessLevel::PermissionsManagement);
                    let extra = if pm > 0 { format!(", {pm} of them permissions management") } else { String::new() };
                    report(
                        out,
                        p.owner,
                        f.span,
                        format!("{} allows `{a}`: all {} actions of {}{extra}", p.label, e.len(), s.name),
                    );
                }
            }
        }
    },
};

pub static WRITE_ON_ANY_RESOURCE: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-004",
        slug: "iam-write-on-any-resource",
        title: "IAM policy allows write or permissions-management actions on every resource",
        severity: Severity::Medium,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP02"],
        controls: &["IAM-03"],
        resource_types: POLICY_TYPES,
        remediation: "Scope `Resource` to the ARNs the principal works on (a table, a bucket prefix, a \
queue) or add conditions that narrow it (`aws:ResourceTag/...`). Only actions that support no resource-level \
permissions need `Resource: \"*\"`.",
        description: "Write, tagging and permissions-management actions change things. Allowed on \
`Resource: \"*\"` they apply to every resource of the account, not only to those of the workload: a \
function that should write to one table can drop all of them. Actions that support no resource-level \
permissions (they can only be granted on `*`) are not counted.",
    },
    check: |m, _, out| {
        let policies = identity_policies(m);
        if policies.is_empty() {
            return;
        }
        // Loaded only when there is a policy to judge.
        let c = catalog();
        for p in policies {
            for st in &p.doc.statements {
                if !allow(st) || !st.conditions.is_empty() || st.condition_unknown || st.not_action.is_some() {
                    continue;
                }
                let (Some(star), Some(l)) = (on_every_resource(st), &st.action) else { continue };
                // `*` and `service:*` are reported by their own rules.
                if l.known().any(|(a, _)| a == "*" || a == "*:*") {
                    continue;
                }
                let mut ids = Vec::new();
                for (a, _) in l.known() {
                    if a.split_once(':').is_some_and(|(s, r)| r == "*" && !s.contains(['*', '?'])) {
                        continue;
                    }
                    ids.extend(c.expand(a));
                }
                let e = Expansion::new(ids).filter(|a| a.level.is_mutating() && !a.resources.is_empty());
                if e.is_empty() {
                    continue;
                }
                let examples: Vec<String> = e.actions.iter().take(3).map(|&i| c.full_name(&c.actions[i])).collect();
                let more = if e.len() > 3 { ", ..." } else { "" };
                let levels: Vec<String> =
                    [AccessLevel::Write, AccessLevel::PermissionsManagement, AccessLevel::Tagging]
                        .iter()
                        .filter_map(|&lv| {
                            let n = e.count(lv);
                            (n > 0).then(|| format!("{n} {}", lv.as_str()))
                        })
                        .collect();
                report(
                    out,
                    p.owner,
                    star.span,
                    format!(
                        "{} grants {} write action{} across {} service{} on every resource ({}; e.g. {}{more})",
                        p.label,
                        e.len(),
                        plural(e.len()),
                        e.services(),
                        plural(e.services()),
                        levels.join(", "),
                        examples.join(", "),
                    ),
                );
            }
        }
    },
};

/// AWS managed policies that make their holder an administrator (of everything or of IAM).
const ADMIN_POLICIES: &[&str] = &["AdministratorAccess", "IAMFullAccess", "PowerUserAccess"];

pub static ADMIN_MANAGED_POLICY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-005",
        slug: "iam-admin-managed-policy",
        title: "Administrator-equivalent AWS managed policy attached",
        severity: Severity::High,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP02"],
        controls: &["IAM-04"],
        resource_types: &[kind::IAM_ROLE, kind::IAM_USER, kind::IAM_GROUP],
        remediation: "Replace `AdministratorAccess`, `PowerUserAccess` or `IAMFullAccess` with a customer \
managed policy (or a narrower AWS managed job-function policy) that grants what the principal needs.",
        description: "`AdministratorAccess` grants everything; `IAMFullAccess` lets its holder grant itself \
everything; `PowerUserAccess` grants every action outside IAM, Organizations and Account management — \
including reading and deleting all data. Attaching one of them to a workload role or a user gives that \
principal (and anyone who steals its credentials) control of the account.",
    },
    check: |m, _, out| {
        let ids = m
            .iam_roles
            .iter()
            .map(|r| ("role", &r.meta, &r.identity))
            .chain(m.iam_users.iter().map(|u| ("user", &u.meta, &u.identity)))
            .chain(m.iam_groups.iter().map(|g| ("group", &g.meta, &g.identity)));
        for (kind, meta, id) in ids {
            let Some(items) = id.managed.get() else { continue };
            for f in items {
                let Some(Link::External(arn)) = f.get() else { continue };
                let Some(name) = aws_managed_name(arn) else { continue };
                if let Some(admin) = ADMIN_POLICIES.iter().find(|a| a.eq_ignore_ascii_case(name)) {
                    let grants = builtin(admin)
                        .map(|d| {
                            let all: Vec<usize> = d
                                .statements
                                .iter()
                                .filter(|s| allow(s))
                                .filter_map(statement_actions)
                                .flat_map(|e| e.actions)
                                .collect();
                            format!(": it grants {}", Expansion::new(all).describe())
                        })
                        .unwrap_or_default();
                    out.report_field(
                        meta,
                        f,
                        format!("{kind} `{}` has the AWS managed policy `{admin}` attached{grants}", meta.id),
                    );
                }
            }
        }
    },
};

pub static PRIVILEGE_ESCALATION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-006",
        slug: "iam-privilege-escalation",
        title: "Principal can escalate its own privileges",
        severity: Severity::High,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP02", "SEC03-BP05"],
        controls: &["IAM-05"],
        resource_types: &[kind::IAM_ROLE, kind::IAM_USER, kind::IAM_GROUP, kind::POLICY_FILE],
        remediation: "Remove the permission the method needs, or scope it: `iam:PassRole` to the specific \
role ARNs with an `iam:PassedToService` condition; IAM write actions (`CreatePolicyVersion`, `Attach*Policy`, \
`Put*Policy`, `CreateAccessKey`, ...) to resources that cannot grant more than the principal already has, or \
use a permission boundary that denies them.",
        description: "Some permissions are administrator access in disguise: with `iam:CreatePolicyVersion` \
a principal rewrites its own policy; with `iam:PassRole` and a compute service it runs code as a more \
privileged role; with `iam:CreateAccessKey` it becomes another user. Palisade evaluates every principal's \
policies (inline, managed, group memberships, permission boundary) and reports each published escalation \
method the principal is allowed on any resource, with the statements that grant it and the roles of the \
template that could be passed.",
    },
    check: |m, _, out| {
        for p in principals(m) {
            for e in escalations(m, &p) {
                // A user's escalation that comes only from its groups is reported on the group.
                if p.kind == "user"
                    && e.grants.iter().all(|(_, d)| {
                        d.iter().all(|s| s.policy.ends_with(')') && s.policy.contains("(through group `"))
                    })
                {
                    continue;
                }
                let span = match p.meta {
                    Some(meta) => meta.span,
                    None => e
                        .grants
                        .first()
                        .and_then(|(_, d)| d.first())
                        .map(|d| d.action.unwrap_or(d.statement))
                        .unwrap_or_default(),
                };
                let msg = format!("{} can escalate privileges with {}: {}", p.describe(), e.method.name, e.method.how);
                let f = report(out, p.meta, span, msg);
                for (action, deciding) in &e.grants {
                    for d in deciding {
                        f.with_related(d.action.unwrap_or(d.statement), format!("{} allows {action}", d.policy));
                    }
                }
                for (role, service, span) in &e.reachable {
                    f.with_related(*span, format!("role `{role}` trusts {service} and could be passed"));
                }
            }
        }
    },
};

/// Keys that tie a trust relationship to the intended caller.
const TRUST_RESTRICTING: &[&str] =
    &["sts:ExternalId", "aws:PrincipalOrgID", "aws:PrincipalArn", "aws:SourceAccount", "aws:SourceArn"];

fn trust_restricted(st: &Statement) -> bool {
    restricting_condition(st).is_some()
        || st.conditions.iter().any(|c| {
            TRUST_RESTRICTING.iter().any(|k| k.eq_ignore_ascii_case(&c.key))
                && !c.values.items.is_empty()
                && !c.values.has_unknown
        })
        || mfa_required(st)
}

/// `Bool: {aws:MultiFactorAuthPresent: true}` on an Allow.
fn mfa_required(st: &Statement) -> bool {
    st.conditions.iter().any(|c| {
        c.key.eq_ignore_ascii_case("aws:MultiFactorAuthPresent")
            && c.operator == "Bool"
            && c.values.known().all(|(v, _)| v.eq_ignore_ascii_case("true"))
            && !c.values.items.is_empty()
    })
}

fn trust_policies(m: &Model) -> Vec<PolicyAt<'_>> {
    policies(m).into_iter().filter(|p| p.usage == PolicyUse::Trust).collect()
}

pub static PUBLIC_TRUST: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-007",
        slug: "iam-trust-policy-public",
        title: "Role trust policy lets anyone assume the role",
        severity: Severity::Critical,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP07"],
        controls: &["IAM-06"],
        resource_types: &[kind::IAM_ROLE, kind::POLICY_FILE],
        remediation: "Name the accounts, roles or services that may assume the role in `Principal`. If \
several accounts of your organisation need it, keep `Principal: {AWS: \"*\"}` only with an \
`aws:PrincipalOrgID` condition. For OIDC federation add `StringLike: {<provider>:sub: ...}` naming the \
repository, branch or service account (for GitHub: `repo:ORG/REPO:ref:refs/heads/main`).",
        description: "`Principal: \"*\"` or `{\"AWS\": \"*\"}` in a trust policy allows any AWS principal, \
in any account in the world, to assume the role unless a condition narrows who. Anyone who learns the \
role's ARN then gets its permissions. The same holds for a role federated with an OIDC provider (GitHub \
Actions, GitLab, EKS, ...) whose trust has no condition on the token's subject (`<provider>:sub`): every \
repository, pipeline or service account of that provider can assume it.",
    },
    check: |m, _, out| {
        for p in trust_policies(m) {
            for st in &p.doc.statements {
                let Some(span) = public_allow(st) else { continue };
                if trust_restricted(st) {
                    continue;
                }
                report(out, p.owner, span, format!("{} lets any AWS principal assume the role", p.label));
            }
            for st in &p.doc.statements {
                if !allow(st) || st.condition_unknown {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                for (v, f) in principal.values("Federated") {
                    let Some((_, provider)) = v.split_once(":oidc-provider/") else { continue };
                    let sub = format!("{provider}:sub");
                    if !st.conditions.iter().any(|c| c.key.eq_ignore_ascii_case(&sub)) {
                        report(
                            out,
                            p.owner,
                            f.span,
                            format!(
                                "{} trusts the OIDC provider `{provider}` without a condition on `{sub}`: any identity of that provider can assume the role",
                                p.label
                            ),
                        );
                    }
                }
            }
        }
    },
};

pub static CROSS_ACCOUNT_TRUST: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-008",
        slug: "iam-cross-account-trust",
        title: "Role trusts another AWS account without an external id or MFA",
        severity: Severity::Medium,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP07"],
        controls: &["IAM-06"],
        resource_types: &[kind::IAM_ROLE, kind::POLICY_FILE],
        remediation: "Add a condition to the trust statement: `StringEquals: {sts:ExternalId: ...}` for a \
third party, `Bool: {aws:MultiFactorAuthPresent: true}` for people, or `aws:PrincipalOrgID` / \
`aws:PrincipalArn` to name who in the other account may assume the role.",
        description: "Trusting an account (its id or `:root`) delegates the decision to that account's \
administrators: any of its principals they allow can assume the role. For third parties, an external id \
prevents the confused-deputy problem; for people, requiring MFA keeps a stolen access key from being \
enough. The account id is written literally; Palisade cannot tell whether it is your own account.",
    },
    check: |m, _, out| {
        for p in trust_policies(m) {
            for st in &p.doc.statements {
                if !allow(st) || st.condition_unknown || trust_restricted(st) {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                for (v, f) in principal.values("AWS") {
                    if let Some(acct) = account_of(v) {
                        report(
                            out,
                            p.owner,
                            f.span,
                            format!("{} trusts account {acct} without requiring sts:ExternalId or MFA", p.label),
                        );
                    }
                }
            }
        }
    },
};

pub static PUBLIC_RESOURCE_POLICY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-009",
        slug: "iam-resource-policy-public",
        title: "Queue, topic, function or resource policy grants access to everyone",
        severity: Severity::High,
        layer: Layer::Data,
        service: "iam",
        well_architected: &["SEC03-BP07"],
        controls: &["IAM-12", "DATA-07"],
        resource_types: &[kind::SQS_QUEUE_POLICY, kind::SNS_TOPIC_POLICY, kind::LAMBDA_PERMISSION, kind::POLICY_FILE],
        remediation: "Name the principals in `Principal`, or keep `*` only with a condition that restricts \
the caller: `aws:SourceArn` / `aws:SourceAccount` for AWS services, `aws:PrincipalOrgID` for your \
organisation, `aws:SourceVpce` / `aws:SourceIp` for a network perimeter. For `AWS::Lambda::Permission` set \
`SourceArn`, `SourceAccount` or `PrincipalOrgID`.",
        description: "A resource policy with `Principal: \"*\"` and no restricting condition lets anyone — \
any AWS account, and for some services anonymous callers — send to the queue, publish to the topic or \
invoke the function. Conditions on `aws:SourceIp`, `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceVpcArn`, \
`aws:PrincipalOrgID`, `aws:SourceAccount` or `aws:SourceArn` are recognised as restricting. (S3 bucket \
policies and KMS key policies in templates have their own rules.)",
    },
    check: |m, _, out| {
        for r in &m.resource_policies {
            let Some(doc) = r.document.get() else { continue };
            for st in &doc.statements {
                if let Some(span) = public_allow(st) {
                    out.report(
                        &r.meta,
                        span,
                        format!("{} policy `{}` grants access to everyone", r.kind.noun(), r.meta.id),
                    );
                }
            }
        }
        if let Some(f) = m.policy_file.as_ref().filter(|f| f.kind == crate::model::PolicyFileKind::Resource) {
            for st in &f.document.statements {
                if let Some(span) = public_allow(st) {
                    out.report_at(span, "resource policy grants access to everyone without a restricting condition");
                }
            }
        }
        for p in &m.lambda_permissions {
            let Some(who) = p.principal.get() else { continue };
            if who != "*" {
                continue;
            }
            let restricted = [&p.source_account, &p.source_arn, &p.principal_org_id];
            if restricted.iter().any(|f| !f.is_absent()) {
                continue;
            }
            if p.function_url_auth_type.is(|t| t == "AWS_IAM") {
                continue;
            }
            out.report_field(
                &p.meta,
                &p.principal,
                format!("permission `{}` lets anyone invoke the function", p.meta.id),
            );
        }
    },
};

/// Does a statement deny when MFA is absent (`BoolIfExists`/`Bool` false, or `Null` true)?
fn denies_without_mfa(st: &Statement) -> bool {
    st.effect.get() == Some(&Effect::Deny)
        && st.conditions.iter().any(|c| {
            let key = c.key.eq_ignore_ascii_case("aws:MultiFactorAuthPresent");
            let vals: Vec<&str> = c.values.known().map(|(v, _)| v).collect();
            key && ((matches!(c.operator.as_str(), "Bool" | "BoolIfExists")
                && vals.iter().any(|v| v.eq_ignore_ascii_case("false")))
                || (c.operator == "Null" && vals.iter().any(|v| v.eq_ignore_ascii_case("true"))))
        })
}

pub static CONSOLE_USER_MFA: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-010",
        slug: "iam-console-user-mfa",
        title: "Console user is not forced to use MFA",
        severity: Severity::Medium,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC02-BP01"],
        controls: &["IAM-01"],
        resource_types: &[kind::IAM_USER],
        remediation: "Attach (directly or through a group) a policy that denies everything except managing \
one's own MFA device when `aws:MultiFactorAuthPresent` is false (`BoolIfExists`), or move people to IAM \
Identity Center.",
        description: "A user with a `LoginProfile` signs in to the console with a password. Without MFA, a \
phished or reused password is enough to take over the user. IAM cannot require MFA at sign-in for a \
password user by configuration alone; the usual control is a policy that denies requests made without MFA. \
Palisade looks for such a deny among the user's own and group policies; if some of them are outside the \
template it stays silent.",
    },
    check: |m, _, out| {
        for p in principals(m).into_iter().filter(|p| p.kind == "user") {
            let Some(u) = m.iam_users.iter().find(|u| Some(&u.meta) == p.meta) else { continue };
            if u.login_profile.get().is_none() {
                continue;
            }
            if p.governing.identity.unknown.iter().any(|(_, _, may_deny)| *may_deny) {
                continue;
            }
            let enforced = p.governing.identity.docs.iter().any(|d| d.doc.statements.iter().any(denies_without_mfa));
            let unknown = p.governing.identity.docs.iter().any(|d| d.doc.has_unknown_statements);
            if !enforced && !unknown {
                out.report_field(
                    &u.meta,
                    &u.login_profile,
                    format!("user `{}` has console access and no policy that denies requests without MFA", u.meta.id),
                );
            }
        }
    },
};

pub static USER_ATTACHED_POLICY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-011",
        slug: "iam-user-attached-policy",
        title: "Policy attached directly to an IAM user",
        severity: Severity::Low,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC02-BP06"],
        controls: &["IAM-07"],
        resource_types: &[kind::IAM_USER, kind::IAM_POLICY, kind::IAM_MANAGED_POLICY],
        remediation: "Attach the policy to a group (`AWS::IAM::Group`) and make the user a member, or give \
workloads a role instead of a user.",
        description: "Permissions attached to individual users drift: each user ends up with a slightly \
different set that nobody reviews. Granting through groups keeps one place to review and to revoke.",
    },
    check: |m, _, out| {
        for u in &m.iam_users {
            if u.identity.inline.is(|v| !v.is_empty()) {
                out.report_field(&u.meta, &u.identity.inline, format!("user `{}` has inline policies", u.meta.id));
            }
            if u.identity.managed.is(|v| !v.is_empty()) {
                out.report_field(
                    &u.meta,
                    &u.identity.managed,
                    format!("user `{}` has managed policies attached", u.meta.id),
                );
            }
        }
        for p in &m.iam_policies {
            if p.users.is(|v| !v.is_empty()) {
                out.report_field(&p.meta, &p.users, format!("policy `{}` is attached to users", p.meta.id));
            }
        }
    },
};

pub static USER_ACCESS_KEY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-012",
        slug: "iam-user-access-key",
        title: "Long-lived access key created for an IAM user",
        severity: Severity::Medium,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC02-BP02"],
        controls: &["IAM-08"],
        resource_types: &[kind::IAM_ACCESS_KEY],
        remediation: "Use a role with temporary credentials instead: an instance profile, a task or \
function role, IAM Roles Anywhere, or OIDC federation for CI. If a key is unavoidable, keep it in Secrets \
Manager and rotate it.",
        description: "An access key never expires by itself. Created in a template it usually ends up in \
outputs, parameters or configuration files, where it leaks; whoever holds it acts as the user until someone \
notices and deletes it.",
    },
    check: |m, _, out| {
        for k in &m.access_keys {
            if k.status.is(|s| s.eq_ignore_ascii_case("Inactive")) {
                continue;
            }
            let user = match k.user.get() {
                Some(Link::Local(id)) | Some(Link::External(id)) => format!(" for user `{id}`"),
                None => String::new(),
            };
            out.report(
                &k.meta,
                k.meta.span,
                format!("access key `{}` creates long-lived credentials{user}", k.meta.id),
            );
        }
    },
};

/// The guardrails an organisation's SCPs are expected to hold: (name, actions denied).
const GUARDRAILS: &[(&str, &[&str])] = &[
    ("leaving the organization", &["organizations:LeaveOrganization"]),
    ("stopping or deleting CloudTrail", &["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"]),
    ("disabling GuardDuty", &["guardduty:DeleteDetector", "guardduty:DisassociateFromMasterAccount"]),
    ("stopping AWS Config", &["config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder"]),
    ("disabling Security Hub", &["securityhub:DisableSecurityHub"]),
];

pub static SCP_GUARDRAILS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-013",
        slug: "iam-scp-guardrails",
        title: "Service control policies lack common organization guardrails",
        severity: Severity::Low,
        layer: Layer::Identity,
        service: "organizations",
        well_architected: &["SEC03-BP05"],
        controls: &["IAM-13"],
        resource_types: &[kind::ORGANIZATIONS_POLICY, kind::POLICY_FILE],
        remediation: "Add `Deny` statements to an SCP attached to your accounts for the missing guardrails: \
`organizations:LeaveOrganization`; `cloudtrail:StopLogging`/`DeleteTrail`; `guardduty:DeleteDetector`; \
`config:StopConfigurationRecorder`/`DeleteConfigurationRecorder`; `securityhub:DisableSecurityHub`; and a \
region restriction (`Deny` with `StringNotEquals: {aws:RequestedRegion: [...]}`).",
        description: "Service control policies are the guardrails no account administrator can remove: \
they keep accounts in the organisation and keep the detective controls (CloudTrail, GuardDuty, Config, \
Security Hub) running even if an administrator is compromised. The finding lists which of the common \
guardrails the scanned SCPs hold and which are missing. Statements with conditions (exceptions for a \
security role) count as present.",
    },
    check: |m, _, out| {
        let scps: Vec<PolicyAt<'_>> = policies(m).into_iter().filter(|p| p.usage == PolicyUse::Scp).collect();
        if scps.is_empty() || scps.iter().any(|p| p.doc.has_unknown_statements) {
            return;
        }
        let denies = |action: &str| -> Option<bool> {
            let mut out = Some(false);
            for p in &scps {
                for st in p.doc.statements.iter().filter(|s| s.effect.get() != Some(&Effect::Allow)) {
                    match (st.effect.get(), st.covers_action(action)) {
                        (Some(Effect::Deny), Some(true)) => return Some(true),
                        (_, Some(false)) => {}
                        _ => out = None,
                    }
                }
            }
            out
        };
        let mut present = Vec::new();
        let mut missing = Vec::new();
        for (name, actions) in GUARDRAILS {
            let d: Vec<Option<bool>> = actions.iter().map(|a| denies(a)).collect();
            if d.iter().all(|x| *x == Some(true)) {
                present.push(*name);
            } else if d.contains(&Some(false)) {
                missing.push(*name);
            }
        }
        let region = scps.iter().any(|p| {
            p.doc.statements.iter().any(|s| {
                s.effect.get() == Some(&Effect::Deny)
                    && s.condition("aws:RequestedRegion")
                        .any(|c| c.operator.starts_with("StringNotEquals") || c.operator.starts_with("StringNotLike"))
            })
        });
        if region {
            present.push("using unapproved regions");
        } else {
            missing.push("using unapproved regions");
        }
        if missing.is_empty() {
            return;
        }
        let first = &scps[0];
        let span = first.owner.map(|o| o.span).unwrap_or(first.doc.span);
        let have = if present.is_empty() { "none".to_string() } else { present.join(", ") };
        report(
            out,
            first.owner,
            span,
            format!("service control policies do not deny {}; guardrails present: {have}", missing.join(", ")),
        );
    },
};

pub static POLICY_INVALID: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-014",
        slug: "iam-policy-invalid",
        title: "IAM policy document is not valid",
        severity: Severity::Medium,
        layer: Layer::Identity,
        service: "iam",
        well_architected: &["SEC03-BP02"],
        controls: &["IAM-14"],
        resource_types: &[
            kind::IAM_ROLE,
            kind::IAM_USER,
            kind::IAM_GROUP,
            kind::IAM_POLICY,
            kind::IAM_MANAGED_POLICY,
            kind::S3_BUCKET_POLICY,
            kind::KMS_KEY,
            kind::SQS_QUEUE_POLICY,
            kind::SNS_TOPIC_POLICY,
            kind::ORGANIZATIONS_POLICY,
            kind::POLICY_FILE,
        ],
        remediation: "Fix the reported element: use `Version: \"2012-10-17\"`; spell actions as in the AWS \
Service Authorization Reference (the message suggests the closest names); write ARNs as \
`arn:partition:service:region:account:resource`; use a documented condition operator; grant actions that \
support no resource-level permissions on `Resource: \"*\"`.",
        description: "A misspelt action is not an error for AWS: the statement silently grants or denies \
nothing, so a `Deny` that was meant to protect something does not, and a workload fails in production \
instead of in review. Palisade checks every action against the AWS action catalog (445 services, 20,455 \
actions), and checks ARNs, condition operators and the `Version` (without `2012-10-17`, policy variables \
such as `${aws:username}` are not substituted).",
    },
    check: |m, _, out| {
        for p in policies(m) {
            validate(&p, out);
        }
    },
};

fn validate(p: &PolicyAt<'_>, out: &mut Sink<'_>) {
    let c = catalog();
    match &p.doc.version.value {
        Tri::Absent => {
            report(out, p.owner, p.doc.span, format!("{} has no `Version`; add `Version: \"2012-10-17\"`", p.label));
        }
        Tri::Known(v) if v == "2008-10-17" => {
            report(
                out,
                p.owner,
                p.doc.version.span,
                format!(
                    "{} uses the old policy language version 2008-10-17: policy variables are not substituted; use 2012-10-17",
                    p.label
                ),
            );
        }
        Tri::Known(v) if v != "2012-10-17" => {
            report(out, p.owner, p.doc.version.span, format!("`{v}` is not a policy language version; use 2012-10-17"));
        }
        _ => {}
    }
    for st in &p.doc.statements {
        if let Some((e, span)) = &st.effect_text
            && e != "Allow"
            && e != "Deny"
        {
            report(out, p.owner, *span, format!("`{e}` is not an Effect: use `Allow` or `Deny` (case-sensitive)"));
        }
        for (k, span) in &st.unknown_elements {
            let hint = crate::model::STATEMENT_ELEMENTS
                .iter()
                .map(|e| {
                    (crate::analyze::iam::catalog::edit_distance(&k.to_ascii_lowercase(), &e.to_ascii_lowercase()), e)
                })
                .filter(|(d, _)| *d <= 2)
                .min()
                .map(|(_, e)| format!("; did you mean `{e}`?"))
                .unwrap_or_default();
            report(out, p.owner, *span, format!("`{k}` is not a statement element{hint}"));
        }
        if st.action.is_none() && st.not_action.is_none() {
            report(out, p.owner, st.span, "a statement needs `Action` or `NotAction`".into());
        }
        let has_principal = st.principal.is_some() || st.not_principal.is_some();
        let has_resource = st.resource.is_some() || st.not_resource.is_some();
        match p.usage {
            PolicyUse::Identity if has_principal => {
                report(out, p.owner, st.span, "an identity policy cannot have `Principal` or `NotPrincipal`: it applies to the identity it is attached to".into());
            }
            PolicyUse::Identity if !has_resource => {
                report(
                    out,
                    p.owner,
                    st.span,
                    "a statement of an identity policy needs `Resource` or `NotResource`".into(),
                );
            }
            PolicyUse::Resource | PolicyUse::Trust if !has_principal => {
                report(
                    out,
                    p.owner,
                    st.span,
                    format!(
                        "a statement of a {} needs `Principal` or `NotPrincipal`",
                        if p.usage == PolicyUse::Trust { "trust policy" } else { "resource policy" }
                    ),
                );
            }
            _ => {}
        }
        if st.action.is_some() && st.not_action.is_some() {
            report(out, p.owner, st.span, "a statement cannot have both `Action` and `NotAction`".into());
        }
        if st.resource.is_some() && st.not_resource.is_some() {
            report(out, p.owner, st.span, "a statement cannot have both `Resource` and `NotResource`".into());
        }
        let mut literal_actions = Vec::new();
        for l in [&st.action, &st.not_action].into_iter().flatten() {
            for (a, f) in l.known() {
                if a == "*" {
                    continue;
                }
                let Some((svc, name)) = a.split_once(':') else {
                    report(out, p.owner, f.span, format!("`{a}` is not an action: write `service:Action`"));
                    continue;
                };
                if svc.contains(['*', '?']) {
                    if c.expand(a).is_empty() {
                        report(out, p.owner, f.span, format!("`{a}` matches no AWS action"));
                    }
                    continue;
                }
                let Some(s) = c.service(svc) else {
                    let hint = c.suggest_service(svc);
                    let hint =
                        if hint.is_empty() { String::new() } else { format!("; did you mean {}?", quote(&hint)) };
                    report(out, p.owner, f.span, format!("unknown service prefix `{svc}` in `{a}`{hint}"));
                    continue;
                };
                if name.contains(['*', '?']) {
                    if c.expand(a).is_empty() {
                        report(out, p.owner, f.span, format!("`{a}` matches no action of {}", s.name));
                    }
                    continue;
                }
                match c.action(a) {
                    Some(act) => literal_actions.push((act, f.span)),
                    None => {
                        let hint = c.suggest_action(s, name);
                        let hint = if hint.is_empty() {
                            String::new()
                        } else {
                            format!("; did you mean {}?", quote(&hint.iter().map(String::as_str).collect::<Vec<_>>()))
                        };
                        report(
                            out,
                            p.owner,
                            f.span,
                            format!("unknown action `{a}`: {} has no action `{name}`{hint}", s.name),
                        );
                    }
                }
            }
        }
        for l in [&st.resource, &st.not_resource].into_iter().flatten() {
            for (r, f) in l.known() {
                if (r.starts_with("arn:") || (r.contains(':') && p.usage == PolicyUse::Identity))
                    && let Err(e) = check_arn(r)
                {
                    report(out, p.owner, f.span, format!("malformed ARN `{r}`: {e}"));
                }
            }
        }
        // Actions without resource-level permissions never match a specific resource.
        if allow(st)
            && let Some(res) = &st.resource
            && !res.has_unknown
            && !res.items.is_empty()
            && res.known().all(|(r, _)| r != "*")
        {
            for (act, span) in &literal_actions {
                if act.resources.is_empty() {
                    report(
                        out,
                        p.owner,
                        *span,
                        format!(
                            "`{}` supports no resource-level permissions: with specific resources this statement never allows it; grant it on `Resource: \"*\"`",
                            c.full_name(act)
                        ),
                    );
                }
            }
        }
        for cond in &st.conditions {
            if let Err(e) = parse_operator(&cond.operator) {
                report(out, p.owner, cond.span, e);
            }
        }
    }
}

fn quote(items: &[&str]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ")
}

pub static CROSS_ACCOUNT_RESOURCE_POLICY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-IAM-015",
        slug: "iam-resource-policy-cross-account",
        title: "Resource policy grants access to another AWS account without a restricting condition",
        severity: Severity::Low,
        layer: Layer::Data,
        service: "iam",
        well_architected: &["SEC03-BP07"],
        controls: &["IAM-12"],
        resource_types: &[
            kind::S3_BUCKET_POLICY,
            kind::KMS_KEY,
            kind::SQS_QUEUE_POLICY,
            kind::SNS_TOPIC_POLICY,
            kind::LAMBDA_PERMISSION,
            kind::POLICY_FILE,
        ],
        remediation: "Check that the account is meant to have access. Name the role that needs it \
(`arn:aws:iam::ACCOUNT:role/NAME`) rather than the whole account, and add a condition that keeps the grant \
inside your perimeter: `aws:PrincipalOrgID` for accounts of your organisation, `aws:SourceArn` / \
`aws:SourceAccount` for a service acting for that account. Write your own account as \
`${AWS::AccountId}` so that it is not mistaken for another one.",
        description: "A bucket, key, queue, topic or function policy that names an account id (or its \
`:root`) lets every principal of that account that its administrators allow use the resource — data \
leaves your control as soon as the other account is compromised or changes hands. The account is written \
literally, so Palisade cannot tell whether it is the template's own; the finding asks to confirm the grant \
or to narrow it.",
    },
    check: |m, _, out| {
        for p in policies(m).into_iter().filter(|p| p.usage == PolicyUse::Resource) {
            for st in &p.doc.statements {
                if !allow(st) || st.condition_unknown || trust_restricted(st) {
                    continue;
                }
                let Some(principal) = &st.principal else { continue };
                for (v, f) in principal.values("AWS") {
                    let whole = v.len() == 12 || v.ends_with(":root");
                    if let (true, Some(acct)) = (whole, account_of(v)) {
                        report(
                            out,
                            p.owner,
                            f.span,
                            format!("{} grants access to every principal of account {acct}", p.label),
                        );
                    }
                }
            }
        }
        for perm in &m.lambda_permissions {
            let Some(who) = perm.principal.get() else { continue };
            if account_of(who).is_none() || !perm.source_arn.is_absent() || !perm.principal_org_id.is_absent() {
                continue;
            }
            out.report_field(
                &perm.meta,
                &perm.principal,
                format!("permission `{}` lets every principal of account {who} invoke the function", perm.meta.id),
            );
        }
    },
};

#[cfg(test)]
mod tests {
    use crate::analyze::iam::escalation::METHODS;
    use crate::scan::{ScanOptions, scan_source};
    use crate::source::SourceFile;

    /// Messages of `rule` on a template.
    fn messages(rule: &str, text: &str) -> Vec<String> {
        let opts = ScanOptions { select: vec![rule.to_string()], ..ScanOptions::default() };
        let r = scan_source(SourceFile::new("t.yaml", text.to_string()), &opts).unwrap();
        r.findings.iter().map(|f| f.message.clone()).collect()
    }

    fn role_with(actions: &[&str]) -> String {
        let list: String = actions.iter().map(|a| format!("                  - {a}\n")).collect();
        format!(
            "Resources:
  Subject:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action:
{list}                Resource: '*'
"
        )
    }

    /// One template per published method: the role holding exactly the method's actions is
    /// reported for it; holding all but one, it is not.
    #[test]
    fn every_escalation_method_is_detected() {
        for m in METHODS {
            let got = messages("PAL-IAM-006", &role_with(m.actions));
            assert!(got.iter().any(|g| g.contains(&format!("with {}:", m.name))), "{}: {got:?}", m.name);
            if m.actions.len() > 1 {
                for skip in 0..m.actions.len() {
                    let partial: Vec<&str> =
                        m.actions.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, a)| *a).collect();
                    let got = messages("PAL-IAM-006", &role_with(&partial));
                    assert!(
                        !got.iter().any(|g| g.contains(&format!("with {}:", m.name))),
                        "{} reported without {}: {got:?}",
                        m.name,
                        m.actions[skip]
                    );
                }
            }
        }
    }

    #[test]
    fn escalation_respects_denies_conditions_and_boundaries() {
        let base = role_with(&["iam:CreatePolicyVersion"]);
        assert_eq!(messages("PAL-IAM-006", &base).len(), 1);
        let denied = base.replace(
            "                Resource: '*'\n",
            "                Resource: '*'\n              - Effect: Deny\n                Action: iam:*\n                Resource: '*'\n",
        );
        assert!(messages("PAL-IAM-006", &denied).is_empty());
        let conditional = base.replace(
            "                Resource: '*'\n",
            "                Resource: '*'\n                Condition:\n                  StringEquals:\n                    aws:PrincipalTag/admin: 'yes'\n",
        );
        assert!(messages("PAL-IAM-006", &conditional).is_empty(), "a condition makes it unknown");
        let bounded = base.replace("      Policies:\n", "      PermissionsBoundary: !Ref Boundary\n      Policies:\n")
            + "  Boundary:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Action: s3:*\n            Resource: '*'\n";
        assert!(messages("PAL-IAM-006", &bounded).is_empty(), "the boundary does not allow IAM");
        let external_boundary = base.replace(
            "      Policies:\n",
            "      PermissionsBoundary: arn:aws:iam::111122223333:policy/boundary\n      Policies:\n",
        );
        assert!(messages("PAL-IAM-006", &external_boundary).is_empty(), "unknown boundary: unknown");
        let admin = role_with(&["'*'"]);
        assert!(messages("PAL-IAM-006", &admin).is_empty(), "administrators are reported by PAL-IAM-001");
    }

    #[test]
    fn passable_roles_are_named() {
        let t = role_with(&["iam:PassRole", "ec2:RunInstances"])
            + "  Target:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: ec2.amazonaws.com\n            Action: sts:AssumeRole\n";
        let opts = ScanOptions { select: vec!["PAL-IAM-006".into()], ..ScanOptions::default() };
        let r = scan_source(SourceFile::new("t.yaml", t), &opts).unwrap();
        let f = r.findings.iter().find(|f| f.message.contains("ec2:RunInstances")).unwrap();
        assert!(f.related.iter().any(|r| r.message.contains("role `Target`")), "{:?}", f.related);
        assert!(f.related.iter().any(|r| r.message.contains("allows iam:PassRole")), "{:?}", f.related);
    }

    #[test]
    fn least_privilege_counts_expanded_actions() {
        let t = role_with(&["s3:*"]);
        let got = messages("PAL-IAM-003", &t);
        let n = crate::analyze::iam::catalog::catalog().service("s3").unwrap().actions.len();
        assert_eq!(got.len(), 1);
        assert!(got[0].contains(&format!("all {n} actions of Amazon S3")), "{got:?}");
        let w = messages("PAL-IAM-004", &role_with(&["dynamodb:PutItem", "dynamodb:DeleteItem", "sqs:SendMessage"]));
        assert!(w[0].contains("grants 3 write actions across 2 services"), "{w:?}");
    }
}
