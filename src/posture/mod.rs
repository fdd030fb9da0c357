//! Posture across a scan: the defense-in-depth scorecard (five layers, with evidence) and
//! the coverage of the Well-Architected Security Pillar's best practices.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::finding::Layer;
use crate::i18n::Lang;
use crate::results::ScanReport;

pub use crate::analyze::evidence;
pub mod render;

pub use evidence::{BaselineHit, Evidence, Seen};
pub mod framework;
pub use framework::{FrameworkCoverage, RequirementCoverage};

/// The Security Pillar's best practices (id, area, title), shipped with the tool.
pub const WELL_ARCHITECTED_TSV: &str = include_str!("../../data/well-architected-security.tsv");

/// A Well-Architected best practice.
#[derive(Debug, Clone, Serialize)]
pub struct BestPractice {
    pub id: &'static str,
    pub area: &'static str,
    pub title: &'static str,
}

/// Every best practice, in id order.
pub fn best_practices() -> Vec<BestPractice> {
    WELL_ARCHITECTED_TSV
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut it = l.split('\t');
            Some(BestPractice { id: it.next()?.trim(), area: it.next()?.trim(), title: it.next()?.trim() })
        })
        .filter(|p| !p.id.is_empty())
        .collect()
}

/// An account-baseline control: a service that should exist once in the account, evaluated
/// across every file of the scan together.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Baseline {
    /// Key used by [`BaselineHit::control`].
    pub key: &'static str,
    /// CONTROLS catalog id.
    pub control: &'static str,
    pub layer: Layer,
    pub title: &'static str,
    pub well_architected: &'static [&'static str],
    /// Compliance requirements the control's presence evidences (`<framework>:<id>`).
    pub compliance: &'static [&'static str],
}

/// The account-baseline controls.
pub const BASELINE: &[Baseline] = &[
    Baseline {
        key: "trail",
        control: "MON-01",
        layer: Layer::Monitoring,
        title: "CloudTrail trail recording API activity",
        well_architected: &["SEC04-BP01"],
        compliance: &[
            "isms-p:2.9.4",
            "cis-6.0:4.1",
            "cis-7.0:4.1",
            "pci-4.0:10.2.1",
            "fsbp:CloudTrail.1",
            "fsbp:CloudTrail.3",
        ],
    },
    Baseline {
        key: "alarms",
        control: "MON-02",
        layer: Layer::Monitoring,
        title: "CloudWatch alarms on security metric filters (CIS monitoring set)",
        well_architected: &["SEC04-BP02", "SEC04-BP03"],
        compliance: &["isms-p:2.9.5", "isms-p:2.11.3", "pci-4.0:10.4.1", "pci-4.0:10.4.1.1", "pci-4.0:10.7.2"],
    },
    Baseline {
        key: "hub",
        control: "MON-03",
        layer: Layer::Monitoring,
        title: "Security Hub with standards",
        well_architected: &["SEC04-BP02"],
        compliance: &["isms-p:2.10.2", "cis-6.0:5.16", "cis-7.0:5.16"],
    },
    Baseline {
        key: "detector",
        control: "MON-04",
        layer: Layer::Monitoring,
        title: "GuardDuty detector",
        well_architected: &["SEC04-BP03"],
        compliance: &["isms-p:2.11.3", "pci-4.0:11.5.1", "fsbp:GuardDuty.1"],
    },
    Baseline {
        key: "recorder",
        control: "MON-05",
        layer: Layer::Monitoring,
        title: "AWS Config recorder with a delivery channel",
        well_architected: &["SEC04-BP04"],
        compliance: &["isms-p:2.10.2", "cis-6.0:4.3", "cis-7.0:4.3", "pci-4.0:11.5.2", "fsbp:Config.1"],
    },
    Baseline {
        key: "analyzer",
        control: "MON-06",
        layer: Layer::Identity,
        title: "IAM Access Analyzer analyzer",
        well_architected: &["SEC03-BP07"],
        compliance: &["isms-p:2.5.6", "cis-6.0:2.19", "cis-7.0:2.18"],
    },
    Baseline {
        key: "backup",
        control: "MON-07",
        layer: Layer::Data,
        title: "AWS Backup plan",
        well_architected: &["SEC10-BP06"],
        compliance: &["isms-p:2.9.3", "isms-p:2.12.1"],
    },
    Baseline {
        key: "flowlogs",
        control: "NET-06",
        layer: Layer::Network,
        title: "Flow logs for every VPC",
        well_architected: &["SEC04-BP01", "SEC05-BP01"],
        compliance: &["isms-p:2.9.4", "isms-p:2.11.3", "cis-6.0:4.7", "cis-7.0:4.7", "pci-4.0:10.2.1", "fsbp:EC2.6"],
    },
];

