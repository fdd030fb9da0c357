use super::report;
use crate::analyze::iam::escalation::{Analysis, Resolved};
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
    description: concat!(
        "Some permissions are administrator access in disguise: with `iam:CreatePolicyVersion` \
a principal rewrites its own policy; with `iam:PassRole` and a compute service it runs code as a more \
privileged role; with `iam:CreateAccessKey` it becomes another user. Palisade evaluates every principal's \
policies (inline, managed, AWS managed, group memberships, permission boundary) and reports each published \
escalation method the principal can perform, judged with the roles, users, groups and policies of the scan: \
`iam:PassRole` escalates with a role that trusts the method's service (under `iam:PassedToService`) and is \
more privileged than the principal (administrator, or holding permissions it lacks), or with any role when the \
grant reaches roles outside the scan (a role of the template named by reference, `!GetAtt Role.Arn` or \
`aws_iam_role.r.arn`, is that role); policy writes escalate on the principal itself (including through \
`${aws:username}`), its groups, a policy attached to it, or a role it can then assume; new credentials for \
another user, a rewritten trust policy, `sts:AssumeRole` or a group membership escalate towards a more \
privileged principal. A grant under a condition (MFA, source address) is reported with the condition. \
Passing only harmless roles, writing a policy attached to nobody, keys for itself, an explicit `Deny` or a \
permissions boundary without the actions are not escalations. When a principal can perform several methods \
of which one needs a subset of the other's permissions, the narrower one is reported and the wider ones are \
listed with it; the methods that run code in existing resources (functions, instances, builds, notebooks, \
...) are reported together.",
        include_str!("../../../data/escalation-methods.md")
    ),
    check: |m, facts, out| {
        let principals = facts.principals();
        let resolved = Resolved::new(m);
        let analysis = Analysis::new(m, principals, &resolved);
        for (i, p) in principals.iter().enumerate() {
            for e in analysis.escalations(i) {
                // A user's escalation that comes only from its groups is reported on the group.
                if p.kind == "user"
                    && e.grants.iter().all(|(_, d)| {
                        d.iter().all(|s| {
                            matches!(s.policy, crate::i18n::Message::Template { id: "iam-label-through-group", .. })
                        })
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
                let mut msg = msg!(
                    "iam-privilege-escalation-escalates",
                    describe = p.describe(),
                    method = e.method.id,
                    name = e.method.name(),
                    target = e.target,
                    grants = e.method.gives()
                );
                if !e.conditions.is_empty() {
                    msg.push(msg!(
                        "iam-privilege-escalation-conditions",
                        conditions = crate::i18n::Message::join(&e.conditions, ", ")
                    ));
                }
                if !e.also.is_empty() {
                    let ids: Vec<&str> = e.also.iter().map(|m| m.id).collect();
                    msg.push(msg!("iam-privilege-escalation-also", methods = ids.join(", ")));
                }
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
    use crate::scan::{ScanOptions, scan_source};
    use crate::source::SourceFile;

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
        let got = messages("PAL-IAM-006", &conditional);
        assert!(got.len() == 1 && got[0].contains("when `StringEquals aws:PrincipalTag/admin yes`"), "{got:?}");
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
            + "  Target:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: ec2.amazonaws.com\n            Action: sts:AssumeRole\n      ManagedPolicyArns:\n        - arn:aws:iam::aws:policy/AmazonS3FullAccess\n";
        let opts = ScanOptions { select: vec!["PAL-IAM-006".into()], ..ScanOptions::default() };
        let r = scan_source(SourceFile::new("t.yaml", t), &opts).unwrap();
        let f = r.findings.iter().find(|f| f.message().contains("ec2:RunInstances")).unwrap();
        assert!(f.related.iter().any(|r| r.message.contains("role `Target`")), "{:?}", f.related);
        assert!(f.related.iter().any(|r| r.message.contains("allows iam:PassRole")), "{:?}", f.related);
    }
}
