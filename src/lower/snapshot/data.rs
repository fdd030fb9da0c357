//! Data and detection services: S3 buckets with their per-bucket settings, RDS instances and
//! snapshots, KMS keys, CloudTrail trails, GuardDuty detectors, EBS snapshots and EBS
//! encryption by default.

use super::{Answer, Ctx, PropsBuilder, bool_val, list_val, node_val, policy_val, str_val};
use crate::lower::cfn::convert::Props;
use crate::model::{DbSnapshot, EbsSnapshot, Field, Model, ResMeta, Tri, Val, kind};
use std::collections::HashMap;

use crate::value::Node;

pub fn index_ids(cx: &mut Ctx<'_>) {
    if let Some(d) = cx.global("s3", "ListBuckets").data() {
        for b in cx.list(d, "Buckets") {
            if let Some(name) = b.get("Name").and_then(Node::as_str) {
                let arn = format!("arn:{}:s3:::{name}", cx.partition);
                cx.ids.insert(name.to_string(), arn);
            }
        }
    }
}

/// The per-resource calls of a service: `global.s3.GetBucketPolicy` is an object keyed by
/// bucket name.
fn calls<'a>(scope: Option<&'a Node>, service: &str, call: &str) -> Option<&'a Node> {
    scope?.get(service)?.get(call)
}

pub fn shape(cx: &mut Ctx<'_>) {
    buckets(cx);
    for (region, rn) in cx.regions() {
        rds(cx, region, rn);
        kms(cx, region, rn);
        trails(cx, region, rn);
        detectors(cx, region, rn);
    }
}

fn buckets(cx: &mut Ctx<'_>) {
    let Some(d) = cx.global("s3", "ListBuckets").data() else { return };
    let global = cx.root.get("global");
    for bucket in cx.list(d, "Buckets") {
        let Some(name_node) = bucket.get("Name") else { continue };
        let Some(name) = name_node.as_str() else { continue };
        let arn = format!("arn:{}:s3:::{name}", cx.partition);
        let answer = |call: &str| cx.per_resource(calls(global, "s3", call), "s3", None, call, name);
        let mut b = PropsBuilder::new(bucket.span);
        b.val("BucketName", node_val(name_node));
        b.answer("PublicAccessBlockConfiguration", &answer("GetPublicAccessBlock"), |n| {
            n.get("PublicAccessBlockConfiguration").map(node_val)
        });
        b.answer("AccessControl", &answer("GetBucketAcl"), |n| Some(canned_acl(n)));
        b.answer("BucketEncryption", &answer("GetBucketEncryption"), |n| {
            let rules = n.get("ServerSideEncryptionConfiguration")?.get("Rules")?;
            let items = rules
                .as_seq()?
                .iter()
                .map(|r| {
                    let mut rb = PropsBuilder::new(r.span);
                    rb.copy("ServerSideEncryptionByDefault", r, "ApplyServerSideEncryptionByDefault").copy(
                        "BucketKeyEnabled",
                        r,
                        "BucketKeyEnabled",
                    );
                    rb.build()
                })
                .collect();
            Some(
                PropsBuilder::new(n.span).val("ServerSideEncryptionConfiguration", list_val(items, rules.span)).build(),
            )
        });
        b.answer("VersioningConfiguration", &answer("GetBucketVersioning"), |n| {
            n.get("Status").map(|s| PropsBuilder::new(n.span).val("Status", node_val(s)).build())
        });
        b.answer("LoggingConfiguration", &answer("GetBucketLogging"), |n| {
            let l = n.get("LoggingEnabled")?;
            let mut lb = PropsBuilder::new(l.span);
            if let Some(t) = l.get("TargetBucket") {
                lb.val("DestinationBucketName", cx.link(t));
            }
            Some(lb.build())
        });
        b.answer("OwnershipControls", &answer("GetBucketOwnershipControls"), |n| {
            n.get("OwnershipControls").map(node_val)
        });
        b.answer("LifecycleConfiguration", &answer("GetBucketLifecycleConfiguration"), |n| {
            n.get("Rules").map(|r| PropsBuilder::new(n.span).val("Rules", node_val(r)).build())
        });
        let policy = answer("GetBucketPolicy");
        cx.add(arn.clone(), "AWS::S3::Bucket", bucket, b.build());
        match policy {
            Answer::Data(n) => {
                let Some(doc) = n.get("Policy") else { continue };
                let mut pb = PropsBuilder::new(n.span);
                pb.val("Bucket", cx.link(name_node));
                pb.val("PolicyDocument", policy_val(doc));
                cx.add(format!("{arn}/policy"), "AWS::S3::BucketPolicy", n, pb.build());
            }
            Answer::Failed(span) => {
                // The bucket may have a policy: one whose document is unknown.
                let mut pb = PropsBuilder::new(span);
                pb.val("Bucket", cx.link(name_node));
                pb.val("PolicyDocument", Val::unknown("`GetBucketPolicy` was not answered", span));
                cx.add(format!("{arn}/policy"), "AWS::S3::BucketPolicy", bucket, pb.build());
            }
            _ => {}
        }
    }
}

