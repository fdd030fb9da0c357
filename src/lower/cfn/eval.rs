//! Intrinsic function evaluation, three-valued: known, unknown, or a resource reference.
//!
//! Supported: `Ref` (parameters with their `Default` or a supplied value, resources, pseudo
//! parameters, `AWS::NoValue`), `Fn::GetAtt`, `Fn::Sub` (string and list forms, `${!Literal}`),
//! `Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::If` with `Conditions` (`Fn::Equals`, `Fn::And`,
//! `Fn::Or`, `Fn::Not`, `Condition`), `Fn::FindInMap` (with the `DefaultValue` extension),
//! `Fn::Length`, `Fn::Base64` (evaluates to its input), and dynamic references
//! (`{{resolve:...}}`, unknown). `Fn::ImportValue`, `Fn::GetAZs`, `Fn::Cidr`,
//! `Fn::ToJsonString` and `Fn::Transform` are unknown.
//!
//! A condition whose value cannot be decided is looked up in the evaluator's *assumptions*:
//! the scan evaluates a template once per combination of its undecidable conditions, so that
//! a finding can say which condition values lead to it.
//!
//! A template is untrusted: evaluation always ends, in time and memory proportional to the
//! template. Every recursion (into an expression, a condition, a parameter's default, a
//! mapping value) spends one *depth* budget; values reached by name (mapping values, list
//! defaults) are evaluated once and remembered; references that lead back to themselves,
//! nesting deeper than [`MAX_DEPTH`], strings longer than [`MAX_TEXT`] and evaluations that
//! produce more than [`MAX_WORK`] units of output evaluate to unknown, with a located
//! problem in [`Evaluator::problems`].

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};

use super::template::Template;
use crate::i18n::Message;
use crate::model::policy::{OwnPart, own_arn_part};
use crate::model::val::{Origin, RefTarget, VKind, Val};
use crate::source::Span;
use crate::value::{Kind, Node};

/// A value supplied for a parameter (`--parameters`).
pub type Overrides = HashMap<String, String>;

pub struct Evaluator<'t, 'a> {
    pub tpl: &'t Template<'a>,
    overrides: &'t Overrides,
    /// Values assumed for conditions that cannot be decided.
    pub assumptions: BTreeMap<String, bool>,
    cond_cache: RefCell<HashMap<String, Option<bool>>>,
    cond_stack: RefCell<HashSet<String>>,
    /// Values of nodes reached by name (mapping values, list defaults of parameters), by the
    /// node's address, with the height of the value.
    memo: RefCell<HashMap<*const Node, (Val, usize)>>,
    /// Nodes reached by name whose evaluation is under way (a reference back to one is a cycle).
    active: RefCell<HashSet<*const Node>>,
    /// Units of work spent: nodes evaluated, bytes and items produced, remembered values reused.
    work: Cell<usize>,
    problems: RefCell<Vec<(Span, Message)>>,
    problem_set: RefCell<HashSet<(Span, Message)>>,
}

/// How deeply evaluation may nest: expressions, conditions, parameters and mappings together.
pub const MAX_DEPTH: usize = 200;
/// The longest string `Fn::Sub` and `Fn::Join` may produce.
pub const MAX_TEXT: usize = 256 * 1024;
/// The work one evaluator may spend (nodes evaluated, bytes and list items produced).
pub const MAX_WORK: usize = 64 * 1024 * 1024;
/// At most this many problems are kept per evaluator.
const MAX_PROBLEMS: usize = 32;

impl<'t, 'a> Evaluator<'t, 'a> {
    pub fn new(tpl: &'t Template<'a>, overrides: &'t Overrides, assumptions: BTreeMap<String, bool>) -> Self {
        Evaluator {
            tpl,
            overrides,
            assumptions,
            cond_cache: RefCell::new(HashMap::new()),
            cond_stack: RefCell::new(HashSet::new()),
            memo: RefCell::new(HashMap::new()),
            active: RefCell::new(HashSet::new()),
            work: Cell::new(0),
            problems: RefCell::new(Vec::new()),
            problem_set: RefCell::new(HashSet::new()),
        }
    }

    /// What evaluation could not do (cycles, nesting too deep, values too large), in the order
    /// found, each at most once.
    pub fn problems(&self) -> Vec<(Span, Message)> {
        self.problems.borrow().clone()
    }

    /// An unknown value, and a problem reported at `span`.
    fn give_up(&self, message: Message, span: Span) -> Val {
        let reason = message.en();
        self.problem(span, message);
        Val::unknown(reason, span)
    }

    fn problem(&self, span: Span, message: Message) {
        let mut set = self.problem_set.borrow_mut();
        if set.len() < MAX_PROBLEMS && set.insert((span, message.clone())) {
            self.problems.borrow_mut().push((span, message));
        }
    }

    /// Spends `units` of work; false when the budget is exhausted.
    fn spend(&self, units: usize) -> bool {
        let w = self.work.get().saturating_add(units);
        self.work.set(w);
        w <= MAX_WORK
    }

    fn out_of_work(&self, span: Span) -> Val {
        self.give_up(msg!("diag-cfn-out-of-work", steps = MAX_WORK), span)
    }

    /// The value of a node reached by name, evaluated once: `None` when it leads back to itself.
    fn by_name(&self, n: &Node, depth: usize, eval: impl FnOnce() -> Val) -> Option<Val> {
        let key = n as *const Node;
        if let Some((v, height)) = self.memo.borrow().get(&key) {
            if depth + height > MAX_DEPTH + 1 {
                return Some(self.too_deep("expression", n.span));
            }
            if !self.spend(*height + size(v)) {
                return Some(self.out_of_work(n.span));
            }
            return Some(v.clone());
        }
        if !self.active.borrow_mut().insert(key) {
            return None;
        }
        let v = eval();
        self.active.borrow_mut().remove(&key);
        let height = height(&v);
        self.memo.borrow_mut().insert(key, (v.clone(), height));
        Some(v)
    }

