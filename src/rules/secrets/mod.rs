//! Hard-coded secrets in templates (identity layer).
//!
//! The rules read [`Model::literals`]: every literal of the template's parameter defaults,
//! mappings, resource properties and metadata, and outputs. Only literals that are values
//! ([`LiteralRole::Value`]) can hold a secret; function arguments naming a parameter,
//! resource, condition or mapping, and dynamic references (`{{resolve:...}}`), are skipped.
//! The detector itself ([`detect`]) works on plain strings and is shared with other frontends.

pub mod detect;

use std::collections::HashSet;
use std::ops::Range;

use super::{Builtin, Sink, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::{Literal, LiteralRole, Model, Parameter};
use crate::source::Span;
use detect::{
    SecretKind, SecretMatch, find_secrets, is_plausible_value, is_secret_key, is_secret_parameter_name, mask,
};

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&HARDCODED_PASSWORD, &AWS_ACCESS_KEY, &PRIVATE_KEY, &PARAMETER_WITHOUT_NOECHO];

/// Any resource, and the template's parameters, mappings and outputs.
const ANY: &[&str] = &["*"];

/// The rules whose findings point at secret values (here and in Kubernetes manifests).
const ABOUT_SECRET_VALUES: &[&str] =
    &["PAL-SEC-001", "PAL-SEC-002", "PAL-SEC-003", "PAL-SEC-004", "PAL-K8S-026", "PAL-K8S-028", "PAL-K8S-029"];

/// Could a finding of `rule` reveal a secret by recording `value`, found under `key`? True for
/// every finding of the rules about secrets, for any value under a name that says it is a
/// secret, and for any value the detector judges a secret. Fingerprints are published (SARIF,
/// Security Hub) and a hash of a short secret can be guessed, so such values are left out of a
/// finding's subject.
pub fn may_reveal_secret(rule: &super::RuleMeta, key: &str, value: &str) -> bool {
    ABOUT_SECRET_VALUES.contains(&&*rule.id)
        || is_secret_key(key)
        || is_secret_parameter_name(key)
        || detect::looks_like_secret(key, value).is_some()
}

/// Parameter types whose value is the secret itself (as opposed to `AWS::SSM::Parameter::Value<...>`,
/// whose value is the name of an SSM parameter, or AWS-specific types such as key pair names).
pub fn is_plain_parameter_type(kind: &str) -> bool {
    matches!(kind, "String" | "Number" | "CommaDelimitedList" | "List<String>" | "List<Number>")
}

/// Where a literal is, for messages: "`Db` property `MasterUserPassword`", "output `Key`", ...
fn place(m: &Model, lit: &Literal) -> String {
    // Function names and their argument positions say nothing to the reader: cut them off.
    let cut = |p: &str| -> String {
        let end = [".Fn::", ".Ref", ".Condition"].iter().filter_map(|s| p.find(s)).min().unwrap_or(p.len());
        p[..end].to_string()
    };
    if let Some(i) = lit.resource {
        let id = &m.resources[i].id;
        if let Some(rest) = lit.path.strip_prefix(&format!("Resources.{id}.Properties.")) {
            return format!("`{id}` property `{}`", cut(rest));
        }
        if let Some(rest) = lit.path.strip_prefix(&format!("Resources.{id}.Metadata.")) {
            return format!("`{id}` metadata `{}`", cut(rest));
        }
        return format!("`{id}`");
    }
    if let Some(rest) = lit.path.strip_prefix("Outputs.") {
        let name = rest.split('.').next().unwrap_or(rest);
        return format!("output `{name}`");
    }
    if let Some(rest) = lit.path.strip_prefix("Parameters.") {
        let name = rest.split('.').next().unwrap_or(rest);
        return format!("the default of parameter `{name}`");
    }
    format!("`{}`", cut(&lit.path))
}

/// Reports at a literal, with its resource when it has one.
fn report_literal<'s>(
    m: &Model,
    out: &'s mut Sink<'_>,
    lit: &Literal,
    span: Span,
    message: String,
) -> &'s mut crate::finding::Finding {
    match lit.resource {
        Some(i) => out.report(&m.resources[i], span, message),
        None => out.report_at(span, message),
    }
}

