//! Helpers shared by rules of several areas.

use std::collections::HashMap;

use crate::model::{BucketPolicy, Condition, Effect, Link, Model, PolicyDocument, S3Bucket, Statement};

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

/// The template's bucket policies by the bucket they attach to (a logical id or a literal
/// name), so that finding a bucket's policies does not walk every policy of the template: a
/// rule builds it once and asks it for each bucket.
pub struct BucketPolicies<'m> {
    by_id: HashMap<&'m str, Vec<(usize, &'m BucketPolicy)>>,
    by_name: HashMap<&'m str, Vec<(usize, &'m BucketPolicy)>>,
    /// Some bucket policy has a bucket that cannot be decided.
    undecided: bool,
}

impl<'m> BucketPolicies<'m> {
    pub fn of(m: &'m Model) -> BucketPolicies<'m> {
        let mut index = BucketPolicies { by_id: HashMap::new(), by_name: HashMap::new(), undecided: false };
        for (i, p) in m.bucket_policies.iter().enumerate() {
            match p.bucket.get() {
                Some(Link::Local(id)) => index.by_id.entry(id.as_str()).or_default().push((i, p)),
                Some(Link::External(name)) => index.by_name.entry(name.as_str()).or_default().push((i, p)),
                None => index.undecided = true,
            }
        }
        index
    }

    /// The bucket policies naming `bucket` by its logical id, in template order.
    pub fn by_logical_id(&self, bucket: &S3Bucket) -> impl Iterator<Item = &'m BucketPolicy> + '_ {
        self.by_id.get(bucket.meta.id.as_ref()).into_iter().flatten().map(|(_, p)| *p)
    }

    /// The policy documents attached to `bucket` (see [`links_to_bucket`]), in template order,
    /// and whether some bucket policy of the template has a bucket that cannot be decided
    /// (then "no policy" cannot be concluded).
    pub fn attached(&self, bucket: &S3Bucket) -> (Vec<(&'m BucketPolicy, Option<&'m PolicyDocument>)>, bool) {
        let by_name = bucket.name.get().and_then(|n| self.by_name.get(n.as_str()));
        let mut found: Vec<(usize, &'m BucketPolicy)> =
            self.by_id.get(bucket.meta.id.as_ref()).into_iter().chain(by_name).flatten().copied().collect();
        found.sort_by_key(|(i, _)| *i);
        (found.into_iter().map(|(_, p)| (p, p.document.get())).collect(), self.undecided)
    }
}
