//! Things that sit in subnets and listen on ports, with their public addressing; and the
//! network pieces beyond the basics of [`super::network`] (egress-only gateways, endpoints,
//! peering, transit gateways, IPv6 blocks, prefix lists). Used by the reachability analysis.

use super::{Field, Link, ResMeta};
use crate::source::Span;

/// A network interface declared on an instance or a launch template.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NetworkInterfaceSpec {
    pub span: Span,
    pub device_index: Field<i64>,
    pub subnet: Field<Link>,
    pub associate_public_ip: Field<bool>,
    pub security_groups: Field<Vec<Field<Link>>>,
    /// `NetworkInterfaceId`: an interface declared on its own, attached by id. Its subnet and
    /// groups are the interface's, not the entry's.
    pub network_interface: Field<Link>,
}

/// `AWS::EC2::NetworkInterface`: an interface declared on its own, attached to an instance by
/// id.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NetworkInterface {
    pub meta: ResMeta,
    pub subnet: Field<Link>,
    /// `GroupSet`.
    pub security_groups: Field<Vec<Field<Link>>>,
}

/// `AWS::EC2::Instance`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Ec2Instance {
    pub meta: ResMeta,
    pub subnet: Field<Link>,
    /// `SecurityGroupIds` (or `SecurityGroups` by name).
    pub security_groups: Field<Vec<Field<Link>>>,
    pub network_interfaces: Field<Vec<NetworkInterfaceSpec>>,
    /// `LaunchTemplate.LaunchTemplateId` / `LaunchTemplateName`.
    pub launch_template: Field<Link>,
    /// `InstanceType`, e.g. `t3.micro`.
    pub instance_type: Field<String>,
}

/// `AWS::EC2::LaunchTemplate` (its `LaunchTemplateData`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LaunchTemplate {
    pub meta: ResMeta,
    pub security_groups: Field<Vec<Field<Link>>>,
    pub network_interfaces: Field<Vec<NetworkInterfaceSpec>>,
    /// `LaunchTemplateData.InstanceType`.
    pub instance_type: Field<String>,
}

/// `AWS::AutoScaling::AutoScalingGroup`: instances launched from a template in subnets.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AutoScalingGroup {
    pub meta: ResMeta,
    /// `VPCZoneIdentifier`.
    pub subnets: Field<Vec<Field<Link>>>,
    /// `LaunchTemplate.LaunchTemplateId` (or `LaunchTemplateName`).
    pub launch_template: Field<Link>,
    /// `TargetGroupARNs`.
    pub target_groups: Field<Vec<Field<Link>>>,
    /// `LoadBalancerNames` (classic load balancers).
    pub load_balancers: Field<Vec<Field<Link>>>,
}

/// `AWS::EC2::EIP` or `AWS::EC2::EIPAssociation`: an address bound to an instance or
/// interface.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ElasticIp {
    pub meta: ResMeta,
    pub instance: Field<Link>,
    /// `NetworkInterfaceId` (of an association).
    pub network_interface: Field<Link>,
}

/// A load balancer, application/network/gateway (v2) or classic.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LoadBalancer {
    pub meta: ResMeta,
    /// `internet-facing` (the default) or `internal`.
    pub scheme: Field<String>,
    /// Application (the default of v2 when absent), network, gateway, or classic (v1).
    pub flavour: Field<LbFlavour>,
    pub subnets: Field<Vec<Field<Link>>>,
    /// `SubnetMappings[].SubnetId`, when given instead of `Subnets`.
    pub subnet_mappings: Field<Vec<Field<Link>>>,
    pub security_groups: Field<Vec<Field<Link>>>,
    /// Classic load balancers: inline listeners.
    pub listeners: Vec<Listener>,
    /// Classic load balancers: `Instances`.
    pub instances: Field<Vec<Field<Link>>>,
    /// Classic load balancers: `Policies` (SSL negotiation, proxy protocol, ...).
    pub policies: Vec<LbPolicy>,
}

/// A policy of a classic load balancer (`Policies` item).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LbPolicy {
    pub span: Span,
    pub name: Field<String>,
    /// `PolicyType`, e.g. `SSLNegotiationPolicyType`.
    pub policy_type: Field<String>,
    /// `Attributes`: (`Name`, `Value`) pairs, e.g. (`Reference-Security-Policy`,
    /// `ELBSecurityPolicy-TLS-1-2-2017-01`) or (`Protocol-TLSv1`, `true`).
    pub attributes: Vec<(Field<String>, Field<String>)>,
}

