//! Expressions evaluated three-valued: literals, templates, operators, conditionals, `for`
//! expressions, splats, traversals and function calls.

use hcl_edit::Span as _;
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::template::{Directive, Element, Template};

use crate::diagnostic::DiagnosticKind;
use crate::model::policy::{OwnPart, own_arn_part};
use crate::model::{VKind, Val};
use crate::source::Span;

use super::module::{Ex, ExKind, range_span};
use super::state::{Evaluator, Scope};
use super::value::{as_bool, as_num, num, pending, relocate, same, text};
use crate::value::{Kind, Node};

/// Deepest nesting of evaluation (expressions within expressions, references followed).
pub(crate) const MAX_DEPTH: usize = 200;

/// A piece of a template's text, before whitespace stripping.
enum Seg {
    Lit(String),
    Val(String),
    /// Strip the whitespace that ends the literal before.
    TrimBefore,
    /// Strip the whitespace that starts the literal after.
    TrimAfter,
}

impl Evaluator {
    /// Evaluates a stored expression in `scope`'s module instance and bindings.
    pub(crate) fn eval_ex(&mut self, ex: &Ex, scope: &Scope) -> Val {
        let scope = Scope { src: Some(ex.src.clone()), fixed: None, ..scope.clone() };
        match &ex.kind {
            ExKind::Hcl(e) => self.eval(e, &scope),
            ExKind::Json(n) => self.eval_json(n, &scope),
        }
    }

    /// The span of a node of the expression being evaluated.
    pub(crate) fn sp(&self, scope: &Scope, r: Option<std::ops::Range<usize>>) -> Span {
        match (scope.fixed, &scope.src) {
            (Some(s), _) => s,
            (None, Some(src)) => range_span(src, r),
            (None, None) => Span::default(),
        }
    }

    /// An evaluation error (what Terraform would refuse): unknown, and `try` falls back.
    pub(crate) fn error(&mut self, reason: impl Into<String>, span: Span) -> Val {
        self.errors += 1;
        Val::unknown(reason, span)
    }

    /// Evaluates an HCL expression.
    pub(crate) fn eval(&mut self, e: &Expression, scope: &Scope) -> Val {
        let span = self.sp(scope, e.span());
        if self.depth >= MAX_DEPTH {
            self.note(DiagnosticKind::NotAnalysed, span, msg!("diag-tf-too-deep"));
            return Val::unknown("nested too deeply", span);
        }
        self.depth += 1;
        let v = self.eval_inner(e, scope, span);
        self.depth -= 1;
        v
    }

