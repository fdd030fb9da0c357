//! The model: typed views of the things rules care about, whatever the input format.
//!
//! Every field keeps the span it came from. A [`Field`] is absent, unknown (could not be
//! decided: rules stay silent) or known. Links between resources are [`Link`]s.

use std::collections::HashMap;
use std::sync::Arc;

use crate::source::Span;

pub mod account;
pub mod containers;
pub mod document;
pub mod iam;
pub mod k8s;
pub mod kind;
pub mod monitoring;
pub mod network;
pub mod policy;
pub mod reach;
mod ser;
pub mod storage;
pub mod tags;
pub mod text;
pub mod val;

pub use account::*;
pub use containers::*;
pub use iam::*;
pub use monitoring::*;
pub use network::*;
pub use policy::*;
pub use reach::*;
pub use storage::*;
pub use tags::Tag;
pub use text::{Input, InputWords, TextRole, TextValue};
pub use val::{Origin, RefTarget, VKind, Val};

/// Three-valued: absent, unknown, or known.
#[derive(Debug, Clone, PartialEq)]
pub enum Tri<T> {
    /// Not set in the source.
    Absent,
    /// Set, but its value could not be decided.
    Unknown,
    Known(T),
}

/// A property value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    pub value: Tri<T>,
    /// Where the value is written; for an absent field, the resource it belongs to.
    pub span: Span,
    /// Where the value really came from, when elsewhere (a parameter default, ...).
    pub origin: Option<Origin>,
}

impl<T> Field<T> {
    /// The same field with its known value converted.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        let value = match self.value {
            Tri::Absent => Tri::Absent,
            Tri::Unknown => Tri::Unknown,
            Tri::Known(v) => Tri::Known(f(v)),
        };
        Field { value, span: self.span, origin: self.origin }
    }

    pub fn absent(span: Span) -> Field<T> {
        Field { value: Tri::Absent, span, origin: None }
    }

    pub fn known(value: T, span: Span) -> Field<T> {
        Field { value: Tri::Known(value), span, origin: None }
    }

    pub fn get(&self) -> Option<&T> {
        match &self.value {
            Tri::Known(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self.value, Tri::Absent)
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self.value, Tri::Unknown)
    }

    /// Known and satisfying `f`.
    pub fn is(&self, f: impl FnOnce(&T) -> bool) -> bool {
        self.get().is_some_and(f)
    }
}

impl Field<bool> {
    /// Known to be true.
    pub fn is_true(&self) -> bool {
        self.get() == Some(&true)
    }
    /// Known to be false.
    pub fn is_false(&self) -> bool {
        self.get() == Some(&false)
    }
}

/// A reference from one resource to another.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// A resource of the same template, by logical id.
    Local(String),
    /// Something outside the template (an id or ARN written literally).
    External(String),
}

impl Link {
    pub fn local(&self) -> Option<&str> {
        match self {
            Link::Local(id) => Some(id),
            Link::External(_) => None,
        }
    }
}

/// Identity and location of a modelled resource.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ResMeta {
    // The id and the type are shared with the findings about the resource.
    /// Logical id.
    pub id: std::sync::Arc<str>,
    /// Resource type as the source spells it, e.g. `AWS::S3::Bucket` (reports show it).
    pub kind: std::sync::Arc<str>,
    /// What the model calls the resource, e.g. [`kind::S3_BUCKET`]; [`kind::OTHER`] when it
    /// has no name for it. Rules compare this, never [`ResMeta::kind`].
    pub model_kind: &'static str,
    /// Span of the logical id.
    pub span: Span,
    /// Span of the `Properties` map, or of the logical id when there is none.
    pub props_span: Span,
    // Boxed: most resources have none, and every resource has this field.
    /// Its tags (`Tags`; Terraform `tags`; Kubernetes labels). Left out of the model
    /// document when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Box<Field<Vec<Tag>>>>,
}

/// Everything Palisade knows about one input document.
#[derive(Debug, Default, serde::Serialize)]
pub struct Model {
    /// The file, as reports show it.
    pub file: Arc<str>,
    /// The file's text, for analyses that locate matches inside a value (e.g. a secret inside
    /// a block scalar).
    #[serde(skip)]
    pub source: Option<Arc<crate::source::SourceFile>>,
    /// The texts of the other files the model was read from (a Terraform module's files), for
    /// the same purpose.
    #[serde(skip)]
    pub sources: Vec<Arc<crate::source::SourceFile>>,
    /// Every resource of the template (also those not modelled in detail), by logical id.
    pub resources: Vec<ResMeta>,
    #[serde(skip)]
    pub resource_index: HashMap<String, usize>,
    /// The inputs the document declares (template parameters).
    pub inputs: Vec<Input>,
    /// Every literal of the document that can hold data or name something, for content
    /// analyses (see [`TextValue`]).
    pub texts: Vec<TextValue>,

