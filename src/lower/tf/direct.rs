//! Resources CloudFormation cannot declare, lowered from their Terraform arguments directly:
//! the account password policy, RDS snapshots and their sharing, EBS encryption by default.

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
        _ => {}
    }
}
