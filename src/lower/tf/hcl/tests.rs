//! Tests of the evaluator over fixture strings and directories.

use std::path::{Path, PathBuf};

use super::*;
use crate::model::{RefTarget, VKind, Val};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/terraform").join(name)
}

fn eval_dir(dir: &Path) -> Evaluated {
    evaluate_root(dir, dir, &Options::default())
}

/// Evaluates a root module made of these files.
fn eval_files(files: &[(&str, &str)]) -> (Evaluated, tempfile::TempDir) {
    let tmp = tempfile::tempdir().expect("temporary directory");
    for (name, text) in files {
        let p = tmp.path().join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    (eval_dir(tmp.path()), tmp)
}

/// The attributes of the one resource of a module `main.tf`.
fn attrs_of(text: &str) -> Val {
    let (e, _t) = eval_files(&[("main.tf", text)]);
    e.resources.into_iter().next().expect("a resource").attrs
}

fn res<'a>(e: &'a Evaluated, address: &str) -> &'a TfResource {
    e.resources.iter().find(|r| r.address == address).unwrap_or_else(|| {
        panic!("no {address} among {:?}", e.resources.iter().map(|r| &r.address).collect::<Vec<_>>())
    })
}

fn s(v: Option<&Val>) -> Option<&str> {
    v.and_then(Val::as_str)
}

fn at(v: &Val, path: &str) -> Val {
    let mut cur = v.clone();
    for p in path.split('.') {
        cur = match (p.parse::<usize>(), &cur.kind) {
            (Ok(i), VKind::List(l)) => l.get(i).cloned().unwrap_or_else(|| panic!("no {p} in {cur:?}")),
            _ => cur.get(p).cloned().unwrap_or_else(|| panic!("no {p} in {cur:?}")),
        };
    }
    cur
}

fn rf(id: &str, attr: Option<&str>) -> VKind {
    VKind::Ref(RefTarget { id: id.into(), attr: attr.map(str::to_string) })
}

#[test]
fn literals_operators_and_conditionals() {
    let a = attrs_of(
        r#"resource "aws_x" "r" {
  n     = 1 + 2 * 3
  d     = 7 / 2
  m     = 7 % 3
  neg   = -4
  cmp   = 3 >= 2 && !false
  eq    = "a" == "a"
  cond  = 1 > 2 ? "yes" : "no"
  list  = [1, "two", true, null]
  obj   = { a = 1, "b" = 2 }
}"#,
    );
    assert_eq!(at(&a, "n").kind, VKind::Num("7".into()));
    assert_eq!(at(&a, "d").kind, VKind::Num("3.5".into()));
    assert_eq!(at(&a, "m").kind, VKind::Num("1".into()));
    assert_eq!(at(&a, "neg").kind, VKind::Num("-4".into()));
    assert_eq!(at(&a, "cmp").kind, VKind::Bool(true));
    assert_eq!(at(&a, "eq").kind, VKind::Bool(true));
    assert_eq!(at(&a, "cond").as_str(), Some("no"));
    assert_eq!(at(&a, "list").as_list().map(<[Val]>::len), Some(4));
    assert_eq!(at(&a, "obj.b").kind, VKind::Num("2".into()));
    let n = at(&a, "n");
    assert_eq!((n.span.line, n.span.col), (2, 11));
    assert_eq!(a.key_span("cond").map(|s| (s.line, s.col)), Some((8, 3)));
}

#[test]
fn unknown_conditions_keep_equal_branches_only() {
    let a = attrs_of(
        r#"variable "u" {}
resource "aws_x" "r" {
  same   = var.u ? "x" : "x"
  differ = var.u ? "x" : "y"
  and    = false && var.u
  or     = true || var.u
  sum    = var.u + 1
}"#,
    );
    assert_eq!(at(&a, "same").as_str(), Some("x"));
    assert!(at(&a, "differ").is_unknown());
    assert_eq!(at(&a, "and").kind, VKind::Bool(false));
    assert_eq!(at(&a, "or").kind, VKind::Bool(true));
    assert!(at(&a, "sum").is_unknown());
}

