//! EC2 networking and compute of each region: VPCs, subnets, route tables (with the main
//! table's implicit associations made explicit), internet gateways, network ACLs, security
//! groups, instances and volumes.

use super::{Ctx, PropsBuilder, bool_val, list_val, node_val, str_val};
use crate::model::Val;
use crate::value::Node;

/// The `Describe*` calls whose items are named by an id, the id's key, and the ARN's resource
/// type.
const LISTS: &[(&str, &str, &str, &str)] = &[
    ("DescribeVpcs", "Vpcs", "VpcId", "vpc"),
    ("DescribeSubnets", "Subnets", "SubnetId", "subnet"),
    ("DescribeRouteTables", "RouteTables", "RouteTableId", "route-table"),
    ("DescribeInternetGateways", "InternetGateways", "InternetGatewayId", "internet-gateway"),
    ("DescribeNetworkAcls", "NetworkAcls", "NetworkAclId", "network-acl"),
    ("DescribeSecurityGroups", "SecurityGroups", "GroupId", "security-group"),
    ("DescribeVolumes", "Volumes", "VolumeId", "volume"),
    ("DescribeNetworkInterfaces", "NetworkInterfaces", "NetworkInterfaceId", "network-interface"),
    ("DescribeNatGateways", "NatGateways", "NatGatewayId", "natgateway"),
    (
        "DescribeEgressOnlyInternetGateways",
        "EgressOnlyInternetGateways",
        "EgressOnlyInternetGatewayId",
        "egress-only-internet-gateway",
    ),
    ("DescribeLaunchTemplates", "LaunchTemplates", "LaunchTemplateId", "launch-template"),
];

pub fn index_ids(cx: &mut Ctx<'_>) {
    for (region, rn) in cx.regions() {
        for &(call, key, id_key, arn_type) in LISTS {
            let Some(d) = cx.regional(rn, region, "ec2", call).data() else { continue };
            for item in cx.list(d, key) {
                if let Some(id) = item.get(id_key).and_then(Node::as_str) {
                    let arn = cx.arn("ec2", region, &format!("{arn_type}/{id}"));
                    cx.ids.insert(id.to_string(), arn);
                }
            }
        }
        for inst in instances(cx, rn, region) {
            if let Some(id) = inst.get("InstanceId").and_then(Node::as_str) {
                let arn = cx.arn("ec2", region, &format!("instance/{id}"));
                cx.ids.insert(id.to_string(), arn);
            }
        }
    }
}

fn instances<'a>(cx: &mut Ctx<'a>, rn: &'a Node, region: &str) -> Vec<&'a Node> {
    let Some(d) = cx.regional(rn, region, "ec2", "DescribeInstances").data() else { return Vec::new() };
    let mut out = Vec::new();
    for r in cx.list(d, "Reservations") {
        out.extend(cx.list(r, "Instances"));
    }
    out
}

/// The ARN of an id of the snapshot.
fn arn_of(cx: &Ctx<'_>, item: &Node, key: &str) -> Option<String> {
    cx.ids.get(item.get(key)?.as_str()?).cloned()
}

