//! AWS's policy evaluation logic: explicit deny wins, then allow, otherwise deny; identity
//! policies intersected with service control policies and permission boundaries. Every
//! answer is three-valued: what depends on an unknown value is `Unknown`, never a finding.

use super::arn::{account_of, account_part, arn_match, glob};
use super::condition::{self, Context, Substituted, substitute_in};
use crate::model::{Effect, PolicyDocument, Principal, Statement, StrList};
use crate::source::Span;

/// Who makes a request, for policies with a `Principal` (resource and trust policies).
#[derive(Debug, Clone, PartialEq)]
pub enum Caller {
    /// An IAM principal by ARN (`arn:aws:iam::123456789012:role/x`).
    Aws(String),
    /// An AWS service (`ec2.amazonaws.com`).
    Service(String),
    /// An unauthenticated caller.
    Anonymous,
    /// An IAM principal whose ARN is not known: only `*` surely names it.
    AwsUnknown,
    /// An IAM principal by ARN, matched as `naming` says.
    AwsAs(String, Naming),
}

/// Which `Principal` entries name a caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// Its ARN, the role of a role session, or its account (what [`Caller::Aws`] means).
    Account,
    /// Its ARN or the role of a role session, not its account.
    Identity,
    /// Its ARN only (a user, or a role session by its session ARN).
    Exact,
    /// As `Account`, for a principal with a permissions boundary: a `NotPrincipal` never
    /// exempts it.
    Bounded,
}

/// The role ARN prefix and name of an assumed-role session ARN
/// (`arn:aws:sts::123456789012:assumed-role/Name/session` gives `arn:aws:iam::123456789012:role/`
/// and `Name`).
fn session_role(arn: &str) -> Option<(String, &str)> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if parts.len() != 6 || parts[0] != "arn" || parts[2] != "sts" {
        return None;
    }
    let rest = parts[5].strip_prefix("assumed-role/")?;
    let (name, _session) = rest.split_once('/')?;
    Some((format!("arn:{}:iam::{}:role/", parts[1], parts[4]), name))
}

/// Does the principal entry `entry` (an ARN from a `Principal`) name the caller `arn`? A
/// role ARN names the role's sessions. With `by_account`, an account (`123456789012` or its
/// `:root` ARN) names every principal of the account.
fn names_principal(entry: &str, arn: &str, by_account: bool) -> bool {
    if entry == arn {
        return true;
    }
    if let Some((prefix, name)) = session_role(arn)
        && let Some(role) = entry.strip_prefix(&prefix)
        && role.rsplit('/').next() == Some(name)
    {
        return true;
    }
    by_account
        && (entry.len() == 12 || entry == super::arn::OWN_ACCOUNT || entry.ends_with(":root"))
        && account_part(entry).is_some_and(|a| account_part(arn) == Some(a))
}

/// One request to decide.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    /// `service:Action`.
    pub action: &'a str,
    /// The resource ARN; `None` when not specified (then only `*` decides).
    pub resource: Option<&'a str>,
    /// Who asks; `None` for identity policies, whose `Principal` is implicit.
    pub caller: Option<&'a Caller>,
    pub context: &'a Context,
}

/// The outcome of evaluating a set of policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Allow,
    ExplicitDeny,
    /// No statement allows (the default deny).
    ImplicitDeny,
    /// Depends on something not known (a condition key, a value in the template, a policy
    /// outside the scan).
    Unknown,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allow => "allow",
            Outcome::ExplicitDeny => "explicit deny",
            Outcome::ImplicitDeny => "implicit deny",
            Outcome::Unknown => "unknown",
        }
    }
}

/// A statement that took part in a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Deciding {
    /// Which policy (e.g. "inline policy `S3` of role `App`").
    pub policy: crate::i18n::Message,
    pub statement: Span,
    /// The `Action`/`NotAction` item that matched, when one did.
    pub action: Option<Span>,
    pub effect: Effect,
    /// `true`: applies for sure; `false`: might apply (unknown).
    pub certain: bool,
    /// The file the statement is in, when it differs from the request's.
    pub file: Option<std::sync::Arc<str>>,
}

