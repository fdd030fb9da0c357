//! PAL-RDS-006 `rds-tls-enforced`: RDS parameter group does not enforce TLS connections.

use std::collections::BTreeMap;

use super::{Family, dbs, family};
use crate::model::kind;
use crate::model::{DbParameterGroup, Field, Link, ResMeta, Tri};

/// The major version of an engine version (`15.4` → 15, `8.0.35` → 8) or of the digits
/// that end a parameter group family (`postgres14` → 14).
fn major_version(v: &str) -> Option<u32> {
    let digits: String =
        v.trim().chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// `major.minor` of a version, for comparisons such as MariaDB 11.8.
fn major_minor(v: &str) -> Option<(u32, u32)> {
    let mut parts = v.trim().split('.');
    let major = parts.next()?.trim().parse().ok()?;
    let minor = parts.next().map(|p| p.trim().parse().ok()).unwrap_or(Some(0))?;
    Some((major, minor))
}

/// The parameter that enforces TLS for a family, and whether a value of it enforces TLS.
fn tls_parameter(f: Family) -> Option<&'static str> {
    match f {
        Family::MySql | Family::MariaDb | Family::AuroraMySql => Some("require_secure_transport"),
        Family::Postgres | Family::AuroraPostgres | Family::SqlServer => Some("rds.force_ssl"),
        Family::AuroraV1 | Family::Oracle | Family::Db2 => None,
    }
}

fn tls_value_enforces(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "on" | "true")
}

/// Does the engine's default parameter group enforce TLS? `None` when it depends on a
/// version that is not known.
fn default_group_enforces_tls(f: Family, version: &Field<String>) -> Option<bool> {
    match f {
        // RDS for PostgreSQL 15 and later defaults `rds.force_ssl` to 1; without a version
        // the instance gets the current default version, which is newer than 15.
        Family::Postgres => match &version.value {
            Tri::Absent => Some(true),
            Tri::Unknown => None,
            Tri::Known(v) => major_version(v).map(|m| m >= 15),
        },
        // RDS for MariaDB 11.8 and later defaults `require_secure_transport` to ON. The
        // default version changes over time, so an absent version is not concluded on.
        Family::MariaDb => match &version.value {
            Tri::Known(v) => major_minor(v).map(|mm| mm >= (11, 8)),
            _ => None,
        },
        Family::MySql | Family::AuroraMySql | Family::AuroraPostgres | Family::SqlServer => Some(false),
        Family::AuroraV1 | Family::Oracle | Family::Db2 => None,
    }
}

