//! Detection and logging of each region: VPC flow logs, Security Hub standards, Config
//! recorders and delivery channels, IAM Access Analyzer, CloudWatch Logs metric filters,
//! CloudWatch alarms; and Lambda functions with their resource policies, and Organizations
//! policies with their targets.

use super::{Answer, Ctx, PropsBuilder, list_val, node_val, policy_val, str_val};
use crate::model::Val;
use crate::value::Node;

pub fn shape(cx: &mut Ctx<'_>) {
    for (region, rn) in cx.regions() {
        flow_logs(cx, region, rn);
        security_hub(cx, region, rn);
        config(cx, region, rn);
        if let Some(d) = cx.regional(rn, region, "accessanalyzer", "ListAnalyzers").data() {
            for a in cx.list(d, "analyzers") {
                let Some(arn) = a.get("arn").and_then(Node::as_str) else { continue };
                if a.get("status").and_then(Node::as_str).is_some_and(|s| s != "ACTIVE") {
                    continue;
                }
                let props = PropsBuilder::new(a.span).copy("Type", a, "type").build();
                cx.add(arn.to_string(), "AWS::AccessAnalyzer::Analyzer", a, props);
            }
        }
        if let Some(d) = cx.regional(rn, region, "logs", "DescribeMetricFilters").data() {
            for f in cx.list(d, "metricFilters") {
                let name = f.get("filterName").and_then(Node::as_str).unwrap_or_default();
                let group = f.get("logGroupName").and_then(Node::as_str).unwrap_or_default();
                let transformations: Vec<Val> = cx
                    .list(f, "metricTransformations")
                    .iter()
                    .map(|t| {
                        let mut b = PropsBuilder::new(t.span);
                        b.copy("MetricName", t, "metricName").copy("MetricNamespace", t, "metricNamespace");
                        b.build()
                    })
                    .collect();
                let mut b = PropsBuilder::new(f.span);
                b.copy("FilterPattern", f, "filterPattern").copy("LogGroupName", f, "logGroupName");
                b.val("MetricTransformations", list_val(transformations, f.span));
                let id = cx.arn("logs", region, &format!("log-group:{group}:metric-filter:{name}"));
                cx.add(id, "AWS::Logs::MetricFilter", f, b.build());
            }
        }
        if let Some(d) = cx.regional(rn, region, "cloudwatch", "DescribeAlarms").data() {
            for a in cx.list(d, "MetricAlarms") {
                let Some(arn) = a.get("AlarmArn").and_then(Node::as_str) else { continue };
                let mut b = PropsBuilder::new(a.span);
                b.copy("MetricName", a, "MetricName").copy("Namespace", a, "Namespace").copy("Metrics", a, "Metrics");
                b.copy("AlarmActions", a, "AlarmActions");
                cx.add(arn.to_string(), "AWS::CloudWatch::Alarm", a, b.build());
            }
        }
        lambda(cx, region, rn);
    }
    organizations(cx);
}

/// The calls that show each account-baseline service: (baseline, service, call).
const BASELINE_CALLS: &[(&str, &str, &str)] = &[
    ("trail", "cloudtrail", "DescribeTrails"),
    ("detector", "guardduty", "ListDetectors"),
    ("hub", "securityhub", "GetEnabledStandards"),
    ("recorder", "config", "DescribeConfigurationRecorders"),
    ("channel", "config", "DescribeDeliveryChannels"),
    ("analyzer", "accessanalyzer", "ListAnalyzers"),
    ("backup", "backup", "ListBackupPlans"),
    ("alarms", "logs", "DescribeMetricFilters"),
    ("alarms", "cloudwatch", "DescribeAlarms"),
    ("flowlogs", "ec2", "DescribeFlowLogs"),
];

