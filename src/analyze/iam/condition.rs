//! Condition operators evaluated against a request context, three-valued: `None` when the
//! answer depends on something the context does not say.

use std::collections::HashMap;
use std::net::IpAddr;

use super::arn::{arn_match, glob};
use crate::model::Condition;
use crate::value::cidr;

/// What is known about a request: condition keys and their values.
#[derive(Debug, Clone, Default)]
pub struct Context {
    values: HashMap<String, Vec<String>>,
    /// Keys not given are known to be absent from the request (`true`), or unknown (`false`,
    /// the default: then conditions on them cannot be decided).
    pub complete: bool,
}

impl Context {
    pub fn new() -> Context {
        Context::default()
    }

    /// Adds a value of `key` (case-insensitive; repeated keys are multi-valued).
    pub fn set(&mut self, key: &str, value: &str) -> &mut Context {
        self.values.entry(key.to_ascii_lowercase()).or_default().push(value.to_string());
        self
    }

    pub fn with(mut self, key: &str, value: &str) -> Context {
        self.set(key, value);
        self
    }

    /// Keys not given are absent from the request.
    pub fn complete(mut self) -> Context {
        self.complete = true;
        self
    }

    /// `Some(values)` when known (empty: known absent), `None` when unknown.
    pub fn get(&self, key: &str) -> Option<&[String]> {
        match self.values.get(&key.to_ascii_lowercase()) {
            Some(v) => Some(v),
            None if self.complete => Some(&[]),
            None => None,
        }
    }

    /// Parses `key=value`.
    pub fn parse_pair(s: &str) -> Result<(String, String), String> {
        match s.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_string(), v.to_string())),
            _ => Err(format!("expected KEY=VALUE, found `{s}`")),
        }
    }
}

/// Operator families.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

const BASES: &[(&str, Base)] = &[
    ("StringEquals", Base::StringEquals),
    ("StringNotEquals", Base::StringNotEquals),
    ("StringEqualsIgnoreCase", Base::StringEqualsIgnoreCase),
    ("StringNotEqualsIgnoreCase", Base::StringNotEqualsIgnoreCase),
    ("StringLike", Base::StringLike),
    ("StringNotLike", Base::StringNotLike),
    ("NumericEquals", Base::NumericEquals),
    ("NumericNotEquals", Base::NumericNotEquals),
    ("NumericLessThan", Base::NumericLessThan),
    ("NumericLessThanEquals", Base::NumericLessThanEquals),
    ("NumericGreaterThan", Base::NumericGreaterThan),
    ("NumericGreaterThanEquals", Base::NumericGreaterThanEquals),
    ("DateEquals", Base::DateEquals),
    ("DateNotEquals", Base::DateNotEquals),
    ("DateLessThan", Base::DateLessThan),
    ("DateLessThanEquals", Base::DateLessThanEquals),
    ("DateGreaterThan", Base::DateGreaterThan),
    ("DateGreaterThanEquals", Base::DateGreaterThanEquals),
    ("Bool", Base::Bool),
    ("BinaryEquals", Base::BinaryEquals),
    ("IpAddress", Base::IpAddress),
    ("NotIpAddress", Base::NotIpAddress),
    ("ArnEquals", Base::ArnEquals),
    ("ArnLike", Base::ArnLike),
    ("ArnNotEquals", Base::ArnNotEquals),
    ("ArnNotLike", Base::ArnNotLike),
    ("Null", Base::Null),
];

/// `ForAllValues:` / `ForAnyValue:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    ForAllValues,
    ForAnyValue,
}

/// A parsed condition operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    pub base: Base,
    pub set: Option<SetOp>,
    pub if_exists: bool,
}

impl Base {
    /// Negated operators are true when no policy value matches (and when the key is absent).
    pub fn is_negated(self) -> bool {
        matches!(
            self,
            Base::StringNotEquals
                | Base::StringNotEqualsIgnoreCase
                | Base::StringNotLike
                | Base::NumericNotEquals
                | Base::DateNotEquals
                | Base::NotIpAddress
                | Base::ArnNotEquals
                | Base::ArnNotLike
        )
    }
}

