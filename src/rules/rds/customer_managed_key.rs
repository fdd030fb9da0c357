//! PAL-RDS-002 `rds-customer-managed-key`: RDS storage is encrypted with the AWS managed key.

use super::{DB, dbs};
use crate::model::{Link, Tri};

fn is_aws_managed_rds_key(k: &str) -> bool {
    k == "alias/aws/rds" || k.ends_with(":alias/aws/rds")
}

rule!(RULE,
    id: "PAL-RDS-002",
    slug: "rds-customer-managed-key",
    title: "RDS storage is encrypted with the AWS managed key",
    severity: Low,
    layer: Data,
    service: "rds",
    controls: &["DATA-08"],
    well_architected: &["SEC08-BP01", "SEC08-BP02"],
    compliance: &["isms-p:2.7.2", "pci-4.0:3.6.1"],
    resource_types: DB,
    remediation: "Create an `AWS::KMS::Key` with rotation enabled and a key policy limited to the \
roles that administer and use the database, and set `KmsKeyId: !Ref ThatKey` next to \
`StorageEncrypted: true`. The key of an existing database cannot be changed in place: CloudFormation \
replaces it.",
    description: "Encrypted storage without a `KmsKeyId` uses the AWS managed key `aws/rds`. Its key \
policy belongs to AWS: you cannot restrict who may use it beyond IAM, cannot disable or schedule it for \
deletion, and cannot share encrypted snapshots with another account, which blocks cross-account backup \
copies. A customer managed key gives you the key policy, the audit trail of its grants, and control over \
rotation and revocation.",
    check: |m, _, out| {
        for d in dbs(m) {
            if d.in_cluster || d.inherits_encryption {
                continue;
            }
            let encrypted = match d.serverless_v1() {
                Some(true) => !d.db.storage_encrypted.is_false(),
                Some(false) => d.db.storage_encrypted.is_true(),
                None => false,
            };
            if !encrypted {
                continue;
            }
            match &d.db.kms_key.value {
                Tri::Absent => {
                    out.report(
                        d.meta,
                        d.meta.span,
                        msg!("rds-customer-managed-key-aws", what = d.what, name = d.meta.id),
                    );
                }
                Tri::Known(Link::External(k)) if is_aws_managed_rds_key(k) => {
                    out.report_field(
                        d.meta,
                        &d.db.kms_key,
                        msg!("rds-customer-managed-key-message", what = d.what, name = d.meta.id, k = k),
                    );
                }
                _ => {}
            }
        }
    },
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aws_managed_key() {
        assert!(is_aws_managed_rds_key("alias/aws/rds"));
        assert!(is_aws_managed_rds_key("arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"));
        assert!(!is_aws_managed_rds_key("alias/my-rds-key"));
    }
}