pub fn shape<'a>(cx: &mut Ctx<'a>) {
    for (region, rn) in cx.regions() {
        let items = |cx: &mut Ctx<'a>, call: &str, key: &str| items(cx, rn, region, call, key);
        for v in items(cx, "DescribeVpcs", "Vpcs") {
            let Some(arn) = arn_of(cx, v, "VpcId") else { continue };
            let props = PropsBuilder::new(v.span).copy("CidrBlock", v, "CidrBlock").build();
            cx.add(arn, "AWS::EC2::VPC", v, props);
        }
        let subnets = items(cx, "DescribeSubnets", "Subnets");
        for s in &subnets {
            let Some(arn) = arn_of(cx, s, "SubnetId") else { continue };
            let mut b = PropsBuilder::new(s.span);
            b.copy("CidrBlock", s, "CidrBlock").copy("MapPublicIpOnLaunch", s, "MapPublicIpOnLaunch");
            link(cx, &mut b, "VpcId", s, "VpcId");
            cx.add(arn, "AWS::EC2::Subnet", s, b.build());
        }
        let tables = items(cx, "DescribeRouteTables", "RouteTables");
        route_tables(cx, &tables, &subnets);
        for g in items(cx, "DescribeInternetGateways", "InternetGateways") {
            let Some(arn) = arn_of(cx, g, "InternetGatewayId") else { continue };
            cx.add(arn.clone(), "AWS::EC2::InternetGateway", g, PropsBuilder::new(g.span).build());
            for (i, a) in cx.list(g, "Attachments").iter().enumerate() {
                let mut b = PropsBuilder::new(a.span);
                link(cx, &mut b, "VpcId", a, "VpcId");
                b.val("InternetGatewayId", cx.link(g.get("InternetGatewayId").unwrap_or(g)));
                cx.add(format!("{arn}/attachment[{i}]"), "AWS::EC2::VPCGatewayAttachment", a, b.build());
            }
        }
        for acl in items(cx, "DescribeNetworkAcls", "NetworkAcls") {
            network_acl(cx, acl);
        }
        for g in items(cx, "DescribeSecurityGroups", "SecurityGroups") {
            security_group(cx, g);
        }
        for inst in instances(cx, rn, region) {
            instance(cx, inst);
        }
        for v in items(cx, "DescribeVolumes", "Volumes") {
            let Some(arn) = arn_of(cx, v, "VolumeId") else { continue };
            let mut b = PropsBuilder::new(v.span);
            b.copy("Encrypted", v, "Encrypted").copy("KmsKeyId", v, "KmsKeyId").copy("SnapshotId", v, "SnapshotId");
            cx.add(arn, "AWS::EC2::Volume", v, b.build());
        }
        for n in items(cx, "DescribeNetworkInterfaces", "NetworkInterfaces") {
            network_interface(cx, n);
        }
        for g in items(cx, "DescribeNatGateways", "NatGateways") {
            // A deleted gateway carries nothing.
            if g.get("State").and_then(Node::as_str).is_some_and(|s| s == "deleted" || s == "failed") {
                continue;
            }
            let Some(arn) = arn_of(cx, g, "NatGatewayId") else { continue };
            let mut b = PropsBuilder::new(g.span);
            link(cx, &mut b, "SubnetId", g, "SubnetId");
            b.copy("ConnectivityType", g, "ConnectivityType");
            cx.add(arn, "AWS::EC2::NatGateway", g, b.build());
        }
        for g in items(cx, "DescribeEgressOnlyInternetGateways", "EgressOnlyInternetGateways") {
            let Some(arn) = arn_of(cx, g, "EgressOnlyInternetGatewayId") else { continue };
            let mut b = PropsBuilder::new(g.span);
            if let Some(a) = cx.list(g, "Attachments").first() {
                link(cx, &mut b, "VpcId", a, "VpcId");
            }
            cx.add(arn, "AWS::EC2::EgressOnlyInternetGateway", g, b.build());
        }
        let versions = rn.get("ec2").and_then(|e| e.get("DescribeLaunchTemplateVersions"));
        for t in items(cx, "DescribeLaunchTemplates", "LaunchTemplates") {
            launch_template(cx, region, versions, t);
        }
    }
}

/// A network interface: its subnet, its groups, and the public address associated with it.
fn network_interface(cx: &mut Ctx<'_>, n: &Node) {
    let Some(arn) = arn_of(cx, n, "NetworkInterfaceId") else { return };
    let mut b = PropsBuilder::new(n.span);
    link(cx, &mut b, "SubnetId", n, "SubnetId");
    let groups: Vec<Val> = cx.list(n, "Groups").iter().filter_map(|g| g.get("GroupId")).map(|g| cx.link(g)).collect();
    b.val("GroupSet", list_val(groups, n.get("Groups").map(|g| g.span).unwrap_or(n.span)));
    b.copy("Description", n, "Description").copy("InterfaceType", n, "InterfaceType");
    cx.add(arn.clone(), "AWS::EC2::NetworkInterface", n, b.build());
    // A public address (an Elastic IP or one AWS assigned) makes the interface reachable from
    // the internet as an Elastic IP association would.
    if let Some(ip) = n.get("Association").and_then(|a| a.get("PublicIp")).filter(|p| !p.is_null()) {
        let mut eb = PropsBuilder::new(ip.span);
        eb.val("NetworkInterfaceId", cx.link(n.get("NetworkInterfaceId").unwrap_or(n)));
        eb.val("PublicIp", node_val(ip));
        cx.add(format!("{arn}/association"), "AWS::EC2::EIPAssociation", ip, eb.build());
    }
}

