//! The services of each region beyond the network and the data stores: EKS clusters, ECR
//! repositories with their policies, load balancers (classic, and application / network with
//! their listeners and attributes), the WAF web ACLs that protect them, SNS topics and SQS
//! queues with their policies, Secrets Manager secrets, AWS Backup plans and vaults.

use super::{Answer, Ctx, PropsBuilder, bool_val, list_val, node_val, policy_val, str_val};
use crate::model::{RefTarget, VKind, Val};
use crate::source::Span;
use crate::value::Node;

/// The load balancers of every region, by ARN (and classic ones by name), so that listeners
/// and web ACL associations link to them.
pub fn index_ids(cx: &mut Ctx<'_>) {
    for (region, rn) in cx.regions() {
        if let Some(d) = cx.regional(rn, region, "elbv2", "DescribeLoadBalancers").data() {
            for lb in cx.list(d, "LoadBalancers") {
                if let Some(arn) = lb.get("LoadBalancerArn").and_then(Node::as_str) {
                    cx.ids.insert(arn.to_string(), arn.to_string());
                }
            }
        }
        if let Some(d) = cx.regional(rn, region, "elb", "DescribeLoadBalancers").data() {
            for lb in cx.list(d, "LoadBalancerDescriptions") {
                if let Some(name) = lb.get("LoadBalancerName").and_then(Node::as_str) {
                    let arn = cx.arn("elasticloadbalancing", region, &format!("loadbalancer/{name}"));
                    cx.ids.insert(arn.clone(), arn);
                }
            }
        }
    }
}

pub fn shape(cx: &mut Ctx<'_>) {
    for (region, rn) in cx.regions() {
        eks(cx, region, rn);
        ecr(cx, region, rn);
        classic_load_balancers(cx, region, rn);
        let albs = load_balancers(cx, region, rn);
        web_acls(cx, region, rn, albs);
        topics(cx, region, rn);
        queues(cx, region, rn);
        secrets(cx, region, rn);
        backup(cx, region, rn);
    }
}

/// The calls of a service about one resource each (`regional.R.SERVICE.CALL`, keyed by
/// resource).
fn calls<'a>(rn: &'a Node, service: &str, call: &str) -> Option<&'a Node> {
    rn.get(service)?.get(call)
}

/// A reference to a resource of the snapshot by its ARN.
fn ref_to(arn: &str, span: Span) -> Val {
    Val::new(VKind::Ref(RefTarget { id: arn.to_string(), attr: None }), span)
}

/// A list of the response's strings as links.
fn links(cx: &Ctx<'_>, n: Option<&Node>, at: &Node) -> Val {
    let items = n.and_then(Node::as_seq).unwrap_or_default().iter().map(|s| cx.link(s)).collect();
    list_val(items, n.map(|n| n.span).unwrap_or(at.span))
}

