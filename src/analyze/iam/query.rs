//! Questions asked of the scanned policies: "can this principal do that?" and "what does
//! this policy grant?" (`palisade iam can`, `palisade iam explain`).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::arn::arn_match;
use super::catalog::{AccessLevel, catalog};
use super::condition::Context;
use super::eval::{Authorization, Combined, Deciding, Labeled, Outcome, PolicySet};
use super::expand::statement_actions;
use super::principals::{PolicyUse, policies, principals, scps};
use crate::diagnostic::Diagnostic;
use crate::i18n::{Lang, Message};
use crate::model::{Effect, Link, Model};
use crate::source::SourceFile;

/// The models the questions are asked of (templates with undecidable conditions left
/// unknown, bare policy files), with their sources.
#[derive(Default)]
pub struct Loaded {
    pub models: Vec<Model>,
    pub sources: BTreeMap<Arc<str>, Arc<SourceFile>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A statement in an answer, located.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub policy: Message,
    pub effect: &'static str,
    /// `false` when the statement only might apply (a condition or value is unknown).
    pub certain: bool,
}

/// The answer of `iam can`.
#[derive(Debug, Clone, Serialize)]
pub struct CanAnswer {
    pub principal: Message,
    pub file: String,
    pub action: String,
    pub resource: Option<String>,
    /// `allow`, `explicit deny`, `implicit deny` or `unknown`.
    pub decision: &'static str,
    /// The layer that decided: identity policies, service control policies, permission boundary.
    pub decided_by: &'static str,
    pub statements: Vec<Located>,
    /// Why the answer is unknown, when it is.
    pub unknowns: Vec<Message>,
    /// Notes (an action missing from the catalog, other principals with the same name).
    pub notes: Vec<Message>,
    #[serde(skip)]
    pub outcome: Outcome,
}

fn locate(d: &Deciding, default_file: &Arc<str>) -> Located {
    let file = d.file.clone().unwrap_or_else(|| default_file.clone());
    let span = d.action.unwrap_or(d.statement);
    // The file the span is in (a unit of several files names each), else the policy's file.
    let file = if span.file.is_none() { file } else { span.file.name() };
    Located {
        file: file.to_string(),
        line: span.line,
        col: span.col,
        policy: d.policy.clone(),
        effect: if d.effect == Effect::Allow { "Allow" } else { "Deny" },
        certain: d.certain,
    }
}

/// Can `who` (a role, user or group by logical id or name, or an identity policy file by
/// path) perform `action` on `resource`? Service control policies found anywhere in the scan
/// apply as guardrails.
pub fn can(
    loaded: &Loaded,
    who: &str,
    action: &str,
    resource: Option<&str>,
    ctx: &Context,
) -> Result<CanAnswer, Message> {
    can_as(loaded, who, None, action, resource, ctx)
}

/// The resource policies of the loaded files that govern `resource`: bucket policies of a
/// bucket whose name is known, and any resource policy with a statement naming the ARN.
fn resource_policies<'m>(loaded: &'m Loaded, resource: &str) -> Vec<Labeled<'m>> {
    let mut out = Vec::new();
    for m in &loaded.models {
        for p in policies(m).into_iter().filter(|p| p.usage == PolicyUse::Resource) {
            let names_it = p.doc.statements.iter().any(|st| {
                st.resource.as_ref().is_some_and(|l| l.known().any(|(r, _)| r != "*" && arn_match(r, resource)))
            });
            let of_bucket = m.bucket_policies.iter().any(|bp| {
                Some(&bp.meta) == p.owner
                    && m.buckets.iter().any(|b| {
                        bp.bucket.get().is_some_and(|l| b.is_linked_by(l))
                            && b.name.get().is_some_and(|n| {
                                let arn = format!("arn:aws:s3:::{n}");
                                resource == arn || resource.starts_with(&format!("{arn}/"))
                            })
                    })
            });
            if names_it || of_bucket {
                out.push(Labeled { label: p.label, doc: p.doc, file: Some(m.file.clone()), attachment: None });
            }
        }
    }
    out
}

