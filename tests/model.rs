//! `palisade model`: the document validates against docs/model-schema.json and says, for each
//! field, whether it is known, unknown or absent, and where.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn palisade(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_palisade")).args(args).current_dir(root()).output().unwrap()
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("docs/model-schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&schema).expect("the model schema compiles")
}

/// Runs `palisade model ARGS`, checks the exit status, and validates the document.
fn model(args: &[&str], status: i32) -> Value {
    let mut all = vec!["model"];
    all.extend(args);
    let out = palisade(&all);
    assert_eq!(out.status.code(), Some(status), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("the output is JSON");
    let errors: Vec<String> =
        validator().iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).take(20).collect();
    assert!(errors.is_empty(), "schema violations:\n{}", errors.join("\n"));
    doc
}

fn unit<'d>(doc: &'d Value, name: &str) -> &'d Value {
    doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"].as_str().is_some_and(|n| n.ends_with(name)))
        .unwrap_or_else(|| panic!("no unit {name}"))
}

fn by_id<'d>(items: &'d Value, id: &str) -> &'d Value {
    items.as_array().unwrap().iter().find(|i| i["meta"]["id"] == id).unwrap_or_else(|| panic!("no {id} in {items}"))
}

#[test]
fn examples_validate_and_fields_say_their_state() {
    let doc = model(&["examples"], 0);
    assert_eq!(doc["schema_version"], "1.0");
    assert_eq!(doc["tool"]["name"], "palisade");
    assert_eq!(doc["tool"]["version"], env!("CARGO_PKG_VERSION"));

    let stack = unit(&doc, "examples/insecure-stack.yaml");
    assert_eq!(stack["frontend"], "cloudformation");
    assert_eq!(stack["files"], serde_json::json!(["examples/insecure-stack.yaml"]));
    let m = &stack["model"];
    let bucket = by_id(&m["buckets"], "DataBucket");
    assert_eq!(bucket["meta"]["kind"], "AWS::S3::Bucket");
    assert_eq!(bucket["meta"]["model_kind"], "s3.bucket");
    assert_eq!(bucket["meta"]["span"]["line"], 146);
    // Written: known, with where.
    let acl = &bucket["access_control"];
    assert_eq!(acl["state"], "known");
    // In the model's vocabulary (the S3 API's spelling), with the text as written.
    assert_eq!(acl["value"]["value"], "public-read");
    assert_eq!(acl["value"]["source_text"], "PublicRead");
    assert_eq!(acl["span"]["file"], "examples/insecure-stack.yaml");
    assert_eq!(acl["span"]["line"], 149);
    assert_eq!(acl["span"]["col"], 22);
    // Not written: absent, located at the resource's properties.
    let enc = &bucket["encryption"];
    assert_eq!(enc["state"], "absent");
    assert!(enc.get("value").is_none());
    assert_eq!(enc["span"]["line"], 149);
    // `!If [IsProd, ...]` on a parameter without a default: unknown.
    let db = by_id(&m["db_instances"], "Database");
    let encrypted = &db["db"]["storage_encrypted"];
    assert_eq!(encrypted["state"], "unknown", "{encrypted}");
    assert!(encrypted.get("value").is_none());
    assert_eq!(encrypted["span"]["line"], 182);
    // A parameter default used elsewhere: the field says where it came from.
    let sg = by_id(&m["security_groups"], "WebServerSecurityGroup");
    let from_default = sg["ingress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["cidr_ipv4"])
        .find(|c| c.get("origin").is_some())
        .expect("a CIDR from the AdminCidr default");
    assert_eq!(from_default["value"], "0.0.0.0/0");
    assert_eq!(from_default["origin"]["span"]["line"], 14);
    // Every resource of the template, typed or not, with its source type.
    assert!(
        m["resources"].as_array().unwrap().iter().any(|r| r["id"] == "DataBucket" && r["kind"] == "AWS::S3::Bucket")
    );
    // Empty collections are left out.
    assert!(m.get("eks_clusters").is_none());

    // Facts: the publicly accessible database is exposed, with its path.
    let exposed = stack["facts"]["reachability"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["id"] == "Database")
        .expect("the database is judged");
    assert_eq!(exposed["verdict"], "exposed");
    assert!(!exposed["path"].as_array().unwrap().is_empty());
    let evidence = &stack["facts"]["evidence"];
    assert!(evidence["resources"].as_array().unwrap().iter().any(|r| r["id"] == "DataBucket"));

    // Kubernetes: all manifests form one unit.
    let k8s: Vec<&Value> = doc["units"].as_array().unwrap().iter().filter(|u| u["frontend"] == "kubernetes").collect();
    assert_eq!(k8s.len(), 1);
    let workloads = k8s[0]["model"]["k8s"]["workloads"].as_array().unwrap();
    assert!(!workloads.is_empty());
    for w in workloads {
        assert!(["known", "unknown", "absent"].contains(&w["pod"]["host_network"]["state"].as_str().unwrap()));
        assert!(w["obj"]["res"]["span"]["file"].as_str().unwrap().starts_with("examples/"));
    }
}

#[test]
fn parameters_decide_conditions() {
    let dir = tempfile::tempdir().unwrap();
    let params = dir.path().join("params.json");
    std::fs::write(&params, r#"{"Environment": "prod"}"#).unwrap();
    let doc = model(&["examples/insecure-stack.yaml", "--parameters", params.to_str().unwrap()], 0);
    let m = &unit(&doc, "examples/insecure-stack.yaml")["model"];
    let encrypted = &by_id(&m["db_instances"], "Database")["db"]["storage_encrypted"];
    assert_eq!(encrypted["state"], "known");
    assert_eq!(encrypted["value"], true);
}

#[test]
fn parameter_without_default_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let stack = dir.path().join("stack.yaml");
    std::fs::write(
        &stack,
        "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  BucketName:\n    Type: String\nResources:\n  \
Logs:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref BucketName\n",
    )
    .unwrap();
    let doc = model(&[stack.to_str().unwrap()], 0);
    let name = &by_id(&unit(&doc, "stack.yaml")["model"]["buckets"], "Logs")["name"];
    assert_eq!(name["state"], "unknown", "{name}");
    assert_eq!(name["span"]["line"], 9);
    assert_eq!(name["span"]["col"], 19);
}

#[test]
fn policy_file_and_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.json");
    std::fs::write(
        &policy,
        r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "All", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}
  ]
}
"#,
    )
    .unwrap();
    let out_file = dir.path().join("model.json");
    let out = palisade(&["model", policy.to_str().unwrap(), "--output", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert!(validator().is_valid(&doc));
    let u = unit(&doc, "policy.json");
    assert_eq!(u["frontend"], "policy");
    let document = &u["model"]["policy_file"]["document"];
    assert_eq!(document["version"]["state"], "known");
    assert_eq!(document["version"]["value"], "2012-10-17");
    let st = &document["statements"][0];
    assert_eq!(st["sid"], "All");
    assert_eq!(st["effect"]["value"], "allow");
    assert_eq!(st["effect"]["span"]["line"], 4);
    assert_eq!(st["action"]["items"][0]["value"], "s3:*");
}

#[test]
fn parse_errors_exit_2_with_a_valid_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources: [\n").unwrap();
    std::fs::copy(root().join("examples/secure-stack.yaml"), dir.path().join("stack.yaml")).unwrap();
    let doc = model(&[dir.path().to_str().unwrap()], 2);
    assert_eq!(doc["units"].as_array().unwrap().len(), 1);
    let diags = doc["diagnostics"].as_array().unwrap();
    assert!(diags.iter().any(|d| d["kind"] == "parse" && d["error"] == true), "{diags:?}");
}

#[test]
fn help_says_what_the_document_is_for() {
    let out = palisade(&["model", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("custom rules"), "{help}");
    assert!(help.contains("editor integrations"), "{help}");
    assert!(help.contains("docs/model-schema.json"), "{help}");
}
