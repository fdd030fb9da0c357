//! The policy documents of a model and the principals they govern.

use std::sync::OnceLock;

use super::eval::{Governing, Labeled, PolicySet};
use crate::i18n::Message;
use crate::model::*;
use crate::source::Span;

/// How a policy document is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyUse {
    /// Grants to the principal it is attached to.
    Identity,
    /// A role's trust policy (`AssumeRolePolicyDocument`).
    Trust,
    /// A resource policy (S3, KMS, SQS, SNS, a resource policy file).
    Resource,
    /// A service control policy.
    Scp,
}

/// A policy document of the model, where it is and what it is for.
#[derive(Debug, Clone)]
pub struct PolicyAt<'m> {
    pub doc: &'m PolicyDocument,
    pub usage: PolicyUse,
    /// For messages: "inline policy `S3Read` of role `AppRole`".
    pub label: Message,
    /// The resource it belongs to (none for a policy file).
    pub owner: Option<&'m ResMeta>,
}

/// Every policy document of the model whose content is known.
pub fn policies(m: &Model) -> Vec<PolicyAt<'_>> {
    let mut out = Vec::new();
    for r in &m.iam_roles {
        for (doc, label) in inline_docs(&r.identity, "role", &r.meta.id) {
            out.push(PolicyAt { doc, usage: PolicyUse::Identity, label, owner: Some(&r.meta) });
        }
        if let Some(doc) = r.trust.get() {
            out.push(PolicyAt {
                doc,
                usage: PolicyUse::Trust,
                label: msg!("iam-label-trust-policy", role = r.meta.id),
                owner: Some(&r.meta),
            });
        }
    }
    for u in &m.iam_users {
        for (doc, label) in inline_docs(&u.identity, "user", &u.meta.id) {
            out.push(PolicyAt { doc, usage: PolicyUse::Identity, label, owner: Some(&u.meta) });
        }
    }
    for g in &m.iam_groups {
        for (doc, label) in inline_docs(&g.identity, "group", &g.meta.id) {
            out.push(PolicyAt { doc, usage: PolicyUse::Identity, label, owner: Some(&g.meta) });
        }
    }
    for p in &m.iam_policies {
        if let Some(doc) = p.document.get() {
            out.push(PolicyAt { doc, usage: PolicyUse::Identity, label: policy_label(p), owner: Some(&p.meta) });
        }
    }
    for b in &m.bucket_policies {
        if let Some(doc) = b.document.get() {
            out.push(PolicyAt {
                doc,
                usage: PolicyUse::Resource,
                label: msg!("iam-label-bucket-policy", id = b.meta.id),
                owner: Some(&b.meta),
            });
        }
    }
    for k in &m.kms_keys {
        if let Some(doc) = k.key_policy.get() {
            out.push(PolicyAt {
                doc,
                usage: PolicyUse::Resource,
                label: msg!("iam-label-key-policy", id = k.meta.id),
                owner: Some(&k.meta),
            });
        }
    }
    for r in &m.resource_policies {
        if let Some(doc) = r.document.get() {
            out.push(PolicyAt {
                doc,
                usage: PolicyUse::Resource,
                label: match r.kind {
                    ResourcePolicyKind::Sqs => msg!("iam-label-queue-policy", id = r.meta.id),
                    ResourcePolicyKind::Sns => msg!("iam-label-topic-policy", id = r.meta.id),
                    ResourcePolicyKind::Ecr => msg!("iam-label-repository-policy", id = r.meta.id),
                },
                owner: Some(&r.meta),
            });
        }
    }
    for o in &m.org_policies {
        if let (true, Some(doc)) = (o.is_scp(), o.document.get()) {
            out.push(PolicyAt {
                doc,
                usage: PolicyUse::Scp,
                label: msg!("iam-label-scp", id = o.meta.id),
                owner: Some(&o.meta),
            });
        }
    }
    if let Some(f) = &m.policy_file {
        let usage = match f.kind {
            PolicyFileKind::Identity => PolicyUse::Identity,
            PolicyFileKind::Resource => PolicyUse::Resource,
            PolicyFileKind::Trust => PolicyUse::Trust,
            PolicyFileKind::Scp => PolicyUse::Scp,
        };
        let label = match f.kind {
            PolicyFileKind::Identity => msg!("iam-label-file-identity"),
            PolicyFileKind::Resource => msg!("iam-label-file-resource"),
            PolicyFileKind::Trust => msg!("iam-label-file-trust"),
            PolicyFileKind::Scp => msg!("iam-label-file-scp"),
        };
        out.push(PolicyAt { doc: &f.document, usage, label, owner: None });
    }
    out
}