impl LoadBalancer {
    /// Elastic Load Balancing v2 (application, network or gateway), also when its type cannot
    /// be decided.
    pub fn is_v2(&self) -> bool {
        self.flavour.get() != Some(&LbFlavour::Classic)
    }
}

/// The kind of a load balancer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LbFlavour {
    Application,
    Network,
    Gateway,
    /// A classic (v1) load balancer.
    Classic,
    /// A v2 type the model does not know, as written.
    Other(String),
}

/// A listener: a standalone ELBv2 listener, or an inline classic listener.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Listener {
    /// The standalone resource, or the load balancer for a classic listener.
    pub meta: ResMeta,
    /// Belongs to an Elastic Load Balancing v2 load balancer (a standalone listener).
    pub elbv2: bool,
    pub span: Span,
    pub load_balancer: Field<Link>,
    pub port: Field<i64>,
    pub protocol: Field<String>,
    /// Target groups of `DefaultActions` (forward).
    pub target_groups: Vec<Field<Link>>,
    /// Classic: `InstancePort`.
    pub instance_port: Field<i64>,
    /// `SslPolicy` (v2 HTTPS/TLS listeners).
    pub ssl_policy: Field<String>,
    /// The type of each default action (`forward`, `redirect`, ...) with the redirect protocol.
    pub actions: Field<Vec<(Field<String>, Field<String>)>>,
    /// Classic: `PolicyNames`, the load balancer policies the listener uses.
    pub policy_names: Field<Vec<Field<String>>>,
}

/// `AWS::ElasticLoadBalancingV2::TargetGroup`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TargetGroup {
    pub meta: ResMeta,
    pub port: Field<i64>,
    pub protocol: Field<String>,
    /// `instance` (default), `ip`, `lambda`, `alb`.
    pub target_type: Field<String>,
    /// `Targets`: (id, port override).
    pub targets: Field<Vec<(Field<Link>, Field<i64>)>>,
}

/// `AWS::Lambda::Function` with its `VpcConfig`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LambdaFunction {
    pub meta: ResMeta,
    pub runtime: Field<String>,
    pub subnets: Field<Vec<Field<Link>>>,
    pub security_groups: Field<Vec<Field<Link>>>,
}

/// What a managed data service is, for reachability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataServiceKind {
    /// ElastiCache cluster or replication group.
    Cache,
    /// OpenSearch / Elasticsearch domain.
    Search,
    /// Redshift cluster.
    Warehouse,
}

/// ElastiCache, OpenSearch/Elasticsearch and Redshift, reduced to what reachability needs.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DataService {
    pub meta: ResMeta,
    pub kind: DataServiceKind,
    pub engine: Field<String>,
    pub port: Field<i64>,
    /// ElastiCache/Redshift subnet group, by name.
    pub subnet_group: Field<Link>,
    /// OpenSearch: `VPCOptions.SubnetIds`.
    pub subnets: Field<Vec<Field<Link>>>,
    pub security_groups: Field<Vec<Field<Link>>>,
    /// Redshift: `PubliclyAccessible`.
    pub publicly_accessible: Field<bool>,
    /// OpenSearch: `VPCOptions` given (else the domain has a public endpoint).
    pub in_vpc: Field<()>,
}

/// `AWS::ElastiCache::SubnetGroup` / `AWS::Redshift::ClusterSubnetGroup`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ServiceSubnetGroup {
    pub meta: ResMeta,
    /// `CacheSubnetGroupName` when given (clusters may refer to it by name).
    pub name: Field<String>,
    pub subnets: Field<Vec<Field<Link>>>,
}

/// `AWS::EC2::VPCCidrBlock`: an extra block, IPv6 included.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct VpcCidrBlock {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
    pub cidr: Field<String>,
    pub amazon_ipv6: Field<bool>,
    pub ipv6_cidr: Field<String>,
}

/// Gateways and connections that routes may point at, and that are never an inbound path
/// from the internet: egress-only internet gateways, VPC endpoints, peering connections,
/// transit gateways (and their attachments).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NetworkConnection {
    pub meta: ResMeta,
    pub vpc: Field<Link>,
}

/// `AWS::EC2::PrefixList` with its entries.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PrefixList {
    pub meta: ResMeta,
    pub entries: Field<Vec<Field<String>>>,
}
