use super::report;
use crate::analyze::iam::principals::{PolicyAt, PolicyUse};
use crate::model::Effect;
use crate::model::kind;

rule!(
    RULE,
    id: "PAL-IAM-013",
    slug: "iam-scp-guardrails",
    title: "Service control policies lack common organization guardrails",
    severity: Low,
    layer: Identity,
    service: "organizations",
    controls: &["IAM-13"],
    well_architected: &["SEC03-BP05"],
    compliance: &["isms-p:2.10.2", "cis-7.0:2.1.2"],
    resource_types: &[kind::ORGANIZATIONS_POLICY, kind::POLICY_FILE],
    remediation: "Add `Deny` statements to an SCP attached to your accounts for the missing guardrails: \
`organizations:LeaveOrganization`; `cloudtrail:StopLogging`/`DeleteTrail`; `guardduty:DeleteDetector`; \
`config:StopConfigurationRecorder`/`DeleteConfigurationRecorder`; `securityhub:DisableSecurityHub`; and a \
region restriction (`Deny` with `StringNotEquals: {aws:RequestedRegion: [...]}`).",
    description: "Service control policies are the guardrails no account administrator can remove: \
they keep accounts in the organisation and keep the detective controls (CloudTrail, GuardDuty, Config, \
Security Hub) running even if an administrator is compromised. The finding lists which of the common \
guardrails the scanned SCPs hold and which are missing. Statements with conditions (exceptions for a \
security role) count as present.",
    check: |m, facts, out| {
        let scps: Vec<&PolicyAt<'_>> = facts.policies().iter().filter(|p| p.usage == PolicyUse::Scp).collect();
        if scps.is_empty() || scps.iter().any(|p| p.doc.has_unknown_statements) {
            return;
        }
        // A service control policy whose content is not known may hold the missing guardrails.
        if m.org_policies.iter().any(|o| !o.policy_type.is(|t| !t.eq_ignore_ascii_case("SERVICE_CONTROL_POLICY")) && o.document.is_unknown()) {
            return;
        }
        let denies = |action: &str| -> Option<bool> {
            let mut out = Some(false);
            for p in &scps {
                for st in p.doc.statements.iter().filter(|s| s.effect.get() != Some(&Effect::Allow)) {
                    match (st.effect.get(), st.covers_action(action)) {
                        (Some(Effect::Deny), Some(true)) => return Some(true),
                        (_, Some(false)) => {}
                        _ => out = None,
                    }
                }
            }
            out
        };
        let mut present = Vec::new();
        let mut missing = Vec::new();
        for (name, actions) in GUARDRAILS {
            let d: Vec<Option<bool>> = actions.iter().map(|a| denies(a)).collect();
            if d.iter().all(|x| *x == Some(true)) {
                present.push(*name);
            } else if d.contains(&Some(false)) {
                missing.push(*name);
            }
        }
        let region = scps.iter().any(|p| {
            p.doc.statements.iter().any(|s| {
                s.effect.get() == Some(&Effect::Deny)
                    && s.condition("aws:RequestedRegion")
                        .any(|c| c.operator.starts_with("StringNotEquals") || c.operator.starts_with("StringNotLike"))
            })
        });
        if region {
            present.push("iam-guardrail-regions");
        } else {
            missing.push("iam-guardrail-regions");
        }
        if missing.is_empty() {
            return;
        }
        let first = &scps[0];
        let span = first.owner.map(|o| o.span).unwrap_or(first.doc.span);
        let names = |ids: &[&'static str]| {
            crate::i18n::Message::join(
                &ids.iter().map(|id| crate::i18n::Message::template(id, Vec::new())).collect::<Vec<_>>(),
                ", ",
            )
        };
        let have = if present.is_empty() { msg!("iam-guardrail-none") } else { names(&present) };
        report(
            out,
            first.owner,
            span,
            msg!("iam-scp-guardrails-service-control", missing = names(&missing), have = have),
        );
    },
);

/// The guardrails an organisation's SCPs are expected to hold: (the message naming it, actions
/// denied).
const GUARDRAILS: &[(&str, &[&str])] = &[
    ("iam-guardrail-leave-organization", &["organizations:LeaveOrganization"]),
    ("iam-guardrail-cloudtrail", &["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"]),
    ("iam-guardrail-guardduty", &["guardduty:DeleteDetector", "guardduty:DisassociateFromMasterAccount"]),
    ("iam-guardrail-config", &["config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder"]),
    ("iam-guardrail-securityhub", &["securityhub:DisableSecurityHub"]),
];