/// Parses an operator as AWS spells it (`ForAnyValue:StringLike`, `BoolIfExists`, ...).
/// Returns why it is invalid otherwise.
pub fn parse_operator(op: &str) -> Result<Operator, crate::i18n::Message> {
    let (set, rest) = if let Some(r) = op.strip_prefix("ForAllValues:") {
        (Some(SetOp::ForAllValues), r)
    } else if let Some(r) = op.strip_prefix("ForAnyValue:") {
        (Some(SetOp::ForAnyValue), r)
    } else if let Some((p, _)) = op.split_once(':') {
        return Err(msg!("iam-policy-invalid-set-operator", operator = p));
    } else {
        (None, op)
    };
    let (if_exists, name) = match rest.strip_suffix("IfExists") {
        Some(n) => (true, n),
        None => (false, rest),
    };
    let Some(&(_, base)) = BASES.iter().find(|(n, _)| *n == name) else {
        let hint = BASES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(n, _)| msg!("iam-policy-invalid-operator-case", operator = n))
            .or_else(|| {
                BASES
                    .iter()
                    .map(|(n, _)| (strsim::levenshtein(name, n), n))
                    .filter(|(d, _)| *d <= 2)
                    .min()
                    .map(|(_, n)| msg!("iam-policy-invalid-operator-did-you-mean", operator = n))
            })
            .unwrap_or_default();
        return Err(msg!("iam-policy-invalid-unknown-operator", operator = op, hint = hint));
    };
    if base == Base::Null && (if_exists || set.is_some()) {
        return Err(msg!("iam-policy-invalid-null-operator", operator = op));
    }
    Ok(Operator { base, set, if_exists })
}

/// A policy value after its policy variables are replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Substituted {
    Value(String),
    /// A variable names a key the request (a complete context) does not have, and gives no
    /// default: the value is null and matches nothing.
    Absent(String),
    /// A variable's value is not known.
    Unknown,
}

/// Replaces policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'shared'}`,
/// `${*}`, ...) from the context. `None` when a variable is not known or names a key absent
/// from the request.
pub fn substitute(s: &str, ctx: &Context) -> Option<String> {
    match substitute_in(s, ctx, true, false) {
        Substituted::Value(v) => Some(v),
        _ => None,
    }
}

/// Replaces the policy variables of `s`, when `variables` (policies of `Version`
/// `2012-10-17`; in older policies `${...}` is literal text). With `pattern`, the literal
/// `*` and `?` of `${*}` and `${?}` (and of variable values) are marked so that wildcard
/// matching takes them as themselves.
pub fn substitute_in(s: &str, ctx: &Context, variables: bool, pattern: bool) -> Substituted {
    use crate::model::policy::{LITERAL_QUESTION, LITERAL_STAR};
    if !variables || !s.contains("${") {
        return Substituted::Value(s.to_string());
    }
    let literal = |v: &str| -> String {
        if pattern {
            v.replace('*', &LITERAL_STAR.to_string()).replace('?', &LITERAL_QUESTION.to_string())
        } else {
            v.to_string()
        }
    };
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else {
            // No closing brace: not a variable.
            out.push_str(&rest[start..]);
            return Substituted::Value(out);
        };
        let name = &rest[start + 2..start + end];
        match name {
            "*" | "?" | "$" => out.push_str(&literal(name)),
            _ => {
                let (key, default) = match name.split_once(',') {
                    Some((k, d)) => {
                        let d = d.trim();
                        let d = d.strip_prefix('\'').and_then(|d| d.strip_suffix('\'')).unwrap_or(d);
                        (k.trim(), Some(d))
                    }
                    None => (name.trim(), None),
                };
                match (ctx.get(key), default) {
                    (Some([v]), _) => out.push_str(&literal(v)),
                    (Some([]), Some(d)) => out.push_str(&literal(d)),
                    (Some([]), None) => return Substituted::Absent(key.to_string()),
                    _ => return Substituted::Unknown,
                }
            }
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    Substituted::Value(out)
}

/// Does one request value match one policy value, for the positive form of `base`?
fn matches_one(base: Base, policy: &str, request: &str) -> Option<bool> {
    use Base::*;
    Some(match base {
        StringEquals | StringNotEquals => policy == request,
        StringEqualsIgnoreCase | StringNotEqualsIgnoreCase => policy.to_lowercase() == request.to_lowercase(),
        StringLike | StringNotLike => glob(policy, request, false),
        NumericEquals | NumericNotEquals => num(policy)? == num(request)?,
        NumericLessThan => num(request)? < num(policy)?,
        NumericLessThanEquals => num(request)? <= num(policy)?,
        NumericGreaterThan => num(request)? > num(policy)?,
        NumericGreaterThanEquals => num(request)? >= num(policy)?,
        DateEquals | DateNotEquals => date(policy)? == date(request)?,
        DateLessThan => date(request)? < date(policy)?,
        DateLessThanEquals => date(request)? <= date(policy)?,
        DateGreaterThan => date(request)? > date(policy)?,
        DateGreaterThanEquals => date(request)? >= date(policy)?,
        Bool => boolean(policy)? == boolean(request)?,
        BinaryEquals => policy == request,
        IpAddress | NotIpAddress => cidr_contains(policy, request)?,
        ArnEquals | ArnLike | ArnNotEquals | ArnNotLike => arn_match(policy, request),
        Null => return None,
    })
}

fn num(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|f| f.is_finite())
}

