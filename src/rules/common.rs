//! Helpers shared by rules of several areas.

use crate::model::{Condition, Effect, Link, Model, PolicyDocument, S3Bucket, Statement};

/// Condition keys that, compared with a specific value, limit who can use a grant to `*`:
/// network origin, organisation, account or source resource.
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
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:userid",
    "kms:CallerAccount",
    "s3:DataAccessPointAccount",
    "s3:DataAccessPointArn",
];

/// Operators that restrict to the listed values (as opposed to `StringNotEquals`,
/// `NotIpAddress`, `Null`, ...), with their `IfExists` and set forms.
fn is_positive_operator(op: &str) -> bool {
    let base = op.rsplit(':').next().unwrap_or(op);
    let base = base.strip_suffix("IfExists").unwrap_or(base);
    matches!(base, "StringEquals" | "StringEqualsIgnoreCase" | "StringLike" | "ArnEquals" | "ArnLike" | "IpAddress")
}

/// The condition of `stmt` that restricts who can use it, if any.
pub fn restricting_condition(stmt: &Statement) -> Option<&Condition> {
    stmt.conditions.iter().find(|c| {
        RESTRICTING_KEYS.iter().any(|k| k.eq_ignore_ascii_case(&c.key))
            && is_positive_operator(&c.operator)
            && !c.values.has_unknown
            && !c.values.items.is_empty()
            && c.values.known().all(|(v, _)| v != "*" && v != "0.0.0.0/0" && v != "::/0")
    })
}

/// A condition on a restricting key whose values cannot be decided (e.g.
/// `aws:SourceAccount: !Ref AWS::AccountId`): it may well restrict, so nothing can be concluded.
fn undecided_restriction(stmt: &Statement) -> bool {
    stmt.conditions.iter().any(|c| {
        RESTRICTING_KEYS.iter().any(|k| k.eq_ignore_ascii_case(&c.key))
            && is_positive_operator(&c.operator)
            && c.values.has_unknown
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