fn eks(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "eks", "ListClusters").data() else { return };
    let describe = calls(rn, "eks", "DescribeCluster");
    for name_node in cx.list(d, "clusters") {
        let Some(name) = name_node.as_str() else { continue };
        let answer = cx.per_resource(describe, "eks", Some(region), "DescribeCluster", name);
        let c = match &answer {
            Answer::Data(n) => n.get("cluster").unwrap_or(n),
            // Every setting of the cluster is unknown: no finding depends on them.
            other => {
                let (span, why) = match other {
                    Answer::Failed(span) => (*span, "`eks:DescribeCluster` was not answered"),
                    _ => (name_node.span, "the snapshot does not have the cluster's description"),
                };
                let mut b = PropsBuilder::new(name_node.span);
                for key in ["ResourcesVpcConfig", "Logging", "EncryptionConfig"] {
                    b.val(key, Val::unknown(why, span));
                }
                let arn = cx.arn("eks", region, &format!("cluster/{name}"));
                cx.add(arn, "AWS::EKS::Cluster", name_node, b.build());
                continue;
            }
        };
        let arn = c
            .get("arn")
            .and_then(Node::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| cx.arn("eks", region, &format!("cluster/{name}")));
        let mut b = PropsBuilder::new(c.span);
        b.copy("Name", c, "name").copy("Version", c, "version").copy("RoleArn", c, "roleArn");
        if let Some(v) = c.get("resourcesVpcConfig") {
            let mut vb = PropsBuilder::new(v.span);
            vb.val("SubnetIds", links(cx, v.get("subnetIds"), v));
            vb.val("SecurityGroupIds", links(cx, v.get("securityGroupIds"), v));
            vb.copy("EndpointPublicAccess", v, "endpointPublicAccess")
                .copy("EndpointPrivateAccess", v, "endpointPrivateAccess")
                .copy("PublicAccessCidrs", v, "publicAccessCidrs");
            b.val("ResourcesVpcConfig", vb.build());
        }
        if let Some(l) = c.get("logging").and_then(|l| l.get("clusterLogging")) {
            // The log types of the entries that are enabled.
            let mut types = Vec::new();
            for entry in l.as_seq().unwrap_or_default() {
                if entry.get("enabled").and_then(|e| e.scalar_text()).as_deref() != Some("true") {
                    continue;
                }
                for t in entry.get("types").and_then(Node::as_seq).unwrap_or_default() {
                    types.push(PropsBuilder::new(t.span).val("Type", node_val(t)).build());
                }
            }
            let cl = PropsBuilder::new(l.span).val("EnabledTypes", list_val(types, l.span)).build();
            b.val("Logging", PropsBuilder::new(l.span).val("ClusterLogging", cl).build());
        }
        if let Some(e) = c.get("encryptionConfig").filter(|e| !e.is_null()) {
            let items = e
                .as_seq()
                .unwrap_or_default()
                .iter()
                .map(|item| {
                    let mut eb = PropsBuilder::new(item.span);
                    eb.copy("Resources", item, "resources");
                    if let Some(k) = item.get("provider").and_then(|p| p.get("keyArn")) {
                        eb.val("Provider", PropsBuilder::new(k.span).val("KeyArn", cx.link(k)).build());
                    }
                    eb.build()
                })
                .collect();
            b.val("EncryptionConfig", list_val(items, e.span));
        }
        cx.add(arn, "AWS::EKS::Cluster", c, b.build());
    }
}

fn ecr(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "ecr", "DescribeRepositories").data() else { return };
    let policies = calls(rn, "ecr", "GetRepositoryPolicy");
    for r in cx.list(d, "repositories") {
        let (Some(arn), Some(name)) =
            (r.get("repositoryArn").and_then(Node::as_str), r.get("repositoryName").and_then(Node::as_str))
        else {
            continue;
        };
        let mut b = PropsBuilder::new(r.span);
        b.copy("RepositoryName", r, "repositoryName").copy("ImageTagMutability", r, "imageTagMutability");
        if let Some(s) = r.get("imageScanningConfiguration") {
            b.val("ImageScanningConfiguration", PropsBuilder::new(s.span).copy("ScanOnPush", s, "scanOnPush").build());
        }
        if let Some(e) = r.get("encryptionConfiguration") {
            let mut eb = PropsBuilder::new(e.span);
            eb.copy("EncryptionType", e, "encryptionType").copy("KmsKey", e, "kmsKey");
            b.val("EncryptionConfiguration", eb.build());
        }
        let answer = cx.per_resource(policies, "ecr", Some(region), "GetRepositoryPolicy", name);
        match &answer {
            Answer::Data(n) => {
                if let Some(text) = n.get("policyText") {
                    b.val("RepositoryPolicyText", policy_val(text));
                }
            }
            Answer::Failed(span) => {
                b.val("RepositoryPolicyText", Val::unknown("`ecr:GetRepositoryPolicy` was not answered", *span));
            }
            Answer::NotConfigured(_) | Answer::Missing => {}
        }
        cx.add(arn.to_string(), "AWS::ECR::Repository", r, b.build());
    }
}

fn classic_load_balancers(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "elb", "DescribeLoadBalancers").data() else { return };
    for lb in cx.list(d, "LoadBalancerDescriptions") {
        let Some(name) = lb.get("LoadBalancerName").and_then(Node::as_str) else { continue };
        let arn = cx.arn("elasticloadbalancing", region, &format!("loadbalancer/{name}"));
        let mut b = PropsBuilder::new(lb.span);
        b.copy("LoadBalancerName", lb, "LoadBalancerName").copy("Scheme", lb, "Scheme");
        b.val("Subnets", links(cx, lb.get("Subnets"), lb));
        b.val("SecurityGroups", links(cx, lb.get("SecurityGroups"), lb));
        let instances: Vec<Val> =
            cx.list(lb, "Instances").iter().filter_map(|i| i.get("InstanceId")).map(|i| cx.link(i)).collect();
        b.val("Instances", list_val(instances, lb.get("Instances").map(|n| n.span).unwrap_or(lb.span)));
        let listeners: Vec<Val> = cx
            .list(lb, "ListenerDescriptions")
            .iter()
            .filter_map(|ld| {
                let l = ld.get("Listener")?;
                let mut lb = PropsBuilder::new(l.span);
                for key in ["Protocol", "LoadBalancerPort", "InstanceProtocol", "InstancePort", "SSLCertificateId"] {
                    lb.copy(key, l, key);
                }
                lb.copy("PolicyNames", ld, "PolicyNames");
                Some(lb.build())
            })
            .collect();
        b.val("Listeners", list_val(listeners, lb.get("ListenerDescriptions").map(|n| n.span).unwrap_or(lb.span)));
        cx.add(arn, "AWS::ElasticLoadBalancing::LoadBalancer", lb, b.build());
    }
}