/// A decision with the statements it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub outcome: Outcome,
    pub deciding: Vec<Deciding>,
    /// Why the outcome is unknown, when it is.
    pub unknowns: Vec<crate::i18n::Message>,
    /// Some statement surely allows (`Some(true)`), none can (`Some(false)`), or unknown.
    pub allowed: Option<bool>,
    /// Some statement surely denies, none can, or unknown.
    pub denied: Option<bool>,
}

fn and3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Does a `Resource` list match the request's resource?
fn resource_list_matches(l: &StrList, resource: Option<&str>, ctx: &Context, variables: bool) -> Option<bool> {
    let mut out = Some(false);
    for (p, _) in l.known() {
        let m = match resource {
            _ if p == "*" => Some(true),
            None => None,
            Some(r) => match substitute_in(p, ctx, variables, true) {
                Substituted::Value(p) => Some(arn_match(&p, r)),
                // A variable without a value matches no resource.
                Substituted::Absent(_) => Some(false),
                Substituted::Unknown => None,
            },
        };
        match m {
            Some(true) => return Some(true),
            None => out = None,
            Some(false) => {}
        }
    }
    if l.has_unknown { None } else { out }
}

/// The action item of a list matching `action`.
pub fn matching_action(l: &StrList, action: &str) -> Option<Span> {
    l.known().find(|(p, _)| glob(p, action, true)).map(|(_, f)| f.span)
}

/// Does `Principal` name the caller? With `exact` (for `NotPrincipal`), an account names
/// only its root user, and a role only itself.
fn principal_matches(p: &Principal, caller: &Caller, exact: bool) -> Option<bool> {
    match p {
        Principal::Any(_) => Some(true),
        Principal::Unknown(_) => None,
        Principal::Map(entries) => {
            let mut out = Some(false);
            for (kind, list) in entries {
                for (v, _) in list.known() {
                    let m = match (kind.as_str(), caller) {
                        ("AWS", _) if v == "*" => true,
                        ("AWS", Caller::AwsUnknown) => {
                            out = None;
                            false
                        }
                        ("AWS", Caller::Aws(arn)) if exact => v == arn,
                        ("AWS", Caller::Aws(arn)) => names_principal(v, arn, true),
                        ("AWS", Caller::AwsAs(_, Naming::Bounded)) if exact => false,
                        ("AWS", Caller::AwsAs(arn, _)) if exact => v == arn,
                        ("AWS", Caller::AwsAs(arn, Naming::Account | Naming::Bounded)) => names_principal(v, arn, true),
                        ("AWS", Caller::AwsAs(arn, Naming::Identity)) => names_principal(v, arn, false),
                        ("AWS", Caller::AwsAs(arn, Naming::Exact)) => v == arn,
                        ("Service", Caller::Service(s)) => v.eq_ignore_ascii_case(s),
                        _ => false,
                    };
                    if m {
                        return Some(true);
                    }
                }
                if list.has_unknown {
                    out = None;
                }
            }
            out
        }
    }
}

/// Does the statement's `Action`/`NotAction` cover the action (case-insensitive wildcards)?
fn covers_action(st: &Statement, action: &str) -> Option<bool> {
    let (l, negated) = match (&st.action, &st.not_action) {
        (Some(l), _) => (l, false),
        (None, Some(l)) => (l, true),
        (None, None) => return Some(false),
    };
    let matched = if l.known().any(|(p, _)| glob(p, action, true)) {
        Some(true)
    } else if l.has_unknown {
        None
    } else {
        Some(false)
    };
    matched.map(|m| m != negated)
}

/// Does the statement apply to the request (ignoring its effect)?
pub fn statement_applies(st: &Statement, req: &Request<'_>) -> Option<bool> {
    statement_applies_in(st, req, true)
}

/// Does a policy have policy variables? Only `Version` `2012-10-17` does; without it (or with
/// `2008-10-17`) `${...}` is literal text.
pub fn has_variables(doc: &PolicyDocument) -> bool {
    // A `Version` computed in a template is taken to be the current one.
    doc.version.is_unknown() || doc.version.get().is_some_and(|v| v == "2012-10-17")
}

