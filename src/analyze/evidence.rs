//! What one template contributes to the posture of a scan: every resource it declares, and
//! the account-baseline services it sets up. Collected per file during the parallel phase and
//! merged afterwards, so that a trail in one template counts for every other.

use std::sync::Arc;

use crate::model::{Link, Model, ResMeta, Tri};

/// A resource seen in a template.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Seen {
    pub file: Arc<str>,
    pub line: u32,
    pub id: String,
    pub kind: String,
    /// Its model kind ([`crate::model::kind`]), whichever language wrote `kind`.
    #[serde(skip)]
    pub model_kind: &'static str,
}

impl Seen {
    /// `file` is the model's; a resource read from another file of the model (a snapshot of
    /// an organization judged together) is in its own.
    fn of(file: &Arc<str>, meta: &ResMeta) -> Seen {
        Seen {
            file: if meta.span.file.is_none() { file.clone() } else { meta.span.file.name() },
            line: meta.span.line,
            id: meta.id.to_string(),
            kind: meta.kind.to_string(),
            model_kind: meta.model_kind,
        }
    }
}

/// An account-baseline service found in a template.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BaselineHit {
    /// Key of the baseline control (see [`super::BASELINE`]).
    pub control: &'static str,
    pub resource: Seen,
    /// What makes it count, e.g. "multi-region, logging".
    pub detail: String,
}

/// The posture evidence of one template.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Evidence {
    pub resources: Vec<Seen>,
    pub baseline: Vec<BaselineHit>,
    /// VPCs of the template, and whether a flow log of the same template covers them.
    pub vpcs: Vec<(Seen, bool)>,
    /// A flow log names a resource outside the template (imported or literal): it may cover
    /// a VPC of another template.
    pub external_flow_log: bool,
    /// Resources whose reachability from the internet the analysis could not decide: a verdict
    /// unknown for some port, exposed for none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undecided: Vec<Seen>,
    /// Calls of a live account that would show a baseline service and were not answered (or
    /// not collected): where there is no such service, whether one is set up is unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unanswered: Vec<Unanswered>,
}

/// A call that would show a baseline service and was not answered.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unanswered {
    /// Key of the baseline control, or `channel` (the recorder's delivery channel).
    pub control: &'static str,
    /// Where the snapshot says so (its `errors` entry, or the Region's answers).
    pub at: Seen,
    /// `service:Call in REGION`.
    pub call: String,
    /// Listed in `errors` (denied or failed), rather than absent from the snapshot.
    pub failed: bool,
}

/// The security metric filters of the CIS AWS Foundations monitoring set and of the guide's
/// table 7.2: (name, tokens that must all appear in the whitespace-free filter pattern; any
/// one of the alternatives separated by `|`).
pub const SECURITY_FILTERS: &[(&str, &[&str])] = &[
    ("root account usage", &["userIdentity.type=\"Root\""]),
    ("unauthorized API calls", &["UnauthorizedOperation|AccessDenied"]),
    ("console sign-in without MFA", &["ConsoleLogin", "MFAUsed!=\"Yes\""]),
    ("console authentication failures", &["ConsoleLogin", "Failedauthentication"]),
    ("IAM policy changes", &["PutUserPolicy|AttachRolePolicy|PutRolePolicy|CreatePolicy|DeleteGroupPolicy"]),
    ("CloudTrail configuration changes", &["StopLogging|DeleteTrail|UpdateTrail"]),
    ("KMS key disabling or deletion", &["DisableKey|ScheduleKeyDeletion"]),
    ("S3 bucket policy changes", &["PutBucketPolicy|DeleteBucketPolicy"]),
    ("AWS Config changes", &["StopConfigurationRecorder|DeleteDeliveryChannel"]),
    ("security group changes", &["AuthorizeSecurityGroupIngress|RevokeSecurityGroupIngress"]),
    ("network ACL changes", &["CreateNetworkAcl|DeleteNetworkAclEntry|ReplaceNetworkAclEntry"]),
    ("network gateway changes", &["CreateCustomerGateway|AttachInternetGateway|DeleteInternetGateway"]),
    ("route table changes", &["CreateRoute|ReplaceRoute|DeleteRouteTable"]),
    ("VPC changes", &["CreateVpc|DeleteVpc|ModifyVpcAttribute"]),
    ("AWS Organizations changes", &["organizations.amazonaws.com"]),
    ("unencrypted S3 uploads", &["PutObject", "x-amz-server-side-encryption"]),
];

