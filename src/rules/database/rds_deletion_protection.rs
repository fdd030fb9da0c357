//! PAL-DB-001 `rds-deletion-protection`: RDS database can be deleted without first turning off deletion protection.

use super::DB;
use crate::model::Tri;

rule!(RULE,
    id: "PAL-DB-001",
    slug: "rds-deletion-protection",
    title: "RDS database can be deleted without first turning off deletion protection",
    severity: Low,
    layer: Data,
    service: "rds",
    controls: &["DATA-13"],
    well_architected: &["SEC10-BP06", "SEC08-BP04"],
    compliance: &["isms-p:2.12.1", "fsbp:RDS.7", "fsbp:RDS.8"],
    resource_types: DB,
    remediation: "Set `DeletionProtection: true` on the DB instance (or on the Aurora cluster), and keep \
`DeletionPolicy: Snapshot` on the resource so that removing it from the template snapshots it first.",
    description: "Without deletion protection one API call — a mistaken stack update, a script run \
against the wrong account, or an intruder covering their tracks — deletes the database. With it, deletion \
first needs a separate, logged modification. `DeletionProtection` defaults to `false`. Aurora instances take \
the setting from their cluster. Read replicas are checked too: the setting is not inherited from the source, \
and a replica deleted by mistake takes its read traffic (or its cross-Region copy) with it.",
    check: |m, _, out| {
        for d in &m.monitoring.databases {
            if d.in_cluster {
                continue;
            }
            if matches!(d.deletion_protection.value, Tri::Absent | Tri::Known(false)) {
                out.report_field(
                    &d.meta,
                    &d.deletion_protection,
                    msg!("rds-deletion-protection-deletionprotection-true", db = super::describe(d)),
                );
            }
        }
    },
);