/// Outcome of one scorecard control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Evidenced and without findings.
    Pass,
    /// Evidenced with findings, or a baseline service missing from the scan.
    Fail,
    /// Nothing in the scan for the control's rules to check.
    NotEvidenced,
    /// Evidenced, but what the scan shows cannot decide it (e.g. VPCs without a flow log of
    /// their template while a flow log elsewhere names a VPC outside its template).
    Unknown,
}

impl Status {
    /// How much a status weighs when the statuses behind one control are combined: a failure
    /// decides, then an undecided verdict, then a pass.
    fn weight(self) -> u8 {
        match self {
            Status::NotEvidenced => 0,
            Status::Pass => 1,
            Status::Unknown => 2,
            Status::Fail => 3,
        }
    }
}

/// One control of a layer's scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct ControlScore {
    /// CONTROLS catalog id, e.g. `MON-01`.
    pub control: String,
    pub title: String,
    /// `baseline` (present once across the scan) or `rules` (checked resource by resource).
    pub kind: &'static str,
    pub status: Status,
    /// Resources that evidence the control (present, or checked by its rules); built with a
    /// listing limit ([`Posture::listing`]), the first ones only.
    pub evidence: Vec<EvidenceItem>,
    /// How many resources evidence the control: the length of [`ControlScore::evidence`] before
    /// any listing limit.
    #[serde(skip)]
    pub evidence_total: usize,
    /// Findings against the control.
    pub findings: usize,
    /// Rules that implement it.
    pub rules: Vec<String>,
    /// Resources the control is about (what its rules judge, or the VPCs of NET-06) that the
    /// scan holds; `None` for an account-baseline control, which is present or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<usize>,
    /// Of [`ControlScore::resources`], those with a finding (or, for NET-06, without a flow log).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources_failed: Option<usize>,
    /// Of [`ControlScore::resources`] without a finding, those its rules could not decide (the
    /// reachability rules: a verdict unknown, none exposed); `None` when its rules always decide.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources_undecided: Option<usize>,
    /// What is missing: for a failing baseline control, why it fails; for MON-02, the security
    /// metric filters that no alarm covers (the control passes with at least one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
    /// For an account-baseline control that no scanned resource shows: the calls of a live
    /// account that would have shown it and were not answered (`service:Call in REGION`). The
    /// control is then unknown, not failing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unanswered: Vec<String>,
}

/// A resource that evidences a control, with what it shows.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceItem {
    #[serde(serialize_with = "ser_arc")]
    pub file: Arc<str>,
    pub line: u32,
    pub resource: String,
    pub kind: String,
    pub detail: String,
    /// The findings about the resource that `detail` counts (0 for evidence that passes).
    #[serde(skip)]
    pub findings: usize,
}

/// One layer of the defense-in-depth scorecard.
#[derive(Debug, Clone, Serialize)]
pub struct LayerScore {
    pub layer: Layer,
    /// The guide's services for this layer.
    pub services: &'static str,
    pub controls: Vec<ControlScore>,
    pub passed: usize,
    /// Controls evidenced (passed or failed).
    pub evaluated: usize,
    /// The mean, over the controls evaluated with a verdict (passed or failed), of each
    /// control's share of passing resources (an account-baseline control counts 1 when it
    /// passes, 0 when it fails), as a rounded-down percentage; `None` when nothing could be
    /// evaluated.
    pub score: Option<u32>,
    /// Percentage of evaluated controls that pass outright (the score of schema version 1).
    pub controls_score: Option<u32>,
}

/// Coverage of one Well-Architected best practice.
#[derive(Debug, Clone, Serialize)]
pub struct PracticeCoverage {
    pub id: &'static str,
    pub area: &'static str,
    pub title: &'static str,
    /// `pass`, `fail`, `no-evidence` (rules exist but nothing in the scan to check) or
    /// `not-machine-checkable` (no rule or baseline control can evidence it from templates).
    pub status: &'static str,
    pub rules: Vec<String>,
    pub baseline: Vec<&'static str>,
    /// Resource checks that passed / failed over the scan (rule × resource).
    pub passed: usize,
    pub failed: usize,
}

