//! Coverage of a compliance framework's requirements by the evidence of a scan: the same
//! resource checks and account-baseline controls as the scorecard, seen through the
//! requirements the rules and baseline controls evidence (their `compliance` metadata).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::{BASELINE, EvidenceItem, Judged, Key, LayerScore, Res, ResourceSet, Resources, Status};
use crate::compliance::{Framework, Nature, Ref};
use crate::results::ScanReport;

/// The CIS monitoring requirements, per security metric filter
/// ([`super::evidence::SECURITY_FILTERS`]): each is met by an alarm on that filter.
const FILTER_REQUIREMENTS: &[(&str, &str)] = &[
    ("unauthorized API calls", "5.1"),
    ("console sign-in without MFA", "5.2"),
    ("root account usage", "5.3"),
    ("IAM policy changes", "5.4"),
    ("CloudTrail configuration changes", "5.5"),
    ("console authentication failures", "5.6"),
    ("KMS key disabling or deletion", "5.7"),
    ("S3 bucket policy changes", "5.8"),
    ("AWS Config changes", "5.9"),
    ("security group changes", "5.10"),
    ("network ACL changes", "5.11"),
    ("network gateway changes", "5.12"),
    ("route table changes", "5.13"),
    ("VPC changes", "5.14"),
    ("AWS Organizations changes", "5.15"),
];

/// The requirement ids an alarm on a security metric filter evidences.
fn filter_refs(filter: &str) -> impl Iterator<Item = String> + '_ {
    FILTER_REQUIREMENTS
        .iter()
        .filter(move |(f, _)| *f == filter)
        .flat_map(|(_, id)| [format!("cis-6.0:{id}"), format!("cis-7.0:{id}")])
}

/// The AWS service of a resource type, as the FSBP control ids spell it (`S3`, `EC2`,
/// `OpenSearch`, `ES`, `DocumentDB`, ...), lowercased: from the CloudFormation type the
/// resource's model kind stands for, whichever language wrote it.
fn aws_service(source_type: &str) -> Option<String> {
    let cfn = if source_type.starts_with("AWS::") {
        source_type
    } else {
        let kind = crate::model::kind::model_kind(source_type);
        crate::model::kind::source_types(kind).into_iter().find(|t| t.starts_with("AWS::"))?
    };
    let service = cfn.split("::").nth(1)?.to_ascii_lowercase();
    Some(match service.as_str() {
        "opensearchservice" => "opensearch".to_string(),
        "elasticsearch" => "es".to_string(),
        "docdb" => "documentdb".to_string(),
        "elasticloadbalancing" | "elasticloadbalancingv2" => "elb".to_string(),
        "apigatewayv2" => "apigateway".to_string(),
        "wafv2" => "waf".to_string(),
        _ => service,
    })
}

/// Whether a resource of this type is within the scope of a requirement: an FSBP control is
/// about the resources of its service (a rule checking several services evidences each
/// service's control with that service's resources only); the other frameworks' requirements
/// are about whatever their rules check.
fn in_scope(framework: Framework, requirement: &str, source_type: &str) -> bool {
    if framework != Framework::Fsbp {
        return true;
    }
    let Some(prefix) = requirement.split('.').next() else { return true };
    aws_service(source_type).is_none_or(|s| s.eq_ignore_ascii_case(prefix))
}

/// Coverage of one framework.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkCoverage {
    /// `isms-p`, `cis-6.0`, `cis-7.0`, `pci-4.0` or `fsbp`.
    pub framework: Framework,
    pub name: &'static str,
    pub summary: CoverageSummary,
    /// The framework's domains in its own order, each with its requirements.
    pub domains: Vec<DomainCoverage>,
}

