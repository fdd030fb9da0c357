//! Reports that also show what the filter stage removed and the fixes on offer.
//!
//! * text: the report, then one line counting suppressed findings by cause, then the fixes as
//!   unified diffs;
//! * JSON: the report with `summary.suppressed`, a `suppressed` list (each finding as in
//!   `findings`, plus `suppression: {kind, justification}`) and, with `--show-fixes`, a
//!   `fixes` list (`file`, `rules`, `resources`, `diff`);
//! * SARIF: suppressed findings are results with a `suppressions` entry (`inSource` for inline
//!   suppressions, `external` for the configuration and the baseline), as code-scanning tools
//!   expect;
//! * HTML: the scan's metadata counts and lists the findings not shown.

use std::collections::HashMap;

use super::{Format, RenderOptions, gitlab, html, json as json_report, sarif, text};
use crate::filter::{Suppressed, SuppressedBy};
use crate::fix::FileFix;
use crate::i18n::{Lang, label, label_count};
use crate::results::Scanned;

pub(crate) fn kind(by: &SuppressedBy) -> &'static str {
    match by {
        SuppressedBy::Inline { .. } => "inline",
        SuppressedBy::Config { .. } => "config",
        SuppressedBy::Baseline => "baseline",
    }
}

/// Renders `scanned` in `format`, with the fixes when `fixes` is given.
pub fn render(scanned: &Scanned, fixes: Option<&[FileFix]>, format: Format, opts: &RenderOptions) -> String {
    if opts.lang != crate::i18n::Lang::En {
        let localized = scanned.localized(opts.lang);
        return render_in(&localized, fixes, format, opts);
    }
    render_in(scanned, fixes, format, opts)
}

/// Renders `scanned`, whose messages and rule texts are already in `opts.lang`.
fn render_in(scanned: &Scanned, fixes: Option<&[FileFix]>, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => render_text(scanned, fixes, opts),
        Format::Json => json_report::render_with(
            &scanned.report,
            Some(json_report::Extras { suppressed: &scanned.suppressed, fixes }),
        ),
        Format::Sarif => sarif::render_with(&scanned.report, &scanned.suppressed),
        Format::Html => html::render_with(&scanned.report, &scanned.suppressed, &opts.meta, opts.lang),
        // The other formats show the findings that remain.
        other => super::render_localized(&scanned.report, other, opts),
    }
}

/// Writes what [`render`] returns to `sink`; the JSON, SARIF, GitLab, text and HTML reports as
/// they are rendered, in bounded memory.
pub fn write(
    scanned: &Scanned,
    fixes: Option<&[FileFix]>,
    format: Format,
    opts: &RenderOptions,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json_report::write_with(
            &scanned.report,
            Some(json_report::Extras { suppressed: &scanned.suppressed, fixes }),
            sink,
        ),
        Format::Sarif => sarif::write_with(&scanned.report, &scanned.suppressed, sink),
        Format::Text if opts.lang != Lang::En => write_text(&scanned.localized(opts.lang), fixes, opts, sink),
        Format::Text => write_text(scanned, fixes, opts, sink),
        Format::Html if opts.lang != Lang::En => {
            let localized = scanned.localized(opts.lang);
            html::write_with(&localized.report, &localized.suppressed, &opts.meta, opts.lang, sink)
        }
        Format::Html => html::write_with(&scanned.report, &scanned.suppressed, &opts.meta, opts.lang, sink),
        Format::Gitlab if opts.lang != Lang::En => gitlab::write(&scanned.localized(opts.lang).report, sink),
        Format::Gitlab => gitlab::write(&scanned.report, sink),
        other => sink.write_all(render(scanned, fixes, other, opts).as_bytes()),
    }
}

/// "3 findings suppressed: 1 inline, 2 by the baseline." (empty when none).
pub fn suppressed_summary(suppressed: &[Suppressed]) -> String {
    suppressed_summary_in(suppressed, Lang::En)
}

/// The summary of the suppressed findings, in `lang`.
pub fn suppressed_summary_in(suppressed: &[Suppressed], lang: Lang) -> String {
    if suppressed.is_empty() {
        return String::new();
    }
    let count = |k: &str| suppressed.iter().filter(|s| kind(&s.by) == k).count();
    let parts: Vec<String> = ["inline", "config", "baseline"]
        .into_iter()
        .filter_map(|k| {
            let n = count(k);
            (n > 0).then(|| label_count(lang, &format!("text-suppressed-{k}"), n, &[]))
        })
        .collect();
    let mut out = label_count(lang, "text-suppressed", suppressed.len(), &[("parts", &parts.join(", "))]);
    out.push('\n');
    out
}

fn render_text(scanned: &Scanned, fixes: Option<&[FileFix]>, opts: &RenderOptions) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = write_text(scanned, fixes, opts, &mut out);
    text::into_string(out)
}

/// Writes the text report of `scanned` (already in `opts.lang`) as it is rendered.
fn write_text(
    scanned: &Scanned,
    fixes: Option<&[FileFix]>,
    opts: &RenderOptions,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let report = &scanned.report;
    let lang = opts.lang;
    // Without `--show-fixes`, the report still says how many findings have a fix.
    let fixable = if fixes.is_none() && !opts.quiet { fixable_count(scanned) } else { 0 };
    text::write(report, opts, sink)?;
    let mut out = suppressed_summary_in(&scanned.suppressed, lang);
    if fixable > 0 {
        out.push_str(&label_count(lang, "text-fixable", fixable, &[]));
        out.push('\n');
    }
    if let Some(fixes) = fixes {
        if fixes.is_empty() {
            out.push_str(&format!("\n{}\n", label(lang, "text-no-fix")));
        } else {
            out.push_str(&format!("\n{}\n\n", label(lang, "text-fixes")));
            sink.write_all(out.as_bytes())?;
            out.clear();
            for f in fixes {
                sink.write_all(f.diff.as_bytes())?;
            }
        }
    }
    sink.write_all(out.as_bytes())
}

/// Number of reported findings that a mechanical fix removes (the fixes were computed before
/// rendering).
fn fixable_count(scanned: &Scanned) -> usize {
    // Each file's fixed pairs are in order: looked up where they are, not copied into a set
    // (a scan can have hundreds of thousands).
    let mut by_file: HashMap<&str, Vec<&[crate::fix::Fixed]>> = HashMap::new();
    for x in &scanned.fixes {
        by_file.entry(&x.file).or_default().push(&x.fixed);
    }
    let fixed = |f: &crate::finding::Finding| {
        let (Some(r), Some(lists)) = (&f.resource, by_file.get(&*f.location.file)) else { return false };
        let key = (r.id.as_ref(), &*f.rule.id);
        lists.iter().any(|pairs| pairs.binary_search_by(|(id, rule)| (&**id, &**rule).cmp(&key)).is_ok())
    };
    scanned.report.findings.iter().filter(|f| fixed(f)).count()
}
