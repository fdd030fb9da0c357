//! Snapshots of the three report formats, plus properties of the text and JSON reports.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use common::{APP_YAML, S3_PUBLIC, empty_report, loc, redact_version, sample_report, span_of};
use palisade::finding::{Finding, Severity, legacy_fingerprint_of};
use palisade::report::{Format, RenderOptions, render};
use palisade::source::{Location, SourceFile, Span};
use serde_json::Value;

fn text(color: bool, quiet: bool) -> String {
    render(&sample_report(), Format::Text, &RenderOptions { color, quiet, ..Default::default() })
}

#[test]
fn text_snapshot() {
    insta::assert_snapshot!("text", text(false, false));
}

#[test]
fn text_color_snapshot() {
    // ESC made visible so the snapshot is readable.
    insta::assert_snapshot!("text_color", text(true, false).replace('\x1b', "␛"));
}

#[test]
fn text_quiet_snapshot() {
    insta::assert_snapshot!("text_quiet", text(false, true));
}

#[test]
fn json_snapshot() {
    let out = render(&sample_report(), Format::Json, &RenderOptions::default());
    insta::assert_snapshot!("json", redact_version(&out));
}

#[test]
fn sarif_snapshot() {
    let out = render(&sample_report(), Format::Sarif, &RenderOptions::default());
    insta::assert_snapshot!("sarif", redact_version(&out));
}

#[test]
fn text_without_color_has_no_escape_codes() {
    for quiet in [false, true] {
        assert!(!text(false, quiet).contains('\x1b'), "quiet={quiet}");
    }
    let empty = render(&empty_report(), Format::Text, &RenderOptions::default());
    assert!(!empty.contains('\x1b'));
    assert!(text(true, false).contains('\x1b'));
}

#[test]
fn gutters_align_across_line_9_and_10() {
    let out = text(false, false);
    let block: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("templates/app.yaml:10:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    let nine = block.iter().find(|l| l.starts_with(" 9 |")).expect("line 9 shown");
    let ten = block.iter().find(|l| l.starts_with("10 |")).expect("line 10 shown");
    assert_eq!(nine.find('|'), ten.find('|'));
    for l in &block {
        let bar = l.find(['|', '=']).expect("every snippet line has a gutter");
        assert_eq!(bar, 3, "misaligned gutter in {l:?}");
    }
    // The carets sit under `!Ref Public`.
    let carets = block.iter().find(|l| l.contains('^')).unwrap();
    assert_eq!(carets.find('^'), ten.find("!Ref"));
    assert_eq!(carets.trim_end().len() - carets.find('^').unwrap(), "!Ref Public".len());
}

#[test]
fn text_summary_and_quiet_mode() {
    let out = text(false, false);
    assert!(out.contains("3 findings: 1 critical, 1 high, 1 low\n"));
    assert!(out.contains("By layer: 1 identity, 1 data, 1 monitoring\n"));
    assert!(out.contains("3 files scanned, 1 file with errors.\n"));
    let quiet = text(false, true);
    assert!(!quiet.contains(" | "));
    assert!(!quiet.contains("PAL-S3-001"));
    assert!(quiet.contains("templates/broken.yaml:3:5: error: cannot parse"));
    assert!(quiet.ends_with(out.lines().last().unwrap()) || quiet.ends_with("errors.\n"));
}

#[test]
fn text_with_no_findings() {
    let out = render(&empty_report(), Format::Text, &RenderOptions::default());
    assert_eq!(out, "No findings in 2 files.\n");
}

#[test]
fn snippet_is_omitted_when_the_file_is_unknown_or_the_span_is_past_its_end() {
    let mut report = sample_report();
    report.files.remove("templates/iam.yaml");
    // A span far past the end of app.yaml.
    report.findings[1].location.span =
        Span { start: 9000, end: 9001, line: 500, col: 3, end_line: 500, end_col: 4, ..Span::default() };
    let out = render(&report, Format::Text, &RenderOptions::default());
    assert!(out.contains("templates/app.yaml:500:3: PAL-S3-001"));
    assert!(out.contains("templates/iam.yaml:8:21: PAL-IAM-001"));
    assert!(!out.contains("Action: \"*\""), "no snippet for a file not in the report");
    assert!(out.contains("= resource: Admin (AWS::IAM::Policy)"));
    // A zero span (unknown position) does not panic either.
    report.findings[0].location.span = Span::default();
    let _ = render(&report, Format::Text, &RenderOptions { color: true, quiet: false, ..Default::default() });
}

#[test]
fn json_summary_counts() {
    let out = render(&sample_report(), Format::Json, &RenderOptions::default());
    assert!(out.ends_with("}\n"));
    assert!(out.starts_with("{\n  \"schema_version\": \"1.2\",\n"));
    let v: Value = serde_json::from_str(&out).unwrap();
    let s = &v["summary"];
    assert_eq!(s["files_scanned"], 3);
    assert_eq!(s["findings"], 3);
    assert_eq!(s["errors"], 1);
    assert_eq!(s["by_severity"], serde_json::json!({"critical": 1, "high": 1, "medium": 0, "low": 1, "info": 0}));
    assert_eq!(
        s["by_layer"],
        serde_json::json!({"network": 0, "identity": 1, "application": 0, "data": 1, "monitoring": 1})
    );
    assert_eq!(v["findings"].as_array().unwrap().len(), 3);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 2);
    assert_eq!(v["diagnostics"][1]["line"], Value::Null);
    assert_eq!(v["findings"][1]["when"], "IsProd is false");
    assert_eq!(v["findings"][0]["when"], Value::Null);
    assert_eq!(v["findings"][0]["severity"], "low", "the effective severity, not the rule's");
}

