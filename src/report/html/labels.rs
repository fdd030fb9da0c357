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

/// Korean labels, by key (the same keys as [`EN`]).
const KO: &[(&str, &str)] = &[
    ("page.title", "Palisade 보고서"),
    ("header.title", "Palisade 보안 보고서"),
    ("header.summary", "palisade {version} · 분석한 파일 {files}개 · 결과 {findings}건 · 규칙 {rules}개"),
    ("summary.title", "요약"),
    ("summary.diagnostics", "진단 {count}건, 오류 {errors}건"),
    ("meta.title", "스캔"),
    ("meta.date", "날짜"),
    ("meta.version", "버전"),
    ("meta.rules_version", "규칙 세트 {version}"),
    ("meta.paths", "스캔한 경로"),
    ("meta.config", "구성"),
    ("meta.no_config", "없음(기본 설정)"),
    ("meta.baseline", "기준선"),
    ("meta.files", "분석한 파일"),
    ("meta.rules", "실행한 규칙"),
    ("meta.suppressed", "표시하지 않음"),
    ("meta.suppressed_counts", "인라인 억제 {inline}건 · 구성에 의한 억제 {config}건 · 기준선 {baseline}건"),
    ("meta.suppressed_list", "표시하지 않은 결과 {count}건 보기"),
    ("suppressed.by", "사유"),
    ("suppressed.kind.inline", "인라인"),
    ("suppressed.kind.config", "구성"),
    ("suppressed.kind.baseline", "기준선"),
    ("posture.view", "보기"),
    ("posture.view.all", "전체"),
    ("layers.title", "심층 방어 점수표"),
    ("layers.chart", "심층 방어 점수표"),
    ("layers.bar_title", "{layer}: {score}% (통제 {passed}/{evaluated})"),
    ("layers.bar_caption", "통제 {evaluated}개 중 {passed}개 통과 · 결과 {findings}건"),
    ("layers.not_applicable", "해당 없음"),
    ("layers.layer", "{layer} 계층 — {score}"),
    ("layers.not_evidenced", "증거 없음"),
    ("layers.control_findings", "결과 {count}건"),
    ("layers.more_evidence", "… 외 {count}건"),
    ("status.pass", "통과"),
    ("status.fail", "실패"),
    ("status.not-evidenced", "증거 없음"),
    ("status.unknown", "판정 불가"),
    ("missing.fail", "누락"),
    ("missing.unknown", "판정 불가"),
    ("missing.other", "적용 범위 밖"),
    ("wa.title", "Well-Architected 보안 원칙 적용 범위"),
    ("wa.chart", "Well-Architected 적용 범위"),
    ("wa.pass", "통과"),
    ("wa.fail", "실패"),
    ("wa.no_evidence", "스캔에 증거 없음"),
    ("wa.not_checkable", "기계적으로 확인할 수 없음"),
    ("wa.counts", "통과 {passed}개, 실패 {failed}개"),
    ("framework.title", "{name} 적용 범위"),
    (
        "framework.counts",
        "판정 가능한 요구 사항 {decidable}개 중 {evidenced}개에 증거 있음: 통과 {passed}개, 실패 {failed}개, \
         스캔에 증거 없음 {no_evidence}개; Palisade로 판정할 수 없음 {not_decidable}개",
    ),
    ("framework.domain_counts", "통과 {passed} · 실패 {failed} · 증거 없음 {no_evidence} · 판정 불가 {not_decidable}"),
    ("requirement.pass", "통과"),
    ("requirement.fail", "실패"),
    ("requirement.no-evidence", "증거 없음"),
    ("requirement.not-decidable", "판정 불가"),
    ("requirement.checks", "검사 {passed}건 통과, {failed}건 실패({by})"),
    ("requirement.would_check", "스캔에 {by}이(가) 검사할 대상이 없음"),
    ("requirement.organisational", "관리적 요구 사항: 정책, 인력, 물리 보안 또는 개인정보"),
    ("requirement.no_rule", "코드형 인프라로 판단하는 규칙이 없음"),
    ("layer.network", "네트워크"),
    ("layer.identity", "자격 증명"),
    ("layer.application", "애플리케이션"),
    ("layer.data", "데이터"),
    ("layer.monitoring", "모니터링"),
    ("severity.critical", "심각"),
    ("severity.high", "높음"),
    ("severity.medium", "보통"),
    ("severity.low", "낮음"),
    ("severity.info", "정보"),
    ("findings.title", "결과"),
    ("findings.shown", "규칙 {groups}개에서 {total}건 중 {shown}건 표시"),
    ("findings.none", "결과가 없습니다."),
    ("findings.none_match", "필터와 일치하는 결과가 없습니다."),
    ("filter.severity", "심각도"),
    ("filter.layer", "계층"),
    ("filter.service", "서비스"),
    ("filter.file", "파일"),
    ("filter.search", "검색"),
    ("filter.search_hint", "규칙, 리소스, 파일, 텍스트"),
    ("filter.all", "전체"),
    ("filter.reset", "초기화"),
    ("col.severity", "심각도"),
    ("col.rule", "규칙"),
    ("col.title", "제목"),
    ("col.layer", "계층"),
    ("col.service", "서비스"),
    ("col.findings", "결과"),
    ("col.files", "파일"),
    ("col.location", "위치"),
    ("col.resource", "리소스"),
    ("col.message", "메시지"),
    ("group.expand", "{rule}의 결과 보기"),
    ("group.more", "{count}건 더 보기"),
    ("finding.details", "자세히"),
    ("finding.hide", "숨기기"),
    ("finding.when", "조건: {condition}"),
    ("finding.related", "관련 위치"),
    ("finding.fix", "조치 방법"),
    ("finding.rule_info", "{slug} · 통제 {controls} · Well-Architected {wa}"),
    ("finding.no_source", "이 파일의 소스는 보고서에 포함되어 있지 않습니다."),
];

/// The labels of one language, with English for the keys it lacks.
#[derive(Debug, Clone)]
pub(crate) struct Labels {
    /// The language tag of the table (the page's `lang`).
    lang: &'static str,
    map: BTreeMap<&'static str, &'static str>,
}

impl Labels {
    /// The labels for a language tag (`en`, `ko`). Languages without a table get English.
    pub(crate) fn for_language(lang: &str) -> Labels {
        let mut map: BTreeMap<_, _> = EN.iter().copied().collect();
        match lang {
            "ko" => {
                map.extend(KO.iter().copied());
                Labels { lang: "ko", map }
            }
            _ => Labels { lang: "en", map },
        }
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
    fn the_korean_table_has_every_label_and_the_same_placeholders() {
        let placeholders = |s: &str| -> std::collections::BTreeSet<String> {
            s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect()
        };
        let ko: BTreeMap<_, _> = KO.iter().copied().collect();
        assert_eq!(ko.len(), KO.len(), "a Korean key is given twice");
        for (key, en) in EN {
            let k = ko.get(key).unwrap_or_else(|| panic!("no Korean label for `{key}`"));
            assert_eq!(placeholders(k), placeholders(en), "placeholders of `{key}`");
        }
        assert!(KO.iter().all(|(k, _)| EN.iter().any(|(e, _)| e == k)), "a Korean label has no English key");
        let l = Labels::for_language("ko");
        assert_eq!((l.lang(), l.get("findings.title")), ("ko", "결과"));
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
