//! Network and compute resources of the AWS provider.
//!
//! | Terraform type | CloudFormation type (+ parts) |
//! |---|---|
//! | `aws_vpc`, `aws_default_vpc` | `AWS::EC2::VPC` (+ `/ipv6_cidr_block` `AWS::EC2::VPCCidrBlock`) |
//! | `aws_vpc_ipv4_cidr_block_association`, `aws_vpc_ipv6_cidr_block_association` | `AWS::EC2::VPCCidrBlock` |
//! | `aws_subnet` | `AWS::EC2::Subnet` |
//! | `aws_route_table` | `AWS::EC2::RouteTable` (inline `Routes`) |
//! | `aws_default_route_table` | `AWS::EC2::RouteTable` (+ `/main_route_table` associations of the VPC's unassociated subnets, unless another table is made the main one) |
//! | `aws_route` | `AWS::EC2::Route` |
//! | `aws_route_table_association` (with `subnet_id`) | `AWS::EC2::SubnetRouteTableAssociation` |
//! | `aws_main_route_table_association` | joined: `/main_route_table` associations of the VPC's subnets |
//! | `aws_internet_gateway` | `AWS::EC2::InternetGateway` (+ `/attachment` `AWS::EC2::VPCGatewayAttachment`) |
//! | `aws_internet_gateway_attachment` | `AWS::EC2::VPCGatewayAttachment` |
//! | `aws_egress_only_internet_gateway` | `AWS::EC2::EgressOnlyInternetGateway` |
//! | `aws_nat_gateway` | `AWS::EC2::NatGateway` |
//! | `aws_eip`, `aws_eip_association` | `AWS::EC2::EIP` (its `network_interface` as an association's `NetworkInterfaceId`), `AWS::EC2::EIPAssociation` |
//! | `aws_network_acl` | `AWS::EC2::NetworkAcl` (+ `/ingress[i]`, `/egress[i]` `AWS::EC2::NetworkAclEntry`, `/subnet_ids[i]` `AWS::EC2::SubnetNetworkAclAssociation`) |
//! | `aws_default_network_acl` | the same, its rules exactly those written (+ `/default_network_acl` associations of the VPC's unassociated subnets) |
//! | `aws_network_acl_rule` | `AWS::EC2::NetworkAclEntry` |
//! | `aws_network_acl_association` | `AWS::EC2::SubnetNetworkAclAssociation` |
//! | `aws_security_group`, `aws_default_security_group` | `AWS::EC2::SecurityGroup` (one rule per source of a block) |
//! | `aws_security_group_rule` | `AWS::EC2::SecurityGroupIngress`/`Egress` (+ `/rule[i]` for each further source) |
//! | `aws_vpc_security_group_ingress_rule`, `_egress_rule` | `AWS::EC2::SecurityGroupIngress`/`Egress` |
//! | `aws_flow_log` | `AWS::EC2::FlowLog` |
//! | `aws_vpc_endpoint` | `AWS::EC2::VPCEndpoint` |
//! | `aws_vpc_peering_connection` | `AWS::EC2::VPCPeeringConnection` |
//! | `aws_ec2_transit_gateway` | `AWS::EC2::TransitGateway` |
//! | `aws_ec2_transit_gateway_vpc_attachment` | `AWS::EC2::TransitGatewayAttachment` |
//! | `aws_ec2_managed_prefix_list` | `AWS::EC2::PrefixList` |
//! | `aws_instance` | `AWS::EC2::Instance` (`network_interface` blocks: `NetworkInterfaces` attached by `NetworkInterfaceId`) |
//! | `aws_network_interface` | `AWS::EC2::NetworkInterface` |
//! | `aws_launch_template` | `AWS::EC2::LaunchTemplate` |
//! | `aws_launch_configuration` | `AWS::AutoScaling::LaunchConfiguration` |
//! | `aws_autoscaling_group` | `AWS::AutoScaling::AutoScalingGroup` |
//! | `aws_lb`, `aws_alb` | `AWS::ElasticLoadBalancingV2::LoadBalancer` |
//! | `aws_elb` | `AWS::ElasticLoadBalancing::LoadBalancer` |
//! | `aws_lb_listener`, `aws_alb_listener` | `AWS::ElasticLoadBalancingV2::Listener` (without `protocol`: HTTP on an application load balancer) |
//! | `aws_lb_target_group`, `aws_alb_target_group` | `AWS::ElasticLoadBalancingV2::TargetGroup` |
//! | `aws_lb_target_group_attachment` | joined: `Targets` of its target group |
//! | `aws_load_balancer_policy` | joined: `Policies` of its classic load balancer |
//! | `aws_lambda_function` | `AWS::Lambda::Function` |
//! | `aws_elasticache_cluster`, `aws_elasticache_replication_group` | `AWS::ElastiCache::CacheCluster`, `::ReplicationGroup` |
//! | `aws_elasticache_subnet_group` | `AWS::ElastiCache::SubnetGroup` |
//! | `aws_opensearch_domain`, `aws_elasticsearch_domain` | `AWS::OpenSearchService::Domain`, `AWS::Elasticsearch::Domain` |
//! | `aws_redshift_cluster` | `AWS::Redshift::Cluster` |
//! | `aws_redshift_parameter_group` | `AWS::Redshift::ClusterParameterGroup` |
//! | `aws_redshift_subnet_group` | `AWS::Redshift::ClusterSubnetGroup` |
//!
//! Only the properties the model reads are mapped. A subnet's association with its VPC's main
//! route table or default network ACL is a part of the subnet, made only when every explicit
//! association names its subnet by reference.

