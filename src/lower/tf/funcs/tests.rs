use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::source::FileId;

fn sp(n: u32) -> Span {
    Span { start: n, end: n + 1, line: 1, col: n + 1, end_line: 1, end_col: n + 2, file: FileId::NONE }
}

const CALL: u32 = 99;

fn s(x: &str) -> Val {
    Val::new(VKind::Str(x.into()), sp(1))
}
fn n(x: &str) -> Val {
    Val::new(VKind::Num(x.into()), sp(2))
}
fn b(x: bool) -> Val {
    Val::new(VKind::Bool(x), sp(3))
}
fn null() -> Val {
    Val::new(VKind::Null, sp(4))
}
fn unk() -> Val {
    Val::unknown("var.x has no value", sp(5))
}
fn rf(id: &str) -> Val {
    Val::new(VKind::Ref(RefTarget { id: id.into(), attr: Some("arn".into()) }), sp(6))
}
fn l(items: Vec<Val>) -> Val {
    Val::new(VKind::List(items), sp(7))
}
fn m(entries: Vec<(&str, Val)>) -> Val {
    Val::new(VKind::Map(entries.into_iter().map(|(k, v)| (k.to_string(), sp(8), v)).collect()), sp(9))
}
fn strs(items: &[&str]) -> Val {
    l(items.iter().map(|x| s(x)).collect())
}
fn nums(items: &[&str]) -> Val {
    l(items.iter().map(|x| n(x)).collect())
}

fn no_template(_: &str, _: &Val, span: Span) -> Val {
    Val::unknown("no template renderer", span)
}

fn run_in(root: &Path, dir: &Path, name: &str, args: Vec<Val>) -> Result<Val, String> {
    let cx = FnCtx { root, module_dir: dir, render: &no_template };
    call(name, args, sp(CALL), &cx).map_err(|f| f.to_string())
}

fn run(name: &str, args: Vec<Val>) -> Result<Val, String> {
    run_in(Path::new("."), Path::new("."), name, args)
}

/// A compact rendering for assertions: `"s"`, `1`, `true`, `null`, `[..]`, `{k=v}`, `?`
/// (unknown), `&id.attr` (reference), `json(..)`.
fn show(v: &Val) -> String {
    match &v.kind {
        VKind::Null | VKind::NoValue => "null".into(),
        VKind::Bool(x) => x.to_string(),
        VKind::Num(x) => x.clone(),
        VKind::Str(x) => format!("{x:?}"),
        VKind::List(items) => format!("[{}]", items.iter().map(show).collect::<Vec<_>>().join(", ")),
        VKind::Map(e) => {
            format!("{{{}}}", e.iter().map(|(k, _, v)| format!("{k}={}", show(v))).collect::<Vec<_>>().join(", "))
        }
        VKind::Unknown(_) => "?".into(),
        VKind::Ref(t) => format!("&{}.{}", t.id, t.attr.clone().unwrap_or_default()),
        VKind::Json(x) => format!("json({})", show(x)),
    }
}

#[track_caller]
fn check(name: &str, args: Vec<Val>, want: &str) {
    match run(name, args) {
        Ok(v) => assert_eq!(show(&v), want, "{name}"),
        Err(e) => panic!("{name} failed: {e}"),
    }
}

#[track_caller]
fn fails(name: &str, args: Vec<Val>, part: &str) {
    match run(name, args) {
        Ok(v) => panic!("{name} gave {}", show(&v)),
        Err(e) => assert!(e.contains(part), "{name}: `{e}` lacks `{part}`"),
    }
}

#[test]
fn unsupported_names_and_arity() {
    fails("md5", vec![s("x")], "function `md5` is not supported");
    fails("upper", vec![], "expected 1 argument, got 0");
    fails("lookup", vec![m(vec![])], "expected 2 to 3 arguments");
}

