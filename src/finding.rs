//! Findings, diagnostics and the vocabulary they share (severity, layer).

use std::fmt;
use std::sync::Arc;

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
    pub rule: &'static RuleMeta,
    /// Effective severity (the rule's unless overridden).
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    pub resource: Option<ResourceRef>,
    pub related: Vec<Related>,
    /// When the finding holds only for some values of undecidable template conditions,
    /// the condition values that lead to it ("IsProd is false").
    pub when: Option<String>,
    /// The offending field and value, the same whatever the input language or the message's
    /// wording: the path from the document root to the node at the finding's span, with
    /// `=<scalar text>` when that node is a scalar, e.g.
    /// `Resources.Logs.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy=false`.
    /// `None` when it is not known (see [`crate::value::subject_at`]).
    pub subject: Option<String>,
}

impl Finding {
    /// Sort key: file, line, column, rule id, message.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (&self.location.file, self.location.span.line, self.location.span.col, self.rule.id, &self.message)
    }

    /// The message with the condition qualifier, as reports show it.
    pub fn full_message(&self) -> String {
        match &self.when {
            Some(w) => format!("{} (when {w})", self.message),
            None => self.message.clone(),
        }
    }

    /// The resource id, or the empty string when the finding is not about one resource.
    pub fn resource_id(&self) -> &str {
        self.resource.as_ref().map(|r| r.id.as_str()).unwrap_or("")
    }
}

/// What went wrong with an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiagnosticKind {
    /// The file could not be read (I/O error, too large, not UTF-8).
    Read,
    /// The file could not be parsed.
    Parse,
    /// Part of the file was not analysed (e.g. a construct that cannot be expanded).
    NotAnalysed,
    /// A suppression without a reason, for an unknown rule, malformed, or (when asked) unused.
    Suppression,
    /// A baseline entry that no longer occurs.
    Baseline,
}

/// A problem with the input rather than with the infrastructure it describes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Diagnostic {
    pub kind: DiagnosticKind,
    pub file: Arc<str>,
    /// Where in the file, when known (1-based line/column; 0 when the whole file is meant).
    pub line: u32,
    pub col: u32,
    pub message: String,
}

impl Diagnostic {
    /// Errors make the scan exit with status 2; notes do not.
    pub fn is_error(&self) -> bool {
        matches!(self.kind, DiagnosticKind::Read | DiagnosticKind::Parse)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            DiagnosticKind::Read => "error: cannot read",
            DiagnosticKind::Parse => "error: cannot parse",
            DiagnosticKind::NotAnalysed => "warning: not analysed",
            DiagnosticKind::Suppression => "warning: suppression",
            DiagnosticKind::Baseline => "warning: baseline",
        };
        if self.line > 0 {
            write!(f, "{}:{}:{}: {what}: {}", self.file, self.line, self.col, self.message)
        } else {
            write!(f, "{}: {what}: {}", self.file, self.message)
        }
    }
}
