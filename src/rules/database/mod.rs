//! Operational safety of RDS databases: deletion protection (data layer) and log exports
//! (monitoring layer).

use super::{Builtin, StaticMeta};
use crate::finding::{Layer, Severity};
use crate::model::Tri;
use crate::model::kind;

/// The rules of this area.
pub static RULES: &[&Builtin] = &[&DELETION_PROTECTION, &LOG_EXPORTS];

const DB: &[&str] = &[kind::RDS_DB_INSTANCE, kind::RDS_DB_CLUSTER];

pub static DELETION_PROTECTION: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-DB-001",
        slug: "rds-deletion-protection",
        title: "RDS database can be deleted without first turning off deletion protection",
        severity: Severity::Low,
        layer: Layer::Data,
        service: "rds",
        well_architected: &["SEC10-BP06", "SEC08-BP04"],
        controls: &["DATA-13"],
        resource_types: DB,
        remediation: "Set `DeletionProtection: true` on the DB instance (or on the Aurora cluster), and keep \
`DeletionPolicy: Snapshot` on the resource so that removing it from the template snapshots it first.",
        description: "Without deletion protection one API call — a mistaken stack update, a script run \
against the wrong account, or an intruder covering their tracks — deletes the database. With it, deletion \
first needs a separate, logged modification. `DeletionProtection` defaults to `false`. Aurora instances take \
the setting from their cluster and read replicas are not checked.",
    },
    check: |m, _, out| {
        for d in &m.monitoring.databases {
            if d.in_cluster || d.replica {
                continue;
            }
            if matches!(d.deletion_protection.value, Tri::Absent | Tri::Known(false)) {
                out.report_field(
                    &d.meta,
                    &d.deletion_protection,
                    format!("`{}` has no deletion protection (DeletionProtection is not true)", d.meta.id),
                );
            }
        }
    },
};

pub static LOG_EXPORTS: Builtin = Builtin {
    meta: StaticMeta {
        id: "PAL-DB-002",
        slug: "rds-log-exports",
        title: "RDS database exports no logs to CloudWatch Logs",
        severity: Severity::Low,
        layer: Layer::Monitoring,
        service: "rds",
        well_architected: &["SEC04-BP01"],
        controls: &["DATA-13"],
        resource_types: DB,
        remediation: "List the engine's logs in `EnableCloudwatchLogsExports`: `error`, `slowquery` and \
`audit` (with an audit plugin) for MySQL/MariaDB, `postgresql` for PostgreSQL, `audit`/`error` for Aurora \
MySQL, `alert`/`audit`/`listener`/`trace` for Oracle, `agent`/`error` for SQL Server.",
        description: "Database logs record failed logins, privilege changes and unusual queries. Kept only on \
the instance they rotate away within days and are lost with it; exported to CloudWatch Logs they are retained, \
searchable and can raise alarms. Aurora instances take the setting from their cluster and read replicas are \
not checked.",
    },
    check: |m, _, out| {
        for d in &m.monitoring.databases {
            if d.in_cluster || d.replica {
                continue;
            }
            let none = match &d.log_exports.value {
                Tri::Absent => true,
                Tri::Known(v) => v.is_empty(),
                Tri::Unknown => false,
            };
            if none {
                out.report(&d.meta, d.log_exports.span, format!("`{}` exports no logs to CloudWatch Logs", d.meta.id));
            }
        }
    },
};