/// The span of `range` of a literal's text. For a literal block scalar (`|`), whose text lines
/// are its source lines, that is the secret's own line (and columns, when the span starts at
/// the block's content rather than at its `|` indicator); otherwise (quoted, plain or folded
/// scalars, where escapes and folding break the correspondence) the literal's span.
pub fn match_span(m: &Model, lit: &Literal, range: &Range<usize>) -> Span {
    let s = lit.span;
    let text = &lit.text;
    let (Some(src), true) = (&m.source, text.contains('\n')) else { return s };
    let start = range.start.min(text.len());
    let end = range.end.min(text.len()).max(start);
    // A match over several lines (a PEM block) is located by its first line.
    let Some(needle) = text.get(start..end).and_then(|n| n.lines().next()).filter(|n| !n.is_empty()) else {
        return s;
    };
    // A literal block scalar (`|`) keeps its lines: the k-th line of the value is the k-th line
    // after the indicator. Find the match on that line; otherwise (folded or quoted scalars,
    // whose lines are rewritten) keep the whole value's span.
    let k = text[..start].matches('\n').count() as u32;
    let indicator = src
        .text
        .get(s.start as usize..s.end as usize)
        .map(|t| t.trim_start_matches(|c: char| c == '!' || c.is_alphanumeric() || c == ':' || c == ' '));
    if !indicator.is_some_and(|t| t.starts_with('|')) {
        return s;
    }
    let line = s.line + 1 + k;
    let (Some(line_text), Some(line_start)) = (src.line_text(line), src.line_start(line)) else { return s };
    match line_text.find(needle) {
        Some(i) => src.span(line_start + i as u32, line_start + (i + needle.len()) as u32),
        None => s,
    }
}

/// The name a literal's value is judged under: its key, except for the few resources whose
/// secret property has a neutral name (`AWS::ApiGateway::ApiKey` `Value`).
fn judged_key<'a>(m: &Model, lit: &'a Literal) -> &'a str {
    if let Some(i) = lit.resource {
        let r = &m.resources[i];
        if r.kind == "AWS::ApiGateway::ApiKey" && lit.path == format!("Resources.{}.Properties.Value", r.id) {
            return "ApiKey";
        }
    }
    &lit.key
}

/// The secrets of every value literal, with the literal.
fn value_secrets(m: &Model) -> impl Iterator<Item = (&Literal, SecretMatch)> {
    m.literals
        .iter()
        .filter(|l| l.role == LiteralRole::Value)
        .flat_map(move |l| find_secrets(judged_key(m, l), &l.text).into_iter().map(move |s| (l, s)))
}

/// Parameters named by a `Ref`-role literal (`!Ref P`, `!Sub '${P}'`) or in a `Fn::Sub`
/// template (`!Sub 'prefix-${P}'`).
fn referenced_parameters<'m>(m: &'m Model, lit: &Literal) -> Vec<&'m Parameter> {
    let names: Vec<String> = if lit.text.contains("${") {
        lit.text.split("${").skip(1).filter_map(|s| s.split_once('}')).map(|(n, _)| n.trim().to_string()).collect()
    } else {
        vec![lit.text.trim().to_string()]
    };
    m.parameters.iter().filter(|p| names.contains(&p.name)).collect()
}

/// Uses of parameters in the value of a secret property or output: (literal, parameter).
fn secret_uses(m: &Model) -> Vec<(&Literal, &Parameter)> {
    let mut out = Vec::new();
    for lit in &m.literals {
        let sub_template = lit.path.ends_with(".Fn::Sub") || lit.path.ends_with(".Fn::Sub[0]");
        let names_parameters = lit.role == LiteralRole::Ref || (lit.role == LiteralRole::Value && sub_template);
        if !names_parameters || lit.path.starts_with("Parameters.") || !is_secret_key(judged_key(m, lit)) {
            continue;
        }
        for p in referenced_parameters(m, lit) {
            out.push((lit, p));
        }
    }
    out
}

/// A parameter's default when it could be a working secret.
fn secret_default(p: &Parameter) -> Option<&(String, Span)> {
    p.default
        .as_ref()
        .filter(|(d, _)| is_plausible_value(d, detect::MIN_SECRET_LEN) && is_plain_parameter_type(&p.kind))
}