/// [`statement_applies`], with policy variables only when `variables`.
pub fn statement_applies_in(st: &Statement, req: &Request<'_>, variables: bool) -> Option<bool> {
    let action = covers_action(st, req.action);
    let resource = match (&st.resource, &st.not_resource) {
        (Some(l), _) => resource_list_matches(l, req.resource, req.context, variables),
        (None, Some(l)) => resource_list_matches(l, req.resource, req.context, variables).map(|b| !b),
        // Trust and resource policies may leave the resource implicit.
        (None, None) => Some(true),
    };
    let principal = match req.caller {
        None => Some(true),
        Some(c) => match (&st.principal, &st.not_principal) {
            (Some(p), _) => principal_matches(p, c, false),
            (None, Some(p)) => principal_matches(p, c, true).map(|b| !b),
            (None, None) => Some(false),
        },
    };
    let conds =
        if st.condition_unknown { None } else { condition::evaluate_all_in(&st.conditions, req.context, variables) };
    let effect = if st.effect.get().is_some() { Some(true) } else { None };
    and3(and3(and3(action, resource), and3(principal, conds)), effect)
}

/// A policy with a label for messages.
#[derive(Debug, Clone)]
pub struct Labeled<'a> {
    pub label: crate::i18n::Message,
    pub doc: &'a PolicyDocument,
    /// The file the policy is in, when it differs from the principal's.
    pub file: Option<std::sync::Arc<str>>,
    /// Where the policy is attached, for policies not written in the scan (AWS managed
    /// policies): deciding statements point there.
    pub attachment: Option<Span>,
}

/// A set of policies evaluated together, plus policies known to exist but not readable.
#[derive(Debug, Clone, Default)]
pub struct PolicySet<'a> {
    pub docs: Vec<Labeled<'a>>,
    /// Policies that may apply but whose content is unknown: (description, may allow, may deny).
    pub unknown: Vec<(crate::i18n::Message, bool, bool)>,
}

impl<'a> PolicySet<'a> {
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty() && self.unknown.is_empty()
    }

    /// Explicit deny > allow > implicit deny, over every statement of every document.
    pub fn evaluate(&self, req: &Request<'_>) -> Decision {
        let mut deny_sure = Vec::new();
        let mut deny_maybe = Vec::new();
        let mut allow_sure = Vec::new();
        let mut allow_maybe = Vec::new();
        let mut unknowns = Vec::new();
        let (mut any_unknown_allow, mut any_unknown_deny) = (false, false);
        for d in &self.docs {
            if d.doc.has_unknown_statements {
                unknowns.push(msg!("iam-unknown-statements", label = d.label));
                any_unknown_allow = true;
                any_unknown_deny = true;
            }
            let variables = has_variables(d.doc);
            for st in &d.doc.statements {
                let applies = statement_applies_in(st, req, variables);
                if applies == Some(false) {
                    continue;
                }
                let action = st
                    .action
                    .as_ref()
                    .and_then(|l| matching_action(l, req.action))
                    .or_else(|| st.not_action.as_ref().map(|l| l.span));
                let certain = applies == Some(true);
                let effect = st.effect.get().cloned();
                let deciding = |effect: Effect| Deciding {
                    policy: d.label.clone(),
                    statement: d.attachment.unwrap_or(st.span),
                    action: if d.attachment.is_some() { None } else { action },
                    effect,
                    certain,
                    file: d.file.clone(),
                };
                match (effect, certain) {
                    (Some(Effect::Deny), true) => deny_sure.push(deciding(Effect::Deny)),
                    (Some(Effect::Deny), false) => deny_maybe.push(deciding(Effect::Deny)),
                    (Some(Effect::Allow), true) => allow_sure.push(deciding(Effect::Allow)),
                    (Some(Effect::Allow), false) => allow_maybe.push(deciding(Effect::Allow)),
                    (None, _) => {
                        unknowns.push(msg!("iam-unknown-effect", label = d.label));
                        any_unknown_allow = true;
                        any_unknown_deny = true;
                    }
                }
            }
        }
        for (what, may_allow, may_deny) in &self.unknown {
            unknowns.push(msg!("iam-unknown-outside-scan", what = what));
            any_unknown_allow |= may_allow;
            any_unknown_deny |= may_deny;
        }
        if !deny_sure.is_empty() {
            let allowed = if allow_sure.is_empty() { None } else { Some(true) };
            return Decision {
                outcome: Outcome::ExplicitDeny,
                deciding: deny_sure,
                unknowns: Vec::new(),
                allowed,
                denied: Some(true),
            };
        }
        let maybe_denied = !deny_maybe.is_empty() || any_unknown_deny;
        if !allow_sure.is_empty() {
            if maybe_denied {
                allow_sure.extend(deny_maybe);
                return Decision {
                    outcome: Outcome::Unknown,
                    deciding: allow_sure,
                    unknowns,
                    allowed: Some(true),
                    denied: None,
                };
            }
            return Decision {
                outcome: Outcome::Allow,
                deciding: allow_sure,
                unknowns: Vec::new(),
                allowed: Some(true),
                denied: Some(false),
            };
        }
        if !allow_maybe.is_empty() || any_unknown_allow {
            allow_maybe.extend(deny_maybe);
            let denied = if maybe_denied { None } else { Some(false) };
            return Decision { outcome: Outcome::Unknown, deciding: allow_maybe, unknowns, allowed: None, denied };
        }
        let denied = if maybe_denied { None } else { Some(false) };
        Decision {
            outcome: Outcome::ImplicitDeny,
            deciding: deny_maybe,
            unknowns: Vec::new(),
            allowed: Some(false),
            denied,
        }
    }
}

