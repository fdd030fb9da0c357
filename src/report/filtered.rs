//! Reports that also show what the filter stage removed and the fixes on offer.
//!
//! * text: the report, then one line counting suppressed findings by cause, then the fixes as
//!   unified diffs;
//! * JSON: the report with `summary.suppressed`, a `suppressed` list (each finding as in
//!   `findings`, plus `suppression: {kind, justification}`) and, with `--show-fixes`, a
//!   `fixes` list (`file`, `rules`, `resources`, `diff`);
//! * SARIF: suppressed findings are results with a `suppressions` entry (`inSource` for inline
//!   suppressions, `external` for the configuration and the baseline), as code-scanning tools
//!   expect.

use serde_json::{Value, json};

use super::{Format, RenderOptions, json as json_report, sarif, text};
use crate::filter::{Suppressed, SuppressedBy};
use crate::fix::FileFix;
use crate::results::Scanned;

fn kind(by: &SuppressedBy) -> &'static str {
    match by {
        SuppressedBy::Inline { .. } => "inline",
        SuppressedBy::Config { .. } => "config",
        SuppressedBy::Baseline => "baseline",
    }
}

/// Renders `scanned` in `format`, with the fixes when `fixes` is given.
pub fn render(scanned: &Scanned, fixes: Option<&[FileFix]>, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => render_text(scanned, fixes, opts),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&json_document(scanned, fixes)).expect("JSON serializes");
            s.push('\n');
            s
        }
        Format::Sarif => {
            let mut s = serde_json::to_string_pretty(&sarif_document(scanned)).expect("JSON serializes");
            s.push('\n');
            s
        }
        // The other formats show the findings that remain.
        other => super::render(&scanned.report, other, opts),
    }
}

/// "3 findings suppressed: 1 inline, 2 by the baseline." (empty when none).
pub fn suppressed_summary(suppressed: &[Suppressed]) -> String {
    if suppressed.is_empty() {
        return String::new();
    }
    let count = |k: &str| suppressed.iter().filter(|s| kind(&s.by) == k).count();
    let parts: Vec<String> =
        [("inline", "inline"), ("config", "by the configuration"), ("baseline", "by the baseline")]
            .into_iter()
            .filter_map(|(k, label)| {
                let n = count(k);
                (n > 0).then(|| format!("{n} {label}"))
            })
            .collect();
    let n = suppressed.len();
    format!("{n} {} suppressed: {}.\n", if n == 1 { "finding" } else { "findings" }, parts.join(", "))
}

fn render_text(scanned: &Scanned, fixes: Option<&[FileFix]>, opts: &RenderOptions) -> String {
    let mut out = text::render(&scanned.report, opts);
    out.push_str(&suppressed_summary(&scanned.suppressed));
    if fixes.is_none() && !opts.quiet {
        let report = &scanned.report;
        let offered = &scanned.fixes;
        let fixable = report
            .findings
            .iter()
            .filter(|f| {
                offered.iter().any(|x| {
                    *x.file == *f.location.file
                        && f.resource
                            .as_ref()
                            .is_some_and(|r| x.fixed.iter().any(|(id, rule)| *id == r.id && *rule == f.rule.id))
                })
            })
            .count();
        if fixable > 0 {
            out.push_str(&format!(
                "{fixable} of these {} a mechanical fix: `--show-fixes` prints it as a diff.\n",
                if fixable == 1 { "findings has" } else { "findings have" }
            ));
        }
    }
    if let Some(fixes) = fixes {
        if fixes.is_empty() {
            out.push_str("\nNo mechanical fix for these findings.\n");
        } else {
            out.push_str("\nFixes (apply with `git apply`, then scan again):\n\n");
            for f in fixes {
                out.push_str(&f.diff);
            }
        }
    }
    out
}

/// The JSON report with suppressed findings and fixes.
pub fn json_document(scanned: &Scanned, fixes: Option<&[FileFix]>) -> Value {
    let mut doc = json_report::document(&scanned.report);
    let suppressed: Vec<Value> = scanned
        .suppressed
        .iter()
        .map(|s| {
            let mut v = json_report::finding(&s.finding);
            v["suppression"] = json!({ "kind": kind(&s.by), "justification": s.by.justification() });
            v
        })
        .collect();
    doc["summary"]["suppressed"] = json!(suppressed.len());
    doc["suppressed"] = Value::Array(suppressed);
    if let Some(fixes) = fixes {
        doc["fixes"] = fixes
            .iter()
            .map(|f| json!({ "file": &*f.file, "rules": f.rules, "resources": f.resources, "diff": f.diff }))
            .collect();
    }
    doc
}

/// The SARIF log with suppressed findings as suppressed results.
pub fn sarif_document(scanned: &Scanned) -> Value {
    let mut doc = sarif::document(&scanned.report);
    let ids: Vec<String> = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .map(|rules| rules.iter().filter_map(|r| r["id"].as_str().map(String::from)).collect())
        .unwrap_or_default();
    let extra: Vec<Value> = scanned
        .suppressed
        .iter()
        .filter_map(|s| {
            let index = ids.iter().position(|id| id == &s.finding.rule.id)?;
            let mut v = sarif::result(&s.finding, index);
            let k = if matches!(s.by, SuppressedBy::Inline { .. }) { "inSource" } else { "external" };
            v["suppressions"] = json!([{ "kind": k, "status": "accepted", "justification": s.by.justification() }]);
            Some(v)
        })
        .collect();
    if let Some(results) = doc["runs"][0]["results"].as_array_mut() {
        results.extend(extra);
    }
    doc
}
