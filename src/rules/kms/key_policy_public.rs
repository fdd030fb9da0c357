//! PAL-KMS-002 `kms-key-policy-public`: KMS key policy allows everyone.

use super::KEY;
use crate::i18n::Message;
use crate::model::{Statement, StrList};
use crate::rules::common::public_allow;

/// The actions of a statement, for messages.
fn describe_actions(stmt: &Statement) -> Message {
    let list = |l: &StrList| {
        let mut names: Vec<Message> = l.known().map(|(a, _)| Message::from(format!("`{a}`"))).collect();
        if l.has_unknown {
            names.push(msg!("kms-actions-undecided"));
        }
        Message::join(&names, ", ")
    };
    if let Some(l) = &stmt.action {
        if l.known().any(|(a, _)| a == "*" || a.eq_ignore_ascii_case("kms:*")) {
            return msg!("kms-all-actions");
        }
        return list(l);
    }
    if let Some(l) = &stmt.not_action {
        return msg!("kms-every-action-except", actions = list(l));
    }
    msg!("kms-no-action")
}

rule!(RULE,
    id: "PAL-KMS-002",
    slug: "kms-key-policy-public",
    title: "KMS key policy allows everyone",
    severity: Critical,
    layer: Data,
    service: "kms",
    controls: &["DATA-15", "IAM-12"],
    well_architected: &["SEC08-BP01", "SEC03-BP07"],
    compliance: &["isms-p:2.7.2", "pci-4.0:3.6.1", "pci-4.0:3.7.7", "fsbp:KMS.5"],
    resource_types: KEY,
    remediation: "Name the principals that need the key (the account root \
`arn:aws:iam::${AWS::AccountId}:root`, so that IAM policies decide, plus specific roles), or keep \
`Principal: \"*\"` only together with a condition that limits it to your account or organisation, e.g. \
`StringEquals: {kms:CallerAccount: !Ref AWS::AccountId}` (with `kms:ViaService` to allow use only \
through a given service) or `aws:PrincipalOrgID`.",
    description: "The key policy is the primary control over a KMS key: a statement that allows `*` \
(or `{\"AWS\": \"*\"}`) without a condition restricting the caller's account, organisation or network \
lets any AWS account in the world use the key for the listed actions. With `kms:Decrypt` that exposes \
every piece of data encrypted under the key to anyone who obtains the ciphertext; with `kms:*` anyone \
can also change the policy or schedule the key's deletion, destroying the data. `kms:ViaService` alone \
does not restrict who calls.",
    check: |m, _, out| {
        for k in &m.kms_keys {
            let Some(doc) = k.key_policy.get() else { continue };
            for stmt in &doc.statements {
                let Some(span) = public_allow(stmt) else { continue };
                let label =
                    stmt.sid.as_ref().map_or_else(|| "the statement".to_string(), |s| format!("statement `{s}`"));
                out.report(
                    &k.meta,
                    span,
                    msg!("kms-key-policy-public-restricting-condition", key = k.meta.id, describe_actions = describe_actions(stmt)),
                )
                .with_related(stmt.span, label);
            }
        }
    },
);
