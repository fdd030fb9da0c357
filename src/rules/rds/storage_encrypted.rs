//! PAL-RDS-001 `rds-storage-encrypted`: RDS storage is not encrypted at rest.

use super::{DB, dbs};
use crate::model::Tri;

rule!(RULE,
    id: "PAL-RDS-001",
    slug: "rds-storage-encrypted",
    title: "RDS storage is not encrypted at rest",
    severity: High,
    layer: Data,
    service: "rds",
    controls: &["DATA-08"],
    well_architected: &["SEC08-BP02"],
    compliance: &[
        "isms-p:2.7.1", "cis-6.0:3.2.1", "cis-7.0:3.2.1", "pci-4.0:3.5.1", "fsbp:RDS.3", "fsbp:RDS.27",
    ],
    resource_types: DB,
    remediation: "Set `StorageEncrypted: true` on the `AWS::RDS::DBInstance` (or on the \
`AWS::RDS::DBCluster` for Aurora and Multi-AZ DB clusters) and name a customer managed key in \
`KmsKeyId`. Encryption cannot be switched on for an existing database: CloudFormation replaces it, so \
take a snapshot and plan the migration.",
    description: "Without `StorageEncrypted: true` the database storage, its automated backups, \
snapshots and read replicas are written unencrypted; CloudFormation defaults the property to `false`. \
Setting `KmsKeyId` alone does not encrypt anything: the key is used only when `StorageEncrypted` is \
`true`. Aurora Serverless v1 clusters (`EngineMode: serverless`) are always encrypted and are not \
reported; neither are instances of a cluster (the cluster decides), read replicas and restores, which \
inherit the encryption of their source.",
    check: |m, _, out| {
        for d in dbs(m) {
            if d.in_cluster || d.inherits_encryption || d.serverless_v1() != Some(false) {
                continue;
            }
            let key_note =
                if d.db.kms_key.is_absent() { "" } else { "; its KmsKeyId is only used when StorageEncrypted is true" };
            match &d.db.storage_encrypted.value {
                Tri::Known(false) => {
                    out.report_field(
                        d.meta,
                        &d.db.storage_encrypted,
                        msg!("rds-storage-encrypted-sets-storageencrypted", what = d.what, name = d.meta.id, key_note = key_note),
                    );
                }
                Tri::Absent if d.db.kms_key.is_absent() => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        msg!("rds-storage-encrypted-set-storageencrypted", what = d.what, name = d.meta.id),
                    );
                }
                Tri::Absent => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        msg!("rds-storage-encrypted-sets-kmskeyid", what = d.what, name = d.meta.id),
                    )
                    .with_related(d.db.kms_key.span, msg!("rds-storage-encrypted-kmskeyid-used"));
                }
                _ => {}
            }
        }
    },
);
