use crate::model::{Effect, Statement, kind};

rule!(
    RULE,
    id: "PAL-IAM-010",
    slug: "iam-console-user-mfa",
    title: "Console user is not forced to use MFA",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-01"],
    well_architected: &["SEC02-BP01"],
    compliance: &[
        "isms-p:2.5.3", "cis-6.0:2.9", "cis-7.0:2.10", "pci-4.0:8.4.1", "pci-4.0:8.4.2", "fsbp:IAM.5",
        "fsbp:IAM.19",
    ],
    resource_types: &[kind::IAM_USER],
    remediation: "Attach (directly or through a group) a policy that denies everything except managing \
one's own MFA device when `aws:MultiFactorAuthPresent` is false (`BoolIfExists`), or move people to IAM \
Identity Center.",
    description: "A user with a `LoginProfile` signs in to the console with a password. Without MFA, a \
phished or reused password is enough to take over the user. IAM cannot require MFA at sign-in for a \
password user by configuration alone; the usual control is a policy that denies requests made without MFA. \
Palisade looks for such a deny among the user's own and group policies; if some of them are outside the \
template it stays silent.",
    check: |_, facts, out| {
        for p in facts.principals().iter().filter(|p| p.kind == "user") {
            let Some(u) = p.meta.and_then(|pm| facts.index().iam_user_of(pm)) else { continue };
            if u.login_profile.get().is_none() {
                continue;
            }
            if p.governing.identity.unknown.iter().any(|(_, _, may_deny)| *may_deny) {
                continue;
            }
            let enforced = p.governing.identity.docs.iter().any(|d| d.doc.statements.iter().any(denies_without_mfa));
            let unknown = p.governing.identity.docs.iter().any(|d| d.doc.has_unknown_statements);
            if !enforced && !unknown {
                out.report_field(
                    &u.meta,
                    &u.login_profile,
                    msg!("iam-console-user-mfa-access-policy", user = u.meta.id),
                );
            }
        }
    },
);

/// Does a statement deny when MFA is absent (`BoolIfExists`/`Bool` false, or `Null` true)?
fn denies_without_mfa(st: &Statement) -> bool {
    st.effect.get() == Some(&Effect::Deny)
        && st.conditions.iter().any(|c| {
            let key = c.key.eq_ignore_ascii_case("aws:MultiFactorAuthPresent");
            let vals: Vec<&str> = c.values.known().map(|(v, _)| v).collect();
            key && ((matches!(c.operator.as_str(), "Bool" | "BoolIfExists")
                && vals.iter().any(|v| v.eq_ignore_ascii_case("false")))
                || (c.operator == "Null" && vals.iter().any(|v| v.eq_ignore_ascii_case("true"))))
        })
}