/// The posture of a scan.
#[derive(Debug, Clone, Serialize)]
pub struct Posture {
    pub files_scanned: usize,
    pub layers: Vec<LayerScore>,
    pub well_architected: Vec<PracticeCoverage>,
    /// Coverage of every compliance framework's requirements, in [`crate::compliance::Framework::ALL`]
    /// order.
    pub frameworks: Vec<FrameworkCoverage>,
}

impl Posture {
    /// The coverage of one framework.
    pub fn framework(&self, f: crate::compliance::Framework) -> Option<&FrameworkCoverage> {
        self.frameworks.iter().find(|c| c.framework == f)
    }
}

fn layer_services(l: Layer) -> &'static str {
    match l {
        // The same as the labels `posture-services-<layer>`, which translate them.
        Layer::Network => "VPC, security groups, network ACLs, flow logs, load balancers",
        Layer::Identity => "IAM, MFA, Access Analyzer, secrets",
        Layer::Application => "WAF, Shield, EC2 metadata, Lambda",
        Layer::Data => "KMS, S3, RDS, backups, data-service encryption",
        Layer::Monitoring => "CloudTrail, CloudWatch, GuardDuty, Security Hub, Config",
    }
}

/// A resource by (file, logical id), borrowed from the scan.
type Key<'a> = (&'a str, &'a str);

/// A resource by its number in [`Resources`]: numbers follow the order of the keys, so lists
/// of numbers sort as the keys would, for a fraction of the time and memory (a scan can
/// judge hundreds of thousands of resources per rule).
type Res = u32;

/// Every resource a posture speaks of (the scan's resources, those of its findings and of
/// its baseline evidence), numbered once in key order, with what the scan saw of each.
pub(super) struct Resources<'a> {
    keys: Vec<Key<'a>>,
    seen: Vec<Option<&'a Seen>>,
    index: foldhash::HashMap<Key<'a>, Res>,
}

impl<'a> Resources<'a> {
    fn of(report: &'a ScanReport) -> Resources<'a> {
        let seen_key = |s: &'a Seen| (&*s.file, s.id.as_str());
        let evidence = || report.evidence.iter();
        let mut keys: Vec<Key<'a>> = evidence()
            .flat_map(|e| &e.resources)
            .chain(evidence().flat_map(|e| &e.undecided))
            .chain(evidence().flat_map(|e| &e.baseline).map(|h| &h.resource))
            .chain(evidence().flat_map(|e| &e.unanswered).map(|u| &u.at))
            .chain(evidence().flat_map(|e| &e.vpcs).map(|(s, _)| s))
            .map(seen_key)
            .chain(report.findings.iter().map(finding_key))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.shrink_to_fit();
        let index: foldhash::HashMap<Key<'a>, Res> = keys.iter().enumerate().map(|(i, k)| (*k, i as Res)).collect();
        let mut seen = vec![None; keys.len()];
        // The last of a resource seen twice, as a map collected from them would keep.
        for s in evidence().flat_map(|e| &e.resources) {
            seen[index[&seen_key(s)] as usize] = Some(s);
        }
        Resources { keys, seen, index }
    }

    /// The number of a resource (every resource of the scan has one).
    fn number(&self, k: Key<'a>) -> Res {
        self.index[&k]
    }

    /// The number of the resource a finding is about.
    fn of_finding(&self, f: &'a crate::finding::Finding) -> Res {
        self.number(finding_key(f))
    }

    /// The number of a resource, if it has one.
    fn find(&self, k: Key<'a>) -> Option<Res> {
        self.index.get(&k).copied()
    }

    fn key(&self, r: Res) -> Key<'a> {
        self.keys[r as usize]
    }

    /// What the scan saw of a resource, when it saw it.
    fn seen(&self, r: Res) -> Option<&'a Seen> {
        self.seen[r as usize]
    }
}

/// Resources as a sorted list of their numbers without repeats.
#[derive(Debug, Default)]
struct ResourceSet(Vec<Res>);

impl ResourceSet {
    fn new() -> Self {
        ResourceSet(Vec::new())
    }

    fn from_list(mut keys: Vec<Res>) -> Self {
        keys.sort_unstable();
        keys.dedup();
        keys.shrink_to_fit();
        ResourceSet(keys)
    }

    fn contains(&self, k: &Res) -> bool {
        self.0.binary_search(k).is_ok()
    }

