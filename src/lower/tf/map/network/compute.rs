//! Instances, launch templates and configurations, auto scaling groups, load balancers,
//! functions, and the data services that sit in subnets.

use super::{Props, arg, block, blocks, prim, text};
use crate::lower::tf::TfResource;
use crate::lower::tf::map::{Joiner, Primary, set};
use crate::model::{VKind, Val};

const TARGET_GROUPS: [&str; 2] = ["aws_lb_target_group", "aws_alb_target_group"];

pub(super) fn primary(r: &TfResource) -> Option<Primary> {
    let a = &r.attrs;
    let mut p = Props::new(a.span);
    match r.rtype.as_str() {
        "aws_instance" => {
            p.copy_all(
                a,
                &[
                    ("subnet_id", "SubnetId"),
                    ("vpc_security_group_ids", "SecurityGroupIds"),
                    ("security_groups", "SecurityGroups"),
                    ("instance_type", "InstanceType"),
                ],
            );
            instance_interfaces(a, &mut p);
            p.sub(a, "launch_template", "LaunchTemplate", |b, lt| {
                lt.copy_all(b, &[("id", "LaunchTemplateId"), ("name", "LaunchTemplateName")]);
            });
            metadata_options(a, &mut p);
            prim("AWS::EC2::Instance", p)
        }
        "aws_network_interface" => {
            p.copy_all(a, &[("subnet_id", "SubnetId"), ("security_groups", "GroupSet")]);
            prim("AWS::EC2::NetworkInterface", p)
        }
        "aws_launch_template" => {
            let mut d = Props::new(a.span);
            d.copy_all(
                a,
                &[
                    ("vpc_security_group_ids", "SecurityGroupIds"),
                    ("security_group_names", "SecurityGroups"),
                    ("instance_type", "InstanceType"),
                ],
            );
            if let Some((k, v)) = arg(a, "network_interfaces") {
                let list = map_blocks(a, "network_interfaces", v, |b, n| {
                    n.copy_all(
                        b,
                        &[
                            ("device_index", "DeviceIndex"),
                            ("subnet_id", "SubnetId"),
                            ("associate_public_ip_address", "AssociatePublicIpAddress"),
                            ("security_groups", "Groups"),
                        ],
                    );
                });
                d.put("NetworkInterfaces", k, list);
            }
            metadata_options(a, &mut d);
            p.put("LaunchTemplateData", r.span, d.build());
            prim("AWS::EC2::LaunchTemplate", p)
        }
        "aws_launch_configuration" => {
            metadata_options(a, &mut p);
            prim("AWS::AutoScaling::LaunchConfiguration", p)
        }
        "aws_autoscaling_group" => {
            p.copy_all(
                a,
                &[
                    ("vpc_zone_identifier", "VPCZoneIdentifier"),
                    ("target_group_arns", "TargetGroupARNs"),
                    ("load_balancers", "LoadBalancerNames"),
                ],
            );
            p.sub(a, "launch_template", "LaunchTemplate", |b, lt| {
                lt.copy_all(b, &[("id", "LaunchTemplateId"), ("name", "LaunchTemplateName")]);
            });
            if !p.has("LaunchTemplate") {
                mixed_instances_template(a, &mut p);
            }
            prim("AWS::AutoScaling::AutoScalingGroup", p)
        }
        "aws_lb" | "aws_alb" => {
            scheme(a, &mut p);
            p.copy_all(
                a,
                &[("load_balancer_type", "Type"), ("subnets", "Subnets"), ("security_groups", "SecurityGroups")],
            );
            if let Some((k, v)) = arg(a, "subnet_mapping") {
                let list = map_blocks(a, "subnet_mapping", v, |b, m| {
                    m.copy(b, "subnet_id", "SubnetId");
                });
                p.put("SubnetMappings", k, list);
            }
            prim("AWS::ElasticLoadBalancingV2::LoadBalancer", p)
        }
        "aws_elb" => {
            scheme(a, &mut p);
            p.copy_all(a, &[("subnets", "Subnets"), ("security_groups", "SecurityGroups"), ("instances", "Instances")]);
            if let Some((k, v)) = arg(a, "listener") {
                let list = map_blocks(a, "listener", v, |b, l| {
                    l.copy_all(
                        b,
                        &[
                            ("lb_port", "LoadBalancerPort"),
                            ("instance_port", "InstancePort"),
                            ("lb_protocol", "Protocol"),
                        ],
                    );
                });
                p.put("Listeners", k, list);
            }
            prim("AWS::ElasticLoadBalancing::LoadBalancer", p)
        }
        // Without a protocol, the listener's default depends on its load balancer: see `attach`.
        "aws_lb_listener" | "aws_alb_listener" if arg(a, "protocol").is_some() => {
            listener(a, &mut p);
            prim("AWS::ElasticLoadBalancingV2::Listener", p)
        }
        "aws_lb_target_group" | "aws_alb_target_group" => {
            p.copy_all(a, &[("port", "Port"), ("protocol", "Protocol"), ("target_type", "TargetType")]);
            prim("AWS::ElasticLoadBalancingV2::TargetGroup", p)
        }
        "aws_lambda_function" => {
            p.copy(a, "runtime", "Runtime");
            p.sub(a, "vpc_config", "VpcConfig", |b, c| {
                c.copy_all(b, &[("subnet_ids", "SubnetIds"), ("security_group_ids", "SecurityGroupIds")]);
            });
            prim("AWS::Lambda::Function", p)
        }
        "aws_elasticache_cluster" => {
            p.copy_all(
                a,
                &[
                    ("engine", "Engine"),
                    ("port", "Port"),
                    ("subnet_group_name", "CacheSubnetGroupName"),
                    ("security_group_ids", "VpcSecurityGroupIds"),
                ],
            );
            prim("AWS::ElastiCache::CacheCluster", p)
        }
        "aws_elasticache_replication_group" => {
            p.copy_all(
                a,
                &[
                    ("engine", "Engine"),
                    ("port", "Port"),
                    ("subnet_group_name", "CacheSubnetGroupName"),
                    ("security_group_ids", "SecurityGroupIds"),
                    ("at_rest_encryption_enabled", "AtRestEncryptionEnabled"),
                    ("transit_encryption_enabled", "TransitEncryptionEnabled"),
                ],
            );
            prim("AWS::ElastiCache::ReplicationGroup", p)
        }
        "aws_elasticache_subnet_group" => {
            p.copy_all(a, &[("name", "CacheSubnetGroupName"), ("subnet_ids", "SubnetIds")]);
            prim("AWS::ElastiCache::SubnetGroup", p)
        }
        "aws_opensearch_domain" | "aws_elasticsearch_domain" => {
            search_domain(r, &mut p);
            let ty = if r.rtype == "aws_opensearch_domain" {
                "AWS::OpenSearchService::Domain"
            } else {
                "AWS::Elasticsearch::Domain"
            };
            prim(ty, p)
        }
        "aws_redshift_cluster" => {
            p.copy_all(
                a,
                &[
                    ("port", "Port"),
                    ("cluster_subnet_group_name", "ClusterSubnetGroupName"),
                    ("vpc_security_group_ids", "VpcSecurityGroupIds"),
                    ("cluster_parameter_group_name", "ClusterParameterGroupName"),
                ],
            );
            // The provider's defaults for these changed with its major version 6 (public
            // before, private after; unencrypted before, encrypted after): unknown unless written.
            for (tf, cfn) in [("publicly_accessible", "PubliclyAccessible"), ("encrypted", "Encrypted")] {
                match arg(a, tf) {
                    Some((k, v)) => p.put(cfn, k, v.clone()),
                    None => p.put(
                        cfn,
                        r.span,
                        Val::unknown(
                            format!("`{tf}` is not set: its default depends on the AWS provider's version"),
                            r.span,
                        ),
                    ),
                };
            }
            prim("AWS::Redshift::Cluster", p)
        }
        "aws_redshift_parameter_group" => {
            p.copy(a, "family", "ParameterGroupFamily");
            if let Some((k, v)) = arg(a, "parameter") {
                let list = map_blocks(a, "parameter", v, |b, q| {
                    q.copy_all(b, &[("name", "ParameterName"), ("value", "ParameterValue")]);
                });
                p.put("Parameters", k, list);
            }
            prim("AWS::Redshift::ClusterParameterGroup", p)
        }
        "aws_redshift_subnet_group" => {
            p.copy(a, "subnet_ids", "SubnetIds");
            prim("AWS::Redshift::ClusterSubnetGroup", p)
        }
        _ => None,
    }
}

