//! The posture as text or JSON.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::framework::{FrameworkCoverage, RequirementStatus};
use super::{Posture, Status};
use crate::compliance::{domain_name, requirement_name};
use crate::i18n::{Lang, label, label_with};

/// At most this many evidence lines per control in text output.
const MAX_EVIDENCE: usize = 5;
/// At most this many passing resources per requirement in text output.
const MAX_REQUIREMENT_EVIDENCE: usize = 10;
/// The most items the text output lists of any list: what a posture built for it
/// ([`Posture::listing`]) needs to keep.
pub const TEXT_LISTED: usize =
    if MAX_EVIDENCE > MAX_REQUIREMENT_EVIDENCE { MAX_EVIDENCE } else { MAX_REQUIREMENT_EVIDENCE };

/// The posture as a versioned JSON document, with the Well-Architected view selected.
pub fn json(p: &Posture) -> String {
    json_for(p, "wa")
}

/// The posture as a versioned JSON document: `framework` names the view asked for (`wa`, or a
/// framework key); `posture.frameworks` holds the coverage of every framework, so that a
/// reader can switch between them.
pub fn json_for(p: &Posture, framework: &str) -> String {
    json_in(p, framework, Lang::En)
}

/// [`json_for`] with the titles, domains and names in `lang` (ids and statuses stay as they
/// are).
pub fn json_in(p: &Posture, framework: &str, lang: Lang) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail.
    let _ = write_json_in(p, framework, lang, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes what [`json_in`] returns to `sink`, as it is serialised.
pub fn write_json_in(p: &Posture, framework: &str, lang: Lang, sink: &mut dyn std::io::Write) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Tool {
        name: &'static str,
        version: &'static str,
    }
    #[derive(serde::Serialize)]
    struct Document<'a> {
        schema_version: u32,
        tool: Tool,
        framework: &'a str,
        posture: &'a Posture,
    }
    let localized;
    let posture = if lang == Lang::En {
        p
    } else {
        localized = p.localized(lang);
        &localized
    };
    let doc =
        Document { schema_version: 1, tool: Tool { name: "palisade", version: crate::VERSION }, framework, posture };
    serde_json::to_writer_pretty(&mut *sink, &doc).map_err(std::io::Error::other)?;
    sink.write_all(b"\n")
}

impl Posture {
    /// The posture with the titles it shows in `lang`: Well-Architected practices, account-baseline
    /// controls, framework names, domains and requirement titles from the catalogue of that
    /// language where it has one. The one place where a posture is translated.
    pub fn localized(&self, lang: Lang) -> Posture {
        self.clone().into_localized(lang)
    }

    /// [`Posture::localized`], taking the posture (nothing is copied).
    pub fn into_localized(self, lang: Lang) -> Posture {
        let mut p = self;
        if lang == Lang::En {
            return p;
        }
        let code = lang.code();
        for w in &mut p.well_architected {
            if let Some((area, title)) = crate::i18n::practice(lang, w.id) {
                (w.area, w.title) = (area, title);
            }
        }
        for c in p.layers.iter_mut().flat_map(|l| &mut l.controls) {
            c.title = control_title(&c.title, lang);
            if !c.unanswered.is_empty() {
                c.missing = Some(super::unanswered_text(lang, &c.unanswered));
            } else {
                c.missing = c.missing.as_deref().map(|m| phrase(m, lang));
            }
            for e in &mut c.evidence {
                e.detail = phrase(&e.detail, lang);
            }
        }
        for f in &mut p.frameworks {
            f.name = f.framework.name_in(code);
            for d in &mut f.domains {
                if let Some(name) = d.requirements.first().and_then(|r| domain_name(f.framework, r.id, code)) {
                    d.domain = name;
                }
                for r in &mut d.requirements {
                    r.title = requirement_name(f.framework, r.id, code).unwrap_or(r.title);
                    for e in &mut r.evidence {
                        let detail = phrase(&e.detail, lang);
                        std::sync::Arc::make_mut(e).detail = detail;
                    }
                }
            }
        }
        p
    }
}