    fn too_deep(&self, what: &str, span: Span) -> Val {
        let message = match what {
            "condition" => msg!("diag-cfn-condition-too-deep", depth = MAX_DEPTH),
            _ => msg!("diag-cfn-expression-too-deep", depth = MAX_DEPTH),
        };
        self.give_up(message, span)
    }

    /// Evaluates a node.
    pub fn eval(&self, n: &Node) -> Val {
        self.eval_depth(n, 0)
    }

    fn eval_depth(&self, n: &Node, depth: usize) -> Val {
        if depth > MAX_DEPTH {
            return self.too_deep("expression", n.span);
        }
        if !self.spend(1) {
            return self.out_of_work(n.span);
        }
        match &n.kind {
            Kind::Null => Val::new(VKind::Null, n.span),
            Kind::Bool(b) => Val::new(VKind::Bool(*b), n.span),
            Kind::Number(s) => Val::new(VKind::Num(s.clone()), n.span),
            Kind::String(s) => {
                if s.contains("{{resolve:") {
                    Val::unknown(format!("dynamic reference `{s}`"), n.span)
                } else {
                    Val::new(VKind::Str(s.clone()), n.span)
                }
            }
            Kind::Seq(items) => {
                let vals =
                    items.iter().map(|i| self.eval_depth(i, depth + 1)).filter(|v| v.kind != VKind::NoValue).collect();
                Val::new(VKind::List(vals), n.span)
            }
            Kind::Map(entries) => {
                if let [e] = entries.as_slice()
                    && is_intrinsic(&e.key)
                {
                    return self.intrinsic(&e.key, &e.value, n.span, depth + 1);
                }
                let vals = entries
                    .iter()
                    .map(|e| (e.key.clone(), e.key_span, self.eval_depth(&e.value, depth + 1)))
                    .filter(|(_, _, v)| v.kind != VKind::NoValue)
                    .collect();
                Val::new(VKind::Map(vals), n.span)
            }
        }
    }

    fn intrinsic(&self, name: &str, arg: &Node, span: Span, depth: usize) -> Val {
        match name {
            "Ref" => self.eval_ref(arg, span, depth),
            "Fn::GetAtt" => self.get_att(arg, span, depth),
            "Fn::Sub" => self.sub(arg, span, depth),
            "Fn::Join" => self.join(arg, span, depth),
            "Fn::Select" => self.select(arg, span, depth),
            "Fn::Split" => self.split(arg, span, depth),
            "Fn::If" => self.fn_if(arg, span, depth),
            "Fn::FindInMap" => self.find_in_map(arg, span, depth),
            "Fn::Base64" => {
                let mut v = self.eval_depth(arg, depth);
                v.span = span;
                v
            }
            "Fn::Length" => match self.eval_depth(arg, depth).kind {
                VKind::List(l) => Val::new(VKind::Num(l.len().to_string()), span),
                _ => Val::unknown("Fn::Length of a value that is not a known list", span),
            },
            "Fn::Equals" | "Fn::And" | "Fn::Or" | "Fn::Not" | "Condition" => match self.cond_expr(name, arg, depth) {
                Some(b) => Val::new(VKind::Bool(b), span),
                None => Val::unknown("condition cannot be decided", span),
            },
            other => Val::unknown(format!("`{other}` is not evaluated"), span),
        }
    }

    fn eval_ref(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let name = match arg.as_str() {
            Some(s) => s.to_string(),
            None => match self.eval_depth(arg, depth).as_str() {
                Some(s) => s.to_string(),
                None => return Val::unknown("Ref to a computed name", span),
            },
        };
        self.resolve_at(&name, span, depth)
    }

    /// The value of a name as `Ref` sees it: a parameter, a pseudo parameter or a resource.
    pub fn resolve_name(&self, name: &str, span: Span) -> Val {
        self.resolve_at(name, span, 0)
    }

    fn resolve_at(&self, name: &str, span: Span, depth: usize) -> Val {
        if let Some(&i) = self.tpl.param_index.get(name) {
            return self.param_value(i, span, depth);
        }
        if self.tpl.resource_index.contains_key(name) {
            return Val::new(VKind::Ref(RefTarget { id: name.to_string(), attr: None }), span);
        }
        match name {
            "AWS::NoValue" => Val::new(VKind::NoValue, span),
            n if n.starts_with("AWS::") => Val::unknown(format!("pseudo parameter `{n}`"), span),
            n => Val::undefined(n, span),
        }
    }