pub(super) fn attach(r: &TfResource, j: &mut Joiner<'_>) -> bool {
    if matches!(r.rtype.as_str(), "aws_lb_listener" | "aws_alb_listener") {
        default_protocol_listener(r, j);
        return true;
    }
    if r.rtype == "aws_load_balancer_policy" {
        load_balancer_policy(r, j);
        return true;
    }
    if r.rtype != "aws_lb_target_group_attachment" {
        return false;
    }
    let a = &r.attrs;
    let parent = arg(a, "target_group_arn").and_then(|(_, v)| j.parent(v, &TARGET_GROUPS, "arn"));
    let Some(props) = parent.and_then(|i| j.props_mut(i)) else {
        j.unjoined(&TARGET_GROUPS, &["Targets"], r.span);
        return true;
    };
    let mut t = Props::new(a.span);
    t.copy_all(a, &[("target_id", "Id"), ("port", "Port")]);
    let target = t.build();
    match props.get("Targets").map(|v| &v.kind) {
        Some(VKind::List(items)) => {
            let mut items = items.clone();
            items.push(target);
            let span = props.key_span("Targets").unwrap_or(r.span);
            let list = Val::new(VKind::List(items), span);
            set(props, "Targets", list, span);
        }
        Some(_) => {}
        None => set(props, "Targets", Val::new(VKind::List(vec![target]), r.span), r.span),
    }
    true
}

