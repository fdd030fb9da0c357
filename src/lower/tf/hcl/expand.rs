//! Instances: `count` and `for_each` of resources and module calls, resource bodies with
//! their nested and `dynamic` blocks, and the module tree.

use std::rc::Rc;
use std::sync::Arc;

use hcl_edit::Span as _;
use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body, Structure};

use crate::diagnostic::DiagnosticKind;
use crate::lower::tf::TfResource;
use crate::model::{VKind, Val};
use crate::source::{Span, normalise};

use super::module::{Bod, BodyKind, CALL_META, Ex, object_entries};
use super::state::{Caller, Evaluator, Expansion, IKey, Inst, Instances, MAX_INSTANCES, Scope};
use super::value::{as_num, pending, text};

/// Most instances of one resource or module call.
pub(crate) const MAX_COUNT: usize = 1_000;
/// Most instances that `count` and `for_each` make in one root module, with those of its
/// module calls: a few lines asking for a thousand instances each must not make millions.
pub(crate) const MAX_TOTAL_COUNT: usize = 10_000;
/// Deepest chain of module calls.
pub(crate) const MAX_NESTING: usize = 16;

/// Meta-arguments of a resource: not part of its attributes.
const RESOURCE_META: &[&str] = &["count", "for_each", "provider", "depends_on", "lifecycle"];

impl Evaluator {
    /// The instances of resource `d` of `inst`.
    pub(crate) fn expansion(&mut self, inst: usize, d: usize) -> Rc<Expansion> {
        match self.insts[inst].expansions.get(&d) {
            Some(Some(e)) => return e.clone(),
            Some(None) => {
                let span = self.insts[inst].module.resources[d].span;
                self.note(DiagnosticKind::NotAnalysed, span, msg!("diag-tf-count-cycle"));
                return Rc::new(Expansion::Unknown("condition-count"));
            }
            None => {}
        }
        self.insts[inst].expansions.insert(d, None);
        let r = &self.insts[inst].module.resources[d];
        let (count, for_each, span) = (r.count.clone(), r.for_each.clone(), r.span);
        let e = Rc::new(self.expand(inst, count.as_ref(), for_each.as_ref(), span));
        self.insts[inst].expansions.insert(d, Some(e.clone()));
        e
    }

    /// Evaluates `count` or `for_each` in `inst`.
    fn expand(&mut self, inst: usize, count: Option<&Ex>, for_each: Option<&Ex>, span: Span) -> Expansion {
        if let Some(c) = count {
            let v = self.eval_ex(c, &Scope::new(inst));
            let n = match as_num(&v) {
                Some(n) if n >= 0.0 && n.fract() == 0.0 => n as usize,
                _ => return Expansion::Unknown("condition-count"),
            };
            return Expansion::Keys(
                (0..self.capped(n, span)).map(|i| (IKey::Int(i), Val::new(VKind::Null, span))).collect(),
            );
        }
        let Some(f) = for_each else { return Expansion::Single };
        let v = self.eval_ex(f, &Scope::new(inst));
        let mut keys = Vec::new();
        match &v.kind {
            VKind::Map(entries) => {
                for (k, _, x) in entries {
                    keys.push((IKey::Str(k.clone()), x.clone()));
                }
            }
            VKind::List(items) => {
                for x in items {
                    match text(x) {
                        Ok(Some(s)) => keys.push((IKey::Str(s), x.clone())),
                        _ => return Expansion::Unknown("condition-for-each"),
                    }
                }
            }
            _ => return Expansion::Unknown("condition-for-each"),
        }
        let n = self.capped(keys.len(), span);
        keys.truncate(n);
        Expansion::Keys(keys)
    }

    fn capped(&mut self, n: usize, span: Span) -> usize {
        let room = MAX_TOTAL_COUNT.saturating_sub(self.expanded);
        let kept = n.min(MAX_COUNT).min(room);
        if kept < n {
            let message = if kept == MAX_COUNT {
                msg!("diag-tf-too-many-instances", count = n, max = MAX_COUNT)
            } else {
                msg!("diag-tf-too-many-instances-total", count = n, kept = kept, max = MAX_TOTAL_COUNT)
            };
            self.note(DiagnosticKind::NotAnalysed, span, message);
        }
        self.expanded += kept;
        kept
    }

