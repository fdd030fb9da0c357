//! PAL-CONFIG-001 `config-recorder-partial`: AWS Config recorder does not record every resource type.

use crate::model::Tri;
use crate::model::kind;

rule!(RULE,
    id: "PAL-CONFIG-001",
    slug: "config-recorder-partial",
    title: "AWS Config recorder does not record every resource type",
    severity: Medium,
    layer: Monitoring,
    service: "config",
    controls: &["MON-05"],
    well_architected: &["SEC04-BP04", "SEC04-BP01"],
    compliance: &["isms-p:2.10.2", "cis-6.0:4.3", "cis-7.0:4.3", "pci-4.0:11.5.2", "fsbp:Config.1"],
    resource_types: &[kind::CONFIG_RECORDER],
    remediation: "Give the recorder `RecordingGroup: {AllSupported: true, IncludeGlobalResourceTypes: true}` \
(global types such as IAM users, roles and policies need to be recorded in one region), and add an \
`AWS::Config::DeliveryChannel`.",
    description: "The configuration history is what shows when a security group was opened or a bucket \
policy changed, and it is what Config rules and Security Hub controls evaluate. A recorder limited to a list of \
types, or one that leaves out global resource types, misses changes to everything else — most importantly \
IAM. A recorder without a `RecordingGroup` records all supported regional types but not the global ones.",
    check: |m, _, out| {
        for r in &m.monitoring.config_recorders {
            if r.all_supported.is_false() {
                out.report_field(
                    &r.meta,
                    &r.all_supported,
                    msg!("config-recorder-partial-records-only", recorder = r.meta.id),
                );
            } else if matches!(r.include_global.value, Tri::Absent | Tri::Known(false)) && !r.all_supported.is_unknown()
            {
                out.report_field(
                    &r.meta,
                    &r.include_global,
                    msg!("config-recorder-partial-record-global", recorder = r.meta.id),
                );
            }
        }
    },
);
