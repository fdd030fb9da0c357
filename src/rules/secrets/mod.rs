//! Hard-coded secrets in templates (identity layer).
//!
//! The rules report what the secret analysis ([`crate::analyze::secrets`]) established: the
//! secrets found in the template's values, the secret-like properties that take their value
//! from a parameter, and the parameters that look like secrets.

use super::Sink;
use crate::model::{Model, TextValue};
use crate::source::Span;

pub mod aws_access_key;
pub mod hardcoded_password;
pub mod private_key;
pub mod secret_parameter_without_noecho;

super::area_rules!("secrets");

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
    is_about_secret_values(rule) || names_or_holds_secret(key, value)
}

/// Whether the rule's findings are about values that are secrets, whatever their key.
pub fn is_about_secret_values(rule: &super::RuleMeta) -> bool {
    ABOUT_SECRET_VALUES.contains(&&*rule.id)
}

/// Whether `key` names a secret, or `value` (under `key`) looks like one: the part of
/// [`may_reveal_secret`] that does not depend on the rule.
pub fn names_or_holds_secret(key: &str, value: &str) -> bool {
    use crate::analyze::secrets::detect;
    detect::is_secret_key(key)
        || detect::is_secret_parameter_name(key)
        || detect::looks_like_secret(key, value).is_some()
}

/// Reports at a value, with its resource when it has one.
fn report_value<'s>(
    m: &Model,
    out: &'s mut Sink<'_>,
    value: &TextValue,
    span: Span,
    message: impl Into<crate::i18n::Message>,
) -> &'s mut crate::finding::Finding {
    match value.resource {
        Some(i) => out.report(&m.resources[i], span, message),
        None => out.report_at(span, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_that_may_reveal_a_secret() {
        let other = &crate::rules::s3::versioning::RULE.meta.to_meta();
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