    /// The bindings of `count` or `each` for instance `i` of an expansion.
    fn bindings(exp: &Expansion, i: usize, span: Span) -> Vec<(String, Val)> {
        let obj = |entries: Vec<(&str, Val)>| {
            Val::new(VKind::Map(entries.into_iter().map(|(k, v)| (k.to_string(), span, v)).collect()), span)
        };
        match exp {
            Expansion::Single => Vec::new(),
            Expansion::Unknown(_) => {
                let u = || Val::unknown("the instances are not known", span);
                vec![
                    ("count".into(), obj(vec![("index", u())])),
                    ("each".into(), obj(vec![("key", u()), ("value", u())])),
                ]
            }
            Expansion::Keys(keys) => match keys.get(i) {
                Some((IKey::Int(n), _)) => {
                    vec![("count".into(), obj(vec![("index", super::value::num(*n as f64, span))]))]
                }
                Some((IKey::Str(k), v)) => {
                    vec![(
                        "each".into(),
                        obj(vec![("key", Val::new(VKind::Str(k.clone()), span)), ("value", v.clone())]),
                    )]
                }
                None => Vec::new(),
            },
        }
    }

    /// The evaluated arguments of instance `i` of resource `d` of `inst`.
    pub(crate) fn resource_attrs(&mut self, inst: usize, d: usize, i: usize) -> Val {
        let r = self.insts[inst].module.resources[d].clone();
        match self.insts[inst].attrs.get(&(d, i)) {
            Some(Some(v)) => return v.clone(),
            Some(None) => {
                self.note(DiagnosticKind::NotAnalysed, r.span, msg!("diag-tf-resource-cycle"));
                return Val::unknown("cycle", r.body_span);
            }
            None => {}
        }
        self.insts[inst].attrs.insert((d, i), None);
        let exp = self.expansion(inst, d);
        let scope = Scope::with(inst, Self::bindings(&exp, i, r.span));
        let v = self.eval_body(&r.body, &scope, RESOURCE_META, r.body_span);
        self.insts[inst].attrs.insert((d, i), Some(v.clone()));
        v
    }

    /// A block body as a map: arguments, and nested blocks as lists of maps by type.
    pub(crate) fn eval_body(&mut self, b: &Bod, scope: &Scope, skip: &[&str], span: Span) -> Val {
        let scope = Scope { src: Some(b.src.clone()), fixed: None, ..scope.clone() };
        match &b.kind {
            BodyKind::Hcl(body) => self.eval_hcl_body(body, &scope, skip, span),
            BodyKind::Json(n) => {
                let entries = object_entries(n)
                    .iter()
                    .filter(|e| !skip.contains(&e.key.as_str()) && e.key != "//")
                    .map(|e| (e.key.clone(), e.key_span, self.eval_json(&e.value, &scope)))
                    .collect::<Vec<_>>();
                Val::new(VKind::Map(entries), span)
            }
        }
    }

    fn eval_hcl_body(&mut self, body: &Body, scope: &Scope, skip: &[&str], span: Span) -> Val {
        if self.depth >= super::eval::MAX_DEPTH {
            return Val::unknown("nested too deeply", span);
        }
        self.depth += 1;
        let mut entries: Vec<(String, Span, Val)> = Vec::new();
        for s in body.iter() {
            match s {
                Structure::Attribute(a) if !skip.contains(&a.key.as_str()) => {
                    let v = self.eval(&a.value, scope);
                    let key_span = self.sp(scope, a.key.span());
                    entries.push((a.key.to_string(), key_span, v));
                }
                Structure::Block(b) if b.ident.as_str() == "dynamic" => self.dynamic(b, scope, &mut entries),
                Structure::Block(b) if !skip.contains(&b.ident.as_str()) => {
                    let bspan = self.sp(scope, b.span());
                    let v = self.eval_hcl_body(&b.body, scope, &[], bspan);
                    let key_span = self.sp(scope, b.ident.span());
                    push_block(&mut entries, b.ident.as_str(), key_span, bspan, vec![v]);
                }
                _ => {}
            }
        }
        self.depth -= 1;
        Val::new(VKind::Map(entries), span)
    }