#[test]
fn results_carry_the_call_span_and_moved_elements_keep_theirs() {
    let v = run("concat", vec![l(vec![s("a")]), l(vec![rf("aws_iam_role.r")])]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v.span, sp(CALL));
    let items = v.as_list().unwrap_or_default();
    assert_eq!(items[0].span, sp(1));
    assert_eq!(items[1].span, sp(6));
    let k = run("keys", vec![m(vec![("b", n("1"))])]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(k.as_list().map(|l| l[0].span), Some(sp(8)));
}

#[test]
fn length_counts_characters_elements_and_entries() {
    check("length", vec![s("héllo")], "5");
    check("length", vec![l(vec![rf("a"), unk()])], "2");
    check("length", vec![m(vec![("a", unk())])], "1");
    check("length", vec![unk()], "?");
    fails("length", vec![null()], "null");
}

#[test]
fn lookup_keeps_values_and_uses_defaults() {
    let map = m(vec![("a", s("x")), ("b", unk())]);
    check("lookup", vec![map.clone(), s("a")], r#""x""#);
    check("lookup", vec![map.clone(), s("z"), s("d")], r#""d""#);
    check("lookup", vec![map.clone(), s("b")], "?");
    check("lookup", vec![unk(), s("a"), s("d")], "?");
    check("lookup", vec![map.clone(), unk()], "?");
    fails("lookup", vec![map, s("z")], "does not exist");
}

#[test]
fn merge_overrides_in_order_and_ignores_nulls() {
    let a = m(vec![("a", s("1")), ("b", rf("x"))]);
    let c = m(vec![("a", s("2"))]);
    check("merge", vec![a.clone(), null(), c], r#"{a="2", b=&x.arn}"#);
    check("merge", vec![a, unk()], "?");
    fails("merge", vec![s("x")], "a map is required");
}

#[test]
fn concat_moves_unknown_elements() {
    check("concat", vec![l(vec![s("a"), rf("r")]), l(vec![s("b")])], r#"["a", &r.arn, "b"]"#);
    check("concat", vec![l(vec![]), unk()], "?");
}

#[test]
fn coalesce_skips_null_and_empty() {
    check("coalesce", vec![null(), s(""), s("x"), unk()], r#""x""#);
    check("coalesce", vec![s("a"), unk()], r#""a""#);
    check("coalesce", vec![unk(), s("x")], "?");
    fails("coalesce", vec![null(), s("")], "no non-null");
    check("coalescelist", vec![l(vec![]), strs(&["a"])], r#"["a"]"#);
    check("coalescelist", vec![unk(), strs(&["a"])], "?");
}

#[test]
fn compact_removes_empty_strings_and_nulls() {
    check("compact", vec![l(vec![s("a"), s(""), null(), n("1")])], r#"["a", "1"]"#);
    check("compact", vec![l(vec![s("a"), unk()])], "?");
}

#[test]
fn flatten_distinct_element() {
    check("flatten", vec![l(vec![strs(&["a"]), l(vec![strs(&["b"]), l(vec![])]), s("c")])], r#"["a", "b", "c"]"#);
    check("flatten", vec![l(vec![strs(&["a"]), rf("r")])], "?");
    let mut deep = strs(&["x"]);
    for _ in 0..200 {
        deep = l(vec![deep]);
    }
    fails("flatten", vec![deep], "too deeply");
    check("distinct", vec![strs(&["a", "b", "a"])], r#"["a", "b"]"#);
    check("distinct", vec![l(vec![n("1"), n("1.0"), n("2")])], "[1, 2]");
    check("element", vec![strs(&["a", "b", "c"]), n("4")], r#""b""#);
    check("element", vec![l(vec![rf("r")]), n("0")], "&r.arn");
    fails("element", vec![l(vec![]), n("0")], "empty");
    fails("element", vec![strs(&["a"]), n("-1")], "negative");
}

#[test]
fn keys_and_values_sorted_by_key() {
    let map = m(vec![("b", n("2")), ("a", rf("r"))]);
    check("keys", vec![map.clone()], r#"["a", "b"]"#);
    check("values", vec![map], "[&r.arn, 2]");
}

#[test]
fn contains_and_index_three_valued() {
    check("contains", vec![l(vec![rf("r"), s("x")]), s("x")], "true");
    check("contains", vec![l(vec![rf("r"), s("x")]), s("y")], "?");
    check("contains", vec![strs(&["a"]), s("y")], "false");
    check("contains", vec![strs(&["1"]), n("1")], "true");
    check("index", vec![strs(&["a", "b"]), s("b")], "1");
    fails("index", vec![strs(&["a"]), s("z")], "not found");
}

#[test]
fn matchkeys_and_sensitive() {
    let vals = l(vec![s("i-1"), rf("r"), s("i-3")]);
    check("matchkeys", vec![vals.clone(), strs(&["a", "b", "c"]), strs(&["b", "c"])], r#"[&r.arn, "i-3"]"#);
    check("matchkeys", vec![vals.clone(), l(vec![s("a"), unk(), s("c")]), strs(&["c"])], "?");
    fails("matchkeys", vec![vals, strs(&["a"]), strs(&["a"])], "3 values but 1 keys");
    check("sensitive", vec![rf("r")], "&r.arn");
    check("nonsensitive", vec![s("x")], r#""x""#);
}

#[test]
fn zipmap_slice_reverse_sort_one() {
    check("zipmap", vec![strs(&["a", "b"]), l(vec![n("1"), rf("r")])], "{a=1, b=&r.arn}");
    fails("zipmap", vec![strs(&["a"]), l(vec![])], "1 keys but 0 values");
    check("slice", vec![strs(&["a", "b", "c"]), n("1"), n("3")], r#"["b", "c"]"#);
    fails("slice", vec![strs(&["a"]), n("0"), n("2")], "invalid slice");
    check("reverse", vec![strs(&["a", "b"])], r#"["b", "a"]"#);
    check("sort", vec![l(vec![s("b"), n("10"), s("a"), n("9")])], r#"["10", "9", "a", "b"]"#);
    check("sort", vec![l(vec![s("b"), unk()])], "?");
    check("one", vec![l(vec![])], "null");
    check("one", vec![l(vec![rf("r")])], "&r.arn");
    fails("one", vec![strs(&["a", "b"])], "at most one");
}

#[test]
fn alltrue_anytrue_decide_despite_unknowns() {
    check("alltrue", vec![l(vec![b(true), s("true")])], "true");
    check("alltrue", vec![l(vec![unk(), b(false)])], "false");
    check("alltrue", vec![l(vec![unk(), b(true)])], "?");
    check("alltrue", vec![l(vec![])], "true");
    check("anytrue", vec![l(vec![unk(), b(true)])], "true");
    check("anytrue", vec![l(vec![b(false)])], "false");
    check("anytrue", vec![l(vec![])], "false");
}

#[test]
fn sets() {
    check("toset", vec![strs(&["b", "a", "b"])], r#"["a", "b"]"#);
    check("toset", vec![l(vec![s("b"), n("1")])], r#"["1", "b"]"#);
    check("toset", vec![nums(&["10", "9", "10"])], "[9, 10]");
    check("toset", vec![l(vec![rf("r"), s("a"), rf("r")])], r#"["a", &r.arn]"#);
    check("toset", vec![l(vec![unk(), s("a")])], "?");
    check("toset", vec![null()], "null");
    check("setunion", vec![strs(&["b"]), strs(&["a", "b"])], r#"["a", "b"]"#);
    check("setintersection", vec![strs(&["a", "b", "c"]), strs(&["c", "a"])], r#"["a", "c"]"#);
    check("setsubtract", vec![strs(&["a", "b"]), strs(&["a"])], r#"["b"]"#);
    check("setunion", vec![strs(&["a"]), l(vec![unk()])], "?");
    check("setproduct", vec![strs(&["a", "b"]), nums(&["1", "2"])], r#"[["a", 1], ["a", 2], ["b", 1], ["b", 2]]"#);
    let big = l((0..40).map(|i| n(&i.to_string())).collect());
    fails("setproduct", vec![big.clone(), big], "more than 1024");
}

#[test]
fn chunklist_and_transpose() {
    check("chunklist", vec![strs(&["a", "b", "c"]), n("2")], r#"[["a", "b"], ["c"]]"#);
    check("chunklist", vec![strs(&["a", "b"]), n("0")], r#"[["a", "b"]]"#);
    fails("chunklist", vec![strs(&["a"]), n("-1")], "positive");
    let map = m(vec![("b", strs(&["1", "2"])), ("a", strs(&["2", "3"]))]);
    check("transpose", vec![map], r#"{1=["b"], 2=["a", "b"], 3=["a"]}"#);
}

#[test]
fn conversions() {
    check("tostring", vec![n("1.50")], r#""1.5""#);
    check("tostring", vec![b(true)], r#""true""#);
    check("tostring", vec![null()], "null");
    fails("tostring", vec![strs(&["a"])], "a string is required");
    check("tonumber", vec![s("12")], "12");
    check("tonumber", vec![n("1e3")], "1000");
    fails("tonumber", vec![s("x1")], "not a number");
    fails("tonumber", vec![s("inf")], "not a number");
    fails("tonumber", vec![s(" 1")], "not a number");
    check("tobool", vec![s("false")], "false");
    fails("tobool", vec![s("yes")], "a bool is required");
    check("tolist", vec![l(vec![s("a"), n("1"), b(false)])], r#"["a", "1", "false"]"#);
    check("tomap", vec![m(vec![("a", n("1")), ("b", s("x"))])], r#"{a="1", b="x"}"#);
    check("tonumber", vec![unk()], "?");
}

#[test]
fn numbers() {
    check("min", vec![n("3"), s("1.5"), n("2")], "1.5");
    check("max", vec![n("3"), n("-1")], "3");
    check("max", vec![n("3"), unk()], "?");
    fails("max", vec![], "at least 1");
    check("abs", vec![n("-2.5")], "2.5");
    check("ceil", vec![n("1.2")], "2");
    check("floor", vec![n("-1.2")], "-2");
    check("sum", vec![nums(&["1", "2.5"])], "3.5");
    fails("sum", vec![l(vec![])], "empty");
    check("pow", vec![n("2"), n("10")], "1024");
    check("parseint", vec![s("FF"), n("16")], "255");
    check("parseint", vec![s("-101"), n("2")], "-5");
    fails("parseint", vec![s("12"), n("2")], "cannot parse");
    check("signum", vec![n("-3")], "-1");
    check("range", vec![n("3")], "[0, 1, 2]");
    check("range", vec![n("1"), n("4")], "[1, 2, 3]");
    check("range", vec![n("3"), n("0")], "[3, 2, 1]");
    check("range", vec![n("0"), n("1"), n("0.25")], "[0, 0.25, 0.5, 0.75]");
    check("range", vec![n("0")], "[]");
    fails("range", vec![n("0"), n("1"), n("0")], "zero");
    fails("range", vec![n("0"), n("5"), n("-1")], "negative step");
    fails("range", vec![n("1e9")], "more than 1024");
    check("range", vec![n("1024")], &format!("[{}]", (0..1024).map(|i| i.to_string()).collect::<Vec<_>>().join(", ")));
}

#[test]
fn number_text_is_canonical() {
    check("tonumber", vec![n("123456789012345678901234567890")], "123456789012345678901234567890");
    check("abs", vec![n("-0")], "0");
    check("floor", vec![n("2.0")], "2");
    check("tonumber", vec![n("0.1")], "0.1");
}

#[test]
fn string_functions() {
    check("join", vec![s(", "), strs(&["a", "b"]), l(vec![n("1")])], r#""a, b, 1""#);
    check("join", vec![s(","), l(vec![s("a"), rf("r")])], "?");
    fails("join", vec![s(","), l(vec![null()])], "null");
    check("split", vec![s(","), s("a,,b")], r#"["a", "", "b"]"#);
    check("split", vec![s(","), s("")], r#"[""]"#);
    check("split", vec![s(""), s("ab")], r#"["a", "b"]"#);
    check("replace", vec![s("a-b-c"), s("-"), s("+")], r#""a+b+c""#);
    check("replace", vec![s("a1b22"), s("/[0-9]+/"), s("#")], r#""a#b#""#);
    check("replace", vec![s("key=val"), s("/(\\w+)=(\\w+)/"), s("$2=$1")], r#""val=key""#);
    fails("replace", vec![s("x"), s("/(/"), s("")], "invalid regular expression");
    check("lower", vec![s("ÀB")], r#""àb""#);
    check("upper", vec![s("ab")], r#""AB""#);
    check("upper", vec![unk()], "?");
    check("title", vec![s("hello wORLD-foo_bar")], r#""Hello WORLD-Foo_bar""#);
    check("trimspace", vec![s("  a b\n")], r#""a b""#);
    check("trim", vec![s("?!a?b!?"), s("!?")], r#""a?b""#);
    check("trimprefix", vec![s("prefix-x"), s("prefix-")], r#""x""#);
    check("trimsuffix", vec![s("x.tf"), s(".tf")], r#""x""#);
    check("startswith", vec![s("arn:aws"), s("arn:")], "true");
    check("endswith", vec![s("arn:aws"), s("arn:")], "false");
    check("strcontains", vec![s("abc"), s("b")], "true");
    check("chomp", vec![s("a\r\n\n")], r#""a""#);
    check("indent", vec![n("2"), s("a\nb")], r#""a\n  b""#);
}

#[test]
fn substr_counts_characters_and_clamps() {
    check("substr", vec![s("hello world"), n("1"), n("4")], r#""ello""#);
    check("substr", vec![s("héllo"), n("-3"), n("-1")], r#""llo""#);
    check("substr", vec![s("abc"), n("1"), n("100")], r#""bc""#);
    check("substr", vec![s("abc"), n("10"), n("1")], r#""""#);
    check("substr", vec![s("abc"), n("-10"), n("2")], r#""ab""#);
}

#[test]
fn regex_gives_match_captures_or_named_map() {
    check("regex", vec![s("[a-z]+"), s("53ab12")], r#""ab""#);
    check("regex", vec![s("(\\d+)-(\\d+)"), s("x 10-20")], r#"["10", "20"]"#);
    check("regex", vec![s("(?P<a>\\d)(?P<b>x)?"), s("1")], "{a=\"1\", b=null}");
    fails("regex", vec![s("(?P<a>\\d)(\\d)"), s("12")], "mix named and unnamed");
    fails("regex", vec![s("z"), s("abc")], "did not match");
    fails("regex", vec![s("("), s("abc")], "invalid regular expression");
    check("regexall", vec![s("\\d"), s("a1b2")], r#"["1", "2"]"#);
    check("regexall", vec![s("(\\w)=(\\d)"), s("a=1 b=2")], r#"[["a", "1"], ["b", "2"]]"#);
    check("regexall", vec![s("z"), s("abc")], "[]");
    check("regex", vec![s("a"), rf("r")], "?");
}

#[test]
fn format_verbs() {
    check("format", vec![s("%s-%d-%t-%%"), s("a"), n("3"), b(true)], r#""a-3-true-%""#);
    check("format", vec![s("%5s|%-5s|%05d|%+d"), s("ab"), s("cd"), n("-42"), n("7")], r#""   ab|cd   |-0042|+7""#);
    check("format", vec![s("%.2f %f %.0f"), n("3.14159"), n("1"), n("2.5")], r#""3.14 1.000000 2""#);
    check("format", vec![s("%e %g %g"), n("1500"), n("0.00001"), n("100")], r#""1.500000e+03 1e-05 100""#);
    check("format", vec![s("%x %X %o %b"), n("255"), n("255"), n("8"), n("5")], r#""ff FF 10 101""#);
    check("format", vec![s("%q"), s("a\"b\n")], r#""\"a\\\"b\\n\"""#);
    check("format", vec![s("%v %v %v"), strs(&["a"]), n("1"), null()], r#""[\"a\"] 1 null""#);
    check("format", vec![s("%[2]s %[1]s"), s("a"), s("b")], r#""b a""#);
    check("format", vec![s("%.3s"), s("abcdef")], r#""abc""#);
    check("format", vec![s("%s"), unk()], "?");
    fails("format", vec![s("%s %s"), s("a")], "not enough arguments");
    fails("format", vec![s("%s"), s("a"), s("b")], "too many arguments");
    fails("format", vec![s("%d"), n("1.5")], "whole number");
    fails("format", vec![s("%s"), strs(&["a"])], "a string is required");
    fails("format", vec![s("%99999999999999999999s"), s("a")], "width or precision");
    fails("format", vec![s("%y"), s("a")], "unsupported format verb");
    fails("format", vec![s("%"), s("a")], "middle of a verb");
}

#[test]
fn formatlist_repeats_scalars_over_lists() {
    check("formatlist", vec![s("%s=%s"), strs(&["a", "b"]), s("x")], r#"["a=x", "b=x"]"#);
    check("formatlist", vec![s("%s"), l(vec![s("a"), rf("r")])], r#"["a", ?]"#);
    check("formatlist", vec![s("%s"), unk()], "?");
    fails("formatlist", vec![s("%s%s"), strs(&["a"]), strs(&["a", "b"])], "same length");
}

#[test]
fn json_encode_and_decode() {
    let policy = m(vec![("Version", s("2012-10-17")), ("Statement", l(vec![m(vec![("Effect", s("Allow"))])]))]);
    let enc = run("jsonencode", vec![policy.clone()]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(enc.kind, VKind::Json(Box::new(policy.clone())));
    assert_eq!(enc.span, sp(CALL));
    // A reference inside keeps the structure; the text is unknown.
    let partial = run("jsonencode", vec![m(vec![("a", rf("r"))])]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(show(&partial), "json({a=&r.arn})");
    check("length", vec![partial.clone()], "?");
    check("base64encode", vec![partial.clone()], "?");
    check("jsondecode", vec![partial], "{a=&r.arn}");
    check("jsonencode", vec![unk()], "?");
    // Decoding an encoded value gives it back with its own spans.
    let back = run("jsondecode", vec![enc.clone()]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, policy);
    // Read as a string, the text is Terraform's: compact, keys sorted, HTML characters escaped.
    check("length", vec![enc.clone()], "57");
    let text = r#""{\"Statement\":[{\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}""#;
    check("format", vec![s("%s"), enc.clone()], text);
    check("tostring", vec![enc], r#"json({Version="2012-10-17", Statement=[{Effect="Allow"}]})"#);
    check(
        "format",
        vec![
            s("%s"),
            run("jsonencode", vec![m(vec![("b", s("<&>")), ("a", l(vec![n("1.0"), b(true), null()]))])])
                .unwrap_or_else(|e| panic!("{e}")),
        ],
        r#""{\"a\":[1,true,null],\"b\":\"\\u003c\\u0026\\u003e\"}""#,
    );
    let dec =
        run("jsondecode", vec![s(r#"{"a": [1, 2.50, "x", null, true], "b": {}}"#)]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(show(&dec), r#"{a=[1, 2.5, "x", null, true], b={}}"#);
    assert_eq!(dec.get("a").map(|v| v.span), Some(sp(CALL)));
    fails("jsondecode", vec![s("{")], "invalid JSON");
    check("jsondecode", vec![unk()], "?");
}

#[test]
fn yaml_encode_and_decode() {
    let v = m(vec![
        ("foo", l(vec![n("1"), m(vec![("c", s("d")), ("a", s("b"))]), l(vec![n("2"), n("3")]), l(vec![])])),
        ("bar", s("baz\n\"q\"")),
        ("nested", m(vec![("x", null()), ("y", b(false))])),
    ]);
    let want = "\"bar\": \"baz\\n\\\"q\\\"\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- - 2\n  - 3\n- []\n\"nested\":\n  \"x\": null\n  \"y\": false\n";
    check("yamlencode", vec![v.clone()], &format!("{want:?}"));
    check("yamlencode", vec![s("x")], r#""\"x\"\n""#);
    check("yamlencode", vec![l(vec![rf("r")])], "?");
    let text = run("yamlencode", vec![v]).unwrap_or_else(|e| panic!("{e}"));
    let back = run("yamldecode", vec![text]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(show(&back), r#"{bar="baz\n\"q\"", foo=[1, {a="b", c="d"}, [2, 3], []], nested={x=null, y=false}}"#);
    check("yamldecode", vec![s("a: 0x1f\nb: [yes, 1.50]\n")], r#"{a=31, b=["yes", 1.5]}"#);
    check("yamldecode", vec![s("")], "null");
    fails("yamldecode", vec![s("a: [")], "invalid YAML");
    fails("yamldecode", vec![s("a: 1\n---\nb: 2\n")], "more than one document");
}

#[test]
fn base64_and_urlencode() {
    for (plain, enc) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("héllo", "aMOpbGxv")] {
        check("base64encode", vec![s(plain)], &format!("{enc:?}"));
        check("base64decode", vec![s(enc)], &format!("{plain:?}"));
    }
    check("base64decode", vec![s("Zm9v\nYmFy")], r#""foobar""#);
    fails("base64decode", vec![s("Zm9")], "invalid base64");
    fails("base64decode", vec![s("Zg==Zg==")], "invalid base64");
    fails("base64decode", vec![s("/w==")], "not valid UTF-8");
    check("urlencode", vec![s("a b&c=d/é~")], r#""a+b%26c%3Dd%2F%C3%A9~""#);
}

#[test]
fn cidr_functions() {
    check("cidrsubnet", vec![s("10.1.0.0/16"), n("8"), n("2")], r#""10.1.2.0/24""#);
    check("cidrsubnet", vec![s("10.1.2.3/16"), n("4"), n("15")], r#""10.1.240.0/20""#);
    check("cidrsubnet", vec![s("fd00:fd12:3456:7890::/56"), n("16"), n("162")], r#""fd00:fd12:3456:7800:a200::/72""#);
    fails("cidrsubnet", vec![s("10.0.0.0/30"), n("3"), n("0")], "cannot extend");
    fails("cidrsubnet", vec![s("10.0.0.0/16"), n("2"), n("4")], "does not accommodate");
    fails("cidrsubnet", vec![s("10.0.0.0/33"), n("1"), n("0")], "invalid CIDR");
    fails("cidrsubnet", vec![s(" 10.0.0.0/8"), n("1"), n("0")], "invalid CIDR");
    fails("cidrsubnet", vec![s("fd00::/129"), n("1"), n("0")], "invalid CIDR");
    fails("cidrsubnet", vec![s("10.0.0.0"), n("2"), n("1")], "invalid CIDR");
    check("cidrhost", vec![s("10.12.112.0/20"), n("16")], r#""10.12.112.16""#);
    check("cidrhost", vec![s("10.12.112.0/20"), n("268")], r#""10.12.113.12""#);
    check("cidrhost", vec![s("10.0.0.0/24"), n("-1")], r#""10.0.0.255""#);
    check("cidrhost", vec![s("fd00:fd12:3456:7800:a200::/72"), n("34")], r#""fd00:fd12:3456:7800:a200::22""#);
    check("cidrhost", vec![s("fd00:fd12:3456:7890:00a2::/72"), n("34")], r#""fd00:fd12:3456:7890::22""#);
    check("cidrhost", vec![s("::/0"), n("-1")], r#""ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff""#);
    fails("cidrhost", vec![s("10.0.0.0/24"), n("256")], "cannot accommodate");
    fails("cidrhost", vec![s("10.0.0.0/24"), n("-257")], "cannot accommodate");
    check("cidrnetmask", vec![s("172.16.0.0/12")], r#""255.240.0.0""#);
    check("cidrnetmask", vec![s("0.0.0.0/0")], r#""0.0.0.0""#);
    fails("cidrnetmask", vec![s("::/64")], "only IPv4");
    check(
        "cidrsubnets",
        vec![s("10.1.0.0/16"), n("4"), n("4"), n("8"), n("4")],
        r#"["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"]"#,
    );
    check(
        "cidrsubnets",
        vec![s("fd00:fd12:3456:7890::/56"), n("16"), n("16")],
        r#"["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72"]"#,
    );
    fails("cidrsubnets", vec![s("10.0.0.0/24"), n("1"), n("1"), n("1")], "not enough remaining");
    check("cidrsubnets", vec![s("::/0"), n("0")], r#"["::/0"]"#);
    check("cidrsubnet", vec![rf("aws_vpc.v"), n("8"), n("1")], "?");
}

#[test]
fn volatile_values_are_unknown() {
    check("timestamp", vec![], "?");
    check("uuid", vec![], "?");
    check("abspath", vec![s(".")], "?");
    check("pathexpand", vec![s("~/x")], "?");
    check("basename", vec![s("a/b/c.tf")], r#""c.tf""#);
    check("basename", vec![s("a/b/")], r#""b""#);
    check("basename", vec![s("")], r#"".""#);
    check("basename", vec![s("/")], r#""/""#);
    check("dirname", vec![s("a/b/c.tf")], r#""a/b""#);
    check("dirname", vec![s("c.tf")], r#"".""#);
    check("dirname", vec![s("/c.tf")], r#""/""#);
    check("dirname", vec![s("a//b/../c/x")], r#""a/c""#);
}

fn render_vars(text: &str, vars: &Val, span: Span) -> Val {
    let name = vars.get("name").and_then(Val::as_str).unwrap_or("?");
    Val::new(VKind::Str(text.replace("${name}", name)), span)
}

#[test]
fn files_are_read_only_inside_the_root() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let root = tmp.path().join("root");
    let module = root.join("mod");
    let outside = tmp.path().join("secret.txt");
    std::fs::create_dir_all(module.join("tpl/sub")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&outside, "secret").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(root.join("shared.txt"), "shared").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(module.join("policy.json"), "{\"a\": 1}").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(module.join("tpl/a.tpl"), "hello ${name}").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(module.join("tpl/sub/b.tpl"), "b").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(module.join("tpl/c.txt"), "c").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(module.join("big.txt"), vec![b'x'; (1 << 20) + 1]).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(module.join("bin.dat"), [0xff, 0xfe]).unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&outside, module.join("link.txt")).unwrap_or_else(|e| panic!("{e}"));
        std::os::unix::fs::symlink(&outside, module.join("tpl/leak.tpl")).unwrap_or_else(|e| panic!("{e}"));
    }
    let go = |name: &str, args: Vec<Val>| run_in(&root, &module, name, args);
    let shown = |r: Result<Val, String>| r.map(|v| show(&v));

    assert_eq!(shown(go("file", vec![s("policy.json")])), Ok(r#""{\"a\": 1}""#.to_string()));
    assert_eq!(shown(go("file", vec![s("../shared.txt")])), Ok(r#""shared""#.to_string()));
    assert_eq!(shown(go("filebase64", vec![s("tpl/sub/b.tpl")])), Ok(r#""Yg==""#.to_string()));
    let refused = |path: &str| Err(format!("refused to read `{path}`: outside the scanned directory"));
    assert_eq!(shown(go("file", vec![s("../../secret.txt")])), refused("../../secret.txt"));
    let abs = outside.to_string_lossy().into_owned();
    assert_eq!(shown(go("file", vec![s(&abs)])), refused(&abs));
    assert_eq!(shown(go("fileexists", vec![s("../../secret.txt")])), refused("../../secret.txt"));
    assert_eq!(shown(go("fileexists", vec![s("../../nothing")])), refused("../../nothing"));
    #[cfg(unix)]
    assert_eq!(shown(go("file", vec![s("link.txt")])), refused("link.txt"));
    assert_eq!(shown(go("fileexists", vec![s("policy.json")])), Ok("true".to_string()));
    assert_eq!(shown(go("fileexists", vec![s("nothing.json")])), Ok("false".to_string()));
    assert!(go("fileexists", vec![s("tpl")]).is_err_and(|e| e.contains("is a directory")));
    assert!(go("file", vec![s("nothing.json")]).is_err_and(|e| e.contains("no file exists")));
    assert!(go("file", vec![s("big.txt")]).is_err_and(|e| e.contains("larger than 1 MiB")));
    assert!(go("file", vec![s("bin.dat")]).is_err_and(|e| e.contains("not valid UTF-8")));
    assert_eq!(shown(go("file", vec![unk()])), Ok("?".to_string()));

    let set = shown(go("fileset", vec![s("tpl"), s("**/*.tpl")]));
    assert_eq!(set, Ok(r#"["a.tpl", "sub/b.tpl"]"#.to_string()));
    assert_eq!(shown(go("fileset", vec![s("tpl"), s("*")])), Ok(r#"["a.tpl", "c.txt"]"#.to_string()));
    assert_eq!(shown(go("fileset", vec![s("missing"), s("*")])), Ok("[]".to_string()));
    assert_eq!(shown(go("fileset", vec![s(".."), s("../*")])), Ok("[]".to_string()));
    assert_eq!(shown(go("fileset", vec![s("../.."), s("*")])), refused("../.."));

    let cx = FnCtx { root: &root, module_dir: &module, render: &render_vars };
    let out = call("templatefile", vec![s("tpl/a.tpl"), m(vec![("name", s("world"))])], sp(CALL), &cx)
        .map_err(|f| f.to_string());
    assert_eq!(shown(out), Ok(r#""hello world""#.to_string()));
    let out = call("templatefile", vec![s("tpl/a.tpl"), s("x")], sp(CALL), &cx);
    assert!(out.is_err_and(|e| matches!(e, Failure::Invalid(m) if m.contains("must be a map"))));
    let out = call("templatefile", vec![s("../../secret.txt"), m(vec![])], sp(CALL), &cx);
    let want = Failure::Unavailable("refused to read `../../secret.txt`: outside the scanned directory".into());
    assert_eq!(out.map(|v| show(&v)), Err(want));
    // Absent files and files outside the root are not invalid arguments: `try` does not fall back.
    let out = call("templatefile", vec![s("tpl/none.tpl"), m(vec![])], sp(CALL), &cx);
    assert!(out.is_err_and(|e| matches!(e, Failure::Unavailable(m) if m.contains("no file exists"))));
    let inside = module.join("policy.json").to_string_lossy().into_owned();
    assert_eq!(shown(go("file", vec![s(&inside)])), Ok(r#""{\"a\": 1}""#.to_string()));
}

/// Every function name `call` knows, and a few it does not.
const NAMES: &[&str] = &[
    "length",
    "lookup",
    "merge",
    "concat",
    "coalesce",
    "coalescelist",
    "compact",
    "flatten",
    "distinct",
    "element",
    "keys",
    "values",
    "contains",
    "index",
    "zipmap",
    "matchkeys",
    "sensitive",
    "nonsensitive",
    "slice",
    "reverse",
    "sort",
    "one",
    "alltrue",
    "anytrue",
    "chunklist",
    "transpose",
    "setunion",
    "setintersection",
    "setsubtract",
    "setproduct",
    "toset",
    "tolist",
    "tomap",
    "tostring",
    "tonumber",
    "tobool",
    "min",
    "max",
    "abs",
    "ceil",
    "floor",
    "signum",
    "pow",
    "log",
    "parseint",
    "sum",
    "range",
    "format",
    "formatlist",
    "join",
    "split",
    "replace",
    "lower",
    "upper",
    "title",
    "trimspace",
    "chomp",
    "strrev",
    "trim",
    "trimprefix",
    "trimsuffix",
    "startswith",
    "endswith",
    "strcontains",
    "substr",
    "indent",
    "regex",
    "regexall",
    "jsonencode",
    "jsondecode",
    "yamlencode",
    "yamldecode",
    "base64encode",
    "base64decode",
    "urlencode",
    "cidrhost",
    "cidrnetmask",
    "cidrsubnet",
    "cidrsubnets",
    "file",
    "filebase64",
    "fileexists",
    "templatefile",
    "fileset",
    "basename",
    "dirname",
    "abspath",
    "pathexpand",
    "timestamp",
    "plantimestamp",
    "uuid",
    "md5",
    "nosuch",
];

fn arb_val() -> impl Strategy<Value = Val> {
    let leaf = prop_oneof![
        Just(VKind::Null),
        any::<bool>().prop_map(VKind::Bool),
        prop::sample::select(vec![
            "0",
            "1",
            "-1",
            "2.5",
            "-0",
            "1e3",
            "1e400",
            "9007199254740993",
            "4294967296",
            "129"
        ])
        .prop_map(|x| VKind::Num(x.to_string())),
        "[a-z0-9/%.:*\\[\\]()\\-$ \n]{0,8}".prop_map(VKind::Str),
        prop::sample::select(vec!["10.0.0.0/8", "::/0", "/a+/", "%5.2f", "%[3]d", "**/*", "../x", "Zm9v", "a: [1]"])
            .prop_map(|x| VKind::Str(x.to_string())),
        Just(VKind::Unknown("unknown".into())),
        Just(VKind::Ref(RefTarget { id: "aws_s3_bucket.b".into(), attr: None })),
    ]
    .prop_map(|k| Val::new(k, sp(1)));
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(|l| Val::new(VKind::List(l), sp(2))),
            prop::collection::vec(("[a-c]{0,2}", inner.clone()), 0..4)
                .prop_map(|e| Val::new(VKind::Map(e.into_iter().map(|(k, v)| (k, sp(3), v)).collect()), sp(3))),
            inner.prop_map(|v| Val::new(VKind::Json(Box::new(v)), sp(4))),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn call_never_panics(args in prop::collection::vec(arb_val(), 0..4)) {
        let tmp = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        for name in NAMES {
            let cx = FnCtx { root: tmp.path(), module_dir: tmp.path(), render: &no_template };
            if let Ok(v) = call(name, args.clone(), sp(CALL), &cx) {
                // Results are spanned at the call unless an argument's element was moved.
                let moved = (1..=4).any(|i| v.span == sp(i));
                prop_assert!(v.span == sp(CALL) || moved, "{name}: {:?}", v.span);
            }
        }
    }
}
