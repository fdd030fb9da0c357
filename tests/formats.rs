//! JUnit XML, Markdown, ASFF and OCSF outputs, each checked against the fields its consumers
//! require.

use std::path::PathBuf;

use palisade::report::{self, Format, RenderOptions, ScanReport, asff::AsffTarget};
use palisade::scan::{ScanOptions, scan};

fn examples() -> ScanReport {
    let opts = ScanOptions { paths: vec![PathBuf::from("examples")], ..ScanOptions::default() };
    scan(&opts).unwrap()
}

fn render(r: &ScanReport, format: Format) -> String {
    report::render(r, format, &RenderOptions::default())
}

fn is_rfc3339_utc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 20
        && s.chars().enumerate().all(|(i, c)| match i {
            4 | 7 => c == '-',
            10 => c == 'T',
            13 | 16 => c == ':',
            19 => c == 'Z',
            _ => c.is_ascii_digit(),
        })
}

#[test]
fn junit_has_the_required_structure_and_consistent_counts() {
    let r = examples();
    let xml = render(&r, Format::Junit);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let attr = |n: roxmltree::Node, a: &str| -> usize {
        n.attribute(a).unwrap_or_else(|| panic!("<{}> without {a}", n.tag_name().name())).parse().unwrap()
    };
    let (mut tests, mut failed_cases, mut failures) = (0, 0, 0);
    let suites: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(suites.len(), r.rules.len(), "one suite per rule");
    for suite in suites {
        assert_eq!(suite.tag_name().name(), "testsuite");
        assert!(suite.attribute("name").is_some_and(|n| n.starts_with("PAL-")));
        let cases: Vec<_> = suite.children().filter(|n| n.is_element()).collect();
        assert_eq!(attr(suite, "tests"), cases.len());
        assert_eq!(attr(suite, "errors"), 0);
        let mut suite_failed = 0;
        for case in &cases {
            assert_eq!(case.tag_name().name(), "testcase");
            assert!(case.attribute("name").is_some_and(|n| !n.is_empty()));
            assert!(case.attribute("classname").is_some_and(|n| n.starts_with("PAL-")));
            let f: Vec<_> = case.children().filter(|n| n.has_tag_name("failure")).collect();
            assert!(f.len() <= 1, "one <failure> per failed test case");
            for failure in &f {
                assert!(failure.attribute("message").is_some_and(|m| !m.is_empty()));
                assert!(failure.attribute("type").is_some());
                // Each finding of the test case: its location and message, then its fix.
                failures += failure.text().unwrap_or_default().lines().filter(|l| l.starts_with("fix: ")).count();
            }
            suite_failed += usize::from(!f.is_empty());
        }
        assert_eq!(attr(suite, "failures"), suite_failed);
        tests += cases.len();
        failed_cases += suite_failed;
    }
    assert_eq!(attr(root, "tests"), tests);
    assert_eq!(attr(root, "failures"), failed_cases);
    assert_eq!(failures, r.findings.len(), "every finding in a <failure>");
    // Passing checks are there too: the secure example's resources.
    assert!(tests > failed_cases + 50);
}

#[test]
fn markdown_is_a_comment_sized_summary_with_well_formed_tables() {
    let r = examples();
    let md = render(&r, Format::Markdown);
    assert!(md.starts_with("## Palisade security report\n"));
    assert!(md.len() < 65_536, "too long for a pull-request comment");
    assert!(md.contains(&format!("**{} finding(s)**", r.findings.len())));
    // Every table row has as many cells as its header (escaped pipes aside).
    let mut header_cells = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            header_cells = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        match header_cells {
            None => header_cells = Some(cells),
            Some(n) => assert_eq!(cells, n, "row with a different number of cells: {line}"),
        }
    }
    // The most severe findings come first.
    let first_row = md.lines().find(|l| l.starts_with("| critical | `PAL-")).unwrap();
    let high_row = md.lines().position(|l| l.starts_with("| high | `PAL-")).unwrap();
    assert!(md.lines().position(|l| l == first_row).unwrap() < high_row);
    assert!(render(&ScanReport::default(), Format::Markdown).contains("No findings"));
}

