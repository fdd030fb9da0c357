//! PAL-DB-005 `rds-auto-minor-upgrade-disabled`: RDS database does not take minor engine upgrades automatically.

use super::{DB, describe};

rule!(RULE,
    id: "PAL-DB-005",
    slug: "rds-auto-minor-upgrade-disabled",
    title: "RDS database does not take minor engine upgrades automatically",
    severity: Low,
    layer: Data,
    service: "rds",
    controls: &["DATA-13"],
    well_architected: &["SEC06-BP01"],
    compliance: &[
        "isms-p:2.10.8", "cis-6.0:3.2.2", "cis-7.0:3.2.2", "pci-4.0:6.3.3", "fsbp:RDS.13", "fsbp:RDS.35",
    ],
    resource_types: DB,
    remediation: "Remove `AutoMinorVersionUpgrade: false` (the default is `true`), so that RDS applies new \
minor versions in the maintenance window; or, if upgrades must be tested first, keep a documented process \
that applies them within weeks.",
    description: "Minor engine versions carry the security fixes of MySQL, PostgreSQL and the other engines. \
With `AutoMinorVersionUpgrade: false` the database stays on the version it was created with until someone \
upgrades it by hand, often long after the vulnerabilities it fixes are public. The setting defaults to `true`, \
so only an explicit `false` is reported. It belongs to each instance, Aurora instances and read replicas \
included, and to Multi-AZ DB clusters.",
    check: |m, _, out| {
        for d in &m.monitoring.databases {
            if d.auto_minor_upgrade.is_false() {
                out.report_field(
                    &d.meta,
                    &d.auto_minor_upgrade,
                    msg!("rds-auto-minor-upgrade-disabled-take-engine", db = describe(d)),
                );
            }
        }
    },
);
