//! Compliance frameworks: the coverage view of `palisade posture --framework`, and the
//! requirement ids findings carry in every machine-readable format.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use palisade::compliance::Framework;
use palisade::posture::Posture;
use palisade::posture::framework::{RequirementCoverage, RequirementStatus};
use palisade::scan::{ScanOptions, scan};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn palisade(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(root()).env("NO_COLOR", "1").output().unwrap()
}

fn posture_of(paths: &[&str]) -> Posture {
    let opts =
        ScanOptions { paths: paths.iter().map(|p| root().join(p)).collect::<Vec<PathBuf>>(), ..ScanOptions::default() };
    Posture::of(&scan(&opts).unwrap())
}

fn requirement<'a>(p: &'a Posture, f: Framework, id: &str) -> &'a RequirementCoverage {
    p.framework(f)
        .unwrap()
        .domains
        .iter()
        .flat_map(|d| &d.requirements)
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("{} has no requirement {id}", f.key()))
}

fn evidenced_by(r: &RequirementCoverage, resource: &str) -> bool {
    r.evidence.iter().any(|e| e.resource == resource && e.detail == "no finding")
}

#[test]
fn the_seed_requirements_of_the_secure_stack_pass_with_their_evidence() {
    let p = posture_of(&["examples/secure-stack.yaml"]);
    // "ISMS-P: network access control" on the web and database security groups.
    for id in ["2.6.1", "2.6.2"] {
        let r = requirement(&p, Framework::IsmsP, id);
        assert_eq!(r.status, RequirementStatus::Pass, "{id}: {r:#?}");
        assert!(evidenced_by(r, "WebServerSecurityGroup"), "{id}: {r:#?}");
    }
    assert!(evidenced_by(requirement(&p, Framework::IsmsP, "2.6.1"), "DatabaseSecurityGroup"));
    // "ISMS-P: access control and encryption" on the data bucket: its access settings (2.10.2,
    // cloud security: no public access), encryption (2.7.1), key management (2.7.2).
    for id in ["2.10.2", "2.7.1", "2.7.2"] {
        let r = requirement(&p, Framework::IsmsP, id);
        assert_eq!(r.status, RequirementStatus::Pass, "{id}: {r:#?}");
        assert!(evidenced_by(r, "SecureBucket"), "{id}: {r:#?}");
        assert!(r.findings.is_empty());
    }
    assert!(evidenced_by(requirement(&p, Framework::IsmsP, "2.7.2"), "DataKey"));
    // Database access (2.6.4): the database and its security group.
    let db = requirement(&p, Framework::IsmsP, "2.6.4");
    assert_eq!(db.status, RequirementStatus::Pass, "{db:#?}");
    assert!(evidenced_by(db, "SecureDatabase") && evidenced_by(db, "DatabaseSecurityGroup"), "{db:#?}");
    // What no template shows is never passed.
    for id in ["1.1.1", "2.4.2", "3.1.1", "2.11.5"] {
        let r = requirement(&p, Framework::IsmsP, id);
        assert_eq!(r.status, RequirementStatus::NotDecidable, "{id}");
        assert_eq!(r.reason, Some("organisational"), "{id}");
    }
    assert_eq!(requirement(&p, Framework::IsmsP, "2.5.2").reason, Some("no-rule"));
}

#[test]
fn the_web_tier_evidences_network_access_control_with_its_three_tiers() {
    let p = posture_of(&["examples/web-tier.yaml"]);
    let r = requirement(&p, Framework::IsmsP, "2.6.1");
    assert_eq!(r.status, RequirementStatus::Pass, "{r:#?}");
    for sg in ["WebServerSecurityGroup", "AppSecurityGroup", "DatabaseSecurityGroup"] {
        assert!(evidenced_by(r, sg), "{sg}: {r:#?}");
    }
    // The informational exposure inventory (the web server on 80/443) fails nothing.
    assert!(r.findings.is_empty(), "{r:#?}");
    let db = requirement(&p, Framework::IsmsP, "2.7.1");
    assert_eq!(db.status, RequirementStatus::Pass);
    assert!(evidenced_by(db, "Database"));
}

