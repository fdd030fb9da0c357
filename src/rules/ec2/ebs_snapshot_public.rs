//! PAL-EC2-010 `ebs-snapshot-public`: an EBS snapshot anyone can create volumes from.

use crate::model::{Tri, kind};

rule!(RULE,
    id: "PAL-EC2-010",
    slug: "ebs-snapshot-public",
    title: "EBS snapshot shared with every AWS account",
    severity: Critical,
    layer: Data,
    service: "ec2",
    controls: &["DATA-14"],
    well_architected: &["SEC08-BP04"],
    compliance: &["fsbp:EC2.1", "pci-4.0:7.3.1", "isms-p:2.6.4"],
    resource_types: &[kind::EC2_SNAPSHOT],
    remediation: "Remove the public permission (`aws ec2 modify-snapshot-attribute --snapshot-id ID \
--attribute createVolumePermission --operation-type remove --group-names all`) and share the \
snapshot with the accounts that need it by id. Turn on the Region's block public access for \
snapshots (`aws ec2 enable-snapshot-block-public-access`).",
    description: "A snapshot whose `createVolumePermission` includes the group `all` is public: any AWS \
account can create a volume from it and read the disk, files, keys and database files included. \
Public EBS snapshots are a recurring source of leaked credentials and data.",
    check: |m, _, out| {
        for s in &m.account.ebs_snapshots {
            let Tri::Known(shared) = &s.shared_with.value else { continue };
            for who in shared {
                if who.is(|v| v.eq_ignore_ascii_case("all")) {
                    out.report_field(
                        &s.meta,
                        who,
                        msg!("ebs-snapshot-public-all", snapshot = s.meta.id),
                    );
                }
            }
        }
    },
);