/// How many requirements have each status.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CoverageSummary {
    pub requirements: usize,
    /// Passed or failed: the scan holds evidence for them.
    pub evidenced: usize,
    pub passed: usize,
    pub failed: usize,
    /// Rules or baseline controls evidence them, but the scan holds nothing they check.
    pub no_evidence: usize,
    /// No rule or baseline control can decide them.
    pub not_decidable: usize,
    /// Of [`CoverageSummary::not_decidable`], those about policy, people, physical security or
    /// personal-data handling.
    pub organisational: usize,
}

/// One domain of a framework.
#[derive(Debug, Clone, Serialize)]
pub struct DomainCoverage {
    pub domain: &'static str,
    pub summary: CoverageSummary,
    pub requirements: Vec<RequirementCoverage>,
}

/// Status of one requirement over a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementStatus {
    /// Its rules ran over relevant resources and found nothing (and its baseline controls are
    /// present).
    Pass,
    /// A finding of one of its rules, or a baseline control missing from the scan.
    Fail,
    /// Its rules and baseline controls found nothing in the scan to check.
    NoEvidence,
    /// No rule or baseline control of Palisade decides it.
    NotDecidable,
}

/// A finding that fails a requirement.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRef {
    pub rule: String,
    #[serde(serialize_with = "super::ser_arc")]
    pub file: Arc<str>,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub message: String,
}

/// Coverage of one requirement.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementCoverage {
    pub id: &'static str,
    pub title: &'static str,
    pub status: RequirementStatus,
    /// For a requirement not decidable by Palisade: `organisational` (policy, people,
    /// physical security, personal-data handling) or `no-rule` (technical, but about account
    /// or runtime state that no template shows, or without a rule yet).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// Rules that evidence it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// Of [`RequirementCoverage::rules`], those that checked resources of the scan.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checked_by: Vec<String>,
    /// Account-baseline controls (CONTROLS ids) that evidence it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub baseline: Vec<&'static str>,
    /// Resource checks that passed / failed over the scan (rule × resource), and baseline
    /// controls present / missing.
    pub passed: usize,
    pub failed: usize,
    /// Resources its rules judged (failing ones first), and the baseline controls' evidence
    /// (shared with the other requirements they evidence). Built with a listing limit
    /// ([`super::Posture::listing`]): the first failing ones and the first passing ones.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Arc<EvidenceItem>>,
    /// The findings that fail it (shared with the other requirements they fail); built with a
    /// listing limit, the first ones.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Arc<FindingRef>>,
    /// How many findings fail it (the length of [`RequirementCoverage::findings`] before any
    /// listing limit).
    #[serde(skip)]
    pub findings_total: usize,
    /// How many pieces of its evidence pass (without findings), before any listing limit.
    #[serde(skip)]
    pub passing_total: usize,
}

/// What [`super::Posture::of`] has worked out once for every view.
pub(super) struct Facts<'a> {
    pub counts: &'a BTreeMap<&'a str, (ResourceSet, ResourceSet)>,
    pub undecided: &'a ResourceSet,
    pub resources: &'a Resources<'a>,
    pub layers: &'a [LayerScore],
    pub findings: &'a super::FindingIndex<'a>,
    /// At most this many items per list ([`super::Posture::listing`]); `None`: every item.
    pub limit: Option<usize>,
}

/// What one rule shows over the scan, worked out once for every requirement it evidences: the
/// resources it checked (with their source type, whether they failed, whether their
/// reachability stayed undecided) and their evidence. Without a listing limit, its evidence
/// lines and findings are made here once, to be shared by every requirement that lists them.
pub(super) struct RuleEvidence<'a> {
    checked: Vec<(&'a str, bool, bool)>,
    judged: Vec<Judged<'a>>,
    /// Without a listing limit: the evidence line of each of `judged`.
    items: Vec<Arc<EvidenceItem>>,
    /// Without a listing limit: each finding of the rule, in the report's order.
    findings: Vec<Arc<FindingRef>>,
}

