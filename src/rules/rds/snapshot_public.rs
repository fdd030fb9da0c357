//! PAL-RDS-008 `rds-snapshot-public`: RDS snapshot shared with every AWS account.

use crate::model::{Tri, kind};

rule!(RULE,
    id: "PAL-RDS-008",
    slug: "rds-snapshot-public",
    title: "RDS snapshot shared with every AWS account",
    severity: Critical,
    layer: Data,
    service: "rds",
    controls: &["DATA-14"],
    well_architected: &["SEC08-BP02", "SEC08-BP04"],
    compliance: &["isms-p:2.6.4", "pci-4.0:7.3.1", "fsbp:RDS.1"],
    resource_types: &[kind::RDS_DB_SNAPSHOT],
    remediation: "Remove `all` from `shared_accounts` and name the accounts that need the snapshot \
(for example the backup account). To share data with the public, publish an export of the data that \
is meant to be public, never a snapshot of the database.",
    description: "A manual snapshot shared with `all` is public: any AWS account can copy it, restore \
it into a database of its own and read every table, whatever the original database's network \
controls and credentials were. Encrypted snapshots cannot be shared publicly, so a public snapshot \
is also unencrypted. Public RDS snapshots are a recurring source of data breaches.",
    check: |m, _, out| {
        for s in &m.db_snapshots {
            let Tri::Known(accounts) = &s.shared_accounts.value else { continue };
            for a in accounts {
                if a.is(|v| v.eq_ignore_ascii_case("all")) {
                    out.report_field(
                        &s.meta,
                        a,
                        msg!("rds-snapshot-public-shared-all", snapshot = s.meta.id),
                    );
                }
            }
        }
    },
);