/// A launch template in its default version (`DescribeLaunchTemplateVersions` keyed by
/// launch template id); its data is unknown when that version is not in the snapshot.
fn launch_template<'a>(cx: &mut Ctx<'a>, region: &str, versions: Option<&'a Node>, t: &'a Node) {
    let (Some(arn), Some(id)) = (arn_of(cx, t, "LaunchTemplateId"), t.get("LaunchTemplateId").and_then(Node::as_str))
    else {
        return;
    };
    let default = t.get("DefaultVersionNumber").and_then(|v| v.scalar_text()).map(|v| v.into_owned());
    let answer = cx.per_resource(versions, "ec2", Some(region), "DescribeLaunchTemplateVersions", id);
    let mut b = PropsBuilder::new(t.span);
    b.copy("LaunchTemplateName", t, "LaunchTemplateName");
    let data = match &answer {
        super::Answer::Data(d) => {
            let list = cx.list(d, "LaunchTemplateVersions");
            list.iter()
                .find(|v| v.get("DefaultVersion").and_then(|b| b.scalar_text()).as_deref() == Some("true"))
                .or_else(|| {
                    list.iter().find(|v| {
                        default.is_some()
                            && v.get("VersionNumber").and_then(|n| n.scalar_text()).map(|n| n.into_owned()) == default
                    })
                })
                .and_then(|v| v.get("LaunchTemplateData"))
        }
        _ => None,
    };
    match data {
        Some(d) => {
            b.val("LaunchTemplateData", launch_template_data(cx, d));
        }
        None => {
            let span = match &answer {
                super::Answer::Failed(span) => *span,
                _ => t.span,
            };
            b.val(
                "LaunchTemplateData",
                Val::unknown("the default version of the launch template is not in the snapshot", span),
            );
        }
    }
    cx.add(arn, "AWS::EC2::LaunchTemplate", t, b.build());
}

/// A launch template's data with its ids linked to the snapshot's resources.
fn launch_template_data(cx: &Ctx<'_>, d: &Node) -> Val {
    let mut b = PropsBuilder::new(d.span);
    for key in ["MetadataOptions", "ImageId", "InstanceType", "BlockDeviceMappings", "IamInstanceProfile"] {
        b.copy(key, d, key);
    }
    if let Some(groups) = d.get("SecurityGroupIds").and_then(Node::as_seq) {
        let items = groups.iter().map(|g| cx.link(g)).collect();
        b.val("SecurityGroupIds", list_val(items, d.get("SecurityGroupIds").map(|g| g.span).unwrap_or(d.span)));
    }
    if let Some(nics) = d.get("NetworkInterfaces").and_then(Node::as_seq) {
        let items = nics
            .iter()
            .map(|n| {
                let mut nb = PropsBuilder::new(n.span);
                nb.copy("DeviceIndex", n, "DeviceIndex").copy(
                    "AssociatePublicIpAddress",
                    n,
                    "AssociatePublicIpAddress",
                );
                link(cx, &mut nb, "SubnetId", n, "SubnetId");
                link(cx, &mut nb, "NetworkInterfaceId", n, "NetworkInterfaceId");
                if let Some(groups) = n.get("Groups").and_then(Node::as_seq) {
                    let gs = groups.iter().map(|g| cx.link(g)).collect();
                    nb.val("Groups", list_val(gs, n.get("Groups").map(|g| g.span).unwrap_or(n.span)));
                }
                nb.build()
            })
            .collect();
        b.val("NetworkInterfaces", list_val(items, d.get("NetworkInterfaces").map(|g| g.span).unwrap_or(d.span)));
    }
    b.build()
}

/// The items of a region's `Describe*` answer.
fn items<'a>(cx: &mut Ctx<'a>, rn: &'a Node, region: &str, call: &str, key: &str) -> Vec<&'a Node> {
    match cx.regional(rn, region, "ec2", call).data() {
        Some(d) => cx.list(d, key).iter().collect(),
        None => Vec::new(),
    }
}

/// Sets `key` to a link made of the response's `from`.
fn link(cx: &Ctx<'_>, b: &mut PropsBuilder, key: &str, src: &Node, from: &str) {
    if let Some(n) = src.get(from).filter(|n| !n.is_null()) {
        b.val(key, cx.link(n));
    }
}

