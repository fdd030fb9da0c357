//! The CloudFormation frontend: template sections, intrinsic evaluation, and lowering of
//! resources into the [`Model`].

use std::sync::Arc;

use crate::model::*;
use crate::source::Span;
use crate::value::Node;

pub mod convert;
pub mod eval;
pub mod iam;
pub mod monitoring;
pub mod network_extra;
pub mod params;
pub mod policy;
pub mod sam;
pub mod template;
pub mod texts;
pub mod variants;
pub mod yaml11;

use convert::{Props, field};
pub use eval::{Evaluator, Overrides};
pub use template::{Template, is_template};
pub use texts::only_placeholders;

/// CloudFormation resource types and model kinds, both ways: the table is
/// [`crate::model::kind::SOURCE_TYPES`].
pub use crate::model::kind::{model_kind, source_types};

/// Builds the model of a template, evaluating intrinsics with `ev` (which fixes the values of
/// undecidable conditions for this scenario).
pub fn lower(tpl: &Template<'_>, ev: &Evaluator<'_, '_>, file: Arc<str>) -> Model {
    let mut m = Model { file, inputs: texts::inputs(tpl), ..Model::default() };
    let mut lits = texts::Literals::default();
    let outputs = tpl.root.get("Outputs").and_then(Node::as_map).unwrap_or_default();
    lits.reserve(
        tpl.parameters
            .iter()
            .filter_map(|p| p.default)
            .chain(tpl.mappings)
            .chain(outputs.iter().flat_map(|o| o.value.as_map().unwrap_or_default()).map(|e| &e.value))
            .chain(tpl.resources.iter().flat_map(|r| r.properties().into_iter().chain(r.node.get("Metadata")))),
    );
    for p in &tpl.parameters {
        if let Some(d) = p.default {
            lits.add(d, &format!("Parameters.{}.Default", p.name), "Default", None);
        }
    }
    if let Some(maps) = tpl.mappings {
        lits.add(maps, "Mappings", "Mappings", None);
    }
    // Outputs, but not their `Condition` (a condition name).
    for o in outputs {
        for e in o.value.as_map().unwrap_or_default().iter().filter(|e| e.key != "Condition") {
            lits.add(&e.value, &format!("Outputs.{}.{}", o.key, e.key), &e.key, None);
        }
    }
    let mut pending_sg_rules: Vec<(Field<Link>, SgRule, bool)> = Vec::new();
    m.resources.reserve_exact(tpl.resources.len());
    m.resource_index.reserve(tpl.resources.len());
    for r in &tpl.resources {
        if let Some((c, _)) = &r.condition
            && ev.condition(c) == Some(false)
        {
            continue;
        }
        let props_node = r.properties();
        let props_val = props_node.map(|p| ev.eval(p));
        let props_span = props_node.map(|p| p.span).unwrap_or(r.id_span);
        let meta = ResMeta {
            id: r.id.as_str().into(),
            kind: r.kind.as_str().into(),
            model_kind: model_kind(&r.kind),
            span: r.id_span,
            props_span,
            tags: crate::model::tags::kept(crate::model::tags::tags_of(
                props_val.as_ref().and_then(|p| p.get("Tags")),
                props_span,
            )),
        };
        let idx = m.resources.len();
        m.resource_index.insert(r.id.clone(), idx);
        m.resources.push(meta.clone());
        if let Some(p) = props_node {
            lits.add(p, &format!("Resources.{}.Properties", r.id), "Properties", Some((idx, &meta)));
        }
        if let Some(md) = r.node.get("Metadata") {
            lits.add(md, &format!("Resources.{}.Metadata", r.id), "Metadata", Some((idx, &meta)));
        }
        let p = Props::new(props_val.as_ref().filter(|v| matches!(v.kind, VKind::Map(_))), r.id_span);
        lower_resource(&mut m, meta, &r.kind, &p, &mut pending_sg_rules);
    }
    attach_sg_rules(&mut m, pending_sg_rules);
    m.texts = lits.into_texts();
    crate::model::text::add_decoded(&mut m.texts);
    m
}

/// A resource of another language, mapped onto CloudFormation's resource type and property
/// names (the AWS resource schema), with the spans of where each value was written in that
/// language.
pub struct Shaped {
    /// Identity: `id` is the language's own name for the resource, `kind` its own type name,
    /// `model_kind` from [`model_kind`] of `cfn_type`.
    pub meta: ResMeta,
    /// The CloudFormation resource type whose properties `props` uses; empty when none.
    pub cfn_type: &'static str,
    /// The properties (a map), or `None` when there are none.
    pub props: Option<Val>,
}