/// The security filters a CloudWatch Logs filter pattern matches, whitespace and order aside.
pub fn recognise_filter(pattern: &str) -> Vec<&'static str> {
    let flat: String = pattern.chars().filter(|c| !c.is_whitespace()).collect();
    let flat = flat.replace('\'', "\"");
    SECURITY_FILTERS
        .iter()
        .filter(|(_, tokens)| tokens.iter().all(|t| t.split('|').any(|alt| flat.contains(alt))))
        .map(|(name, _)| *name)
        .collect()
}

impl Evidence {
    /// Records the resources `reach` leaves undecided (see [`Evidence::undecided`]).
    pub fn with_reachability(mut self, m: &Model, reach: &super::reach::Reachability) -> Evidence {
        use super::reach::Verdict;
        let exposed: std::collections::HashSet<&str> =
            reach.exposures.iter().filter(|e| e.verdict == Verdict::Exposed).map(|e| e.resource.id.as_ref()).collect();
        let mut taken = std::collections::HashSet::new();
        let ids: Vec<&ResMeta> = reach
            .exposures
            .iter()
            .filter(|e| e.verdict == Verdict::Unknown && !exposed.contains(e.resource.id.as_ref()))
            .filter(|e| taken.insert(e.resource.id.as_ref()))
            .map(|e| &e.resource)
            .collect();
        self.undecided = ids.into_iter().map(|r| Seen::of(&m.file, r)).collect();
        self
    }

    /// Collects the resources of the Kubernetes manifests of a scan (checked together).
    fn of_manifests(k: &crate::model::k8s::K8sObjects) -> Evidence {
        let mut objects: Vec<&crate::model::k8s::ObjectMeta> = Vec::new();
        objects.extend(k.namespaces.iter().map(|o| &o.obj));
        objects.extend(k.workloads.iter().map(|o| &o.obj));
        objects.extend(k.network_policies.iter().map(|o| &o.obj));
        objects.extend(k.roles.iter().map(|o| &o.obj));
        objects.extend(k.bindings.iter().map(|o| &o.obj));
        objects.extend(k.service_accounts.iter().map(|o| &o.obj));
        objects.extend(k.secrets.iter().map(|o| &o.obj));
        objects.extend(k.config_maps.iter().map(|o| &o.obj));
        objects.extend(k.others.iter());
        let resources = objects
            .into_iter()
            .map(|o| Seen {
                file: o.file.clone(),
                line: o.res.span.line,
                id: o.res.id.to_string(),
                kind: o.kind.clone(),
                model_kind: crate::model::kind::OTHER,
            })
            .collect();
        Evidence { resources, ..Evidence::default() }
    }

    /// Collects the evidence of one template's model.
    /// The evidence of a model: its resources (AWS and Kubernetes) and the baseline services
    /// it configures.
    pub fn of(m: &Model) -> Evidence {
        let mut e = Evidence::of_aws(m);
        if !m.k8s.is_empty() {
            e.resources.extend(Evidence::of_manifests(&m.k8s).resources);
        }
        e
    }

