//! S3 buckets and bucket policies (data layer).

use crate::model::kind;

pub mod access_logging;
pub mod account_public_access_block;
pub mod default_encryption;
pub mod deny_insecure_transport;
pub mod encryption_sse_kms;
pub mod noncurrent_version_expiration;
pub mod public_access_block;
pub mod public_acl;
pub mod public_bucket_policy;
pub mod versioning;

super::area_rules!("s3");

const BUCKET: &[&str] = &[kind::S3_BUCKET];