/// The canned ACL an ACL's grants amount to (`GetBucketAcl`).
fn canned_acl(n: &Node) -> Val {
    let grants = n.get("Grants").and_then(Node::as_seq).unwrap_or_default();
    let to = |group: &str, perms: &[&str]| {
        grants.iter().any(|g| {
            g.get("Grantee").and_then(|e| e.get("URI")).and_then(Node::as_str).is_some_and(|u| u.ends_with(group))
                && g.get("Permission").and_then(Node::as_str).is_some_and(|p| perms.contains(&p))
        })
    };
    let canned = if to("/global/AllUsers", &["WRITE", "FULL_CONTROL"]) {
        "PublicReadWrite"
    } else if to("/global/AllUsers", &["READ", "READ_ACP", "WRITE_ACP"]) {
        "PublicRead"
    } else if to("/global/AuthenticatedUsers", &["READ", "WRITE", "FULL_CONTROL", "READ_ACP", "WRITE_ACP"]) {
        "AuthenticatedRead"
    } else {
        "Private"
    };
    str_val(canned, n.get("Grants").map(|g| g.span).unwrap_or(n.span))
}

/// A reference to a resource of the snapshot by its ARN.
fn ref_val(arn: &str, span: crate::source::Span) -> Val {
    Val::new(crate::model::VKind::Ref(crate::model::RefTarget { id: arn.to_string(), attr: None }), span)
}

/// The RDS names of a region (DB clusters, parameter groups, cluster parameter groups) and
/// the ARNs they stand for; each kind has its own names.
#[derive(Default)]
struct RdsNames {
    clusters: HashMap<String, String>,
    groups: HashMap<String, String>,
    cluster_groups: HashMap<String, String>,
}

impl RdsNames {
    /// A name of `names` as a link to the resource of the snapshot, else the literal.
    fn link(names: &HashMap<String, String>, n: &Node) -> Val {
        match n.as_str().and_then(|s| names.get(s)) {
            Some(arn) => ref_val(arn, n.span),
            None => node_val(n),
        }
    }
}

