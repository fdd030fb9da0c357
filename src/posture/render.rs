//! The posture as text or JSON.

use super::{Posture, Status};
use crate::i18n::{Lang, label, label_with};

/// At most this many evidence lines per control in text output.
const MAX_EVIDENCE: usize = 5;

/// The posture as a versioned JSON document.
pub fn json(p: &Posture) -> String {
    json_in(p, Lang::En)
}

/// The posture as a versioned JSON document, its titles in `lang` (ids and statuses stay as
/// they are).
pub fn json_in(p: &Posture, lang: Lang) -> String {
    let mut posture = serde_json::to_value(p).unwrap_or_default();
    if lang != Lang::En {
        localize_titles(&mut posture, lang);
    }
    let v = serde_json::json!({
        "schema_version": 1,
        "tool": {"name": "palisade", "version": crate::VERSION},
        "posture": posture,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Replaces the titles of Well-Architected practices and of account-baseline controls with
/// their translations in `lang`, where there are some.
fn localize_titles(posture: &mut serde_json::Value, lang: Lang) {
    if let Some(practices) = posture.get_mut("well_architected").and_then(|v| v.as_array_mut()) {
        for w in practices {
            let id = w.get("id").and_then(|v| v.as_str()).unwrap_or_default().to_string();
            if let Some((area, title)) = crate::i18n::practice(lang, &id) {
                w["area"] = area.into();
                w["title"] = title.into();
            }
        }
    }
    for l in posture.get_mut("layers").and_then(|v| v.as_array_mut()).into_iter().flatten() {
        for c in l.get_mut("controls").and_then(|v| v.as_array_mut()).into_iter().flatten() {
            let title = control_title(c.get("title").and_then(|v| v.as_str()).unwrap_or_default(), lang);
            c["title"] = title.into();
        }
    }
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
        s.push_str(&format!("\n  {}: {}\n", label(lang, "posture-services"), l.services));
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
            let title = control_title(&c.title, lang);
            s.push_str(&format!("  {} {:7} {share}{title}{extra}\n", pad(&status_text(c.status, lang), 4), c.control));
            for e in c.evidence.iter().take(MAX_EVIDENCE) {
                s.push_str(&format!("         - {}:{} {} ({}): {}\n", e.file, e.line, e.resource, e.kind, e.detail));
            }
            if c.evidence.len() > MAX_EVIDENCE {
                let more = label_with(lang, "posture-and-more", &[("count", &(c.evidence.len() - MAX_EVIDENCE))]);
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
        let title = crate::i18n::practice(lang, w.id).map_or(w.title, |(_, t)| t);
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
