//! Lowering of the resources the reachability analysis needs beyond the core network model:
//! instances, launch templates, auto scaling groups, addresses, load balancers, clusters and
//! data services that sit in subnets, and the less common network pieces.

use super::convert::Props;
use crate::model::*;

/// Does [`lower`] model resources of this type?
pub fn handles(kind: &str) -> bool {
    matches!(
        kind,
        "AWS::EC2::Instance"
            | "AWS::EC2::LaunchTemplate"
            | "AWS::EC2::NetworkInterface"
            | "AWS::AutoScaling::AutoScalingGroup"
            | "AWS::EC2::EIP"
            | "AWS::EC2::EIPAssociation"
            | "AWS::ElasticLoadBalancingV2::LoadBalancer"
            | "AWS::ElasticLoadBalancing::LoadBalancer"
            | "AWS::ElasticLoadBalancingV2::Listener"
            | "AWS::ElasticLoadBalancingV2::TargetGroup"
            | "AWS::Lambda::Function"
            | "AWS::ElastiCache::CacheCluster"
            | "AWS::ElastiCache::ReplicationGroup"
            | "AWS::ElastiCache::SubnetGroup"
            | "AWS::OpenSearchService::Domain"
            | "AWS::Elasticsearch::Domain"
            | "AWS::Redshift::Cluster"
            | "AWS::Redshift::ClusterSubnetGroup"
            | "AWS::EC2::VPCCidrBlock"
            | "AWS::EC2::EgressOnlyInternetGateway"
            | "AWS::EC2::VPCEndpoint"
            | "AWS::EC2::VPCPeeringConnection"
            | "AWS::EC2::TransitGateway"
            | "AWS::EC2::TransitGatewayAttachment"
            | "AWS::EC2::PrefixList"
    )
}