    /// In order.
    fn iter(&self) -> std::slice::Iter<'_, Res> {
        self.0.iter()
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Res> for ResourceSet {
    fn from_iter<I: IntoIterator<Item = Res>>(iter: I) -> Self {
        ResourceSet::from_list(iter.into_iter().collect())
    }
}

impl<'s> IntoIterator for &'s ResourceSet {
    type Item = &'s Res;
    type IntoIter = std::slice::Iter<'s, Res>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Model kinds that rules read to judge something else: the network pieces around a database
/// or an instance. A rule that also inspects other kinds is about those; a rule that inspects
/// only these (a security group rule) is about them.
const SUPPORTING_KINDS: &[&str] = &[
    crate::model::kind::EC2_SECURITY_GROUP,
    crate::model::kind::EC2_SECURITY_GROUP_INGRESS,
    crate::model::kind::EC2_SECURITY_GROUP_EGRESS,
    crate::model::kind::EC2_SUBNET,
    crate::model::kind::EC2_ROUTE,
    crate::model::kind::EC2_NETWORK_ACL_ENTRY,
    crate::model::kind::RDS_DB_SUBNET_GROUP,
    crate::model::kind::EC2_FLOW_LOG,
];

fn is_supporting(source_type: &str) -> bool {
    SUPPORTING_KINDS.iter().any(|k| crate::model::kind::source_types(k).contains(&source_type))
}

/// The resource types a rule is about: those it inspects, the supporting network pieces left
/// out when it inspects anything else.
fn subject_types(r: &crate::rules::RuleMeta) -> Vec<&str> {
    let all: Vec<&str> = r.resource_types.iter().map(|t| &**t).collect();
    let main: Vec<&str> = all.iter().copied().filter(|t| !is_supporting(t)).collect();
    if main.is_empty() { all } else { main }
}

/// The findings of a scan by rule id (positions in the report's list, in order), found once
/// for every control and requirement that asks for some rules' findings.
pub(super) struct FindingIndex<'a> {
    report: &'a ScanReport,
    by_rule: std::collections::HashMap<&'a str, Vec<usize>>,
    /// The number of each finding's resource, in the report's order.
    res: Vec<Res>,
}

impl<'a> FindingIndex<'a> {
    fn new(report: &'a ScanReport, resources: &Resources<'a>) -> FindingIndex<'a> {
        let mut by_rule: std::collections::HashMap<&'a str, Vec<usize>> = std::collections::HashMap::new();
        for (i, f) in report.findings.iter().enumerate() {
            by_rule.entry(&*f.rule.id).or_default().push(i);
        }
        let res = report.findings.iter().map(|f| resources.of_finding(f)).collect();
        FindingIndex { report, by_rule, res }
    }

    /// The numbers of the resources of the findings of any of these rules (one per finding).
    fn resources_of_any(&self, rules: &[&crate::rules::RuleMeta]) -> Vec<Res> {
        let mut ids: Vec<&str> = rules.iter().map(|r| &*r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().flat_map(|id| self.by_rule.get(id).into_iter().flatten()).map(|&i| self.res[i]).collect()
    }

    /// The findings of the rule with this id, in the report's order.
    pub(super) fn of(&self, rule: &str) -> impl Iterator<Item = &'a crate::finding::Finding> + '_ {
        let report = self.report;
        self.by_rule.get(rule).into_iter().flatten().map(move |&i| &report.findings[i])
    }

    /// The findings of any of these rules (each counted once, whatever their order).
    fn of_any<'r>(
        &'r self,
        rules: &'r [&crate::rules::RuleMeta],
    ) -> impl Iterator<Item = &'a crate::finding::Finding> + 'r {
        let mut ids: Vec<&str> = rules.iter().map(|r| &*r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().flat_map(move |id| self.of(id))
    }
}

/// Per rule: (resources it is about, or that it reported on; resources with findings) over
/// the scan.
fn rule_counts<'a>(report: &'a ScanReport, resources: &Resources<'a>) -> BTreeMap<&'a str, (ResourceSet, ResourceSet)> {
    let mut lists: BTreeMap<&str, (Vec<Res>, Vec<Res>)> = BTreeMap::new();
    // The resources by type (as written, and as modelled), each type matched once per rule.
    let mut by_type: BTreeMap<(&str, &str), Vec<Res>> = BTreeMap::new();
    for s in report.evidence.iter().flat_map(|e| &e.resources) {
        by_type.entry((s.kind.as_str(), s.model_kind)).or_default().push(resources.number((&*s.file, s.id.as_str())));
    }
    for r in &report.rules {
        let e = lists.entry(&*r.id).or_default();
        let subjects = subject_types(r);
        for ((kind, model_kind), keys) in &by_type {
            // Rules name the CloudFormation types of what they inspect; a resource written
            // in another language is matched by its model kind.
            let types = crate::model::kind::source_types(model_kind);
            if subjects.iter().any(|t| t == kind || types.contains(t)) {
                e.0.extend(keys.iter().copied());
            }
        }
    }
    for f in &report.findings {
        let e = lists.entry(&f.rule.id).or_default();
        let key = resources.of_finding(f);
        e.0.push(key);
        e.1.push(key);
    }
    // Each set built at once from its sorted list, not resource by resource.
    lists
        .into_iter()
        .map(|(id, (checked, failed))| (id, (ResourceSet::from_list(checked), ResourceSet::from_list(failed))))
        .collect()
}

/// The resource a finding is about, by (file, logical id; empty when it names none).
fn finding_key(f: &crate::finding::Finding) -> Key<'_> {
    (&*f.location.file, f.resource.as_ref().map_or("", |r| r.id.as_ref()))
}