#[test]
fn templates_heredocs_and_directives() {
    let a = attrs_of(
        r#"locals {
  name = "web"
  list = ["a", "b"]
}
resource "aws_x" "r" {
  t     = "${local.name}-${1 + 1}"
  doc   = <<-EOT
    hello ${local.name}
      indented
    EOT
  ifs   = "%{if local.name == "web"}yes%{else}no%{endif}"
  fors  = "%{for x in local.list}${x},%{endfor}"
  strip = "a   ${~ "b" ~}   c"
  ref   = "${aws_s3_bucket.b.arn}"
  mixed = "arn-${aws_s3_bucket.b.arn}"
}
resource "aws_s3_bucket" "b" {}"#,
    );
    assert_eq!(at(&a, "t").as_str(), Some("web-2"));
    assert_eq!(at(&a, "doc").as_str(), Some("hello web\n  indented\n"));
    assert_eq!(at(&a, "ifs").as_str(), Some("yes"));
    assert_eq!(at(&a, "fors").as_str(), Some("a,b,"));
    assert_eq!(at(&a, "strip").as_str(), Some("abc"));
    assert_eq!(at(&a, "ref").kind, rf("aws_s3_bucket.b", Some("arn")));
    assert!(at(&a, "mixed").is_unknown());
}

#[test]
fn for_expressions_and_splats() {
    let a = attrs_of(
        r#"locals {
  m = { a = 1, b = 2, c = 3 }
  l = [{ n = "x", k = "g" }, { n = "y", k = "g" }, { n = "z", k = "h" }]
}
resource "aws_x" "r" {
  doubled = [for v in [1, 2] : v * 2]
  filter  = [for k, v in local.m : k if v > 1]
  obj     = { for k, v in local.m : k => v + 10 }
  grouped = { for o in local.l : o.k => o.n... }
  splat   = local.l[*].n
  legacy  = local.l.*.n
  index   = local.l[1]["n"]
}"#,
    );
    let texts = |v: Val| v.as_list().unwrap_or_default().iter().filter_map(Val::scalar_text).collect::<Vec<_>>();
    assert_eq!(texts(at(&a, "doubled")), ["2", "4"]);
    assert_eq!(texts(at(&a, "filter")), ["b", "c"]);
    assert_eq!(at(&a, "obj.c").kind, VKind::Num("13".into()));
    assert_eq!(texts(at(&a, "grouped.g")), ["x", "y"]);
    assert_eq!(texts(at(&a, "splat")), ["x", "y", "z"]);
    assert_eq!(texts(at(&a, "legacy")), ["x", "y", "z"]);
    assert_eq!(at(&a, "index").as_str(), Some("y"));
}

#[test]
fn try_and_can_never_turn_unknown_into_a_fallback() {
    let a = attrs_of(
        r#"variable "u" {}
locals { m = { a = 1 } }
resource "aws_x" "r" {
  fallback = try(local.m.missing, "fb")
  first    = try(local.m.a, "fb")
  unknown  = try(var.u.x, "fb")
  can_ok   = can(local.m.a)
  can_bad  = can(local.m.missing)
  can_unk  = can(var.u.x)
  fn       = upper("x")
}"#,
    );
    assert_eq!(at(&a, "fallback").as_str(), Some("fb"));
    assert_eq!(at(&a, "first").kind, VKind::Num("1".into()));
    assert!(at(&a, "unknown").is_unknown());
    assert_eq!(at(&a, "can_ok").kind, VKind::Bool(true));
    assert_eq!(at(&a, "can_bad").kind, VKind::Bool(false));
    assert!(at(&a, "can_unk").is_unknown());
}

