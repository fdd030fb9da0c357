//! PAL-DB-002 `rds-log-exports`: RDS database exports no logs to CloudWatch Logs.

use super::DB;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-DB-002",
    slug: "rds-log-exports",
    title: "RDS database exports no logs to CloudWatch Logs",
    severity: Low,
    layer: Monitoring,
    service: "rds",
    controls: &["DATA-13"],
    well_architected: &["SEC04-BP01"],
    compliance: &["isms-p:2.9.4", "pci-4.0:10.2.1", "fsbp:RDS.9"],
    resource_types: DB,
    remediation: "List the engine's logs in `EnableCloudwatchLogsExports`: `error`, `slowquery` and \
`audit` (with an audit plugin) for MySQL/MariaDB, `postgresql` for PostgreSQL, `audit`/`error` for Aurora \
MySQL, `alert`/`audit`/`listener`/`trace` for Oracle, `agent`/`error` for SQL Server.",
    description: "Database logs record failed logins, privilege changes and unusual queries. Kept only on \
the instance they rotate away within days and are lost with it; exported to CloudWatch Logs they are retained, \
searchable and can raise alarms. Aurora instances take the setting from their cluster. Read replicas are \
checked too: they serve queries and logins of their own, and do not inherit the source's exports.",
    check: |m, _, out| {
        for d in &m.monitoring.databases {
            if d.in_cluster {
                continue;
            }
            let none = match &d.log_exports.value {
                Tri::Absent => true,
                Tri::Known(v) => v.is_empty(),
                Tri::Unknown => false,
            };
            if none {
                out.report(&d.meta, d.log_exports.span, msg!("rds-log-exports-logs-cloudwatch", db = super::describe(d)));
            }
        }
    },
);
