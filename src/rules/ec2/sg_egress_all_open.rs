//! PAL-EC2-005 `sg-egress-all-open`: Security group explicitly allows all outbound traffic to the internet.

use super::{SG_TYPES, sg_rules};

rule!(RULE,
    id: "PAL-EC2-005",
    slug: "sg-egress-all-open",
    title: "Security group explicitly allows all outbound traffic to the internet",
    severity: Low,
    layer: Network,
    service: "ec2",
    controls: &["NET-03"],
    well_architected: &["SEC05-BP02"],
    compliance: &["isms-p:2.6.1", "isms-p:2.6.7", "pci-4.0:1.3.2"],
    resource_types: SG_TYPES,
    remediation: "Replace the allow-all egress rule with rules for the destinations the workload needs: \
`DestinationPrefixListId` for S3/DynamoDB gateway endpoints, `DestinationSecurityGroupId` for interface VPC \
endpoints and databases, and specific CIDRs and ports (e.g. tcp 443 to a proxy) for anything else.",
    description: "An egress rule with all protocols (or every port) to `0.0.0.0/0` or `::/0` lets a \
compromised instance send data anywhere and reach any command-and-control server; narrow egress is one of the \
few controls that still helps after an intrusion. Groups that declare no `SecurityGroupEgress` at all get the \
same allow-all rule from AWS by default; they are not reported, because only an explicit rule is a decision \
written in the template (and many templates leave egress to a central firewall).",
    check: |m, _, out| {
        for ctx in sg_rules(m) {
            if !ctx.egress || !ctx.rule.opens_all_ports() {
                continue;
            }
            let Some(cidr) = ctx.rule.world_cidr() else { continue };
            let cidr_text = cidr.get().map(String::as_str).unwrap_or_default();
            let what = if ctx.rule.all_protocols() {
                msg!("sg-what-all-outbound")
            } else {
                msg!("sg-what-every-outbound-port", proto = ctx.rule.protocol.get().map(String::as_str).unwrap_or_default())
            };
            out.report_field(
                ctx.owner,
                cidr,
                msg!("sg-egress-all-open-allows-anywhere", subject = ctx.subject(), what = what, cidr_text = cidr_text),
            );
        }
    },
);