    pub buckets: Vec<S3Bucket>,
    pub bucket_policies: Vec<BucketPolicy>,
    pub kms_keys: Vec<KmsKey>,
    pub db_instances: Vec<DbInstance>,
    pub db_clusters: Vec<DbCluster>,
    pub db_parameter_groups: Vec<DbParameterGroup>,
    pub db_subnet_groups: Vec<DbSubnetGroup>,
    pub db_snapshots: Vec<DbSnapshot>,

    pub vpcs: Vec<Vpc>,
    pub subnets: Vec<Subnet>,
    pub route_tables: Vec<RouteTable>,
    pub routes: Vec<Route>,
    pub subnet_route_tables: Vec<SubnetAssociation>,
    pub internet_gateways: Vec<ResMeta>,
    pub gateway_attachments: Vec<GatewayAttachment>,
    pub nat_gateways: Vec<NatGateway>,
    pub network_acls: Vec<NetworkAcl>,
    pub network_acl_entries: Vec<NetworkAclEntry>,
    pub subnet_network_acls: Vec<SubnetAssociation>,
    pub flow_logs: Vec<FlowLog>,
    pub security_groups: Vec<SecurityGroup>,
    /// Standalone ingress/egress rules whose group is not in the template.
    pub external_sg_rules: Vec<ExternalSgRule>,
    /// Detection, logging, compute and data-service encryption settings.
    pub monitoring: Monitoring,

    pub eks_clusters: Vec<EksCluster>,
    pub eks_nodegroups: Vec<EksNodegroup>,
    pub ecr_repositories: Vec<EcrRepository>,

    /// Kubernetes objects (of every manifest of the scan: they are checked together).
    pub k8s: k8s::K8sObjects,
    pub iam_roles: Vec<IamRole>,
    pub iam_users: Vec<IamUser>,
    pub iam_groups: Vec<IamGroup>,
    /// `AWS::IAM::Policy` and `AWS::IAM::ManagedPolicy`.
    pub iam_policies: Vec<IamPolicy>,
    pub user_to_groups: Vec<UserToGroup>,
    pub access_keys: Vec<AccessKey>,
    /// The account's IAM password policy.
    pub password_policies: Vec<PasswordPolicy>,
    /// SQS queue and SNS topic policies.
    pub resource_policies: Vec<ResourcePolicy>,
    pub lambda_permissions: Vec<LambdaPermission>,
    pub org_policies: Vec<OrgPolicy>,
    /// The document itself, when the input is a bare policy file.
    pub policy_file: Option<PolicyFile>,

    pub instances: Vec<Ec2Instance>,
    pub launch_templates: Vec<LaunchTemplate>,
    pub network_interfaces: Vec<NetworkInterface>,
    pub autoscaling_groups: Vec<AutoScalingGroup>,
    pub elastic_ips: Vec<ElasticIp>,
    pub load_balancers: Vec<LoadBalancer>,
    pub listeners: Vec<Listener>,
    pub target_groups: Vec<TargetGroup>,
    pub lambda_functions: Vec<LambdaFunction>,
    pub data_services: Vec<DataService>,
    pub service_subnet_groups: Vec<ServiceSubnetGroup>,
    pub vpc_cidr_blocks: Vec<VpcCidrBlock>,
    pub network_connections: Vec<NetworkConnection>,
    pub prefix_lists: Vec<PrefixList>,
    /// Account-level facts of a live account.
    pub account: Account,
}

impl Model {
    /// The resource with this logical id.
    pub fn resource(&self, id: &str) -> Option<&ResMeta> {
        self.resource_index.get(id).map(|&i| &self.resources[i])
    }

    /// The security group with this logical id.
    pub fn security_group(&self, id: &str) -> Option<&SecurityGroup> {
        self.security_groups.iter().find(|g| &*g.meta.id == id)
    }

    pub fn subnet(&self, id: &str) -> Option<&Subnet> {
        self.subnets.iter().find(|s| &*s.meta.id == id)
    }

    pub fn db_subnet_group(&self, id: &str) -> Option<&DbSubnetGroup> {
        self.db_subnet_groups.iter().find(|s| &*s.meta.id == id)
    }

    pub fn db_parameter_group(&self, id: &str) -> Option<&DbParameterGroup> {
        self.db_parameter_groups.iter().find(|s| &*s.meta.id == id)
    }

    pub fn db_cluster(&self, id: &str) -> Option<&DbCluster> {
        self.db_clusters.iter().find(|s| &*s.meta.id == id)
    }
}