fn inline_docs<'m>(id: &'m Identity, kind: &str, owner: &str) -> Vec<(&'m PolicyDocument, Message)> {
    let Some(items) = id.inline.get() else { return Vec::new() };
    let owner = owner_label(kind, owner);
    items.iter().filter_map(|p| p.document.get().map(|d| (d, inline_label(p.name.get(), &owner)))).collect()
}

/// "role `App`", "user `Ann`", "group `Ops`": a principal in the text of a message.
pub fn owner_label(kind: &str, id: &str) -> Message {
    match kind {
        "role" => msg!("iam-owner-role", id = id),
        "user" => msg!("iam-owner-user", id = id),
        "group" => msg!("iam-owner-group", id = id),
        _ => msg!("iam-owner-other", kind = kind, id = id),
    }
}

/// "inline policy `S3` of role `App`".
fn inline_label(name: Option<&String>, owner: &Message) -> Message {
    match name {
        Some(n) => msg!("iam-label-inline-named", name = n, owner = owner),
        None => msg!("iam-label-inline", owner = owner),
    }
}

/// "managed policy `P`" or "policy `P`" (an `AWS::IAM::Policy`).
fn policy_label(p: &IamPolicy) -> Message {
    if p.managed { msg!("iam-label-managed-policy", id = p.meta.id) } else { msg!("iam-label-policy", id = p.meta.id) }
}

/// A principal of the model: a role, a user, a group, or the identity policy file itself.
#[derive(Debug, Clone)]
pub struct PrincipalInfo<'m> {
    /// `role`, `user`, `group` or `policy`.
    pub kind: &'static str,
    /// `None` for a policy file.
    pub meta: Option<&'m ResMeta>,
    /// Logical id and physical name (when known).
    pub id: String,
    pub name: Option<String>,
    pub governing: Governing<'m>,
}

impl PrincipalInfo<'_> {
    /// "role `AppRole`".
    pub fn describe(&self) -> Message {
        match self.meta {
            Some(_) => owner_label(self.kind, &self.id),
            None => msg!("iam-label-this-policy"),
        }
    }

    /// Is this principal called `who` (logical id or name)?
    pub fn is_called(&self, who: &str) -> bool {
        self.id == who || self.name.as_deref() == Some(who)
    }

    /// The span to report on.
    pub fn span(&self) -> Span {
        self.meta.map(|m| m.span).unwrap_or_default()
    }
}

pub use super::managed::aws_managed_name;

/// AWS's default service control policy `FullAWSAccess` (allows everything).
pub fn full_aws_access() -> Option<&'static PolicyDocument> {
    static DOC: OnceLock<Option<PolicyDocument>> = OnceLock::new();
    DOC.get_or_init(|| {
        super::managed::document_from_json(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        )
    })
    .as_ref()
}

/// What a policy with this document could add: (may allow, may deny).
fn effects(doc: Option<&PolicyDocument>) -> (bool, bool) {
    match doc {
        None => (true, true),
        Some(d) if d.has_unknown_statements => (true, true),
        Some(d) => {
            let allow = d.statements.iter().any(|s| s.effect.get() != Some(&Effect::Deny));
            let deny = d.statements.iter().any(|s| s.effect.get() != Some(&Effect::Allow));
            (allow, deny)
        }
    }
}