    fn eval_inner(&mut self, e: &Expression, scope: &Scope, span: Span) -> Val {
        match e {
            Expression::Null(_) => Val::new(VKind::Null, span),
            Expression::Bool(b) => Val::new(VKind::Bool(*b.value()), span),
            Expression::Number(n) => Val::new(VKind::Num(n.value().to_string()), span),
            Expression::String(s) => Val::new(VKind::Str(s.value().clone()), span),
            Expression::Array(a) => {
                let items = a.iter().map(|x| self.eval(x, scope)).collect();
                Val::new(VKind::List(items), span)
            }
            Expression::Object(o) => self.eval_object(o, scope, span),
            Expression::StringTemplate(t) => self.eval_template(t, scope, span),
            Expression::HeredocTemplate(h) => self.eval_template(&h.template, scope, span),
            Expression::Parenthesis(p) => self.eval(p.inner(), scope),
            Expression::Variable(v) => self.eval_traversal(e, v.as_str(), &[], scope, span),
            Expression::Conditional(c) => {
                let cond = self.eval(&c.cond_expr, scope);
                match as_bool(&cond) {
                    Some(true) => self.eval(&c.true_expr, scope),
                    Some(false) => self.eval(&c.false_expr, scope),
                    None if matches!(cond.kind, VKind::Null | VKind::List(_) | VKind::Map(_) | VKind::Num(_)) => {
                        self.error("condition is not a boolean", cond.span)
                    }
                    None => {
                        let a = self.eval(&c.true_expr, scope);
                        let b = self.eval(&c.false_expr, scope);
                        if same(&a, &b) == Some(true) { a } else { Val::unknown("condition not known", span) }
                    }
                }
            }
            Expression::FuncCall(f) => self.eval_call(f, scope, span),
            Expression::Traversal(t) => match &t.expr {
                Expression::Variable(v) if !scope.binds(v.as_str()) || t.operators.is_empty() => {
                    self.eval_traversal(e, v.as_str(), &t.operators, scope, span)
                }
                base => {
                    let b = self.eval(base, scope);
                    self.apply_ops(b, &t.operators, scope, span)
                }
            },
            Expression::UnaryOp(u) => {
                let v = self.eval(&u.expr, scope);
                match (u.operator.value(), &v.kind) {
                    (_, _) if pending(&v) => Val::unknown("operand not known", span),
                    (UnaryOperator::Not, _) => match as_bool(&v) {
                        Some(b) => Val::new(VKind::Bool(!b), span),
                        None => self.error("`!` needs a boolean", span),
                    },
                    (UnaryOperator::Neg, _) => match as_num(&v) {
                        Some(n) => num(-n, span),
                        None => self.error("`-` needs a number", span),
                    },
                }
            }
            Expression::BinaryOp(b) => {
                let l = self.eval(&b.lhs_expr, scope);
                let r = self.eval(&b.rhs_expr, scope);
                self.binary(*b.operator.value(), &l, &r, span)
            }
            Expression::ForExpr(f) => self.eval_for(f, scope, span),
        }
    }

    fn eval_object(&mut self, o: &hcl_edit::expr::Object, scope: &Scope, span: Span) -> Val {
        let mut entries: Vec<(String, Span, Val)> = Vec::with_capacity(o.len());
        for (k, v) in o.iter() {
            let key_span = self.sp(scope, k.span());
            let written = match scope.fixed {
                None if !self.renamed.is_empty() => self.renamed.get(&(key_span.file, key_span.start)).cloned(),
                _ => None,
            };
            let key = match k {
                _ if written.is_some() => written.unwrap_or_default(),
                ObjectKey::Ident(i) => i.as_str().to_string(),
                ObjectKey::Expression(ke) => {
                    let kv = self.eval(ke, scope);
                    match text(&kv) {
                        Ok(Some(s)) => s,
                        Ok(None) => return Val::unknown("object key not known", span),
                        Err(m) => return self.error(m, kv.span),
                    }
                }
            };
            let val = self.eval(v.expr(), scope);
            entries.retain(|(k2, _, _)| *k2 != key);
            entries.push((key, key_span, val));
        }
        Val::new(VKind::Map(entries), span)
    }

    fn binary(&mut self, op: BinaryOperator, l: &Val, r: &Val, span: Span) -> Val {
        use BinaryOperator as B;
        match op {
            B::And | B::Or => {
                let (a, b) = (as_bool(l), as_bool(r));
                let known = |v: &Val| !pending(v);
                if (known(l) && a.is_none()) || (known(r) && b.is_none()) {
                    return self.error("logical operator needs booleans", span);
                }
                let out = match op {
                    B::And if a == Some(false) || b == Some(false) => Some(false),
                    B::Or if a == Some(true) || b == Some(true) => Some(true),
                    _ => a.zip(b).map(|(a, b)| if op == B::And { a && b } else { a || b }),
                };
                out.map_or_else(|| Val::unknown("operand not known", span), |v| Val::new(VKind::Bool(v), span))
            }
            B::Eq | B::NotEq => match same(l, r) {
                Some(eq) => Val::new(VKind::Bool(eq == (op == B::Eq)), span),
                None => Val::unknown("operand not known", span),
            },
            _ => {
                if pending(l) || pending(r) {
                    return Val::unknown("operand not known", span);
                }
                let (Some(a), Some(b)) = (as_num(l), as_num(r)) else {
                    return self.error(format!("`{}` needs numbers", op.as_str()), span);
                };
                match op {
                    B::Less => Val::new(VKind::Bool(a < b), span),
                    B::LessEq => Val::new(VKind::Bool(a <= b), span),
                    B::Greater => Val::new(VKind::Bool(a > b), span),
                    B::GreaterEq => Val::new(VKind::Bool(a >= b), span),
                    B::Plus => num(a + b, span),
                    B::Minus => num(a - b, span),
                    B::Mul => num(a * b, span),
                    B::Div if b == 0.0 => self.error("division by zero", span),
                    B::Div => num(a / b, span),
                    B::Mod if b == 0.0 => self.error("division by zero", span),
                    _ => num(a % b, span),
                }
            }
        }
    }

