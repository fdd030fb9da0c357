//! GuardDuty detectors (monitoring layer).

use crate::model::kind;

area! { detector_disabled, protection_disabled }

const DETECTOR: &[&str] = &[kind::GUARDDUTY_DETECTOR];
