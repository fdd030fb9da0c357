//! Every piece of text the HTML report shows that is not taken from the scan: headings, column
//! names, buttons, legends. The page's static parts look labels up here when they are rendered;
//! the script gets the same table in the page's data, so a label is written once.
//!
//! A label may hold `{name}` placeholders, filled by [`Labels::fill`] (and by the script's
//! `t(key, values)`).
//!
//! Another language is a second table with the same keys, chosen in [`Labels::for_language`];
//! a key it lacks falls back to English.

use std::collections::BTreeMap;

/// English labels, by key.
const EN: &[(&str, &str)] = &[
    ("page.title", "Palisade report"),
    ("header.title", "Palisade security report"),
    ("header.summary", "palisade {version} · {files} file(s) analysed · {findings} finding(s) · {rules} rule(s)"),
    ("summary.title", "Summary"),
    ("summary.diagnostics", "{count} diagnostic(s), {errors} error(s)"),
    ("meta.title", "Scan"),
    ("meta.date", "Date"),
    ("meta.version", "Version"),
    ("meta.rules_version", "rule set {version}"),
    ("meta.paths", "Scanned paths"),
    ("meta.config", "Configuration"),
    ("meta.no_config", "none (built-in defaults)"),
    ("meta.baseline", "Baseline"),
    ("meta.files", "Files analysed"),
    ("meta.rules", "Rules run"),
    ("meta.suppressed", "Not shown"),
    ("meta.suppressed_counts", "{inline} suppressed inline · {config} by the configuration · {baseline} baselined"),
    ("meta.suppressed_list", "List the {count} findings not shown"),
    ("suppressed.by", "Why"),
    ("suppressed.kind.inline", "inline"),
    ("suppressed.kind.config", "configuration"),
    ("suppressed.kind.baseline", "baseline"),
    ("posture.view", "View"),
    ("posture.view.all", "all"),
    ("layers.title", "Defense-in-depth scorecard"),
    ("layers.chart", "Defense-in-depth scorecard"),
    ("layers.bar_title", "{layer}: {score}% ({passed}/{evaluated} controls)"),
    ("layers.bar_caption", "{passed} of {evaluated} controls pass · {findings} finding(s)"),
    ("layers.not_applicable", "n/a"),
    ("layers.layer", "{layer} layer — {score}"),
    ("layers.not_evidenced", "not evidenced"),
    ("layers.control_findings", "{count} finding(s)"),
    ("layers.more_evidence", "… and {count} more"),
    ("status.pass", "pass"),
    ("status.fail", "fail"),
    ("status.not-evidenced", "not evidenced"),
    ("status.unknown", "unknown"),
    ("missing.fail", "missing"),
    ("missing.unknown", "undecided"),
    ("missing.other", "not covered"),
    ("wa.title", "Well-Architected Security Pillar coverage"),
    ("wa.chart", "Well-Architected coverage"),
    ("wa.pass", "pass"),
    ("wa.fail", "fail"),
    ("wa.no_evidence", "no evidence in the scan"),
    ("wa.not_checkable", "not machine-checkable"),
    ("wa.counts", "{passed} passed, {failed} failed"),
    ("framework.title", "{name} coverage"),
    (
        "framework.counts",
        "{evidenced} of {decidable} decidable requirements evidenced: {passed} passed, {failed} failed, \
         {no_evidence} without evidence in the scan; {not_decidable} not decidable by Palisade",
    ),
    (
        "framework.domain_counts",
        "{passed} passed · {failed} failed · {no_evidence} no evidence · {not_decidable} not decidable",
    ),
    ("requirement.pass", "passed"),
    ("requirement.fail", "failed"),
    ("requirement.no-evidence", "no evidence"),
    ("requirement.not-decidable", "not decidable"),
    ("requirement.checks", "{passed} check(s) passed, {failed} failed ({by})"),
    ("requirement.would_check", "nothing in the scan for {by} to check"),
    ("requirement.organisational", "organisational: policy, people, physical security or personal data"),
    ("requirement.no_rule", "no rule decides it from infrastructure as code"),
    ("layer.network", "Network"),
    ("layer.identity", "Identity"),
    ("layer.application", "Application"),
    ("layer.data", "Data"),
    ("layer.monitoring", "Monitoring"),
    ("severity.critical", "critical"),
    ("severity.high", "high"),
    ("severity.medium", "medium"),
    ("severity.low", "low"),
    ("severity.info", "info"),
    ("findings.title", "Findings"),
    ("findings.shown", "{shown} of {total} shown in {groups} rule(s)"),
    ("findings.none", "No findings."),
    ("findings.none_match", "No finding matches the filters."),
    ("filter.severity", "Severity"),
    ("filter.layer", "Layer"),
    ("filter.service", "Service"),
    ("filter.file", "File"),
    ("filter.search", "Search"),
    ("filter.search_hint", "rule, resource, file, text"),
    ("filter.all", "all"),
    ("filter.reset", "Reset"),
    ("col.severity", "Severity"),
    ("col.rule", "Rule"),
    ("col.title", "Title"),
    ("col.layer", "Layer"),
    ("col.service", "Service"),
    ("col.findings", "Findings"),
    ("col.files", "Files"),
    ("col.location", "Location"),
    ("col.resource", "Resource"),
    ("col.message", "Message"),
    ("group.expand", "Show the findings of {rule}"),
    ("group.more", "Show {count} more"),
    ("finding.details", "details"),
    ("finding.hide", "hide"),
    ("finding.when", "when {condition}"),
    ("finding.related", "Related locations"),
    ("finding.fix", "Fix"),
    ("finding.rule_info", "{slug} · controls {controls} · Well-Architected {wa}"),
    ("finding.no_source", "The source of this file is not in the report."),
];