    /// Evaluates a template: a lone interpolation gives its value unchanged.
    pub(crate) fn eval_template(&mut self, t: &Template, scope: &Scope, span: Span) -> Val {
        let elements: Vec<&Element> = t.iter().collect();
        if let [Element::Interpolation(i)] = elements.as_slice() {
            let v = self.eval(&i.expr, scope);
            return match &v.kind {
                VKind::Null => self.error("null value in a string template", span),
                VKind::List(_) | VKind::Map(_) => v,
                _ => relocate(v, span, || msg!("origin-interpolation")),
            };
        }
        let mut segs = Vec::new();
        if let Err(v) = self.template_segs(t, scope, span, &mut segs) {
            let mut v = *v;
            // Not known, but written around known text (`"/${var.env}/db/password"`).
            if v.is_unknown() {
                v.literals = t
                    .iter()
                    .filter_map(|el| match el {
                        Element::Literal(s) if !s.value().trim().is_empty() => Some(s.value().clone()),
                        _ => None,
                    })
                    .collect();
            }
            return v;
        }
        Val::new(VKind::Str(join_segs(segs)), span)
    }

    /// Appends a template's pieces; `Err` with the result when it is not known or invalid.
    fn template_segs(&mut self, t: &Template, scope: &Scope, span: Span, out: &mut Vec<Seg>) -> Result<(), Box<Val>> {
        let elements: Vec<&Element> = t.iter().collect();
        for (n, el) in elements.iter().enumerate() {
            match el {
                Element::Literal(s) => out.push(Seg::Lit(s.value().clone())),
                Element::Interpolation(i) => {
                    let v = self.eval(&i.expr, scope);
                    if i.strip.strip_start() {
                        out.push(Seg::TrimBefore);
                    }
                    // The partition or the account of the configuration's own deployment,
                    // where it fills that part of an ARN.
                    let own = || {
                        let before: String = (out.iter())
                            .filter_map(|s| match s {
                                Seg::Lit(t) | Seg::Val(t) => Some(t.as_str()),
                                _ => None,
                            })
                            .collect();
                        let after = match elements.get(n + 1) {
                            Some(Element::Literal(s)) => s.value().as_str(),
                            _ => "",
                        };
                        own_arn_part(own_part(&i.expr), &before, after).map(str::to_string)
                    };
                    match text(&v).map(|t| t.or_else(own)) {
                        Ok(Some(s)) => out.push(Seg::Val(s)),
                        Ok(None) => return Err(Box::new(Val::unknown("interpolated value not known", span))),
                        Err(m) => return Err(Box::new(self.error(m, v.span))),
                    }
                    if i.strip.strip_end() {
                        out.push(Seg::TrimAfter);
                    }
                }
                Element::Directive(d) => self.directive_segs(d, scope, span, out)?,
            }
        }
        Ok(())
    }