/// What the posture says of a resource or of what is missing, in `lang`. The posture writes
/// it in English from a small set of phrases (`posture-phrase-*` labels, some with a number or
/// a name), joined with `; ` and `, `; each phrase is put in `lang`, anything else (a name, a
/// standard's ARN part) is kept.
pub fn phrase(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    static PATTERNS: LazyLock<Vec<(regex::Regex, &'static str)>> = LazyLock::new(|| {
        [
            (r"^(?P<count>\d+) finding\(s\)$", "posture-findings"),
            (r"^(?P<count>\d+) protection features listed$", "posture-phrase-features"),
            (r"^standard (?P<name>.+)$", "posture-phrase-standard"),
            (r"^(?P<count>\d+) backup rule\(s\)$", "posture-phrase-backup-rules"),
            (r"^(?P<count>\d+) VPC\(s\) without a flow log$", "posture-phrase-vpcs-without-flow-log"),
            (
                r"^(?P<count>\d+) VPC\(s\) without a flow log in the scanned files; a flow log names a VPC outside its template, which may be one of them$",
                "posture-phrase-vpcs-maybe-without-flow-log",
            ),
            (r"^no alarmed metric filter for (?P<names>.+)$", "posture-phrase-no-alarm"),
            (r"^(?P<count>\d+) resources? whose reachability from the internet cannot be decided$", "posture-phrase-undecided-resources"),
        ]
        .into_iter()
        .map(|(re, id)| (regex::Regex::new(re).expect("a valid pattern"), id))
        .collect()
    });
    // Phrases without variables, by their English text.
    static FIXED: LazyLock<BTreeMap<String, String>> = LazyLock::new(|| {
        crate::i18n::labels(Lang::En)
            .into_iter()
            .filter(|(id, t)| id.starts_with("posture-phrase-") && !t.contains('$'))
            .map(|(id, t)| (t, id))
            .collect()
    });
    let one = |part: &str| -> String {
        if let Some(id) = FIXED.get(part) {
            return label(lang, id).into_owned();
        }
        part.to_string()
    };
    let list = |parts: &str| parts.split(", ").map(one).collect::<Vec<_>>().join(", ");
    let whole = |part: &str| -> Option<String> {
        PATTERNS.iter().find_map(|(re, id)| {
            let c = re.captures(part)?;
            let count: usize = c.name("count").and_then(|m| m.as_str().parse().ok()).unwrap_or(0);
            let name = c.name("name").map(|m| m.as_str().to_string()).unwrap_or_default();
            let names = c.name("names").map(|m| list(m.as_str())).unwrap_or_default();
            Some(crate::i18n::label_count(lang, id, count, &[("name", &name), ("names", &names)]))
        })
    };
    if let Some(t) = whole(text) {
        return t;
    }
    text.split("; ").map(|part| whole(part).unwrap_or_else(|| list(part))).collect::<Vec<_>>().join("; ")
}

/// A control's title in `lang`: an account-baseline control's from the labels
/// (`posture-baseline-<title>` is looked up by its English title), "checked by ..." with the
/// label of `lang`.
fn control_title(title: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return title.to_string();
    }
    if let Some(rules) = title.strip_prefix("checked by ") {
        return label_with(lang, "posture-checked-by", &[("rules", &rules)]);
    }
    crate::posture::BASELINE
        .iter()
        .find(|b| b.title == title)
        .map(|b| label(lang, &format!("posture-baseline-{}", b.key)).into_owned())
        .unwrap_or_else(|| title.to_string())
}

fn status_text(s: Status, lang: Lang) -> String {
    let id = match s {
        Status::Pass => "posture-pass",
        Status::Fail => "posture-fail",
        Status::NotEvidenced => "posture-not-evidenced",
        Status::Unknown => "posture-unknown",
    };
    label(lang, id).into_owned()
}

