//! PAL-DB-004 `rds-single-az`: RDS DB instance runs in a single Availability Zone.

use super::{Family, describe, engine_family, off};
use crate::model::kind;

/// SQL Server Express and Web editions cannot run Multi-AZ; RDS Custom is left aside.
fn offers_multi_az(d: &crate::model::DbOperations) -> bool {
    let Some(engine) = d.engine.get().map(|e| e.trim().to_ascii_lowercase()) else { return false };
    if engine.starts_with("custom-") || engine == "sqlserver-ex" || engine == "sqlserver-web" {
        return false;
    }
    matches!(
        engine_family(d),
        Some(Family::MySql | Family::MariaDb | Family::Postgres | Family::Oracle | Family::SqlServer | Family::Db2)
    )
}

rule!(RULE,
    id: "PAL-DB-004",
    slug: "rds-single-az",
    title: "RDS DB instance runs in a single Availability Zone",
    severity: Low,
    layer: Data,
    service: "rds",
    controls: &["DATA-13"],
    well_architected: &["SEC10-BP06"],
    compliance: &["isms-p:2.12.1", "cis-6.0:3.2.4", "cis-7.0:3.2.4", "fsbp:RDS.5"],
    resource_types: &[kind::RDS_DB_INSTANCE],
    remediation: "Set `MultiAZ: true` on production DB instances (Terraform `multi_az = true`), or run the \
database as a Multi-AZ DB cluster or on Aurora with a replica in another Availability Zone.",
    description: "A Single-AZ DB instance is unavailable while its Availability Zone is impaired, while its \
host is replaced, and during most maintenance; recovering it means restoring a backup and losing the writes \
since the last one. A Multi-AZ deployment keeps a synchronous standby in another zone and fails over \
automatically. `MultiAZ` defaults to `false`. Aurora instances (their cluster's storage spans three zones and \
any instance can take over), read replicas, SQL Server Express and Web editions (which cannot run Multi-AZ) \
and RDS Custom are not reported. Non-production databases may reasonably stay Single-AZ: suppress the \
finding for them.",
    check: |m, _, out| {
        for d in &m.monitoring.databases {
            if d.meta.model_kind != kind::RDS_DB_INSTANCE || d.in_cluster || d.replica || !offers_multi_az(d) {
                continue;
            }
            if off(&d.multi_az) {
                out.report_field(
                    &d.meta,
                    &d.multi_az,
                    msg!("rds-single-az-runs-availability", db = describe(d)),
                );
            }
        }
    },
);