/// A finding as a requirement lists it.
fn finding_ref(f: &crate::finding::Finding) -> FindingRef {
    FindingRef {
        rule: f.rule.id.to_string(),
        file: f.location.file.clone(),
        line: f.location.span.line,
        resource: f.resource.as_ref().map(|r| r.id.to_string()),
        message: f.message().into_owned(),
    }
}

/// The source type of the resource a finding is about ("" when it names none).
fn finding_kind(f: &crate::finding::Finding) -> &str {
    f.resource.as_ref().map_or("", |r| r.kind.as_ref())
}

/// [`RuleEvidence`] of every rule that evidences a requirement of some framework.
pub(super) fn rule_evidence<'a>(report: &'a ScanReport, facts: &Facts<'a>) -> BTreeMap<&'a str, RuleEvidence<'a>> {
    let mut out = BTreeMap::new();
    for r in report.rules.iter().filter(|r| !r.compliance.is_empty()) {
        let Some((checked, bad)) = facts.counts.get(&*r.id) else { continue };
        let reach = crate::rules::net::judges_reachability(&r.id);
        let open: ResourceSet = if reach {
            checked.iter().filter(|k| !bad.contains(k) && facts.undecided.contains(k)).copied().collect()
        } else {
            ResourceSet::new()
        };
        let kind = |k: &Res| facts.resources.seen(*k).map_or("", |s| s.kind.as_str());
        let judged = super::resource_evidence(facts.findings, &[&**r], checked, bad, &open, facts.resources);
        let (items, findings) = match facts.limit {
            Some(_) => (Vec::new(), Vec::new()),
            None => (
                judged.iter().map(|j| Arc::new(j.item())).collect(),
                facts.findings.of(&r.id).map(|f| Arc::new(finding_ref(f))).collect(),
            ),
        };
        out.insert(
            &*r.id,
            RuleEvidence {
                checked: checked.iter().map(|k| (kind(k), bad.contains(k), open.contains(k))).collect(),
                judged,
                items,
                findings,
            },
        );
    }
    out
}

/// A requirement's evidence line for one resource while its rules are gone through: a rule's
/// judgement (which of `RuleEvidence::judged`, by rule, and the judgement of another rule that
/// says more than "no finding" when the first said only that), or a baseline control's line.
enum Line<'r, 'a> {
    Judged { rule: &'r RuleEvidence<'a>, at: usize, over: Option<&'r Judged<'a>> },
    Item(Arc<EvidenceItem>),
}

impl Line<'_, '_> {
    /// (findings, file, line): what orders the lines.
    fn order(&self) -> (usize, &str, u32) {
        match self {
            Line::Judged { rule, at, over } => {
                let j = &rule.judged[*at];
                (over.map_or(j.findings, |f| f.findings), &*j.seen.file, j.seen.line)
            }
            Line::Item(e) => (e.findings, &*e.file, e.line),
        }
    }

    fn into_item(self) -> Arc<EvidenceItem> {
        match self {
            Line::Item(e) => e,
            Line::Judged { rule, at, over } => {
                let base = match rule.items.get(at) {
                    Some(shared) if over.is_none() => return shared.clone(),
                    Some(shared) => (**shared).clone(),
                    None => rule.judged[at].item(),
                };
                Arc::new(match over {
                    Some(f) => EvidenceItem { detail: f.detail(), findings: f.findings, ..base },
                    None => base,
                })
            }
        }
    }
}

/// A requirement's evidence lines while its rules and baseline controls are gone through, in
/// the order they come: one line per resource in the end, the first that came for it.
#[derive(Default)]
struct Lines<'r, 'a> {
    /// By the resource's number.
    numbered: Vec<(Res, Line<'r, 'a>)>,
    /// Baseline evidence about a resource without a number (none that the scan saw).
    unnumbered: BTreeMap<Key<'a>, Line<'r, 'a>>,
}

