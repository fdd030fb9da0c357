//! PAL-DB-003 `rds-iam-authentication`: RDS database does not accept IAM database authentication.

use super::{DB, Family, describe, engine_family, major_minor, off};

/// Does IAM database authentication exist for this database's engine and version? `None`
/// when the engine is not written (a read replica may leave it to its source).
fn supported(d: &crate::model::DbOperations) -> Option<bool> {
    let serverless_v1 = d.engine_mode.get().is_some_and(|m| m.eq_ignore_ascii_case("serverless"));
    let custom = d.engine.get().is_some_and(|e| e.trim().to_ascii_lowercase().starts_with("custom-"));
    Some(match engine_family(d)? {
        _ if serverless_v1 || custom => false,
        // Only MariaDB 10.11 and later.
        Family::MariaDb => major_minor(d).is_none_or(|v| v >= (10, 11)),
        Family::MySql | Family::Postgres | Family::AuroraMySql | Family::AuroraV1 | Family::AuroraPostgres => true,
        Family::SqlServer | Family::Oracle | Family::Db2 => false,
    })
}

rule!(RULE,
    id: "PAL-DB-003",
    slug: "rds-iam-authentication",
    title: "RDS database does not accept IAM database authentication",
    severity: Low,
    layer: Identity,
    service: "rds",
    controls: &["DATA-13"],
    well_architected: &["SEC02-BP02", "SEC03-BP02"],
    compliance: &["isms-p:2.5.3", "isms-p:2.6.4", "fsbp:RDS.10", "fsbp:RDS.12"],
    resource_types: DB,
    remediation: "Set `EnableIAMDatabaseAuthentication: true` on the DB instance (on the DB cluster for \
Aurora), create the database users with the engine's IAM plugin or role (`AWSAuthenticationPlugin` for \
MySQL/MariaDB, `rds_iam` for PostgreSQL), and let applications connect with short-lived tokens from \
`rds:GenerateDBAuthToken`, granted per user through `rds-db:connect`.",
    description: "Without IAM database authentication every application and operator logs in with a \
long-lived database password, kept in configuration, shared between people, and valid until someone rotates \
it; a leaked one works from anywhere the network allows, and nothing in CloudTrail says who used it. With it, \
connections use 15-minute tokens issued to IAM principals, require TLS, and are granted and revoked with IAM \
policies. `EnableIAMDatabaseAuthentication` defaults to `false`. Only engines that offer it are checked: MySQL, \
PostgreSQL, MariaDB 10.11 and later, Aurora MySQL and Aurora PostgreSQL (not Aurora Serverless v1, RDS Custom, \
Oracle, SQL Server or Db2). Aurora instances take the setting from their cluster.",
    check: |m, _, out| {
        for d in &m.monitoring.databases {
            if d.in_cluster || supported(d) != Some(true) || !off(&d.iam_auth) {
                continue;
            }
            out.report_field(
                &d.meta,
                &d.iam_auth,
                msg!("rds-iam-authentication-accept-database", db = describe(d)),
            );
        }
    },
);