pub static HARDCODED_PASSWORD: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-SEC-001",
        slug: "hardcoded-password",
        title: "Password or other secret written literally in the template",
        severity: Severity::High,
        layer: Layer::Identity,
        service: "cloudformation",
        well_architected: &["SEC02-BP03"],
        controls: &["IAM-09"],
        resource_types: ANY,
        remediation: "Keep secrets out of the template. For RDS and Aurora set \
`ManageMasterUserPassword: true` and let RDS keep the password in Secrets Manager. Elsewhere \
generate the secret with an `AWS::SecretsManager::Secret` (`GenerateSecretString`) and reference it \
with a dynamic reference such as \
`'{{resolve:secretsmanager:MyDbSecret:SecretString:password}}'`, or pass it at deploy time through \
a parameter with `NoEcho: true` and no `Default`. Rotate any secret that was ever committed.",
        description: "A secret written in a template is in every copy of it: the repository and its \
history, CI logs, artifacts buckets, and the template CloudFormation keeps for the stack, which anyone \
allowed `cloudformation:GetTemplate` can read. It cannot be rotated without editing code, and it is \
usually shared between environments.\n\n\
The rule looks at properties, environment variables and JSON fields whose name ends with `password`, \
`passwd`, `passphrase`, `secret`, `secretstring`, `secretkey`, `privatekey`, `apikey` or `token` \
(`MasterUserPassword`, `AuthToken`, `SecretString`, `DB_PASSWORD`, `client_secret`...), or whose \
last word is `pass` or `pwd`, except request tokens (`ClientToken`) and switches such as \
`ManageMasterUserPassword`; at the `Value` of `AWS::ApiGateway::ApiKey`; at URLs with a password \
(`postgres://user:password@host`); and at parameters used for such properties, or named like a secret, \
with a literal `Default`. Values are taken directly or from `Fn::Join`, `Fn::Sub` and `Fn::If` pieces. \
Dynamic references, `${...}` placeholders, ARNs, booleans and values shorter than 6 characters are not \
secrets; placeholders such as `CHANGEME` are, because they get deployed as they are. Messages never \
print the secret.",
    },
    check: |m, _, out| {
        let mut reported: HashSet<(u32, u32)> = HashSet::new();
        let mut pieces: HashSet<String> = HashSet::new();
        for (lit, s) in value_secrets(m) {
            let (what, span) = match s.kind {
                SecretKind::UrlPassword => ("contains a URL with a literal password", match_span(m, lit, &s.range)),
                SecretKind::Password => ("is set to a literal value", lit.span),
                _ => continue,
            };
            // One finding per property for pieces of one value (`Fn::Join` items).
            let where_ = place(m, lit);
            if reported.insert((span.start, span.end))
                && (s.kind != SecretKind::Password || pieces.insert(where_.clone()))
            {
                report_literal(m, out, lit, span, format!("{where_} {what}"));
            }
        }
        let mut params_done: HashSet<&str> = HashSet::new();
        for (lit, p) in secret_uses(m) {
            let Some((_, dspan)) = secret_default(p) else { continue };
            params_done.insert(&p.name);
            if !reported.insert((lit.span.start, lit.span.end)) {
                continue;
            }
            report_literal(
                m,
                out,
                lit,
                lit.span,
                format!("{} comes from parameter `{}`, whose `Default` is a literal value", place(m, lit), p.name),
            )
            .with_related(*dspan, format!("default of parameter `{}`", p.name));
        }
        for p in &m.parameters {
            if params_done.contains(p.name.as_str()) || !is_secret_parameter_name(&p.name) {
                continue;
            }
            if let Some((_, dspan)) = secret_default(p)
                && reported.insert((dspan.start, dspan.end))
            {
                out.report_at(
                    *dspan,
                    format!("parameter `{}` looks like a secret and has a literal `Default`", p.name),
                )
                .with_related(p.span, format!("parameter `{}`", p.name));
            }
        }
    },
};

