//! Rules: metadata plus one pure check function over the model.
//!
//! Rules live one module per service area (`s3`, `ec2`, `rds`, ...). Each module exports a
//! `RULES` list; a rule's documentation examples are its fixture files in the module's
//! `fixtures/` folder (`<slug>.fail.yaml`, `<slug>.pass.yaml`), included with `include_str!`
//! and run through the whole pipeline by the test suite. A line of a failing fixture that
//! carries the comment `# expect: RULE-ID` is where that rule must report.

use serde::Serialize;

use crate::finding::{Layer, Severity};

/// A rule's metadata and documentation.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// Stable id, e.g. `PAL-S3-001`.
    pub id: &'static str,
    /// Stable human-readable name, e.g. `s3-public-access-block`.
    pub slug: &'static str,
    /// One-line title.
    pub title: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Defense-in-depth layer.
    pub layer: Layer,
    /// The AWS service or platform area (`s3`, `ec2`, `rds`, `kms`, `cloudformation`, ...).
    pub service: &'static str,
    /// Well-Architected Security Pillar best-practice ids the rule evidences.
    pub well_architected: &'static [&'static str],
    /// Ids of the controls (CONTROLS catalog) the rule implements, e.g. `DATA-01`.
    pub controls: &'static [&'static str],
    /// Resource types the rule inspects.
    pub resource_types: &'static [&'static str],
    /// What to do about a finding.
    pub remediation: &'static str,
    /// Why this matters, in Markdown.
    pub description: &'static str,
    /// A template the rule reports on (tested).
    pub fail_example: &'static str,
    /// A template the rule accepts (tested).
    pub pass_example: &'static str,
}

impl RuleMeta {
    /// The documentation as Markdown, as `palisade rule ID` prints it.
    pub fn documentation(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!("# {} {}: {}\n\n", self.id, self.slug, self.title));
        s.push_str(&format!(
            "Severity: {}  \nLayer: {}  \nService: {}  \nControls: {}  \nWell-Architected: {}  \nResource types: {}\n\n",
            self.severity,
            self.layer,
            self.service,
            self.controls.join(", "),
            self.well_architected.join(", "),
            self.resource_types.join(", "),
        ));
        s.push_str("## Why\n\n");
        s.push_str(self.description.trim());
        s.push_str("\n\n## Fix\n\n");
        s.push_str(self.remediation.trim());
        s.push_str("\n\n## Failing example\n\n```yaml\n");
        s.push_str(self.fail_example.trim_end());
        s.push_str("\n```\n\n## Passing example\n\n```yaml\n");
        s.push_str(self.pass_example.trim_end());
        s.push_str("\n```\n");
        s
    }
}

use std::sync::Arc;

use crate::finding::{Finding, Related, ResourceRef};
use crate::model::{Field, Model, Origin, ResMeta};
use crate::source::{Location, Span};

/// A rule: its metadata and its check.
pub struct Rule {
    pub meta: RuleMeta,
    /// Reports every problem it sees in the model.
    pub check: fn(&Model, &mut Sink<'_>),
}

/// Collects one rule's findings for one model.
pub struct Sink<'a> {
    rule: &'static RuleMeta,
    file: Arc<str>,
    out: &'a mut Vec<Finding>,
}

