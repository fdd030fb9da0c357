//! PAL-EC2-004 `sg-ingress-all-open`: Security group allows all traffic from the internet.

use super::{Exposure, SG_TYPES, classify, reach_note, sg_rules};

rule!(RULE,
    id: "PAL-EC2-004",
    slug: "sg-ingress-all-open",
    title: "Security group allows all traffic from the internet",
    severity: Critical,
    layer: Network,
    service: "ec2",
    controls: &["NET-02", "NET-01"],
    well_architected: &["SEC05-BP02"],
    compliance: &[
        "isms-p:2.6.1", "isms-p:2.6.2", "pci-4.0:1.3.1", "pci-4.0:1.4.2", "fsbp:EC2.18", "fsbp:EC2.19",
    ],
    resource_types: SG_TYPES,
    remediation: "Remove the rule, and add one rule per service the resource really offers: the \
protocol (`tcp`/`udp`), the exact `FromPort`/`ToPort`, and the narrowest source (`SourceSecurityGroupId`, a \
prefix list or a specific CIDR).",
    description: "`IpProtocol: -1` (all protocols), a tcp/udp rule without ports or with port `-1`, or a \
range covering every port (0/1-65535) from `0.0.0.0/0` or `::/0` turns the security group off: every service \
listening on the instance, including those never meant to be reachable, is exposed to the internet.",
    check: |m, facts, out| {
        for ctx in sg_rules(m) {
            if ctx.egress {
                continue;
            }
            let Some(cidr) = ctx.rule.world_cidr() else { continue };
            if classify(ctx.rule) != Some(Exposure::AllTraffic) {
                continue;
            }
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let what = if ctx.rule.all_protocols() {
                msg!("sg-what-all-protocols")
            } else {
                msg!("sg-what-every-port", proto = ctx.rule.protocol.get().map(String::as_str).unwrap_or_default())
            };
            let f = out.report_field(
                ctx.owner,
                cidr,
                msg!("sg-ingress-all-open-allows-internet", subject = ctx.subject(), what = what, cidr_text = cidr_text),
            );
            reach_note(facts, &ctx, f);
        }
    },
);