/// Parameter groups (`DescribeDBParameterGroups`, `DescribeDBClusterParameterGroups`) with
/// their parameters (`DescribeDBParameters`, `DescribeDBClusterParameters`, keyed by group
/// name); a group whose parameters are not in the snapshot has unknown parameters.
fn parameter_groups(cx: &mut Ctx<'_>, region: &str, rn: &Node, names: &mut RdsNames) {
    let kinds = [
        (
            "DescribeDBParameterGroups",
            "DBParameterGroups",
            "DBParameterGroupName",
            "DBParameterGroupArn",
            "DescribeDBParameters",
            "pg",
            "AWS::RDS::DBParameterGroup",
        ),
        (
            "DescribeDBClusterParameterGroups",
            "DBClusterParameterGroups",
            "DBClusterParameterGroupName",
            "DBClusterParameterGroupArn",
            "DescribeDBClusterParameters",
            "cluster-pg",
            "AWS::RDS::DBClusterParameterGroup",
        ),
    ];
    for (call, key, name_key, arn_key, params_call, arn_type, ty) in kinds {
        let Some(d) = cx.regional(rn, region, "rds", call).data() else { continue };
        let params = rn.get("rds").and_then(|r| r.get(params_call));
        for g in cx.list(d, key) {
            let Some(name) = g.get(name_key).and_then(Node::as_str) else { continue };
            let arn = g
                .get(arn_key)
                .and_then(Node::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| cx.arn("rds", region, &format!("{arn_type}:{name}")));
            let map = if ty.ends_with("ClusterParameterGroup") { &mut names.cluster_groups } else { &mut names.groups };
            map.insert(name.to_string(), arn.clone());
            let mut b = PropsBuilder::new(g.span);
            b.copy("Family", g, "DBParameterGroupFamily").copy("Description", g, "Description");
            let answer = cx.per_resource(params, "rds", Some(region), params_call, name);
            b.answer("Parameters", &answer, |n| {
                let list = n.get("Parameters")?;
                // Parameters without a value are left at the engine's default.
                let entries = list
                    .as_seq()?
                    .iter()
                    .filter_map(|p| {
                        let name = p.get("ParameterName")?.as_str()?;
                        let value = p.get("ParameterValue").filter(|v| !v.is_null())?;
                        Some((name.to_string(), value.span, node_val(value)))
                    })
                    .collect();
                Some(Val::new(crate::model::VKind::Map(entries), list.span))
            });
            cx.add(arn, ty, g, b.build());
        }
    }
}

/// The fields DB instances and clusters share, in CloudFormation's names.
const DB_FIELDS: &[(&str, &str)] = &[
    ("Engine", "Engine"),
    ("EngineVersion", "EngineVersion"),
    ("PubliclyAccessible", "PubliclyAccessible"),
    ("StorageEncrypted", "StorageEncrypted"),
    ("KmsKeyId", "KmsKeyId"),
    ("BackupRetentionPeriod", "BackupRetentionPeriod"),
    ("MultiAZ", "MultiAZ"),
    ("DeletionProtection", "DeletionProtection"),
    ("AutoMinorVersionUpgrade", "AutoMinorVersionUpgrade"),
    ("EnableIAMDatabaseAuthentication", "IAMDatabaseAuthenticationEnabled"),
    ("EnableCloudwatchLogsExports", "EnabledCloudwatchLogsExports"),
];

fn db_groups(cx: &Ctx<'_>, db: &Node) -> Val {
    let groups: Vec<Val> = db
        .get("VpcSecurityGroups")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|g| g.get("VpcSecurityGroupId"))
        .map(|g| cx.link(g))
        .collect();
    list_val(groups, db.get("VpcSecurityGroups").map(|g| g.span).unwrap_or(db.span))
}

fn rds_clusters(cx: &mut Ctx<'_>, region: &str, rn: &Node, names: &mut RdsNames) {
    let Some(d) = cx.regional(rn, region, "rds", "DescribeDBClusters").data() else { return };
    for c in cx.list(d, "DBClusters") {
        let (Some(arn), Some(id)) =
            (c.get("DBClusterArn").and_then(Node::as_str), c.get("DBClusterIdentifier").and_then(Node::as_str))
        else {
            continue;
        };
        names.clusters.insert(id.to_string(), arn.to_string());
        let mut b = PropsBuilder::new(c.span);
        b.copy("DBClusterIdentifier", c, "DBClusterIdentifier").copy("EngineMode", c, "EngineMode");
        for (to, from) in DB_FIELDS {
            b.copy(to, c, from);
        }
        b.copy("Port", c, "Port");
        b.val("VpcSecurityGroupIds", db_groups(cx, c));
        if let Some(g) = c.get("DBClusterParameterGroup") {
            b.val("DBClusterParameterGroupName", RdsNames::link(&names.cluster_groups, g));
        }
        if let Some(g) = c.get("DBSubnetGroup") {
            b.val("DBSubnetGroupName", node_val(g));
        }
        cx.add(arn.to_string(), "AWS::RDS::DBCluster", c, b.build());
    }
}