impl<'a> Sink<'a> {
    pub fn new(rule: &'static RuleMeta, file: Arc<str>, out: &'a mut Vec<Finding>) -> Sink<'a> {
        Sink { rule, file, out }
    }

    /// Reports a finding about `resource` at `span`. Returns it so that related locations
    /// can be added.
    pub fn report(&mut self, resource: &ResMeta, span: Span, message: impl Into<String>) -> &mut Finding {
        self.out.push(Finding {
            rule: self.rule,
            severity: self.rule.severity,
            message: message.into(),
            location: Location::new(self.file.clone(), span),
            resource: Some(ResourceRef { id: resource.id.clone(), kind: resource.kind.clone() }),
            related: Vec::new(),
            when: None,
            subject: None,
        });
        self.out.last_mut().expect("just pushed")
    }

    /// Reports a finding at a field, adding the field's origin (e.g. the parameter default
    /// the value came from) as a related location.
    pub fn report_field<T>(&mut self, resource: &ResMeta, f: &Field<T>, message: impl Into<String>) -> &mut Finding {
        let file = self.file.clone();
        let origin = f.origin.clone();
        let finding = self.report(resource, f.span, message);
        if let Some(o) = origin {
            finding.related.push(related(&file, &o));
        }
        finding
    }

    /// Reports a finding about a resource defined in another file than the sink's (rules
    /// over objects gathered from several files, such as Kubernetes manifests).
    pub fn report_in(
        &mut self,
        file: &Arc<str>,
        resource: &ResMeta,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Finding {
        let f = self.report(resource, span, message);
        f.location.file = file.clone();
        f
    }

    /// Reports a finding not tied to a resource (e.g. about a template parameter).
    pub fn report_at(&mut self, span: Span, message: impl Into<String>) -> &mut Finding {
        self.out.push(Finding {
            rule: self.rule,
            severity: self.rule.severity,
            message: message.into(),
            location: Location::new(self.file.clone(), span),
            resource: None,
            related: Vec::new(),
            when: None,
            subject: None,
        });
        self.out.last_mut().expect("just pushed")
    }

    /// The file being checked.
    pub fn file(&self) -> &Arc<str> {
        &self.file
    }
}

fn related(file: &Arc<str>, o: &Origin) -> Related {
    Related { location: Location::new(file.clone(), o.span), message: o.note.clone() }
}

impl Finding {
    /// Adds a related location in the same file.
    pub fn with_related(&mut self, span: Span, message: impl Into<String>) -> &mut Finding {
        let file = self.location.file.clone();
        self.related.push(Related { location: Location::new(file, span), message: message.into() });
        self
    }

    /// Adds the origin of a field (parameter default, mapping) as a related location.
    pub fn with_origin<T>(&mut self, f: &Field<T>) -> &mut Finding {
        if let Some(o) = &f.origin {
            let r = related(&self.location.file, o);
            self.related.push(r);
        }
        self
    }
}

pub mod backup;
pub mod cloudtrail;
pub mod common;
pub mod config;
pub mod database;
pub mod ec2;
pub mod ecr;
pub mod eks;
pub mod elb;
pub mod encryption;
pub mod guardduty;
pub mod iam;
pub mod imds;
pub mod k8s;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod net;
pub mod rds;
pub mod s3;
pub mod secrets;
pub mod secretsmanager;
pub mod securityhub;
pub mod ssm;
pub mod waf;

/// The rule lists of every service area. A new area adds one line here; a new rule adds
/// one line to its area's `RULES`.
const AREAS: &[&[&Rule]] = &[
    backup::RULES,
    cloudtrail::RULES,
    config::RULES,
    database::RULES,
    ec2::RULES,
    ecr::RULES,
    eks::RULES,
    elb::RULES,
    encryption::RULES,
    guardduty::RULES,
    iam::RULES,
    imds::RULES,
    k8s::RULES,
    kms::RULES,
    lambda::RULES,
    logs::RULES,
    net::RULES,
    rds::RULES,
    s3::RULES,
    secrets::RULES,
    secretsmanager::RULES,
    securityhub::RULES,
    ssm::RULES,
    waf::RULES,
];

/// Every rule, in id order.
pub fn all() -> Vec<&'static Rule> {
    let mut v: Vec<&'static Rule> = AREAS.iter().flat_map(|a| a.iter().copied()).collect();
    v.sort_by_key(|r| r.meta.id);
    v
}

/// The rule with this id or slug (case-insensitive).
pub fn find(name: &str) -> Option<&'static Rule> {
    all().into_iter().find(|r| r.meta.id.eq_ignore_ascii_case(name) || r.meta.slug.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_area_shares_one_id_prefix() {
        for area in super::AREAS {
            let prefix = |id: &str| id.rsplit_once('-').map(|(p, _)| p.to_string());
            let first = prefix(area[0].meta.id);
            assert!(area.iter().all(|r| prefix(r.meta.id) == first), "{:?}", first);
        }
    }
}