use super::{Joiner, Part, Primary, map_val};
use crate::lower::tf::TfResource;
use crate::model::{RefTarget, VKind, Val};
use crate::source::Span;

mod compute;
mod sg;
mod vpc;

/// A resource of this area that stands on its own.
pub fn primary(r: &TfResource) -> Option<Primary> {
    vpc::primary(r).or_else(|| sg::primary(r)).or_else(|| compute::primary(r))
}

/// A split-off resource of this area, joined into its parent; `false` when not of this area.
pub fn attach(r: &TfResource, j: &mut Joiner<'_>) -> bool {
    vpc::attach(r, j) || compute::attach(r, j)
}

/// Properties being built: CloudFormation names, the spans of the Terraform values.
struct Props {
    entries: Vec<(String, Span, Val)>,
    span: Span,
}

impl Props {
    /// Empty properties of a value written at `span`.
    fn new(span: Span) -> Props {
        Props { entries: Vec::new(), span }
    }

    /// Adds `cfn` with `value`, its name at `key_span`.
    fn put(&mut self, cfn: &str, key_span: Span, value: Val) -> &mut Props {
        self.entries.push((cfn.to_string(), key_span, value));
        self
    }

    /// Copies argument `tf` of `from` as `cfn`, when it is set.
    fn copy(&mut self, from: &Val, tf: &str, cfn: &str) -> &mut Props {
        if let Some((k, v)) = arg(from, tf) {
            self.put(cfn, k, v.clone());
        }
        self
    }

    /// Copies each `(tf, cfn)` pair of `names`.
    fn copy_all(&mut self, from: &Val, names: &[(&str, &str)]) -> &mut Props {
        for (tf, cfn) in names {
            self.copy(from, tf, cfn);
        }
        self
    }

    /// Adds `cfn` with the value `f` makes of argument `tf`, when it is set.
    fn convert(&mut self, from: &Val, tf: &str, cfn: &str, f: impl FnOnce(&Val) -> Val) -> &mut Props {
        if let Some((k, v)) = arg(from, tf) {
            self.put(cfn, k, f(v));
        }
        self
    }

    /// Adds `cfn` with the properties `f` builds from the first `tf` block, when written.
    fn sub(&mut self, from: &Val, tf: &str, cfn: &str, f: impl FnOnce(&Val, &mut Props)) -> &mut Props {
        if let Some((k, b)) = block(from, tf) {
            if matches!(b.kind, VKind::Map(_)) {
                let mut p = Props::new(b.span);
                f(b, &mut p);
                self.put(cfn, k, p.build());
            } else {
                self.put(cfn, k, b.clone());
            }
        }
        self
    }

    fn has(&self, cfn: &str) -> bool {
        self.entries.iter().any(|(k, _, _)| k == cfn)
    }

    fn build(self) -> Val {
        map_val(self.entries, self.span)
    }
}

/// Argument `key` of `v` with its key's span, unless unset: absent, `null`, or (as plan files
/// write unset optional arguments) an empty string.
fn arg<'v>(v: &'v Val, key: &str) -> Option<(Span, &'v Val)> {
    let x = v.get(key)?;
    match &x.kind {
        VKind::Null | VKind::NoValue => None,
        VKind::Str(s) if s.is_empty() => None,
        _ => Some((v.key_span(key).unwrap_or(x.span), x)),
    }
}