/// The posture as text: the scorecard, then the Well-Architected coverage.
pub fn text(p: &Posture) -> String {
    text_in(p, Lang::En)
}

/// Pads `s` with spaces to `width` columns (a Hangul syllable takes two).
fn pad(s: &str, width: usize) -> String {
    let cols: usize = s.chars().map(|c| if ('\u{1100}'..='\u{ffdc}').contains(&c) { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}

/// The posture as text, in `lang`.
pub fn text_in(p: &Posture, lang: Lang) -> String {
    let p = &p.localized(lang);
    let n = |v: usize| v.to_string();
    let mut s = String::new();
    let title = label_with(lang, "posture-scorecard", &[("files", &p.files_scanned)]);
    s.push_str(&title);
    s.push('\n');
    s.push_str(&"=".repeat(if lang == Lang::En { 50 } else { title.chars().count() * 2 }));
    s.push_str("\n\n");
    for l in &p.layers {
        let score = match l.score {
            Some(v) => label_with(
                lang,
                "posture-layer-score",
                &[("score", &v), ("evaluated", &n(l.evaluated)), ("passed", &n(l.passed))],
            ),
            None => label(lang, "posture-layer-not-evidenced").into_owned(),
        };
        let layer_name = label(lang, &format!("layer-{}", l.layer.as_str()));
        s.push_str(&label_with(lang, "posture-layer", &[("layer", &layer_name), ("score", &score)]));
        let services = label(lang, &format!("posture-services-{}", l.layer.as_str()));
        s.push_str(&format!("\n  {}: {}\n", label(lang, "posture-services"), services));
        for c in &l.controls {
            let rules = c.rules.join(", ");
            let extra = match (c.kind, c.findings) {
                ("rules", 0) => format!(" [{rules}]"),
                ("rules", f) => format!(" [{rules}] {}", label_with(lang, "posture-findings", &[("count", &f)])),
                _ => format!(" [{}]", label(lang, "posture-account-baseline")),
            };
            let share = match (c.resources, c.resources_failed, c.resources_undecided) {
                (Some(t), Some(0), Some(u)) if t > 0 && u > 0 => {
                    label_with(lang, "posture-resources-undecided", &[("count", &u), ("total", &t)])
                }
                (Some(t), Some(f), _) if t > 0 => {
                    label_with(lang, "posture-resources-fail", &[("count", &f), ("total", &t)])
                }
                _ => String::new(),
            };
            let title = &c.title;
            s.push_str(&format!("  {} {:7} {share}{title}{extra}\n", pad(&status_text(c.status, lang), 4), c.control));
            for e in c.evidence.iter().take(MAX_EVIDENCE) {
                s.push_str(&format!("         - {}:{} {} ({}): {}\n", e.file, e.line, e.resource, e.kind, e.detail));
            }
            if c.evidence_total > MAX_EVIDENCE {
                let more = label_with(lang, "posture-and-more", &[("count", &(c.evidence_total - MAX_EVIDENCE))]);
                s.push_str(&format!("         - {more}\n"));
            }
            if let Some(m) = &c.missing {
                let what = match c.status {
                    Status::Fail => "posture-missing",
                    Status::Unknown => "posture-undecided",
                    _ => "posture-not-covered",
                };
                s.push_str(&format!("         - {}: {m}\n", label(lang, what)));
            }
        }
        s.push('\n');
    }
    let wa = label(lang, "posture-wa-coverage");
    s.push_str(&wa);
    s.push('\n');
    s.push_str(&"=".repeat(if lang == Lang::En { 41 } else { wa.chars().count() * 2 }));
    s.push_str("\n\n");
    let mut counts = std::collections::BTreeMap::new();
    for w in &p.well_architected {
        *counts.entry(w.status).or_insert(0usize) += 1;
        let by: Vec<&str> = w.rules.iter().map(String::as_str).chain(w.baseline.iter().copied()).collect();
        let by = by.join(", ");
        let detail = match w.status {
            "not-machine-checkable" => label(lang, "posture-wa-not-checkable").into_owned(),
            "no-evidence" => label_with(lang, "posture-wa-no-evidence", &[("by", &by)]),
            _ => label_with(
                lang,
                "posture-wa-passed-failed",
                &[("passed", &n(w.passed)), ("failed", &n(w.failed)), ("by", &by)],
            ),
        };
        let mark = match w.status {
            "pass" => status_text(Status::Pass, lang),
            "fail" => status_text(Status::Fail, lang),
            "no-evidence" => "----".to_string(),
            _ => String::new(),
        };
        let title = w.title;
        s.push_str(&format!("  {} {} {title}: {detail}\n", pad(&mark, 4), w.id));
    }
    let count = |k: &str| n(*counts.get(k).unwrap_or(&0));
    s.push('\n');
    s.push_str(&label_with(
        lang,
        "posture-wa-summary",
        &[
            ("total", &n(p.well_architected.len())),
            ("pass", &count("pass")),
            ("fail", &count("fail")),
            ("none", &count("no-evidence")),
            ("unchecked", &count("not-machine-checkable")),
        ],
    ));
    s.push('\n');
    s
}

/// The coverage of one compliance framework as text: each requirement under its domain, with
/// its status and evidence, then a summary.
pub fn framework_text(p: &Posture, c: &FrameworkCoverage) -> String {
    framework_text_in(p, c, Lang::En)
}

/// [`framework_text`] in `lang`: labels, and the framework's names, domains and requirement
/// titles from its catalogue in that language when it has one (ISMS-P in Korean).
pub fn framework_text_in(p: &Posture, c: &FrameworkCoverage, lang: Lang) -> String {
    let localized = p.localized(lang);
    let (p, c) = (&localized, localized.framework(c.framework).unwrap_or(c));
    let n = |v: usize| v.to_string();
    let mut s = String::new();
    let name = c.name;
    let head = label_with(lang, "framework-coverage", &[("name", &name), ("files", &p.files_scanned)]);
    let width: usize = head.chars().map(|ch| if ('\u{1100}'..='\u{ffdc}').contains(&ch) { 2 } else { 1 }).sum();
    s.push_str(&format!("{head}\n{}\n\n", "=".repeat(width)));
    for d in &c.domains {
        let m = &d.summary;
        let decidable = m.requirements - m.not_decidable;
        let counts = if decidable == 0 {
            label(lang, "framework-not-decidable").into_owned()
        } else {
            label_with(
                lang,
                "framework-domain-counts",
                &[
                    ("evidenced", &n(m.evidenced)),
                    ("decidable", &n(decidable)),
                    ("pass", &n(m.passed)),
                    ("fail", &n(m.failed)),
                ],
            )
        };
        let domain = d.domain;
        s.push_str(&format!("{domain} ({counts})\n"));
        for r in &d.requirements {
            // Who checked something, or (without evidence) who could have.
            let rules = if r.checked_by.is_empty() { &r.rules } else { &r.checked_by };
            let by: Vec<&str> = rules.iter().map(String::as_str).chain(r.baseline.iter().copied()).collect();
            let by = by.join(", ");
            let (mark, detail) = match r.status {
                RequirementStatus::Pass => (
                    status_text(Status::Pass, lang),
                    label_with(lang, "framework-passed", &[("passed", &n(r.passed)), ("by", &by)]),
                ),
                RequirementStatus::Fail => (
                    status_text(Status::Fail, lang),
                    label_with(
                        lang,
                        "framework-passed-failed",
                        &[("passed", &n(r.passed)), ("failed", &n(r.failed)), ("by", &by)],
                    ),
                ),
                RequirementStatus::NoEvidence => {
                    ("----".to_string(), label_with(lang, "posture-wa-no-evidence", &[("by", &by)]))
                }
                RequirementStatus::NotDecidable => (
                    String::new(),
                    match r.reason {
                        Some("organisational") => label(lang, "framework-organisational").into_owned(),
                        _ => label(lang, "framework-no-rule").into_owned(),
                    },
                ),
            };
            let title = r.title;
            s.push_str(&format!("  {} {} {title}: {detail}\n", pad(&mark, 4), r.id));
            if r.status == RequirementStatus::Fail {
                for f in r.findings.iter().take(MAX_EVIDENCE) {
                    let resource = f.resource.as_deref().map(|r| format!(" {r}")).unwrap_or_default();
                    s.push_str(&format!("         - {}:{}{resource} [{}] {}\n", f.file, f.line, f.rule, f.message));
                }
                if r.findings_total > MAX_EVIDENCE {
                    let more =
                        label_with(lang, "framework-more-findings", &[("count", &(r.findings_total - MAX_EVIDENCE))]);
                    s.push_str(&format!("         - {more}\n"));
                }
            }
            if matches!(r.status, RequirementStatus::Pass | RequirementStatus::Fail) {
                let passing: Vec<_> = r.evidence.iter().filter(|e| e.findings == 0).collect();
                for e in passing.iter().take(MAX_REQUIREMENT_EVIDENCE) {
                    s.push_str(&format!(
                        "         + {}:{} {} ({}): {}\n",
                        e.file, e.line, e.resource, e.kind, e.detail
                    ));
                }
                if r.passing_total > MAX_REQUIREMENT_EVIDENCE {
                    let more = label_with(
                        lang,
                        "posture-and-more",
                        &[("count", &(r.passing_total - MAX_REQUIREMENT_EVIDENCE))],
                    );
                    s.push_str(&format!("         + {more}\n"));
                }
            }
        }
        s.push('\n');
    }
    let m = &c.summary;
    s.push_str(&label_with(
        lang,
        "framework-summary",
        &[
            ("total", &n(m.requirements)),
            ("evidenced", &n(m.evidenced)),
            ("pass", &n(m.passed)),
            ("fail", &n(m.failed)),
            ("none", &n(m.no_evidence)),
            ("undecidable", &n(m.not_decidable)),
            ("organisational", &n(m.organisational)),
        ],
    ));
    s.push('\n');
    s
}

#[cfg(test)]
mod phrase_tests {
    use super::*;

    #[test]
    fn every_posture_phrase_is_translated() {
        let hangul = |s: &str| s.chars().any(|c| ('가'..='힣').contains(&c));
        for (id, text) in crate::i18n::labels(Lang::En).into_iter().filter(|(id, _)| id.starts_with("posture-phrase-"))
        {
            if text.contains('$') {
                continue;
            }
            assert!(hangul(&phrase(&text, Lang::Ko)), "{id}: {text}");
            assert_eq!(phrase(&text, Lang::En), text);
        }
        for (en, ko) in [
            ("3 finding(s)", "결과 3건"),
            ("no finding; reachability undecided", "결과 없음; 도달 가능성 판정 불가"),
            ("multi-region, log file validation, KMS", "다중 리전, 로그 파일 검증, KMS"),
            ("2 VPC(s) without a flow log", "흐름 로그가 없는 VPC 2개"),
            (
                "no alarmed metric filter for root account usage, VPC changes",
                "경보가 설정된 지표 필터 없음: 루트 계정 사용, VPC 변경",
            ),
            (
                "1 resource whose reachability from the internet cannot be decided",
                "인터넷에서의 도달 가능성을 판정할 수 없는 리소스 1개",
            ),
            (
                "standard aws-foundational-security-best-practices/v/1.0.0",
                "보안 표준 aws-foundational-security-best-practices/v/1.0.0",
            ),
        ] {
            assert_eq!(phrase(en, Lang::Ko), ko);
        }
    }
}