/// Like [`can`], with the principal's ARN (to match the `Principal` of resource policies).
pub fn can_as(
    loaded: &Loaded,
    who: &str,
    principal_arn: Option<&str>,
    action: &str,
    resource: Option<&str>,
    ctx: &Context,
) -> Result<CanAnswer, Message> {
    can_in_session(loaded, who, principal_arn, &[], action, resource, ctx)
}

/// A question for [`can_request`]: who, doing what, in which session and organization.
#[derive(Debug, Clone, Default)]
pub struct CanRequest<'a> {
    /// Role, user or group (logical id or name), or an identity policy file (path).
    pub who: &'a str,
    /// The principal's ARN (a user, role or role session), to match `Principal` elements.
    pub principal_arn: Option<&'a str>,
    /// The session policies of a role session.
    pub session: Vec<Labeled<'a>>,
    /// The organization path of the principal's account: the root id, each OU id, the
    /// account id. Then SCPs apply by their `TargetIds`, and every level must allow.
    pub org_path: Vec<String>,
    pub action: &'a str,
    pub resource: Option<&'a str>,
}

/// Like [`can_as`], for a role session created with session policies.
pub fn can_in_session(
    loaded: &Loaded,
    who: &str,
    principal_arn: Option<&str>,
    session: &[Labeled<'_>],
    action: &str,
    resource: Option<&str>,
    ctx: &Context,
) -> Result<CanAnswer, Message> {
    let req = CanRequest { who, principal_arn, session: session.to_vec(), org_path: Vec::new(), action, resource };
    can_request(loaded, &req, ctx)
}

/// The service control policies of each level of `path` (root, OUs, account), by the
/// `TargetIds` of the scanned `AWS::Organizations::Policy` resources; SCP files (which say
/// nothing of where they are attached) are taken as attached to the root. A level without a
/// scanned SCP that allows gets AWS's default `FullAWSAccess`.
fn scp_levels<'m>(loaded: &'m Loaded, path: &[String], notes: &mut Vec<Message>) -> Vec<PolicySet<'m>> {
    let full = super::principals::full_aws_access();
    let mut levels = Vec::new();
    for (i, id) in path.iter().enumerate() {
        let mut set = PolicySet::default();
        for m in &loaded.models {
            for o in m.org_policies.iter().filter(|o| o.is_scp()) {
                let label = msg!("iam-label-scp", id = o.meta.id);
                let names = |l: &crate::model::Link| matches!(l, Link::Local(x) | Link::External(x) if x == id);
                let targets = o.targets.get();
                let attached = targets.is_some_and(|t| t.iter().any(|l| l.get().is_some_and(names)));
                let maybe = targets.is_none_or(|t| t.iter().any(|l| l.get().is_none()));
                match o.document.get() {
                    Some(doc) if attached => {
                        set.docs.push(Labeled { label, doc, file: Some(m.file.clone()), attachment: None })
                    }
                    None if attached || maybe => {
                        set.unknown.push((msg!("iam-label-its-content", label = label), true, true))
                    }
                    Some(_) if maybe => set.unknown.push((msg!("iam-label-its-targets", label = label), true, true)),
                    _ => {}
                }
            }
            if i == 0 && m.policy_file.is_some() {
                set.docs.extend(scps(m));
            }
        }
        let allows = set.docs.iter().any(|d| d.doc.statements.iter().any(|s| s.effect.get() == Some(&Effect::Allow)));
        if !allows && let Some(full) = full {
            notes.push(msg!("iam-note-default-scp-of", id = id));
            set.docs.push(Labeled {
                label: msg!("iam-label-default-scp-of", id = id),
                doc: full,
                file: None,
                attachment: None,
            });
        }
        levels.push(set);
    }
    levels
}

