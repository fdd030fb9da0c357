//! PAL-SEC-001 `hardcoded-password`: Password or other secret written literally in the template.

use std::collections::HashSet;

use super::{ANY, report_value};
use crate::analyze::secrets::detect::SecretKind;

rule!(RULE,
    id: "PAL-SEC-001",
    slug: "hardcoded-password",
    title: "Password or other secret written literally in the template",
    severity: High,
    layer: Identity,
    service: "cloudformation",
    controls: &["IAM-09"],
    well_architected: &["SEC02-BP03"],
    compliance: &["isms-p:2.5.4", "isms-p:2.7.1", "pci-4.0:8.3.2", "pci-4.0:8.6.3"],
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
    check: |m, facts, out| {
        let secrets = facts.secrets();
        let mut reported: HashSet<(u32, u32)> = HashSet::new();
        let mut pieces: HashSet<&crate::i18n::Message> = HashSet::new();
        for s in &secrets.found {
            let what = match s.kind {
                SecretKind::UrlPassword => msg!("hardcoded-password-url"),
                SecretKind::Password => msg!("hardcoded-password-literal"),
                _ => continue,
            };
            // One finding per property for pieces of one value (`Fn::Join` items).
            let where_ = &s.value.place;
            if reported.insert((s.span.start, s.span.end)) && (s.kind != SecretKind::Password || pieces.insert(where_))
            {
                report_value(m, out, s.value, s.span, msg!("hardcoded-password-message", where_ = where_, what = what));
            }
        }
        let mut params_done: HashSet<&str> = HashSet::new();
        for u in &secrets.uses {
            let Some(dspan) = secrets.input(&u.input.name).and_then(|i| i.secret_default) else { continue };
            params_done.insert(&u.input.name);
            if !reported.insert((u.value.span.start, u.value.span.end)) {
                continue;
            }
            let (name, w) = (&u.input.name, u.input.words);
            report_value(
                m,
                out,
                u.value,
                u.value.span,
                msg!("hardcoded-password-comes-whose", place = u.value.place, noun = w.noun, name = name, default = w.default),
            )
            .with_related(dspan, msg!("hardcoded-password-default", noun = w.noun, name = name));
        }
        for i in &secrets.inputs {
            let p = i.input;
            if params_done.contains(p.name.as_str()) || !i.named_like_secret {
                continue;
            }
            if let Some(dspan) = i.secret_default
                && reported.insert((dspan.start, dspan.end))
            {
                let w = p.words;
                out.report_at(
                    dspan,
                    msg!("hardcoded-password-looks-like", noun = w.noun, p_name = p.name, default = w.default),
                )
                .with_related(p.span, msg!("hardcoded-password-2", noun = w.noun, p_name = p.name));
            }
        }
    },
);
