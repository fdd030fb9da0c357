//! PAL-RDS-003 `rds-publicly-accessible`: RDS database is publicly accessible.

use super::{DB, dbs};

rule!(RULE,
    id: "PAL-RDS-003",
    slug: "rds-publicly-accessible",
    title: "RDS database is publicly accessible",
    severity: High,
    layer: Network,
    service: "rds",
    controls: &["DATA-09"],
    well_architected: &["SEC05-BP01"],
    compliance: &[
        "isms-p:2.6.4", "isms-p:2.6.1", "cis-6.0:3.2.3", "cis-7.0:3.2.3", "pci-4.0:1.3.1", "pci-4.0:1.4.4",
        "fsbp:RDS.2",
    ],
    resource_types: DB,
    remediation: "Remove `PubliclyAccessible: true` (or set it to `false`) and reach the database \
from inside the VPC: application tiers in private subnets, a bastion or AWS Systems Manager Session \
Manager port forwarding for administrators, and VPN or Direct Connect for on-premises clients.",
    description: "`PubliclyAccessible: true` gives the database endpoint a public IP address \
resolvable from the internet. Its security group is then the only thing between the database and \
every scanner on the internet, and a single overly broad rule exposes it. When the property is not \
set, the default depends on the subnet group (private subnets give a private endpoint), so only an \
explicit `true` is reported.",
    check: |m, _, out| {
        for d in dbs(m) {
            if d.db.publicly_accessible.is_true() {
                out.report_field(
                    d.meta,
                    &d.db.publicly_accessible,
                    msg!("rds-publicly-accessible-endpoint-gets", what = d.what, name = d.meta.id),
                );
            }
        }
    },
);
