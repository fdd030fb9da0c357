//! Tests of the public parsing API: values, spans, tags, limits and errors.

use std::time::{Duration, Instant};

use palisade::parse::*;
use palisade::source::{SourceFile, Span};
use palisade::value::{Kind, Node};
use serde_json::json;

fn file(text: &str) -> SourceFile {
    source_from_bytes("t".into(), text.as_bytes().to_vec(), &Limits::default()).unwrap()
}

fn yaml(text: &str) -> Node {
    let mut docs = parse_yaml(&file(text), &Limits::default()).unwrap();
    assert_eq!(docs.len(), 1, "expected one document");
    docs.remove(0).root
}

fn yaml_err(text: &str) -> ParseError {
    parse_yaml(&file(text), &Limits::default()).unwrap_err()
}

fn json_doc(text: &str) -> Result<Node, ParseError> {
    parse_json(&file(text), &Limits::default()).map(|d| d.root)
}

/// (line, col, end_line, end_col)
fn lc(s: Span) -> (u32, u32, u32, u32) {
    (s.line, s.col, s.end_line, s.end_col)
}

fn text_of(src: &str, s: Span) -> &str {
    &src[s.start as usize..s.end as usize]
}

#[test]
fn yaml_values_and_core_schema() {
    let n = yaml(
        "a: yes\nb: no\nc: on\nd: true\ne: False\nf: ~\ng:\nh: 0777\ni: 0x1f\nj: 1.5e3\nk: .inf\n\
         l: '0777'\nm: \"true\"\nn: null\n",
    );
    assert_eq!(
        n.to_json(),
        json!({"a": "yes", "b": "no", "c": "on", "d": true, "e": false, "f": null, "g": null,
               "h": "0777", "i": "0x1f", "j": 1.5e3, "k": ".inf", "l": "0777", "m": "true", "n": null})
    );
    assert_eq!(n.get("h").unwrap().kind, Kind::Number("0777".into()));
    assert_eq!(n.get("i").unwrap().kind, Kind::Number("0x1f".into()));
    assert_eq!(n.get("k").unwrap().kind, Kind::Number(".inf".into()));
    assert_eq!(n.get("a").unwrap().kind, Kind::String("yes".into()));
    assert_eq!(n.get("l").unwrap().kind, Kind::String("0777".into()));
}

#[test]
fn on_key_and_boolean_keys() {
    let n = yaml("on:\n  push: {}\ntrue: 1\n1: x\nnull: y\n");
    let keys: Vec<&str> = n.as_map().unwrap().iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["on", "true", "1", "null"]);
}

#[test]
fn yaml_spans_nested() {
    let src = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n        - Key: \"k\"\n          Value: [a, 'b']\n";
    let n = yaml(src);
    assert_eq!(lc(n.span), (1, 1, 7, 26));
    let res = n.entry("Resources").unwrap();
    assert_eq!(lc(res.key_span), (1, 1, 1, 10));
    let bucket = res.value.entry("Bucket").unwrap();
    assert_eq!(lc(bucket.value.span), (3, 5, 7, 26));
    let ty = bucket.value.get("Type").unwrap();
    assert_eq!(lc(ty.span), (3, 11, 3, 26));
    assert_eq!(text_of(src, ty.span), "AWS::S3::Bucket");
    let tags = bucket.value.get("Properties").unwrap().get("Tags").unwrap();
    assert_eq!(lc(tags.span), (6, 9, 7, 26));
    let tag = &tags.as_seq().unwrap()[0];
    assert_eq!(lc(tag.span), (6, 11, 7, 26));
    let key = tag.get("Key").unwrap();
    assert_eq!(text_of(src, key.span), "\"k\"");
    let value = tag.get("Value").unwrap();
    assert_eq!(text_of(src, value.span), "[a, 'b']");
    assert_eq!(text_of(src, value.as_seq().unwrap()[1].span), "'b'");
}