/// Application, network and gateway load balancers with their listeners; the ARNs of the
/// internet-facing application load balancers.
fn load_balancers(cx: &mut Ctx<'_>, region: &str, rn: &Node) -> Vec<(String, Span)> {
    let Some(d) = cx.regional(rn, region, "elbv2", "DescribeLoadBalancers").data() else { return Vec::new() };
    let listeners = calls(rn, "elbv2", "DescribeListeners");
    let attributes = calls(rn, "elbv2", "DescribeLoadBalancerAttributes");
    let mut albs = Vec::new();
    for lb in cx.list(d, "LoadBalancers") {
        let Some(arn_node) = lb.get("LoadBalancerArn") else { continue };
        let Some(arn) = arn_node.as_str() else { continue };
        let mut b = PropsBuilder::new(lb.span);
        b.copy("Name", lb, "LoadBalancerName").copy("Scheme", lb, "Scheme").copy("Type", lb, "Type");
        let subnets: Vec<Val> =
            cx.list(lb, "AvailabilityZones").iter().filter_map(|z| z.get("SubnetId")).map(|s| cx.link(s)).collect();
        b.val("Subnets", list_val(subnets, lb.get("AvailabilityZones").map(|n| n.span).unwrap_or(lb.span)));
        b.val("SecurityGroups", links(cx, lb.get("SecurityGroups"), lb));
        let attrs = cx.per_resource(attributes, "elbv2", Some(region), "DescribeLoadBalancerAttributes", arn);
        b.answer("LoadBalancerAttributes", &attrs, |n| n.get("Attributes").map(node_val));
        cx.add(arn.to_string(), "AWS::ElasticLoadBalancingV2::LoadBalancer", lb, b.build());
        let application = lb.get("Type").and_then(Node::as_str).is_none_or(|t| t == "application");
        let public = lb.get("Scheme").and_then(Node::as_str).is_none_or(|s| s == "internet-facing");
        if application && public {
            albs.push((arn.to_string(), lb.span));
        }
        let answer = cx.per_resource(listeners, "elbv2", Some(region), "DescribeListeners", arn);
        let Some(n) = answer.data() else { continue };
        for l in cx.list(n, "Listeners") {
            let id = l.get("ListenerArn").and_then(Node::as_str).map(str::to_string).unwrap_or_else(|| {
                let port = l.get("Port").and_then(|p| p.scalar_text()).unwrap_or_default();
                format!("{arn}/listener:{port}")
            });
            let mut lp = PropsBuilder::new(l.span);
            lp.val("LoadBalancerArn", ref_to(arn, arn_node.span));
            for key in ["Port", "Protocol", "SslPolicy", "Certificates", "DefaultActions", "AlpnPolicy"] {
                lp.copy(key, l, key);
            }
            cx.add(id, "AWS::ElasticLoadBalancingV2::Listener", l, lp.build());
        }
    }
    albs
}