pub static AWS_ACCESS_KEY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-SEC-002",
        slug: "aws-access-key",
        title: "AWS access key written in the template",
        severity: Severity::Critical,
        layer: Layer::Identity,
        service: "cloudformation",
        well_architected: &["SEC02-BP03", "SEC02-BP02"],
        controls: &["IAM-09"],
        resource_types: ANY,
        remediation: "Deactivate and delete the access key now (`aws iam update-access-key --status Inactive`, \
then `delete-access-key`), check CloudTrail for its use, and remove it from the template and the \
repository history. Give workloads an IAM role instead (`AWS::IAM::InstanceProfile` for EC2, the \
function's `Role` for Lambda, a task role for ECS), which provides temporary credentials automatically.",
        description: "An access key id (`AKIA...`, `ASIA...`) next to its secret is a working, long-lived \
credential for an IAM user: whoever reads the template, its repository or the stack's stored template \
can act as that user from anywhere until the key is deleted. Automated scanners harvest keys from public \
repositories within minutes.\n\n\
The rule finds access key ids anywhere (properties, user data, tags, metadata, outputs, parameter \
defaults), and 40-character secret access keys written as `aws_secret_access_key=...` or under a \
name containing `secret` and `key` or `access`. The example keys of the AWS documentation (containing \
`EXAMPLE`) are ignored.",
    },
    check: |m, _, out| {
        for (lit, s) in value_secrets(m) {
            let msg = match s.kind {
                SecretKind::AwsAccessKeyId => {
                    format!(
                        "{} contains an AWS access key id (`{}`)",
                        place(m, lit),
                        mask(&lit.text[s.range.clone()], 4)
                    )
                }
                SecretKind::AwsSecretAccessKey => format!("{} contains an AWS secret access key", place(m, lit)),
                _ => continue,
            };
            report_literal(m, out, lit, match_span(m, lit, &s.range), msg);
        }
    },
};

pub static PRIVATE_KEY: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-SEC-003",
        slug: "private-key",
        title: "Private key written in the template",
        severity: Severity::Critical,
        layer: Layer::Identity,
        service: "cloudformation",
        well_architected: &["SEC02-BP03"],
        controls: &["IAM-09"],
        resource_types: ANY,
        remediation: "Revoke the key pair or certificate, and keep private keys out of templates: store them \
in Secrets Manager and fetch them at boot (`aws secretsmanager get-secret-value` in user data, with an \
instance role allowed to read that one secret), or use ACM for TLS certificates and EC2 Instance Connect \
or Systems Manager Session Manager instead of distributing SSH keys.",
        description: "A PEM private key (`-----BEGIN ... PRIVATE KEY-----`) in a template gives its holder \
the identity the key stands for: an SSH login, a TLS server, a signing key. Templates are copied into \
repositories, CI systems and the stack's stored template, so the key must be considered disclosed. Blocks \
whose body is a placeholder (`${Key}`, `...`) are not reported.",
    },
    check: |m, _, out| {
        for (lit, s) in value_secrets(m) {
            if s.kind != SecretKind::PrivateKey {
                continue;
            }
            let label = s.label.as_deref().unwrap_or("PRIVATE KEY");
            let span = match_span(m, lit, &s.range);
            report_literal(m, out, lit, span, format!("{} contains a private key (`{label}`)", place(m, lit)));
        }
    },
};