/// Answers a [`CanRequest`] in the context `ctx`.
pub fn can_request(loaded: &Loaded, req: &CanRequest<'_>, ctx: &Context) -> Result<CanAnswer, Message> {
    let CanRequest { who, principal_arn, action, resource, .. } = *req;
    let session = &req.session;
    let mut found = Vec::new();
    for m in &loaded.models {
        for p in principals(m) {
            let by_path = p.meta.is_none() && (p.id == who || p.id.ends_with(&format!("/{who}")));
            if p.is_called(who) || by_path {
                found.push((m, p));
            }
        }
    }
    let Some((m, p)) = found.first() else {
        let mut known: Vec<String> = loaded
            .models
            .iter()
            .flat_map(|m| principals(m).into_iter().filter(|p| p.meta.is_some()).map(|p| p.id))
            .collect();
        known.sort();
        known.dedup();
        return Err(if known.is_empty() {
            msg!("iam-no-principal-none", who = who)
        } else {
            msg!("iam-no-principal-known", who = who, known = known.join(", "))
        });
    };
    let mut notes = Vec::new();
    if found.len() > 1 {
        notes.push(msg!("iam-note-same-name", count = found.len(), who = who, principal = p.describe(), file = m.file));
    }
    let c = catalog();
    if !action.contains(['*', '?']) && c.action(action).is_none() {
        let hint = action
            .split_once(':')
            .and_then(|(s, n)| c.service(s).map(|svc| c.suggest_action(svc, n)))
            .filter(|h| !h.is_empty())
            .map(|h| msg!("iam-note-did-you-mean", actions = h.join(" / ")))
            .unwrap_or_default();
        notes.push(msg!("iam-note-not-in-catalog", action = action, hint = hint));
    }
    let mut identity = PolicySet { docs: Vec::new(), unknown: p.governing.identity.unknown.clone() };
    for d in &p.governing.identity.docs {
        identity.docs.push(Labeled { file: Some(m.file.clone()), ..d.clone() });
    }
    let boundary = p.governing.boundary.as_ref().map(|b| PolicySet {
        docs: b.docs.iter().map(|d| Labeled { file: Some(m.file.clone()), ..d.clone() }).collect(),
        unknown: b.unknown.clone(),
    });
    let scp_levels = if req.org_path.is_empty() {
        let mut scp_docs: Vec<Labeled<'_>> = loaded.models.iter().flat_map(scps).collect();
        // Without an allow list of their own, SCPs work with the default FullAWSAccess policy
        // that AWS attaches to every root, OU and account.
        let allow_list =
            scp_docs.iter().any(|d| d.doc.statements.iter().any(|s| s.effect.get() == Some(&Effect::Allow)));
        if !scp_docs.is_empty()
            && !allow_list
            && let Some(full) = super::principals::full_aws_access()
        {
            notes.push(msg!("iam-note-default-scp"));
            scp_docs.push(Labeled { label: msg!("iam-label-default-scp"), doc: full, file: None, attachment: None });
        }
        if scp_docs.is_empty() { Vec::new() } else { vec![PolicySet { docs: scp_docs, unknown: Vec::new() }] }
    } else {
        scp_levels(loaded, &req.org_path, &mut notes)
    };
    let res_docs = resource.map(|r| resource_policies(loaded, r)).unwrap_or_default();
    let mut resource_set = PolicySet { docs: res_docs, unknown: Vec::new() };
    let mut auth = Authorization {
        principal_arn,
        identity,
        boundary,
        session: (!session.is_empty()).then(|| PolicySet { docs: session.to_vec(), unknown: Vec::new() }),
        scp_levels,
        resource_policies: PolicySet::default(),
        resource_account: None,
    };
    if auth.cross_account(resource) && resource_set.docs.is_empty() {
        // Across accounts the resource's own policy must allow too.
        resource_set.unknown.push((
            msg!("iam-label-resource-policy-of", resource = resource.unwrap_or_default()),
            true,
            true,
        ));
        notes.push(msg!("iam-note-other-account"));
    }
    auth.resource_policies = resource_set;
    let Combined { outcome, layer, decision, .. } = auth.decide(action, resource, ctx);
    if ctx.complete {
        notes.extend(absent_variables(&auth, action, ctx));
    }
    if outcome == Outcome::Unknown
        && principal_arn.is_none()
        && decision.deciding.iter().any(|d| d.effect == Effect::Allow)
        && !auth.resource_policies.docs.is_empty()
    {
        notes.push(msg!("iam-note-principal-arn"));
    }
    Ok(CanAnswer {
        principal: p.describe(),
        file: m.file.to_string(),
        action: action.to_string(),
        resource: resource.map(str::to_string),
        decision: outcome.as_str(),
        decided_by: layer,
        statements: decision.deciding.iter().map(|d| locate(d, &m.file)).collect(),
        unknowns: decision.unknowns,
        notes,
        outcome,
    })
}