#[test]
fn yaml_spans_after_multibyte_characters() {
    let src = "名前: \"日本語\"\nx: [é, ü, {k: ß}]\n";
    let n = yaml(src);
    let e = n.entry("名前").unwrap();
    assert_eq!(lc(e.key_span), (1, 1, 1, 3));
    assert_eq!(lc(e.value.span), (1, 5, 1, 10));
    assert_eq!(text_of(src, e.value.span), "\"日本語\"");
    let x = n.get("x").unwrap();
    assert_eq!(lc(x.span), (2, 4, 2, 18));
    let items = x.as_seq().unwrap();
    assert_eq!(lc(items[1].span), (2, 8, 2, 9));
    assert_eq!(text_of(src, items[1].span), "ü");
    let k = items[2].get("k").unwrap();
    assert_eq!(lc(k.span), (2, 15, 2, 16));
    assert_eq!(text_of(src, k.span), "ß");
}

#[test]
fn block_scalar_spans() {
    let src = "a: |\n  line1\n  line2\n\nb: >-\n  folded\n";
    let n = yaml(src);
    let a = n.get("a").unwrap();
    assert_eq!(a.as_str(), Some("line1\nline2\n"));
    assert_eq!(lc(a.span), (1, 4, 3, 8));
    let b = n.get("b").unwrap();
    assert_eq!(text_of(src, b.span), ">-\n  folded");
}

#[test]
fn every_short_form_tag() {
    let fns = [
        "Sub",
        "Join",
        "Select",
        "Split",
        "If",
        "Equals",
        "And",
        "Or",
        "Not",
        "FindInMap",
        "ImportValue",
        "Base64",
        "Cidr",
        "GetAZs",
        "Transform",
        "Length",
        "ToJsonString",
        "ForEach",
    ];
    for f in fns {
        for (value, expected) in [("x", json!("x")), ("[a, b]", json!(["a", "b"])), ("{k: v}", json!({"k": "v"}))] {
            let n = yaml(&format!("v: !{f} {value}\n"));
            assert_eq!(n.get("v").unwrap().to_json(), json!({ format!("Fn::{f}"): expected }), "!{f} {value}");
        }
    }
    assert_eq!(yaml("v: !Ref X").get("v").unwrap().to_json(), json!({"Ref": "X"}));
    assert_eq!(yaml("v: !Condition C").get("v").unwrap().to_json(), json!({"Condition": "C"}));
    // Block sequences and maps.
    let n = yaml("v: !If\n  - Cond\n  - !Ref A\n  - b\nw: !Sub\n  - ${X}\n  - X: 1\n");
    assert_eq!(n.get("v").unwrap().to_json(), json!({"Fn::If": ["Cond", {"Ref": "A"}, "b"]}));
    assert_eq!(n.get("w").unwrap().to_json(), json!({"Fn::Sub": ["${X}", {"X": 1}]}));
    // Nested tags in flow context.
    let n = yaml("v: !Join ['', [!Ref A, !GetAtt B.C]]");
    assert_eq!(n.get("v").unwrap().to_json(), json!({"Fn::Join": ["", [{"Ref": "A"}, {"Fn::GetAtt": ["B", "C"]}]]}));
}

#[test]
fn get_azs_empty() {
    for src in ["v: !GetAZs", "v: !GetAZs ''", "v: !GetAZs ~", "v: [!GetAZs , x]"] {
        let n = yaml(src);
        let v = n.get("v").unwrap();
        let v = v.as_seq().map_or(v, |s| &s[0]);
        assert_eq!(v.to_json(), json!({"Fn::GetAZs": ""}), "{src}");
    }
    assert_eq!(yaml("v: !GetAZs us-east-1").get("v").unwrap().to_json(), json!({"Fn::GetAZs": "us-east-1"}));
}

#[test]
fn tag_wrapper_spans() {
    let src = "v: !Ref Bucket\n";
    let n = yaml(src);
    let v = n.get("v").unwrap();
    assert_eq!(text_of(src, v.span), "!Ref Bucket");
    let e = &v.as_map().unwrap()[0];
    assert_eq!(text_of(src, e.key_span), "!Ref");
    assert_eq!(text_of(src, e.value.span), "Bucket");
    assert_eq!(lc(e.value.span), (1, 9, 1, 15));

    let src = "v: !Join\n  - ','\n  - [a]\n";
    let v = yaml(src).get("v").unwrap().clone();
    assert_eq!(text_of(src, v.span), "!Join\n  - ','\n  - [a]");
    let e = &v.as_map().unwrap()[0];
    assert_eq!(text_of(src, e.value.span), "- ','\n  - [a]");
}