fn rds(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let mut names = RdsNames::default();
    parameter_groups(cx, region, rn, &mut names);
    rds_clusters(cx, region, rn, &mut names);
    let Some(d) = cx.regional(rn, region, "rds", "DescribeDBInstances").data() else { return };
    for db in cx.list(d, "DBInstances") {
        let Some(arn) = db.get("DBInstanceArn").and_then(Node::as_str).map(str::to_string) else { continue };
        let mut b = PropsBuilder::new(db.span);
        b.copy("DBInstanceIdentifier", db, "DBInstanceIdentifier");
        for (to, from) in DB_FIELDS {
            b.copy(to, db, from);
        }
        if let Some(c) = db.get("DBClusterIdentifier").filter(|c| !c.is_null()) {
            b.val("DBClusterIdentifier", RdsNames::link(&names.clusters, c));
        }
        // An instance always has a parameter group: its own, or the engine's default one.
        if let Some(g) = cx.list(db, "DBParameterGroups").first().and_then(|g| g.get("DBParameterGroupName")) {
            b.val("DBParameterGroupName", RdsNames::link(&names.groups, g));
        }
        if let Some(p) = db.get("Endpoint").and_then(|e| e.get("Port")) {
            b.val("Port", node_val(p));
        }
        b.val("VPCSecurityGroups", db_groups(cx, db));
        if let Some(sg) = db.get("DBSubnetGroup") {
            let subnets: Vec<Val> =
                cx.list(sg, "Subnets").iter().filter_map(|s| s.get("SubnetIdentifier")).map(|s| cx.link(s)).collect();
            let group_id = format!("{arn}/subnet-group");
            let props = PropsBuilder::new(sg.span).val("SubnetIds", list_val(subnets, sg.span)).build();
            cx.add(group_id.clone(), "AWS::RDS::DBSubnetGroup", sg, props);
            b.val(
                "DBSubnetGroupName",
                Val::new(crate::model::VKind::Ref(crate::model::RefTarget { id: group_id, attr: None }), sg.span),
            );
        }
        cx.add(arn, "AWS::RDS::DBInstance", db, b.build());
    }
}

fn kms(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "kms", "ListKeys").data() else { return };
    let kms_calls = rn.get("kms");
    for key in cx.list(d, "Keys") {
        let Some(id) = key.get("KeyId").and_then(Node::as_str) else { continue };
        let arn = key
            .get("KeyArn")
            .and_then(Node::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| cx.arn("kms", region, &format!("key/{id}")));
        let answer = |call: &str| cx.per_resource(kms_calls.and_then(|k| k.get(call)), "kms", Some(region), call, id);
        let describe = answer("DescribeKey");
        let meta = describe.data().and_then(|n| n.get("KeyMetadata"));
        // Keys AWS manages for its services rotate on their own and are not the account's to set.
        if meta.and_then(|m| m.get("KeyManager")).and_then(Node::as_str) == Some("AWS") {
            continue;
        }
        if meta.and_then(|m| m.get("KeyState")).and_then(Node::as_str) == Some("PendingDeletion") {
            continue;
        }
        let mut b = PropsBuilder::new(key.span);
        b.answer("KeySpec", &describe, |n| n.get("KeyMetadata")?.get("KeySpec").map(node_val));
        b.answer("Origin", &describe, |n| n.get("KeyMetadata")?.get("Origin").map(node_val));
        b.answer("EnableKeyRotation", &answer("GetKeyRotationStatus"), |n| n.get("KeyRotationEnabled").map(node_val));
        b.answer("KeyPolicy", &answer("GetKeyPolicy"), |n| n.get("Policy").map(policy_val));
        cx.add(arn, "AWS::KMS::Key", key, b.build());
    }
}

