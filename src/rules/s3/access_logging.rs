//! PAL-S3-005 `s3-access-logging`: S3 bucket server access logging is not enabled.

use super::BUCKET;
use crate::rules::common::links_to_bucket;

rule!(RULE,
    id: "PAL-S3-005",
    slug: "s3-access-logging",
    title: "S3 bucket server access logging is not enabled",
    severity: Low,
    layer: Data,
    service: "s3",
    controls: &["DATA-04"],
    well_architected: &["SEC04-BP01"],
    resource_types: BUCKET,
    remediation: "Add `LoggingConfiguration` with a `DestinationBucketName` (a separate bucket \
reserved for logs) and a `LogFilePrefix`.",
    description: "Server access logs record every request made to the bucket: who, what, when and \
from where. They are the evidence an investigation needs when data is read or changed unexpectedly.",
    check: |m, _, out| {
        // A bucket that receives other buckets' access logs is not expected to log itself.
        let is_log_target = |b: &crate::model::S3Bucket| {
            m.buckets.iter().any(|o| o.log_destination.get().is_some_and(|l| links_to_bucket(l, b)))
        };
        for b in &m.buckets {
            if b.logging.is_absent() && !is_log_target(b) {
                out.report(
                    &b.meta,
                    b.meta.span,
                    format!("bucket `{}` does not enable server access logging", b.meta.id),
                );
            }
        }
    },
);