impl Posture {
    /// Builds the posture of a scan from its findings, rules and evidence, every list whole.
    pub fn of(report: &ScanReport) -> Posture {
        Posture::build(report, None)
    }

    /// [`Posture::of`] for a consumer that shows at most `limit` items of each list (the
    /// evidence of a control, the findings of a requirement, its failing and its passing
    /// evidence): each list keeps its first `limit` items, and its total is counted
    /// ([`ControlScore::evidence_total`], [`RequirementCoverage::findings_total`], ...). Time and
    /// memory then follow what is shown, not the findings times the rules.
    pub fn listing(report: &ScanReport, limit: usize) -> Posture {
        Posture::build(report, Some(limit))
    }

    fn build(report: &ScanReport, limit: Option<usize>) -> Posture {
        let resources = Resources::of(report);
        let counts = rule_counts(report, &resources);
        let index = FindingIndex::new(report, &resources);
        let hits: Vec<&BaselineHit> = report.evidence.iter().flat_map(|e| &e.baseline).collect();
        let vpcs: Vec<&(Seen, bool)> = report.evidence.iter().flat_map(|e| &e.vpcs).collect();
        let external_flow_log = report.evidence.iter().any(|e| e.external_flow_log);
        let unanswered: Vec<&evidence::Unanswered> = report.evidence.iter().flat_map(|e| &e.unanswered).collect();
        // The calls not answered for a baseline (and its companion keys), and where.
        let gaps = |keys: &[&str]| -> (Vec<String>, Vec<EvidenceItem>) {
            let found: Vec<&&evidence::Unanswered> = unanswered.iter().filter(|u| keys.contains(&u.control)).collect();
            let calls = found.iter().map(|u| u.call.clone()).collect();
            let items = found
                .iter()
                .map(|u| item(&u.at, if u.failed { "not answered" } else { "not in the snapshot" }))
                .collect();
            (calls, items)
        };
        let undecided: ResourceSet = report
            .evidence
            .iter()
            .flat_map(|e| &e.undecided)
            .map(|s| resources.number((&*s.file, s.id.as_str())))
            .collect();
        let mut layers = Vec::new();
        for layer in Layer::ALL {
            let mut controls = Vec::new();
            for b in BASELINE.iter().filter(|b| b.layer == layer) {
                let mut missing = None;
                let mut not_answered = Vec::new();
                let (mut resources, mut resources_failed) = (None, None);
                let (status, evidence) = if b.key == "flowlogs" {
                    if vpcs.is_empty() {
                        continue;
                    }
                    let uncovered = vpcs.iter().filter(|(_, c)| !c).count();
                    let ev = vpcs
                        .iter()
                        .map(|(s, c)| item(s, if *c { "flow log in the template" } else { "no flow log found" }))
                        .collect();
                    resources = Some(vpcs.len());
                    resources_failed = Some(uncovered);
                    let (calls, _) = gaps(&["flowlogs"]);
                    let status = if uncovered == 0 {
                        Status::Pass
                    } else if !calls.is_empty() {
                        missing = Some(unanswered_text(Lang::En, &calls));
                        not_answered = calls;
                        Status::Unknown
                    } else if external_flow_log {
                        missing = Some(format!(
                            "{uncovered} VPC(s) without a flow log in the scanned files; a flow log names a VPC outside its template, which may be one of them"
                        ));
                        Status::Unknown
                    } else {
                        missing = Some(format!("{uncovered} VPC(s) without a flow log"));
                        Status::Fail
                    };
                    (status, ev)
                } else {
                    let mut ev: Vec<EvidenceItem> =
                        hits.iter().filter(|h| h.control == b.key).map(|h| item(&h.resource, &h.detail)).collect();
                    let mut ok = !ev.is_empty();
                    if b.key == "recorder" {
                        // A recorder records nothing without a delivery channel.
                        let channels: Vec<EvidenceItem> = hits
                            .iter()
                            .filter(|h| h.control == "channel")
                            .map(|h| item(&h.resource, &h.detail))
                            .collect();
                        ok = ok && !channels.is_empty();
                        ev.extend(channels);
                    }
                    if b.key == "alarms" && !ev.is_empty() {
                        // Which of the security filters have no alarm anywhere in the scan.
                        let covered: BTreeSet<&str> =
                            hits.iter().filter(|h| h.control == "alarms").flat_map(|h| h.detail.split(", ")).collect();
                        let uncovered: Vec<&str> = evidence::SECURITY_FILTERS
                            .iter()
                            .map(|(n, _)| *n)
                            .filter(|n| !covered.contains(n))
                            .collect();
                        if !uncovered.is_empty() {
                            missing = Some(format!("no alarmed metric filter for {}", uncovered.join(", ")));
                        }
                    }
                    // Where nothing shows the service, calls that were not answered leave it
                    // unknown (for a recorder, its delivery channel's too).
                    let keys: &[&str] = if b.key == "recorder" && !ev.is_empty() {
                        &["channel"]
                    } else if b.key == "recorder" {
                        &["recorder", "channel"]
                    } else {
                        &[b.key]
                    };
                    let (calls, items) = if ok { (Vec::new(), Vec::new()) } else { gaps(keys) };
                    if !calls.is_empty() {
                        missing = Some(unanswered_text(Lang::En, &calls));
                        ev.extend(items);
                        not_answered = calls;
                        (Status::Unknown, ev)
                    } else {
                        if ev.is_empty() {
                            missing = Some("none of the scanned files declares it".to_string());
                        } else if !ok {
                            missing = Some("no AWS::Config::DeliveryChannel in the scanned files".to_string());
                        }
                        (if ok { Status::Pass } else { Status::Fail }, ev)
                    }
                };
                controls.push(ControlScore {
                    control: b.control.to_string(),
                    title: b.title.to_string(),
                    kind: "baseline",
                    status,
                    evidence_total: evidence.len(),
                    evidence,
                    findings: 0,
                    rules: Vec::new(),
                    resources,
                    resources_failed,
                    resources_undecided: None,
                    missing,
                    unanswered: not_answered,
                });
            }
            // Rule-based controls of this layer, grouped by control id.
            let mut by_control: BTreeMap<&str, Vec<&crate::rules::RuleMeta>> = BTreeMap::new();
            for r in report.rules.iter().filter(|r| r.layer == layer) {
                for c in r.controls.iter().take(1) {
                    by_control.entry(c).or_default().push(r);
                }
            }
            for (control, rules) in by_control {
                let (mut checked, mut failed) = (Vec::new(), Vec::new());
                for (c, f) in rules.iter().filter_map(|r| counts.get(&*r.id)) {
                    checked.extend(c.iter().copied());
                    failed.extend(f.iter().copied());
                }
                // Each set built once from the rules' lists.
                let (checked, failed) = (ResourceSet::from_list(checked), ResourceSet::from_list(failed));
                let findings = index.of_any(&rules).count();
                // Resources without a finding that the reachability rules could not decide.
                let reach = rules.iter().any(|r| crate::rules::net::judges_reachability(&r.id));
                let open: ResourceSet = if reach {
                    checked.iter().filter(|k| !failed.contains(k) && undecided.contains(k)).copied().collect()
                } else {
                    ResourceSet::new()
                };
                let status = if checked.is_empty() {
                    Status::NotEvidenced
                } else if findings > 0 {
                    Status::Fail
                } else if !open.is_empty() {
                    Status::Unknown
                } else {
                    Status::Pass
                };
                let missing = (!open.is_empty()).then(|| match open.len() {
                    1 => "1 resource whose reachability from the internet cannot be decided".to_string(),
                    n => format!("{n} resources whose reachability from the internet cannot be decided"),
                });
                // A control also of the account baseline is merged with it below, all its
                // evidence listed; any other lists only what the consumer shows.
                let judged = resource_evidence(&index, &rules, &checked, &failed, &open, &resources);
                let evidence_total = judged.len();
                let listed = match limit {
                    Some(n) if !BASELINE.iter().any(|b| b.control == control) => n,
                    _ => usize::MAX,
                };
                let evidence = judged.iter().take(listed).map(Judged::item).collect();
                controls.push(ControlScore {
                    control: control.to_string(),
                    title: format!("checked by {}", rules.iter().map(|r| &*r.slug).collect::<Vec<_>>().join(", ")),
                    kind: "rules",
                    status,
                    evidence,
                    evidence_total,
                    findings,
                    rules: rules.iter().map(|r| r.id.to_string()).collect(),
                    resources: Some(checked.len()),
                    resources_failed: Some(failed.len()),
                    resources_undecided: reach.then_some(open.len()),
                    missing,
                    unanswered: Vec::new(),
                });
            }
            let controls = merge_same_control(controls);
            let passed = controls.iter().filter(|c| c.status == Status::Pass).count();
            let decided: Vec<&ControlScore> =
                controls.iter().filter(|c| matches!(c.status, Status::Pass | Status::Fail)).collect();
            let evaluated = decided.len();
            let controls_score = (evaluated > 0).then(|| (passed * 100 / evaluated) as u32);
            let score = (evaluated > 0).then(|| {
                let total: f64 = decided.iter().map(|c| c.passing_share()).sum();
                (total * 100.0 / evaluated as f64).floor() as u32
            });
            layers.push(LayerScore {
                layer,
                services: layer_services(layer),
                controls,
                passed,
                evaluated,
                score,
                controls_score,
            });
        }
        let mut well_architected = Vec::new();
        for p in best_practices() {
            let rules: Vec<String> = report
                .rules
                .iter()
                .filter(|r| r.well_architected.iter().any(|w| w == p.id))
                .map(|r| r.id.to_string())
                .collect();
            let baseline: Vec<&'static str> =
                BASELINE.iter().filter(|b| b.well_architected.contains(&p.id)).map(|b| b.control).collect();
            let (mut passed, mut failed) = (0, 0);
            for r in &rules {
                if let Some((c, f)) = counts.get(r.as_str()) {
                    failed += f.len();
                    passed += c.len() - f.len();
                }
            }
            for b in BASELINE.iter().filter(|b| b.well_architected.contains(&p.id)) {
                if let Some(l) = layers.iter().find(|l| l.layer == b.layer)
                    && let Some(c) = l.controls.iter().find(|c| c.control == b.control && c.kind == "baseline")
                {
                    match c.status {
                        Status::Pass => passed += 1,
                        Status::Fail => failed += 1,
                        Status::NotEvidenced | Status::Unknown => {}
                    }
                }
            }
            let status = if rules.is_empty() && baseline.is_empty() {
                "not-machine-checkable"
            } else if failed > 0 {
                "fail"
            } else if passed > 0 {
                "pass"
            } else {
                "no-evidence"
            };
            well_architected.push(PracticeCoverage {
                id: p.id,
                area: p.area,
                title: p.title,
                status,
                rules,
                baseline,
                passed,
                failed,
            });
        }
        let facts = framework::Facts {
            counts: &counts,
            undecided: &undecided,
            resources: &resources,
            layers: &layers,
            findings: &index,
            limit,
        };
        let by_rule = framework::rule_evidence(report, &facts);
        let frameworks = crate::compliance::Framework::ALL
            .iter()
            .map(|f| framework::coverage(report, &facts, &by_rule, *f))
            .collect();
        // The frameworks took the baseline controls' whole evidence; the layers now list what
        // is shown.
        if let Some(n) = limit {
            for c in layers.iter_mut().flat_map(|l| &mut l.controls) {
                c.evidence.truncate(n);
            }
        }
        Posture { files_scanned: report.files_scanned, layers, well_architected, frameworks }
    }
}

