//! What a scan produced, after the filter stage: what reports and the posture are made from.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::filter::Suppressed;
use crate::finding::{Diagnostic, Finding};
use crate::fix::FileFix;
use crate::rules::RuleMeta;
use crate::source::SourceFile;

/// Everything a report needs to know about one scan.
#[derive(Debug, Default)]
pub struct ScanReport {
    /// Findings after filtering, sorted by file, line, column, rule id.
    pub findings: Vec<Finding>,
    /// Problems with inputs (unreadable or unparsable files, parts not analysed), sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The files that were analysed, by display path (for snippets).
    pub files: BTreeMap<Arc<str>, Arc<SourceFile>>,
    /// Number of files analysed.
    pub files_scanned: usize,
    /// The rules that ran, in id order.
    pub rules: Vec<std::sync::Arc<RuleMeta>>,
    /// What each analysed template contributes to the posture (resources, baseline services).
    pub evidence: Vec<crate::analyze::evidence::Evidence>,
    /// Where the display paths of a scan of the file system start, and the repository holding
    /// the scanned files (`None` for reports not made from the file system).
    pub root: Option<SourceRoot>,
}

/// The directories that file URIs are made relative to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceRoot {
    /// The working directory relative display paths start from, as the process sees it.
    pub cwd: std::path::PathBuf,
    /// The same directory with symbolic links resolved.
    pub cwd_real: std::path::PathBuf,
    /// The top folder of the git work tree holding the scanned files (symbolic links resolved),
    /// when they are in one.
    pub work_tree: Option<std::path::PathBuf>,
}

/// A scan's report with what the filter stage removed.
#[derive(Debug, Default)]
pub struct Scanned {
    pub report: ScanReport,
    /// Findings removed by suppressions, the configuration or the baseline.
    pub suppressed: Vec<Suppressed>,
    /// The files analysed (display paths).
    pub analysed: Vec<Arc<str>>,
    /// The fixes on offer for the findings, when they were computed (see [`crate::fix`]).
    pub fixes: Vec<FileFix>,
}
