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
//! | `aws_eip`, `aws_eip_association` | `AWS::EC2::EIP`, `AWS::EC2::EIPAssociation` |
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
//! | `aws_instance` | `AWS::EC2::Instance` |
//! | `aws_launch_template` | `AWS::EC2::LaunchTemplate` |
//! | `aws_launch_configuration` | `AWS::AutoScaling::LaunchConfiguration` |
//! | `aws_autoscaling_group` | `AWS::AutoScaling::AutoScalingGroup` |
//! | `aws_lb`, `aws_alb` | `AWS::ElasticLoadBalancingV2::LoadBalancer` |
//! | `aws_elb` | `AWS::ElasticLoadBalancing::LoadBalancer` |
//! | `aws_lb_listener`, `aws_alb_listener` | `AWS::ElasticLoadBalancingV2::Listener` |
//! | `aws_lb_target_group`, `aws_alb_target_group` | `AWS::ElasticLoadBalancingV2::TargetGroup` |
//! | `aws_lb_target_group_attachment` | joined: `Targets` of its target group |
//! | `aws_lambda_function` | `AWS::Lambda::Function` |
//! | `aws_elasticache_cluster`, `aws_elasticache_replication_group` | `AWS::ElastiCache::CacheCluster`, `::ReplicationGroup` |
//! | `aws_elasticache_subnet_group` | `AWS::ElastiCache::SubnetGroup` |
//! | `aws_opensearch_domain`, `aws_elasticsearch_domain` | `AWS::OpenSearchService::Domain`, `AWS::Elasticsearch::Domain` |
//! | `aws_redshift_cluster` | `AWS::Redshift::Cluster` |
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

#[cfg(test)]
mod tests;

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
