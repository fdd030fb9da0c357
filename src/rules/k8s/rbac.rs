//! What the RBAC rules share (`rbac_*`: wildcards, privilege-escalation verbs, cluster-wide
//! secret reads, exec into pods, and `cluster-admin` granted to service accounts or to everyone).

use crate::model::k8s::{PolicyRule, Role};
use crate::rules::Sink;
use crate::source::Span;

pub(super) const ROLES: &[&str] = &["Role", "ClusterRole"];
pub(super) const WA: &[&str] = &["SEC03-BP02"];
pub(super) const APP08: &[&str] = &["APP-08"];

pub(super) fn role_name(r: &Role) -> String {
    format!("{} `{}`", r.obj.kind, r.obj.name.as_deref().unwrap_or_default())
}

pub(super) fn report(out: &mut Sink<'_>, r: &Role, span: Span, message: crate::i18n::Message) {
    out.report_in(&r.obj.file, &r.obj.res, span, message);
}

/// Does the rule apply to the core API group (`""`) or every group?
pub(super) fn core_group(rule: &PolicyRule) -> bool {
    rule.api_groups.iter().any(|(g, _)| g.is_empty() || g == "*")
}

pub(super) fn has(list: &[(String, Span)], items: &[&str]) -> bool {
    list.iter().any(|(v, _)| items.contains(&v.as_str()))
}
