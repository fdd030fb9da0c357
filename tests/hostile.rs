//! Hostile CloudFormation templates: each is scanned by the real binary next to a good
//! template. The scan must end normally, still report the good template's finding, and say
//! where in the hostile template it gave up. The templates are generated here, not stored.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// A template with a known finding: a bucket readable by anyone (PAL-S3-001).
const GOOD: &str = "AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      AccessControl: PublicRead
";

/// Scans `hostile` (file name, text) next to the good template, checks that the scan ended
/// normally and that the good template's findings are there; returns the hostile files'
/// diagnostics.
fn scan_with_good(hostile: &[(&str, String)]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    for (name, text) in hostile {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["scan", ".", "--format", "json"])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    assert!(matches!(code, Some(1) | Some(2)), "exit {:?} (a signal when None): {stderr}", out.status);
    assert!(took < Duration::from_secs(20), "the scan took {took:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    let good = good_rule(&v);
    assert!(good, "the good template's finding is missing: {v:#}");
    let diags = v["diagnostics"].as_array().unwrap().clone();
    for (name, _) in hostile {
        let located = diags.iter().any(|d| file_is(d, name) && d["line"].as_u64().unwrap_or(0) > 0);
        assert!(located, "no located diagnostic for {name}: {diags:#?}");
    }
    diags
}

fn file_is(d: &Value, name: &str) -> bool {
    d["file"].as_str().is_some_and(|f| Path::new(f).file_name().is_some_and(|n| n == name))
}

fn good_rule(v: &Value) -> bool {
    v["findings"].as_array().unwrap().iter().any(|f| f["rule_id"] == "PAL-S3-001" && file_is(f, "good.yaml"))
}

fn messages(diags: &[Value], name: &str) -> String {
    diags
        .iter()
        .filter(|d| file_is(d, name))
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn template(sections: Value) -> String {
    let mut t = json!({"AWSTemplateFormatVersion": "2010-09-09"});
    for (k, v) in sections.as_object().unwrap() {
        t[k] = v.clone();
    }
    serde_json::to_string(&t).unwrap()
}

fn bucket(props: Value) -> Value {
    json!({"Type": "AWS::S3::Bucket", "Properties": props})
}

#[test]
fn references_that_lead_back_to_themselves() {
    let self_list = "AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  P:
    Type: CommaDelimitedList
    Default: [!Ref P]
Resources:
  B:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Select [0, !Ref P]
"
    .to_string();
    let mutual_lists = template(json!({
        "Parameters": {
            "P": {"Type": "CommaDelimitedList", "Default": [{"Fn::Select": [0, {"Ref": "Q"}]}]},
            "Q": {"Type": "List<String>", "Default": [{"Fn::Join": ["", {"Ref": "P"}]}]}
        },
        "Resources": {"B": bucket(json!({"BucketName": {"Fn::Sub": ["${X}", {"X": {"Fn::Select": [0, {"Ref": "P"}]}}]}}))}
    }));
    let mapping = template(json!({
        "Mappings": {"M": {"a": {"x": {"Fn::FindInMap": ["M", "b", "x"]}}, "b": {"x": {"Fn::FindInMap": ["M", "a", "x"]}}}},
        "Resources": {"B": bucket(json!({"BucketName": {"Fn::FindInMap": ["M", "a", "x"]}}))}
    }));
    let conditions = template(json!({
        "Conditions": {
            "A": {"Fn::Not": [{"Condition": "B"}]},
            "B": {"Fn::And": [{"Condition": "A"}, {"Condition": "A"}]}
        },
        "Resources": {"B": bucket(json!({"BucketName": {"Fn::If": ["A", "x", "y"]}}))}
    }));
    let diags = scan_with_good(&[
        ("self_list.yaml", self_list),
        ("mutual_lists.json", mutual_lists),
        ("mapping.json", mapping),
        ("conditions.json", conditions),
    ]);
    assert!(messages(&diags, "self_list.yaml").contains("parameter `P` refers to itself"));
    assert!(messages(&diags, "mutual_lists.json").contains("refers to itself"));
    assert!(messages(&diags, "mapping.json").contains("refers to itself"));
    assert!(messages(&diags, "conditions.json").contains("refers to itself"));
}

#[test]
fn long_chains_of_conditions() {
    const N: usize = 10_000;
    let chain = |root: &str| {
        let mut conds = serde_json::Map::new();
        for i in 0..N {
            conds.insert(format!("C{i}"), json!({"Condition": format!("C{}", i + 1)}));
        }
        conds.insert(format!("C{N}"), json!({"Fn::Equals": [{"Ref": "AWS::Region"}, "x"]}));
        template(json!({
            "Conditions": conds,
            "Resources": {"B": {"Type": "AWS::S3::Bucket", "Condition": root, "Properties": {"BucketName": {"Fn::If": ["C0", "a", "b"]}}}}
        }))
    };
    // Several files, so that worker threads (with their smaller stacks) evaluate them.
    let files: Vec<(String, String)> =
        (0..4).map(|i| (format!("chain{i}.json"), chain(&format!("C{}", i * 2500)))).collect();
    let named: Vec<(&str, String)> = files.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let diags = scan_with_good(&named);
    assert!(messages(&diags, "chain0.json").contains("condition nesting deeper than"));
}

#[test]
fn loops_that_make_millions_of_resources() {
    let values: Vec<String> = (0..40).map(|i| format!("v{i}")).collect();
    let body = json!({"R${a}${b}${c}${d}": {"Type": "AWS::S3::Bucket"}});
    let d = json!({"Fn::ForEach::D": ["d", values, body]});
    let c = json!({"Fn::ForEach::C": ["c", values, d]});
    let b = json!({"Fn::ForEach::B": ["b", values, c]});
    let hostile = template(json!({
        "Resources": {
            "Fn::ForEach::A": ["a", values, b],
            // The rest of the template is still analysed.
            "Open": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicRead"}}
        }
    }));
    assert!(hostile.len() < 4096);
    let dir_diags = scan_with_good(&[("loops.json", hostile)]);
    let m = messages(&dir_diags, "loops.json");
    assert!(m.contains("`Fn::ForEach::A` were not analysed") && m.contains("more than"), "{m}");
}

#[test]
fn terraform_counts_that_multiply() {
    // A thousand instances each, thirty times over: a few hundred bytes asking for 30,000.
    let hostile: String = (0..30)
        .map(|i| {
            format!(
                "resource \"aws_s3_bucket\" \"b{i}\" {{\n  count  = 1000\n  bucket = \"b{i}-${{count.index}}\"\n}}\n"
            )
        })
        .collect();
    assert!(hostile.len() < 4096);
    let diags = scan_with_good(&[("main.tf", hostile)]);
    let m = messages(&diags, "main.tf");
    assert!(m.contains("1000 instances asked for; only 0 were analysed, as the configuration reached 10000"), "{m}");
    // Ten resources fit: the others are each said to be cut.
    assert_eq!(m.matches("only 0 were analysed").count(), 20, "{m}");
}

#[test]
fn loops_keep_the_rest_of_the_template() {
    let values: Vec<String> = (0..2000).map(|i| format!("v{i}")).collect();
    let hostile = template(json!({
        "Resources": {
            "Fn::ForEach::Big": ["a", values, {"R${a}": {"Type": "AWS::S3::Bucket"}}],
            "Open": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicRead"}}
        }
    }));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.json"), hostile).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["scan", ".", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let open = v["findings"].as_array().unwrap().iter().any(|f| f["resource"]["id"] == "Open");
    assert!(open, "{v:#}");
    assert!(messages(v["diagnostics"].as_array().unwrap(), "t.json").contains("more than 1000"));
}

#[test]
fn values_that_double_at_each_level() {
    // Nested Fn::Sub variables, each used twice.
    let mut sub = json!("x");
    for _ in 0..28 {
        sub = json!({"Fn::Sub": ["${A}${A}", {"A": sub}]});
    }
    let subs = template(json!({"Resources": {"B": bucket(json!({"BucketName": sub}))}}));
    // Mapping values that use the next one twice.
    let mut map = serde_json::Map::new();
    for i in 0..28 {
        let next = json!({"Fn::FindInMap": ["M", format!("k{}", i + 1), "v"]});
        map.insert(format!("k{i}"), json!({"v": {"Fn::Join": ["", [next.clone(), next]]}}));
    }
    map.insert("k28".into(), json!({"v": "x"}));
    let maps = template(json!({
        "Mappings": {"M": map},
        "Resources": {"B": bucket(json!({"BucketName": {"Fn::FindInMap": ["M", "k0", "v"]}}))}
    }));
    // A list parameter whose default uses another one twice, 28 deep.
    let mut params = serde_json::Map::new();
    for i in 0..28 {
        let next = json!({"Fn::Join": [",", {"Ref": format!("P{}", i + 1)}]});
        params.insert(format!("P{i}"), json!({"Type": "CommaDelimitedList", "Default": [next.clone(), next]}));
    }
    params.insert("P28".into(), json!({"Type": "CommaDelimitedList", "Default": "a,b"}));
    let lists = template(json!({
        "Parameters": params,
        "Resources": {"B": bucket(json!({"BucketName": {"Fn::Join": ["", {"Ref": "P0"}]}}))}
    }));
    assert!(subs.len() < 8192 && maps.len() < 8192 && lists.len() < 8192);
    let diags = scan_with_good(&[("subs.json", subs), ("maps.json", maps), ("lists.json", lists)]);
    for f in ["subs.json", "maps.json", "lists.json"] {
        assert!(messages(&diags, f).contains("longer than"), "{f}: {diags:#?}");
    }
}

#[path = "../fuzz/cfn_gen.rs"]
mod cfn_gen;

/// Scans one generated template in the process; panics on an internal error (a panic the
/// loader caught) or a template the generator made unparsable.
/// Returns the number of findings, and of values the evaluator gave up on.
fn scan_generated(text: String, opts: &palisade::scan::ScanOptions) -> (usize, usize) {
    let src = palisade::source::SourceFile::new("generated.json", text);
    let report = palisade::scan::scan_source(src, opts).unwrap();
    for d in &report.diagnostics {
        let msg = d.to_string();
        assert!(!msg.contains("internal error") && !msg.contains("cannot parse"), "{msg}");
    }
    let gave_up = report.diagnostics.iter().filter(|d| d.message.en().contains("was not evaluated")).count();
    (report.findings.len(), gave_up)
}

/// The fuzz target's generator over fixed seeds: every template it makes is scanned without
/// an internal error.
#[test]
fn generated_templates() {
    let seeds: u64 = std::env::var("PALISADE_GEN_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(500);
    let opts = palisade::scan::ScanOptions::default();
    let (mut findings, mut gave_up) = (0, 0);
    for seed in 0..seeds {
        // xorshift64*, 512 bytes per seed.
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let bytes: Vec<u8> = (0..512)
            .map(|_| {
                x ^= x >> 12;
                x ^= x << 25;
                x ^= x >> 27;
                (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
            })
            .collect();
        let text = cfn_gen::template(&bytes);
        let start = Instant::now();
        let (f, g) = scan_generated(text.clone(), &opts);
        findings += f;
        gave_up += g;
        assert!(start.elapsed() < Duration::from_secs(5), "seed {seed} took {:?}:\n{text}", start.elapsed());
    }
    // The generator reaches findings, and references that lead back to themselves.
    assert!(findings > 0 && gave_up > 0, "{findings} findings, {gave_up} values given up");
}

#[test]
fn long_keys_over_many_values() {
    // Every literal under a long key once carried the whole key and path: quadratic.
    let key = "K".repeat(50_000);
    let hostile = template(json!({
        "Resources": {"B": bucket(json!({"Tags": {key: vec!["x"; 5_000]}, "BucketName": {"Fn::Sub": "${Missing"}}))}
    }));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join("keys.json"), hostile).unwrap();
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["scan", ".", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    assert_eq!(out.status.code(), Some(1));
    assert!(good_rule(&serde_json::from_slice(&out.stdout).unwrap()));
}

/// The message of the diagnostic about `name`, which must be located on one of `lines`.
fn parse_error_at(diags: &[Value], name: &str, lines: std::ops::RangeInclusive<u64>) -> String {
    let d = diags.iter().find(|d| file_is(d, name)).unwrap_or_else(|| panic!("nothing for {name}: {diags:#?}"));
    assert!(d["line"].as_u64().is_some_and(|l| lines.contains(&l)), "{name}: {d:#}");
    assert!(d["column"].as_u64().unwrap_or(0) > 0, "{name}: {d:#}");
    d["message"].as_str().unwrap().to_string()
}

#[test]
fn aliases_that_copy_large_nodes() {
    // One scalar of 1 MB, aliased 3000 times (3 GB once expanded).
    const HEAD: &str = "AWSTemplateFormatVersion: '2010-09-09'\n";
    let big = format!("{HEAD}Big: &big \"{}\"\nCopies: [{}]\n", "x".repeat(1 << 20), vec!["*big"; 3000].join(", "));
    // Billion laughs by bytes: few nodes, each level eight times the one before.
    let mut laughs = format!("{HEAD}L0: &l0 \"{}\"\n", "y".repeat(10_000));
    for i in 1..9 {
        laughs.push_str(&format!("L{i}: &l{i} [{}]\n", vec![format!("*l{}", i - 1); 8].join(", ")));
    }
    // Anchors nested in anchors, 200 deep, around 400 KB: each level is kept whole for aliases.
    let mut nested = format!("{HEAD}Nested:\n");
    for i in 0..200 {
        nested.push_str(&format!("{}- &n{i}\n", "  ".repeat(i)));
    }
    nested.push_str(&format!("{}- \"{}\"\n", "  ".repeat(200), "z".repeat(400_000)));
    let start = Instant::now();
    let diags = scan_with_good(&[("big.yaml", big), ("laughs.yaml", laughs), ("nested.yaml", nested)]);
    assert!(start.elapsed() < Duration::from_secs(10), "took {:?}", start.elapsed());
    // At the alias that goes over; for nested anchors, at the anchor that goes over (the
    // innermost close first).
    for (name, lines) in [("big.yaml", 3..=3), ("laughs.yaml", 5..=5), ("nested.yaml", 3..=200)] {
        let m = parse_error_at(&diags, name, lines);
        assert!(m.contains("would copy more than"), "{name}: {m}");
    }
}

#[test]
fn findings_on_a_long_line_show_a_window_of_it() {
    // A minified template of about 1 MB on one line, with findings on 300 buckets (3600 in
    // all): each once carried the whole line.
    let buckets: serde_json::Map<String, Value> =
        (0..300).map(|i| (format!("B{i}"), bucket(json!({"AccessControl": "PublicRead"})))).collect();
    let hostile = template(json!({"Description": "d".repeat(1 << 20), "Resources": buckets}));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("min.json"), &hostile).unwrap();
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
            .args(["scan", "min.json", "--format", format])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run("text");
    assert!(text.matches("PAL-S3-001").count() >= 300, "{}", &text[..text.len().min(4000)]);
    assert!(text.len() < 4 << 20, "the text report has {} bytes", text.len());
    assert!(text.lines().all(|l| l.chars().count() < 400));
    // The carets stand under the span, after the cut mark.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines.iter().position(|l| l.contains("1 | …")).expect("a cut source line");
    let (source, carets) = (lines[at], lines[at + 1]);
    let first = carets.find('^').unwrap();
    let under: String = source.chars().skip(carets[..first].chars().count()).take(1).collect();
    assert_ne!(under, " ", "{source}\n{carets}");
    let html = run("html");
    assert!(html.len() < 4 << 20, "the HTML report has {} bytes", html.len());
    assert!(html.contains("…"));
}

/// Scans `text` in the process with only `rules`; returns the findings and the time taken.
fn scan_rules(text: String, rules: &[&str]) -> (usize, Duration) {
    let opts = palisade::scan::ScanOptions {
        select: rules.iter().map(|r| r.to_string()).collect(),
        skip_subjects: true,
        ..Default::default()
    };
    let start = Instant::now();
    let report = palisade::scan::scan_source(palisade::source::SourceFile::new("many.json", text), &opts).unwrap();
    (report.findings.len(), start.elapsed())
}

#[test]
fn rules_that_relate_resources_are_not_quadratic() {
    // Buckets with a policy each, and logging to one another: every rule that relates one
    // resource to others (log targets, attached policies) looks them up in an index.
    let many = |n: usize| {
        let mut resources = serde_json::Map::new();
        for i in 0..n {
            let logging = json!({"DestinationBucketName": {"Ref": format!("B{}", (i + 1) % n)}});
            resources.insert(format!("B{i}"), bucket(json!({"LoggingConfiguration": logging})));
            let statement = json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"});
            resources.insert(
                format!("P{i}"),
                json!({"Type": "AWS::S3::BucketPolicy", "Properties": {
                    "Bucket": {"Ref": format!("B{i}")},
                    "PolicyDocument": {"Version": "2012-10-17", "Statement": [statement]}
                }}),
            );
        }
        template(json!({ "Resources": resources }))
    };
    let rules = ["PAL-S3-001", "PAL-S3-005", "PAL-S3-007"];
    let (small, large) = (2_000, 8_000);
    let time = |n: usize| {
        // The faster of two runs, against the noise of a busy machine.
        let (f1, t1) = scan_rules(many(n), &rules);
        let (f2, t2) = scan_rules(many(n), &rules);
        assert_eq!(f1, f2);
        // Every bucket: no public access block while its policy makes it public (PAL-S3-001),
        // and a policy that does not deny plain HTTP (PAL-S3-007); none lacks logging.
        assert_eq!(f1, 2 * n, "{n} buckets");
        t1.min(t2)
    };
    let (t_small, t_large) = (time(small), time(large));
    // Linear: about 4 times as long for 4 times the resources; quadratic: 16 times.
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64();
    assert!(ratio < 9.0, "{small} buckets: {t_small:?}, {large} buckets: {t_large:?}");
}

#[test]
fn long_action_patterns_and_many_statements() {
    // A 50 KB wildcard pattern, and 3,000 statements: each pattern is compiled once and
    // matched against the actions of its service only (matched against every action of the
    // catalogue, this took minutes in a debug build).
    let mut statements =
        vec![json!({"Effect": "Allow", "Action": format!("s3:{}*", "*a".repeat(25_000)), "Resource": "*"})];
    for i in 0..3_000 {
        statements.push(json!({
            "Sid": format!("S{i}"),
            "Effect": if i % 3 == 0 { "Deny" } else { "Allow" },
            "Action": [format!("s3:Get*{i}"), "iam:Pass*", "ec2:*"],
            "Resource": format!("arn:aws:s3:::b{i}/*")
        }));
    }
    let policy = serde_json::to_string(&json!({"Version": "2012-10-17", "Statement": statements})).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join("policy.json"), policy).unwrap();
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_palisade"))
        .args(["scan", ".", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(good_rule(&v));
    let on_policy = v["findings"].as_array().unwrap().iter().filter(|f| file_is(f, "policy.json")).count();
    assert!(on_policy > 0, "{v:#}");
    assert!(took < Duration::from_secs(60), "the scan took {took:?}");
}