/// The policies that govern one principal.
#[derive(Debug, Clone, Default)]
pub struct Governing<'a> {
    pub identity: PolicySet<'a>,
    /// Service control policies by level of the principal's organization (its root, each
    /// organizational unit, its account): each level must allow, and a deny at any level
    /// denies. Empty when none governs it (or where they apply is not known).
    pub scps: Vec<PolicySet<'a>>,
    /// The permission boundary, when one is set.
    pub boundary: Option<PolicySet<'a>>,
}

/// A decision across identity policies, SCPs and the permission boundary, with the layer
/// that decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    pub outcome: Outcome,
    /// Which layer decided: `identity policies`, `service control policies`, `permission boundary`.
    pub layer: &'static str,
    pub decision: Decision,
    /// The decisions of each layer that was evaluated.
    pub layers: Vec<(&'static str, Decision)>,
}

impl<'a> Governing<'a> {
    pub fn evaluate(&self, req: &Request<'_>) -> Combined {
        let mut layers = vec![("identity policies", self.identity.evaluate(req))];
        for level in &self.scps {
            layers.push(("service control policies", level.evaluate(req)));
        }
        if let Some(b) = &self.boundary {
            layers.push(("permission boundary", b.evaluate(req)));
        }
        let pick = |o: Outcome| layers.iter().find(|(_, d)| d.outcome == o).cloned();
        let (outcome, (layer, decision)) = if let Some(l) = pick(Outcome::ExplicitDeny) {
            (Outcome::ExplicitDeny, l)
        } else if let Some(l) = pick(Outcome::ImplicitDeny) {
            (Outcome::ImplicitDeny, l)
        } else if let Some(l) = pick(Outcome::Unknown) {
            (Outcome::Unknown, l)
        } else {
            (Outcome::Allow, layers[0].clone())
        };
        Combined { outcome, layer, decision, layers }
    }
}

/// Everything that takes part in deciding one request: the caller's identity policies,
/// permissions boundary, session policy and the service control policies of each level of
/// its organization (root, OUs, account), and the resource's policies.
#[derive(Debug, Clone, Default)]
pub struct Authorization<'a> {
    /// The caller's ARN (a user, role or role session); `None` when not known.
    pub principal_arn: Option<&'a str>,
    pub identity: PolicySet<'a>,
    pub boundary: Option<PolicySet<'a>>,
    /// The session policies passed when the role session was created.
    pub session: Option<PolicySet<'a>>,
    /// SCPs by level, from the root down to the account: every level must allow.
    pub scp_levels: Vec<PolicySet<'a>>,
    /// The resource-based policies of the requested resource.
    pub resource_policies: PolicySet<'a>,
    /// The account that owns the resource, when its ARN does not say it.
    pub resource_account: Option<&'a str>,
}

