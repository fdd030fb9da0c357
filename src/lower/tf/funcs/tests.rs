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
    call(name, args, sp(CALL), &cx)
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