    fn param_value(&self, i: usize, span: Span, depth: usize) -> Val {
        let p = &self.tpl.parameters[i];
        let is_list = p.kind.starts_with("List<") || p.kind == "CommaDelimitedList";
        if p.kind.starts_with("AWS::SSM::Parameter::Value") {
            return Val::unknown(format!("parameter `{}` is read from SSM at deploy time", p.name), span);
        }
        let (text, origin) = if let Some(v) = self.overrides.get(&p.name) {
            (v.clone(), Origin::new(p.span, msg!("origin-parameter-value", name = p.name)))
        } else if let Some(d) = p.default {
            let origin = Origin::new(d.span, msg!("origin-parameter-default", name = p.name));
            match &d.kind {
                Kind::Seq(items) if is_list => {
                    let list = self.by_name(d, depth, || {
                        let vals = items.iter().map(|i| self.eval_depth(i, depth + 1)).collect();
                        Val::new(VKind::List(vals), d.span)
                    });
                    let Some(list) = list else {
                        return self.give_up(msg!("diag-cfn-parameter-cycle", name = p.name), span);
                    };
                    if list.is_unknown() {
                        return Val { span, ..list };
                    }
                    return Val { kind: list.kind, span, origin: Some(origin), literals: Vec::new() };
                }
                _ => match d.scalar_text() {
                    Some(t) => (t.into_owned(), origin),
                    None => {
                        return Val::unknown(
                            format!("parameter `{}` has a default that is not a scalar", p.name),
                            span,
                        );
                    }
                },
            }
        } else {
            return Val::unknown(format!("parameter `{}` has no default", p.name), span);
        };
        let kind = if is_list {
            VKind::List(text.split(',').map(|s| Val::new(VKind::Str(s.trim().to_string()), span)).collect())
        } else {
            VKind::Str(text)
        };
        Val { kind, span, origin: Some(origin), literals: Vec::new() }
    }

    fn get_att(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let (res, attr) = match &arg.kind {
            Kind::String(s) => match s.split_once('.') {
                Some((r, a)) => (r.to_string(), a.to_string()),
                None => return Val::unknown("Fn::GetAtt needs `Resource.Attribute`", span),
            },
            Kind::Seq(items) if items.len() == 2 => {
                let r = self.eval_depth(&items[0], depth).as_str().map(str::to_string);
                let a = self.eval_depth(&items[1], depth).scalar_text();
                match (r, a) {
                    (Some(r), Some(a)) => (r, a),
                    _ => return Val::unknown("Fn::GetAtt with computed names", span),
                }
            }
            _ => return Val::unknown("malformed Fn::GetAtt", span),
        };
        if self.tpl.resource_index.contains_key(&res) {
            Val::new(VKind::Ref(RefTarget { id: res, attr: Some(attr) }), span)
        } else {
            Val::undefined(&res, span)
        }
    }

