//! CloudTrail trails (monitoring layer): coverage, integrity, encryption and delivery.

use super::Sink;
use crate::model::{Field, Model, Trail, kind};

pub mod cloudwatch_logs;
pub mod kms_encryption;
pub mod log_file_validation;
pub mod logging_off;
pub mod multi_region;

super::area_rules!("cloudtrail");

const TRAIL: &[&str] = &[kind::CLOUDTRAIL_TRAIL];

/// Reports every trail where `bad` picks a field that is off, with `what` as the message.
fn each_trail(m: &Model, out: &mut Sink<'_>, bad: impl Fn(&Trail) -> Option<(&Field<bool>, crate::i18n::Message)>) {
    for t in &m.monitoring.trails {
        if let Some((f, msg)) = bad(t) {
            out.report_field(&t.meta, f, msg);
        }
    }
}