/// Records, for each Region, the baseline calls that were not answered or that the snapshot
/// does not have: posture reports those services as unknown rather than missing.
pub fn unanswered_baselines(cx: &mut Ctx<'_>) {
    for (region, rn) in cx.regions() {
        for &(baseline, service, call) in BASELINE_CALLS {
            let (failed, span) = match cx.regional(rn, region, service, call) {
                Answer::Failed(span) => (true, span),
                Answer::Missing => (false, rn.span),
                Answer::Data(_) | Answer::NotConfigured(_) => continue,
            };
            let call = format!("{service}:{call} in {region}");
            cx.unanswered.push(crate::model::UnansweredBaseline { baseline, call, failed, span, resource: None });
        }
        unanswered_status(cx, region, rn);
    }
}

/// A trail whose `GetTrailStatus`, or a detector whose `GetDetector`, was not answered: whether
/// it logs or is enabled is unknown, and it does not show the baseline as present.
fn unanswered_status(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let mut found = Vec::new();
    if let Some(d) = cx.regional(rn, region, "cloudtrail", "DescribeTrails").data() {
        let status = rn.get("cloudtrail").and_then(|c| c.get("GetTrailStatus"));
        for t in cx.list(d, "trailList") {
            let Some(arn) = t.get("TrailARN").and_then(Node::as_str) else { continue };
            if t.get("HomeRegion").and_then(Node::as_str).is_some_and(|h| h != region) {
                continue;
            }
            let answer = cx.per_resource(status, "cloudtrail", Some(region), "GetTrailStatus", arn);
            found.push(("trail", "cloudtrail:GetTrailStatus", arn.to_string(), answer, t.span));
        }
    }
    if let Some(d) = cx.regional(rn, region, "guardduty", "ListDetectors").data() {
        let detectors = rn.get("guardduty").and_then(|c| c.get("GetDetector"));
        for id in cx.list(d, "DetectorIds").iter().filter_map(Node::as_str) {
            let answer = cx.per_resource(detectors, "guardduty", Some(region), "GetDetector", id);
            let arn = cx.arn("guardduty", region, &format!("detector/{id}"));
            found.push(("detector", "guardduty:GetDetector", arn, answer, d.span));
        }
    }
    for (baseline, call, resource, answer, at) in found {
        let (failed, span) = match answer {
            Answer::Failed(span) => (true, span),
            Answer::Missing => (false, at),
            Answer::Data(_) | Answer::NotConfigured(_) => continue,
        };
        let call = format!("{call} in {region} for {resource}");
        cx.unanswered.push(crate::model::UnansweredBaseline { baseline, call, failed, span, resource: Some(resource) });
    }
}

fn flow_logs(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    match cx.regional(rn, region, "ec2", "DescribeFlowLogs") {
        Answer::Data(d) => {
            for f in cx.list(d, "FlowLogs") {
                let Some(id) = f.get("FlowLogId").and_then(Node::as_str) else { continue };
                let Some(resource) = f.get("ResourceId") else { continue };
                let kind = match resource.as_str().unwrap_or_default().split('-').next() {
                    Some("vpc") => "VPC",
                    Some("subnet") => "Subnet",
                    _ => "NetworkInterface",
                };
                let mut b = PropsBuilder::new(f.span);
                b.val("ResourceId", cx.link(resource));
                b.val("ResourceType", str_val(kind, resource.span));
                b.copy("TrafficType", f, "TrafficType");
                cx.add(cx.arn("ec2", region, &format!("vpc-flow-log/{id}")), "AWS::EC2::FlowLog", f, b.build());
            }
        }
        Answer::NotConfigured(_) => {}
        // Whether the region's networks have flow logs is unknown: a flow log whose resource is
        // unknown stands for them.
        Answer::Failed(span) => unknown_flow_log(cx, region, rn, Some(span)),
        Answer::Missing => unknown_flow_log(cx, region, rn, None),
    }
}

fn unknown_flow_log(cx: &mut Ctx<'_>, region: &str, rn: &Node, span: Option<crate::source::Span>) {
    let Some(vpcs) = rn.get("ec2").and_then(|e| e.get("DescribeVpcs")) else { return };
    let span = span.unwrap_or(vpcs.span);
    let mut b = PropsBuilder::new(span);
    b.val("ResourceId", Val::unknown("`ec2:DescribeFlowLogs` was not answered", span));
    let at = Node::new(span, crate::value::Kind::Null);
    cx.add(format!("{}/{region}/ec2:DescribeFlowLogs", cx.account), "AWS::EC2::FlowLog", &at, b.build());
}