/// Web ACL associations (`ListWebACLs`, then `ListResourcesForWebACL` keyed by web ACL ARN).
/// When the region's internet-facing application load balancers cannot all be told protected
/// or not (a call not answered, or not in the snapshot), an association to an unknown
/// resource stands for what is not known.
fn web_acls(cx: &mut Ctx<'_>, region: &str, rn: &Node, albs: Vec<(String, Span)>) {
    let unknown = |cx: &mut Ctx<'_>, span: Span, why: &str, id: String| {
        let props = PropsBuilder::new(span).val("ResourceArn", Val::unknown(why, span)).build();
        let at = Node::new(span, crate::value::Kind::Null);
        cx.add(id, "AWS::WAFv2::WebACLAssociation", &at, props);
    };
    let list = cx.regional(rn, region, "wafv2", "ListWebACLs");
    let d = match list {
        Answer::Data(d) => d,
        Answer::NotConfigured(_) => return,
        Answer::Failed(span) => {
            if !albs.is_empty() {
                let id = format!("{}/{region}/wafv2:ListWebACLs", cx.account);
                unknown(cx, span, "`wafv2:ListWebACLs` was not answered", id);
            }
            return;
        }
        Answer::Missing => {
            if let Some((_, span)) = albs.first() {
                let id = format!("{}/{region}/wafv2:ListWebACLs", cx.account);
                unknown(cx, *span, "the snapshot does not have the region's web ACLs", id);
            }
            return;
        }
    };
    let resources = calls(rn, "wafv2", "ListResourcesForWebACL");
    for acl in cx.list(d, "WebACLs") {
        let Some(arn) = acl.get("ARN").and_then(Node::as_str) else { continue };
        match cx.per_resource(resources, "wafv2", Some(region), "ListResourcesForWebACL", arn) {
            Answer::Data(n) => {
                for (i, r) in cx.list(n, "ResourceArns").iter().enumerate() {
                    let mut b = PropsBuilder::new(r.span);
                    b.val("ResourceArn", cx.link(r)).val("WebACLArn", str_val(arn, acl.span));
                    cx.add(format!("{arn}/association[{i}]"), "AWS::WAFv2::WebACLAssociation", r, b.build());
                }
            }
            Answer::NotConfigured(_) => {}
            Answer::Failed(span) => {
                unknown(cx, span, "`wafv2:ListResourcesForWebACL` was not answered", format!("{arn}/associations"))
            }
            Answer::Missing => unknown(
                cx,
                acl.span,
                "the snapshot does not have the resources of the web ACL",
                format!("{arn}/associations"),
            ),
        }
    }
}

/// A resource policy (`AWS::SNS::TopicPolicy`, `AWS::SQS::QueuePolicy`) of one resource.
fn resource_policy(cx: &mut Ctx<'_>, owner: &str, owner_span: Span, ty: &'static str, targets: &str, doc: &Node) {
    let mut b = PropsBuilder::new(doc.span);
    b.val(targets, list_val(vec![ref_to(owner, owner_span)], owner_span));
    b.val("PolicyDocument", policy_val(doc));
    cx.add(format!("{owner}/policy"), ty, doc, b.build());
}

fn topics(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "sns", "ListTopics").data() else { return };
    let attributes = calls(rn, "sns", "GetTopicAttributes");
    for t in cx.list(d, "Topics") {
        let Some(arn) = t.get("TopicArn").and_then(Node::as_str) else { continue };
        let answer = cx.per_resource(attributes, "sns", Some(region), "GetTopicAttributes", arn);
        let attrs = answer.data().and_then(|n| n.get("Attributes"));
        let mut b = PropsBuilder::new(t.span);
        b.val("TopicName", str_val(arn.rsplit(':').next().unwrap_or(arn), t.span));
        b.answer("KmsMasterKeyId", &answer, |n| n.get("Attributes")?.get("KmsMasterKeyId").map(|k| cx.link(k)));
        cx.add(arn.to_string(), "AWS::SNS::Topic", t, b.build());
        if let Some(doc) = attrs.and_then(|a| a.get("Policy")) {
            resource_policy(cx, arn, t.span, "AWS::SNS::TopicPolicy", "Topics", doc);
        }
    }
}

/// A queue's ARN from its URL (`https://sqs.REGION.amazonaws.com/ACCOUNT/NAME`).
fn queue_arn(cx: &Ctx<'_>, region: &str, url: &str) -> Option<String> {
    let mut parts = url.trim_end_matches('/').rsplit('/');
    let name = parts.next()?;
    let account = parts.next()?;
    Some(format!("arn:{}:sqs:{region}:{account}:{name}", cx.partition))
}