/// In a complete context, the statements for `action` whose policy variables name a key
/// the request does not have (and give no default): such a value is null and matches nothing.
fn absent_variables(auth: &Authorization<'_>, action: &str, ctx: &Context) -> Vec<Message> {
    use super::condition::{Substituted, substitute_in};
    let mut out = Vec::new();
    let sets = [Some(&auth.identity), auth.boundary.as_ref(), auth.session.as_ref(), Some(&auth.resource_policies)];
    for set in sets.into_iter().flatten().chain(&auth.scp_levels) {
        for d in &set.docs {
            if !super::eval::has_variables(d.doc) {
                continue;
            }
            for st in d.doc.statements.iter().filter(|st| st.covers_action(action) != Some(false)) {
                let values = st
                    .resource
                    .iter()
                    .chain(&st.not_resource)
                    .flat_map(|l| l.known())
                    .chain(st.conditions.iter().flat_map(|c| c.values.known()));
                for (v, _) in values {
                    if let Substituted::Absent(key) = substitute_in(v, ctx, true, false) {
                        let line = d.attachment.unwrap_or(st.span).line;
                        let n = msg!("iam-note-absent-variable", value = v, label = d.label, line = line, key = key);
                        if !out.contains(&n) {
                            out.push(n);
                        }
                    }
                }
            }
        }
    }
    out
}

impl CanAnswer {
    /// The answer as text, in `lang`.
    pub fn render_text(&self, lang: Lang) -> String {
        let mut s = String::new();
        let verdict = match self.outcome {
            Outcome::Allow => "iam-can-allowed",
            Outcome::ExplicitDeny => "iam-can-explicit-deny",
            Outcome::ImplicitDeny => "iam-can-implicit-deny",
            Outcome::Unknown => "iam-can-unknown",
        };
        let head = match &self.resource {
            Some(r) => msg!(
                "iam-can-head-on",
                principal = self.principal,
                file = self.file,
                action = self.action,
                resource = r
            ),
            None => msg!("iam-can-head", principal = self.principal, file = self.file, action = self.action),
        };
        s.push_str(&format!("{}: {}\n", Message::template(verdict, Vec::new()).render(lang), head.render(lang)));
        let layer = match self.decided_by {
            "identity policies" => msg!("iam-layer-identity"),
            "service control policies" => msg!("iam-layer-scps"),
            "permission boundary" => msg!("iam-layer-boundary"),
            "session policy" => msg!("iam-layer-session"),
            "resource policy" => msg!("iam-layer-resource"),
            other => Message::from(other),
        };
        s.push_str(&format!("{}\n", msg!("iam-can-decided-by", layer = layer).render(lang)));
        for st in &self.statements {
            let effect = if st.effect == "Allow" { msg!("iam-can-effect-allow") } else { msg!("iam-can-effect-deny") };
            let line = if st.certain {
                msg!("iam-can-statement", effect = effect, policy = st.policy)
            } else {
                msg!("iam-can-statement-maybe", effect = effect, policy = st.policy)
            };
            if st.line == 0 {
                s.push_str(&format!("  {}\n", msg!("iam-can-not-in-files", statement = line).render(lang)));
            } else {
                s.push_str(&format!("  {}:{}:{}: {}\n", st.file, st.line, st.col, line.render(lang)));
            }
        }
        for u in &self.unknowns {
            s.push_str(&format!("  {}\n", msg!("iam-can-unknown-line", text = u).render(lang)));
        }
        for n in &self.notes {
            s.push_str(&format!("  {}\n", msg!("iam-can-note-line", text = n).render(lang)));
        }
        s
    }
}

