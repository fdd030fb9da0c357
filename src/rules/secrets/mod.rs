//! Hard-coded secrets in templates (identity layer).
//!
//! The rules report what the secret analysis ([`crate::analyze::secrets`]) established: the
//! secrets found in the template's values, the secret-like properties that take their value
//! from a parameter, and the parameters that look like secrets.

use std::collections::HashSet;

use super::{Builtin, Sink, StaticMeta};
use crate::analyze::secrets::detect::{SecretKind, mask};
use crate::finding::{Layer, Severity};
use crate::model::{Model, TextValue};
use crate::source::Span;

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
    use crate::analyze::secrets::detect;
    ABOUT_SECRET_VALUES.contains(&&*rule.id)
        || detect::is_secret_key(key)
        || detect::is_secret_parameter_name(key)
        || detect::looks_like_secret(key, value).is_some()
}

/// Reports at a value, with its resource when it has one.
fn report_value<'s>(
    m: &Model,
    out: &'s mut Sink<'_>,
    value: &TextValue,
    span: Span,
    message: String,
) -> &'s mut crate::finding::Finding {
    match value.resource {
        Some(i) => out.report(&m.resources[i], span, message),
        None => out.report_at(span, message),
    }
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
    check: |m, facts, out| {
        let secrets = facts.secrets();
        let mut reported: HashSet<(u32, u32)> = HashSet::new();
        let mut pieces: HashSet<&str> = HashSet::new();
        for s in &secrets.found {
            let what = match s.kind {
                SecretKind::UrlPassword => "contains a URL with a literal password",
                SecretKind::Password => "is set to a literal value",
                _ => continue,
            };
            // One finding per property for pieces of one value (`Fn::Join` items).
            let where_ = s.value.place.as_str();
            if reported.insert((s.span.start, s.span.end)) && (s.kind != SecretKind::Password || pieces.insert(where_))
            {
                report_value(m, out, s.value, s.span, format!("{where_} {what}"));
            }
        }
        let mut params_done: HashSet<&str> = HashSet::new();
        for u in &secrets.uses {
            let Some(dspan) = secrets.input(&u.input.name).and_then(|i| i.secret_default) else { continue };
            params_done.insert(&u.input.name);
            if !reported.insert((u.value.span.start, u.value.span.end)) {
                continue;
            }
            let name = &u.input.name;
            report_value(
                m,
                out,
                u.value,
                u.value.span,
                format!("{} comes from parameter `{name}`, whose `Default` is a literal value", u.value.place),
            )
            .with_related(dspan, format!("default of parameter `{name}`"));
        }
        for i in &secrets.inputs {
            let p = i.input;
            if params_done.contains(p.name.as_str()) || !i.named_like_secret {
                continue;
            }
            if let Some(dspan) = i.secret_default
                && reported.insert((dspan.start, dspan.end))
            {
                out.report_at(dspan, format!("parameter `{}` looks like a secret and has a literal `Default`", p.name))
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
    check: |m, facts, out| {
        for s in &facts.secrets().found {
            let place = &s.value.place;
            let msg = match s.kind {
                SecretKind::AwsAccessKeyId => {
                    format!("{place} contains an AWS access key id (`{}`)", mask(s.matched(), 4))
                }
                SecretKind::AwsSecretAccessKey => format!("{place} contains an AWS secret access key"),
                _ => continue,
            };
            report_value(m, out, s.value, s.span, msg);
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
    check: |m, facts, out| {
        for s in &facts.secrets().found {
            if s.kind != SecretKind::PrivateKey {
                continue;
            }
            let label = s.label.as_deref().unwrap_or("PRIVATE KEY");
            report_value(m, out, s.value, s.span, format!("{} contains a private key (`{label}`)", s.value.place));
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
    check: |_, facts, out| {
        let secrets = facts.secrets();
        for i in &secrets.inputs {
            let p = i.input;
            if p.sensitive || !p.holds_value {
                continue;
            }
            if let Some(u) = secrets.first_use(p) {
                out.report_at(
                    p.span,
                    format!("parameter `{}` is used for {} but is not `NoEcho`", p.name, u.value.place),
                )
                .with_related(u.value.span, format!("`{}` used here", p.name));
            } else if i.named_like_secret {
                out.report_at(p.span, format!("parameter `{}` looks like a secret but is not `NoEcho`", p.name));
            }
        }
    },
};

#[cfg(test)]
mod tests {
    use super::*;

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