    fn directive_segs(&mut self, d: &Directive, scope: &Scope, span: Span, out: &mut Vec<Seg>) -> Result<(), Box<Val>> {
        let trim = |out: &mut Vec<Seg>, on: bool, seg: Seg| {
            if on {
                out.push(seg);
            }
        };
        match d {
            Directive::If(i) => {
                let cond = self.eval(&i.if_expr.cond_expr, scope);
                trim(out, i.if_expr.strip.strip_start(), Seg::TrimBefore);
                let end_strip = i.endif_expr.strip;
                match as_bool(&cond) {
                    Some(true) => {
                        trim(out, i.if_expr.strip.strip_end(), Seg::TrimAfter);
                        self.template_segs(&i.if_expr.template, scope, span, out)?;
                        let before = i.else_expr.as_ref().map_or(end_strip.strip_start(), |e| e.strip.strip_start());
                        trim(out, before, Seg::TrimBefore);
                    }
                    Some(false) => {
                        if let Some(e) = &i.else_expr {
                            trim(out, e.strip.strip_end(), Seg::TrimAfter);
                            self.template_segs(&e.template, scope, span, out)?;
                        }
                        trim(out, end_strip.strip_start(), Seg::TrimBefore);
                    }
                    None if pending(&cond) => return Err(Box::new(Val::unknown("template condition not known", span))),
                    None => return Err(Box::new(self.error("template condition is not a boolean", cond.span))),
                }
                trim(out, end_strip.strip_end(), Seg::TrimAfter);
            }
            Directive::For(f) => {
                let fx = &f.for_expr;
                let coll = self.eval(&fx.collection_expr, scope);
                let Some(items) = self.iterate(&coll) else {
                    return Err(Box::new(Val::unknown("template collection not known", span)));
                };
                trim(out, fx.strip.strip_start(), Seg::TrimBefore);
                for (k, v) in items {
                    let mut inner = scope.clone();
                    if let Some(kv) = &fx.key_var {
                        inner.bind.push((kv.as_str().to_string(), k));
                    }
                    inner.bind.push((fx.value_var.as_str().to_string(), v));
                    trim(out, fx.strip.strip_end(), Seg::TrimAfter);
                    self.template_segs(&fx.template, &inner, span, out)?;
                    trim(out, f.endfor_expr.strip.strip_start(), Seg::TrimBefore);
                }
                trim(out, f.endfor_expr.strip.strip_end(), Seg::TrimAfter);
            }
        }
        Ok(())
    }

    /// The (key, value) pairs of a known collection: index and element of a list, key and
    /// value of a map. `None` when not known; an error when not a collection.
    pub(crate) fn iterate(&mut self, coll: &Val) -> Option<Vec<(Val, Val)>> {
        match &coll.kind {
            VKind::List(items) => {
                Some(items.iter().enumerate().map(|(i, v)| (num(i as f64, v.span), v.clone())).collect())
            }
            VKind::Map(entries) => {
                Some(entries.iter().map(|(k, ks, v)| (Val::new(VKind::Str(k.clone()), *ks), v.clone())).collect())
            }
            VKind::Unknown(_) | VKind::Ref(_) | VKind::Json(_) => None,
            _ => {
                self.error("not a collection", coll.span);
                None
            }
        }
    }

    fn eval_for(&mut self, f: &hcl_edit::expr::ForExpr, scope: &Scope, span: Span) -> Val {
        let coll = self.eval(&f.intro.collection_expr, scope);
        let Some(items) = self.iterate(&coll) else {
            return Val::unknown("collection not known", span);
        };
        let mut list = Vec::new();
        let mut map: Vec<(String, Span, Val)> = Vec::new();
        for (k, v) in items {
            let mut inner = scope.clone();
            if let Some(kv) = &f.intro.key_var {
                inner.bind.push((kv.as_str().to_string(), k));
            }
            inner.bind.push((f.intro.value_var.as_str().to_string(), v));
            if let Some(c) = &f.cond {
                let keep = self.eval(&c.expr, &inner);
                match as_bool(&keep) {
                    Some(true) => {}
                    Some(false) => continue,
                    None if pending(&keep) => return Val::unknown("filter not known", span),
                    None => return self.error("filter is not a boolean", keep.span),
                }
            }
            let value = self.eval(&f.value_expr, &inner);
            let Some(ke) = &f.key_expr else {
                list.push(value);
                continue;
            };
            let key = self.eval(ke, &inner);
            let name = match text(&key) {
                Ok(Some(s)) => s,
                Ok(None) => return Val::unknown("key not known", span),
                Err(m) => return self.error(m, key.span),
            };
            match map.iter_mut().find(|(k2, _, _)| *k2 == name) {
                Some((_, _, group)) if f.grouping => {
                    if let VKind::List(l) = &mut group.kind {
                        l.push(value);
                    }
                }
                Some(_) => return self.error(format!("duplicate key `{name}` in a `for` expression"), key.span),
                None if f.grouping => map.push((name, key.span, Val::new(VKind::List(vec![value]), span))),
                None => map.push((name, key.span, value)),
            }
        }
        if f.key_expr.is_some() { Val::new(VKind::Map(map), span) } else { Val::new(VKind::List(list), span) }
    }