    fn of_aws(m: &Model) -> Evidence {
        let file = &m.file;
        let mon = &m.monitoring;
        let mut e =
            Evidence { resources: m.resources.iter().map(|r| Seen::of(file, r)).collect(), ..Evidence::default() };
        let mut hit = |control: &'static str, meta: &ResMeta, detail: String| {
            e.baseline.push(BaselineHit { control, resource: Seen::of(file, meta), detail })
        };
        // A resource whose status call was not answered does not show the service as working.
        let unanswered = |baseline: &str, meta: &ResMeta| {
            m.account
                .unanswered_baselines
                .iter()
                .any(|u| u.baseline == baseline && u.resource.as_deref() == Some(&meta.id))
        };
        for t in &mon.trails {
            if t.is_logging.is_false() || (t.is_logging.is_unknown() && unanswered("trail", &t.meta)) {
                continue;
            }
            let mut d = vec![if t.multi_region.is_true() { "multi-region" } else { "single-region" }];
            if t.log_validation.is_true() {
                d.push("log file validation");
            }
            if !t.kms_key.is_absent() {
                d.push("KMS");
            }
            if !t.log_group.is_absent() {
                d.push("CloudWatch Logs");
            }
            if t.data_events {
                d.push("data events");
            }
            hit("trail", &t.meta, d.join(", "));
        }
        for d in &mon.detectors {
            let disabled = d.enable.is_false() || (d.enable.is_unknown() && unanswered("detector", &d.meta));
            if !disabled {
                hit("detector", &d.meta, format!("{} protection features listed", d.features.len()));
            }
        }
        for h in &mon.security_hubs {
            hit("hub", &h.meta, "Security Hub enabled".into());
        }
        for s in &mon.hub_standards {
            let detail = match s.arn.get().and_then(|a| a.split("standards/").nth(1)) {
                Some(name) => format!("standard {name}"),
                None => "a standard subscription".to_string(),
            };
            hit("hub", &s.meta, detail);
        }
        for r in &mon.config_recorders {
            let all = !r.all_supported.is_false();
            let global = r.include_global.is_true();
            let detail = match (all, global) {
                (true, true) => "all supported and global resource types",
                (true, false) => "all supported regional resource types",
                _ => "a list of resource types",
            };
            hit("recorder", &r.meta, detail.into());
        }
        for c in &mon.delivery_channels {
            hit("channel", c, "Config delivery channel".into());
        }
        for a in &mon.access_analyzers {
            hit("analyzer", a, "IAM Access Analyzer".into());
        }
        for p in &mon.backup_plans {
            let n = p.rules.get().map(Vec::len).unwrap_or(0);
            hit("backup", &p.meta, format!("{n} backup rule(s)"));
        }
        for f in &mon.metric_filters {
            let Some(pattern) = f.pattern.get() else { continue };
            let names = recognise_filter(pattern);
            if names.is_empty() {
                continue;
            }
            let alarmed = f.metrics.iter().any(|(_, name)| {
                name.as_ref().is_some_and(|n| {
                    mon.alarms.iter().any(|a| a.metric_name.get() == Some(n) || a.query_metrics.contains(n))
                })
            });
            if alarmed {
                hit("alarms", &f.meta, names.join(", "));
            }
        }
        let logged: std::collections::HashSet<&str> =
            m.flow_logs.iter().flat_map(|fl| &fl.resources).filter_map(|r| r.get().and_then(Link::local)).collect();
        for v in &m.vpcs {
            let covered = logged.contains(v.meta.id.as_ref());
            e.vpcs.push((Seen::of(file, &v.meta), covered));
        }
        e.external_flow_log =
            m.flow_logs.iter().any(|fl| fl.resources.iter().any(|r| !matches!(&r.value, Tri::Known(Link::Local(_)))));
        e.unanswered = m
            .account
            .unanswered_baselines
            .iter()
            .map(|u| Unanswered {
                control: u.baseline,
                at: Seen {
                    file: if u.span.file.is_none() { file.clone() } else { u.span.file.name() },
                    line: u.span.line,
                    id: u.call.clone(),
                    kind: "snapshot call".into(),
                    model_kind: crate::model::kind::OTHER,
                },
                call: u.call.clone(),
                failed: u.failed,
            })
            .collect();
        e
    }
}