#[test]
fn try_falls_back_from_invalid_calls_but_not_from_unknown_or_unavailable_ones() {
    let (e, _t) = eval_files(&[(
        "main.tf",
        r#"variable "grant" { default = [{ id = "a" }] }
variable "u" {}
variable "status" { default = "Enabled" }
resource "aws_x" "r" {
  decoded   = try(jsondecode(var.grant), var.grant)
  from_port = try(coalesce(null, null), null)
  status    = try(tobool(var.status) ? "on" : "off", lower(var.status))
  unknown   = try(jsondecode(var.u), "fb")
  template  = try(templatefile("${path.module}/absent.tpl", {}), "fb")
  unsup     = try(no_such_function(1), "fb")
  can_bad   = can(tobool("x"))
  plain     = tobool("x")
}"#,
    )]);
    let a = &e.resources[0].attrs;
    assert_eq!(at(a, "decoded.0.id").as_str(), Some("a"));
    assert_eq!(at(a, "from_port").kind, VKind::Null);
    assert_eq!(at(a, "status").as_str(), Some("enabled"));
    assert!(at(a, "unknown").is_unknown());
    assert!(at(a, "template").is_unknown());
    assert!(at(a, "unsup").is_unknown());
    assert_eq!(at(a, "can_bad").kind, VKind::Bool(false));
    assert!(at(a, "plain").is_unknown());
    let said = |part: &str| e.diagnostics.iter().filter(|d| d.message.en().contains(part)).count();
    // Fallbacks taken leave nothing to report; what is unknown or invalid outside `try` is.
    assert_eq!(said("a string is required"), 0, "{:?}", e.diagnostics);
    assert_eq!(said("no non-null"), 0, "{:?}", e.diagnostics);
    assert_eq!(said("no file exists at"), 1, "{:?}", e.diagnostics);
    assert_eq!(said("no_such_function"), 1, "{:?}", e.diagnostics);
    assert_eq!(said("a bool is required"), 1, "{:?}", e.diagnostics);
}

#[test]
fn object_keys_written_twice_keep_the_last_value() {
    let text = r#"resource "aws_x" "r" {
  o = {
    port = 80
    name = "n"
    "q"  = 1
    port = 81
    "q"  = 2
    port = 82
    x    = { a = 1, a = 2 }
  }
}"#;
    let (e, _t) = eval_files(&[("main.tf", text)]);
    assert!(e.diagnostics.iter().all(|d| d.kind != DiagnosticKind::Parse), "{:?}", e.diagnostics);
    let o = at(&e.resources[0].attrs, "o");
    let keys: Vec<&str> = o.as_map().unwrap_or_default().iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(keys, ["name", "q", "port", "x"]);
    assert_eq!(at(&o, "port").kind, VKind::Num("82".into()));
    assert_eq!(at(&o, "q").kind, VKind::Num("2".into()));
    assert_eq!(at(&o, "x.a").kind, VKind::Num("2".into()));
    // The value keeps where it is written.
    assert_eq!(at(&o, "port").span.line, 8);
    // A block body may not repeat an argument.
    let (e, _t) = eval_files(&[("main.tf", "resource \"aws_x\" \"r\" {\n  a = 1\n  a = 2\n}\n")]);
    assert!(e.diagnostics.iter().any(|d| d.kind == DiagnosticKind::Parse), "{:?}", e.diagnostics);
}

#[test]
fn function_failures_are_unknown_and_reported_once() {
    let (e, _t) = eval_files(&[("main.tf", "resource \"aws_x\" \"r\" {\n  count = 3\n  a = no_such_function(1)\n}\n")]);
    assert_eq!(e.resources.len(), 3);
    assert!(at(&e.resources[0].attrs, "a").is_unknown());
    let notes: Vec<_> = e.diagnostics.iter().filter(|d| d.message.en().contains("no_such_function")).collect();
    assert_eq!(notes.len(), 1, "{:?}", e.diagnostics);
    assert_eq!((notes[0].kind, notes[0].line, notes[0].col), (DiagnosticKind::NotAnalysed, 3, 7));
}

