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
    findings(json).into_iter().map(|(rule, resource, _)| (rule, resource)).collect()
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

/// A snapshot of one Region where GuardDuty's detectors were denied and no detector shows
/// elsewhere, Access Analyzer answered with none, and CloudTrail was not collected.
const BASELINE_DENIED: &str = r#"{
  "palisade_snapshot": 1, "account": "111122223333", "partition": "aws", "regions": ["eu-west-1"],
  "collected_at": "2026-06-01T00:00:00Z", "tool_version": "0.1.0",
  "errors": [
    {"service": "guardduty", "region": "eu-west-1", "call": "ListDetectors", "error": "AccessDeniedException",
     "permission": "guardduty:ListDetectors"}
  ],
  "global": {},
  "regional": {"eu-west-1": {
    "accessanalyzer": {"ListAnalyzers": {"analyzers": []}},
    "securityhub": {"GetEnabledStandards": null}
  }}
}"#;

fn posture_control<'v>(v: &'v serde_json::Value, control: &str) -> &'v serde_json::Value {
    v["posture"]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["controls"].as_array().unwrap())
        .find(|c| c["control"] == control)
        .unwrap_or_else(|| panic!("{control} in {v}"))
}

#[test]
fn a_baseline_whose_calls_were_not_answered_is_unknown_not_missing() {
    let dir = std::env::temp_dir().join(format!("palisade-baseline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("account.json");
    std::fs::write(&file, BASELINE_DENIED).unwrap();
    let path = file.to_str().unwrap();
    let (out, err) = palisade(&["posture", "--format", "json", "--lang", "en", path]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}"));
    // Denied: unknown, naming the call.
    let detector = posture_control(&v, "MON-04");
    assert_eq!(detector["status"], "unknown", "{detector}");
    assert_eq!(detector["unanswered"], serde_json::json!(["guardduty:ListDetectors in eu-west-1"]));
    assert!(detector["missing"].as_str().unwrap().contains("`guardduty:ListDetectors in eu-west-1`"));
    assert_eq!(detector["evidence"][0]["line"], 5, "the entry of `errors`: {detector}");
    // Not collected at all: unknown too.
    assert_eq!(posture_control(&v, "MON-01")["status"], "unknown");
    // Answered with none: missing, a failure.
    let analyzer = posture_control(&v, "MON-06");
    assert_eq!(analyzer["status"], "fail", "{analyzer}");
    assert!(analyzer.get("unanswered").is_none());
    assert_eq!(posture_control(&v, "MON-03")["status"], "fail", "Security Hub not enabled");
    // Text, in Korean and English.
    let (en, _) = palisade(&["posture", "--lang", "en", path]);
    let line = en.lines().find(|l| l.contains("MON-04")).unwrap();
    assert!(line.contains("UNKNOWN"), "{line}");
    assert!(en.contains("the snapshot has no answer to `guardduty:ListDetectors in eu-west-1`"), "{en}");
    let (ko, _) = palisade(&["posture", "--lang", "ko", path]);
    assert!(ko.contains("스냅숏에 `guardduty:ListDetectors in eu-west-1` 호출의 응답이 없음"), "{ko}");
    // The HTML report shows the same.
    let (html, _) = palisade(&["scan", "--format", "html", "--lang", "ko", path]);
    assert!(html.contains("guardduty:ListDetectors in eu-west-1"), "the HTML report names the call");
    std::fs::remove_dir_all(&dir).ok();
}

/// A trail and a detector that are listed, their status calls denied (`deny`) or answered
/// with a trail that logs and an enabled detector.
fn status_snapshot(deny: bool) -> String {
    let trail = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/main";
    let (errors, answers) = if deny {
        (
            format!(
                r#"{{"service": "cloudtrail", "region": "eu-west-1", "call": "GetTrailStatus", "resource": "{trail}",
                 "error": "AccessDeniedException", "permission": "cloudtrail:GetTrailStatus"}},
                {{"service": "guardduty", "region": "eu-west-1", "call": "GetDetector", "resource": "d1",
                 "error": "AccessDeniedException", "permission": "guardduty:GetDetector"}}"#
            ),
            String::new(),
        )
    } else {
        (String::new(), format!(r#", "GetTrailStatus": {{"{trail}": {{"IsLogging": true}}}}"#))
    };
    let detector = if deny { "" } else { r#", "GetDetector": {"d1": {"Status": "ENABLED"}}"# };
    format!(
        r#"{{"palisade_snapshot": 1, "account": "111122223333", "partition": "aws", "regions": ["eu-west-1"],
  "collected_at": "2026-06-01T00:00:00Z", "tool_version": "0.1.0", "errors": [{errors}], "global": {{}},
  "regional": {{"eu-west-1": {{
    "cloudtrail": {{"DescribeTrails": {{"trailList": [{{"Name": "main", "TrailARN": "{trail}", "HomeRegion": "eu-west-1",
      "IsMultiRegionTrail": true, "IncludeGlobalServiceEvents": true, "LogFileValidationEnabled": true, "S3BucketName": "logs",
      "KmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/k",
      "CloudWatchLogsLogGroupArn": "arn:aws:logs:eu-west-1:111122223333:log-group:trail:*"}}]}}{answers}}},
    "guardduty": {{"ListDetectors": {{"DetectorIds": ["d1"]}}{detector}}}
  }}}}
}}"#
    )
}

#[test]
fn a_trail_or_detector_whose_status_was_not_answered_is_unknown_not_present() {
    let dir = std::env::temp_dir().join(format!("palisade-status-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for deny in [true, false] {
        let file = dir.join(format!("account-{deny}.json"));
        std::fs::write(&file, status_snapshot(deny)).unwrap();
        let (out, err) = palisade(&["posture", "--format", "json", "--lang", "en", file.to_str().unwrap()]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}"));
        let trail = posture_control(&v, "MON-01");
        let detector = posture_control(&v, "MON-04");
        if deny {
            assert_eq!(trail["status"], "unknown", "{trail}");
            let call =
                "cloudtrail:GetTrailStatus in eu-west-1 for arn:aws:cloudtrail:eu-west-1:111122223333:trail/main";
            assert_eq!(trail["unanswered"], serde_json::json!([call]));
            assert_eq!(detector["status"], "unknown", "{detector}");
            let call = "guardduty:GetDetector in eu-west-1 for arn:aws:guardduty:eu-west-1:111122223333:detector/d1";
            assert_eq!(detector["unanswered"], serde_json::json!([call]));
        } else {
            assert_eq!(trail["status"], "pass", "{trail}");
            assert_eq!(detector["status"], "pass", "{detector}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// (rule, resource, message) of every finding of a scan.
fn findings(json: &str) -> Vec<(String, String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON report");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or_default().to_string(),
                f["resource"]["id"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

const ORGANIZATION: &str = "tests/fixtures/snapshots/organization";

#[test]
fn an_organization_folder_applies_its_service_control_policies_to_the_accounts_they_target() {
    let escalates = |found: &[(String, String, String)], user: &str| {
        found.iter().any(|(r, res, _)| r == "PAL-IAM-006" && res == user)
    };
    let prod_dev = "arn:aws:iam::111100000000:user/dev";
    let dev_dev = "arn:aws:iam::222200000000:user/dev";
    // Alone, the production account's snapshot says nothing of the organization's SCPs.
    let (out, _) = palisade(&["scan", "--format", "json", &format!("{ORGANIZATION}/prod.json")]);
    assert!(escalates(&findings(&out), prod_dev), "{out}");
    // With the management account's snapshot, the SCP attached to the production OU denies
    // `iam:PutUserPolicy` there; the development account, under the root only, keeps it.
    let (out, err) = palisade(&["scan", "--format", "json", ORGANIZATION]);
    let found = findings(&out);
    assert!(!escalates(&found, prod_dev), "{found:?} {err}");
    assert!(escalates(&found, dev_dev), "{found:?}");
    // What the SCP does not deny is still allowed in the production account.
    assert!(escalates(&found, "arn:aws:iam::111100000000:user/ops"), "{found:?}");
    // Each finding is located in its own snapshot.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["resource"]["id"] == dev_dev).unwrap();
    assert!(f["file"].as_str().unwrap().ends_with("dev.json"), "{f}");
    assert_eq!(f["line"], 15);
}

#[test]
fn trust_in_a_scanned_account_is_resolved_and_trust_in_another_is_external() {
    let (out, _) = palisade(&["scan", "--format", "json", ORGANIZATION]);
    let trust: Vec<(String, String, String)> =
        findings(&out).into_iter().filter(|(r, _, _)| r == "PAL-IAM-008").collect();
    let message = |role: &str| {
        trust.iter().find(|(_, res, _)| res.ends_with(role)).map(|(_, _, m)| m.clone()).unwrap_or_default()
    };
    let deploy = message("role/deploy");
    assert!(deploy.contains("222200000000 (a scanned account)"), "{deploy}");
    assert!(deploy.contains("`arn:aws:iam::222200000000:user/ci`"), "who may assume it: {deploy}");
    assert!(!deploy.contains("user/reader") && !deploy.contains("user/dev"), "{deploy}");
    let vendor = message("role/vendor");
    assert!(vendor.contains("333300000000, outside the scanned accounts"), "{vendor}");
    assert_eq!(trust.len(), 2, "{trust:?}");
    // Posture evidence names each resource's own snapshot.
    let (posture, _) = palisade(&["posture", ORGANIZATION]);
    assert!(posture.contains("organization/dev.json:36 arn:aws:iam::222200000000:user/ci"), "{posture}");
}

#[test]
fn malformed_parts_of_the_services_are_located_errors() {
    let dir = std::env::temp_dir().join(format!("palisade-snapshot-services-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/snapshots/areas/elb.fail.json").unwrap())
            .unwrap();
    v["regional"]["eu-west-1"]["elbv2"]["DescribeLoadBalancers"]["LoadBalancers"] = "web".into();
    v["regional"]["eu-west-1"]["eks"] = serde_json::json!({"ListClusters": {"clusters": {"apps": 1}}});
    let bad = dir.join("bad.json");
    std::fs::write(&bad, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (out, _) = palisade(&["scan", "--format", "json", bad.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for message in ["`LoadBalancers` must be a list", "`clusters` must be a list"] {
        let diag = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["message"].as_str().unwrap_or_default().contains(message));
        assert!(diag.is_some_and(|d| d["line"].as_u64().unwrap_or(0) > 0), "{message}: {out}");
    }
    // The classic load balancer is still judged.
    assert!(rule_ids(&out).iter().any(|(r, _)| r == "PAL-ELB-003"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn nat_and_egress_only_gateways_of_the_snapshot_decide_reachability() {
    let dir = std::env::temp_dir().join(format!("palisade-snapshot-nat-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("tests/fixtures/snapshots/areas/network.pass.json").unwrap())
            .unwrap();
    let ec2 = &mut v["regional"]["eu-west-1"]["ec2"];
    ec2["DescribeSecurityGroups"]["SecurityGroups"][0]["IpPermissions"] = serde_json::json!([
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
    ]);
    let instance = |id: &str, subnet: &str| {
        serde_json::json!({"InstanceId": id, "SubnetId": subnet, "VpcId": "vpc-1", "PublicIpAddress": "198.51.100.7",
            "State": {"Name": "running"}, "SecurityGroups": [{"GroupId": "sg-1"}]})
    };
    ec2["DescribeInstances"] = serde_json::json!({"Reservations": [{"Instances": [
        instance("i-private", "subnet-private"), instance("i-public", "subnet-public")
    ]}]});
    let file = dir.join("nat.json");
    std::fs::write(&file, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let (out, err) = palisade(&["net", "exposure", file.to_str().unwrap()]);
    let line =
        |id: &str| out.lines().find(|l| l.contains(id)).unwrap_or_else(|| panic!("{id}: {out}{err}")).to_string();
    let private = line("instance/i-private");
    assert!(private.contains("not exposed"), "{private}");
    assert!(
        private.contains("natgateway/nat-1") && private.contains("egress-only-internet-gateway/eigw-1"),
        "{private}"
    );
    assert!(line("instance/i-public").contains(" exposed"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_second_snapshot_of_the_same_account_is_reported_and_not_judged_twice() {
    let (out, _) = palisade(&["scan", "--format", "json", INSECURE, "tests/fixtures/snapshots/secure.json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let note = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap_or_default().contains("of account 111122223333 already"));
    assert!(note.is_some_and(|d| d["file"].as_str().unwrap().ends_with("secure.json") && d["line"] == 3), "{out}");
    let (alone, _) = palisade(&["scan", "--format", "json", INSECURE]);
    assert_eq!(rule_ids(&out), rule_ids(&alone));
}
