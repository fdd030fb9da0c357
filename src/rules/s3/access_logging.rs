//! PAL-S3-005 `s3-access-logging`: S3 bucket server access logging is not enabled.

use super::BUCKET;
use crate::model::Link;

rule!(RULE,
    id: "PAL-S3-005",
    slug: "s3-access-logging",
    title: "S3 bucket server access logging is not enabled",
    severity: Low,
    layer: Data,
    service: "s3",
    controls: &["DATA-04"],
    well_architected: &["SEC04-BP01"],
    compliance: &["isms-p:2.9.4", "pci-4.0:10.2.1", "fsbp:S3.9"],
    resource_types: BUCKET,
    remediation: "Add `LoggingConfiguration` with a `DestinationBucketName` (a separate bucket \
reserved for logs) and a `LogFilePrefix`.",
    description: "Server access logs record every request made to the bucket: who, what, when and \
from where. They are the evidence an investigation needs when data is read or changed unexpectedly.",
    check: |m, _, out| {
        // A bucket that receives other buckets' access logs is not expected to log itself.
        // The destinations, by logical id and by literal name, are collected once.
        let mut by_id = std::collections::HashSet::new();
        let mut by_name = std::collections::HashSet::new();
        for l in m.buckets.iter().filter_map(|o| o.log_destination.get()) {
            match l {
                Link::Local(id) => by_id.insert(id.as_str()),
                Link::External(name) => by_name.insert(name.as_str()),
            };
        }
        let is_log_target = |b: &crate::model::S3Bucket| {
            by_id.contains(b.meta.id.as_ref()) || b.name.get().is_some_and(|n| by_name.contains(n.as_str()))
        };
        for b in &m.buckets {
            if b.logging.is_absent() && !is_log_target(b) {
                out.report(
                    &b.meta,
                    b.meta.span,
                    msg!("s3-access-logging-bucket-enable", bucket = b.meta.id),
                );
            }
        }
    },
);
