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
