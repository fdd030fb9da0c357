//! Input variables: values given to the root (tfvars files, `--var`), defaults, and type
//! conversion.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hcl_edit::expr::Expression;

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::model::{Origin, VKind, Val};
use crate::parse::Limits;
use crate::source::Span;

use super::module::{Ex, ExKind};
use super::state::{Evaluator, Scope};
use super::value::{as_num, text};

impl Evaluator {
    /// The value of variable `name` of `inst`: given (root) or passed (child), else its
    /// default, converted to its type.
    pub(crate) fn var_value(&mut self, inst: usize, name: &str) -> Val {
        let Some(decl) = self.insts[inst].module.variables.iter().find(|v| v.name == name).cloned() else {
            return Val::unknown(format!("no variable `{name}`"), Span::default());
        };
        let given = match self.insts[inst].caller {
            Some(_) => self.argument(inst, name),
            None => self.insts[inst].given.get(name).cloned(),
        };
        let default = |ev: &mut Evaluator| {
            decl.default.as_ref().map(|d| {
                let mut v = ev.eval_ex(d, &Scope::new(inst));
                v.origin = Some(Origin::new(v.span, msg!("origin-variable-default", name = name)));
                v
            })
        };
        let v = match given {
            Some(v) if v.kind == VKind::Null && !decl.nullable => default(self),
            Some(v) => Some(v),
            None => default(self),
        };
        let Some(v) = v else {
            return Val::unknown(format!("no value given for variable `{name}`"), decl.span);
        };
        match &decl.ty {
            Some(t) => self.convert_to(v, t, inst),
            None => v,
        }
    }

    fn convert_to(&mut self, v: Val, ty: &Ex, inst: usize) -> Val {
        let scope = Scope { src: Some(ty.src.clone()), ..Scope::new(inst) };
        match &ty.kind {
            ExKind::Hcl(e) => self.convert(v, e, &scope, 0),
            ExKind::Json(n) => match n.kind_str().map(hcl_edit::parser::parse_expr) {
                Some(Ok(e)) => self.convert(v, &e, &Scope { fixed: Some(n.span), ..scope }, 0),
                _ => v,
            },
        }
    }

    /// `v` converted to the type `ty` describes: primitives from strings, object attributes
    /// filled with their `optional` defaults.
    fn convert(&mut self, v: Val, ty: &Expression, scope: &Scope, depth: usize) -> Val {
        if depth > 32 || matches!(v.kind, VKind::Unknown(_) | VKind::Ref(_) | VKind::Null) {
            return v;
        }
        match ty {
            Expression::Variable(t) => primitive(v, t.as_str()),
            Expression::FuncCall(f) => {
                let args: Vec<&Expression> = f.args.iter().collect();
                let Some(inner) = args.first().copied() else { return v };
                match (f.name.name.as_str(), v.kind) {
                    ("list" | "set", VKind::List(items)) => {
                        let items = items.into_iter().map(|x| self.convert(x, inner, scope, depth + 1)).collect();
                        Val { kind: VKind::List(items), ..Val::new(VKind::Null, v.span) }.with_origin(v.origin)
                    }
                    ("map", VKind::Map(entries)) => {
                        let entries = entries
                            .into_iter()
                            .map(|(k, s, x)| (k, s, self.convert(x, inner, scope, depth + 1)))
                            .collect();
                        Val::new(VKind::Map(entries), v.span).with_origin(v.origin)
                    }
                    ("optional", kind) => self.convert(
                        Val { kind, span: v.span, origin: v.origin, literals: Vec::new() },
                        inner,
                        scope,
                        depth + 1,
                    ),
                    ("tuple", VKind::List(items)) => {
                        let types: Vec<&Expression> = inner.as_array().map(|a| a.iter().collect()).unwrap_or_default();
                        let items = items
                            .into_iter()
                            .enumerate()
                            .map(|(i, x)| match types.get(i) {
                                Some(t) => self.convert(x, t, scope, depth + 1),
                                None => x,
                            })
                            .collect();
                        Val::new(VKind::List(items), v.span).with_origin(v.origin)
                    }
                    ("object", VKind::Map(entries)) => match inner.as_object() {
                        Some(o) => self.object(entries, o, v.span, scope, depth).with_origin(v.origin),
                        None => Val::new(VKind::Map(entries), v.span).with_origin(v.origin),
                    },
                    (_, kind) => Val { kind, span: v.span, origin: v.origin, literals: v.literals },
                }
            }
            _ => v,
        }
    }

    fn object(
        &mut self,
        mut entries: Vec<(String, Span, Val)>,
        o: &hcl_edit::expr::Object,
        span: Span,
        scope: &Scope,
        depth: usize,
    ) -> Val {
        let mut out = Vec::new();
        for (k, t) in o.iter() {
            let name = match k {
                hcl_edit::expr::ObjectKey::Ident(i) => i.as_str().to_string(),
                hcl_edit::expr::ObjectKey::Expression(e) => match e.as_str() {
                    Some(s) => s.to_string(),
                    None => continue,
                },
            };
            let ty = t.expr();
            match entries.iter().position(|(n, _, _)| *n == name) {
                Some(i) => {
                    let (n, s, x) = entries.remove(i);
                    let x = match (optional_default(ty), &x.kind) {
                        (Some(d), VKind::Null) => self.eval(d, scope),
                        _ => x,
                    };
                    out.push((n, s, self.convert(x, ty, scope, depth + 1)));
                }
                None => {
                    let x = match optional_default(ty) {
                        Some(d) => self.eval(d, scope),
                        None => Val::new(VKind::Null, span),
                    };
                    let x = self.convert(x, ty, scope, depth + 1);
                    out.push((name, span, x));
                }
            }
        }
        Val::new(VKind::Map(out), span)
    }
}

