//! ARN and wildcard matching as IAM does it.

/// A request segment that stands for "any value" (the account or region of a probe ARN).
pub const ANY_SEGMENT: &str = "\u{1}";

pub use crate::model::policy::glob;

pub use crate::model::policy::OWN_ACCOUNT;

/// Does the ARN pattern (from a `Resource` or an `Arn*` condition) match `arn`? Matching is
/// case-sensitive and a wildcard may span `:` and `/` (`arn:aws:ec2:*` matches every EC2
/// ARN). A probe's "any value" segment ([`ANY_SEGMENT`]) is matched part by part.
pub fn arn_match(pattern: &str, arn: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    if arn.contains(ANY_SEGMENT) {
        let p: Vec<&str> = pattern.splitn(6, ':').collect();
        let a: Vec<&str> = arn.splitn(6, ':').collect();
        if p.len() == 6 && a.len() == 6 && p.iter().zip(&a).all(|(ps, asg)| *asg == ANY_SEGMENT || glob(ps, asg, false))
        {
            return true;
        }
    }
    glob(pattern, arn, false)
}

/// Is `s` a syntactically valid ARN (`arn:partition:service:region:account:resource`)?
/// Returns what is wrong otherwise.
pub fn check_arn(s: &str) -> Result<(), crate::i18n::Message> {
    if s == "*" {
        return Ok(());
    }
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    // A wildcard in the last part written stands for the parts left out (`arn:aws:ec2:*`).
    let spans_rest = parts.len() >= 3 && parts.last().is_some_and(|l| l.contains('*'));
    if parts.len() < 6 && !spans_rest {
        return Err(msg!("arn-six-parts", arn = s, count = parts.len()));
    }
    if !glob(parts[0], "arn", false) {
        return Err(msg!("arn-prefix", found = parts[0]));
    }
    let partition_ok = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]
        .iter()
        .any(|p| glob(parts[1], p, false));
    if !partition_ok {
        return Err(msg!("arn-partition", partition = parts[1]));
    }
    if parts[2].is_empty() {
        return Err(msg!("arn-service-empty"));
    }
    if parts.len() < 6 {
        return Ok(());
    }
    let account = parts[4];
    let literal =
        !account.is_empty() && !account.contains(['*', '?', '$']) && account != "aws" && account != OWN_ACCOUNT;
    if literal && (account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit())) {
        return Err(msg!("arn-account", account = account));
    }
    if parts[5].is_empty() {
        return Err(msg!("arn-resource-empty"));
    }
    Ok(())
}

/// The account of an ARN (or a bare 12-digit account id), when literal.
pub fn account_of(s: &str) -> Option<&str> {
    if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(s);
    }
    let parts: Vec<&str> = s.splitn(6, ':').collect();
    match parts.get(4) {
        Some(a) if parts.len() == 6 && a.len() == 12 && a.bytes().all(|b| b.is_ascii_digit()) => Some(a),
        _ => None,
    }
}

/// The account of an ARN (or a bare account), when literal or the own account of the source
/// ([`OWN_ACCOUNT`]): what tells whether two principals are of the same account.
pub fn account_part(s: &str) -> Option<&str> {
    if s == OWN_ACCOUNT {
        return Some(s);
    }
    match s.splitn(6, ':').collect::<Vec<_>>()[..] {
        [_, _, _, _, a, _] if a == OWN_ACCOUNT => Some(a),
        _ => account_of(s),
    }
}