/// One statement, expanded.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainedStatement {
    pub line: u32,
    pub sid: Option<String>,
    pub effect: &'static str,
    /// `None` when the statement names an action that cannot be decided.
    pub actions: Option<usize>,
    pub services: Option<usize>,
    /// Actions by access level (List, Read, Write, Permissions management, Tagging).
    pub by_level: Vec<LevelActions>,
    pub resources: Vec<String>,
    pub not_resource: bool,
    pub conditions: Vec<String>,
}

/// The actions of one access level: how many, and the first of them by name.
#[derive(Debug, Clone, Serialize)]
pub struct LevelActions {
    pub level: &'static str,
    /// How many actions of this level the statement names.
    pub count: usize,
    /// The first of them in catalog order: at most the listing limit (all without one).
    pub actions: Vec<String>,
}

/// One policy, expanded.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainedPolicy {
    pub file: String,
    pub line: u32,
    pub policy: Message,
    pub statements: Vec<ExplainedStatement>,
}

/// Actions listed per access level by default; the counts are always complete.
pub const DEFAULT_LISTED: usize = 8;

/// What [`explain_each`] hands over, in order: a policy, then each of its statements.
pub enum Explained {
    /// A policy, its `statements` left empty.
    Policy(ExplainedPolicy),
    Statement(ExplainedStatement),
}

/// Every policy of the loaded files, each statement expanded against the catalog, listing at
/// most [`DEFAULT_LISTED`] actions per access level.
pub fn explain(loaded: &Loaded) -> Vec<ExplainedPolicy> {
    let mut out: Vec<ExplainedPolicy> = Vec::new();
    explain_each(loaded, Some(DEFAULT_LISTED), |e| match e {
        Explained::Policy(p) => out.push(p),
        Explained::Statement(st) => {
            if let Some(p) = out.last_mut() {
                p.statements.push(st)
            }
        }
    });
    out
}

/// Expands every policy of the loaded files, handing each policy and then each of its
/// statements to `f` as soon as it is done, so that nothing but one statement is held at a
/// time. Each access level lists at most `max_names` actions (all when `None`): the actions
/// are counted, not collected.
pub fn explain_each(loaded: &Loaded, max_names: Option<usize>, mut f: impl FnMut(Explained)) {
    let limit = max_names.unwrap_or(usize::MAX);
    for m in &loaded.models {
        for p in policies(m) {
            f(Explained::Policy(ExplainedPolicy {
                file: m.file.to_string(),
                line: p.doc.span.line,
                policy: p.label,
                statements: Vec::new(),
            }));
            for st in &p.doc.statements {
                f(Explained::Statement(explain_statement(st, limit)));
            }
        }
    }
}