pub static PARAMETER_WITHOUT_NOECHO: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-SEC-004",
        slug: "secret-parameter-without-noecho",
        title: "Parameter carrying a secret is not NoEcho",
        severity: Severity::Medium,
        layer: Layer::Identity,
        service: "cloudformation",
        well_architected: &["SEC02-BP03"],
        controls: &["IAM-09"],
        resource_types: &["Parameters"],
        remediation: "Add `NoEcho: true` to the parameter (and no `Default`), or better, drop the parameter: \
use `ManageMasterUserPassword: true` for RDS, or a `{{resolve:secretsmanager:...}}` dynamic reference.",
        description: "Without `NoEcho`, CloudFormation shows a parameter's value in plain text in the \
console, in `describe-stacks` output and in stack events, to anyone with read access to the stack.\n\n\
A parameter carries a secret when it is used (`Ref`, `Fn::Sub`) as the value of a password-like \
property (see `hardcoded-password`), or when its name contains `password`, `passwd`, `passphrase`, \
`pwd`, `secret`, `token`, `apikey`, `privatekey`, `credential` or `authkey` and ends there (or with \
`s`, `Value`, `Param`, `Parameter`, `String`, `Text`, `PlainText`, `Input`). Names about a secret \
rather than the secret itself (`SecretArn`, `SecretName`, `TokenTtl`, `PasswordLength`) and key pair \
names (`KeyName`) are not. Only plain types (`String`, `Number`, lists) are checked: the value of an \
`AWS::SSM::Parameter::Value<...>` parameter is an SSM parameter name.",
    },
    check: |m, _, out| {
        let uses = secret_uses(m);
        for p in &m.parameters {
            if p.no_echo || !is_plain_parameter_type(&p.kind) {
                continue;
            }
            if let Some((lit, _)) = uses.iter().find(|(_, q)| q.name == p.name) {
                out.report_at(
                    p.span,
                    format!("parameter `{}` is used for {} but is not `NoEcho`", p.name, place(m, lit)),
                )
                .with_related(lit.span, format!("`{}` used here", p.name));
            } else if is_secret_parameter_name(&p.name) {
                out.report_at(p.span, format!("parameter `{}` looks like a secret but is not `NoEcho`", p.name));
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use super::*;
    use crate::lower::cfn::{self, Evaluator, Template};
    use crate::parse::{Limits, parse_yaml};
    use crate::source::SourceFile;

    fn model(text: &str) -> Model {
        let src = SourceFile::new("t.yaml", text.to_string());
        let docs = parse_yaml(&src, &Limits::default()).unwrap();
        let overrides = HashMap::new();
        let tpl = Template::new(&docs[0].root, &overrides);
        let ev = Evaluator::new(&tpl, &overrides, BTreeMap::new());
        let mut m = cfn::lower(&tpl, &ev, "t.yaml".into());
        m.source = Some(std::sync::Arc::new(src));
        m
    }

    /// (text, key, role) of every literal.
    fn literals(text: &str) -> Vec<(String, String, LiteralRole)> {
        model(text).literals.into_iter().map(|l| (l.text, l.key, l.role)).collect()
    }

    fn role_of(lits: &[(String, String, LiteralRole)], text: &str) -> (String, LiteralRole) {
        let (_, k, r) = lits.iter().find(|(t, _, _)| t == text).unwrap_or_else(|| panic!("no literal {text}"));
        (k.clone(), *r)
    }

    #[test]
    fn literal_roles() {
        use LiteralRole::*;
        let lits = literals(
            r#"
Parameters:
  Pw: {Type: String, Default: dflt-value}
Mappings:
  Env: {prod: {DbPassword: mapped-value}}
Conditions:
  IsProd: !Equals [a, b]
Resources:
  R:
    Type: AWS::Test::Thing
    Metadata: {Note: meta-value}
    Properties:
      A: !Ref Pw
      B: !GetAtt Other.Arn
      C: !If [IsProd, if-value, !Ref AWS::NoValue]
      D: !Join ['-', [join-value, !ImportValue export-name]]
      E: !Sub '${Pw}'
      F: !Sub 'x-${Pw}'
      G: !Sub ['${V}', {V: var-value}]
      H: !FindInMap [Env, prod, DbPassword]
      I: '{{resolve:secretsmanager:s:SecretString:p}}'
      J: !Select [1, !GetAZs region-name]
      K: !Sub ['${!Literal}', {}]
  Other: {Type: AWS::Test::Thing}
Outputs:
  O: {Value: out-value, Condition: OutputCondition}
"#,
        );
        assert_eq!(role_of(&lits, "dflt-value"), ("Default".into(), Value));
        assert_eq!(role_of(&lits, "mapped-value"), ("DbPassword".into(), Value));
        assert_eq!(role_of(&lits, "meta-value"), ("Note".into(), Value));
        assert_eq!(role_of(&lits, "Pw"), ("A".into(), Ref));
        // The parser splits the short form `!GetAtt Other.Arn` into `[Other, Arn]`.
        assert_eq!(role_of(&lits, "Other"), ("B".into(), Name));
        assert_eq!(role_of(&lits, "Arn"), ("B".into(), Name));
        assert_eq!(role_of(&lits, "IsProd"), ("C".into(), Name));
        assert_eq!(role_of(&lits, "if-value"), ("C".into(), Value));
        assert_eq!(role_of(&lits, "AWS::NoValue"), ("C".into(), Ref));
        assert_eq!(role_of(&lits, "-"), ("D".into(), Syntax));
        assert_eq!(role_of(&lits, "join-value"), ("D".into(), Value));
        assert_eq!(role_of(&lits, "export-name"), ("D".into(), Name));
        assert_eq!(role_of(&lits, "${Pw}"), ("E".into(), Ref));
        assert_eq!(role_of(&lits, "x-${Pw}"), ("F".into(), Value));
        assert_eq!(role_of(&lits, "${V}"), ("G".into(), Ref));
        assert_eq!(role_of(&lits, "var-value"), ("G".into(), Value));
        assert_eq!(role_of(&lits, "Env"), ("H".into(), Name));
        assert_eq!(role_of(&lits, "prod"), ("H".into(), Name));
        assert_eq!(role_of(&lits, "{{resolve:secretsmanager:s:SecretString:p}}"), ("I".into(), Dynamic));
        assert_eq!(role_of(&lits, "1"), ("J".into(), Syntax));
        assert_eq!(role_of(&lits, "region-name"), ("J".into(), Name));
        assert_eq!(role_of(&lits, "${!Literal}"), ("K".into(), Value));
        assert_eq!(role_of(&lits, "out-value"), ("Value".into(), Value));
        assert!(lits.iter().all(|(t, _, _)| t != "OutputCondition"));
    }

    #[test]
    fn placeholder_only_sub_templates() {
        use crate::lower::cfn::only_placeholders;
        assert!(only_placeholders("${A}"));
        assert!(only_placeholders(" ${A}${AWS::Region} "));
        assert!(!only_placeholders("${A}-x"));
        assert!(!only_placeholders("${!A}"));
        assert!(!only_placeholders("plain"));
        assert!(!only_placeholders("${A"));
    }

    #[test]
    fn parameter_types() {
        assert!(is_plain_parameter_type("String"));
        assert!(is_plain_parameter_type("CommaDelimitedList"));
        assert!(!is_plain_parameter_type("AWS::SSM::Parameter::Value<String>"));
        assert!(!is_plain_parameter_type("AWS::EC2::KeyPair::KeyName"));
    }

    #[test]
    fn spans_inside_literal_blocks() {
        let text = "Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: |\n        echo hi\n          key=AKIA2OGYBAH6STMMNXNN\n      Other: |-\n        one line\n";
        let m = model(text);
        let lit = m.literals.iter().find(|l| l.key == "UserData").unwrap();
        let found = detect::scan_text(&lit.text);
        let s = match_span(&m, lit, &found[0].range);
        assert_eq!((s.line, s.col, s.end_line, s.end_col), (7, 15, 7, 35));
        assert_eq!(&text[s.start as usize..s.end as usize], "AKIA2OGYBAH6STMMNXNN");
        // A quoted scalar with escapes keeps the literal's span.
        let m = model(
            "Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      UserData: \"echo\\nAKIA2OGYBAH6STMMNXNN\"\n",
        );
        let lit = m.literals.iter().find(|l| l.key == "UserData").unwrap();
        let found = detect::scan_text(&lit.text);
        assert_eq!(match_span(&m, lit, &found[0].range), lit.span);
    }

    #[test]
    fn values_that_may_reveal_a_secret() {
        let other = &crate::rules::s3::VERSIONING.meta.to_meta();
        assert!(!may_reveal_secret(other, "Status", "Suspended"));
        assert!(!may_reveal_secret(other, "", "0.0.0.0/0"));
        // Under a secret's name, even too short to be reported.
        assert!(may_reveal_secret(other, "MasterUserPassword", "abc"));
        assert!(may_reveal_secret(other, "DB_PASSWORD", "hunter2hunter2"));
        // Recognised by content, under any name.
        assert!(may_reveal_secret(other, "UserData", "export KEY=AKIA2OGYBAH6STMMNXNN\n"));
        // Anything a rule about secrets reports at.
        assert!(may_reveal_secret(&crate::rules::find("PAL-SEC-001").unwrap().meta, "Default", "x"));
        assert!(may_reveal_secret(&crate::rules::find("PAL-K8S-028").unwrap().meta, "username", "admin"));
    }
}
