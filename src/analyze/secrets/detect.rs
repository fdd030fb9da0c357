//! Secret detection in strings, independent of the input format.
//!
//! Two entry points:
//! - [`scan_text`] finds secrets recognisable by their content alone, anywhere in a text
//!   (user data scripts, environment values, JSON documents): AWS access key ids, AWS secret
//!   access keys written as `aws_secret_access_key = ...`, PEM private key blocks, and URLs
//!   with an embedded password (`postgres://user:pass@host`).
//! - [`looks_like_secret`] judges a value together with the name it is stored under
//!   (a property, an environment variable, a JSON field): everything [`scan_text`] finds, plus
//!   a 40-character secret access key under a name containing `secret` and `key`/`access`,
//!   plus any plausible literal under a secret-like name ([`is_secret_key`]).
//!
//! False-positive guards (all tested below):
//! - Dynamic references (`{{resolve:...}}`) are resolved at deploy time and never secrets.
//! - `Fn::Sub` placeholders (`${AWS::Region}`, `${DbPassword}`) are not literal content: they
//!   are removed before a value is judged, so `${Prefix}${Suffix}` is not a secret.
//! - ARNs (`arn:...`) name secrets rather than hold them.
//! - Short values (fewer than [`MIN_SECRET_LEN`] characters once placeholders are removed),
//!   booleans and null-like words (`true`, `false`, `yes`, `no`, `none`, `null`), and masks
//!   made only of `*` are not secrets.
//! - The example credentials of the AWS documentation (`AKIAIOSFODNN7EXAMPLE`,
//!   `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`: anything containing `EXAMPLE`) are skipped
//!   for access keys; they do not work and appear in countless tutorials.
//!
//! Placeholders such as `CHANGEME`, `password123` or `<your-password>` **are** reported:
//! CloudFormation deploys exactly what is written, so a placeholder that nobody replaced
//! becomes a real, guessable password.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Values shorter than this (in characters, after removing `${...}` placeholders) are not
/// considered secrets: the AWS services that take passwords require at least 6 to 8
/// characters, so shorter literals are markers such as `-` or `none`.
pub const MIN_SECRET_LEN: usize = 6;

/// What kind of secret was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// An AWS access key id (`AKIA...`, `ASIA...`).
    AwsAccessKeyId,
    /// An AWS secret access key (40 base64 characters).
    AwsSecretAccessKey,
    /// A PEM private key block.
    PrivateKey,
    /// A password embedded in a URL (`scheme://user:password@host`).
    UrlPassword,
    /// A literal under a secret-like name (password, token, API key...).
    Password,
}

impl SecretKind {
    /// A short description for messages ("an AWS access key id").
    pub fn describe(self) -> crate::i18n::Message {
        let id = match self {
            SecretKind::AwsAccessKeyId => "secret-aws-access-key-id",
            SecretKind::AwsSecretAccessKey => "secret-aws-secret-access-key",
            SecretKind::PrivateKey => "secret-private-key",
            SecretKind::UrlPassword => "secret-url-password",
            SecretKind::Password => "secret-literal",
        };
        crate::i18n::Message::template(id, Vec::new())
    }
}

/// One secret found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretMatch {
    pub kind: SecretKind,
    /// Byte range of the secret in the text searched.
    pub range: Range<usize>,
    /// For private keys, the PEM label (`RSA PRIVATE KEY`, `OPENSSH PRIVATE KEY`, ...).
    pub label: Option<String>,
}

impl SecretMatch {
    fn new(kind: SecretKind, range: Range<usize>) -> SecretMatch {
        SecretMatch { kind, range, label: None }
    }

    /// 0-based line of the match's start within `text`.
    pub fn line_in(&self, text: &str) -> usize {
        text[..self.range.start.min(text.len())].matches('\n').count()
    }
}