impl ControlScore {
    /// The share of the control's resources that pass, in [0, 1]: for a control checked
    /// resource by resource, the resources without a finding over those it is about; else 1
    /// when it passes and 0 when it does not.
    pub fn passing_share(&self) -> f64 {
        match (self.resources, self.resources_failed) {
            (Some(n), Some(f)) if n > 0 && self.status != Status::Unknown => n.saturating_sub(f) as f64 / n as f64,
            _ if self.status == Status::Pass => 1.0,
            _ => 0.0,
        }
    }
}

/// One row per control: a control both present in the account baseline and checked by rules
/// of the same layer gets one status, the weightier of the two (a failure, then an undecided
/// verdict, then a pass), with the evidence, findings and resource counts of both.
fn merge_same_control(controls: Vec<ControlScore>) -> Vec<ControlScore> {
    let mut out: Vec<ControlScore> = Vec::new();
    for c in controls {
        let Some(prev) = out.iter_mut().find(|p| p.control == c.control) else {
            out.push(c);
            continue;
        };
        if c.status.weight() > prev.status.weight() {
            prev.status = c.status;
        }
        if prev.kind == "rules" {
            prev.title = c.title.clone();
            prev.kind = c.kind;
        }
        prev.findings += c.findings;
        prev.rules.extend(c.rules);
        // The same resources counted by both: the larger count of each.
        prev.resources = match (prev.resources, c.resources) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        prev.resources_failed = match (prev.resources_failed, c.resources_failed) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        prev.resources_undecided = match (prev.resources_undecided, c.resources_undecided) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        for e in c.evidence {
            match prev.evidence.iter_mut().find(|p| p.file == e.file && p.resource == e.resource) {
                Some(p) if e.detail != "no finding" => {
                    p.detail = format!("{}; {}", p.detail, e.detail);
                    p.findings += e.findings;
                }
                Some(_) => {}
                None => prev.evidence.push(e),
            }
        }
        prev.evidence_total = prev.evidence.len();
        if prev.missing.is_none() || (c.status == prev.status && !c.unanswered.is_empty()) {
            prev.missing = c.missing;
        }
        prev.unanswered.extend(c.unanswered);
    }
    out
}

