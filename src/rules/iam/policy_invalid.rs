use super::{allow, report};
use crate::analyze::iam::arn::check_arn;
use crate::analyze::iam::catalog::catalog;
use crate::analyze::iam::condition::parse_operator;
use crate::analyze::iam::principals::{PolicyAt, PolicyUse};
use crate::finding::Severity;
use crate::i18n::Message;
use crate::model::Tri;
use crate::model::kind;
use crate::rules::Sink;

rule!(
    RULE,
    id: "PAL-IAM-014",
    slug: "iam-policy-invalid",
    title: "IAM policy document is not valid",
    severity: Medium,
    layer: Identity,
    service: "iam",
    controls: &["IAM-14"],
    well_architected: &["SEC03-BP02"],
    compliance: &[],
    resource_types: &[
        kind::IAM_ROLE,
        kind::IAM_USER,
        kind::IAM_GROUP,
        kind::IAM_POLICY,
        kind::IAM_MANAGED_POLICY,
        kind::S3_BUCKET_POLICY,
        kind::KMS_KEY,
        kind::SQS_QUEUE_POLICY,
        kind::SNS_TOPIC_POLICY,
        kind::ORGANIZATIONS_POLICY,
        kind::POLICY_FILE,
    ],
    remediation: "Fix the reported element: use `Version: \"2012-10-17\"`; spell actions as in the AWS \
Service Authorization Reference (the message suggests the closest names); write ARNs as \
`arn:partition:service:region:account:resource`; use a documented condition operator; grant actions that \
support no resource-level permissions on `Resource: \"*\"`.",
    description: "A misspelt action is not an error for AWS: the statement silently grants or denies \
nothing, so a `Deny` that was meant to protect something does not, and a workload fails in production \
instead of in review. Palisade checks every action against the AWS action catalog (445 services, 20,455 \
actions), and checks ARNs, condition operators and the `Version`. Without `2012-10-17` policy variables \
such as `${aws:username}` are not substituted: a missing `Version` is only reported as info unless the \
policy uses variables (medium; high when a `Deny` uses them).",
    check: |_, facts, out| {
        for p in facts.policies() {
            validate(p, out);
        }
    },
);