/// The default of an `optional(T, default)` attribute type.
fn optional_default(ty: &Expression) -> Option<&Expression> {
    let f = ty.as_func_call().filter(|f| f.name.name.as_str() == "optional")?;
    f.args.iter().nth(1)
}

/// A value converted to a primitive type, as Terraform converts strings, numbers and booleans.
fn primitive(v: Val, ty: &str) -> Val {
    let kind = match (ty, &v.kind) {
        ("string", VKind::Num(_) | VKind::Bool(_)) => text(&v).ok().flatten().map(VKind::Str),
        ("number", VKind::Str(s)) => as_num(&v).map(|_| VKind::Num(s.trim().to_string())),
        ("bool", VKind::Str(s)) if s == "true" || s == "false" => Some(VKind::Bool(s == "true")),
        _ => None,
    };
    match kind {
        Some(kind) => Val { kind, ..v },
        None => v,
    }
}

trait WithOrigin {
    fn with_origin(self, o: Option<Origin>) -> Self;
}

impl WithOrigin for Val {
    fn with_origin(mut self, o: Option<Origin>) -> Val {
        self.origin = o;
        self
    }
}

trait NodeStr {
    fn kind_str(&self) -> Option<&str>;
}

impl NodeStr for crate::value::Node {
    fn kind_str(&self) -> Option<&str> {
        match &self.kind {
            crate::value::Kind::String(s) => Some(s),
            _ => None,
        }
    }
}

/// The files that give the root's variables values, in Terraform's order of precedence
/// (lowest first): `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in
/// lexical order, then the `--var-file`s.
pub(crate) fn tfvars_files(dir: &Path, var_files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> =
        ["terraform.tfvars", "terraform.tfvars.json"].iter().map(|n| dir.join(n)).filter(|p| p.is_file()).collect();
    let mut auto: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
    auto.retain(|p| {
        let n = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        (n.ends_with(".auto.tfvars") || n.ends_with(".auto.tfvars.json")) && p.is_file()
    });
    auto.sort();
    out.extend(auto);
    out.extend(var_files.iter().cloned());
    out
}

/// The values given to the root's variables, later ones winning.
pub(crate) fn given(
    ev: &mut Evaluator,
    files: &[PathBuf],
    vars: &[(String, String)],
    limits: &Limits,
) -> HashMap<String, Val> {
    let mut out = HashMap::new();
    for path in files {
        let src = match crate::parse::read_source(path, path.clone(), limits) {
            Ok(s) => std::sync::Arc::new(s),
            Err(e) => {
                let display = crate::source::display_path(path);
                ev.diagnostics.push(Diagnostic::whole_file(DiagnosticKind::Read, &display, e.message()));
                continue;
            }
        };
        ev.sources.push(src.clone());
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let note = crate::i18n::Message::from(format!("`{name}`"));
        let values = if name.ends_with(".json") { json_values(ev, &src, limits) } else { hcl_values(ev, &src) };
        for (k, mut v) in values {
            v.origin = Some(Origin::new(v.span, note.clone()));
            out.insert(k, v);
        }
    }
    for (k, text) in vars {
        let mut v = cli_value(ev, text);
        v.origin = Some(Origin::new(Span::default(), format!("`--var {k}`")));
        out.insert(k.clone(), v);
    }
    out
}

fn hcl_values(ev: &mut Evaluator, src: &std::sync::Arc<crate::source::SourceFile>) -> Vec<(String, Val)> {
    match hcl_edit::parser::parse_body(&src.text) {
        Ok(body) => {
            let scope = Scope { src: Some(src.clone()), ..Scope::new(0) };
            body.attributes().map(|a| (a.key.to_string(), ev.eval(&a.value, &scope))).collect()
        }
        Err(e) => {
            let loc = e.location();
            ev.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Parse,
                file: src.display_path().into(),
                line: loc.line() as u32,
                col: loc.column() as u32,
                message: msg!("diag-not-valid-syntax", syntax = "HCL", detail = e.message().trim()),
            });
            Vec::new()
        }
    }
}

fn json_values(ev: &mut Evaluator, src: &crate::source::SourceFile, limits: &Limits) -> Vec<(String, Val)> {
    match crate::parse::parse_json(src, limits) {
        Ok(doc) => super::module::object_entries(&doc.root)
            .iter()
            .map(|e| (e.key.clone(), crate::lower::tf::node_val(&e.value)))
            .collect(),
        Err(e) => {
            ev.diagnostics.push(Diagnostic {
                kind: DiagnosticKind::Parse,
                file: src.display_path().into(),
                line: e.line,
                col: e.col,
                message: msg!("diag-not-valid-syntax", syntax = "JSON", detail = e.message),
            });
            Vec::new()
        }
    }
}

/// A `--var` value: an HCL literal (number, bool, quoted string, list, map) when it parses as
/// one, else the text itself.
fn cli_value(ev: &mut Evaluator, text: &str) -> Val {
    let literal = match hcl_edit::parser::parse_expr(text) {
        Ok(e) if is_literal(&e) => Some(e),
        _ => None,
    };
    match literal {
        Some(e) => {
            let v = ev.eval(&e, &Scope { fixed: Some(Span::default()), ..Scope::new(0) });
            if v.is_unknown() { Val::new(VKind::Str(text.to_string()), Span::default()) } else { v }
        }
        None => Val::new(VKind::Str(text.to_string()), Span::default()),
    }
}

fn is_literal(e: &Expression) -> bool {
    matches!(
        e,
        Expression::Number(_)
            | Expression::Bool(_)
            | Expression::String(_)
            | Expression::Array(_)
            | Expression::Object(_)
            | Expression::StringTemplate(_)
    )
}