    /// A `dynamic` block: one nested block per element of its `for_each`.
    fn dynamic(&mut self, b: &Block, scope: &Scope, entries: &mut Vec<(String, Span, Val)>) {
        let Some(name) = b.labels.first().map(|l| l.as_str().to_string()) else { return };
        let bspan = self.sp(scope, b.span());
        let key_span = self.sp(scope, b.labels.first().and_then(|l| l.span()));
        let attr = |n: &str| b.body.attributes().find(|a| a.key.as_str() == n).map(|a| &a.value);
        let iterator = match attr("iterator") {
            Some(Expression::Variable(v)) => v.as_str().to_string(),
            _ => name.clone(),
        };
        let Some(content) = b.body.blocks().find(|c| c.ident.as_str() == "content") else { return };
        let coll = match attr("for_each") {
            Some(e) => self.eval(e, scope),
            None => Val::unknown("no `for_each`", bspan),
        };
        let items = match &coll.kind {
            _ if pending(&coll) => None,
            _ => self.iterate(&coll),
        };
        let Some(items) = items else {
            push_block(entries, &name, key_span, bspan, Vec::new());
            if let Some((_, _, v)) = entries.iter_mut().find(|(k, _, _)| *k == name) {
                *v = Val::unknown(format!("the `{name}` blocks depend on a value not known"), bspan);
            }
            return;
        };
        let mut blocks = Vec::with_capacity(items.len());
        for (k, v) in items {
            let it = Val::new(VKind::Map(vec![("key".into(), k.span, k), ("value".into(), v.span, v)]), bspan);
            let mut inner = scope.clone();
            inner.bind.push((iterator.clone(), it));
            blocks.push(self.eval_hcl_body(&content.body, &inner, &[], bspan));
        }
        push_block(entries, &name, key_span, bspan, blocks);
    }

    /// The instances of module call `c` of `inst`; `None` when the module is not available.
    pub(crate) fn children(&mut self, inst: usize, c: usize) -> Option<Instances> {
        if let Some(known) = self.insts[inst].children.get(&c) {
            return known.clone();
        }
        self.insts[inst].children.insert(c, None);
        let made = self.make_children(inst, c).map(Rc::new);
        self.insts[inst].children.insert(c, made.clone());
        made
    }

    fn make_children(&mut self, inst: usize, c: usize) -> Option<Vec<(Option<IKey>, usize)>> {
        let call = self.insts[inst].module.calls[c].clone();
        let module = self.child_module(inst, &call.name, call.source.as_deref(), call.span)?;
        let exp = self.expand(inst, call.count.as_ref(), call.for_each.as_ref(), call.span);
        let mut out = Vec::new();
        for (i, key) in exp.keys().into_iter().enumerate() {
            if self.insts.len() >= MAX_INSTANCES {
                self.note(DiagnosticKind::NotAnalysed, call.span, msg!("diag-tf-too-many-modules"));
                break;
            }
            let parent = &self.insts[inst];
            let mut child = Inst::new(module.clone());
            let suffix = key.as_ref().map(IKey::suffix).unwrap_or_default();
            child.prefix = format!("{}module.{}{suffix}.", parent.prefix, call.name);
            child.path = parent.path.iter().cloned().chain([call.name.clone()]).collect();
            let cond = match &exp {
                Expansion::Unknown(w) => Some(msg!(
                    "condition-of-module",
                    condition = crate::i18n::Message::template(w, Vec::new()),
                    module = call.name
                )),
                _ => None,
            };
            child.condition = match (&parent.condition, cond) {
                (Some(a), Some(b)) => Some(msg!("condition-and-also", first = a, second = b)),
                (a, b) => a.clone().or(b),
            };
            child.caller = Some(Caller { inst, call: c, bind: Self::bindings(&exp, i, call.span) });
            self.insts.push(child);
            out.push((key, self.insts.len() - 1));
        }
        Some(out)
    }

    /// Loads the module a call refers to, or says why it cannot be.
    fn child_module(
        &mut self,
        inst: usize,
        name: &str,
        source: Option<&str>,
        span: Span,
    ) -> Option<Arc<super::module::Module>> {
        let parent = &self.insts[inst];
        let source = source.unwrap_or_default();
        let dir = if source.starts_with("./") || source.starts_with("../") {
            Some(normalise(&parent.module.dir.join(source)))
        } else {
            let key = parent.path.iter().map(String::as_str).chain([name]).collect::<Vec<_>>().join(".");
            self.manifest.as_ref().and_then(|m| m.get(&key)).map(|d| normalise(&self.root_dir.join(d)))
        };
        let Some(dir) = dir else {
            self.note(
                DiagnosticKind::NotAnalysed,
                span,
                msg!("diag-tf-module-not-downloaded", name = name, source = source),
            );
            return None;
        };
        if parent.path.len() >= MAX_NESTING || self.ancestors(inst).any(|d| d == dir) {
            self.note(DiagnosticKind::NotAnalysed, span, msg!("diag-tf-module-cycle", name = name));
            return None;
        }
        let module = self.load_module(&dir);
        if module.files.is_empty() && module.diagnostics.is_empty() {
            self.note(DiagnosticKind::NotAnalysed, span, msg!("diag-tf-module-empty", name = name, source = source));
            return None;
        }
        Some(module)
    }