/// Lowers resources of another language, already mapped onto CloudFormation's vocabulary,
/// into `m` (which the caller gives its file, inputs and texts).
pub fn lower_shaped(m: &mut Model, resources: Vec<Shaped>) {
    let mut pending_sg_rules: Vec<(Field<Link>, SgRule, bool)> = Vec::new();
    for r in resources {
        let idx = m.resources.len();
        m.resource_index.insert(r.meta.id.to_string(), idx);
        m.resources.push(r.meta.clone());
        let p = Props::new(r.props.as_ref().filter(|v| matches!(v.kind, VKind::Map(_))), r.meta.span);
        lower_resource(m, r.meta, r.cfn_type, &p, &mut pending_sg_rules);
    }
    attach_sg_rules(m, pending_sg_rules);
}

/// Standalone security group rules join their group when it is in the same unit.
fn attach_sg_rules(m: &mut Model, pending: Vec<(Field<Link>, SgRule, bool)>) {
    // The first group of each logical id.
    let mut group_at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, g) in m.security_groups.iter().enumerate() {
        group_at.entry(g.meta.id.to_string()).or_insert(i);
    }
    for (group, rule, egress) in pending {
        let target =
            group.get().and_then(Link::local).and_then(|id| group_at.get(id)).map(|&i| &mut m.security_groups[i]);
        match target {
            Some(g) if egress => g.egress.push(rule),
            Some(g) => g.ingress.push(rule),
            None => m.external_sg_rules.push(ExternalSgRule { group, rule, egress }),
        }
    }
}

