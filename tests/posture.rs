//! The posture of a scan: scorecard across files, Well-Architected coverage, and the
//! `palisade posture` output for the examples.

use std::path::PathBuf;

use palisade::discover::DiscoverOptions;
use palisade::finding::Layer;
use palisade::posture::{self, Posture, Status};
use palisade::scan::{ScanOptions, scan};

fn posture_of(paths: &[&str]) -> Posture {
    // The stack and Kubernetes examples; `examples/iam/` holds the files of the `iam` commands,
    // `examples/terraform/` the same architecture in Terraform.
    let discover = DiscoverOptions { exclude: vec!["iam/".into(), "terraform/".into()], ..DiscoverOptions::default() };
    let opts = ScanOptions { paths: paths.iter().map(PathBuf::from).collect(), discover, ..ScanOptions::default() };
    Posture::of(&scan(&opts).unwrap())
}

/// Whether the scan declares an account-baseline service (whatever its rules say of it).
fn baseline_present(p: &Posture, layer: Layer, control: &str) -> bool {
    p.layers
        .iter()
        .filter(|l| l.layer == layer)
        .flat_map(|l| &l.controls)
        .any(|c| c.kind == "baseline" && c.control == control && !c.evidence.is_empty() && c.missing.is_none())
}

fn baseline_status(p: &Posture, layer: Layer, control: &str) -> Option<Status> {
    p.layers
        .iter()
        .find(|l| l.layer == layer)?
        .controls
        .iter()
        .find(|c| c.kind == "baseline" && c.control == control)
        .map(|c| c.status)
}

#[test]
fn text_snapshot_of_the_examples() {
    insta::assert_snapshot!(posture::render::text(&posture_of(&["examples"])));
}

#[test]
fn json_snapshot_of_the_examples() {
    insta::assert_snapshot!(posture::render::json(&posture_of(&["examples"])));
}

#[test]
fn secure_example_scores_full_marks_on_every_layer_it_evidences() {
    let p = posture_of(&["examples/secure-stack.yaml"]);
    for l in &p.layers {
        assert!(l.evaluated > 0, "{:?} layer has no evidence in the secure example", l.layer);
        assert_eq!(l.score, Some(100), "{:?}: {:#?}", l.layer, l.controls);
    }
}

#[test]
fn secure_examples_together_score_full_marks() {
    let p = posture_of(&["examples/secure-stack.yaml", "examples/secure-kubernetes.yaml"]);
    for l in &p.layers {
        assert_eq!(l.score, Some(100), "{:?}: {:#?}", l.layer, l.controls);
    }
    // Kubernetes objects count as checked resources.
    let app = p.layers.iter().find(|l| l.layer == Layer::Application).unwrap();
    assert!(app.controls.iter().any(|c| c.control == "APP-01" && c.status == Status::Pass && !c.evidence.is_empty()));
}

#[test]
fn insecure_example_alone_misses_the_account_baseline() {
    let p = posture_of(&["examples/insecure-stack.yaml"]);
    // It declares a trail and a hub, but no detector, recorder, analyzer or backup plan. The
    // rules report the trail's and the hub's settings: one row per control, which fails.
    for control in ["MON-01", "MON-03"] {
        assert!(baseline_present(&p, Layer::Monitoring, control), "{control}");
        assert_eq!(baseline_status(&p, Layer::Monitoring, control), Some(Status::Fail), "{control}");
    }
    for control in ["MON-04", "MON-05"] {
        assert_eq!(baseline_status(&p, Layer::Monitoring, control), Some(Status::Fail), "{control}");
    }
    assert_eq!(baseline_status(&p, Layer::Identity, "MON-06"), Some(Status::Fail));
    assert_eq!(baseline_status(&p, Layer::Data, "MON-07"), Some(Status::Fail));
    assert!(p.layers.iter().all(|l| l.score.is_none_or(|s| s < 100)));
}