/// The first `key` block of `v` (a list of maps), or the block's value when it is not a
/// known list (unknown: a `dynamic` block over an unknown collection).
fn block<'v>(v: &'v Val, key: &str) -> Option<(Span, &'v Val)> {
    let (k, x) = arg(v, key)?;
    match &x.kind {
        VKind::List(items) => items.first().map(|b| (k, b)),
        _ => Some((k, x)),
    }
}

/// Every `key` block of `v` that is a known map.
fn blocks<'v>(v: &'v Val, key: &str) -> Vec<&'v Val> {
    match arg(v, key) {
        Some((_, x)) => x.items().into_iter().filter(|b| matches!(b.kind, VKind::Map(_))).collect(),
        None => Vec::new(),
    }
}

/// A reference to attribute `attr` of the resource at `address`, written at `span`.
fn reference(address: &str, attr: &str, span: Span) -> Val {
    Val::new(VKind::Ref(RefTarget { id: address.to_string(), attr: Some(attr.to_string()) }), span)
}

/// A string value.
fn text(s: &str, span: Span) -> Val {
    Val::new(VKind::Str(s.to_string()), span)
}

/// A primary with these properties.
fn prim(cfn_type: &'static str, p: Props) -> Option<Primary> {
    Some(Primary::new(cfn_type, p.build()))
}

/// A part of `cfn_type` named `suffix`, written at `span`.
fn part(suffix: String, cfn_type: &'static str, props: Props, span: Span) -> Part {
    Part { suffix, cfn_type, props: props.build(), span }
}

#[cfg(test)]
mod tests {
    use crate::analyze::reach::{Verdict, analyze};
    use crate::lower::tf::TfResource;
    use crate::lower::tf::testing::{model, res};
    use crate::model::{Link, Model, Tri};

    /// The verdict for tcp `port` of resource `id`.
    fn verdict(m: &Model, id: &str, port: i64) -> Option<Verdict> {
        analyze(m)
            .exposures
            .into_iter()
            .find(|e| {
                &*e.resource.id == id && e.protocol == "tcp" && e.ports.is_some_and(|(f, t)| f <= port && port <= t)
            })
            .map(|e| e.verdict)
    }

    /// The text a span covers in the JSON `json`.
    fn at(json: &str, span: crate::source::Span) -> &str {
        &json[span.start as usize..span.end as usize]
    }

    const SG: &str = r#"{"vpc_id": "$ref:aws_vpc.main.id",
        "ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}]}"#;

