//! The posture as text or JSON.

use super::framework::{FrameworkCoverage, RequirementStatus};
use super::{Posture, Status};

/// At most this many evidence lines per control in text output.
const MAX_EVIDENCE: usize = 5;
/// At most this many passing resources per requirement in text output.
const MAX_REQUIREMENT_EVIDENCE: usize = 10;

/// The posture as a versioned JSON document, with the Well-Architected view selected.
pub fn json(p: &Posture) -> String {
    json_for(p, "wa")
}

/// The posture as a versioned JSON document: `framework` names the view asked for (`wa`, or a
/// framework key); `posture.frameworks` holds the coverage of every framework, so that a
/// reader can switch between them.
pub fn json_for(p: &Posture, framework: &str) -> String {
    let v = serde_json::json!({
        "schema_version": 1,
        "tool": {"name": "palisade", "version": crate::VERSION},
        "framework": framework,
        "posture": p,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

fn status_text(s: Status) -> &'static str {
    match s {
        Status::Pass => "PASS",
        Status::Fail => "FAIL",
        Status::NotEvidenced => "n/a ",
        Status::Unknown => "UNKNOWN",
    }
}

/// The posture as text: the scorecard, then the Well-Architected coverage.
pub fn text(p: &Posture) -> String {
    let mut s = String::new();
    s.push_str(&format!("Defense-in-depth scorecard ({} file(s) analysed)\n", p.files_scanned));
    s.push_str("==================================================\n\n");
    for l in &p.layers {
        let score = match l.score {
            Some(v) => format!(
                "{v}% (share of passing resources averaged over {} control(s); {}/{} controls pass outright)",
                l.evaluated, l.passed, l.evaluated
            ),
            None => "not evidenced".to_string(),
        };
        s.push_str(&format!("{} layer: {score}\n  services: {}\n", capitalise(l.layer.as_str()), l.services));
        for c in &l.controls {
            let extra = match (c.kind, c.findings) {
                ("rules", 0) => format!(" [{}]", c.rules.join(", ")),
                ("rules", n) => format!(" [{}] {n} finding(s)", c.rules.join(", ")),
                _ => " [account baseline]".to_string(),
            };
            let share = match (c.resources, c.resources_failed, c.resources_undecided) {
                (Some(n), Some(0), Some(u)) if n > 0 && u > 0 => format!("{u}/{n} resources undecided: "),
                (Some(n), Some(f), _) if n > 0 => format!("{f}/{n} resources fail: "),
                _ => String::new(),
            };
            s.push_str(&format!("  {:4} {:7} {share}{}{extra}\n", status_text(c.status), c.control, c.title));
            for e in c.evidence.iter().take(MAX_EVIDENCE) {
                s.push_str(&format!("         - {}:{} {} ({}): {}\n", e.file, e.line, e.resource, e.kind, e.detail));
            }
            if c.evidence.len() > MAX_EVIDENCE {
                s.push_str(&format!("         - … and {} more\n", c.evidence.len() - MAX_EVIDENCE));
            }
            if let Some(m) = &c.missing {
                let label = match c.status {
                    Status::Fail => "missing",
                    Status::Unknown => "undecided",
                    _ => "not covered",
                };
                s.push_str(&format!("         - {label}: {m}\n"));
            }
        }
        s.push('\n');
    }
    s.push_str("Well-Architected Security Pillar coverage\n");
    s.push_str("=========================================\n\n");
    let mut counts = std::collections::BTreeMap::new();
    for w in &p.well_architected {
        *counts.entry(w.status).or_insert(0usize) += 1;
        let by: Vec<&str> = w.rules.iter().map(String::as_str).chain(w.baseline.iter().copied()).collect();
        let detail = match w.status {
            "not-machine-checkable" => "not machine-checkable".to_string(),
            "no-evidence" => format!("no evidence in the scan ({})", by.join(", ")),
            _ => format!("{} passed, {} failed ({})", w.passed, w.failed, by.join(", ")),
        };
        let mark = match w.status {
            "pass" => "PASS",
            "fail" => "FAIL",
            "no-evidence" => "----",
            _ => "    ",
        };
        s.push_str(&format!("  {mark} {} {}: {detail}\n", w.id, w.title));
    }
    s.push_str(&format!(
        "\n{} practices: {} pass, {} fail, {} without evidence in the scan, {} not machine-checkable\n",
        p.well_architected.len(),
        counts.get("pass").unwrap_or(&0),
        counts.get("fail").unwrap_or(&0),
        counts.get("no-evidence").unwrap_or(&0),
        counts.get("not-machine-checkable").unwrap_or(&0),
    ));
    s
}

/// The coverage of one compliance framework as text: each requirement under its domain, with
/// its status and evidence, then a summary.
pub fn framework_text(p: &Posture, c: &FrameworkCoverage) -> String {
    let mut s = String::new();
    let head = format!("{} coverage ({} file(s) analysed)", c.name, p.files_scanned);
    s.push_str(&format!("{head}\n{}\n\n", "=".repeat(head.chars().count())));
    for d in &c.domains {
        let m = &d.summary;
        let decidable = m.requirements - m.not_decidable;
        let counts = if decidable == 0 {
            "not decidable by Palisade".to_string()
        } else {
            format!(
                "{} of {decidable} decidable requirements evidenced: {} pass, {} fail",
                m.evidenced, m.passed, m.failed
            )
        };
        s.push_str(&format!("{} ({counts})\n", d.domain));
        for r in &d.requirements {
            // Who checked something, or (without evidence) who could have.
            let rules = if r.checked_by.is_empty() { &r.rules } else { &r.checked_by };
            let by: Vec<&str> = rules.iter().map(String::as_str).chain(r.baseline.iter().copied()).collect();
            let (mark, detail) = match r.status {
                RequirementStatus::Pass => ("PASS", format!("{} check(s) passed ({})", r.passed, by.join(", "))),
                RequirementStatus::Fail => {
                    ("FAIL", format!("{} check(s) passed, {} failed ({})", r.passed, r.failed, by.join(", ")))
                }
                RequirementStatus::NoEvidence => ("----", format!("no evidence in the scan ({})", by.join(", "))),
                RequirementStatus::NotDecidable => (
                    "    ",
                    match r.reason {
                        Some("organisational") => "not decidable by Palisade (organisational)".to_string(),
                        _ => "not decidable by Palisade (no rule)".to_string(),
                    },
                ),
            };
            s.push_str(&format!("  {mark} {} {}: {detail}\n", r.id, r.title));
            if r.status == RequirementStatus::Fail {
                for f in r.findings.iter().take(MAX_EVIDENCE) {
                    let resource = f.resource.as_deref().map(|r| format!(" {r}")).unwrap_or_default();
                    s.push_str(&format!("         - {}:{}{resource} [{}] {}\n", f.file, f.line, f.rule, f.message));
                }
                if r.findings.len() > MAX_EVIDENCE {
                    s.push_str(&format!("         - … and {} more finding(s)\n", r.findings.len() - MAX_EVIDENCE));
                }
            }
            if matches!(r.status, RequirementStatus::Pass | RequirementStatus::Fail) {
                let passing: Vec<_> = r.evidence.iter().filter(|e| !e.detail.contains("finding(s)")).collect();
                for e in passing.iter().take(MAX_REQUIREMENT_EVIDENCE) {
                    s.push_str(&format!(
                        "         + {}:{} {} ({}): {}\n",
                        e.file, e.line, e.resource, e.kind, e.detail
                    ));
                }
                if passing.len() > MAX_REQUIREMENT_EVIDENCE {
                    s.push_str(&format!("         + … and {} more\n", passing.len() - MAX_REQUIREMENT_EVIDENCE));
                }
            }
        }
        s.push('\n');
    }
    let m = &c.summary;
    s.push_str(&format!(
        "{} requirements: {} evidenced ({} pass, {} fail), {} without evidence in the scan, {} not decidable by Palisade ({} organisational)\n",
        m.requirements, m.evidenced, m.passed, m.failed, m.no_evidence, m.not_decidable, m.organisational,
    ));
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