/// `aws_load_balancer_policy` joins its classic load balancer's `Policies`.
fn load_balancer_policy(r: &TfResource, j: &mut Joiner<'_>) {
    let a = &r.attrs;
    let parent = arg(a, "load_balancer_name").and_then(|(_, v)| j.parent(v, &["aws_elb"], "name"));
    let Some(props) = parent.and_then(|i| j.props_mut(i)) else {
        j.unjoined(&["aws_elb"], &["Policies"], r.span);
        return;
    };
    let mut p = Props::new(a.span);
    p.copy_all(a, &[("policy_name", "PolicyName"), ("policy_type_name", "PolicyType")]);
    if let Some((k, v)) = arg(a, "policy_attribute") {
        let list = map_blocks(a, "policy_attribute", v, |b, at| {
            at.copy_all(b, &[("name", "Name"), ("value", "Value")]);
        });
        p.put("Attributes", k, list);
    }
    let policy = p.build();
    match props.get("Policies").map(|v| &v.kind) {
        Some(VKind::List(items)) => {
            let mut items = items.clone();
            items.push(policy);
            let span = props.key_span("Policies").unwrap_or(r.span);
            set(props, "Policies", Val::new(VKind::List(items), span), span);
        }
        Some(_) => {}
        None => set(props, "Policies", Val::new(VKind::List(vec![policy]), r.span), r.span),
    }
}

/// A listener's properties but its protocol.
fn listener(a: &Val, p: &mut Props) {
    p.copy_all(a, &[("load_balancer_arn", "LoadBalancerArn"), ("port", "Port"), ("ssl_policy", "SslPolicy")]);
    p.convert(a, "protocol", "Protocol", |v| match &v.kind {
        // The provider accepts the protocol in any case.
        VKind::Str(s) => Val { kind: VKind::Str(s.to_ascii_uppercase()), ..v.clone() },
        _ => v.clone(),
    });
    if let Some((k, v)) = arg(a, "default_action") {
        p.put("DefaultActions", k, map_blocks(a, "default_action", v, action));
    }
}

/// A listener that names no protocol: the provider makes it HTTP on an application load
/// balancer and leaves it unset otherwise.
fn default_protocol_listener(r: &TfResource, j: &mut Joiner<'_>) {
    let a = &r.attrs;
    let mut p = Props::new(a.span);
    listener(a, &mut p);
    let application = match arg(a, "load_balancer_arn") {
        Some((_, v)) => match (&v.kind, j.parent(v, &["aws_lb", "aws_alb"], "arn")) {
            (_, Some(i)) => match arg(&j.resources()[i].attrs, "load_balancer_type") {
                None => Some(true),
                Some((_, t)) => t.as_str().map(|t| t == "application"),
            },
            (VKind::Str(arn), None) => Some(arn.contains(":loadbalancer/app/")),
            _ => None,
        },
        None => None,
    };
    match application {
        Some(true) => {
            p.put("Protocol", r.span, text("HTTP", r.span));
        }
        Some(false) => {}
        None => {
            p.put(
                "Protocol",
                r.span,
                Val::unknown("the listener's default protocol depends on its load balancer", r.span),
            );
        }
    }
    j.set_primary(&r.address, Primary::new("AWS::ElasticLoadBalancingV2::Listener", p.build()));
}

/// `metadata_options` as `MetadataOptions`.
fn metadata_options(a: &Val, p: &mut Props) {
    p.sub(a, "metadata_options", "MetadataOptions", |b, m| {
        m.copy_all(
            b,
            &[
                ("http_tokens", "HttpTokens"),
                ("http_endpoint", "HttpEndpoint"),
                ("http_put_response_hop_limit", "HttpPutResponseHopLimit"),
            ],
        );
    });
}