    /// A public subnet: VPC, attached internet gateway, default route to it, an instance with a
    /// public address behind a group open to SSH.
    fn public_subnet(with_route: bool) -> Vec<TfResource> {
        let route = if with_route {
            r#"[{"cidr_block": "0.0.0.0/0", "gateway_id": "$ref:aws_internet_gateway.gw.id"}]"#
        } else {
            "[]"
        };
        vec![
            res("aws_vpc.main", r#"{"cidr_block": "10.0.0.0/16"}"#),
            res("aws_internet_gateway.gw", r#"{"vpc_id": "$ref:aws_vpc.main.id"}"#),
            res("aws_route_table.public", &format!(r#"{{"vpc_id": "$ref:aws_vpc.main.id", "route": {route}}}"#)),
            res(
                "aws_route_table_association.a",
                r#"{"subnet_id": "$ref:aws_subnet.a.id", "route_table_id": "$ref:aws_route_table.public.id"}"#,
            ),
            res("aws_subnet.a", r#"{"vpc_id": "$ref:aws_vpc.main.id", "cidr_block": "10.0.1.0/24"}"#),
            res("aws_security_group.ssh", SG),
            res(
                "aws_instance.web",
                r#"{"subnet_id": "$ref:aws_subnet.a.id", "associate_public_ip_address": true,
                    "vpc_security_group_ids": ["$ref:aws_security_group.ssh.id"]}"#,
            ),
        ]
    }

    const CFN_PUBLIC_SUBNET: &str = r#"
    Resources:
      Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
      Gw: {Type: AWS::EC2::InternetGateway}
      Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gw}}
      Table: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
      Default: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gw}}
      Assoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Subnet, RouteTableId: !Ref Table}}
      Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}
      Sg:
        Type: AWS::EC2::SecurityGroup
        Properties:
          GroupDescription: ssh
          VpcId: !Ref Vpc
          SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}]
      Web:
        Type: AWS::EC2::Instance
        Properties:
          SubnetId: !Ref Subnet
          SecurityGroupIds: [!Ref Sg]
          NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: true}]
    "#;

    #[test]
    fn a_public_subnet_is_reached_as_in_cloudformation() {
        let cfn = crate::lower::cfn::model_of_yaml(CFN_PUBLIC_SUBNET);
        assert_eq!(verdict(&cfn, "Web", 22), Some(Verdict::Exposed));
        let tf = model(&public_subnet(true));
        assert_eq!(verdict(&tf, "aws_instance.web", 22), Some(Verdict::Exposed));
        assert_eq!(verdict(&tf, "aws_instance.web", 22), verdict(&cfn, "Web", 22));
    }

    #[test]
    fn without_a_default_route_the_instance_is_not_reached() {
        let tf = model(&public_subnet(false));
        assert_eq!(verdict(&tf, "aws_instance.web", 22), Some(Verdict::NotExposed));
    }

    #[test]
    fn an_unattached_gateway_leaves_the_instance_unreached() {
        let mut rs = public_subnet(true);
        rs[1] = res("aws_internet_gateway.gw", "{}");
        let tf = model(&rs);
        assert!(tf.gateway_attachments.is_empty());
        assert_eq!(verdict(&tf, "aws_instance.web", 22), Some(Verdict::NotExposed));
    }

    #[test]
    fn a_rule_block_is_one_rule_per_cidr_pointing_at_it() {
        let m = model(&[res("aws_security_group.ssh", SG)]);
        let g = &m.security_groups[0];
        assert_eq!(g.ingress.len(), 2);
        let cidrs: Vec<_> = g.ingress.iter().map(|r| r.cidr_ipv4.get().cloned()).collect();
        assert_eq!(cidrs, [Some("10.0.0.0/8".to_string()), Some("0.0.0.0/0".to_string())]);
        assert!(at(SG, g.ingress[1].cidr_ipv4.span).contains("0.0.0.0/0"));
        assert!(at(SG, g.ingress[1].span).contains("0.0.0.0/0"));
        assert_eq!(g.ingress[1].protocol.get().map(String::as_str), Some("tcp"));
        assert_eq!(g.ingress[1].from_port.get(), Some(&22));
        // Terraform removes the default allow-all egress rule.
        assert!(g.egress_declared);
        assert!(g.egress.is_empty());
        assert_eq!(g.description.get().map(String::as_str), Some("Managed by Terraform"));
        assert_eq!(g.vpc.get(), Some(&Link::Local("aws_vpc.main".into())));
    }

    #[test]
    fn rule_sources_groups_prefix_lists_and_self() {
        let json = r#"{"egress": [{"from_port": 0, "to_port": 0, "protocol": "-1",
            "security_groups": ["$ref:aws_security_group.b.id"], "prefix_list_ids": ["pl-123"], "self": true}],
            "ingress": [{"from_port": 443, "to_port": 443, "protocol": "tcp", "ipv6_cidr_blocks": ["::/0"]}]}"#;
        let m = model(&[res("aws_security_group.a", json)]);
        let g = &m.security_groups[0];
        assert_eq!(g.egress.len(), 3);
        assert_eq!(g.egress[0].prefix_list.get().map(String::as_str), Some("pl-123"));
        assert_eq!(g.egress[0].protocol.get().map(String::as_str), Some("-1"));
        let groups: Vec<_> = g.egress.iter().filter_map(|r| r.source_group.get().cloned()).collect();
        assert_eq!(groups, [Link::Local("aws_security_group.b".into()), Link::Local("aws_security_group.a".into())]);
        assert_eq!(g.ingress[0].cidr_ipv6.get().map(String::as_str), Some("::/0"));
    }

    #[test]
    fn the_default_group_has_only_the_rules_written() {
        let m = model(&[res("aws_default_security_group.d", r#"{"vpc_id": "$ref:aws_vpc.main.id"}"#)]);
        let g = &m.security_groups[0];
        assert!(g.ingress.is_empty() && g.egress.is_empty() && g.egress_declared);
    }

    #[test]
    fn standalone_rules_join_their_group() {
        let m = model(&[
            res("aws_security_group.g", "{}"),
            res(
                "aws_security_group_rule.ssh",
                r#"{"type": "ingress", "security_group_id": "$ref:aws_security_group.g.id", "protocol": "tcp",
                    "from_port": 22, "to_port": 22, "cidr_blocks": ["1.2.3.4/32", "0.0.0.0/0"]}"#,
            ),
            res(
                "aws_vpc_security_group_egress_rule.all",
                r#"{"security_group_id": "$ref:aws_security_group.g.id", "ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"}"#,
            ),
            res(
                "aws_vpc_security_group_ingress_rule.web",
                r#"{"security_group_id": "$ref:aws_security_group.g.id", "ip_protocol": "tcp", "from_port": 443,
                    "to_port": 443, "referenced_security_group_id": "$ref:aws_security_group.lb.id"}"#,
            ),
        ]);
        let g = &m.security_groups[0];
        assert_eq!(g.ingress.len(), 3);
        assert_eq!(g.ingress[1].cidr_ipv4.get().map(String::as_str), Some("0.0.0.0/0"));
        assert_eq!(
            g.ingress[1].standalone.as_ref().map(|s| s.id.as_ref()),
            Some("aws_security_group_rule.ssh/rule[1]")
        );
        assert_eq!(g.ingress[2].source_group.get(), Some(&Link::Local("aws_security_group.lb".into())));
        assert_eq!(g.egress.len(), 1);
        assert_eq!(g.egress[0].protocol.get().map(String::as_str), Some("-1"));
    }

    #[test]
    fn network_acl_rules_and_associations_are_parts() {
        let json = r#"{"vpc_id": "$ref:aws_vpc.main.id", "subnet_ids": ["$ref:aws_subnet.a.id"],
            "ingress": [{"rule_no": 100, "action": "allow", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_block": "0.0.0.0/0"}],
            "egress": [{"rule_no": 100, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0"}]}"#;
        let m = model(&[res("aws_network_acl.n", json)]);
        assert_eq!(m.network_acls.len(), 1);
        let e = &m.network_acl_entries;
        assert_eq!(e.len(), 2);
        assert_eq!(&*e[0].meta.id, "aws_network_acl.n/ingress[0]");
        assert_eq!(e[0].acl.get(), Some(&Link::Local("aws_network_acl.n".into())));
        assert_eq!(e[0].ports.get(), Some(&(22, 22)));
        assert_eq!(e[0].egress.get(), Some(&false));
        assert_eq!(e[0].action.get().map(String::as_str), Some("allow"));
        assert_eq!(e[1].egress.get(), Some(&true));
        assert!(e[1].ports.is_absent());
        assert!(at(json, e[0].cidr_ipv4.span).contains("0.0.0.0/0"));
        let a = &m.subnet_network_acls[0];
        assert_eq!(a.subnet.get(), Some(&Link::Local("aws_subnet.a".into())));
        assert_eq!(a.target.get(), Some(&Link::Local("aws_network_acl.n".into())));
    }

    #[test]
    fn a_network_acl_denying_ssh_blocks_the_public_subnet() {
        let mut rs = public_subnet(true);
        rs.push(res(
            "aws_network_acl.n",
            r#"{"vpc_id": "$ref:aws_vpc.main.id", "subnet_ids": ["$ref:aws_subnet.a.id"],
                "ingress": [{"rule_no": 100, "action": "allow", "protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_block": "0.0.0.0/0"}],
                "egress": [{"rule_no": 100, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0"}]}"#,
        ));
        assert_eq!(verdict(&model(&rs), "aws_instance.web", 22), Some(Verdict::NotExposed));
    }

    #[test]
    fn routes_standalone_and_main_table_association() {
        let m = model(&[
            res("aws_vpc.main", "{}"),
            res("aws_route_table.t", r#"{"vpc_id": "$ref:aws_vpc.main.id"}"#),
            res(
                "aws_route.r",
                r#"{"route_table_id": "$ref:aws_route_table.t.id", "destination_cidr_block": "0.0.0.0/0",
                    "nat_gateway_id": "$ref:aws_nat_gateway.n.id"}"#,
            ),
            res("aws_nat_gateway.n", r#"{"subnet_id": "$ref:aws_subnet.a.id"}"#),
            res("aws_subnet.a", r#"{"vpc_id": "$ref:aws_vpc.main.id"}"#),
            res("aws_subnet.b", r#"{"vpc_id": "$ref:aws_vpc.main.id"}"#),
            res("aws_route_table_association.b", r#"{"subnet_id": "$ref:aws_subnet.b.id", "route_table_id": "rtb-1"}"#),
            res("aws_route_table_association.edge", r#"{"gateway_id": "igw-1", "route_table_id": "rtb-1"}"#),
            res(
                "aws_main_route_table_association.m",
                r#"{"vpc_id": "$ref:aws_vpc.main.id", "route_table_id": "$ref:aws_route_table.t.id"}"#,
            ),
        ]);
        assert_eq!(m.routes.len(), 1);
        assert!(matches!(m.routes[0].target.get(), Some(crate::model::RouteTarget::NatGateway(_))));
        assert_eq!(m.nat_gateways.len(), 1);
        let assoc: Vec<_> = m.subnet_route_tables.iter().map(|a| a.meta.id.as_ref()).collect();
        assert_eq!(assoc, ["aws_subnet.a/main_route_table", "aws_route_table_association.b"]);
        assert_eq!(m.subnet_route_tables[0].target.get(), Some(&Link::Local("aws_route_table.t".into())));
    }

    /// The public subnet with the instance attached to a network interface by id; the
    /// interface is in `subnet` and has an elastic IP.
    fn through_interface(subnet: &str) -> Vec<TfResource> {
        let mut rs = public_subnet(true);
        rs.pop();
        rs.push(res("aws_subnet.private", r#"{"vpc_id": "$ref:aws_vpc.main.id", "cidr_block": "10.0.2.0/24"}"#));
        rs.push(res(
            "aws_network_interface.eni",
            &format!(r#"{{"subnet_id": "$ref:{subnet}.id", "security_groups": ["$ref:aws_security_group.ssh.id"]}}"#),
        ));
        rs.push(res("aws_eip.ip", r#"{"network_interface": "$ref:aws_network_interface.eni.id", "domain": "vpc"}"#));
        rs.push(res(
            "aws_instance.web",
            r#"{"network_interface": [{"device_index": 0, "network_interface_id": "$ref:aws_network_interface.eni.id"}]}"#,
        ));
        rs
    }

    #[test]
    fn an_instance_takes_the_subnet_and_groups_of_its_network_interface() {
        let m = model(&through_interface("aws_subnet.a"));
        let eni = &m.network_interfaces[0];
        assert_eq!(eni.subnet.get(), Some(&Link::Local("aws_subnet.a".into())));
        assert_eq!(eni.security_groups.get().map(Vec::len), Some(1));
        assert_eq!(m.elastic_ips[0].network_interface.get(), Some(&Link::Local("aws_network_interface.eni".into())));
        let nic = &m.instances[0].network_interfaces.get().expect("interfaces")[0];
        assert_eq!(nic.network_interface.get(), Some(&Link::Local("aws_network_interface.eni".into())));
        assert_eq!(verdict(&m, "aws_instance.web", 22), Some(Verdict::Exposed));
        let e = analyze(&m).exposures.into_iter().find(|e| &*e.resource.id == "aws_instance.web").expect("a row");
        assert!(
            e.path_text()
                .en()
                .contains("through network interface `aws_network_interface.eni` in subnet `aws_subnet.a`")
        );
        // The same interface in a subnet without a route to the gateway is not reached.
        let private = model(&through_interface("aws_subnet.private"));
        assert_eq!(verdict(&private, "aws_instance.web", 22), Some(Verdict::NotExposed));
    }

    #[test]
    fn instances_and_launch_templates() {
        let m = model(&[
            res(
                "aws_launch_template.lt",
                r#"{"vpc_security_group_ids": ["$ref:aws_security_group.g.id"],
                    "metadata_options": [{"http_tokens": "optional", "http_endpoint": "enabled"}],
                    "network_interfaces": [{"device_index": 0, "associate_public_ip_address": "true", "subnet_id": "$ref:aws_subnet.a.id"}]}"#,
            ),
            res(
                "aws_autoscaling_group.asg",
                r#"{"vpc_zone_identifier": ["$ref:aws_subnet.a.id"], "launch_template": [{"id": "$ref:aws_launch_template.lt.id", "version": "$Latest"}]}"#,
            ),
            res("aws_instance.i", r#"{"metadata_options": [{"http_tokens": "required"}], "subnet_id": "subnet-1"}"#),
            res("aws_instance.eni", r#"{"network_interface": [{"device_index": 0, "network_interface_id": "eni-1"}]}"#),
        ]);
        let lt = &m.launch_templates[0];
        assert_eq!(lt.security_groups.get().map(Vec::len), Some(1));
        let nic = &lt.network_interfaces.get().expect("interfaces")[0];
        assert_eq!(nic.associate_public_ip.get(), Some(&true));
        assert_eq!(m.autoscaling_groups[0].launch_template.get(), Some(&Link::Local("aws_launch_template.lt".into())));
        let tokens: Vec<_> = m.monitoring.instance_metadata.iter().map(|i| i.http_tokens.get().cloned()).collect();
        assert_eq!(tokens, [Some("optional".to_string()), Some("required".to_string()), None]);
        let eni = &m.instances[1].network_interfaces.get().expect("interfaces")[0];
        assert_eq!(eni.network_interface.get(), Some(&Link::External("eni-1".into())));
        assert!(eni.subnet.is_absent() && eni.security_groups.is_absent());
    }

    #[test]
    fn load_balancers_listeners_and_targets() {
        let m = model(&[
            res("aws_lb.pub", r#"{"subnets": ["$ref:aws_subnet.a.id"], "security_groups": ["sg-1"]}"#),
            res("aws_lb.int", r#"{"internal": true, "load_balancer_type": "network"}"#),
            res(
                "aws_lb_listener.http",
                r#"{"load_balancer_arn": "$ref:aws_lb.pub.arn", "port": 80, "protocol": "HTTP",
                    "default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}]}"#,
            ),
            res("aws_lb_target_group.tg", r#"{"port": 8080, "protocol": "HTTP"}"#),
            res(
                "aws_lb_target_group_attachment.a",
                r#"{"target_group_arn": "$ref:aws_lb_target_group.tg.arn", "target_id": "$ref:aws_instance.i.id", "port": 8080}"#,
            ),
            res(
                "aws_elb.classic",
                r#"{"listener": [{"lb_port": 80, "lb_protocol": "http", "instance_port": 8080, "instance_protocol": "http"}]}"#,
            ),
        ]);
        let lbs = &m.load_balancers;
        assert!(lbs[0].scheme.is_absent());
        assert_eq!(lbs[1].scheme.get().map(String::as_str), Some("internal"));
        assert_eq!(lbs[2].listeners[0].instance_port.get(), Some(&8080));
        let l = &m.listeners[0];
        assert_eq!(l.load_balancer.get(), Some(&Link::Local("aws_lb.pub".into())));
        let actions = l.actions.get().expect("actions");
        assert_eq!(actions[0].0.get().map(String::as_str), Some("redirect"));
        assert_eq!(actions[0].1.get().map(String::as_str), Some("HTTPS"));
        let targets = m.target_groups[0].targets.get().expect("targets");
        assert_eq!(targets[0].0.get(), Some(&Link::Local("aws_instance.i".into())));
        assert_eq!(targets[0].1.get(), Some(&8080));
    }

    #[test]
    fn a_listener_without_protocol_takes_its_load_balancers_default() {
        let m = model(&[
            res("aws_lb.app", "{}"),
            res("aws_lb.net", r#"{"load_balancer_type": "network"}"#),
            res("aws_lb_listener.a", r#"{"load_balancer_arn": "$ref:aws_lb.app.arn", "port": 80}"#),
            res("aws_lb_listener.n", r#"{"load_balancer_arn": "$ref:aws_lb.net.arn", "port": 80}"#),
            res("aws_lb_listener.x", r#"{"load_balancer_arn": "$unknown", "port": 80}"#),
            res(
                "aws_lb_listener.l",
                r#"{"load_balancer_arn": "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/w/1", "protocol": "http"}"#,
            ),
        ]);
        let protocols: Vec<_> =
            m.listeners.iter().map(|l| (l.meta.id.as_ref(), format!("{:?}", l.protocol.value))).collect();
        assert_eq!(
            protocols,
            [
                ("aws_lb_listener.a", "Known(\"HTTP\")".to_string()),
                ("aws_lb_listener.n", "Absent".to_string()),
                ("aws_lb_listener.x", "Unknown".to_string()),
                ("aws_lb_listener.l", "Known(\"HTTP\")".to_string()),
            ]
        );
    }

    #[test]
    fn data_services_and_their_defaults() {
        let m = model(&[
            res("aws_redshift_cluster.r", r#"{"cluster_subnet_group_name": "$ref:aws_redshift_subnet_group.s.name"}"#),
            res("aws_redshift_subnet_group.s", r#"{"subnet_ids": ["$ref:aws_subnet.a.id"]}"#),
            res(
                "aws_opensearch_domain.d",
                r#"{"domain_endpoint_options": [{"tls_security_policy": "x"}], "encrypt_at_rest": [{"enabled": false}]}"#,
            ),
            res(
                "aws_elasticache_replication_group.c",
                r#"{"transit_encryption_enabled": true, "security_group_ids": ["sg-1"]}"#,
            ),
        ]);
        let r = &m.data_services[0];
        assert!(r.publicly_accessible.is_unknown());
        assert_eq!(r.subnet_group.get(), Some(&Link::Local("aws_redshift_subnet_group.s".into())));
        assert_eq!(m.service_subnet_groups[0].subnets.get().map(Vec::len), Some(1));
        assert!(m.data_services[1].in_vpc.is_absent());
        let states: Vec<_> = m
            .monitoring
            .encryption
            .iter()
            .map(|e| (e.meta.id.as_ref(), e.source_name, format!("{:?}", e.state)))
            .collect();
        assert!(!states.iter().any(|s| s.0 == "aws_redshift_cluster.r"));
        assert!(states.contains(&("aws_opensearch_domain.d", "EncryptionAtRestOptions.Enabled", "Off".into())));
        assert!(states.contains(&("aws_opensearch_domain.d", "DomainEndpointOptions.EnforceHTTPS", "On".into())));
        assert!(states.contains(&("aws_elasticache_replication_group.c", "TransitEncryptionEnabled", "On".into())));
        assert!(states.contains(&("aws_elasticache_replication_group.c", "AtRestEncryptionEnabled", "Off".into())));
    }

    #[test]
    fn flow_logs_gateways_and_unknown_values() {
        let m = model(&[
            res("aws_flow_log.f", r#"{"vpc_id": "$ref:aws_vpc.main.id"}"#),
            res("aws_subnet.s", r#"{"vpc_id": "$ref:aws_vpc.main.id", "map_public_ip_on_launch": "$unknown"}"#),
            res(
                "aws_internet_gateway_attachment.a",
                r#"{"vpc_id": "vpc-1", "internet_gateway_id": "$ref:aws_internet_gateway.g.id"}"#,
            ),
            res("aws_eip.e", r#"{"instance": "$ref:aws_instance.i.id", "domain": "vpc"}"#),
            res("aws_vpc.v6", r#"{"cidr_block": "10.0.0.0/16", "assign_generated_ipv6_cidr_block": true}"#),
        ]);
        let f = &m.flow_logs[0];
        assert_eq!(f.resource_type.get().map(String::as_str), Some("VPC"));
        assert_eq!(f.resources[0].get(), Some(&Link::Local("aws_vpc.main".into())));
        assert!(matches!(m.subnets[0].map_public_ip.value, Tri::Unknown));
        assert_eq!(
            m.gateway_attachments[0].internet_gateway.get(),
            Some(&Link::Local("aws_internet_gateway.g".into()))
        );
        assert_eq!(m.elastic_ips[0].instance.get(), Some(&Link::Local("aws_instance.i".into())));
        assert_eq!(m.vpc_cidr_blocks[0].amazon_ipv6.get(), Some(&true));
    }

    #[test]
    fn the_default_route_table_routes_unassociated_subnets() {
        let mut rs = public_subnet(false);
        rs.remove(3);
        rs.push(res(
            "aws_default_route_table.d",
            r#"{"default_route_table_id": "$ref:aws_vpc.main.default_route_table_id",
                "route": [{"cidr_block": "0.0.0.0/0", "gateway_id": "$ref:aws_internet_gateway.gw.id"}]}"#,
        ));
        let m = model(&rs);
        assert_eq!(
            m.route_tables.iter().find(|t| &*t.meta.id == "aws_default_route_table.d").and_then(|t| t.vpc.get()),
            Some(&Link::Local("aws_vpc.main".into()))
        );
        assert_eq!(m.subnet_route_tables.len(), 1);
        assert_eq!(&*m.subnet_route_tables[0].meta.id, "aws_subnet.a/main_route_table");
        assert_eq!(verdict(&m, "aws_instance.web", 22), Some(Verdict::Exposed));
        // Without a declared main table, the subnet uses the VPC's main table with only its
        // local route, as in CloudFormation.
        rs.pop();
        assert_eq!(verdict(&model(&rs), "aws_instance.web", 22), Some(Verdict::NotExposed));
    }

    #[test]
    fn the_default_network_acl_has_only_the_rules_written() {
        let mut rs = public_subnet(true);
        rs.push(res(
            "aws_default_network_acl.d",
            r#"{"default_network_acl_id": "$ref:aws_vpc.main.default_network_acl_id",
                "egress": [{"rule_no": 100, "action": "allow", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_block": "0.0.0.0/0"}]}"#,
        ));
        let m = model(&rs);
        assert_eq!(&*m.subnet_network_acls[0].meta.id, "aws_subnet.a/default_network_acl");
        assert_eq!(verdict(&m, "aws_instance.web", 22), Some(Verdict::NotExposed));
        // An association naming its subnet by a literal id leaves the subnets undecided.
        rs.push(res("aws_network_acl_association.x", r#"{"subnet_id": "subnet-1", "network_acl_id": "acl-1"}"#));
        assert!(model(&rs).subnet_network_acls.iter().all(|a| !a.meta.id.ends_with("/default_network_acl")));
    }
}
