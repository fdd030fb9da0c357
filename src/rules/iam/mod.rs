//! IAM (identity layer): policy validity, least privilege, privilege escalation, exposure
//! through trust and resource policies, and identity hygiene. Policies are evaluated with
//! the IAM engine (`crate::analyze::iam`), not matched as text.
//!
//! One rule per module (`area!` below lists them); this module holds what several of them share.

use super::Sink;
use super::common::{restricting_condition, restricting_condition_on, undecided_restriction, undecided_restriction_on};
use crate::analyze::Facts;
use crate::analyze::iam::principals::{PolicyAt, PolicyUse};
use crate::finding::Finding;
use crate::model::{Effect, ResMeta, Statement, kind};
use crate::source::Span;

pub mod admin_managed_policy;
pub mod allow_not_action;
pub mod console_user_mfa;
pub mod credential_stale;
pub mod cross_account_trust;
pub mod full_admin;
pub mod password_policy_weak;
pub mod policy_invalid;
pub mod privilege_escalation;
pub mod resource_policy_cross_account;
pub mod resource_policy_public;
pub mod root_credentials;
pub mod scp_guardrails;
pub mod service_wildcard;
pub mod trust_policy_public;
pub mod user_access_key;
pub mod user_attached_policy;
pub mod write_on_any_resource;

super::area_rules!("iam");

/// The AWS managed policies of the standard agents and service roles (the SSM agent, the
/// CloudWatch agent, Lambda's execution roles): what they grant on every resource is what
/// these agents need, so a policy that grants it is expected, not a finding.
pub const AGENT_POLICIES: &[&str] = &[
    "AmazonSSMManagedInstanceCore",
    "AmazonSSMManagedEC2InstanceDefaultPolicy",
    "CloudWatchAgentServerPolicy",
    "AWSLambdaBasicExecutionRole",
    "AWSLambdaVPCAccessExecutionRole",
];

/// The message services of the SSM agent: the agent policies grant them whole.
pub const AGENT_SERVICES: &[&str] = &["ec2messages", "ssmmessages"];

/// The catalog indexes of the actions [`AGENT_POLICIES`] allow on every resource.
pub fn agent_actions() -> &'static std::collections::HashSet<usize> {
    static SET: std::sync::OnceLock<std::collections::HashSet<usize>> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let c = crate::analyze::iam::catalog::catalog();
        let mut set = std::collections::HashSet::new();
        for name in AGENT_POLICIES {
            let Some(doc) = crate::analyze::iam::managed::by_name(name).and_then(|p| p.document()) else { continue };
            for st in doc.statements.iter().filter(|st| allow(st) && st.not_action.is_none()) {
                let every = st.resource.as_ref().is_some_and(|r| r.known().any(|(v, _)| v == "*"));
                if !every {
                    continue;
                }
                for (a, _) in st.action.iter().flat_map(|l| l.known()) {
                    set.extend(c.expand(a));
                }
            }
        }
        for svc in AGENT_SERVICES {
            set.extend(c.expand(&format!("{svc}:*")));
        }
        set
    })
}

const POLICY_TYPES: &[&str] =
    &[kind::IAM_ROLE, kind::IAM_USER, kind::IAM_GROUP, kind::IAM_POLICY, kind::IAM_MANAGED_POLICY, kind::POLICY_FILE];

/// Reports on a policy: at its owner resource, or in the policy file.
fn report<'s>(
    out: &'s mut Sink<'_>,
    owner: Option<&ResMeta>,
    span: Span,
    msg: impl Into<crate::i18n::Message>,
) -> &'s mut Finding {
    match owner {
        Some(m) => out.report(m, span, msg),
        None => out.report_at(span, msg),
    }
}

fn allow(st: &Statement) -> bool {
    st.effect.get() == Some(&Effect::Allow)
}

/// Identity policies of the model (inline, managed, policy files).
fn identity_policies<'f, 'm>(facts: &'f Facts<'m>) -> Vec<&'f PolicyAt<'m>> {
    facts.policies().iter().filter(|p| p.usage == PolicyUse::Identity).collect()
}

/// Keys that tie a trust relationship to the intended caller.
/// `sts:ExternalId`, on top of the keys that restrict any grant: an external id ties a trust
/// relationship to the third party that knows it.
const TRUST_ONLY_KEYS: &[&str] = &["sts:ExternalId"];

/// Tied to the intended caller: a restricting condition (the shared notion, see
/// [`restricting_condition`]), one whose values cannot be decided, an external id, or MFA.
fn trust_restricted(st: &Statement) -> bool {
    restricting_condition(st).is_some()
        || undecided_restriction(st)
        || restricting_condition_on(st, TRUST_ONLY_KEYS).is_some()
        || undecided_restriction_on(st, TRUST_ONLY_KEYS)
        || mfa_required(st)
}

/// `Bool: {aws:MultiFactorAuthPresent: true}` on an Allow.
fn mfa_required(st: &Statement) -> bool {
    st.conditions.iter().any(|c| {
        c.key.eq_ignore_ascii_case("aws:MultiFactorAuthPresent")
            && c.operator == "Bool"
            && c.values.known().all(|(v, _)| v.eq_ignore_ascii_case("true"))
            && !c.values.items.is_empty()
    })
}

fn trust_policies<'f, 'm>(facts: &'f Facts<'m>) -> Vec<&'f PolicyAt<'m>> {
    facts.policies().iter().filter(|p| p.usage == PolicyUse::Trust).collect()
}

/// Templates and scans the unit tests of the rules share.
#[cfg(test)]
mod testing {
    use crate::scan::{ScanOptions, scan_source};
    use crate::source::SourceFile;

    /// Messages of `rule` on a template.
    pub(super) fn messages(rule: &str, text: &str) -> Vec<String> {
        let opts = ScanOptions { select: vec![rule.to_string()], ..ScanOptions::default() };
        let r = scan_source(SourceFile::new("t.yaml", text.to_string()), &opts).unwrap();
        r.findings.iter().map(|f| f.message().into_owned()).collect()
    }

    pub(super) fn role_with(actions: &[&str]) -> String {
        let list: String = actions.iter().map(|a| format!("                  - {a}\n")).collect();
        format!(
            "Resources:
  Subject:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action:
{list}                Resource: '*'
"
        )
    }
}