#[test]
fn baseline_services_count_across_every_file_of_the_scan() {
    // Alone, the application template has no trail and no detector, and its VPC no flow log.
    let alone = posture_of(&["tests/data/posture/app.yaml"]);
    assert_eq!(baseline_status(&alone, Layer::Monitoring, "MON-01"), Some(Status::Fail));
    assert_eq!(baseline_status(&alone, Layer::Network, "NET-06"), Some(Status::Fail));
    // Scanned with the account baseline template, the trail and the detector count for it (the
    // trail's settings have findings, so its control fails). The flow log of the baseline
    // names an imported VPC, which may or may not be the application's: the baseline part of
    // NET-06 is undecided, and the application's VPC has a finding of its own, which decides.
    let together = posture_of(&["tests/data/posture"]);
    assert!(baseline_present(&together, Layer::Monitoring, "MON-01"));
    assert_eq!(baseline_status(&together, Layer::Monitoring, "MON-01"), Some(Status::Fail));
    assert_eq!(baseline_status(&together, Layer::Monitoring, "MON-04"), Some(Status::Pass));
    let net06 = together.layers[0].controls.iter().find(|c| c.control == "NET-06").unwrap();
    assert_eq!(net06.status, Status::Fail);
    assert!(net06.missing.as_deref().is_some_and(|m| m.contains("outside its template")), "{net06:?}");
    assert_eq!(baseline_status(&together, Layer::Monitoring, "MON-03"), Some(Status::Fail));
    // A Config recorder needs a delivery channel somewhere in the scan.
    let recorder_only = posture_of(&["src/rules/config/fixtures/config-recorder-partial.fail.yaml"]);
    assert_eq!(baseline_status(&recorder_only, Layer::Monitoring, "MON-05"), Some(Status::Fail));
    let with_channel = posture_of(&["src/rules/config/fixtures/config-recorder-partial.pass.yaml"]);
    assert_eq!(baseline_status(&with_channel, Layer::Monitoring, "MON-05"), Some(Status::Pass));
    let trail = together.layers[4].controls.iter().find(|c| c.control == "MON-01").unwrap();
    assert_eq!(&*trail.evidence[0].file, "tests/data/posture/baseline.yaml");
    assert_eq!(trail.evidence[0].line, 3);
}

#[test]
fn every_best_practice_is_listed_and_unmapped_ones_are_labelled() {
    let p = posture_of(&["examples"]);
    assert_eq!(p.well_architected.len(), 63);
    assert_eq!(posture::best_practices().len(), 63);
    for w in &p.well_architected {
        let unmapped = w.rules.is_empty() && w.baseline.is_empty();
        assert_eq!(unmapped, w.status == "not-machine-checkable", "{}", w.id);
    }
    let sec04 = p.well_architected.iter().find(|w| w.id == "SEC04-BP01").unwrap();
    assert_eq!(sec04.status, "fail");
    assert!(sec04.passed > 0 && sec04.failed > 0);
    // Every rule's Well-Architected ids exist in the shipped list.
    let ids: Vec<&str> = posture::best_practices().iter().map(|b| b.id).collect();
    for r in palisade::rules::all() {
        for wa in r.meta.well_architected.iter() {
            assert!(ids.contains(&&**wa), "{}: unknown best practice {wa}", r.meta.id);
        }
    }
}

#[test]
fn security_metric_filters_are_recognised_whitespace_and_order_aside() {
    use palisade::posture::evidence::recognise_filter;
    assert_eq!(
        recognise_filter("{$.userIdentity.type=\"Root\"&&$.userIdentity.invokedBy NOT EXISTS}"),
        vec!["root account usage"]
    );
    assert_eq!(
        recognise_filter("{ ($.additionalEventData.MFAUsed != \"Yes\") && ($.eventName = \"ConsoleLogin\") }"),
        vec!["console sign-in without MFA"]
    );
    assert!(recognise_filter("{ $.eventName = \"GetObject\" }").is_empty());
}

