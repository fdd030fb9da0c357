//! Helpers shared by rules of several areas.

use crate::model::{Condition, Effect, Link, Model, PolicyDocument, S3Bucket, Statement};

/// Condition keys that, compared with a specific value, limit who can use a grant to `*`:
/// network origin, organisation, account or source resource. `aws:SourceOwner` is the
/// account key SNS sets for the services that publish to a topic.
pub const RESTRICTING_KEYS: &[&str] = &[
    "aws:SourceIp",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceVpcArn",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalAccount",
    "aws:PrincipalArn",
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOwner",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:VpceAccount",
    "aws:VpceOrgID",
    "aws:VpceOrgPaths",
    "aws:userid",
    "kms:CallerAccount",
    "s3:DataAccessPointAccount",
    "s3:DataAccessPointArn",
];

/// Keys that name an organisation: a pattern with a wildcard in them (`o-*`) matches every
/// organisation.
const ORG_ID_KEYS: &[&str] = &["aws:PrincipalOrgID", "aws:SourceOrgID", "aws:VpceOrgID"];

/// Operators that restrict to the listed values (as opposed to `StringNotEquals`,
/// `NotIpAddress`, `Null`, ...), with their `IfExists` and set forms.
pub fn is_positive_operator(op: &str) -> bool {
    let base = op.rsplit(':').next().unwrap_or(op);
    let base = base.strip_suffix("IfExists").unwrap_or(base);
    matches!(base, "StringEquals" | "StringEqualsIgnoreCase" | "StringLike" | "ArnEquals" | "ArnLike" | "IpAddress")
}

/// Does one value of a positive condition on `key` narrow who matches? Not `*`, the whole
/// address space, a pattern made only of wildcards and separators (`*:*`, `arn:aws:*`), nor
/// an organisation pattern with a wildcard (`o-*`).
fn value_restricts(key: &str, operator: &str, value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() || v == "0.0.0.0/0" || v == "::/0" {
        return false;
    }
    let base = operator.rsplit(':').next().unwrap_or(operator);
    let pattern = base.contains("Like");
    if !pattern {
        return v != "*";
    }
    if ORG_ID_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) && v.contains(['*', '?']) {
        return false;
    }
    // An ARN pattern whose fields after the partition are all wildcards matches every ARN.
    let rest = ["arn:aws:", "arn:aws-cn:", "arn:aws-us-gov:", "arn:*:"]
        .iter()
        .find_map(|p| v.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p)).map(|_| &v[p.len()..]))
        .unwrap_or(v);
    rest.chars().any(|c| !matches!(c, '*' | '?' | ':' | '/'))
}

/// The condition of `stmt` that restricts who can use it, if any: a positive operator on one
/// of [`RESTRICTING_KEYS`] whose values are all known and each narrows the callers.
pub fn restricting_condition(stmt: &Statement) -> Option<&Condition> {
    restricting_condition_on(stmt, RESTRICTING_KEYS)
}

/// [`restricting_condition`] over the given keys.
pub fn restricting_condition_on<'s>(stmt: &'s Statement, keys: &[&str]) -> Option<&'s Condition> {
    stmt.conditions.iter().find(|c| {
        keys.iter().any(|k| k.eq_ignore_ascii_case(&c.key))
            && is_positive_operator(&c.operator)
            && !c.values.has_unknown
            && !c.values.items.is_empty()
            && c.values.known().all(|(v, _)| value_restricts(&c.key, &c.operator, v))
    })
}

/// A condition on a restricting key whose values cannot be decided (e.g.
/// `aws:SourceAccount: !Ref AWS::AccountId`): it may well restrict, so nothing can be concluded.
pub fn undecided_restriction(stmt: &Statement) -> bool {
    undecided_restriction_on(stmt, RESTRICTING_KEYS)
}

/// [`undecided_restriction`] over the given keys.
pub fn undecided_restriction_on(stmt: &Statement, keys: &[&str]) -> bool {
    stmt.conditions.iter().any(|c| {
        keys.iter().any(|k| k.eq_ignore_ascii_case(&c.key)) && is_positive_operator(&c.operator) && c.values.has_unknown
    })
}

/// An `Allow` statement that grants something to everyone (`*`) with no restricting
/// condition. `None` when the statement is not such a grant or when it cannot be decided.
pub fn public_allow(stmt: &Statement) -> Option<crate::source::Span> {
    if stmt.effect.get() != Some(&Effect::Allow) || stmt.condition_unknown {
        return None;
    }
    let span = stmt.principal.as_ref()?.is_everyone()?;
    if restricting_condition(stmt).is_some() || undecided_restriction(stmt) {
        return None;
    }
    Some(span)
}

/// Does `link` point at `bucket` (by logical id, or by its literal name)?
pub fn links_to_bucket(link: &Link, bucket: &S3Bucket) -> bool {
    bucket.is_linked_by(link)
}

/// The policy documents attached to a bucket, and whether some bucket policy of the template
/// has a bucket that cannot be decided (then "no policy" cannot be concluded).
pub fn bucket_policies<'m>(
    m: &'m Model,
    bucket: &S3Bucket,
) -> (Vec<(&'m crate::model::BucketPolicy, Option<&'m PolicyDocument>)>, bool) {
    let mut out = Vec::new();
    let mut undecided = false;
    for p in &m.bucket_policies {
        match p.bucket.get() {
            Some(l) if links_to_bucket(l, bucket) => out.push((p, p.document.get())),
            Some(_) => {}
            None => undecided = true,
        }
    }
    (out, undecided)
}