fn lower_resource(
    m: &mut Model,
    meta: ResMeta,
    ty: &str,
    p: &Props<'_>,
    pending: &mut Vec<(Field<Link>, SgRule, bool)>,
) {
    monitoring::lower(&mut m.monitoring, &meta, ty, p);
    match ty {
        "AWS::S3::Bucket" => m.buckets.push(s3_bucket(meta, p)),
        "AWS::S3::BucketPolicy" => m.bucket_policies.push(BucketPolicy {
            bucket: p.link("Bucket"),
            document: doc_field(p, "PolicyDocument"),
            meta,
        }),
        "AWS::KMS::Key" => m.kms_keys.push(KmsKey {
            enable_key_rotation: p.boolean("EnableKeyRotation"),
            key_spec: p.string("KeySpec"),
            origin: p.string("Origin"),
            key_policy: doc_field(p, "KeyPolicy"),
            meta,
        }),
        "AWS::RDS::DBInstance" => m.db_instances.push(DbInstance {
            db: db_common(p),
            cluster: p.link("DBClusterIdentifier"),
            parameter_group: p.link("DBParameterGroupName"),
            parameter_group_source_name: "DBParameterGroupName",
            source_instance: p.string("SourceDBInstanceIdentifier"),
            meta,
        }),
        "AWS::RDS::DBCluster" => m.db_clusters.push(DbCluster {
            db: db_common(p),
            parameter_group: p.link("DBClusterParameterGroupName"),
            parameter_group_source_name: "DBClusterParameterGroupName",
            engine_mode: p.string("EngineMode"),
            meta,
        }),
        "AWS::RDS::DBParameterGroup" | "AWS::RDS::DBClusterParameterGroup" => {
            let parameters = match p.val("Parameters") {
                None => Field::absent(meta.props_span),
                Some(v) => match v.as_map() {
                    Some(entries) => Field {
                        value: Tri::Known(
                            entries
                                .iter()
                                .map(|(k, _, val)| (k.clone(), field(Some(val), val.span, Val::scalar_text)))
                                .collect(),
                        ),
                        span: p.span_of("Parameters").unwrap_or(v.span),
                        origin: None,
                    },
                    None => Field { value: Tri::Unknown, span: v.span, origin: v.origin.clone() },
                },
            };
            m.db_parameter_groups.push(DbParameterGroup { family: p.string("Family"), parameters, meta });
        }
        "AWS::RDS::DBSubnetGroup" => m.db_subnet_groups.push(DbSubnetGroup { subnets: p.links("SubnetIds"), meta }),
        "AWS::EC2::VPC" => m.vpcs.push(Vpc { cidr: p.string("CidrBlock"), meta }),
        "AWS::EC2::Subnet" => m.subnets.push(Subnet {
            vpc: p.link("VpcId"),
            cidr: p.string("CidrBlock"),
            map_public_ip: p.boolean("MapPublicIpOnLaunch"),
            meta,
        }),
        "AWS::EC2::RouteTable" => {
            // Inline `Routes` are not part of CloudFormation's schema but appear in
            // documentation examples; model them as routes of this table.
            if let Some(routes) = p.val("Routes").and_then(Val::as_list) {
                for r in routes {
                    let rp = Props::new(Some(r), r.span);
                    m.routes.push(route(
                        meta.clone(),
                        r.span,
                        Field::known(Link::Local(meta.id.to_string()), r.span),
                        &rp,
                    ));
                }
            }
            m.route_tables.push(RouteTable { vpc: p.link("VpcId"), meta });
        }
        "AWS::EC2::Route" => {
            let span = meta.props_span;
            m.routes.push(route(meta, span, p.link("RouteTableId"), p));
        }
        "AWS::EC2::SubnetRouteTableAssociation" => m.subnet_route_tables.push(SubnetAssociation {
            subnet: p.link("SubnetId"),
            target: p.link("RouteTableId"),
            meta,
        }),
        "AWS::EC2::InternetGateway" => m.internet_gateways.push(meta),
        "AWS::EC2::VPCGatewayAttachment" => m.gateway_attachments.push(GatewayAttachment {
            vpc: p.link("VpcId"),
            internet_gateway: p.link("InternetGatewayId"),
            meta,
        }),
        "AWS::EC2::NatGateway" => m.nat_gateways.push(NatGateway { subnet: p.link("SubnetId"), meta }),
        "AWS::EC2::NetworkAcl" => m.network_acls.push(NetworkAcl { vpc: p.link("VpcId"), meta }),
        "AWS::EC2::NetworkAclEntry" => {
            let ports = match p.sub("PortRange") {
                None => Field::absent(meta.props_span),
                Some(pr) => {
                    let (from, to) = (pr.int("From"), pr.int("To"));
                    let span = pr.props.map(|v| v.span).unwrap_or(meta.props_span);
                    match (from.get(), to.get()) {
                        (Some(f), Some(t)) => Field::known((*f, *t), span),
                        _ => Field { value: Tri::Unknown, span, origin: None },
                    }
                }
            };
            m.network_acl_entries.push(NetworkAclEntry {
                acl: p.link("NetworkAclId"),
                rule_number: p.int("RuleNumber"),
                protocol: p.string("Protocol"),
                action: p.string("RuleAction"),
                egress: p.boolean("Egress"),
                cidr_ipv4: p.string("CidrBlock"),
                cidr_ipv6: p.string("Ipv6CidrBlock"),
                ports,
                meta,
            });
        }
        "AWS::EC2::SubnetNetworkAclAssociation" => m.subnet_network_acls.push(SubnetAssociation {
            subnet: p.link("SubnetId"),
            target: p.link("NetworkAclId"),
            meta,
        }),
        "AWS::EC2::FlowLog" => {
            let mut resources = Vec::new();
            let single = p.link("ResourceId");
            if !single.is_absent() {
                resources.push(single);
            }
            if let Some(items) = p.links("ResourceIds").get() {
                resources.extend(items.iter().cloned());
            }
            m.flow_logs.push(FlowLog { resources, resource_type: p.string("ResourceType"), meta });
        }
        "AWS::EC2::SecurityGroup" => {
            let ingress = sg_rules(p.val("SecurityGroupIngress"), false);
            let egress_val = p.val("SecurityGroupEgress");
            m.security_groups.push(SecurityGroup {
                description: p.string("GroupDescription"),
                vpc: p.link("VpcId"),
                egress_declared: egress_val.is_some(),
                egress: sg_rules(egress_val, true),
                ingress,
                meta,
            });
        }
        "AWS::EC2::SecurityGroupIngress" | "AWS::EC2::SecurityGroupEgress" => {
            let egress = ty.ends_with("Egress");
            let group = if p.val("GroupId").is_some() { p.link("GroupId") } else { p.link("GroupName") };
            let span = meta.props_span;
            let mut rule = sg_rule(p, span, egress);
            rule.standalone = Some(meta);
            pending.push((group, rule, egress));
        }
        "AWS::EKS::Cluster" => m.eks_clusters.push(eks_cluster(meta, p)),
        "AWS::EKS::Nodegroup" => {
            let ra = p.sub("RemoteAccess");
            m.eks_nodegroups.push(EksNodegroup {
                remote_access: p
                    .val("RemoteAccess")
                    .filter(|v| v.as_map().is_some())
                    .and_then(|_| p.span_of("RemoteAccess")),
                ssh_key: ra.as_ref().map(|r| r.string("Ec2SshKey")).unwrap_or_else(|| Field::absent(meta.props_span)),
                source_security_groups: ra
                    .as_ref()
                    .map(|r| r.links("SourceSecurityGroups"))
                    .unwrap_or_else(|| Field::absent(meta.props_span)),
                meta,
            });
        }
        "AWS::ECR::Repository" => {
            if p.val("RepositoryPolicyText").is_some() {
                m.resource_policies.push(ResourcePolicy {
                    kind: ResourcePolicyKind::Ecr,
                    targets: Field::known(vec![Field::known(Link::Local(meta.id.to_string()), meta.span)], meta.span),
                    document: p.document("RepositoryPolicyText"),
                    meta: meta.clone(),
                });
            }
            m.ecr_repositories.push(ecr_repository(meta, p))
        }
        k if iam::TYPES.contains(&k) => iam::lower(m, meta, ty, p),
        k if network_extra::handles(k) => network_extra::lower(m, meta, ty, p),
        _ => {}
    }
}

