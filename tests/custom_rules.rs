//! Custom rules in Rego, through the real binary: the example rules pass their own tests, a
//! custom finding is located exactly in every report format, the filter stage treats it like
//! a built-in one, and broken rules are located diagnostics that do not stop the scan.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn palisade(args: &[&str], dir: &Path) -> Output {
    palisade_env(args, dir, &[])
}

fn palisade_env(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_palisade"));
    c.args(args).current_dir(dir).env("NO_COLOR", "1").env_remove("PALISADE_RULES");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const RULE: &str = r#"# METADATA
# title: Buckets keep object versions
# description: Versions let deleted or overwritten objects be recovered.
# custom:
#   id: ACME-S3-001
#   severity: medium
#   layer: data
#   controls: [DATA-05]
#   well_architected: [SEC09-BP01]
#   remediation: Set `VersioningConfiguration.Status` to `Enabled`.
#   examples: [fixtures/versioning.fail.yaml, fixtures/versioning.pass.yaml]
package acme.versioning

import data.palisade.lib

deny contains {"msg": sprintf("bucket `%s` does not keep versions", [b.meta.id]), "at": b.versioning} if {
	some b in lib.resources("s3.bucket")
	lib.value(b.versioning) != "Enabled"
}

deny contains {"msg": sprintf("bucket `%s` has no versioning configuration", [b.meta.id]), "at": b} if {
	some b in lib.resources("s3.bucket")
	lib.is_absent(b.versioning)
}
"#;

/// Line 6, column 17: `Suspended`.
const STACK: &str = "Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended # expect: ACME-S3-001
  Other:
    Type: AWS::S3::Bucket
";

const PASSING: &str = "Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
";

/// A directory with the rule, its examples and the stack to scan.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "rules/versioning.rego", RULE);
    write(dir.path(), "rules/fixtures/versioning.fail.yaml", &STACK[..STACK.find("  Other:").unwrap()]);
    write(dir.path(), "rules/fixtures/versioning.pass.yaml", PASSING);
    write(dir.path(), "stack.yaml", STACK);
    dir
}

fn json_scan(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["scan", "--format", "json", "--rules", "rules", "stack.yaml"];
    all.extend_from_slice(args);
    let out = palisade(&all, dir);
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap(), v)
}

fn custom_findings(v: &Value) -> Vec<&Value> {
    v["findings"].as_array().unwrap().iter().filter(|f| f["rule_id"] == "ACME-S3-001").collect()
}

#[test]
fn the_example_rules_pass_their_tests() {
    let out = palisade(&["test-rules", "examples/rules"], root());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr(&out));
    assert!(text.contains("5 rules, 22 examples: 22 passed, 0 failed"), "{text}");
    for id in ["ORG-TAG-REQ", "ORG-EC2-TYPE", "ORG-S3-REPL", "ORG-NET-PRIV", "ORG-NET-443"] {
        assert!(text.contains(&format!("ok   {id} ")), "{id}: {text}");
    }
    // Every rule has failing and passing examples in CloudFormation and Terraform; the tags
    // rule in Kubernetes too.
    for lang in [".fail.yaml", ".pass.yaml", ".fail.tf", ".pass.tf"] {
        assert_eq!(text.matches(lang).count(), 5, "{lang}: {text}");
    }
    assert!(text.contains("required-tags.fail.k8s.yaml") && text.contains("required-tags.pass.k8s.yaml"));
}

#[test]
fn failing_examples_show_what_was_expected_and_found() {
    let dir = project();
    // The passing example now fails, and the failing one expects a line the rule does not
    // report.
    write(dir.path(), "rules/fixtures/versioning.pass.yaml", &PASSING.replace("Enabled", "Suspended"));
    let fail = STACK[..STACK.find("  Other:").unwrap()].replace("Suspended # expect: ACME-S3-001", "Suspended");
    write(dir.path(), "rules/fixtures/versioning.fail.yaml", &fail.replace("  Logs:", "  Logs: # expect: ACME-S3-001"));
    let out = palisade(&["test-rules", "rules"], dir.path());
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("FAIL ACME-S3-001 rules/fixtures/versioning.fail.yaml"), "{text}");
    assert!(text.contains("line 2: expected a finding of ACME-S3-001, found none"), "{text}");
    assert!(text.contains("line 6: unexpected finding: bucket `Logs` does not keep versions"), "{text}");
    assert!(text.contains("FAIL ACME-S3-001 rules/fixtures/versioning.pass.yaml"), "{text}");
    assert!(text.contains("0 passed, 2 failed"), "{text}");
}