fn route_tables(cx: &mut Ctx<'_>, tables: &[&Node], subnets: &[&Node]) {
    let mut associated: Vec<String> = Vec::new();
    let mut main_of_vpc: Vec<(String, String, &Node)> = Vec::new();
    for t in tables {
        let Some(arn) = arn_of(cx, t, "RouteTableId") else { continue };
        let routes: Vec<Val> = cx
            .list(t, "Routes")
            .iter()
            // The VPC's own local route carries no traffic out of it.
            .filter(|r| r.get("GatewayId").and_then(Node::as_str) != Some("local"))
            .map(|r| {
                let mut b = PropsBuilder::new(r.span);
                b.copy("DestinationCidrBlock", r, "DestinationCidrBlock")
                    .copy("DestinationIpv6CidrBlock", r, "DestinationIpv6CidrBlock")
                    .copy("DestinationPrefixListId", r, "DestinationPrefixListId");
                for key in [
                    "GatewayId",
                    "EgressOnlyInternetGatewayId",
                    "NatGatewayId",
                    "InstanceId",
                    "NetworkInterfaceId",
                    "VpcPeeringConnectionId",
                    "TransitGatewayId",
                ] {
                    link(cx, &mut b, key, r, key);
                }
                b.build()
            })
            .collect();
        let mut b = PropsBuilder::new(t.span);
        link(cx, &mut b, "VpcId", t, "VpcId");
        b.val("Routes", list_val(routes, t.span));
        cx.add(arn.clone(), "AWS::EC2::RouteTable", t, b.build());
        for (i, a) in cx.list(t, "Associations").iter().enumerate() {
            if a.get("Main").and_then(|m| m.scalar_text()).as_deref() == Some("true") {
                if let Some(vpc) = t.get("VpcId").and_then(Node::as_str) {
                    main_of_vpc.push((vpc.to_string(), arn.clone(), a));
                }
                continue;
            }
            let Some(subnet) = a.get("SubnetId") else { continue };
            associated.extend(subnet.as_str().map(str::to_string));
            let mut ab = PropsBuilder::new(a.span);
            ab.val("SubnetId", cx.link(subnet));
            ab.val("RouteTableId", cx.link(t.get("RouteTableId").unwrap_or(t)));
            cx.add(format!("{arn}/association[{i}]"), "AWS::EC2::SubnetRouteTableAssociation", a, ab.build());
        }
    }
    // A subnet without an association of its own uses its VPC's main table.
    for s in subnets {
        let (Some(id), Some(vpc)) = (s.get("SubnetId").and_then(Node::as_str), s.get("VpcId").and_then(Node::as_str))
        else {
            continue;
        };
        if associated.iter().any(|a| a == id) {
            continue;
        }
        let Some((_, table, at)) = main_of_vpc.iter().find(|(v, _, _)| v == vpc) else { continue };
        let mut ab = PropsBuilder::new(at.span);
        ab.val("SubnetId", cx.link(s.get("SubnetId").unwrap_or(s)));
        ab.val(
            "RouteTableId",
            Val::new(crate::model::VKind::Ref(crate::model::RefTarget { id: table.clone(), attr: None }), at.span),
        );
        cx.add(format!("{table}/main-association/{id}"), "AWS::EC2::SubnetRouteTableAssociation", at, ab.build());
    }
}

fn network_acl(cx: &mut Ctx<'_>, acl: &Node) {
    let Some(arn) = arn_of(cx, acl, "NetworkAclId") else { return };
    let mut b = PropsBuilder::new(acl.span);
    link(cx, &mut b, "VpcId", acl, "VpcId");
    cx.add(arn.clone(), "AWS::EC2::NetworkAcl", acl, b.build());
    let acl_ref = acl.get("NetworkAclId").unwrap_or(acl);
    for (i, e) in cx.list(acl, "Entries").iter().enumerate() {
        let mut eb = PropsBuilder::new(e.span);
        eb.val("NetworkAclId", cx.link(acl_ref));
        for key in ["RuleNumber", "Protocol", "RuleAction", "Egress", "CidrBlock", "Ipv6CidrBlock", "PortRange"] {
            eb.copy(key, e, key);
        }
        cx.add(format!("{arn}/entry[{i}]"), "AWS::EC2::NetworkAclEntry", e, eb.build());
    }
    for (i, a) in cx.list(acl, "Associations").iter().enumerate() {
        let Some(subnet) = a.get("SubnetId") else { continue };
        let mut ab = PropsBuilder::new(a.span);
        ab.val("SubnetId", cx.link(subnet));
        ab.val("NetworkAclId", cx.link(acl_ref));
        cx.add(format!("{arn}/association[{i}]"), "AWS::EC2::SubnetNetworkAclAssociation", a, ab.build());
    }
}