#[test]
fn references_to_resources_and_data_sources() {
    let a = attrs_of(
        r#"resource "aws_x" "r" {
  whole  = aws_s3_bucket.b
  attr   = aws_s3_bucket.b.arn
  deeper = aws_s3_bucket.b.versioning.enabled
  acct   = data.aws_caller_identity.me.account_id
  policy = data.aws_iam_policy_document.p.json
  self   = self.id
}
resource "aws_s3_bucket" "b" {}
data "aws_caller_identity" "me" {}
data "aws_iam_policy_document" "p" {
  statement {
    actions = ["s3:GetObject"]
  }
}"#,
    );
    assert_eq!(at(&a, "whole").kind, rf("aws_s3_bucket.b", None));
    assert_eq!(at(&a, "attr").kind, rf("aws_s3_bucket.b", Some("arn")));
    assert_eq!(at(&a, "deeper").kind, rf("aws_s3_bucket.b", Some("versioning.enabled")));
    assert!(at(&a, "acct").is_unknown());
    let expected = crate::lower::tf::map::policy_document(&at(&a, "policy"));
    assert_eq!(at(&a, "policy").is_unknown(), expected.is_unknown());
    assert!(at(&a, "self").is_unknown());
}

#[test]
fn elements_of_configured_blocks_are_read_from_the_configuration() {
    let text = r#"resource "aws_x" "r" {
  name     = aws_log_filter.f.metric_transformation[0].name
  legacy   = aws_log_filter.f.metric_transformation.0.namespace
  counted  = aws_log_filter.n[1].metric_transformation[0].name
  computed = aws_log_filter.f.metric_transformation[0].unit
  missing  = aws_log_filter.f.metric_transformation[3].name
  later    = aws_eks.c.identity[0].oidc
  dynamic  = aws_log_filter.d.metric_transformation[0].name
}
variable "ts" {
  type = list(string)
}
resource "aws_log_filter" "f" {
  metric_transformation {
    name      = "RootUse"
    namespace = "CIS"
  }
}
resource "aws_log_filter" "n" {
  count = 2
  metric_transformation {
    name = "m${count.index}"
  }
}
resource "aws_log_filter" "d" {
  dynamic "metric_transformation" {
    for_each = var.ts
    content {
      name = metric_transformation.value
    }
  }
}
resource "aws_eks" "c" {}"#;
    let a = attrs_of(text);
    let name = at(&a, "name");
    assert_eq!(name.as_str(), Some("RootUse"));
    assert_eq!(name.span.line, 2, "at the use site");
    assert_eq!(name.origin.as_ref().map(|o| o.span.line), Some(15), "written in the filter");
    assert_eq!(at(&a, "legacy").as_str(), Some("CIS"));
    assert_eq!(at(&a, "counted").as_str(), Some("m1"));
    for computed in ["computed", "missing", "later", "dynamic"] {
        assert!(at(&a, computed).is_unknown(), "{computed}");
    }
}

#[test]
fn data_sources_are_resources_with_their_arguments() {
    let (e, _t) = eval_files(&[(
        "main.tf",
        "data \"aws_iam_policy_document\" \"p\" {\n  statement {\n    actions = [\"s3:*\"]\n  }\n}\n",
    )]);
    let d = res(&e, "data.aws_iam_policy_document.p");
    assert!(d.data);
    assert_eq!(s(at(&d.attrs, "statement.0.actions").as_list().and_then(|l| l.first())), Some("s3:*"));
}

#[test]
fn variables_take_types_and_optional_defaults() {
    let a = attrs_of(
        r#"variable "n" {
  type    = number
  default = "42"
}
variable "o" {
  type = object({
    name = string
    tags = optional(map(string), { team = "x" })
    nested = optional(object({ on = optional(bool, true) }), {})
  })
  default = { name = 1 }
}
resource "aws_x" "r" {
  n    = var.n
  name = var.o.name
  team = var.o.tags.team
  on   = var.o.nested.on
}"#,
    );
    assert_eq!(at(&a, "n").kind, VKind::Num("42".into()));
    assert_eq!(at(&a, "name").as_str(), Some("1"));
    assert_eq!(at(&a, "team").as_str(), Some("x"));
    assert_eq!(at(&a, "on").kind, VKind::Bool(true));
    let n = at(&a, "n");
    assert_eq!((n.span.line, n.span.col), (14, 10));
    let origin = n.origin.expect("origin");
    assert_eq!((origin.span.line, origin.note.en().as_str()), (3, "variable `n` (default)"));
}