fn ecr_repository(meta: ResMeta, p: &Props<'_>) -> EcrRepository {
    EcrRepository {
        scan_on_push: p
            .sub("ImageScanningConfiguration")
            .map(|s| s.boolean("ScanOnPush"))
            .unwrap_or_else(|| Field::absent(meta.span)),
        tag_mutability: p.string("ImageTagMutability"),
        encryption_type: p
            .sub("EncryptionConfiguration")
            .map(|e| e.string("EncryptionType"))
            .unwrap_or_else(|| Field::absent(meta.span)),
        meta,
    }
}

fn eks_cluster(meta: ResMeta, p: &Props<'_>) -> EksCluster {
    let vpc = p.sub("ResourcesVpcConfig");
    let vpc_config_span = p.span_of("ResourcesVpcConfig").unwrap_or(meta.span);
    let absent = Field::absent(vpc_config_span);
    let log_types = match p.sub("Logging") {
        None => Field::absent(meta.span),
        Some(l) => match l.sub("ClusterLogging") {
            None => Field::absent(p.span_of("Logging").unwrap_or(meta.span)),
            Some(cl) => cl.list_of("EnabledTypes", |t| {
                let tp = Props::new(Some(t), t.span);
                tp.string("Type")
            }),
        },
    };
    EksCluster {
        encryption: p.list_of("EncryptionConfig", |e| {
            let ep = Props::new(Some(e), e.span);
            EksEncryption {
                span: e.span,
                resources: ep.strings("Resources"),
                key: ep.sub("Provider").map(|pr| pr.link("KeyArn")).unwrap_or_else(|| Field::absent(e.span)),
            }
        }),
        endpoint_public: vpc.as_ref().map(|v| v.boolean("EndpointPublicAccess")).unwrap_or_else(|| absent.clone()),
        endpoint_private: vpc.as_ref().map(|v| v.boolean("EndpointPrivateAccess")).unwrap_or_else(|| absent.clone()),
        public_access_cidrs: vpc
            .as_ref()
            .map(|v| v.strings("PublicAccessCidrs"))
            .unwrap_or_else(|| Field::absent(vpc_config_span)),
        vpc_config_span,
        log_types,
        meta,
    }
}

fn doc_field(p: &Props<'_>, key: &str) -> Field<PolicyDocument> {
    p.document(key)
}

/// A canned ACL from its CloudFormation spelling (`PublicRead`, ...).
fn canned_acl(text: String) -> CannedAcl {
    let value = match text.as_str() {
        "Private" => "private",
        "PublicRead" => CannedAcl::PUBLIC_READ,
        "PublicReadWrite" => CannedAcl::PUBLIC_READ_WRITE,
        "AuthenticatedRead" => CannedAcl::AUTHENTICATED_READ,
        "AwsExecRead" => "aws-exec-read",
        "BucketOwnerRead" => "bucket-owner-read",
        "BucketOwnerFullControl" => "bucket-owner-full-control",
        "LogDeliveryWrite" => "log-delivery-write",
        other => other,
    };
    CannedAcl { value: value.to_string(), source_text: text }
}