#[test]
fn get_att_forms() {
    let src = "a: !GetAtt Res.Arn\nb: !GetAtt Res.Out.Value\nc: !GetAtt [Res, Arn]\nd: !GetAtt\n  - Res\n  - Arn\ne: !GetAtt NoDot\n";
    let n = yaml(src);
    assert_eq!(n.get("a").unwrap().to_json(), json!({"Fn::GetAtt": ["Res", "Arn"]}));
    assert_eq!(n.get("b").unwrap().to_json(), json!({"Fn::GetAtt": ["Res", "Out.Value"]}));
    assert_eq!(n.get("c").unwrap().to_json(), json!({"Fn::GetAtt": ["Res", "Arn"]}));
    assert_eq!(n.get("d").unwrap().to_json(), json!({"Fn::GetAtt": ["Res", "Arn"]}));
    assert_eq!(n.get("e").unwrap().to_json(), json!({"Fn::GetAtt": "NoDot"}));
    let parts = n.get("b").unwrap().get("Fn::GetAtt").unwrap().as_seq().unwrap().to_vec();
    assert_eq!(text_of(src, parts[0].span), "Res");
    assert_eq!(text_of(src, parts[1].span), "Out.Value");
    assert_eq!(lc(parts[1].span), (2, 16, 2, 25));
}

#[test]
fn standard_and_unknown_tags() {
    let n = yaml("a: !!str 123\nb: !!int 7\nc: !Custom 5\nd: !Custom [1]\ne: !!str true\n");
    assert_eq!(n.to_json(), json!({"a": "123", "b": 7, "c": 5, "d": [1], "e": "true"}));
}

/// Each duplicate key's (line, column, message), and the document as JSON.
fn duplicates(docs: Vec<palisade::value::Document>) -> (Vec<(u32, u32, String)>, serde_json::Value) {
    let doc = docs.into_iter().next().unwrap();
    (doc.errors.iter().map(|(s, m)| (s.line, s.col, m.en())).collect(), doc.root.to_json())
}

#[test]
fn duplicate_keys_yaml() {
    // An error at the later key; the later value replaces the earlier one, in its place.
    let (errors, doc) = duplicates(parse_yaml(&file("a: 1\nb: 2\na: 3\nc: 4\n"), &Limits::default()).unwrap());
    assert_eq!(errors, [(3, 1, "duplicate key `a` (first defined at line 1)".to_string())]);
    assert_eq!(doc, json!({"a": 3, "b": 2, "c": 4}));
    let (errors, doc) = duplicates(parse_yaml(&file("x: {k: 1, k: 2}"), &Limits::default()).unwrap());
    assert_eq!((errors[0].0, errors[0].1), (1, 11));
    assert_eq!(doc, json!({"x": {"k": 2}}));
    // `true` and "true" are the same key text.
    let (errors, _) = duplicates(parse_yaml(&file("true: 1\n'true': 2\n"), &Limits::default()).unwrap());
    assert!(errors[0].2.starts_with("duplicate key `true`"));
    // Each document of a stream keeps its own.
    let docs = parse_yaml(&file("a: 1\na: 2\n---\nb: 1\n"), &Limits::default()).unwrap();
    assert_eq!((docs[0].errors.len(), docs[1].errors.len()), (1, 0));
    // No duplicate, no error.
    assert!(parse_yaml(&file("a: 1\nb: {a: 2}\n"), &Limits::default()).unwrap()[0].errors.is_empty());
}

#[test]
fn duplicate_keys_json() {
    let text = "{\n  \"a\": 1,\n  \"b\": {\"c\": 1, \"c\": 2}\n}";
    let (errors, doc) = duplicates(vec![parse_json(&file(text), &Limits::default()).unwrap()]);
    assert_eq!(errors, [(3, 17, "duplicate key `c` (first defined at line 3)".to_string())]);
    assert_eq!(doc, json!({"a": 1, "b": {"c": 2}}));
}

