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
    // It declares a trail and a hub (whose settings the rules report), but no detector,
    // recorder, analyzer or backup plan.
    for control in ["MON-01", "MON-03"] {
        assert_eq!(baseline_status(&p, Layer::Monitoring, control), Some(Status::Pass), "{control}");
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
    // Scanned with the account baseline template, the trail, the detector and the imported
    // flow log count for it.
    let together = posture_of(&["tests/data/posture"]);
    assert_eq!(baseline_status(&together, Layer::Monitoring, "MON-01"), Some(Status::Pass));
    assert_eq!(baseline_status(&together, Layer::Monitoring, "MON-04"), Some(Status::Pass));
    assert_eq!(baseline_status(&together, Layer::Network, "NET-06"), Some(Status::Pass));
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
