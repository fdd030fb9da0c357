//! PAL-EC2-001 `sg-ingress-admin-ports-open`: Security group allows SSH or RDP from the internet.

use super::{Exposure, SG_TYPES, report_exposure};

rule!(RULE,
    id: "PAL-EC2-001",
    slug: "sg-ingress-admin-ports-open",
    title: "Security group allows SSH or RDP from the internet",
    severity: High,
    layer: Network,
    service: "ec2",
    controls: &["NET-01"],
    well_architected: &["SEC05-BP02"],
    compliance: &[
        "isms-p:2.6.1", "isms-p:2.6.2", "isms-p:2.6.6", "cis-6.0:6.3", "cis-7.0:6.3", "cis-6.0:6.4",
        "cis-7.0:6.4", "pci-4.0:1.3.1", "pci-4.0:1.4.2", "fsbp:EC2.13", "fsbp:EC2.14", "fsbp:EC2.19",
    ],
    resource_types: SG_TYPES,
    remediation: "Replace `CidrIp: 0.0.0.0/0` (or `CidrIpv6: ::/0`) on ports 22/3389 with the CIDR of your \
administration network or VPN, or with `SourceSecurityGroupId` of a bastion group. Better, remove the rule and \
reach instances through AWS Systems Manager Session Manager, which needs no inbound port at all.",
    description: "SSH (22) and RDP (3389) give an interactive shell or desktop on the instance. Open to \
`0.0.0.0/0` or `::/0`, they are found by internet-wide scanners within minutes and then face constant password \
guessing and exploitation of any unpatched vulnerability in the daemon. The rule reports any world-open tcp/udp \
rule whose port range includes 22 or 3389 (rules that open every port are reported by PAL-EC2-004 instead).",
    check: |m, facts, out| {
        report_exposure(m, facts, out, |c| match c {
            Exposure::Admin(names) => Some(names.clone()),
            _ => None,
        })
    },
);