/// The labels of one language, with English for the keys it lacks.
#[derive(Debug, Clone)]
pub(crate) struct Labels {
    /// The language tag of the table (the page's `lang`).
    lang: &'static str,
    map: BTreeMap<&'static str, &'static str>,
}

impl Labels {
    /// The labels for a language tag (`en`, ...). Languages without a table get English.
    pub(crate) fn for_language(lang: &str) -> Labels {
        let map: BTreeMap<_, _> = EN.iter().copied().collect();
        // A further language: overlay its table on `map` here when `lang` names it.
        let _ = lang;
        Labels { lang: "en", map }
    }

    /// The language tag of the labels.
    pub(crate) fn lang(&self) -> &'static str {
        self.lang
    }

    /// The label for `key`; the key itself when there is none (a missing label shows up
    /// instead of vanishing).
    pub(crate) fn get<'a>(&self, key: &'a str) -> &'a str {
        self.map.get(key).copied().unwrap_or(key)
    }

    /// The label for `key` with its `{name}` placeholders replaced by `values`.
    pub(crate) fn fill(&self, key: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut s = self.get(key).to_string();
        for (name, value) in values {
            s = s.replace(&format!("{{{name}}}"), &value.to_string());
        }
        s
    }

    /// The whole table, for the page's data.
    pub(crate) fn map(&self) -> &BTreeMap<&'static str, &'static str> {
        &self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_placeholders_fill() {
        let keys: std::collections::BTreeSet<_> = EN.iter().map(|(k, _)| k).collect();
        assert_eq!(keys.len(), EN.len(), "a key is given twice");
        let l = Labels::for_language("en");
        assert_eq!(l.fill("layers.control_findings", &[("count", &3)]), "3 finding(s)");
        assert_eq!(l.get("no.such.key"), "no.such.key");
    }

    #[test]
    fn every_label_is_used() {
        let code = [include_str!("report.js"), include_str!("../html.rs")].concat();
        for (key, _) in EN {
            // Used by name, or as one of a family named at run time (`format!("severity.{}", ..)`).
            let family = &key[..key.rfind('.').unwrap() + 1];
            let used = [format!("\"{key}\""), format!("'{key}'"), format!("\"{family}{{"), format!("'{family}' +")]
                .iter()
                .any(|n| code.contains(n.as_str()));
            assert!(used, "the label `{key}` is not used");
        }
    }

    #[test]
    fn every_key_the_script_uses_has_a_label() {
        let script = include_str!("report.js");
        let l = Labels::for_language("en");
        let mut rest = script;
        let mut seen = 0;
        while let Some(i) = rest.find("t('") {
            // A call of `t`, not of a name ending in `t` (`split('`')`).
            let call = !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            rest = &rest[i + 3..];
            if !call {
                continue;
            }
            let key = &rest[..rest.find('\'').unwrap()];
            // `t('severity.' + name)`: some label starts so.
            if key.ends_with('.') {
                assert!(l.map().keys().any(|k| k.starts_with(key)), "no label starts with `{key}`");
            } else {
                assert!(l.map().contains_key(key), "the script uses the label `{key}`, which the table lacks");
            }
            seen += 1;
        }
        assert!(seen > 10, "the script's labels were not found ({seen})");
    }
}