    /// Applies traversal operators (attributes, indexes, splats) to a value.
    pub(crate) fn apply_ops(
        &mut self,
        mut v: Val,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        scope: &Scope,
        span: Span,
    ) -> Val {
        let mut i = 0;
        while i < ops.len() {
            if let VKind::Ref(r) = &v.kind
                && let Some(arg) = r.attr.as_deref().filter(|a| !a.contains('.'))
                && matches!(ops[i].value(), TraversalOperator::Index(_) | TraversalOperator::LegacyIndex(_))
            {
                let (address, arg) = (r.id.clone(), arg.to_string());
                return self.configured(&address, &arg, &ops[i..], scope, span);
            }
            match ops[i].value() {
                TraversalOperator::AttrSplat(_) | TraversalOperator::FullSplat(_) => {
                    let full = matches!(ops[i].value(), TraversalOperator::FullSplat(_));
                    let run = ops[i + 1..]
                        .iter()
                        .take_while(|o| full || matches!(o.value(), TraversalOperator::GetAttr(_)))
                        .count();
                    let rest = &ops[i + 1..i + 1 + run];
                    let items = match &v.kind {
                        VKind::List(items) => items.clone(),
                        VKind::Null => Vec::new(),
                        VKind::Unknown(_) => return Val::unknown("collection not known", span),
                        _ => vec![v.clone()],
                    };
                    let out = items.into_iter().map(|x| self.apply_ops(x, rest, scope, span)).collect();
                    v = Val { kind: VKind::List(out), span, origin: v.origin, literals: Vec::new() };
                    i += 1 + run;
                }
                TraversalOperator::GetAttr(name) => {
                    v = self.get_attr(v, name.as_str(), span);
                    i += 1;
                }
                TraversalOperator::Index(e) => {
                    let k = self.eval(e, scope);
                    v = self.index(v, &k, span);
                    i += 1;
                }
                TraversalOperator::LegacyIndex(n) => {
                    v = self.index(v, &num(*n.value() as f64, span), span);
                    i += 1;
                }
            }
        }
        v
    }

    /// `ops` applied to argument `arg` of the managed resource at `address` of this module, as
    /// configured: an element of a nested block or of a list argument is what the configuration
    /// says (`aws_cloudwatch_log_metric_filter.f.metric_transformation[0].name`). Unknown when
    /// the path leaves the configuration (an attribute computed when applied).
    fn configured(
        &mut self,
        address: &str,
        arg: &str,
        ops: &[hcl_edit::Decorated<TraversalOperator>],
        scope: &Scope,
        span: Span,
    ) -> Val {
        let applied = || Val::unknown("element of a value known only when applied", span);
        let Some((d, i)) = self.instance_at(scope.inst, address) else { return applied() };
        let Some(mut v) = self.resource_attrs(scope.inst, d, i).get(arg).cloned() else { return applied() };
        for op in ops {
            let key = match op.value() {
                TraversalOperator::GetAttr(n) => Some(Val::new(VKind::Str(n.as_str().to_string()), span)),
                TraversalOperator::Index(e) => Some(self.eval(e, scope)),
                TraversalOperator::LegacyIndex(n) => Some(num(*n.value() as f64, span)),
                _ => None,
            };
            let Some(key) = key.filter(|k| !pending(k)) else { return applied() };
            let next = match &v.kind {
                VKind::List(items) => {
                    as_num(&key).filter(|n| n.fract() == 0.0 && *n >= 0.0).and_then(|n| items.get(n as usize))
                }
                VKind::Map(_) => text(&key).ok().flatten().and_then(|k| v.get(&k)),
                _ => None,
            };
            match next {
                Some(x) => v = x.clone(),
                None => return applied(),
            }
        }
        relocate(v, span, || format!("`{address}`").into())
    }