#[test]
fn asff_findings_carry_every_required_field() {
    let r = examples();
    let target = AsffTarget { account_id: "123456789012".into(), region: "ap-northeast-2".into() };
    let out = report::render(&r, Format::Asff, &RenderOptions { asff: target, ..RenderOptions::default() });
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let findings = v["Findings"].as_array().expect("Findings array");
    assert_eq!(findings.len(), r.findings.len());
    let mut ids = std::collections::BTreeSet::new();
    for f in findings {
        for key in [
            "SchemaVersion",
            "Id",
            "ProductArn",
            "GeneratorId",
            "AwsAccountId",
            "Types",
            "CreatedAt",
            "UpdatedAt",
            "Severity",
            "Title",
            "Description",
            "Resources",
        ] {
            assert!(!f[key].is_null(), "missing {key}: {f}");
        }
        assert_eq!(f["SchemaVersion"], "2018-10-08");
        assert_eq!(f["AwsAccountId"], "123456789012");
        assert_eq!(f["ProductArn"], "arn:aws:securityhub:ap-northeast-2:123456789012:product/123456789012/default");
        assert!(ids.insert(f["Id"].as_str().unwrap().to_string()), "duplicate Id");
        assert!(f["Id"].as_str().unwrap().len() <= 512);
        assert!(f["Title"].as_str().unwrap().chars().count() <= 256);
        assert!(f["Description"].as_str().unwrap().chars().count() <= 1024);
        assert!(is_rfc3339_utc(f["CreatedAt"].as_str().unwrap()), "{}", f["CreatedAt"]);
        assert!(is_rfc3339_utc(f["UpdatedAt"].as_str().unwrap()));
        assert!(
            ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"].contains(&f["Severity"]["Label"].as_str().unwrap())
        );
        let types = f["Types"].as_array().unwrap();
        assert!(!types.is_empty() && types.iter().all(|t| t.as_str().unwrap().split('/').count() >= 2));
        let res = f["Resources"].as_array().unwrap();
        assert!(!res.is_empty());
        for r in res {
            assert!(r["Type"].as_str().is_some_and(|t| !t.is_empty()));
            assert!(r["Id"].as_str().is_some_and(|t| !t.is_empty()));
        }
        assert_eq!(f["Compliance"]["Status"], "FAILED");
    }
    assert!(findings.iter().any(|f| f["Resources"][0]["Type"] == "AwsS3Bucket"));
}

#[test]
fn ocsf_events_are_compliance_findings_with_required_attributes() {
    let r = examples();
    let v: serde_json::Value = serde_json::from_str(&render(&r, Format::Ocsf)).unwrap();
    let events = v.as_array().expect("array of events");
    assert_eq!(events.len(), r.findings.len());
    for e in events {
        assert_eq!(e["class_uid"], 2003);
        assert_eq!(e["category_uid"], 2);
        assert_eq!(e["activity_id"], 1);
        assert_eq!(e["type_uid"], 200301);
        let sev = e["severity_id"].as_u64().unwrap();
        assert!((1..=6).contains(&sev));
        assert!(e["time"].as_u64().is_some_and(|t| t > 1_600_000_000_000), "time in milliseconds");
        assert!(e["metadata"]["version"].as_str().is_some());
        assert!(e["metadata"]["product"]["name"].as_str().is_some());
        assert!(e["finding_info"]["uid"].as_str().is_some_and(|u| !u.is_empty()));
        assert!(e["finding_info"]["title"].as_str().is_some_and(|u| !u.is_empty()));
        let standards = e["compliance"]["standards"].as_array().unwrap();
        assert!(!standards.is_empty());
        assert_eq!(e["compliance"]["status_id"], 3);
    }
}

#[test]
fn cli_writes_every_new_format() {
    let bin = env!("CARGO_BIN_EXE_palisade");
    for (format, marker) in [
        ("junit", "<testsuites"),
        ("markdown", "## Palisade"),
        ("asff", "\"Findings\""),
        ("ocsf", "\"class_uid\""),
        ("html", "<!DOCTYPE html>"),
    ] {
        let out = std::process::Command::new(bin)
            .args(["scan", "examples", "--format", format, "--aws-account-id", "123456789012"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}: findings exit with 1");
        assert!(String::from_utf8_lossy(&out.stdout).contains(marker), "{format}");
    }
}