#[test]
fn json_for_an_empty_report() {
    let out = render(&empty_report(), Format::Json, &RenderOptions::default());
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["findings"], 0);
    assert_eq!(v["findings"], serde_json::json!([]));
    assert_eq!(v["diagnostics"], serde_json::json!([]));
}

#[test]
fn fingerprints_ignore_position_but_not_identity() {
    let report = sample_report();
    let f = &report.findings[1];
    let fp = f.fingerprint();
    assert_eq!(fp.len(), 16);
    assert!(fp.chars().all(|c| c.is_ascii_hexdigit()));

    let mut moved = f.clone();
    moved.location.span = Span { line: 40, end_line: 40, ..moved.location.span };
    assert_eq!(moved.fingerprint(), fp);

    let mut other = f.clone();
    other.resource.as_mut().unwrap().id = "Other".into();
    assert_ne!(other.fingerprint(), fp);

    let mut elsewhere = f.clone();
    elsewhere.location = Location::new(Arc::from("other.yaml"), f.location.span);
    assert_ne!(elsewhere.fingerprint(), fp);

    let distinct: std::collections::BTreeSet<String> = report.findings.iter().map(Finding::fingerprint).collect();
    assert_eq!(distinct.len(), 3);

    // Without a subject the message identifies the finding (runs of whitespace aside); with
    // one, the message's wording no longer matters but the subject's value does.
    let mut spaced = f.clone();
    spaced.template = spaced.message().replace(' ', "  ").into();
    assert_eq!(spaced.fingerprint(), fp);
    let mut reworded = f.clone();
    reworded.template = "Public access is not blocked".into();
    assert_ne!(reworded.fingerprint(), fp);
    let subject = "Resources.Logs.Properties.PublicAccessBlockConfiguration.BlockPublicPolicy";
    let (mut a, mut b) = (f.clone(), reworded);
    a.subject = Some(subject.into());
    b.subject = Some(subject.into());
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_ne!(a.fingerprint(), fp);
    b.subject = Some(format!("{subject}.Ref=Public").into());
    assert_ne!(a.fingerprint(), b.fingerprint());
    // The fingerprint of earlier versions (the value this finding had in their reports) is
    // kept for reading what they recorded.
    assert_eq!(a.legacy_fingerprint(), "6fed7163575e9e51");
    assert_eq!(f.legacy_fingerprint(), legacy_fingerprint_of(&f.rule.id, &f.location.file, "Logs", &f.full_message()));
}