/// Adds one resource of a type [`handles`] accepts to the model.
pub fn lower(m: &mut Model, meta: ResMeta, ty: &str, p: &Props<'_>) {
    match ty {
        "AWS::EC2::Instance" => m.instances.push(Ec2Instance {
            subnet: p.link("SubnetId"),
            security_groups: groups(p, "SecurityGroupIds", "SecurityGroups"),
            network_interfaces: p.list_of("NetworkInterfaces", interface),
            launch_template: launch_template(p),
            instance_type: p.string("InstanceType"),
            meta,
        }),
        "AWS::EC2::LaunchTemplate" => {
            let d = p.sub("LaunchTemplateData");
            let (security_groups, network_interfaces, instance_type) = match &d {
                Some(d) => (
                    groups(d, "SecurityGroupIds", "SecurityGroups"),
                    d.list_of("NetworkInterfaces", interface),
                    d.string("InstanceType"),
                ),
                None => {
                    (Field::absent(meta.props_span), Field::absent(meta.props_span), Field::absent(meta.props_span))
                }
            };
            m.launch_templates.push(LaunchTemplate { security_groups, network_interfaces, instance_type, meta });
        }
        "AWS::EC2::NetworkInterface" => m.network_interfaces.push(NetworkInterface {
            subnet: p.link("SubnetId"),
            security_groups: p.links("GroupSet"),
            meta,
        }),
        "AWS::AutoScaling::AutoScalingGroup" => m.autoscaling_groups.push(AutoScalingGroup {
            subnets: p.links("VPCZoneIdentifier"),
            launch_template: launch_template(p),
            target_groups: p.links("TargetGroupARNs"),
            load_balancers: p.links("LoadBalancerNames"),
            meta,
        }),
        "AWS::EC2::EIP" | "AWS::EC2::EIPAssociation" => {
            let instance = if p.val("InstanceId").is_some() { p.link("InstanceId") } else { p.link("InstanceID") };
            m.elastic_ips.push(ElasticIp { instance, network_interface: p.link("NetworkInterfaceId"), meta });
        }
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => {
            let subnet_mappings = match p.val("SubnetMappings") {
                Some(_) => p.list_of("SubnetMappings", |v| Props::new(Some(v), v.span).link("SubnetId")),
                None => Field::absent(meta.props_span),
            };
            let flavour = p.string("Type").map(|t| match t.as_str() {
                "application" => LbFlavour::Application,
                "gateway" => LbFlavour::Gateway,
                t if t.eq_ignore_ascii_case("network") => LbFlavour::Network,
                _ => LbFlavour::Other(t),
            });
            m.load_balancers.push(LoadBalancer {
                scheme: p.string("Scheme"),
                flavour,
                subnets: p.links("Subnets"),
                subnet_mappings,
                security_groups: p.links("SecurityGroups"),
                listeners: Vec::new(),
                instances: Field::absent(meta.props_span),
                policies: Vec::new(),
                meta,
            });
        }
        "AWS::ElasticLoadBalancing::LoadBalancer" => {
            let listeners = p
                .val("Listeners")
                .and_then(Val::as_list)
                .map(|items| {
                    items
                        .iter()
                        .map(|v| {
                            let lp = Props::new(Some(v), v.span);
                            Listener {
                                meta: meta.clone(),
                                elbv2: false,
                                span: v.span,
                                load_balancer: Field::known(Link::Local(meta.id.to_string()), v.span),
                                port: lp.int("LoadBalancerPort"),
                                protocol: lp.string("Protocol"),
                                target_groups: Vec::new(),
                                instance_port: lp.int("InstancePort"),
                                ssl_policy: Field::absent(v.span),
                                actions: Field::absent(v.span),
                                policy_names: lp.strings("PolicyNames"),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            m.load_balancers.push(LoadBalancer {
                scheme: p.string("Scheme"),
                flavour: Field::known(LbFlavour::Classic, meta.span),
                subnets: p.links("Subnets"),
                subnet_mappings: Field::absent(meta.props_span),
                security_groups: p.links("SecurityGroups"),
                listeners,
                instances: p.links("Instances"),
                policies: lb_policies(p),
                meta,
            });
        }
        "AWS::ElasticLoadBalancingV2::Listener" => {
            let mut target_groups = Vec::new();
            for a in p.val("DefaultActions").map(Val::items).unwrap_or_default() {
                let ap = Props::new(Some(a), a.span);
                if a.get("TargetGroupArn").is_some() {
                    target_groups.push(ap.link("TargetGroupArn"));
                }
                let fwd = a.get("ForwardConfig").and_then(|f| f.get("TargetGroups"));
                for t in fwd.map(Val::items).unwrap_or_default() {
                    target_groups.push(Props::new(Some(t), t.span).link("TargetGroupArn"));
                }
            }
            let span = meta.props_span;
            m.listeners.push(Listener {
                elbv2: true,
                load_balancer: p.link("LoadBalancerArn"),
                port: p.int("Port"),
                protocol: p.string("Protocol"),
                target_groups,
                instance_port: Field::absent(span),
                ssl_policy: p.string("SslPolicy"),
                actions: p.list_of("DefaultActions", |a| {
                    let ap = Props::new(Some(a), a.span);
                    let proto = ap.sub("RedirectConfig").map(|r| r.string("Protocol")).unwrap_or(Field::absent(a.span));
                    (ap.string("Type"), proto)
                }),
                policy_names: Field::absent(span),
                span,
                meta,
            });
        }
        "AWS::ElasticLoadBalancingV2::TargetGroup" => m.target_groups.push(TargetGroup {
            port: p.int("Port"),
            protocol: p.string("Protocol"),
            target_type: p.string("TargetType"),
            targets: p.list_of("Targets", |v| {
                let tp = Props::new(Some(v), v.span);
                (tp.link("Id"), tp.int("Port"))
            }),
            meta,
        }),
        "AWS::Lambda::Function" => {
            let c = p.sub("VpcConfig");
            let absent = meta.props_span;
            m.lambda_functions.push(LambdaFunction {
                runtime: p.string("Runtime"),
                subnets: c.as_ref().map(|c| c.links("SubnetIds")).unwrap_or(Field::absent(absent)),
                security_groups: c.as_ref().map(|c| c.links("SecurityGroupIds")).unwrap_or(Field::absent(absent)),
                meta,
            });
        }
        "AWS::ElastiCache::CacheCluster" | "AWS::ElastiCache::ReplicationGroup" => {
            let cluster = ty.ends_with("CacheCluster");
            let sgs = if cluster { "VpcSecurityGroupIds" } else { "SecurityGroupIds" };
            m.data_services.push(DataService {
                kind: DataServiceKind::Cache,
                engine: p.string("Engine"),
                port: p.int("Port"),
                subnet_group: p.link("CacheSubnetGroupName"),
                subnets: Field::absent(meta.props_span),
                security_groups: p.links(sgs),
                publicly_accessible: Field::known(false, meta.span),
                in_vpc: Field::absent(meta.props_span),
                meta,
            });
        }
        "AWS::OpenSearchService::Domain" | "AWS::Elasticsearch::Domain" => {
            let v = p.sub("VPCOptions");
            let absent = meta.props_span;
            m.data_services.push(DataService {
                kind: DataServiceKind::Search,
                engine: p.string("EngineVersion"),
                port: Field::absent(absent),
                subnet_group: Field::absent(absent),
                subnets: v.as_ref().map(|v| v.links("SubnetIds")).unwrap_or(Field::absent(absent)),
                security_groups: v.as_ref().map(|v| v.links("SecurityGroupIds")).unwrap_or(Field::absent(absent)),
                publicly_accessible: Field::absent(absent),
                in_vpc: p.present("VPCOptions"),
                meta,
            });
        }
        "AWS::Redshift::Cluster" => m.data_services.push(DataService {
            kind: DataServiceKind::Warehouse,
            engine: Field::known("redshift".to_string(), meta.span),
            port: p.int("Port"),
            subnet_group: p.link("ClusterSubnetGroupName"),
            subnets: Field::absent(meta.props_span),
            security_groups: p.links("VpcSecurityGroupIds"),
            publicly_accessible: p.boolean("PubliclyAccessible"),
            in_vpc: Field::absent(meta.props_span),
            meta,
        }),
        "AWS::ElastiCache::SubnetGroup" | "AWS::Redshift::ClusterSubnetGroup" => m
            .service_subnet_groups
            .push(ServiceSubnetGroup { name: p.string("CacheSubnetGroupName"), subnets: p.links("SubnetIds"), meta }),
        "AWS::EC2::VPCCidrBlock" => m.vpc_cidr_blocks.push(VpcCidrBlock {
            vpc: p.link("VpcId"),
            cidr: p.string("CidrBlock"),
            amazon_ipv6: p.boolean("AmazonProvidedIpv6CidrBlock"),
            ipv6_cidr: p.string("Ipv6CidrBlock"),
            meta,
        }),
        "AWS::EC2::PrefixList" => m
            .prefix_lists
            .push(PrefixList { entries: p.list_of("Entries", |v| Props::new(Some(v), v.span).string("Cidr")), meta }),
        _ => m.network_connections.push(NetworkConnection {
            vpc: if p.val("VpcId").is_some() { p.link("VpcId") } else { p.link("VpcID") },
            meta,
        }),
    }
}

/// A classic load balancer's `Policies`.
fn lb_policies(p: &Props<'_>) -> Vec<LbPolicy> {
    p.val("Policies")
        .map(Val::items)
        .unwrap_or_default()
        .into_iter()
        .map(|v| {
            let pp = Props::new(Some(v), v.span);
            let attributes = v
                .get("Attributes")
                .map(Val::items)
                .unwrap_or_default()
                .into_iter()
                .map(|a| {
                    let ap = Props::new(Some(a), a.span);
                    (ap.string("Name"), ap.string("Value"))
                })
                .collect();
            LbPolicy { span: v.span, name: pp.string("PolicyName"), policy_type: pp.string("PolicyType"), attributes }
        })
        .collect()
}

/// Security groups by id, or else by name (`SecurityGroups`, default VPC).
fn groups(p: &Props<'_>, ids: &str, names: &str) -> Field<Vec<Field<Link>>> {
    if p.val(ids).is_some() { p.links(ids) } else { p.links(names) }
}

fn launch_template(p: &Props<'_>) -> Field<Link> {
    match p.sub("LaunchTemplate") {
        Some(lt) if lt.val("LaunchTemplateId").is_some() => lt.link("LaunchTemplateId"),
        Some(lt) => lt.link("LaunchTemplateName"),
        None => Field::absent(p.absent),
    }
}

fn interface(v: &Val) -> NetworkInterfaceSpec {
    let p = Props::new(Some(v), v.span);
    NetworkInterfaceSpec {
        span: v.span,
        device_index: p.int("DeviceIndex"),
        subnet: p.link("SubnetId"),
        associate_public_ip: p.boolean("AssociatePublicIpAddress"),
        security_groups: if p.val("GroupSet").is_some() { p.links("GroupSet") } else { p.links("Groups") },
        network_interface: p.link("NetworkInterfaceId"),
    }
}