#[test]
fn under_indented_flow_collections_read_as_libyaml_reads_them() {
    // The closing bracket at the indentation of the key holding the sequence, and lower.
    for close in ["      ]", "    ]", "]"] {
        let text = format!("R:\n  P:\n      Tags: [{{Key: a,\n        Value: b}}, # note\n{close}\n  Q: 1\n");
        let n = yaml(&text);
        assert_eq!(n.to_json(), json!({"R": {"P": {"Tags": [{"Key": "a", "Value": "b"}]}, "Q": 1}}), "{close:?}");
        // Spans are those of the file.
        let value = n.get("R").and_then(|r| r.get("P")).and_then(|p| p.get("Tags")).unwrap();
        let item = &value.as_seq().unwrap()[0];
        let v = item.get("Value").unwrap();
        assert_eq!((v.span.line, v.span.col), (4, 16));
        assert_eq!(&text[v.span.start as usize..v.span.end as usize], "b");
    }
    // Entries of a flow map under-indented after a comma.
    let n = yaml("A:\n  K: {x: 1,\n y: 2}\n");
    assert_eq!(n.to_json(), json!({"A": {"K": {"x": 1, "y": 2}}}));
    // A plain scalar continued on an under-indented line folds as usual.
    assert_eq!(yaml("A:\n  K: [a\n b]\n").to_json(), json!({"A": {"K": ["a b"]}}));
    // Block context keeps its rule.
    assert!(parse_yaml(&file("A:\n  K: v\n L: w\n"), &Limits::default()).is_err());
}

#[test]
fn non_scalar_key() {
    let e = yaml_err("? [a, b]\n: c\n");
    assert_eq!((e.line, e.col), (1, 3));
    assert!(e.message.en().contains("map keys must be scalars"), "{e}");
    assert!(yaml_err("{a: 1}: x\n").message.en().contains("map keys must be scalars"));
}

#[test]
fn merge_keys() {
    let n = yaml("base: &b\n  x: 1\n  y: 2\nother: &o\n  z: 3\n  x: 9\nm:\n  y: 5\n  <<: [*b, *o]\n");
    assert_eq!(n.get("m").unwrap().to_json(), json!({"y": 5, "x": 1, "z": 3}));
    let n = yaml("m:\n  <<: {a: 1}\n  b: 2\n");
    assert_eq!(n.get("m").unwrap().to_json(), json!({"a": 1, "b": 2}));
    assert!(yaml_err("m:\n  <<: 5\n").message.en().contains("merge key"));
    // A quoted `<<` is an ordinary key.
    assert_eq!(yaml("'<<': 1").to_json(), json!({"<<": 1}));
}

#[test]
fn anchors_and_aliases() {
    let n = yaml("a: &x {k: [1, 2]}\nb: *x\nc: &s hello\nd: *s\n");
    assert_eq!(n.get("b").unwrap().to_json(), json!({"k": [1, 2]}));
    assert_eq!(n.get("d").unwrap().to_json(), json!("hello"));
    let e = yaml_err("a: *nope\n");
    assert_eq!((e.line, e.col), (1, 4));
    // A tagged anchored node is copied with its normalisation.
    assert_eq!(yaml("a: &r !Ref X\nb: *r\n").get("b").unwrap().to_json(), json!({"Ref": "X"}));
}

#[test]
fn billion_laughs_rejected_quickly() {
    let mut src = String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let refs = vec![format!("*{}", w[0]); 9].join(",");
        src.push_str(&format!("{}: &{} [{refs}]\n", w[1], w[1]));
    }
    let t = Instant::now();
    let e = yaml_err(&src);
    assert!(t.elapsed() < Duration::from_secs(2));
    // The byte budget (4 MiB for a small file) trips before the node budget.
    assert!(
        e.message.en().contains("alias expansion would copy more than 4194304 bytes (possible billion-laughs)"),
        "{e}"
    );
    // A small budget trips earlier.
    let limits = Limits { max_alias_nodes: 5, ..Limits::default() };
    let e = parse_yaml(&file("a: &a [1, 2, 3]\nb: *a\nc: *a\n"), &limits).unwrap_err();
    assert_eq!((e.line, e.col), (3, 4));
}