    fn ancestors(&self, inst: usize) -> impl Iterator<Item = std::path::PathBuf> + '_ {
        let mut at = Some(inst);
        std::iter::from_fn(move || {
            let i = at?;
            at = self.insts[i].caller.as_ref().map(|c| c.inst);
            Some(self.insts[i].module.dir.clone())
        })
    }

    /// The module in `dir`, read once.
    pub(crate) fn load_module(&mut self, dir: &std::path::Path) -> Arc<super::module::Module> {
        if let Some(m) = self.modules.get(dir) {
            return m.clone();
        }
        let m = match &self.shared {
            Some(shared) => shared.get(dir),
            None => Arc::new(super::module::load(dir, &self.limits)),
        };
        self.add_module(dir, m.clone());
        m
    }

    /// Records a module read elsewhere as the one in `dir`.
    pub(crate) fn add_module(&mut self, dir: &std::path::Path, m: Arc<super::module::Module>) {
        self.diagnostics.extend(m.diagnostics.iter().cloned());
        self.sources.extend(m.files.iter().cloned());
        self.renamed.extend(m.renamed.iter().map(|(k, v)| (*k, v.clone())));
        self.modules.insert(dir.to_path_buf(), m);
    }

    /// Every resource instance of `inst` and of the modules it calls.
    pub(crate) fn collect(&mut self, inst: usize, out: &mut Vec<TfResource>) {
        let module = self.insts[inst].module.clone();
        for (d, r) in module.resources.iter().enumerate() {
            let exp = self.expansion(inst, d);
            let cond = match &*exp {
                Expansion::Unknown(w) => Some(crate::i18n::Message::template(w, Vec::new())),
                _ => None,
            };
            let condition = match (&self.insts[inst].condition, cond) {
                (Some(a), Some(b)) => Some(msg!("condition-and-also", first = b, second = a)),
                (a, b) => b.or(a.clone()),
            };
            for (i, key) in exp.keys().iter().enumerate() {
                let attrs = self.resource_attrs(inst, d, i);
                out.push(TfResource {
                    address: self.address(inst, d, key.as_ref()),
                    rtype: r.rtype.clone(),
                    data: r.data,
                    span: r.span,
                    body_span: r.body_span,
                    attrs,
                    condition: condition.clone(),
                });
            }
        }
        for c in 0..module.calls.len() {
            if let Some(children) = self.children(inst, c) {
                for (_, ci) in children.iter() {
                    self.collect(*ci, out);
                }
            }
        }
    }

    /// The value a child's variable gets from its `module` block, if the block sets it.
    pub(crate) fn argument(&mut self, inst: usize, name: &str) -> Option<Val> {
        let caller = self.insts[inst].caller.clone()?;
        let call = self.insts[caller.inst].module.calls[caller.call].clone();
        if CALL_META.contains(&name) {
            return None;
        }
        let scope = Scope { src: Some(call.body.src.clone()), ..Scope::with(caller.inst, caller.bind.clone()) };
        let v = match &call.body.kind {
            BodyKind::Hcl(body) => {
                let a = body.attributes().find(|a| a.key.as_str() == name)?;
                self.eval(&a.value, &scope)
            }
            BodyKind::Json(n) => {
                let e = object_entries(n).iter().find(|e| e.key == name)?;
                self.eval_json(&e.value, &scope)
            }
        };
        let note = msg!("origin-module-argument", name = name, module = call.name);
        let mut v = v;
        match &mut v.origin {
            None => v.origin = Some(crate::model::Origin::new(v.span, note)),
            // Written elsewhere (a variable of the caller, a tfvars file): the argument is a hop.
            Some(o) => super::value::add_hop(o, v.span, note),
        }
        Some(v)
    }
}

/// Adds nested blocks of type `name` to a body's entries (one list per type).
fn push_block(entries: &mut Vec<(String, Span, Val)>, name: &str, key_span: Span, span: Span, blocks: Vec<Val>) {
    match entries.iter_mut().find(|(k, _, _)| k == name) {
        Some((_, _, v)) => {
            if let VKind::List(l) = &mut v.kind {
                l.extend(blocks);
            }
        }
        None => entries.push((name.to_string(), key_span, Val::new(VKind::List(blocks), span))),
    }
}