    /// The attribute `name` of `v`.
    pub(crate) fn get_attr(&mut self, v: Val, name: &str, span: Span) -> Val {
        match v.kind {
            VKind::Map(entries) => match entries.into_iter().find(|(k, _, _)| k == name) {
                Some((_, _, x)) => inherit(x, v.origin.as_ref(), span),
                None => self.error(format!("no attribute `{name}`"), span),
            },
            VKind::Ref(mut r) => {
                r.attr = Some(match r.attr {
                    Some(a) => format!("{a}.{name}"),
                    None => name.to_string(),
                });
                Val::new(VKind::Ref(r), span)
            }
            VKind::Unknown(why) => Val::unknown(why, span),
            VKind::Json(_) => Val::unknown("attribute of encoded JSON text", span),
            _ => self.error(format!("cannot read attribute `{name}` of this value"), span),
        }
    }

    /// The element `k` of `v`.
    pub(crate) fn index(&mut self, v: Val, k: &Val, span: Span) -> Val {
        if pending(k) {
            return Val::unknown("index not known", span);
        }
        match v.kind {
            VKind::List(items) => {
                let n = as_num(k).filter(|n| n.fract() == 0.0 && *n >= 0.0);
                match n.and_then(|n| items.into_iter().nth(n as usize)) {
                    Some(x) => inherit(x, v.origin.as_ref(), span),
                    None => self.error("index out of range", span),
                }
            }
            VKind::Map(entries) => {
                let key = text(k).ok().flatten().unwrap_or_default();
                match entries.into_iter().find(|(k2, _, _)| *k2 == key) {
                    Some((_, _, x)) => inherit(x, v.origin.as_ref(), span),
                    None => self.error(format!("no element `{key}`"), span),
                }
            }
            VKind::Ref(r) if r.attr.is_none() => Val::new(VKind::Ref(r), span),
            VKind::Ref(_) | VKind::Json(_) => Val::unknown("element of a value known only when applied", span),
            VKind::Unknown(why) => Val::unknown(why, span),
            _ => self.error("cannot index this value", span),
        }
    }

    fn eval_call(&mut self, f: &hcl_edit::expr::FuncCall, scope: &Scope, span: Span) -> Val {
        let name = f.name.name.as_str();
        if !f.name.namespace.is_empty() {
            let full =
                format!("{}::{name}", f.name.namespace.iter().map(|n| n.as_str()).collect::<Vec<_>>().join("::"));
            self.note(DiagnosticKind::NotAnalysed, span, msg!("diag-tf-function-unsupported", name = full));
            return Val::unknown("provider function", span);
        }
        let args: Vec<&Expression> = f.args.iter().collect();
        match name {
            "try" => return self.eval_try(&args, scope, span),
            "can" => return self.eval_can(&args, scope, span),
            _ => {}
        }
        let mut vals: Vec<Val> = args.iter().map(|a| self.eval(a, scope)).collect();
        if f.args.expand_final() {
            match vals.pop().map(|v| v.kind) {
                Some(VKind::List(items)) => vals.extend(items),
                _ => return Val::unknown("expanded argument not known", span),
            }
        }
        self.call_fn(name, vals, span, scope)
    }

    fn eval_try(&mut self, args: &[&Expression], scope: &Scope, span: Span) -> Val {
        for a in args {
            let (errors, notes) = (self.errors, self.diagnostics.len());
            let v = self.eval(a, scope);
            if self.errors == errors {
                return relocate(v, span, || msg!("origin-try"));
            }
            self.errors = errors;
            self.diagnostics.truncate(notes);
        }
        self.error("no argument of `try` could be evaluated", span)
    }

