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

/// Walks a document next to the schema and reports every object key the schema does not
/// describe where it appears, naming the schema definition (the model type) and the key.
struct KeyCheck<'s> {
    defs: &'s serde_json::Map<String, Value>,
    used: std::collections::BTreeSet<String>,
    /// What is not described, with the first place it appears in.
    problems: std::collections::BTreeMap<String, String>,
}

impl<'s> KeyCheck<'s> {
    /// The schemas that apply to an instance (following `$ref`, `allOf` and the branch of
    /// `anyOf`/`oneOf` that fits), each with the definition it belongs to.
    fn parts(&mut self, schema: &'s Value, def: &str, v: &Value, out: &mut Vec<(String, &'s Value)>) {
        out.push((def.to_string(), schema));
        if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
            let name = r.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("unexpected $ref {r}"));
            self.used.insert(name.to_string());
            let target = self.defs.get(name).unwrap_or_else(|| panic!("no $defs/{name}"));
            self.parts(target, name, v, out);
        }
        for s in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
            self.parts(s, def, v, out);
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array) {
                match branches.iter().find(|b| self.fits(b, v)) {
                    Some(b) => self.parts(b, def, v, out),
                    None => {
                        self.problems
                            .entry(format!("`{def}`: no `{key}` branch fits"))
                            .or_insert_with(|| format!("{v:.80}"));
                    }
                }
            }
        }
    }

    /// Whether a branch of a choice is the one for this instance: its type, and for objects
    /// its required keys (and, when it is closed, its property names).
    fn fits(&self, schema: &Value, v: &Value) -> bool {
        let schema = match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => &self.defs[r.trim_start_matches("#/$defs/")],
            None => schema,
        };
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            return values.contains(v);
        }
        if let Some(branches) = schema.get("oneOf").or(schema.get("anyOf")).and_then(Value::as_array) {
            return branches.iter().any(|b| self.fits(b, v));
        }
        let ty = match v {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        match schema.get("type").and_then(Value::as_str) {
            Some(t) if t != ty && !(t == "number" && ty == "integer") => return false,
            _ => {}
        }
        if let Value::Object(o) = v {
            let required = schema.get("required").and_then(Value::as_array).into_iter().flatten();
            if !required.filter_map(Value::as_str).all(|k| o.contains_key(k)) {
                return false;
            }
            if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
                let props = schema.get("properties");
                return o.keys().all(|k| props.is_some_and(|p| p.get(k).is_some()));
            }
        }
        true
    }

    /// Checks `v` against every schema in `schemas` (all of them apply to it).
    fn check(&mut self, schemas: Vec<(String, &'s Value)>, at: &str, v: &Value) {
        let mut parts = Vec::new();
        for (def, schema) in &schemas {
            self.parts(schema, def, v, &mut parts);
        }
        let def = schemas.first().map(|(d, _)| d.clone()).unwrap_or_default();
        match v {
            Value::Object(o) => {
                let described: Vec<&(String, &Value)> =
                    parts.iter().filter(|(_, s)| s.get("properties").is_some()).collect();
                let owner = described.last().map(|(d, _)| d.clone()).unwrap_or(def);
                for (key, item) in o {
                    let subs: Vec<(String, &'s Value)> = parts
                        .iter()
                        .filter_map(|(d, s)| s.get("properties").and_then(|p| p.get(key)).map(|s| (d.clone(), s)))
                        .collect();
                    if subs.is_empty() {
                        self.problems
                            .entry(format!("`{owner}` has no property `{key}`"))
                            .or_insert_with(|| format!("at {at}/{key}"));
                        continue;
                    }
                    self.check(subs, &format!("{at}/{key}"), item);
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let subs: Vec<(String, &'s Value)> = parts
                        .iter()
                        .filter_map(|(d, s)| {
                            s.get("prefixItems")
                                .and_then(|p| p.get(i))
                                .or_else(|| s.get("items").filter(|s| s.is_object()))
                                .map(|s| (d.clone(), s))
                        })
                        .collect();
                    if subs.is_empty() {
                        self.problems
                            .entry(format!("`{def}`: items not described"))
                            .or_insert_with(|| format!("at {at}"));
                        break;
                    }
                    self.check(subs, &format!("{at}/{i}"), item);
                }
            }
            _ => {}
        }
    }
}

/// Every key of the document is described by the schema where it appears: a model type that
/// gains a field fails here until the schema says what the field is.
#[test]
fn schema_describes_every_key() {
    let text = std::fs::read_to_string(root().join("docs/model-schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let mut check =
        KeyCheck { defs: schema["$defs"].as_object().unwrap(), used: Default::default(), problems: Default::default() };
    let mut fixtures: Vec<String> = std::fs::read_dir(root().join("src/rules"))
        .unwrap()
        .map(|e| e.unwrap().path().join("fixtures"))
        .filter(|p| p.is_dir())
        .map(|p| p.strip_prefix(root()).unwrap().to_string_lossy().into_owned())
        .collect();
    fixtures.sort();
    assert!(fixtures.len() > 10, "{fixtures:?}");
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.json");
    std::fs::write(
        &policy,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
            "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}"#,
    )
    .unwrap();
    let runs: Vec<Vec<&str>> =
        vec![vec!["examples"], fixtures.iter().map(String::as_str).collect(), vec![policy.to_str().unwrap()]];
    for args in &runs {
        let doc = model(args, 0);
        check.check(vec![("(document)".to_string(), &schema)], "", &doc);
    }
    let problems: Vec<String> = check.problems.iter().map(|(p, at)| format!("{p} (e.g. {at})")).collect();
    assert!(
        problems.is_empty(),
        "docs/model-schema.json does not describe the output (regenerate it with \
         scripts/gen-model-schema.py):\n{}",
        problems.join("\n")
    );
    // Definitions nothing refers to are left over from older models.
    let unused: Vec<&String> = check.defs.keys().filter(|d| !check.used.contains(*d)).collect();
    let mut referenced = std::collections::BTreeSet::new();
    let all = serde_json::to_string(&schema).unwrap();
    for d in check.defs.keys() {
        if all.contains(&format!("\"#/$defs/{d}\"")) {
            referenced.insert(d.clone());
        }
    }
    let orphans: Vec<&&String> = unused.iter().filter(|d| !referenced.contains(**d)).collect();
    assert!(orphans.is_empty(), "definitions no other part of the schema refers to: {orphans:?}");
}