#[test]
fn locals_cycles_are_unknown_with_a_diagnostic() {
    let (e, _t) = eval_files(&[(
        "main.tf",
        "locals {\n  a = local.b\n  b = local.a\n}\nresource \"aws_x\" \"r\" {\n  v = local.a\n}\n",
    )]);
    assert!(at(&e.resources[0].attrs, "v").is_unknown());
    assert!(e.diagnostics.iter().any(|d| d.message.en().contains("depends on itself")), "{:?}", e.diagnostics);
}

#[test]
fn deep_expressions_and_self_calling_modules_do_not_crash() {
    let deep = format!("{}1{}", "(".repeat(200), ")".repeat(200));
    let mut chain = String::from("locals {\n  l0 = 1\n");
    for i in 1..400 {
        chain.push_str(&format!("  l{i} = local.l{} + 1\n", i - 1));
    }
    chain.push_str("}\n");
    let (e, _t) = eval_files(&[
        ("main.tf", &format!("resource \"aws_x\" \"r\" {{\n  v = {deep}\n  c = local.l399\n}}\n")),
        ("chain.tf", &chain),
        ("self.tf", "module \"again\" {\n  source = \"./\"\n}\n"),
    ]);
    assert!(e.diagnostics.iter().any(|d| d.kind == DiagnosticKind::Parse), "{:?}", e.diagnostics);
    let (e, _t) = eval_files(&[
        ("main.tf", "resource \"aws_x\" \"r\" {\n  c = local.l399\n}\n"),
        ("chain.tf", &chain),
        ("self.tf", "module \"again\" {\n  source = \"./\"\n}\n"),
    ]);
    assert!(at(&e.resources[0].attrs, "c").is_unknown());
    assert!(e.diagnostics.iter().any(|d| d.message.en().contains("calls itself")), "{:?}", e.diagnostics);
}

#[test]
fn huge_counts_are_capped() {
    let (e, _t) = eval_files(&[("main.tf", "resource \"aws_x\" \"r\" {\n  count = 1000000\n}\n")]);
    assert_eq!(e.resources.len(), 1_000);
    assert!(e.diagnostics.iter().any(|d| d.message.en().contains("1000000 instances")));
}

#[test]
fn var_values_are_read_as_literals_or_text() {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(
        tmp.path().join("main.tf"),
        "variable \"a\" {}\nvariable \"b\" {}\nvariable \"c\" {}\nresource \"aws_x\" \"r\" {\n  a = var.a\n  b = var.b\n  c = var.c\n}\n",
    )
    .expect("write");
    let opts = Options {
        vars: vec![
            ("a".into(), "[1, 2]".into()),
            ("b".into(), "plain text".into()),
            ("c".into(), "first".into()),
            ("c".into(), "\"second\"".into()),
        ],
        ..Options::default()
    };
    let e = evaluate_root(tmp.path(), tmp.path(), &opts);
    let a = &e.resources[0].attrs;
    assert_eq!(at(a, "a").as_list().map(<[Val]>::len), Some(2));
    assert_eq!(at(a, "b").as_str(), Some("plain text"));
    assert_eq!(at(a, "c").as_str(), Some("second"));
}

#[test]
fn tf_json_files_are_read_with_templates() {
    let (e, _t) = eval_files(&[(
        "main.tf.json",
        r#"{"variable": {"env": {"default": "dev"}},
 "resource": {"aws_s3_bucket": {"b": {"bucket": "logs-${var.env}", "count": 2}}}}"#,
    )]);
    assert_eq!(e.resources.len(), 2);
    let b = res(&e, "aws_s3_bucket.b[1]");
    assert_eq!(s(b.attrs.get("bucket")), Some("logs-dev"));
    assert!(b.attrs.get("count").is_none());
}