#[test]
fn posture_command_prints_text_and_json() {
    let bin = env!("CARGO_BIN_EXE_palisade");
    let out = std::process::Command::new(bin).args(["posture", "examples"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for layer in ["Network", "Identity", "Application", "Data", "Monitoring"] {
        assert!(text.contains(&format!("{layer} layer:")), "{layer}");
    }
    let out = std::process::Command::new(bin).args(["posture", "examples", "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["posture"]["layers"].as_array().unwrap().len(), 5);
    assert_eq!(v["posture"]["well_architected"].as_array().unwrap().len(), 63);
}

#[test]
fn posture_of_a_missing_path_is_an_error_naming_it() {
    let bin = env!("CARGO_BIN_EXE_palisade");
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "json"] {
        let out = std::process::Command::new(bin)
            .args(["posture", "does-not-exist", "--format", format])
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(out.stdout.is_empty(), "no scorecard of nothing: {}", String::from_utf8_lossy(&out.stdout));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("does-not-exist") && err.contains("error"), "{err}");
    }
    // A missing path next to one that exists: the scorecard of what was analysed, and exit 2.
    let out = std::process::Command::new(bin)
        .args(["posture", "examples", "does-not-exist"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Network layer:"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist"));
}

#[test]
fn every_control_has_one_row_per_layer() {
    for paths in [&["examples"][..], &["tests/data/posture"], &["src/rules/ec2/fixtures"]] {
        let p = posture_of(paths);
        for l in &p.layers {
            let mut ids: Vec<&str> = l.controls.iter().map(|c| c.control.as_str()).collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "{:?} of {paths:?}: {ids:?}", l.layer);
        }
    }
}

#[test]
fn a_flow_log_of_another_template_leaves_uncovered_vpcs_undecided() {
    use palisade::posture::{Evidence, Seen};
    let vpc = Seen {
        file: "app.yaml".into(),
        line: 3,
        id: "Vpc".into(),
        kind: "AWS::EC2::VPC".into(),
        model_kind: palisade::model::kind::EC2_VPC,
    };
    let mut report = palisade::results::ScanReport {
        files_scanned: 2,
        evidence: vec![Evidence { vpcs: vec![(vpc, false)], ..Evidence::default() }],
        ..Default::default()
    };
    let net06 = |r: &palisade::results::ScanReport| {
        let p = Posture::of(r);
        let c = p.layers[0].controls.iter().find(|c| c.control == "NET-06").cloned().unwrap();
        (c, p.layers[0].score)
    };
    let (c, score) = net06(&report);
    assert_eq!((c.status, c.resources, c.resources_failed, score), (Status::Fail, Some(1), Some(1), Some(0)));
    report.evidence.push(Evidence { external_flow_log: true, ..Evidence::default() });
    let (c, score) = net06(&report);
    // Undecided: neither a pass nor a failure, and the layer has nothing else to score.
    assert_eq!((c.status, score), (Status::Unknown, None));
    assert!(posture::render::text(&Posture::of(&report)).contains("UNKNOWN NET-06"));
}

#[test]
fn evidence_lists_what_a_control_is_about_with_the_share_that_fails() {
    let p = posture_of(&["src/rules/rds/fixtures/rds-security-group-open-to-internet.fail.yaml"]);
    let network = p.layers.iter().find(|l| l.layer == Layer::Network).unwrap();
    let data10 = network.controls.iter().find(|c| c.control == "DATA-10").unwrap();
    assert_eq!(data10.status, Status::Fail);
    // The databases, not the security groups the rule reads to judge them.
    assert!(!data10.evidence.is_empty());
    assert!(data10.evidence.iter().all(|e| e.kind.starts_with("AWS::RDS::")), "{:#?}", data10.evidence);
    // Security group rules are about security groups.
    let net01 = network.controls.iter().find(|c| c.control == "NET-01").unwrap();
    assert!(net01.evidence.iter().all(|e| e.kind.starts_with("AWS::EC2::SecurityGroup")), "{:#?}", net01.evidence);
    // The layer score is the mean of the controls' passing shares.
    let decided: Vec<_> = network.controls.iter().filter(|c| matches!(c.status, Status::Pass | Status::Fail)).collect();
    let mean = decided.iter().map(|c| c.passing_share()).sum::<f64>() / decided.len() as f64;
    assert_eq!(network.score, Some((mean * 100.0).floor() as u32));
    let text = posture::render::text(&p);
    let n = data10.resources.unwrap();
    let f = data10.resources_failed.unwrap();
    assert!(f > 0 && f <= n);
    assert!(text.contains(&format!("FAIL DATA-10 {f}/{n} resources fail")), "{text}");
}

#[test]
fn a_reachability_control_with_undecided_verdicts_is_unknown_not_pass() {
    let net08 = |fixture: &str| {
        let p = posture_of(&[&format!("src/rules/net/fixtures/{fixture}")]);
        let network = p.layers.iter().find(|l| l.layer == Layer::Network).unwrap();
        let c = network.controls.iter().find(|c| c.control == "NET-08").cloned().unwrap();
        (c, posture::render::text(&p))
    };
    // The route to the gateway cannot be decided: no finding, and no pass either.
    let (c, text) = net08("net-admin-port-reachable.pass.8.yaml");
    assert_eq!((c.status, c.findings, c.resources_undecided), (Status::Unknown, 0, Some(1)), "{c:#?}");
    assert!(c.missing.as_deref().is_some_and(|m| m.starts_with("1 resource whose reachability")), "{c:#?}");
    assert!(c.evidence.iter().any(|e| e.resource == "Server" && e.detail.contains("undecided")), "{c:#?}");
    assert_eq!(c.passing_share(), 0.0);
    assert!(text.contains("UNKNOWN NET-08  1/1 resources undecided"), "{text}");
    // Decided as not exposed (no public address): a pass, nothing undecided.
    let (c, _) = net08("net-admin-port-reachable.pass.6.yaml");
    assert_eq!((c.status, c.resources_undecided), (Status::Pass, Some(0)), "{c:#?}");
}

/// A posture built for a consumer that lists a few items keeps the first ones of each list and
/// counts them all: its text is the whole posture's, in every view and language.
#[test]
fn a_listing_posture_keeps_the_first_items_and_the_totals() {
    use palisade::compliance::Framework;
    use palisade::i18n::Lang;
    // Many resources failing and passing the same rules, next to the examples' variety.
    let dir = tempfile::tempdir().unwrap();
    let mut cfn = String::from("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
    for i in 0..30 {
        let acl = if i % 3 == 0 { "Private" } else { "PublicRead" };
        cfn.push_str(&format!(
            "  Bucket{i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: {acl}\n"
        ));
    }
    std::fs::write(dir.path().join("buckets.yaml"), cfn).unwrap();
    let pods: Vec<String> = (0..25)
        .map(|i| {
            format!(
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: {}\n",
                i % 2 == 0
            )
        })
        .collect();
    std::fs::write(dir.path().join("pods.yaml"), pods.join("---\n")).unwrap();
    let discover = DiscoverOptions { exclude: vec!["iam/".into(), "terraform/".into()], ..DiscoverOptions::default() };
    let paths = vec![PathBuf::from("examples"), dir.path().to_path_buf()];
    let report = scan(&ScanOptions { paths, discover, ..ScanOptions::default() }).unwrap();
    let limit = posture::render::TEXT_LISTED;
    let (full, listed) = (Posture::of(&report), Posture::listing(&report, limit));
    for lang in [Lang::En, Lang::Ko] {
        assert_eq!(posture::render::text_in(&listed, lang), posture::render::text_in(&full, lang));
        for f in Framework::ALL {
            let (a, b) = (listed.framework(f).unwrap(), full.framework(f).unwrap());
            assert_eq!(
                posture::render::framework_text_in(&listed, a, lang),
                posture::render::framework_text_in(&full, b, lang)
            );
        }
    }
    let (mut cut_controls, mut cut_findings, mut cut_passing) = (0, 0, 0);
    for (a, b) in listed.layers.iter().flat_map(|l| &l.controls).zip(full.layers.iter().flat_map(|l| &l.controls)) {
        assert_eq!((a.evidence_total, b.evidence_total), (b.evidence.len(), b.evidence.len()), "{}", a.control);
        let shown: Vec<_> = b.evidence.iter().take(limit).map(|e| (&e.resource, &e.detail)).collect();
        assert_eq!(a.evidence.iter().map(|e| (&e.resource, &e.detail)).collect::<Vec<_>>(), shown, "{}", a.control);
        cut_controls += usize::from(b.evidence.len() > limit);
    }
    let requirements = |p: &Posture| -> Vec<palisade::posture::RequirementCoverage> {
        p.frameworks.iter().flat_map(|f| &f.domains).flat_map(|d| d.requirements.clone()).collect()
    };
    for (a, b) in requirements(&listed).iter().zip(&requirements(&full)) {
        assert_eq!((a.id, a.status, a.passed, a.failed), (b.id, b.status, b.passed, b.failed));
        assert_eq!((a.findings_total, b.findings_total), (b.findings.len(), b.findings.len()), "{}", a.id);
        let messages = |r: &palisade::posture::RequirementCoverage, n: usize| -> Vec<String> {
            r.findings.iter().take(n).map(|f| format!("{}:{} {}", f.file, f.line, f.message)).collect()
        };
        assert_eq!(messages(a, usize::MAX), messages(b, limit), "{}", a.id);
        let part = |r: &palisade::posture::RequirementCoverage, failing: bool, n: usize| -> Vec<String> {
            let items = r.evidence.iter().filter(|e| (e.findings > 0) == failing).take(n);
            items.map(|e| format!("{}:{} {} {}", e.file, e.line, e.resource, e.detail)).collect()
        };
        for failing in [true, false] {
            assert_eq!(part(a, failing, usize::MAX), part(b, failing, limit), "{}", a.id);
        }
        assert_eq!(b.passing_total, b.evidence.iter().filter(|e| e.findings == 0).count());
        assert_eq!(a.passing_total, b.passing_total);
        cut_findings += usize::from(b.findings.len() > limit);
        cut_passing += usize::from(b.passing_total > limit);
    }
    // The lists were long enough to be cut.
    assert!(cut_controls > 0 && cut_findings > 0 && cut_passing > 0, "{cut_controls} {cut_findings} {cut_passing}");
}
