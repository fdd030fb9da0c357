//! The IAM conformance suite: requests with AWS's documented answers
//! (`tests/iam_conformance/cases.json`), each decided by the evaluation engine that
//! `palisade iam can` uses. Every mismatch is reported with its case id and source.

use palisade::analyze::iam::arn::arn_match;
use palisade::analyze::iam::condition::Context;
use palisade::analyze::iam::eval::{Authorization, Labeled, Outcome, PolicySet};
use palisade::lower::policy_file::parse_document;
use palisade::model::PolicyDocument;
use serde_json::Value;

fn docs(v: Option<&Value>, what: &str, id: &str) -> Vec<PolicyDocument> {
    let Some(list) = v else { return Vec::new() };
    list.as_array()
        .unwrap_or_else(|| panic!("{id}: {what} is a list"))
        .iter()
        .enumerate()
        .map(|(i, d)| parse_document(&format!("{id}/{what}/{i}"), &d.to_string()).unwrap())
        .collect()
}

fn set<'a>(docs: &'a [PolicyDocument], what: &str) -> PolicySet<'a> {
    PolicySet {
        docs: docs
            .iter()
            .enumerate()
            .map(|(i, doc)| Labeled { label: format!("{what} {i}").into(), doc, file: None, attachment: None })
            .collect(),
        unknown: Vec::new(),
    }
}

/// The engine's answer for one case, as the data file spells it.
fn answer(case: &Value) -> String {
    let id = case["id"].as_str().unwrap();
    if let Some(m) = case.get("match") {
        assert_eq!(m["kind"], "arn", "{id}: unknown match kind");
        let hit = arn_match(m["pattern"].as_str().unwrap(), m["value"].as_str().unwrap());
        return if hit { "match" } else { "no match" }.to_string();
    }
    let p = &case["policies"];
    let identity = docs(p.get("identity"), "identity", id);
    let resource = docs(p.get("resource"), "resource", id);
    let boundary = docs(p.get("boundary"), "boundary", id);
    let session = docs(p.get("session"), "session", id);
    let scps: Vec<Vec<PolicyDocument>> = p
        .get("scps")
        .and_then(Value::as_array)
        .map(|levels| levels.iter().map(|l| docs(Some(l), "scp", id)).collect())
        .unwrap_or_default();
    let r = &case["request"];
    let mut ctx = Context::new().complete();
    if let Some(keys) = r.get("context").and_then(Value::as_object) {
        for (k, v) in keys {
            match v {
                Value::Array(vs) => {
                    for x in vs {
                        ctx.set(k, x.as_str().unwrap());
                    }
                }
                _ => {
                    ctx.set(k, v.as_str().unwrap());
                }
            }
        }
    }
    let auth = Authorization {
        principal_arn: r["principal"].as_str(),
        identity: set(&identity, "identity policy"),
        boundary: (!boundary.is_empty()).then(|| set(&boundary, "permissions boundary")),
        session: (!session.is_empty()).then(|| set(&session, "session policy")),
        scp_levels: scps.iter().map(|l| set(l, "SCP")).collect(),
        resource_policies: set(&resource, "resource policy"),
        resource_account: r.get("resource_account").and_then(Value::as_str),
    };
    let combined = auth.decide(r["action"].as_str().unwrap(), r["resource"].as_str(), &ctx);
    match combined.outcome {
        Outcome::Allow => "allow",
        Outcome::ExplicitDeny => "explicit deny",
        Outcome::ImplicitDeny => "implicit deny",
        Outcome::Unknown => "unknown",
    }
    .to_string()
}

#[test]
fn every_case_gives_aws_answer() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/iam_conformance/cases.json");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() >= 80, "the suite has {} cases", cases.len());
    let mut failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let source = &case["source"];
        assert!(source["url"].as_str().is_some_and(|u| u.starts_with("https://docs.aws.amazon.com/")), "{id}: source");
        assert!(source["quote"].as_str().is_some_and(|q| !q.is_empty()), "{id}: quote");
        let expected = case["expect"].as_str().unwrap();
        let got = answer(case);
        match (got == expected, case.get("expected_failure")) {
            (false, None) => failures.push(format!(
                "{id}: expected {expected}, got {got}\n    {}\n    \"{}\"",
                source["url"].as_str().unwrap(),
                source["quote"].as_str().unwrap()
            )),
            (true, Some(why)) => unexpected_passes.push(format!("{id} passes now; drop its expected_failure ({why})")),
            _ => {}
        }
    }
    assert!(
        failures.is_empty() && unexpected_passes.is_empty(),
        "{} of {} cases give a wrong answer:\n{}\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n"),
        unexpected_passes.join("\n")
    );
}