/// A probe ARN from a catalog ARN format: arbitrary names, any account and region. It stands
/// for "some resource of this type that nobody chose in advance".
pub fn probe_arn(format: &str) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('}') else { break };
        let name = &rest[start + 2..start + end];
        out.push_str(match name {
            "Partition" => "aws",
            "Region" | "Account" => ANY_SEGMENT,
            _ => "palisade-probe-7f3a",
        });
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arn_segments_match_separately() {
        assert!(arn_match("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c"));
        assert!(!arn_match("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket"));
        assert!(arn_match("arn:aws:dynamodb:*:*:table/T", "arn:aws:dynamodb:eu-west-1:123456789012:table/T"));
        // A wildcard may span segment separators.
        assert!(arn_match("arn:aws:iam::*", "arn:aws:iam::123456789012:role/x"));
        assert!(arn_match("arn:aws:ec2:*", "arn:aws:ec2:eu-west-1:123456789012:instance/i-1"));
        assert!(!arn_match("arn:aws:ec2:*", "arn:aws:s3:::b"));
        assert!(arn_match("arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:role/x"));
        assert!(!arn_match("arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:user/x"));
        assert!(arn_match("arn:aws:iam::12345678901?:role/x", "arn:aws:iam::123456789012:role/x"));
        assert!(!arn_match("arn:aws:iam::12345678901?:role/x", "arn:aws:iam::12345678901:role/x"));
        // Case-sensitive.
        assert!(!arn_match("arn:aws:s3:::Bucket/*", "arn:aws:s3:::bucket/k"));
        assert!(arn_match("*", "anything"));
    }

    #[test]
    fn globs_fold_case_only_when_asked() {
        assert!(glob("s3:Get*", "S3:GETOBJECT", true));
        assert!(!glob("s3:Get*", "S3:GETOBJECT", false));
        assert!(glob("a?c*", "abcdef", false));
        assert!(!glob("a?c", "ac", false));
        assert!(glob("ünï*", "ÜNÏcode", true));
        assert!(!glob("ünï*", "ÜNÏcode", false));
        assert!(glob("*", "", false));
        // A `*` in the pattern stays a wildcard where the text has a literal `*`.
        assert!(glob("a*b", "a*xb", false));
        assert!(glob("*.txt", "*x.txt", false));
        assert!(!glob("a*b", "a*x", false));
    }

    #[test]
    fn probes_match_only_wildcard_names() {
        let p = probe_arn("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}");
        assert!(arn_match("arn:aws:iam::123456789012:role/*", &p));
        assert!(arn_match("*", &p));
        assert!(!arn_match("arn:aws:iam::123456789012:role/AppRole", &p));
        // A grant on every role of the own account covers a role nobody chose.
        assert!(arn_match(&format!("arn:aws:iam::{OWN_ACCOUNT}:role/*"), &p));
    }

    #[test]
    fn checks_arn_syntax() {
        assert!(check_arn("arn:aws:s3:::bucket").is_ok());
        assert!(check_arn("arn:aws:iam::123456789012:role/x").is_ok());
        assert!(check_arn("arn:aws:s3::bucket").is_err());
        assert!(check_arn("arn:aws:s3").is_err());
        // A trailing wildcard stands for the parts left out.
        assert!(check_arn("arn:aws:ec2:*").is_ok());
        assert!(check_arn("arn:aws:iam::*").is_ok());
        assert!(check_arn("arn:awz:s3:::b").is_err());
        assert!(check_arn("arn:aws:iam::12345:role/x").is_err());
        assert!(check_arn("arn:aws:iam::aws:policy/AdministratorAccess").is_ok());
        assert_eq!(account_of("arn:aws:iam::123456789012:root"), Some("123456789012"));
        assert_eq!(account_of("123456789012"), Some("123456789012"));
        assert_eq!(account_of("*"), None);
        assert_eq!(account_of("arn:aws"), None);
        // The source's own account is valid, and not a literal account.
        let own = format!("arn:aws:iam::{OWN_ACCOUNT}:role/x");
        assert!(check_arn(&own).is_ok());
        assert_eq!(account_of(&own), None);
        assert_eq!(account_part(&own), Some(OWN_ACCOUNT));
        assert_eq!(account_part(&format!("arn:aws:iam::{OWN_ACCOUNT}:root")), Some(OWN_ACCOUNT));
        assert_eq!(account_part("arn:aws:iam::123456789012:root"), Some("123456789012"));
        assert_eq!(account_part("*"), None);
    }
}