#[test]
fn fixture_module_call_passes_arguments_and_outputs() {
    let e = eval_dir(&fixture("module_call"));
    let b = res(&e, "module.logs.aws_s3_bucket.this");
    let bucket = b.attrs.get("bucket").expect("bucket");
    assert_eq!(bucket.as_str(), Some("logs-prod"));
    assert_eq!((bucket.span.line, bucket.span.col), (19, 12));
    let o = bucket.origin.as_ref().expect("origin");
    assert_eq!((o.span.line, o.span.col, o.note.en().as_str()), (8, 12, "argument `name` of `module.logs`"));
    assert_eq!(s(b.attrs.get("acl")), Some("private"));
    assert_eq!(at(&b.attrs, "versioning.0.enabled").kind, VKind::Bool(true));
    let p = res(&e, "aws_s3_bucket_policy.logs");
    assert_eq!(at(&p.attrs, "bucket").kind, rf("module.logs.aws_s3_bucket.this", Some("id")));
    assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
    assert_eq!(e.inputs.len(), 1);
    assert_eq!(e.inputs[0].default.as_ref().map(|d| d.0.as_str()), Some("prod"));
    assert_eq!(
        roots(&[fixture("module_call/main.tf"), fixture("module_call/modules/bucket/main.tf")]),
        [fixture("module_call")]
    );
}

#[test]
fn fixture_tfvars_precedence() {
    let e = eval_dir(&fixture("tfvars"));
    let tags = at(&e.resources[0].attrs, "tags");
    assert_eq!(s(tags.get("a")), Some("tfvars"));
    assert_eq!(s(tags.get("b")), Some("tfvars.json"));
    assert_eq!(s(tags.get("c")), Some("a.auto"));
    assert_eq!(s(tags.get("d")), Some("b.auto.json"));
    assert_eq!(at(&tags, "e").kind, VKind::Bool(true));
    assert!(at(&tags, "unset").is_unknown());
    let a = at(&tags, "a");
    assert_eq!(a.origin.as_ref().map(|o| (o.span.line, o.note.en())), Some((1, "`terraform.tfvars`".to_string())));
    assert_eq!(a.span.line, 12);
}

#[test]
fn fixture_count_and_for_each_addresses() {
    let e = eval_dir(&fixture("count_for_each"));
    let mut addrs: Vec<&str> = e.resources.iter().map(|r| r.address.as_str()).collect();
    addrs.sort();
    assert_eq!(
        addrs,
        [
            "aws_s3_bucket.maybe",
            "aws_s3_bucket.this[0]",
            "aws_s3_bucket.this[1]",
            "aws_s3_bucket_versioning.v",
            "aws_subnet.public[\"a\"]",
            "aws_subnet.public[\"b\"]",
        ]
    );
    assert_eq!(s(res(&e, "aws_s3_bucket.this[1]").attrs.get("bucket")), Some("bucket-1"));
    let maybe = res(&e, "aws_s3_bucket.maybe");
    assert_eq!(maybe.condition.as_ref().map(|c| c.en()).as_deref(), Some("when `count` is not 0"));
    assert!(at(&maybe.attrs, "bucket").is_unknown());
    let sub = res(&e, "aws_subnet.public[\"b\"]");
    assert_eq!(s(sub.attrs.get("cidr_block")), Some("10.0.2.0/24"));
    assert_eq!(s(at(&sub.attrs, "tags").get("Name")), Some("b"));
    let v = &res(&e, "aws_s3_bucket_versioning.v").attrs;
    assert_eq!(at(v, "bucket").kind, rf("aws_s3_bucket.this[1]", Some("id")));
    assert_eq!(at(v, "all.1").kind, rf("aws_s3_bucket.this[1]", Some("arn")));
    assert_eq!(at(v, "maybe").kind, rf("aws_s3_bucket.maybe", Some("id")));
    assert_eq!(at(v, "subnet").kind, rf("aws_subnet.public[\"b\"]", Some("id")));
}