    fn sub(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let (text, vars) = match &arg.kind {
            Kind::String(s) => (s.as_str(), None),
            Kind::Seq(items) if items.len() == 2 => match items[0].as_str() {
                Some(s) => (s, Some(&items[1])),
                None => return Val::unknown("Fn::Sub with a computed template", span),
            },
            _ => return Val::unknown("malformed Fn::Sub", span),
        };
        if text.contains("{{resolve:") {
            return Val::unknown("dynamic reference in Fn::Sub", span);
        }
        let mut out = String::new();
        let mut origin = None;
        let mut rest = text;
        // Each variable is evaluated once, however often the text uses it.
        let mut values: HashMap<&str, Val> = HashMap::new();
        while let Some(pos) = rest.find("${") {
            out.push_str(&rest[..pos]);
            let after = &rest[pos + 2..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[pos..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            rest = &after[end + 1..];
            if let Some(lit) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(lit);
                out.push('}');
                continue;
            }
            let name = name.trim();
            let v = if let Some(var) = vars.and_then(|m| m.get(name)) {
                values.entry(name).or_insert_with(|| self.eval_depth(var, depth + 1)).clone()
            } else if let Some((r, a)) = name.split_once('.')
                && self.tpl.resource_index.contains_key(r)
            {
                Val::new(VKind::Ref(RefTarget { id: r.to_string(), attr: Some(a.to_string()) }), span)
            } else {
                match own_arn_part(pseudo(name), &out, rest) {
                    Some(part) => Val::new(VKind::Str(part.to_string()), span),
                    None => self.resolve_at(name, span, depth),
                }
            };
            match v.scalar_text() {
                Some(t) => {
                    if out.len() + t.len() > MAX_TEXT {
                        return self
                            .give_up(msg!("diag-cfn-text-too-long", function = "Fn::Sub", bytes = MAX_TEXT), span);
                    }
                    if !self.spend(t.len()) {
                        return self.out_of_work(span);
                    }
                    out.push_str(&t);
                    if v.origin.is_some() {
                        origin = v.origin.clone();
                    }
                }
                None => return Val::unknown(format!("Fn::Sub refers to `{name}`, which is not known"), span),
            }
        }
        out.push_str(rest);
        Val { kind: VKind::Str(out), span, origin, literals: Vec::new() }
    }

    fn join(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let Some([delim, list]) = arg.as_seq().and_then(|s| <&[Node; 2]>::try_from(s).ok()) else {
            return Val::unknown("malformed Fn::Join", span);
        };
        let Some(delim) = self.eval_depth(delim, depth).scalar_text() else {
            return Val::unknown("Fn::Join with an unknown delimiter", span);
        };
        let node = list;
        let list = self.eval_depth(node, depth);
        let Some(items) = list.as_list() else {
            return Val::unknown("Fn::Join of a value that is not a known list", span);
        };
        let mut parts = Vec::with_capacity(items.len());
        let mut len = 0usize;
        // The items as written, to tell a pseudo parameter that fills a part of an ARN.
        let written = node.as_seq().filter(|s| s.len() == items.len());
        for (n, i) in items.iter().enumerate() {
            let pseudo = || {
                let name = written.filter(|w| w[n].as_map().is_some_and(|m| m.len() == 1))?[n].get("Ref")?.as_str()?;
                let before =
                    if parts.is_empty() { String::new() } else { format!("{}{delim}", parts.join(delim.as_str())) };
                let next = items.get(n + 1).and_then(Val::scalar_text).unwrap_or_default();
                own_arn_part(pseudo(name), &before, &format!("{delim}{next}")).map(str::to_string)
            };
            match i.scalar_text().or_else(pseudo) {
                Some(t) => {
                    len = len.saturating_add(t.len()).saturating_add(delim.len());
                    if len > MAX_TEXT {
                        return self
                            .give_up(msg!("diag-cfn-text-too-long", function = "Fn::Join", bytes = MAX_TEXT), span);
                    }
                    parts.push(t)
                }
                None => return Val::unknown("Fn::Join of a list with unknown items", span),
            }
        }
        if !self.spend(len) {
            return self.out_of_work(span);
        }
        Val::new(VKind::Str(parts.join(&delim)), span)
    }

    fn select(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let Some([index, list]) = arg.as_seq().and_then(|s| <&[Node; 2]>::try_from(s).ok()) else {
            return Val::unknown("malformed Fn::Select", span);
        };
        let Some(i) = self.eval_depth(index, depth).as_i64() else {
            return Val::unknown("Fn::Select with an unknown index", span);
        };
        let list = self.eval_depth(list, depth);
        match list.as_list().and_then(|l| usize::try_from(i).ok().and_then(|i| l.get(i))) {
            Some(v) => {
                let mut v = v.clone();
                v.span = span;
                if v.origin.is_none() {
                    v.origin = list.origin.clone();
                }
                v
            }
            None => Val::unknown("Fn::Select of an unknown list or index", span),
        }
    }

    fn split(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let Some([delim, s]) = arg.as_seq().and_then(|s| <&[Node; 2]>::try_from(s).ok()) else {
            return Val::unknown("malformed Fn::Split", span);
        };
        let d = self.eval_depth(delim, depth).scalar_text();
        let v = self.eval_depth(s, depth);
        match (d, v.scalar_text()) {
            (Some(d), Some(t)) if !d.is_empty() && !self.spend(t.len()) => self.out_of_work(span),
            (Some(d), Some(t)) if !d.is_empty() => Val {
                kind: VKind::List(t.split(d.as_str()).map(|p| Val::new(VKind::Str(p.to_string()), span)).collect()),
                span,
                origin: v.origin.clone(),
                literals: Vec::new(),
            },
            _ => Val::unknown("Fn::Split of an unknown string", span),
        }
    }

    fn fn_if(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let Some([cond, a, b]) = arg.as_seq().and_then(|s| <&[Node; 3]>::try_from(s).ok()) else {
            return Val::unknown("malformed Fn::If", span);
        };
        let Some(name) = cond.as_str() else {
            return Val::unknown("Fn::If needs a condition name", span);
        };
        match self.condition_at(name, cond.span, depth) {
            Some(true) => self.eval_depth(a, depth),
            Some(false) => self.eval_depth(b, depth),
            None => Val::unknown(format!("condition `{name}` cannot be decided"), span),
        }
    }

    fn find_in_map(&self, arg: &Node, span: Span, depth: usize) -> Val {
        let Some(items) = arg.as_seq().filter(|s| s.len() == 3 || s.len() == 4) else {
            return Val::unknown("malformed Fn::FindInMap", span);
        };
        let default = items.get(3).and_then(|d| d.get("DefaultValue"));
        let keys: Vec<Option<String>> = items[..3].iter().map(|k| self.eval_depth(k, depth).scalar_text()).collect();
        let [Some(m), Some(k1), Some(k2)] = keys.as_slice() else {
            return Val::unknown("Fn::FindInMap with unknown keys", span);
        };
        let found = self.tpl.mappings.and_then(|ms| ms.get(m)).and_then(|m| m.get(k1)).and_then(|m| m.get(k2));
        match found.or(default) {
            Some(n) => {
                let v = if found.is_some() {
                    self.by_name(n, depth, || self.eval_depth(n, depth + 1))
                } else {
                    Some(self.eval_depth(n, depth))
                };
                let Some(mut v) = v else {
                    return self.give_up(msg!("diag-cfn-mapping-cycle", map = m, k1 = k1, k2 = k2), span);
                };
                v.origin = Some(Origin::new(n.span, msg!("origin-mapping", map = m, k1 = k1, k2 = k2)));
                v.span = span;
                v
            }
            None => Val::unknown(format!("mapping `{m}` has no `{k1}`.`{k2}`"), span),
        }
    }

    /// The value of a named condition: decided from the template and supplied parameters,
    /// else the assumption made for it, else `None`.
    pub fn condition(&self, name: &str) -> Option<bool> {
        let span = self.tpl.conditions.get(name).map(|n| n.span).unwrap_or_default();
        self.condition_at(name, span, 0)
    }

    /// The value of a named condition referred to at `span`, `depth` levels deep.
    fn condition_at(&self, name: &str, span: Span, depth: usize) -> Option<bool> {
        if let Some(v) = self.cond_cache.borrow().get(name) {
            return *v;
        }
        if let Some(b) = self.assumptions.get(name) {
            return Some(*b);
        }
        let node = self.tpl.conditions.get(name)?;
        if depth > MAX_DEPTH {
            self.too_deep("condition", span);
            return None;
        }
        if !self.cond_stack.borrow_mut().insert(name.to_string()) {
            self.problem(span, msg!("diag-cfn-condition-cycle", name = name));
            return None;
        }
        let v = self.cond_node(node, depth + 1);
        self.cond_stack.borrow_mut().remove(name);
        self.cond_cache.borrow_mut().insert(name.to_string(), v);
        v
    }

    fn cond_node(&self, n: &Node, depth: usize) -> Option<bool> {
        if depth > MAX_DEPTH {
            self.too_deep("condition", n.span);
            return None;
        }
        match &n.kind {
            Kind::Map(entries) if entries.len() == 1 => self.cond_expr(&entries[0].key, &entries[0].value, depth + 1),
            _ => self.eval_depth(n, depth).as_bool(),
        }
    }

    fn cond_expr(&self, name: &str, arg: &Node, depth: usize) -> Option<bool> {
        match name {
            "Condition" => self.condition_at(arg.as_str()?, arg.span, depth),
            "Fn::Not" => {
                let inner = arg.as_seq().and_then(|s| s.first()).unwrap_or(arg);
                self.cond_node(inner, depth).map(|b| !b)
            }
            "Fn::And" | "Fn::Or" => {
                let is_and = name == "Fn::And";
                let mut unknown = false;
                for c in arg.as_seq()? {
                    match self.cond_node(c, depth) {
                        Some(b) if b != is_and => return Some(b),
                        Some(_) => {}
                        None => unknown = true,
                    }
                }
                if unknown { None } else { Some(is_and) }
            }
            "Fn::Equals" => {
                let [a, b] = <&[Node; 2]>::try_from(arg.as_seq()?).ok()?;
                let a = self.eval_depth(a, depth);
                let b = self.eval_depth(b, depth);
                Some(canonical(&a)? == canonical(&b)?)
            }
            _ => None,
        }
    }

    /// Conditions that cannot be decided without assumptions and that others depend on:
    /// the atoms to assume values for. `used` are the condition names a template refers to.
    pub fn undecided_atoms(&self, used: &[String]) -> Vec<String> {
        let mut atoms = Vec::new();
        let mut seen = HashSet::new();
        for name in used {
            self.collect_atoms(name, &mut atoms, &mut seen, 0);
        }
        atoms.sort();
        atoms.dedup();
        atoms
    }

    fn collect_atoms(&self, name: &str, atoms: &mut Vec<String>, seen: &mut HashSet<String>, depth: usize) {
        if depth > 64 || !seen.insert(name.to_string()) || self.condition(name).is_some() {
            return;
        }
        let Some(node) = self.tpl.conditions.get(name) else { return };
        let mut refs = Vec::new();
        condition_refs(node, &mut refs, 0);
        let undecided: Vec<&String> = refs.iter().filter(|r| self.condition(r).is_none()).collect();
        if undecided.is_empty() {
            atoms.push(name.to_string());
        } else {
            for r in undecided {
                self.collect_atoms(r, atoms, seen, depth + 1);
            }
        }
    }
}

fn condition_refs(n: &Node, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match &n.kind {
        Kind::Map(entries) => {
            for e in entries {
                if e.key == "Condition"
                    && let Some(s) = e.value.as_str()
                {
                    out.push(s.to_string());
                } else {
                    condition_refs(&e.value, out, depth + 1);
                }
            }
        }
        Kind::Seq(items) => items.iter().for_each(|i| condition_refs(i, out, depth + 1)),
        _ => {}
    }
}

/// The height of a value's tree (values are built no higher than [`MAX_DEPTH`] and a little).
fn height(v: &Val) -> usize {
    match &v.kind {
        VKind::List(items) => 1 + items.iter().map(height).max().unwrap_or(0),
        VKind::Map(entries) => 1 + entries.iter().map(|(_, _, i)| height(i)).max().unwrap_or(0),
        _ => 1,
    }
}

/// The work of copying a value: its items and the bytes of its strings.
fn size(v: &Val) -> usize {
    match &v.kind {
        VKind::List(items) => items.iter().fold(1, |a, i| a.saturating_add(size(i))),
        VKind::Map(entries) => entries.iter().fold(1, |a, (k, _, i)| a.saturating_add(k.len()).saturating_add(size(i))),
        VKind::Str(s) | VKind::Num(s) | VKind::Unknown(s) => 1 + s.len(),
        _ => 1,
    }
}

/// Comparable text of a known scalar for `Fn::Equals`.
fn canonical(v: &Val) -> Option<String> {
    v.scalar_text()
}

/// Is this map key an intrinsic function name?
pub fn is_intrinsic(key: &str) -> bool {
    key == "Ref" || key == "Condition" || (key.starts_with("Fn::") && !key.starts_with("Fn::ForEach::"))
}

/// Names of conditions that `Fn::If` and resource `Condition`s refer to, in first-use order.
pub fn used_conditions(tpl: &Template<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for r in &tpl.resources {
        if let Some((c, _)) = &r.condition {
            out.push(c.clone());
        }
        if let Some(p) = r.properties() {
            if_conditions(p, &mut out, 0);
        }
    }
    let mut seen = HashSet::new();
    out.retain(|c| seen.insert(c.clone()));
    out
}

/// Conditions of the `Fn::If`s in a node.
pub(super) fn if_conditions(n: &Node, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match &n.kind {
        Kind::Map(entries) => {
            for e in entries {
                if e.key == "Fn::If"
                    && let Some(c) = e.value.as_seq().and_then(|s| s.first()).and_then(Node::as_str)
                {
                    out.push(c.to_string());
                }
                if_conditions(&e.value, out, depth + 1);
            }
        }
        Kind::Seq(items) => items.iter().for_each(|i| if_conditions(i, out, depth + 1)),
        _ => {}
    }
}

/// The part of an ARN a pseudo parameter names.
fn pseudo(name: &str) -> Option<OwnPart> {
    match name {
        "AWS::Partition" => Some(OwnPart::Partition),
        "AWS::AccountId" => Some(OwnPart::Account),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Entry;

    /// A node tree from JSON, with empty spans (tests of evaluation only).
    pub(crate) fn node(j: &serde_json::Value) -> Node {
        use serde_json::Value as J;
        let kind = match j {
            J::Null => Kind::Null,
            J::Bool(b) => Kind::Bool(*b),
            J::Number(n) => Kind::Number(n.to_string()),
            J::String(s) => Kind::String(s.clone()),
            J::Array(a) => Kind::Seq(a.iter().map(node).collect()),
            J::Object(o) => Kind::Map(
                o.iter().map(|(k, v)| Entry { key: k.clone(), key_span: Span::default(), value: node(v) }).collect(),
            ),
        };
        Node::new(Span::default(), kind)
    }

    fn template() -> Node {
        node(&serde_json::json!({
            "Parameters": {
                "Cidr": {"Type": "String", "Default": "0.0.0.0/0"},
                "NoDefault": {"Type": "String"},
                "Env": {"Type": "String", "Default": "prod"},
                "Subnets": {"Type": "CommaDelimitedList", "Default": "a, b,c"},
                "Ssm": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/x"}
            },
            "Mappings": {"Ports": {"mysql": {"Port": 3306}}},
            "Conditions": {
                "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
                "IsDev": {"Fn::Not": [{"Condition": "IsProd"}]},
                "Unknown": {"Fn::Equals": [{"Ref": "NoDefault"}, "x"]},
                "NotUnknown": {"Fn::Not": [{"Condition": "Unknown"}]},
                "ProdAndUnknown": {"Fn::And": [{"Condition": "IsProd"}, {"Condition": "Unknown"}]},
                "DevAndUnknown": {"Fn::And": [{"Condition": "IsDev"}, {"Condition": "Unknown"}]},
                "Cycle": {"Fn::Not": [{"Condition": "Cycle"}]}
            },
            "Resources": {
                "Bucket": {"Type": "AWS::S3::Bucket"},
                "Sg": {"Type": "AWS::EC2::SecurityGroup"}
            }
        }))
    }

    fn eval_with(root: &Node, overrides: &Overrides, assume: &[(&str, bool)], expr: serde_json::Value) -> Val {
        let tpl = Template::new(root, overrides);
        let a = assume.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let ev = Evaluator::new(&tpl, overrides, a);
        ev.eval(&node(&expr))
    }

    fn eval(expr: serde_json::Value) -> Val {
        eval_with(&template(), &Overrides::new(), &[], expr)
    }

    fn s(v: &Val) -> &str {
        v.as_str().unwrap_or_else(|| panic!("not a known string: {v:?}"))
    }

    use serde_json::json;

    use crate::model::policy::OWN_ACCOUNT;

    #[test]
    fn ref_parameter_default_is_known_with_origin() {
        let v = eval(json!({"Ref": "Cidr"}));
        assert_eq!(s(&v), "0.0.0.0/0");
        assert!(v.origin.as_ref().unwrap().note.en().contains("default of parameter `Cidr`"));
    }

    #[test]
    fn ref_parameter_without_default_is_unknown() {
        assert!(eval(json!({"Ref": "NoDefault"})).is_unknown());
        assert!(eval(json!({"Ref": "Ssm"})).is_unknown());
    }

    #[test]
    fn supplied_values_override_defaults() {
        let mut o = Overrides::new();
        o.insert("Cidr".into(), "10.0.0.0/8".into());
        o.insert("NoDefault".into(), "x".into());
        let root = template();
        assert_eq!(s(&eval_with(&root, &o, &[], json!({"Ref": "Cidr"}))), "10.0.0.0/8");
        assert_eq!(eval_with(&root, &o, &[], json!({"Fn::If": ["Unknown", 1, 2]})).kind, VKind::Num("1".into()));
    }

    #[test]
    fn ref_resource_and_pseudo() {
        assert_eq!(eval(json!({"Ref": "Bucket"})).kind, VKind::Ref(RefTarget { id: "Bucket".into(), attr: None }));
        assert!(eval(json!({"Ref": "AWS::Region"})).is_unknown());
        assert!(eval(json!({"Ref": "Nope"})).is_unknown());
        // AWS::NoValue removes the property or list item.
        let v = eval(json!({"A": {"Ref": "AWS::NoValue"}, "B": [1, {"Ref": "AWS::NoValue"}]}));
        assert!(v.get("A").is_none());
        assert_eq!(v.get("B").unwrap().as_list().unwrap().len(), 1);
    }

    #[test]
    fn get_att_both_forms() {
        let want = VKind::Ref(RefTarget { id: "Bucket".into(), attr: Some("Arn".into()) });
        assert_eq!(eval(json!({"Fn::GetAtt": ["Bucket", "Arn"]})).kind, want);
        assert_eq!(eval(json!({"Fn::GetAtt": "Bucket.Arn"})).kind, want);
        assert!(eval(json!({"Fn::GetAtt": ["Missing", "Arn"]})).is_unknown());
    }

    #[test]
    fn sub_string_and_list_forms() {
        assert_eq!(s(&eval(json!({"Fn::Sub": "cidr=${Cidr} env=${Env}"}))), "cidr=0.0.0.0/0 env=prod");
        assert_eq!(s(&eval(json!({"Fn::Sub": ["${A}-${Env}", {"A": "x"}]}))), "x-prod");
        assert_eq!(s(&eval(json!({"Fn::Sub": "${!Literal}-${Env}"}))), "${Literal}-prod");
        // The partition and the account of an ARN are the stack's own, whatever they are.
        assert_eq!(s(&eval(json!({"Fn::Sub": "arn:${AWS::Partition}:s3:::x"}))), "arn:aws:s3:::x");
        let own = format!("arn:aws:iam::{OWN_ACCOUNT}:role/a/${{x}}");
        assert_eq!(s(&eval(json!({"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/a/${!x}"}))), own);
        let join = json!({"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iam::", {"Ref": "AWS::AccountId"}, ":role/a/${x}"]]});
        assert_eq!(s(&eval(join)), own);
        let join = json!({"Fn::Join": [":", ["arn", "aws", "iam", "", {"Ref": "AWS::AccountId"}, "role/a/${x}"]]});
        assert_eq!(s(&eval(join)), own);
        // Elsewhere they stay unknown.
        assert!(eval(json!({"Fn::Sub": "arn:aws:s3:::logs-${AWS::AccountId}"})).is_unknown());
        assert!(eval(json!({"Fn::Sub": "${AWS::AccountId}"})).is_unknown());
        assert!(eval(json!({"Fn::Sub": "arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:q"})).is_unknown());
        assert!(eval(json!({"Fn::Join": ["", ["x", {"Ref": "AWS::AccountId"}, ":y"]]})).is_unknown());
        assert!(eval(json!({"Fn::Sub": "${Bucket.Arn}/*"})).is_unknown());
        assert!(eval(json!({"Fn::Sub": "${NoDefault}"})).is_unknown());
    }

