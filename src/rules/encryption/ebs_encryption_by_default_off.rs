//! PAL-ENC-005 `ebs-encryption-by-default-off`: EBS encryption by default is off in a Region.

use crate::model::{Tri, kind};

rule!(RULE,
    id: "PAL-ENC-005",
    slug: "ebs-encryption-by-default-off",
    title: "EBS encryption by default is off",
    severity: Medium,
    layer: Data,
    service: "ec2",
    controls: &["DATA-16"],
    well_architected: &["SEC08-BP02"],
    compliance: &["cis-6.0:6.1.1", "cis-7.0:6.1.1", "fsbp:EC2.7", "pci-4.0:3.5.1", "isms-p:2.7.1"],
    resource_types: &[kind::EC2_EBS_ENCRYPTION_BY_DEFAULT],
    remediation: "Turn on EBS encryption by default in every Region the account uses \
(`aws ec2 enable-ebs-encryption-by-default --region R`, or Terraform \
`aws_ebs_encryption_by_default` with `enabled = true`), optionally with a customer-managed key \
(`aws ec2 modify-ebs-default-kms-key-id`).",
    description: "With encryption by default on, every new volume and snapshot copy in the Region is \
encrypted, whoever creates it and however. Off, which is the default of every new account, a \
volume is written in clear unless its creator asks for encryption, and its snapshots can then be \
shared or made public with the data readable.",
    check: |m, _, out| {
        for (meta, enabled) in &m.monitoring.ebs_encryption_by_default {
            if let Tri::Known(false) = enabled.value {
                out.report_field(meta, enabled, msg!("ebs-encryption-by-default-off-region", id = meta.id));
            }
        }
    },
);
