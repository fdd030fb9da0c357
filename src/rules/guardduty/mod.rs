//! GuardDuty detectors (monitoring layer).

use crate::model::kind;

pub mod detector_disabled;
pub mod protection_disabled;

super::area_rules!("guardduty");

const DETECTOR: &[&str] = &[kind::GUARDDUTY_DETECTOR];
