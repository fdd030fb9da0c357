//! PAL-SSM-001 `ssm-secret-in-plain-parameter`: Secret kept in a plain-text SSM parameter.

use crate::model::{Field, Model, TextRole, kind};

/// Words in a parameter name that say it holds a secret.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "apikey",
    "api-key",
    "api_key",
    "privatekey",
    "private-key",
    "private_key",
    "credential",
    "passphrase",
    "accesskey",
    "access-key",
    "access_key",
    "connectionstring",
    "connection-string",
    "connection_string",
];

/// Does this parameter name (or logical id) say the parameter holds a secret?
pub fn names_a_secret(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_WORDS.iter().any(|w| lower.contains(w))
}

/// Does the parameter's name say it holds a secret? A name computed from inputs
/// (`!Sub /${Env}/db/password`, a Terraform template `"/${var.env}/db/password"`) is judged by
/// the literal text it is made from.
fn name_says_secret(m: &Model, name: &Field<String>) -> bool {
    match name.get() {
        Some(n) => names_a_secret(n),
        None => m.texts.iter().any(|t| {
            t.role == TextRole::Value
                && t.span.file == name.span.file
                && t.span.start >= name.span.start
                && t.span.end <= name.span.end
                && names_a_secret(&t.text)
        }),
    }
}

rule!(RULE,
    id: "PAL-SSM-001",
    slug: "ssm-secret-in-plain-parameter",
    title: "Secret kept in a plain-text SSM parameter",
    severity: Medium,
    layer: Data,
    service: "ssm",
    controls: &["DATA-17"],
    well_architected: &["SEC02-BP03", "SEC08-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:8.3.2"],
    resource_types: &[kind::SSM_PARAMETER],
    remediation: "Keep secrets in AWS Secrets Manager (`AWS::SecretsManager::Secret` with \
`GenerateSecretString` and a rotation schedule), or in a `SecureString` parameter created outside \
CloudFormation (which cannot create them) and read with `{{resolve:ssm-secure:name}}`.",
    description: "`String` and `StringList` parameters are stored unencrypted and readable by anyone \
with `ssm:GetParameter` on them, without any `kms:Decrypt` check, and their values show in the console and in \
CloudFormation. A parameter whose name or logical id says it holds a password, passphrase, token, API or \
access key, connection string or credential should not be one of them; a name computed from inputs \
(`!Sub /${Env}/db/password`, or a Terraform template such as `/${var.env}/db/password`) is judged by its literal \
parts.",
    check: |m, _, out| {
        for p in &m.monitoring.ssm_parameters {
            let Some(kind) = p.kind.get() else { continue };
            if kind != "String" && kind != "StringList" {
                continue;
            }
            if (!p.name.is_absent() && name_says_secret(m, &p.name)) || names_a_secret(&p.meta.id) {
                out.report_field(
                    &p.meta,
                    &p.kind,
                    msg!("ssm-secret-in-plain-parameter-looks-like", parameter = p.meta.id, kind = kind),
                );
            }
        }
    },
);