impl<'r, 'a> Lines<'r, 'a> {
    /// A baseline control's line, unless the resource has one already.
    fn add_item(&mut self, resources: &Resources<'a>, key: Key<'a>, item: impl FnOnce() -> Arc<EvidenceItem>) {
        match resources.find(key) {
            Some(res) => self.numbered.push((res, Line::Item(item()))),
            None => {
                self.unnumbered.entry(key).or_insert_with(|| Line::Item(item()));
            }
        }
    }

    /// (failing lines, passing lines), one per resource, with the key that orders them.
    fn into_lines(mut self, resources: &Resources<'a>) -> (Vec<Keyed<'r, 'a>>, Vec<Keyed<'r, 'a>>) {
        // Each resource's lines together, in the order they came.
        self.numbered.sort_by_key(|(res, _)| *res);
        let mut one: Vec<Keyed<'r, 'a>> = Vec::new();
        let mut lines = self.numbered.into_iter().peekable();
        while let Some((res, mut first)) = lines.next() {
            let mut more = std::iter::from_fn(|| lines.next_if(|(r, _)| *r == res).map(|(_, l)| l));
            // A rule's line that says only "no finding" gives way to the first of another
            // rule's that says more.
            if let Line::Judged { rule, at, over: over @ None } = &mut first
                && rule.judged[*at].plain_pass()
            {
                *over = more.find_map(|l| match l {
                    Line::Judged { rule, at, .. } if !rule.judged[at].plain_pass() => Some(&rule.judged[at]),
                    _ => None,
                });
            }
            more.for_each(drop);
            one.push((resources.key(res), first));
        }
        one.extend(self.unnumbered);
        one.into_iter().partition(|(_, l)| l.order().0 > 0)
    }
}

/// An evidence line with the resource it is about.
type Keyed<'r, 'a> = (Key<'a>, Line<'r, 'a>);

/// The first `limit` lines by file, line and resource, in that order.
fn first_in_order<'r, 'a>(mut lines: Vec<Keyed<'r, 'a>>, limit: usize) -> impl Iterator<Item = Line<'r, 'a>> {
    let order = |a: &Keyed<'r, 'a>, b: &Keyed<'r, 'a>| {
        let ((_, file_a, line_a), (_, file_b, line_b)) = (a.1.order(), b.1.order());
        same_or_cmp(file_a, file_b).then(line_a.cmp(&line_b)).then_with(|| a.0.cmp(&b.0))
    };
    if limit == 0 {
        lines.clear();
    } else if lines.len() > limit {
        lines.select_nth_unstable_by(limit - 1, order);
        lines.truncate(limit);
    }
    lines.sort_unstable_by(order);
    lines.into_iter().map(|(_, l)| l)
}

/// Compares two texts, at once when they are the same text (the file names of a scan's
/// lines mostly are).
fn same_or_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if std::ptr::eq(a, b) { std::cmp::Ordering::Equal } else { a.cmp(b) }
}