fn security_group(cx: &mut Ctx<'_>, g: &Node) {
    let Some(arn) = arn_of(cx, g, "GroupId") else { return };
    let mut b = PropsBuilder::new(g.span);
    b.copy("GroupDescription", g, "Description").copy("GroupName", g, "GroupName");
    link(cx, &mut b, "VpcId", g, "VpcId");
    for (key, from, egress) in
        [("SecurityGroupIngress", "IpPermissions", false), ("SecurityGroupEgress", "IpPermissionsEgress", true)]
    {
        let mut rules = Vec::new();
        for perm in cx.list(g, from) {
            sg_rules(cx, perm, egress, &mut rules);
        }
        b.val(key, list_val(rules, g.get(from).map(|n| n.span).unwrap_or(g.span)));
    }
    cx.add(arn, "AWS::EC2::SecurityGroup", g, b.build());
}

/// One CloudFormation rule per source of an `IpPermissions` item.
fn sg_rules(cx: &mut Ctx<'_>, perm: &Node, egress: bool, out: &mut Vec<Val>) {
    let base = |n: &Node| {
        let mut b = PropsBuilder::new(n.span);
        b.copy("IpProtocol", perm, "IpProtocol").copy("FromPort", perm, "FromPort").copy("ToPort", perm, "ToPort");
        b
    };
    let (group_key, prefix_key) = if egress {
        ("DestinationSecurityGroupId", "DestinationPrefixListId")
    } else {
        ("SourceSecurityGroupId", "SourcePrefixListId")
    };
    let sources: [(&str, &str, &str); 4] = [
        ("IpRanges", "CidrIp", "CidrIp"),
        ("Ipv6Ranges", "CidrIpv6", "CidrIpv6"),
        ("UserIdGroupPairs", "GroupId", group_key),
        ("PrefixListIds", "PrefixListId", prefix_key),
    ];
    for (list, from, to) in sources {
        for r in cx.list(perm, list) {
            let mut b = base(r);
            match r.get(from) {
                Some(v) if from == "GroupId" => b.val(to, cx.link(v)),
                Some(v) => b.val(to, node_val(v)),
                None => continue,
            };
            b.copy("Description", r, "Description");
            out.push(b.build());
        }
    }
}

fn instance(cx: &mut Ctx<'_>, inst: &Node) {
    let Some(arn) = arn_of(cx, inst, "InstanceId") else { return };
    if inst.get("State").and_then(|s| s.get("Name")).and_then(Node::as_str) == Some("terminated") {
        return;
    }
    let groups: Vec<Val> =
        cx.list(inst, "SecurityGroups").iter().filter_map(|g| g.get("GroupId")).map(|g| cx.link(g)).collect();
    let mut nic = PropsBuilder::new(inst.span);
    nic.val("DeviceIndex", Val::new(crate::model::VKind::Num("0".into()), inst.span));
    link(cx, &mut nic, "SubnetId", inst, "SubnetId");
    let public = inst.get("PublicIpAddress").filter(|p| !p.is_null());
    nic.val("AssociatePublicIpAddress", bool_val(public.is_some(), public.map(|p| p.span).unwrap_or(inst.span)));
    nic.val("GroupSet", list_val(groups, inst.get("SecurityGroups").map(|n| n.span).unwrap_or(inst.span)));
    let mut b = PropsBuilder::new(inst.span);
    b.val("NetworkInterfaces", list_val(vec![nic.build()], inst.span));
    b.copy("MetadataOptions", inst, "MetadataOptions").copy("ImageId", inst, "ImageId");
    if let Some(p) = inst.get("IamInstanceProfile").and_then(|p| p.get("Arn")) {
        b.val("IamInstanceProfile", node_val(p));
    }
    if let Some(t) = inst.get("InstanceType") {
        b.val("InstanceType", str_val(t.as_str().unwrap_or_default(), t.span));
    }
    cx.add(arn, "AWS::EC2::Instance", inst, b.build());
}
