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

impl ScanReport {
    /// The report with the findings' messages and the rules' titles, descriptions and
    /// remediations in `lang`, for rendering (fingerprints stay those of the English report:
    /// see [`Finding::localized`](crate::finding::Finding::localized)).
    pub fn localized(&self, lang: crate::i18n::Lang) -> ScanReport {
        let rules = Localizer::new(lang);
        ScanReport {
            findings: self.findings.iter().map(|f| rules.finding(f)).collect(),
            diagnostics: self.diagnostics.clone(),
            files: self.files.clone(),
            files_scanned: self.files_scanned,
            rules: self.rules.iter().map(|r| rules.rule(r)).collect(),
            evidence: self.evidence.clone(),
            root: self.root.clone(),
        }
    }
}

impl Scanned {
    /// The scan with its report and its suppressed findings in `lang` (see
    /// [`ScanReport::localized`]).
    pub fn localized(&self, lang: crate::i18n::Lang) -> Scanned {
        let rules = Localizer::new(lang);
        Scanned {
            report: self.report.localized(lang),
            suppressed: self
                .suppressed
                .iter()
                .map(|s| crate::filter::Suppressed { finding: rules.finding(&s.finding), by: s.by.clone() })
                .collect(),
            analysed: self.analysed.clone(),
            fixes: self.fixes.clone(),
        }
    }
}

/// Localizes findings and rules, each rule's metadata once.
struct Localizer {
    lang: crate::i18n::Lang,
    rules: std::cell::RefCell<std::collections::HashMap<String, Arc<RuleMeta>>>,
}

impl Localizer {
    fn new(lang: crate::i18n::Lang) -> Localizer {
        Localizer { lang, rules: Default::default() }
    }

    fn rule(&self, r: &Arc<RuleMeta>) -> Arc<RuleMeta> {
        let mut rules = self.rules.borrow_mut();
        rules.entry(r.id.to_string()).or_insert_with(|| Arc::new(r.localized(self.lang))).clone()
    }

    fn finding(&self, f: &crate::finding::Finding) -> crate::finding::Finding {
        f.localized(self.lang, &self.rule(&f.rule))
    }
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
