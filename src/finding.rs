//! Findings, diagnostics and the vocabulary they share (severity, layer).

use std::fmt;

use serde::Serialize;

use crate::rules::RuleMeta;
use crate::source::Location;

/// How bad a finding is. Ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] =
        [Severity::Critical, Severity::High, Severity::Medium, Severity::Low, Severity::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|v| v.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The defense-in-depth layer a control belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    Network,
    Identity,
    Application,
    Data,
    Monitoring,
}

impl Layer {
    pub const ALL: [Layer; 5] = [Layer::Network, Layer::Identity, Layer::Application, Layer::Data, Layer::Monitoring];

    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Network => "network",
            Layer::Identity => "identity",
            Layer::Application => "application",
            Layer::Data => "data",
            Layer::Monitoring => "monitoring",
        }
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The resource a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResourceRef {
    /// Logical id (CloudFormation) or `kind/namespace/name` (Kubernetes).
    pub id: String,
    /// Resource type, e.g. `AWS::S3::Bucket`.
    pub kind: String,
}

/// A secondary location that explains a finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Related {
    pub location: Location,
    pub message: String,
}

/// One problem found by a rule.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: std::sync::Arc<RuleMeta>,
    /// Effective severity (the rule's unless overridden).
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    pub resource: Option<ResourceRef>,
    pub related: Vec<Related>,
    /// When the finding holds only for some values of undecidable template conditions,
    /// the condition values that lead to it ("IsProd is false").
    pub when: Option<String>,
}

impl Finding {
    /// Sort key: file, line, column, rule id, message.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (&self.location.file, self.location.span.line, self.location.span.col, &self.rule.id, &self.message)
    }

    /// The message with the condition qualifier, as reports show it.
    pub fn full_message(&self) -> String {
        match &self.when {
            Some(w) => format!("{} (when {w})", self.message),
            None => self.message.clone(),
        }
    }
}

pub use crate::diagnostic::{Diagnostic, DiagnosticKind};