fn boolean(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Seconds since the epoch from an ISO 8601 date (`2024-01-31`, midnight UTC), a date-time
/// (`2024-01-31T12:00:00`, UTC when it names no offset; with fractions, `Z` or an offset) or
/// an epoch number. `None` for anything else, an impossible date (`2024-02-31`) included.
pub fn date(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<f64>() {
        return n.is_finite().then_some(n);
    }
    let ts = if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        ts
    } else if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        dt.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp()
    } else {
        return None;
    };
    Some(ts.as_second() as f64 + f64::from(ts.subsec_nanosecond()) / 1e9)
}

/// Is `ip` inside `cidr` (a network `a.b.c.d/n`, IPv6 alike, or a single address)? `None`
/// when either is no address.
pub fn cidr_contains(cidr: &str, ip: &str) -> Option<bool> {
    let ip: IpAddr = ip.trim().parse().ok()?;
    Some(cidr::contains_addr(&cidr::parse_or_addr(cidr)?, ip))
}

fn and3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

fn or3(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// Three-valued AND over many: false if any is false, unknown if any is unknown.
pub fn all3(items: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut out = Some(true);
    for i in items {
        out = and3(out, i);
    }
    out
}

/// Three-valued OR over many: true if any is true, unknown if any is unknown.
pub fn any3(items: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut out = Some(false);
    for i in items {
        out = or3(out, i);
    }
    out
}

/// Does one request value satisfy the operator against the policy values?
fn value_satisfies(base: Base, policy: &[String], request: &str) -> Option<bool> {
    let mut any = Some(false);
    for p in policy {
        any = or3(any, matches_one(base, p, request));
    }
    if base.is_negated() { any.map(|b| !b) } else { any }
}

/// Evaluates one condition (operator, key, values) against the context.
pub fn evaluate(c: &Condition, ctx: &Context) -> Option<bool> {
    evaluate_in(c, ctx, true)
}

/// [`evaluate`], with policy variables only when `variables` (the policy's `Version` is
/// `2012-10-17`).
pub fn evaluate_in(c: &Condition, ctx: &Context, variables: bool) -> Option<bool> {
    let op = parse_operator(&c.operator).ok()?;
    if c.values.has_unknown {
        return None;
    }
    let pattern = matches!(
        op.base,
        Base::StringLike
            | Base::StringNotLike
            | Base::ArnLike
            | Base::ArnNotLike
            | Base::ArnEquals
            | Base::ArnNotEquals
    );
    let mut policy = Vec::new();
    for (v, _) in c.values.known() {
        match substitute_in(v, ctx, variables, pattern) {
            Substituted::Value(v) => policy.push(v),
            // A variable without a value matches no request value.
            Substituted::Absent(_) => {}
            Substituted::Unknown => return None,
        }
    }
    let request = ctx.get(&c.key)?;
    if op.base == Base::Null {
        // `Null: true` holds when the key is absent.
        let absent = request.is_empty();
        let mut any = Some(false);
        for p in &policy {
            any = or3(any, boolean(p).map(|want| want == absent));
        }
        return any;
    }
    // A set operator over a key present with an empty value sees an empty set.
    let request: &[String] = if op.set.is_some() && request.iter().all(String::is_empty) { &[] } else { request };
    if request.is_empty() {
        return Some(match op.set {
            Some(SetOp::ForAllValues) => true,
            Some(SetOp::ForAnyValue) => op.if_exists,
            None => op.if_exists || op.base.is_negated(),
        });
    }
    match op.set {
        Some(SetOp::ForAllValues) => all3(request.iter().map(|r| value_satisfies(op.base, &policy, r))),
        Some(SetOp::ForAnyValue) => any3(request.iter().map(|r| value_satisfies(op.base, &policy, r))),
        None if op.base.is_negated() => all3(request.iter().map(|r| value_satisfies(op.base, &policy, r))),
        None => any3(request.iter().map(|r| value_satisfies(op.base, &policy, r))),
    }
}

/// All conditions of a statement (AND of every operator and key).
pub fn evaluate_all(conds: &[Condition], ctx: &Context) -> Option<bool> {
    evaluate_all_in(conds, ctx, true)
}

/// [`evaluate_all`], with policy variables only when `variables`.
pub fn evaluate_all_in(conds: &[Condition], ctx: &Context, variables: bool) -> Option<bool> {
    all3(conds.iter().map(|c| evaluate_in(c, ctx, variables)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, StrList};
    use crate::source::Span;

    fn cond(op: &str, key: &str, values: &[&str]) -> Condition {
        Condition {
            span: Span::default(),
            operator: op.into(),
            key: key.into(),
            values: StrList {
                span: Span::default(),
                items: values.iter().map(|v| Field::known(v.to_string(), Span::default())).collect(),
                has_unknown: false,
                refs: Vec::new(),
                plain_refs: Vec::new(),
            },
        }
    }

    fn ev(op: &str, key: &str, values: &[&str], ctx: &Context) -> Option<bool> {
        evaluate(&cond(op, key, values), ctx)
    }

    #[test]
    fn unknown_keys_are_unknown() {
        let ctx = Context::new();
        assert_eq!(ev("StringEquals", "aws:PrincipalTag/team", &["a"], &ctx), None);
        assert_eq!(ev("Null", "aws:TokenIssueTime", &["true"], &ctx), None);
    }

    #[test]
    fn string_operators() {
        let ctx = Context::new().with("s3:prefix", "home/alice/x").with("aws:username", "alice");
        assert_eq!(ev("StringEquals", "s3:prefix", &["home/alice/x"], &ctx), Some(true));
        assert_eq!(ev("StringEquals", "s3:prefix", &["HOME/alice/x"], &ctx), Some(false));
        assert_eq!(ev("StringEqualsIgnoreCase", "s3:prefix", &["HOME/alice/x"], &ctx), Some(true));
        assert_eq!(ev("StringNotEquals", "s3:prefix", &["a", "b"], &ctx), Some(true));
        assert_eq!(ev("StringNotEquals", "s3:prefix", &["a", "home/alice/x"], &ctx), Some(false));
        assert_eq!(ev("StringLike", "s3:prefix", &["home/${aws:username}/*"], &ctx), Some(true));
        assert_eq!(ev("StringLike", "s3:prefix", &["home/bob/*"], &ctx), Some(false));
        assert_eq!(ev("StringNotLike", "s3:prefix", &["home/bob/*"], &ctx), Some(true));
        // Condition keys are case-insensitive.
        assert_eq!(ev("StringEquals", "S3:Prefix", &["home/alice/x"], &ctx), Some(true));
        // An unresolved policy variable leaves the answer unknown.
        assert_eq!(ev("StringLike", "s3:prefix", &["home/${aws:userid}/*"], &ctx), None);
    }

    #[test]
    fn numeric_date_bool_binary() {
        let ctx = Context::new()
            .with("s3:max-keys", "10")
            .with("aws:CurrentTime", "2024-06-01T12:00:00Z")
            .with("aws:SecureTransport", "false")
            .with("aws:MultiFactorAuthAge", "3600");
        assert_eq!(ev("NumericLessThanEquals", "s3:max-keys", &["10"], &ctx), Some(true));
        assert_eq!(ev("NumericLessThan", "s3:max-keys", &["10"], &ctx), Some(false));
        assert_eq!(ev("NumericGreaterThan", "aws:MultiFactorAuthAge", &["300"], &ctx), Some(true));
        assert_eq!(ev("NumericEquals", "s3:max-keys", &["ten"], &ctx), None);
        assert_eq!(ev("DateGreaterThan", "aws:CurrentTime", &["2024-01-01"], &ctx), Some(true));
        assert_eq!(ev("DateLessThan", "aws:CurrentTime", &["2024-06-01T13:00:00+02:00"], &ctx), Some(false));
        assert_eq!(ev("DateEquals", "aws:CurrentTime", &["1717243200"], &ctx), Some(true));
        assert_eq!(ev("Bool", "aws:SecureTransport", &["false"], &ctx), Some(true));
        assert_eq!(ev("Bool", "aws:SecureTransport", &["true"], &ctx), Some(false));
        assert_eq!(ev("BinaryEquals", "aws:SecureTransport", &["false"], &ctx), Some(true));
    }

    #[test]
    fn ip_addresses() {
        let ctx = Context::new().with("aws:SourceIp", "10.1.2.3");
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["10.0.0.0/8"], &ctx), Some(true));
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["192.168.0.0/16", "10.1.2.3"], &ctx), Some(true));
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["10.1.2.4/32"], &ctx), Some(false));
        assert_eq!(ev("NotIpAddress", "aws:SourceIp", &["10.0.0.0/8"], &ctx), Some(false));
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["0.0.0.0/0"], &ctx), Some(true));
        let v6 = Context::new().with("aws:SourceIp", "2001:db8::1");
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["2001:db8::/32"], &v6), Some(true));
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["10.0.0.0/8"], &v6), Some(false));
        assert_eq!(cidr_contains("10.0.0.0/33", "10.0.0.1"), None);
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["2001:db8::1"], &v6), Some(true));
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["2001:db8::2/128"], &v6), Some(false));
        assert_eq!(ev("NotIpAddress", "aws:SourceIp", &["2001:db9::/32"], &v6), Some(true));
        assert_eq!(ev("IpAddress", "aws:SourceIp", &["::/0"], &ctx), Some(false));
        assert_eq!(cidr_contains("2001:db8::/129", "2001:db8::1"), None);
        assert_eq!(cidr_contains("::ffff:10.0.0.0/104", "10.1.2.3"), Some(true));
    }

    #[test]
    fn arn_operators() {
        let ctx = Context::new().with("aws:SourceArn", "arn:aws:sns:eu-west-1:123456789012:topic");
        assert_eq!(ev("ArnLike", "aws:SourceArn", &["arn:aws:sns:*:123456789012:*"], &ctx), Some(true));
        assert_eq!(ev("ArnEquals", "aws:SourceArn", &["arn:aws:sns:*:123456789012:topic"], &ctx), Some(true));
        assert_eq!(ev("ArnNotLike", "aws:SourceArn", &["arn:aws:sns:*:111111111111:*"], &ctx), Some(true));
    }

    #[test]
    fn absent_keys_if_exists_and_null() {
        let ctx = Context::new().complete();
        assert_eq!(ev("StringEquals", "aws:SourceVpce", &["vpce-1"], &ctx), Some(false));
        assert_eq!(ev("StringEqualsIfExists", "aws:SourceVpce", &["vpce-1"], &ctx), Some(true));
        assert_eq!(ev("StringNotEquals", "aws:SourceVpce", &["vpce-1"], &ctx), Some(true));
        assert_eq!(ev("Bool", "aws:MultiFactorAuthPresent", &["false"], &ctx), Some(false));
        assert_eq!(ev("BoolIfExists", "aws:MultiFactorAuthPresent", &["false"], &ctx), Some(true));
        assert_eq!(ev("Null", "aws:MultiFactorAuthPresent", &["true"], &ctx), Some(true));
        assert_eq!(ev("Null", "aws:MultiFactorAuthPresent", &["false"], &ctx), Some(false));
        let present = Context::new().with("aws:MultiFactorAuthPresent", "true").complete();
        assert_eq!(ev("Null", "aws:MultiFactorAuthPresent", &["false"], &present), Some(true));
        assert_eq!(ev("BoolIfExists", "aws:MultiFactorAuthPresent", &["false"], &present), Some(false));
    }

    #[test]
    fn set_operators() {
        let tags = Context::new().with("aws:TagKeys", "team").with("aws:TagKeys", "env").complete();
        assert_eq!(ev("ForAllValues:StringEquals", "aws:TagKeys", &["team", "env", "cost"], &tags), Some(true));
        assert_eq!(ev("ForAllValues:StringEquals", "aws:TagKeys", &["team"], &tags), Some(false));
        assert_eq!(ev("ForAnyValue:StringEquals", "aws:TagKeys", &["team"], &tags), Some(true));
        assert_eq!(ev("ForAnyValue:StringEquals", "aws:TagKeys", &["owner"], &tags), Some(false));
        assert_eq!(ev("ForAllValues:StringNotEquals", "aws:TagKeys", &["owner"], &tags), Some(true));
        assert_eq!(ev("ForAnyValue:StringLike", "aws:TagKeys", &["t*"], &tags), Some(true));
        let none = Context::new().complete();
        assert_eq!(ev("ForAllValues:StringEquals", "aws:TagKeys", &["team"], &none), Some(true));
        assert_eq!(ev("ForAnyValue:StringEquals", "aws:TagKeys", &["team"], &none), Some(false));
    }

    #[test]
    fn operators_parse_or_explain() {
        assert!(parse_operator("ForAnyValue:StringLikeIfExists").is_ok());
        assert!(parse_operator("stringequals").unwrap_err().render(crate::i18n::Lang::En).contains("case-sensitive"));
        assert!(parse_operator("StringEqual").is_err());
        assert!(parse_operator("NullIfExists").is_err());
        assert!(parse_operator("ForSomeValues:StringEquals").is_err());
        assert!(parse_operator("IpAddressIfExists").unwrap().if_exists);
    }

    #[test]
    fn dates_parse() {
        assert_eq!(date("1970-01-01T00:00:00Z"), Some(0.0));
        assert_eq!(date("1970-01-02"), Some(86_400.0));
        assert_eq!(date("2000-03-01T00:00:00Z"), Some(951_868_800.0));
        assert_eq!(date("2024-13-01"), None);
        assert_eq!(date("yesterday"), None);
        assert_eq!(date("2024-02-31"), None);
        assert_eq!(date("2023-02-29T12:00:00Z"), None);
        assert_eq!(date("2024-02-29T12:00:00Z"), Some(1_709_208_000.0));
        assert_eq!(date("2024-02-29T12:00:00"), Some(1_709_208_000.0));
        assert_eq!(date("2024-02-29T12:00:00.5Z"), Some(1_709_208_000.5));
        assert_eq!(date("2024-02-29T14:00:00+02:00"), date("2024-02-29T12:00:00Z"));
        assert_eq!(date("2024-02-29T07:00:00-05:00"), date("2024-02-29T12:00:00Z"));
        assert_eq!(date("2024-02-29T25:00:00Z"), None);
    }

    #[test]
    fn dates_compare_across_offsets_and_epochs() {
        let ctx = Context::new().with("aws:CurrentTime", "2024-06-01T12:00:00Z").with("aws:EpochTime", "1717243200");
        // 13:00 at +02:00 is 11:00 UTC: before noon UTC.
        assert_eq!(ev("DateGreaterThan", "aws:CurrentTime", &["2024-06-01T13:00:00+02:00"], &ctx), Some(true));
        assert_eq!(ev("DateLessThan", "aws:CurrentTime", &["2024-06-01T13:00:00+00:00"], &ctx), Some(true));
        assert_eq!(ev("DateEquals", "aws:CurrentTime", &["2024-06-01T08:00:00-04:00"], &ctx), Some(true));
        assert_eq!(ev("DateEquals", "aws:EpochTime", &["2024-06-01T12:00:00Z"], &ctx), Some(true));
        assert_eq!(ev("DateLessThan", "aws:EpochTime", &["2024-06-02"], &ctx), Some(true));
        assert_eq!(ev("DateGreaterThan", "aws:EpochTime", &["1717243201"], &ctx), Some(false));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use crate::analyze::iam::arn::{arn_match, check_arn, glob, probe_arn};
    use proptest::prelude::*;

    proptest! {
        /// Arbitrary text never panics any matcher or parser of the engine.
        #[test]
        fn matchers_never_panic(a in "\\PC{0,40}", b in "[a-z0-9:*?/${}.\\-]{0,40}") {
            let _ = glob(&a, &b, true);
            let _ = glob(&b, &a, false);
            let _ = arn_match(&b, &a);
            let _ = check_arn(&a);
            let _ = crate::analyze::iam::arn::account_of(&a);
            let _ = crate::analyze::iam::arn::account_of(&b);
            let _ = probe_arn(&b);
            let _ = cidr_contains(&a, &b);
            let _ = date(&a);
            let _ = parse_operator(&a);
            let _ = substitute(&b, &Context::new().with("aws:username", &a));
        }

        /// `*` matches everything; a literal matches itself.
        #[test]
        fn star_and_literals(t in "[a-zA-Z0-9:/._-]{0,30}") {
            prop_assert!(glob("*", &t, false));
            prop_assert!(glob(&t, &t, false));
            prop_assert!(glob(&t.to_uppercase(), &t, true));
            prop_assert!(arn_match("*", &t));
        }

        /// Every address is in 0.0.0.0/0 and in its own /32.
        #[test]
        fn cidr_laws(a in any::<u32>()) {
            let ip = std::net::Ipv4Addr::from(a).to_string();
            prop_assert_eq!(cidr_contains("0.0.0.0/0", &ip), Some(true));
            prop_assert_eq!(cidr_contains(&format!("{ip}/32"), &ip), Some(true));
        }
    }
}