    fn eval_can(&mut self, args: &[&Expression], scope: &Scope, span: Span) -> Val {
        let [a] = args else {
            return self.error("`can` takes one argument", span);
        };
        let (errors, notes) = (self.errors, self.diagnostics.len());
        let v = self.eval(a, scope);
        let failed = self.errors != errors;
        self.errors = errors;
        self.diagnostics.truncate(notes);
        match (failed, &v.kind) {
            (true, _) => Val::new(VKind::Bool(false), span),
            (false, VKind::Unknown(_)) => Val::unknown("argument of `can` not known", span),
            _ => Val::new(VKind::Bool(true), span),
        }
    }

    /// Evaluates a value written in Terraform's JSON syntax.
    pub(crate) fn eval_json(&mut self, n: &Node, scope: &Scope) -> Val {
        if self.depth >= MAX_DEPTH {
            return Val::unknown("nested too deeply", n.span);
        }
        self.depth += 1;
        let v = match &n.kind {
            Kind::String(s) if s.contains("${") || s.contains("%{") => self.json_template(s, n.span, scope),
            Kind::Seq(items) => Val::new(VKind::List(items.iter().map(|x| self.eval_json(x, scope)).collect()), n.span),
            Kind::Map(entries) => {
                let m = entries.iter().map(|e| (e.key.clone(), e.key_span, self.eval_json(&e.value, scope))).collect();
                Val::new(VKind::Map(m), n.span)
            }
            _ => crate::lower::tf::node_val(n),
        };
        self.depth -= 1;
        v
    }

    fn json_template(&mut self, s: &str, span: Span, scope: &Scope) -> Val {
        match hcl_edit::parser::parse_template(s) {
            Ok(t) => {
                let inner = Scope { fixed: Some(span), ..scope.clone() };
                self.eval_template(&t, &inner, span)
            }
            Err(e) => {
                self.note(DiagnosticKind::Parse, span, msg!("diag-tf-template-invalid", detail = e.message()));
                Val::unknown("invalid template", span)
            }
        }
    }
}

/// An element read from a collection, used at `span`: it keeps where it was written as its
/// origin when the collection came from elsewhere.
fn inherit(x: Val, parent: Option<&crate::model::Origin>, span: Span) -> Val {
    match parent {
        Some(o) => relocate(x, span, || o.note.clone()),
        None => x,
    }
}

/// The text of template pieces, with whitespace stripped where `~` asks.
/// The part of an ARN an expression names: `data.aws_caller_identity.NAME.account_id`,
/// `data.aws_partition.NAME.partition`.
fn own_part(e: &Expression) -> Option<OwnPart> {
    let Expression::Traversal(t) = e else { return None };
    let Expression::Variable(root) = &t.expr else { return None };
    let attrs: Vec<&str> = (t.operators.iter())
        .map(|o| match o.value() {
            TraversalOperator::GetAttr(a) => Some(a.as_str()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    match (root.as_str(), attrs.as_slice()) {
        ("data", ["aws_caller_identity", _, "account_id"]) => Some(OwnPart::Account),
        ("data", ["aws_partition", _, "partition"]) => Some(OwnPart::Partition),
        _ => None,
    }
}

fn join_segs(segs: Vec<Seg>) -> String {
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut trim_next = false;
    for s in segs {
        match s {
            Seg::Lit(mut t) => {
                if trim_next {
                    t = t.trim_start().to_string();
                }
                trim_next = false;
                parts.push((t, true));
            }
            Seg::Val(t) => {
                trim_next = false;
                parts.push((t, false));
            }
            Seg::TrimBefore => {
                if let Some((t, true)) = parts.last_mut() {
                    *t = t.trim_end().to_string();
                }
            }
            Seg::TrimAfter => trim_next = true,
        }
    }
    parts.into_iter().map(|(t, _)| t).collect()
}