fn link_is(l: &Link, meta: &ResMeta, name: Option<&String>) -> bool {
    match l {
        Link::Local(id) => **id == *meta.id,
        Link::External(n) => name.is_some_and(|x| x == n || n.ends_with(&format!("/{x}"))),
    }
}

/// Does a list of links name this resource? `None` when the list cannot be decided.
fn names(list: &Field<Vec<Field<Link>>>, meta: &ResMeta, name: Option<&String>) -> Option<bool> {
    match &list.value {
        Tri::Absent => Some(false),
        Tri::Unknown => None,
        Tri::Known(items) => {
            let mut out = Some(false);
            for i in items {
                match i.get() {
                    Some(l) if link_is(l, meta, name) => return Some(true),
                    Some(_) => {}
                    None => out = None,
                }
            }
            out
        }
    }
}

/// Adds one managed policy reference (`ManagedPolicyArns` item or boundary) to a set.
fn add_managed<'m>(m: &'m Model, set: &mut PolicySet<'m>, link: &Field<Link>, owner: &Message) {
    match link.get() {
        None => set.unknown.push((msg!("iam-label-a-managed-policy-of", owner = owner), true, true)),
        Some(Link::Local(id)) => match m.iam_policies.iter().find(|p| *p.meta.id == **id) {
            Some(p) => match p.document.get() {
                Some(doc) => set.docs.push(Labeled {
                    label: msg!("iam-label-managed-policy", id = id),
                    doc,
                    file: None,
                    attachment: None,
                }),
                None => set.unknown.push((msg!("iam-label-managed-policy", id = id), true, true)),
            },
            None => set.unknown.push((msg!("iam-label-managed-policy", id = id), true, true)),
        },
        Some(Link::External(arn)) => match aws_managed_name(arn) {
            Some(name) => match super::managed::by_name(name).and_then(|p| p.document()) {
                Some(doc) if !doc.statements.is_empty() => set.docs.push(Labeled {
                    label: msg!("iam-label-aws-managed-policy", name = name),
                    doc,
                    file: None,
                    attachment: Some(link.span),
                }),
                // AWS managed policies the data does not know grant; they do not deny.
                _ => set.unknown.push((msg!("iam-label-aws-managed-policy", name = name), true, false)),
            },
            None => set.unknown.push((msg!("iam-label-managed-policy", id = arn), true, true)),
        },
    }
}

/// Adds the inline and managed policies of an identity, and the `AWS::IAM::Policy` /
/// `ManagedPolicy` resources attached to it.
fn add_identity<'m>(
    m: &'m Model,
    set: &mut PolicySet<'m>,
    id: &'m Identity,
    meta: &'m ResMeta,
    kind: &str,
    attached: impl Fn(&IamPolicy) -> &Field<Vec<Field<Link>>>,
) {
    let owner = owner_label(kind, &meta.id);
    match &id.inline.value {
        Tri::Unknown => set.unknown.push((msg!("iam-label-inline-policies-of", owner = owner), true, true)),
        Tri::Known(items) => {
            for p in items {
                let label = inline_label(p.name.get(), &owner);
                match p.document.get() {
                    Some(doc) => set.docs.push(Labeled { label, doc, file: None, attachment: None }),
                    None if p.document.is_absent() => {}
                    None => set.unknown.push((label, true, true)),
                }
            }
        }
        Tri::Absent => {}
    }
    match &id.managed.value {
        Tri::Unknown => set.unknown.push((msg!("iam-label-managed-policies-of", owner = owner), true, true)),
        Tri::Known(items) => {
            for l in items {
                add_managed(m, set, l, &owner);
            }
        }
        Tri::Absent => {}
    }
    let name = id.name.get();
    for p in &m.iam_policies {
        let label = policy_label(p);
        // A managed policy listed in ManagedPolicyArns is already in.
        let listed =
            id.managed.get().is_some_and(|l| l.iter().any(|f| f.get() == Some(&Link::Local(p.meta.id.to_string()))));
        if listed {
            continue;
        }
        match names(attached(p), meta, name) {
            Some(true) => match p.document.get() {
                Some(doc) => set.docs.push(Labeled { label, doc, file: None, attachment: None }),
                None => set.unknown.push((label, true, true)),
            },
            Some(false) => {}
            None => {
                let (a, d) = effects(p.document.get());
                set.unknown.push((msg!("iam-label-attached-undecided", label = label, kind = kind_noun(kind)), a, d));
            }
        }
    }
}

