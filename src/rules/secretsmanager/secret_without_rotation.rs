//! PAL-SECRETSMANAGER-001 `secret-without-rotation`: Secrets Manager secret is never rotated.

use crate::model::Link;
use crate::model::kind;

rule!(RULE,
    id: "PAL-SECRETSMANAGER-001",
    slug: "secret-without-rotation",
    title: "Secrets Manager secret is never rotated",
    severity: Medium,
    layer: Data,
    service: "secretsmanager",
    controls: &["DATA-17"],
    well_architected: &["SEC02-BP03"],
    compliance: &["isms-p:2.5.4", "pci-4.0:8.3.9", "pci-4.0:8.6.3", "fsbp:SecretsManager.1"],
    resource_types: &[kind::SECRETSMANAGER_SECRET, kind::SECRETSMANAGER_ROTATION_SCHEDULE],
    remediation: "Add an `AWS::SecretsManager::RotationSchedule` with `SecretId: !Ref TheSecret`, a \
`RotationLambdaARN` (or `HostedRotationLambda` for RDS, Redshift and DocumentDB credentials) and \
`RotationRules: {ScheduleExpression: rate(30 days)}`. For RDS master passwords, `ManageMasterUserPassword: true` \
lets RDS rotate them for you.",
    description: "A credential that never changes stays valid for as long as it is leaked: in a log, a \
laptop, a former employee's notes. Rotation limits that window and proves that the applications read the \
secret from Secrets Manager instead of keeping copies. The rule looks for a rotation schedule in the same \
template; schedules whose secret cannot be decided silence it.",
    check: |m, _, out| {
        let mon = &m.monitoring;
        if mon.rotation_schedules.iter().any(|s| s.is_unknown()) {
            return;
        }
        for s in &mon.secrets {
            let rotated = mon.rotation_schedules.iter().any(|r| r.get() == Some(&Link::Local(s.id.to_string())));
            if !rotated {
                out.report(s, s.span, msg!("secret-without-rotation-schedule-template", secret = s.id));
            }
        }
    },
);