fn security_hub(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "securityhub", "GetEnabledStandards").data() else { return };
    let subs = cx.list(d, "StandardsSubscriptions");
    let arns: Vec<Val> = subs
        .iter()
        .filter(|s| s.get("StandardsStatus").and_then(Node::as_str).is_none_or(|st| st == "READY" || st == "PENDING"))
        .filter_map(|s| s.get("StandardsArn"))
        .map(node_val)
        .collect();
    let hub = cx.arn("securityhub", region, "hub/default");
    let props = PropsBuilder::new(d.span).val("StandardsSubscriptionArns", list_val(arns, d.span)).build();
    cx.add(hub.clone(), "AWS::SecurityHub::Hub", d, props);
    for (i, s) in subs.iter().enumerate() {
        let Some(arn) = s.get("StandardsArn") else { continue };
        let props = PropsBuilder::new(s.span).val("StandardsArn", node_val(arn)).build();
        cx.add(format!("{hub}/standard[{i}]"), "AWS::SecurityHub::Standard", s, props);
    }
}

fn config(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let status = cx.regional(rn, region, "config", "DescribeConfigurationRecorderStatus");
    let recording = |name: &str| -> Option<bool> {
        let list = status.data()?.get("ConfigurationRecordersStatus")?.as_seq()?;
        let s = list.iter().find(|s| s.get("name").and_then(Node::as_str) == Some(name))?;
        s.get("recording")?.scalar_text().map(|t| t == "true")
    };
    if let Some(d) = cx.regional(rn, region, "config", "DescribeConfigurationRecorders").data() {
        for r in cx.list(d, "ConfigurationRecorders") {
            let name = r.get("name").and_then(Node::as_str).unwrap_or("default");
            // A recorder that is stopped records nothing.
            if recording(name) == Some(false) {
                continue;
            }
            let mut b = PropsBuilder::new(r.span);
            if let Some(g) = r.get("recordingGroup") {
                let mut gb = PropsBuilder::new(g.span);
                gb.copy("AllSupported", g, "allSupported").copy(
                    "IncludeGlobalResourceTypes",
                    g,
                    "includeGlobalResourceTypes",
                );
                b.val("RecordingGroup", gb.build());
            }
            b.copy("RoleARN", r, "roleARN");
            cx.add(
                cx.arn("config", region, &format!("config-recorder/{name}")),
                "AWS::Config::ConfigurationRecorder",
                r,
                b.build(),
            );
        }
    }
    if let Some(d) = cx.regional(rn, region, "config", "DescribeDeliveryChannels").data() {
        for c in cx.list(d, "DeliveryChannels") {
            let name = c.get("name").and_then(Node::as_str).unwrap_or("default");
            let props = PropsBuilder::new(c.span).copy("S3BucketName", c, "s3BucketName").build();
            cx.add(
                cx.arn("config", region, &format!("delivery-channel/{name}")),
                "AWS::Config::DeliveryChannel",
                c,
                props,
            );
        }
    }
}

fn lambda(cx: &mut Ctx<'_>, region: &str, rn: &Node) {
    let Some(d) = cx.regional(rn, region, "lambda", "ListFunctions").data() else { return };
    let policies = rn.get("lambda").and_then(|l| l.get("GetPolicy"));
    for f in cx.list(d, "Functions") {
        let (Some(arn), Some(name)) =
            (f.get("FunctionArn").and_then(Node::as_str), f.get("FunctionName").and_then(Node::as_str))
        else {
            continue;
        };
        let mut b = PropsBuilder::new(f.span);
        b.copy("FunctionName", f, "FunctionName").copy("Runtime", f, "Runtime").copy("Role", f, "Role");
        if let Some(v) = f.get("VpcConfig") {
            let subnets: Vec<Val> = cx.list(v, "SubnetIds").iter().map(|s| cx.link(s)).collect();
            let groups: Vec<Val> = cx.list(v, "SecurityGroupIds").iter().map(|s| cx.link(s)).collect();
            if !subnets.is_empty() {
                let mut vb = PropsBuilder::new(v.span);
                vb.val("SubnetIds", list_val(subnets, v.span)).val("SecurityGroupIds", list_val(groups, v.span));
                b.val("VpcConfig", vb.build());
            }
        }
        cx.add(arn.to_string(), "AWS::Lambda::Function", f, b.build());
        let answer = cx.per_resource(policies, "lambda", Some(region), "GetPolicy", name);
        if let Some(doc) = answer.data().and_then(|p| p.get("Policy")) {
            permissions(cx, arn, f, doc);
        }
    }
}