static ACCESS_KEY_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}").expect("regex"));
static SECRET_ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)([a-z0-9_.\-]*secret[a-z0-9_.\-]*)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})"#).expect("regex")
});
static PEM_PRIVATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----").expect("regex"));
static URL_PASSWORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]+:([^\s/@]+)@[A-Za-z0-9\[]").expect("regex"));

fn is_b64(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'/' || c == b'+' || c == b'='
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// Does `s` look like a random 40-character secret access key: only base64 characters,
/// with upper case, lower case and digits (or `/`, `+`) mixed? Hex digests and words fail.
pub fn is_secret_access_key(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 40
        && b.iter().all(|&c| is_b64(c) && c != b'=')
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.iter().any(|&c| c.is_ascii_digit() || c == b'/' || c == b'+')
        && !s.contains("EXAMPLE")
}

/// Secrets recognisable by their content alone, in order of appearance.
pub fn scan_text(text: &str) -> Vec<SecretMatch> {
    let mut out = Vec::new();
    if text.len() < MIN_SECRET_LEN {
        return out;
    }
    let bytes = text.as_bytes();
    for m in ACCESS_KEY_ID.find_iter(text) {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(m.end()).copied();
        if before.is_some_and(is_alnum) || after.is_some_and(is_alnum) || m.as_str().contains("EXAMPLE") {
            continue;
        }
        out.push(SecretMatch::new(SecretKind::AwsAccessKeyId, m.range()));
    }
    for c in SECRET_ASSIGNMENT.captures_iter(text) {
        let (name, value) = (c.get(1).expect("group"), c.get(2).expect("group"));
        let after = bytes.get(value.end()).copied();
        if after.is_some_and(is_b64) || !names_secret_key(name.as_str()) || !is_secret_access_key(value.as_str()) {
            continue;
        }
        out.push(SecretMatch::new(SecretKind::AwsSecretAccessKey, value.range()));
    }
    for c in PEM_PRIVATE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let body_end = text[whole.end()..].find("-----END").map_or(text.len(), |i| whole.end() + i);
        let body = strip_placeholders(&text[whole.end()..body_end]);
        // A header followed by a placeholder or an ellipsis is documentation, not a key.
        if body.bytes().filter(|&c| is_b64(c)).count() < 32 {
            continue;
        }
        // The match ends after the `-----END ...-----` line, or at the end of the text.
        let end = text.get(body_end + 8..).and_then(|t| t.find("-----")).map_or(text.len(), |i| body_end + 8 + i + 5);
        out.push(SecretMatch {
            kind: SecretKind::PrivateKey,
            range: whole.start()..end,
            label: Some(c[1].to_string()),
        });
    }
    for c in URL_PASSWORD.captures_iter(text) {
        let pw = c.get(1).expect("group");
        if is_plausible_value(pw.as_str(), 1) && !pw.as_str().starts_with('$') && !pw.as_str().contains("${") {
            out.push(SecretMatch::new(SecretKind::UrlPassword, pw.range()));
        }
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// Does a name say it holds a secret access key (`secret` together with `key` or `access`)?
fn names_secret_key(name: &str) -> bool {
    let n = normalise(name);
    n.contains("secret") && (n.contains("key") || n.contains("access"))
}

/// Judges a value stored under `key` (a property, a variable or a JSON field name).
/// Returns the first secret found, or `None`.
pub fn looks_like_secret(key: &str, value: &str) -> Option<SecretMatch> {
    find_secrets(key, value).into_iter().next()
}

/// Every secret in a value stored under `key`: what [`scan_text`] finds and, when that is
/// nothing, what the name says (see [`looks_like_secret`]).
pub fn find_secrets(key: &str, value: &str) -> Vec<SecretMatch> {
    if is_dynamic_reference(value) {
        return Vec::new();
    }
    let found = scan_text(value);
    if !found.is_empty() {
        return found;
    }
    by_name(key, value).into_iter().collect()
}

fn by_name(key: &str, value: &str) -> Option<SecretMatch> {
    let trimmed = value.trim();
    let start = value.len() - value.trim_start().len();
    let whole = start..start + trimmed.len();
    if names_secret_key(key) && is_secret_access_key(trimmed) {
        return Some(SecretMatch::new(SecretKind::AwsSecretAccessKey, whole));
    }
    if !is_secret_key(key) {
        return None;
    }
    // A JSON document (e.g. `SecretString: '{"username": "app", "password": "..."}'`) is judged
    // by its fields.
    if trimmed.starts_with('{')
        && let Ok(j) = serde_json::from_str::<serde_json::Value>(trimmed)
    {
        return json_has_secret(&j, 0).then(|| SecretMatch::new(SecretKind::Password, whole));
    }
    is_plausible_value(value, MIN_SECRET_LEN).then(|| SecretMatch::new(SecretKind::Password, whole))
}

fn json_has_secret(j: &serde_json::Value, depth: usize) -> bool {
    use serde_json::Value as J;
    if depth > 32 {
        return false;
    }
    match j {
        J::Object(o) => o.iter().any(|(k, v)| match v {
            J::String(s) => looks_like_secret(k, s).is_some(),
            J::Number(n) => looks_like_secret(k, &n.to_string()).is_some(),
            _ => json_has_secret(v, depth + 1),
        }),
        J::Array(a) => a.iter().any(|v| json_has_secret(v, depth + 1)),
        _ => false,
    }
}

/// Could this literal be a working secret? Not a dynamic reference, an ARN, a boolean or
/// null-like word, a mask, nor shorter than `min_len` characters once `${...}` placeholders
/// are removed.
pub fn is_plausible_value(value: &str, min_len: usize) -> bool {
    if is_dynamic_reference(value) {
        return false;
    }
    let rest = strip_placeholders(value);
    let t = rest.trim();
    if t.chars().count() < min_len || t.starts_with("arn:") || t.chars().all(|c| c == '*') {
        return false;
    }
    !matches!(t.to_ascii_lowercase().as_str(), "true" | "false" | "yes" | "no" | "none" | "null" | "nil" | "undefined")
}

/// Contains a CloudFormation dynamic reference (`{{resolve:secretsmanager:...}}`,
/// `{{resolve:ssm-secure:...}}`, ...).
pub fn is_dynamic_reference(value: &str) -> bool {
    value.contains("{{resolve:")
}

/// `value` without its `Fn::Sub` placeholders (`${Name}`); `${!Text}` stays (as `${Text}`,
/// which is literal text).
pub fn strip_placeholders(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(pos) = rest.find("${") {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 2..];
        match after.find('}') {
            Some(end) if after.starts_with('!') => {
                out.push_str("${");
                out.push_str(&after[1..=end]);
                rest = &after[end + 1..];
            }
            Some(end) => rest = &after[end + 1..],
            None => {
                out.push_str(&rest[pos..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Lower case, letters and digits only: `DB_PASSWORD`, `dbPassword` and `db-password` all
/// become `dbpassword`.
fn normalise(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The last word of a name, split at `_`, `-`, `.`, spaces and camel-case boundaries.
fn last_word(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut start = 0;
    for i in 1..chars.len() {
        let (p, c) = (chars[i - 1], chars[i]);
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
        if !c.is_ascii_alphanumeric()
            || (p.is_ascii_lowercase() && c.is_ascii_uppercase())
            || (p.is_ascii_uppercase() && c.is_ascii_uppercase() && next_lower)
        {
            start = if c.is_ascii_alphanumeric() { i } else { i + 1 };
        }
    }
    chars[start.min(chars.len())..].iter().collect::<String>().to_ascii_lowercase()
}

/// Endings of names (normalised, see [`normalise`]) whose value is a secret.
const SECRET_KEY_SUFFIXES: &[&str] = &[
    "password",
    "passwords",
    "passwd",
    "passphrase",
    "secret",
    "secretstring",
    "secretkey",
    "secretaccesskey",
    "privatekey",
    "apikey",
    "token",
];

/// Names with a secret ending that hold something else: request idempotency and pagination
/// tokens.
const NOT_SECRET_KEYS: &[&str] =
    &["clienttoken", "idempotencytoken", "nexttoken", "paginationtoken", "continuationtoken", "servicetoken"];

/// Leading words of switches about a secret (`ManageMasterUserPassword`, `GenerateSecret`,
/// `RequirePassword`), whose values are booleans rather than secrets.
const SWITCH_PREFIXES: &[&str] = &["manage", "generate", "enable", "require", "rotate"];

/// Does a property (or variable, or field) with this name hold a secret?
///
/// Case and separators are ignored. Yes when the name ends with `password`(`s`), `passwd`,
/// `passphrase`, `secret`, `secretstring`, `secretkey`, `secretaccesskey`, `privatekey`,
/// `apikey` or `token` (`MasterUserPassword`, `AuthToken`, `SecretString`, `DB_PASSWORD`,
/// `client_secret`, `GitHubOAuthToken`), or when its last word is `pass` or `pwd` (`DB_PASS`,
/// `dbPwd`). No for request tokens (`ClientToken`, `NextToken`, ...) and for switches
/// starting with `manage`, `generate`, `enable`, `require` or `rotate`. Names where the
/// secret word is followed by something else (`PasswordLength`, `SecretArn`, `TokenTtl`,
/// `ApiKeyRequired`, `KeyName`) do not match.
pub fn is_secret_key(key: &str) -> bool {
    let n = normalise(key);
    if NOT_SECRET_KEYS.iter().any(|s| n.ends_with(s))
        || SWITCH_PREFIXES.iter().any(|p| n.starts_with(p) && n.len() > p.len())
    {
        return false;
    }
    SECRET_KEY_SUFFIXES.iter().any(|s| n.ends_with(s)) || matches!(last_word(key).as_str(), "pass" | "pwd")
}

/// Words that, in a parameter name, say the parameter carries a secret.
const SECRET_PARAM_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "secret",
    "secretkey",
    "secretaccesskey",
    "token",
    "apikey",
    "privatekey",
    "credential",
    "authkey",
];

/// What may follow the secret word in a parameter name that still carries the secret itself.
const SECRET_PARAM_TAILS: &[&str] = &["", "s", "value", "param", "parameter", "string", "text", "plaintext", "input"];

/// Does a template parameter with this name carry a secret value?
///
/// Case and separators are ignored. The name must contain one of `password`, `passwd`,
/// `passphrase`, `pwd`, `secret`, `secretkey`, `secretaccesskey`, `token`, `apikey`,
/// `privatekey`, `credential`, `authkey`, and what follows the last such word must be nothing
/// or a word that still denotes the value itself (`s`, `Value`, `Param`, `Parameter`,
/// `String`, `Text`, `PlainText`, `Input`). So `DatabasePassword`, `DBPasswordParam`,
/// `GitHubToken`, `ApiKey`, `Credentials` match, while names about a secret rather than the
/// secret (`SecretArn`, `SecretName`, `SecretsManagerSecretId`, `TokenTtl`,
/// `PasswordLength`, `MinPasswordLength`) and key pair names (`KeyName`) do not. Switches
/// (`ManagePassword`, `GenerateSecret`...) do not match either.
pub fn is_secret_parameter_name(name: &str) -> bool {
    let n = normalise(name);
    if SWITCH_PREFIXES.iter().any(|p| n.starts_with(p) && n.len() > p.len())
        || NOT_SECRET_KEYS.iter().any(|s| n.ends_with(s))
    {
        return false;
    }
    let last_end = SECRET_PARAM_WORDS.iter().filter_map(|w| n.rfind(w).map(|i| i + w.len())).max();
    match last_end {
        Some(end) => SECRET_PARAM_TAILS.contains(&&n[end..]),
        None => false,
    }
}

/// Words that, leading an input's name, make it a switch (`EnableSecretRotation`,
/// `UseApiKey`, `RequirePassword`) rather than a value.
const SWITCH_WORDS: &[&str] = &["allow", "enable", "disable", "require", "use", "has", "manage", "generate", "rotate"];

/// The first word of a name, split at `_`, `-`, `.`, spaces and camel-case boundaries.
fn first_word(name: &str) -> String {
    let chars: Vec<char> = name.chars().skip_while(|c| !c.is_ascii_alphanumeric()).collect();
    let mut end = chars.len();
    for i in 1..chars.len() {
        let (p, c) = (chars[i - 1], chars[i]);
        let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
        if !c.is_ascii_alphanumeric()
            || (p.is_ascii_lowercase() && c.is_ascii_uppercase())
            || (p.is_ascii_uppercase() && c.is_ascii_uppercase() && next_lower)
        {
            end = i;
            break;
        }
    }
    chars[..end].iter().collect::<String>().to_ascii_lowercase()
}

/// Is an input with this name a switch (its first word `Allow`, `Enable`, `Disable`,
/// `Require`, `Use`, `Has`, `Manage`, `Generate` or `Rotate`)?
pub fn is_switch_name(name: &str) -> bool {
    let w = first_word(name);
    SWITCH_WORDS.contains(&w.as_str()) && normalise(name).len() > w.len()
}

/// Does an input with this name carry a user name (`DBUsername`, `MasterUsername`,
/// `AdminUser`, `db_user`, `AdminLogin`)? A user name is not a secret.
pub fn is_user_name(name: &str) -> bool {
    let n = normalise(name);
    ["username", "userid", "user", "login", "loginname", "users"].iter().any(|s| n.ends_with(s))
        && matches!(last_word(name).as_str(), "username" | "user" | "name" | "id" | "login" | "users")
}

/// `value` masked for messages: the first `keep` characters, then `****` (never the length).
pub fn mask(value: &str, keep: usize) -> String {
    let head: String = value.chars().take(keep).collect();
    format!("{head}****")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<SecretKind> {
        scan_text(text).into_iter().map(|m| m.kind).collect()
    }

    const KEY_ID: &str = "AKIA2OGYBAH6STMMNXNN";
    const SECRET: &str = "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";

    #[test]
    fn access_key_ids() {
        assert_eq!(kinds(KEY_ID), [SecretKind::AwsAccessKeyId]);
        for p in ["ASIA", "ABIA", "ACCA", "A3TX"] {
            let id = format!("{p}{}", &KEY_ID[4..]);
            assert_eq!(kinds(&format!("key={id}")), [SecretKind::AwsAccessKeyId], "{id}");
        }
        let m = &scan_text(&format!("export AWS_ACCESS_KEY_ID={KEY_ID}\n"))[0];
        assert_eq!(m.range, 25..45);
        // Documentation example, too short, too long, embedded in a longer word, lower case.
        assert!(scan_text("AKIAIOSFODNN7EXAMPLE").is_empty());
        assert!(scan_text(&KEY_ID[..19]).is_empty());
        assert!(scan_text(&format!("{KEY_ID}X")).is_empty());
        assert!(scan_text(&format!("XAKIA{}", &KEY_ID[4..])).is_empty());
        assert!(scan_text(&KEY_ID.to_ascii_lowercase()).is_empty());
        // IAM unique ids of users and roles are not access keys.
        assert!(scan_text("AIDA2OGYBAH6STMMNXNN AROA2OGYBAH6STMMNXNN").is_empty());
    }

    #[test]
    fn secret_access_keys() {
        assert_eq!(kinds(&format!("aws_secret_access_key = {SECRET}")), [SecretKind::AwsSecretAccessKey]);
        assert_eq!(kinds(&format!("export AWS_SECRET_ACCESS_KEY=\"{SECRET}\"")), [SecretKind::AwsSecretAccessKey]);
        assert_eq!(kinds(&format!("{{\"SecretAccessKey\": \"{SECRET}\"}}")), [SecretKind::AwsSecretAccessKey]);
        // The documentation example, a hex digest, a longer value, a name without `key`.
        assert!(scan_text("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").is_empty());
        assert!(scan_text("secret_key = da39a3ee5e6b4b0d3255bfef95601890afd80709").is_empty());
        assert!(scan_text(&format!("aws_secret_access_key = {SECRET}AB")).is_empty());
        assert!(scan_text(&format!("secret_name = {SECRET}")).is_empty());
        // Under a property named like a secret key, the bare value is enough.
        assert_eq!(looks_like_secret("SecretAccessKey", SECRET).map(|m| m.kind), Some(SecretKind::AwsSecretAccessKey));
        assert_eq!(looks_like_secret("AWS_SECRET_KEY", SECRET).map(|m| m.kind), Some(SecretKind::AwsSecretAccessKey));
        assert_eq!(looks_like_secret("Description", SECRET), None);
    }

    #[test]
    fn private_keys() {
        let body = "MIIEowIBAAKCAQEAx4UbaDzY2a7uJ0bB9nK3f1sQ8rT5vW2yZ6cE9hG4jL7mN0pR\nq3s6t9w2z5C8F1I4L7O0R3U6X9a2d5g8j1m4p7s0v3y6B9E2H5K8N1Q4T7W0Z3c6\n";
        let pem = format!("-----BEGIN RSA PRIVATE KEY-----\n{body}-----END RSA PRIVATE KEY-----\n");
        let found = scan_text(&format!("#!/bin/bash\ncat > key.pem <<EOF\n{pem}EOF\n"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, SecretKind::PrivateKey);
        assert_eq!(found[0].label.as_deref(), Some("RSA PRIVATE KEY"));
        assert_eq!(found[0].line_in(&format!("#!/bin/bash\ncat > key.pem <<EOF\n{pem}EOF\n")), 2);
        for label in
            ["PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"]
        {
            let t = format!("-----BEGIN {label}-----\n{body}-----END {label}-----");
            assert_eq!(kinds(&t), [SecretKind::PrivateKey], "{label}");
        }
        // Headers alone, placeholders and public keys are not private keys.
        assert!(scan_text("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----").is_empty());
        assert!(
            scan_text("-----BEGIN RSA PRIVATE KEY-----\n${PrivateKeyBody}\n-----END RSA PRIVATE KEY-----").is_empty()
        );
        assert!(scan_text(&format!("-----BEGIN PUBLIC KEY-----\n{body}-----END PUBLIC KEY-----")).is_empty());
    }

    #[test]
    fn url_passwords() {
        assert_eq!(kinds("postgres://app:s3cr3tPass@db.internal:5432/app"), [SecretKind::UrlPassword]);
        assert_eq!(kinds("mongodb://admin:x@mongo"), [SecretKind::UrlPassword]);
        assert!(scan_text("postgres://app:${DbPassword}@db.internal/app").is_empty());
        assert!(scan_text("https://example.com/path?a=b").is_empty());
        assert!(scan_text("https://user@example.com/").is_empty());
    }

    #[test]
    fn secret_keys() {
        for k in [
            "MasterUserPassword",
            "Password",
            "DBPassword",
            "AdminPassword",
            "AuthToken",
            "SecretString",
            "KeyPassphrase",
            "ApiKey",
            "API_KEY",
            "PrivateKey",
            "DB_PASSWORD",
            "db-passwd",
            "client_secret",
            "ClientSecret",
            "OAuthToken",
            "Token",
            "SecretAccessKey",
            "Passwords",
            "DB_PASS",
            "dbPwd",
            "UserPassword",
        ] {
            assert!(is_secret_key(k), "{k}");
        }
        for k in [
            "ManageMasterUserPassword",
            "GenerateSecret",
            "RequireSymbols",
            "PasswordLength",
            "PasswordResetRequired",
            "SecretArn",
            "SecretName",
            "SecretId",
            "TokenTtl",
            "ClientToken",
            "ApiKeyRequired",
            "KeyName",
            "PublicKey",
            "Bypass",
            "Compass",
            "MasterUsername",
            "Description",
            "ServiceToken",
        ] {
            assert!(!is_secret_key(k), "{k}");
        }
    }

    #[test]
    fn secret_parameter_names() {
        for n in [
            "DatabasePassword",
            "DBPassword",
            "db_password",
            "AdminPasswd",
            "DbPwd",
            "GitHubToken",
            "ApiKey",
            "Api_Key",
            "PrivateKey",
            "SshPrivateKeyValue",
            "DBPasswordParam",
            "Credentials",
            "ClientSecret",
            "AwsSecretAccessKey",
            "Passphrase",
        ] {
            assert!(is_secret_parameter_name(n), "{n}");
        }
        for n in [
            "SecretArn",
            "SecretName",
            "SecretsManagerSecretId",
            "TokenTtl",
            "TokenExpiry",
            "PasswordLength",
            "MinPasswordLength",
            "KeyName",
            "KmsKeyId",
            "ManagePassword",
            "GenerateSecret",
            "ClientToken",
            "DatabaseName",
            "MasterUsername",
        ] {
            assert!(!is_secret_parameter_name(n), "{n}");
        }
    }

    #[test]
    fn values_under_secret_keys() {
        let pw = |v: &str| looks_like_secret("MasterUserPassword", v).map(|m| m.kind);
        assert_eq!(pw("hunter2hunter2"), Some(SecretKind::Password));
        assert_eq!(pw("  Sup3rS3cret!  ").map(|_| ()), Some(()));
        assert_eq!(looks_like_secret("MasterUserPassword", "  Sup3rS3cret!  ").unwrap().range, 2..14);
        // Placeholders that would be deployed as they are: reported (see the module docs).
        assert_eq!(pw("CHANGEME"), Some(SecretKind::Password));
        assert_eq!(pw("<your-password>"), Some(SecretKind::Password));
        // Numbers can be passwords.
        assert_eq!(pw("12345678"), Some(SecretKind::Password));
        // Guards.
        assert_eq!(pw("{{resolve:secretsmanager:prod/db:SecretString:password}}"), None);
        assert_eq!(pw("{{resolve:ssm-secure:/prod/db/password:1}}"), None);
        assert_eq!(pw("${DbPassword}"), None);
        assert_eq!(pw("${AWS::StackName}-${Env}"), None);
        assert_eq!(pw("${AWS::Region}-pw"), None);
        assert_eq!(pw("prefix-${AWS::Region}-Secret99"), Some(SecretKind::Password));
        assert_eq!(pw("arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"), None);
        assert_eq!(pw("abc"), None);
        assert_eq!(pw(""), None);
        assert_eq!(pw("true"), None);
        assert_eq!(pw("FALSE"), None);
        assert_eq!(pw("********"), None);
        // Not a secret key: nothing, unless the content says otherwise.
        assert_eq!(looks_like_secret("Description", "hunter2hunter2"), None);
        assert_eq!(looks_like_secret("UserData", KEY_ID).map(|m| m.kind), Some(SecretKind::AwsAccessKeyId));
    }

    #[test]
    fn json_documents_are_judged_by_field() {
        let s = |v: &str| looks_like_secret("SecretString", v).map(|m| m.kind);
        assert_eq!(s(r#"{"username": "app", "password": "Sup3rS3cret!"}"#), Some(SecretKind::Password));
        assert_eq!(s(r#"{"db": {"api_key": "abcdef123456"}}"#), Some(SecretKind::Password));
        assert_eq!(s(r#"{"username": "app"}"#), None);
        assert_eq!(s(r#"{"username": "app", "password": "${DbPassword}"}"#), None);
        // Plain text under `SecretString` is a secret.
        assert_eq!(s("Sup3rS3cret!"), Some(SecretKind::Password));
    }

    #[test]
    fn placeholders_are_stripped() {
        assert_eq!(strip_placeholders("a${B}c${!D}e"), "ac${D}e");
        assert_eq!(strip_placeholders("${A"), "${A");
        assert_eq!(strip_placeholders("plain"), "plain");
    }

    #[test]
    fn last_words() {
        assert_eq!(last_word("DB_PASS"), "pass");
        assert_eq!(last_word("dbPwd"), "pwd");
        assert_eq!(last_word("DBPassword"), "password");
        assert_eq!(last_word("Bypass"), "bypass");
        assert_eq!(last_word("x"), "x");
        assert_eq!(last_word(""), "");
    }

    #[test]
    fn switches_and_user_names() {
        for n in
            ["EnableSecretRotation", "UseApiKey", "RequirePassword", "AllowToken", "enable_secret", "DisableAuthToken"]
        {
            assert!(is_switch_name(n), "{n}");
        }
        for n in ["UserPassword", "UsernamePassword", "Enable", "AdminPassword", "Allowance"] {
            assert!(!is_switch_name(n), "{n}");
        }
        for n in ["DBUsername", "MasterUsername", "AdminUser", "db_user", "AdminLogin", "DbUserName", "MASTER_USER"] {
            assert!(is_user_name(n), "{n}");
        }
        for n in ["DBPassword", "UserPassword", "UserToken", "Superuserpassword", "Reuser"] {
            assert!(!is_user_name(n), "{n}");
        }
    }

    #[test]
    fn masking() {
        assert_eq!(mask("AKIA2OGYBAH6STMMNXNN", 4), "AKIA****");
        assert_eq!(mask("a", 2), "a****");
    }
}
