//! Networks and compute: EC2, the classic and current load balancers, and WAF.

use aws_sdk_ec2::types as ec2;
use aws_sdk_elasticloadbalancing::types as elb_t;
use aws_sdk_elasticloadbalancingv2::types as elbv2_t;
use serde_json::Value;

use super::conv::{ToJson, merged, obj, text, to_json};
use super::{Ctx, ids};

to_json! {
    ec2::Tag => |x| { "Key" => x.key(), "Value" => x.value() }
    ec2::Vpc => |x| {
        "VpcId" => x.vpc_id(),
        "CidrBlock" => x.cidr_block(),
        "State" => text(x.state()),
        "IsDefault" => x.is_default(),
        "OwnerId" => x.owner_id(),
        "InstanceTenancy" => text(x.instance_tenancy()),
        "DhcpOptionsId" => x.dhcp_options_id(),
        "Tags" => x.tags(),
    }
    ec2::SubnetIpv6CidrBlockAssociation => |x| { "AssociationId" => x.association_id(), "Ipv6CidrBlock" => x.ipv6_cidr_block() }
    ec2::Subnet => |x| {
        "SubnetId" => x.subnet_id(),
        "SubnetArn" => x.subnet_arn(),
        "VpcId" => x.vpc_id(),
        "CidrBlock" => x.cidr_block(),
        "AvailabilityZone" => x.availability_zone(),
        "State" => text(x.state()),
        "MapPublicIpOnLaunch" => x.map_public_ip_on_launch(),
        "AssignIpv6AddressOnCreation" => x.assign_ipv6_address_on_creation(),
        "DefaultForAz" => x.default_for_az(),
        "Ipv6CidrBlockAssociationSet" => x.ipv6_cidr_block_association_set(),
        "OwnerId" => x.owner_id(),
        "Tags" => x.tags(),
    }
    ec2::Route => |x| {
        "DestinationCidrBlock" => x.destination_cidr_block(),
        "DestinationIpv6CidrBlock" => x.destination_ipv6_cidr_block(),
        "DestinationPrefixListId" => x.destination_prefix_list_id(),
        "GatewayId" => x.gateway_id(),
        "EgressOnlyInternetGatewayId" => x.egress_only_internet_gateway_id(),
        "NatGatewayId" => x.nat_gateway_id(),
        "InstanceId" => x.instance_id(),
        "NetworkInterfaceId" => x.network_interface_id(),
        "VpcPeeringConnectionId" => x.vpc_peering_connection_id(),
        "TransitGatewayId" => x.transit_gateway_id(),
        "State" => text(x.state()),
        "Origin" => text(x.origin()),
    }
    ec2::RouteTableAssociation => |x| {
        "Main" => x.main(),
        "RouteTableAssociationId" => x.route_table_association_id(),
        "RouteTableId" => x.route_table_id(),
        "SubnetId" => x.subnet_id(),
        "GatewayId" => x.gateway_id(),
    }
    ec2::RouteTable => |x| {
        "RouteTableId" => x.route_table_id(),
        "VpcId" => x.vpc_id(),
        "OwnerId" => x.owner_id(),
        "Routes" => x.routes(),
        "Associations" => x.associations(),
        "Tags" => x.tags(),
    }
    ec2::InternetGatewayAttachment => |x| { "VpcId" => x.vpc_id(), "State" => text(x.state()) }
    ec2::InternetGateway => |x| {
        "InternetGatewayId" => x.internet_gateway_id(),
        "OwnerId" => x.owner_id(),
        "Attachments" => x.attachments(),
        "Tags" => x.tags(),
    }
    ec2::EgressOnlyInternetGateway => |x| {
        "EgressOnlyInternetGatewayId" => x.egress_only_internet_gateway_id(),
        "Attachments" => x.attachments(),
        "Tags" => x.tags(),
    }
    ec2::NatGatewayAddress => |x| {
        "AllocationId" => x.allocation_id(),
        "NetworkInterfaceId" => x.network_interface_id(),
        "PrivateIp" => x.private_ip(),
        "PublicIp" => x.public_ip(),
    }
    ec2::NatGateway => |x| {
        "NatGatewayId" => x.nat_gateway_id(),
        "SubnetId" => x.subnet_id(),
        "VpcId" => x.vpc_id(),
        "State" => text(x.state()),
        "ConnectivityType" => text(x.connectivity_type()),
        "NatGatewayAddresses" => x.nat_gateway_addresses(),
        "Tags" => x.tags(),
    }
    ec2::PortRange => |x| { "From" => x.from(), "To" => x.to() }
    ec2::IcmpTypeCode => |x| { "Code" => x.code(), "Type" => x.r#type() }
    ec2::NetworkAclEntry => |x| {
        "RuleNumber" => x.rule_number(),
        "Protocol" => x.protocol(),
        "RuleAction" => text(x.rule_action()),
        "Egress" => x.egress(),
        "CidrBlock" => x.cidr_block(),
        "Ipv6CidrBlock" => x.ipv6_cidr_block(),
        "PortRange" => x.port_range(),
        "IcmpTypeCode" => x.icmp_type_code(),
    }
    ec2::NetworkAclAssociation => |x| {
        "NetworkAclAssociationId" => x.network_acl_association_id(),
        "NetworkAclId" => x.network_acl_id(),
        "SubnetId" => x.subnet_id(),
    }
    ec2::NetworkAcl => |x| {
        "NetworkAclId" => x.network_acl_id(),
        "VpcId" => x.vpc_id(),
        "IsDefault" => x.is_default(),
        "OwnerId" => x.owner_id(),
        "Entries" => x.entries(),
        "Associations" => x.associations(),
        "Tags" => x.tags(),
    }
    ec2::IpRange => |x| { "CidrIp" => x.cidr_ip(), "Description" => x.description() }
    ec2::Ipv6Range => |x| { "CidrIpv6" => x.cidr_ipv6(), "Description" => x.description() }
    ec2::UserIdGroupPair => |x| {
        "GroupId" => x.group_id(),
        "GroupName" => x.group_name(),
        "UserId" => x.user_id(),
        "VpcId" => x.vpc_id(),
        "Description" => x.description(),
    }
    ec2::PrefixListId => |x| { "PrefixListId" => x.prefix_list_id(), "Description" => x.description() }
    ec2::IpPermission => |x| {
        "IpProtocol" => x.ip_protocol(),
        "FromPort" => x.from_port(),
        "ToPort" => x.to_port(),
        "IpRanges" => x.ip_ranges(),
        "Ipv6Ranges" => x.ipv6_ranges(),
        "UserIdGroupPairs" => x.user_id_group_pairs(),
        "PrefixListIds" => x.prefix_list_ids(),
    }
    ec2::SecurityGroup => |x| {
        "GroupId" => x.group_id(),
        "GroupName" => x.group_name(),
        "Description" => x.description(),
        "VpcId" => x.vpc_id(),
        "OwnerId" => x.owner_id(),
        "SecurityGroupArn" => x.security_group_arn(),
        "IpPermissions" => x.ip_permissions(),
        "IpPermissionsEgress" => x.ip_permissions_egress(),
        "Tags" => x.tags(),
    }
    ec2::GroupIdentifier => |x| { "GroupId" => x.group_id(), "GroupName" => x.group_name() }
    ec2::NetworkInterfaceAssociation => |x| { "PublicIp" => x.public_ip(), "IpOwnerId" => x.ip_owner_id() }
    ec2::NetworkInterfaceAttachment => |x| {
        "AttachmentId" => x.attachment_id(),
        "InstanceId" => x.instance_id(),
        "InstanceOwnerId" => x.instance_owner_id(),
        "DeviceIndex" => x.device_index(),
        "Status" => text(x.status()),
    }
    ec2::NetworkInterface => |x| {
        "NetworkInterfaceId" => x.network_interface_id(),
        "InterfaceType" => text(x.interface_type()),
        "SubnetId" => x.subnet_id(),
        "VpcId" => x.vpc_id(),
        "Status" => text(x.status()),
        "Description" => x.description(),
        "PrivateIpAddress" => x.private_ip_address(),
        "Association" => x.association(),
        "Attachment" => x.attachment(),
        "Groups" => x.groups(),
        "RequesterManaged" => x.requester_managed(),
        "RequesterId" => x.requester_id(),
        "OwnerId" => x.owner_id(),
        "TagSet" => x.tag_set(),
    }
    ec2::InstanceState => |x| { "Code" => x.code(), "Name" => text(x.name()) }
    ec2::InstanceMetadataOptionsResponse => |x| {
        "State" => text(x.state()),
        "HttpTokens" => text(x.http_tokens()),
        "HttpPutResponseHopLimit" => x.http_put_response_hop_limit(),
        "HttpEndpoint" => text(x.http_endpoint()),
        "HttpProtocolIpv6" => text(x.http_protocol_ipv6()),
        "InstanceMetadataTags" => text(x.instance_metadata_tags()),
    }
    ec2::IamInstanceProfile => |x| { "Arn" => x.arn(), "Id" => x.id() }
    ec2::InstanceNetworkInterfaceAssociation => |x| { "PublicIp" => x.public_ip(), "IpOwnerId" => x.ip_owner_id() }
    ec2::InstanceNetworkInterface => |x| {
        "NetworkInterfaceId" => x.network_interface_id(),
        "SubnetId" => x.subnet_id(),
        "VpcId" => x.vpc_id(),
        "PrivateIpAddress" => x.private_ip_address(),
        "Association" => x.association(),
        "Groups" => x.groups(),
    }
    ec2::Instance => |x| {
        "InstanceId" => x.instance_id(),
        "ImageId" => x.image_id(),
        "InstanceType" => text(x.instance_type()),
        "KeyName" => x.key_name(),
        "LaunchTime" => x.launch_time(),
        "State" => x.state(),
        "SubnetId" => x.subnet_id(),
        "VpcId" => x.vpc_id(),
        "PrivateIpAddress" => x.private_ip_address(),
        "PublicIpAddress" => x.public_ip_address(),
        "SecurityGroups" => x.security_groups(),
        "IamInstanceProfile" => x.iam_instance_profile(),
        "MetadataOptions" => x.metadata_options(),
        "NetworkInterfaces" => x.network_interfaces(),
        "Tags" => x.tags(),
    }
    ec2::Reservation => |x| { "ReservationId" => x.reservation_id(), "OwnerId" => x.owner_id(), "Instances" => x.instances() }
    ec2::VolumeAttachment => |x| { "InstanceId" => x.instance_id(), "Device" => x.device(), "State" => text(x.state()) }
    ec2::Volume => |x| {
        "VolumeId" => x.volume_id(),
        "Size" => x.size(),
        "VolumeType" => text(x.volume_type()),
        "State" => text(x.state()),
        "AvailabilityZone" => x.availability_zone(),
        "Encrypted" => x.encrypted(),
        "KmsKeyId" => x.kms_key_id(),
        "SnapshotId" => x.snapshot_id(),
        "Attachments" => x.attachments(),
        "Tags" => x.tags(),
    }
    ec2::Snapshot => |x| {
        "SnapshotId" => x.snapshot_id(),
        "OwnerId" => x.owner_id(),
        "VolumeId" => x.volume_id(),
        "VolumeSize" => x.volume_size(),
        "Description" => x.description(),
        "Encrypted" => x.encrypted(),
        "KmsKeyId" => x.kms_key_id(),
        "State" => text(x.state()),
        "StartTime" => x.start_time(),
        "Tags" => x.tags(),
    }
    ec2::CreateVolumePermission => |x| { "Group" => text(x.group()), "UserId" => x.user_id() }
    ec2::FlowLog => |x| {
        "FlowLogId" => x.flow_log_id(),
        "ResourceId" => x.resource_id(),
        "TrafficType" => text(x.traffic_type()),
        "LogDestinationType" => text(x.log_destination_type()),
        "LogDestination" => x.log_destination(),
        "LogGroupName" => x.log_group_name(),
        "FlowLogStatus" => x.flow_log_status(),
        "DeliverLogsStatus" => x.deliver_logs_status(),
        "Tags" => x.tags(),
    }
    ec2::LaunchTemplate => |x| {
        "LaunchTemplateId" => x.launch_template_id(),
        "LaunchTemplateName" => x.launch_template_name(),
        "DefaultVersionNumber" => x.default_version_number(),
        "LatestVersionNumber" => x.latest_version_number(),
        "CreatedBy" => x.created_by(),
        "CreateTime" => x.create_time(),
        "Tags" => x.tags(),
    }
    ec2::LaunchTemplateIamInstanceProfileSpecification => |x| { "Arn" => x.arn(), "Name" => x.name() }
    ec2::LaunchTemplateInstanceMetadataOptions => |x| {
        "State" => text(x.state()),
        "HttpTokens" => text(x.http_tokens()),
        "HttpPutResponseHopLimit" => x.http_put_response_hop_limit(),
        "HttpEndpoint" => text(x.http_endpoint()),
        "InstanceMetadataTags" => text(x.instance_metadata_tags()),
    }
    ec2::LaunchTemplateInstanceNetworkInterfaceSpecification => |x| {
        "AssociatePublicIpAddress" => x.associate_public_ip_address(),
        "DeviceIndex" => x.device_index(),
        "SubnetId" => x.subnet_id(),
        "NetworkInterfaceId" => x.network_interface_id(),
        "Groups" => x.groups(),
        "DeleteOnTermination" => x.delete_on_termination(),
    }
    ec2::LaunchTemplateEbsBlockDevice => |x| {
        "Encrypted" => x.encrypted(),
        "KmsKeyId" => x.kms_key_id(),
        "SnapshotId" => x.snapshot_id(),
        "VolumeSize" => x.volume_size(),
        "VolumeType" => text(x.volume_type()),
        "DeleteOnTermination" => x.delete_on_termination(),
    }
    ec2::LaunchTemplateBlockDeviceMapping => |x| { "DeviceName" => x.device_name(), "Ebs" => x.ebs() }
    ec2::ResponseLaunchTemplateData => |x| {
        "ImageId" => x.image_id(),
        "InstanceType" => text(x.instance_type()),
        "KeyName" => x.key_name(),
        "IamInstanceProfile" => x.iam_instance_profile(),
        "MetadataOptions" => x.metadata_options(),
        "NetworkInterfaces" => x.network_interfaces(),
        "SecurityGroupIds" => x.security_group_ids(),
        "SecurityGroups" => x.security_groups(),
        "BlockDeviceMappings" => x.block_device_mappings(),
        "UserData" => x.user_data(),
    }
    ec2::LaunchTemplateVersion => |x| {
        "LaunchTemplateId" => x.launch_template_id(),
        "LaunchTemplateName" => x.launch_template_name(),
        "VersionNumber" => x.version_number(),
        "DefaultVersion" => x.default_version(),
        "CreateTime" => x.create_time(),
        "LaunchTemplateData" => x.launch_template_data(),
    }
}

/// Reads every page of an EC2 listing into `{key: [...]}` and keeps it.
macro_rules! listing {
    ($cx:expr, $call:literal, $key:literal, $req:expr, $items:ident) => {{
        let r = $req.into_paginator().send().try_collect().await;
        $cx.sink.keep("ec2", $call, None, &[], r, |p| merged(&p, $key, |o| o.$items()))
    }};
}

pub async fn ec2(cx: Ctx) {
    let c = aws_sdk_ec2::Client::new(&cx.cfg);
    let s = &cx.sink;
    listing!(cx, "DescribeVpcs", "Vpcs", c.describe_vpcs(), vpcs);
    listing!(cx, "DescribeSubnets", "Subnets", c.describe_subnets(), subnets);
    listing!(cx, "DescribeRouteTables", "RouteTables", c.describe_route_tables(), route_tables);
    listing!(cx, "DescribeInternetGateways", "InternetGateways", c.describe_internet_gateways(), internet_gateways);
    listing!(
        cx,
        "DescribeEgressOnlyInternetGateways",
        "EgressOnlyInternetGateways",
        c.describe_egress_only_internet_gateways(),
        egress_only_internet_gateways
    );
    listing!(cx, "DescribeNatGateways", "NatGateways", c.describe_nat_gateways(), nat_gateways);
    listing!(cx, "DescribeNetworkAcls", "NetworkAcls", c.describe_network_acls(), network_acls);
    listing!(cx, "DescribeSecurityGroups", "SecurityGroups", c.describe_security_groups(), security_groups);
    listing!(cx, "DescribeNetworkInterfaces", "NetworkInterfaces", c.describe_network_interfaces(), network_interfaces);
    listing!(cx, "DescribeInstances", "Reservations", c.describe_instances(), reservations);
    listing!(cx, "DescribeVolumes", "Volumes", c.describe_volumes(), volumes);
    listing!(cx, "DescribeFlowLogs", "FlowLogs", c.describe_flow_logs(), flow_logs);
    let r = c.get_ebs_encryption_by_default().send().await;
    s.keep("ec2", "GetEbsEncryptionByDefault", None, &[], r, |o| {
        obj! { "EbsEncryptionByDefault" => o.ebs_encryption_by_default() }
    });
    let templates =
        listing!(cx, "DescribeLaunchTemplates", "LaunchTemplates", c.describe_launch_templates(), launch_templates);
    for id in ids(templates.as_ref(), "LaunchTemplates", "LaunchTemplateId") {
        let r = c
            .describe_launch_template_versions()
            .launch_template_id(&id)
            .versions("$Default")
            .versions("$Latest")
            .send()
            .await;
        s.keep("ec2", "DescribeLaunchTemplateVersions", Some(&id), &[], r, |o| {
            obj! { "LaunchTemplateVersions" => o.launch_template_versions() }
        });
    }
    // The account's own snapshots only (`self`, and checked: an emulator may list others' too).
    let r = c.describe_snapshots().owner_ids("self").into_paginator().send().try_collect().await;
    let snapshots = s.keep("ec2", "DescribeSnapshots", None, &[], r, |p| {
        let own = p.iter().flat_map(|o| o.snapshots()).filter(|x| x.owner_id() == Some(cx.account.as_str()));
        obj! { "Snapshots" => own.filter_map(|x| x.to_json()).collect::<Vec<Value>>() }
    });
    for id in ids(snapshots.as_ref(), "Snapshots", "SnapshotId") {
        let r = c
            .describe_snapshot_attribute()
            .snapshot_id(&id)
            .attribute(ec2::SnapshotAttributeName::CreateVolumePermission)
            .send()
            .await;
        s.keep("ec2", "DescribeSnapshotAttribute", Some(&id), &[], r, |o| {
            obj! { "SnapshotId" => o.snapshot_id(), "CreateVolumePermissions" => o.create_volume_permissions() }
        });
    }
}

to_json! {
    elb_t::Instance => |x| { "InstanceId" => x.instance_id() }
    elb_t::Listener => |x| {
        "Protocol" => Some(x.protocol()),
        "LoadBalancerPort" => Some(x.load_balancer_port()),
        "InstanceProtocol" => x.instance_protocol(),
        "InstancePort" => x.instance_port(),
        "SSLCertificateId" => x.ssl_certificate_id(),
    }
    elb_t::ListenerDescription => |x| { "Listener" => x.listener(), "PolicyNames" => x.policy_names() }
    elb_t::LoadBalancerDescription => |x| {
        "LoadBalancerName" => x.load_balancer_name(),
        "DNSName" => x.dns_name(),
        "Scheme" => x.scheme(),
        "VPCId" => x.vpc_id(),
        "Subnets" => x.subnets(),
        "SecurityGroups" => x.security_groups(),
        "AvailabilityZones" => x.availability_zones(),
        "Instances" => x.instances(),
        "ListenerDescriptions" => x.listener_descriptions(),
        "CreatedTime" => x.created_time(),
    }
    elb_t::PolicyAttributeDescription => |x| { "AttributeName" => x.attribute_name(), "AttributeValue" => x.attribute_value() }
    elb_t::PolicyDescription => |x| {
        "PolicyName" => x.policy_name(),
        "PolicyTypeName" => x.policy_type_name(),
        "PolicyAttributeDescriptions" => x.policy_attribute_descriptions(),
    }
    elbv2_t::LoadBalancerState => |x| { "Code" => text(x.code()), "Reason" => x.reason() }
    elbv2_t::AvailabilityZone => |x| { "ZoneName" => x.zone_name(), "SubnetId" => x.subnet_id() }
    elbv2_t::LoadBalancer => |x| {
        "LoadBalancerArn" => x.load_balancer_arn(),
        "LoadBalancerName" => x.load_balancer_name(),
        "DNSName" => x.dns_name(),
        "Scheme" => text(x.scheme()),
        "VpcId" => x.vpc_id(),
        "State" => x.state(),
        "Type" => text(x.r#type()),
        "AvailabilityZones" => x.availability_zones(),
        "SecurityGroups" => x.security_groups(),
        "IpAddressType" => text(x.ip_address_type()),
        "CreatedTime" => x.created_time(),
    }
    elbv2_t::Certificate => |x| { "CertificateArn" => x.certificate_arn(), "IsDefault" => x.is_default() }
    elbv2_t::RedirectActionConfig => |x| {
        "Protocol" => x.protocol(),
        "Port" => x.port(),
        "Host" => x.host(),
        "Path" => x.path(),
        "StatusCode" => text(x.status_code()),
    }
    elbv2_t::Action => |x| {
        "Type" => text(x.r#type()),
        "TargetGroupArn" => x.target_group_arn(),
        "Order" => x.order(),
        "RedirectConfig" => x.redirect_config(),
    }
    elbv2_t::Listener => |x| {
        "ListenerArn" => x.listener_arn(),
        "LoadBalancerArn" => x.load_balancer_arn(),
        "Port" => x.port(),
        "Protocol" => text(x.protocol()),
        "SslPolicy" => x.ssl_policy(),
        "Certificates" => x.certificates(),
        "DefaultActions" => x.default_actions(),
    }
    elbv2_t::LoadBalancerAttribute => |x| { "Key" => x.key(), "Value" => x.value() }
}

pub async fn elb(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_elasticloadbalancing::Client::new(&cx.cfg);
    let r = c.describe_load_balancers().into_paginator().send().try_collect().await;
    let lbs = s.keep("elb", "DescribeLoadBalancers", None, &[], r, |p| {
        merged(&p, "LoadBalancerDescriptions", |o| o.load_balancer_descriptions())
    });
    for name in ids(lbs.as_ref(), "LoadBalancerDescriptions", "LoadBalancerName") {
        let r = c.describe_load_balancer_policies().load_balancer_name(&name).send().await;
        s.keep("elb", "DescribeLoadBalancerPolicies", Some(&name), &[], r, |o| {
            obj! { "PolicyDescriptions" => o.policy_descriptions() }
        });
    }
}

pub async fn elbv2(cx: Ctx) {
    let s = &cx.sink;
    let c = aws_sdk_elasticloadbalancingv2::Client::new(&cx.cfg);
    let r = c.describe_load_balancers().into_paginator().send().try_collect().await;
    let lbs =
        s.keep("elbv2", "DescribeLoadBalancers", None, &[], r, |p| merged(&p, "LoadBalancers", |o| o.load_balancers()));
    for arn in ids(lbs.as_ref(), "LoadBalancers", "LoadBalancerArn") {
        let r = c.describe_listeners().load_balancer_arn(&arn).into_paginator().send().try_collect().await;
        s.keep("elbv2", "DescribeListeners", Some(&arn), &[], r, |p| merged(&p, "Listeners", |o| o.listeners()));
        let r = c.describe_load_balancer_attributes().load_balancer_arn(&arn).send().await;
        s.keep("elbv2", "DescribeLoadBalancerAttributes", Some(&arn), &[], r, |o| {
            obj! { "Attributes" => o.attributes() }
        });
    }
}

pub async fn wafv2(cx: Ctx) {
    use aws_sdk_wafv2::types::Scope;
    let s = &cx.sink;
    let c = aws_sdk_wafv2::Client::new(&cx.cfg);
    let mut pages = Vec::new();
    let mut marker: Option<String> = None;
    let listed = loop {
        match c.list_web_acls().scope(Scope::Regional).set_next_marker(marker.clone()).send().await {
            Ok(o) => {
                let next = o.next_marker().map(str::to_string);
                let more = !o.web_acls().is_empty() && next.is_some() && next != marker && pages.len() < 1000;
                pages.push(o);
                if !more {
                    break Ok(pages);
                }
                marker = next;
            }
            Err(e) => break Err(e),
        }
    };
    let acls = s.keep("wafv2", "ListWebACLs", None, &[], listed, |p| {
        let all: Vec<Value> = p
            .iter()
            .flat_map(|o| o.web_acls())
            .map(|a| obj! { "Name" => a.name(), "Id" => a.id(), "ARN" => a.arn(), "Description" => a.description() })
            .collect();
        obj! { "WebACLs" => Some(Value::Array(all)) }
    });
    for arn in ids(acls.as_ref(), "WebACLs", "ARN") {
        let r = c.list_resources_for_web_acl().web_acl_arn(&arn).send().await;
        s.keep("wafv2", "ListResourcesForWebACL", Some(&arn), &[], r, |o| obj! { "ResourceArns" => o.resource_arns() });
    }
    // The web ACL of each application load balancer, from its side.
    let lbs = aws_sdk_elasticloadbalancingv2::Client::new(&cx.cfg);
    let Ok(pages) = lbs.describe_load_balancers().into_paginator().send().try_collect().await else { return };
    let albs = pages.iter().flat_map(|p| p.load_balancers()).filter(|l| text(l.r#type()) == Some("application"));
    for arn in albs.filter_map(|l| l.load_balancer_arn()) {
        let r = c.get_web_acl_for_resource().resource_arn(arn).send().await;
        s.keep("wafv2", "GetWebACLForResource", Some(arn), &["WAFNonexistentItemException"], r, |o| {
            obj! { "WebACL" => o.web_acl().map(|a| obj! { "Name" => Some(a.name()), "Id" => Some(a.id()), "ARN" => Some(a.arn()) }) }
        });
    }
}