rule!(RULE,
    id: "PAL-RDS-006",
    slug: "rds-tls-enforced",
    title: "RDS parameter group does not enforce TLS connections",
    severity: Medium,
    layer: Data,
    service: "rds",
    controls: &["DATA-12"],
    well_architected: &["SEC09-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:4.2.1", "fsbp:RDS.38", "fsbp:RDS.39"],
    resource_types: &[
        kind::RDS_DB_INSTANCE,
        kind::RDS_DB_CLUSTER,
        kind::RDS_DB_PARAMETER_GROUP,
        kind::RDS_DB_CLUSTER_PARAMETER_GROUP,
    ],
    remediation: "Give the database a parameter group of its own that enforces TLS: for MySQL, \
MariaDB and Aurora MySQL `require_secure_transport: \"ON\"`; for PostgreSQL, Aurora PostgreSQL and \
SQL Server `rds.force_ssl: \"1\"`. Use `AWS::RDS::DBParameterGroup` with `DBParameterGroupName` for a \
DB instance and `AWS::RDS::DBClusterParameterGroup` with `DBClusterParameterGroupName` for a cluster.",
    description: "RDS accepts unencrypted client connections unless the engine is told to refuse \
them, and clients that merely prefer TLS silently fall back to plain text. The setting lives in the \
parameter group: `require_secure_transport` for the MySQL family, `rds.force_ssl` for PostgreSQL and \
SQL Server. Default parameter groups leave it off, except RDS for PostgreSQL 15 and later (and MariaDB \
11.8 and later), whose defaults enforce TLS. A group that is not defined in the template cannot be \
inspected and is not reported. Oracle is not covered: it encrypts connections through the SSL option \
of an option group (or native network encryption), not through a parameter.",
    check: |m, f, out| {
        // Findings on a parameter group, by group and parameter: the group is reported once,
        // with every database using it as a related location.
        type Key = (String, &'static str);
        type OnGroup<'m> = (&'m DbParameterGroup, Option<&'m Field<String>>, Vec<&'m ResMeta>);
        let mut on_groups: BTreeMap<Key, OnGroup<'_>> = BTreeMap::new();
        for d in dbs(m) {
            if d.in_cluster {
                continue;
            }
            let group = match &d.parameter_group.value {
                Tri::Known(Link::Local(id)) => match f.index().db_parameter_group(id) {
                    Some(g) => Some(g),
                    None => continue,
                },
                Tri::Known(Link::External(_)) | Tri::Unknown => continue,
                Tri::Absent => None,
            };
            let fam = match &d.db.engine.value {
                Tri::Known(e) => family(e),
                Tri::Unknown => None,
                Tri::Absent => group.and_then(|g| g.family.get()).and_then(|f| family(f)),
            };
            let Some(fam) = fam else { continue };
            let Some(param) = tls_parameter(fam) else {
                continue;
            };
            let Some(group) = group else {
                if default_group_enforces_tls(fam, &d.db.engine_version) == Some(false) {
                    let engine = d.db.engine.get().map(String::as_str).unwrap_or("engine");
                    out.report(
                        d.meta,
                        d.meta.span,
                        msg!("rds-tls-enforced-set-default", what = d.what, name = d.meta.id, parameter_group_source_name = d.parameter_group_source_name, engine = engine, param = param),
                    );
                }
                continue;
            };
            if group.parameters.is_unknown() {
                continue;
            }
            let value = group.parameter(param);
            match value {
                Some(v) if v.is(|s| !tls_value_enforces(s)) => {}
                None => {}
                Some(_) => continue,
            }
            on_groups.entry((group.meta.id.to_string(), param)).or_insert((group, value, Vec::new())).2.push(d.meta);
        }
        for ((_, param), (group, value, users)) in on_groups {
            let names: Vec<String> = users.iter().map(|u| format!("`{}`", u.id)).collect();
            let used_by = names.join(", ");
            let finding = match value {
                Some(v) => {
                    let text = v.get().map(String::as_str).unwrap_or("");
                    out.report_field(
                        &group.meta,
                        v,
                        msg!("rds-tls-enforced-parameter-group", group = group.meta.id, used_by = used_by, param = param, text = text),
                    )
                }
                None => {
                    let span = if group.parameters.is_absent() { group.meta.span } else { group.parameters.span };
                    out.report(
                        &group.meta,
                        span,
                        msg!("rds-tls-enforced-parameter-group-2", group = group.meta.id, used_by = used_by, param = param),
                    )
                }
            };
            for u in users {
                finding.with_related(u.span, msg!("rds-tls-enforced-uses-parameter", id = u.id));
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    #[test]
    fn versions() {
        assert_eq!(major_version("15.4"), Some(15));
        assert_eq!(major_version("9.6.22"), Some(9));
        assert_eq!(major_version("postgres14"), Some(14));
        assert_eq!(major_version("latest"), None);
        assert_eq!(major_minor("11.8.2"), Some((11, 8)));
        assert_eq!(major_minor("11"), Some((11, 0)));
        assert_eq!(major_minor("x"), None);
    }

    fn version(v: Option<&str>) -> Field<String> {
        match v {
            Some(v) => Field::known(v.to_string(), Span::default()),
            None => Field::absent(Span::default()),
        }
    }

    #[test]
    fn default_groups() {
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(Some("14.9"))), Some(false));
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(Some("15.4"))), Some(true));
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(None)), Some(true));
        assert_eq!(default_group_enforces_tls(Family::Postgres, &version(Some("latest"))), None);
        assert_eq!(default_group_enforces_tls(Family::MySql, &version(None)), Some(false));
        assert_eq!(default_group_enforces_tls(Family::AuroraPostgres, &version(Some("16.1"))), Some(false));
        assert_eq!(default_group_enforces_tls(Family::MariaDb, &version(Some("10.11"))), Some(false));
        assert_eq!(default_group_enforces_tls(Family::MariaDb, &version(Some("11.8"))), Some(true));
        assert_eq!(default_group_enforces_tls(Family::MariaDb, &version(None)), None);
        assert_eq!(default_group_enforces_tls(Family::Oracle, &version(None)), None);
    }

    #[test]
    fn tls_values() {
        for v in ["1", "ON", "on", "true", " 1 "] {
            assert!(tls_value_enforces(v), "{v}");
        }
        for v in ["0", "OFF", "false", ""] {
            assert!(!tls_value_enforces(v), "{v}");
        }
    }
}
