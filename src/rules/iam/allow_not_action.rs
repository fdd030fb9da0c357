use super::{POLICY_TYPES, allow, identity_policies, report};
use crate::analyze::iam::expand::{on_every_resource, statement_actions};

rule!(
    RULE,
    id: "PAL-IAM-002",
    slug: "iam-allow-not-action",
    title: "IAM policy allows everything except a list of actions (Allow with NotAction)",
    severity: High,
    layer: Identity,
    service: "iam",
    controls: &["IAM-02"],
    well_architected: &["SEC03-BP02"],
    compliance: &["isms-p:2.5.1", "isms-p:2.5.5", "pci-4.0:7.2.1", "pci-4.0:7.2.2"],
    resource_types: POLICY_TYPES,
    remediation: "Write the statement as an `Allow` of the actions that are needed (`Action`), not as \
an exclusion list. Use `NotAction` only with `Deny`.",
    description: "`Allow` with `NotAction` grants every action that is not listed — including every \
action of every service AWS adds later. A statement meant to exclude IAM often still grants thousands of \
actions across hundreds of services. The finding reports how many actions the statement grants today.",
    check: |_, facts, out| {
        for p in identity_policies(facts) {
            for st in &p.doc.statements {
                let (true, Some(l)) = (allow(st), &st.not_action) else { continue };
                let Some(e) = statement_actions(st) else { continue };
                let scope = if on_every_resource(st).is_some() {
                    msg!("iam-allow-not-action-every-resource")
                } else {
                    crate::i18n::Message::default()
                };
                report(
                    out,
                    p.owner,
                    l.span,
                    msg!("iam-allow-not-action-allows-everything", label = p.label, items = l.items.len(), describe = e.describe(), scope = scope),
                );
            }
        }
    },
);