    #[test]
    fn join_select_split() {
        assert_eq!(s(&eval(json!({"Fn::Join": ["-", ["a", {"Ref": "Env"}, 3]]}))), "a-prod-3");
        assert!(eval(json!({"Fn::Join": ["-", ["a", {"Ref": "NoDefault"}]]})).is_unknown());
        assert_eq!(s(&eval(json!({"Fn::Select": [1, ["a", "b"]]}))), "b");
        assert_eq!(s(&eval(json!({"Fn::Select": ["2", {"Ref": "Subnets"}]}))), "c");
        assert!(eval(json!({"Fn::Select": [5, ["a"]]})).is_unknown());
        let v = eval(json!({"Fn::Split": [",", "x,y"]}));
        assert_eq!(v.as_list().unwrap().len(), 2);
        assert_eq!(s(&eval(json!({"Fn::Select": [0, {"Fn::Split": ["/", "10.0.0.0/8"]}]}))), "10.0.0.0");
    }

    #[test]
    fn find_in_map_and_default_value() {
        assert_eq!(eval(json!({"Fn::FindInMap": ["Ports", "mysql", "Port"]})).as_i64(), Some(3306));
        assert!(eval(json!({"Fn::FindInMap": ["Ports", "pg", "Port"]})).is_unknown());
        assert_eq!(
            eval(json!({"Fn::FindInMap": ["Ports", "pg", "Port", {"DefaultValue": 5432}]})).as_i64(),
            Some(5432)
        );
    }

