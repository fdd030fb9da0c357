//! Resources CloudFormation cannot declare, lowered from their Terraform arguments directly:
//! the account password policy, RDS snapshots and their sharing, EBS encryption by default,
//! the account-level S3 Block Public Access.

use crate::lower::cfn::convert::Props;
use crate::model::{DbSnapshot, Model, PasswordPolicy};

use super::TfResource;

/// Adds the model entries of `r` when its type is one of these.
pub fn lower(m: &mut Model, r: &TfResource) {
    let Some(meta) = m.resource(&r.address).cloned() else { return };
    let p = Props::new(Some(&r.attrs).filter(|a| a.as_map().is_some()), r.span);
    match r.rtype.as_str() {
        "aws_iam_account_password_policy" => m.password_policies.push(PasswordPolicy {
            minimum_length: p.int("minimum_password_length"),
            require_lowercase: p.boolean("require_lowercase_characters"),
            require_uppercase: p.boolean("require_uppercase_characters"),
            require_numbers: p.boolean("require_numbers"),
            require_symbols: p.boolean("require_symbols"),
            reuse_prevention: p.int("password_reuse_prevention"),
            max_age: p.int("max_password_age"),
            meta,
        }),
        "aws_db_snapshot" | "aws_db_cluster_snapshot" | "aws_db_snapshot_copy" | "aws_db_cluster_snapshot_copy" => {
            m.db_snapshots.push(DbSnapshot { shared_accounts: p.strings("shared_accounts"), meta })
        }
        "aws_ebs_encryption_by_default" => {
            // `enabled` defaults to true.
            let mut enabled = p.boolean("enabled");
            if enabled.is_absent() {
                enabled = crate::model::Field { value: crate::model::Tri::Known(true), ..enabled };
            }
            m.monitoring.ebs_encryption_by_default.push((meta, enabled))
        }
        "aws_s3_account_public_access_block" => {
            // Every setting defaults to false.
            let setting = |key: &str| {
                let f = p.boolean(key);
                if f.is_absent() { crate::model::Field { value: crate::model::Tri::Known(false), ..f } } else { f }
            };
            let block = crate::model::PublicAccessBlock {
                span: r.span,
                block_public_acls: setting("block_public_acls"),
                block_public_policy: setting("block_public_policy"),
                ignore_public_acls: setting("ignore_public_acls"),
                restrict_public_buckets: setting("restrict_public_buckets"),
            };
            m.account.s3_public_access_blocks.push((meta, block))
        }
        _ => {}
    }
}