fn s3_bucket(meta: ResMeta, p: &Props<'_>) -> S3Bucket {
    let public_access_block = p.sub("PublicAccessBlockConfiguration").map(|b| {
        Box::new(PublicAccessBlock {
            span: b.absent,
            block_public_acls: b.boolean("BlockPublicAcls"),
            block_public_policy: b.boolean("BlockPublicPolicy"),
            ignore_public_acls: b.boolean("IgnorePublicAcls"),
            restrict_public_buckets: b.boolean("RestrictPublicBuckets"),
        })
    });
    let encryption = match p.sub("BucketEncryption") {
        None => Field::absent(meta.props_span),
        Some(be) => be.list_of("ServerSideEncryptionConfiguration", |rule| {
            let r = Props::new(Some(rule), rule.span);
            let d = r.sub("ServerSideEncryptionByDefault");
            BucketEncryptionRule {
                span: rule.span,
                algorithm: d.as_ref().map(|d| d.string("SSEAlgorithm")).unwrap_or_else(|| Field::absent(rule.span)),
                kms_key: d.as_ref().map(|d| d.link("KMSMasterKeyID")).unwrap_or_else(|| Field::absent(rule.span)),
            }
        }),
    };
    let versioning = match p.sub("VersioningConfiguration") {
        Some(v) => v.string("Status"),
        None => Field::absent(meta.props_span),
    };
    let lifecycle_rules = match p.sub("LifecycleConfiguration") {
        None => Field::absent(meta.props_span),
        Some(lc) => lc.list_of("Rules", |rule| {
            let r = Props::new(Some(rule), rule.span);
            LifecycleRule {
                span: rule.span,
                status: r.string("Status"),
                expires_noncurrent: r.val("NoncurrentVersionExpiration").is_some()
                    || r.val("NoncurrentVersionExpirationInDays").is_some(),
            }
        }),
    };
    let replication = match p.sub("ReplicationConfiguration") {
        None => Field::absent(meta.props_span),
        Some(rc) => rc.list_of("Rules", |rule| {
            let r = Props::new(Some(rule), rule.span);
            ReplicationRule {
                span: rule.span,
                status: r.string("Status"),
                destination: r.sub("Destination").map(|d| d.link("Bucket")).unwrap_or_else(|| Field::absent(rule.span)),
            }
        }),
    };
    S3Bucket {
        replication,
        name: p.string("BucketName"),
        access_control: p.string("AccessControl").map(canned_acl),
        public_access_block,
        encryption,
        versioning,
        logging: p.present("LoggingConfiguration"),
        log_destination: p
            .sub("LoggingConfiguration")
            .map(|l| l.link("DestinationBucketName"))
            .unwrap_or_else(|| Field::absent(meta.props_span)),
        lifecycle_rules,
        meta,
    }
}

fn db_common(p: &Props<'_>) -> DbCommon {
    DbCommon {
        engine: p.string("Engine"),
        engine_version: p.string("EngineVersion"),
        storage_encrypted: p.boolean("StorageEncrypted"),
        kms_key: p.link("KmsKeyId"),
        publicly_accessible: p.boolean("PubliclyAccessible"),
        security_groups: p.links("VPCSecurityGroups").or_else_absent(|| p.links("VpcSecurityGroupIds")),
        subnet_group: p.link("DBSubnetGroupName"),
        backup_retention: p.int("BackupRetentionPeriod"),
        port: p.int("Port"),
        snapshot: if p.val("DBSnapshotIdentifier").is_some() {
            p.string("DBSnapshotIdentifier")
        } else {
            p.string("SnapshotIdentifier")
        },
        source_cluster: p.string("SourceDBClusterIdentifier"),
    }
}

trait OrElseAbsent {
    fn or_else_absent(self, f: impl FnOnce() -> Self) -> Self;
}

impl<T> OrElseAbsent for Field<T> {
    fn or_else_absent(self, f: impl FnOnce() -> Self) -> Self {
        if self.is_absent() { f() } else { self }
    }
}

