//! PAL-EC2-008 `vpc-flow-logs`: VPC has no flow log.

use crate::model::Link;
use crate::model::kind;

rule!(RULE,
    id: "PAL-EC2-008",
    slug: "vpc-flow-logs",
    title: "VPC has no flow log",
    severity: Medium,
    layer: Network,
    service: "ec2",
    controls: &["NET-06"],
    well_architected: &["SEC04-BP01"],
    compliance: &[
        "isms-p:2.9.4", "isms-p:2.11.3", "cis-6.0:4.7", "cis-7.0:4.7", "pci-4.0:10.2.1", "fsbp:EC2.6",
    ],
    resource_types: &[kind::EC2_VPC, kind::EC2_FLOW_LOG],
    remediation: "Add an `AWS::EC2::FlowLog` with `ResourceType: VPC`, `ResourceId: !Ref MyVPC`, \
`TrafficType: ALL` and a destination: `LogDestinationType: s3` with a bucket ARN, or `cloud-watch-logs` with a \
`LogGroupName` and a `DeliverLogsPermissionArn`.",
    description: "VPC flow logs record every accepted and rejected connection in the VPC: source, \
destination, ports, bytes. Without them there is no record of which hosts talked to which, so scanning, lateral \
movement and data exfiltration cannot be detected or investigated afterwards. Subnet- or interface-level flow \
logs do not cover the whole VPC. A flow log whose `ResourceId` is a literal id (`vpc-...`) logs a VPC that \
already exists, not one of the template; if a flow log refers to a resource that cannot be decided (an imported \
value, a parameter without default), no VPC is reported.",
    check: |m, _, out| {
        let undecided = m.flow_logs.iter().flat_map(|f| &f.resources).any(|r| r.is_unknown());
        if undecided {
            return;
        }
        let logged_vpcs: std::collections::HashSet<&str> =
            m.flow_logs.iter().flat_map(|f| &f.resources).filter_map(|r| r.get().and_then(Link::local)).collect();
        for vpc in &m.vpcs {
            let logged = logged_vpcs.contains(vpc.meta.id.as_ref());
            if !logged {
                out.report(
                    &vpc.meta,
                    vpc.meta.span,
                    msg!("vpc-flow-logs-log-aws", vpc = vpc.meta.id),
                );
            }
        }
    },
);
