//! Arbitrary policy documents never make the IAM rules or the evaluator panic.

use palisade::analyze::iam::condition::Context;
use palisade::analyze::iam::query;
use palisade::scan::{ScanOptions, scan_source};
use palisade::source::SourceFile;
use proptest::prelude::*;
use serde_json::{Value, json};

fn text() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("*")),
        Just(json!("s3:Get*")),
        Just(json!("iam:PassRole")),
        Just(json!("arn:aws:s3:::b/*")),
        Just(json!("arn:aws:iam::111122223333:root")),
        Just(json!("${aws:username}")),
        "[a-z0-9:*?/${}-]{0,20}".prop_map(Value::String),
        any::<i64>().prop_map(|n| json!(n)),
        any::<bool>().prop_map(|b| json!(b)),
        Just(Value::Null),
    ]
}

fn list() -> impl Strategy<Value = Value> {
    prop_oneof![text(), prop::collection::vec(text(), 0..4).prop_map(Value::Array), Just(json!({"a": 1}))]
}

fn principal() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!("*")),
        list().prop_map(|l| json!({"AWS": l})),
        list().prop_map(|l| json!({"Service": l, "Federated": "arn:aws:iam::1:oidc-provider/x"})),
        text(),
    ]
}

fn condition() -> impl Strategy<Value = Value> {
    let op = prop_oneof![
        Just("StringEquals"),
        Just("ForAnyValue:StringLike"),
        Just("BoolIfExists"),
        Just("Null"),
        Just("IpAddress"),
        Just("DateGreaterThan"),
        Just("NumericLessThan"),
        Just("ArnLike"),
        Just("Bogus"),
    ];
    let key = prop_oneof![Just("aws:SourceIp"), Just("aws:MultiFactorAuthPresent"), Just("sts:ExternalId"), Just("x")];
    (op, key, list()).prop_map(|(o, k, v)| json!({ o: { k: v } }))
}

fn statement() -> impl Strategy<Value = Value> {
    (
        prop_oneof![Just(json!("Allow")), Just(json!("Deny")), Just(json!("allow")), text()],
        prop::option::of(list()),
        prop::option::of(list()),
        prop::option::of(list()),
        prop::option::of(list()),
        prop::option::of(principal()),
        prop::option::of(condition()),
    )
        .prop_map(|(e, a, na, r, nr, p, c)| {
            let mut m = serde_json::Map::new();
            m.insert("Effect".into(), e);
            for (k, v) in [
                ("Action", a),
                ("NotAction", na),
                ("Resource", r),
                ("NotResource", nr),
                ("Principal", p),
                ("Condition", c),
            ] {
                if let Some(v) = v {
                    m.insert(k.into(), v);
                }
            }
            Value::Object(m)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn rules_and_queries_never_panic(stmts in prop::collection::vec(statement(), 1..5), as_role in any::<bool>()) {
        let policy = json!({"Version": "2012-10-17", "Statement": stmts});
        let text = if as_role {
            json!({"Resources": {
                "R": {"Type": "AWS::IAM::Role", "Properties": {
                    "AssumeRolePolicyDocument": policy, "Policies": [{"PolicyName": "p", "PolicyDocument": policy}]}},
                "U": {"Type": "AWS::IAM::User", "Properties": {"LoginProfile": {"Password": "x"}, "Policies": [{"PolicyName": "p", "PolicyDocument": policy}]}},
                "Q": {"Type": "AWS::SQS::QueuePolicy", "Properties": {"Queues": ["q"], "PolicyDocument": policy}},
                "S": {"Type": "AWS::Organizations::Policy", "Properties": {"Type": "SERVICE_CONTROL_POLICY", "Content": policy}}
            }}).to_string()
        } else {
            policy.to_string()
        };
        let opts = ScanOptions { select: vec!["PAL-IAM".into()], ..ScanOptions::default() };
        let report = scan_source(SourceFile::new("p.json", text.clone()), &opts).unwrap();
        prop_assert!(report.files_scanned <= 1);

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("p.json"), &text).unwrap();
        let loaded = palisade::cli::iam::load(vec![dir.path().to_path_buf()]);
        let who = if as_role { "R" } else { "p.json" };
        for (action, resource) in [("s3:GetObject", Some("arn:aws:s3:::b/k")), ("iam:PassRole", None)] {
            let _ = query::can(&loaded, who, action, resource, &Context::new());
            let _ = query::can(&loaded, who, action, resource, &Context::new().with("aws:SourceIp", "10.0.0.1").complete());
        }
        let _ = query::explain(&loaded);
    }
}
