//! The SARIF report validates against the official SARIF 2.1.0 schema (kept in `tests/data`).

mod common;

use common::{empty_report, sample_report, sarif_validator as validator};
use palisade::report::{Format, RenderOptions, ScanReport, render};
use palisade::source::Span;
use serde_json::Value;

fn assert_valid(report: &ScanReport) -> Value {
    let out = render(report, Format::Sarif, &RenderOptions::default());
    let sarif: Value = serde_json::from_str(&out).expect("SARIF output is JSON");
    let validator = validator();
    let errors: Vec<String> =
        validator.iter_errors(&sarif).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "SARIF schema violations:\n{}", errors.join("\n"));
    sarif
}

fn regions(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                if k == "region" {
                    out.push(v.clone());
                }
                regions(v, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|v| regions(v, out)),
        _ => {}
    }
}

#[test]
fn sample_report_is_valid_sarif() {
    let sarif = assert_valid(&sample_report());
    let run = &sarif["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), 3);
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 3);
    for r in run["results"].as_array().unwrap() {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(run["tool"]["driver"]["rules"][idx]["id"], r["ruleId"]);
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn empty_report_is_valid_sarif() {
    let sarif = assert_valid(&empty_report());
    let run = &sarif["runs"][0];
    assert_eq!(run["results"], serde_json::json!([]));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn degenerate_spans_still_give_valid_regions() {
    let mut report = sample_report();
    report.findings[0].location.span = Span::default();
    report.findings[1].location.span =
        Span { start: 5, end: 2, line: 4, col: 9, end_line: 3, end_col: 1, ..Span::default() };
    report.findings[2].related[0].location.span = Span { line: 0, col: 0, ..Span::default() };
    // Rules that ran but are missing from the list still get a descriptor.
    report.rules.clear();
    let sarif = assert_valid(&report);
    let mut found = Vec::new();
    regions(&sarif, &mut found);
    assert!(!found.is_empty());
    for r in found {
        assert!(r["startLine"].as_u64().unwrap() >= 1, "{r}");
        assert!(r["startColumn"].as_u64().unwrap() >= 1, "{r}");
        if let Some(end) = r["endLine"].as_u64() {
            assert!(end >= r["startLine"].as_u64().unwrap(), "{r}");
            assert!(r["endColumn"].as_u64().unwrap() >= 1, "{r}");
        }
    }
    assert_eq!(sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().len(), 3);
}

#[test]
fn paths_with_spaces_and_windows_separators_are_valid_uris() {
    let mut report = sample_report();
    report.findings[0].location.file = "my templates\\app #1.yaml".into();
    let sarif = assert_valid(&report);
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "my%20templates/app%20%231.yaml");
}

#[test]
fn the_validator_is_not_vacuous() {
    let out = render(&sample_report(), Format::Sarif, &RenderOptions::default());
    let mut sarif: Value = serde_json::from_str(&out).unwrap();
    let region = &mut sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    region["startLine"] = serde_json::json!(0);
    assert!(!validator().is_valid(&sarif), "startLine 0 must be rejected");

    let mut sarif: Value = serde_json::from_str(&out).unwrap();
    sarif["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator().is_valid(&sarif), "an unknown level must be rejected");
}