fn or3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

impl<'a> Authorization<'a> {
    /// Is the request cross-account (the caller's and the resource's accounts are both known
    /// and differ)?
    pub fn cross_account(&self, resource: Option<&str>) -> bool {
        let caller = self.principal_arn.and_then(account_of);
        let owner = self.resource_account.or_else(|| resource.and_then(account_of));
        matches!((caller, owner), (Some(c), Some(o)) if c != o)
    }

    /// AWS's evaluation: an explicit deny in any policy denies; every SCP level must allow;
    /// within an account, identity policies (within the boundary and session policy) or a
    /// resource policy naming the principal allow; across accounts both sides must allow.
    pub fn decide(&self, action: &str, resource: Option<&str>, context: &Context) -> Combined {
        let req = Request { action, resource, caller: None, context };
        let mut layers: Vec<(&'static str, Decision)> = vec![("identity policies", self.identity.evaluate(&req))];
        for level in &self.scp_levels {
            layers.push(("service control policies", level.evaluate(&req)));
        }
        if let Some(b) = &self.boundary {
            layers.push(("permission boundary", b.evaluate(&req)));
        }
        if let Some(sp) = &self.session {
            layers.push(("session policy", sp.evaluate(&req)));
        }
        let caller = |naming: Naming| match self.principal_arn {
            Some(a) => Caller::AwsAs(a.to_string(), naming),
            None => Caller::AwsUnknown,
        };
        let has_resource_policy = !self.resource_policies.is_empty();
        let resource_eval = |naming: Naming| {
            let c = caller(naming);
            self.resource_policies.evaluate(&Request { action, resource, caller: Some(&c), context })
        };
        let (full, named, exact) = if has_resource_policy {
            let full = resource_eval(if self.boundary.is_some() { Naming::Bounded } else { Naming::Account });
            (Some(full), Some(resource_eval(Naming::Identity)), Some(resource_eval(Naming::Exact)))
        } else {
            (None, None, None)
        };
        if let Some(f) = &full {
            layers.push(("resource policy", f.clone()));
        }
        let get = |name: &str| layers.iter().find(|(l, _)| *l == name).map(|(_, d)| d);
        let allowed_of = |name: &str| get(name).map_or(Some(true), |d| d.allowed);
        let scp_gate =
            condition::all3(layers.iter().filter(|(l, _)| *l == "service control policies").map(|(_, d)| d.allowed));
        let limits = and3(allowed_of("permission boundary"), allowed_of("session policy"));
        let identity_path = and3(allowed_of("identity policies"), limits);
        let allowed = if self.cross_account(resource) {
            and3(identity_path, full.as_ref().map_or(Some(false), |d| d.allowed))
        } else {
            // A grant to the user or the session itself is not limited by an implicit deny in
            // the boundary or session policy; a grant to the role is. A grant to the account
            // only delegates to the identity policies.
            let exact = exact.as_ref().map_or(Some(false), |d| d.allowed);
            let role = and3(named.as_ref().map_or(Some(false), |d| d.allowed), limits);
            or3(identity_path, or3(exact, role))
        };
        let allowed = and3(allowed, scp_gate);
        let denied = condition::any3(layers.iter().map(|(_, d)| d.denied));
        let pick = |f: &dyn Fn(&Decision) -> bool| layers.iter().find(|(_, d)| f(d)).cloned();
        let (outcome, picked) = match (denied, allowed) {
            (Some(true), _) => (Outcome::ExplicitDeny, pick(&|d| d.outcome == Outcome::ExplicitDeny)),
            (_, Some(false)) => {
                (Outcome::ImplicitDeny, pick(&|d| d.allowed == Some(false) && d.outcome != Outcome::ExplicitDeny))
            }
            (Some(false), Some(true)) => {
                let by_identity = identity_path == Some(true);
                let l = if by_identity { "identity policies" } else { "resource policy" };
                let d = if by_identity {
                    get("identity policies").cloned()
                } else {
                    [&exact, &named].into_iter().flatten().find(|d| d.allowed == Some(true)).cloned()
                };
                (Outcome::Allow, d.map(|d| (l, d)))
            }
            _ => (Outcome::Unknown, pick(&|d| d.outcome == Outcome::Unknown)),
        };
        let (layer, mut decision) = picked.unwrap_or_else(|| layers[0].clone());
        if outcome == Outcome::Unknown {
            for (_, d) in &layers {
                for u in &d.unknowns {
                    if !decision.unknowns.contains(u) {
                        decision.unknowns.push(u.clone());
                    }
                }
            }
        }
        decision.outcome = outcome;
        Combined { outcome, layer, decision, layers }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lower::policy_file::to_val;
    use crate::parse::{Limits, parse_json};
    use crate::source::SourceFile;

    fn doc(json: &str) -> PolicyDocument {
        let src = SourceFile::new("p.json", json.to_string());
        let d = parse_json(&src, &Limits::default()).unwrap();
        crate::lower::cfn::policy::document(&to_val(&d.root)).get().cloned().unwrap()
    }

    fn decide(docs: &[&PolicyDocument], action: &str, resource: Option<&str>, ctx: &Context) -> Outcome {
        let set = PolicySet {
            docs: docs.iter().map(|d| Labeled { label: "p".into(), doc: d, file: None, attachment: None }).collect(),
            unknown: Vec::new(),
        };
        set.evaluate(&Request { action, resource, caller: None, context: ctx }).outcome
    }

    const ANY: Option<&str> = Some("arn:aws:s3:::b/k");

    #[test]
    fn default_deny_allow_and_explicit_deny() {
        let ctx = Context::new();
        let allow = doc(r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#);
        assert_eq!(decide(&[&allow], "s3:GetObject", ANY, &ctx), Outcome::Allow);
        assert_eq!(decide(&[&allow], "s3:PutObject", ANY, &ctx), Outcome::ImplicitDeny);
        let deny = doc(r#"{"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#);
        assert_eq!(decide(&[&allow, &deny], "s3:GetObject", ANY, &ctx), Outcome::ExplicitDeny);
        assert_eq!(decide(&[], "s3:GetObject", ANY, &ctx), Outcome::ImplicitDeny);
    }

    #[test]
    fn actions_match_case_insensitively_with_wildcards() {
        let ctx = Context::new();
        let d = doc(r#"{"Statement":{"Effect":"Allow","Action":["S3:get*","*Bucket"],"Resource":"*"}}"#);
        assert_eq!(decide(&[&d], "s3:GetObject", ANY, &ctx), Outcome::Allow);
        assert_eq!(decide(&[&d], "s3:ListBucket", ANY, &ctx), Outcome::Allow);
        assert_eq!(decide(&[&d], "s3:PutObject", ANY, &ctx), Outcome::ImplicitDeny);
    }

    #[test]
    fn not_action_and_not_resource() {
        let ctx = Context::new();
        let d = doc(r#"{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"#);
        assert_eq!(decide(&[&d], "s3:GetObject", ANY, &ctx), Outcome::Allow);
        assert_eq!(decide(&[&d], "iam:CreateUser", ANY, &ctx), Outcome::ImplicitDeny);
        let nr = doc(r#"{"Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::b/*"},
                                      {"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#);
        assert_eq!(decide(&[&nr], "s3:GetObject", ANY, &ctx), Outcome::Allow);
        assert_eq!(decide(&[&nr], "s3:GetObject", Some("arn:aws:s3:::other/k"), &ctx), Outcome::ExplicitDeny);
    }

    #[test]
    fn resources_match_per_segment_and_case_sensitively() {
        let ctx = Context::new();
        let d = doc(
            r#"{"Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/App"}}"#,
        );
        let t = "arn:aws:dynamodb:eu-west-1:123456789012:table/App";
        assert_eq!(decide(&[&d], "dynamodb:GetItem", Some(t), &ctx), Outcome::Allow);
        assert_eq!(decide(&[&d], "dynamodb:GetItem", Some(&t.replace("App", "app")), &ctx), Outcome::ImplicitDeny);
        // No resource given: only `*` can decide.
        assert_eq!(decide(&[&d], "dynamodb:GetItem", None, &ctx), Outcome::Unknown);
    }

    #[test]
    fn conditions_are_three_valued() {
        let d = doc(r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
            "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}"#);
        assert_eq!(decide(&[&d], "s3:GetObject", ANY, &Context::new()), Outcome::Unknown);
        assert_eq!(
            decide(&[&d], "s3:GetObject", ANY, &Context::new().with("aws:SourceIp", "10.2.3.4")),
            Outcome::Allow
        );
        assert_eq!(
            decide(&[&d], "s3:GetObject", ANY, &Context::new().with("aws:SourceIp", "8.8.8.8")),
            Outcome::ImplicitDeny
        );
        let mfa = doc(r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
            {"Effect":"Deny","NotAction":"iam:*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}"#);
        assert_eq!(decide(&[&mfa], "s3:GetObject", ANY, &Context::new()), Outcome::Unknown);
        assert_eq!(decide(&[&mfa], "s3:GetObject", ANY, &Context::new().complete()), Outcome::ExplicitDeny);
        let with_mfa = Context::new().with("aws:MultiFactorAuthPresent", "true");
        assert_eq!(decide(&[&mfa], "s3:GetObject", ANY, &with_mfa), Outcome::Allow);
    }

    #[test]
    fn not_principal_and_principals() {
        let d = doc(
            r#"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sqs:*"},
            {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:role/Admin"},"Action":"sqs:DeleteQueue"}]}"#,
        );
        let set = PolicySet {
            docs: vec![Labeled { label: "q".into(), doc: &d, file: None, attachment: None }],
            unknown: Vec::new(),
        };
        let ctx = Context::new();
        let worker = Caller::Aws("arn:aws:iam::111122223333:role/Worker".into());
        let admin = Caller::Aws("arn:aws:iam::111122223333:role/Admin".into());
        let other = Caller::Aws("arn:aws:iam::999999999999:role/Worker".into());
        let req = |a, c| Request { action: a, resource: None, caller: Some(c), context: &ctx };
        assert_eq!(set.evaluate(&req("sqs:SendMessage", &worker)).outcome, Outcome::Allow);
        assert_eq!(set.evaluate(&req("sqs:DeleteQueue", &worker)).outcome, Outcome::ExplicitDeny);
        assert_eq!(set.evaluate(&req("sqs:DeleteQueue", &admin)).outcome, Outcome::Allow);
        assert_eq!(set.evaluate(&req("sqs:SendMessage", &other)).outcome, Outcome::ImplicitDeny);
        assert_eq!(set.evaluate(&req("sqs:SendMessage", &Caller::Anonymous)).outcome, Outcome::ImplicitDeny);
        // A caller whose ARN is not known might be the named principal.
        assert_eq!(set.evaluate(&req("sqs:SendMessage", &Caller::AwsUnknown)).outcome, Outcome::Unknown);
    }

    #[test]
    fn guardrails_intersect() {
        let ctx = Context::new();
        let admin = doc(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#);
        let scp = doc(r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
            {"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#);
        let boundary = doc(r#"{"Statement":{"Effect":"Allow","Action":["s3:*","organizations:*"],"Resource":"*"}}"#);
        fn set<'a>(d: &'static str, p: &'a PolicyDocument) -> PolicySet<'a> {
            PolicySet {
                docs: vec![Labeled { label: d.into(), doc: p, file: None, attachment: None }],
                unknown: Vec::new(),
            }
        }
        let g = Governing {
            identity: set("id", &admin),
            scps: vec![set("scp", &scp)],
            boundary: Some(set("b", &boundary)),
        };
        let req = |a| Request { action: a, resource: Some("arn:aws:s3:::b"), caller: None, context: &ctx };
        assert_eq!(g.evaluate(&req("s3:ListBucket")).outcome, Outcome::Allow);
        let r = g.evaluate(&req("ec2:RunInstances"));
        assert_eq!((r.outcome, r.layer), (Outcome::ImplicitDeny, "permission boundary"));
        let r = g.evaluate(&req("organizations:LeaveOrganization"));
        assert_eq!((r.outcome, r.layer), (Outcome::ExplicitDeny, "service control policies"));
    }

    #[test]
    fn unknown_policies_make_answers_unknown() {
        let ctx = Context::new();
        let allow = doc(r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#);
        let set = PolicySet {
            docs: vec![Labeled { label: "a".into(), doc: &allow, file: None, attachment: None }],
            unknown: vec![("managed policy `X`".into(), true, true)],
        };
        let req = |a| Request { action: a, resource: None, caller: None, context: &ctx };
        assert_eq!(set.evaluate(&req("s3:GetObject")).outcome, Outcome::Unknown);
        assert_eq!(set.evaluate(&req("ec2:RunInstances")).outcome, Outcome::Unknown);
        let allow_only = PolicySet { unknown: vec![("aws managed".into(), true, false)], ..set.clone() };
        assert_eq!(allow_only.evaluate(&req("s3:GetObject")).outcome, Outcome::Allow);
    }
}

#[cfg(test)]
mod bench {
    use super::*;
    use crate::lower::policy_file::to_val;
    use crate::parse::{Limits, parse_json};
    use crate::source::SourceFile;

    /// Statement evaluations per second (run with `cargo test --release -- --ignored
    /// --nocapture evaluation_throughput`).
    #[test]
    #[ignore]
    fn evaluation_throughput() {
        let mut statements = Vec::new();
        for i in 0..500 {
            statements.push(format!(
                r#"{{"Effect":"Allow","Action":["s3:Get*","s3:List*","dynamodb:Query"],"Resource":"arn:aws:s3:::bucket-{i}/*"}}"#
            ));
            statements.push(r#"{"Effect":"Allow","Action":["sqs:*","sns:Publish"],"Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}"#.to_string());
            statements
                .push(format!(r#"{{"Effect":"Deny","NotAction":"s3:*","NotResource":"arn:aws:s3:::bucket-{i}"}}"#));
            statements.push(r#"{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}"#.to_string());
        }
        let json = format!(r#"{{"Version":"2012-10-17","Statement":[{}]}}"#, statements.join(","));
        let src = SourceFile::new("p.json", json);
        let d = parse_json(&src, &Limits::default()).unwrap();
        let doc = crate::lower::cfn::policy::document(&to_val(&d.root)).get().cloned().unwrap();
        let set = PolicySet {
            docs: vec![Labeled { label: "p".into(), doc: &doc, file: None, attachment: None }],
            unknown: Vec::new(),
        };
        let ctx = Context::new().with("aws:SourceIp", "10.1.2.3").with("aws:RequestedRegion", "eu-west-1");
        let requests = [
            ("s3:GetObject", "arn:aws:s3:::bucket-250/key"),
            ("sqs:SendMessage", "arn:aws:sqs:eu-west-1:111122223333:q"),
            ("ec2:DescribeInstances", "*"),
            ("iam:CreateUser", "arn:aws:iam::111122223333:user/x"),
        ];
        let rounds = 50;
        let start = std::time::Instant::now();
        let mut outcomes = Vec::new();
        for _ in 0..rounds {
            for (a, r) in requests {
                outcomes
                    .push(set.evaluate(&Request { action: a, resource: Some(r), caller: None, context: &ctx }).outcome);
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let evaluated = (rounds * requests.len() * doc.statements.len()) as f64;
        println!(
            "{} statements x {} requests: {:.0} statements/s",
            doc.statements.len(),
            rounds * requests.len(),
            evaluated / secs
        );
        assert_eq!(
            &outcomes[..4],
            &[Outcome::Allow, Outcome::ExplicitDeny, Outcome::ExplicitDeny, Outcome::ExplicitDeny]
        );
    }
}