/// "role", "user", "group" as a word of a message.
fn kind_noun(kind: &str) -> Message {
    match kind {
        "role" => msg!("iam-kind-role"),
        "user" => msg!("iam-kind-user"),
        "group" => msg!("iam-kind-group"),
        _ => Message::from(kind),
    }
}

fn boundary<'m>(m: &'m Model, id: &'m Identity, owner: &Message) -> Option<PolicySet<'m>> {
    if id.boundary.is_absent() {
        return None;
    }
    let mut set = PolicySet::default();
    add_managed(m, &mut set, &id.boundary, owner);
    Some(set)
}

/// The groups a user belongs to: (group, or `None` when a membership cannot be resolved).
pub fn groups_of<'m>(m: &'m Model, u: &'m IamUser) -> Vec<Option<&'m IamGroup>> {
    let mut out = Vec::new();
    let resolve = |l: &Field<Link>| -> Option<&'m IamGroup> {
        match l.get()? {
            Link::Local(id) => m.iam_groups.iter().find(|g| *g.meta.id == **id),
            Link::External(n) => m.iam_groups.iter().find(|g| g.identity.name.get() == Some(n)),
        }
    };
    match &u.groups.value {
        Tri::Known(items) => out.extend(items.iter().map(resolve)),
        Tri::Unknown => out.push(None),
        Tri::Absent => {}
    }
    for a in &m.user_to_groups {
        match names(&a.users, &u.meta, u.identity.name.get()) {
            Some(true) => out.push(resolve(&a.group)),
            Some(false) => {}
            None => out.push(None),
        }
    }
    out
}

/// The service control policies that govern an entity of a live account (named by its ARN)
/// that is a member of an organization the model knows the structure of, by level: those
/// attached to its root, to each organizational unit above it, and to its account. Each level
/// must allow and a deny at any level denies, as AWS decides. AWS keeps at least one policy
/// attached to every root, unit and account: a level to which the scan shows none attached is
/// taken to have AWS's default `FullAWSAccess`. Entities of templates, of the management
/// account and of accounts outside the known organizations get none.
fn scps_of<'m>(m: &'m Model, meta: &ResMeta) -> Vec<PolicySet<'m>> {
    let Some(account) = super::arn::account_of(&meta.id).filter(|_| meta.id.starts_with("arn:")) else {
        return Vec::new();
    };
    let Some(org) = m.account.organizations.iter().find(|o| o.has_member(account)) else { return Vec::new() };
    if org.management_account == account {
        return Vec::new();
    }
    let Some(path) = org.path_of(account) else {
        let mut unknown = PolicySet::default();
        unknown.unknown.push((msg!("iam-label-org-units-above", account = account), true, true));
        return vec![unknown];
    };
    path.iter()
        .map(|level| {
            let mut set = PolicySet::default();
            for o in m.org_policies.iter().filter(|o| o.is_scp()) {
                let label = msg!("iam-label-scp", id = o.meta.id);
                let named = |l: &Link| matches!(l, Link::Local(x) | Link::External(x) if x == level);
                let targets = o.targets.get();
                let attached = targets.is_some_and(|t| t.iter().any(|l| l.get().is_some_and(named)));
                let maybe = targets.is_none_or(|t| t.iter().any(|l| l.get().is_none()));
                match o.document.get() {
                    Some(doc) if attached => set.docs.push(Labeled { label, doc, file: None, attachment: None }),
                    None if attached || maybe => {
                        set.unknown.push((msg!("iam-label-its-content", label = label), true, true))
                    }
                    Some(_) if maybe => set.unknown.push((msg!("iam-label-its-targets", label = label), true, true)),
                    _ => {}
                }
            }
            if set.is_empty()
                && let Some(full) = full_aws_access()
            {
                let label = msg!("iam-label-default-scp-of", id = level);
                set.docs.push(Labeled { label, doc: full, file: None, attachment: None });
            }
            set
        })
        .collect()
}