fn route(meta: ResMeta, span: Span, table: Field<Link>, p: &Props<'_>) -> Route {
    type MakeTarget = fn(Link) -> RouteTarget;
    let targets: [(&str, MakeTarget); 8] = [
        ("GatewayId", RouteTarget::Gateway),
        ("EgressOnlyInternetGatewayId", RouteTarget::EgressOnlyGateway),
        ("NatGatewayId", RouteTarget::NatGateway),
        ("InstanceId", RouteTarget::Instance),
        ("NetworkInterfaceId", RouteTarget::NetworkInterface),
        ("VpcPeeringConnectionId", RouteTarget::PeeringConnection),
        ("TransitGatewayId", RouteTarget::TransitGateway),
        ("VpcEndpointId", RouteTarget::VpcEndpoint),
    ];
    let mut target = Field::known(RouteTarget::Other, span);
    for (key, make) in targets {
        if p.val(key).is_some() {
            let l = p.link(key);
            target = Field {
                value: match l.value {
                    Tri::Known(l) => Tri::Known(make(l)),
                    Tri::Unknown => Tri::Unknown,
                    Tri::Absent => continue,
                },
                span: l.span,
                origin: l.origin,
            };
            break;
        }
    }
    Route {
        meta,
        span,
        route_table: table,
        destination_ipv4: p.string("DestinationCidrBlock"),
        destination_ipv6: p.string("DestinationIpv6CidrBlock"),
        target,
    }
}

fn sg_rules(v: Option<&Val>, egress: bool) -> Vec<SgRule> {
    let Some(v) = v else { return Vec::new() };
    v.items()
        .into_iter()
        .filter(|i| matches!(i.kind, VKind::Map(_)))
        .map(|i| sg_rule(&Props::new(Some(i), i.span), i.span, egress))
        .collect()
}

fn sg_rule(p: &Props<'_>, span: Span, egress: bool) -> SgRule {
    let protocol = field(p.val("IpProtocol"), p.absent, |v| v.scalar_text().map(|s| normalise_protocol(&s)));
    let (cidr4, cidr6, group, prefix) = if egress {
        ("CidrIp", "CidrIpv6", "DestinationSecurityGroupId", "DestinationPrefixListId")
    } else {
        ("CidrIp", "CidrIpv6", "SourceSecurityGroupId", "SourcePrefixListId")
    };
    let source_group = if !egress && p.val(group).is_none() && p.val("SourceSecurityGroupName").is_some() {
        p.link("SourceSecurityGroupName")
    } else {
        p.link(group)
    };
    SgRule {
        span,
        standalone: None,
        protocol,
        from_port: p.int("FromPort"),
        to_port: p.int("ToPort"),
        cidr_ipv4: p.string(cidr4),
        cidr_ipv6: p.string(cidr6),
        source_group,
        prefix_list: p.string(prefix),
        description: p.string("Description"),
    }
}

/// `-1` for all protocols, names for tcp/udp/icmp/icmpv6, else the number as written.
pub fn normalise_protocol(p: &str) -> String {
    match p.trim().to_ascii_lowercase().as_str() {
        "-1" | "all" => "-1".into(),
        "6" | "tcp" => "tcp".into(),
        "17" | "udp" => "udp".into(),
        "1" | "icmp" => "icmp".into(),
        "58" | "icmpv6" => "icmpv6".into(),
        other => other.into(),
    }
}

/// Values assumed for undecidable conditions, one map per scenario: every combination of the
/// template's undecidable conditions when there are at most `full`, else per group of related
/// resources, fewer for a large template of `size` bytes (see [`variants`]).
pub fn scenarios(tpl: &Template<'_>, overrides: &Overrides, full: usize, size: usize) -> variants::Plan {
    variants::plan(tpl, overrides, full, size)
}

/// The model of a template given as YAML text, with its parameters' defaults and undecidable
/// conditions left unknown (for tests of what builds on the lowering).
#[cfg(test)]
pub(crate) fn model_of_yaml(text: &str) -> Model {
    let src = crate::source::SourceFile::new("t.yaml", text.to_string());
    let docs = crate::parse::parse_yaml(&src, &crate::parse::Limits::default()).expect("valid YAML");
    let overrides = Overrides::new();
    let tpl = Template::new(&docs[0].root, &overrides);
    let ev = Evaluator::new(&tpl, &overrides, std::collections::BTreeMap::new());
    let mut m = lower(&tpl, &ev, "t.yaml".into());
    m.source = Some(Arc::new(src));
    m
}