/// An instance's network interfaces. Interfaces attached by id (`network_interface` blocks)
/// have their subnet and groups on the interface resource (`aws_network_interface`).
/// Otherwise `associate_public_ip_address` is CloudFormation's primary interface setting.
fn instance_interfaces(a: &Val, p: &mut Props) {
    if let Some((k, v)) = arg(a, "network_interface") {
        let list = map_blocks(a, "network_interface", v, |b, n| {
            n.copy_all(b, &[("device_index", "DeviceIndex"), ("network_interface_id", "NetworkInterfaceId")]);
        });
        p.put("NetworkInterfaces", k, list);
    } else if let Some((k, v)) = arg(a, "associate_public_ip_address") {
        let mut n = Props::new(v.span);
        n.put("DeviceIndex", k, Val::new(VKind::Num("0".into()), k)).put("AssociatePublicIpAddress", k, v.clone());
        p.put("NetworkInterfaces", k, Val::new(VKind::List(vec![n.build()]), v.span));
    }
}

/// The launch template of a `mixed_instances_policy`.
fn mixed_instances_template(a: &Val, p: &mut Props) {
    let spec = block(a, "mixed_instances_policy")
        .and_then(|(_, m)| block(m, "launch_template"))
        .and_then(|(_, lt)| block(lt, "launch_template_specification"));
    if let Some((k, s)) = spec {
        let mut lt = Props::new(s.span);
        lt.copy_all(s, &[("launch_template_id", "LaunchTemplateId"), ("launch_template_name", "LaunchTemplateName")]);
        p.put("LaunchTemplate", k, lt.build());
    }
}

/// `internal` as `Scheme`.
fn scheme(a: &Val, p: &mut Props) {
    p.convert(a, "internal", "Scheme", |v| match v.as_bool() {
        Some(true) => text("internal", v.span),
        Some(false) => text("internet-facing", v.span),
        None => Val::unknown("whether the load balancer is internal cannot be decided", v.span),
    });
}

/// A listener's `default_action` block as a `DefaultActions` item.
fn action(b: &Val, p: &mut Props) {
    p.copy_all(b, &[("type", "Type"), ("target_group_arn", "TargetGroupArn")]);
    p.sub(b, "forward", "ForwardConfig", |f, fc| {
        if let Some((k, v)) = arg(f, "target_group") {
            let list = map_blocks(f, "target_group", v, |t, tg| {
                tg.copy(t, "arn", "TargetGroupArn");
            });
            fc.put("TargetGroups", k, list);
        }
    });
    p.sub(b, "redirect", "RedirectConfig", |rd, rc| {
        rc.copy(rd, "protocol", "Protocol");
    });
}

/// The `key` blocks of `a` (whose value is `v`), each mapped by `f`; an unknown value stays
/// unknown.
fn map_blocks(a: &Val, key: &str, v: &Val, f: impl Fn(&Val, &mut Props)) -> Val {
    if !matches!(v.kind, VKind::List(_) | VKind::Map(_)) {
        return v.clone();
    }
    let items = blocks(a, key)
        .into_iter()
        .map(|b| {
            let mut p = Props::new(b.span);
            f(b, &mut p);
            p.build()
        })
        .collect();
    Val::new(VKind::List(items), v.span)
}

/// An OpenSearch or Elasticsearch domain's placement and encryption.
fn search_domain(r: &TfResource, p: &mut Props) {
    let a = &r.attrs;
    p.copy(a, "engine_version", "EngineVersion");
    p.sub(a, "vpc_options", "VPCOptions", |b, v| {
        v.copy_all(b, &[("subnet_ids", "SubnetIds"), ("security_group_ids", "SecurityGroupIds")]);
    });
    p.sub(a, "encrypt_at_rest", "EncryptionAtRestOptions", |b, e| {
        e.copy(b, "enabled", "Enabled");
    });
    p.sub(a, "node_to_node_encryption", "NodeToNodeEncryptionOptions", |b, e| {
        e.copy(b, "enabled", "Enabled");
    });
    p.sub(a, "domain_endpoint_options", "DomainEndpointOptions", |b, e| {
        e.copy(b, "enforce_https", "EnforceHTTPS");
        if !e.has("EnforceHTTPS") {
            // The provider's default when the block is written.
            e.put("EnforceHTTPS", b.span, Val::new(VKind::Bool(true), b.span));
        }
    });
}
