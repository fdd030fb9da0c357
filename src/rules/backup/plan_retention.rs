//! PAL-BACKUP-001 `backup-plan-retention`: Backup plan rule keeps recovery points less than a week or has no lifecycle.

use crate::model::kind;

/// Recovery points kept fewer days than this are too short-lived to recover from an incident
/// noticed late.
pub const MIN_DAYS: i64 = 7;

rule!(RULE,
    id: "PAL-BACKUP-001",
    slug: "backup-plan-retention",
    title: "Backup plan rule keeps recovery points less than a week or has no lifecycle",
    severity: Low,
    layer: Data,
    service: "backup",
    controls: &["MON-07"],
    well_architected: &["SEC10-BP06", "SEC04-BP01"],
    compliance: &["isms-p:2.9.3", "isms-p:2.12.1"],
    resource_types: &[kind::BACKUP_PLAN],
    remediation: "Give every `BackupPlanRule` a `Lifecycle` with `DeleteAfterDays` of at least 7 (the \
example in the guide keeps daily backups 30 days and copies 90 days), and a `CopyActions` entry to a vault in \
another account or region for ransomware-resistant recovery.",
    description: "Backups are the last line of recovery after ransomware, a destructive intruder or a \
mistaken deletion. Recovery points deleted after a few days are gone before most incidents are noticed; a rule \
without a lifecycle keeps points forever, with no written retention decision and growing cost, so it is also \
reported.",
    check: |m, _, out| {
        for p in &m.monitoring.backup_plans {
            for r in p.rules.get().map(Vec::as_slice).unwrap_or_default() {
                let name = r.name.get().map(String::as_str).unwrap_or("a rule");
                if !r.lifecycle {
                    out.report(&p.meta, r.span, msg!("backup-plan-retention-lifecycle", plan = p.meta.id, name = name));
                } else if let Some(&d) = r.delete_after_days.get()
                    && d < MIN_DAYS
                {
                    out.report_field(
                        &p.meta,
                        &r.delete_after_days,
                        msg!("backup-plan-retention-deletes-recovery", plan = p.meta.id, name = name, d = d),
                    );
                }
            }
        }
    },
);