#[test]
fn a_custom_finding_is_located_exactly_in_every_format() {
    let dir = project();
    let scan = |format: &str| {
        let out =
            palisade(&["scan", "--rules", "rules", "stack.yaml", "--select", "ACME-S3-001", "-f", format], dir.path());
        assert_eq!(out.status.code(), Some(1), "{format}: {}{}", stdout(&out), stderr(&out));
        stdout(&out)
    };
    let json = |format: &str| -> Value { serde_json::from_str(&scan(format)).unwrap() };

    let text = scan("text");
    assert!(
        text.contains("stack.yaml:6:17: ACME-S3-001 [medium] versioning: bucket `Logs` does not keep versions"),
        "{text}"
    );
    assert!(
        text.contains(
            "stack.yaml:7:3: ACME-S3-001 [medium] versioning: bucket `Other` has no versioning configuration"
        ),
        "at its name: {text}"
    );
    assert!(scan("compact").contains("stack.yaml:6:17: ACME-S3-001 [medium] bucket `Logs` does not keep versions"));
    assert!(
        scan("github").contains("file=stack.yaml,line=6,col=17,endLine=6,endColumn=26,title=ACME-S3-001 versioning")
    );
    assert!(scan("junit").contains("stack.yaml:6:17: bucket `Logs` does not keep versions"));
    assert!(
        scan("markdown")
            .contains("| medium | `ACME-S3-001` versioning | `stack.yaml:6` | bucket `Logs` does not keep versions |")
    );
    // The HTML report carries its findings as a JSON payload: file index, line, column, resource.
    let html = scan("html");
    assert!(html.contains(r#""files":["stack.yaml"]"#) && html.contains(r#",0,6,17,"Logs","#), "{html}");

    let j = json("json");
    let f = custom_findings(&j).into_iter().find(|f| f["line"] == 6).expect("the finding");
    assert_eq!(
        (f["file"].as_str(), f["column"].as_u64(), f["end_column"].as_u64()),
        (Some("stack.yaml"), Some(17), Some(26))
    );
    assert_eq!(f["resource"]["id"], "Logs");
    assert_eq!(f["severity"], "medium");

    let sarif = json("sarif");
    let run = &sarif["runs"][0];
    assert!(run["tool"]["driver"]["rules"].as_array().unwrap().iter().any(|r| r["id"] == "ACME-S3-001"));
    let result = run["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "ACME-S3-001").unwrap();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(6), Some(17)));

    let asff = json("asff");
    let finding = asff["Findings"]
        .as_array()
        .or(asff.as_array())
        .unwrap()
        .iter()
        .find(|f| f["GeneratorId"] == "palisade/ACME-S3-001");
    let finding = finding.expect("the ASFF finding");
    assert!(finding.to_string().contains("\"palisade/Line\":\"6\""), "{finding}");

    let ocsf = json("ocsf");
    let item =
        ocsf.as_array().unwrap().iter().find(|f| f.to_string().contains("ACME-S3-001") && f["unmapped"]["line"] == 6);
    assert_eq!(item.expect("the OCSF finding")["unmapped"]["column"], 17);

    let gitlab = json("gitlab");
    let v = gitlab["vulnerabilities"].as_array().unwrap().iter().find(|v| v["location"]["start_line"] == 6).unwrap();
    assert_eq!(v["location"]["file"], "stack.yaml");
    assert!(v.to_string().contains("ACME-S3-001"));
}

#[test]
fn related_locations_come_from_the_result_and_from_field_origins() {
    let out = palisade(
        &[
            "scan",
            "--rules",
            "examples/rules",
            "--select",
            "ORG-EC2-TYPE",
            "-f",
            "json",
            "examples/rules/fixtures/allowed-instance-types.fail.yaml",
        ],
        root(),
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = v["findings"].as_array().unwrap().iter().find(|f| f["line"] == 12).expect("the instance type");
    assert_eq!(f["related"][0]["line"], 6, "the parameter default: {f}");
    assert_eq!(f["related"][0]["message"], "default of parameter `WorkerType`");

    let out = palisade(
        &[
            "scan",
            "--rules",
            "examples/rules",
            "--select",
            "ORG-NET-443",
            "-f",
            "json",
            "examples/rules/fixtures/exposed-ports-https-only.fail.yaml",
        ],
        root(),
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!((f["line"].as_u64(), f["resource"]["id"].as_str()), (Some(50), Some("Web")));
    let hops: Vec<&str> = f["related"].as_array().unwrap().iter().map(|r| r["message"].as_str().unwrap()).collect();
    assert!(hops.iter().any(|h| h.contains("allows tcp/22 from the internet")), "{hops:?}");
}

#[test]
fn suppressions_baselines_selection_and_severity_apply_to_custom_findings() {
    let dir = project();
    let (code, v) = json_scan(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(custom_findings(&v).len(), 2);
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["rule_id"].as_str().unwrap().starts_with("PAL-")));

    // --select / --ignore, by id and by slug.
    let (_, v) = json_scan(dir.path(), &["--select", "ACME-S3-001"]);
    assert!(v["findings"].as_array().unwrap().iter().all(|f| f["rule_id"] == "ACME-S3-001"));
    let (_, v) = json_scan(dir.path(), &["--ignore", "versioning"]);
    assert!(custom_findings(&v).is_empty());
    let (_, v) = json_scan(dir.path(), &["--select", "ACME"]);
    assert_eq!(custom_findings(&v).len(), 2, "an id prefix selects custom rules");

    // An inline suppression, without a warning about an unknown rule.
    write(
        dir.path(),
        "stack.yaml",
        &STACK.replace("Suspended # expect: ACME-S3-001", "Suspended # palisade:ignore ACME-S3-001 scratch data"),
    );
    let (_, v) = json_scan(dir.path(), &["--select", "ACME-S3-001"]);
    assert_eq!(custom_findings(&v).len(), 1, "{v}");
    assert!(v["diagnostics"].as_array().unwrap().is_empty(), "{}", v["diagnostics"]);
    write(dir.path(), "stack.yaml", STACK);

    // A baseline.
    let out = palisade(&["scan", "--rules", "rules", "stack.yaml", "--write-baseline", "base.json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(dir.path().join("base.json")).unwrap().contains("ACME-S3-001"));
    let (code, v) = json_scan(dir.path(), &["--baseline", "base.json"]);
    assert_eq!((code, v["findings"].as_array().unwrap().len()), (0, 0), "{v}");

    // The configuration: rules from `[rules] paths`, a severity override and a per-path
    // ignore naming the custom rule.
    write(
        dir.path(),
        "palisade.toml",
        "select = [\"ACME-S3-001\"]\n[rules]\npaths = [\"rules\"]\n[severity]\nACME-S3-001 = \"critical\"\n",
    );
    let out = palisade(&["scan", "-f", "json", "stack.yaml"], dir.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let found = custom_findings(&v);
    assert_eq!(found.len(), 2, "{v}");
    assert!(found.iter().all(|f| f["severity"] == "critical"));
    write(
        dir.path(),
        "palisade.toml",
        "[rules]\npaths = [\"rules\"]\n[per-path-ignores]\n\"stack.yaml\" = [\"ACME-S3-001\"]\n",
    );
    let out = palisade(&["scan", "-f", "json", "stack.yaml"], dir.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(custom_findings(&v).is_empty());
    // Without the rules, the configuration names an unknown rule: an error at its line.
    write(dir.path(), "palisade.toml", "[severity]\nACME-S3-001 = \"critical\"\n");
    let out = palisade(&["scan", "stack.yaml"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("palisade.toml:2:15: unknown rule `ACME-S3-001`"), "{}", stderr(&out));
    // ... unless `--rules` (here from the environment) provides it.
    let out = palisade_env(&["scan", "-f", "json", "stack.yaml"], dir.path(), &[("PALISADE_RULES", "rules")]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    assert!(custom_findings(&v).iter().all(|f| f["severity"] == "critical") && !custom_findings(&v).is_empty());
}

#[test]
fn custom_rules_are_listed_and_documented_like_built_in_ones() {
    let dir = project();
    let out = palisade(&["rules", "--rules", "rules"], dir.path());
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with("ACME-S3-001") && l.contains("versioning") && l.contains("DATA-05")),
        "{text}"
    );
    let out = palisade(&["rules", "--rules", "rules", "--format", "json"], dir.path());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = v.as_array().unwrap().iter().find(|r| r["id"] == "ACME-S3-001").unwrap();
    assert_eq!(r["languages"], serde_json::json!(["cloudformation"]));
    let out = palisade(&["rule", "ACME-S3-001", "--rules", "rules"], dir.path());
    let doc = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(doc.starts_with("# ACME-S3-001 versioning: Buckets keep object versions"), "{doc}");
    assert!(doc.contains("## Failing example") && doc.contains("Status: Suspended\n"), "{doc}");
    assert!(!doc.contains("# expect:"), "{doc}");
    // Without the rules, the id is unknown.
    assert_eq!(palisade(&["rule", "ACME-S3-001"], dir.path()).status.code(), Some(2));
}

#[test]
fn broken_rules_are_located_and_the_scan_goes_on() {
    let dir = project();
    let header = |id: &str| RULE[..RULE.find("package").unwrap()].replace("ACME-S3-001", id);
    // A syntax error at line 15 (an unclosed list).
    write(
        dir.path(),
        "rules/syntax.rego",
        &format!("{}package acme.syntax\n\ndeny contains x if {{\n\tx := [1,\n}}\n", header("ACME-BAD-001")),
    );
    // Metadata without a severity: at the METADATA line.
    let nometa = header("ACME-BAD-002").replace("#   severity: medium\n", "").replace("# METADATA", "\n# METADATA");
    write(dir.path(), "rules/nometa.rego", &format!("{nometa}package acme.nometa\n\ndeny contains 1 if false\n"));
    // A runtime error on every model (a result that is not an object with a location), and
    // one that exceeds its time limit.
    write(
        dir.path(),
        "rules/runtime.rego",
        &format!("{}package acme.runtime\n\ndeny contains \"just a string\" if true\n", header("ACME-BAD-003")),
    );
    write(
        dir.path(),
        "rules/slow.rego",
        &format!(
            "{}package acme.slow\n\ndeny contains {{\"msg\": \"x\", \"at\": input.model.buckets[0]}} if {{\n\tcount(input.model.buckets) > 0\n\tsome i in numbers.range(1, 100000)\n\tsome j in numbers.range(1, 100000)\n\ti * j < 0\n}}\n",
            header("ACME-BAD-004")
        ),
    );
    // Ten billion steps for the slow rule; half a second leaves the good rule room on a busy
    // machine.
    write(dir.path(), "palisade.toml", "[rules]\ntime-limit-ms = 500\n");
    let (code, v) = json_scan(dir.path(), &[]);
    assert_eq!(code, 2, "rule errors are errors");
    assert_eq!(custom_findings(&v).len(), 2, "the good rule still reports");
    let diags: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!("{}:{}:{}: {}", d["file"].as_str().unwrap(), d["line"], d["column"], d["message"].as_str().unwrap())
        })
        .collect();
    let has = |prefix: &str, words: &str| diags.iter().any(|d| d.starts_with(prefix) && d.contains(words));
    assert!(has("rules/syntax.rego:15:7:", "custom rule"), "{diags:#?}");
    assert!(has("rules/nometa.rego:2:1:", "METADATA lacks `custom.severity`"), "{diags:#?}");
    assert!(has("rules/runtime.rego:", "custom rule ACME-BAD-003 on stack.yaml"), "{diags:#?}");
    assert!(has("rules/slow.rego:", "time limit"), "{diags:#?}");
    // The text report says it too, with the rule file's place.
    let out = palisade(&["scan", "--rules", "rules", "stack.yaml"], dir.path());
    assert!(stdout(&out).contains("rules/nometa.rego:2:1"), "{}", stdout(&out));

    // test-rules fails for rule files that do not load.
    let out = palisade(&["test-rules", "rules"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("rules/syntax.rego:15:7:"), "{}", stdout(&out));
}
