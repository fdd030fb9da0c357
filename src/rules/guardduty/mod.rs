//! GuardDuty detectors (monitoring layer).

area! { detector_disabled, protection_disabled }

const DETECTOR: &[&str] = &["AWS::GuardDuty::Detector"];