#[test]
fn the_posture_command_prints_the_isms_p_view_with_its_evidence() {
    let out = palisade(&["posture", "--framework", "isms-p", "examples/secure-stack.yaml"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let block = |id: &str| {
        let start = text.find(&format!(" {id} ")).unwrap_or_else(|| panic!("{id} missing:\n{text}"));
        let rest = &text[start..];
        let end = rest[1..].find("\n  PASS").or_else(|| rest[1..].find("\n  FAIL")).unwrap_or(rest.len() - 1);
        rest[..end + 1].to_string()
    };
    assert!(text.starts_with("KISA ISMS-P 2023 coverage"), "{text}");
    assert!(text.contains("\n2.6 Access Control ("), "grouped by the framework's domains:\n{text}");
    let network = block("2.6.1");
    assert!(network.contains("2.6.1 Network Access: ") && network.contains("WebServerSecurityGroup"), "{network}");
    assert!(text.contains("  PASS 2.6.1 "), "{text}");
    assert!(text.contains("  PASS 2.7.1 "), "{text}");
    assert!(block("2.7.1").contains("SecureBucket"), "{}", block("2.7.1"));
    assert!(text.contains("1.1.1 Executive Participation: not decidable by Palisade (organisational)"), "{text}");
    assert!(text.contains("101 requirements: "), "{text}");
}

#[test]
fn findings_fail_the_requirements_they_evidence() {
    let p = posture_of(&["examples/insecure-stack.yaml"]);
    let r = requirement(&p, Framework::IsmsP, "2.6.1");
    assert_eq!(r.status, RequirementStatus::Fail, "{r:#?}");
    assert!(r.failed > 0 && r.findings.iter().any(|f| f.rule.starts_with("PAL-EC2-")), "{r:#?}");
    // The same findings, through CIS and FSBP ids.
    let cis = requirement(&p, Framework::Cis6, "6.3");
    assert_eq!(cis.status, RequirementStatus::Fail, "{cis:#?}");
    assert!(cis.findings.iter().all(|f| f.rule == "PAL-EC2-001"), "{cis:#?}");
    // The summary counts what the requirements say.
    let c = p.framework(Framework::IsmsP).unwrap();
    let s = &c.summary;
    assert_eq!(s.requirements, 101);
    assert_eq!(s.evidenced, s.passed + s.failed);
    assert_eq!(s.requirements, s.evidenced + s.no_evidence + s.not_decidable);
    assert!(s.failed > 0);
}

#[test]
fn requirements_without_anything_to_check_have_no_evidence() {
    // A template with only a bucket: network requirements have rules but nothing to check.
    let p = posture_of(&["src/rules/s3/fixtures/s3-versioning.pass.yaml"]);
    let r = requirement(&p, Framework::Cis6, "6.2");
    assert_eq!(r.status, RequirementStatus::NoEvidence, "{r:#?}");
    assert!(!r.rules.is_empty());
}

#[test]
fn posture_json_carries_every_framework_for_a_framework_selector() {
    let out = palisade(&["posture", "--format", "json", "--framework", "pci-4.0", "examples/secure-stack.yaml"]);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["framework"], "pci-4.0");
    let fws = v["posture"]["frameworks"].as_array().unwrap();
    let keys: Vec<&str> = fws.iter().map(|f| f["framework"].as_str().unwrap()).collect();
    assert_eq!(keys, ["isms-p", "cis-6.0", "cis-7.0", "pci-4.0", "fsbp"]);
    for f in fws {
        let total: u64 =
            f["domains"].as_array().unwrap().iter().map(|d| d["requirements"].as_array().unwrap().len() as u64).sum();
        assert_eq!(f["summary"]["requirements"].as_u64(), Some(total));
        assert!(f["name"].as_str().is_some_and(|n| !n.is_empty()));
    }
    let unknown = palisade(&["posture", "--framework", "nist", "examples/secure-stack.yaml"]);
    assert!(!unknown.status.success());
}

#[test]
fn findings_carry_their_requirement_ids_in_every_machine_format() {
    let args = |format: &str| palisade(&["scan", "--format", format, "--soft-fail", "examples/insecure-stack.yaml"]);
    let json: Value = serde_json::from_slice(&args("json").stdout).unwrap();
    let f = json["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == "PAL-EC2-001").unwrap();
    let refs: Vec<&str> = f["compliance"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert!(
        refs.contains(&"isms-p:2.6.1") && refs.contains(&"cis-6.0:6.3") && refs.contains(&"fsbp:EC2.13"),
        "{refs:?}"
    );

    let sarif: Value = serde_json::from_slice(&args("sarif").stdout).unwrap();
    let rule = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "PAL-EC2-001")
        .unwrap();
    assert!(rule["properties"]["compliance"].as_array().unwrap().iter().any(|v| v == "isms-p:2.6.1"));
    assert!(rule["properties"]["tags"].as_array().unwrap().iter().any(|v| v == "pci-4.0:1.3.1"));

    let asff: Value = serde_json::from_slice(&args("asff").stdout).unwrap();
    let f = asff["Findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["GeneratorId"].as_str().unwrap_or("").contains("PAL-EC2-001"))
        .unwrap();
    assert_eq!(f["Compliance"]["Status"], "FAILED");
    let related = f["Compliance"]["RelatedRequirements"].as_array().unwrap();
    assert!(related.iter().any(|v| v == "KISA ISMS-P 2023/2.6.1"), "{related:?}");
    assert!(related.len() <= 32);

    let ocsf: Value = serde_json::from_slice(&args("ocsf").stdout).unwrap();
    let f = ocsf.as_array().unwrap().iter().find(|f| f["compliance"]["control"] == "PAL-EC2-001").unwrap();
    assert!(f["compliance"]["requirements"].as_array().unwrap().iter().any(|v| v == "cis-7.0:6.3"));
    assert!(f["compliance"]["standards"].as_array().unwrap().iter().any(|v| v == "KISA ISMS-P 2023"));
}

#[test]
fn rule_documentation_lists_the_requirements_with_their_titles() {
    let out = palisade(&["rule", "PAL-S3-001"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## Compliance"), "{text}");
    assert!(text.contains("`fsbp:S3.1` S3 Block Public Access setting should be enabled"), "{text}");
    assert!(text.contains("`isms-p:2.10.2` Cloud Security"), "{text}");
    let out = palisade(&["rules", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = v.as_array().or_else(|| v["rules"].as_array()).unwrap();
    assert!(rules.iter().all(|r| r["compliance"].is_array()));
}