/// A function's resource policy, one `AWS::Lambda::Permission` per statement.
fn permissions(cx: &mut Ctx<'_>, function: &str, f: &Node, doc: &Node) {
    let Some(text) = doc.as_str() else { return };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(text) else {
        cx.invalid(doc.span, msg!("diag-snapshot-function-policy"));
        return;
    };
    let statements = match &json["Statement"] {
        serde_json::Value::Array(a) => a.clone(),
        s @ serde_json::Value::Object(_) => vec![s.clone()],
        _ => Vec::new(),
    };
    for (i, s) in statements.iter().enumerate() {
        if s["Effect"].as_str() != Some("Allow") {
            continue;
        }
        let principal = match &s["Principal"] {
            serde_json::Value::String(p) => p.clone(),
            serde_json::Value::Object(m) => m
                .values()
                .next()
                .map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .unwrap_or_default(),
            _ => continue,
        };
        let mut b = PropsBuilder::new(doc.span);
        b.val("FunctionName", str_val(function, f.span));
        b.val("Principal", str_val(&principal, doc.span));
        if let Some(a) = s["Action"].as_str() {
            b.val("Action", str_val(a, doc.span));
        }
        let cond = &s["Condition"];
        for (key, prop) in [
            ("AWS:SourceAccount", "SourceAccount"),
            ("AWS:SourceArn", "SourceArn"),
            ("aws:PrincipalOrgID", "PrincipalOrgID"),
            ("lambda:FunctionUrlAuthType", "FunctionUrlAuthType"),
        ] {
            let found = cond.as_object().into_iter().flat_map(|ops| ops.values()).find_map(|m| {
                m.as_object()?.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).and_then(|(_, v)| v.as_str())
            });
            if let Some(v) = found {
                b.val(prop, str_val(v, doc.span));
            }
        }
        cx.add(format!("{function}/policy[{i}]"), "AWS::Lambda::Permission", doc, b.build());
    }
}

fn organizations(cx: &mut Ctx<'_>) {
    let Some(d) = cx.global("organizations", "ListPolicies").data() else { return };
    let calls = cx.root.get("global").and_then(|g| g.get("organizations"));
    for p in cx.list(d, "Policies") {
        let (Some(id), Some(arn)) = (p.get("Id").and_then(Node::as_str), p.get("Arn").and_then(Node::as_str)) else {
            continue;
        };
        let describe =
            cx.per_resource(calls.and_then(|c| c.get("DescribePolicy")), "organizations", None, "DescribePolicy", id);
        let targets = cx.per_resource(
            calls.and_then(|c| c.get("ListTargetsForPolicy")),
            "organizations",
            None,
            "ListTargetsForPolicy",
            id,
        );
        let mut b = PropsBuilder::new(p.span);
        b.copy("Name", p, "Name").copy("Type", p, "Type");
        b.answer("Content", &describe, |n| n.get("Policy")?.get("Content").map(policy_val));
        b.answer("TargetIds", &targets, |n| {
            let items: Vec<Val> =
                n.get("Targets")?.as_seq()?.iter().filter_map(|t| t.get("TargetId")).map(node_val).collect();
            Some(list_val(items, n.span))
        });
        cx.add(arn.to_string(), "AWS::Organizations::Policy", p, b.build());
    }
}