fn explain_statement(st: &crate::model::Statement, limit: usize) -> ExplainedStatement {
    let c = catalog();
    let exp = statement_actions(st);
    let mut by_level: Vec<LevelActions> =
        AccessLevel::ALL.iter().map(|lv| LevelActions { level: lv.as_str(), count: 0, actions: Vec::new() }).collect();
    for &i in exp.iter().flat_map(|e| &e.actions) {
        let a = &c.actions[i];
        let Some(slot) = AccessLevel::ALL.iter().position(|&lv| lv == a.level) else { continue };
        let l = &mut by_level[slot];
        l.count += 1;
        if l.actions.len() < limit {
            l.actions.push(c.full_name(a));
        }
    }
    by_level.retain(|l| l.count > 0);
    let (res, not_resource) = match (&st.resource, &st.not_resource) {
        (Some(l), _) => (l, false),
        (None, Some(l)) => (l, true),
        (None, None) => (&crate::model::StrList::default(), false),
    };
    let mut resources: Vec<String> = res.known().map(|(r, _)| r.to_string()).collect();
    if res.has_unknown {
        resources.push("(unknown)".into());
    }
    ExplainedStatement {
        line: st.span.line,
        sid: st.sid.clone(),
        effect: match st.effect.get() {
            Some(Effect::Allow) => "Allow",
            Some(Effect::Deny) => "Deny",
            None => "(unknown)",
        },
        actions: exp.as_ref().map(|e| e.len()),
        services: exp.as_ref().map(|e| e.services()),
        by_level,
        resources,
        not_resource,
        conditions: st
            .conditions
            .iter()
            .map(|c| {
                let v: Vec<&str> = c.values.known().map(|(v, _)| v).collect();
                format!("{} {} {}", c.operator, c.key, v.join(", "))
            })
            .collect(),
    }
}

/// Text rendering of `explain`, in `lang`.
pub fn render_explain(policies: &[ExplainedPolicy], lang: Lang) -> String {
    let mut s = String::new();
    for p in policies {
        s.push_str(&render_policy_head(p, lang));
        for st in &p.statements {
            s.push_str(&render_statement(st, lang));
        }
    }
    if policies.is_empty() {
        s.push_str(&no_policy(lang));
    }
    s
}

/// What the text rendering says when there is no policy.
pub fn no_policy(lang: Lang) -> String {
    format!("{}\n", msg!("iam-explain-no-policy").render(lang))
}

/// The text rendering of a policy's first line.
pub fn render_policy_head(p: &ExplainedPolicy, lang: Lang) -> String {
    format!("{}:{}: {}\n", p.file, p.line, p.policy.render(lang))
}

/// The text rendering of one statement: its counts, the actions listed per access level (and
/// how many more there are), its resources and conditions.
pub fn render_statement(st: &ExplainedStatement, lang: Lang) -> String {
    let mut s = String::new();
    let sid = st.sid.as_deref().map(|x| format!(" {x}")).unwrap_or_default();
    let count = match (st.actions, st.services) {
        (Some(a), Some(sv)) => msg!("iam-explain-count", actions = a, services = sv),
        _ => msg!("iam-explain-undecidable"),
    };
    let effect = match st.effect {
        "Allow" => msg!("iam-can-effect-allow"),
        "Deny" => msg!("iam-can-effect-deny"),
        _ => msg!("iam-explain-effect-unknown"),
    };
    let head = msg!("iam-explain-statement", line = st.line, sid = sid, effect = effect, count = count);
    s.push_str(&format!("  {}\n", head.render(lang)));
    for LevelActions { level, count, actions } in &st.by_level {
        let more = if actions.len() < *count {
            msg!("iam-explain-more", count = count - actions.len()).render(lang)
        } else {
            String::new()
        };
        let level = level_name(level).render(lang);
        s.push_str(&format!("    {level} ({count}): {}{more}\n", actions.join(", ")));
    }
    if !st.resources.is_empty() {
        let what = if st.not_resource { msg!("iam-explain-except") } else { msg!("iam-explain-on") };
        s.push_str(&format!("    {}: {}\n", what.render(lang), st.resources.join(", ")));
    }
    for c in &st.conditions {
        s.push_str(&format!("    {}: {c}\n", msg!("iam-explain-when").render(lang)));
    }
    s
}

/// An access level of the AWS catalogue (`List`, `Read`, ...) as the language names it.
fn level_name(level: &str) -> Message {
    match level {
        "List" => msg!("iam-level-list"),
        "Read" => msg!("iam-level-read"),
        "Write" => msg!("iam-level-write"),
        "Permissions management" => msg!("iam-level-permissions"),
        "Tagging" => msg!("iam-level-tagging"),
        other => Message::from(other),
    }
}
