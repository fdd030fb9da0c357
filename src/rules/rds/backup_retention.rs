//! PAL-RDS-005 `rds-backup-retention`: RDS automated backups are disabled or kept less than 7 days.

use super::{DB, dbs};
use crate::model::Tri;

/// The retention the rule asks for (the AWS security guide's value).
const MIN_BACKUP_DAYS: i64 = 7;

rule!(RULE,
    id: "PAL-RDS-005",
    slug: "rds-backup-retention",
    title: "RDS automated backups are disabled or kept less than 7 days",
    severity: Medium,
    layer: Data,
    service: "rds",
    controls: &["DATA-11"],
    well_architected: &["SEC10-BP03"],
    compliance: &["isms-p:2.9.3", "isms-p:2.12.1", "fsbp:RDS.11"],
    resource_types: DB,
    remediation: "Set `BackupRetentionPeriod` to at least `7` (up to `35`) on the DB instance, or on \
the DB cluster for Aurora and Multi-AZ DB clusters. For longer retention, copy snapshots with AWS \
Backup, ideally to another account.",
    description: "Automated backups give point-in-time recovery: after a destructive change, \
ransomware or a compromised credential you can restore the database to a moment before the \
incident, and investigate a copy of it. `BackupRetentionPeriod: 0` disables them; CloudFormation's \
default is 1 day, often too short to notice an incident before the clean state is gone. The AWS \
security guide keeps 7 days. Instances of a cluster are not reported: the cluster holds the backups. A read \
replica keeps no backups unless `BackupRetentionPeriod` is set on it (its source holds them): a replica is \
reported only when it sets a retention shorter than 7 days, which is what it keeps once promoted.",
    check: |m, _, out| {
        for d in dbs(m) {
            if d.in_cluster {
                continue;
            }
            let f = &d.db.backup_retention;
            if d.replica {
                if let Tri::Known(n @ 1..MIN_BACKUP_DAYS) = &f.value {
                    out.report_field(
                        d.meta,
                        f,
                        msg!("rds-backup-retention-read-replica", replica = d.meta.id, n = n, min_backup_days = MIN_BACKUP_DAYS),
                    );
                }
                continue;
            }
            match &f.value {
                Tri::Known(0) => {
                    out.report_field(
                        d.meta,
                        f,
                        msg!("rds-backup-retention-sets-backupretentionperiod", what = d.what, name = d.meta.id),
                    );
                }
                Tri::Known(n) if *n < MIN_BACKUP_DAYS => {
                    out.report_field(
                        d.meta,
                        f,
                        msg!("rds-backup-retention-keeps-automated", what = d.what, name = d.meta.id, n = n, min_backup_days = MIN_BACKUP_DAYS),
                    );
                }
                Tri::Absent => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        msg!("rds-backup-retention-set-backupretentionperiod", what = d.what, name = d.meta.id, min_backup_days = MIN_BACKUP_DAYS),
                    );
                }
                _ => {}
            }
        }
    },
);