/// The coverage of a framework by a scan.
pub(super) fn coverage(
    report: &ScanReport,
    facts: &Facts<'_>,
    by_rule: &BTreeMap<&str, RuleEvidence<'_>>,
    framework: Framework,
) -> FrameworkCoverage {
    let key = framework.key();
    let refs_of = |list: &mut dyn Iterator<Item = &str>, id: &str| {
        list.filter_map(Ref::parse).any(|r| r.framework == framework && r.id == id)
    };
    let alarm_hits: Vec<&super::BaselineHit> =
        report.evidence.iter().flat_map(|e| &e.baseline).filter(|h| h.control == "alarms").collect();
    let mut domains: Vec<DomainCoverage> = Vec::new();
    for req in framework.requirements() {
        let rules: Vec<&crate::rules::RuleMeta> = report
            .rules
            .iter()
            .map(|r| &**r)
            .filter(|r| refs_of(&mut r.compliance.iter().map(|c| &**c), req.id))
            .collect();
        let baselines: Vec<&super::Baseline> =
            BASELINE.iter().filter(|b| refs_of(&mut b.compliance.iter().copied(), req.id)).collect();
        let filter = FILTER_REQUIREMENTS
            .iter()
            .find(|(f, _)| filter_refs(f).any(|r| r == format!("{key}:{}", req.id)))
            .map(|(f, _)| *f);
        let (mut passed, mut failed) = (0, 0);
        let mut evidence = Lines::default();
        let mut findings = Vec::new();
        let mut findings_total = 0;
        let mut checked_by = Vec::new();
        // Whether a source type is in scope, worked out once per type.
        let mut kinds: Vec<(Box<str>, bool)> = Vec::new();
        let mut scoped = |kind: &str| match kinds.iter().find(|(k, _)| **k == *kind) {
            Some((_, s)) => *s,
            None => {
                let s = in_scope(framework, req.id, kind);
                kinds.push((kind.into(), s));
                s
            }
        };
        for r in &rules {
            let Some(e) = by_rule.get(&*r.id) else { continue };
            let mut any = false;
            for (_, bad, open) in e.checked.iter().filter(|(kind, _, _)| scoped(kind)) {
                any = true;
                match (bad, open) {
                    (true, _) => failed += 1,
                    (false, false) => passed += 1,
                    (false, true) => {}
                }
            }
            if any {
                checked_by.push(r.id.to_string());
            }
            for (at, j) in e.judged.iter().enumerate().filter(|(_, j)| scoped(&j.seen.kind)) {
                // One line per resource: one that says more than "no finding" when a rule has
                // one.
                evidence.numbered.push((j.res, Line::Judged { rule: e, at, over: None }));
            }
            let limit = facts.limit.unwrap_or(usize::MAX);
            for (i, f) in facts.findings.of(&r.id).enumerate() {
                let kind = finding_kind(f);
                if !kind.is_empty() && !scoped(kind) {
                    continue;
                }
                findings_total += 1;
                if findings.len() < limit {
                    findings.push(match e.findings.get(i) {
                        Some(shared) => shared.clone(),
                        None => Arc::new(finding_ref(f)),
                    });
                }
            }
        }
        for b in &baselines {
            let control =
                facts.layers.iter().flat_map(|l| &l.controls).find(|c| c.control == b.control && c.kind == "baseline");
            if let Some(c) = control {
                match c.status {
                    Status::Pass => passed += 1,
                    Status::Fail => failed += 1,
                    Status::NotEvidenced | Status::Unknown => {}
                }
                for e in &c.evidence {
                    evidence.add_item(facts.resources, (&*e.file, e.resource.as_str()), || Arc::new(e.clone()));
                }
            }
        }
        let mut baseline: Vec<&'static str> = baselines.iter().map(|b| b.control).collect();
        if let Some(filter) = filter {
            // An alarm on this requirement's metric filter, anywhere in the scan.
            baseline.push("MON-02");
            let covering: Vec<&&super::BaselineHit> =
                alarm_hits.iter().filter(|h| h.detail.split(", ").any(|d| d == filter)).collect();
            if covering.is_empty() {
                failed += 1;
            } else {
                passed += 1;
                for h in covering {
                    evidence.add_item(facts.resources, (&*h.resource.file, h.resource.id.as_str()), || {
                        Arc::new(super::item(&h.resource, &h.detail))
                    });
                }
            }
        }
        // Failing resources first, then in file order; with a listing limit, the first of each.
        let limit = facts.limit.unwrap_or(usize::MAX);
        let (failing, passing) = evidence.into_lines(facts.resources);
        let passing_total = passing.len();
        let evidence: Vec<Arc<EvidenceItem>> =
            [failing, passing].into_iter().flat_map(|l| first_in_order(l, limit)).map(Line::into_item).collect();
        let decidable = !rules.is_empty() || !baseline.is_empty();
        let status = if !decidable {
            RequirementStatus::NotDecidable
        } else if failed > 0 {
            RequirementStatus::Fail
        } else if passed > 0 {
            RequirementStatus::Pass
        } else {
            RequirementStatus::NoEvidence
        };
        let reason = (!decidable).then_some(match req.nature {
            Nature::Organisational => "organisational",
            Nature::Technical => "no-rule",
        });
        let cov = RequirementCoverage {
            id: req.id,
            title: req.title,
            status,
            reason,
            rules: rules.iter().map(|r| r.id.to_string()).collect(),
            checked_by,
            baseline,
            passed,
            failed,
            evidence,
            findings,
            findings_total,
            passing_total,
        };
        match domains.iter_mut().find(|d| d.domain == req.domain) {
            Some(d) => d.requirements.push(cov),
            None => domains.push(DomainCoverage {
                domain: req.domain,
                summary: CoverageSummary::default(),
                requirements: vec![cov],
            }),
        }
    }
    let mut summary = CoverageSummary::default();
    for d in &mut domains {
        d.summary = CoverageSummary::of(&d.requirements);
        summary.add(&d.summary);
    }
    FrameworkCoverage { framework, name: framework.name(), summary, domains }
}