fn validate(p: &PolicyAt<'_>, out: &mut Sink<'_>) {
    let c = catalog();
    // Without `2012-10-17` AWS reads the document with the 2008-10-17 language, which differs
    // only in policy variables: they stay literal text. Harmless without them; with them an
    // `Allow` grants the literal path (the workload fails closed), a `Deny` protects nothing.
    let variables = policy_variables(p);
    let old_language = match &p.doc.version.value {
        Tri::Absent => Some((p.doc.span, msg!("iam-policy-invalid-no-version", label = p.label))),
        Tri::Known(v) if v == "2008-10-17" => {
            Some((p.doc.version.span, msg!("iam-policy-invalid-old-version", label = p.label)))
        }
        Tri::Known(v) if v != "2012-10-17" => {
            report(out, p.owner, p.doc.version.span, msg!("iam-policy-invalid-language-version", v = v));
            None
        }
        _ => None,
    };
    if let Some((span, what)) = old_language {
        match variables {
            None => {
                report(out, p.owner, span, msg!("iam-policy-invalid-language-differs", what = what)).severity =
                    Severity::Info;
            }
            Some((var, deny)) => {
                let guard = if deny { msg!("iam-policy-invalid-deny-guard") } else { crate::i18n::Message::default() };
                report(
                    out,
                    p.owner,
                    span,
                    msg!("iam-policy-invalid-variable-substituted", what = what, var = var, guard = guard),
                )
                .severity = if deny { Severity::High } else { Severity::Medium };
            }
        }
    }
    for st in &p.doc.statements {
        if let Some((e, span)) = &st.effect_text
            && e != "Allow"
            && e != "Deny"
        {
            report(out, p.owner, *span, msg!("iam-policy-invalid-allowdeny-case", e = e));
        }
        for (k, span) in &st.unknown_elements {
            let hint = crate::model::STATEMENT_ELEMENTS
                .iter()
                .map(|e| (strsim::levenshtein(&k.to_ascii_lowercase(), &e.to_ascii_lowercase()), e))
                .filter(|(d, _)| *d <= 2)
                .min()
                .map(|(_, e)| msg!("iam-policy-invalid-did-you", e = e))
                .unwrap_or_default();
            report(out, p.owner, *span, msg!("iam-policy-invalid-statement-element", k = k, hint = hint));
        }
        if st.action.is_none() && st.not_action.is_none() {
            report(out, p.owner, st.span, msg!("iam-policy-invalid-statement-needs-2"));
        }
        let has_principal = st.principal.is_some() || st.not_principal.is_some();
        let has_resource = st.resource.is_some() || st.not_resource.is_some();
        match p.usage {
            PolicyUse::Identity if has_principal => {
                report(out, p.owner, st.span, msg!("iam-policy-invalid-identity-cannot"));
            }
            PolicyUse::Identity if !has_resource => {
                report(out, p.owner, st.span, msg!("iam-policy-invalid-statement-identity"));
            }
            PolicyUse::Resource | PolicyUse::Trust if !has_principal => {
                report(
                    out,
                    p.owner,
                    st.span,
                    msg!(
                        "iam-policy-invalid-statement-needs",
                        usage = if p.usage == PolicyUse::Trust { "trust policy" } else { "resource policy" }
                    ),
                );
            }
            _ => {}
        }
        if st.action.is_some() && st.not_action.is_some() {
            report(out, p.owner, st.span, msg!("iam-policy-invalid-statement-cannot"));
        }
        if st.resource.is_some() && st.not_resource.is_some() {
            report(out, p.owner, st.span, msg!("iam-policy-invalid-statement-cannot-2"));
        }
        let mut literal_actions = Vec::new();
        for l in [&st.action, &st.not_action].into_iter().flatten() {
            for (a, f) in l.known() {
                if a == "*" {
                    continue;
                }
                let Some((svc, name)) = a.split_once(':') else {
                    report(out, p.owner, f.span, msg!("iam-policy-invalid-service-action", a = a));
                    continue;
                };
                if svc.contains(['*', '?']) {
                    if c.expand(a).is_empty() {
                        report(out, p.owner, f.span, msg!("iam-policy-invalid-matches-aws", a = a));
                    }
                    continue;
                }
                let Some(s) = c.service(svc) else {
                    let hint = c.suggest_service(svc);
                    let hint = if hint.is_empty() {
                        Message::default()
                    } else {
                        msg!("iam-policy-invalid-did-you-2", quote = quote(&hint))
                    };
                    report(
                        out,
                        p.owner,
                        f.span,
                        msg!("iam-policy-invalid-unknown-service", svc = svc, a = a, hint = hint),
                    );
                    continue;
                };
                if name.contains(['*', '?']) {
                    if c.expand(a).is_empty() {
                        report(out, p.owner, f.span, msg!("iam-policy-invalid-matches-action", a = a, s_name = s.name));
                    }
                    continue;
                }
                match c.action(a) {
                    Some(act) => literal_actions.push((act, f.span)),
                    None => {
                        let hint = c.suggest_action(s, name);
                        let hint = if hint.is_empty() {
                            Message::default()
                        } else {
                            msg!(
                                "iam-policy-invalid-did-you-3",
                                quote = quote(&hint.iter().map(String::as_str).collect::<Vec<_>>())
                            )
                        };
                        report(
                            out,
                            p.owner,
                            f.span,
                            msg!("iam-policy-invalid-unknown-action", a = a, s_name = s.name, name = name, hint = hint),
                        );
                    }
                }
            }
        }
        for l in [&st.resource, &st.not_resource].into_iter().flatten() {
            for (r, f) in l.known() {
                if (r.starts_with("arn:") || (r.contains(':') && p.usage == PolicyUse::Identity))
                    && let Err(e) = check_arn(r)
                {
                    report(out, p.owner, f.span, msg!("iam-policy-invalid-malformed-arn", r = r, e = e));
                }
            }
        }
        // Actions without resource-level permissions never match a specific resource.
        if allow(st)
            && let Some(res) = &st.resource
            && !res.has_unknown
            && !res.items.is_empty()
            && res.known().all(|(r, _)| r != "*")
        {
            for (act, span) in &literal_actions {
                if act.resources.is_empty() {
                    report(out, p.owner, *span, msg!("iam-policy-invalid-resource", full_name = c.full_name(act)));
                }
            }
        }
        for cond in &st.conditions {
            if let Err(e) = parse_operator(&cond.operator) {
                report(out, p.owner, cond.span, e);
            }
        }
    }
}

fn quote(items: &[&str]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(" or ")
}

/// The first policy variable (`${aws:username}`) the document's resources or conditions use,
/// and whether a `Deny` statement uses one.
fn policy_variables(p: &PolicyAt<'_>) -> Option<(String, bool)> {
    let mut found: Option<(String, bool)> = None;
    for st in &p.doc.statements {
        let deny = st.effect.get() == Some(&crate::model::Effect::Deny);
        let lists =
            [&st.resource, &st.not_resource].into_iter().flatten().chain(st.conditions.iter().map(|c| &c.values));
        for list in lists {
            for (text, _) in list.known() {
                if let Some(start) = text.find("${")
                    && let Some(len) = text[start..].find('}')
                {
                    let var = text[start..start + len + 1].to_string();
                    match &mut found {
                        None => found = Some((var, deny)),
                        Some((_, d)) => *d |= deny,
                    }
                }
            }
        }
    }
    found
}
