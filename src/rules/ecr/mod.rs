//! ECR repositories (application layer).

use crate::model::kind;

area! { scan_on_push, immutable_tags, encryption_kms }

const REPOSITORY: &[&str] = &[kind::ECR_REPOSITORY];