/// Why a baseline control is unknown: the calls that would have shown it were not answered.
pub fn unanswered_text(lang: Lang, calls: &[String]) -> String {
    let calls: Vec<String> = calls.iter().map(|c| format!("`{c}`")).collect();
    crate::i18n::label_with(lang, "posture-baseline-unanswered", &[("calls", &calls.join(", "))])
}

/// A resource some rules judged: its number of findings by them, and whether its reachability
/// stayed undecided. Its [`EvidenceItem`] is made only when listed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Judged<'a> {
    res: Res,
    seen: &'a Seen,
    findings: usize,
    open: bool,
}

impl Judged<'_> {
    /// What the evidence line says of the resource.
    fn detail(&self) -> String {
        match self.findings {
            0 if self.open => "no finding; reachability undecided".to_string(),
            0 => "no finding".to_string(),
            n => format!("{n} finding(s)"),
        }
    }

    /// Whether the line says "no finding" and nothing more.
    fn plain_pass(&self) -> bool {
        self.findings == 0 && !self.open
    }

    fn item(&self) -> EvidenceItem {
        EvidenceItem { findings: self.findings, ..item(self.seen, &self.detail()) }
    }
}

/// The resources some rules judged, failing ones first (what a reader looks for), each with its
/// number of findings, or whether its reachability stayed undecided (`open`).
fn resource_evidence<'a>(
    index: &FindingIndex<'a>,
    rules: &[&crate::rules::RuleMeta],
    checked: &ResourceSet,
    failed: &ResourceSet,
    open: &ResourceSet,
    resources: &Resources<'a>,
) -> Vec<Judged<'a>> {
    // Findings of these rules per resource, counted in one pass.
    let mut found = index.resources_of_any(rules);
    found.sort_unstable();
    // Every list is in order: one walk along `checked` finds each resource in the others.
    let (mut found, mut failed, mut open) =
        (found.into_iter().peekable(), failed.iter().copied().peekable(), open.iter().copied().peekable());
    let (mut failing, mut passing) = (Vec::new(), Vec::new());
    for &k in checked {
        let mut findings = 0;
        while found.next_if(|f| *f < k).is_some() {}
        while found.next_if(|f| *f == k).is_some() {
            findings += 1;
        }
        let bad = seek(&mut failed, k);
        let undecided = seek(&mut open, k);
        if let Some(seen) = resources.seen(k) {
            let j = Judged { res: k, seen, findings, open: findings == 0 && undecided };
            if bad { failing.push(j) } else { passing.push(j) }
        }
    }
    failing.extend(passing);
    failing
}

/// Advances a list in order past `k`; whether it holds `k`.
fn seek(list: &mut std::iter::Peekable<impl Iterator<Item = Res>>, k: Res) -> bool {
    while list.next_if(|x| *x < k).is_some() {}
    list.next_if(|x| *x == k).is_some()
}

fn item(s: &Seen, detail: &str) -> EvidenceItem {
    EvidenceItem {
        file: s.file.clone(),
        line: s.line,
        resource: s.id.clone(),
        kind: s.kind.clone(),
        detail: detail.to_string(),
        findings: 0,
    }
}

fn ser_arc<S: serde::Serializer>(a: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(a)
}