fn queues(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "sqs", "ListQueues").data() else { return };
    let attributes = calls(rn, "sqs", "GetQueueAttributes");
    for u in cx.list(d, "QueueUrls") {
        let Some(url) = u.as_str() else { continue };
        let answer = cx.per_resource(attributes, "sqs", Some(region), "GetQueueAttributes", url);
        let attrs = answer.data().and_then(|n| n.get("Attributes"));
        let arn = attrs
            .and_then(|a| a.get("QueueArn"))
            .and_then(Node::as_str)
            .map(str::to_string)
            .or_else(|| queue_arn(cx, region, url));
        let Some(arn) = arn else { continue };
        let mut b = PropsBuilder::new(u.span);
        b.val("QueueName", str_val(arn.rsplit(':').next().unwrap_or(&arn), u.span));
        b.answer("KmsMasterKeyId", &answer, |n| n.get("Attributes")?.get("KmsMasterKeyId").map(|k| cx.link(k)));
        b.answer("SqsManagedSseEnabled", &answer, |n| {
            let a = n.get("Attributes")?;
            match a.get("SqsManagedSseEnabled") {
                Some(v) => Some(node_val(v)),
                // Without either attribute, the answer does not say how the queue is encrypted.
                None if a.get("KmsMasterKeyId").is_none() => {
                    Some(Val::unknown("the queue's attributes do not include `SqsManagedSseEnabled`", a.span))
                }
                None => None,
            }
        });
        cx.add(arn.clone(), "AWS::SQS::Queue", u, b.build());
        if let Some(doc) = attrs.and_then(|a| a.get("Policy")) {
            resource_policy(cx, &arn, u.span, "AWS::SQS::QueuePolicy", "Queues", doc);
        }
    }
}

fn secrets(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "secretsmanager", "ListSecrets").data() else { return };
    for s in cx.list(d, "SecretList") {
        let Some(arn) = s.get("ARN").and_then(Node::as_str) else { continue };
        let mut b = PropsBuilder::new(s.span);
        b.copy("Name", s, "Name");
        if let Some(k) = s.get("KmsKeyId") {
            b.val("KmsKeyId", cx.link(k));
        }
        cx.add(arn.to_string(), "AWS::SecretsManager::Secret", s, b.build());
        // `RotationEnabled` is left out of the answer for secrets that never rotated.
        if let Some(r) = s.get("RotationEnabled").filter(|r| r.scalar_text().as_deref() == Some("true")) {
            let mut rb = PropsBuilder::new(r.span);
            rb.val("SecretId", ref_to(arn, r.span));
            if let Some(rules) = s.get("RotationRules") {
                rb.val("RotationRules", node_val(rules));
            }
            cx.add(format!("{arn}/rotation"), "AWS::SecretsManager::RotationSchedule", r, rb.build());
        }
    }
}

fn backup(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    if let Some(d) = cx.regional(rn, region, "backup", "ListBackupPlans").data() {
        let plans = calls(rn, "backup", "GetBackupPlan");
        for p in cx.list(d, "BackupPlansList") {
            let (Some(arn), Some(id)) =
                (p.get("BackupPlanArn").and_then(Node::as_str), p.get("BackupPlanId").and_then(Node::as_str))
            else {
                continue;
            };
            let answer = cx.per_resource(plans, "backup", Some(region), "GetBackupPlan", id);
            let mut b = PropsBuilder::new(p.span);
            b.answer("BackupPlan", &answer, |n| {
                let plan = n.get("BackupPlan")?;
                let mut pb = PropsBuilder::new(plan.span);
                pb.copy("BackupPlanName", plan, "BackupPlanName").copy("BackupPlanRule", plan, "Rules");
                Some(pb.build())
            });
            cx.add(arn.to_string(), "AWS::Backup::BackupPlan", p, b.build());
        }
    }
    if let Some(d) = cx.regional(rn, region, "backup", "ListBackupVaults").data() {
        for v in cx.list(d, "BackupVaultList") {
            let Some(arn) = v.get("BackupVaultArn").and_then(Node::as_str) else { continue };
            let mut b = PropsBuilder::new(v.span);
            b.copy("BackupVaultName", v, "BackupVaultName");
            if let Some(k) = v.get("EncryptionKeyArn") {
                b.val("EncryptionKeyArn", cx.link(k));
            }
            if let Some(l) = v.get("Locked") {
                b.val("Locked", bool_val(l.scalar_text().as_deref() == Some("true"), l.span));
            }
            cx.add(arn.to_string(), "AWS::Backup::BackupVault", v, b.build());
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_queue_is_named_by_the_arn_its_url_gives() {
        let root = crate::value::Node::new(crate::source::Span::default(), crate::value::Kind::Null);
        let cx = super::Ctx::new(&root);
        let arn = super::queue_arn(&cx, "eu-west-1", "https://sqs.eu-west-1.amazonaws.com/111122223333/jobs");
        assert_eq!(arn.as_deref(), Some("arn:aws:sqs:eu-west-1:111122223333:jobs"));
        assert_eq!(super::queue_arn(&cx, "eu-west-1", "jobs"), None);
    }
}
