//! PAL-ENC-003 `ebs-volume-encryption-unset`: EBS volume leaves its encryption to the account default.

use crate::model::{EncryptionState, Tri, kind};

rule!(RULE,
    id: "PAL-ENC-003",
    slug: "ebs-volume-encryption-unset",
    title: "EBS volume leaves its encryption to the account default",
    severity: Medium,
    layer: Data,
    service: "ec2",
    controls: &["DATA-16"],
    well_architected: &["SEC08-BP02"],
    compliance: &["isms-p:2.7.1", "pci-4.0:3.5.1"],
    resource_types: &[kind::EC2_VOLUME],
    remediation: "Set `Encrypted: true` on the volume (Terraform `encrypted = true`), with `KmsKeyId` for \
a customer-managed key, and turn on EBS encryption by default in every Region of the account \
(`aws ec2 enable-ebs-encryption-by-default`, or Terraform `aws_ebs_encryption_by_default`).",
    description: "A volume that does not say `Encrypted` is encrypted only if the account has opted in to \
EBS encryption by default in that Region, which is off for every new account. Where it is off the volume, \
its snapshots and every volume restored from them are written in clear, and a snapshot shared or made public \
by mistake exposes the data. The template cannot tell which: this is reported at a lower severity than an \
explicit `Encrypted: false` (PAL-ENC-001). Volumes created from a snapshot (which then decides), and volumes \
declared with an `aws_ebs_encryption_by_default` resource that turns the account setting on, are not \
reported.",
    check: |m, _, out| {
        // The same infrastructure turns encryption by default on (or may: undecided values count).
        if m.monitoring.ebs_encryption_by_default.iter().any(|(_, on)| !matches!(on.value, Tri::Known(false))) {
            return;
        }
        for e in &m.monitoring.encryption {
            if e.meta.model_kind == kind::EC2_VOLUME && e.state == EncryptionState::AccountDefault {
                out.report(
                    &e.meta,
                    e.span,
                    msg!("ebs-volume-encryption-unset-set-encrypted", volume = e.meta.id, source_name = e.source_name),
                );
            }
        }
    },
);