    #[test]
    fn if_with_decided_conditions() {
        assert_eq!(s(&eval(json!({"Fn::If": ["IsProd", "p", "d"]}))), "p");
        assert_eq!(s(&eval(json!({"Fn::If": ["IsDev", "d", "p"]}))), "p");
        assert!(eval(json!({"Fn::If": ["Unknown", "a", "b"]})).is_unknown());
        assert!(eval(json!({"Fn::If": ["Cycle", "a", "b"]})).is_unknown());
        assert!(eval(json!({"Fn::If": ["Missing", "a", "b"]})).is_unknown());
    }

    #[test]
    fn three_valued_and_or() {
        let root = template();
        let tpl = Template::new(&root, &Overrides::new());
        let o = Overrides::new();
        let ev = Evaluator::new(&tpl, &o, BTreeMap::new());
        assert_eq!(ev.condition("IsProd"), Some(true));
        assert_eq!(ev.condition("Unknown"), None);
        assert_eq!(ev.condition("ProdAndUnknown"), None);
        // false AND unknown is false.
        assert_eq!(ev.condition("DevAndUnknown"), Some(false));
    }

    #[test]
    fn assumptions_decide_undecidable_conditions() {
        let root = template();
        assert_eq!(
            s(&eval_with(&root, &Overrides::new(), &[("Unknown", true)], json!({"Fn::If": ["NotUnknown", "a", "b"]}))),
            "b"
        );
        let tpl = Template::new(&root, &Overrides::new());
        let o = Overrides::new();
        let ev = Evaluator::new(&tpl, &o, BTreeMap::new());
        // NotUnknown and ProdAndUnknown derive from the atom `Unknown`.
        let atoms = ev.undecided_atoms(&["NotUnknown".into(), "ProdAndUnknown".into(), "IsProd".into()]);
        assert_eq!(atoms, vec!["Unknown".to_string()]);
    }