#[test]
fn fixture_dynamic_blocks() {
    let e = eval_dir(&fixture("dynamic"));
    let sg = &res(&e, "aws_security_group.sg").attrs;
    let ingress = at(sg, "ingress");
    assert_eq!(ingress.as_list().map(<[Val]>::len), Some(2));
    assert_eq!(at(&ingress, "1.from_port").kind, VKind::Num("443".into()));
    assert_eq!(at(sg, "egress.0.from_port").kind, VKind::Num("0".into()));
    assert!(sg.get("lifecycle").is_none());
    let open = &res(&e, "aws_security_group.open").attrs;
    assert!(at(open, "ingress").is_unknown());
}

#[test]
fn fixture_syntax_error_in_one_file() {
    let e = eval_dir(&fixture("syntax_error"));
    let parse: Vec<_> = e.diagnostics.iter().filter(|d| d.kind == DiagnosticKind::Parse).collect();
    assert_eq!(parse.len(), 1, "{:?}", e.diagnostics);
    assert!(parse[0].file.ends_with("bad.tf"));
    assert_eq!(parse[0].line, 6);
    let ok = res(&e, "aws_s3_bucket.ok");
    assert_eq!(s(ok.attrs.get("bucket")), Some("fine"));
    assert!(at(&ok.attrs, "other").is_unknown());
}

#[test]
fn fixture_remote_module_without_init() {
    let e = eval_dir(&fixture("remote_module"));
    let notes: Vec<_> = e.diagnostics.iter().filter(|d| d.message.en().contains("terraform init")).collect();
    assert_eq!(notes.len(), 1, "{:?}", e.diagnostics);
    assert_eq!(
        notes[0].message.en(),
        "module `vpc` (source `terraform-aws-modules/vpc/aws`) is not available locally: run `terraform init` to download it; its resources were not analysed"
    );
    assert_eq!(notes[0].line, 1);
    assert!(at(&res(&e, "aws_flow_log.f").attrs, "vpc_id").is_unknown());
}

#[test]
fn downloaded_modules_are_found_through_the_manifest() {
    let (e, _t) = eval_files(&[
        (
            "main.tf",
            "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n  count = 2\n  cidr = \"10.0.${count.index}.0/24\"\n}\n",
        ),
        (
            ".terraform/modules/modules.json",
            r#"{"Modules":[{"Key":"vpc","Source":"x","Dir":".terraform/modules/vpc"}]}"#,
        ),
        (
            ".terraform/modules/vpc/main.tf",
            "variable \"cidr\" {}\nresource \"aws_vpc\" \"this\" {\n  cidr_block = var.cidr\n}\n",
        ),
    ]);
    let v = res(&e, "module.vpc[1].aws_vpc.this");
    assert_eq!(s(v.attrs.get("cidr_block")), Some("10.0.1.0/24"));
    assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
}

#[test]
fn an_unknown_template_keeps_its_literal_parts() {
    let (e, _t) = eval_files(&[(
        "main.tf",
        r#"variable "env" {}
variable "name" { default = "app" }
resource "aws_x" "r" {
  partial = "/${var.env}/db/password"
  known   = "/${var.name}/db/password"
  lone    = "${var.env}"
}"#,
    )]);
    let a = &e.resources[0].attrs;
    assert!(at(a, "partial").is_unknown());
    assert_eq!(at(a, "partial").literals, vec!["/".to_string(), "/db/password".to_string()]);
    assert_eq!(at(a, "known").as_str(), Some("/app/db/password"));
    assert!(at(a, "known").literals.is_empty());
    assert!(at(a, "lone").is_unknown() && at(a, "lone").literals.is_empty());
}
