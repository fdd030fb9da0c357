use super::report;
use crate::analyze::iam::escalation::escalations;
use crate::model::kind;

rule!(
    RULE,
    id: "PAL-IAM-006",
    slug: "iam-privilege-escalation",
    title: "Principal can escalate its own privileges",
    severity: High,
    layer: Identity,
    service: "iam",
    controls: &["IAM-05"],
    well_architected: &["SEC03-BP02", "SEC03-BP05"],
    compliance: &["isms-p:2.5.5", "isms-p:2.10.2", "pci-4.0:7.2.2", "pci-4.0:7.2.5"],
    resource_types: &[kind::IAM_ROLE, kind::IAM_USER, kind::IAM_GROUP, kind::POLICY_FILE],
    remediation: "Remove the permission the method needs, or scope it: `iam:PassRole` to the specific \
role ARNs with an `iam:PassedToService` condition; IAM write actions (`CreatePolicyVersion`, `Attach*Policy`, \
`Put*Policy`, `CreateAccessKey`, ...) to resources that cannot grant more than the principal already has, or \
use a permission boundary that denies them.",
    description: "Some permissions are administrator access in disguise: with `iam:CreatePolicyVersion` \
a principal rewrites its own policy; with `iam:PassRole` and a compute service it runs code as a more \
privileged role; with `iam:CreateAccessKey` it becomes another user. Palisade evaluates every principal's \
policies (inline, managed, group memberships, permission boundary) and reports each published escalation \
method the principal is allowed on any resource, with the statements that grant it and the roles of the \
template that could be passed.",
    check: |m, facts, out| {
        for p in facts.principals() {
            for e in escalations(m, p) {
                // A user's escalation that comes only from its groups is reported on the group.
                if p.kind == "user"
                    && e.grants.iter().all(|(_, d)| {
                        d.iter().all(|s| s.policy.ends_with(')') && s.policy.contains("(through group `"))
                    })
                {
                    continue;
                }
                let span = match p.meta {
                    Some(meta) => meta.span,
                    None => e
                        .grants
                        .first()
                        .and_then(|(_, d)| d.first())
                        .map(|d| d.action.unwrap_or(d.statement))
                        .unwrap_or_default(),
                };
                let msg = msg!("iam-privilege-escalation-can-escalate", describe = p.describe(), method_name = e.method.name, how = e.method.how);
                let f = report(out, p.meta, span, msg);
                for (action, deciding) in &e.grants {
                    for d in deciding {
                        f.with_related(d.action.unwrap_or(d.statement), msg!("iam-privilege-escalation-allows", policy = d.policy, action = action));
                    }
                }
                for (role, service, span) in &e.reachable {
                    f.with_related(*span, msg!("iam-privilege-escalation-role-trusts", role = role, service = service));
                }
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, role_with};
    use crate::analyze::iam::escalation::METHODS;
    use crate::scan::{ScanOptions, scan_source};
    use crate::source::SourceFile;

    /// One template per published method: the role holding exactly the method's actions is
    /// reported for it; holding all but one, it is not.
    #[test]
    fn every_escalation_method_is_detected() {
        for m in METHODS {
            let got = messages("PAL-IAM-006", &role_with(m.actions));
            assert!(got.iter().any(|g| g.contains(&format!("with {}:", m.name))), "{}: {got:?}", m.name);
            if m.actions.len() > 1 {
                for skip in 0..m.actions.len() {
                    let partial: Vec<&str> =
                        m.actions.iter().enumerate().filter(|(i, _)| *i != skip).map(|(_, a)| *a).collect();
                    let got = messages("PAL-IAM-006", &role_with(&partial));
                    assert!(
                        !got.iter().any(|g| g.contains(&format!("with {}:", m.name))),
                        "{} reported without {}: {got:?}",
                        m.name,
                        m.actions[skip]
                    );
                }
            }
        }
    }

    #[test]
    fn escalation_respects_denies_conditions_and_boundaries() {
        let base = role_with(&["iam:CreatePolicyVersion"]);
        assert_eq!(messages("PAL-IAM-006", &base).len(), 1);
        let denied = base.replace(
            "                Resource: '*'\n",
            "                Resource: '*'\n              - Effect: Deny\n                Action: iam:*\n                Resource: '*'\n",
        );
        assert!(messages("PAL-IAM-006", &denied).is_empty());
        let conditional = base.replace(
            "                Resource: '*'\n",
            "                Resource: '*'\n                Condition:\n                  StringEquals:\n                    aws:PrincipalTag/admin: 'yes'\n",
        );
        assert!(messages("PAL-IAM-006", &conditional).is_empty(), "a condition makes it unknown");
        let bounded = base.replace("      Policies:\n", "      PermissionsBoundary: !Ref Boundary\n      Policies:\n")
            + "  Boundary:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Action: s3:*\n            Resource: '*'\n";
        assert!(messages("PAL-IAM-006", &bounded).is_empty(), "the boundary does not allow IAM");
        let external_boundary = base.replace(
            "      Policies:\n",
            "      PermissionsBoundary: arn:aws:iam::111122223333:policy/boundary\n      Policies:\n",
        );
        assert!(messages("PAL-IAM-006", &external_boundary).is_empty(), "unknown boundary: unknown");
        let admin = role_with(&["'*'"]);
        assert!(messages("PAL-IAM-006", &admin).is_empty(), "administrators are reported by PAL-IAM-001");
    }

    #[test]
    fn passable_roles_are_named() {
        let t = role_with(&["iam:PassRole", "ec2:RunInstances"])
            + "  Target:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: ec2.amazonaws.com\n            Action: sts:AssumeRole\n";
        let opts = ScanOptions { select: vec!["PAL-IAM-006".into()], ..ScanOptions::default() };
        let r = scan_source(SourceFile::new("t.yaml", t), &opts).unwrap();
        let f = r.findings.iter().find(|f| f.message.contains("ec2:RunInstances")).unwrap();
        assert!(f.related.iter().any(|r| r.message.contains("role `Target`")), "{:?}", f.related);
        assert!(f.related.iter().any(|r| r.message.contains("allows iam:PassRole")), "{:?}", f.related);
    }
}