fn trails(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "cloudtrail", "DescribeTrails").data() else { return };
    let trail_calls = rn.get("cloudtrail");
    for t in cx.list(d, "trailList") {
        let Some(arn) = t.get("TrailARN").and_then(Node::as_str) else { continue };
        // A multi-Region trail is listed in every Region: it is read in its home Region.
        if t.get("HomeRegion").and_then(Node::as_str).is_some_and(|h| h != region) {
            continue;
        }
        let answer =
            |call: &str| cx.per_resource(trail_calls.and_then(|k| k.get(call)), "cloudtrail", Some(region), call, arn);
        let mut b = PropsBuilder::new(t.span);
        for (to, from) in [
            ("TrailName", "Name"),
            ("IsMultiRegionTrail", "IsMultiRegionTrail"),
            ("IncludeGlobalServiceEvents", "IncludeGlobalServiceEvents"),
            ("EnableLogFileValidation", "LogFileValidationEnabled"),
            ("KMSKeyId", "KmsKeyId"),
            ("CloudWatchLogsLogGroupArn", "CloudWatchLogsLogGroupArn"),
        ] {
            b.copy(to, t, from);
        }
        if let Some(bucket) = t.get("S3BucketName") {
            b.val("S3BucketName", cx.link(bucket));
        }
        b.answer("IsLogging", &answer("GetTrailStatus"), |n| n.get("IsLogging").map(node_val));
        let selectors = answer("GetEventSelectors");
        if let Some(n) = selectors.data() {
            b.copy("EventSelectors", n, "EventSelectors").copy("AdvancedEventSelectors", n, "AdvancedEventSelectors");
        }
        cx.add(arn.to_string(), "AWS::CloudTrail::Trail", t, b.build());
    }
}

fn detectors(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "guardduty", "ListDetectors").data() else { return };
    let gd_calls = rn.get("guardduty");
    for id_node in cx.list(d, "DetectorIds") {
        let Some(id) = id_node.as_str() else { continue };
        let answer =
            cx.per_resource(gd_calls.and_then(|k| k.get("GetDetector")), "guardduty", Some(region), "GetDetector", id);
        let mut b = PropsBuilder::new(id_node.span);
        b.answer("Enable", &answer, |n| {
            let s = n.get("Status")?;
            Some(bool_val(s.as_str() == Some("ENABLED"), s.span))
        });
        if let Some(f) = answer.data().and_then(|n| n.get("Features")) {
            b.val("Features", node_val(f));
        }
        cx.add(cx.arn("guardduty", region, &format!("detector/{id}")), "AWS::GuardDuty::Detector", id_node, b.build());
    }
}

/// A resource the model knows only from snapshots.
pub fn add_meta(m: &mut Model, id: String, kind: &str, at: &Node) -> ResMeta {
    let meta = ResMeta {
        id: id.as_str().into(),
        kind: kind.to_string().into(),
        model_kind: crate::model::kind::model_kind(kind),
        span: at.span,
        tags: None,
        props_span: at.span,
    };
    m.resource_index.insert(id, m.resources.len());
    m.resources.push(meta.clone());
    meta
}

/// What CloudFormation cannot declare: RDS and EBS snapshots and their sharing, EBS encryption
/// by default.
pub fn lower_direct(cx: &mut Ctx<'_>, m: &mut Model) {
    for (region, rn) in cx.regions() {
        for call in DB_SNAPSHOT_CALLS {
            db_snapshots(cx, m, region, rn, call);
        }
        if let Some(d) = cx.regional(rn, region, "ec2", "DescribeSnapshots").data() {
            let attrs = rn.get("ec2").and_then(|r| r.get("DescribeSnapshotAttribute"));
            for s in cx.list(d, "Snapshots") {
                let Some(id) = s.get("SnapshotId").and_then(Node::as_str) else { continue };
                // Snapshots of others (public AMIs' among them) are not the account's.
                if s.get("OwnerId").and_then(Node::as_str).is_some_and(|o| o != cx.account) {
                    continue;
                }
                let p = crate::lower::tf::node_val(s);
                let encrypted = Props::new(Some(&p), s.span).boolean("Encrypted");
                let answer = cx.per_resource(attrs, "ec2", Some(region), "DescribeSnapshotAttribute", id);
                let (shared_with, permissions_span) = match &answer {
                    Answer::Data(n) => {
                        let perms = n.get("CreateVolumePermissions");
                        let span = perms.map(|p| p.span).unwrap_or(n.span);
                        let items = perms
                            .and_then(Node::as_seq)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|p| p.get("Group").or_else(|| p.get("UserId")))
                            .map(|v| Field::known(v.scalar_text().unwrap_or_default().into_owned(), v.span))
                            .collect();
                        (Field::known(items, span), span)
                    }
                    Answer::NotConfigured(span) => (Field::known(Vec::new(), *span), *span),
                    Answer::Failed(span) => (Field { value: Tri::Unknown, span: *span, origin: None }, *span),
                    Answer::Missing => (Field { value: Tri::Unknown, span: s.span, origin: None }, s.span),
                };
                let arn = format!("arn:{}:ec2:{region}::snapshot/{id}", cx.partition);
                let meta = add_meta(m, arn, "ec2:Snapshot", s);
                m.account.ebs_snapshots.push(EbsSnapshot { meta, encrypted, shared_with, permissions_span });
            }
        }
        if let Some(n) = cx.regional(rn, region, "ec2", "GetEbsEncryptionByDefault").data() {
            let v = crate::lower::tf::node_val(n);
            let enabled = Props::new(Some(&v), n.span).boolean("EbsEncryptionByDefault");
            let id = format!("{}/{region}/ec2:EbsEncryptionByDefault", cx.account);
            let meta = add_meta(m, id, "ec2:EbsEncryptionByDefault", n);
            debug_assert_eq!(meta.model_kind, kind::EC2_EBS_ENCRYPTION_BY_DEFAULT);
            m.monitoring.ebs_encryption_by_default.push((meta, enabled));
        }
    }
}

