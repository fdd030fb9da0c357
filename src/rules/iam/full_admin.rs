use super::{POLICY_TYPES, allow, identity_policies, report};
use crate::analyze::iam::catalog::catalog;
use crate::analyze::iam::expand::{on_every_resource, statement_actions};
use crate::finding::Severity;
use crate::model::Statement;

/// The resources a statement names, in words, when they are known and not every resource;
/// `true` with them when the statement covers every resource but those (`NotResource`).
fn named_resources(st: &Statement) -> Option<(crate::i18n::Message, bool)> {
    if let Some(l) = &st.not_resource {
        return (!l.has_unknown).then(|| (msg!("iam-full-admin-not-resource"), true));
    }
    let l = st.resource.as_ref()?;
    if l.has_unknown || l.items.is_empty() {
        return None;
    }
    let names: Vec<&str> = l.known().map(|(r, _)| r).collect();
    let shown: Vec<String> = names.iter().take(3).map(|r| format!("`{r}`")).collect();
    let text = match names.len() {
        n if n > 3 => msg!("iam-full-admin-and-more", names = shown.join(", "), count = n - 3),
        _ => crate::i18n::Message::from(shown.join(", ")),
    };
    Some((text, false))
}

rule!(
    RULE,
    id: "PAL-IAM-001",
    slug: "iam-full-admin",
    title: "IAM policy grants full administrator access",
    severity: Critical,
    layer: Identity,
    service: "iam",
    controls: &["IAM-02"],
    well_architected: &["SEC03-BP02"],
    compliance: &[
        "isms-p:2.5.5", "isms-p:2.10.2", "cis-6.0:2.15", "cis-7.0:2.14", "pci-4.0:7.2.1", "pci-4.0:7.2.2",
        "fsbp:IAM.1",
    ],
    resource_types: POLICY_TYPES,
    remediation: "Replace `Action: \"*\"` with the actions the principal needs, on the resources it \
needs them for. Start from what the workload calls (CloudTrail, IAM Access Analyzer policy generation) and \
keep administrator access to a few break-glass roles that require MFA.",
    description: "A statement that allows every action on every resource makes its principal an \
administrator of the account: it can read all data, change every control and create new credentials for \
itself. A single leaked key or a compromised workload then means a compromised account. The finding counts \
the actions the statement grants after expansion against the AWS action catalog. `Action: \"*\"` limited to \
named resources is still full administration of those resources (delete them, rewrite their resource \
policies, share or expose them): it is reported with high severity, naming the resources.",
    check: |_, facts, out| {
        for p in identity_policies(facts) {
            for st in &p.doc.statements {
                if !allow(st) || !st.conditions.is_empty() || st.condition_unknown {
                    continue;
                }
                let everywhere = on_every_resource(st).is_some();
                let total = catalog().actions.len();
                if everywhere
                    && let Some(l) = &st.not_action
                    && statement_actions(st).is_some_and(|e| e.len() == total)
                {
                    report(
                        out,
                        p.owner,
                        l.span,
                        msg!("iam-full-admin-allows-everything", label = p.label),
                    );
                }
                let Some(l) = &st.action else { continue };
                // `*`, `*:*` or any pattern that expands to every action.
                let everything =
                    |a: &str| a == "*" || (a.starts_with(['*', '?']) && catalog().expand(a).len() == total);
                let Some((pat, f)) = l.known().find(|(a, _)| everything(a)) else { continue };
                if !everywhere {
                    if let Some((on, all_but)) = named_resources(st) {
                        let f = report(
                            out,
                            p.owner,
                            f.span,
                            msg!("iam-full-admin-allows", label = p.label, pat = pat, on = on, access = if all_but {
                                    msg!("iam-full-admin-everything-else")
                                } else {
                                    msg!("iam-full-admin-those-resources")
                                }),
                        );
                        // Every resource but a few is still the account.
                        if !all_but {
                            f.severity = Severity::High;
                        }
                    }
                    continue;
                }
                report(
                    out,
                    p.owner,
                    f.span,
                    msg!("iam-full-admin-allows-resource", label = p.label, pat = pat, catalog = catalog().actions.len(), catalog2 = catalog().services.len()),
                );
            }
        }
    },
);
