//! CloudTrail trails (monitoring layer): coverage, integrity, encryption and delivery.

use super::Sink;
use crate::model::{Field, Model, Trail, kind};

area! { multi_region, log_file_validation, kms_encryption, cloudwatch_logs, logging_off }

const TRAIL: &[&str] = &[kind::CLOUDTRAIL_TRAIL];

/// Reports every trail where `bad` picks a field that is off, with `what` as the message.
fn each_trail(m: &Model, out: &mut Sink<'_>, bad: impl Fn(&Trail) -> Option<(&Field<bool>, String)>) {
    for t in &m.monitoring.trails {
        if let Some((f, msg)) = bad(t) {
            out.report_field(&t.meta, f, msg);
        }
    }
}