#[test]
fn alias_copies_are_budgeted_by_size() {
    // The budget is at least 16 times the file's size: 28 bytes allow 448, and the anchored
    // list (4 nodes, 3 bytes of text) costs 259 to keep and as much again per alias.
    let limits = Limits { max_alias_bytes: 1, ..Limits::default() };
    let e = parse_yaml(&file("a: &a [1, 2, 3]\nb: *a\nc: *a\n"), &limits).unwrap_err();
    assert_eq!((e.line, e.col), (2, 4), "{e}");
    assert!(e.message.en().starts_with("alias expansion would copy more than 448 bytes"), "{e}");
    assert!(parse_yaml(&file("a: &a [1, 2, 3]\nb: *a\n"), &Limits::default()).is_ok());
    // Anchors inside anchors are kept whole at each level: 30 levels around a large scalar go
    // over, at an anchor (line `n` holds the anchor at column 2n + 1).
    let mut nested: String = (1..=30).map(|i| format!("{}- &a{i}\n", "  ".repeat(i - 1))).collect();
    nested.push_str(&format!("{}- {}\n", "  ".repeat(30), "x".repeat(10_000)));
    let e = parse_yaml(&file(&nested), &limits).unwrap_err();
    assert!(e.line < 30 && e.col == 2 * e.line + 1 && e.message.en().contains("anchored nodes nested"), "{e}");
}

#[test]
fn depth_limit_yaml_and_json() {
    let deep = "[".repeat(100_000);
    let e = yaml_err(&deep);
    // The YAML scanner itself stops flow nesting at 255 levels.
    assert_eq!(e.message.en(), "flow collections nested deeper than 255 levels");
    assert_eq!((e.line, e.col), (1, 256));
    let limits = Limits { max_depth: 100, ..Limits::default() };
    let nested = format!("{}{}", "[".repeat(150), "]".repeat(150));
    let e = parse_yaml(&file(&nested), &limits).unwrap_err();
    assert_eq!((e.line, e.col, e.message.en().as_str()), (1, 101, "nesting deeper than 100 levels"));
    let e = json_doc(&deep).unwrap_err();
    assert!(e.message.en().contains("nesting deeper than 256"), "{e}");

    let deep_block: String = (0..2000).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
    assert!(yaml_err(&deep_block).message.en().contains("nesting deeper"));
    let deep_obj = "{\"a\":".repeat(100_000);
    assert!(json_doc(&deep_obj).unwrap_err().message.en().contains("nesting deeper"));

    let ok = format!("{}{}", "[".repeat(255), "]".repeat(255));
    assert!(parse_yaml(&file(&ok), &Limits::default()).is_ok());
    let ok = format!("{}{}", "[".repeat(256), "]".repeat(256));
    assert!(json_doc(&ok).is_ok());
    let limits = Limits { max_depth: 3, ..Limits::default() };
    assert!(parse_yaml(&file("a: {b: [1]}"), &limits).is_ok());
    assert!(parse_yaml(&file("a: {b: [[1]]}"), &limits).is_err());
    // Tags add a level; so do aliases to deep nodes.
    assert!(parse_yaml(&file("a: {b: !Ref x}"), &limits).is_ok());
    assert!(parse_yaml(&file("a: {b: [!Ref x]}"), &limits).is_err());
    assert!(parse_yaml(&file("- &a [[1]]\n- [*a]\n"), &limits).is_err());
}

#[test]
fn invalid_utf8_reported_with_position() {
    let err = source_from_bytes("t".into(), b"a: 1\nb: \xC3\xA9\xE9x\n".to_vec(), &Limits::default()).unwrap_err();
    assert_eq!(err, ReadError::NotUtf8 { line: 2, col: 5 });
    assert!(err.to_string().contains("line 2, column 5"));
}