/// The calls that list RDS snapshots and tell who may restore them: (list call, list key, ARN
/// key, identifier key, attributes call keyed by identifier, result key, attributes key, kind).
type SnapshotCalls =
    (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str, &'static str);

const DB_SNAPSHOT_CALLS: &[SnapshotCalls] = &[
    (
        "DescribeDBSnapshots",
        "DBSnapshots",
        "DBSnapshotArn",
        "DBSnapshotIdentifier",
        "DescribeDBSnapshotAttributes",
        "DBSnapshotAttributesResult",
        "DBSnapshotAttributes",
        "rds:DBSnapshot",
    ),
    (
        "DescribeDBClusterSnapshots",
        "DBClusterSnapshots",
        "DBClusterSnapshotArn",
        "DBClusterSnapshotIdentifier",
        "DescribeDBClusterSnapshotAttributes",
        "DBClusterSnapshotAttributesResult",
        "DBClusterSnapshotAttributes",
        "rds:DBClusterSnapshot",
    ),
];

/// DB snapshots or DB cluster snapshots with who may restore them (the `restore` attribute).
fn db_snapshots(cx: &mut Ctx<'_>, m: &mut Model, region: &str, rn: &Node, calls: &SnapshotCalls) {
    let &(list_call, list_key, arn_key, id_key, attrs_call, result_key, attrs_key, kind) = calls;
    let Some(d) = cx.regional(rn, region, "rds", list_call).data() else { return };
    let attrs = rn.get("rds").and_then(|r| r.get(attrs_call));
    for s in cx.list(d, list_key) {
        let (Some(arn), Some(id)) = (s.get(arn_key).and_then(Node::as_str), s.get(id_key).and_then(Node::as_str))
        else {
            continue;
        };
        let shared = cx.per_resource(attrs, "rds", Some(region), attrs_call, id);
        let shared_accounts = match &shared {
            Answer::Data(n) => restore_accounts(n, result_key, attrs_key),
            Answer::NotConfigured(span) => Field::known(Vec::new(), *span),
            Answer::Failed(span) => Field { value: Tri::Unknown, span: *span, origin: None },
            Answer::Missing => Field { value: Tri::Unknown, span: s.span, origin: None },
        };
        let meta = add_meta(m, arn.to_string(), kind, s);
        m.db_snapshots.push(DbSnapshot { shared_accounts, meta });
    }
}

/// The accounts of a DB (cluster) snapshot's `restore` attribute.
fn restore_accounts(n: &Node, result: &str, list: &str) -> Field<Vec<Field<String>>> {
    let attrs = n.get(result).and_then(|r| r.get(list));
    let span = attrs.map(|a| a.span).unwrap_or(n.span);
    let mut out = Vec::new();
    for a in attrs.and_then(Node::as_seq).unwrap_or_default() {
        if a.get("AttributeName").and_then(Node::as_str) != Some("restore") {
            continue;
        }
        for v in a.get("AttributeValues").and_then(Node::as_seq).unwrap_or_default() {
            out.push(Field::known(v.scalar_text().unwrap_or_default().into_owned(), v.span));
        }
    }
    Field::known(out, span)
}