impl CoverageSummary {
    fn of(reqs: &[RequirementCoverage]) -> CoverageSummary {
        let n = |s: RequirementStatus| reqs.iter().filter(|r| r.status == s).count();
        let (passed, failed) = (n(RequirementStatus::Pass), n(RequirementStatus::Fail));
        CoverageSummary {
            requirements: reqs.len(),
            evidenced: passed + failed,
            passed,
            failed,
            no_evidence: n(RequirementStatus::NoEvidence),
            not_decidable: n(RequirementStatus::NotDecidable),
            organisational: reqs.iter().filter(|r| r.reason == Some("organisational")).count(),
        }
    }

    fn add(&mut self, o: &CoverageSummary) {
        self.requirements += o.requirements;
        self.evidenced += o.evidenced;
        self.passed += o.passed;
        self.failed += o.failed;
        self.no_evidence += o.no_evidence;
        self.not_decidable += o.not_decidable;
        self.organisational += o.organisational;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fsbp_controls_take_the_resources_of_their_service() {
        assert!(in_scope(Framework::Fsbp, "EFS.1", "AWS::EFS::FileSystem"));
        assert!(in_scope(Framework::Fsbp, "EFS.1", "aws_efs_file_system"));
        assert!(!in_scope(Framework::Fsbp, "EFS.1", "AWS::SQS::Queue"));
        assert!(in_scope(Framework::Fsbp, "OpenSearch.1", "AWS::OpenSearchService::Domain"));
        assert!(in_scope(Framework::Fsbp, "DocumentDB.1", "AWS::DocDB::DBCluster"));
        assert!(in_scope(Framework::Fsbp, "ELB.16", "AWS::ElasticLoadBalancingV2::LoadBalancer"));
        assert!(!in_scope(Framework::Fsbp, "AutoScaling.3", "AWS::EC2::Instance"));
        // Other frameworks are not split by service.
        assert!(in_scope(Framework::IsmsP, "2.7.1", "AWS::SQS::Queue"));
    }

    #[test]
    fn baseline_and_alarm_references_name_requirements_of_their_catalogues() {
        let refs = BASELINE
            .iter()
            .flat_map(|b| b.compliance.iter().map(|c| c.to_string()))
            .chain(FILTER_REQUIREMENTS.iter().flat_map(|(f, _)| filter_refs(f)));
        for c in refs {
            let r = Ref::parse(&c).unwrap_or_else(|| panic!("`{c}` names no known framework"));
            assert!(r.requirement().is_some(), "`{c}` is not in its catalogue");
        }
        // Every filter named is one Palisade recognises.
        for (f, _) in FILTER_REQUIREMENTS {
            assert!(super::super::evidence::SECURITY_FILTERS.iter().any(|(n, _)| n == f), "{f}");
        }
    }
}