#[test]
fn size_limit_from_disk_and_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    std::fs::write(&path, "a: 1\n".repeat(100)).unwrap();
    let limits = Limits { max_file_bytes: 100, ..Limits::default() };
    let err = read_source(&path, "big.yaml".into(), &limits).unwrap_err();
    assert_eq!(err, ReadError::TooLarge { size: 500, limit: 100 });
    assert!(err.to_string().contains("too large"));
    let ok = read_source(&path, "big.yaml".into(), &Limits::default()).unwrap();
    assert_eq!(ok.path, std::path::PathBuf::from("big.yaml"));
    assert!(matches!(read_source(&dir.path().join("missing"), "m".into(), &limits), Err(ReadError::Io(_))));
    let err = source_from_bytes("t".into(), vec![b' '; 101], &limits).unwrap_err();
    assert_eq!(err, ReadError::TooLarge { size: 101, limit: 100 });
}

#[test]
fn bom_is_stripped_when_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.json");
    std::fs::write(&path, b"\xEF\xBB\xBF{\"a\": 1}").unwrap();
    let f = read_source(&path, "bom.json".into(), &Limits::default()).unwrap();
    assert_eq!(lc(parse_json(&f, &Limits::default()).unwrap().root.span), (1, 1, 1, 9));
}

#[test]
fn multi_document_streams() {
    let docs = parse_yaml(&file("a: 1\n---\nb: 2\n---\n- x\n...\n"), &Limits::default()).unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1].root.to_json(), json!({"b": 2}));
    assert_eq!(docs[1].root.span.line, 3);
    assert_eq!(docs[2].root.to_json(), json!(["x"]));
    assert!(parse_yaml(&file(""), &Limits::default()).unwrap().is_empty());
    assert!(parse_yaml(&file("# only a comment\n"), &Limits::default()).unwrap().is_empty());
    // Anchors do not leak across documents.
    assert!(parse_yaml(&file("a: &x 1\n---\nb: *x\n"), &Limits::default()).is_err());
}

#[test]
fn yaml_syntax_errors_have_positions() {
    let e = yaml_err("a: b: c\n");
    assert_eq!((e.line, e.col), (1, 5));
    let e = yaml_err("a:\n\t- b\n");
    assert!(e.line >= 1 && e.col >= 1);
    let e = yaml_err("key: [1, 2\n");
    assert!(e.line >= 1, "{e}");
    for bad in ["\t", "a:\n  - b\n - c", "[", "{a", "'abc", "&", "!", "*", "- !<", "? \t:", "a: !Ref\n  - x\n bad: 1"] {
        let _ = parse_yaml(&file(bad), &Limits::default());
    }
}

#[test]
fn json_values_spans_and_errors() {
    let src = "{\n  \"Resources\": {\n    \"B\": {\"Type\": \"AWS::S3::Bucket\", \"N\": [1.0, -0, 2e5]}\n  }\n}\n";
    let n = json_doc(src).unwrap();
    assert_eq!(lc(n.span), (1, 1, 5, 2));
    let b = n.get("Resources").unwrap().entry("B").unwrap();
    assert_eq!(lc(b.key_span), (3, 5, 3, 8));
    assert_eq!(text_of(src, b.value.get("Type").unwrap().span), "\"AWS::S3::Bucket\"");
    let nums: Vec<_> = b.value.get("N").unwrap().as_seq().unwrap().iter().map(|n| n.kind.clone()).collect();
    assert_eq!(nums, [Kind::Number("1.0".into()), Kind::Number("-0".into()), Kind::Number("2e5".into())]);

    let e = json_doc("{\"a\": 1\n \"b\": 2}").unwrap_err();
    assert_eq!((e.line, e.col, e.message.en().as_str()), (2, 2, "expected `,` or `}` after object member, found `\"`"));
    assert!(json_doc("[1] [2]").unwrap_err().message.en().contains("after the JSON value"));
    assert!(json_doc("{\"a\" 1}").unwrap_err().message.en().contains("`:`"));
    // Short forms in JSON are not tags: strings stay strings.
    assert_eq!(json_doc("\"!Ref X\"").unwrap().as_str(), Some("!Ref X"));
}