#[test]
fn findings_are_grouped_by_file_in_sorted_order() {
    let app = Arc::new(SourceFile::new("b.yaml", APP_YAML.to_string()));
    let other = Arc::new(SourceFile::new("a.yaml", APP_YAML.to_string()));
    let make = |file: &SourceFile| Finding {
        rule: common::meta(&S3_PUBLIC),
        severity: Severity::Medium,
        template: format!("in {}", file.display_path()).into(),
        location: loc(file, span_of(file, "Logs", 0)),
        resource: None,
        related: Default::default(),
        when: None,
        subject: None,
    };
    let mut files = BTreeMap::new();
    files.insert(Arc::from("b.yaml"), app.clone());
    files.insert(Arc::from("a.yaml"), other.clone());
    let report = palisade::report::ScanReport {
        findings: vec![make(&app), make(&other), make(&app)],
        files,
        files_scanned: 2,
        ..Default::default()
    };
    let out = render(&report, Format::Text, &RenderOptions::default());
    let headers: Vec<&str> = out.lines().filter(|l| l.contains(": PAL-")).collect();
    assert_eq!(headers.len(), 3);
    assert!(headers[0].starts_with("a.yaml:"));
    assert!(headers[1].starts_with("b.yaml:"));
    assert!(headers[2].starts_with("b.yaml:"));
    assert!(out.ends_with("3 findings: 3 medium\nBy layer: 3 data\n2 files scanned, 0 files with errors.\n"));
}

#[test]
fn escape_codes_from_scanned_files_are_not_echoed() {
    let mut report = sample_report();
    let evil = Arc::new(SourceFile::new(
        "templates/app.yaml",
        APP_YAML.replace("PublicAccessBlockConfiguration:", "\x1b[2JPublicAccessBlockConfiguration:"),
    ));
    report.files.insert(Arc::from("templates/app.yaml"), evil);
    report.findings[1].append("\x1b]0;title\x07");
    report.findings[1].related[0].message.push_str("\x1b[1m");
    report.diagnostics[0].message.push("\x1b[0m".into());
    let out = render(&report, Format::Text, &RenderOptions::default());
    assert!(!out.contains('\x1b'));
    assert!(out.contains(" 9 |       \u{fffd}[2JPublicAccessBlockConfiguration:"));
}

#[test]
fn compact_snapshot() {
    let out = render(&sample_report(), Format::Compact, &RenderOptions::default());
    assert_eq!(out.lines().count(), sample_report().findings.len(), "one line per finding, nothing else");
    insta::assert_snapshot!("compact", out);
}

#[test]
fn github_snapshot() {
    let out = render(&sample_report(), Format::Github, &RenderOptions::default());
    insta::assert_snapshot!("github", out);
}

/// The report's time, which changes from run to run, replaced by a fixed one.
fn redact_times(s: &str) -> String {
    s.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("\"start_time\"") || t.starts_with("\"end_time\"") {
                let (k, _) = l.split_once(": ").unwrap();
                format!("{k}: \"[time]\",")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn gitlab_snapshot() {
    let out = render(&sample_report(), Format::Gitlab, &RenderOptions::default());
    let v: Value = serde_json::from_str(&out).unwrap();
    let time = v["scan"]["start_time"].as_str().unwrap();
    assert_eq!(time.len(), "2024-05-01T12:00:00".len(), "no zone, as the schema's pattern wants: {time}");
    assert_eq!(v["scan"]["type"], "sast");
    let vulns = v["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulns.len(), 3);
    for x in vulns {
        for key in ["id", "name", "description", "severity", "location", "identifiers"] {
            assert!(!x[key].is_null(), "{key} in {x}");
        }
        assert!(["Critical", "High", "Medium", "Low", "Info"].contains(&x["severity"].as_str().unwrap()));
        assert!(x["location"]["start_line"].as_u64().unwrap() <= x["location"]["end_line"].as_u64().unwrap());
        assert!(!x["identifiers"][0]["name"].as_str().unwrap().is_empty());
    }
    let ids: std::collections::BTreeSet<&str> = vulns.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 3, "ids are unique");
    insta::assert_snapshot!("gitlab", redact_version(&redact_times(&out)));
}

#[test]
fn github_commands_escape_messages_and_properties() {
    let mut report = sample_report();
    report.diagnostics.clear();
    report.findings.truncate(1);
    report.findings[0].template = "100% open,\r\nsee: here".into();
    report.findings[0].location = Location::new(Arc::from("dir,a/b:c%.yaml"), report.findings[0].location.span);
    let out = render(&report, Format::Github, &RenderOptions::default());
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("file=dir%2Ca/b%3Ac%25.yaml,"), "{out}");
    assert!(out.ends_with("::100%25 open,%0D%0Asee: here\n"), "{out}");
}

#[test]
fn compact_keeps_each_finding_on_one_line() {
    let mut report = sample_report();
    report.findings[0].template = "two\nlines".into();
    let out = render(&report, Format::Compact, &RenderOptions::default());
    assert_eq!(out.lines().count(), report.findings.len());
    assert!(out.contains("two lines"));
}