    #[test]
    fn dynamic_references_are_unknown() {
        assert!(eval(json!("{{resolve:secretsmanager:db:SecretString:password}}")).is_unknown());
        assert!(eval(json!({"Fn::Sub": "{{resolve:ssm:/x}}"})).is_unknown());
    }

    #[test]
    fn unsupported_functions_are_unknown() {
        assert!(eval(json!({"Fn::ImportValue": "x"})).is_unknown());
        assert!(eval(json!({"Fn::GetAZs": ""})).is_unknown());
        assert!(eval(json!({"Fn::Cidr": ["10.0.0.0/16", 2, 8]})).is_unknown());
        assert_eq!(eval(json!({"Fn::Length": [1, 2, 3]})).as_i64(), Some(3));
        assert_eq!(s(&eval(json!({"Fn::Base64": "text"}))), "text");
    }

    #[test]
    fn for_each_expands_resources() {
        let root = node(&json!({
            "Parameters": {"Names": {"Type": "CommaDelimitedList", "Default": "A,B"}},
            "Resources": {
                "Fn::ForEach::Buckets": ["Name", {"Ref": "Names"}, {
                    "Bucket${Name}": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": {"Fn::Sub": "data-${Name}"}, "Tag": {"Ref": "Name"}}}
                }],
                "Fn::ForEach::Broken": ["X", {"Ref": "Missing"}, {"R${X}": {"Type": "AWS::S3::Bucket"}}]
            }
        }));
        let o = Overrides::new();
        let tpl = Template::new(&root, &o);
        let ids: Vec<&str> = tpl.resources.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["BucketA", "BucketB"]);
        assert_eq!(tpl.unexpanded.len(), 1);
        let ev = Evaluator::new(&tpl, &o, BTreeMap::new());
        let props = ev.eval(tpl.resources[1].properties().unwrap());
        assert_eq!(s(props.get("BucketName").unwrap()), "data-B");
        assert_eq!(s(props.get("Tag").unwrap()), "B");
    }

    /// Chains of references of every kind end within the depth budget, on a thread with half
    /// the stack of a worker thread, in a debug build.
    #[test]
    fn long_chains_fit_a_small_stack() {
        const N: usize = 2_000;
        let mut conds = serde_json::Map::new();
        let mut params = serde_json::Map::new();
        let mut map = serde_json::Map::new();
        for i in 0..N {
            let next = format!("{}", i + 1);
            conds.insert(
                format!("C{i}"),
                json!({"Fn::And": [{"Fn::Or": [{"Condition": format!("C{next}")}]}, {"Fn::Equals": ["a", "a"]}]}),
            );
            params.insert(
                format!("P{i}"),
                json!({"Type": "CommaDelimitedList", "Default": [{"Fn::Select": [0, {"Ref": format!("P{next}")}]}]}),
            );
            map.insert(
                format!("k{i}"),
                json!({"v": {"Fn::Sub": ["${X}", {"X": {"Fn::If": ["T", {"Fn::FindInMap": ["M", format!("k{next}"), "v"]}, "n"]}}]}}),
            );
        }
        conds.insert("T".into(), json!({"Fn::Equals": ["a", "a"]}));
        conds.insert(format!("C{N}"), json!({"Fn::Equals": [{"Ref": "AWS::Region"}, "x"]}));
        params.insert(format!("P{N}"), json!({"Type": "CommaDelimitedList", "Default": "a"}));
        map.insert(format!("k{N}"), json!({"v": "end"}));
        let root = node(&json!({
            "Conditions": conds, "Parameters": params, "Mappings": {"M": map},
            "Resources": {"B": {"Type": "AWS::S3::Bucket"}}
        }));
        let problems = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || {
                let o = Overrides::new();
                let tpl = Template::new(&root, &o);
                let ev = Evaluator::new(&tpl, &o, BTreeMap::new());
                assert_eq!(ev.condition("C0"), None);
                assert!(ev.eval(&node(&json!({"Fn::Select": [0, {"Ref": "P0"}]}))).is_unknown());
                assert!(ev.eval(&node(&json!({"Fn::FindInMap": ["M", "k0", "v"]}))).is_unknown());
                // Every other condition of the chain is decided without a deeper stack.
                for i in (0..N).rev() {
                    ev.condition(&format!("C{i}"));
                }
                ev.problems()
            })
            .unwrap()
            .join()
            .unwrap();
        let text: Vec<String> = problems.iter().map(|(_, m)| m.en()).collect();
        assert!(text.iter().any(|m| m.contains("nesting deeper than")), "{text:?}");
    }

    #[test]
    fn cycles_are_unknown_and_reported() {
        let root = node(&json!({
            "Parameters": {
                "L": {"Type": "CommaDelimitedList", "Default": [{"Ref": "L"}]},
                "A": {"Type": "CommaDelimitedList", "Default": [{"Fn::Join": ["", {"Ref": "B"}]}]},
                "B": {"Type": "CommaDelimitedList", "Default": [{"Fn::Join": ["", {"Ref": "A"}]}]}
            },
            "Mappings": {"M": {"a": {"v": {"Fn::FindInMap": ["M", "a", "v"]}}}},
            "Conditions": {"X": {"Fn::Or": [{"Condition": "Y"}]}, "Y": {"Fn::Not": [{"Condition": "X"}]}},
            "Resources": {"B": {"Type": "AWS::S3::Bucket"}}
        }));
        let o = Overrides::new();
        let tpl = Template::new(&root, &o);
        let ev = Evaluator::new(&tpl, &o, BTreeMap::new());
        assert!(ev.eval(&node(&json!({"Ref": "L"}))).as_list().is_some_and(|l| l[0].is_unknown()));
        assert!(ev.eval(&node(&json!({"Fn::Join": ["", {"Ref": "A"}]}))).is_unknown());
        assert!(ev.eval(&node(&json!({"Fn::FindInMap": ["M", "a", "v"]}))).is_unknown());
        assert_eq!(ev.condition("X"), None);
        let text: Vec<String> = ev.problems().into_iter().map(|(_, m)| m.en()).collect();
        for want in
            ["parameter `L` refers to itself", "parameter `A` refers to itself", "mapping `M`.`a`.`v`", "condition `X`"]
        {
            assert!(text.iter().any(|m| m.contains(want)), "{want}: {text:?}");
        }
    }

    #[test]
    fn values_used_twice_are_evaluated_once() {
        let mut sub = json!("ab");
        for _ in 0..40 {
            sub = json!({"Fn::Sub": ["${A}${A}", {"A": sub}]});
        }
        let root = node(&json!({"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}));
        let o = Overrides::new();
        let tpl = Template::new(&root, &o);
        let ev = Evaluator::new(&tpl, &o, BTreeMap::new());
        assert!(ev.eval(&node(&sub)).is_unknown());
        assert!(ev.problems()[0].1.en().contains("longer than"));
        assert!(ev.work.get() < 4 * MAX_TEXT);
    }
}