#[test]
fn json_escapes() {
    let n = json_doc(r#"{"s": "tab\there \"q\" \u00e9 \ud83d\ude80 \/ \\"}"#).unwrap();
    assert_eq!(n.get("s").unwrap().as_str(), Some("tab\there \"q\" é 🚀 / \\"));
    let e = json_doc(r#"["ok", "\udc00"]"#).unwrap_err();
    assert_eq!((e.line, e.col), (1, 9));
    assert!(e.message.en().contains("lone"));
    assert!(json_doc(r#""\ud800x""#).is_err());
    assert!(json_doc(r#""\q""#).is_err());
    // Columns after escapes and multi-byte characters count characters.
    let n = json_doc("[\"é\\n\", 1]").unwrap();
    assert_eq!(lc(n.as_seq().unwrap()[1].span), (1, 9, 1, 10));
}

#[test]
fn yaml_reads_json_the_same() {
    let src = r#"{"a": [1, "x", {"b": null}], "c": true}"#;
    assert_eq!(yaml(src).to_json(), json_doc(src).unwrap().to_json());
}

#[test]
fn quoted_scalars_end_at_their_closing_quote() {
    let text = "a: 'it''s'   # comment\nb: \"say \\\"hi\\\"\" # c\nc: 'multi\n  line' # c\n";
    let src = palisade::source::SourceFile::new("q.yaml", text.to_string());
    let docs = palisade::parse::parse_yaml(&src, &palisade::parse::Limits::default()).unwrap();
    let root = &docs[0].root;
    let slice = |k: &str| {
        let s = root.get(k).unwrap().span;
        &text[s.start as usize..s.end as usize]
    };
    assert_eq!(slice("a"), "'it''s'");
    assert_eq!(slice("b"), "\"say \\\"hi\\\"\"");
    assert_eq!(slice("c"), "'multi\n  line'");
    assert_eq!(root.get("a").unwrap().as_str(), Some("it's"));
}

#[test]
fn tabs_count_as_one_column() {
    // A tab in the indentation is reported where it is, not after it.
    let e = yaml_err("Resources:\n\tB: 1\n");
    assert_eq!((e.line, e.col), (2, 1), "{e}");
    let e = yaml_err("Resources:\n  B:\n  \t  C: 1\n");
    assert_eq!((e.line, e.col), (3, 3), "{e}");
    let e = yaml_err("a:\tb\n");
    assert_eq!((e.line, e.col), (1, 3), "{e}");
    // Spans after tabs agree with the file's columns (an alias keeps its anchor's span).
    let src = file("a: \tb\nc: [\tx,\t&y z, *y]\n");
    let root = parse_yaml(&src, &Limits::default()).unwrap().remove(0).root;
    let b = root.get("a").unwrap().span;
    assert_eq!((b.line, b.col), (1, 5));
    assert_eq!(src.line_col(b.start), (1, 5));
    let items = root.get("c").unwrap().as_seq().unwrap();
    assert_eq!(items.iter().map(|n| (n.span.line, n.span.col)).collect::<Vec<_>>(), vec![(2, 6), (2, 12), (2, 12)]);
}

#[test]
fn every_line_ending_starts_a_line() {
    for (text, eol) in [("a: 1\nb: [x, ?]\n", "\n"), ("a: 1\r\nb: [x, ?]\r\n", "\r\n"), ("a: 1\rb: [x, ?]\r", "\r")] {
        let src = file(text);
        assert_eq!(src.line_text(2), Some("b: [x, ?]"), "{eol:?}");
        let b = parse_yaml(&src, &Limits::default()).unwrap().remove(0).root;
        let b = b.entry("b").unwrap();
        assert_eq!((b.key_span.line, b.key_span.col), (2, 1), "{eol:?}");
        let json = text.replace("a: 1", "{\"a\": 1,").replace("b: [x, ?]", "\"b\": [1, ?]}");
        let e = json_doc(&json).unwrap_err();
        assert_eq!((e.line, e.col), (2, 10), "{eol:?}: {e}");
    }
}