/// Every principal of the model with the policies that govern it. Service control policies
/// are included for the entities of live accounts whose organization's structure is known
/// (see [`scps_of`]); a template does not say where its policies are attached.
pub fn principals(m: &Model) -> Vec<PrincipalInfo<'_>> {
    let mut out = Vec::new();
    for r in &m.iam_roles {
        let mut identity = PolicySet::default();
        add_identity(m, &mut identity, &r.identity, &r.meta, "role", |p| &p.roles);
        out.push(PrincipalInfo {
            kind: "role",
            meta: Some(&r.meta),
            id: r.meta.id.to_string(),
            name: r.identity.name.get().cloned(),
            governing: Governing {
                identity,
                scps: if r.identity.path.is(|p| p.starts_with("/aws-service-role/")) {
                    // Service-linked roles are not governed by service control policies.
                    Vec::new()
                } else {
                    scps_of(m, &r.meta)
                },
                boundary: boundary(m, &r.identity, &owner_label("role", &r.meta.id)),
            },
        });
    }
    for u in &m.iam_users {
        let mut identity = PolicySet::default();
        add_identity(m, &mut identity, &u.identity, &u.meta, "user", |p| &p.users);
        for g in groups_of(m, u) {
            match g {
                Some(g) => {
                    let first = identity.docs.len();
                    add_identity(m, &mut identity, &g.identity, &g.meta, "group", |p| &p.groups);
                    for d in &mut identity.docs[first..] {
                        d.label = msg!("iam-label-through-group", label = d.label, group = g.meta.id);
                    }
                }
                None => identity.unknown.push((msg!("iam-label-a-group-of-user", user = u.meta.id), true, true)),
            }
        }
        out.push(PrincipalInfo {
            kind: "user",
            meta: Some(&u.meta),
            id: u.meta.id.to_string(),
            name: u.identity.name.get().cloned(),
            governing: Governing {
                identity,
                scps: scps_of(m, &u.meta),
                boundary: boundary(m, &u.identity, &owner_label("user", &u.meta.id)),
            },
        });
    }
    for g in &m.iam_groups {
        let mut identity = PolicySet::default();
        add_identity(m, &mut identity, &g.identity, &g.meta, "group", |p| &p.groups);
        out.push(PrincipalInfo {
            kind: "group",
            meta: Some(&g.meta),
            id: g.meta.id.to_string(),
            name: g.identity.name.get().cloned(),
            governing: Governing { identity, scps: scps_of(m, &g.meta), boundary: None },
        });
    }
    if let Some(f) = m.policy_file.as_ref().filter(|f| f.kind == PolicyFileKind::Identity) {
        let identity = PolicySet {
            docs: vec![Labeled {
                label: msg!("iam-label-this-policy"),
                doc: &f.document,
                file: None,
                attachment: None,
            }],
            unknown: Vec::new(),
        };
        out.push(PrincipalInfo {
            kind: "policy",
            meta: None,
            id: m.file.to_string(),
            name: None,
            governing: Governing { identity, scps: Vec::new(), boundary: None },
        });
    }
    out
}

/// The service control policies of a model.
pub fn scps(m: &Model) -> Vec<Labeled<'_>> {
    policies(m)
        .into_iter()
        .filter(|p| p.usage == PolicyUse::Scp)
        .map(|p| Labeled { label: p.label, doc: p.doc, file: Some(m.file.clone()), attachment: None })
        .collect()
}
