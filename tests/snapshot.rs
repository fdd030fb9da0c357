//! Live account snapshots run through the binary: findings located in the snapshot, calls
//! that were not answered reported once and never turned into findings, posture and network
//! exposure over a snapshot.

use std::process::Command;

fn palisade(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).output().expect("run palisade");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

const INSECURE: &str = "tests/fixtures/snapshots/insecure.json";
const DENIED: &str = "tests/fixtures/snapshots/denied.json";

fn rule_ids(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON report");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or_default().to_string(),
                f["resource"]["id"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_insecure_account_gives_the_findings_a_template_would() {
    let (out, err) = palisade(&["scan", "--format", "json", INSECURE]);
    let found = rule_ids(&out);
    let has = |id: &str, resource: &str| found.iter().any(|(r, res)| r == id && res.contains(resource));
    assert!(has("PAL-IAM-005", "user/alice"), "admin policy on a user: {found:?} {err}");
    assert!(has("PAL-IAM-010", "user/alice"), "console user without MFA");
    assert!(has("PAL-EC2-001", "security-group/sg-1"), "SSH open to the world on a public instance");
    assert!(has("PAL-S3-009", "public-data-111122223333"), "public bucket policy");
    assert!(has("PAL-S3-010", "s3control:PublicAccessBlock"), "no account-level public access block");
    assert!(has("PAL-ENC-005", "ec2:EbsEncryptionByDefault"), "EBS encryption by default off");
    assert!(has("PAL-RDS-008", "snapshot:db-snap"), "public RDS snapshot");
    assert!(has("PAL-IAM-016", "iam:PasswordPolicy"), "no password policy is the default policy");
    // The customer-managed policy is read in its default version, not an older one.
    assert!(!found.iter().any(|(r, res)| r == "PAL-IAM-001" && res.contains("app-data")), "{found:?}");
}

#[test]
fn unanswered_calls_are_unknown_with_one_diagnostic_each_and_no_finding() {
    let (out, _) = palisade(&["scan", "--format", "json", DENIED]);
    let found = rule_ids(&out);
    for id in ["PAL-S3-010", "PAL-ENC-005", "PAL-S3-009", "PAL-IAM-010"] {
        assert!(!found.iter().any(|(r, _)| r == id), "{id} reported from an unanswered call: {found:?}");
    }
    // What other calls showed is still judged.
    assert!(found.iter().any(|(r, _)| r == "PAL-EC2-001"), "{found:?}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let diags: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap_or_default().to_string())
        .collect();
    for (call, permission) in [
        ("iam:GetCredentialReport", "iam:GetCredentialReport"),
        ("s3:GetBucketPolicy", "s3:GetBucketPolicy"),
        ("s3control:GetPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
        ("ec2:GetEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault"),
    ] {
        let n = diags.iter().filter(|d| d.contains(&format!("`{call}`")) && d.contains(permission)).count();
        assert_eq!(n, 1, "one diagnostic for {call}: {diags:?}");
    }
}

#[test]
fn malformed_parts_are_located_and_do_not_stop_the_scan() {
    let dir = std::env::temp_dir().join(format!("palisade-snapshot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(INSECURE).unwrap()).unwrap();
    v["regional"]["eu-west-1"]["ec2"]["DescribeVolumes"]["Volumes"] = "vol-1".into();
    let text = serde_json::to_string_pretty(&v).unwrap();
    std::fs::write(&bad, text).unwrap();
    let (out, _) = palisade(&["scan", "--format", "json", bad.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let diag = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap_or_default().contains("`Volumes` must be a list"));
    assert!(diag.is_some_and(|d| d["line"].as_u64().unwrap_or(0) > 0), "{out}");
    assert!(rule_ids(&out).iter().any(|(r, _)| r == "PAL-EC2-001"), "the rest is scanned");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn posture_and_network_exposure_work_on_a_snapshot() {
    let (out, err) = palisade(&["net", "exposure", INSECURE]);
    assert!(out.contains("instance/i-1") && out.contains("22"), "{out}{err}");
    let (out, err) = palisade(&["posture", INSECURE]);
    assert!(!out.trim().is_empty(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_same_account_fixed_has_no_finding_and_its_baseline_passes() {
    let (out, err) = palisade(&["scan", "--format", "json", "tests/fixtures/snapshots/secure.json"]);
    assert_eq!(rule_ids(&out), Vec::<(String, String)>::new(), "{err}");
    let (out, _) = palisade(&["posture", "tests/fixtures/snapshots/secure.json"]);
    for baseline in ["trail/org", "detector/d1", "analyzer/acct", "config-recorder/default", "vpc/vpc-1"] {
        let line = out.lines().find(|l| l.contains(baseline)).unwrap_or_else(|| panic!("{baseline} in posture: {out}"));
        assert!(!line.contains("finding(s)"), "{line}");
    }
}

#[test]
fn calls_the_snapshot_does_not_have_are_unknown_not_findings() {
    // The insecure account's snapshot has no `DescribeFlowLogs`: its VPC is not reported for
    // lacking a flow log.
    let (out, _) = palisade(&["scan", "--format", "json", INSECURE]);
    assert!(!rule_ids(&out).iter().any(|(r, _)| r == "PAL-EC2-008"), "{out}");
}

/// (rule, line) of every `"# expect: ID[, ID]": 0` member of a fixture.
fn expected(text: &str) -> std::collections::BTreeSet<(String, u64)> {
    let mut out = std::collections::BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((_, rest)) = line.split_once("\"# expect:") {
            for id in rest.split('"').next().unwrap_or_default().split(',') {
                out.insert((id.trim().to_string(), i as u64 + 1));
            }
        }
    }
    out
}

/// (rule, line) of every finding of a scan.
fn reported(json: &str) -> std::collections::BTreeSet<(String, u64)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON report");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| (f["rule_id"].as_str().unwrap_or_default().to_string(), f["line"].as_u64().unwrap_or(0)))
        .collect()
}

#[test]
fn each_service_area_reports_exactly_the_marked_findings() {
    let dir = std::path::Path::new("tests/fixtures/snapshots/areas");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut areas = std::collections::BTreeMap::new();
    for path in &files {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let (area, kind) = name.split_once('.').unwrap();
        let fails = kind.starts_with("fail");
        let e = areas.entry(area.to_string()).or_insert((0, 0));
        if fails {
            e.0 += 1
        } else {
            e.1 += 1
        }
        let text = std::fs::read_to_string(path).unwrap();
        let (out, err) = palisade(&["scan", "--format", "json", path.to_str().unwrap()]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{name}: {err}"));
        let invalid: Vec<&serde_json::Value> =
            v["diagnostics"].as_array().unwrap().iter().filter(|d| d["kind"] != "not-analysed").collect();
        assert!(invalid.is_empty(), "{name}: {invalid:?}");
        let want = if fails { expected(&text) } else { Default::default() };
        assert!(!fails || !want.is_empty(), "{name} marks no finding");
        assert_eq!(reported(&out), want, "{name}");
    }
    for (area, (f, p)) in areas {
        assert!(f > 0 && p > 0, "{area} needs a failing and a passing snapshot");
    }
}
