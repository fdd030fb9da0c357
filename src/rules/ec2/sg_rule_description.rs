//! PAL-EC2-006 `sg-rule-description`: Security group rule has no description.

use super::{SG_TYPES, proto_ports, sg_rules};
use crate::model::Tri;
use crate::source::Span;

rule!(RULE,
    id: "PAL-EC2-006",
    slug: "sg-rule-description",
    title: "Security group rule has no description",
    severity: Info,
    layer: Network,
    service: "ec2",
    controls: &["NET-04"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.10.1", "pci-4.0:1.2.5"],
    resource_types: SG_TYPES,
    remediation: "Add a `Description` to every rule in `SecurityGroupIngress`/`SecurityGroupEgress` and \
to every `AWS::EC2::SecurityGroupIngress`/`Egress` resource, saying who or what the rule lets in or out and why \
(e.g. `HTTPS from the public load balancer`).",
    description: "A rule without a description cannot be reviewed: nobody can tell whether it is still \
needed, who asked for it, or whether its source is right, so stale and overly broad rules accumulate. The \
description is shown in the console and the API next to the rule.",
    check: |m, _, out| {
        for ctx in sg_rules(m) {
            let d = &ctx.rule.description;
            match &d.value {
                Tri::Absent => {
                    let span: Span = ctx.rule.standalone.as_ref().map(|s| s.span).unwrap_or(ctx.rule.span);
                    out.report(
                        ctx.owner,
                        span,
                        msg!("sg-rule-description-message", rule_name = ctx.rule_name(), ports = proto_ports(ctx.rule)),
                    );
                }
                Tri::Known(s) if s.trim().is_empty() => {
                    out.report_field(
                        ctx.owner,
                        d,
                        msg!("sg-rule-description-empty", rule_name = ctx.rule_name(), ports = proto_ports(ctx.rule)),
                    );
                }
                _ => {}
            }
        }
    },
);
